/* bal-description.c: versions of a job's description, seen and agreed
 *
 * The first step of the procedure: the job's description (its text and
 * activities) is signed by an employee who holds the job as seen (voor
 * gezien) and by the manager as agreed (voor akkoord). A version is taken
 * when the text changed since the last one: by hand, or when a decision is
 * recorded, which names the version it graded. Grading a version no manager
 * agreed to is allowed, with a warning: the grading may have to be done
 * again when the description changes.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-description"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bal-description.h"
#include "bal-jobs.h"
#include "bal-project-private.h"

G_DEFINE_QUARK (bal-description-error-quark, bal_description_error)

void
bal_signoff_free (BalSignoff *signoff)
{
  if (signoff == NULL)
    return;

  g_free (signoff->kind);
  g_free (signoff->name);
  g_free (signoff->role);
  g_free (signoff->at);
  g_free (signoff);
}

void
bal_description_free (BalDescription *description)
{
  if (description == NULL)
    return;

  g_free (description->description);
  g_free (description->activities);
  g_free (description->author);
  g_free (description->created);
  g_clear_pointer (&description->signoffs, g_ptr_array_unref);
  g_free (description);
}

static char *
text_column (sqlite3_stmt *stmt,
             int           i)
{
  return g_strdup (sqlite3_column_type (stmt, i) == SQLITE_NULL ? "" : (const char *)sqlite3_column_text (stmt, i));
}

/* The id of the version that holds the job's description as it is now:
 * the newest one, or a new one when the text changed since (or there is
 * none). Written in the caller's transaction, if any. 0 on error. */
gint64
bal_description_snapshot (BalProject  *project,
                          gint64       job_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = NULL;
  gint64 id = 0;
  gboolean found = FALSE;
  int next = 1;

  stmt = bal_project_prepare (project,
                              "SELECT j.id, d.id, d.version, d.description IS j.description AND d.activities IS j.activities "
                              "FROM job j LEFT JOIN job_description d ON d.job_id = j.id "
                              "  AND d.version = (SELECT max (version) FROM job_description WHERE job_id = j.id) "
                              "WHERE j.id = ?1 AND j.deleted IS NULL",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, job_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          next = sqlite3_column_int (stmt, 2) + 1;
          if (sqlite3_column_int (stmt, 3))
            id = sqlite3_column_int64 (stmt, 1);
        }
    }
  sqlite3_reset (stmt);

  if (!found)
    {
      g_set_error (error, BAL_DESCRIPTION_ERROR, BAL_DESCRIPTION_ERROR_NOT_FOUND,
                   _("There is no job with id %lld."), (long long)job_id);
      return 0;
    }
  if (id != 0)
    return id;

  now = bal_now_iso8601 ();
  stmt = bal_project_prepare (project,
                              "INSERT INTO job_description (job_id, version, description, activities, author, role, created) "
                              "SELECT id, ?2, description, activities, ?3, ?4, ?5 FROM job WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_int (stmt, 2, next);
  sqlite3_bind_text (stmt, 3, bal_project_get_author (project) ? bal_project_get_author (project) : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, bal_project_get_author_role (project) ? bal_project_get_author_role (project) : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return 0;

  bal_project_emit_changed (project, "jobs");
  return sqlite3_last_insert_rowid (bal_project_get_db (project));
}

/* The versions of @job_id's description (newest first), each with its
 * sign-offs (when @description_id is 0), or the one version
 * @description_id: two queries either way. */
static GPtrArray *
load (BalProject  *project,
      gint64       job_id,
      gint64       description_id,
      GError     **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_description_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project,
                              "SELECT id, job_id, version, description, activities, author, created FROM job_description "
                              "WHERE (?1 <> 0 AND job_id = ?1) OR (?1 = 0 AND id = ?2) ORDER BY version DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_int64 (stmt, 2, description_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BalDescription *d = g_new0 (BalDescription, 1);

      d->id = sqlite3_column_int64 (stmt, 0);
      d->job_id = sqlite3_column_int64 (stmt, 1);
      d->version = sqlite3_column_int (stmt, 2);
      d->description = text_column (stmt, 3);
      d->activities = text_column (stmt, 4);
      d->author = text_column (stmt, 5);
      d->created = text_column (stmt, 6);
      d->signoffs = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_signoff_free);
      g_ptr_array_add (versions, d);
      g_hash_table_insert (by_id, &d->id, d);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  stmt = bal_project_prepare (project,
                              "SELECT s.description_id, s.kind, s.name, s.role, s.at FROM description_signoff s "
                              "JOIN job_description d ON d.id = s.description_id "
                              "WHERE (?1 <> 0 AND d.job_id = ?1) OR (?1 = 0 AND d.id = ?2) ORDER BY s.at, s.rowid",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_int64 (stmt, 2, description_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      BalDescription *d = g_hash_table_lookup (by_id, &id);
      BalSignoff *signoff;

      if (d == NULL)
        continue;
      signoff = g_new0 (BalSignoff, 1);
      signoff->kind = text_column (stmt, 1);
      signoff->name = text_column (stmt, 2);
      signoff->role = text_column (stmt, 3);
      signoff->at = text_column (stmt, 4);
      g_ptr_array_add (d->signoffs, signoff);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&versions);
}

/* The versions of @job_id's description, newest first. */
GPtrArray *
bal_description_versions (BalProject  *project,
                          gint64       job_id,
                          GError     **error)
{
  g_return_val_if_fail (job_id > 0, NULL);

  return load (project, job_id, 0, error);
}

BalDescription *
bal_description_get (BalProject  *project,
                     gint64       description_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) versions = load (project, 0, description_id, error);

  if (versions == NULL)
    return NULL;
  if (versions->len == 0)
    {
      g_set_error (error, BAL_DESCRIPTION_ERROR, BAL_DESCRIPTION_ERROR_NOT_FOUND,
                   _("There is no job description version with id %lld."), (long long)description_id);
      return NULL;
    }

  return g_ptr_array_steal_index (versions, 0);
}

