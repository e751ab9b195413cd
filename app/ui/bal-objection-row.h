/* bal-objection-row.h: an objection against a grading, and what can be done with it
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-objection.h"

G_BEGIN_DECLS

#define BAL_TYPE_OBJECTION_ROW (bal_objection_row_get_type ())

G_DECLARE_FINAL_TYPE (BalObjectionRow, bal_objection_row, BAL, OBJECTION_ROW, AdwExpanderRow)

GtkWidget  *bal_objection_row_new         (const BalObjection *objection,
                                           gboolean            with_job,
                                           gboolean            editable);
gint64      bal_objection_row_get_id      (BalObjectionRow    *self);
gboolean    bal_objection_row_get_overdue (BalObjectionRow    *self);
const char *bal_objection_row_get_members (BalObjectionRow    *self);
const char *bal_objection_row_get_advice  (BalObjectionRow    *self);
const char *bal_objection_row_get_note    (BalObjectionRow    *self);

G_END_DECLS
