/* bal-audit.c: the audit log: who changed what, when, chained and signed
 *
 * Triggers in the schema write a row for every change to the handbook, the
 * questionnaire, jobs, answers, decisions and their verdicts, statuses,
 * remarks and the review-copy mark. Each row's hash covers its fields and
 * the hash of the row before. A hash chain alone proves nothing to someone
 * who holds the file (anyone can recompute it), so every transaction ends
 * with a seal: its author's Ed25519 signature over the project's uuid and
 * the newest row's hash, which covers every row before it.
 *
 * bal_audit_verify_integrity() finds what Balans did not write: a row whose
 * hash does not match, a row no seal covers, a seal whose signature fails
 * or whose key is not the one this user knows for that name, a log that
 * ends before the newest entry this user has seen of the project, and a
 * table row that differs from what its log says (a change made with the
 * triggers dropped). What this protects and what not: see README.md.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "bal-audit.h"
#include "bal-audit-tables.h"
#include "bal-identity.h"
#include "bal-review.h"
#include "bal-project-private.h"

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

/* SHA-256 of @fields, each followed by 0x1f (NULL as empty), in hex.
 * libsodium's, without an allocation: the triggers call it for every
 * entry, some 22 per reference function of a handbook import. */
static void
hash_fields (const char * const *fields,
             const gsize        *lengths,
             guint               n_fields,
             char                hex[2 * crypto_hash_sha256_BYTES + 1])
{
  crypto_hash_sha256_state state;
  guint8 digest[crypto_hash_sha256_BYTES];

  crypto_hash_sha256_init (&state);
  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i] != NULL)
        crypto_hash_sha256_update (&state, (const guchar *)fields[i], lengths[i]);
      crypto_hash_sha256_update (&state, (const guchar *)"\x1f", 1);
    }
  crypto_hash_sha256_final (&state, digest);
  sodium_bin2hex (hex, 2 * crypto_hash_sha256_BYTES + 1, digest, sizeof digest);
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
  gsize lengths[G_N_ELEMENTS (fields)];
  char hex[2 * crypto_hash_sha256_BYTES + 1];

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    lengths[i] = fields[i] ? strlen (fields[i]) : 0;
  hash_fields (fields, lengths, G_N_ELEMENTS (fields), hex);

  return g_strdup (hex);
}

static void
hash_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *fields[8] = { NULL };
  gsize lengths[8] = { 0 };
  char hex[2 * crypto_hash_sha256_BYTES + 1];

  for (int i = 0; i < argc && i < 8; i++)
    {
      fields[i] = (const char *)sqlite3_value_text (argv[i]);
      lengths[i] = fields[i] ? (gsize)sqlite3_value_bytes (argv[i]) : 0;
    }
  hash_fields (fields, lengths, G_N_ELEMENTS (fields), hex);

  sqlite3_result_text (context, hex, -1, SQLITE_TRANSIENT);
}

/* balans_audit_head (): the hash of the newest entry of the log, or NULL,
 * read by a statement of its own: an audit trigger whose INSERT ... SELECT
 * read audit_log itself made SQLite build a temporary table for every
 * entry. On a connection that is not the project's own (a file brought up
 * to date in a test), prepared each time. */
static void
head_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  static const char sql[] = "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1 /* head */";
  BalProject *project = sqlite3_user_data (context);
  sqlite3 *db = sqlite3_context_db_handle (context);
  gboolean own = bal_project_get_db (project) == db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (own)
    stmt = bal_project_prepare (project, sql, NULL);
  else if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    stmt = NULL;
  if (stmt == NULL)
    {
      sqlite3_result_error (context, sqlite3_errmsg (db), -1);
      return;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    sqlite3_result_value (context, sqlite3_column_value (stmt, 0));
  else if (rc == SQLITE_DONE)
    sqlite3_result_null (context);
  else
    sqlite3_result_error (context, sqlite3_errmsg (db), -1);

  if (own)
    sqlite3_reset (stmt);
  else
    sqlite3_finalize (stmt);
}

