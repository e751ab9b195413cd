/* bench-export.c: what exporting the workbook costs at the size of a real
 * employer, beside a bare libxlsxwriter program writing the same cells, in
 * the same run.
 *
 *   build/benchmarks/bench-export [N ...]      (default: 500 5000 20000)
 *   build/benchmarks/bench-export --make N FILE.balans   (only the project)
 *
 * Run it with TMPDIR on a tmpfs (/dev/shm) to measure the export rather than
 * the disk: making the projects syncs the user's audit head at every edit.
 *
 * For each size it makes a project of N graded jobs (a quarter proposed, an
 * eighth adopted, one in fifty under objection, one in forty with a remark),
 * then runs, each in a process of its own, the export (bal_export_workbook)
 * and the bare program, five times, interleaved. It prints the best time of
 * each and the largest peak RSS (getrusage of the child, as wait4 returns
 * it), against the goals: the export within 1.3 times the bare program at
 * every size, 20,000 jobs within 4.5 times 5,000, and under 60 MB at 20,000.
 *
 * The bare program writes what the export writes for these projects: the
 * same sheets, rows and columns, in the same modes (the Overview in memory
 * as an Excel table, each job's title a link, the rest in constant_memory), with
 * the same titles, departments and texts from the same generator; levels
 * and verdicts are constants. It reads nothing from the project but the
 * number of rows of the small sheets, before its clock starts.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "bal-demo.h"
#include "bal-export.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-review.h"
#include "bal-project-private.h"

#define RUNS 5

static const char * const departments[] = {
  "Klantenservice", "Verkoop binnendienst", "Service en onderhoud", "Planning", "Kwaliteit",
  "Financiële administratie", "Debiteurenbeheer", "Logistiek", "Inkoop", "Facilitaire dienst",
  "Personeelszaken", "ICT", "Marketing", "Communicatie", "Juridische zaken", "Directie",
  "Werkvoorbereiding", "Buitendienst Noord", "Buitendienst Zuid", "Magazijn",
};

static const char * const codes[] = { "KS.02", "CB.02", "AS.02", "KP.01", "CX.01", "AD.04", "KS.04", "CB.04", "AS.05" };

/* The texts of job @i, the same for the project and the bare program. */
static char *
job_title (int i)
{
  static const char * const stems[] = {
    "Medewerker klantenservice", "Medewerker verkoop binnendienst", "Servicemonteur buitendienst",
    "Medewerker planning klantcontact", "Operationeel coördinator klantcontact", "Medewerker financiële administratie",
    "Specialist klachtafhandeling", "Accountmanager binnendienst", "Servicecoördinator",
  };

  return g_strdup_printf ("%s %d", stems[i % G_N_ELEMENTS (stems)], i + 1);
}

static char *
job_justification (int i)
{
  return g_strdup_printf ("Gelijk aan %s: de taken, de zelfstandigheid en het afbreukrisico komen overeen met de "
                          "referentiefunctie; de functie is in %d uitgewerkt.", codes[i % G_N_ELEMENTS (codes)], 2026);
}

static const char departure[] = "De vragenlijst volgt bij de herziening; nu ingedeeld op de functiebeschrijving.";

static void
make_project (const char *path,
              int         n_jobs)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = bal_demo_create_empty (file, &error);
  g_autoptr(GPtrArray) references = NULL;

  g_assert_no_error (error);
  bal_project_set_author (project, "Iris de Vries", "evaluator");
  /* Only for making the file quickly: no fsync, and no journal file made
   * and removed, per edit. */
  g_assert_true (bal_project_exec (project, "PRAGMA synchronous = OFF", &error));
  g_assert_true (bal_project_exec (project, "PRAGMA journal_mode = MEMORY", &error));
  references = bal_handbook_search (project, NULL, NULL, &error);
  g_assert_no_error (error);

  for (int i = 0; i < n_jobs; i++)
    {
      g_autoptr(BalJob) job = bal_job_new ();
      g_autofree char *justification = job_justification (i);
      BalDecisionInput input = { codes[i % G_N_ELEMENTS (codes)], NULL, justification, departure, "Iris de Vries", NULL, NULL };
      gint64 id;

      for (guint r = 0; r < references->len; r++)
        {
          BalReferenceSummary *summary = g_ptr_array_index (references, r);

          if (g_strcmp0 (summary->code, input.reference_code) == 0)
            input.grade = summary->grade;
        }

      g_free (job->title);
      job->title = job_title (i);
      g_free (job->department);
      job->department = g_strdup (departments[i % G_N_ELEMENTS (departments)]);
      job->incumbents = 1 + i % 7;
      id = bal_jobs_add (project, job, &error);
      g_assert_no_error (error);
      bal_grading_decide (project, id, &input, &error);
      g_assert_no_error (error);

      if (i % 4 == 1 || i % 8 == 2 || i % 50 == 3)
        g_assert_true (bal_review_set_status (project, id, "proposed", NULL, &error));
      if (i % 8 == 2 || i % 50 == 3)
        g_assert_true (bal_review_set_status (project, id, "adopted", NULL, &error));
      if (i % 50 == 3)
        g_assert_true (bal_review_set_status (project, id, "objected", "De functie doet meer dan de referentie.", &error));
      if (i % 40 == 5)
        g_assert_cmpint (bal_review_add_remark (project, id, "works-council", "Ondernemingsraad",
                                                "Graag toelichten waarom de planning niet zwaarder weegt.", &error), >, 0);
      g_assert_no_error (error);
    }
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

