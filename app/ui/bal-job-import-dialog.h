/* bal-job-import-dialog.h: a client's job list, previewed and imported
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_JOB_IMPORT_DIALOG (bal_job_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BalJobImportDialog, bal_job_import_dialog, BAL, JOB_IMPORT_DIALOG, AdwWindow)

void bal_job_import_dialog_present (GtkWindow  *parent,
                                    BalProject *project,
                                    GFile      *file);

G_END_DECLS
