/* bal-scale-row.h: one grade's salary scale, edited in place
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-method.h"

G_BEGIN_DECLS

#define BAL_TYPE_SCALE_ROW (bal_scale_row_get_type ())

G_DECLARE_FINAL_TYPE (BalScaleRow, bal_scale_row, BAL, SCALE_ROW, AdwPreferencesRow)

GtkWidget  *bal_scale_row_new          (BalMethod   *method,
                                        const char  *grade,
                                        gboolean     editable);
const char *bal_scale_row_get_grade    (BalScaleRow *self);
gboolean    bal_scale_row_get_expanded (BalScaleRow *self);
void        bal_scale_row_set_expanded (BalScaleRow *self,
                                        gboolean     expanded);
gboolean    bal_scale_row_get_modified (BalScaleRow *self);
void        bal_scale_row_mark_saved   (BalScaleRow *self);
const char *bal_scale_row_get_name     (BalScaleRow *self);
gboolean    bal_scale_row_get_amounts  (BalScaleRow *self,
                                        double      *minimum,
                                        double      *maximum);
void        bal_scale_row_show_error   (BalScaleRow *self,
                                        const char  *message);

G_END_DECLS
