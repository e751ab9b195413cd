/* bal-review.c: statuses, objections and remarks: the works council's review
 *
 * A job goes draft → proposed → adopted. An employee may lodge an objection
 * against an adopted grading (objected); its outcome is that the decision
 * stands (upheld) or that a new decision was taken (revised). The allowed
 * transitions:
 *
 *   draft    → proposed        (the job needs a decision)
 *   proposed → adopted, draft
 *   adopted  → objected        (a note saying what is objected to)
 *   objected → upheld          (a note saying why the decision stands)
 *            → revised         (a decision newer than the objection)
 *   revised  → adopted
 *
 * In review mode only objections are recorded: the rest is the evaluator's.
 * An objection against a proposed grading does not change the status: see
 * bal-objection.c, which records objections as a procedure. Every status
 * and remark names its author and role (bal_project_set_author()).
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bal-grading.h"
#include "bal-jobs.h"
#include "bal-review.h"
#include "bal-project-private.h"

G_DEFINE_QUARK (bal-review-error-quark, bal_review_error)

static const char * const statuses[] = { "draft", "proposed", "adopted", "objected", "upheld", "revised", NULL };
static const char * const roles[] = { "works-council", "manager", "employee", "evaluator", NULL };

static const struct
{
  const char *from;
  const char *to;
} transitions[] = {
  { "draft", "proposed" },
  { "proposed", "adopted" },
  { "proposed", "draft" },
  { "adopted", "objected" },
  { "objected", "upheld" },
  { "objected", "revised" },
  { "revised", "adopted" },
};

void
bal_status_change_free (BalStatusChange *change)
{
  if (change == NULL)
    return;

  g_free (change->status);
  g_free (change->note);
  g_free (change->actor);
  g_free (change->at);
  g_free (change->role);
  g_free (change);
}

void
bal_remark_free (BalRemark *remark)
{
  if (remark == NULL)
    return;

  g_free (remark->job_title);
  g_free (remark->author);
  g_free (remark->role);
  g_free (remark->text);
  g_free (remark->created);
  g_free (remark->resolved);
  g_free (remark->resolved_by);
  g_free (remark);
}

gboolean
bal_review_is_status (const char *status)
{
  return status != NULL && g_strv_contains (statuses, status);
}

gboolean
bal_review_is_role (const char *role)
{
  return role != NULL && g_strv_contains (roles, role);
}

const char *
bal_review_status_label (const char *status)
{
  if (g_strcmp0 (status, "proposed") == 0)
    return _("Proposed");
  if (g_strcmp0 (status, "adopted") == 0)
    return _("Adopted");
  if (g_strcmp0 (status, "objected") == 0)
    return _("Objection lodged");
  if (g_strcmp0 (status, "upheld") == 0)
    return _("Objection handled: decision upheld");
  if (g_strcmp0 (status, "revised") == 0)
    return _("Objection handled: decision revised");
  return _("Draft");
}

/* A job's status as every view names it: its review status, except that a
 * draft without a decision is "Not graded". */
const char *
bal_review_job_status_label (const char *status,
                             gboolean    graded)
{
  if (!graded && (status == NULL || g_strcmp0 (status, "draft") == 0))
    return _("Not graded");

  return bal_review_status_label (status);
}

const char *
bal_review_role_label (const char *role)
{
  if (g_strcmp0 (role, "works-council") == 0)
    return _("Works council");
  if (g_strcmp0 (role, "manager") == 0)
    return _("Manager");
  if (g_strcmp0 (role, "employee") == 0)
    return _("Employee");
  return _("Evaluator");
}

gboolean
bal_review_allowed (const char *from,
                    const char *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_strcmp0 (transitions[i].from, from) == 0 && g_strcmp0 (transitions[i].to, to) == 0)
      return TRUE;

  return FALSE;
}

static char *
allowed_from (const char *from)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_strcmp0 (transitions[i].from, from) == 0)
      g_string_append_printf (list, "%s“%s”", list->len ? _(" or ") : "", transitions[i].to);

  return list->len ? g_string_free (g_steal_pointer (&list), FALSE) : g_strdup (_("nothing else"));
}

static BalStatusChange *
latest_change (BalProject *project,
               gint64      job_id)
{
  sqlite3_stmt *stmt = bal_project_prepare (project,
                                            "SELECT id, status, note, actor, at FROM job_status "
                                            "WHERE job_id = ?1 ORDER BY id DESC LIMIT 1",
                                            NULL);
  BalStatusChange *change = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      change = g_new0 (BalStatusChange, 1);
      change->id = sqlite3_column_int64 (stmt, 0);
      change->job_id = job_id;
      change->status = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      change->note = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      change->actor = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      change->at = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);

  return change;
}

