/* test-export.c: the workbook, read back by an independent reader (openpyxl)
 *
 * The suite runs under nl_NL.UTF-8 (tests/meson.build builds the locale
 * into the build folder), where printf writes a decimal comma: the
 * workbook must not.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <utime.h>

#include "bal-demo.h"
#include "bal-audit.h"
#include "bal-export.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-questionnaire.h"
#include "bal-review.h"
#include "test-cli-util.h"
#include "bal-project-private.h"

/* The title block's rows come first; the header row follows. */
#define HEADER_ROW 5

/* The Overview's columns; the job's title links to its justification. */
enum { OV_DEPARTMENT, OV_JOB, OV_INCUMBENTS, OV_FAMILY, OV_REFERENCE, OV_REFERENCE_TITLE, OV_VERDICT,
       OV_GRADE, OV_SCALE, OV_ORDER, OV_STATUS, OV_DEPARTS, OV_PREVIOUS, OV_CHANGE, OV_EVALUATOR, OV_DATE,
       OV_COLUMNS };

typedef struct
{
  char       *dir;
  char       *path;
  BalProject *project;
  gint64      agent;
  gint64      formula;
} Fixture;

static void
decide (BalProject *project,
        gint64      job,
        const char *grade,
        const char *justification,
        const char *departure)
{
  g_autoptr(GError) error = NULL;
  BalDecisionInput input = { "KS.02", grade, justification, departure, "Iris de Vries", NULL, NULL };

  g_assert_cmpint (bal_grading_decide (project, job, &input, &error), >, 0);
  g_assert_no_error (error);
}

/* Answers every question for @job with the option nearest the level of
 * reference @code on the question's characteristic, @offset levels higher
 * on complexity: a job the reference fits, and a proposal that holds. */
static void
answer_like (BalProject *project,
             gint64      job,
             const char *code,
             int         offset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BalMethod) method = bal_handbook_load_method (project, &error);
  g_autoptr(BalReference) reference = bal_handbook_get_reference (project, code, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < method->questions->len; i++)
    {
      BalQuestion *question = g_ptr_array_index (method->questions, i);
      BalQuestionOption *best = NULL;
      int level = 0;

      for (guint p = 0; p < reference->profile->len; p++)
        {
          BalProfileEntry *entry = g_ptr_array_index (reference->profile, p);

          if (g_strcmp0 (entry->characteristic_id, question->characteristic) == 0)
            level = entry->level + (g_strcmp0 (entry->characteristic_id, "complexity") == 0 ? offset : 0);
        }
      for (guint o = 0; o < question->options->len; o++)
        {
          BalQuestionOption *option = g_ptr_array_index (question->options, o);

          if (best == NULL || ABS (option->level - level) < ABS (best->level - level))
            best = option;
        }
      g_assert_true (bal_questionnaire_answer (project, job, question->id, best->id, NULL, &error));
      g_assert_no_error (error);
    }
}

/* Answers every question, then decides @job on @code at the proposed
 * grade, with @note on complexity; returns the grade. */
static char *
decide_as_proposed (BalProject *project,
                    gint64      job,
                    const char *code,
                    int         offset,
                    const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BalComparison) comparison = NULL;
  g_autoptr(GHashTable) notes = g_hash_table_new (g_str_hash, g_str_equal);
  BalDecisionInput input = { code, NULL, "Past bij de referentie.", NULL, "Iris de Vries", NULL, notes };

  answer_like (project, job, code, offset);
  comparison = bal_grading_compare (project, job, code, &error);
  g_assert_no_error (error);
  g_hash_table_insert (notes, "complexity", (gpointer)note);
  input.grade = comparison->proposed_grade;
  bal_grading_decide (project, job, &input, &error);
  g_assert_no_error (error);

  return g_strdup (comparison->proposed_grade);
}

static gint64
add_job (BalProject *project,
         const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BalJob) job = bal_job_new ();
  gint64 id;

  g_free (job->title);
  job->title = g_strdup (title);
  job->incumbents = 1;
  id = bal_jobs_add (project, job, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
set_status (BalProject *project,
            gint64      job,
            const char *status,
            const char *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bal_review_set_status (project, job, status, note, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BalJob) formula = bal_job_new ();
  g_autoptr(GHashTable) notes = g_hash_table_new (g_str_hash, g_str_equal);
  BalDecisionInput revision = { "KS.02", "D", "Herzien na bezwaar.", "Klachten gaan naar de teamleider.",
                                "Iris de Vries", NULL, notes };

  f->dir = g_dir_make_tmp ("balans-export-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "export.balans", NULL);
  file = g_file_new_for_path (f->path);
  f->project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  bal_project_set_author (f->project, "Iris de Vries", "evaluator");

  f->agent = bal_jobs_find (f->project, "Klantenservicemedewerker", &error);
  g_assert_true (bal_questionnaire_answer (f->project, f->agent, "planning", "day", "Werkt volgens rooster", &error));
  decide (f->project, f->agent, "E", "Eerste indeling.", "Klachten zwaarder gewogen.");
  /* The revision has a note on a characteristic: the workbook shows it. */
  g_hash_table_insert (notes, "complexity", "Klachten gaan door naar de teamleider.");
  g_assert_cmpint (bal_grading_decide (f->project, f->agent, &revision, &error), >, 0);
  g_assert_no_error (error);

  set_status (f->project, f->agent, "proposed", NULL);
  g_assert_cmpint (bal_review_add_remark (f->project, f->agent, "works-council", "Ondernemingsraad", "Is D niet te laag?", &error), >, 0);

  g_free (formula->title);
  formula->title = g_strdup ("=SUM(A1)");
  formula->incumbents = 2;
  f->formula = bal_jobs_add (f->project, formula, &error);
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

static JsonObject *
read_workbook (JsonParser *parser,
               const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "read-workbook.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-workbook.py failed: %s", err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

/* Exports the whole project, or @job_ids, to @name in the fixture's folder. */
static JsonObject *
export (Fixture      *f,
        JsonParser   *parser,
        const char   *name,
        const gint64 *job_ids,
        guint         n_job_ids)
{
  g_autofree char *out = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;

  g_assert_true (bal_export_workbook (bal_project_get_file (f->project), target, job_ids, n_job_ids,
                                      NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return read_workbook (parser, out);
}

static JsonObject *
member (JsonObject *book,
        const char *what,
        const char *sheet)
{
  return json_object_get_object_member (json_object_get_object_member (book, what), sheet);
}

static JsonArray *
cell (JsonObject *book,
      const char *sheet,
      guint       row,
      guint       col)
{
  JsonArray *rows = json_object_get_array_member (json_object_get_object_member (book, "cells"), sheet);
  JsonArray *cells;

  g_assert_cmpuint (row, <, json_array_get_length (rows));
  cells = json_array_get_array_element (rows, row);
  g_assert_cmpuint (col, <, json_array_get_length (cells));

  return json_array_get_array_element (cells, col);
}

static const char *
text_at (JsonObject *book,
         const char *sheet,
         guint       row,
         guint       col)
{
  JsonNode *value = json_array_get_element (cell (book, sheet, row, col), 0);

  return JSON_NODE_HOLDS_NULL (value) ? NULL : json_node_get_string (value);
}

static gint64
number_at (JsonObject *book,
           const char *sheet,
           guint       row,
           guint       col)
{
  g_assert_cmpstr (json_array_get_string_element (cell (book, sheet, row, col), 1), ==, "n");
  return json_array_get_int_element (cell (book, sheet, row, col), 0);
}

static gboolean
is_empty (JsonObject *book,
          const char *sheet,
          guint       row,
          guint       col)
{
  JsonArray *rows = json_object_get_array_member (json_object_get_object_member (book, "cells"), sheet);
  JsonArray *cells = json_array_get_array_element (rows, row);

  return col >= json_array_get_length (cells) ||
         JSON_NODE_HOLDS_NULL (json_array_get_element (json_array_get_array_element (cells, col), 0));
}

static guint
rows_of (JsonObject *book,
         const char *sheet)
{
  return json_array_get_length (json_object_get_array_member (json_object_get_object_member (book, "cells"), sheet));
}

/* The row of the first cell in column @col that reads @text, or -1. */
static int
find_row (JsonObject *book,
          const char *sheet,
          guint       col,
          const char *text)
{
  JsonArray *rows = json_object_get_array_member (json_object_get_object_member (book, "cells"), sheet);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);
      JsonNode *value;

      if (col >= json_array_get_length (row))
        continue;
      value = json_array_get_element (json_array_get_array_element (row, col), 0);
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (value), text) == 0)
        return i;
    }

  return -1;
}

/* The column of row @row that reads @text, or -1. */
static int
find_col (JsonObject *book,
          const char *sheet,
          guint       row,
          const char *text)
{
  JsonArray *rows = json_object_get_array_member (json_object_get_object_member (book, "cells"), sheet);
  JsonArray *cells = json_array_get_array_element (rows, row);

  for (guint i = 0; i < json_array_get_length (cells); i++)
    {
      JsonNode *value = json_array_get_element (json_array_get_array_element (cells, i), 0);

      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (value), text) == 0)
        return i;
    }

  return -1;
}

