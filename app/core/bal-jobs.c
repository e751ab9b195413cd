/* bal-jobs.c: the organisation's jobs (bedrijfsfuncties)
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-jobs"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bal-jobs.h"
#include "bal-project-private.h"

G_DEFINE_QUARK (bal-jobs-error-quark, bal_jobs_error)

#define JOB_COLUMNS_TEXTS(texts) \
  "j.id, j.title, j.department, coalesce (j.reports_to, 0), j.incumbents, " texts ", " \
  "j.questionnaire_step, (SELECT count(*) FROM answer a WHERE a.job_id = j.id), (SELECT count(*) FROM question)"
#define JOB_COLUMNS JOB_COLUMNS_TEXTS ("j.description, j.activities")

BalJob *
bal_job_new (void)
{
  BalJob *job = g_new0 (BalJob, 1);

  job->title = g_strdup ("");
  job->department = g_strdup ("");
  job->description = g_strdup ("");
  job->activities = g_strdup ("");
  job->incumbents = 1;

  return job;
}

void
bal_job_free (BalJob *job)
{
  if (job == NULL)
    return;

  g_free (job->title);
  g_free (job->department);
  g_free (job->description);
  g_free (job->activities);
  g_free (job);
}

/* How far the questionnaire of @job is. */
const char *
bal_job_status_text (BalJob *job)
{
  if (job->answered == 0)
    return _("Not started");
  if (job->answered < job->questions)
    return _("In progress");
  return _("Questionnaire complete");
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? text : "";
}

static BalJob *
job_from_row (sqlite3_stmt *stmt)
{
  BalJob *job = g_new0 (BalJob, 1);

  job->id = sqlite3_column_int64 (stmt, 0);
  job->title = g_strdup (column_text (stmt, 1));
  job->department = g_strdup (column_text (stmt, 2));
  job->reports_to = sqlite3_column_int64 (stmt, 3);
  job->incumbents = sqlite3_column_int (stmt, 4);
  /* NULL only where a list leaves them out: the columns are NOT NULL. */
  job->description = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? NULL : g_strdup (column_text (stmt, 5));
  job->activities = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? NULL : g_strdup (column_text (stmt, 6));
  job->questionnaire_step = sqlite3_column_int (stmt, 7);
  job->answered = sqlite3_column_int (stmt, 8);
  job->questions = sqlite3_column_int (stmt, 9);

  return job;
}

BalJob *
bal_jobs_get (BalProject  *project,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt;
  BalJob *job = NULL;

  stmt = bal_project_prepare (project,
                              "SELECT " JOB_COLUMNS " FROM job j WHERE j.id = ?1 AND j.deleted IS NULL",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    job = job_from_row (stmt);
  sqlite3_reset (stmt);

  if (job == NULL)
    g_set_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_NOT_FOUND,
                 _("The project has no job %lld."), (long long)id);

  return job;
}

/* The jobs whose title or department holds @search (all when NULL), by
 * department and title. */
GPtrArray *
bal_jobs_list (BalProject  *project,
               const char  *search,
               GError     **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_job_free);
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (search != NULL && *search != '\0')
    pattern = g_strdup_printf ("%%%s%%", search);

  stmt = bal_project_prepare (project,
                              "SELECT " JOB_COLUMNS " FROM job j WHERE j.deleted IS NULL "
                              "AND (?1 IS NULL OR j.title LIKE ?1 OR j.department LIKE ?1) "
                              "ORDER BY j.department COLLATE NOCASE, j.title COLLATE NOCASE, j.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (jobs, job_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&jobs);
}

void
bal_job_overview_free (BalJobOverview *overview)
{
  if (overview == NULL)
    return;

  bal_job_free (overview->job);
  g_free (overview);
}

/* Every job (or those whose title or department holds @search) with its
 * decision in force and its latest review status: one query, in the order
 * of bal_jobs_list(). The jobs' description and activities are left NULL:
 * a list has no use for them, and twenty thousand of them are tens of
 * megabytes. */
GPtrArray *
bal_jobs_overview (BalProject  *project,
                   const char  *search,
                   GError     **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_job_overview_free);
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (search != NULL && *search != '\0')
    pattern = g_strdup_printf ("%%%s%%", search);

  stmt = bal_project_prepare (project,
                              "SELECT " JOB_COLUMNS_TEXTS ("NULL, NULL") ", d.grade, d.reference_code, "
                              "  coalesce (s.status, 'draft') "
                              "FROM job j "
                              "LEFT JOIN decision d ON d.id = (SELECT max (id) FROM decision WHERE job_id = j.id) "
                              "LEFT JOIN job_status s ON s.id = (SELECT max (id) FROM job_status WHERE job_id = j.id) "
                              "WHERE j.deleted IS NULL "
                              "AND (?1 IS NULL OR j.title LIKE ?1 OR j.department LIKE ?1) "
                              "ORDER BY j.department COLLATE NOCASE, j.title COLLATE NOCASE, j.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BalJobOverview *overview = g_new0 (BalJobOverview, 1);

      overview->job = job_from_row (stmt);
      overview->grade = g_intern_string ((const char *)sqlite3_column_text (stmt, 10));
      overview->reference_code = g_intern_string ((const char *)sqlite3_column_text (stmt, 11));
      overview->status = g_intern_string (column_text (stmt, 12));
      g_ptr_array_add (jobs, overview);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&jobs);
}

