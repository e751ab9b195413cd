/* bal-hints.h: facts in a job description that answer questions
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-method.h"
#include "bal-project.h"

G_BEGIN_DECLS

typedef struct
{
  char *question_id;
  char *option_id;
  char *option_text;
  char *fact;      /* education, experience, span, management, external, budget */
  char *value;     /* what was found: "hbo", "5", "manager", ... */
  char *evidence;  /* the sentence, verbatim from the description */
} BalHint;

GPtrArray *bal_hints_find     (BalMethod   *method,
                               const char  *description);
GPtrArray *bal_hints_for_job  (BalProject  *project,
                               gint64       job_id,
                               const char  *description,
                               GError     **error);
gboolean   bal_hints_accept   (BalProject  *project,
                               gint64       job_id,
                               BalHint     *hint,
                               GError     **error);
gboolean   bal_hints_dismiss  (BalProject  *project,
                               gint64       job_id,
                               BalHint     *hint,
                               GError     **error);
void       bal_hint_free      (BalHint     *hint);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalHint, bal_hint_free)

G_END_DECLS
