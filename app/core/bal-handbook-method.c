/* bal-handbook-method.c: the method in a project: grades, characteristics, questionnaire
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-handbook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bal-handbook-private.h"

gboolean
bal_handbook_store_method (BalProject  *project,
                           BalMethod   *method,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  if (!bal_project_begin (project, error))
    return FALSE;

  stmt = bal_project_prepare (project,
                              "INSERT INTO handbook (id, name, sector, version) VALUES (1, ?1, ?2, ?3) "
                              "ON CONFLICT (id) DO UPDATE SET name = ?1, sector = ?2, version = ?3",
                              error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, method->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, method->sector ? method->sector : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, method->version ? method->version : "", -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    goto failed;

  if (!bal_method_store_rules (project, method, error))
    goto failed;

  for (guint i = 0; method->grades != NULL && method->grades[i] != NULL; i++)
    {
      stmt = bal_project_prepare (project,
                                  "INSERT INTO grade (position, name) VALUES (?1, ?2) "
                                  "ON CONFLICT (position) DO UPDATE SET name = ?2",
                                  error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, method->grades[i], -1, SQLITE_TRANSIENT);
      if (!bal_project_step_done (project, stmt, error))
        goto failed;
    }

  for (guint i = 0; i < method->characteristics->len; i++)
    {
      BalCharacteristic *c = g_ptr_array_index (method->characteristics, i);

      stmt = bal_project_prepare (project,
                                  "INSERT INTO characteristic (id, position, name, levels) VALUES (?1, ?2, ?3, ?4) "
                                  "ON CONFLICT (id) DO UPDATE SET position = ?2, name = ?3, levels = ?4",
                                  error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, c->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, c->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, c->levels);
      if (!bal_project_step_done (project, stmt, error))
        goto failed;

      for (int level = 1; level <= c->levels; level++)
        {
          const char *description = "";

          if (c->descriptions != NULL && (guint)level <= g_strv_length (c->descriptions))
            description = c->descriptions[level - 1];

          stmt = bal_project_prepare (project,
                                      "INSERT INTO characteristic_level (characteristic_id, level, description) VALUES (?1, ?2, ?3) "
                                      "ON CONFLICT (characteristic_id, level) DO UPDATE SET description = ?3",
                                      error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_text (stmt, 1, c->id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 2, level);
          sqlite3_bind_text (stmt, 3, description, -1, SQLITE_TRANSIENT);
          if (!bal_project_step_done (project, stmt, error))
            goto failed;
        }
    }

  for (guint i = 0; i < method->questions->len; i++)
    {
      BalQuestion *q = g_ptr_array_index (method->questions, i);

      stmt = bal_project_prepare (project,
                                  "INSERT INTO question (id, position, characteristic_id, text, help, fact) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                  "ON CONFLICT (id) DO UPDATE SET position = ?2, characteristic_id = ?3, "
                                  "  text = ?4, help = ?5, fact = ?6",
                                  error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, q->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, q->characteristic, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, q->text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, q->help ? q->help : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, q->fact ? q->fact : "", -1, SQLITE_TRANSIENT);
      if (!bal_project_step_done (project, stmt, error))
        goto failed;

      for (guint j = 0; j < q->options->len; j++)
        {
          BalQuestionOption *o = g_ptr_array_index (q->options, j);

          stmt = bal_project_prepare (project,
                                      "INSERT INTO question_option (question_id, id, position, level, text, fact_value) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                      "ON CONFLICT (question_id, id) DO UPDATE SET position = ?3, level = ?4, "
                                      "  text = ?5, fact_value = ?6",
                                      error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_text (stmt, 1, q->id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, o->id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 3, j);
          sqlite3_bind_int (stmt, 4, o->level);
          sqlite3_bind_text (stmt, 5, o->text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 6, o->fact_value ? o->fact_value : "", -1, SQLITE_TRANSIENT);
          if (!bal_project_step_done (project, stmt, error))
            goto failed;
        }
    }

  bal_project_touch (project);
  if (!bal_project_commit (project, error))
    return FALSE;

  bal_project_emit_changed (project, "handbook");

  return TRUE;

failed:
  bal_project_rollback (project);
  return FALSE;
}

static GStrv
load_grades (BalProject  *project,
             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project, "SELECT name FROM grade ORDER BY position", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, bal_handbook_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

BalMethod *
bal_handbook_load_method (BalProject  *project,
                          GError     **error)
{
  g_autoptr(BalMethod) method = g_new0 (BalMethod, 1);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project, "SELECT name, sector, version FROM handbook WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, BAL_HANDBOOK_ERROR, BAL_HANDBOOK_ERROR_NO_HANDBOOK,
                   _("“%s” has no handbook yet."), bal_project_get_path (project));
      return NULL;
    }
  method->name = g_strdup (bal_handbook_column_text (stmt, 0));
  method->sector = g_strdup (bal_handbook_column_text (stmt, 1));
  method->version = g_strdup (bal_handbook_column_text (stmt, 2));
  sqlite3_reset (stmt);

  method->grades = load_grades (project, error);
  if (method->grades == NULL)
    return NULL;

  if (!bal_method_load_rules (project, method, error))
    return NULL;

  method->characteristics = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_characteristic_free);
  stmt = bal_project_prepare (project,
                              "SELECT c.id, c.name, c.levels, "
                              "  (SELECT group_concat (description, char (10)) FROM "
                              "    (SELECT description FROM characteristic_level l WHERE l.characteristic_id = c.id ORDER BY level)) "
                              "FROM characteristic c ORDER BY c.position",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BalCharacteristic *c = g_new0 (BalCharacteristic, 1);

      c->id = g_strdup (bal_handbook_column_text (stmt, 0));
      c->name = g_strdup (bal_handbook_column_text (stmt, 1));
      c->levels = sqlite3_column_int (stmt, 2);
      c->descriptions = g_strsplit (bal_handbook_column_text (stmt, 3), "\n", -1);
      g_ptr_array_add (method->characteristics, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  method->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_question_free);
  stmt = bal_project_prepare (project,
                              "SELECT q.id, q.characteristic_id, q.text, q.help, q.fact, o.id, o.level, o.text, o.fact_value "
                              "FROM question q JOIN question_option o ON o.question_id = q.id "
                              "ORDER BY q.position, o.position",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BalQuestion *q = NULL;
      BalQuestionOption *o = g_new0 (BalQuestionOption, 1);

      if (method->questions->len > 0)
        q = g_ptr_array_index (method->questions, method->questions->len - 1);
      if (q == NULL || g_strcmp0 (q->id, bal_handbook_column_text (stmt, 0)) != 0)
        {
          q = g_new0 (BalQuestion, 1);
          q->id = g_strdup (bal_handbook_column_text (stmt, 0));
          q->characteristic = g_strdup (bal_handbook_column_text (stmt, 1));
          q->text = g_strdup (bal_handbook_column_text (stmt, 2));
          q->help = g_strdup (bal_handbook_column_text (stmt, 3));
          q->fact = g_strdup (bal_handbook_column_text (stmt, 4));
          q->options = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_question_option_free);
          g_ptr_array_add (method->questions, q);
        }

      o->id = g_strdup (bal_handbook_column_text (stmt, 5));
      o->level = sqlite3_column_int (stmt, 6);
      o->text = g_strdup (bal_handbook_column_text (stmt, 7));
      o->fact_value = g_strdup (bal_handbook_column_text (stmt, 8));
      g_ptr_array_add (q->options, o);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&method);
}
