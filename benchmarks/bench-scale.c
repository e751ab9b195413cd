/* bench-scale.c: the import of a client's job list and the CLI's writes at
 * the size of a real employer, each beside its anchor measured in the same
 * run.
 *
 *   build/benchmarks/bench-scale [N ...]      (default: 500 5000 20000)
 *
 * For each N: a CSV of N jobs (reports-to chains, quoted descriptions with
 * line breaks) imported in process, beside SQLite inserting the same rows
 * into a bare table; then `balans-cli job add` and `decide` on that project
 * beside the same commands on an empty project; then opening the project
 * for editing beside the integrity check it no longer runs on every open.
 * Median of 5, interleaved. Generated files are kept in the build folder
 * (bench-scale/) and made again only when missing.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "bal-demo.h"
#include "bal-job-import.h"
#include "bal-project-private.h"

#define RUNS 5

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), compare_double);

  return values[RUNS / 2];
}

static char *
make_csv (const char *dir,
          int         n)
{
  char *path = g_strdup_printf ("%s/jobs-%d.csv", dir, n);
  g_autoptr(GString) csv = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;

  csv = g_string_new ("Functie;Afdeling;Rapporteert aan;Aantal;Omschrijving\r\n");
  for (int i = 0; i < n; i++)
    {
      g_string_append_printf (csv, "Functie %d;Afdeling %d;", i, i % 40);
      if (i >= 50)
        g_string_append_printf (csv, "Functie %d", i / 50 - 1);
      g_string_append_printf (csv, ";%d;\"Omschrijving van functie %d; \"\"kort\"\".\r\nTweede regel.\"\r\n", 1 + i % 7, i);
    }
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));

  return path;
}

/* The anchor of the import: the same rows into a bare table, one transaction. */
static double
time_bare_insert (const char *dir,
                  int         n)
{
  g_autofree char *path = g_strdup_printf ("%s/bare-%d.db", dir, n);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;

  g_unlink (path);
  start = g_get_monotonic_time ();
  sqlite3_open (path, &db);
  sqlite3_exec (db, "CREATE TABLE job (id INTEGER PRIMARY KEY, title TEXT, department TEXT, reports_to INTEGER, "
                    "incumbents INTEGER, description TEXT); BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO job (title, department, reports_to, incumbents, description) VALUES (?, ?, ?, ?, ?)",
                      -1, &stmt, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Functie %d", i);
      g_autofree char *description = g_strdup_printf ("Omschrijving van functie %d; \"kort\".\nTweede regel.", i);

      sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, "Afdeling", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, i >= 50 ? i / 50 : 0);
      sqlite3_bind_int (stmt, 4, 1 + i % 7);
      sqlite3_bind_text (stmt, 5, description, -1, SQLITE_TRANSIENT);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  g_unlink (path);

  return seconds_since (start);
}

static double
time_import (const char *project_path,
             const char *csv_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (project_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalJobImport) import = NULL;
  gint64 start;

  g_unlink (project_path);
  project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  import = bal_job_import_read (project, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (bal_job_import_apply (project, import, &error), ==, import->rows->len);
  g_assert_no_error (error);

  return seconds_since (start);
}

static double
time_cli (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &errors, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_autofree char *command = g_strjoinv (" ", (char **)argv);

      g_printerr ("bench-scale: %s failed: %s", command, errors);
      exit (1);
    }

  return seconds_since (start);
}

static double
time_open (const char *path,
           gboolean    verify)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  gint64 start = g_get_monotonic_time ();

  project = bal_project_open (file, &error);
  g_assert_no_error (error);
  if (verify)
    g_assert_true (bal_project_verify_integrity (project, &error));

  return seconds_since (start);
}

int
main (int    argc,
      char **argv)
{
  const char *defaults[] = { "500", "5000", "20000" };
  const char **sizes = argc > 1 ? (const char **)argv + 1 : defaults;
  int n_sizes = argc > 1 ? argc - 1 : (int)G_N_ELEMENTS (defaults);
  const char *cli = g_getenv ("BALANS_CLI");
  g_autofree char *dir = g_build_filename (g_get_current_dir (), "bench-scale", NULL);
  g_autofree char *user_dir = g_build_filename (dir, "user", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.balans", NULL);

  g_assert_nonnull (cli);
  g_mkdir_with_parents (dir, 0755);
  g_setenv ("BALANS_DATA_DIR", user_dir, TRUE);

  {
    g_autoptr(GFile) file = g_file_new_for_path (empty);
    g_autoptr(BalProject) project = NULL;
    const char *add[] = { cli, "job", "add", empty, "--title", "Agent", NULL };

    g_unlink (empty);
    project = bal_demo_create_empty (file, NULL);
    g_assert_nonnull (project);
    g_clear_object (&project);
    time_cli (add);
  }

  g_print ("%-7s %12s %12s | %12s %12s | %12s %12s | %12s %14s\n",
           "jobs", "import (s)", "bare (s)", "job add (ms)", "empty (ms)", "decide (ms)", "empty (ms)",
           "open (ms)", "+ check (ms)");

  for (int i = 0; i < n_sizes; i++)
    {
      int n = atoi (sizes[i]);
      g_autofree char *csv = make_csv (dir, n);
      g_autofree char *path = g_strdup_printf ("%s/jobs-%d.balans", dir, n);
      double import[RUNS], bare[RUNS], add[RUNS], add_empty[RUNS], decide[RUNS], decide_empty[RUNS], open[RUNS], check[RUNS];
      const char *add_agent[] = { cli, "job", "add", path, "--title", "Agent", NULL };

      for (int run = 0; run < RUNS; run++)
        {
          import[run] = time_import (path, csv);
          bare[run] = time_bare_insert (dir, n);
        }
      time_cli (add_agent);

      for (int run = 0; run < RUNS; run++)
        {
          g_autofree char *title = g_strdup_printf ("Nieuw %d", run);
          const char *add_big[] = { cli, "job", "add", path, "--title", title, NULL };
          const char *add_small[] = { cli, "job", "add", empty, "--title", title, NULL };
          const char *decide_big[] = { cli, "decide", path, "Agent", "--reference", "KS.02", "--grade", "D",
                                       "--justification", "Gelijk.", "--departure-reason", "Meting.", "--author", "Sanne de Bruin",
                                       "--role", "evaluator", NULL };
          const char *decide_small[] = { cli, "decide", empty, "Agent", "--reference", "KS.02", "--grade", "D",
                                         "--justification", "Gelijk.", "--departure-reason", "Meting.", "--author", "Sanne de Bruin",
                                         "--role", "evaluator", NULL };

          add[run] = time_cli (add_big) * 1000;
          add_empty[run] = time_cli (add_small) * 1000;
          decide[run] = time_cli (decide_big) * 1000;
          decide_empty[run] = time_cli (decide_small) * 1000;
          open[run] = time_open (path, FALSE) * 1000;
          check[run] = time_open (path, TRUE) * 1000;
        }

      g_print ("%-7d %12.2f %12.2f | %12.0f %12.0f | %12.0f %12.0f | %12.0f %14.0f\n", n,
               median (import), median (bare), median (add), median (add_empty),
               median (decide), median (decide_empty), median (open), median (check));
    }

  g_print ("import: bal_job_import_read + _apply of the CSV (one transaction, audited and signed); bare: SQLite\n"
           "inserting the same rows into a table without triggers. job add / decide: balans-cli as a process,\n"
           "on the project and on an empty one. open: bal_project_open; + check: and the integrity check the\n"
           "app runs in the background after the window is up (quick_check, the audit log, its signatures).\n");

  return 0;
}
