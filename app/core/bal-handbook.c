/* bal-handbook.c: the handbook inside a project: method, reference functions, search
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-handbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bal-handbook.h"
#include "bal-project-private.h"

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

/* Turns what a person typed into an FTS5 query over the trigram index:
 * every word of three letters or more, folded, as a quoted phrase; all
 * required (@match_all) or any of them. NULL when the text holds no such
 * word. */
char *
bal_handbook_fts_query (const char *text,
                        gboolean    match_all)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folded = NULL;
  g_autoptr(GString) word = g_string_new (NULL);

  if (text == NULL)
    return NULL;

  folded = bal_fold (text);

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        g_string_append_unichar (word, c);
      else
        {
          if (g_utf8_strlen (word->str, -1) >= 3 && !g_hash_table_contains (seen, word->str))
            {
              if (query->len > 0)
                g_string_append (query, match_all ? " AND " : " OR ");
              g_string_append_printf (query, "\"%s\"", word->str);
              g_hash_table_add (seen, g_strdup (word->str));
            }
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

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

/* Reference functions matching @text in @family (NULL for all), best first;
 * without text, in handbook order. Any of the words may match, as a prefix:
 * Dutch compounds ("servicemonteur") hide words from a stricter search,
 * and the ranking puts the functions that match most at the top. */
/* Every reference function's code and the name of its family ("" when it
 * has none), in one query: for lists that need only that of each job's
 * reference. */
GHashTable *
bal_handbook_reference_families (BalProject  *project,
                                 GError     **error)
{
  g_autoptr(GHashTable) families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project,
                              "SELECT r.code, coalesce (f.name, '') FROM reference_function r "
                              "LEFT JOIN family f ON f.id = r.family_id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (families,
                         g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&families);
}