/* @text as a JSON string, appended to @out. */
void
bal_audit_append_json_string (GString    *out,
                              const char *text)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *)text; *p; p++)
    {
      const unsigned char *plain = p;

      /* The run of characters that need no escape, in one go. */
      while (*p >= 0x20 && *p != '"' && *p != '\\')
        p++;
      g_string_append_len (out, (const char *)plain, p - plain);
      if (*p == '\0')
        break;

      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* balans_json (key, value, ...): a JSON object written as SQLite's
 * json_object() writes it, for the audit triggers. */
static void
json_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  g_autoptr(GString) out = g_string_new ("{");

  if (argc % 2 != 0)
    {
      sqlite3_result_error (context, "balans_json() takes keys and values in pairs", -1);
      return;
    }

  for (int i = 0; i < argc; i += 2)
    {
      const char *key = (const char *)sqlite3_value_text (argv[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      bal_audit_append_json_string (out, key ? key : "");
      g_string_append_c (out, ':');
      switch (sqlite3_value_type (argv[i + 1]))
        {
        case SQLITE_NULL:
          g_string_append (out, "null");
          break;
        case SQLITE_INTEGER:
          g_string_append_printf (out, "%lld", (long long)sqlite3_value_int64 (argv[i + 1]));
          break;
        case SQLITE_FLOAT:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.15g", sqlite3_value_double (argv[i + 1])));
          }
          break;
        default:
          bal_audit_append_json_string (out, (const char *)sqlite3_value_text (argv[i + 1]));
          break;
        }
    }
  g_string_append_c (out, '}');

  sqlite3_result_text (context, g_string_free (g_steal_pointer (&out), FALSE), -1, g_free);
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
  /* Picks libsodium's fastest SHA-256 for this processor; safe to repeat. */
  if (sodium_init () < 0)
    g_warning ("libsodium could not be initialised");
  /* The audit triggers call these four; all are harmless wherever they run
   * (balans_audit_head reads the newest hash of the log, nothing else). */
  sqlite3_create_function (db, "balans_audit_hash", 8, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, hash_function, NULL, NULL);
  sqlite3_create_function (db, "balans_actor", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, project, actor_function, NULL, NULL);
  sqlite3_create_function (db, "balans_audit_head", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, project, head_function, NULL, NULL);
  sqlite3_create_function (db, "balans_json", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, json_function, NULL, NULL);
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

static char *
seal_message (const char *uuid,
              const char *kind,
              gint64      audit_id,
              const char *hash)
{
  return g_strdup_printf ("balans-seal-1\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s",
                          uuid ? uuid : "", kind, audit_id, hash ? hash : "");
}

/* Signs the log up to its newest row with this user's key, when rows were
 * added since the last seal; called inside the transaction that added them.
 * @sealed_id and @sealed_hash, when given, get the row it signed (0 and
 * NULL when there was nothing to sign). */
gboolean
bal_audit_seal (BalProject  *project,
                const char  *kind,
                gint64      *sealed_id,
                char       **sealed_hash,
                GError     **error)
{
  sqlite3 *db = bal_project_get_db (project);
  sqlite3_int64 last_rowid = sqlite3_last_insert_rowid (db);
  g_autofree char *hash = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *message = NULL;
  g_autofree char *now = NULL;
  guint8 signature[BAL_IDENTITY_SIGNATURE_SIZE];
  BalIdentity *identity;
  sqlite3_stmt *stmt;
  gint64 audit_id = 0;
  gboolean unsealed = FALSE;

  stmt = bal_project_prepare (project,
                              "SELECT l.id, l.hash, coalesce ((SELECT max (audit_id) FROM audit_seal), 0) < l.id, "
                              "       (SELECT uuid FROM project WHERE id = 1) "
                              "FROM audit_log AS l ORDER BY l.id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      audit_id = sqlite3_column_int64 (stmt, 0);
      hash = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      unsealed = sqlite3_column_int (stmt, 2) != 0;
      uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);

  if (!unsealed)
    return TRUE;

  identity = bal_project_get_identity (project, error);
  if (identity == NULL)
    return FALSE;

  stmt = bal_project_prepare (project,
                              "INSERT OR IGNORE INTO signer (fingerprint, name, public_key) VALUES (?1, ?2, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bal_identity_get_fingerprint (identity), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, bal_project_get_actor (project), -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 3, bal_identity_get_public_key (identity), BAL_IDENTITY_PUBLIC_KEY_SIZE, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      bal_project_set_sqlite_error (project, error);
      return FALSE;
    }
  sqlite3_reset (stmt);

  message = seal_message (uuid, kind, audit_id, hash);
  bal_identity_sign (identity, message, signature);
  now = bal_now_iso8601 ();

  stmt = bal_project_prepare (project,
                              "INSERT INTO audit_seal (audit_id, kind, fingerprint, signature, at) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, audit_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, bal_identity_get_fingerprint (identity), -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 4, signature, sizeof signature, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      bal_project_set_sqlite_error (project, error);
      return FALSE;
    }
  sqlite3_reset (stmt);

  /* Callers read the id of the row they inserted, not of the seal. */
  sqlite3_set_last_insert_rowid (db, last_rowid);
  bal_identity_learn (bal_identity_get_fingerprint (identity), bal_project_get_actor (project));

  if (sealed_id != NULL)
    *sealed_id = audit_id;
  if (sealed_hash != NULL)
    *sealed_hash = g_steal_pointer (&hash);

  return TRUE;
}

static void
add_finding (GPtrArray  *findings,
             gint64      audit_id,
             gint64      job_id,
             const char *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_finding (GPtrArray  *findings,
             gint64      audit_id,
             gint64      job_id,
             const char *format,
             ...)
{
  BalIntegrityFinding *finding = g_new0 (BalIntegrityFinding, 1);
  va_list args;

  va_start (args, format);
  finding->audit_id = audit_id;
  finding->job_id = job_id;
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (findings, finding);
}

static const char *
row_kind (const char *table)
{
  if (g_str_equal (table, "decision"))
    return _("decision");
  if (g_str_equal (table, "decision_verdict"))
    return _("verdict of a decision");
  if (g_str_equal (table, "job_status"))
    return _("status");
  if (g_str_equal (table, "remark"))
    return _("remark");
  if (g_str_equal (table, "job"))
    return _("job");
  if (g_str_equal (table, "answer"))
    return _("answer");
  if (g_str_equal (table, "project"))
    return _("review-copy mark");
  if (g_str_equal (table, "question") || g_str_equal (table, "question_option"))
    return _("questionnaire entry");
  if (g_str_equal (table, "objection"))
    return _("objection");
  if (g_str_equal (table, "notice"))
    return _("notice");
  if (g_str_equal (table, "job_description"))
    return _("job description version");
  if (g_str_equal (table, "description_signoff"))
    return _("sign-off of a job description");
  if (g_str_equal (table, "salary_scale"))
    return _("salary scale");
  if (g_str_equal (table, "method_rule"))
    return _("method rule");
  return _("handbook entry");
}

/* The rows of audited table @i that differ from the newest state its log
 * gives them (changed, added or removed without the log): key and job. */
static char *
cross_check_sql (guint i)
{
  return g_strdup_printf ("WITH cur AS (SELECT %s AS k, %s AS j, %s AS v FROM %s), "
                          "log AS (SELECT a.row_key AS k, a.job_id AS j, a.action, a.new_value AS v FROM audit_log AS a "
                          "        WHERE a.table_name = '%s' AND a.id = (SELECT max (b.id) FROM audit_log AS b "
                          "                                               WHERE b.table_name = '%s' AND b.row_key = a.row_key)) "
                          "SELECT k, coalesce (j, 0), 1 FROM cur "
                          " WHERE NOT EXISTS (SELECT 1 FROM log WHERE log.k = cur.k AND log.action <> 'delete' AND log.v IS cur.v) "
                          "UNION ALL "
                          "SELECT k, coalesce (j, 0), 0 FROM log "
                          " WHERE action <> 'delete' AND NOT EXISTS (SELECT 1 FROM cur WHERE cur.k = log.k)",
                          audited_tables[i].key, audited_tables[i].job, audited_tables[i].value,
                          audited_tables[i].table, audited_tables[i].table, audited_tables[i].table);
}

typedef struct
{
  char   *key;
  gint64  job_id;
  gboolean in_table;
} Mismatch;

static void
mismatch_free (Mismatch *mismatch)
{
  g_free (mismatch->key);
  g_free (mismatch);
}

static GPtrArray *
cross_check_table (BalProject  *project,
                   guint        i,
                   GError     **error)
{
  g_autoptr(GPtrArray) mismatches = g_ptr_array_new_with_free_func ((GDestroyNotify)mismatch_free);
  g_autofree char *sql = cross_check_sql (i);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Mismatch *mismatch = g_new0 (Mismatch, 1);

      mismatch->key = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      mismatch->job_id = sqlite3_column_int64 (stmt, 1);
      mismatch->in_table = sqlite3_column_int (stmt, 2) != 0;
      g_ptr_array_add (mismatches, mismatch);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&mismatches);
}

/* When a file comes up to schema step 6: every row the log does not yet
 * describe as it is gets an entry in the name of the user who brings the
 * file up to date, and the log is sealed as an upgrade. */
gboolean
bal_audit_baseline (BalProject  *project,
                    GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    {
      g_autoptr(GPtrArray) mismatches = cross_check_table (project, i, error);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      if (mismatches == NULL)
        return FALSE;
      if (mismatches->len == 0)
        continue;

      sql = g_strdup_printf ("INSERT INTO audit_log (at, actor, table_name, row_key, job_id, action, old_value, new_value, hash) "
                             "SELECT e.at, e.actor, '%s', e.k, nullif (?2, 0), e.action, NULL, e.v, "
                             "       balans_audit_hash ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), "
                             "                          e.at, e.actor, '%s', e.k, e.action, NULL, e.v) "
                             "FROM (SELECT strftime ('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now') AS at, balans_actor () AS actor, ?1 AS k, "
                             "             v, CASE WHEN v IS NULL THEN 'delete' ELSE 'update' END AS action "
                             "      FROM (SELECT (SELECT %s FROM %s WHERE %s = ?1) AS v)) AS e",
                             audited_tables[i].table, audited_tables[i].table,
                             audited_tables[i].value, audited_tables[i].table, audited_tables[i].key);
      stmt = bal_project_prepare (project, sql, error);
      if (stmt == NULL)
        return FALSE;

      for (guint m = 0; m < mismatches->len; m++)
        {
          Mismatch *mismatch = g_ptr_array_index (mismatches, m);

          sqlite3_bind_text (stmt, 1, mismatch->key, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, mismatch->job_id);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              sqlite3_reset (stmt);
              bal_project_set_sqlite_error (project, error);
              return FALSE;
            }
          sqlite3_reset (stmt);
        }
    }

  return bal_audit_seal (project, "upgrade", NULL, NULL, error);
}

typedef struct
{
  guint8     public_key[BAL_IDENTITY_PUBLIC_KEY_SIZE];
  GPtrArray *names;
  gboolean   valid;     /* the fingerprint is the key's */
  gboolean   trusted;   /* no name of it is known with another key */
} Signer;

static void
signer_free (Signer *signer)
{
  g_ptr_array_unref (signer->names);
  g_free (signer);
}

static char *
signer_names (Signer *signer)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < signer->names->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", (char *)g_ptr_array_index (signer->names, i));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GHashTable *
load_signers (BalProject  *project,
              GPtrArray   *findings,
              GError     **error)
{
  g_autoptr(GHashTable) signers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)signer_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project, "SELECT fingerprint, name, public_key FROM signer ORDER BY rowid", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *fingerprint = (const char *)sqlite3_column_text (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      Signer *signer = g_hash_table_lookup (signers, fingerprint);
      g_auto(GStrv) known = NULL;

      if (signer == NULL)
        {
          g_autofree char *computed = NULL;

          signer = g_new0 (Signer, 1);
          signer->names = g_ptr_array_new_with_free_func (g_free);
          if (sqlite3_column_bytes (stmt, 2) == BAL_IDENTITY_PUBLIC_KEY_SIZE)
            {
              memcpy (signer->public_key, sqlite3_column_blob (stmt, 2), BAL_IDENTITY_PUBLIC_KEY_SIZE);
              computed = bal_identity_fingerprint_for (signer->public_key);
            }
          signer->valid = g_strcmp0 (computed, fingerprint) == 0;
          signer->trusted = TRUE;
          g_hash_table_insert (signers, g_strdup (fingerprint), signer);
        }
      else if (sqlite3_column_bytes (stmt, 2) != BAL_IDENTITY_PUBLIC_KEY_SIZE ||
               memcmp (signer->public_key, sqlite3_column_blob (stmt, 2), BAL_IDENTITY_PUBLIC_KEY_SIZE) != 0)
        signer->valid = FALSE;

      g_ptr_array_add (signer->names, g_strdup (name));

      /* A key swapped in the file does not help: the keys this user has
       * seen, each with its name, are kept outside it. */
      known = bal_identity_known_fingerprints (name);
      if (known[0] != NULL && !g_strv_contains ((const char * const *)known, fingerprint))
        {
          signer->trusted = FALSE;
          add_finding (findings, 0, 0,
                       _("The key with fingerprint %s claims to be %s’s, but %s’s key is %s."),
                       fingerprint, name, name, known[0]);
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&signers);
}

typedef struct
{
  gint64  id;
  gint64  job_id;
  char   *actor;
} Pending;

static void
pending_clear (Pending *pending)
{
  g_free (pending->actor);
}

/* Everything in the log and the tables that Balans did not write, added to
 * @findings (none: the project is as Balans left it). FALSE only when the
 * file could not be read. When nothing is found, this user has now seen the
 * log up to its newest row and the keys that sealed it. */
gboolean
bal_audit_verify_integrity (BalProject  *project,
                            GPtrArray   *findings,
                            GError     **error)
{
  g_autoptr(GHashTable) signers = NULL;
  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_autofree char *prev = NULL;
  g_autofree char *seen_hash = NULL;
  const char *uuid = bal_project_get_uuid (project);
  guint n_before = findings->len;
  gboolean seen_found = FALSE;
  gint64 seen_id = 0;
  gint64 verified_up_to = 0;
  gint64 expected_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  signers = load_signers (project, findings, error);
  if (signers == NULL)
    return FALSE;

  g_array_set_clear_func (pending, (GDestroyNotify)pending_clear);
  if (uuid == NULL || !bal_identity_get_seen_head (uuid, &seen_id, &seen_hash))
    seen_id = 0;

  /* When the entry this user saw last is still there with the same hash,
   * every entry up to it is what this user verified before: the chain,
   * recomputed below, ties each of them to that hash. Their signatures need
   * not be checked again, which is most of the time an open takes. */
  if (seen_id != 0)
    {
      stmt = bal_project_prepare (project, "SELECT hash FROM audit_log WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, seen_id);
      verified_up_to = sqlite3_step (stmt) == SQLITE_ROW &&
                       g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), seen_hash) == 0
                       ? seen_id : 0;
      sqlite3_reset (stmt);
    }

  stmt = bal_project_prepare (project,
                              "SELECT l.id, l.at, l.actor, l.table_name, l.row_key, l.action, l.old_value, l.new_value, l.hash, "
                              "       coalesce (l.job_id, 0), s.kind, s.fingerprint, s.signature "
                              "FROM audit_log AS l LEFT JOIN audit_seal AS s ON s.audit_id = l.id ORDER BY l.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *actor = (const char *)sqlite3_column_text (stmt, 2);
      const char *stored = (const char *)sqlite3_column_text (stmt, 8);
      gint64 job_id = sqlite3_column_int64 (stmt, 9);
      g_autofree char *hash = bal_audit_hash (prev,
                                              (const char *)sqlite3_column_text (stmt, 1), actor,
                                              (const char *)sqlite3_column_text (stmt, 3),
                                              (const char *)sqlite3_column_text (stmt, 4),
                                              (const char *)sqlite3_column_text (stmt, 5),
                                              (const char *)sqlite3_column_text (stmt, 6),
                                              (const char *)sqlite3_column_text (stmt, 7));
      Pending row = { id, job_id, g_strdup (actor) };

      if (expected_id != 0 && id != expected_id)
        add_finding (findings, id, job_id, _("Audit entries %lld to %lld were removed outside Balans."),
                     (long long)expected_id, (long long)id - 1);
      if (g_strcmp0 (hash, stored) != 0)
        add_finding (findings, id, job_id, _("Audit entry %lld was changed outside Balans: it does not match the entries before it."),
                     (long long)id);
      if (seen_id == id)
        {
          seen_found = TRUE;
          if (g_strcmp0 (seen_hash, stored) != 0)
            add_finding (findings, id, job_id, _("Audit entry %lld is not the one you saw before in this project: it was changed outside Balans."),
                         (long long)id);
        }

      g_free (prev);
      prev = g_strdup (stored);
      expected_id = id + 1;
      g_array_append_val (pending, row);

      if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
        {
          const char *kind = (const char *)sqlite3_column_text (stmt, 10);
          const char *fingerprint = (const char *)sqlite3_column_text (stmt, 11);
          Signer *signer = g_hash_table_lookup (signers, fingerprint);
          g_autofree char *message = seal_message (uuid, kind, id, stored);
          g_autofree char *names = signer ? signer_names (signer) : NULL;
          const char *problem = NULL;
          gboolean ok;

          ok = signer != NULL && signer->valid &&
               sqlite3_column_bytes (stmt, 12) == BAL_IDENTITY_SIGNATURE_SIZE &&
               (id <= verified_up_to ||
                bal_identity_verify (signer->public_key, message, sqlite3_column_blob (stmt, 12)));

          if (!ok)
            problem = _("its signature does not match");
          else if (!signer->trusted)
            problem = _("it was signed with a key that is not its signer’s");

          for (guint p = 0; p < pending->len; p++)
            {
              Pending *row_p = &g_array_index (pending, Pending, p);

              if (problem != NULL)
                add_finding (findings, row_p->id, row_p->job_id,
                             _("Audit entry %lld was changed outside Balans: %s."), (long long)row_p->id, problem);
              else if (g_strcmp0 (kind, "edit") == 0 &&
                       !g_ptr_array_find_with_equal_func (signer->names, row_p->actor, g_str_equal, NULL))
                add_finding (findings, row_p->id, row_p->job_id,
                             _("Audit entry %lld names %s, but was signed by %s (%s)."),
                             (long long)row_p->id, row_p->actor, names, fingerprint);
            }
          g_array_set_size (pending, 0);
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return FALSE;
    }

  for (guint p = 0; p < pending->len; p++)
    {
      Pending *row_p = &g_array_index (pending, Pending, p);

      add_finding (findings, row_p->id, row_p->job_id,
                   _("Audit entry %lld was added outside Balans: no one signed it."), (long long)row_p->id);
    }

  if (seen_id != 0 && !seen_found)
    add_finding (findings, seen_id, 0,
                 _("The audit log ends before entry %lld, which you saw before in this project: entries were removed outside Balans."),
                 (long long)seen_id);

  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    {
      g_autoptr(GPtrArray) mismatches = cross_check_table (project, i, error);

      if (mismatches == NULL)
        return FALSE;

      for (guint m = 0; m < mismatches->len; m++)
        {
          Mismatch *mismatch = g_ptr_array_index (mismatches, m);

          add_finding (findings, 0, mismatch->job_id,
                       mismatch->in_table
                         ? _("The %s %s was changed outside Balans: it is not what the audit log says.")
                         : _("The %s %s was removed outside Balans: the audit log still has it."),
                       row_kind (audited_tables[i].table), mismatch->key);
        }
    }

  if (findings->len == n_before)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, signers);
      while (g_hash_table_iter_next (&iter, &key, &value))
        for (guint n = 0; n < ((Signer *)value)->names->len; n++)
          bal_identity_learn (key, g_ptr_array_index (((Signer *)value)->names, n));
      if (prev != NULL && uuid != NULL)
        bal_identity_set_seen_head (uuid, expected_id - 1, prev);
    }

  return TRUE;
}

