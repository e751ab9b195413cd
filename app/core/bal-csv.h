/* bal-csv.h: CSV as spreadsheets write it
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BAL_CSV_ERROR (bal_csv_error_quark ())

typedef enum
{
  BAL_CSV_ERROR_INVALID,
  BAL_CSV_ERROR_TOO_LARGE,
} BalCsvError;

/* One record: its fields and the line of the file it starts on. */
typedef struct
{
  guint  line;
  GStrv  fields;
} BalCsvRecord;

typedef struct
{
  char       *encoding;   /* "UTF-8" or "Windows-1252" */
  char        delimiter;  /* ';', ',' or '\t' */
  GPtrArray  *records;    /* BalCsvRecord, the header first */
} BalCsv;

GQuark  bal_csv_error_quark  (void);
BalCsv *bal_csv_parse        (const char  *data,
                              gsize        length,
                              const char  *name,
                              GError     **error);
BalCsv *bal_csv_read         (GFile       *file,
                              GError     **error);
void    bal_csv_free         (BalCsv      *csv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalCsv, bal_csv_free)

G_END_DECLS
