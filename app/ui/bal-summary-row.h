/* bal-summary-row.h: a line of the questionnaire's summary: a characteristic's level, or a question to answer
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-profile.h"
#include "bal-method.h"

G_BEGIN_DECLS

#define BAL_TYPE_SUMMARY_ROW (bal_summary_row_get_type ())

G_DECLARE_FINAL_TYPE (BalSummaryRow, bal_summary_row, BAL, SUMMARY_ROW, AdwActionRow)

GtkWidget  *bal_summary_row_new_level       (const BalJobLevel *level);
GtkWidget  *bal_summary_row_new_question    (const BalQuestion *question,
                                             gboolean           activatable);
const char *bal_summary_row_get_question_id (BalSummaryRow     *self);

G_END_DECLS
