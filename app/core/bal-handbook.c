/* bal-handbook.c: the handbook inside a project: method, reference functions, search
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bal-handbook.h"

G_DEFINE_QUARK (bal-handbook-error-quark, bal_handbook_error)

#define RESOURCE_HANDBOOK "/io/github/balans/Balans/handbook/"

/* Titles weigh most, then alternative titles, purpose, activities. */
#define BM25 "bm25 (reference_fts, 10.0, 8.0, 2.0, 1.0)"

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? text : "";
}

static gboolean
step_done (BalProject    *project,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return FALSE;
    }

  return TRUE;
}

void
bal_reference_free (BalReference *reference)
{
  if (reference == NULL)
    return;

  g_clear_pointer (&reference->doc, bal_reference_doc_free);
  g_clear_pointer (&reference->profile, g_ptr_array_unref);
  g_free (reference);
}

void
bal_reference_summary_free (BalReferenceSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->code);
  g_free (summary->title);
  g_free (summary->family);
  g_free (summary->grade);
  g_free (summary->alternative_titles);
  g_free (summary);
}

void
bal_import_report_free (BalImportReport *report)
{
  if (report == NULL)
    return;

  g_free (report->file);
  g_clear_pointer (&report->imported, g_ptr_array_unref);
  g_clear_pointer (&report->errors, g_ptr_array_unref);
  g_free (report);
}

static void
profile_entry_free (BalProfileEntry *entry)
{
  g_free (entry->characteristic_id);
  g_free (entry->characteristic_name);
  g_free (entry);
}

gboolean
bal_handbook_has_handbook (BalProject *project)
{
  sqlite3_stmt *stmt = bal_project_prepare (project, "SELECT count(*) FROM handbook", NULL);
  gboolean has = FALSE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    has = sqlite3_column_int (stmt, 0) > 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return has;
}

/* Turns what a person typed into an FTS5 query: every word as a quoted
 * prefix term, all required (@match_all) or any of them. NULL when the text
 * holds no word. */
char *
bal_handbook_fts_query (const char *text,
                        gboolean    match_all)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *valid = NULL;
  const char *p;
  GString *word = g_string_new (NULL);

  if (text == NULL)
    {
      g_string_free (word, TRUE);
      return NULL;
    }

  valid = g_utf8_make_valid (text, -1);
  p = valid;

  for (;;)
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        g_string_append_unichar (word, c);
      else
        {
          if (word->len >= 2)
            {
              if (query->len > 0)
                g_string_append (query, match_all ? " AND " : " OR ");
              g_string_append_printf (query, "\"%s\"*", word->str);
            }
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }

  g_string_free (word, TRUE);

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

GPtrArray *
bal_handbook_list_families (BalProject  *project,
                            GError     **error)
{
  g_autoptr(GPtrArray) families = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project, "SELECT name FROM family ORDER BY position, name", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (families, g_strdup (column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&families);
}

/* Reference functions matching @text (all words, as prefixes) in @family
 * (NULL for all), best first; without text, in handbook order. */
GPtrArray *
bal_handbook_search (BalProject  *project,
                     const char  *text,
                     const char  *family,
                     GError     **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_reference_summary_free);
  g_autofree char *query = bal_handbook_fts_query (text, TRUE);
  sqlite3_stmt *stmt;
  int rc;

  if (query != NULL)
    stmt = bal_project_prepare (project,
                                "SELECT r.id, r.code, r.title, f.name, r.grade, "
                                "  (SELECT group_concat (title, ', ') FROM alternative_title a WHERE a.reference_id = r.id), "
                                "  " BM25 " AS rank "
                                "FROM reference_fts "
                                "JOIN reference_function r ON r.id = reference_fts.rowid "
                                "LEFT JOIN family f ON f.id = r.family_id "
                                "WHERE reference_fts MATCH ?1 AND (?2 IS NULL OR f.name = ?2) "
                                "ORDER BY rank, r.code",
                                error);
  else
    stmt = bal_project_prepare (project,
                                "SELECT r.id, r.code, r.title, f.name, r.grade, "
                                "  (SELECT group_concat (title, ', ') FROM alternative_title a WHERE a.reference_id = r.id), "
                                "  0.0 "
                                "FROM reference_function r "
                                "LEFT JOIN family f ON f.id = r.family_id "
                                "LEFT JOIN grade g ON g.name = r.grade "
                                "WHERE ?1 IS NULL AND (?2 IS NULL OR f.name = ?2) "
                                "ORDER BY f.position, g.position, r.code",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, family, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BalReferenceSummary *summary = g_new0 (BalReferenceSummary, 1);

      summary->id = sqlite3_column_int64 (stmt, 0);
      summary->code = g_strdup (column_text (stmt, 1));
      summary->title = g_strdup (column_text (stmt, 2));
      summary->family = g_strdup (column_text (stmt, 3));
      summary->grade = g_strdup (column_text (stmt, 4));
      summary->alternative_titles = g_strdup (column_text (stmt, 5));
      summary->rank = sqlite3_column_double (stmt, 6);
      g_ptr_array_add (results, summary);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&results);
}

