/* test-review.c: statuses, objections, remarks, review mode, the audit log and its tamper check
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "bal-audit.h"
#include "bal-demo.h"
#include "bal-grading.h"
#include "bal-jobs.h"
#include "bal-questionnaire.h"
#include "bal-review.h"
#include "test-cli-util.h"
#include "bal-project-private.h"

typedef struct
{
  char       *dir;
  char       *path;
  BalProject *project;
  gint64      job;
} Fixture;

static void
decide (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  BalDecisionInput input = { "KS.02", "D", "Gelijk aan KS.02.", "Zo besloten.", "Iris", NULL, NULL };

  g_assert_cmpint (bal_grading_decide (f->project, f->job, &input, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BalJob) job = bal_job_new ();

  f->dir = g_dir_make_tmp ("balans-review-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "review.balans", NULL);
  file = g_file_new_for_path (f->path);
  f->project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
  bal_project_set_author (f->project, "Iris de Vries", "evaluator");

  g_free (job->title);
  job->title = g_strdup ("Medewerker klantenservice");
  f->job = bal_jobs_add (f->project, job, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  bal_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_transitions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  g_autofree char *status = NULL;

  /* Nothing to propose without a decision; no skipping steps. */
  g_assert_false (bal_review_set_status (f->project, f->job, "proposed", NULL, &error));
  g_assert_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_false (bal_review_set_status (f->project, f->job, "adopted", NULL, &error));
  g_assert_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_TRANSITION);
  g_assert_nonnull (strstr (error->message, "“proposed”"));
  g_clear_error (&error);
  g_assert_false (bal_review_set_status (f->project, f->job, "approved", NULL, &error));
  g_assert_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_INVALID);
  g_clear_error (&error);

  decide (f);
  g_assert_true (bal_review_set_status (f->project, f->job, "proposed", NULL, &error));
  g_assert_true (bal_review_set_status (f->project, f->job, "adopted", "Vastgesteld door de directie", &error));
  g_assert_no_error (error);

  /* An objection says what it is about; an upheld decision says why it stands. */
  g_assert_false (bal_review_set_status (f->project, f->job, "objected", "  ", &error));
  g_assert_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (bal_review_set_status (f->project, f->job, "objected", "Ik doe meer klachtafhandeling", &error));

  objections = bal_review_objections (f->project, &error);
  g_assert_cmpuint (objections->len, ==, 1);

  /* Revised needs a decision newer than the objection. */
  g_assert_false (bal_review_set_status (f->project, f->job, "revised", NULL, &error));
  g_assert_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_false (bal_review_set_status (f->project, f->job, "upheld", NULL, &error));
  g_assert_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_usleep (1100000);
  decide (f);
  g_assert_true (bal_review_set_status (f->project, f->job, "revised", "Nieuw besluit", &error));
  g_assert_true (bal_review_set_status (f->project, f->job, "adopted", NULL, &error));
  g_assert_no_error (error);

  status = bal_review_status (f->project, f->job, NULL);
  g_assert_cmpstr (status, ==, "adopted");
  history = bal_review_history (f->project, f->job, &error);
  g_assert_cmpuint (history->len, ==, 5);
  g_assert_cmpstr (((BalStatusChange *)g_ptr_array_index (history, 2))->status, ==, "objected");
  g_assert_cmpstr (((BalStatusChange *)g_ptr_array_index (history, 2))->actor, ==, "Iris de Vries");
}

