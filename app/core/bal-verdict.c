/* bal-verdict.c: lighter, equal or heavier: the comparison of levels
 *
 * Per characteristic: a job below the reference's level is lighter, at it
 * equal, above it heavier; an unanswered characteristic is unknown, never
 * equal.
 *
 * Overall (the rule of the method file, [Method] Lesser): the main
 * characteristics decide. Their level differences (job minus reference)
 * are added up: below zero is lighter, above zero heavier, zero equal. The
 * lesser characteristics (the physical aspects) count for half: they only
 * break a tie, when the main characteristics differ but cancel each other
 * out. So the physical side alone never makes a job lighter or heavier,
 * and never turns the verdict of the others around. Handbook methods
 * weigh it that way because the grade pays for what the work asks of
 * knowledge, judgement and responsibility; working conditions are often
 * compensated apart (allowances, rosters) and would otherwise count twice.
 *
 * A main characteristic three levels apart, or a mean difference of one
 * and a half levels or more over the main characteristics, is more than
 * the application rules (one grade either way) can hold: another
 * reference function fits better.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-verdict"

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
      return _("Unknown");
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

static BalVerdict
sign_verdict (int value)
{
  return value < 0 ? BAL_VERDICT_LIGHTER : value > 0 ? BAL_VERDICT_HEAVIER : BAL_VERDICT_EQUAL;
}

/* @lesser (may be NULL: none) marks the characteristics with the lesser role. */
BalOverall
bal_verdict_overall (const int      *job_levels,
                     const int      *reference_levels,
                     const gboolean *lesser,
                     guint           n)
{
  BalOverall overall = { BAL_VERDICT_NONE, 0, 0, 0, 0, FALSE, 0 };
  gboolean main_differ = FALSE;
  int lesser_sum = 0;
  int widest = 0;

  for (guint i = 0; i < n; i++)
    {
      gboolean is_lesser = lesser != NULL && lesser[i];
      int difference;

      if (!is_lesser)
        overall.main_total++;
      if (job_levels[i] <= 0 || reference_levels[i] <= 0)
        continue;

      difference = job_levels[i] - reference_levels[i];
      overall.answered++;
      if (is_lesser)
        {
          lesser_sum += difference;
          continue;
        }

      overall.main_known++;
      overall.main_sum += difference;
      main_differ |= difference != 0;
      if (abs (difference) > abs (widest))
        widest = difference;
    }

  if (overall.main_known == 0)
    return overall;

  overall.verdict = sign_verdict (overall.main_sum);
  if (overall.main_sum == 0 && main_differ && lesser_sum != 0)
    {
      overall.verdict = sign_verdict (lesser_sum);
      overall.tie_broken = TRUE;
    }

  if (2 * overall.main_sum >= 3 * (int)overall.main_known || widest >= 3)
    overall.beyond_rules = +1;
  else if (2 * overall.main_sum <= -3 * (int)overall.main_known || widest <= -3)
    overall.beyond_rules = -1;

  return overall;
}

/* The overall verdict of verdicts chosen per characteristic, by the same
 * rule with one step per lighter or heavier. */
BalVerdict
bal_verdict_combine (const BalVerdict *verdicts,
                     const gboolean   *lesser,
                     guint             n)
{
  g_autofree int *job = g_new0 (int, MAX (n, 1));
  g_autofree int *reference = g_new0 (int, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      reference[i] = 2;
      job[i] = verdicts[i] == BAL_VERDICT_LIGHTER ? 1 : verdicts[i] == BAL_VERDICT_EQUAL ? 2 :
               verdicts[i] == BAL_VERDICT_HEAVIER ? 3 : 0;
    }

  return bal_verdict_overall (job, reference, lesser, n).verdict;
}
