/* bal-project.c: one project file (*.balans), an SQLite database
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bal-audit.h"
#include "bal-core-resources.h"
#include "bal-identity.h"
#include "bal-project.h"
#include "bal-project-private.h"
#include "bal-schema-objects.h"

/* Virtual machine steps one statement may take before it is stopped, and how
 * often the progress handler looks: several times what the largest statement
 * of a project of 20,000 jobs takes, and about ten seconds on a laptop for a
 * statement that would never end. */
#define MAX_STATEMENT_STEPS 300000000
#define PROGRESS_INTERVAL   100000

struct _BalProject
{
  GObject     parent_instance;

  GFile      *file;
  char       *path;
  sqlite3    *db;
  GHashTable *statements;
  int         schema_version;
  char       *actor;
  char       *author;       /* NULL until the caller says who records */
  char       *author_role;
  gboolean    review;
  gboolean    read_only;
  char       *uuid;
  gboolean    review_copy;
  BalIdentity *identity;
  GPtrArray  *findings;
  /* The jobs the findings name, so that a list of N jobs asks in O(N). */
  GHashTable *finding_jobs;
  guint       progress_calls;
  /* The newest sealed log entry known to be as Balans wrote it: verified on
   * this connection or by the check in the background, or sealed here right
   * after it; -1 while nothing is verified. */
  gint64      trusted_head;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BalProject, bal_project, G_TYPE_OBJECT)

G_DEFINE_QUARK (bal-project-error-quark, bal_project_error)

/* The migration steps, in order: step N brings a file to user_version N. */
static gboolean load_project_row (BalProject  *self,
                                  GError     **error);

static const char * const migrations[] = {
  "/io/github/balans/Balans/schema/001-project.sql",
  "/io/github/balans/Balans/schema/002-handbook.sql",
  "/io/github/balans/Balans/schema/003-jobs.sql",
  "/io/github/balans/Balans/schema/004-decisions.sql",
  "/io/github/balans/Balans/schema/005-review.sql",
  "/io/github/balans/Balans/schema/006-integrity.sql",
  "/io/github/balans/Balans/schema/007-indexes.sql",
  "/io/github/balans/Balans/schema/008-procedure.sql",
  "/io/github/balans/Balans/schema/009-reference-indexes.sql",
};

static void
ensure_resources (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      bal_core_register_resource ();
      /* SQLite counts every allocation under a global mutex for
       * sqlite3_memory_used(), which nothing here reads; an import of a
       * handbook makes millions. Only before SQLite's first use (and
       * refused, harmlessly, after it). */
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
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
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->author_role, g_free);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->identity, bal_identity_free);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->finding_jobs, g_hash_table_unref);

  G_OBJECT_CLASS (bal_project_parent_class)->finalize (object);
}

