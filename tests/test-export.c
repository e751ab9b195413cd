/* test-export.c: the workbook, read back by an independent reader (openpyxl)
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <utime.h>

#include "bal-demo.h"
#include "bal-audit.h"
#include "bal-export.h"
#include "bal-grading.h"
#include "bal-jobs.h"
#include "bal-questionnaire.h"
#include "bal-review.h"
#include "test-cli-util.h"

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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BalJob) formula = bal_job_new ();

  f->dir = g_dir_make_tmp ("balans-export-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "export.balans", NULL);
  file = g_file_new_for_path (f->path);
  f->project = bal_demo_create (file, &error);
  g_assert_no_error (error);

  f->agent = bal_jobs_find (f->project, "Klantenservicemedewerker", &error);
  g_assert_true (bal_questionnaire_answer (f->project, f->agent, "planning", "day", "Werkt volgens rooster", &error));
  decide (f->project, f->agent, "E", "Eerste indeling.", "Klachten zwaarder gewogen.");
  decide (f->project, f->agent, "D", "Herzien na bezwaar.", "Klachten gaan naar de teamleider.");

  g_assert_true (bal_review_set_status (f->project, f->agent, "proposed", NULL, &error));
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

static JsonArray *
cell (JsonObject *book,
      const char *sheet,
      guint       row,
      guint       col)
{
  JsonArray *rows = json_object_get_array_member (json_object_get_object_member (book, "cells"), sheet);

  return json_array_get_array_element (json_array_get_array_element (rows, row), col);
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

static void
test_workbook (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "indeling.xlsx", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *expected_head = NULL;
  JsonObject *book;
  JsonArray *sheets;
  int row;

  g_assert_true (bal_export_workbook (bal_project_get_file (f->project), target, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  book = read_workbook (parser, out);
  sheets = json_object_get_array_member (book, "sheets");
  g_assert_cmpstr (json_array_get_string_element (sheets, 0), ==, "Overview");
  g_assert_cmpstr (json_array_get_string_element (sheets, 1), ==, "Job structure");
  g_assert_cmpstr (json_array_get_string_element (sheets, json_array_get_length (sheets) - 2), ==, "Handbook");
  g_assert_cmpstr (json_array_get_string_element (sheets, json_array_get_length (sheets) - 1), ==, "Review");
  /* Overview, structure, one justification per job (4), handbook, review. */
  g_assert_cmpuint (json_array_get_length (sheets), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (book, "properties"), "title"), ==,
                   "Job gradings: Demo organisation");

  /* One row per job, under a header; a real table, frozen header. */
  g_assert_cmpuint (rows_of (book, "Overview"), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (book, "tables"), "Overview")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (book, "freeze"), "Overview"), ==, "A2");

  /* The formula-looking title is text in the overview and names its own sheet. */
  row = find_row (book, "Overview", 1, "=SUM(A1)");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Overview", row, 1), 1), ==, "s");
  g_assert_cmpint (json_array_get_int_element (cell (book, "Overview", row, 2), 0), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Overview", row, 2), 1), ==, "n");

  /* The graded job: grade as text, its order as a number, the date as a date. */
  row = find_row (book, "Overview", 1, "Klantenservicemedewerker");
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Overview", row, 7), 0), ==, "D");
  g_assert_cmpint (json_array_get_int_element (cell (book, "Overview", row, 8), 0), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Overview", row, 4), 0), ==, "KS.02");
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Overview", row, 10), 0), ==, "Iris de Vries");
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Overview", row, 11), 1), ==, "d");

  /* The structure has its chart of jobs and incumbents per grade. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (book, "charts"), "Job structure"), ==, 1);
  g_assert_cmpint (find_row (book, "Job structure", 1, "Klantenservicemedewerker (38)"), >, 0);

  /* The justification holds the evidence, the decision and the whole history. */
  g_assert_cmpint (find_row (book, "Klantenservicemedewerker", 3, "Werkt volgens rooster"), >, 0);
  row = find_row (book, "Klantenservicemedewerker", 0, "History");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Klantenservicemedewerker", row + 2, 1), 0), ==, "Herzien na bezwaar.");
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Klantenservicemedewerker", row + 3, 1), 0), ==, "Eerste indeling.");
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Klantenservicemedewerker", row + 3, 2), 0), ==, "E");
  g_assert_cmpint (find_row (book, "Klantenservicemedewerker", 1, "Klachten gaan naar de teamleider."), >, 0);

  /* The status history is in the justification, the remark on the review sheet. */
  row = find_row (book, "Klantenservicemedewerker", 0, "Status History");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Klantenservicemedewerker", row + 2, 2), 0), ==, "Proposed");
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

static void
test_one_job (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "medewerker.xlsx", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *book;

  g_assert_true (bal_export_workbook (bal_project_get_file (f->project), target, f->agent, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  book = read_workbook (parser, out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (book, "sheets")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (book, "sheets"), 0), ==, "Klantenservicemedewerker");
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Klantenservicemedewerker", 0, 0), 0), ==, "Klantenservicemedewerker");
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
  g_assert_false (bal_export_workbook (bal_project_get_file (f->project), target1, 0, NULL, NULL, NULL, &error));
  g_assert_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, plain));
  g_clear_error (&error);

  g_assert_false (bal_export_workbook (bal_project_get_file (f->project), target2, 0, NULL, NULL, NULL, &error));
  g_assert_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_false (bal_export_workbook (bal_project_get_file (f->project), target3, 0, cancel_at_once, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = list_folder (f->dir);
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before));
  for (guint i = 0; after[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *)before, after[i]));
}

