/* bal-remark-row.h: a remark about a job, with a way to resolve it
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-review.h"
#include "bal-text-row.h"

G_BEGIN_DECLS

#define BAL_TYPE_REMARK_ROW (bal_remark_row_get_type ())

G_DECLARE_FINAL_TYPE (BalRemarkRow, bal_remark_row, BAL, REMARK_ROW, BalTextRow)

GtkWidget *bal_remark_row_new    (const BalRemark *remark,
                                  gboolean         with_job,
                                  gboolean         editable);
gint64     bal_remark_row_get_id (BalRemarkRow    *self);

G_END_DECLS
