/* bal-audit.c: the audit log: who changed what, when, chained by hashes
 *
 * Triggers in the schema write a row for every change to jobs, answers,
 * decisions, statuses and remarks. Each row's hash covers its fields and
 * the hash of the row before, so an edited, inserted or removed row breaks
 * the chain from there on, and bal_audit_verify() finds it.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bal-audit.h"

void
bal_audit_entry_free (BalAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->table_name);
  g_free (entry->row_key);
  g_free (entry->action);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

char *
bal_audit_hash (const char *prev,
                const char *at,
                const char *actor,
                const char *table_name,
                const char *row_key,
                const char *action,
                const char *old_value,
                const char *new_value)
{
  const char *fields[] = { prev, at, actor, table_name, row_key, action, old_value, new_value };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_checksum_update (checksum, (const guchar *)(fields[i] ? fields[i] : ""), -1);
      g_checksum_update (checksum, (const guchar *)"\x1f", 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static void
hash_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *fields[8] = { NULL };

  for (int i = 0; i < argc && i < 8; i++)
    fields[i] = (const char *)sqlite3_value_text (argv[i]);

  sqlite3_result_text (context,
                       bal_audit_hash (fields[0], fields[1], fields[2], fields[3],
                                       fields[4], fields[5], fields[6], fields[7]),
                       -1, g_free);
}

static void
actor_function (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  BalProject *project = sqlite3_user_data (context);

  sqlite3_result_text (context, bal_project_get_actor (project), -1, SQLITE_TRANSIENT);
}

void
bal_audit_register (sqlite3    *db,
                    BalProject *project)
{
  sqlite3_create_function (db, "balans_audit_hash", 8, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, hash_function, NULL, NULL);
  sqlite3_create_function (db, "balans_actor", 0, SQLITE_UTF8, project, actor_function, NULL, NULL);
}

static char *
column (sqlite3_stmt *stmt,
        int           i)
{
  return sqlite3_column_type (stmt, i) == SQLITE_NULL ? NULL : g_strdup ((const char *)sqlite3_column_text (stmt, i));
}

/* The entries about @job_id (all when 0), oldest first. */
GPtrArray *
bal_audit_entries (BalProject  *project,
                   gint64       job_id,
                   GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project,
                              "SELECT id, at, actor, table_name, row_key, coalesce (job_id, 0), action, old_value, new_value "
                              "FROM audit_log WHERE ?1 = 0 OR job_id = ?1 ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, job_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BalAuditEntry *entry = g_new0 (BalAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = column (stmt, 1);
      entry->actor = column (stmt, 2);
      entry->table_name = column (stmt, 3);
      entry->row_key = column (stmt, 4);
      entry->job_id = sqlite3_column_int64 (stmt, 5);
      entry->action = column (stmt, 6);
      entry->old_value = column (stmt, 7);
      entry->new_value = column (stmt, 8);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* Recomputes the chain: 0 when it holds, otherwise the id of the first row
 * that does not match (with an error that names it), or -1 on failure. */
gint64
bal_audit_verify (BalProject  *project,
                  GError     **error)
{
  g_autofree char *prev = NULL;
  sqlite3_stmt *stmt;
  gint64 broken = 0;
  gint64 expected_id = 0;
  int rc;

  stmt = bal_project_prepare (project,
                              "SELECT id, at, actor, table_name, row_key, action, old_value, new_value, hash "
                              "FROM audit_log ORDER BY id",
                              error);
  if (stmt == NULL)
    return -1;

  while (broken == 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *hash = bal_audit_hash (prev,
                                              (const char *)sqlite3_column_text (stmt, 1),
                                              (const char *)sqlite3_column_text (stmt, 2),
                                              (const char *)sqlite3_column_text (stmt, 3),
                                              (const char *)sqlite3_column_text (stmt, 4),
                                              (const char *)sqlite3_column_text (stmt, 5),
                                              (const char *)sqlite3_column_text (stmt, 6),
                                              (const char *)sqlite3_column_text (stmt, 7));
      const char *stored = (const char *)sqlite3_column_text (stmt, 8);

      /* Rows are numbered without gaps: a missing number is a removed row. */
      if (g_strcmp0 (hash, stored) != 0 || (expected_id != 0 && id != expected_id))
        {
          broken = id;
          break;
        }

      g_free (prev);
      prev = g_strdup (stored);
      expected_id = id + 1;
    }
  sqlite3_reset (stmt);

  if (broken != 0)
    g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_CORRUPT,
                 _("The audit log of “%s” was tampered with: entry %lld does not match the entries before it."),
                 bal_project_get_path (project), (long long)broken);

  return broken;
}
