/* bal-welcome-page.h: what a window shows before a project is open
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BAL_TYPE_WELCOME_PAGE (bal_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (BalWelcomePage, bal_welcome_page, BAL, WELCOME_PAGE, AdwBin)

void bal_welcome_page_set_settings (BalWelcomePage *self,
                                    GSettings      *settings);

G_END_DECLS
