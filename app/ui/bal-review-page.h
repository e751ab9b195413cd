/* bal-review-page.h: open remarks and objections, and per job its review trail
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-job-list.h"

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_REVIEW_PAGE (bal_review_page_get_type ())

G_DECLARE_FINAL_TYPE (BalReviewPage, bal_review_page, BAL, REVIEW_PAGE, AdwBin)

void bal_review_page_set_project (BalReviewPage *self,
                                  BalProject    *project,
                                  gboolean       review);

void bal_review_page_show_job (BalReviewPage *self,
                               gint64         job_id);

gboolean bal_review_page_get_loading (BalReviewPage *self);

void bal_review_page_set_job_list (BalReviewPage *self,
                                   BalJobList    *jobs);

G_END_DECLS
