/* bal-option-row.h: one answer option of a question, chosen with a radio check
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-method.h"

G_BEGIN_DECLS

#define BAL_TYPE_OPTION_ROW (bal_option_row_get_type ())

G_DECLARE_FINAL_TYPE (BalOptionRow, bal_option_row, BAL, OPTION_ROW, AdwActionRow)

GtkWidget  *bal_option_row_new            (const BalQuestionOption *option,
                                           int                      levels);
const char *bal_option_row_get_option_id  (BalOptionRow            *self);
void        bal_option_row_set_group      (BalOptionRow            *self,
                                           BalOptionRow            *group);
gboolean    bal_option_row_get_active     (BalOptionRow            *self);
void        bal_option_row_set_active     (BalOptionRow            *self,
                                           gboolean                 active);
GtkWidget  *bal_option_row_get_check      (BalOptionRow            *self);

G_END_DECLS
