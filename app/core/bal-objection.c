/* bal-objection.c: an objection against a grading, as a procedure
 *
 * An employee (or the works council) may object to a proposed or an
 * adopted grading, by name and with reasons. The notice gives the last day
 * to object: its date plus the project's objection period (method file,
 * ObjectionPeriod, default 30 days); an objection lodged before any notice
 * counts from the day it was lodged. The internal committee advises (its
 * members' names and the date), then the employer decides: the grading
 * stands (upheld) or a new decision was taken (revised); an external appeal
 * may follow. The employer is to decide within the same period after the
 * objection was lodged: an objection still open after that is overdue.
 *
 * An objection against an adopted grading also moves the job's status to
 * "objected", and the employer's decision to "upheld" or "revised". In
 * review mode only lodging is possible: the rest is the employer's.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-objection"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "bal-grading.h"
#include "bal-jobs.h"
#include "bal-method.h"
#include "bal-objection.h"
#include "bal-review.h"
#include "bal-project-private.h"

G_DEFINE_QUARK (bal-objection-error-quark, bal_objection_error)

void
bal_objection_free (BalObjection *objection)
{
  if (objection == NULL)
    return;

  g_free (objection->job_title);
  g_free (objection->against);
  g_free (objection->author);
  g_free (objection->role);
  g_free (objection->reasons);
  g_free (objection->lodged);
  g_free (objection->deadline);
  g_free (objection->due);
  g_free (objection->committee_members);
  g_free (objection->committee_advice);
  g_free (objection->committee_date);
  g_free (objection->outcome);
  g_free (objection->outcome_note);
  g_free (objection->decided);
  g_free (objection->decided_by);
  g_free (objection);
}

/* Today in the user's time zone, as YYYY-MM-DD. */
char *
bal_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int y, m, d;
  char end;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) < 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);

  return TRUE;
}

char *
bal_date_add_days (const char *date,
                   int         days)
{
  GDate d;
  char buffer[16];

  if (!parse_date (date, &d))
    return NULL;
  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &d);

  return g_strdup (buffer);
}

int
bal_date_days_between (const char *from,
                       const char *to)
{
  GDate a, b;

  if (!parse_date (from, &a) || !parse_date (to, &b))
    return 0;

  return g_date_days_between (&a, &b);
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  GDate d;

  if (parse_date (date, &d) && strlen (date) == 10)
    return TRUE;

  g_set_error (error, BAL_OBJECTION_ERROR, BAL_OBJECTION_ERROR_INVALID,
               _("“%s” is not a date: write it as YYYY-MM-DD, for example 2026-11-24."), date ? date : "");
  return FALSE;
}

static char *
text_column (sqlite3_stmt *stmt,
             int           i)
{
  return sqlite3_column_type (stmt, i) == SQLITE_NULL ? NULL : g_strdup ((const char *)sqlite3_column_text (stmt, i));
}

#define OBJECTION_COLUMNS \
  "o.id, o.job_id, j.title, coalesce (o.decision_id, 0), o.against, o.author, o.role, o.reasons, o.lodged, " \
  "o.deadline, o.committee_members, o.committee_advice, o.committee_date, o.outcome, o.outcome_note, " \
  "o.decided, o.decided_by, o.appeal "

static BalObjection *
read_objection (sqlite3_stmt *stmt,
                const char   *today,
                int           period)
{
  BalObjection *o = g_new0 (BalObjection, 1);
  const char *end;

  o->id = sqlite3_column_int64 (stmt, 0);
  o->job_id = sqlite3_column_int64 (stmt, 1);
  o->job_title = text_column (stmt, 2);
  o->decision_id = sqlite3_column_int64 (stmt, 3);
  o->against = text_column (stmt, 4);
  o->author = text_column (stmt, 5);
  o->role = text_column (stmt, 6);
  o->reasons = text_column (stmt, 7);
  o->lodged = text_column (stmt, 8);
  o->deadline = text_column (stmt, 9);
  o->committee_members = text_column (stmt, 10);
  o->committee_advice = text_column (stmt, 11);
  o->committee_date = text_column (stmt, 12);
  o->outcome = text_column (stmt, 13);
  o->outcome_note = text_column (stmt, 14);
  o->decided = text_column (stmt, 15);
  o->decided_by = text_column (stmt, 16);
  o->appeal = sqlite3_column_int (stmt, 17) != 0;

  o->due = bal_date_add_days (o->lodged, period);
  end = o->outcome != NULL && o->decided != NULL ? o->decided : today;
  o->days_open = MAX (0, bal_date_days_between (o->lodged, end));
  o->overdue = o->outcome == NULL && o->due != NULL && bal_date_days_between (o->due, today) > 0;
  o->late = bal_date_days_between (o->deadline, o->lodged) > 0;

  return o;
}