static void
test_remarks (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 first, second;

  first = bal_review_add_remark (f->project, f->job, "works-council", "Ondernemingsraad", "Waarom geen E?", &error);
  second = bal_review_add_remark (f->project, f->job, "employee", "Sanne", "Ik help ook nieuwe collega’s.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (bal_review_add_remark (f->project, f->job, "auditor", "X", "Y", &error), ==, 0);
  g_assert_error (error, BAL_REVIEW_ERROR, BAL_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bal_review_add_remark (f->project, f->job, "manager", "X", " ", &error), ==, 0);
  g_clear_error (&error);

  g_assert_true (bal_review_resolve_remark (f->project, first, &error));
  open = bal_review_remarks (f->project, 0, TRUE, &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (((BalRemark *)g_ptr_array_index (open, 0))->id, ==, second);
  all = bal_review_remarks (f->project, f->job, FALSE, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((BalRemark *)g_ptr_array_index (all, 0))->resolved_by, ==, "Iris de Vries");
}

static void
test_review_mode (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BalJob) job = NULL;
  g_autoptr(GError) error = NULL;
  BalDecisionInput input = { "KS.02", "D", "Poging", "x", "OR", NULL, NULL };

  decide (f);
  g_assert_true (bal_review_set_status (f->project, f->job, "proposed", NULL, &error));
  g_assert_true (bal_review_set_status (f->project, f->job, "adopted", NULL, &error));

  bal_project_set_review_mode (f->project, TRUE);
  job = bal_jobs_get (f->project, f->job, &error);
  g_assert_no_error (error);

  /* Gradings cannot change: job, answers, decisions, handbook are refused in core. */
  g_free (job->title);
  job->title = g_strdup ("Anders");
  g_assert_false (bal_jobs_update (f->project, job, &error));
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bal_questionnaire_answer (f->project, f->job, "education", "hbo", NULL, &error));
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (bal_grading_decide (f->project, f->job, &input, &error), ==, 0);
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bal_jobs_delete (f->project, f->job, &error));
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Remarks and objections can be recorded; nothing else of the review. */
  g_assert_cmpint (bal_review_add_remark (f->project, f->job, "works-council", "OR", "Akkoord", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (bal_review_set_status (f->project, f->job, "objected", "Bezwaar van de medewerker", &error));
  g_assert_no_error (error);
  g_assert_false (bal_review_set_status (f->project, f->job, "upheld", "Blijft", &error));
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);

  bal_project_set_review_mode (f->project, FALSE);
  g_assert_true (bal_jobs_update (f->project, job, &error));
}

