/* bal-questionnaire.h: a job's answers to the questionnaire of the method
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-method.h"
#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_QUESTIONNAIRE_ERROR (bal_questionnaire_error_quark ())

typedef enum
{
  BAL_QUESTIONNAIRE_ERROR_NOT_FOUND,
} BalQuestionnaireError;

typedef struct
{
  char *question_id;
  char *characteristic_id;
  char *option_id;
  char *option_text;
  int   level;
  char *evidence;
} BalAnswer;

GQuark     bal_questionnaire_error_quark    (void);

gboolean   bal_questionnaire_answer         (BalProject  *project,
                                             gint64       job_id,
                                             const char  *question_id,
                                             const char  *option_id,
                                             const char  *evidence,
                                             GError     **error);
gboolean   bal_questionnaire_set_evidence   (BalProject  *project,
                                             gint64       job_id,
                                             const char  *question_id,
                                             const char  *evidence,
                                             GError     **error);
gboolean   bal_questionnaire_clear          (BalProject  *project,
                                             gint64       job_id,
                                             const char  *question_id,
                                             GError     **error);
GPtrArray *bal_questionnaire_answers        (BalProject  *project,
                                             gint64       job_id,
                                             GError     **error);
BalAnswer *bal_questionnaire_find_answer    (GPtrArray   *answers,
                                             const char  *question_id);

void       bal_answer_free                  (BalAnswer   *answer);

G_END_DECLS