/* The location of the hyperlink in @row, @col of @sheet, or NULL. */
static const char *
link_at (JsonObject *book,
         const char *sheet,
         guint       row,
         guint       col)
{
  JsonArray *links = json_object_get_array_member (json_object_get_object_member (book, "hyperlinks"), sheet);

  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonArray *link = json_array_get_array_element (links, i);

      if (json_array_get_int_element (link, 0) == row && json_array_get_int_element (link, 1) == col)
        return json_array_get_string_element (link, 2);
    }

  return NULL;
}

static const char * const fixed_sheets[] = { "Overview", "Justifications", "Job structure", "Consistency", "Review", "Handbook", NULL };

/* The six sheets of a whole-project workbook lead, in their order. */
static void
assert_fixed_sheets (JsonObject *book)
{
  JsonArray *sheets = json_object_get_array_member (book, "sheets");

  g_assert_cmpuint (json_array_get_length (sheets), >=, g_strv_length ((GStrv)fixed_sheets));
  for (guint i = 0; fixed_sheets[i] != NULL; i++)
    g_assert_cmpstr (json_array_get_string_element (sheets, i), ==, fixed_sheets[i]);
}

/* The row of the job titled @title in the Overview, with its link to its
 * justification followed: the detail sheet's first cell, or the row of the
 * Justifications that names the same job. Returns the Overview's row. */
static int
overview_row (JsonObject *book,
              const char *title,
              char      **target_sheet,
              int        *target_row)
{
  int row = find_row (book, "Overview", OV_JOB, title);
  const char *location;
  const char *bang;
  g_autofree char *sheet = NULL;

  g_assert_cmpint (row, >, HEADER_ROW);
  location = link_at (book, "Overview", row, OV_JOB);
  g_assert_nonnull (location);
  bang = strrchr (location, '!');
  g_assert_nonnull (bang);
  g_assert_true (location[0] == '\'' && bang[-1] == '\'');
  sheet = g_strndup (location + 1, bang - location - 2);
  *target_row = atoi (bang + 2) - 1;
  g_assert_true (bang[1] == 'A');
  if (target_sheet != NULL)
    *target_sheet = g_strdup (sheet);

  /* The link leads to the job: a detail sheet starts with its title. */
  if (g_strcmp0 (sheet, "Justifications") == 0)
    g_assert_cmpstr (text_at (book, sheet, *target_row, 0), ==, title);
  else
    {
      g_assert_cmpint (*target_row, ==, 0);
      g_assert_cmpstr (text_at (book, sheet, 0, 0), ==, title);
    }

  return row;
}

/* The premise of the suite: numbers are printed the Dutch way here, and an
 * export, in a thread of its own as the app runs it, leaves it so. */
static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Fixture *f = data;
  g_autofree char *out = g_build_filename (f->dir, "draad.xlsx", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;

  if (bal_export_workbook (bal_project_get_file (f->project), target, NULL, 0, NULL, NULL, NULL, &error))
    g_task_return_pointer (task, g_strdup_printf ("%.1f", 0.5), g_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
test_locale (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = g_build_filename (f->dir, "draad.xlsx", NULL);
  g_autofree char *after = NULL;
  g_autofree char *in_thread = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *book;

  if (g_getenv ("BAL_TEST_NO_LOCALEDEF") != NULL)
    {
      g_test_skip ("localedef is missing: the suite runs in C.UTF-8, not in nl_NL.UTF-8");
      return;
    }

  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  g_task_set_task_data (task, f, NULL);
  g_task_run_in_thread_sync (task, export_in_thread);
  in_thread = g_task_propagate_pointer (task, &error);
  g_assert_no_error (error);
  after = g_strdup_printf ("%.1f", 0.5);

  /* The worker's locale is its own again, and this thread's was never touched. */
  g_assert_cmpstr (in_thread, ==, "0,5");
  g_assert_cmpstr (after, ==, "0,5");

  book = read_workbook (parser, out);
  assert_fixed_sheets (book);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (book, "numbers"), "commas")), ==, 0);
}

