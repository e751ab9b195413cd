/* bal-export.h: the Excel workbook for management and the works council
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_EXPORT_ERROR (bal_export_error_quark ())

typedef enum
{
  BAL_EXPORT_ERROR_FAILED,
} BalExportError;

/* Called with the share done, 0..1: from the exporting thread by
 * bal_export_workbook(), in the caller's main context by
 * bal_export_workbook_async(). */
typedef void (*BalExportProgress) (double   fraction,
                                   gpointer user_data);

/* Above this many jobs a whole-project workbook has no sheet per job: the
 * Justifications sheet holds them all, one row each. */
#define BAL_EXPORT_DETAIL_SHEETS_MAX 20

GQuark   bal_export_error_quark  (void);
gboolean bal_export_workbook     (GFile             *project_file,
                                  GFile             *target,
                                  const gint64      *job_ids,
                                  guint              n_job_ids,
                                  BalExportProgress  progress,
                                  gpointer           user_data,
                                  GCancellable      *cancellable,
                                  GError           **error);
void     bal_export_workbook_async   (GFile               *project_file,
                                      GFile               *target,
                                      const gint64        *job_ids,
                                      guint                n_job_ids,
                                      BalExportProgress    progress,
                                      gpointer             progress_data,
                                      GDestroyNotify       progress_notify,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean bal_export_workbook_finish  (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