char *
bal_review_status (BalProject  *project,
                   gint64       job_id,
                   GError     **error)
{
  BalStatusChange *change = latest_change (project, job_id);
  char *status = g_strdup (change ? change->status : "draft");

  bal_status_change_free (change);

  return status;
}

gboolean
bal_review_set_status (BalProject  *project,
                       gint64       job_id,
                       const char  *status,
                       const char  *note,
                       GError     **error)
{
  g_autoptr(BalJob) job = bal_jobs_get (project, job_id, error);
  g_autoptr(BalDecision) decision = NULL;
  g_autofree char *now = bal_now_iso8601 ();
  g_autofree char *clean_note = g_strstrip (g_strdup (note ? note : ""));
  BalStatusChange *current;
  sqlite3_stmt *stmt;
  const char *from;

  if (job == NULL || !bal_project_require_author (project, error))
    return FALSE;

  if (!bal_review_is_status (status))
    {
      g_set_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_INVALID,
                   _("“%s” is not a status: use draft, proposed, adopted, objected, upheld or revised."), status ? status : "");
      return FALSE;
    }

  current = latest_change (project, job_id);
  from = current ? current->status : "draft";

  if (!bal_review_allowed (from, status))
    {
      g_autofree char *allowed = allowed_from (from);

      g_set_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_TRANSITION,
                   _("“%s” can go from “%s” to %s, not to “%s”."), job->title, from, allowed, status);
      bal_status_change_free (current);
      return FALSE;
    }

  if (bal_project_get_review_mode (project) && g_strcmp0 (status, "objected") != 0)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY,
                   _("This project is open for review: only objections and remarks can be recorded."));
      bal_status_change_free (current);
      return FALSE;
    }

  decision = bal_grading_latest (project, job_id, NULL);

  if (g_strcmp0 (status, "proposed") == 0 && decision == NULL)
    {
      g_set_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_TRANSITION,
                   _("“%s” has no decision yet: grade it before proposing it."), job->title);
      bal_status_change_free (current);
      return FALSE;
    }

  if ((g_strcmp0 (status, "objected") == 0 || g_strcmp0 (status, "upheld") == 0) && *clean_note == '\0')
    {
      g_set_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_INVALID,
                   g_strcmp0 (status, "objected") == 0
                   ? _("An objection needs a note: what does the employee object to?")
                   : _("Upholding a decision needs a note: why does the decision stand?"));
      bal_status_change_free (current);
      return FALSE;
    }

  if (g_strcmp0 (status, "revised") == 0 &&
      (decision == NULL || g_strcmp0 (decision->decided, current->at) <= 0))
    {
      g_set_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_TRANSITION,
                   _("“%s” has no decision newer than the objection: record the revised decision first."), job->title);
      bal_status_change_free (current);
      return FALSE;
    }
  bal_status_change_free (current);

  stmt = bal_project_prepare (project,
                              "INSERT INTO job_status (job_id, status, note, actor, at, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, clean_note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, bal_project_get_author (project), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, bal_project_get_author_role (project), -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  bal_project_emit_changed (project, "review");

  return TRUE;
}

/* The status changes of @job_id, oldest first. */
GPtrArray *
bal_review_history (BalProject  *project,
                    gint64       job_id,
                    GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_status_change_free);
  sqlite3_stmt *stmt;

  stmt = bal_project_prepare (project,
                              "SELECT id, status, note, actor, at, role FROM job_status WHERE job_id = ?1 ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BalStatusChange *change = g_new0 (BalStatusChange, 1);

      change->id = sqlite3_column_int64 (stmt, 0);
      change->job_id = job_id;
      change->status = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      change->note = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      change->actor = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      change->at = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      change->role = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      g_ptr_array_add (changes, change);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&changes);
}

gint64
bal_review_add_remark (BalProject  *project,
                       gint64       job_id,
                       const char  *role,
                       const char  *author,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(BalJob) job = bal_jobs_get (project, job_id, error);
  g_autofree char *now = bal_now_iso8601 ();
  g_autofree char *clean_author = g_strstrip (g_strdup (author ? author : bal_project_get_author (project) ? bal_project_get_author (project) : ""));
  g_autofree char *clean_text = g_strstrip (g_strdup (text ? text : ""));
  sqlite3_stmt *stmt;

  if (job == NULL || (author == NULL && !bal_project_require_author (project, error)))
    return 0;

  if (role == NULL)
    role = bal_project_get_author_role (project);
  if (!bal_review_is_role (role))
    {
      g_set_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_INVALID,
                   _("“%s” is not a role: use works-council, manager, employee or evaluator."), role ? role : "");
      return 0;
    }
  if (*clean_author == '\0' || *clean_text == '\0')
    {
      g_set_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_INVALID,
                   _("A remark needs an author and a text."));
      return 0;
    }

  stmt = bal_project_prepare (project,
                              "INSERT INTO remark (job_id, author, role, text, created) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_text (stmt, 2, clean_author, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, clean_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return 0;

  bal_project_emit_changed (project, "review");

  return sqlite3_last_insert_rowid (bal_project_get_db (project));
}