static void
test_workbook (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *head = NULL;
  g_autofree char *expected_head = NULL;
  g_autofree char *detail = NULL;
  JsonObject *book;
  JsonArray *sheets;
  int row, target;

  book = export (f, parser, "indeling.xlsx", NULL, 0);
  sheets = json_object_get_array_member (book, "sheets");
  assert_fixed_sheets (book);
  /* The six sheets, and a detail sheet per job (4): a small project. */
  g_assert_cmpuint (json_array_get_length (sheets), ==, 6 + 4);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (book, "properties"), "title"), ==,
                   "Job gradings: Demo organisation");

  /* The title block: organisation and handbook, draft, confidential. */
  g_assert_cmpstr (text_at (book, "Overview", 0, 0), ==, "Overview");
  g_assert_true (g_str_has_prefix (text_at (book, "Overview", 1, 0), "Demo organisation · Balans demohandboek"));
  g_assert_nonnull (strstr (text_at (book, "Overview", 1, 0), ", version 2026.1"));
  g_assert_nonnull (strstr (text_at (book, "Overview", 3, 0), "Draft: 0 of 4 jobs adopted"));
  g_assert_true (g_str_has_suffix (text_at (book, "Overview", 3, 0), "Confidential"));

  /* One row per job, under the header; a real table over them, frozen header. */
  g_assert_cmpstr (text_at (book, "Overview", HEADER_ROW, 0), ==, "Department");
  g_assert_cmpuint (rows_of (book, "Overview"), ==, HEADER_ROW + 1 + 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (book, "tables"), "Overview")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (member (book, "table_ranges", "Overview"), "Table1"), ==, "A6:P10");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (book, "freeze"), "Overview"), ==, "A7");

  /* The formula-looking title is text in the overview and names its own sheet. */
  row = find_row (book, "Overview", OV_JOB, "=SUM(A1)");
  g_assert_cmpint (row, >, HEADER_ROW);
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Overview", row, OV_JOB), 1), ==, "s");
  g_assert_cmpint (number_at (book, "Overview", row, OV_INCUMBENTS), ==, 2);
  overview_row (book, "=SUM(A1)", &detail, &target);
  g_assert_cmpstr (detail, !=, "Justifications");

  /* The graded job: grade as text, its order as a number, the date as a date. */
  row = overview_row (book, "Klantenservicemedewerker", NULL, &target);
  g_assert_cmpstr (text_at (book, "Overview", row, OV_GRADE), ==, "D");
  g_assert_cmpstr (text_at (book, "Overview", row, OV_SCALE), ==, "Schaal 4: € 2320 – € 2850 per month");
  g_assert_cmpint (number_at (book, "Overview", row, OV_ORDER), ==, 4);
  g_assert_cmpstr (text_at (book, "Overview", row, OV_REFERENCE), ==, "KS.02");
  g_assert_cmpstr (text_at (book, "Overview", row, OV_FAMILY), ==, "Klantenservice");
  g_assert_cmpstr (text_at (book, "Overview", row, OV_EVALUATOR), ==, "Iris de Vries");
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Overview", row, OV_DATE), 1), ==, "d");
  g_assert_cmpint (number_at (book, "Overview", row, OV_INCUMBENTS), ==, 38);

  /* Every job's row links to its justification. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (book, "hyperlinks"), "Overview")), ==, 4);
  overview_row (book, "Director Customer Operations", NULL, &target);
  overview_row (book, "Teamleider klantenservice", NULL, &target);

  /* The structure has its chart of jobs and incumbents per grade. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (book, "charts"), "Job structure"), ==, 1);

  /* The justification holds the evidence, the decision and the whole history. */
  g_assert_cmpint (find_row (book, "Klantenservicemedewerker", 3, "Werkt volgens rooster"), >, 0);
  row = find_row (book, "Klantenservicemedewerker", 0, "Incumbents");
  g_assert_cmpint (number_at (book, "Klantenservicemedewerker", row, 1), ==, 38);
  row = find_row (book, "Klantenservicemedewerker", 0, "History");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (text_at (book, "Klantenservicemedewerker", row + 2, 1), ==, "Herzien na bezwaar.");
  g_assert_cmpstr (text_at (book, "Klantenservicemedewerker", row + 3, 1), ==, "Eerste indeling.");
  g_assert_cmpstr (text_at (book, "Klantenservicemedewerker", row + 3, 2), ==, "E");
  g_assert_cmpint (find_row (book, "Klantenservicemedewerker", 1, "Klachten gaan naar de teamleider."), >, 0);
  /* The decision says how the proposal was reached. */
  row = find_row (book, "Klantenservicemedewerker", 0, "How the proposal was reached");
  g_assert_cmpint (row, >, 0);
  {
    g_autoptr(BalDecision) decision = bal_grading_latest (f->project, f->agent, NULL);
    g_autoptr(BalMethod) method = bal_handbook_load_method (f->project, NULL);
    g_autofree char *explanation = bal_grading_explain_decision (decision, method);

    g_assert_cmpstr (text_at (book, "Klantenservicemedewerker", row, 1), ==, explanation);
    g_assert_nonnull (strstr (explanation, " → "));
  }
  /* The note written on a characteristic is in the comparison's Note column. */
  row = find_row (book, "Klantenservicemedewerker", 0, "Complexiteit");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (text_at (book, "Klantenservicemedewerker", row, 1), ==, "Klachten gaan door naar de teamleider.");

  /* The status history is in the justification, the remark on the review sheet. */
  row = find_row (book, "Klantenservicemedewerker", 0, "Status History");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (text_at (book, "Klantenservicemedewerker", row + 2, 2), ==, "Proposed");
  g_assert_cmpint (find_row (book, "Review", 4, "Is D niet te laag?"), >, 0);

  /* The handbook sheet lists the reference function that was used. */
  g_assert_cmpint (find_row (book, "Handbook", 0, "KS.02"), >, 0);
  g_assert_cmpint (find_row (book, "Handbook", 0, "KS.01"), ==, -1);

  /* The fingerprint of the signed log's head, for the works council's minutes. */
  head = bal_audit_head_fingerprint (f->project);
  g_assert_nonnull (head);
  g_assert_true (g_str_has_prefix (head, "entry "));
  expected_head = g_strdup_printf ("Audit log head: %s", head);
  g_assert_cmpint (find_row (book, "Handbook", 0, expected_head), ==, 2);
}

/* No number in the package's XML has a decimal comma, and there are numbers
 * with decimals to have one: widths, margins, dates. */
static void
test_numbers (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *book = export (f, parser, "getallen.xlsx", NULL, 0);
  JsonObject *numbers = json_object_get_object_member (book, "numbers");
  JsonArray *commas = json_object_get_array_member (numbers, "commas");

  for (guint i = 0; i < json_array_get_length (commas); i++)
    {
      JsonArray *found = json_array_get_array_element (commas, i);

      g_printerr ("%s: <%s> %s\n", json_array_get_string_element (found, 0),
                  json_array_get_string_element (found, 1), json_array_get_string_element (found, 2));
    }
  g_assert_cmpuint (json_array_get_length (commas), ==, 0);
  g_assert_cmpint (json_object_get_int_member (numbers, "decimals"), >, 100);

  /* And a date is the date, read as one: the decision was taken today. */
  {
    const char *decided = text_at (book, "Overview", find_row (book, "Overview", OV_JOB, "Klantenservicemedewerker"), OV_DATE);
    const char *exported = text_at (book, "Overview", 3, 0);

    g_assert_true (g_str_has_prefix (exported, "Exported on "));
    g_assert_cmpint (strncmp (decided, exported + strlen ("Exported on "), strlen ("2026-01-01")), ==, 0);
  }
}

/* The Overview's status is the review workflow's, in the app's words, for a
 * job in each status. */