static void
bal_project_class_init (BalProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bal_project_finalize;

  /**
   * BalProject::changed:
   * @what: the area that changed: "project", "handbook", "jobs", "decisions", "review",
   *   or "integrity" when the check in the background found something
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
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_integrity_finding_free);
  self->finding_jobs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->trusted_head = -1;
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

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_BUSY,
                   _("“%s” is in use by another program; try again in a moment."),
                   self->path);
      break;

    case SQLITE_INTERRUPT:
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_UNTRUSTED,
                   _("“%s” was not read: a query took too long. The file may have been made to stall Balans."),
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

static BalPrepareObserver prepare_observer;
static gpointer prepare_observer_data;

void
bal_project_set_prepare_observer (BalPrepareObserver observer,
                                  gpointer           user_data)
{
  prepare_observer = observer;
  prepare_observer_data = user_data;
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
  if (prepare_observer != NULL)
    prepare_observer (sql, prepare_observer_data);

  return stmt;
}

/* Runs @stmt, a statement that returns no rows, and resets it. Outside a
 * transaction the statement gets one of its own, so that what it logs is
 * sealed with it. */
gboolean
bal_project_step_done (BalProject    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  gboolean own = sqlite3_get_autocommit (self->db) && !sqlite3_stmt_readonly (stmt);
  int rc;

  if (own && !bal_project_begin (self, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (self, error);
      if (own)
        bal_project_rollback (self);
      return FALSE;
    }

  return !own || bal_project_commit (self, error);
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
  g_autofree char *sealed_hash = NULL;
  gint64 sealed_id = 0;
  gint64 previous_seal = -1;

  if (self->schema_version >= 6 && self->trusted_head >= 0)
    {
      sqlite3_stmt *stmt = bal_project_prepare (self, "SELECT coalesce (max (audit_id), 0) FROM audit_seal", NULL);

      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        previous_seal = sqlite3_column_int64 (stmt, 0);
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }

  if (self->schema_version >= 6 && !bal_audit_seal (self, "edit", &sealed_id, &sealed_hash, error))
    {
      bal_project_rollback (self);
      return FALSE;
    }

  if (!bal_project_exec (self, "COMMIT", error))
    {
      bal_project_rollback (self);
      return FALSE;
    }

  /* This user has now seen the log up to the row just signed, when every
   * row before this transaction's was verified: a signature of ours over a
   * log nobody checked must not make the next check skip what it covers. */
  if (sealed_id != 0 && self->uuid != NULL &&
      previous_seal >= 0 && previous_seal == self->trusted_head)
    {
      bal_identity_set_seen_head (self->uuid, sealed_id, sealed_hash);
      self->trusted_head = sealed_id;
    }

  return TRUE;
}

/* Reads that belong together in one read transaction: one shared lock for
 * all of them instead of one per statement. TRUE when it began one, for
 * bal_project_end_read(); inside a transaction already, nothing to do. */
gboolean
bal_project_begin_read (BalProject *self)
{
  return sqlite3_get_autocommit (self->db) &&
         sqlite3_exec (self->db, "BEGIN DEFERRED", NULL, NULL, NULL) == SQLITE_OK;
}

void
bal_project_end_read (BalProject *self,
                      gboolean    began)
{
  if (began && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
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

  /* Rows written before the audit log covered them get an entry of the
   * user who brings the file up to date, and the log is sealed. */
  self->schema_version = G_N_ELEMENTS (migrations);
  if (from > 0 && from < 6 && !bal_audit_baseline (self, error))
    {
      bal_project_rollback (self);
      self->schema_version = from;
      return FALSE;
    }

  if (!bal_project_commit (self, error))
    {
      self->schema_version = from;
      return FALSE;
    }

  return TRUE;
}

/* The progress handler runs every PROGRESS_INTERVAL steps of the virtual
 * machine; each statement (and each trigger program) that starts resets
 * the count, so that only one run that goes on and on is stopped. */
static int
progress_handler (void *data)
{
  guint *calls = data;

  return ++*calls > MAX_STATEMENT_STEPS / PROGRESS_INTERVAL;
}

static int
trace_statement (unsigned  type,
                 void     *data,
                 void     *p,
                 void     *x)
{
  *(guint *)data = 0;

  return 0;
}

/* What every connection gets before it reads a byte: no schema object may
 * call a function that is not harmless, the schema cannot be written by
 * SQL, no statement runs forever, and triggers and views stay off until
 * the schema is known to be ours. */
static void
harden_connection (sqlite3 *db,
                   guint   *progress_calls)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_progress_handler (db, PROGRESS_INTERVAL, progress_handler, progress_calls);
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, trace_statement, progress_calls);
  sqlite3_busy_timeout (db, 2000);
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024);
}

static void
enable_schema (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 1, NULL);
}

/* The schema objects our migrations make, up to @version: "type name" to
 * their SQL ("" for the indexes SQLite makes itself), from the table that
 * the build wrote by running the same migration steps. */
static GHashTable *
expected_schema (int version)
{
  static GHashTable *cache[G_N_ELEMENTS (migrations) + 1];
  static GMutex lock;
  GHashTable *schema;

  g_mutex_lock (&lock);
  if (cache[version] == NULL)
    {
      cache[version] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (const BalSchemaObject *o = bal_schema_objects; o->type != NULL; o++)
        if (o->version == version)
          g_hash_table_insert (cache[version], g_strdup_printf ("%s %s", o->type, o->name), (gpointer)o->sql);
    }
  schema = g_hash_table_ref (cache[version]);
  g_mutex_unlock (&lock);

  return schema;
}

