/* bal-job-item.h: one job as the jobs list shows it
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BAL_TYPE_JOB_ITEM (bal_job_item_get_type ())

G_DECLARE_FINAL_TYPE (BalJobItem, bal_job_item, BAL, JOB_ITEM, GObject)

BalJobItem *bal_job_item_new             (gint64      id);
gint64      bal_job_item_get_id          (BalJobItem *self);
const char *bal_job_item_get_title       (BalJobItem *self);
void        bal_job_item_set_title       (BalJobItem *self,
                                          const char *title);
const char *bal_job_item_get_department  (BalJobItem *self);
void        bal_job_item_set_department  (BalJobItem *self,
                                          const char *department);
const char *bal_job_item_get_grade       (BalJobItem *self);
void        bal_job_item_set_grade       (BalJobItem *self,
                                          const char *grade);
const char *bal_job_item_get_grade_text  (BalJobItem *self);
void        bal_job_item_set_grade_text  (BalJobItem *self,
                                          const char *grade_text);
const char *bal_job_item_get_status      (BalJobItem *self);
void        bal_job_item_set_status      (BalJobItem *self,
                                          const char *status);
gboolean    bal_job_item_get_marked      (BalJobItem *self);
void        bal_job_item_set_marked      (BalJobItem *self,
                                          gboolean    marked);
const char *bal_job_item_get_subtitle    (BalJobItem *self);
gboolean    bal_job_item_matches         (BalJobItem *self,
                                          const char *folded_search);

G_END_DECLS