static void
test_overview_statuses (Fixture       *f,
                        gconstpointer  data)
{
  const struct
  {
    const char *title;
    const char *statuses[5];
    const char *expected;
  } jobs[] = {
    { "Niet ingedeeld", { NULL }, "Not graded" },
    { "Ingedeeld concept", { NULL }, "Draft" },
    { "Voorgesteld", { "proposed", NULL }, "Proposed" },
    { "Vastgesteld", { "proposed", "adopted", NULL }, "Adopted" },
    { "Bezwaar", { "proposed", "adopted", "objected", NULL }, "Objection lodged" },
    { "Bezwaar ongegrond", { "proposed", "adopted", "objected", "upheld", NULL }, "Objection handled: decision upheld" },
    { "Bezwaar gegrond", { "proposed", "adopted", "objected", "revised", NULL }, "Objection handled: decision revised" },
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *book;

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      gint64 id = add_job (f->project, jobs[i].title);

      if (i > 0)
        decide (f->project, id, "D", "Als KS.02.", "Zo besloten.");
      for (guint s = 0; jobs[i].statuses[s] != NULL; s++)
        {
          if (g_strcmp0 (jobs[i].statuses[s], "revised") == 0)
            {
              g_usleep (1100 * 1000);  /* a revision is newer than the objection */
              decide (f->project, id, "E", "Herzien.", "Zo besloten.");
            }
          set_status (f->project, id, jobs[i].statuses[s], "Omdat het zo is.");
        }
    }

  book = export (f, parser, "statussen.xlsx", NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      gint64 id = bal_jobs_find (f->project, jobs[i].title, &error);
      g_autofree char *status = bal_review_status (f->project, id, &error);
      g_autoptr(BalDecision) decision = bal_grading_latest (f->project, id, NULL);
      int row = find_row (book, "Overview", OV_JOB, jobs[i].title);

      g_assert_cmpint (row, >, HEADER_ROW);
      g_assert_cmpstr (text_at (book, "Overview", row, OV_STATUS), ==, jobs[i].expected);
      g_assert_cmpstr (text_at (book, "Overview", row, OV_STATUS), ==,
                       bal_review_job_status_label (status, decision != NULL));
    }
}

/* Departure from the proposal, previous grade and the change. */
static void
test_overview_departure (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *grade = NULL;
  gint64 plain = add_job (f->project, "Medewerker klantcontact");
  JsonObject *book;
  int row, target;

  grade = decide_as_proposed (f->project, plain, "KS.01", 0, NULL);
  book = export (f, parser, "afwijking.xlsx", NULL, 0);

  /* Decided E, then revised to D with a reason: one grade down. */
  row = overview_row (book, "Klantenservicemedewerker", NULL, &target);
  g_assert_cmpstr (text_at (book, "Overview", row, OV_DEPARTS), ==, "Yes");
  g_assert_cmpstr (text_at (book, "Overview", row, OV_PREVIOUS), ==, "E");
  g_assert_cmpint (number_at (book, "Overview", row, OV_CHANGE), ==, -1);

  /* Decided once, as proposed. */
  row = overview_row (book, "Medewerker klantcontact", NULL, &target);
  g_assert_cmpstr (text_at (book, "Overview", row, OV_GRADE), ==, grade);
  g_assert_cmpstr (text_at (book, "Overview", row, OV_DEPARTS), ==, "No");
  g_assert_true (is_empty (book, "Overview", row, OV_PREVIOUS));
  g_assert_true (is_empty (book, "Overview", row, OV_CHANGE));

  /* Not decided: no departure either way. */
  row = overview_row (book, "Director Customer Operations", NULL, &target);
  g_assert_true (is_empty (book, "Overview", row, OV_DEPARTS));
  g_assert_true (is_empty (book, "Overview", row, OV_GRADE));
}

/* Above BAL_EXPORT_DETAIL_SHEETS_MAX jobs, the one-table Justifications:
 * per characteristic the levels, verdict and note of the decision in force,
 * then its grades and reasons, the status, the objection and the remarks. */
