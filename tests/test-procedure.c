/* test-procedure.c: the whole procedure (issue 14): people by name, the
 * job description seen and agreed, salary scales, the notice, objections
 * and the audit trail as sentences
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bal-audit.h"
#include "bal-demo.h"
#include "bal-description.h"
#include "bal-export.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-method.h"
#include "bal-notice.h"
#include "bal-objection.h"
#include "bal-questionnaire.h"
#include "bal-review.h"
#include "test-cli-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  BalProject *project;
  gint64      agent;
  gint64      lead;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("balans-procedure-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "procedure.balans", NULL);
  file = g_file_new_for_path (f->path);
  f->project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  f->agent = bal_jobs_find (f->project, "Klantenservicemedewerker", &error);
  f->lead = bal_jobs_find (f->project, "Teamleider klantenservice", &error);
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

static gint64
decide (Fixture    *f,
        gint64      job,
        const char *grade)
{
  g_autoptr(GError) error = NULL;
  BalDecisionInput input = { "KS.02", grade, "De functie handelt klachten zelfstandig af.",
                             "Vooruitlopend op de volledige beschrijving.", NULL, NULL, NULL };
  gint64 id = bal_grading_decide (f->project, job, &input, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
query (Fixture    *f,
       const char *sql)
{
  return bal_test_query_text (f->path, sql);
}

/* Nothing is recorded without a name; with one, every record carries the
 * name and the role, never the login name. */
static void
test_author (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BalDecisionInput input = { "KS.02", "D", "Gelijk.", "Omdat.", NULL, NULL, NULL };
  g_autofree char *decision = NULL, *status = NULL, *remark = NULL, *objection = NULL, *signoff = NULL;
  g_autofree char *actors = NULL;
  gint64 version;

  g_assert_cmpint (bal_grading_decide (f->project, f->agent, &input, &error), ==, 0);
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bal_review_set_status (f->project, f->agent, "proposed", NULL, &error));
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  bal_project_set_author (f->project, "Sanne Jansen", "evaluator");
  decide (f, f->agent, "D");
  g_assert_true (bal_review_set_status (f->project, f->agent, "proposed", NULL, &error));
  version = bal_description_snapshot (f->project, f->agent, &error);
  g_assert_true (bal_description_sign (f->project, version, "seen", NULL, &error));

  bal_project_set_author (f->project, "Karin Smit", "works-council");
  g_assert_cmpint (bal_review_add_remark (f->project, f->agent, NULL, NULL, "Waarom niet E?", &error), >, 0);
  g_assert_cmpint (bal_objection_lodge (f->project, f->agent, NULL, "Klachten zijn zwaarder dan bij KS.02.", NULL, &error), >, 0);
  g_assert_no_error (error);
  bal_project_close (f->project);

  decision = query (f, "SELECT evaluator || '/' || evaluator_role FROM decision");
  g_assert_cmpstr (decision, ==, "Sanne Jansen/evaluator");
  status = query (f, "SELECT actor || '/' || role FROM job_status");
  g_assert_cmpstr (status, ==, "Sanne Jansen/evaluator");
  signoff = query (f, "SELECT name || '/' || role || '/' || kind FROM description_signoff");
  g_assert_cmpstr (signoff, ==, "Sanne Jansen/evaluator/seen");
  remark = query (f, "SELECT author || '/' || role FROM remark");
  g_assert_cmpstr (remark, ==, "Karin Smit/works-council");
  objection = query (f, "SELECT author || '/' || role || '/' || against FROM objection");
  g_assert_cmpstr (objection, ==, "Karin Smit/works-council/proposed");
  /* The log names the same people for these records. */
  actors = query (f, "SELECT group_concat (DISTINCT actor) FROM (SELECT actor FROM audit_log "
                     "WHERE table_name IN ('decision', 'job_status', 'remark', 'objection', 'description_signoff') ORDER BY id)");
  g_assert_cmpstr (actors, ==, "Sanne Jansen,Karin Smit");
}

/* A version of the description, seen by the employee and agreed by the
 * manager; the decision names it; a changed text is a new version. */
