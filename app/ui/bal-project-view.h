/* bal-project-view.h: one open project: the sidebar and its pages
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_PROJECT_VIEW (bal_project_view_get_type ())

G_DECLARE_FINAL_TYPE (BalProjectView, bal_project_view, BAL, PROJECT_VIEW, AdwBin)

void        bal_project_view_set_project   (BalProjectView *self,
                                            BalProject     *project,
                                            gboolean        review);
GtkStack   *bal_project_view_get_stack     (BalProjectView *self);
GtkWidget  *bal_project_view_show_page     (BalProjectView *self,
                                            const char     *name);
const char *bal_project_view_get_title     (BalProjectView *self);
gboolean    bal_project_view_get_can_go_back (BalProjectView *self);
void        bal_project_view_go_back       (BalProjectView *self);

G_END_DECLS