static void
test_justifications (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) graded = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *codes[] = { "KS.01", "KS.03", "CB.02", "AS.02", "AD.04" };
  g_autoptr(BalMethod) method = bal_handbook_load_method (f->project, NULL);
  guint n_jobs = 4;
  gint64 objected = 0;
  guint notes = 0;
  guint expected_notes = 1;  /* the agent's */
  JsonObject *book;
  int header, row, col, target;
  char *sheet = NULL;

  g_ptr_array_add (graded, GINT_TO_POINTER (f->agent));
  for (guint i = 0; n_jobs <= BAL_EXPORT_DETAIL_SHEETS_MAX; i++, n_jobs++)
    {
      g_autofree char *title = g_strdup_printf ("Medewerker %02u", i + 1);
      gint64 id = add_job (f->project, title);

      if (i % 3 == 0)
        continue;
      g_free (decide_as_proposed (f->project, id, codes[i % G_N_ELEMENTS (codes)], i % 2, i % 4 == 1 ? "Veel uitzoekwerk." : NULL));
      expected_notes += i % 4 == 1;
      g_ptr_array_add (graded, GINT_TO_POINTER (id));
      objected = id;
    }
  set_status (f->project, objected, "proposed", NULL);
  set_status (f->project, objected, "adopted", NULL);
  set_status (f->project, objected, "objected", "Ik doe meer dan dat.");
  set_status (f->project, objected, "upheld", "De taken passen bij de referentie.");

  book = export (f, parser, "onderbouwing.xlsx", NULL, 0);

  /* No sheet per job above the size, and every row links into the table. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (book, "sheets")), ==, 6);
  g_assert_cmpuint (rows_of (book, "Overview"), ==, HEADER_ROW + 1 + n_jobs);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (book, "hyperlinks"), "Overview")), ==, n_jobs);
  for (guint r = HEADER_ROW + 1; r < HEADER_ROW + 1 + n_jobs; r++)
    {
      g_autofree char *to = NULL;

      overview_row (book, text_at (book, "Overview", r, OV_JOB), &to, &target);
      g_assert_cmpstr (to, ==, "Justifications");
    }

  /* Two header rows: the characteristics over their columns, then the
   * columns; the autofilter over the second and every job. */
  header = find_row (book, "Justifications", 0, "Job");
  g_assert_cmpint (header, ==, HEADER_ROW + 1);
  g_assert_cmpuint (rows_of (book, "Justifications"), ==, header + 1 + n_jobs);
  {
    g_autofree char *expected = g_strdup_printf ("A%d:%s%d", header + 1, "AB", header + 1 + n_jobs);

    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (book, "autofilter"), "Justifications"), ==, expected);
  }

  for (guint i = 0; i < graded->len; i++)
    {
      gint64 id = GPOINTER_TO_INT (g_ptr_array_index (graded, i));
      g_autoptr(BalJob) job = bal_jobs_get (f->project, id, NULL);
      g_autoptr(BalDecision) decision = bal_grading_latest (f->project, id, NULL);

      overview_row (book, job->title, &sheet, &row);
      g_clear_pointer (&sheet, g_free);
      g_assert_cmpstr (text_at (book, "Justifications", row, 2), ==, decision->reference_code);
      g_assert_cmpuint (decision->verdicts->len, >, 0);
      for (guint c = 0; c < method->characteristics->len; c++)
        {
          BalCharacteristic *characteristic = g_ptr_array_index (method->characteristics, c);
          BalDecisionVerdict *verdict = NULL;

          for (guint v = 0; v < decision->verdicts->len; v++)
            if (g_strcmp0 (((BalDecisionVerdict *)g_ptr_array_index (decision->verdicts, v))->characteristic_id, characteristic->id) == 0)
              verdict = g_ptr_array_index (decision->verdicts, v);

          /* The characteristic's name heads its four columns. */
          col = find_col (book, "Justifications", HEADER_ROW, characteristic->name);
          g_assert_cmpint (col, ==, 3 + 4 * c);
          g_assert_cmpstr (text_at (book, "Justifications", header, col), ==, "Job level");
          g_assert_cmpstr (text_at (book, "Justifications", header, col + 1), ==, "Reference level");
          g_assert_cmpstr (text_at (book, "Justifications", header, col + 2), ==, "Verdict");
          g_assert_cmpstr (text_at (book, "Justifications", header, col + 3), ==, "Note");
          if (verdict == NULL)
            {
              for (guint k = 0; k < 4; k++)
                g_assert_true (is_empty (book, "Justifications", row, col + k));
              continue;
            }
          if (verdict->job_level > 0)
            g_assert_cmpint (number_at (book, "Justifications", row, col), ==, verdict->job_level);
          else
            g_assert_true (is_empty (book, "Justifications", row, col));
          g_assert_cmpint (number_at (book, "Justifications", row, col + 1), ==, verdict->reference_level);
          g_assert_cmpstr (text_at (book, "Justifications", row, col + 2), ==, bal_verdict_label (verdict->verdict));
          if (*verdict->note != '\0')
            {
              g_assert_cmpstr (text_at (book, "Justifications", row, col + 3), ==, verdict->note);
              notes++;
            }
          else
            g_assert_true (is_empty (book, "Justifications", row, col + 3));
        }

      col = find_col (book, "Justifications", header, "Proposed grade");
      g_assert_cmpstr (text_at (book, "Justifications", row, col), ==, decision->proposed_grade);
      {
        /* The proposal's arithmetic, as the comparison gave it (test-grading). */
        g_autofree char *explanation = bal_grading_explain_decision (decision, method);
        g_autofree char *rule = g_strdup_printf (": grade %s.", decision->proposed_grade);

        col = find_col (book, "Justifications", header, "How the proposal was reached");
        g_assert_cmpstr (text_at (book, "Justifications", row, col), ==, explanation);
        g_assert_true (g_str_has_suffix (explanation, rule));
      }
      col = find_col (book, "Justifications", header, "Grade");
      g_assert_cmpstr (text_at (book, "Justifications", row, col), ==, decision->grade);
      col = find_col (book, "Justifications", header, "Justification");
      g_assert_cmpstr (text_at (book, "Justifications", row, col), ==, decision->justification);
    }

  /* Every note written is there. */
  g_assert_cmpuint (notes, ==, expected_notes);

  /* The agent's row: the reason for departing, the status, the open remark. */
  overview_row (book, "Klantenservicemedewerker", &sheet, &row);
  g_clear_pointer (&sheet, g_free);
  col = find_col (book, "Justifications", header, "Reason for departing from the proposal");
  g_assert_cmpstr (text_at (book, "Justifications", row, col), ==, "Klachten gaan naar de teamleider.");
  col = find_col (book, "Justifications", header, "Status");
  g_assert_cmpstr (text_at (book, "Justifications", row, col), ==, "Proposed");
  col = find_col (book, "Justifications", header, "Open remarks");
  g_assert_cmpstr (text_at (book, "Justifications", row, col), ==, "Ondernemingsraad (Works council): Is D niet te laag?");

  /* The objection and how it ended. */
  {
    g_autoptr(BalJob) job = bal_jobs_get (f->project, objected, NULL);

    overview_row (book, job->title, &sheet, &row);
    g_clear_pointer (&sheet, g_free);
    col = find_col (book, "Justifications", header, "Objection");
    g_assert_true (g_str_has_suffix (text_at (book, "Justifications", row, col), ": Ik doe meer dan dat."));
    col = find_col (book, "Justifications", header, "Outcome of the objection");
    g_assert_true (g_str_has_prefix (text_at (book, "Justifications", row, col), "Objection handled: decision upheld ("));
    g_assert_true (g_str_has_suffix (text_at (book, "Justifications", row, col), "): De taken passen bij de referentie."));
  }
}

/* Families by grades: jobs and incumbents with totals, the ungraded in a
 * row of their own, and every job listed by its cell. */
static void
test_structure (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *grade = NULL;
  gint64 seller = add_job (f->project, "Verkoper binnendienst");
  JsonObject *book;
  int jobs, incumbents, list, col, total, row;

  grade = decide_as_proposed (f->project, seller, "CB.02", 0, NULL);
  book = export (f, parser, "structuur.xlsx", NULL, 0);

  jobs = find_row (book, "Job structure", 0, "Jobs");
  incumbents = find_row (book, "Job structure", 0, "Incumbents");
  list = find_row (book, "Job structure", 0, "Jobs by grade and family");
  g_assert_cmpint (jobs, ==, HEADER_ROW);
  g_assert_cmpint (incumbents, >, jobs);
  g_assert_cmpint (list, >, incumbents);

  /* The families head the columns, highest grade first, then "Not graded" and the totals. */
  col = find_col (book, "Job structure", jobs + 1, "Commerciële binnendienst");
  total = find_col (book, "Job structure", jobs + 1, "Total");
  g_assert_cmpint (col, >, 0);
  g_assert_cmpint (total, >, col);
  g_assert_cmpstr (text_at (book, "Job structure", jobs + 2, 0), ==, "L");
  g_assert_cmpstr (text_at (book, "Job structure", jobs + 13, 0), ==, "A");
  row = jobs + 2 + ('L' - grade[0]);
  g_assert_cmpstr (text_at (book, "Job structure", row, 0), ==, grade);
  g_assert_cmpint (number_at (book, "Job structure", row, col), ==, 1);
  g_assert_cmpstr (text_at (book, "Job structure", jobs + 14, 0), ==, "Not graded");
  g_assert_cmpint (number_at (book, "Job structure", jobs + 14, total), ==, 3);
  g_assert_cmpstr (text_at (book, "Job structure", jobs + 15, 0), ==, "Total");
  g_assert_cmpint (number_at (book, "Job structure", jobs + 15, col), ==, 1);
  g_assert_cmpint (number_at (book, "Job structure", jobs + 15, total), ==, 5);

  /* Incumbents: the agent's 38 in grade D of Klantenservice; all 43 + 1 in all. */
  col = find_col (book, "Job structure", incumbents + 1, "Klantenservice");
  g_assert_cmpint (number_at (book, "Job structure", incumbents + 2 + ('L' - 'D'), col), ==, 38);
  g_assert_cmpint (number_at (book, "Job structure", incumbents + 15, total), ==, 1 + 4 + 38 + 2 + 1);

  /* Every job below, by grade and family, the ungraded last. */
  row = find_row (book, "Job structure", 2, "Klantenservicemedewerker");
  g_assert_cmpint (row, >, list);
  g_assert_cmpstr (text_at (book, "Job structure", row, 0), ==, "D");
  g_assert_cmpstr (text_at (book, "Job structure", row, 1), ==, "Klantenservice");
  g_assert_cmpint (number_at (book, "Job structure", row, find_col (book, "Job structure", list + 1, "Incumbents")), ==, 38);
  g_assert_cmpint (find_row (book, "Job structure", 2, "Verkoper binnendienst"), >, list);
  row = find_row (book, "Job structure", 2, "Director Customer Operations");
  g_assert_cmpstr (text_at (book, "Job structure", row, 0), ==, "Not graded");
  g_assert_cmpuint (rows_of (book, "Job structure"), ==, list + 2 + 5);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (book, "charts"), "Job structure"), ==, 1);
}

