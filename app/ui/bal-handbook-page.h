/* bal-handbook-page.h: the handbook: browse, search, read, edit and import reference functions
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_HANDBOOK_PAGE (bal_handbook_page_get_type ())

G_DECLARE_FINAL_TYPE (BalHandbookPage, bal_handbook_page, BAL, HANDBOOK_PAGE, GtkWidget)

BalProject     *bal_handbook_page_get_project       (BalHandbookPage *self);
void            bal_handbook_page_set_project       (BalHandbookPage *self,
                                                     BalProject      *project);
void            bal_handbook_page_set_review        (BalHandbookPage *self,
                                                     gboolean         review);
void            bal_handbook_page_import_files      (BalHandbookPage *self,
                                                     GListModel      *files);
GtkSearchEntry *bal_handbook_page_get_search_entry  (BalHandbookPage *self);
GListModel     *bal_handbook_page_get_model         (BalHandbookPage *self);
void            bal_handbook_page_cancel            (BalHandbookPage *self);

G_END_DECLS
