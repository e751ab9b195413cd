/* bal-job-item.h: one row of the jobs list
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BAL_TYPE_JOB_ITEM (bal_job_item_get_type ())

G_DECLARE_FINAL_TYPE (BalJobItem, bal_job_item, BAL, JOB_ITEM, GObject)

BalJobItem *bal_job_item_new             (gint64      id,
                                          const char *title,
                                          const char *department,
                                          const char *status);
gint64      bal_job_item_get_id          (BalJobItem *self);
const char *bal_job_item_get_title       (BalJobItem *self);
const char *bal_job_item_get_department  (BalJobItem *self);
const char *bal_job_item_get_status      (BalJobItem *self);

G_END_DECLS
