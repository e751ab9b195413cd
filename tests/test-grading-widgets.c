/* test-grading-widgets.c: a job graded through the widgets, and the structure view
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bal-author-dialog.h"
#include "bal-demo.h"
#include "bal-export-page.h"
#include "bal-grade-dialog.h"
#include "bal-job-item.h"
#include "bal-jobs.h"
#include "bal-jobs-page.h"
#include "bal-structure-page.h"
#include "bal-project-view.h"
#include "bal-window.h"
#include "test-widget-util.h"

static GtkWidget *
grade_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BAL_IS_GRADE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }

  return NULL;
}

/* The visible toplevel of @type other than @except, if any. */
static GtkWidget *
toplevel_of_type (GType      type,
                  GtkWidget *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && GTK_WIDGET (window) != except &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }

  return NULL;
}

static void
test_grade (void)
{
  BalApplication *app = bal_test_application ();
  g_autofree char *dir = g_dir_make_tmp ("balans-grade-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *decision = NULL;
  BalWindow *window;
  GtkWidget *page, *dialog, *row, *button, *view, *stack, *structure, *anyway, *reason;
  gint64 agent;

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  agent = bal_jobs_find (project, "Klantenservicemedewerker", &error);
  bal_project_close (project);

  window = bal_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  bal_application_open_project (app, file, FALSE, GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));

  page = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_JOBS_PAGE, NULL);
  bal_jobs_page_show_job (BAL_JOBS_PAGE (page), agent, FALSE);
  bal_test_iterate ();

  /* The Grade button of the job's form. */
  button = bal_test_find_button (page, "_Grade…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  bal_test_iterate ();
  dialog = grade_dialog ();
  g_assert_nonnull (dialog);
  bal_test_wait_for_map (dialog);

  /* Candidates: a customer service reference at the top; choose KS.02. */
  row = bal_grade_dialog_get_candidate (BAL_GRADE_DIALOG (dialog), "KS.02");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  bal_test_iterate ();
  g_assert_nonnull (bal_test_find_label (dialog, "Compared with KS.02"));
  bal_test_save_screenshot (dialog, "grade-comparison.png");

  button = bal_test_find_button (dialog, "_Continue to the Decision");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  bal_test_iterate ();

  view = bal_test_find_widget (dialog, GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "Gelijk aan KS.02: vragen via alle kanalen, klachten met hulp van de teamleider.", -1);
  button = bal_test_find_button (dialog, "_Record Decision");

  /* The demo agent has two of the questions answered: the proposal is
   * premature, and a decision needs "Decide anyway" and a reason. */
  g_assert_nonnull (bal_test_find_label (dialog, "The proposal is premature"));
  g_assert_false (gtk_widget_get_sensitive (button));
  anyway = bal_test_find_widget (dialog, GTK_TYPE_CHECK_BUTTON, "decide-anyway");
  g_assert_nonnull (anyway);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (anyway), TRUE);
  reason = bal_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "departure-reason");
  g_assert_nonnull (reason);
  /* Confirmed, but the reason is still empty: marked, and not yet possible. */
  bal_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_has_css_class (reason, "error"));
  g_assert_nonnull (bal_test_find_label (dialog, "A reason is required."));
  gtk_editable_set_text (GTK_EDITABLE (reason), "Het team wacht op de indeling; de overige vragen volgen in het gesprek.");
  bal_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_false (gtk_widget_has_css_class (reason, "error"));
  g_signal_emit_by_name (button, "clicked");
  bal_test_iterate ();

  /* No author set yet: the name and role are asked first, nothing recorded. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.balans.Balans");
    GtkWidget *ask, *name;

    g_settings_reset (settings, "author-name");
    ask = toplevel_of_type (BAL_TYPE_AUTHOR_DIALOG, NULL);
    g_assert_nonnull (ask);
    g_assert_null (bal_test_query_text (path, "SELECT grade FROM decision"));
    name = bal_test_find_widget (ask, ADW_TYPE_ENTRY_ROW, NULL);
    g_assert_nonnull (name);
    gtk_editable_set_text (GTK_EDITABLE (name), "Iris de Vries");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "save");
    gtk_window_destroy (GTK_WINDOW (ask));
    bal_test_iterate ();

    /* The demo agent's description was never agreed to: asked again, Cancel the default. */
    ask = toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG, NULL);
    g_assert_nonnull (ask);
    g_assert_false (BAL_IS_AUTHOR_DIALOG (ask));
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (ask)), ==, "Grade Anyway?");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (ask)), "agree"));
    g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (ask)), ==, "cancel");
    g_assert_null (bal_test_query_text (path, "SELECT grade FROM decision"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "grade");
    bal_test_iterate ();
    g_settings_reset (settings, "author-name");
    g_settings_reset (settings, "author-role");
  }

  decision = bal_test_query_text (path, "SELECT evaluator || ' ' || evaluator_role FROM decision");
  g_assert_cmpstr (decision, ==, "Iris de Vries evaluator");
  g_free (decision);
  decision = bal_test_query_text (path, "SELECT reference_code || ' ' || grade || ' ' || justification FROM decision");
  g_assert_nonnull (decision);
  g_assert_true (g_str_has_prefix (decision, "KS.02 "));
  g_assert_nonnull (strstr (decision, "klachten met hulp van de teamleider"));
  g_assert_null (grade_dialog ());

  /* The structure view places the job. */
  stack = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_PROJECT_VIEW, NULL);
  gtk_stack_set_visible_child_name (bal_project_view_get_stack (BAL_PROJECT_VIEW (stack)), "structure");
  bal_test_iterate ();
  structure = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_STRUCTURE_PAGE, NULL);
  /* Computed in worker threads, with a spinner meanwhile. */
  for (guint waited = 0; bal_structure_page_get_loading (BAL_STRUCTURE_PAGE (structure)) && waited < 2000; waited++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * 1000);
    }
  g_assert_false (bal_structure_page_get_loading (BAL_STRUCTURE_PAGE (structure)));
  bal_test_iterate ();
  g_assert_nonnull (bal_test_find_label (structure, "Klantenservicemedewerker (38)"));
  g_assert_nonnull (bal_test_find_label (structure, "has no decision yet"));
  bal_test_save_screenshot (GTK_WIDGET (window), "structure.png");

  /* Regrading opens on the decision in force. */
  gtk_stack_set_visible_child_name (bal_project_view_get_stack (BAL_PROJECT_VIEW (stack)), "jobs");
  bal_test_iterate ();
  button = bal_test_find_button (page, "_Grade…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  bal_test_iterate ();
  dialog = grade_dialog ();
  g_assert_nonnull (dialog);
  bal_test_wait_for_map (dialog);
  g_assert_nonnull (bal_test_find_label (dialog, "Current decision: grade "));
  /* The decided grade with its salary scale, in the dialog and in the list. */
  g_assert_nonnull (bal_test_find_label (dialog, " · Schaal "));
  {
    GListModel *jobs = bal_jobs_page_get_jobs (BAL_JOBS_PAGE (page));
    gboolean seen = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
      {
        g_autoptr(BalJobItem) item = g_list_model_get_item (jobs, i);

        if (bal_job_item_get_id (item) != agent)
          continue;
        seen = TRUE;
        g_assert_nonnull (strstr (bal_job_item_get_subtitle (item), " · Schaal "));
        g_assert_nonnull (strstr (bal_job_item_get_subtitle (item), "€ "));
      }
    g_assert_true (seen);
  }
  g_assert_nonnull (bal_test_find_label (dialog, ", compared with KS.02"));
  view = bal_test_find_widget (dialog, GTK_TYPE_TEXT_VIEW, NULL);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Gelijk aan KS.02: vragen via alle kanalen, klachten met hulp van de teamleider.");
  }
  reason = bal_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "departure-reason");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reason)), ==,
                   "Het team wacht op de indeling; de overige vragen volgen in het gesprek.");
  g_assert_true (gtk_widget_get_mapped (bal_test_find_button (dialog, "_Record Decision")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  bal_test_iterate ();

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

static void
wait_for_scopes (BalExportPage *page)
{
  guint waited = 0;

  while (bal_export_page_get_loading (page) && waited++ < 2000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * 1000);
    }
  g_assert_false (bal_export_page_get_loading (page));
}

static void
test_export_page (void)
{
  BalApplication *app = bal_test_application ();
  g_autofree char *dir = g_dir_make_tmp ("balans-export-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.balans", NULL);
  g_autofree char *out = g_build_filename (dir, "overzicht.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  BalWindow *window;
  GtkWidget *page;
  guint waited = 0;

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  bal_project_close (project);

  window = bal_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  bal_application_open_project (app, file, FALSE, GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));

  gtk_stack_set_visible_child_name (bal_project_view_get_stack (BAL_PROJECT_VIEW (bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_PROJECT_VIEW, NULL))), "export");
  page = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_EXPORT_PAGE, NULL);
  g_assert_nonnull (page);

  /* The page has the window's project as its property, and follows its
   * jobs: a job added elsewhere is a scope at once. */
  {
    g_autoptr(BalProject) shown = NULL;
    g_autoptr(BalJob) job = bal_job_new ();
    AdwComboRow *scope_row = ADW_COMBO_ROW (bal_test_find_widget (page, ADW_TYPE_COMBO_ROW, NULL));
    guint n_scopes;
    gboolean found_scope = FALSE;

    /* The scopes are read in a worker. */
    wait_for_scopes (BAL_EXPORT_PAGE (page));
    n_scopes = g_list_model_get_n_items (adw_combo_row_get_model (scope_row));
    g_assert_cmpuint (n_scopes, >, 1);
    g_object_get (page, "project", &shown, NULL);
    g_assert_true (shown == bal_window_get_project (window));
    g_free (job->title);
    job->title = g_strdup ("Tuinman");
    g_assert_cmpint (bal_jobs_add (shown, job, &error), >, 0);
    g_assert_no_error (error);
    g_assert_true (bal_export_page_get_loading (BAL_EXPORT_PAGE (page)));
    wait_for_scopes (BAL_EXPORT_PAGE (page));
    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (scope_row)), ==, n_scopes + 1);
    for (guint i = 0; i <= n_scopes; i++)
      {
        g_autofree char *line = bal_test_combo_row_line (scope_row, i);

        if (g_strrstr (line, "Tuinman"))
          found_scope = TRUE;
      }
    g_assert_true (found_scope);
  }

  /* The target as the save dialog sets it, then Export: it runs in a thread. */
  bal_export_page_set_target (BAL_EXPORT_PAGE (page), target);
  g_assert_true (gtk_widget_activate_action (page, "export.run", NULL));
  while (!bal_test_find_label (page, "exported") && waited++ < 500)
    {
      g_usleep (10000);
      bal_test_iterate ();
    }
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (bal_test_find_label (GTK_WIDGET (window), "“overzicht.xlsx” exported"));

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

