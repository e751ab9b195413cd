/* bal-hint-row.h: a fact in the job description that answers a question
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-hints.h"

G_BEGIN_DECLS

#define BAL_TYPE_HINT_ROW (bal_hint_row_get_type ())

G_DECLARE_FINAL_TYPE (BalHintRow, bal_hint_row, BAL, HINT_ROW, AdwPreferencesRow)

GtkWidget *bal_hint_row_new       (BalHint    *hint);
BalHint   *bal_hint_row_get_hint  (BalHintRow *self);

G_END_DECLS
