/* test-integrity.c: project files from someone else, made by the test with
 * the sqlite3 library as an attacker would, opened by Balans
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bal-audit.h"
#include "bal-demo.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-identity.h"
#include "bal-jobs.h"
#include "bal-review.h"
#include "test-cli-util.h"
#include "bal-project-private.h"

typedef struct
{
  char       *dir;
  char       *path;
  char       *user_dir;
  gint64      job;
  gint64      decision;
} Fixture;

/* A project as a consultant sends it: a job, a decision, a status, a
 * remark, and a soft-deleted job that the next writable open purges. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalJob) job = bal_job_new ();
  g_autoptr(BalJob) other = bal_job_new ();
  BalDecisionInput input = { "KS.02", "D", "Gelijk aan KS.02.", "Zo besloten.", "Iris", NULL, NULL };
  gint64 other_id;

  f->dir = g_dir_make_tmp ("balans-integrity-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "klant.balans", NULL);
  f->user_dir = g_build_filename (f->dir, "consultant", NULL);
  g_setenv ("BALANS_DATA_DIR", f->user_dir, TRUE);

  file = g_file_new_for_path (f->path);
  project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
  bal_project_set_author (project, "Iris de Vries", "evaluator");

  g_free (job->title);
  job->title = g_strdup ("Medewerker klantenservice");
  f->job = bal_jobs_add (project, job, &error);
  g_assert_no_error (error);
  f->decision = bal_grading_decide (project, f->job, &input, &error);
  g_assert_no_error (error);
  g_assert_true (bal_review_set_status (project, f->job, "proposed", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bal_review_add_remark (project, f->job, "manager", "Piet", "Akkoord", &error), >, 0);
  g_assert_no_error (error);

  g_free (other->title);
  other->title = g_strdup ("Vervallen functie");
  other_id = bal_jobs_add (project, other, &error);
  g_assert_no_error (error);
  g_assert_true (bal_jobs_delete (project, other_id, &error));
  g_assert_no_error (error);
  bal_project_close (project);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bal_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->user_dir);
  g_free (f->dir);
}

static void
assert_unchanged (GBytes     *before,
                  const char *path)
{
  g_autoptr(GBytes) after = bal_test_file_bytes (path);

  g_assert_true (g_bytes_equal (before, after));
}

/* The file is refused by Balans and by balans-cli, naming @object, and not
 * a byte of it changes. */
static void
assert_refused (Fixture    *f,
                const char *object)
{
  g_autoptr(GBytes) before = bal_test_file_bytes (f->path);
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalRun) info = NULL;
  g_autoptr(BalRun) check = NULL;
  gint64 start = g_get_monotonic_time ();

  project = bal_project_open (file, &error);
  g_assert_null (project);
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, object));
  g_assert_nonnull (strstr (error->message, "changed outside Balans"));
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  project = bal_project_open_for_reading (file, &error);
  g_assert_null (project);
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_UNTRUSTED);

  info = bal_run_cli ("info", f->path, NULL);
  g_assert_cmpint (info->status, ==, 1);
  g_assert_nonnull (strstr (info->err, object));
  check = bal_run_cli ("check", f->path, NULL);
  g_assert_cmpint (check->status, ==, 1);
  g_assert_nonnull (strstr (check->err, object));

  /* Refused at once: nothing of the file's schema ran. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  assert_unchanged (before, f->path);
}

static void
test_trigger_on_open (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *decisions = NULL;

  /* Fired by the purge of deleted jobs that a writable open runs: it would
   * record a decision in the victim's name. */
  bal_test_attack (f->path,
          "CREATE TRIGGER job_purge_log AFTER DELETE ON job BEGIN "
          "  INSERT INTO decision (job_id, reference_code, grade, verdict, justification, decided) "
          "  SELECT id, 'KS.02', 'L', 'heavier', 'Zo besloten.', '2026-01-01' FROM job WHERE deleted IS NULL; "
          "END;");
  assert_refused (f, "job_purge_log");
  decisions = bal_test_query_text (f->path, "SELECT count(*) FROM decision");
  g_assert_cmpstr (decisions, ==, "1");
}

