/* bal-handbook-import.h: one import of handbook documents: choose, read off the main thread, store, report
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-file-chooser.h"
#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_HANDBOOK_IMPORT (bal_handbook_import_get_type ())

G_DECLARE_FINAL_TYPE (BalHandbookImport, bal_handbook_import, BAL, HANDBOOK_IMPORT, GObject)

void               bal_handbook_import_choose_files   (GtkWidget           *parent,
                                                       BalFilesChosen       callback,
                                                       gpointer             user_data);
BalHandbookImport *bal_handbook_import_new            (BalProject          *project,
                                                       GListModel          *files);
void               bal_handbook_import_run_async      (BalHandbookImport   *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           bal_handbook_import_run_finish     (BalHandbookImport   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
double             bal_handbook_import_get_fraction   (BalHandbookImport   *self);
const char        *bal_handbook_import_get_text       (BalHandbookImport   *self);
guint              bal_handbook_import_get_n_imported (BalHandbookImport   *self);
guint              bal_handbook_import_get_n_failed   (BalHandbookImport   *self);
const char        *bal_handbook_import_get_report     (BalHandbookImport   *self);
void               bal_handbook_import_present_report (BalHandbookImport   *self,
                                                       GtkWidget           *parent);

G_END_DECLS
