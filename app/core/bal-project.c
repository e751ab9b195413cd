/* bal-project.c: one project file (*.balans), an SQLite database
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bal-audit.h"
#include "bal-core-resources.h"
#include "bal-project.h"

struct _BalProject
{
  GObject     parent_instance;

  GFile      *file;
  char       *path;
  sqlite3    *db;
  GHashTable *statements;
  int         schema_version;
  char       *actor;
  gboolean    review;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BalProject, bal_project, G_TYPE_OBJECT)

G_DEFINE_QUARK (bal-project-error-quark, bal_project_error)

/* The migration steps, in order: step N brings a file to user_version N. */
static const char * const migrations[] = {
  "/io/github/balans/Balans/schema/001-project.sql",
  "/io/github/balans/Balans/schema/002-handbook.sql",
  "/io/github/balans/Balans/schema/003-jobs.sql",
  "/io/github/balans/Balans/schema/004-decisions.sql",
  "/io/github/balans/Balans/schema/005-review.sql",
};

static void
ensure_resources (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      bal_core_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

int
bal_project_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

char *
bal_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
bal_project_finalize (GObject *object)
{
  BalProject *self = (BalProject *)object;

  bal_project_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (bal_project_parent_class)->finalize (object);
}

static void
bal_project_class_init (BalProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bal_project_finalize;

  /**
   * BalProject::changed:
   * @what: the area that changed: "project", "handbook", "jobs", "decisions", "review"
   *
   * Emitted after an edit was committed to the file.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bal_project_init (BalProject *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->actor = g_strdup (g_get_real_name ());
}

void
bal_project_set_sqlite_error (BalProject  *self,
                              GError     **error)
{
  int code = sqlite3_extended_errcode (self->db) & 0xff;

  switch (code)
    {
    case SQLITE_FULL:
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_FAILED,
                   _("The disk is full: “%s” could not be saved. Free some space and try again."),
                   self->path);
      break;

    case SQLITE_READONLY:
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY,
                   _("“%s” is read-only: the change was not saved."),
                   self->path);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read (%s)."),
                   self->path, sqlite3_errmsg (self->db));
      break;

    case SQLITE_AUTH:
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY,
                   _("This project is open for review: gradings cannot be changed."));
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_INVALID,
                   _("The change was refused by “%s”: %s."),
                   self->path, sqlite3_errmsg (self->db));
      break;

    default:
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_FAILED,
                   _("Could not use “%s”: %s."),
                   self->path, sqlite3_errmsg (self->db));
      break;
    }
}

sqlite3 *
bal_project_get_db (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), NULL);

  return self->db;
}

/* Returns a statement owned by the project, reset and unbound; prepared once per connection. */
sqlite3_stmt *
bal_project_prepare (BalProject  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BAL_IS_PROJECT (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      bal_project_set_sqlite_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

/* Runs @stmt, a statement that returns no rows, and resets it. */
gboolean
bal_project_step_done (BalProject    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (self, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
bal_project_exec (BalProject  *self,
                  const char  *sql,
                  GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      bal_project_set_sqlite_error (self, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
bal_project_begin (BalProject  *self,
                   GError     **error)
{
  return bal_project_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
bal_project_commit (BalProject  *self,
                    GError     **error)
{
  if (!bal_project_exec (self, "COMMIT", error))
    {
      bal_project_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
bal_project_rollback (BalProject *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static int
pragma_int (sqlite3    *db,
            const char *pragma)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
run_migrations (BalProject  *self,
                int          from,
                GError     **error)
{
  if (!bal_project_begin (self, error))
    return FALSE;

  for (int step = from; step < (int)G_N_ELEMENTS (migrations); step++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *pragma = NULL;

      bytes = g_resources_lookup_data (migrations[step], 0, error);
      if (bytes == NULL)
        {
          bal_project_rollback (self);
          return FALSE;
        }

      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %d", step + 1);

      if (!bal_project_exec (self, sql, error) ||
          !bal_project_exec (self, pragma, error))
        {
          bal_project_rollback (self);
          return FALSE;
        }
    }

  if (!bal_project_commit (self, error))
    return FALSE;

  self->schema_version = G_N_ELEMENTS (migrations);

  return TRUE;
}

/* Lower case without diacritics: how text goes into the search index. */
char *
bal_fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  g_autofree char *decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *)sqlite3_value_text (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  folded = bal_fold (text);
  sqlite3_result_text (context, folded, -1, g_free);
}

static gboolean
configure_connection (BalProject  *self,
                      GError     **error)
{
  sqlite3_busy_timeout (self->db, 2000);
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_create_function (self->db, "balans_fold", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, fold_function, NULL, NULL);
  bal_audit_register (self->db, self);

  /* The rollback journal leaves nothing beside the file at rest. */
  return bal_project_exec (self, "PRAGMA foreign_keys = ON", error) &&
         bal_project_exec (self, "PRAGMA journal_mode = DELETE", error);
}

static BalProject *
project_new (GFile *file)
{
  BalProject *self = g_object_new (BAL_TYPE_PROJECT, NULL);

  ensure_resources ();
  self->file = g_object_ref (file);
  self->path = g_file_get_path (file);

  return self;
}

BalProject *
bal_project_create (GFile       *file,
                    const char  *organisation,
                    GError     **error)
{
  g_autoptr(BalProject) self = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = project_new (file);

  if (self->path == NULL)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_FAILED,
                   _("Projects can only be saved to a local folder."));
      return NULL;
    }

  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name, or open it instead."),
                   self->path);
      return NULL;
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_FAILED,
                   _("Could not create “%s”: %s. Check that the folder exists and is writable."),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      goto failed;
    }

  if (!configure_connection (self, error) ||
      !bal_project_exec (self, "PRAGMA application_id = 1111575635", error) ||
      !run_migrations (self, 0, error))
    goto failed;

  now = bal_now_iso8601 ();
  stmt = bal_project_prepare (self,
                              "INSERT INTO project (id, organisation, created, modified) "
                              "VALUES (1, ?1, ?2, ?2)",
                              error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, organisation ? organisation : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (self, error);
      goto failed;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&self);

failed:
  bal_project_close (self);
  g_unlink (self->path);
  return NULL;
}

static gboolean
has_sqlite_header (const char  *path,
                   GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  gsize n_read = 0;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read, NULL, error))
    return FALSE;

  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Balans project: it is not a database file."),
                   path);
      return FALSE;
    }

  return TRUE;
}

static BalProject *
open_project (GFile     *file,
              gboolean   read_only,
              GError   **error)
{
  g_autoptr(BalProject) self = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *check = NULL;
  int app_id;
  int rc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = project_new (file);

  if (self->path == NULL)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_FAILED,
                   _("Projects can only be opened from a local folder."));
      return NULL;
    }

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_NOT_FOUND,
                   _("“%s” does not exist."), self->path);
      return NULL;
    }

  if (!has_sqlite_header (self->path, &local_error))
    {
      if (local_error->domain == BAL_PROJECT_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_FAILED,
                     _("Could not read “%s”: %s."), self->path, local_error->message);
      return NULL;
    }

  rc = sqlite3_open_v2 (self->path, &self->db, read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BAL_PROJECT_ERROR,
                   rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN ? BAL_PROJECT_ERROR_READ_ONLY : BAL_PROJECT_ERROR_FAILED,
                   _("Could not open “%s” for writing: %s."),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      bal_project_close (self);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 2000);
  sqlite3_extended_result_codes (self->db, TRUE);

  /* Nothing is written before the file is known to be ours, sound and not too new. */
  if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW ||
      (check = (const char *)sqlite3_column_text (stmt, 0)) == NULL ||
      strcmp (check, "ok") != 0)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened (%s). Restore it from a backup."),
                   self->path, check ? check : sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      bal_project_close (self);
      return NULL;
    }
  sqlite3_finalize (stmt);

  app_id = pragma_int (self->db, "PRAGMA application_id");
  if (app_id != BAL_PROJECT_APPLICATION_ID)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_NOT_A_PROJECT,
                   _("“%s” is a database, but not a Balans project."),
                   self->path);
      bal_project_close (self);
      return NULL;
    }

  self->schema_version = pragma_int (self->db, "PRAGMA user_version");
  if (self->schema_version > bal_project_latest_version ())
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Balans (file format %d, this version reads up to %d). Update Balans to open it."),
                   self->path, self->schema_version, bal_project_latest_version ());
      bal_project_close (self);
      return NULL;
    }

  if (self->schema_version < 1)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_CORRUPT,
                   _("“%s” is damaged: it has no file format version."),
                   self->path);
      bal_project_close (self);
      return NULL;
    }

  if (read_only)
    {
      /* A reader sees the file as it is: no migration, nothing purged. */
      sqlite3_create_function (self->db, "balans_fold", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                               NULL, fold_function, NULL, NULL);
      if (self->schema_version < bal_project_latest_version ())
        {
          g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_FAILED,
                       _("“%s” must be opened once to update it to this version of Balans."), self->path);
          bal_project_close (self);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  if (!configure_connection (self, error))
    {
      bal_project_close (self);
      return NULL;
    }

  if (self->schema_version < bal_project_latest_version () &&
      !run_migrations (self, self->schema_version, error))
    {
      g_prefix_error (error, _("Could not update “%s” to this version of Balans: "), self->path);
      bal_project_close (self);
      return NULL;
    }

  /* Deletions are kept for undo until the project is opened again. */
  if (!bal_project_exec (self, "DELETE FROM job WHERE deleted IS NOT NULL", error))
    {
      bal_project_close (self);
      return NULL;
    }

  return g_steal_pointer (&self);
}