/* The findings a works council asks about. */
static void
test_consistency (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) lodged = g_date_time_add (now, -(12 * G_TIME_SPAN_DAY + G_TIME_SPAN_HOUR));
  g_autofree char *when = g_date_time_format (lodged, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  gint64 twin = add_job (f->project, "Medewerker klantenservice avond");
  g_autoptr(BalDecision) proposed = NULL;
  JsonObject *book;
  int section;

  /* The same reference as the agent (D), a grade lower. */
  decide (f->project, twin, "C", "Alleen avonddiensten.", "Minder klachten in de avond.");
  proposed = bal_grading_latest (f->project, twin, NULL);
  g_assert_cmpstr (proposed->proposed_grade, !=, "C");
  set_status (f->project, twin, "proposed", NULL);
  set_status (f->project, twin, "adopted", NULL);
  set_status (f->project, twin, "objected", "Avondwerk telt niet mee.");
  /* Lodged twelve days ago. */
  sql = g_strdup_printf ("UPDATE job_status SET at = '%s' WHERE job_id = %" G_GINT64_FORMAT " AND status = 'objected'", when, twin);
  g_assert_true (bal_project_exec (f->project, sql, &error));
  g_assert_no_error (error);

  book = export (f, parser, "consistentie.xlsx", NULL, 0);

  section = find_row (book, "Consistency", 0, "Same reference function, different grades");
  g_assert_cmpint (section, ==, HEADER_ROW);
  /* Highest grade first. */
  g_assert_cmpstr (text_at (book, "Consistency", section + 2, 0), ==, "Klantenservicemedewerker");
  g_assert_cmpstr (text_at (book, "Consistency", section + 2, 2), ==, "KS.02");
  g_assert_cmpstr (text_at (book, "Consistency", section + 2, 3), ==, "D");
  g_assert_cmpstr (text_at (book, "Consistency", section + 3, 0), ==, "Medewerker klantenservice avond");
  g_assert_cmpstr (text_at (book, "Consistency", section + 3, 2), ==, "KS.02");
  g_assert_cmpstr (text_at (book, "Consistency", section + 3, 3), ==, "C");
  g_assert_true (is_empty (book, "Consistency", section + 4, 0));

  /* In the Overview's order: the job without a department first. */
  section = find_row (book, "Consistency", 0, "Departures from the proposal");
  g_assert_cmpint (section, >, 0);
  g_assert_cmpstr (text_at (book, "Consistency", section + 2, 0), ==, "Medewerker klantenservice avond");
  g_assert_cmpstr (text_at (book, "Consistency", section + 2, 3), ==, proposed->proposed_grade);
  g_assert_cmpstr (text_at (book, "Consistency", section + 2, 4), ==, "C");
  g_assert_cmpstr (text_at (book, "Consistency", section + 2, 5), ==, "Minder klachten in de avond.");
  g_assert_cmpstr (text_at (book, "Consistency", section + 3, 0), ==, "Klantenservicemedewerker");
  g_assert_cmpstr (text_at (book, "Consistency", section + 3, 5), ==, "Klachten gaan naar de teamleider.");
  g_assert_true (is_empty (book, "Consistency", section + 4, 0));

  section = find_row (book, "Consistency", 0, "Open objections");
  g_assert_cmpint (section, >, 0);
  g_assert_cmpstr (text_at (book, "Consistency", section + 2, 0), ==, "Medewerker klantenservice avond");
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Consistency", section + 2, 2), 1), ==, "d");
  g_assert_cmpint (number_at (book, "Consistency", section + 2, 3), ==, 12);
  g_assert_cmpstr (text_at (book, "Consistency", section + 2, 4), ==, "Avondwerk telt niet mee.");
}

/* Every sheet prints on A4, fitted to the page's width, with a footer of
 * organisation, sheet and page; tables repeat their header; the language
 * is in the document's properties. */
static void
test_page_setup (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *book = export (f, parser, "afdruk.xlsx", NULL, 0);
  JsonArray *sheets = json_object_get_array_member (book, "sheets");

  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      const char *sheet = json_array_get_string_element (sheets, i);
      JsonObject *page = member (book, "page", sheet);
      JsonArray *footer = json_object_get_array_member (page, "footer");

      g_assert_cmpint (json_object_get_int_member (page, "paper"), ==, 9);
      g_assert_true (json_object_get_boolean_member (page, "fit_to_page"));
      g_assert_cmpint (json_object_get_int_member (page, "fit_width"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (page, "fit_height"), ==, 0);
      g_assert_cmpstr (json_array_get_string_element (footer, 0), ==, "Demo organisation");
      g_assert_cmpstr (json_array_get_string_element (footer, 1), ==, "&A");
      g_assert_cmpstr (json_array_get_string_element (footer, 2), ==, "Page &P of &N");
    }
  g_assert_cmpstr (json_object_get_string_member (member (book, "page", "Overview"), "orientation"), ==, "landscape");
  g_assert_cmpstr (json_object_get_string_member (member (book, "page", "Justifications"), "orientation"), ==, "landscape");
  g_assert_cmpstr (json_object_get_string_member (member (book, "page", "Overview"), "print_titles"), ==, "$6:$6");
  g_assert_cmpstr (json_object_get_string_member (member (book, "page", "Justifications"), "print_titles"), ==, "$6:$7");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (book, "custom_properties"), "Language"), ==, "en");
}

/* Column widths from the header's longest word and the longest value,
 * capped: a long justification wraps rather than widening its column. */
static void
test_widths (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *book = export (f, parser, "breedte.xlsx", NULL, 0);
  JsonObject *widths = member (book, "widths", "Overview");
  const char *letters = "ABCDEFGHIJKLMNOP";

  for (guint c = 0; c < OV_COLUMNS; c++)
    {
      char key[2] = { letters[c], '\0' };
      const char *header = text_at (book, "Overview", HEADER_ROW, c);
      glong longest = 0, word = 0;

      for (const char *p = header; *p != '\0'; p = g_utf8_next_char (p))
        {
          word = *p == ' ' ? 0 : word + 1;
          longest = MAX (longest, word);
        }
      g_assert_cmpfloat (json_object_get_double_member (widths, key), >=, longest);
      g_assert_cmpfloat (json_object_get_double_member (widths, key), <=, 40);
    }
  g_assert_cmpfloat (json_object_get_double_member (widths, "B"), >=, strlen ("Director Customer Operations") * 0.9);
}

static void
test_one_job (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *book = export (f, parser, "medewerker.xlsx", &f->agent, 1);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (book, "sheets")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (book, "sheets"), 0), ==, "Klantenservicemedewerker");
  g_assert_cmpstr (text_at (book, "Klantenservicemedewerker", 0, 0), ==, "Klantenservicemedewerker");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (book, "properties"), "title"), ==,
                   "Job grading: Klantenservicemedewerker");
  g_assert_nonnull (strstr (text_at (book, "Klantenservicemedewerker", 3, 0), "Draft: 0 of 1 job adopted"));
}

