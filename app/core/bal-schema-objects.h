/* bal-schema-objects.h: the schema objects our migrations make, per file
 * format, written at build time by resources/schema/gen-schema.c
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

typedef struct
{
  int         version;   /* the file format after the step that made it */
  const char *type;
  const char *name;
  const char *sql;       /* "" for the indexes SQLite makes itself */
} BalSchemaObject;

/* Ends with a row whose type is NULL. */
extern const BalSchemaObject bal_schema_objects[];
