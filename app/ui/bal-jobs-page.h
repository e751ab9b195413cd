/* bal-jobs-page.h: the organisation's jobs: list, form, questionnaire
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-job-list.h"

#include "bal-project.h"
#include "bal-questionnaire-view.h"

G_BEGIN_DECLS

#define BAL_TYPE_JOBS_PAGE (bal_jobs_page_get_type ())

G_DECLARE_FINAL_TYPE (BalJobsPage, bal_jobs_page, BAL, JOBS_PAGE, AdwBin)

BalProject           *bal_jobs_page_get_project        (BalJobsPage *self);
void                  bal_jobs_page_set_project        (BalJobsPage *self,
                                                        BalProject  *project);
gboolean              bal_jobs_page_get_loading        (BalJobsPage *self);
GListModel           *bal_jobs_page_get_jobs           (BalJobsPage *self);
void                  bal_jobs_page_set_job_list       (BalJobsPage *self,
                                                        BalJobList  *jobs);
void                  bal_jobs_page_show_job           (BalJobsPage *self,
                                                        gint64       id,
                                                        gboolean     questionnaire);
BalQuestionnaireView *bal_jobs_page_get_questionnaire  (BalJobsPage *self);

G_END_DECLS
