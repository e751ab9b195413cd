/* bal-consistency.c: gradings that do not sit well together
 *
 * Four checks over the decisions in force: a job graded above the job it
 * reports to; jobs on the same reference function with the same profile
 * but different grades; jobs without a decision; decisions against a
 * reference function the handbook no longer has.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-consistency"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bal-consistency.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-profile.h"

void
bal_finding_free (BalFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->kind);
  g_free (finding->job_title);
  g_free (finding->message);
  g_free (finding);
}

static void
add (GPtrArray  *findings,
     const char *kind,
     BalJob     *job,
     char       *message)
{
  BalFinding *finding = g_new0 (BalFinding, 1);

  finding->kind = g_strdup (kind);
  finding->job_id = job->id;
  finding->job_title = g_strdup (job->title);
  finding->message = message;
  g_ptr_array_add (findings, finding);
}

static int
grade_index (BalMethod  *method,
             const char *grade)
{
  for (guint i = 0; method->grades[i] != NULL; i++)
    if (g_strcmp0 (method->grades[i], grade) == 0)
      return i;

  return -1;
}

static char *
profile_key (BalProject *project,
             gint64      job_id)
{
  g_autoptr(BalJobProfile) profile = bal_profile_compute (project, job_id, NULL);
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; profile != NULL && i < profile->levels->len; i++)
    g_string_append_printf (key, "%d;", ((BalJobLevel *)g_ptr_array_index (profile->levels, i))->level);

  return g_string_free (g_steal_pointer (&key), FALSE);
}

GPtrArray *
bal_consistency_check (BalProject  *project,
                       GError     **error)
{
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GHashTable) groups = NULL;
  GPtrArray *findings;

  jobs = bal_jobs_list (project, NULL, error);
  method = jobs ? bal_handbook_load_method (project, error) : NULL;
  if (method == NULL)
    return NULL;

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_finding_free);
  latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify)bal_decision_free);
  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < jobs->len; i++)
    {
      BalJob *job = g_ptr_array_index (jobs, i);
      BalDecision *decision = bal_grading_latest (project, job->id, NULL);

      if (decision == NULL)
        {
          add (findings, "no-decision", job, g_strdup_printf (_("“%s” has no decision yet."), job->title));
          continue;
        }
      g_hash_table_insert (latest, &job->id, decision);

      {
        g_autoptr(BalReference) reference = bal_handbook_get_reference (project, decision->reference_code, NULL);

        if (reference == NULL)
          add (findings, "reference-gone", job,
               g_strdup_printf (_("“%s” is graded against %s, which the handbook no longer has."),
                                job->title, decision->reference_code));
      }
    }

  for (guint i = 0; i < jobs->len; i++)
    {
      BalJob *job = g_ptr_array_index (jobs, i);
      BalDecision *decision = g_hash_table_lookup (latest, &job->id);
      BalDecision *boss_decision;
      g_autofree char *key = NULL;
      g_autofree char *profile = NULL;
      BalJob *other;

      if (decision == NULL)
        continue;

      boss_decision = job->reports_to ? g_hash_table_lookup (latest, &job->reports_to) : NULL;
      if (boss_decision != NULL && grade_index (method, decision->grade) > grade_index (method, boss_decision->grade))
        {
          g_autoptr(BalJob) boss = bal_jobs_get (project, job->reports_to, NULL);

          add (findings, "above-manager", job,
               g_strdup_printf (_("“%s” (grade %s) is graded above “%s” (grade %s), the job it reports to."),
                                job->title, decision->grade, boss ? boss->title : "", boss_decision->grade));
        }

      profile = profile_key (project, job->id);
      key = g_strdup_printf ("%s|%s", decision->reference_code, profile);
      other = g_hash_table_lookup (groups, key);
      if (other == NULL)
        g_hash_table_insert (groups, g_steal_pointer (&key), job);
      else
        {
          BalDecision *other_decision = g_hash_table_lookup (latest, &other->id);

          if (g_strcmp0 (other_decision->grade, decision->grade) != 0)
            add (findings, "same-profile-other-grade", job,
                 g_strdup_printf (_("“%s” (grade %s) and “%s” (grade %s) have the same reference function %s and the same profile, but different grades."),
                                  job->title, decision->grade, other->title, other_decision->grade, decision->reference_code));
        }
    }

  return findings;
}
