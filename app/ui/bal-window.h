/* bal-window.h: a Balans window, showing the welcome page or one project
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-application.h"
#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_WINDOW (bal_window_get_type ())

G_DECLARE_FINAL_TYPE (BalWindow, bal_window, BAL, WINDOW, AdwApplicationWindow)

BalWindow  *bal_window_new          (BalApplication *application);
BalProject *bal_window_get_project  (BalWindow      *self);
gboolean    bal_window_get_review   (BalWindow      *self);
void        bal_window_set_project  (BalWindow      *self,
                                     BalProject     *project,
                                     gboolean        review);
void        bal_window_show_error   (BalWindow      *self,
                                     const char     *heading,
                                     const char     *body);
void        bal_window_add_toast    (BalWindow      *self,
                                     AdwToast       *toast);

G_END_DECLS
