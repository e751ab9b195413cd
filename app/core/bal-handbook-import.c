/* bal-handbook-import.c: reference functions brought in: documents parsed and stored, the demo
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-handbook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bal-audit.h"
#include "bal-handbook-private.h"

#define RESOURCE_HANDBOOK "/io/github/balans/Balans/handbook/"

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

/* Runs @sql, an insert of the rows of reference function @id given in
 * @rows, a JSON array (?2) that it closes and then empties. */
static gboolean
insert_rows (BalProject  *project,
             const char  *sql,
             gint64       id,
             GString     *rows,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_string_append_c (rows, ']');
  if (rows->len == 2)
    {
      g_string_assign (rows, "[");
      return TRUE;
    }

  stmt = bal_project_prepare (project, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, rows->str, rows->len, SQLITE_STATIC);
  ok = bal_project_step_done (project, stmt, error);
  g_string_assign (rows, "[");

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
  g_autoptr(GString) rows = NULL;
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

  /* A reference function imported again replaces the earlier one (its
   * search index row: see replaced_ids()). */
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

  /* Each table's rows of the reference in one statement, from a JSON
   * array: every statement that fires the audit triggers costs a statement
   * journal and a pass through the triggers' setup, which at one row per
   * statement was more than the rows themselves. */
  rows = g_string_new ("[");
  for (guint i = 0; doc->alternative_titles != NULL && i < doc->alternative_titles->len; i++)
    {
      if (i > 0)
        g_string_append_c (rows, ',');
      bal_audit_append_json_string (rows, g_ptr_array_index (doc->alternative_titles, i));
    }
  if (!insert_rows (project,
                    "INSERT OR IGNORE INTO alternative_title (reference_id, position, title) "
                    "SELECT ?1, key, value FROM json_each (?2)",
                    id, rows, error))
    return 0;

  for (guint i = 0; doc->activities != NULL && i < doc->activities->len; i++)
    {
      BalActivityGroup *group = g_ptr_array_index (doc->activities, i);

      g_string_append (rows, i > 0 ? ",[" : "[");
      bal_audit_append_json_string (rows, group->label ? group->label : "");
      g_string_append_c (rows, ',');
      bal_audit_append_json_string (rows, group->title ? group->title : "");
      g_string_append_c (rows, ']');
    }
  if (!insert_rows (project,
                    "INSERT INTO activity_group (reference_id, position, label, title) "
                    "SELECT ?1, key, value ->> 0, value ->> 1 FROM json_each (?2)",
                    id, rows, error))
    return 0;

  for (guint i = 0; doc->activities != NULL && i < doc->activities->len; i++)
    {
      BalActivityGroup *group = g_ptr_array_index (doc->activities, i);

      for (guint j = 0; group->items != NULL && j < group->items->len; j++)
        {
          g_string_append_printf (rows, "%s[%u,%u,", rows->len > 1 ? "," : "", i, j);
          bal_audit_append_json_string (rows, g_ptr_array_index (group->items, j));
          g_string_append_c (rows, ']');
        }
    }
  if (!insert_rows (project,
                    "INSERT INTO activity (group_id, position, text) "
                    "SELECT g.id, a.value ->> 1, a.value ->> 2 FROM json_each (?2) AS a "
                    "JOIN activity_group AS g ON g.reference_id = ?1 AND g.position = a.value ->> 0 "
                    "ORDER BY a.key",
                    id, rows, error))
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (bal_handbook_rule_kinds); i++)
    {
      g_string_append (rows, i > 0 ? ",[" : "[");
      bal_audit_append_json_string (rows, bal_handbook_rule_kinds[i]);
      g_string_append_c (rows, ',');
      bal_audit_append_json_string (rows, doc->rules[i].condition ? doc->rules[i].condition : "");
      g_string_append_c (rows, ',');
      bal_audit_append_json_string (rows, doc->rules[i].grade ? doc->rules[i].grade : "");
      g_string_append_printf (rows, ",%d]", doc->rules[i].grade_guessed ? 1 : 0);
    }
  if (!insert_rows (project,
                    "INSERT INTO application_rule (reference_id, kind, condition, grade, guessed) "
                    "SELECT ?1, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each (?2)",
                    id, rows, error))
    return 0;

  if (method != NULL && method->characteristics->len > 0)
    {
      levels = g_new0 (int, method->characteristics->len);
      derived = g_new0 (gboolean, method->characteristics->len);
      bal_method_derive_profile (method, doc, levels, derived);

      for (guint i = 0; i < method->characteristics->len; i++)
        {
          BalCharacteristic *c = g_ptr_array_index (method->characteristics, i);

          g_string_append (rows, i > 0 ? ",[" : "[");
          bal_audit_append_json_string (rows, c->id);
          g_string_append_printf (rows, ",%d,%d]", levels[i], derived[i] ? 1 : 0);
        }
      if (!insert_rows (project,
                        "INSERT INTO reference_profile (reference_id, characteristic_id, level, derived) "
                        "SELECT ?1, value ->> 0, value ->> 1, value ->> 2 FROM json_each (?2)",
                        id, rows, error))
        return 0;
    }

  return id;
}

/* The ids of the reference functions @docs replace, as a JSON array for
 * json_each(): their search index rows are removed in one statement with
 * the rest of the index's work, since FTS5 writes what it holds at every
 * audited statement (a removal per reference cost more than the import). */