typedef struct
{
  GFile *file;
  char  *search;
} OverviewData;

static void
overview_data_free (OverviewData *data)
{
  g_object_unref (data->file);
  g_free (data->search);
  g_free (data);
}

/* The worker reads through a connection of its own: a BalProject and its
 * statements belong to the thread that opened them. */
static void
overview_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  OverviewData *data = task_data;
  g_autoptr(BalProject) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *jobs;

  reader = bal_project_open_read_only (data->file, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  jobs = bal_jobs_overview (reader, data->search, &error);
  bal_project_close (reader);
  if (jobs == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, jobs, (GDestroyNotify)g_ptr_array_unref);
}

/* bal_jobs_overview() in a worker thread, so that thousands of jobs never
 * hold up the main loop. */
void
bal_jobs_overview_async (BalProject          *project,
                         const char          *search,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (project, cancellable, callback, user_data);
  OverviewData *data = g_new0 (OverviewData, 1);

  data->file = g_object_ref (bal_project_get_file (project));
  data->search = g_strdup (search);
  g_task_set_source_tag (task, bal_jobs_overview_async);
  g_task_set_task_data (task, data, (GDestroyNotify)overview_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, overview_thread);
}

GPtrArray *
bal_jobs_overview_finish (BalProject    *project,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bal_jobs_overview_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Refuses a job that reports to itself, to a job that does not exist, or
 * to one of the jobs that report to it. */
static gboolean
check_job (BalProject  *project,
           BalJob      *job,
           GError     **error)
{
  g_autofree char *title = g_strstrip (g_strdup (job->title ? job->title : ""));
  sqlite3_stmt *stmt;
  gint64 boss = job->reports_to;
  guint hops = 0;

  if (*title == '\0')
    {
      g_set_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_INVALID, _("A job needs a title."));
      return FALSE;
    }

  if (job->incumbents < 0)
    {
      g_set_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_INVALID,
                   _("The number of incumbents cannot be negative."));
      return FALSE;
    }

  while (boss != 0)
    {
      gint64 next = 0;
      gboolean found = FALSE;

      if (job->id != 0 && boss == job->id)
        {
          g_set_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_INVALID,
                       _("“%s” cannot report to itself, directly or through the jobs under it."), title);
          return FALSE;
        }

      stmt = bal_project_prepare (project, "SELECT coalesce (reports_to, 0) FROM job WHERE id = ?1 AND deleted IS NULL", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, boss);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          found = TRUE;
          next = sqlite3_column_int64 (stmt, 0);
        }
      sqlite3_reset (stmt);

      if (!found)
        {
          g_set_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_NOT_FOUND,
                       _("The job that “%s” reports to does not exist."), title);
          return FALSE;
        }

      if (++hops > 10000)
        break;
      boss = next;
    }

  return TRUE;
}

static void
bind_job (sqlite3_stmt *stmt,
          BalJob       *job)
{
  g_autofree char *title = g_strstrip (g_strdup (job->title));

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, job->department ? job->department : "", -1, SQLITE_TRANSIENT);
  if (job->reports_to != 0)
    sqlite3_bind_int64 (stmt, 3, job->reports_to);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int (stmt, 4, job->incumbents);
  sqlite3_bind_text (stmt, 5, job->description ? job->description : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, job->activities ? job->activities : "", -1, SQLITE_TRANSIENT);
}

