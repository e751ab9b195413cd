/* test-job-import.c: a client's job list from CSV, as spreadsheets write it
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/stat.h>

#include "bal-csv.h"
#include "bal-demo.h"
#include "bal-job-import.h"
#include "bal-jobs.h"
#include "test-cli-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  BalProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("balans-job-import-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "klant.balans", NULL);
  file = g_file_new_for_path (f->path);
  f->project = bal_demo_create_empty (file, &error);
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

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "job-import", name, NULL);

  return g_file_new_for_path (path);
}

static BalJobImport *
read_fixture (Fixture    *f,
              const char *name)
{
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(GError) error = NULL;
  BalJobImport *import = bal_job_import_read (f->project, file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static BalJobImportRow *
row (BalJobImport *import,
     guint         i)
{
  g_assert_cmpuint (i, <, import->rows->len);

  return g_ptr_array_index (import->rows, i);
}

static guint
count_jobs (BalProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = bal_jobs_list (project, NULL, &error);

  g_assert_no_error (error);

  return jobs->len;
}

/* Excel in the Netherlands: semicolons, CRLF, a description in quotes with
 * a line break, a semicolon and doubled quotes in it; Dutch headers; the
 * boss below the job that reports to it. */
static void
test_semicolon_quoted_newline (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(BalJobImport) import = read_fixture (f, "semicolon-quoted-newline.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(BalJob) agent = NULL;
  g_autoptr(BalJob) lead = NULL;
  gint64 agent_id, lead_id, manager_id;

  g_assert_cmpint (import->delimiter, ==, ';');
  g_assert_cmpstr (import->encoding, ==, "UTF-8");
  for (guint i = 0; i < BAL_JOB_N_FIELDS; i++)
    g_assert_cmpint (import->columns[i], ==, i);
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->rows->len, ==, 3);
  g_assert_cmpstr (row (import, 0)->description, ==,
                   "Beantwoordt vragen van klanten.\nVolgens het \"klantcontactprotocol\"; per telefoon en mail.");
  g_assert_cmpint (row (import, 0)->incumbents, ==, 12);
  g_assert_cmpuint (row (import, 0)->line, ==, 2);
  g_assert_cmpuint (row (import, 1)->line, ==, 4);   /* after the line break in the quotes */
  g_assert_cmpuint (count_jobs (f->project), ==, 0); /* a preview writes nothing */

  g_assert_cmpuint (bal_job_import_apply (f->project, import, &error), ==, 3);
  g_assert_no_error (error);
  agent_id = bal_jobs_find (f->project, "Medewerker klantenservice", &error);
  lead_id = bal_jobs_find (f->project, "Teamleider klantenservice", &error);
  manager_id = bal_jobs_find (f->project, "Manager operations", &error);
  g_assert_no_error (error);
  agent = bal_jobs_get (f->project, agent_id, &error);
  lead = bal_jobs_get (f->project, lead_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (agent->reports_to, ==, lead_id);
  g_assert_cmpint (lead->reports_to, ==, manager_id);
  g_assert_cmpstr (agent->department, ==, "Klantenservice");
  g_assert_cmpint (agent->incumbents, ==, 12);
}

/* UTF-8 with a byte order mark, commas, English headers; a second import
 * reports to a job that is in the project already. */
static void
test_bom_comma (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BalJobImport) import = read_fixture (f, "bom-comma.csv");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (import->delimiter, ==, ',');
  g_assert_cmpstr (import->headers[0], ==, "Job title");   /* no BOM in the first name */
  g_assert_cmpint (import->columns[BAL_JOB_FIELD_TITLE], ==, 0);
  g_assert_cmpint (import->columns[BAL_JOB_FIELD_INCUMBENTS], ==, 3);
  g_assert_cmpstr (row (import, 0)->description, ==, "Closes the books, monthly.");
  g_assert_cmpuint (bal_job_import_apply (f->project, import, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (count_jobs (f->project), ==, 2);
}

/* Excel on Windows saves "CSV" in Windows-1252. */
static void
test_windows_1252 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BalJobImport) import = read_fixture (f, "windows-1252.csv");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (import->encoding, ==, "Windows-1252");
  g_assert_cmpint (import->columns[BAL_JOB_FIELD_REPORTS_TO], ==, 2);
  g_assert_cmpint (import->columns[BAL_JOB_FIELD_INCUMBENTS], ==, 3);
  g_assert_cmpint (import->columns[BAL_JOB_FIELD_DESCRIPTION], ==, -1);
  g_assert_cmpstr (row (import, 0)->title, ==, "Coördinator facilitaire zaken");
  g_assert_cmpstr (row (import, 1)->title, ==, "Medewerker receptie & café");
  g_assert_cmpuint (bal_job_import_apply (f->project, import, &error), ==, 2);
  g_assert_no_error (error);
}