static void
test_recursive_hang (Fixture       *f,
                     gconstpointer  data)
{
  bal_test_attack (f->path,
          "CREATE TRIGGER job_forever AFTER DELETE ON job BEGIN "
          "  SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c); "
          "END;");
  assert_refused (f, "job_forever");
}

static void
test_unknown_view (Fixture       *f,
                   gconstpointer  data)
{
  bal_test_attack (f->path, "CREATE VIEW jobs_overview AS SELECT * FROM job;");
  assert_refused (f, "jobs_overview");
}

static void
test_altered_trigger (Fixture       *f,
                      gconstpointer  data)
{
  bal_test_attack (f->path,
          "DROP TRIGGER decision_is_final; "
          "CREATE TRIGGER decision_is_final BEFORE UPDATE ON decision BEGIN SELECT 1; END;");
  assert_refused (f, "decision_is_final");
}

/* No statement runs forever, whatever the file: the progress handler stops
 * it with a message. */
static void
test_statement_bounded (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = bal_project_open (file, &error);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  stmt = bal_project_prepare (project,
                              "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_INTERRUPT);
  bal_project_set_sqlite_error (project, &error);
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, "took too long"));
  sqlite3_reset (stmt);
}

static GPtrArray *
open_findings (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = bal_project_open_for_reading (file, &error);

  g_assert_no_error (error);

  return g_ptr_array_ref (bal_project_get_findings (project));
}

static guint
count_findings (Fixture *f)
{
  g_autoptr(GPtrArray) findings = open_findings (f);

  return findings->len;
}

static gboolean
has_finding (GPtrArray  *findings,
             const char *text,
             gint64      job_id)
{
  for (guint i = 0; i < findings->len; i++)
    {
      BalIntegrityFinding *finding = g_ptr_array_index (findings, i);

      if (strstr (finding->message, text) != NULL && (job_id == 0 || finding->job_id == job_id))
        return TRUE;
    }

  return FALSE;
}

static void
assert_check_names (Fixture    *f,
                    const char *text)
{
  g_autoptr(BalRun) check = bal_run_cli ("check", f->path, NULL);

  g_assert_cmpint (check->status, ==, 1);
  g_assert_nonnull (strstr (check->out, "Changed outside Balans"));
  g_assert_nonnull (strstr (check->out, text));
}

static void
test_clean (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = open_findings (f);
  g_autoptr(BalRun) check = bal_run_cli ("check", f->path, NULL);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s", ((BalIntegrityFinding *)g_ptr_array_index (findings, i))->message);
  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_cmpint (check->status, ==, 0);
  g_assert_nonnull (strstr (check->out, "every entry is signed"));
  g_assert_nonnull (strstr (check->out, "Audit log head: entry "));
}

/* A handbook imported over itself: every reference function deleted and
 * stored again with its activities, titles, rules and profile, the rows
 * written a table at a time. The log describes every row as it is, text
 * with quotes, backslashes and tabs included, and the chain verifies. */
