/* test-job-import-widgets.c: a client's job list imported through the Import Jobs dialog
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bal-demo.h"
#include "bal-job-import-dialog.h"
#include "bal-jobs.h"
#include "bal-window.h"
#include "test-widget-util.h"

static GtkWidget *
import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BAL_IS_JOB_IMPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }

  return NULL;
}

typedef struct
{
  char      *dir;
  BalWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  BalApplication *app = bal_test_application ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("balans-job-import-ui-XXXXXX", NULL);
  path = g_build_filename (f->dir, "jobs.balans", NULL);
  file = g_file_new_for_path (path);
  project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
  bal_project_close (project);

  f->window = bal_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  bal_application_open_project (app, file, FALSE, GTK_WINDOW (f->window));
  bal_test_wait_for_map (GTK_WIDGET (f->window));
  g_assert_nonnull (bal_window_get_project (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  bal_test_iterate ();
  bal_remove_tree (f->dir);
  g_free (f->dir);
}

static GtkWidget *
present (Fixture    *f,
         const char *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "job-import", fixture, NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (path);
  GtkWidget *dialog;

  bal_job_import_dialog_present (GTK_WINDOW (f->window), bal_window_get_project (f->window), csv);
  bal_test_iterate ();
  dialog = import_dialog ();
  g_assert_nonnull (dialog);
  bal_test_wait_for_map (dialog);

  return dialog;
}

/* The preview shows the mapping and the jobs; Import writes them all. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  BalProject *project = bal_window_get_project (f->window);
  GtkWidget *dialog = present (f, "semicolon-quoted-newline.csv");
  GtkWidget *button;
  g_autoptr(BalJob) agent = NULL;
  g_autoptr(BalJob) lead = NULL;
  g_autoptr(GError) error = NULL;
  gint64 agent_id, lead_id, manager_id;

  g_assert_nonnull (bal_test_find_label (dialog, "separated by semicolons"));
  g_assert_nonnull (bal_test_find_label (dialog, "From the column “Rapporteert aan”"));
  g_assert_nonnull (bal_test_find_label (dialog, "3 jobs in the file"));
  g_assert_null (bal_test_find_label (dialog, "no job is imported"));
  bal_test_save_screenshot (dialog, "job-import.png");

  /* Nothing is written before Import. */
  g_assert_cmpint (bal_jobs_find (project, "Manager operations", NULL), ==, 0);

  button = bal_test_find_button (dialog, "_Import");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  bal_test_iterate ();
  g_assert_null (import_dialog ());
  g_assert_nonnull (bal_test_find_label (GTK_WIDGET (f->window), "3 jobs imported"));

  agent_id = bal_jobs_find (project, "Medewerker klantenservice", &error);
  g_assert_no_error (error);
  lead_id = bal_jobs_find (project, "Teamleider klantenservice", &error);
  g_assert_no_error (error);
  manager_id = bal_jobs_find (project, "Manager operations", &error);
  g_assert_no_error (error);
  agent = bal_jobs_get (project, agent_id, &error);
  g_assert_no_error (error);
  lead = bal_jobs_get (project, lead_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agent->department, ==, "Klantenservice");
  g_assert_cmpint (agent->incumbents, ==, 12);
  g_assert_cmpint (agent->reports_to, ==, lead_id);
  g_assert_cmpint (lead->reports_to, ==, manager_id);
  g_assert_nonnull (strstr (agent->description, "\"klantcontactprotocol\"; per telefoon"));
}

/* A file with problems shows each by line, and cannot be imported. */
static void
test_problems (Fixture       *f,
               gconstpointer  data)
{
  BalProject *project = bal_window_get_project (f->window);
  GtkWidget *dialog = present (f, "bad-lines.csv");
  GtkWidget *button;

  g_assert_nonnull (bal_test_find_label (dialog, "no job is imported until the file is corrected"));
  button = bal_test_find_button (dialog, "_Import");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  bal_test_iterate ();
  g_assert_null (import_dialog ());
  g_assert_cmpint (bal_jobs_find (project, "Chauffeur", NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  bal_test_application_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/widgets/job-import/import", test_import);
  ADD ("/widgets/job-import/problems", test_problems);
#undef ADD

  return g_test_run ();
}
