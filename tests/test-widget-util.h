/* test-widget-util.h: finding and driving widgets in tests
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bal-application.h"
#include "test-cli-util.h"

void            bal_test_application_init  (void);
void            bal_test_use_environment_locale (void);
BalApplication *bal_test_application       (void);
void            bal_test_iterate           (void);
void            bal_test_wait_for_map      (GtkWidget  *widget);
GtkWidget      *bal_test_find_widget       (GtkWidget  *root,
                                            GType       type,
                                            const char *name);
GtkWidget      *bal_test_find_button       (GtkWidget  *root,
                                            const char *label);
GtkWidget      *bal_test_find_label        (GtkWidget  *root,
                                            const char *text);
char           *bal_test_combo_row_line    (AdwComboRow *row,
                                            guint        position);
gboolean        bal_test_screenshot        (GtkWidget  *widget,
                                            const char *path);
void            bal_test_save_screenshot   (GtkWidget  *widget,
                                            const char *name);
GtkShortcut    *bal_test_find_shortcut     (GtkWidget          *root,
                                            GtkShortcutTrigger *trigger,
                                            GtkWidget         **owner);
