/* bal-job-import.h: a client's job list, from the CSV its HR system writes
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_JOB_IMPORT_ERROR (bal_job_import_error_quark ())

typedef enum
{
  BAL_JOB_IMPORT_ERROR_INVALID,
} BalJobImportError;

/* The fields a column can fill, in this order in BalJobImport.columns. */
typedef enum
{
  BAL_JOB_FIELD_TITLE,
  BAL_JOB_FIELD_DEPARTMENT,
  BAL_JOB_FIELD_REPORTS_TO,
  BAL_JOB_FIELD_INCUMBENTS,
  BAL_JOB_FIELD_DESCRIPTION,
  BAL_JOB_N_FIELDS,
} BalJobField;

typedef struct
{
  guint  line;
  char  *title;
  char  *department;
  char  *reports_to;     /* a title, in the file or the project; "" when none */
  int    incumbents;
  char  *description;
} BalJobImportRow;

typedef struct
{
  guint  line;
  char  *message;        /* "FILE:LINE: what is wrong" */
} BalJobImportProblem;

/* What a file would bring in, before anything is written. */
typedef struct
{
  char       *file;                          /* as the user named it */
  char       *encoding;
  char        delimiter;
  int         columns[BAL_JOB_N_FIELDS];     /* column of each field, -1 when none */
  GStrv       headers;                       /* the header row as written */
  GPtrArray  *rows;                          /* BalJobImportRow */
  GPtrArray  *problems;                      /* BalJobImportProblem, by line */
} BalJobImport;

GQuark        bal_job_import_error_quark  (void);
const char   *bal_job_field_label         (BalJobField    field);
BalJobImport *bal_job_import_read         (BalProject    *project,
                                           GFile         *file,
                                           GError       **error);
guint         bal_job_import_apply        (BalProject    *project,
                                           BalJobImport  *import,
                                           GError       **error);
void          bal_job_import_free         (BalJobImport  *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalJobImport, bal_job_import_free)

G_END_DECLS
