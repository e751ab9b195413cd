/* bal-ui-util.h: small helpers the widgets share (functions only, no class)
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *bal_ui_message_dialog (GtkWidget    *widget,
                                  const char   *heading,
                                  const char   *body);
void       bal_ui_show_error     (GtkWidget    *widget,
                                  const char   *heading,
                                  const GError *error);
void       bal_ui_confirm        (AdwToastOverlay *overlay,
                                  const char      *message);
void       bal_ui_mark_invalid   (GtkWidget    *field,
                                  GtkLabel     *message,
                                  const char   *text);
char      *bal_ui_format_date    (const char   *iso);

void       bal_ui_release_memory (void);
void       bal_ui_set_note       (GtkLabel     *note,
                                  const char   *text);

void       bal_ui_list_item_bind   (GtkListItem              *list_item,
                                    gpointer                  source,
                                    const char               *source_property,
                                    gpointer                  target,
                                    const char               *target_property);
void       bal_ui_list_item_unbind (GtkSignalListItemFactory *factory,
                                    GtkListItem              *list_item);

G_END_DECLS