static const char *
object_kind (const char *type)
{
  if (g_str_equal (type, "table"))
    return _("table");
  if (g_str_equal (type, "index"))
    return _("index");
  if (g_str_equal (type, "trigger"))
    return _("trigger");
  if (g_str_equal (type, "view"))
    return _("view");
  return type;
}

/* Every table, column, index, trigger and view in the file must be one that
 * our migrations make, with the same SQL, and none may be missing. Reads
 * only the schema table: nothing of the file's schema runs before this. */
static gboolean
verify_schema (BalProject  *self,
               GError     **error)
{
  g_autoptr(GHashTable) expected = expected_schema (self->schema_version);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *problem = NULL;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT type, name, sql FROM sqlite_schema", -1, &stmt, NULL) != SQLITE_OK)
    {
      bal_project_set_sqlite_error (self, error);
      return FALSE;
    }

  while (problem == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *)sqlite3_column_text (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      const char *sql = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? "" : (const char *)sqlite3_column_text (stmt, 2);
      g_autofree char *id = g_strdup_printf ("%s %s", type ? type : "", name ? name : "");
      gpointer orig_key = NULL, wanted = NULL;

      /* The statistics ANALYZE keeps only steer the query planner. */
      if (g_strcmp0 (type, "table") == 0 && (g_strcmp0 (name, "sqlite_stat1") == 0 || g_strcmp0 (name, "sqlite_stat4") == 0))
        continue;

      if (!g_hash_table_lookup_extended (expected, id, &orig_key, &wanted))
        problem = g_strdup_printf (_("it has an unknown %s “%s”"), object_kind (type ? type : ""), name ? name : "");
      else if (g_strcmp0 (wanted, sql) != 0)
        problem = g_strdup_printf (_("its %s “%s” was altered"), object_kind (type), name);
      else
        g_hash_table_add (seen, orig_key);
    }
  if (problem == NULL && rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (self, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  g_hash_table_iter_init (&iter, expected);
  while (problem == NULL && g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      {
        const char *space = strchr (key, ' ');
        g_autofree char *type = g_strndup (key, space - (const char *)key);

        problem = g_strdup_printf (_("its %s “%s” is missing"), object_kind (type), space + 1);
      }

  if (problem != NULL)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_UNTRUSTED,
                   _("“%s” was changed outside Balans and is not opened: %s. Ask the sender for a copy saved by Balans."),
                   self->path, problem);
      return FALSE;
    }

  return TRUE;
}

/* Lower case without diacritics: how text goes into the search index. */
char *
bal_fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  g_autoptr(GString) out = g_string_sized_new (strlen (valid));

  /* Character by character, ASCII at once: the same as lower-casing the
   * NFD of the whole text without its marks (canonical reordering only
   * moves marks, which are dropped), without normalising every text of a
   * handbook import (1,000 references: 9 % of the import's work). */
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n;

      if ((guchar)*p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          continue;
        }
      n = g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, decomposed, G_N_ELEMENTS (decomposed));
      for (gsize i = 0; i < n; i++)
        if (!g_unichar_ismark (decomposed[i]))
          g_string_append_unichar (out, g_unichar_tolower (decomposed[i]));
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

/* Our SQL functions. The ones the audit triggers call are harmless and
 * marked so (bal-audit.c); the rest are for our own statements only. */
static void
register_functions (BalProject *self)
{
  /* Our statements fold text for the search index; no schema object may. */
  sqlite3_create_function (self->db, "balans_fold", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                           NULL, fold_function, NULL, NULL);
  bal_audit_register (self->db, self);
}

static gboolean
configure_connection (BalProject  *self,
                      GError     **error)
{
  register_functions (self);

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

  self->identity = bal_identity_get_default (error);
  if (self->identity == NULL)
    return NULL;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_FAILED,
                   _("Could not create “%s”: %s. Check that the folder exists and is writable."),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      goto failed;
    }
  harden_connection (self->db, &self->progress_calls);
  enable_schema (self->db);
  /* A file made here has an empty log: nothing in it to verify. */
  self->trusted_head = 0;

  if (!configure_connection (self, error) ||
      !bal_project_exec (self, "PRAGMA application_id = 1111575635", error) ||
      !run_migrations (self, 0, error))
    goto failed;

  now = bal_now_iso8601 ();
  stmt = bal_project_prepare (self,
                              "INSERT INTO project (id, organisation, created, modified, uuid) "
                              "VALUES (1, ?1, ?2, ?2, lower (hex (randomblob (16))))",
                              error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, organisation ? organisation : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (self, stmt, error) ||
      !load_project_row (self, error))
    goto failed;

  return g_steal_pointer (&self);

