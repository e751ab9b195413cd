/* bal-profile.c: a job's level per characteristic, from its answers
 *
 * The rule: the level of a characteristic is the mean of the levels of its
 * answered questions, rounded half up. An answer "not applicable" (level 0
 * in the method file, such as no management role) is left out of the mean.
 * A characteristic none of whose questions is answered has no level; an
 * unanswered question never counts as the lowest level. Every question's
 * options run from level 1 to (nearly) the top of the scale, so that the
 * lowest answers give level 1 and the highest the top level.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-profile"

#include "config.h"

#include "bal-handbook.h"
#include "bal-profile.h"
#include "bal-project-private.h"

/* The level that @n_levels answered levels give, or 0 for none. */
int
bal_profile_level_of (const int *levels,
                      guint      n_levels)
{
  int sum = 0;
  int counted = 0;

  for (guint i = 0; i < n_levels; i++)
    if (levels[i] > BAL_LEVEL_NOT_APPLICABLE)
      {
        sum += levels[i];
        counted++;
      }

  if (counted == 0)
    return 0;

  /* Half up, in integers: floor (sum / n + 1/2). */
  return (2 * sum + counted) / (2 * counted);
}

static void
job_level_free (BalJobLevel *level)
{
  g_free (level->characteristic_id);
  g_free (level->name);
  g_ptr_array_unref (level->answers);
  g_ptr_array_unref (level->unanswered);
  g_free (level);
}

void
bal_job_profile_free (BalJobProfile *profile)
{
  if (profile == NULL)
    return;

  g_ptr_array_unref (profile->levels);
  g_ptr_array_unref (profile->unanswered);
  g_free (profile);
}

BalJobLevel *
bal_job_profile_find (BalJobProfile *profile,
                      const char    *characteristic_id)
{
  for (guint i = 0; i < profile->levels->len; i++)
    {
      BalJobLevel *level = g_ptr_array_index (profile->levels, i);

      if (g_strcmp0 (level->characteristic_id, characteristic_id) == 0)
        return level;
    }

  return NULL;
}

BalJobProfile *
bal_profile_compute (BalProject  *project,
                     gint64       job_id,
                     GError     **error)
{
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  BalJobProfile *profile;

  method = bal_handbook_load_method (project, error);
  if (method == NULL)
    return NULL;

  answers = bal_questionnaire_answers (project, job_id, error);
  if (answers == NULL)
    return NULL;

  profile = g_new0 (BalJobProfile, 1);
  profile->levels = g_ptr_array_new_with_free_func ((GDestroyNotify)job_level_free);
  profile->unanswered = g_ptr_array_new_with_free_func (g_free);
  profile->n_questions = method->questions->len;

  for (guint i = 0; i < method->characteristics->len; i++)
    {
      BalCharacteristic *c = g_ptr_array_index (method->characteristics, i);
      BalJobLevel *level = g_new0 (BalJobLevel, 1);
      g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (int));

      level->characteristic_id = g_strdup (c->id);
      level->name = g_strdup (c->name);
      level->levels = c->levels;
      level->answers = g_ptr_array_new ();
      level->unanswered = g_ptr_array_new_with_free_func (g_free);

      for (guint j = 0; j < method->questions->len; j++)
        {
          BalQuestion *q = g_ptr_array_index (method->questions, j);
          BalAnswer *answer;

          if (g_strcmp0 (q->characteristic, c->id) != 0)
            continue;

          answer = bal_questionnaire_find_answer (answers, q->id);
          if (answer != NULL)
            {
              g_ptr_array_add (level->answers, answer);
              g_array_append_val (values, answer->level);
            }
          else
            {
              g_ptr_array_add (level->unanswered, g_strdup (q->id));
              g_ptr_array_add (profile->unanswered, g_strdup (q->id));
            }
        }

      level->level = bal_profile_level_of ((const int *)values->data, values->len);
      g_ptr_array_add (profile->levels, level);
    }

  /* The levels point into the answers: hand them over with the profile. */
  for (guint i = 0; i < profile->levels->len; i++)
    {
      BalJobLevel *level = g_ptr_array_index (profile->levels, i);

      g_ptr_array_set_free_func (level->answers, (GDestroyNotify)bal_answer_free);
    }
  g_ptr_array_set_free_func (answers, NULL);

  /* Answers to questions of no characteristic are not kept. */
  for (guint i = 0; i < answers->len; i++)
    {
      BalAnswer *answer = g_ptr_array_index (answers, i);
      gboolean used = FALSE;

      for (guint j = 0; j < profile->levels->len && !used; j++)
        {
          BalJobLevel *level = g_ptr_array_index (profile->levels, j);

          used = g_ptr_array_find (level->answers, answer, NULL);
        }
      if (!used)
        bal_answer_free (answer);
    }

  return profile;
}

static void
finish_levels (GHashTable *by_job,
               gint64      job_id,
               GPtrArray  *values)
{
  GArray *levels = g_array_sized_new (FALSE, TRUE, sizeof (int), values->len);

  for (guint i = 0; i < values->len; i++)
    {
      GArray *answered = g_ptr_array_index (values, i);
      int level = bal_profile_level_of ((const int *)answered->data, answered->len);

      g_array_append_val (levels, level);
      g_array_set_size (answered, 0);
    }
  g_hash_table_insert (by_job, g_memdup2 (&job_id, sizeof job_id), levels);
}

/* The level of each characteristic, in @method's order, of every job that
 * has an answer, by the rule of bal_profile_compute() and in one query:
 * a table from the job's id (gint64 *) to a GArray of int. */
GHashTable *
bal_profile_levels_by_job (BalProject  *project,
                           BalMethod   *method,
                           GError     **error)
{
  g_autoptr(GHashTable) by_job = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_array_unref);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  sqlite3_stmt *stmt;
  gint64 job_id = 0;
  int rc;

  for (guint i = 0; i < method->characteristics->len; i++)
    {
      BalCharacteristic *c = g_ptr_array_index (method->characteristics, i);

      g_hash_table_insert (index, c->id, GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (values, g_array_new (FALSE, FALSE, sizeof (int)));
    }

  stmt = bal_project_prepare (project,
                              "SELECT a.job_id, q.characteristic_id, o.level "
                              "FROM answer a JOIN question q ON q.id = a.question_id "
                              "JOIN question_option o ON o.question_id = a.question_id AND o.id = a.option_id "
                              "ORDER BY a.job_id",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, sqlite3_column_text (stmt, 1)));
      int level = sqlite3_column_int (stmt, 2);

      if (id != job_id && job_id != 0)
        finish_levels (by_job, job_id, values);
      job_id = id;
      if (i > 0)
        g_array_append_val ((GArray *)g_ptr_array_index (values, i - 1), level);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }
  if (job_id != 0)
    finish_levels (by_job, job_id, values);

  return g_steal_pointer (&by_job);
}
