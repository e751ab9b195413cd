/* bal-questionnaire.c: a job's answers to the questionnaire of the method
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-questionnaire"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bal-jobs.h"
#include "bal-questionnaire.h"
#include "bal-project-private.h"

G_DEFINE_QUARK (bal-questionnaire-error-quark, bal_questionnaire_error)

void
bal_answer_free (BalAnswer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->question_id);
  g_free (answer->characteristic_id);
  g_free (answer->option_id);
  g_free (answer->option_text);
  g_free (answer->evidence);
  g_free (answer);
}

static gboolean
job_exists (BalProject  *project,
            gint64       job_id,
            GError     **error)
{
  g_autoptr(BalJob) job = bal_jobs_get (project, job_id, error);

  return job != NULL;
}

/* Records @option_id as the answer of @job_id to @question_id; the
 * evidence is kept as it was when @evidence is NULL. */
gboolean
bal_questionnaire_answer (BalProject  *project,
                          gint64       job_id,
                          const char  *question_id,
                          const char  *option_id,
                          const char  *evidence,
                          GError     **error)
{
  g_autofree char *now = bal_now_iso8601 ();
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;

  if (!job_exists (project, job_id, error))
    return FALSE;

  stmt = bal_project_prepare (project, "SELECT 1 FROM question_option WHERE question_id = ?1 AND id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, question_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, option_id, -1, SQLITE_TRANSIENT);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!exists)
    {
      g_set_error (error, BAL_QUESTIONNAIRE_ERROR, BAL_QUESTIONNAIRE_ERROR_NOT_FOUND,
                   _("The questionnaire has no question “%s” with an option “%s” (see “balans-cli questionnaire”)."),
                   question_id, option_id);
      return FALSE;
    }

  stmt = bal_project_prepare (project,
                              "INSERT INTO answer (job_id, question_id, option_id, evidence, answered) "
                              "VALUES (?1, ?2, ?3, coalesce (?4, ''), ?5) "
                              "ON CONFLICT (job_id, question_id) DO UPDATE SET option_id = ?3, "
                              "  evidence = coalesce (?4, evidence), answered = ?5",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_text (stmt, 2, question_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, option_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, evidence, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  bal_project_touch (project);
  bal_project_emit_changed (project, "answers");

  return TRUE;
}

/* Keeps @evidence beside the answer of @job_id to @question_id; there must
 * be an answer. */
gboolean
bal_questionnaire_set_evidence (BalProject  *project,
                                gint64       job_id,
                                const char  *question_id,
                                const char  *evidence,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = bal_project_prepare (project, "UPDATE answer SET evidence = ?3 WHERE job_id = ?1 AND question_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_text (stmt, 2, question_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, evidence ? evidence : "", -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  if (sqlite3_changes (bal_project_get_db (project)) == 0)
    {
      g_set_error (error, BAL_QUESTIONNAIRE_ERROR, BAL_QUESTIONNAIRE_ERROR_NOT_FOUND,
                   _("Choose an answer before writing its evidence."));
      return FALSE;
    }

  bal_project_touch (project);
  bal_project_emit_changed (project, "answers");

  return TRUE;
}

gboolean
bal_questionnaire_clear (BalProject  *project,
                         gint64       job_id,
                         const char  *question_id,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = bal_project_prepare (project, "DELETE FROM answer WHERE job_id = ?1 AND question_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_text (stmt, 2, question_id, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  bal_project_touch (project);
  bal_project_emit_changed (project, "answers");

  return TRUE;
}

/* The answers of @job_id, in questionnaire order. */
GPtrArray *
bal_questionnaire_answers (BalProject  *project,
                           gint64       job_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_answer_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project,
                              "SELECT a.question_id, q.characteristic_id, a.option_id, o.text, o.level, a.evidence "
                              "FROM answer a JOIN question q ON q.id = a.question_id "
                              "JOIN question_option o ON o.question_id = a.question_id AND o.id = a.option_id "
                              "WHERE a.job_id = ?1 ORDER BY q.position",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, job_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BalAnswer *answer = g_new0 (BalAnswer, 1);

      answer->question_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      answer->characteristic_id = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      answer->option_id = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      answer->option_text = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      answer->level = sqlite3_column_int (stmt, 4);
      answer->evidence = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      g_ptr_array_add (answers, answer);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&answers);
}

BalAnswer *
bal_questionnaire_find_answer (GPtrArray  *answers,
                               const char *question_id)
{
  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      BalAnswer *answer = g_ptr_array_index (answers, i);

      if (g_strcmp0 (answer->question_id, question_id) == 0)
        return answer;
    }

  return NULL;
}