failed:
  bal_project_close (self);
  g_unlink (self->path);
  return NULL;
}

static gboolean
load_project_row (BalProject  *self,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (self->schema_version < 6)
    return TRUE;

  if (sqlite3_prepare_v2 (self->db, "SELECT uuid, review_copy FROM project WHERE id = 1", -1, &stmt, NULL) != SQLITE_OK)
    {
      bal_project_set_sqlite_error (self, error);
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_free (self->uuid);
      self->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      self->review_copy = sqlite3_column_int (stmt, 1) != 0;
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_CORRUPT,
                 _("“%s” is damaged: it has no project record."), self->path);
  else
    bal_project_set_sqlite_error (self, error);
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW;
}

typedef enum
{
  OPEN_WRITE,
  OPEN_REVIEW,            /* writable for remarks and statuses; nothing written on open */
  OPEN_READ,              /* read-only, checked like an open for writing */
  OPEN_SECOND_CONNECTION, /* read-only, beside an open that did the checks */
} OpenMode;

static BalProject *
open_project (GFile     *file,
              OpenMode   mode,
              GError   **error)
{
  g_autoptr(BalProject) self = NULL;
  gboolean read_only = mode != OPEN_WRITE && mode != OPEN_REVIEW;
  GStatBuf st;
  int app_id;
  int rc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = project_new (file);
  self->read_only = read_only;

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

  if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR) ||
      (g_stat (self->path, &st) == 0 && st.st_size == 0))
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Balans project: it is not a database file."), self->path);
      return NULL;
    }

  if (!read_only)
    {
      self->identity = bal_identity_get_default (error);
      if (self->identity == NULL)
        return NULL;
    }

  rc = sqlite3_open_v2 (self->path, &self->db, read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BAL_PROJECT_ERROR,
                   rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN ? BAL_PROJECT_ERROR_READ_ONLY : BAL_PROJECT_ERROR_FAILED,
                   read_only ? _("Could not open “%s”: %s.") : _("Could not open “%s” for writing: %s."),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      bal_project_close (self);
      return NULL;
    }
  harden_connection (self->db, &self->progress_calls);

  if (!read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY,
                   _("“%s” is read-only: it can be read and exported, but not changed. To edit it, save a copy or make it writable."),
                   self->path);
      bal_project_close (self);
      return NULL;
    }

  /* Nothing is written, and nothing of the file's schema runs, before the
   * file is known to be ours, as our migrations made it, and sound. The
   * header's pragmas read no schema. The header is read by SQLite, never
   * through a descriptor of our own: closing that would drop SQLite's
   * locks on the file. */
  app_id = pragma_int (self->db, "PRAGMA application_id");
  rc = sqlite3_errcode (self->db) & 0xff;
  if (app_id == -1 && (rc == SQLITE_BUSY || rc == SQLITE_LOCKED))
    {
      bal_project_set_sqlite_error (self, error);
      bal_project_close (self);
      return NULL;
    }
  if (app_id == -1 && rc == SQLITE_NOTADB)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Balans project: it is not a database file."),
                   self->path);
      bal_project_close (self);
      return NULL;
    }
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

  if (!verify_schema (self, error))
    {
      bal_project_close (self);
      return NULL;
    }

  /* What costs time in proportion to the file (PRAGMA quick_check, every
   * signature of the audit log) is not done here but by
   * bal_project_verify_integrity(): by a reader that reports (OPEN_READ,
   * "balans-cli check") before it reads, and by the app in the background
   * after the window is up. Until it has found the log sound, nothing this
   * connection signs makes the next check skip anything (see
   * bal_project_commit()). What is checked here costs the same for any
   * size and keeps a hostile file from being trusted: it is ours (the
   * header) and its schema is exactly what our migrations make, so no SQL
   * of the file runs; damage met on any later read is an error, never a
   * crash, and every statement is bounded by the progress handler. */
  enable_schema (self->db);

  if (!load_project_row (self, error))
    {
      bal_project_close (self);
      return NULL;
    }

  if (read_only)
    {
      /* A reader sees the file as it is: no migration, nothing purged. */
      register_functions (self);
      /* A worker's reader passes once over what it reads, mostly every job:
       * a cache of 2 MB of pages, SQLite's default, only added that much to
       * the app's peak memory with each worker. */
      if (mode == OPEN_SECOND_CONNECTION)
        bal_project_exec (self, "PRAGMA cache_size = -256", NULL);
      if (self->schema_version < bal_project_latest_version ())
        {
          g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_FAILED,
                       _("“%s” must be opened once to update it to this version of Balans."), self->path);
          bal_project_close (self);
          return NULL;
        }
      if (mode == OPEN_READ && !bal_project_verify_integrity (self, error))
        {
          bal_project_close (self);
          return NULL;
        }
      bal_project_set_review_mode (self, self->review_copy);
      return g_steal_pointer (&self);
    }

  if (!configure_connection (self, error))
    {
      bal_project_close (self);
      return NULL;
    }

  if (self->schema_version < bal_project_latest_version () &&
      (!run_migrations (self, self->schema_version, error) || !load_project_row (self, error)))
    {
      g_prefix_error (error, _("Could not update “%s” to this version of Balans: "), self->path);
      bal_project_close (self);
      return NULL;
    }

  /* A review copy opens in review mode, and nothing is written on open. */
  if (self->review_copy || mode == OPEN_REVIEW)
    {
      bal_project_set_review_mode (self, TRUE);
      return g_steal_pointer (&self);
    }

  /* Deletions are kept for undo until the project is opened again. */
  if (!bal_project_begin (self, error) ||
      !bal_project_exec (self, "DELETE FROM job WHERE deleted IS NOT NULL", error) ||
      !bal_project_commit (self, error))
    {
      bal_project_rollback (self);
      bal_project_close (self);
      return NULL;
    }

  return g_steal_pointer (&self);
}