static void
test_description (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(BalDecision) decision = NULL;
  g_autoptr(BalJob) job = NULL;
  g_autofree char *warning = NULL;
  BalDescription *v1;
  gint64 version, again;

  bal_project_set_author (f->project, "Sanne Jansen", "evaluator");
  warning = bal_description_grading_warning (f->project, f->agent, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (warning, "agreed"));
  g_clear_pointer (&warning, g_free);

  version = bal_description_snapshot (f->project, f->agent, &error);
  g_assert_cmpint (version, >, 0);
  again = bal_description_snapshot (f->project, f->agent, &error);
  g_assert_cmpint (again, ==, version);
  g_assert_true (bal_description_sign (f->project, version, "seen", "Piet Bakker", &error));
  warning = bal_description_grading_warning (f->project, f->agent, &error);
  g_assert_nonnull (warning);
  g_clear_pointer (&warning, g_free);
  g_assert_true (bal_description_sign (f->project, version, "agreed", "Mirjam de Boer", &error));
  g_assert_false (bal_description_sign (f->project, version, "signed", NULL, &error));
  g_assert_error (error, BAL_DESCRIPTION_ERROR, BAL_DESCRIPTION_ERROR_INVALID);
  g_clear_error (&error);
  warning = bal_description_grading_warning (f->project, f->agent, &error);
  g_assert_no_error (error);
  g_assert_null (warning);

  decide (f, f->agent, "D");
  decision = bal_grading_latest (f->project, f->agent, &error);
  g_assert_cmpint (decision->description_id, ==, version);

  versions = bal_description_versions (f->project, f->agent, &error);
  g_assert_cmpuint (versions->len, ==, 1);
  v1 = g_ptr_array_index (versions, 0);
  g_assert_cmpint (v1->version, ==, 1);
  g_assert_true (bal_description_is_signed (v1, "seen"));
  g_assert_true (bal_description_is_signed (v1, "agreed"));
  g_assert_cmpstr (((BalSignoff *)g_ptr_array_index (v1->signoffs, 0))->name, ==, "Piet Bakker");
  g_assert_cmpstr (((BalSignoff *)g_ptr_array_index (v1->signoffs, 0))->role, ==, "employee");
  g_assert_cmpstr (((BalSignoff *)g_ptr_array_index (v1->signoffs, 1))->role, ==, "manager");

  /* The text changes: grading now grades a version nobody agreed to. */
  job = bal_jobs_get (f->project, f->agent, &error);
  g_free (job->description);
  job->description = g_strdup ("Beantwoordt vragen en klachten van klanten, ook op zaterdag.");
  g_assert_true (bal_jobs_update (f->project, job, &error));
  warning = bal_description_grading_warning (f->project, f->agent, &error);
  g_assert_nonnull (strstr (warning, "version 1"));
  g_clear_pointer (&decision, bal_decision_free);
  decide (f, f->agent, "D");
  decision = bal_grading_latest (f->project, f->agent, &error);
  g_assert_cmpint (decision->description_id, !=, version);
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = bal_description_versions (f->project, f->agent, &error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((BalDescription *)g_ptr_array_index (versions, 0))->version, ==, 2);
}

static const char *
find_cell (JsonObject *book,
           const char *sheet,
           const char *needle)
{
  JsonArray *rows = json_object_get_array_member (json_object_get_object_member (book, "cells"), sheet);

  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      JsonArray *row = json_array_get_array_element (rows, r);

      for (guint c = 0; c < json_array_get_length (row); c++)
        {
          JsonArray *cell = json_array_get_array_element (row, c);
          const char *value = JSON_NODE_HOLDS_VALUE (json_array_get_element (cell, 0)) &&
                              json_node_get_value_type (json_array_get_element (cell, 0)) == G_TYPE_STRING
                              ? json_array_get_string_element (cell, 0) : NULL;

          if (value != NULL && strstr (value, needle) != NULL)
            return value;
        }
    }

  return NULL;
}