static void
test_handbook_reimport (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *document = g_build_filename (f->dir, "handboek.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GFile) source = g_file_new_for_path (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalReference) reference = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  BalActivityGroup *group;
  const char *text =
    "# Functiefamilie\nKlantenservice\n\n## Referentiefunctie\nKS.90 Medewerker \"klantcontact\"\n\n"
    "## Inschaling\nE\n\n## Doel van de functie\nBeantwoordt vragen\\antwoorden via chat.\n\n"
    "## Typering van de activiteiten\nA. Contact \"leggen\"\n1. Beantwoordt vragen\tper chat \\ mail.\n"
    "2. Legt afspraken vast in het CRM-systeem.\nB. Nazorg\n1. Belt klanten na.\n\n"
    "## Toepassingsregels\nLichter\tAls lichter.\tD\nGelijk\tAls gelijk.\tE\nZwaarder\tAls zwaarder.\tF\n";

  g_assert_true (g_file_set_contents (document, text, -1, NULL));
  project = bal_project_open (file, &error);
  g_assert_no_error (error);
  for (int round = 0; round < 2; round++)
    {
      BalImportResult *parsed = bal_handbook_parse_file (source, NULL, NULL);
      g_autoptr(BalImportReport) report = bal_handbook_import (project, source, parsed, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (report->imported->len, ==, 1);
      g_clear_pointer (&report, bal_import_report_free);
      bal_import_result_free (parsed);
      g_assert_true (bal_handbook_load_demo (project, &error));
      g_assert_no_error (error);
    }

  reference = bal_handbook_get_reference (project, "KS.90", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reference->doc->title, ==, "Medewerker \"klantcontact\"");
  g_assert_cmpuint (reference->doc->activities->len, ==, 2);
  group = g_ptr_array_index (reference->doc->activities, 0);
  g_assert_cmpuint (group->items->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (group->items, 0), ==, "Beantwoordt vragen\tper chat \\ mail.");
  g_assert_cmpstr (reference->doc->rules[1].grade, ==, "E");
  bal_project_close (project);

  findings = open_findings (f);
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s", ((BalIntegrityFinding *)g_ptr_array_index (findings, i))->message);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* The decision_is_final trigger dropped, the grade changed, the trigger
 * made again: the schema is ours, but the decision is not what the signed
 * log says. */
static void
test_decision_edited (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(BalRun) history = NULL;
  g_autofree char *decision = g_strdup_printf ("decision %" G_GINT64_FORMAT " was changed outside Balans", f->decision);

  bal_test_attack (f->path,
          "DROP TRIGGER decision_is_final; "
          "UPDATE decision SET grade = 'L'; "
          BAL_TEST_DECISION_IS_FINAL);

  findings = open_findings (f);
  g_assert_true (has_finding (findings, decision, f->job));
  assert_check_names (f, decision);

  /* Every command says so. */
  history = bal_run_cli ("history", f->path, "Medewerker klantenservice", NULL);
  g_assert_cmpint (history->status, ==, 0);
  g_assert_nonnull (strstr (history->err, "changed outside Balans"));
}

/* The attacker rewrites the log to match, hashes and all: the chain holds,
 * the signatures do not. */
static void
rewrite_log (Fixture *f)
{
  g_autoptr(GString) sql = g_string_new ("DROP TRIGGER decision_is_final; DROP TRIGGER audit_log_no_update; "
                                         "UPDATE decision SET grade = 'L'; ");
  g_autofree char *prev = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, at, actor, table_name, row_key, action, old_value, "
                                           "CASE table_name WHEN 'decision' THEN replace (new_value, '\"grade\":\"D\"', '\"grade\":\"L\"') "
                                           "ELSE new_value END "
                                           "FROM audit_log ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *hash = bal_audit_hash (prev,
                                              (const char *)sqlite3_column_text (stmt, 1),
                                              (const char *)sqlite3_column_text (stmt, 2),
                                              (const char *)sqlite3_column_text (stmt, 3),
                                              (const char *)sqlite3_column_text (stmt, 4),
                                              (const char *)sqlite3_column_text (stmt, 5),
                                              (const char *)sqlite3_column_text (stmt, 6),
                                              (const char *)sqlite3_column_text (stmt, 7));
      char *row = sqlite3_mprintf ("UPDATE audit_log SET new_value = %Q, hash = %Q WHERE id = %lld; ",
                                   (const char *)sqlite3_column_text (stmt, 7), hash,
                                   (long long)sqlite3_column_int64 (stmt, 0));

      g_string_append (sql, row);
      sqlite3_free (row);
      g_free (prev);
      prev = g_steal_pointer (&hash);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_string_append (sql,
                   BAL_TEST_DECISION_IS_FINAL "\n"
                   "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
                   "BEGIN\n"
                   "  SELECT RAISE (ABORT, 'the audit log is append-only');\n"
                   "END;");
  bal_test_attack (f->path, sql->str);
}

static void
test_log_rewritten (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  rewrite_log (f);
  findings = open_findings (f);
  g_assert_false (has_finding (findings, "does not match the entries before it", 0));
  g_assert_false (has_finding (findings, "is not what the audit log says", 0));
  g_assert_true (has_finding (findings, "its signature does not match", f->job));
  assert_check_names (f, "its signature does not match");
}

/* The newest rows taken away, with their seals: the log is whole and
 * signed, but ends before what this user saw. */
static void
test_newest_rows_deleted (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *last = bal_test_query_text (f->path, "SELECT max(id) FROM audit_log");
  g_autofree char *cut = bal_test_query_text (f->path,
                                               "SELECT max(audit_id) FROM audit_seal WHERE audit_id < "
                                               "(SELECT max(audit_id) FROM audit_seal WHERE audit_id < (SELECT max(audit_id) FROM audit_seal))");
  g_autofree char *sql = g_strdup_printf ("DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_seal_no_delete; "
                                          "DELETE FROM audit_seal WHERE audit_id > %s; DELETE FROM audit_log WHERE id > %s; "
                                                                                    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
                                          "BEGIN\n"
                                          "  SELECT RAISE (ABORT, 'the audit log is append-only');\n"
                                          "END;\n"
                                          "CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal\n"
                                          "BEGIN\n"
                                          "  SELECT RAISE (ABORT, 'the audit log is append-only');\n"
                                          "END;",
                                          cut, cut);
  g_autofree char *expected = g_strdup_printf ("ends before entry %s", last);

  /* The consultant has seen the file as it was. */
  g_assert_cmpuint (count_findings (f), ==, 0);

  bal_test_attack (f->path, sql);

  findings = open_findings (f);
  g_assert_true (has_finding (findings, expected, 0));
  assert_check_names (f, expected);
}

/* Someone re-signs a rewritten log with a key of their own under the
 * consultant's name: the consultant's own key is known outside the file. */
static void
test_key_swapped (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *mallory = g_build_filename (f->dir, "mallory", NULL);
  g_autofree char *mine = g_strdup (f->user_dir);
  g_autoptr(BalJob) job = bal_job_new ();

  /* Mallory has Balans too, with her own key, and calls herself Iris. */
  g_setenv ("BALANS_DATA_DIR", mallory, TRUE);
  project = bal_project_open (file, &error);
  g_assert_no_error (error);
  bal_project_set_author (project, "Iris de Vries", "evaluator");
  g_free (job->title);
  job->title = g_strdup ("Teamleider");
  g_assert_cmpint (bal_jobs_add (project, job, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&project);

  g_setenv ("BALANS_DATA_DIR", mine, TRUE);
  findings = open_findings (f);
  g_assert_true (has_finding (findings, "claims to be Iris de Vries’s", 0));
  g_assert_true (has_finding (findings, "signed with a key that is not its signer’s", 0));
}

/* A file marked as a review copy: review mode in every Balans, nothing
 * written on open, grading writes refused, leaving it recorded. */
static void
test_review_copy_cli (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BalRun) send = bal_run_cli ("review", "send", f->path, NULL);
  g_autoptr(BalRun) info = NULL, decide = NULL, remark = NULL, leave_unconfirmed = NULL, leave = NULL, decide_after = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autofree char *leaves = NULL;
  g_autofree char *council = NULL;

  g_assert_cmpint (send->status, ==, 0);
  before = bal_test_file_bytes (f->path);

  /* Opening writes nothing: not even the purge of deleted jobs. */
  project = bal_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_true (bal_project_is_review_copy (project));
  g_assert_true (bal_project_get_review_mode (project));
  bal_project_set_review_mode (project, FALSE);
  g_assert_true (bal_project_get_review_mode (project));
  g_clear_object (&project);
  info = bal_run_cli ("info", f->path, NULL);
  g_assert_cmpint (info->status, ==, 0);
  g_assert_nonnull (strstr (info->out, "Review copy"));
  assert_unchanged (before, f->path);

  decide = bal_run_cli ("decide", f->path, "Medewerker klantenservice", "--reference", "KS.02", "--grade", "E",
                        "--justification", "Anders.", "--departure-reason", "Omdat.", "--author", "Iris de Vries", NULL);
  g_assert_cmpint (decide->status, ==, 1);
  g_assert_nonnull (strstr (decide->err, "review"));
  assert_unchanged (before, f->path);

  /* The works council records a remark: signed with its own key. */
  council = g_build_filename (f->dir, "council", NULL);
  g_setenv ("BALANS_DATA_DIR", council, TRUE);
  remark = bal_run_cli ("remark", f->path, "Medewerker klantenservice", "--role", "works-council", "--author", "OR",
                        "Graag toelichting.", NULL);
  g_setenv ("BALANS_DATA_DIR", f->user_dir, TRUE);
  g_assert_cmpint (remark->status, ==, 0);

  leave_unconfirmed = bal_run_cli ("review", "leave", f->path, NULL);
  g_assert_cmpint (leave_unconfirmed->status, ==, 2);
  leave = bal_run_cli ("review", "leave", f->path, "--yes", NULL);
  g_assert_cmpint (leave->status, ==, 0);
  leaves = bal_test_query_text (f->path, "SELECT count(*) FROM audit_log WHERE table_name = 'project' "
                                          "AND new_value = '{\"review_copy\":0}' AND action = 'update'");
  g_assert_cmpstr (leaves, ==, "1");

  decide_after = bal_run_cli ("decide", f->path, "Medewerker klantenservice", "--reference", "KS.02", "--grade", "E",
                              "--justification", "Anders.", "--departure-reason", "Omdat.", "--author", "Iris de Vries", NULL);
  g_assert_cmpint (decide_after->status, ==, 0);
  g_assert_cmpuint (count_findings (f), ==, 0);
}

/* Another program holds the file: "in use", never "damaged". */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalRun) info = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; UPDATE project SET modified = modified;", NULL, NULL, NULL), ==, SQLITE_OK);

  project = bal_project_open (file, &error);
  g_assert_null (project);
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_assert_null (strstr (error->message, "damaged"));

  info = bal_run_cli ("info", f->path, NULL);
  g_assert_cmpint (info->status, ==, 1);
  g_assert_nonnull (strstr (info->err, "in use by another program"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

/* A read-only file: everything that only reads works, and writes say why
 * they cannot. As root, permission bits do not stop anything, so the
 * commands run as the unprivileged user "nobody". */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autofree char *user_dir = g_build_filename (f->dir, "reader", NULL);
  const char *prefix[] = { "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", NULL };
  gboolean as_root = getuid () == 0;
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  g_autoptr(GBytes) before = NULL;
  const char *reads[][4] = {
    { "info", f->path, NULL },
    { "check", f->path, NULL },
    { "references", f->path, NULL },
    { "history", f->path, "Medewerker klantenservice", NULL },
    { "audit", f->path, NULL },
    { "export", f->path, out, NULL },
  };
  const char *write[] = { "decide", f->path, "Medewerker klantenservice", "--reference", "KS.02", "--grade", "E",
                          "--justification", "Anders.", "--departure-reason", "Omdat.", "--author", "Iris de Vries", NULL };

  if (as_root && setpriv == NULL)
    {
      g_test_skip ("running as root without setpriv");
      return;
    }

  g_assert_cmpint (g_chmod (f->dir, 0777), ==, 0);
  g_assert_cmpint (g_mkdir (user_dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (user_dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  before = bal_test_file_bytes (f->path);
  g_setenv ("BALANS_DATA_DIR", user_dir, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (reads) + 1; i++)
    {
      const char * const *args = i < G_N_ELEMENTS (reads) ? reads[i] : write;
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(BalRun) run = NULL;

      if (as_root)
        for (guint p = 0; prefix[p] != NULL; p++)
          g_ptr_array_add (argv, (gpointer)prefix[p]);
      g_ptr_array_add (argv, (gpointer)g_getenv ("BALANS_CLI"));
      for (guint a = 0; args[a] != NULL; a++)
        g_ptr_array_add (argv, (gpointer)args[a]);
      g_ptr_array_add (argv, NULL);

      run = bal_run_program ((const char * const *)argv->pdata);
      g_test_message ("%s: %d %s", args[0], run->status, run->err);
      if (i < G_N_ELEMENTS (reads))
        g_assert_cmpint (run->status, ==, 0);
      else
        {
          g_assert_cmpint (run->status, ==, 1);
          g_assert_nonnull (strstr (run->err, "read-only"));
        }
    }

  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_setenv ("BALANS_DATA_DIR", f->user_dir, TRUE);
  assert_unchanged (before, f->path);
  g_chmod (f->path, 0644);
}

/* A file from before the log was signed (format 5), with rows its
 * triggers logged with SQLite's json_object() and rows nothing logged: the
 * first open brings it up to date, logs what was not logged in the name
 * of the user who opened it, and seals it; then it checks clean. */
static void
test_upgrade_from_5 (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *old = g_build_filename (f->dir, "oud.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (old);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalProject) actor = g_object_new (BAL_TYPE_PROJECT, NULL);
  g_autoptr(BalRun) check = NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *logged = NULL;
  g_autofree char *seal = NULL;
  g_autofree char *version = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
  bal_audit_register (db, actor);
  for (int step = 1; step <= 5; step++)
    {
      const char *names[] = { NULL, "001-project", "002-handbook", "003-jobs", "004-decisions", "005-review" };
      g_autofree char *resource = g_strdup_printf ("/io/github/balans/Balans/schema/%s.sql", names[step]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, &error);
      g_autofree char *sql = NULL;

      g_assert_no_error (error);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA application_id = 1111575635; PRAGMA user_version = 5;"
                                 "INSERT INTO project VALUES (1, 'Oud B.V.', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
                                 "INSERT INTO handbook VALUES (1, 'Oud handboek', '', '1');"
                                 "INSERT INTO characteristic VALUES ('complexity', 1, 'Complexiteit', 6);"
                                 "INSERT INTO job (title, department, created, modified) "
                                 "  VALUES ('Medewerker \"post\"\nen archief', 'Facilitair', '2025-01-01', '2025-01-01');"
                                 "INSERT INTO decision (job_id, reference_code, grade, verdict, justification, decided) "
                                 "  VALUES (1, 'AD.01', 'C', 'equal', 'Gelijk.', '2025-02-01');"
                                 "INSERT INTO decision_verdict (decision_id, characteristic_id, job_level, reference_level, verdict) "
                                 "  VALUES (1, 'complexity', 2, 2, 'equal');"
                                 "INSERT INTO job_status (job_id, status, note, at) VALUES (1, 'proposed', '', '2025-02-02');"
                                 "INSERT INTO remark (job_id, author, role, text, created) "
                                 "  VALUES (1, 'Piet', 'manager', 'Akkoord', '2025-02-03');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  project = bal_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bal_project_get_schema_version (project), ==, bal_project_latest_version ());
  g_assert_cmpuint (bal_project_get_findings (project)->len, ==, 0);
  g_clear_object (&project);

  /* What the old triggers logged is recognised as it is (balans_json()
   * writes what json_object() wrote); what nothing logged is logged now. */
  logged = bal_test_query_text (old, "SELECT group_concat (table_name) FROM (SELECT DISTINCT table_name FROM audit_log "
                                     "WHERE action = 'update' AND old_value IS NULL ORDER BY table_name)");
  g_assert_cmpstr (logged, ==, "characteristic,decision_verdict,handbook,project");
  baseline = bal_test_query_text (old, "SELECT count(*) FROM audit_log WHERE table_name IN ('job', 'decision', 'job_status', 'remark') "
                                       "AND action = 'update'");
  g_assert_cmpstr (baseline, ==, "0");
  seal = bal_test_query_text (old, "SELECT kind FROM audit_seal ORDER BY audit_id LIMIT 1");
  g_assert_cmpstr (seal, ==, "upgrade");
  version = bal_test_query_text (old, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, bal_project_latest_version ());

  check = bal_run_cli ("check", old, NULL);
  g_assert_cmpint (check->status, ==, 0);
}

static void
damaged (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (bal_project_verify_integrity_finish (BAL_PROJECT (source), result, &error));
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_CORRUPT);
  *(gboolean *)user_data = TRUE;
}

static void
verified (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bal_project_verify_integrity_finish (BAL_PROJECT (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *)user_data = TRUE;
}

static void
verify_in_background (BalProject *project)
{
  gboolean done = FALSE;

  bal_project_verify_integrity_async (project, NULL, verified, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Opening for editing leaves the checks whose cost grows with the file to
 * the background (the app) or to a reader (check): an edit made before
 * they ran must not hide what they find, since the next check would take
 * the log up to this user's own signature as seen before. */
static void
test_edit_before_check (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  rewrite_log (f);

  project = bal_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bal_review_add_remark (project, f->job, "manager", "Piet", "Nog een vraag", &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&project);

  findings = open_findings (f);
  g_assert_true (has_finding (findings, "its signature does not match", f->job));

  /* The check in the background finds it too, on the open project. */
  project = bal_project_open (file, &error);
  g_assert_no_error (error);
  verify_in_background (project);
  g_assert_true (has_finding (bal_project_get_findings (project), "its signature does not match", f->job));
  g_assert_true (bal_project_job_has_finding (project, f->job));
}

/* A sound file: the check in the background finds nothing, and what this
 * user signs afterwards is what this user has seen. */
static void
test_background_check_clean (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *head = NULL;
  gint64 seen = 0;

  project = bal_project_open (file, &error);
  g_assert_no_error (error);
  verify_in_background (project);
  g_assert_cmpuint (bal_project_get_findings (project)->len, ==, 0);

  bal_project_set_author (project, "Iris de Vries", "evaluator");
  g_assert_true (bal_review_set_status (project, f->job, "adopted", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bal_identity_get_seen_head (bal_project_get_uuid (project), &seen, &hash));
  head = bal_test_query_text (f->path, "SELECT max (audit_id) FROM audit_seal");
  g_assert_cmpint (seen, ==, g_ascii_strtoll (head, NULL, 10));
  g_clear_object (&project);
  g_assert_cmpuint (count_findings (f), ==, 0);
}

/* Damage past the schema is found by the check, in the background too. */
static void
test_damage_found_by_check (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pages = bal_test_query_text (f->path, "PRAGMA page_count");
  g_autofree char *root = bal_test_query_text (f->path, "SELECT rootpage FROM sqlite_schema WHERE name = 'audit_log'");
  gsize length = 0, page = 4096;
  gboolean done = FALSE;

  /* Scribble over the audit log's root page: the schema stays readable. */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, g_ascii_strtoull (pages, NULL, 10) * page);
  for (gsize i = (g_ascii_strtoull (root, NULL, 10) - 1) * page; i < g_ascii_strtoull (root, NULL, 10) * page; i++)
    contents[i] = (char)(i * 13);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));

  project = bal_project_open_for_reading (file, &error);
  g_assert_null (project);
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_CORRUPT);
  g_clear_error (&error);

  project = bal_project_open_for_review (file, &error);
  g_assert_no_error (error);
  bal_project_verify_integrity_async (project, NULL, damaged, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (bal_project_get_findings (project)->len, ==, 1);
  g_assert_nonnull (strstr (((BalIntegrityFinding *)g_ptr_array_index (bal_project_get_findings (project), 0))->message, "damaged"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/integrity/clean", test_clean);
  ADD ("/integrity/handbook-reimport", test_handbook_reimport);
  ADD ("/integrity/refused/trigger-on-open", test_trigger_on_open);
  ADD ("/integrity/refused/recursive-hang", test_recursive_hang);
  ADD ("/integrity/refused/unknown-view", test_unknown_view);
  ADD ("/integrity/refused/altered-trigger", test_altered_trigger);
  ADD ("/integrity/statement-bounded", test_statement_bounded);
  ADD ("/integrity/seen/decision-edited", test_decision_edited);
  ADD ("/integrity/seen/log-rewritten", test_log_rewritten);
  ADD ("/integrity/seen/newest-rows-deleted", test_newest_rows_deleted);
  ADD ("/integrity/seen/key-swapped", test_key_swapped);
  ADD ("/integrity/review-copy/cli", test_review_copy_cli);
  ADD ("/integrity/locked", test_locked);
  ADD ("/integrity/upgrade-from-5", test_upgrade_from_5);
  ADD ("/integrity/read-only", test_read_only);
  ADD ("/integrity/deferred/edit-before-check", test_edit_before_check);
  ADD ("/integrity/deferred/background-clean", test_background_check_clean);
  ADD ("/integrity/deferred/damage", test_damage_found_by_check);
#undef ADD

  return g_test_run ();
}