BalProject *
bal_project_open (GFile   *file,
                  GError **error)
{
  return open_project (file, OPEN_WRITE, error);
}

/* A project opened for review: remarks and statuses can be recorded,
 * nothing else, and opening writes nothing. */
BalProject *
bal_project_open_for_review (GFile   *file,
                             GError **error)
{
  return open_project (file, OPEN_REVIEW, error);
}

/* A second, read-only connection to a project, for work in another thread
 * while the project stays open for editing. */
BalProject *
bal_project_open_read_only (GFile   *file,
                            GError **error)
{
  return open_project (file, OPEN_SECOND_CONNECTION, error);
}

/* A project opened only to be read (a read-only file, or a command that
 * only reads), verified as an open for editing is. */
BalProject *
bal_project_open_for_reading (GFile   *file,
                              GError **error)
{
  return open_project (file, OPEN_READ, error);
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

/* Who records what follows, by name and role (works-council, manager,
 * employee, evaluator): every decision, status, remark, objection and
 * sign-off carries them, and the audit log names the author. */
void
bal_project_set_author (BalProject *self,
                        const char *name,
                        const char *role)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (BAL_IS_PROJECT (self));

  clean = g_strstrip (g_strdup (name ? name : ""));
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->author_role, g_free);
  if (*clean != '\0')
    {
      self->author = g_strdup (clean);
      self->author_role = g_strdup (role && *role ? role : "evaluator");
    }
  bal_project_set_actor (self, self->author);
}

const char *
bal_project_get_author (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), NULL);

  return self->author;
}

const char *
bal_project_get_author_role (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), NULL);

  return self->author_role;
}

/* FALSE, with an error that says what to do, when no author was set. */
gboolean
bal_project_require_author (BalProject  *self,
                            GError     **error)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), FALSE);

  if (self->author != NULL)
    return TRUE;

  g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_INVALID,
               _("Balans does not know who records this: give your name and role "
                 "(in Preferences, or with --author and --role)."));
  return FALSE;
}