GPtrArray *
bal_handbook_search (BalProject  *project,
                     const char  *text,
                     const char  *family,
                     GError     **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_reference_summary_free);
  g_autofree char *query = bal_handbook_fts_query (text, FALSE);
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
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  stmt = bal_project_prepare (project,
                              "INSERT INTO reference_fts (rowid, title, alternative_titles, purpose, activities) "
                              "SELECT r.id, balans_fold (r.title), "
                              "  balans_fold (coalesce ((SELECT group_concat (title, '; ') FROM alternative_title WHERE reference_id = r.id), '')), "
                              "  balans_fold (r.purpose), "
                              "  balans_fold (coalesce ((SELECT group_concat (g.title || ' ' || "
                              "     coalesce ((SELECT group_concat (a.text, ' ') FROM activity a WHERE a.group_id = g.id), ''), ' ') "
                              "   FROM activity_group g WHERE g.reference_id = r.id), '')) "
                              "FROM reference_function r WHERE r.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return bal_project_step_done (project, stmt, error);
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
  if (!bal_project_step_done (project, stmt, error))
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
  if (!bal_project_step_done (project, stmt, error))
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
      if (!bal_project_step_done (project, stmt, error))
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
  if (!bal_project_step_done (project, stmt, error))
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
    g_strv_builder_add (builder, column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

static gint64
family_id (BalProject  *project,
           const char  *name,
           GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = bal_project_prepare (project,
                              "INSERT OR IGNORE INTO family (name, position) "
                              "VALUES (?1, (SELECT coalesce (max (position), -1) + 1 FROM family))",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return 0;

  stmt = bal_project_prepare (project, "SELECT id FROM family WHERE name = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

static const char * const rule_kinds[] = { "lighter", "equal", "heavier" };

/* The search index row of a reference function being stored, from its
 * document: the text index_reference() reads back from the tables, built
 * here without reading every activity group of the handbook for each one. */
static gboolean
index_doc (BalProject       *project,
           gint64            id,
           BalReferenceDoc  *doc,
           GError          **error)
{
  g_autoptr(GString) alternatives = g_string_new (NULL);
  g_autoptr(GString) activities = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *alternatives_folded = NULL;
  g_autofree char *purpose = NULL;
  g_autofree char *activities_folded = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  for (guint i = 0; doc->alternative_titles != NULL && i < doc->alternative_titles->len; i++)
    g_string_append_printf (alternatives, "%s%s", i > 0 ? "; " : "",
                            (const char *)g_ptr_array_index (doc->alternative_titles, i));

  for (guint i = 0; doc->activities != NULL && i < doc->activities->len; i++)
    {
      BalActivityGroup *group = g_ptr_array_index (doc->activities, i);

      g_string_append_printf (activities, "%s%s ", i > 0 ? " " : "", group->title ? group->title : "");
      for (guint j = 0; group->items != NULL && j < group->items->len; j++)
        g_string_append_printf (activities, "%s%s", j > 0 ? " " : "", (const char *)g_ptr_array_index (group->items, j));
    }

  title = bal_fold (doc->title);
  alternatives_folded = bal_fold (alternatives->str);
  purpose = bal_fold (doc->purpose);
  activities_folded = bal_fold (activities->str);

  stmt = bal_project_prepare (project,
                              "INSERT INTO reference_fts (rowid, title, alternative_titles, purpose, activities) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, alternatives_folded, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, purpose, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, activities_folded, -1, SQLITE_STATIC);
  ok = bal_project_step_done (project, stmt, error);
  sqlite3_clear_bindings (stmt);

  return ok;
}


/* Stores one reference function and returns its id, or 0. */
static gint64
store_reference (BalProject       *project,
                 BalMethod        *method,
                 GHashTable       *families,
                 BalReferenceDoc  *doc,
                 GError          **error)
{
  g_autofree int *levels = NULL;
  g_autofree gboolean *derived = NULL;
  sqlite3_stmt *stmt;
  gint64 family = 0;
  gint64 id;

  if (doc->family != NULL && *doc->family != '\0')
    {
      /* The families of this import, by name: a handbook has few. */
      family = GPOINTER_TO_SIZE (g_hash_table_lookup (families, doc->family));
      if (family == 0)
        {
          family = family_id (project, doc->family, error);
          if (family == 0)
            return 0;
          g_hash_table_insert (families, g_strdup (doc->family), GSIZE_TO_POINTER ((gsize)family));
        }
    }

  /* A reference function imported again replaces the earlier one. */
  stmt = bal_project_prepare (project,
                              "DELETE FROM reference_fts WHERE rowid IN (SELECT id FROM reference_function WHERE code = ?1)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, doc->code, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return 0;

  stmt = bal_project_prepare (project, "DELETE FROM reference_function WHERE code = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, doc->code, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return 0;

  stmt = bal_project_prepare (project,
                              "INSERT INTO reference_function (code, title, family_id, grade, grade_range, position, "
                              "  purpose, complexity, autonomy, risk, physical, context, knowledge_level, "
                              "  span_min, span_max, source_file, source_line) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                              error);
  if (stmt == NULL)
    return 0;

#define BIND_TEXT(n, s) sqlite3_bind_text (stmt, n, (s) ? (s) : "", -1, SQLITE_TRANSIENT)
  BIND_TEXT (1, doc->code);
  BIND_TEXT (2, doc->title);
  if (family != 0)
    sqlite3_bind_int64 (stmt, 3, family);
  BIND_TEXT (4, doc->grade);
  BIND_TEXT (5, doc->grade_range);
  BIND_TEXT (6, doc->position);
  BIND_TEXT (7, doc->purpose);
  BIND_TEXT (8, doc->complexity);
  BIND_TEXT (9, doc->autonomy);
  BIND_TEXT (10, doc->risk);
  BIND_TEXT (11, doc->physical);
  BIND_TEXT (12, doc->context);
  BIND_TEXT (13, doc->knowledge_level);
  sqlite3_bind_int (stmt, 14, doc->span_min);
  sqlite3_bind_int (stmt, 15, doc->span_max);
  BIND_TEXT (16, doc->file);
  sqlite3_bind_int (stmt, 17, doc->line);
#undef BIND_TEXT

  if (!bal_project_step_done (project, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (bal_project_get_db (project));

  for (guint i = 0; doc->alternative_titles != NULL && i < doc->alternative_titles->len; i++)
    {
      stmt = bal_project_prepare (project,
                                  "INSERT OR IGNORE INTO alternative_title (reference_id, position, title) VALUES (?1, ?2, ?3)",
                                  error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (doc->alternative_titles, i), -1, SQLITE_TRANSIENT);
      if (!bal_project_step_done (project, stmt, error))
        return 0;
    }

  for (guint i = 0; doc->activities != NULL && i < doc->activities->len; i++)
    {
      BalActivityGroup *group = g_ptr_array_index (doc->activities, i);
      gint64 group_id;

      stmt = bal_project_prepare (project,
                                  "INSERT INTO activity_group (reference_id, position, label, title) VALUES (?1, ?2, ?3, ?4)",
                                  error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, group->label ? group->label : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, group->title ? group->title : "", -1, SQLITE_TRANSIENT);
      if (!bal_project_step_done (project, stmt, error))
        return 0;
      group_id = sqlite3_last_insert_rowid (bal_project_get_db (project));

      for (guint j = 0; group->items != NULL && j < group->items->len; j++)
        {
          stmt = bal_project_prepare (project,
                                      "INSERT INTO activity (group_id, position, text) VALUES (?1, ?2, ?3)",
                                      error);
          if (stmt == NULL)
            return 0;
          sqlite3_bind_int64 (stmt, 1, group_id);
          sqlite3_bind_int (stmt, 2, j);
          sqlite3_bind_text (stmt, 3, g_ptr_array_index (group->items, j), -1, SQLITE_TRANSIENT);
          if (!bal_project_step_done (project, stmt, error))
            return 0;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (rule_kinds); i++)
    {
      stmt = bal_project_prepare (project,
                                  "INSERT INTO application_rule (reference_id, kind, condition, grade, guessed) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5)",
                                  error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, rule_kinds[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, doc->rules[i].condition ? doc->rules[i].condition : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, doc->rules[i].grade ? doc->rules[i].grade : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, doc->rules[i].grade_guessed);
      if (!bal_project_step_done (project, stmt, error))
        return 0;
    }

  if (method != NULL && method->characteristics->len > 0)
    {
      levels = g_new0 (int, method->characteristics->len);
      derived = g_new0 (gboolean, method->characteristics->len);
      bal_method_derive_profile (method, doc, levels, derived);

      for (guint i = 0; i < method->characteristics->len; i++)
        {
          BalCharacteristic *c = g_ptr_array_index (method->characteristics, i);

          stmt = bal_project_prepare (project,
                                      "INSERT INTO reference_profile (reference_id, characteristic_id, level, derived) "
                                      "VALUES (?1, ?2, ?3, ?4)",
                                      error);
          if (stmt == NULL)
            return 0;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_text (stmt, 2, c->id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 3, levels[i]);
          sqlite3_bind_int (stmt, 4, derived[i]);
          if (!bal_project_step_done (project, stmt, error))
            return 0;
        }
    }

  return id;
}

/* Stores @docs in one transaction: all of them or none. */
gboolean
bal_handbook_store_references (BalProject  *project,
                               BalMethod   *method,
                               GPtrArray   *docs,
                               GError     **error)
{
  g_autofree gint64 *ids = g_new0 (gint64, MAX (docs->len, 1));
  g_autoptr(GHashTable) families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *restore = NULL;
  sqlite3_stmt *stmt;
  int cache_size = -2000;
  gboolean ok;

  /* A handbook's worth of rows, their log entries and search index stay in
   * memory until the commit instead of spilling to the file halfway. */
  stmt = bal_project_prepare (project, "PRAGMA cache_size", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    cache_size = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  restore = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);
  bal_project_exec (project, "PRAGMA cache_size = -65536", NULL);
  ok = bal_project_begin (project, error);
  for (guint i = 0; ok && i < docs->len; i++)
    {
      ids[i] = store_reference (project, method, families, g_ptr_array_index (docs, i), error);
      ok = ids[i] != 0;
    }
  /* The search index last and in one run: FTS5 writes what it holds to
   * the file at every statement that may roll back on its own, which the
   * audited inserts are. */
  for (guint i = 0; ok && i < docs->len; i++)
    ok = index_doc (project, ids[i], g_ptr_array_index (docs, i), error);
  if (ok)
    {
      bal_project_touch (project);
      ok = bal_project_commit (project, error);
    }
  else
    bal_project_rollback (project);
  bal_project_exec (project, restore, NULL);
  if (!ok)
    return FALSE;

  bal_project_emit_changed (project, "handbook");

  return TRUE;
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
  method->name = g_strdup (column_text (stmt, 0));
  method->sector = g_strdup (column_text (stmt, 1));
  method->version = g_strdup (column_text (stmt, 2));
  sqlite3_reset (stmt);

  method->grades = load_grades (project, error);
  if (method->grades == NULL)
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

      c->id = g_strdup (column_text (stmt, 0));
      c->name = g_strdup (column_text (stmt, 1));
      c->levels = sqlite3_column_int (stmt, 2);
      c->descriptions = g_strsplit (column_text (stmt, 3), "\n", -1);
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
      if (q == NULL || g_strcmp0 (q->id, column_text (stmt, 0)) != 0)
        {
          q = g_new0 (BalQuestion, 1);
          q->id = g_strdup (column_text (stmt, 0));
          q->characteristic = g_strdup (column_text (stmt, 1));
          q->text = g_strdup (column_text (stmt, 2));
          q->help = g_strdup (column_text (stmt, 3));
          q->fact = g_strdup (column_text (stmt, 4));
          q->options = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_question_option_free);
          g_ptr_array_add (method->questions, q);
        }

      o->id = g_strdup (column_text (stmt, 5));
      o->level = sqlite3_column_int (stmt, 6);
      o->text = g_strdup (column_text (stmt, 7));
      o->fact_value = g_strdup (column_text (stmt, 8));
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

static char *
read_resource_text (const char  *path,
                    gsize       *length,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);

  if (bytes == NULL)
    return NULL;

  *length = g_bytes_get_size (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), *length);
}

/* Loads the demo handbook shipped in the resources, through the same
 * parsers a user's documents go through. */
gboolean
bal_handbook_load_demo (BalProject  *project,
                        GError     **error)
{
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_import_result_free);
  g_autofree char *text = NULL;
  gsize length = 0;

  text = read_resource_text (RESOURCE_HANDBOOK "method.ini", &length, error);
  if (text == NULL)
    return FALSE;

  method = bal_method_parse ("method.ini", text, length, error);
  if (method == NULL)
    return FALSE;

  for (guint i = 0; method->documents != NULL && method->documents[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_HANDBOOK, method->documents[i], NULL);
      g_autofree char *doc_text = read_resource_text (path, &length, error);
      BalImportResult *result;

      if (doc_text == NULL)
        return FALSE;

      result = bal_importer_parse (method->documents[i], doc_text, length,
                                   (const char * const *)method->grades);
      g_ptr_array_add (results, result);

      if (result->errors->len > 0)
        {
          BalImportMessage *message = g_ptr_array_index (result->errors, 0);

          g_set_error (error, BAL_HANDBOOK_ERROR, BAL_HANDBOOK_ERROR_INVALID,
                       _("The demo handbook is damaged: %s, line %u: %s"),
                       message->file, message->line, message->message);
          return FALSE;
        }

      for (guint j = 0; j < result->references->len; j++)
        g_ptr_array_add (docs, g_ptr_array_index (result->references, j));
    }

  return bal_handbook_store_method (project, method, error) &&
         bal_handbook_store_references (project, method, docs, error);
}

static BalImportResult *
result_with_error (const char *file,
                   char       *message)
{
  BalImportResult *result = g_new0 (BalImportResult, 1);
  BalImportMessage *error = g_new0 (BalImportMessage, 1);

  result->references = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_reference_doc_free);
  result->errors = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_import_message_free);
  error->file = g_strdup (file);
  error->line = 0;
  error->message = message;
  g_ptr_array_add (result->errors, error);

  return result;
}

/* Reads and parses one document; safe to call from a worker thread. Only a
 * regular local file is read, and no more than BAL_IMPORTER_MAX_SIZE of it:
 * see bal_read_text_file(). */
BalImportResult *
bal_handbook_parse_file (GFile              *file,
                         const char * const *grades,
                         GCancellable       *cancellable)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return result_with_error (name, g_strdup (_("Only a file on this computer can be imported.")));

  return bal_importer_parse_file (path, name, grades);
}

/* Stores what bal_handbook_parse_file() found in @file: everything or, when
 * the document has errors, nothing. The report points into @parsed, which
 * must outlive it. */
BalImportReport *
bal_handbook_import (BalProject       *project,
                     GFile            *file,
                     BalImportResult  *parsed,
                     GError          **error)
{
  g_autoptr(BalImportReport) report = g_new0 (BalImportReport, 1);
  g_autoptr(BalMethod) method = NULL;

  report->file = g_file_get_parse_name (file);
  report->imported = g_ptr_array_new ();
  report->errors = g_ptr_array_new ();

  for (guint i = 0; i < parsed->errors->len; i++)
    g_ptr_array_add (report->errors, g_ptr_array_index (parsed->errors, i));

  if (parsed->errors->len > 0 || parsed->references->len == 0)
    return g_steal_pointer (&report);

  method = bal_handbook_load_method (project, NULL);
  if (!bal_handbook_store_references (project, method, parsed->references, error))
    return NULL;

  for (guint i = 0; i < parsed->references->len; i++)
    g_ptr_array_add (report->imported, g_ptr_array_index (parsed->references, i));

  return g_steal_pointer (&report);
}

BalReference *
bal_handbook_get_reference (BalProject  *project,
                            const char  *code,
                            GError     **error)
{
  g_autoptr(BalReference) reference = g_new0 (BalReference, 1);
  BalReferenceDoc *doc;
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project,
                              "SELECT r.id, r.code, r.title, coalesce (f.name, ''), r.grade, r.grade_range, r.position, "
                              "  r.purpose, r.complexity, r.autonomy, r.risk, r.physical, r.context, r.knowledge_level, "
                              "  r.span_min, r.span_max, r.source_file, r.source_line "
                              "FROM reference_function r LEFT JOIN family f ON f.id = r.family_id WHERE r.code = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, BAL_HANDBOOK_ERROR, BAL_HANDBOOK_ERROR_NOT_FOUND,
                   _("The handbook has no reference function “%s”."), code);
      return NULL;
    }

  doc = reference->doc = bal_reference_doc_new ();
  reference->id = sqlite3_column_int64 (stmt, 0);
  doc->code = g_strdup (column_text (stmt, 1));
  doc->title = g_strdup (column_text (stmt, 2));
  doc->family = g_strdup (column_text (stmt, 3));
  doc->grade = g_strdup (column_text (stmt, 4));
  doc->grade_range = g_strdup (column_text (stmt, 5));
  doc->position = g_strdup (column_text (stmt, 6));
  doc->purpose = g_strdup (column_text (stmt, 7));
  doc->complexity = g_strdup (column_text (stmt, 8));
  doc->autonomy = g_strdup (column_text (stmt, 9));
  doc->risk = g_strdup (column_text (stmt, 10));
  doc->physical = g_strdup (column_text (stmt, 11));
  doc->context = g_strdup (column_text (stmt, 12));
  doc->knowledge_level = g_strdup (column_text (stmt, 13));
  doc->span_min = sqlite3_column_int (stmt, 14);
  doc->span_max = sqlite3_column_int (stmt, 15);
  doc->file = g_strdup (column_text (stmt, 16));
  doc->line = sqlite3_column_int (stmt, 17);
  sqlite3_reset (stmt);

  stmt = bal_project_prepare (project,
                              "SELECT title FROM alternative_title WHERE reference_id = ?1 ORDER BY position",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, reference->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (doc->alternative_titles, g_strdup (column_text (stmt, 0)));
  sqlite3_reset (stmt);

  stmt = bal_project_prepare (project,
                              "SELECT g.label, g.title, a.text FROM activity_group g "
                              "LEFT JOIN activity a ON a.group_id = g.id "
                              "WHERE g.reference_id = ?1 ORDER BY g.position, a.position",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, reference->id);
  {
    BalActivityGroup *group = NULL;
    g_autofree char *last_key = NULL;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        g_autofree char *key = g_strconcat (column_text (stmt, 0), "\n", column_text (stmt, 1), NULL);

        if (group == NULL || g_strcmp0 (key, last_key) != 0)
          {
            group = bal_activity_group_new (column_text (stmt, 0), column_text (stmt, 1));
            g_ptr_array_add (doc->activities, group);
            g_free (last_key);
            last_key = g_strdup (key);
          }
        if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
          g_ptr_array_add (group->items, g_strdup (column_text (stmt, 2)));
      }
  }
  sqlite3_reset (stmt);

  stmt = bal_project_prepare (project,
                              "SELECT kind, condition, grade, guessed FROM application_rule WHERE reference_id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, reference->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < G_N_ELEMENTS (rule_kinds); i++)
        if (g_strcmp0 (column_text (stmt, 0), rule_kinds[i]) == 0)
          {
            g_free (doc->rules[i].condition);
            g_free (doc->rules[i].grade);
            doc->rules[i].condition = g_strdup (column_text (stmt, 1));
            doc->rules[i].grade = g_strdup (column_text (stmt, 2));
            doc->rules[i].grade_guessed = sqlite3_column_int (stmt, 3);
          }
    }
  sqlite3_reset (stmt);

  reference->profile = g_ptr_array_new_with_free_func ((GDestroyNotify)profile_entry_free);
  stmt = bal_project_prepare (project,
                              "SELECT c.id, c.name, p.level, c.levels, p.derived FROM characteristic c "
                              "LEFT JOIN reference_profile p ON p.characteristic_id = c.id AND p.reference_id = ?1 "
                              "ORDER BY c.position",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, reference->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BalProfileEntry *entry = g_new0 (BalProfileEntry, 1);

      entry->characteristic_id = g_strdup (column_text (stmt, 0));
      entry->characteristic_name = g_strdup (column_text (stmt, 1));
      entry->level = sqlite3_column_int (stmt, 2);
      entry->levels = sqlite3_column_int (stmt, 3);
      entry->derived = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (reference->profile, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&reference);
}