/* Every problem by file and line; nothing written. */
static void
test_bad_lines (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BalJobImport) import = read_fixture (f, "bad-lines.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *line2 = NULL;
  g_autofree char *line3 = NULL;
  g_autofree char *line4 = NULL;
  gboolean seen2 = FALSE, seen3 = FALSE, seen4 = FALSE;

  {
    g_autoptr(GFile) file = fixture_file ("bad-lines.csv");

    name = g_file_get_parse_name (file);
  }
  line2 = g_strdup_printf ("%s:2: “drie” is not a number", name);
  line3 = g_strdup_printf ("%s:3: the job has no title", name);
  line4 = g_strdup_printf ("%s:4: it reports to “Planner transport”, which is neither", name);
  for (guint i = 0; i < import->problems->len; i++)
    {
      const char *message = ((BalJobImportProblem *)g_ptr_array_index (import->problems, i))->message;

      g_test_message ("%s", message);
      seen2 |= g_str_has_prefix (message, line2);
      seen3 |= g_str_has_prefix (message, line3);
      seen4 |= g_str_has_prefix (message, line4);
    }
  g_assert_true (seen2 && seen3 && seen4);
  g_assert_cmpuint (import->problems->len, ==, 3);

  g_assert_cmpuint (bal_job_import_apply (f->project, import, &error), ==, 0);
  g_assert_error (error, BAL_JOB_IMPORT_ERROR, BAL_JOB_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_cmpuint (count_jobs (f->project), ==, 0);
}

static void
test_no_title_column (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("no-title-column.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(BalJobImport) import = bal_job_import_read (f->project, file, &error);

  g_assert_null (import);
  g_assert_error (error, BAL_JOB_IMPORT_ERROR, BAL_JOB_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ":1: no column holds the job titles"));
  g_assert_nonnull (strstr (error->message, "Naam medewerker"));
}

/* Jobs that report to each other in a circle are refused, by line. */
/* Whatever is handed over as a list of jobs: a FIFO, a device, one line of
 * 4 MiB. Refused at once, with a message of a readable length. */
static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-hostile-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "jobs.csv", NULL);
  g_autofree char *long_line = g_build_filename (dir, "long.csv", NULL);
  g_autofree char *text = g_strnfill (4 * 1024 * 1024, 'a');
  const char *paths[] = { fifo, "/dev/zero" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(BalJobImport) import = bal_job_import_read (f->project, file, &error);

      g_assert_null (import);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "not a regular file"));
    }

  g_assert_true (g_file_set_contents (long_line, text, -1, NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (long_line);
    g_autoptr(GError) error = NULL;
    g_autoptr(BalJobImport) import = bal_job_import_read (f->project, file, &error);

    g_assert_null (import);
    g_assert_error (error, BAL_JOB_IMPORT_ERROR, BAL_JOB_IMPORT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, ":1: no column holds the job titles"));
    g_assert_cmpuint (strlen (error->message), <, 1000);
  }

  bal_remove_tree (dir);
}

