/* bal-application.h: the Balans application
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BAL_TYPE_APPLICATION (bal_application_get_type ())

G_DECLARE_FINAL_TYPE (BalApplication, bal_application, BAL, APPLICATION, AdwApplication)

BalApplication *bal_application_new              (void);
GSettings      *bal_application_get_settings     (BalApplication *self);
void            bal_application_open_project     (BalApplication *self,
                                                  GFile          *file,
                                                  gboolean        review,
                                                  GtkWindow      *parent);
void            bal_application_open_demo        (BalApplication *self,
                                                  GtkWindow      *parent);
void            bal_application_add_recent       (BalApplication *self,
                                                  GFile          *file);

G_END_DECLS
