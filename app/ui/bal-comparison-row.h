/* bal-comparison-row.h: the job beside the reference on one characteristic, and the verdict
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-grading.h"

G_BEGIN_DECLS

#define BAL_TYPE_COMPARISON_ROW (bal_comparison_row_get_type ())

G_DECLARE_FINAL_TYPE (BalComparisonRow, bal_comparison_row, BAL, COMPARISON_ROW, AdwPreferencesGroup)

GtkWidget  *bal_comparison_row_new                (const BalComparisonLine *line,
                                                   const char              *reference_code);
const char *bal_comparison_row_get_characteristic (BalComparisonRow        *self);
BalVerdict  bal_comparison_row_get_proposed       (BalComparisonRow        *self);
BalVerdict  bal_comparison_row_get_verdict        (BalComparisonRow        *self);
void        bal_comparison_row_set_verdict        (BalComparisonRow        *self,
                                                   BalVerdict               verdict);
const char *bal_comparison_row_get_note           (BalComparisonRow        *self);
void        bal_comparison_row_set_note           (BalComparisonRow        *self,
                                                   const char              *note);

G_END_DECLS