void
bal_integrity_finding_free (BalIntegrityFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->message);
  g_free (finding);
}

gboolean
bal_project_is_read_only (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), TRUE);

  return self->read_only;
}

const char *
bal_project_get_uuid (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), NULL);

  return self->uuid;
}

BalIdentity *
bal_project_get_identity (BalProject  *self,
                          GError     **error)
{
  if (self->identity == NULL)
    self->identity = bal_identity_get_default (error);

  return self->identity;
}

gboolean
bal_project_is_review_copy (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), FALSE);

  return self->review_copy;
}

static gboolean
quick_check (BalProject  *self,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *check = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW ||
      (check = (const char *)sqlite3_column_text (stmt, 0)) == NULL ||
      strcmp (check, "ok") != 0)
    {
      int code = sqlite3_errcode (self->db) & 0xff;

      if (rc != SQLITE_ROW && code != SQLITE_CORRUPT && code != SQLITE_NOTADB)
        bal_project_set_sqlite_error (self, error);
      else
        g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_CORRUPT,
                     _("“%s” is damaged and cannot be opened (%s). Restore it from a backup."),
                     self->path, check ? check : sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  return TRUE;
}

/* The head this user has seen of the project, after a check that found
 * nothing (bal_audit_verify_integrity() sets it then). */
static gint64
verified_head (BalProject *self,
               GPtrArray  *findings)
{
  g_autofree char *hash = NULL;
  gint64 id = 0;

  if (findings->len > 0 || self->uuid == NULL)
    return -1;
  if (!bal_identity_get_seen_head (self->uuid, &id, &hash))
    return 0;

  return id;
}

/* Called whenever the findings change. */
static void
index_findings (BalProject *self)
{
  g_hash_table_remove_all (self->finding_jobs);
  for (guint i = 0; i < self->findings->len; i++)
    {
      gint64 job_id = ((BalIntegrityFinding *)g_ptr_array_index (self->findings, i))->job_id;

      if (job_id != 0)
        g_hash_table_add (self->finding_jobs, g_memdup2 (&job_id, sizeof job_id));
    }
}

/* The checks whose cost grows with the file: the database's own structure
 * (PRAGMA quick_check) and the audit log, every entry's hash and every
 * signature since this user last looked, and every audited row against
 * its log. What is found replaces the findings; FALSE when the file is
 * damaged or cannot be read. */
gboolean
bal_project_verify_integrity (BalProject  *self,
                              GError     **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_integrity_finding_free);

  g_return_val_if_fail (BAL_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  if (!quick_check (self, error))
    return FALSE;
  if (self->schema_version >= 6 && !bal_audit_verify_integrity (self, findings, error))
    return FALSE;

  g_ptr_array_set_size (self->findings, 0);
  g_ptr_array_extend_and_steal (self->findings, g_steal_pointer (&findings));
  index_findings (self);
  self->trusted_head = verified_head (self, self->findings);

  return TRUE;
}

typedef struct
{
  GPtrArray *findings;
  gint64     head;
} VerifyResult;

static void
verify_result_free (VerifyResult *result)
{
  g_ptr_array_unref (result->findings);
  g_free (result);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(BalProject) reader = NULL;
  g_autoptr(GError) error = NULL;
  VerifyResult *result;

  reader = bal_project_open_read_only (task_data, &error);
  if (reader == NULL || !bal_project_verify_integrity (reader, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (VerifyResult, 1);
  result->findings = g_ptr_array_ref (reader->findings);
  result->head = reader->trusted_head;
  bal_project_close (reader);
  g_task_return_pointer (task, result, (GDestroyNotify)verify_result_free);
}

/* bal_project_verify_integrity() in a worker thread, through a connection
 * of its own: the app runs it after the window is up. */
void
bal_project_verify_integrity_async (BalProject          *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BAL_IS_PROJECT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bal_project_verify_integrity_async);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, verify_thread);
}

/* Puts what the check found in the project's findings. A damaged file is
 * a finding as well as the error, so that it shows where findings show. */