/* The newest sealed entry and a fingerprint of its hash, for people to
 * write down and compare: "entry 412, 3f9a 07c1 5d2e 88b0". NULL when the
 * log is empty. */
char *
bal_audit_head_fingerprint (BalProject *project)
{
  sqlite3_stmt *stmt;
  char *fingerprint = NULL;

  stmt = bal_project_prepare (project,
                              "SELECT l.id, l.hash FROM audit_log AS l JOIN audit_seal AS s ON s.audit_id = l.id "
                              "ORDER BY l.id DESC LIMIT 1",
                              NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *hash = (const char *)sqlite3_column_text (stmt, 1);

      if (hash != NULL && strlen (hash) >= 16)
        fingerprint = g_strdup_printf (_("entry %lld, %.4s %.4s %.4s %.4s"),
                                       (long long)sqlite3_column_int64 (stmt, 0),
                                       hash, hash + 4, hash + 8, hash + 12);
    }
  sqlite3_reset (stmt);

  return fingerprint;
}

void
bal_signer_free (BalSigner *signer)
{
  if (signer == NULL)
    return;

  g_free (signer->name);
  g_free (signer->fingerprint);
  g_free (signer);
}

/* The people who signed this project's log, each with the fingerprint of
 * the key they signed with, by name. */
GPtrArray *
bal_audit_signers (BalProject  *project,
                   GError     **error)
{
  g_autoptr(GPtrArray) signers = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_signer_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project, "SELECT name, fingerprint FROM signer ORDER BY name, fingerprint", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BalSigner *signer = g_new0 (BalSigner, 1);

      signer->name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      signer->fingerprint = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      g_ptr_array_add (signers, signer);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&signers);
}

