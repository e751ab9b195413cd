/* bal-question-row.h: one question of the questionnaire: its options, hints and evidence
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-hints.h"
#include "bal-method.h"
#include "bal-project.h"
#include "bal-questionnaire.h"

G_BEGIN_DECLS

#define BAL_TYPE_QUESTION_ROW (bal_question_row_get_type ())

G_DECLARE_FINAL_TYPE (BalQuestionRow, bal_question_row, BAL, QUESTION_ROW, GtkBox)

GtkWidget  *bal_question_row_new              (BalProject        *project,
                                               gint64             job_id,
                                               const BalQuestion *question,
                                               int                levels,
                                               const BalAnswer   *answer,
                                               gboolean           review);
const char *bal_question_row_get_question_id  (BalQuestionRow    *self);
void        bal_question_row_add_hint         (BalQuestionRow    *self,
                                               BalHint           *hint);
void        bal_question_row_flush            (BalQuestionRow    *self);
gboolean    bal_question_row_focus_answer     (BalQuestionRow    *self);
GtkWidget  *bal_question_row_get_option       (BalQuestionRow    *self,
                                               const char        *option_id);
GtkEditable *bal_question_row_get_evidence    (BalQuestionRow    *self);

G_END_DECLS