BalProject *
bal_project_open (GFile   *file,
                  GError **error)
{
  return open_project (file, FALSE, error);
}

/* A second, read-only connection to a project, for work in another thread
 * while the project stays open for editing. */
BalProject *
bal_project_open_read_only (GFile   *file,
                            GError **error)
{
  return open_project (file, TRUE, error);
}

void
bal_project_close (BalProject *self)
{
  g_return_if_fail (BAL_IS_PROJECT (self));

  if (self->statements != NULL)
    g_hash_table_remove_all (self->statements);

  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

GFile *
bal_project_get_file (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), NULL);

  return self->file;
}

const char *
bal_project_get_path (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), NULL);

  return self->path;
}

char *
bal_project_dup_display_name (BalProject *self)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (BAL_IS_PROJECT (self), NULL);

  base = g_file_get_basename (self->file);
  if (g_str_has_suffix (base, ".balans"))
    base[strlen (base) - strlen (".balans")] = '\0';

  return g_steal_pointer (&base);
}

int
bal_project_get_schema_version (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), 0);

  return self->schema_version;
}

char *
bal_project_dup_organisation (BalProject *self)
{
  sqlite3_stmt *stmt;
  char *organisation = NULL;

  g_return_val_if_fail (BAL_IS_PROJECT (self), NULL);

  stmt = bal_project_prepare (self, "SELECT organisation FROM project WHERE id = 1", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    organisation = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return organisation ? organisation : g_strdup ("");
}

gboolean
bal_project_set_organisation (BalProject  *self,
                              const char  *organisation,
                              GError     **error)
{
  g_autofree char *now = bal_now_iso8601 ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BAL_IS_PROJECT (self), FALSE);

  stmt = bal_project_prepare (self,
                              "UPDATE project SET organisation = ?1, modified = ?2 WHERE id = 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, organisation ? organisation : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    bal_project_set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  if (ok)
    bal_project_emit_changed (self, "project");

  return ok;
}

/* Records the time of the last edit; a failure here is not worth an error. */
void
bal_project_touch (BalProject *self)
{
  g_autofree char *now = bal_now_iso8601 ();
  sqlite3_stmt *stmt;

  stmt = bal_project_prepare (self, "UPDATE project SET modified = ?1 WHERE id = 1", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);
}

void
bal_project_emit_changed (BalProject *self,
                          const char *what)
{
  g_return_if_fail (BAL_IS_PROJECT (self));

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what);
}

