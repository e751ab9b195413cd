/* bal-matching.h: the reference functions that may fit a job, best first
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-project.h"

G_BEGIN_DECLS

typedef struct
{
  char      *code;
  char      *title;
  char      *family;
  char      *grade;
  char      *alternative_titles;
  double     score;          /* 0..1 */
  double     text_score;     /* 0..1 */
  double     profile_score;  /* 0..1, or -1 without answers */
  GPtrArray *reasons;        /* char *: why it stands where it stands */
} BalCandidate;

GPtrArray *bal_matching_candidates  (BalProject   *project,
                                     gint64        job_id,
                                     guint         limit,
                                     GError      **error);
void       bal_candidate_free       (BalCandidate *candidate);

G_END_DECLS
