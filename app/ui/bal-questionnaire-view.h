/* bal-questionnaire-view.h: the guided questionnaire: one characteristic per step
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_QUESTIONNAIRE_VIEW (bal_questionnaire_view_get_type ())

G_DECLARE_FINAL_TYPE (BalQuestionnaireView, bal_questionnaire_view, BAL, QUESTIONNAIRE_VIEW, AdwBin)

void       bal_questionnaire_view_open              (BalQuestionnaireView *self,
                                                     BalProject           *project,
                                                     gint64                job_id,
                                                     gboolean              review);
int        bal_questionnaire_view_get_step          (BalQuestionnaireView *self);
void       bal_questionnaire_view_show_question     (BalQuestionnaireView *self,
                                                     const char           *question_id);
GtkWidget *bal_questionnaire_view_get_question_row  (BalQuestionnaireView *self,
                                                     const char           *question_id);

G_END_DECLS
