/* bal-preferences-window.h: your name and role
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BAL_TYPE_PREFERENCES_WINDOW (bal_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BalPreferencesWindow, bal_preferences_window, BAL, PREFERENCES_WINDOW, AdwPreferencesWindow)

BalPreferencesWindow *bal_preferences_window_new (GtkWindow *parent);

G_END_DECLS
