/* bench-open.c: what opening a project costs at the size of a real
 * employer, with the schema compared and every signature verified, beside
 * the same file opened without those checks, measured in the same run.
 *
 *   build/benchmarks/bench-open [N ...]      (default: 500 5000)
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bal-demo.h"
#include "bal-grading.h"
#include "bal-jobs.h"
#include "bal-project-private.h"

static void
make_project (const char *path,
              int         n_jobs)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = bal_demo_create_empty (file, &error);
  BalDecisionInput input = { "KS.02", "D", "Gelijk aan KS.02.", "Klantvragen volgens vaste werkwijzen.", "Iris", NULL, NULL };

  g_assert_no_error (error);
  bal_project_set_author (project, "Iris de Vries", "evaluator");
  /* Only for making the file quickly: no fsync per edit. */
  g_assert_true (bal_project_exec (project, "PRAGMA synchronous = OFF", &error));
  for (int i = 0; i < n_jobs; i++)
    {
      g_autoptr(BalJob) job = bal_job_new ();
      gint64 id;

      g_free (job->title);
      job->title = g_strdup_printf ("Medewerker klantenservice %d", i + 1);
      id = bal_jobs_add (project, job, &error);
      g_assert_no_error (error);
      bal_grading_decide (project, id, &input, &error);
      g_assert_no_error (error);
    }
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

/* The file opened by SQLite alone, read through once: the anchor. */
static double
time_bare (const char *path)
{
  gint64 start = g_get_monotonic_time ();
  sqlite3 *db = NULL;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_exec (db, "PRAGMA quick_check; SELECT count(*) FROM audit_log; SELECT count(*) FROM decision", NULL, NULL, NULL);
  sqlite3_close (db);

  return seconds_since (start);
}

static double
time_open (const char *path,
           gboolean    verified,
           guint      *n_findings)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  gint64 start = g_get_monotonic_time ();

  project = verified ? bal_project_open_for_reading (file, &error) : bal_project_open_read_only (file, &error);
  g_assert_no_error (error);
  if (n_findings != NULL)
    *n_findings = bal_project_get_findings (project)->len;

  return seconds_since (start);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-bench-open-XXXXXX", NULL);
  g_autofree char *user_dir = g_build_filename (dir, "user", NULL);
  const char *defaults[] = { "500", "5000" };
  const char **sizes = argc > 1 ? (const char **)argv + 1 : defaults;
  int n_sizes = argc > 1 ? argc - 1 : (int)G_N_ELEMENTS (defaults);

  g_setenv ("BALANS_DATA_DIR", user_dir, TRUE);
  g_print ("%-8s %12s %14s %14s %16s %10s\n", "jobs", "make (s)", "bare (s)", "schema (s)", "verified (s)", "findings");

  for (int i = 0; i < n_sizes; i++)
    {
      int n = atoi (sizes[i]);
      g_autofree char *path = g_strdup_printf ("%s/bench-%d.balans", dir, n);
      gint64 start = g_get_monotonic_time ();
      double made, bare, schema, verified;
      guint findings = 0;

      make_project (path, n);
      made = seconds_since (start);
      /* Interleaved, best of three, so that the page cache favours none. */
      bare = schema = verified = G_MAXDOUBLE;
      for (int run = 0; run < 3; run++)
        {
          bare = MIN (bare, time_bare (path));
          schema = MIN (schema, time_open (path, FALSE, NULL));
          verified = MIN (verified, time_open (path, TRUE, &findings));
        }
      g_print ("%-8d %12.2f %14.3f %14.3f %16.3f %10u\n", n, made, bare, schema, verified, findings);
      g_unlink (path);
    }

  g_print ("bare: SQLite opens the file, quick_check, two counts (the anchor); schema: Balans's read-only\n"
           "second connection (schema compared, no verification); verified: opened as `balans-cli check`\n"
           "opens it (schema, quick_check, every seal verified, every audited table cross-checked).\n");

  g_rmdir (user_dir);
  return 0;
}