gboolean
bal_description_is_signed (BalDescription *description,
                           const char     *kind)
{
  for (guint i = 0; i < description->signoffs->len; i++)
    if (g_strcmp0 (((BalSignoff *)g_ptr_array_index (description->signoffs, i))->kind, kind) == 0)
      return TRUE;

  return FALSE;
}

/* Records that @name saw (@kind "seen", an employee) or agreed to
 * ("agreed", the manager) the version @description_id. Without @name it
 * is the author who signs, in the author's role. */
gboolean
bal_description_sign (BalProject  *project,
                      gint64       description_id,
                      const char  *kind,
                      const char  *name,
                      GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *now = bal_now_iso8601 ();
  g_autoptr(BalDescription) description = NULL;
  const char *role;
  sqlite3_stmt *stmt;

  if (g_strcmp0 (kind, "seen") != 0 && g_strcmp0 (kind, "agreed") != 0)
    {
      g_set_error (error, BAL_DESCRIPTION_ERROR, BAL_DESCRIPTION_ERROR_INVALID,
                   _("“%s” is not a sign-off: use seen (the employee) or agreed (the manager)."), kind ? kind : "");
      return FALSE;
    }
  if (!bal_project_require_author (project, error))
    return FALSE;
  if (bal_project_is_read_only (project))
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY,
                   _("This project is open for reading only."));
      return FALSE;
    }

  description = bal_description_get (project, description_id, error);
  if (description == NULL)
    return FALSE;

  if (*clean == '\0')
    {
      g_free (clean);
      clean = g_strdup (bal_project_get_author (project));
      role = bal_project_get_author_role (project);
    }
  else
    role = g_str_equal (kind, "seen") ? "employee" : "manager";

  stmt = bal_project_prepare (project,
                              "INSERT INTO description_signoff (description_id, kind, name, role, at) VALUES (?1, ?2, ?3, ?4, ?5) "
                              "ON CONFLICT DO NOTHING",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, description_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  bal_project_emit_changed (project, "jobs");
  return TRUE;
}

/* What grading @job_id now would grade: NULL when it is a version a
 * manager agreed to, otherwise a sentence to show before the decision is
 * recorded (the decision is allowed all the same). Writes nothing. */
char *
bal_description_grading_warning (BalProject  *project,
                                 gint64       job_id,
                                 GError     **error)
{
  g_autoptr(BalJob) job = bal_jobs_get (project, job_id, error);
  g_autoptr(GPtrArray) versions = NULL;
  BalDescription *latest;

  if (job == NULL)
    return NULL;
  versions = bal_description_versions (project, job_id, error);
  if (versions == NULL)
    return NULL;

  if (versions->len == 0)
    return g_strdup_printf (_("No one has agreed to the description of “%s” yet: a manager should agree to it before it is graded."),
                            job->title);

  latest = g_ptr_array_index (versions, 0);
  if (g_strcmp0 (latest->description, job->description) != 0 || g_strcmp0 (latest->activities, job->activities) != 0)
    return g_strdup_printf (_("The description of “%s” changed after version %d: the new text is a new version that no one has agreed to yet."),
                            job->title, latest->version);
  if (!bal_description_is_signed (latest, "agreed"))
    return g_strdup_printf (_("Version %d of the description of “%s” has not been agreed to by a manager yet."),
                            latest->version, job->title);

  return NULL;
}
