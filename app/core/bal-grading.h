/* bal-grading.h: compare a job with a reference function, and decide its grade
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-method.h"
#include "bal-project.h"
#include "bal-verdict.h"

G_BEGIN_DECLS

#define BAL_GRADING_ERROR (bal_grading_error_quark ())

typedef enum
{
  BAL_GRADING_ERROR_INVALID,
  BAL_GRADING_ERROR_DEPARTURE,
  BAL_GRADING_ERROR_NOT_FOUND,
  BAL_GRADING_ERROR_PREMATURE,
  BAL_GRADING_ERROR_NO_FIT,
} BalGradingError;

/* One characteristic, side by side. */
typedef struct
{
  char       *characteristic_id;
  char       *name;
  int         levels;
  int         job_level;        /* 0: not answered */
  int         reference_level;
  BalVerdict  proposed;
  gboolean    lesser;           /* only breaks a tie (the method's [Method] Lesser) */
  GPtrArray  *answers;          /* BalAnswer: the job's answers with their evidence */
  char       *reference_text;   /* the reference's section on it */
} BalComparisonLine;

typedef struct
{
  char       *reference_code;
  char       *reference_title;
  char       *family;
  char       *reference_grade;
  GPtrArray  *lines;             /* BalComparisonLine */
  BalOverall  overall;
  char       *proposed_grade;
  GPtrArray  *warnings;          /* char * */
  char       *suggested_code;    /* the heavier or lighter reference of the family, when the job differs too much */
  guint       answered_questions;
  guint       total_questions;
  int         completeness;      /* percent of the questions the method asks before a proposal counts */
  gboolean    complete;          /* enough answered, and every main characteristic known */
  char       *no_fit;            /* why no reference function fits the job, or NULL */
  char       *explanation;       /* the arithmetic of the proposal, one sentence */
} BalComparison;

typedef struct
{
  char       *characteristic_id;
  char       *name;              /* the characteristic's name */
  int         job_level;
  int         reference_level;
  BalVerdict  proposed;
  BalVerdict  verdict;
  char       *note;
} BalDecisionVerdict;

typedef struct
{
  gint64      id;
  gint64      job_id;
  char       *reference_code;
  char       *reference_title;
  char       *grade;
  char       *proposed_grade;
  BalVerdict  verdict;
  BalVerdict  proposed_verdict;
  char       *justification;
  char       *departure;
  char       *evaluator;
  char       *decided;
  gint64      supersedes;
  GPtrArray  *verdicts;          /* BalDecisionVerdict */
  char       *evaluator_role;
  gint64      description_id;    /* the job description version graded; 0: none */
} BalDecision;

/* What the evaluator decides; verdicts not given are the proposed ones. */
typedef struct
{
  const char  *reference_code;
  const char  *grade;
  const char  *justification;
  const char  *departure;
  const char  *evaluator;
  GHashTable  *verdicts;  /* characteristic id -> GINT_TO_POINTER (BalVerdict) */
  GHashTable  *notes;     /* characteristic id -> char * */
} BalDecisionInput;

/* departure is also the reason for deciding anyway on an incomplete
 * questionnaire, or where no reference function fits. */

GQuark         bal_grading_error_quark   (void);

BalComparison *bal_grading_compare       (BalProject        *project,
                                          gint64             job_id,
                                          const char        *reference_code,
                                          GError           **error);
gint64         bal_grading_decide        (BalProject        *project,
                                          gint64             job_id,
                                          BalDecisionInput  *input,
                                          GError           **error);
GPtrArray     *bal_grading_history       (BalProject        *project,
                                          gint64             job_id,
                                          GError           **error);
BalDecision   *bal_grading_latest        (BalProject        *project,
                                          gint64             job_id,
                                          GError           **error);

char          *bal_grading_explain_decision (BalDecision   *decision,
                                             BalMethod     *method);

void           bal_comparison_free       (BalComparison     *comparison);
void           bal_decision_free         (BalDecision       *decision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalComparison, bal_comparison_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalDecision, bal_decision_free)

G_END_DECLS
