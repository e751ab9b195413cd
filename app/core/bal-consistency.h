/* bal-consistency.h: gradings that do not sit well together
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-project.h"

G_BEGIN_DECLS

typedef struct
{
  char   *kind;     /* above-manager, same-profile-other-grade, no-decision, reference-gone */
  gint64  job_id;
  char   *job_title;
  char   *message;
} BalFinding;

GPtrArray *bal_consistency_check  (BalProject  *project,
                                   GError     **error);
void       bal_consistency_check_async  (BalProject          *project,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GPtrArray *bal_consistency_check_finish (BalProject          *project,
                                        GAsyncResult        *result,
                                        GError             **error);
void       bal_finding_free       (BalFinding  *finding);

G_END_DECLS
