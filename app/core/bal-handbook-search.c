/* bal-handbook-search.c: finding reference functions: the full-text search and the listings
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-handbook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bal-handbook-private.h"

/* Titles weigh most, then alternative titles, purpose, activities. */
#define BM25 "bm25 (reference_fts, 10.0, 8.0, 2.0, 1.0)"

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
    g_ptr_array_add (families, g_strdup (bal_handbook_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&families);
}

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

/* Reference functions matching @text in @family (NULL for all), best first;
 * without text, in handbook order. Any of the words may match, as a prefix:
 * Dutch compounds ("servicemonteur") hide words from a stricter search,
 * and the ranking puts the functions that match most at the top. */
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
      summary->code = g_strdup (bal_handbook_column_text (stmt, 1));
      summary->title = g_strdup (bal_handbook_column_text (stmt, 2));
      summary->family = g_strdup (bal_handbook_column_text (stmt, 3));
      summary->grade = g_strdup (bal_handbook_column_text (stmt, 4));
      summary->alternative_titles = g_strdup (bal_handbook_column_text (stmt, 5));
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