/* Chosen jobs, by the API and by `balans-cli export --job`: their detail
 * sheets, and nothing of the other jobs. */
static void
test_chosen_jobs (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) cli_parser = json_parser_new ();
  g_autofree char *out = g_build_filename (f->dir, "gekozen-cli.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalRun) run = NULL;
  gint64 jobs[] = { f->formula, f->agent, f->agent };
  JsonObject *books[2];

  books[0] = export (f, parser, "gekozen.xlsx", jobs, G_N_ELEMENTS (jobs));
  g_clear_object (&f->project);
  run = bal_run_cli ("export", f->path, out, "--job", "=SUM(A1)", "--job", "Klantenservicemedewerker", NULL);
  g_assert_cmpint (run->status, ==, 0);
  books[1] = read_workbook (cli_parser, out);

  for (guint i = 0; i < G_N_ELEMENTS (books); i++)
    {
      JsonArray *sheets = json_object_get_array_member (books[i], "sheets");

      g_assert_cmpuint (json_array_get_length (sheets), ==, 2);
      g_assert_cmpstr (json_array_get_string_element (sheets, 0), ==, "=SUM(A1)");
      g_assert_cmpstr (json_array_get_string_element (sheets, 1), ==, "Klantenservicemedewerker");
      g_assert_cmpstr (text_at (books[i], "=SUM(A1)", 0, 0), ==, "=SUM(A1)");
      g_assert_cmpstr (text_at (books[i], "Klantenservicemedewerker", 0, 0), ==, "Klantenservicemedewerker");
    }
  /* The same sheets, whatever language balans-cli finds its texts in. */
  g_assert_cmpint (find_row (books[0], "Klantenservicemedewerker", 0, "History"), >, 0);
  g_assert_cmpuint (rows_of (books[1], "Klantenservicemedewerker"), ==, rows_of (books[0], "Klantenservicemedewerker"));
  g_assert_cmpuint (rows_of (books[1], "=SUM(A1)"), ==, rows_of (books[0], "=SUM(A1)"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (books[0], "properties"), "title"), ==,
                   "Job gradings: Demo organisation");

  g_clear_pointer (&run, bal_run_free);
  run = bal_run_cli ("export", f->path, out, "--job", "Niemand", NULL);
  g_assert_cmpint (run->status, ==, 1);
}

static GStrv
list_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_strv_builder_add (builder, name);

  return g_strv_builder_end (builder);
}

static void
cancel_at_once (double   fraction,
                gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_failures_leave_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *plain = g_build_filename (f->dir, "notities.txt", NULL);
  g_autofree char *under_file = g_build_filename (plain, "out.xlsx", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "weg", "out.xlsx", NULL);
  g_autofree char *cancelled = g_build_filename (f->dir, "afgebroken.xlsx", NULL);
  g_autoptr(GFile) target1 = g_file_new_for_path (under_file);
  g_autoptr(GFile) target2 = g_file_new_for_path (missing);
  g_autoptr(GFile) target3 = g_file_new_for_path (cancelled);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;

  g_assert_true (g_file_set_contents (plain, "geen map", -1, NULL));
  before = list_folder (f->dir);

  /* A "folder" that is a file, one that does not exist, a cancelled export. */
  g_assert_false (bal_export_workbook (bal_project_get_file (f->project), target1, NULL, 0, NULL, NULL, NULL, &error));
  g_assert_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, plain));
  g_clear_error (&error);

  g_assert_false (bal_export_workbook (bal_project_get_file (f->project), target2, NULL, 0, NULL, NULL, NULL, &error));
  g_assert_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_false (bal_export_workbook (bal_project_get_file (f->project), target3, NULL, 0, cancel_at_once, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = list_folder (f->dir);
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before));
  for (guint i = 0; after[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *)before, after[i]));
}

/* The name of the one detail sheet whose first cell reads @title, as a
 * job's starts; NULL when no sheet or more than one does. (The fixed
 * sheets start with their own names.) */
static const char *
sheet_of (JsonObject *book,
          const char *title)
{
  JsonArray *sheets = json_object_get_array_member (book, "sheets");
  const char *found = NULL;

  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      const char *sheet = json_array_get_string_element (sheets, i);

      if (g_strv_contains (fixed_sheets, sheet))
        continue;
      if (find_row (book, sheet, 0, title) == 0)
        {
          if (found != NULL)
            return NULL;
          found = sheet;
        }
    }

  return found;
}

/* Every sheet name is one Excel accepts, and no two are equal ignoring case. */
static void
assert_sheet_names_valid (JsonObject *book)
{
  JsonArray *sheets = json_object_get_array_member (book, "sheets");
  g_autoptr(GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      const char *name = json_array_get_string_element (sheets, i);

      g_assert_true (g_utf8_validate (name, -1, NULL));
      g_assert_cmpint (g_utf8_strlen (name, -1), >, 0);
      g_assert_cmpint (g_utf8_strlen (name, -1), <=, 31);
      g_assert_null (strpbrk (name, "[]:*?/\\"));
      g_assert_cmpint (name[0], !=, '\'');
      g_assert_cmpint (name[strlen (name) - 1], !=, '\'');
      g_assert_true (g_hash_table_add (folded, g_utf8_casefold (name, -1)));
    }
}

static void
test_sheet_names_case (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *titles[] = { "Sales", "SALES", "Überstunden", "ÜBERSTUNDEN" };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *book;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    add_job (f->project, titles[i]);

  book = export (f, parser, "verkoop.xlsx", NULL, 0);
  assert_sheet_names_valid (book);
  /* The six sheets, the demo's four jobs and one more sheet for each job. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (book, "sheets")), ==, 6 + 4 + G_N_ELEMENTS (titles));

  /* Each job has its own sheet, named after it, and the Overview links to it. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      const char *sheet = sheet_of (book, titles[i]);
      g_autofree char *folded = NULL;
      g_autofree char *title = g_utf8_casefold (titles[i], -1);
      g_autofree char *linked = NULL;
      int target;

      g_assert_nonnull (sheet);
      folded = g_utf8_casefold (sheet, -1);
      g_assert_true (g_str_has_prefix (folded, title));
      g_assert_true (g_hash_table_add (seen, g_strdup (sheet)));
      overview_row (book, titles[i], &linked, &target);
      g_assert_cmpstr (linked, ==, sheet);
    }
}

static void
test_sheet_names_fixed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *titles[] = { "overview", "Overview", "JOB STRUCTURE", "handbook", "Review", "justifications", "Consistency" };
  JsonObject *book;
  JsonArray *sheets;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    add_job (f->project, titles[i]);

  book = export (f, parser, "overzicht.xlsx", NULL, 0);
  assert_sheet_names_valid (book);
  sheets = json_object_get_array_member (book, "sheets");
  n = json_array_get_length (sheets);
  g_assert_cmpuint (n, ==, 6 + 4 + G_N_ELEMENTS (titles));

  /* The fixed sheets keep their names and their contents. */
  assert_fixed_sheets (book);
  g_assert_cmpstr (text_at (book, "Overview", HEADER_ROW, 0), ==, "Department");
  g_assert_cmpuint (rows_of (book, "Overview"), ==, HEADER_ROW + 1 + 4 + G_N_ELEMENTS (titles));
  g_assert_cmpint (find_row (book, "Overview", OV_JOB, "overview"), >, HEADER_ROW);
  g_assert_cmpint (find_row (book, "Overview", OV_JOB, "Overview"), >, HEADER_ROW);
  g_assert_cmpint (find_row (book, "Justifications", 0, "Consistency"), >, HEADER_ROW);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (book, "charts"), "Job structure"), ==, 1);
  g_assert_cmpint (find_row (book, "Handbook", 0, "KS.02"), >, 0);
  g_assert_cmpint (find_row (book, "Review", 4, "Is D niet te laag?"), >, 0);
  g_assert_cmpint (find_row (book, "Consistency", 0, "Open objections"), >, 0);

  /* The jobs' own sheets carry a number. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      const char *sheet = sheet_of (book, titles[i]);

      g_assert_nonnull (sheet);
      g_assert_true (g_str_has_prefix (sheet, titles[i]));
      g_assert_true (g_str_has_suffix (sheet, ")"));
    }
}

/* 40 titles alike in their first 40 characters, an "ë" and a ":" among
 * them, chosen for their detail sheets. */
