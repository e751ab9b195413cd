/* bal-job-list.h: every job of a project, as the pages list them
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bal-job-item.h"
#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_JOB_LIST (bal_job_list_get_type ())

G_DECLARE_FINAL_TYPE (BalJobList, bal_job_list, BAL, JOB_LIST, GObject)

BalJobList *bal_job_list_new            (void);
void        bal_job_list_report_errors  (BalJobList *self,
                                         GtkWidget  *widget);
BalProject *bal_job_list_get_project    (BalJobList *self);
void        bal_job_list_set_project    (BalJobList *self,
                                         BalProject *project);
GListModel *bal_job_list_get_model      (BalJobList *self);
BalJobItem *bal_job_list_lookup         (BalJobList *self,
                                         gint64      id);
guint       bal_job_list_find           (BalJobList *self,
                                         gint64      id);
gboolean    bal_job_list_get_loading    (BalJobList *self);
const char *bal_job_list_grade_text     (BalJobList *self,
                                         const char *grade);
void        bal_job_list_block_reload   (BalJobList *self);
void        bal_job_list_unblock_reload (BalJobList *self);

G_END_DECLS