static JsonObject *
export_and_read (Fixture    *f,
                 JsonParser *parser)
{
  g_autofree char *out = g_build_filename (f->dir, "procedure.xlsx", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "read-workbook.py", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalRun) run = NULL;
  const char *argv[] = { "/usr/bin/python3", script, out, NULL };

  g_assert_true (bal_export_workbook (bal_project_get_file (f->project), target, NULL, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  run = bal_run_program (argv);
  g_assert_cmpint (run->status, ==, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

/* The method file's scales are the project's, editable, and in the workbook. */
static void
test_scales (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *book;
  BalSalaryScale *scale;
  const char *overview, *structure;

  method = bal_handbook_load_method (f->project, &error);
  g_assert_no_error (error);
  scale = bal_method_find_scale (method, "D");
  g_assert_nonnull (scale);
  g_assert_cmpstr (scale->name, ==, "Schaal 4");
  g_assert_cmpfloat (scale->minimum, ==, 2320);
  g_assert_cmpfloat (scale->maximum, ==, 2850);
  g_assert_cmpint (bal_method_objection_period (method), ==, 30);
  g_assert_cmpstr (method->lesser[0], ==, "physical");

  /* The grade as the app shows it, with its scale, in the user's numbers. */
  {
    g_autofree char *plain = NULL;
    g_autofree char *none = bal_method_grade_text (method, "NOPE");
    const char *numeric = setlocale (LC_NUMERIC, NULL);
    g_autofree char *saved = g_strdup (numeric);

    setlocale (LC_NUMERIC, "C");
    plain = bal_method_grade_text (method, "D");
    g_assert_cmpstr (plain, ==, "D · Schaal 4 (€ 2320–2850)");
    g_assert_cmpstr (none, ==, "NOPE");
    if (setlocale (LC_NUMERIC, "nl_NL.UTF-8") != NULL)
      {
        g_autofree char *dutch = bal_method_grade_text (method, "D");

        g_assert_cmpstr (dutch, ==, "D · Schaal 4 (€ 2.320–2.850)");
      }
    else
      g_test_message ("nl_NL.UTF-8 is not installed: grouping in Dutch not checked");
    setlocale (LC_NUMERIC, saved);
  }

  g_assert_false (bal_method_set_scale (f->project, "Z", "Schaal 99", 1, 2, &error));
  g_assert_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bal_method_set_scale (f->project, "E", "Schaal 5", 3000, 2000, &error));
  g_clear_error (&error);
  g_assert_true (bal_method_set_scale (f->project, "E", "Schaal 5a", 2500, 3200, &error));
  g_assert_true (bal_method_set_objection_period (f->project, 42, &error));
  g_assert_cmpint (bal_project_objection_period (f->project), ==, 42);

  bal_project_set_author (f->project, "Sanne Jansen", "evaluator");
  decide (f, f->agent, "D");
  decide (f, f->lead, "E");
  bal_project_close (f->project);

  book = export_and_read (f, parser);
  overview = find_cell (book, "Overview", "Schaal 4");
  g_assert_nonnull (overview);
  g_assert_nonnull (strstr (overview, "2320"));
  g_assert_nonnull (strstr (overview, "2850"));
  g_assert_nonnull (find_cell (book, "Overview", "Schaal 5a"));
  structure = find_cell (book, "Job structure", "Schaal 4");
  g_assert_nonnull (structure);
  g_assert_nonnull (find_cell (book, "Job structure", "Schaal 12"));
}

/* A works council's objection to a proposed grading goes through the
 * committee to the employer; an old open objection is overdue. */
static void
test_objection (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BalObjection) handled = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autofree char *long_ago = NULL;
  g_autofree char *today = bal_date_today ();
  g_autofree char *status = NULL;
  BalObjection *overdue;
  JsonObject *book;
  gint64 id, late;

  bal_project_set_author (f->project, "Sanne Jansen", "evaluator");
  decide (f, f->agent, "D");
  decide (f, f->lead, "F");
  g_assert_true (bal_review_set_status (f->project, f->agent, "proposed", NULL, &error));
  g_assert_true (bal_review_set_status (f->project, f->lead, "proposed", NULL, &error));
  g_assert_true (bal_review_set_status (f->project, f->lead, "adopted", NULL, &error));

  /* Not against a draft. */
  g_assert_true (bal_review_set_status (f->project, f->agent, "draft", NULL, &error));
  bal_project_set_author (f->project, "Karin Smit", "works-council");
  g_assert_cmpint (bal_objection_lodge (f->project, f->agent, NULL, "Te laag.", NULL, &error), ==, 0);
  g_assert_error (error, BAL_OBJECTION_ERROR, BAL_OBJECTION_ERROR_STATE);
  g_clear_error (&error);
  bal_project_set_author (f->project, "Sanne Jansen", "evaluator");
  g_assert_true (bal_review_set_status (f->project, f->agent, "proposed", NULL, &error));

  /* In review mode, the works council lodges against the proposal. */
  bal_project_set_review_mode (f->project, TRUE);
  bal_project_set_author (f->project, "Karin Smit", "works-council");
  id = bal_objection_lodge (f->project, f->agent, NULL, "Klachtafhandeling is zwaarder dan bij KS.02.", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (bal_objection_set_advice (f->project, id, "A. de Wit, B. Kok", "Handhaven.", NULL, &error));
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  bal_project_set_review_mode (f->project, FALSE);
  status = bal_review_status (f->project, f->agent, NULL);
  g_assert_cmpstr (status, ==, "proposed");

  /* The employee objects to the adopted grading of the lead, 45 days ago. */
  long_ago = bal_date_add_days (today, -45);
  bal_project_set_author (f->project, "Sanne Jansen", "evaluator");
  late = bal_objection_lodge (f->project, f->lead, "Joris Visser", "Ik geef ook leiding aan de planning.", long_ago, &error);
  g_assert_no_error (error);
  g_clear_pointer (&status, g_free);
  status = bal_review_status (f->project, f->lead, NULL);
  g_assert_cmpstr (status, ==, "objected");

  g_assert_false (bal_objection_decide (f->project, id, "upheld", "", &error));
  g_clear_error (&error);
  g_assert_false (bal_objection_set_appeal (f->project, id, TRUE, &error));
  g_clear_error (&error);
  g_assert_true (bal_objection_set_advice (f->project, id, "A. de Wit, B. Kok, C. Yilmaz", "Handhaven: KS.02 past.", "2026-11-20", &error));
  g_assert_true (bal_objection_decide (f->project, id, "upheld", "Het advies wordt gevolgd.", &error));
  g_assert_true (bal_objection_set_appeal (f->project, id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (bal_objection_decide (f->project, id, "revised", "", &error));
  g_clear_error (&error);

  handled = bal_objection_get (f->project, id, &error);
  g_assert_cmpstr (handled->against, ==, "proposed");
  g_assert_cmpstr (handled->committee_members, ==, "A. de Wit, B. Kok, C. Yilmaz");
  g_assert_cmpstr (handled->committee_date, ==, "2026-11-20");
  g_assert_cmpstr (handled->outcome, ==, "upheld");
  g_assert_cmpstr (handled->decided_by, ==, "Sanne Jansen");
  g_assert_true (handled->appeal);
  g_assert_false (handled->overdue);

  open = bal_objection_list (f->project, 0, TRUE, &error);
  g_assert_cmpuint (open->len, ==, 1);
  overdue = g_ptr_array_index (open, 0);
  g_assert_cmpint (overdue->id, ==, late);
  g_assert_cmpstr (overdue->author, ==, "Joris Visser");
  g_assert_cmpstr (overdue->role, ==, "employee");
  g_assert_cmpint (overdue->days_open, ==, 45);
  g_assert_true (overdue->overdue);
  g_assert_cmpstr (bal_objection_state_label (overdue), ==, "Open, overdue");
  bal_project_close (f->project);

  book = export_and_read (f, parser);
  g_assert_nonnull (find_cell (book, "Review", "Open, overdue"));
  g_assert_nonnull (find_cell (book, "Review", "A. de Wit, B. Kok, C. Yilmaz"));
}

/* An update that changes nothing the log describes writes no entry; one
 * that does writes one; the signed log still checks out. */
static void
test_no_op_update (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BalJob) job = bal_jobs_get (f->project, f->agent, &error);
  g_autoptr(BalProject) again = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autofree char *before = NULL, *after_same = NULL, *after_change = NULL;

  bal_project_set_author (f->project, "Sanne Jansen", "evaluator");
  before = query (f, "SELECT count (*) FROM audit_log WHERE table_name = 'job'");
  g_assert_true (bal_jobs_update (f->project, job, &error));
  g_assert_true (bal_questionnaire_answer (f->project, f->agent, "education", "mbo3", "The vacancy asks for MBO-3.", &error));
  g_assert_no_error (error);
  after_same = query (f, "SELECT count (*) FROM audit_log WHERE table_name IN ('job', 'answer') AND action = 'update'");
  g_assert_cmpstr (after_same, ==, "0");

  g_free (job->department);
  job->department = g_strdup ("Klantcontact");
  g_assert_true (bal_jobs_update (f->project, job, &error));
  after_change = query (f, "SELECT count (*) FROM audit_log WHERE table_name = 'job' AND action = 'update'");
  g_assert_cmpstr (after_change, ==, "1");
  bal_project_close (f->project);

  again = bal_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bal_project_get_findings (again)->len, ==, 0);
}

/* The notice, read back with pdftotext: grade, scale, justification and
 * the last day to object. */
static void
test_notice (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BalNotice) notice = NULL;
  g_autoptr(BalRun) text = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  g_autofree char *out = g_build_filename (f->dir, "brief.pdf", NULL);
  g_autofree char *expected_deadline = NULL;
  g_autoptr(GFile) target = g_file_new_for_path (out);
  const char *argv[] = { "pdftotext", "-layout", out, "-", NULL };
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  int y, m, d;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  g_assert_false (bal_notice_write_pdf (f->project, f->agent, target, &error));
  g_assert_error (error, BAL_NOTICE_ERROR, BAL_NOTICE_ERROR_NOT_GRADED);
  g_clear_error (&error);

  bal_project_set_author (f->project, "Sanne Jansen", "evaluator");
  decide (f, f->agent, "D");
  g_assert_true (bal_notice_write_pdf (f->project, f->agent, target, &error));
  g_assert_no_error (error);
  notice = bal_notice_latest (f->project, f->agent, &error);
  g_assert_nonnull (notice);
  g_assert_cmpint (bal_date_days_between (notice->issued, notice->deadline), ==, 30);

  text = bal_run_program (argv);
  g_assert_cmpint (text->status, ==, 0);
  g_assert_nonnull (strstr (text->out, "Notice of grading"));
  g_assert_nonnull (strstr (text->out, "Klantenservicemedewerker"));
  g_assert_nonnull (strstr (text->out, "grade D"));
  g_assert_nonnull (strstr (text->out, "Schaal 4"));
  g_assert_nonnull (strstr (text->out, "2320"));
  g_assert_nonnull (strstr (text->out, "De functie handelt klachten zelfstandig af."));
  g_assert_nonnull (strstr (text->out, "KS.02"));
  g_assert_cmpint (sscanf (notice->deadline, "%d-%d-%d", &y, &m, &d), ==, 3);
  deadline = g_date_time_new_local (y, m, d, 12, 0, 0);
  expected_deadline = g_date_time_format (deadline, "%-d %B %Y");
  g_assert_nonnull (strstr (text->out, expected_deadline));
}

/* The audit trail as sentences naming the people. */
static void
test_sentences (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  bal_project_set_author (f->project, "Sanne Jansen", "evaluator");
  decide (f, f->agent, "D");
  g_assert_true (bal_review_set_status (f->project, f->agent, "proposed", "Klaar voor de OR.", &error));
  bal_project_set_author (f->project, "Karin Smit", "works-council");
  g_assert_cmpint (bal_objection_lodge (f->project, f->agent, NULL, "Te laag.", NULL, &error), >, 0);

  sentences = bal_audit_sentences (f->project, f->agent, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sentences->len; i++)
    g_string_append_printf (all, "%s\n", ((BalAuditSentence *)g_ptr_array_index (sentences, i))->text);

  g_assert_nonnull (strstr (all->str, "Sanne Jansen recorded grade D for Klantenservicemedewerker on "));
  g_assert_nonnull (strstr (all->str, ", departing from the proposal "));
  g_assert_nonnull (strstr (all->str, "Sanne Jansen set Klantenservicemedewerker to “Proposed” on "));
  g_assert_nonnull (strstr (all->str, "Karin Smit lodged an objection against the grading of Klantenservicemedewerker on "));
  g_assert_nonnull (strstr (all->str, "answered “"));
  /* No raw database output, and no entry for a decision's verdicts. */
  g_assert_null (strstr (all->str, "{"));
  g_assert_null (strstr (all->str, "decision_verdict"));
}

/* The same from the command line, with --author and --role. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autoptr(BalRun) nameless = NULL, decided = NULL, proposed = NULL, notice = NULL, lodged = NULL, list = NULL;
  g_autoptr(BalRun) bad_role = NULL, advice = NULL, outcome = NULL, scales = NULL, signed_off = NULL, versions = NULL;
  g_autofree char *objection = NULL;
  g_autofree char *id = NULL;

  bal_project_close (f->project);

  nameless = bal_run_cli ("status", f->path, "Klantenservicemedewerker", "proposed", NULL);
  g_assert_cmpint (nameless->status, ==, 1);
  g_assert_nonnull (strstr (nameless->err, "--author"));
  bad_role = bal_run_cli ("status", f->path, "Klantenservicemedewerker", "proposed", "--author", "X", "--role", "koning", NULL);
  g_assert_cmpint (bad_role->status, ==, 2);

  signed_off = bal_run_cli ("description", f->path, "Klantenservicemedewerker", "agreed", "--name", "Mirjam de Boer",
                            "--author", "Sanne Jansen", NULL);
  g_assert_cmpint (signed_off->status, ==, 0);
  versions = bal_run_cli ("description", f->path, "Klantenservicemedewerker", NULL);
  g_assert_nonnull (strstr (versions->out, "agreed by Mirjam de Boer"));

  decided = bal_run_cli ("decide", f->path, "Klantenservicemedewerker", "--reference", "KS.02", "--grade", "D",
                         "--justification", "Gelijk aan KS.02.", "--departure-reason", "Vooruitlopend.",
                         "--author", "Sanne Jansen", "--role", "evaluator", NULL);
  g_assert_cmpint (decided->status, ==, 0);
  proposed = bal_run_cli ("status", f->path, "Klantenservicemedewerker", "proposed", "--author", "Sanne Jansen", NULL);
  g_assert_cmpint (proposed->status, ==, 0);
  notice = bal_run_cli ("notice", f->path, "Klantenservicemedewerker", out, "--author", "Sanne Jansen", NULL);
  g_assert_cmpint (notice->status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  lodged = bal_run_cli ("objection", "lodge", f->path, "Klantenservicemedewerker", "Te laag ingedeeld.",
                        "--author", "Karin Smit", "--role", "works-council", NULL);
  g_assert_cmpint (lodged->status, ==, 0);
  id = g_strstrip (g_strdup (lodged->out));
  advice = bal_run_cli ("objection", "advice", f->path, id, "Handhaven.", "--members", "A. de Wit, B. Kok",
                        "--author", "Sanne Jansen", NULL);
  g_assert_cmpint (advice->status, ==, 0);
  outcome = bal_run_cli ("objection", "decide", f->path, id, "upheld", "--note", "Advies gevolgd.",
                         "--author", "Sanne Jansen", NULL);
  g_assert_cmpint (outcome->status, ==, 0);
  list = bal_run_cli ("objection", "list", f->path, NULL);
  g_assert_nonnull (strstr (list->out, "Decided: grading upheld"));
  g_assert_nonnull (strstr (list->out, "by Karin Smit"));

  objection = query (f, "SELECT author || '/' || role || '/' || committee_members || '/' || decided_by FROM objection");
  g_assert_cmpstr (objection, ==, "Karin Smit/works-council/A. de Wit, B. Kok/Sanne Jansen");

  scales = bal_run_cli ("scale", f->path, NULL);
  g_assert_nonnull (strstr (scales->out, "D  Schaal 4: € 2320 – € 2850 per month"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/procedure/author-on-every-record", test_author);
  ADD ("/procedure/description/seen-agreed-graded", test_description);
  ADD ("/procedure/salary-scales/workbook", test_scales);
  ADD ("/procedure/objection/committee-outcome-overdue", test_objection);
  ADD ("/procedure/audit/no-op-update", test_no_op_update);
  ADD ("/procedure/notice/pdf", test_notice);
  ADD ("/procedure/audit/sentences", test_sentences);
  ADD ("/procedure/cli", test_cli);
#undef ADD

  return g_test_run ();
}