gboolean
bal_review_resolve_remark (BalProject  *project,
                           gint64       remark_id,
                           GError     **error)
{
  g_autofree char *now = bal_now_iso8601 ();
  sqlite3_stmt *stmt;

  if (!bal_project_require_author (project, error))
    return FALSE;

  stmt = bal_project_prepare (project,
                              "UPDATE remark SET resolved = ?2, resolved_by = ?3 WHERE id = ?1 AND resolved IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, remark_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, bal_project_get_author (project), -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  bal_project_emit_changed (project, "review");

  return TRUE;
}

/* What can be done with a job in @status, said in words for the Review page. */
const char *
bal_review_status_explanation (const char *status,
                               gboolean    graded)
{
  if (!graded)
    return _("Not graded yet: the evaluator describes the job and records a decision. Remarks can be made already.");
  if (g_strcmp0 (status, "proposed") == 0)
    return _("Proposed: the works council and the employee can make remarks or lodge an objection; the evaluator can adopt the grading or take it back to draft.");
  if (g_strcmp0 (status, "adopted") == 0)
    return _("Adopted: the notice can be sent. Within the objection period the employee can object; after that the grading stands.");
  if (g_strcmp0 (status, "objected") == 0)
    return _("Objection lodged: the committee gives its advice, then the employer upholds the grading or records a revised decision.");
  if (g_strcmp0 (status, "upheld") == 0)
    return _("Objection handled, the grading stands. An external appeal may still follow.");
  if (g_strcmp0 (status, "revised") == 0)
    return _("Objection handled with a revised decision: the evaluator adopts the new grading, which gets its own notice.");
  return _("Draft: the evaluator can change the decision and propose it when it is ready. Remarks can be made already.");
}

/* Open remarks and objections about @job_id: adopting with any asks first. */
void
bal_review_open_items (BalProject *project,
                       gint64      job_id,
                       guint      *n_remarks,
                       guint      *n_objections)
{
  sqlite3_stmt *stmt = bal_project_prepare (project,
                                            "SELECT (SELECT count (*) FROM remark WHERE job_id = ?1 AND resolved IS NULL), "
                                            "       (SELECT count (*) FROM objection WHERE job_id = ?1 AND outcome IS NULL)",
                                            NULL);

  *n_remarks = *n_objections = 0;
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, job_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *n_remarks = sqlite3_column_int (stmt, 0);
      *n_objections = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
}

/* Remarks about @job_id (all jobs when 0), oldest first. */
GPtrArray *
bal_review_remarks (BalProject  *project,
                    gint64       job_id,
                    gboolean     open_only,
                    GError     **error)
{
  g_autoptr(GPtrArray) remarks = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_remark_free);
  sqlite3_stmt *stmt;

  /* One job's remarks through the index by job; an OR would read them all. */
#define REMARKS_SQL(JOB) \
  "SELECT r.id, r.job_id, j.title, r.author, r.role, r.text, r.created, r.resolved, r.resolved_by " \
  "FROM remark r JOIN job j ON j.id = r.job_id " \
  "WHERE j.deleted IS NULL AND " JOB " AND (?2 = 0 OR r.resolved IS NULL) " \
  "ORDER BY r.id"
  stmt = bal_project_prepare (project,
                              job_id != 0 ? REMARKS_SQL ("r.job_id = ?1") : REMARKS_SQL ("?1 = 0"),
                              error);
#undef REMARKS_SQL
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_int (stmt, 2, open_only);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BalRemark *remark = g_new0 (BalRemark, 1);

      remark->id = sqlite3_column_int64 (stmt, 0);
      remark->job_id = sqlite3_column_int64 (stmt, 1);
      remark->job_title = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      remark->author = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      remark->role = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      remark->text = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      remark->created = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      remark->resolved = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? NULL : g_strdup ((const char *)sqlite3_column_text (stmt, 7));
      remark->resolved_by = g_strdup ((const char *)sqlite3_column_text (stmt, 8));
      g_ptr_array_add (remarks, remark);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&remarks);
}

/* The objections still open: jobs whose status is "objected". */
GPtrArray *
bal_review_objections (BalProject  *project,
                       GError     **error)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_status_change_free);
  g_autoptr(GPtrArray) jobs = bal_jobs_list (project, NULL, error);

  if (jobs == NULL)
    return NULL;

  for (guint i = 0; i < jobs->len; i++)
    {
      BalJob *job = g_ptr_array_index (jobs, i);
      BalStatusChange *change = latest_change (project, job->id);

      if (change != NULL && g_strcmp0 (change->status, "objected") == 0)
        g_ptr_array_add (open, change);
      else
        bal_status_change_free (change);
    }

  return g_steal_pointer (&open);
}
