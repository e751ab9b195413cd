/* bal-handbook-private.h: what the files of the handbook share, for them only
 *
 * bal-handbook.c (reference functions, read and edited), bal-handbook-search.c,
 * bal-handbook-method.c and bal-handbook-import.c.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-handbook.h"
#include "bal-project-private.h"

G_BEGIN_DECLS

/* The kinds of application rule as the table stores them, in BalRuleKind order. */
extern const char * const bal_handbook_rule_kinds[BAL_N_RULES];

static inline const char *
bal_handbook_column_text (sqlite3_stmt *stmt,
                          int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? text : "";
}

G_END_DECLS
