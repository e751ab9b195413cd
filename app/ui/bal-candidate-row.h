/* bal-candidate-row.h: a reference function that may fit the job, with why
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-matching.h"

G_BEGIN_DECLS

#define BAL_TYPE_CANDIDATE_ROW (bal_candidate_row_get_type ())

G_DECLARE_FINAL_TYPE (BalCandidateRow, bal_candidate_row, BAL, CANDIDATE_ROW, AdwActionRow)

GtkWidget  *bal_candidate_row_new       (const BalCandidate *candidate);
const char *bal_candidate_row_get_code  (BalCandidateRow    *self);

G_END_DECLS