static gint64
reference_id (BalProject  *project,
              const char  *code,
              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = bal_project_prepare (project, "SELECT id FROM reference_function WHERE code = ?1", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (id == 0)
    g_set_error (error, BAL_HANDBOOK_ERROR, BAL_HANDBOOK_ERROR_NOT_FOUND,
                 _("The handbook has no reference function “%s”."), code);

  return id;
}

/* Rewrites the search index row of one reference function from its tables. */
static gboolean
index_reference (BalProject  *project,
                 gint64       id,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = bal_project_prepare (project, "DELETE FROM reference_fts WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (project, stmt, error))
    return FALSE;

  stmt = bal_project_prepare (project,
                              "INSERT INTO reference_fts (rowid, title, alternative_titles, purpose, activities) "
                              "SELECT r.id, r.title, "
                              "  coalesce ((SELECT group_concat (title, '; ') FROM alternative_title WHERE reference_id = r.id), ''), "
                              "  r.purpose, "
                              "  coalesce ((SELECT group_concat (g.title || ' ' || "
                              "     coalesce ((SELECT group_concat (a.text, ' ') FROM activity a WHERE a.group_id = g.id), ''), ' ') "
                              "   FROM activity_group g WHERE g.reference_id = r.id), '') "
                              "FROM reference_function r WHERE r.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return step_done (project, stmt, error);
}

gboolean
bal_handbook_set_profile_level (BalProject  *project,
                                const char  *code,
                                const char  *characteristic_id,
                                int          level,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int levels = 0;

  id = reference_id (project, code, error);
  if (id == 0)
    return FALSE;

  stmt = bal_project_prepare (project, "SELECT levels FROM characteristic WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, characteristic_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    levels = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (levels == 0)
    {
      g_set_error (error, BAL_HANDBOOK_ERROR, BAL_HANDBOOK_ERROR_NOT_FOUND,
                   _("The handbook has no characteristic “%s”."), characteristic_id);
      return FALSE;
    }

  if (level < 1 || level > levels)
    {
      g_set_error (error, BAL_HANDBOOK_ERROR, BAL_HANDBOOK_ERROR_INVALID,
                   _("Level %d is outside the scale of “%s” (1 to %d)."),
                   level, characteristic_id, levels);
      return FALSE;
    }

  stmt = bal_project_prepare (project,
                              "INSERT INTO reference_profile (reference_id, characteristic_id, level, derived) "
                              "VALUES (?1, ?2, ?3, 0) "
                              "ON CONFLICT (reference_id, characteristic_id) DO UPDATE SET level = ?3, derived = 0",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, characteristic_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, level);
  if (!step_done (project, stmt, error))
    return FALSE;

  bal_project_touch (project);
  bal_project_emit_changed (project, "handbook");

  return TRUE;
}

gboolean
bal_handbook_set_alternative_titles (BalProject          *project,
                                     const char          *code,
                                     const char * const  *titles,
                                     GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int position = 0;

  id = reference_id (project, code, error);
  if (id == 0)
    return FALSE;

  if (!bal_project_begin (project, error))
    return FALSE;

  stmt = bal_project_prepare (project, "DELETE FROM alternative_title WHERE reference_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (project, stmt, error))
    goto failed;

  for (guint i = 0; titles != NULL && titles[i] != NULL; i++)
    {
      g_autofree char *title = g_strstrip (g_strdup (titles[i]));

      if (*title == '\0')
        continue;

      stmt = bal_project_prepare (project,
                                  "INSERT OR IGNORE INTO alternative_title (reference_id, position, title) VALUES (?1, ?2, ?3)",
                                  error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, position++);
      sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
      if (!step_done (project, stmt, error))
        goto failed;
    }

  if (!index_reference (project, id, error))
    goto failed;

  bal_project_touch (project);
  if (!bal_project_commit (project, error))
    return FALSE;

  bal_project_emit_changed (project, "handbook");

  return TRUE;

failed:
  bal_project_rollback (project);
  return FALSE;
}

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
  if (!step_done (project, stmt, error))
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
      if (!step_done (project, stmt, error))
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
      if (!step_done (project, stmt, error))
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
          if (!step_done (project, stmt, error))
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
      if (!step_done (project, stmt, error))
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
          if (!step_done (project, stmt, error))
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
    g_strv_builder_add (builder, column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}
