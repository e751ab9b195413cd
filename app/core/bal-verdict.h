/* bal-verdict.h: lighter, equal or heavier: the comparison of levels
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BAL_VERDICT_NONE,     /* unknown: the characteristic is not answered */
  BAL_VERDICT_LIGHTER,
  BAL_VERDICT_EQUAL,
  BAL_VERDICT_HEAVIER,
} BalVerdict;

typedef struct
{
  BalVerdict verdict;          /* NONE when no main characteristic is known */
  int        main_sum;         /* job minus reference, summed over the known main characteristics */
  guint      answered;         /* known characteristics, main and lesser */
  guint      main_known;
  guint      main_total;
  gboolean   tie_broken;       /* the main characteristics cancelled out and a lesser one decided */
  int        beyond_rules;     /* +1 or -1 when the job differs more than one grade can hold */
} BalOverall;

const char *bal_verdict_to_string     (BalVerdict        verdict);
BalVerdict  bal_verdict_from_string   (const char       *text);
const char *bal_verdict_label         (BalVerdict        verdict);
BalVerdict  bal_verdict_for_levels    (int               job_level,
                                       int               reference_level);
BalOverall  bal_verdict_overall       (const int        *job_levels,
                                       const int        *reference_levels,
                                       const gboolean   *lesser,
                                       guint             n);
BalVerdict  bal_verdict_combine       (const BalVerdict *verdicts,
                                       const gboolean   *lesser,
                                       guint             n);

G_END_DECLS