static char *
replaced_ids (BalProject  *project,
              GPtrArray   *docs,
              GError     **error)
{
  g_autoptr(GString) ids = g_string_new ("[");
  sqlite3_stmt *stmt;

  stmt = bal_project_prepare (project, "SELECT id FROM reference_function WHERE code = ?1", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < docs->len; i++)
    {
      BalReferenceDoc *doc = g_ptr_array_index (docs, i);
      int rc;

      sqlite3_bind_text (stmt, 1, doc->code ? doc->code : "", -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "",
                                (gint64)sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          bal_project_set_sqlite_error (project, error);
          return NULL;
        }
    }
  g_string_append_c (ids, ']');

  return g_string_free (g_steal_pointer (&ids), FALSE);
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
  g_autofree char *replaced = NULL;
  sqlite3_stmt *stmt;
  int cache_size = -2000;
  int temp_store = 0;
  gboolean ok;

  /* A handbook's worth of rows, their log entries and search index stay in
   * memory until the commit instead of spilling to the file halfway. */
  stmt = bal_project_prepare (project, "PRAGMA cache_size", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    cache_size = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  stmt = bal_project_prepare (project, "PRAGMA temp_store", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    temp_store = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  restore = g_strdup_printf ("PRAGMA cache_size = %d; PRAGMA temp_store = %d", cache_size, temp_store);
  bal_project_exec (project, "PRAGMA cache_size = -65536", NULL);
  /* Every audited statement keeps the pages it changes in a statement
   * journal, which SQLite moves to a temporary file once one statement's
   * outgrew 64 KiB, for the rest of the transaction: a write to that file
   * for every page of every statement after it. In memory instead. */
  bal_project_exec (project, "PRAGMA temp_store = MEMORY", NULL);
  ok = bal_project_begin (project, error);
  if (ok)
    {
      replaced = replaced_ids (project, docs, error);
      ok = replaced != NULL;
    }
  for (guint i = 0; ok && i < docs->len; i++)
    {
      ids[i] = store_reference (project, method, families, g_ptr_array_index (docs, i), error);
      ok = ids[i] != 0;
    }
  /* The search index last and in one run: FTS5 writes what it holds to
   * the file at every statement that may roll back on its own, which the
   * audited inserts are. */
  if (ok && g_strcmp0 (replaced, "[]") != 0)
    {
      stmt = bal_project_prepare (project, "DELETE FROM reference_fts WHERE rowid IN (SELECT value FROM json_each (?1))", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, replaced, -1, SQLITE_STATIC);
          ok = bal_project_step_done (project, stmt, error);
        }
    }
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

/* Asynchronous reading ****************************************************/

/* The worker only reads and parses the documents: it touches no SQLite
 * connection. Storing what it found (bal_handbook_import) is a write on the
 * project's own connection, so the caller does it on the main thread, after
 * bal_handbook_parse_files_finish(). */

typedef struct
{
  GPtrArray              *files;    /* GFile */
  GStrv                   grades;
  GPtrArray              *results;  /* BalImportResult, one per file */
  BalHandbookParseProgress progress;
  gpointer                progress_data;
  GDestroyNotify          progress_notify;
  GMainContext           *context;
} ParseTask;

static void
parse_task_free (ParseTask *data)
{
  g_ptr_array_unref (data->files);
  g_strfreev (data->grades);
  g_ptr_array_unref (data->results);
  if (data->progress_notify != NULL)
    data->progress_notify (data->progress_data);
  g_main_context_unref (data->context);
  g_free (data);
}

typedef struct
{
  GTask *task;
  guint  done;
} ParseStep;

static gboolean
parse_step_dispatch (gpointer user_data)
{
  ParseStep *step = user_data;
  ParseTask *data = g_task_get_task_data (step->task);

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (step->task)))
    data->progress (step->done, data->files->len, data->progress_data);

  return G_SOURCE_REMOVE;
}

static void
parse_step_free (gpointer user_data)
{
  ParseStep *step = user_data;

  g_object_unref (step->task);
  g_free (step);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseTask *data = task_data;

  for (guint i = 0; i < data->files->len; i++)
    {
      if (data->progress != NULL)
        {
          ParseStep *step = g_new0 (ParseStep, 1);

          step->task = g_object_ref (task);
          step->done = i;
          g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, parse_step_dispatch, step, parse_step_free);
        }

      if (g_task_return_error_if_cancelled (task))
        return;

      g_ptr_array_add (data->results,
                       bal_handbook_parse_file (g_ptr_array_index (data->files, i),
                                                (const char * const *)data->grades, cancellable));
    }

  g_task_return_pointer (task, g_ptr_array_ref (data->results), (GDestroyNotify)g_ptr_array_unref);
}

/* Reads @files (a list of GFile) in a worker thread with
 * bal_handbook_parse_file(). @progress, if not NULL, is called in the
 * caller's thread-default main context before each file. */
void
bal_handbook_parse_files_async (GListModel               *files,
                                const char * const       *grades,
                                BalHandbookParseProgress  progress,
                                gpointer                  progress_data,
                                GDestroyNotify            progress_notify,
                                GCancellable             *cancellable,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ParseTask *data;

  g_return_if_fail (G_IS_LIST_MODEL (files));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ParseTask, 1);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (data->files, g_list_model_get_item (files, i));
  data->grades = g_strdupv ((char **)grades);
  data->results = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_import_result_free);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_notify = progress_notify;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bal_handbook_parse_files_async);
  g_task_set_task_data (task, data, (GDestroyNotify)parse_task_free);
  g_task_run_in_thread (task, parse_thread);
}

/* The BalImportResult of each file, in the order given, or NULL when
 * cancelled. */
GPtrArray *
bal_handbook_parse_files_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bal_handbook_parse_files_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