gboolean
bal_project_verify_integrity_finish (BalProject    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  VerifyResult *verified;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bal_project_verify_integrity_async, FALSE);

  verified = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (verified == NULL)
    {
      if (g_error_matches (local_error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_CORRUPT))
        {
          BalIntegrityFinding *finding = g_new0 (BalIntegrityFinding, 1);

          finding->message = g_strdup (local_error->message);
          g_ptr_array_set_size (self->findings, 0);
          g_ptr_array_add (self->findings, finding);
          index_findings (self);
          self->trusted_head = -1;
          bal_project_emit_changed (self, "integrity");
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_ptr_array_set_size (self->findings, 0);
  for (guint i = 0; i < verified->findings->len; i++)
    {
      BalIntegrityFinding *finding = g_ptr_array_index (verified->findings, i);
      BalIntegrityFinding *copy = g_new0 (BalIntegrityFinding, 1);

      *copy = *finding;
      copy->message = g_strdup (finding->message);
      g_ptr_array_add (self->findings, copy);
    }
  index_findings (self);
  /* Trusted only if nothing was sealed here since the check's snapshot. */
  if (self->trusted_head < 0 && verified->head >= 0)
    {
      sqlite3_stmt *stmt = bal_project_prepare (self, "SELECT coalesce (max (audit_id), 0) FROM audit_seal", NULL);

      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == verified->head)
        self->trusted_head = verified->head;
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }
  else if (verified->head < 0)
    self->trusted_head = -1;
  verify_result_free (verified);

  /* Lists mark the jobs concerned. */
  if (self->findings->len > 0)
    bal_project_emit_changed (self, "integrity");

  return TRUE;
}

/* What was found, when the project was opened, that Balans did not write. */
GPtrArray *
bal_project_get_findings (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), NULL);

  return self->findings;
}

gboolean
bal_project_job_has_finding (BalProject *self,
                             gint64      job_id)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), FALSE);

  return g_hash_table_contains (self->finding_jobs, &job_id);
}

static gboolean
set_review_copy (BalProject  *self,
                 gboolean     review_copy,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (self->read_only)
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY,
                   _("“%s” is read-only: the change was not saved."), self->path);
      return FALSE;
    }

  /* Prepared with the authorizer off: leaving review mode is the one
   * change a review copy allows, and only through here. */
  sqlite3_set_authorizer (self->db, NULL, NULL);
  if (sqlite3_prepare_v2 (self->db, "UPDATE project SET review_copy = ?1 WHERE id = 1", -1, &stmt, NULL) != SQLITE_OK)
    {
      bal_project_set_sqlite_error (self, error);
      bal_project_set_review_mode (self, self->review);
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, review_copy);
  ok = bal_project_step_done (self, stmt, error);
  sqlite3_finalize (stmt);

  if (ok)
    {
      self->review_copy = review_copy;
      bal_project_set_review_mode (self, review_copy);
      bal_project_emit_changed (self, "review");
    }
  else
    bal_project_set_review_mode (self, self->review);

  return ok;
}

/* Marks the file as a review copy: every Balans that opens it is in review
 * mode, until someone leaves it with bal_project_leave_review(). */
gboolean
bal_project_send_for_review (BalProject  *self,
                             GError     **error)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), FALSE);

  return set_review_copy (self, TRUE, error);
}

/* Leaves review mode for good: recorded in the audit log, under this user's
 * name and key. The caller asks the user first. */
gboolean
bal_project_leave_review (BalProject  *self,
                          GError     **error)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), FALSE);

  return set_review_copy (self, FALSE, error);
}

static int
review_authorizer (void       *data,
                   int         action,
                   const char *table,
                   const char *unused1,
                   const char *unused2,
                   const char *unused3)
{
  static const char * const writable[] = { "remark", "job_status", "objection", "audit_log", "audit_seal", "signer", NULL };

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

  /* A review copy stays in review mode, whoever opens it, and so does a
   * file that cannot be written. */
  self->review = review || self->review_copy || self->read_only;
  /* Statements are authorized when prepared: prepare them anew. */
  g_hash_table_remove_all (self->statements);
  sqlite3_set_authorizer (self->db, self->review ? review_authorizer : NULL, self);
}

gboolean
bal_project_get_review_mode (BalProject *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT (self), FALSE);

  return self->review;
}
