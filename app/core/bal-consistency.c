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
#include "bal-project-private.h"
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
profile_key (GHashTable *levels,
             gint64      job_id)
{
  GArray *job_levels = g_hash_table_lookup (levels, &job_id);
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; job_levels != NULL && i < job_levels->len; i++)
    g_string_append_printf (key, "%d;", g_array_index (job_levels, int, i));

  return g_string_free (g_steal_pointer (&key), FALSE);
}

GPtrArray *
bal_consistency_check (BalProject  *project,
                       GError     **error)
{
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GHashTable) references = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GHashTable) levels = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  gboolean began;

  /* Each job with its decision in force in one query, the levels of every
   * job in another, both in one read transaction. */
  began = bal_project_begin_read (project);
  jobs = bal_jobs_overview (project, NULL, error);
  method = jobs ? bal_handbook_load_method (project, error) : NULL;
  references = method ? bal_handbook_reference_families (project, error) : NULL;
  levels = references ? bal_profile_levels_by_job (project, method, error) : NULL;
  if (levels == NULL)
    {
      bal_project_end_read (project, began);
      return NULL;
    }

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_finding_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < jobs->len; i++)
    {
      BalJobOverview *overview = g_ptr_array_index (jobs, i);
      BalJob *job = overview->job;

      g_hash_table_insert (by_id, &job->id, overview);
      if (overview->grade == NULL)
        add (findings, "no-decision", job, g_strdup_printf (_("“%s” has no decision yet."), job->title));
      else if (!g_hash_table_contains (references, overview->reference_code))
        add (findings, "reference-gone", job,
             g_strdup_printf (_("“%s” is graded against %s, which the handbook no longer has."),
                              job->title, overview->reference_code));
    }

  for (guint i = 0; i < jobs->len; i++)
    {
      BalJobOverview *overview = g_ptr_array_index (jobs, i);
      BalJob *job = overview->job;
      BalJobOverview *boss;
      BalJobOverview *other;
      g_autofree char *key = NULL;
      g_autofree char *profile = NULL;

      if (overview->grade == NULL)
        continue;

      boss = job->reports_to ? g_hash_table_lookup (by_id, &job->reports_to) : NULL;
      if (boss != NULL && boss->grade != NULL &&
          grade_index (method, overview->grade) > grade_index (method, boss->grade))
        add (findings, "above-manager", job,
             g_strdup_printf (_("“%s” (grade %s) is graded above “%s” (grade %s), the job it reports to."),
                              job->title, overview->grade, boss->job->title, boss->grade));

      profile = profile_key (levels, job->id);
      key = g_strdup_printf ("%s|%s", overview->reference_code, profile);
      other = g_hash_table_lookup (groups, key);
      if (other == NULL)
        g_hash_table_insert (groups, g_steal_pointer (&key), overview);
      else if (g_strcmp0 (other->grade, overview->grade) != 0)
        add (findings, "same-profile-other-grade", job,
             g_strdup_printf (_("“%s” (grade %s) and “%s” (grade %s) have the same reference function %s and the same profile, but different grades."),
                              job->title, overview->grade, other->job->title, other->grade, overview->reference_code));
    }
  bal_project_end_read (project, began);

  return g_steal_pointer (&findings);
}

static void
consistency_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_autoptr(BalProject) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = NULL;

  reader = bal_project_open_read_only (task_data, &error);
  if (reader != NULL)
    findings = bal_consistency_check (reader, &error);
  if (findings == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, findings, (GDestroyNotify)g_ptr_array_unref);
}

/* bal_consistency_check() in a worker thread, through a connection of its
 * own, so that thousands of jobs never hold up the main loop. */
void
bal_consistency_check_async (BalProject          *project,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (project, cancellable, callback, user_data);

  g_task_set_source_tag (task, bal_consistency_check_async);
  g_task_set_task_data (task, g_object_ref (bal_project_get_file (project)), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, consistency_thread);
}

GPtrArray *
bal_consistency_check_finish (BalProject    *project,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bal_consistency_check_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