void
bal_project_summary_free (BalProjectSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->organisation);
  g_free (summary->created);
  g_free (summary->modified);
  g_free (summary->handbook);
  g_free (summary);
}

BalProjectSummary *
bal_project_get_summary (BalProject  *self,
                         GError     **error)
{
  g_autoptr(BalProjectSummary) summary = g_new0 (BalProjectSummary, 1);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BAL_IS_PROJECT (self), NULL);

  stmt = bal_project_prepare (self,
                              "SELECT p.organisation, p.created, p.modified, "
                              "       (SELECT name FROM handbook WHERE id = 1), "
                              "       (SELECT count(*) FROM reference_function), "
                              "       (SELECT count(*) FROM job WHERE deleted IS NULL), "
                              "       (SELECT count(*) FROM decision) "
                              "FROM project AS p WHERE p.id = 1",
                              error);
  if (stmt == NULL)
    return NULL;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_CORRUPT,
                   _("“%s” is damaged: it has no project record."), self->path);
      sqlite3_reset (stmt);
      return NULL;
    }

  summary->organisation = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  summary->created = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  summary->modified = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  summary->handbook = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  summary->n_references = sqlite3_column_int (stmt, 4);
  summary->n_jobs = sqlite3_column_int (stmt, 5);
  summary->n_decisions = sqlite3_column_int (stmt, 6);
  summary->schema_version = self->schema_version;
  sqlite3_reset (stmt);

  return g_steal_pointer (&summary);
}

const char *
bal_project_get_actor (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), NULL);

  return self->actor;
}

/* Who the audit log names for the edits that follow. */
void
bal_project_set_actor (BalProject *self,
                       const char *actor)
{
  g_return_if_fail (BAL_IS_PROJECT (self));

  g_free (self->actor);
  self->actor = g_strdup (actor && *actor ? actor : g_get_real_name ());
}

static int
review_authorizer (void       *data,
                   int         action,
                   const char *table,
                   const char *unused1,
                   const char *unused2,
                   const char *unused3)
{
  static const char * const writable[] = { "remark", "job_status", "audit_log", NULL };

  if (action != SQLITE_INSERT && action != SQLITE_UPDATE && action != SQLITE_DELETE)
    return SQLITE_OK;

  if (table == NULL || g_strv_contains (writable, table) || g_str_has_prefix (table, "sqlite_"))
    return SQLITE_OK;

  return SQLITE_DENY;
}

/* In review mode remarks and statuses can be recorded, and nothing else:
 * every other write is refused by SQLite itself, whoever asks for it. */
void
bal_project_set_review_mode (BalProject *self,
                             gboolean    review)
{
  g_return_if_fail (BAL_IS_PROJECT (self));

  self->review = review;
  /* Statements are authorized when prepared: prepare them anew. */
  g_hash_table_remove_all (self->statements);
  sqlite3_set_authorizer (self->db, review ? review_authorizer : NULL, self);
}

gboolean
bal_project_get_review_mode (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), FALSE);

  return self->review;
}
