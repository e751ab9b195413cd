/* bal-text-row.h: a row of a title and a subtitle that wrap, with prefixes and suffixes
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BAL_TYPE_TEXT_ROW (bal_text_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (BalTextRow, bal_text_row, BAL, TEXT_ROW, AdwPreferencesRow)

struct _BalTextRowClass
{
  AdwPreferencesRowClass parent_class;

  gpointer padding[4];
};

GtkWidget  *bal_text_row_new          (const char *title,
                                       const char *subtitle);
const char *bal_text_row_get_subtitle (BalTextRow *self);
void        bal_text_row_set_subtitle (BalTextRow *self,
                                       const char *subtitle);
void        bal_text_row_add_prefix   (BalTextRow *self,
                                       GtkWidget  *widget);
void        bal_text_row_add_suffix   (BalTextRow *self,
                                       GtkWidget  *widget);

G_END_DECLS
