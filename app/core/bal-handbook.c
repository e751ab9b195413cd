/* bal-handbook.c: the handbook inside a project: reference functions, read and edited
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-handbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bal-handbook-private.h"

G_DEFINE_QUARK (bal-handbook-error-quark, bal_handbook_error)

const char * const bal_handbook_rule_kinds[BAL_N_RULES] = { "lighter", "equal", "heavier" };

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
  doc->code = g_strdup (bal_handbook_column_text (stmt, 1));
  doc->title = g_strdup (bal_handbook_column_text (stmt, 2));
  doc->family = g_strdup (bal_handbook_column_text (stmt, 3));
  doc->grade = g_strdup (bal_handbook_column_text (stmt, 4));
  doc->grade_range = g_strdup (bal_handbook_column_text (stmt, 5));
  doc->position = g_strdup (bal_handbook_column_text (stmt, 6));
  doc->purpose = g_strdup (bal_handbook_column_text (stmt, 7));
  doc->complexity = g_strdup (bal_handbook_column_text (stmt, 8));
  doc->autonomy = g_strdup (bal_handbook_column_text (stmt, 9));
  doc->risk = g_strdup (bal_handbook_column_text (stmt, 10));
  doc->physical = g_strdup (bal_handbook_column_text (stmt, 11));
  doc->context = g_strdup (bal_handbook_column_text (stmt, 12));
  doc->knowledge_level = g_strdup (bal_handbook_column_text (stmt, 13));
  doc->span_min = sqlite3_column_int (stmt, 14);
  doc->span_max = sqlite3_column_int (stmt, 15);
  doc->file = g_strdup (bal_handbook_column_text (stmt, 16));
  doc->line = sqlite3_column_int (stmt, 17);
  sqlite3_reset (stmt);

  stmt = bal_project_prepare (project,
                              "SELECT title FROM alternative_title WHERE reference_id = ?1 ORDER BY position",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, reference->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (doc->alternative_titles, g_strdup (bal_handbook_column_text (stmt, 0)));
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
        g_autofree char *key = g_strconcat (bal_handbook_column_text (stmt, 0), "\n", bal_handbook_column_text (stmt, 1), NULL);

        if (group == NULL || g_strcmp0 (key, last_key) != 0)
          {
            group = bal_activity_group_new (bal_handbook_column_text (stmt, 0), bal_handbook_column_text (stmt, 1));
            g_ptr_array_add (doc->activities, group);
            g_free (last_key);
            last_key = g_strdup (key);
          }
        if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
          g_ptr_array_add (group->items, g_strdup (bal_handbook_column_text (stmt, 2)));
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
      for (guint i = 0; i < G_N_ELEMENTS (bal_handbook_rule_kinds); i++)
        if (g_strcmp0 (bal_handbook_column_text (stmt, 0), bal_handbook_rule_kinds[i]) == 0)
          {
            g_free (doc->rules[i].condition);
            g_free (doc->rules[i].grade);
            doc->rules[i].condition = g_strdup (bal_handbook_column_text (stmt, 1));
            doc->rules[i].grade = g_strdup (bal_handbook_column_text (stmt, 2));
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

      entry->characteristic_id = g_strdup (bal_handbook_column_text (stmt, 0));
      entry->characteristic_name = g_strdup (bal_handbook_column_text (stmt, 1));
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