/* The grade dialog fits the window it belongs to, on a small laptop and in
 * a phone-sized window. */
static void
test_dialog_fits (void)
{
  static const int sizes[][2] = { { 1366, 768 }, { 360, 640 } };
  BalApplication *app = bal_test_application ();
  g_autofree char *dir = g_dir_make_tmp ("balans-grade-size-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 agent;

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  agent = bal_jobs_find (project, "Klantenservicemedewerker", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GtkWidget *parent = adw_application_window_new (GTK_APPLICATION (app));
      GtkWidget *dialog;

      gtk_window_set_default_size (GTK_WINDOW (parent), sizes[i][0], sizes[i][1]);
      gtk_window_present (GTK_WINDOW (parent));
      bal_test_wait_for_map (parent);

      dialog = GTK_WIDGET (bal_grade_dialog_new (GTK_WINDOW (parent), project, agent));
      gtk_window_present (GTK_WINDOW (dialog));
      bal_test_wait_for_map (dialog);
      g_assert_cmpint (gtk_widget_get_width (dialog), <=, gtk_widget_get_width (parent));
      g_assert_cmpint (gtk_widget_get_height (dialog), <=, gtk_widget_get_height (parent));

      /* Every step, the comparison the longest. */
      bal_grade_dialog_compare (BAL_GRADE_DIALOG (dialog), "KS.02");
      bal_test_iterate ();
      g_assert_cmpint (gtk_widget_get_width (dialog), <=, gtk_widget_get_width (parent));
      g_assert_cmpint (gtk_widget_get_height (dialog), <=, gtk_widget_get_height (parent));
      {
        int min_width, min_height;

        gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
        gtk_widget_measure (dialog, GTK_ORIENTATION_VERTICAL, sizes[i][0], &min_height, NULL, NULL, NULL);
        g_assert_cmpint (min_width, <=, sizes[i][0]);
        g_assert_cmpint (min_height, <=, sizes[i][1]);
      }

      gtk_window_destroy (GTK_WINDOW (dialog));
      gtk_window_destroy (GTK_WINDOW (parent));
      bal_test_iterate ();
    }

  bal_project_close (project);
  bal_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  bal_test_application_init ();

  g_test_add_func ("/widgets/grading/grade-a-job", test_grade);
  g_test_add_func ("/widgets/grading/dialog-fits-its-window", test_dialog_fits);
  g_test_add_func ("/widgets/export/page", test_export_page);

  return g_test_run ();
}
