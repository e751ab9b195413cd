/* bal-profile.h: a job's level per characteristic, from its answers
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-questionnaire.h"

G_BEGIN_DECLS

typedef struct
{
  char      *characteristic_id;
  char      *name;
  int        levels;      /* the scale */
  int        level;       /* 0: no question of this characteristic is answered */
  GPtrArray *answers;     /* BalAnswer: the answers that decided the level */
  GPtrArray *unanswered;  /* char *: its questions without an answer */
} BalJobLevel;

typedef struct
{
  GPtrArray *levels;      /* BalJobLevel, in the method's order */
  GPtrArray *unanswered;  /* char *: every question without an answer */
  guint      n_questions; /* all questions of the method */
} BalJobProfile;

int            bal_profile_level_of    (const int   *levels,
                                        guint        n_levels);
BalJobProfile *bal_profile_compute     (BalProject  *project,
                                        gint64       job_id,
                                        GError     **error);
GHashTable    *bal_profile_levels_by_job (BalProject  *project,
                                          BalMethod   *method,
                                          GError     **error);
BalJobLevel   *bal_job_profile_find    (BalJobProfile *profile,
                                        const char    *characteristic_id);
void           bal_job_profile_free    (BalJobProfile *profile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalJobProfile, bal_job_profile_free)

G_END_DECLS