/* The name of the one sheet whose first cell reads @title, as a job's
 * justification starts; NULL when no sheet or more than one does. */
static const char *
sheet_of (JsonObject *book,
          const char *title)
{
  JsonArray *sheets = json_object_get_array_member (book, "sheets");
  const char *found = NULL;

  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      const char *sheet = json_array_get_string_element (sheets, i);

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
  g_autofree char *out = g_build_filename (f->dir, "verkoop.xlsx", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *titles[] = { "Sales", "SALES", "Überstunden", "ÜBERSTUNDEN" };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *book;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    add_job (f->project, titles[i]);

  g_assert_true (bal_export_workbook (bal_project_get_file (f->project), target, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  book = read_workbook (parser, out);
  assert_sheet_names_valid (book);
  /* The demo's eight sheets and one more for each job. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (book, "sheets")), ==, 8 + G_N_ELEMENTS (titles));

  /* Each job has its own sheet, named after it. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      const char *sheet = sheet_of (book, titles[i]);
      g_autofree char *folded = NULL;
      g_autofree char *title = g_utf8_casefold (titles[i], -1);

      g_assert_nonnull (sheet);
      folded = g_utf8_casefold (sheet, -1);
      g_assert_true (g_str_has_prefix (folded, title));
      g_assert_true (g_hash_table_add (seen, g_strdup (sheet)));
    }
}

static void
test_sheet_names_fixed (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "overzicht.xlsx", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *titles[] = { "overview", "Overview", "JOB STRUCTURE", "handbook", "Review" };
  JsonObject *book;
  JsonArray *sheets;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    add_job (f->project, titles[i]);

  g_assert_true (bal_export_workbook (bal_project_get_file (f->project), target, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  book = read_workbook (parser, out);
  assert_sheet_names_valid (book);
  sheets = json_object_get_array_member (book, "sheets");
  n = json_array_get_length (sheets);
  g_assert_cmpuint (n, ==, 8 + G_N_ELEMENTS (titles));

  /* The fixed sheets keep their names and their contents. */
  g_assert_cmpstr (json_array_get_string_element (sheets, 0), ==, "Overview");
  g_assert_cmpstr (json_array_get_string_element (cell (book, "Overview", 0, 0), 0), ==, "Department");
  g_assert_cmpuint (rows_of (book, "Overview"), ==, 1 + 4 + G_N_ELEMENTS (titles));
  g_assert_cmpint (find_row (book, "Overview", 1, "overview"), >, 0);
  g_assert_cmpint (find_row (book, "Overview", 1, "Overview"), >, 0);
  g_assert_cmpstr (json_array_get_string_element (sheets, 1), ==, "Job structure");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (book, "charts"), "Job structure"), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (sheets, n - 2), ==, "Handbook");
  g_assert_cmpint (find_row (book, "Handbook", 0, "KS.02"), >, 0);
  g_assert_cmpstr (json_array_get_string_element (sheets, n - 1), ==, "Review");
  g_assert_cmpint (find_row (book, "Review", 4, "Is D niet te laag?"), >, 0);

  /* The jobs' own sheets carry a number. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      const char *sheet = sheet_of (book, titles[i]);

      g_assert_nonnull (sheet);
      g_assert_true (g_str_has_prefix (sheet, titles[i]));
      g_assert_true (g_str_has_suffix (sheet, ")"));
    }
}

static void
test_sheet_names_long (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "administratie.xlsx", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *book;

  /* 40 titles alike in their first 40 characters, an "ë" and a ":" among them. */
  for (guint i = 0; i < 40; i++)
    {
      g_ptr_array_add (titles, g_strdup_printf ("Medewerker financiële administratie: salarissen, %02u", i + 1));
      add_job (f->project, g_ptr_array_index (titles, i));
    }

  g_assert_true (bal_export_workbook (bal_project_get_file (f->project), target, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  book = read_workbook (parser, out);
  assert_sheet_names_valid (book);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (book, "sheets")), ==, 8 + 40);

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
  g_assert_false (bal_export_workbook (bal_project_get_file (f->project), target, 0, take_target, out, NULL, &error));
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

  g_assert_true (bal_export_workbook (bal_project_get_file (f->project), target, 0, NULL, NULL, NULL, &error));
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
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/workbook", test_workbook);
  ADD ("/export/one-job", test_one_job);
  ADD ("/export/failures-leave-nothing", test_failures_leave_nothing);
  ADD ("/export/target-taken-leaves-nothing", test_target_taken_leaves_nothing);
  ADD ("/export/stale-temporaries", test_stale_temporaries);
  ADD ("/export/sheet-names/case", test_sheet_names_case);
  ADD ("/export/sheet-names/fixed", test_sheet_names_fixed);
  ADD ("/export/sheet-names/long", test_sheet_names_long);
#undef ADD

  return g_test_run ();
}