gint64
bal_jobs_add (BalProject  *project,
              BalJob      *job,
              GError     **error)
{
  g_autofree char *now = bal_now_iso8601 ();
  sqlite3_stmt *stmt;

  job->id = 0;
  if (!check_job (project, job, error))
    return 0;

  stmt = bal_project_prepare (project,
                              "INSERT INTO job (title, department, reports_to, incumbents, description, activities, created, modified) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                              error);
  if (stmt == NULL)
    return 0;

  bind_job (stmt, job);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return 0;

  job->id = sqlite3_last_insert_rowid (bal_project_get_db (project));
  bal_project_touch (project);
  bal_project_emit_changed (project, "jobs");

  return job->id;
}

gboolean
bal_jobs_update (BalProject  *project,
                 BalJob      *job,
                 GError     **error)
{
  g_autofree char *now = bal_now_iso8601 ();
  sqlite3_stmt *stmt;

  if (!check_job (project, job, error))
    return FALSE;

  stmt = bal_project_prepare (project,
                              "UPDATE job SET title = ?1, department = ?2, reports_to = ?3, incumbents = ?4, "
                              "  description = ?5, activities = ?6, modified = ?7 "
                              "WHERE id = ?8 AND deleted IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_job (stmt, job);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, job->id);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  if (sqlite3_changes (bal_project_get_db (project)) == 0)
    {
      g_set_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_NOT_FOUND,
                   _("The project has no job %lld."), (long long)job->id);
      return FALSE;
    }

  bal_project_touch (project);
  bal_project_emit_changed (project, "jobs");

  return TRUE;
}

gboolean
bal_jobs_set_step (BalProject  *project,
                   gint64       id,
                   int          step,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = bal_project_prepare (project, "UPDATE job SET questionnaire_step = ?2 WHERE id = ?1 AND deleted IS NULL", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, MAX (step, 0));

  return bal_project_step_done (project, stmt, error);
}

/* Copies a job with its answers, as "Title (copy)". */
gint64
bal_jobs_duplicate (BalProject  *project,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(BalJob) job = bal_jobs_get (project, id, error);
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;
  gint64 copy;

  if (job == NULL)
    return 0;

  if (!bal_project_begin (project, error))
    return 0;

  title = g_strdup_printf (_("%s (copy)"), job->title);
  g_free (job->title);
  job->title = g_steal_pointer (&title);

  copy = bal_jobs_add (project, job, error);
  if (copy == 0)
    goto failed;

  stmt = bal_project_prepare (project,
                              "INSERT INTO answer (job_id, question_id, option_id, evidence, answered) "
                              "SELECT ?2, question_id, option_id, evidence, answered FROM answer WHERE job_id = ?1",
                              error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, copy);
  if (!bal_project_step_done (project, stmt, error))
    goto failed;

  if (!bal_project_commit (project, error))
    return 0;

  bal_project_emit_changed (project, "jobs");

  return copy;

failed:
  bal_project_rollback (project);
  return 0;
}

static gboolean
set_deleted (BalProject  *project,
             gint64       id,
             gboolean     deleted,
             GError     **error)
{
  g_autofree char *now = bal_now_iso8601 ();
  sqlite3_stmt *stmt;

  stmt = bal_project_prepare (project,
                              deleted
                              ? "UPDATE job SET deleted = ?2 WHERE id = ?1 AND deleted IS NULL"
                              : "UPDATE job SET deleted = NULL WHERE id = ?1 AND deleted IS NOT NULL AND ?2 IS NOT NULL",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  if (sqlite3_changes (bal_project_get_db (project)) == 0)
    {
      g_set_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_NOT_FOUND,
                   _("The project has no job %lld."), (long long)id);
      return FALSE;
    }

  bal_project_touch (project);
  bal_project_emit_changed (project, "jobs");

  return TRUE;
}

/* Deletes a job so that bal_jobs_undelete() can bring it back until the
 * project is opened again. Jobs that reported to it keep pointing at it
 * and report to nobody while it is gone. */
gboolean
bal_jobs_delete (BalProject  *project,
                 gint64       id,
                 GError     **error)
{
  return set_deleted (project, id, TRUE, error);
}

gboolean
bal_jobs_undelete (BalProject  *project,
                   gint64       id,
                   GError     **error)
{
  return set_deleted (project, id, FALSE, error);
}

/* A job named on the command line: its id, or its exact title. */
gint64
bal_jobs_find (BalProject  *project,
               const char  *id_or_title,
               GError     **error)
{
  sqlite3_stmt *stmt;
  char *end = NULL;
  gint64 id = g_ascii_strtoll (id_or_title, &end, 10);
  gint64 found = 0;
  int matches = 0;

  if (end != id_or_title && *end == '\0')
    {
      g_autoptr(BalJob) job = bal_jobs_get (project, id, NULL);

      if (job != NULL)
        return id;
    }

  stmt = bal_project_prepare (project, "SELECT id FROM job WHERE title = ?1 AND deleted IS NULL", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, id_or_title, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = sqlite3_column_int64 (stmt, 0);
      matches++;
    }
  sqlite3_reset (stmt);

  if (matches == 1)
    return found;

  if (matches > 1)
    g_set_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_AMBIGUOUS,
                 _("Several jobs are called “%s”: name the job by its id (see “balans-cli job list”)."), id_or_title);
  else
    g_set_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_NOT_FOUND,
                 _("The project has no job “%s”: name a job by its id or its exact title."), id_or_title);

  return 0;
}
