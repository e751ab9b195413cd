/* bal-matching.h: the reference functions that may fit a job, best first
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-project.h"

G_BEGIN_DECLS

/* Beyond this mean level difference over the main characteristics no
 * reference fits: the application rules bridge one grade, about one level. */
#define BAL_MATCHING_NO_FIT_DISTANCE 1.0

typedef struct
{
  char      *code;
  char      *title;
  char      *family;
  char      *grade;
  char      *alternative_titles;
  double     score;          /* 0..1 */
  double     text_score;     /* 0..1, relative to the best text match */
  double     profile_score;  /* 0..1, or -1 without answers */
  double     distance;       /* mean level difference over the known characteristics, or -1 */
  char      *no_fit;         /* why this reference does not fit the job, or NULL */
  GPtrArray *reasons;        /* char *: why it stands where it stands */
} BalCandidate;

GPtrArray *bal_matching_candidates  (BalProject   *project,
                                     gint64        job_id,
                                     guint         limit,
                                     GError      **error);
char      *bal_matching_no_fit      (BalProject   *project,
                                     gint64        job_id,
                                     GError      **error);
void       bal_candidate_free       (BalCandidate *candidate);

G_END_DECLS
