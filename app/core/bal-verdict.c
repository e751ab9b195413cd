/* bal-verdict.c: lighter, equal or heavier: the comparison of levels
 *
 * Per characteristic: a job below the reference's level is lighter, at it
 * equal, above it heavier; an unanswered characteristic has no verdict.
 * Overall: the mean difference over the answered characteristics; half a
 * level or more either way tips it. A mean of one and a half levels or
 * more, or a single characteristic three levels apart, is more than the
 * application rules allow: another reference function fits better.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "bal-verdict.h"

static const char * const names[] = { "", "lighter", "equal", "heavier" };

const char *
bal_verdict_to_string (BalVerdict verdict)
{
  return names[CLAMP (verdict, BAL_VERDICT_NONE, BAL_VERDICT_HEAVIER)];
}

BalVerdict
bal_verdict_from_string (const char *text)
{
  for (guint i = BAL_VERDICT_LIGHTER; i <= BAL_VERDICT_HEAVIER; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      return i;

  return BAL_VERDICT_NONE;
}

const char *
bal_verdict_label (BalVerdict verdict)
{
  switch (verdict)
    {
    case BAL_VERDICT_LIGHTER:
      return _("Lighter");
    case BAL_VERDICT_EQUAL:
      return _("Equal");
    case BAL_VERDICT_HEAVIER:
      return _("Heavier");
    case BAL_VERDICT_NONE:
    default:
      return _("Not answered");
    }
}

BalVerdict
bal_verdict_for_levels (int job_level,
                        int reference_level)
{
  if (job_level <= 0 || reference_level <= 0)
    return BAL_VERDICT_NONE;
  if (job_level < reference_level)
    return BAL_VERDICT_LIGHTER;
  if (job_level > reference_level)
    return BAL_VERDICT_HEAVIER;
  return BAL_VERDICT_EQUAL;
}

BalOverall
bal_verdict_overall (const int *job_levels,
                     const int *reference_levels,
                     guint      n)
{
  BalOverall overall = { BAL_VERDICT_EQUAL, 0.0, 0, 0 };
  int sum = 0;
  int widest = 0;

  for (guint i = 0; i < n; i++)
    {
      int difference;

      if (job_levels[i] <= 0 || reference_levels[i] <= 0)
        continue;

      difference = job_levels[i] - reference_levels[i];
      sum += difference;
      if (abs (difference) > abs (widest))
        widest = difference;
      overall.answered++;
    }

  if (overall.answered == 0)
    return overall;

  overall.mean_difference = (double)sum / overall.answered;
  if (overall.mean_difference >= 0.5)
    overall.verdict = BAL_VERDICT_HEAVIER;
  else if (overall.mean_difference <= -0.5)
    overall.verdict = BAL_VERDICT_LIGHTER;

  if (overall.mean_difference >= 1.5 || widest >= 3)
    overall.beyond_rules = +1;
  else if (overall.mean_difference <= -1.5 || widest <= -3)
    overall.beyond_rules = -1;

  return overall;
}

/* The overall verdict of verdicts chosen per characteristic: lighter and
 * heavier weigh against each other, and need half the votes. */
BalVerdict
bal_verdict_combine (const BalVerdict *verdicts,
                     guint             n)
{
  int sum = 0;
  int counted = 0;

  for (guint i = 0; i < n; i++)
    {
      if (verdicts[i] == BAL_VERDICT_NONE)
        continue;
      counted++;
      sum += verdicts[i] == BAL_VERDICT_HEAVIER ? 1 : verdicts[i] == BAL_VERDICT_LIGHTER ? -1 : 0;
    }

  if (counted > 0 && 2 * sum >= counted)
    return BAL_VERDICT_HEAVIER;
  if (counted > 0 && -2 * sum >= counted)
    return BAL_VERDICT_LIGHTER;
  return BAL_VERDICT_EQUAL;
}
