/* bal-export-page.h: export the workbook, off the main thread
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-job-list.h"

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_EXPORT_PAGE (bal_export_page_get_type ())

G_DECLARE_FINAL_TYPE (BalExportPage, bal_export_page, BAL, EXPORT_PAGE, GtkWidget)

BalProject *bal_export_page_get_project (BalExportPage *self);
void        bal_export_page_set_project (BalExportPage *self,
                                         BalProject    *project);
void        bal_export_page_set_target  (BalExportPage *self,
                                         GFile         *target);
void        bal_export_page_cancel      (BalExportPage *self);
gboolean    bal_export_page_get_loading (BalExportPage *self);
void        bal_export_page_set_job_list (BalExportPage *self,
                                          BalJobList    *jobs);

G_END_DECLS