void
bal_audit_sentence_free (BalAuditSentence *sentence)
{
  if (sentence == NULL)
    return;

  g_free (sentence->at);
  g_free (sentence->text);
  g_free (sentence);
}

/* "24 November 2026" in the user's language, from an ISO 8601 time. */
static char *
sentence_date (const char *at)
{
  g_autoptr(GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (at ? at : "");

  /* TRANSLATORS: the date in a sentence of the audit trail, as strftime */
  return g_date_time_format (local, C_("audit date", "%-d %B %Y"));
}

enum
{
  S_ID, S_AT, S_ACTOR, S_TABLE, S_KEY, S_JOB, S_ACTION, S_OLD_NULL, S_TITLE,
  S_GRADE, S_REFERENCE, S_DEPARTURE, S_PROPOSED, S_STATUS, S_NOTE, S_ROLE, S_TEXT, S_RESOLVED, S_OLD_RESOLVED,
  S_QUESTION, S_NEW_TITLE, S_OLD_TITLE, S_DELETED, S_REASONS, S_ADVICE_DATE, S_OLD_ADVICE_DATE, S_OUTCOME,
  S_OLD_OUTCOME, S_APPEAL, S_OLD_APPEAL, S_VERSION, S_DEADLINE, S_SCALE_NAME, S_REVIEW_COPY, S_HANDBOOK,
  S_OUTCOME_NOTE,
};

static const char *
col (sqlite3_stmt *stmt,
     int           i)
{
  const char *text = (const char *)sqlite3_column_text (stmt, i);

  return text ? text : "";
}

/* One entry as a sentence, or NULL for an entry that is part of another
 * (a decision's verdicts) or of the handbook's detail. */
static char *
entry_sentence (sqlite3_stmt *stmt)
{
  const char *table = col (stmt, S_TABLE);
  const char *action = col (stmt, S_ACTION);
  const char *who = col (stmt, S_ACTOR);
  const char *job = col (stmt, S_TITLE);
  g_autofree char *when = sentence_date (col (stmt, S_AT));
  gboolean insert = g_str_equal (action, "insert");
  gboolean update = g_str_equal (action, "update");

  /* A row logged when an older file was brought up to date. */
  if (update && sqlite3_column_int (stmt, S_OLD_NULL) && !g_str_equal (table, "project"))
    return NULL;

  if (g_str_equal (table, "decision") && insert)
    {
      if (*col (stmt, S_DEPARTURE) != '\0')
        /* TRANSLATORS: who, grade, job, date, the proposed grade, the reason */
        return g_strdup_printf (_("%s recorded grade %s for %s on %s, departing from the proposal %s: %s"),
                                who, col (stmt, S_GRADE), job, when, col (stmt, S_PROPOSED), col (stmt, S_DEPARTURE));
      /* TRANSLATORS: who, grade, job, date, reference function code */
      return g_strdup_printf (_("%s recorded grade %s for %s on %s, compared with %s."),
                              who, col (stmt, S_GRADE), job, when, col (stmt, S_REFERENCE));
    }
  if (g_str_equal (table, "job_status") && insert)
    {
      const char *label = bal_review_status_label (col (stmt, S_STATUS));

      if (*col (stmt, S_NOTE) != '\0')
        return g_strdup_printf (_("%s set %s to “%s” on %s: %s"), who, job, label, when, col (stmt, S_NOTE));
      return g_strdup_printf (_("%s set %s to “%s” on %s."), who, job, label, when);
    }
  if (g_str_equal (table, "remark"))
    {
      if (insert)
        return g_strdup_printf (_("%s (%s) made a remark on %s on %s: %s"),
                                who, bal_review_role_label (col (stmt, S_ROLE)), job, when, col (stmt, S_TEXT));
      if (update && *col (stmt, S_RESOLVED) && !*col (stmt, S_OLD_RESOLVED))
        return g_strdup_printf (_("%s resolved a remark on %s on %s: %s"), who, job, when, col (stmt, S_TEXT));
      if (g_str_equal (action, "delete"))
        return g_strdup_printf (_("%s removed a remark on %s on %s."), who, job, when);
      return g_strdup_printf (_("%s changed a remark on %s on %s."), who, job, when);
    }
  if (g_str_equal (table, "answer"))
    {
      if (g_str_equal (action, "delete"))
        return g_strdup_printf (_("%s cleared the answer to “%s” for %s on %s."), who, col (stmt, S_QUESTION), job, when);
      return g_strdup_printf (_("%s answered “%s” for %s on %s."), who, col (stmt, S_QUESTION), job, when);
    }
  if (g_str_equal (table, "job"))
    {
      if (insert)
        return g_strdup_printf (_("%s added the job %s on %s."), who, col (stmt, S_NEW_TITLE), when);
      if (g_str_equal (action, "delete"))
        return g_strdup_printf (_("%s removed the job %s on %s."), who, col (stmt, S_OLD_TITLE), when);
      if (*col (stmt, S_DELETED) != '\0')
        return g_strdup_printf (_("%s deleted the job %s on %s."), who, col (stmt, S_NEW_TITLE), when);
      if (g_strcmp0 (col (stmt, S_NEW_TITLE), col (stmt, S_OLD_TITLE)) != 0)
        return g_strdup_printf (_("%s renamed the job %s to %s on %s."), who, col (stmt, S_OLD_TITLE), col (stmt, S_NEW_TITLE), when);
      return g_strdup_printf (_("%s changed the details of %s on %s."), who, col (stmt, S_NEW_TITLE), when);
    }
  if (g_str_equal (table, "objection"))
    {
      if (insert)
        return g_strdup_printf (_("%s lodged an objection against the grading of %s on %s: %s"),
                                who, job, when, col (stmt, S_REASONS));
      if (*col (stmt, S_OUTCOME) && !*col (stmt, S_OLD_OUTCOME))
        return g_strdup_printf (g_str_equal (col (stmt, S_OUTCOME), "upheld")
                                ? _("%s recorded the employer’s decision on the objection about %s on %s: the grading stands. %s")
                                : _("%s recorded the employer’s decision on the objection about %s on %s: the grading is revised. %s"),
                                who, job, when, col (stmt, S_OUTCOME_NOTE));
      if (*col (stmt, S_ADVICE_DATE) && g_strcmp0 (col (stmt, S_ADVICE_DATE), col (stmt, S_OLD_ADVICE_DATE)) != 0)
        return g_strdup_printf (_("%s recorded the committee’s advice on the objection about %s on %s."), who, job, when);
      if (g_strcmp0 (col (stmt, S_APPEAL), col (stmt, S_OLD_APPEAL)) != 0)
        return g_strdup_printf (_("%s recorded that an external appeal followed the objection about %s, on %s."), who, job, when);
      return g_strdup_printf (_("%s changed the objection about %s on %s."), who, job, when);
    }
  if (g_str_equal (table, "job_description") && insert)
    return g_strdup_printf (_("%s took version %s of the description of %s on %s."), who, col (stmt, S_VERSION), job, when);
  if (g_str_equal (table, "description_signoff") && insert)
    {
      g_auto(GStrv) key = g_strsplit (col (stmt, S_KEY), "/", 3);
      const char *kind = g_strv_length (key) == 3 ? key[1] : "";
      const char *name = g_strv_length (key) == 3 ? key[2] : "";

      return g_strdup_printf (g_str_equal (kind, "agreed")
                              ? _("%s recorded that %s agreed to the description of %s on %s.")
                              : _("%s recorded that %s saw the description of %s on %s."),
                              who, name, job, when);
    }
  if (g_str_equal (table, "notice") && insert)
    return g_strdup_printf (_("%s issued the notice for %s on %s; objections until %s."), who, job, when, col (stmt, S_DEADLINE));
  if (g_str_equal (table, "salary_scale"))
    return g_strdup_printf (_("%s set the salary scale of grade %s to %s on %s."), who, col (stmt, S_KEY), col (stmt, S_SCALE_NAME), when);
  if (g_str_equal (table, "method_rule"))
    return g_strdup_printf (_("%s set the method’s rules on %s."), who, when);
  if (g_str_equal (table, "project") && update)
    return g_strdup_printf (g_str_equal (col (stmt, S_REVIEW_COPY), "1")
                            ? _("%s sent the project for review on %s.")
                            : _("%s ended the review on %s."), who, when);
  if (g_str_equal (table, "handbook") && insert)
    return g_strdup_printf (_("%s loaded the handbook %s on %s."), who, col (stmt, S_HANDBOOK), when);

  return NULL;
}

/* The audit trail about @job_id (all jobs when 0) as sentences in the
 * user's language, oldest first: "Sanne Jansen recorded grade D for
 * Medewerker klantenservice on 24 November 2026, departing from the
 * proposal E: …". Entries that are part of another (a decision's verdicts,
 * the handbook's detail) are left out. One query. */
GPtrArray *
bal_audit_sentences (BalProject  *project,
                     gint64       job_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_audit_sentence_free);
  sqlite3_stmt *stmt;
  int rc;

#define NV(key) "json_extract (l.nv, '$." key "')"
#define OV(key) "json_extract (l.ov, '$." key "')"
/* @filter chooses the entries: by job, or all, each with its own plan. */
#define SENTENCES_SQL(filter) \
  "WITH l AS (SELECT a.*, CASE WHEN json_valid (a.new_value) THEN a.new_value END AS nv, " \
  "                 CASE WHEN json_valid (a.old_value) THEN a.old_value END AS ov " \
  "           FROM audit_log a WHERE " filter " " \
  "             AND a.table_name NOT IN ('decision_verdict', 'grade', 'characteristic', " \
  "               'characteristic_level', 'family', 'reference_function', 'alternative_title', " \
  "               'activity_group', 'activity', 'application_rule', 'reference_profile', 'question', " \
  "               'question_option')) " \
  "SELECT l.id, l.at, l.actor, l.table_name, l.row_key, coalesce (l.job_id, 0), l.action, " \
  "  l.old_value IS NULL, coalesce (j.title, " NV ("title") ", " OV ("title") ", ''), " \
  "  " NV ("grade") ", " NV ("reference") ", " NV ("departure") ", d.proposed_grade, " \
  "  " NV ("status") ", " NV ("note") ", " NV ("role") ", " NV ("text") ", " \
  "  " NV ("resolved") ", " OV ("resolved") ", coalesce (q.text, " NV ("question") ", " OV ("question") "), " \
  "  " NV ("title") ", " OV ("title") ", " NV ("deleted") ", " NV ("reasons") ", " \
  "  " NV ("committee_date") ", " OV ("committee_date") ", " NV ("outcome") ", " OV ("outcome") ", " \
  "  " NV ("appeal") ", " OV ("appeal") ", " NV ("version") ", " NV ("deadline") ", " NV ("name") ", " \
  "  " NV ("review_copy") ", " NV ("name") ", " NV ("outcome_note") " " \
  "FROM l LEFT JOIN job j ON j.id = l.job_id " \
  "LEFT JOIN decision d ON l.table_name = 'decision' AND d.id = CAST (l.row_key AS INTEGER) " \
  "LEFT JOIN question q ON l.table_name = 'answer' " \
  "  AND q.id = coalesce (" NV ("question") ", " OV ("question") ") " \
  "ORDER BY l.id"

  /* By job through the index on audit_log (job_id); the whole log once. */
  stmt = bal_project_prepare (project,
                              job_id != 0 ? SENTENCES_SQL ("a.job_id = ?1") : SENTENCES_SQL ("?1 = 0"),
                              error);
#undef SENTENCES_SQL
#undef NV
#undef OV
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, job_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *text = entry_sentence (stmt);
      BalAuditSentence *sentence;

      if (text == NULL)
        continue;
      sentence = g_new0 (BalAuditSentence, 1);
      sentence->id = sqlite3_column_int64 (stmt, S_ID);
      sentence->job_id = sqlite3_column_int64 (stmt, S_JOB);
      sentence->at = g_strdup (col (stmt, S_AT));
      sentence->text = text;
      g_ptr_array_add (sentences, sentence);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&sentences);
}