/* The objections about @job_id (all jobs when 0), oldest first; open ones
 * only when @open_only. One query. */
GPtrArray *
bal_objection_list (BalProject  *project,
                    gint64       job_id,
                    gboolean     open_only,
                    GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_objection_free);
  g_autofree char *today = bal_date_today ();
  int period = bal_project_objection_period (project);
  sqlite3_stmt *stmt;
  int rc;

  /* One job's objections through its index; all of them in one pass. */
  if (job_id != 0)
    stmt = bal_project_prepare (project,
                                "SELECT " OBJECTION_COLUMNS
                                "FROM objection o JOIN job j ON j.id = o.job_id "
                                "WHERE o.job_id = ?1 AND j.deleted IS NULL AND (?2 = 0 OR o.outcome IS NULL) "
                                "ORDER BY o.id",
                                error);
  else
    stmt = bal_project_prepare (project,
                                "SELECT " OBJECTION_COLUMNS
                                "FROM objection o JOIN job j ON j.id = o.job_id "
                                "WHERE j.deleted IS NULL AND (?2 = 0 OR o.outcome IS NULL) "
                                "ORDER BY o.id",
                                error);
  if (stmt == NULL)
    return NULL;
  if (job_id != 0)
    sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_int (stmt, 2, open_only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_objection (stmt, today, period));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