static void
test_sheet_names_long (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 jobs[40];
  JsonObject *book;

  for (guint i = 0; i < 40; i++)
    {
      g_ptr_array_add (titles, g_strdup_printf ("Medewerker financiële administratie: salarissen, %02u", i + 1));
      jobs[i] = add_job (f->project, g_ptr_array_index (titles, i));
    }

  book = export (f, parser, "administratie.xlsx", jobs, G_N_ELEMENTS (jobs));
  assert_sheet_names_valid (book);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (book, "sheets")), ==, 40);

  /* Each its own sheet, the title cut after a whole word, then a number. */
  for (guint i = 0; i < titles->len; i++)
    {
      const char *sheet = sheet_of (book, g_ptr_array_index (titles, i));
      const char *rest;

      g_assert_nonnull (sheet);
      g_assert_true (g_hash_table_add (seen, (char *)sheet));
      g_assert_true (g_str_has_prefix (sheet, "Medewerker financiële"));
      rest = sheet + strlen ("Medewerker financiële");
      if (*rest != '\0')
        {
          g_assert_true (g_str_has_prefix (rest, " ("));
          g_assert_true (g_str_has_suffix (rest, ")"));
        }
    }
}

static void
take_target (double   fraction,
             gpointer user_data)
{
  const char *out = user_data;
  g_autofree char *folder = g_path_get_dirname (out);
  g_autofree char *base = g_path_get_basename (out);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_auto(GStrv) names = NULL;
  guint temporaries = 0;

  if (g_file_test (out, G_FILE_TEST_EXISTS))
    return;

  /* The export is writing to its temporary file now. */
  names = list_folder (folder);
  for (guint i = 0; names[i] != NULL; i++)
    temporaries += g_str_has_prefix (names[i], prefix);
  g_assert_cmpuint (temporaries, ==, 1);

  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
}

static void
test_target_taken_leaves_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "bezet.xlsx", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = list_folder (f->dir);
  g_auto(GStrv) after = NULL;

  /* The target becomes a folder while the workbook is written: the rename fails. */
  g_assert_false (bal_export_workbook (bal_project_get_file (f->project), target, NULL, 0, take_target, out, NULL, &error));
  g_assert_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_DIR));

  /* The folder has what it had, and the target folder: no temporary file. */
  after = list_folder (f->dir);
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before) + 1);
  for (guint i = 0; after[i] != NULL; i++)
    g_assert_true (g_strcmp0 (after[i], "bezet.xlsx") == 0 ||
                   g_strv_contains ((const char * const *)before, after[i]));
}

static void
make_file (const char *dir,
           const char *name,
           gint64      age)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, "PK", -1, NULL));
  times.actime = times.modtime = time (NULL) - age;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static void
test_stale_temporaries (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "indeling.xlsx", NULL);
  g_autofree char *old_folder = g_build_filename (f->dir, ".indeling.xlsx.Dir123", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  struct utimbuf times;

  /* Left by a crash two hours ago: goes. */
  make_file (f->dir, ".indeling.xlsx.Ab12Cd", 2 * 60 * 60);
  /* Another export's, still being written: stays. */
  make_file (f->dir, ".indeling.xlsx.Xy34Zw", 60);
  /* Old, but not this scheme or not this target: stay. */
  make_file (f->dir, ".andere.xlsx.Ab12Cd", 2 * 60 * 60);
  make_file (f->dir, ".indeling.xlsx.Ab-12C", 2 * 60 * 60);
  make_file (f->dir, ".indeling.xlsx.Ab12Cde", 2 * 60 * 60);
  make_file (f->dir, "indeling.xlsx.Ab12Cd", 2 * 60 * 60);
  g_assert_cmpint (g_mkdir (old_folder, 0755), ==, 0);
  times.actime = times.modtime = time (NULL) - 2 * 60 * 60;
  g_assert_cmpint (g_utime (old_folder, &times), ==, 0);
  before = list_folder (f->dir);

  g_assert_true (bal_export_workbook (bal_project_get_file (f->project), target, NULL, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  after = list_folder (f->dir);
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before));
  g_assert_false (g_strv_contains ((const char * const *)after, ".indeling.xlsx.Ab12Cd"));
  g_assert_true (g_strv_contains ((const char * const *)after, "indeling.xlsx"));
  for (guint i = 0; after[i] != NULL; i++)
    g_assert_true (g_strcmp0 (after[i], "indeling.xlsx") == 0 ||
                   g_strv_contains ((const char * const *)before, after[i]));
}

int
main (int    argc,
      char **argv)
{
  /* The locale of the environment: nl_NL.UTF-8 in the suite. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/locale", test_locale);
  ADD ("/export/workbook", test_workbook);
  ADD ("/export/numbers", test_numbers);
  ADD ("/export/overview/statuses", test_overview_statuses);
  ADD ("/export/overview/departure", test_overview_departure);
  ADD ("/export/justifications", test_justifications);
  ADD ("/export/structure", test_structure);
  ADD ("/export/consistency", test_consistency);
  ADD ("/export/page-setup", test_page_setup);
  ADD ("/export/widths", test_widths);
  ADD ("/export/one-job", test_one_job);
  ADD ("/export/chosen-jobs", test_chosen_jobs);
  ADD ("/export/failures-leave-nothing", test_failures_leave_nothing);
  ADD ("/export/target-taken-leaves-nothing", test_target_taken_leaves_nothing);
  ADD ("/export/stale-temporaries", test_stale_temporaries);
  ADD ("/export/sheet-names/case", test_sheet_names_case);
  ADD ("/export/sheet-names/fixed", test_sheet_names_fixed);
  ADD ("/export/sheet-names/long", test_sheet_names_long);
#undef ADD

  return g_test_run ();
}
