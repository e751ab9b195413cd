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

/* Called from the exporting thread with the share done, 0..1. */
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

G_END_DECLS