BalObjection *
bal_objection_get (BalProject  *project,
                   gint64       objection_id,
                   GError     **error)
{
  g_autofree char *today = bal_date_today ();
  sqlite3_stmt *stmt;
  BalObjection *o = NULL;

  stmt = bal_project_prepare (project,
                              "SELECT " OBJECTION_COLUMNS "FROM objection o JOIN job j ON j.id = o.job_id WHERE o.id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, objection_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    o = read_objection (stmt, today, bal_project_objection_period (project));
  sqlite3_reset (stmt);

  if (o == NULL)
    g_set_error (error, BAL_OBJECTION_ERROR, BAL_OBJECTION_ERROR_NOT_FOUND,
                 _("There is no objection with id %lld."), (long long)objection_id);

  return o;
}

const char *
bal_objection_state_label (BalObjection *objection)
{
  if (g_strcmp0 (objection->outcome, "upheld") == 0)
    return _("Decided: grading upheld");
  if (g_strcmp0 (objection->outcome, "revised") == 0)
    return _("Decided: grading revised");
  if (objection->overdue)
    return _("Open, overdue");
  if (objection->committee_date != NULL)
    return _("Open, committee has advised");
  return _("Open, awaiting the committee");
}

/* The last day to object against @decision_id: from its notice, or from
 * @lodged when there is no notice yet. */
static char *
objection_deadline (BalProject *project,
                    gint64      decision_id,
                    const char *lodged)
{
  sqlite3_stmt *stmt = bal_project_prepare (project, "SELECT deadline FROM notice WHERE decision_id = ?1", NULL);
  char *deadline = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, decision_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        deadline = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  return deadline ? deadline : bal_date_add_days (lodged, bal_project_objection_period (project));
}

/* Lodges @name's objection (the author's, when @name is NULL) against the
 * job's proposed or adopted grading, on @lodged (YYYY-MM-DD; NULL: today). */
gint64
bal_objection_lodge (BalProject  *project,
                     gint64       job_id,
                     const char  *name,
                     const char  *reasons,
                     const char  *lodged,
                     GError     **error)
{
  g_autoptr(BalJob) job = NULL;
  g_autoptr(BalDecision) decision = NULL;
  g_autofree char *status = NULL;
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *clean_reasons = g_strstrip (g_strdup (reasons ? reasons : ""));
  g_autofree char *date = lodged ? g_strdup (lodged) : bal_date_today ();
  g_autofree char *deadline = NULL;
  const char *role;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!bal_project_require_author (project, error))
    return 0;
  job = bal_jobs_get (project, job_id, error);
  if (job == NULL)
    return 0;
  if (!check_date (date, error))
    return 0;
  if (*clean_reasons == '\0')
    {
      g_set_error (error, BAL_OBJECTION_ERROR, BAL_OBJECTION_ERROR_INVALID,
                   _("An objection needs the reasons: what is objected to, and why?"));
      return 0;
    }

  status = bal_review_status (project, job_id, NULL);
  decision = bal_grading_latest (project, job_id, NULL);
  if (decision == NULL || (g_strcmp0 (status, "proposed") != 0 && g_strcmp0 (status, "adopted") != 0))
    {
      g_set_error (error, BAL_OBJECTION_ERROR, BAL_OBJECTION_ERROR_STATE,
                   _("“%s” is %s: an objection is lodged against a proposed or an adopted grading."),
                   job->title, bal_review_job_status_label (status, decision != NULL));
      return 0;
    }

  if (*clean_name == '\0')
    {
      g_free (clean_name);
      clean_name = g_strdup (bal_project_get_author (project));
      role = bal_project_get_author_role (project);
    }
  else
    role = "employee";

  deadline = objection_deadline (project, decision->id, date);

  if (!bal_project_begin (project, error))
    return 0;

  stmt = bal_project_prepare (project,
                              "INSERT INTO objection (job_id, decision_id, against, author, role, reasons, lodged, deadline) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_int64 (stmt, 2, decision->id);
  sqlite3_bind_text (stmt, 3, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, clean_reasons, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, deadline, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (bal_project_get_db (project));

  if (g_strcmp0 (status, "adopted") == 0 &&
      !bal_review_set_status (project, job_id, "objected", clean_reasons, error))
    goto failed;

  if (!bal_project_commit (project, error))
    return 0;
  sqlite3_set_last_insert_rowid (bal_project_get_db (project), id);

  bal_project_emit_changed (project, "review");
  return id;

failed:
  bal_project_rollback (project);
  return 0;
}

static BalObjection *
open_objection_for_employer (BalProject  *project,
                             gint64       objection_id,
                             GError     **error)
{
  g_autoptr(BalObjection) objection = NULL;

  if (!bal_project_require_author (project, error))
    return NULL;
  if (bal_project_get_review_mode (project) || bal_project_is_read_only (project))
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY,
                   _("This project is open for review: only objections and remarks can be recorded."));
      return NULL;
    }
  objection = bal_objection_get (project, objection_id, error);
  if (objection == NULL)
    return NULL;
  if (objection->outcome != NULL)
    {
      g_set_error (error, BAL_OBJECTION_ERROR, BAL_OBJECTION_ERROR_STATE,
                   _("The employer has already decided on this objection."));
      return NULL;
    }

  return g_steal_pointer (&objection);
}

/* The internal committee's advice: who sat on it (names), what it advised,
 * and when (YYYY-MM-DD; NULL: today). */