static void
test_cycle (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "circle.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalJobImport) import = NULL;

  g_assert_true (g_file_set_contents (path, "title,reports to\nA,B\nB,C\nC,A\nD,\n", -1, NULL));
  import = bal_job_import_read (f->project, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->problems->len, ==, 3);
  g_assert_nonnull (strstr (((BalJobImportProblem *)g_ptr_array_index (import->problems, 0))->message, ":2: “A” would report to itself"));
  g_assert_cmpuint (bal_job_import_apply (f->project, import, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_cmpuint (count_jobs (f->project), ==, 0);
}

/* The reader alone: what a spreadsheet may write. */
static void
test_csv_reader (void)
{
  g_autoptr(GError) error = NULL;
  const char *tabs = "a\tb\n\"x\ty\"\t\"\"\n\n";
  const char *unclosed = "a;b\n1;\"open\n2;3\n";
  g_autoptr(BalCsv) csv = bal_csv_parse (tabs, strlen (tabs), "t.csv", &error);
  g_autoptr(BalCsv) open_quote = NULL;
  BalCsvRecord *record;

  g_assert_no_error (error);
  g_assert_cmpint (csv->delimiter, ==, '\t');
  g_assert_cmpuint (csv->records->len, ==, 2);
  record = g_ptr_array_index (csv->records, 1);
  g_assert_cmpstr (record->fields[0], ==, "x\ty");
  g_assert_cmpstr (record->fields[1], ==, "");

  open_quote = bal_csv_parse (unclosed, strlen (unclosed), "t.csv", &error);
  g_assert_null (open_quote);
  g_assert_error (error, BAL_CSV_ERROR, BAL_CSV_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "t.csv:2: a quoted field is not closed"));
}

/* balans-cli job import: the mapping, a dry run that writes nothing, the import. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GFile) csv = fixture_file ("semicolon-quoted-newline.csv");
  g_autoptr(GFile) bad = fixture_file ("bad-lines.csv");
  g_autofree char *csv_path = g_file_get_path (csv);
  g_autofree char *bad_path = g_file_get_path (bad);
  g_autoptr(BalRun) dry = NULL;
  g_autoptr(BalRun) refused = NULL;
  g_autoptr(BalRun) imported = NULL;
  g_autoptr(BalRun) list = NULL;

  g_clear_object (&f->project);

  dry = bal_run_cli ("job", "import", f->path, csv_path, "--dry-run", NULL);
  g_assert_cmpint (dry->status, ==, 0);
  g_assert_nonnull (strstr (dry->out, "Reports to   ← column 3, “Rapporteert aan”"));
  g_assert_nonnull (strstr (dry->out, "3 jobs would be added."));

  refused = bal_run_cli ("job", "import", f->path, bad_path, NULL);
  g_assert_cmpint (refused->status, ==, 1);
  g_assert_nonnull (strstr (refused->err, "bad-lines.csv:2:"));
  g_assert_nonnull (strstr (refused->err, "No job was added"));

  list = bal_run_cli ("job", "list", f->path, NULL);
  g_assert_cmpint (list->status, ==, 0);
  g_assert_null (strstr (list->out, "Teamleider klantenservice"));

  imported = bal_run_cli ("job", "import", f->path, csv_path, NULL);
  g_assert_cmpint (imported->status, ==, 0);
  g_assert_nonnull (strstr (imported->out, "3 jobs added."));
  g_clear_pointer (&list, bal_run_free);
  list = bal_run_cli ("job", "list", f->path, NULL);
  g_assert_nonnull (strstr (list->out, "Teamleider klantenservice"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/job-import/csv-reader", test_csv_reader);
  ADD ("/job-import/semicolon-quoted-newline", test_semicolon_quoted_newline);
  ADD ("/job-import/hostile", test_hostile);
  ADD ("/job-import/bom-comma", test_bom_comma);
  ADD ("/job-import/windows-1252", test_windows_1252);
  ADD ("/job-import/bad-lines", test_bad_lines);
  ADD ("/job-import/no-title-column", test_no_title_column);
  ADD ("/job-import/cycle", test_cycle);
  ADD ("/job-import/cli", test_cli);
#undef ADD

  return g_test_run ();
}
