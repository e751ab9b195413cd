/* bal-ui-util.h: small helpers shared by the widgets
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bal_ui_show_error (GtkWidget    *widget,
                        const char   *heading,
                        const GError *error);

G_END_DECLS