static gboolean
has_entry (GPtrArray  *entries,
           const char *table,
           const char *action,
           const char *old_part,
           const char *new_part)
{
  for (guint i = 0; i < entries->len; i++)
    {
      BalAuditEntry *e = g_ptr_array_index (entries, i);

      if (g_strcmp0 (e->table_name, table) == 0 && g_strcmp0 (e->action, action) == 0 &&
          (old_part == NULL || (e->old_value && strstr (e->old_value, old_part))) &&
          (new_part == NULL || (e->new_value && strstr (e->new_value, new_part))) &&
          g_strcmp0 (e->actor, "Iris de Vries") == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_triggers (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BalJob) job = bal_jobs_get (f->project, f->job, NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  gint64 remark;

  g_free (job->title);
  job->title = g_strdup ("Senior medewerker klantenservice");
  g_assert_true (bal_jobs_update (f->project, job, &error));
  g_assert_true (bal_questionnaire_answer (f->project, f->job, "education", "mbo3", NULL, &error));
  g_assert_true (bal_questionnaire_answer (f->project, f->job, "education", "mbo4", "Vacature", &error));
  decide (f);
  g_assert_true (bal_review_set_status (f->project, f->job, "proposed", NULL, &error));
  remark = bal_review_add_remark (f->project, f->job, "manager", "Piet", "Goed", &error);
  g_assert_true (bal_review_resolve_remark (f->project, remark, &error));
  g_assert_true (bal_jobs_delete (f->project, f->job, &error));

  entries = bal_audit_entries (f->project, f->job, &error);
  g_assert_no_error (error);
  g_assert_true (has_entry (entries, "job", "insert", NULL, "\"title\":\"Medewerker klantenservice\""));
  g_assert_true (has_entry (entries, "job", "update", "\"title\":\"Medewerker klantenservice\"", "\"title\":\"Senior medewerker klantenservice\""));
  g_assert_true (has_entry (entries, "answer", "insert", NULL, "\"option\":\"mbo3\""));
  g_assert_true (has_entry (entries, "answer", "update", "\"option\":\"mbo3\"", "\"option\":\"mbo4\""));
  g_assert_true (has_entry (entries, "decision", "insert", NULL, "\"grade\":\"D\""));
  g_assert_true (has_entry (entries, "job_status", "insert", NULL, "\"status\":\"proposed\""));
  g_assert_true (has_entry (entries, "remark", "insert", NULL, "\"text\":\"Goed\""));
  g_assert_true (has_entry (entries, "remark", "update", "\"resolved\":null", NULL));
  g_assert_true (has_entry (entries, "job", "update", "\"deleted\":null", "\"deleted\":\"20"));

  /* Append-only, even through the app's own connection; and the chain holds. */
  g_assert_false (bal_project_exec (f->project, "UPDATE audit_log SET actor = 'Niemand'", &error));
  g_clear_error (&error);
  g_assert_false (bal_project_exec (f->project, "DELETE FROM audit_log", &error));
  g_clear_error (&error);
  findings = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_integrity_finding_free);
  g_assert_true (bal_audit_verify_integrity (f->project, findings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 0);

  all = bal_audit_entries (f->project, 0, &error);
  g_assert_cmpuint (all->len, >=, entries->len);
}

static void
test_tamper (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BalRun) clean = NULL;
  g_autoptr(BalRun) tampered = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = {
    "sqlite3", f->path,
    "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET new_value = replace (new_value, 'Goed', 'Slecht') WHERE table_name = 'remark';",
    NULL
  };

  decide (f);
  g_assert_cmpint (bal_review_add_remark (f->project, f->job, "manager", "Piet", "Goed", &error), >, 0);
  g_assert_true (bal_review_set_status (f->project, f->job, "proposed", NULL, &error));
  bal_project_close (f->project);

  clean = bal_run_cli ("check", f->path, NULL);
  g_assert_cmpint (clean->status, ==, 0);

  /* Someone edits a log row with the sqlite3 shell. */
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* The protecting trigger is gone: the file is refused, by name. */
  tampered = bal_run_cli ("check", f->path, NULL);
  g_assert_cmpint (tampered->status, ==, 1);
  g_assert_nonnull (strstr (tampered->err, "changed outside Balans"));
  g_assert_nonnull (strstr (tampered->err, "audit_log_no_update"));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(BalRun) remark = NULL, bad_role = NULL, proposed = NULL, bad_status = NULL, refused = NULL, audit = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *entries;

  decide (f);
  bal_project_close (f->project);

  remark = bal_run_cli ("remark", f->path, "Medewerker klantenservice", "--role", "works-council", "--author", "OR", "Graag toelichting.", NULL);
  g_assert_cmpint (remark->status, ==, 0);
  bad_role = bal_run_cli ("remark", f->path, "Medewerker klantenservice", "--role", "koning", "--author", "X", "Y", NULL);
  g_assert_cmpint (bad_role->status, ==, 2);
  proposed = bal_run_cli ("status", f->path, "Medewerker klantenservice", "proposed", "--author", "Iris de Vries", NULL);
  g_assert_cmpint (proposed->status, ==, 0);
  bad_status = bal_run_cli ("status", f->path, "Medewerker klantenservice", "approved", NULL);
  g_assert_cmpint (bad_status->status, ==, 2);
  refused = bal_run_cli ("status", f->path, "Medewerker klantenservice", "upheld", "--author", "Iris de Vries", NULL);
  g_assert_cmpint (refused->status, ==, 1);
  g_assert_nonnull (strstr (refused->err, "not to “upheld”"));

  audit = bal_run_cli ("audit", f->path, "--job", "Medewerker klantenservice", "--json", NULL);
  g_assert_cmpint (audit->status, ==, 0);
  json_parser_load_from_data (parser, audit->out, -1, &error);
  g_assert_no_error (error);
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "entries");
  g_assert_cmpuint (json_array_get_length (entries), >=, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, json_array_get_length (entries) - 1), "table"), ==, "job_status");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/review/transitions", test_transitions);
  ADD ("/review/remarks", test_remarks);
  ADD ("/review/review-mode", test_review_mode);
  ADD ("/review/audit/triggers", test_triggers);
  ADD ("/review/audit/tamper", test_tamper);
  ADD ("/review/cli", test_cli);
#undef ADD

  return g_test_run ();
}