gboolean
bal_objection_set_advice (BalProject  *project,
                          gint64       objection_id,
                          const char  *members,
                          const char  *advice,
                          const char  *date,
                          GError     **error)
{
  g_autoptr(BalObjection) objection = open_objection_for_employer (project, objection_id, error);
  g_autofree char *clean_members = g_strstrip (g_strdup (members ? members : ""));
  g_autofree char *clean_advice = g_strstrip (g_strdup (advice ? advice : ""));
  g_autofree char *day = date ? g_strdup (date) : bal_date_today ();
  sqlite3_stmt *stmt;

  if (objection == NULL || !check_date (day, error))
    return FALSE;
  if (*clean_members == '\0' || *clean_advice == '\0')
    {
      g_set_error (error, BAL_OBJECTION_ERROR, BAL_OBJECTION_ERROR_INVALID,
                   _("The committee’s advice needs its members’ names and the advice itself."));
      return FALSE;
    }

  stmt = bal_project_prepare (project,
                              "UPDATE objection SET committee_members = ?2, committee_advice = ?3, committee_date = ?4 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, objection_id);
  sqlite3_bind_text (stmt, 2, clean_members, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, clean_advice, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, day, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  bal_project_emit_changed (project, "review");
  return TRUE;
}

/* The employer's decision on the objection: "upheld" (the grading stands,
 * @note says why) or "revised" (a new decision was recorded after the
 * objection). Made by the author, today. */
gboolean
bal_objection_decide (BalProject  *project,
                      gint64       objection_id,
                      const char  *outcome,
                      const char  *note,
                      GError     **error)
{
  g_autoptr(BalObjection) objection = open_objection_for_employer (project, objection_id, error);
  g_autoptr(BalDecision) latest = NULL;
  g_autofree char *clean_note = g_strstrip (g_strdup (note ? note : ""));
  g_autofree char *today = bal_date_today ();
  g_autofree char *status = NULL;
  sqlite3_stmt *stmt;

  if (objection == NULL)
    return FALSE;
  if (g_strcmp0 (outcome, "upheld") != 0 && g_strcmp0 (outcome, "revised") != 0)
    {
      g_set_error (error, BAL_OBJECTION_ERROR, BAL_OBJECTION_ERROR_INVALID,
                   _("“%s” is not a decision on an objection: use upheld or revised."), outcome ? outcome : "");
      return FALSE;
    }
  if (g_str_equal (outcome, "upheld") && *clean_note == '\0')
    {
      g_set_error (error, BAL_OBJECTION_ERROR, BAL_OBJECTION_ERROR_INVALID,
                   _("Upholding a grading needs a note: why does the decision stand?"));
      return FALSE;
    }
  latest = bal_grading_latest (project, objection->job_id, NULL);
  if (g_str_equal (outcome, "revised") && (latest == NULL || latest->id <= objection->decision_id))
    {
      g_set_error (error, BAL_OBJECTION_ERROR, BAL_OBJECTION_ERROR_STATE,
                   _("“%s” has no decision newer than the objection: record the revised decision first."),
                   objection->job_title);
      return FALSE;
    }

  status = bal_review_status (project, objection->job_id, NULL);

  if (!bal_project_begin (project, error))
    return FALSE;

  stmt = bal_project_prepare (project,
                              "UPDATE objection SET outcome = ?2, outcome_note = ?3, decided = ?4, decided_by = ?5 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, objection_id);
  sqlite3_bind_text (stmt, 2, outcome, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, clean_note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, bal_project_get_author (project), -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    goto failed;

  if (g_strcmp0 (status, "objected") == 0 &&
      !bal_review_set_status (project, objection->job_id, outcome, clean_note, error))
    goto failed;

  if (!bal_project_commit (project, error))
    return FALSE;

  bal_project_emit_changed (project, "review");
  return TRUE;

failed:
  bal_project_rollback (project);
  return FALSE;
}

gboolean
bal_objection_set_appeal (BalProject  *project,
                          gint64       objection_id,
                          gboolean     appeal,
                          GError     **error)
{
  g_autoptr(BalObjection) objection = NULL;
  sqlite3_stmt *stmt;

  if (!bal_project_require_author (project, error))
    return FALSE;
  if (bal_project_get_review_mode (project) || bal_project_is_read_only (project))
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY,
                   _("This project is open for review: only objections and remarks can be recorded."));
      return FALSE;
    }
  objection = bal_objection_get (project, objection_id, error);
  if (objection == NULL)
    return FALSE;
  if (objection->outcome == NULL && appeal)
    {
      g_set_error (error, BAL_OBJECTION_ERROR, BAL_OBJECTION_ERROR_STATE,
                   _("An external appeal follows the employer’s decision on the objection, which is not taken yet."));
      return FALSE;
    }

  stmt = bal_project_prepare (project, "UPDATE objection SET appeal = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, objection_id);
  sqlite3_bind_int (stmt, 2, appeal ? 1 : 0);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  bal_project_emit_changed (project, "review");
  return TRUE;
}