/* Child: the export itself. Prints its seconds. */
static int
run_export (const char *path,
            const char *out)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!bal_export_workbook (file, target, NULL, 0, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_print ("%.3f\n", seconds_since (start));

  return 0;
}

/* Child: only the opening the export starts with (the project read-only,
 * its schema compared with ours), as the first in a process. */
static int
run_open (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  gint64 start = g_get_monotonic_time ();

  project = bal_project_open_read_only (file, &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  g_print ("%.3f\n", seconds_since (start));

  return 0;
}

static gint64
count (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static void
title_block (lxw_worksheet *ws,
             const char    *name,
             lxw_format    *title)
{
  worksheet_write_string (ws, 0, 0, name, title);
  worksheet_write_string (ws, 1, 0, "Organisatie · Balans demohandboek Klantcontact en Commercie, version 2026.1", NULL);
  worksheet_write_string (ws, 2, 0, "Audit log head: entry 123456, 0123 4567 89ab cdef", NULL);
  worksheet_write_string (ws, 3, 0, "Exported on 2026-01-01 · Draft: 0 of 1 jobs adopted · Confidential", NULL);
}

static lxw_worksheet *
add_sheet (lxw_workbook *workbook,
           const char   *name,
           gboolean      in_memory)
{
  lxw_worksheet *ws;

  workbook->options.constant_memory = !in_memory;
  ws = workbook_add_worksheet (workbook, name);
  workbook->options.constant_memory = FALSE;

  return ws;
}

static void
page (lxw_worksheet *ws,
      int            columns)
{
  for (int c = 0; c < columns; c++)
    worksheet_set_column (ws, c, c, 12.5, NULL);
  worksheet_set_paper (ws, 9);
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_footer (ws, "&LOrganisatie&C&A&RPage &P of &N");
}

/* Child: the same cells, with libxlsxwriter alone. Prints its seconds. */
static int
run_bare (const char *path,
          const char *out,
          int         n_jobs)
{
  g_autoptr(GString) remarks = g_string_new (NULL);
  lxw_workbook_options options = { 0 };
  lxw_datetime when = { 2026, 1, 1, 12, 0, 0 };
  lxw_table_options table = { 0 };
  lxw_workbook *workbook;
  lxw_worksheet *overview, *justifications, *structure, *consistency, *review, *handbook;
  lxw_format *header, *title, *text, *number, *date, *link;
  lxw_chart *chart;
  sqlite3 *db = NULL;
  gint64 start, departures, objections, remark_count, used;
  int row;

  /* What the small sheets hold, read before the clock starts. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  departures = count (db, "SELECT count (*) FROM decision WHERE departure <> ''");
  objections = count (db, "SELECT count (*) FROM job_status WHERE status = 'objected'");
  remark_count = count (db, "SELECT count (*) FROM remark");
  used = count (db, "SELECT count (DISTINCT reference_code) FROM decision");
  sqlite3_close (db);

  start = g_get_monotonic_time ();
  options.tmpdir = (char *)g_get_tmp_dir ();
  workbook = workbook_new_opt (out, &options);
  header = workbook_add_format (workbook);
  title = workbook_add_format (workbook);
  text = workbook_add_format (workbook);
  number = workbook_add_format (workbook);
  date = workbook_add_format (workbook);
  link = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_text_wrap (header);
  format_set_bold (title);
  format_set_text_wrap (text);
  format_set_num_format (number, "#,##0_)");
  format_set_num_format (date, "yyyy-mm-dd_)");
  format_set_underline (link, LXW_UNDERLINE_SINGLE);

  overview = add_sheet (workbook, "Overview", TRUE);
  justifications = add_sheet (workbook, "Justifications", FALSE);
  structure = add_sheet (workbook, "Job structure", FALSE);
  consistency = add_sheet (workbook, "Consistency", FALSE);
  review = add_sheet (workbook, "Review", FALSE);
  handbook = add_sheet (workbook, "Handbook", FALSE);

  title_block (overview, "Overview", title);
  title_block (justifications, "Justifications", title);
  for (int c = 0; c < 16; c++)
    worksheet_write_string (overview, 5, c, "Header", header);
  for (int c = 0; c < 28; c++)
    worksheet_write_string (justifications, 6, c, "Header", header);
  worksheet_autofilter (justifications, 6, 0, 6 + n_jobs, 27);
  for (int i = 0; i < n_jobs; i++)
    {
      g_autofree char *job = job_title (i);
      g_autofree char *justification = job_justification (i);
      g_autofree char *url = g_strdup_printf ("internal:'Justifications'!A%d", 8 + i);
      const char *department = departments[i % G_N_ELEMENTS (departments)];
      const char *code = codes[i % G_N_ELEMENTS (codes)];

      row = 6 + i;
      worksheet_write_string (overview, row, 0, department, text);
      worksheet_write_url_opt (overview, row, 1, url, link, job, NULL);
      worksheet_write_number (overview, row, 2, 1 + i % 7, number);
      worksheet_write_string (overview, row, 3, "Klantenservice", text);
      worksheet_write_string (overview, row, 4, code, text);
      worksheet_write_string (overview, row, 5, "Medewerker klantenservice", text);
      worksheet_write_string (overview, row, 6, "Equal", text);
      worksheet_write_string (overview, row, 7, "D", text);
      worksheet_write_number (overview, row, 8, 4, number);
      worksheet_write_string (overview, row, 9, "Proposed", text);
      worksheet_write_string (overview, row, 10, "Yes", text);
      worksheet_write_string (overview, row, 13, "Iris de Vries", text);
      worksheet_write_datetime (overview, row, 14, &when, date);
      worksheet_write_string (overview, row, 15, "Schaal 4: € 2320 – € 2850 per month", text);

      row = 7 + i;
      g_string_truncate (remarks, 0);
      if (i % 40 == 5)
        g_string_append (remarks, "Ondernemingsraad (Works council): Graag toelichten waarom de planning niet zwaarder weegt.");
      worksheet_write_string (justifications, row, 0, job, text);
      worksheet_write_string (justifications, row, 1, department, text);
      worksheet_write_string (justifications, row, 2, code, text);
      for (int c = 0; c < 4; c++)
        {
          worksheet_write_number (justifications, row, 3 + 4 * c, 2, number);
          worksheet_write_number (justifications, row, 4 + 4 * c, 2, number);
          worksheet_write_string (justifications, row, 5 + 4 * c, "Equal", text);
          worksheet_write_blank (justifications, row, 6 + 4 * c, text);
        }
      worksheet_write_string (justifications, row, 19, "D", text);
      worksheet_write_string (justifications, row, 20, "Complexity equal (2), autonomy equal (2), risk equal (2), "
                              "physical aspects equal (2), counted half: it only breaks a tie → equal → rule “equal”: grade D.", text);
      worksheet_write_string (justifications, row, 21, "D", text);
      worksheet_write_string (justifications, row, 22, departure, text);
      worksheet_write_string (justifications, row, 23, justification, text);
      worksheet_write_string (justifications, row, 24, "Proposed", text);
      worksheet_write_blank (justifications, row, 25, text);
      worksheet_write_blank (justifications, row, 26, text);
      worksheet_write_string (justifications, row, 27, remarks->str, text);
      worksheet_set_row (justifications, row, 47, NULL);
    }
  table.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
  table.style_type_number = 1;
  worksheet_add_table (overview, 5, 0, 5 + MAX (n_jobs, 1), 15, &table);
  worksheet_freeze_panes (overview, 6, 0);
  worksheet_freeze_panes (justifications, 7, 1);
  page (overview, 15);
  page (justifications, 27);

  /* Two matrices of twelve grades and six families, the chart, every job. */
  title_block (structure, "Job structure", title);
  row = 5;
  for (int m = 0; m < 2; m++)
    {
      worksheet_write_string (structure, row++, 0, m == 0 ? "Jobs" : "Incumbents", title);
      for (int c = 0; c < 8; c++)
        worksheet_write_string (structure, row, c, "Header", header);
      row++;
      for (int g = 0; g < 14; g++, row++)
        for (int c = 0; c < 8; c++)
          worksheet_write_number (structure, row, c, n_jobs / 12, number);
      row++;
    }
  chart = workbook_add_chart (workbook, LXW_CHART_COLUMN);
  chart_series_set_values (chart_add_series (chart, NULL, NULL), "Job structure", 7, 7, 18, 7);
  chart_series_set_values (chart_add_series (chart, NULL, NULL), "Job structure", 24, 7, 35, 7);
  worksheet_insert_chart (structure, row, 0, chart);
  row += 16;
  for (int c = 0; c < 8; c++)
    worksheet_write_string (structure, row, c, "Header", header);
  for (int i = 0; i < n_jobs; i++)
    {
      g_autofree char *job = job_title (i);

      row++;
      worksheet_write_string (structure, row, 0, "D", text);
      worksheet_write_string (structure, row, 1, "Klantenservice", text);
      worksheet_merge_range (structure, row, 2, row, 6, "", text);
      worksheet_write_string (structure, row, 2, job, text);
      worksheet_write_number (structure, row, 7, 1 + i % 7, number);
    }
  page (structure, 8);

  /* Consistency: departures and open objections; Review: objections and remarks. */
  title_block (consistency, "Consistency", title);
  row = 8;
  for (gint64 i = 0; i < departures; i++, row++)
    {
      g_autofree char *job = job_title (i);

      worksheet_write_string (consistency, row, 0, job, text);
      worksheet_write_string (consistency, row, 1, departments[i % G_N_ELEMENTS (departments)], text);
      worksheet_write_string (consistency, row, 2, codes[i % G_N_ELEMENTS (codes)], text);
      worksheet_write_string (consistency, row, 3, "D", text);
      worksheet_write_string (consistency, row, 4, "D", text);
      worksheet_write_string (consistency, row, 5, departure, text);
      worksheet_set_row (consistency, row, 32, NULL);
    }
  for (gint64 i = 0; i < objections; i++, row++)
    {
      worksheet_write_string (consistency, row, 0, "Medewerker klantenservice 4", text);
      worksheet_write_datetime (consistency, row, 2, &when, date);
      worksheet_write_number (consistency, row, 3, 0, number);
      worksheet_write_string (consistency, row, 4, "De functie doet meer dan de referentie.", text);
    }
  page (consistency, 6);

  title_block (review, "Review", title);
  row = 8;
  for (gint64 i = 0; i < objections + remark_count; i++, row++)
    {
      worksheet_write_datetime (review, row, 0, &when, date);
      worksheet_write_string (review, row, 1, "Medewerker klantenservice 6", text);
      worksheet_write_string (review, row, 2, "Ondernemingsraad", text);
      worksheet_write_string (review, row, 3, "Works council", text);
      worksheet_write_string (review, row, 4, "Graag toelichten waarom de planning niet zwaarder weegt.", text);
    }
  page (review, 6);

  title_block (handbook, "Handbook", title);
  for (gint64 i = 0; i < used; i++)
    for (int c = 0; c < 5; c++)
      worksheet_write_string (handbook, 6 + i, c, "Medewerker klantenservice, klantcontact", text);
  page (handbook, 5);

  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  g_print ("%.3f\n", seconds_since (start));

  return 0;
}

/* Runs this program with @args in a process of its own: its seconds, as it
 * prints them, and its peak resident set in MB. */
static double
measure (const char * const *args,
         double             *peak_mb)
{
  int pipes[2];
  pid_t pid;
  struct rusage usage;
  char buffer[64] = { 0 };
  int status = 0;
  ssize_t n;

  g_assert_cmpint (pipe (pipes), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      dup2 (pipes[1], STDOUT_FILENO);
      close (pipes[0]);
      execv ("/proc/self/exe", (char **)args);
      _exit (127);
    }
  close (pipes[1]);
  n = read (pipes[0], buffer, sizeof buffer - 1);
  close (pipes[0]);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpint (n, >, 0);
  *peak_mb = usage.ru_maxrss / 1024.0;

  return g_ascii_strtod (buffer, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *user_dir = NULL;
  const char *defaults[] = { "500", "5000", "20000" };
  const char **sizes;
  int n_sizes;
  double export_at[3] = { 0 };
  double peak_at_20000 = 0;

  setlocale (LC_ALL, "");
  if (argc == 4 && g_strcmp0 (argv[1], "--make") == 0)
    {
      make_project (argv[3], atoi (argv[2]));
      return 0;
    }
  if (argc == 3 && g_strcmp0 (argv[1], "--open") == 0)
    return run_open (argv[2]);
  if (argc == 4 && g_strcmp0 (argv[1], "--export") == 0)
    return run_export (argv[2], argv[3]);
  if (argc == 5 && g_strcmp0 (argv[1], "--bare") == 0)
    return run_bare (argv[2], argv[3], atoi (argv[4]));

  dir = g_dir_make_tmp ("balans-bench-export-XXXXXX", NULL);
  user_dir = g_build_filename (dir, "user", NULL);
  sizes = argc > 1 ? (const char **)argv + 1 : defaults;
  n_sizes = argc > 1 ? argc - 1 : (int)G_N_ELEMENTS (defaults);
  g_setenv ("BALANS_DATA_DIR", user_dir, TRUE);

  g_print ("%-8s %9s %11s %9s %9s %7s %13s %12s %10s\n", "jobs", "make (s)", "export (s)", "open (s)", "bare (s)",
           "ratio", "ratio, open", "export (MB)", "bare (MB)");
  for (int i = 0; i < n_sizes; i++)
    {
      int n = atoi (sizes[i]);
      g_autofree char *path = g_strdup_printf ("%s/bench-%d.balans", dir, n);
      g_autofree char *out = g_strdup_printf ("%s/bench-%d.xlsx", dir, n);
      g_autofree char *bare_out = g_strdup_printf ("%s/bare-%d.xlsx", dir, n);
      const char *export_args[] = { argv[0], "--export", path, out, NULL };
      const char *bare_args[] = { argv[0], "--bare", path, bare_out, sizes[i], NULL };
      const char *open_args[] = { argv[0], "--open", path, NULL };
      gint64 start = g_get_monotonic_time ();
      double made, exported = G_MAXDOUBLE, opened = G_MAXDOUBLE, bare = G_MAXDOUBLE, export_mb = 0, bare_mb = 0;

      make_project (path, n);
      made = seconds_since (start);
      /* Interleaved, best of three, so that the page cache favours neither. */
      for (int run = 0; run < RUNS; run++)
        {
          double mb;

          exported = MIN (exported, measure (export_args, &mb));
          export_mb = MAX (export_mb, mb);
          bare = MIN (bare, measure (bare_args, &mb));
          bare_mb = MAX (bare_mb, mb);
          opened = MIN (opened, measure (open_args, &mb));
        }
      g_print ("%-8d %9.1f %11.3f %9.3f %9.3f %7.2f %13.2f %12.1f %10.1f\n", n, made, exported, opened, bare,
               exported / bare, (exported - opened) / bare, export_mb, bare_mb);
      if (n == 5000)
        export_at[1] = exported;
      if (n == 20000)
        {
          export_at[2] = exported;
          peak_at_20000 = export_mb;
        }
      g_unlink (path);
      g_unlink (out);
      g_unlink (bare_out);
    }

  g_print ("Goals: export within 1.3x of bare at every size; 20,000 within 4.5x of 5,000");
  if (export_at[1] > 0 && export_at[2] > 0)
    g_print (" (here %.2fx)", export_at[2] / export_at[1]);
  g_print ("; peak RSS under 60 MB at 20,000");
  if (peak_at_20000 > 0)
    g_print (" (here %.1f MB)", peak_at_20000);
  g_print (".\n"
           "export: bal_export_workbook in a process of its own. open: the opening it starts with, alone, in a\n"
           "process of its own (bal_project_open_read_only: the file's schema compared with ours). \"ratio, open\":\n"
           "the export less that opening, to bare. bare: libxlsxwriter alone writing the same sheets, rows and\n"
           "columns from the same generator. Times: best of %d; RSS: the largest peak of the %d runs, whole process.\n",
           RUNS, RUNS);

  /* This user's key and what it has seen of the projects, made for the run. */
  {
    g_autoptr(GDir) user = g_dir_open (user_dir, 0, NULL);
    const char *name;

    while (user != NULL && (name = g_dir_read_name (user)) != NULL)
      {
        g_autofree char *path = g_build_filename (user_dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (user_dir);
  g_rmdir (dir);
  return 0;
}
