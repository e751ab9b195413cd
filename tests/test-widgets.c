/* test-widgets.c: the window, for real, under a display
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "bal-application.h"
#include "bal-demo.h"
#include "bal-export-page.h"
#include "bal-grade-dialog.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-handbook-page.h"
#include "bal-job-item.h"
#include "bal-method.h"
#include "bal-jobs.h"
#include "bal-jobs-page.h"
#include "bal-project-view.h"
#include "bal-review-page.h"
#include "bal-scale-row.h"
#include "bal-structure-page.h"
#include "bal-text-row.h"
#include "bal-window.h"
#include "test-widget-util.h"
#include "bal-project-private.h"

static void
test_welcome (void)
{
  BalApplication *app = bal_test_application ();
  BalWindow *window = bal_window_new (app);
  GtkWidget *stack;

  gtk_window_present (GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));

  stack = bal_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK, "main-stack");
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "welcome");
  g_assert_nonnull (bal_test_find_button (GTK_WIDGET (window), "_New Project…"));
  g_assert_nonnull (bal_test_find_button (GTK_WIDGET (window), "_Open Project…"));
  g_assert_nonnull (bal_test_find_button (GTK_WIDGET (window), "Open the _Demo"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkStack *
project_pages (BalWindow *window)
{
  GtkWidget *view = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_PROJECT_VIEW, NULL);

  g_assert_nonnull (view);
  return bal_project_view_get_stack (BAL_PROJECT_VIEW (view));
}

static GtkWidget *
focus_of (BalWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* The sidebar: a row per page with its title and icon; the arrow keys move
 * through the pages, and Tab leaves the sidebar for the page instead of
 * opening the next one. */
static void
test_project_sidebar (void)
{
  BalApplication *app = bal_test_application ();
  g_autofree char *dir = g_dir_make_tmp ("balans-widgets-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sidebar.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  BalWindow *window;
  GtkWidget *sidebar;
  GtkStack *pages;
  const char *expected[] = { "jobs", "handbook", "structure", "review", "export" };

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  bal_project_close (project);

  window = bal_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  bal_application_open_project (app, file, FALSE, GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));

  g_assert_nonnull (bal_window_get_project (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "sidebar");

  sidebar = bal_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "sidebar");
  g_assert_nonnull (sidebar);
  g_assert_true (gtk_widget_get_mapped (sidebar));
  pages = project_pages (window);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *child = gtk_stack_get_child_by_name (pages, expected[i]);
      GtkStackPage *page = gtk_stack_get_page (pages, child);
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), i));

      g_assert_nonnull (gtk_stack_page_get_title (page));
      g_assert_nonnull (bal_test_find_label (row, gtk_stack_page_get_title (page)));
      g_assert_nonnull (bal_test_find_widget (row, GTK_TYPE_IMAGE, NULL));
      /* Pages are built when first shown: only the jobs so far. */
      g_assert_true ((adw_bin_get_child (ADW_BIN (child)) != NULL) == (i == 0));
    }
  g_assert_nonnull (bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_JOBS_PAGE, NULL));
  g_assert_null (bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_STRUCTURE_PAGE, NULL));
  g_assert_cmpstr (bal_project_view_get_title (BAL_PROJECT_VIEW (bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_PROJECT_VIEW, NULL))), ==, "Jobs");

  /* Down arrow: the next page. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar))));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), sidebar));
  g_signal_emit_by_name (sidebar, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  bal_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "handbook");
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), sidebar));
  g_assert_nonnull (bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_HANDBOOK_PAGE, NULL));
  /* On a slow machine (the sanitizer build) the page is still fading in. */
  bal_test_wait_for_map (bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_HANDBOOK_PAGE, NULL));
  while (gtk_stack_get_transition_running (pages))
    g_main_context_iteration (NULL, TRUE);

  /* Tab: into the handbook page, which stays shown. */
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
  bal_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "handbook");
  g_assert_nonnull (focus_of (window));
  g_assert_false (gtk_widget_is_ancestor (focus_of (window), sidebar));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), gtk_stack_get_child_by_name (pages, "handbook")));

  /* Shift+Tab from the sidebar leaves it backwards too. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar))));
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_BACKWARD);
  bal_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "handbook");
  g_assert_false (gtk_widget_is_ancestor (focus_of (window), sidebar));

  /* Up arrow: back to the jobs. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar))));
  g_signal_emit_by_name (sidebar, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, -1, FALSE, FALSE);
  bal_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "jobs");

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

static void
test_review_mode (void)
{
  BalApplication *app = bal_test_application ();
  g_autofree char *dir = g_dir_make_tmp ("balans-review-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "review.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalJob) job = NULL;
  g_autoptr(GError) error = NULL;
  BalWindow *window;
  GtkWidget *banner;
  GtkWidget *review;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  /* A deletion waits for the next open to be purged: not one for review. */
  g_assert_true (bal_jobs_delete (project, 1, &error));
  g_assert_no_error (error);
  bal_project_close (project);
  before = bal_test_file_bytes (path);

  window = bal_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  bal_application_open_project (app, file, TRUE, GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));

  /* The window says so. */
  g_assert_true (bal_window_get_review (window));
  banner = bal_test_find_label (GTK_WIDGET (window), "Review mode: remarks and objections can be recorded");
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (banner, GTK_TYPE_REVEALER))));

  /* Gradings cannot change through this window's project. */
  job = bal_jobs_get (bal_window_get_project (window), 2, &error);
  g_assert_no_error (error);
  g_free (job->title);
  job->title = g_strdup ("Ander");
  job->reports_to = 0;
  g_assert_false (bal_jobs_update (bal_window_get_project (window), job, &error));
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY);

  /* The review page is there, with its open objections and remarks. */
  gtk_stack_set_visible_child_name (project_pages (window), "review");
  review = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_REVIEW_PAGE, NULL);
  g_assert_nonnull (review);
  g_assert_nonnull (bal_test_find_label (review, "Add a Remark"));

  /* Open again with Ctrl+O, not for review: the window stays in review mode. */
  bal_application_open_project (app, file, FALSE, GTK_WINDOW (window));
  g_assert_true (bal_window_get_review (window));

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  after = bal_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  bal_remove_tree (dir);
}

static BalProject *
graded_project (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalJob) job = bal_job_new ();
  BalProject *project;
  BalDecisionInput input = { "KS.02", "D", "Gelijk aan KS.02.", "Klantvragen beantwoorden volgens vaste werkwijzen.", "Iris de Vries", NULL, NULL };

  project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
  bal_project_set_author (project, "Iris de Vries", "evaluator");
  g_free (job->title);
  job->title = g_strdup ("Medewerker klantenservice");
  job->id = bal_jobs_add (project, job, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bal_grading_decide (project, job->id, &input, &error), >, 0);
  g_assert_no_error (error);

  return project;
}

static BalWindow *
open_in_window (GFile *file)
{
  BalApplication *app = bal_test_application ();
  BalWindow *window = bal_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  bal_application_open_project (app, file, FALSE, GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));

  return window;
}

static BalJobsPage *
wait_for_jobs (BalWindow *window)
{
  GtkWidget *page = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_JOBS_PAGE, NULL);
  guint waited = 0;

  g_assert_nonnull (page);
  while (bal_jobs_page_get_loading (BAL_JOBS_PAGE (page)) && waited++ < 2000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * 1000);
    }
  g_assert_false (bal_jobs_page_get_loading (BAL_JOBS_PAGE (page)));
  bal_test_iterate ();

  return BAL_JOBS_PAGE (page);
}

/* A review copy opened as `balans FILE` opens it: review mode without
 * asking, nothing written, and the leave button offered. */
static void
test_review_copy (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-review-copy-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "toetsing.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = graded_project (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(BalJob) job = NULL;
  GtkWidget *banner, *leave;
  BalWindow *window;

  g_assert_true (bal_project_send_for_review (project, &error));
  g_assert_no_error (error);
  bal_project_close (project);
  before = bal_test_file_bytes (path);

  window = open_in_window (file);
  g_assert_true (bal_window_get_review (window));
  banner = bal_test_find_label (GTK_WIDGET (window), "Review copy: remarks and objections can be recorded");
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (banner, GTK_TYPE_REVEALER))));
  leave = bal_test_find_button (GTK_WIDGET (window), "_Leave Review Mode…");
  g_assert_nonnull (leave);
  g_assert_true (gtk_widget_get_visible (leave));

  /* Even when asked for editing, the project stays in review mode. */
  bal_window_set_project (window, bal_window_get_project (window), FALSE);
  g_assert_true (bal_window_get_review (window));
  job = bal_jobs_get (bal_window_get_project (window), 1, &error);
  g_assert_no_error (error);
  g_free (job->title);
  job->title = g_strdup ("Ander");
  g_assert_false (bal_jobs_update (bal_window_get_project (window), job, &error));
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY);

  gtk_stack_set_visible_child_name (project_pages (window), "review");
  /* The signatures, with the fingerprint of the log's head, lead the review page. */
  g_assert_nonnull (bal_test_find_label (GTK_WIDGET (window), "Signatures"));
  g_assert_nonnull (bal_test_find_label (GTK_WIDGET (window), "Iris de Vries (you)"));
  for (guint i = 0; i < 20; i++)
    {
      bal_test_iterate ();
      g_usleep (25 * 1000);
    }
  bal_test_save_screenshot (GTK_WIDGET (window), "review-copy.png");

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  after = bal_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  bal_remove_tree (dir);
}

/* A decision changed with the sqlite3 shell: the banner says so, and the
 * job is marked in the list. */
static void
test_changed_outside (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-changed-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "klant.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = graded_project (path);
  GtkWidget *banner;
  BalWindow *window;

  bal_project_close (project);
  bal_test_attack (path,
                   "DROP TRIGGER decision_is_final; UPDATE decision SET grade = 'L'; "
                   BAL_TEST_DECISION_IS_FINAL);

  window = open_in_window (file);
  wait_for_jobs (window);
  /* The check runs in the background once the window is up. */
  for (guint i = 0; i < 400 && !bal_test_find_label (GTK_WIDGET (window), "⚠ Changed outside Balans · Grade L"); i++)
    {
      bal_test_iterate ();
      g_usleep (25 * 1000);
    }
  banner = bal_test_find_label (GTK_WIDGET (window), "This project was changed outside Balans: 1 finding");
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (banner, GTK_TYPE_REVEALER))));
  g_assert_nonnull (bal_test_find_label (GTK_WIDGET (window), "⚠ Changed outside Balans · Grade L"));
  bal_test_save_screenshot (GTK_WIDGET (window), "changed-outside.png");

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

/* A file with a trigger of its own is refused, by name, and stays as it was. */
static void
test_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-refused-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "klant.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = graded_project (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GListModel *toplevels;
  GtkWidget *dialog = NULL;
  BalWindow *window;

  bal_project_close (project);
  bal_test_attack (path,
                   "CREATE TRIGGER job_purge_log AFTER DELETE ON job BEGIN "
                   "  INSERT INTO decision (job_id, reference_code, grade, verdict, justification, decided) "
                   "  SELECT id, 'KS.02', 'L', 'heavier', 'Zo besloten.', '2026-01-01' FROM job; "
                   "END;");
  before = bal_test_file_bytes (path);

  window = open_in_window (file);
  g_assert_null (bal_window_get_project (window));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = toplevel;
    }
  g_assert_nonnull (dialog);
  bal_test_wait_for_map (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "job_purge_log"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "changed outside Balans"));
  bal_test_save_screenshot (GTK_WIDGET (window), "refused-window.png");
  bal_test_save_screenshot (dialog, "refused-dialog.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  after = bal_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  bal_remove_tree (dir);
}


static int
minimum_width (BalWindow *window)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* At 360x640, with jobs, a job open and a job added, every page: the
 * window never needs more than 360 pixels, and the panes fold. */
static void
test_narrow (void)
{
  BalApplication *app = bal_test_application ();
  g_autofree char *dir = g_dir_make_tmp ("balans-narrow-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "smal.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "jobs", "handbook", "structure", "review", "export" };
  BalProjectView *view;
  BalJobsPage *page;
  BalWindow *window;
  GtkStack *pages;
  gint64 agent;
  int width;

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  agent = bal_jobs_find (project, "Klantenservicemedewerker", &error);
  g_assert_no_error (error);
  bal_project_close (project);

  window = bal_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  bal_application_open_project (app, file, FALSE, GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));
  page = wait_for_jobs (window);
  view = BAL_PROJECT_VIEW (bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_PROJECT_VIEW, NULL));
  pages = bal_project_view_get_stack (view);

  g_assert_cmpint (minimum_width (window), <=, 360);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  g_assert_cmpint (width, <=, 360);
  /* Folded: the page is shown, and the header offers the way back. */
  g_assert_true (bal_project_view_get_can_go_back (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  bal_test_iterate ();
  g_assert_false (bal_project_view_get_can_go_back (view));
  g_assert_true (gtk_widget_get_mapped (bal_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "sidebar")));
  bal_project_view_show_page (view, "jobs");
  bal_test_iterate ();
  g_assert_true (bal_project_view_get_can_go_back (view));

  bal_jobs_page_show_job (page, agent, FALSE);
  bal_test_iterate ();
  g_assert_cmpint (minimum_width (window), <=, 360);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "jobs.add", NULL));
  wait_for_jobs (window);
  g_assert_cmpint (minimum_width (window), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
  bal_test_save_screenshot (GTK_WIDGET (window), "narrow-job.png");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gtk_stack_set_visible_child_name (pages, names[i]);
      for (guint j = 0; j < 20; j++)
        {
          bal_test_iterate ();
          g_usleep (10 * 1000);
        }
      g_test_message ("page %s needs %d px", names[i], minimum_width (window));
      g_assert_cmpint (minimum_width (window), <=, 360);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

static BalProject *
project_with_jobs (const char *path,
                   guint       n,
                   guint       graded_every)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BalProject *project;
  const char *departments[] = { "Klantenservice", "Techniek", "Financiën", "Logistiek", "Personeelszaken" };

  project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
  bal_project_set_actor (project, "Iris de Vries");
  /* Thousands of commits: the test needs no fsync after each. */
  g_assert_true (bal_project_exec (project, "PRAGMA synchronous = OFF", &error));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BalJob) job = bal_job_new ();

      g_free (job->title);
      job->title = g_strdup_printf ("Functie %05u", i);
      g_free (job->department);
      job->department = g_strdup (departments[i % G_N_ELEMENTS (departments)]);
      job->incumbents = 1 + i % 7;
      job->id = bal_jobs_add (project, job, &error);
      g_assert_no_error (error);

      if (graded_every > 0 && i % graded_every == 0)
        {
          BalDecisionInput input = { "KS.02", "D", "Gelijk aan KS.02.", "Klantvragen beantwoorden.", "Iris de Vries", NULL, NULL };

          g_assert_cmpint (bal_grading_decide (project, job->id, &input, &error), >, 0);
          g_assert_no_error (error);
        }
    }

  return project;
}

static GPtrArray *
items_of (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

/* The selection of the list view that shows @jobs. */
static GtkSingleSelection *
jobs_selection (GtkWidget  *root,
                GListModel *jobs)
{
  if (GTK_IS_LIST_VIEW (root) && GTK_IS_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (root))) &&
      gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (root)))) == jobs)
    return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkSingleSelection *found = jobs_selection (child, jobs);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A search filters the jobs read once: the items are the same objects
 * after it, and an edit of a job changes its one item, in place. */
static void
test_jobs_search_and_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-jobs-list-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "lijst.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = project_with_jobs (path, 30, 3);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autofree char *title = NULL;
  BalJobItem *item = NULL;
  BalJobsPage *page;
  BalWindow *window;
  GListModel *jobs;
  GtkWidget *search, *title_row;
  guint waited = 0;

  bal_project_close (project);
  window = open_in_window (file);
  page = wait_for_jobs (window);
  jobs = bal_jobs_page_get_jobs (page);
  g_assert_cmpuint (g_list_model_get_n_items (jobs), ==, 30);
  before = items_of (jobs);

  /* The status words of the core, one set everywhere; the grade with its salary scale. */
  g_assert_nonnull (bal_test_find_label (GTK_WIDGET (page), "Grade D · Schaal 4 (€ 2320–2850) · Draft"));
  g_assert_nonnull (bal_test_find_label (GTK_WIDGET (page), "Not graded"));

  search = bal_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "functie 0001");
  g_signal_emit_by_name (search, "search-changed");
  bal_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (jobs), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(BalJobItem) shown = g_list_model_get_item (jobs, i);

      g_assert_true (g_ptr_array_find (before, shown, NULL));
      g_assert_nonnull (strstr (bal_job_item_get_title (shown), "Functie 0001"));
    }

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  bal_test_iterate ();
  after = items_of (jobs);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));

  /* Edit the title of the fourth job: its item changes, no other does. */
  item = g_ptr_array_index (before, 3);
  bal_jobs_page_show_job (page, bal_job_item_get_id (item), FALSE);
  bal_test_iterate ();
  title_row = bal_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, bal_job_item_get_title (item));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Functie 00003, hernoemd");
  while (g_strcmp0 (bal_job_item_get_title (item), "Functie 00003, hernoemd") != 0 && waited++ < 200)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_assert_cmpstr (bal_job_item_get_title (item), ==, "Functie 00003, hernoemd");
  title = bal_test_query_text (path, "SELECT title FROM job WHERE title LIKE '%hernoemd'");
  g_assert_cmpstr (title, ==, "Functie 00003, hernoemd");
  for (guint i = 0; i < 20; i++)
    {
      bal_test_iterate ();
      g_usleep (10 * 1000);
    }
  g_assert_false (bal_jobs_page_get_loading (page));
  saved = items_of (jobs);
  g_assert_cmpuint (saved->len, ==, before->len);
  for (guint i = 0; i < saved->len; i++)
    g_assert_true (g_ptr_array_index (saved, i) == g_ptr_array_index (before, i));
  g_assert_nonnull (bal_test_find_label (GTK_WIDGET (page), "Functie 00003, hernoemd"));

  /* The job shown stays selected while a search still holds it, is not
   * while the search hides it, and is again when the search is cleared. */
  {
    GtkSingleSelection *selection = jobs_selection (GTK_WIDGET (page), jobs);
    const char *searches[] = { "hernoemd", "functie 0002", "" };
    guint expected[] = { 0, GTK_INVALID_LIST_POSITION, 3 };

    g_assert_nonnull (selection);
    g_assert_true (gtk_single_selection_get_selected_item (selection) == item);
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        gtk_editable_set_text (GTK_EDITABLE (search), searches[i]);
        g_signal_emit_by_name (search, "search-changed");
        bal_test_iterate ();
        g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, expected[i]);
        if (expected[i] != GTK_INVALID_LIST_POSITION)
          g_assert_true (gtk_single_selection_get_selected_item (selection) == item);
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

/* A project of 5,000 jobs: every page opens and shows them. */
static void
test_large_project (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-large-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "groot.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = project_with_jobs (path, 5000, 10);
  const char *names[] = { "jobs", "handbook", "structure", "review", "export" };
  BalJobsPage *page;
  BalWindow *window;
  GtkStack *pages;
  GtkWidget *structure;
  GtkWidget *more;
  GtkWidget *toggle;
  GtkWidget *export;
  GListModel *scopes;
  AdwComboRow *scope_row;
  gboolean found = FALSE;
  g_autoptr(BalMethod) method = NULL;
  g_autofree char *grade = NULL;
  guint waited = 0;

  bal_project_close (project);
  window = open_in_window (file);
  page = wait_for_jobs (window);
  g_assert_cmpuint (g_list_model_get_n_items (bal_jobs_page_get_jobs (page)), ==, 5000);
  pages = project_pages (window);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gtk_stack_set_visible_child_name (pages, names[i]);
      bal_test_iterate ();
      g_assert_nonnull (adw_bin_get_child (ADW_BIN (gtk_stack_get_child_by_name (pages, names[i]))));
    }

  gtk_stack_set_visible_child_name (pages, "structure");
  structure = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_STRUCTURE_PAGE, NULL);
  while (bal_structure_page_get_loading (BAL_STRUCTURE_PAGE (structure)) && waited++ < 3000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * 1000);
    }
  g_assert_false (bal_structure_page_get_loading (BAL_STRUCTURE_PAGE (structure)));

  /* The cell of the 500 graded jobs shows its first titles and how many
   * more there are, not all 500 (thousands of lines in one label froze the
   * page); the button under them lists every one, from the keyboard too. */
  g_assert_nonnull (bal_test_find_label (structure, "Functie 00000 (1)\nFunctie 00010 (4)\nFunctie 00020 (7)\nFunctie 00030 (3)\nFunctie 00040 (6)"));
  g_assert_null (bal_test_find_label (structure, "Functie 00050 (2)"));
  g_assert_null (bal_test_find_label (structure, "Functie 04990 (7)"));
  more = bal_test_find_label (structure, "… and 495 more");
  g_assert_nonnull (more);
  more = gtk_widget_get_ancestor (more, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (more);
  toggle = bal_test_find_widget (more, GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_true (gtk_widget_get_focusable (toggle));
  /* Its popover, with every one of the 500, is not opened here: in the
   * sanitizer build, after the tests before it, GTK 4.8 found no monitor
   * under the button for it (a critical), however it was scrolled. */

  /* The export's scopes: the whole project and every job, read in a worker. */
  export = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_EXPORT_PAGE, NULL);
  g_assert_nonnull (export);
  waited = 0;
  while (bal_export_page_get_loading (BAL_EXPORT_PAGE (export)) && waited++ < 3000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * 1000);
    }
  g_assert_false (bal_export_page_get_loading (BAL_EXPORT_PAGE (export)));
  scope_row = ADW_COMBO_ROW (bal_test_find_widget (export, ADW_TYPE_COMBO_ROW, NULL));
  scopes = adw_combo_row_get_model (scope_row);
  g_assert_cmpuint (g_list_model_get_n_items (scopes), ==, 5001);
  /* The jobs are read once for the window: the jobs list, the review
   * page's choosers and the export's scopes show the same items. */
  {
    GListModel *listed = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (bal_jobs_page_get_jobs (page)));
    GtkWidget *review = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_REVIEW_PAGE, NULL);
    GtkWidget *chooser = bal_test_find_widget (review, GTK_TYPE_DROP_DOWN, NULL);
    g_autoptr(GObject) first = g_list_model_get_item (listed, 0);
    g_autoptr(GObject) first_scope = g_list_model_get_item (scopes, 1);

    g_assert_true (gtk_drop_down_get_model (GTK_DROP_DOWN (chooser)) == listed);
    g_assert_true (first_scope == first);
  }
  {
    g_autofree char *whole = bal_test_combo_row_line (scope_row, 0);

    g_assert_cmpstr (whole, ==, "The whole project");
  }
  for (guint i = 1; i < 5001 && !found; i++)
    {
      g_autofree char *line = bal_test_combo_row_line (scope_row, i);

      found = g_strcmp0 (line, "Justification of “Functie 04999”") == 0;
    }
  g_assert_true (found);

  /* The grade's header names its salary scale. */
  method = bal_handbook_load_method (bal_window_get_project (window), NULL);
  g_assert_nonnull (method);
  g_assert_nonnull (bal_method_find_scale (method, "D"));
  grade = bal_method_grade_text (method, "D");
  g_assert_cmpstr (grade, !=, "D");
  g_assert_nonnull (bal_test_find_label (structure, grade));

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

/* Whether @action is there and enabled as seen from @scope: a button in
 * @scope for it is sensitive only then. */
static gboolean
action_enabled_with (GtkWidget  *scope,
                     const char *action,
                     GVariant   *target)
{
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  g_object_ref_sink (button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_set_parent (button, scope);
  bal_test_iterate ();
  enabled = gtk_widget_get_sensitive (button);
  gtk_widget_unparent (button);
  g_object_unref (button);

  return enabled;
}

static gboolean
action_enabled (GtkWidget  *scope,
                const char *action)
{
  return action_enabled_with (scope, action, NULL);
}

/* Every entry of the shortcuts window does something: its action is there
 * and enabled, or its keys are bound in the window (or the grade dialog)
 * to an action that is, once there is something for it to act on. */
static void
test_shortcuts_window (void)
{
  BalApplication *app = bal_test_application ();
  g_autofree char *dir = g_dir_make_tmp ("balans-widgets-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "keys.balans", NULL);
  g_autofree char *out = g_build_filename (dir, "keys.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/balans/Balans/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalJobItem) first_job = NULL;
  g_autoptr(GError) error = NULL;
  const char *native[] = { "Up", "Down", "Tab", NULL };
  GtkWidget *roots[2] = { NULL, NULL };
  BalWindow *window;
  GtkWidget *view;
  GtkWidget *jobs;
  GtkWidget *export;
  GListModel *toplevels;
  guint n_checked = 0;

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  bal_project_close (project);

  window = bal_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  bal_application_open_project (app, file, FALSE, GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));
  view = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_PROJECT_VIEW, NULL);

  /* Every page built, something to act on in each: a job chosen, an export
   * target set; then the job's grade dialog open. */
  export = bal_project_view_show_page (BAL_PROJECT_VIEW (view), "export");
  bal_export_page_set_target (BAL_EXPORT_PAGE (export), target);
  bal_project_view_show_page (BAL_PROJECT_VIEW (view), "review");
  bal_project_view_show_page (BAL_PROJECT_VIEW (view), "structure");
  bal_project_view_show_page (BAL_PROJECT_VIEW (view), "handbook");
  jobs = bal_project_view_show_page (BAL_PROJECT_VIEW (view), "jobs");
  while (bal_jobs_page_get_loading (BAL_JOBS_PAGE (jobs)))
    bal_test_iterate ();
  first_job = g_list_model_get_item (bal_jobs_page_get_jobs (BAL_JOBS_PAGE (jobs)), 0);
  bal_jobs_page_show_job (BAL_JOBS_PAGE (jobs), bal_job_item_get_id (first_job), FALSE);
  bal_test_iterate ();
  g_assert_true (action_enabled (jobs, "jobs.grade"));
  g_assert_true (gtk_widget_activate_action (jobs, "jobs.grade", NULL));
  bal_test_iterate ();
  roots[0] = GTK_WIDGET (window);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (BAL_IS_GRADE_DIALOG (toplevel))
        roots[1] = GTK_WIDGET (toplevel);
    }
  g_assert_nonnull (roots[1]);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) keys = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "action-name", &action, "accelerator", &accelerator, "title", &title, NULL);

      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

          /* Shown without keys unless the application binds them. */
          if (accelerator == NULL && g_strcmp0 (action, "window.close") != 0)
            g_assert_true (accels != NULL && accels[0] != NULL);
          if (!action_enabled (view, action))
            g_error ("“%s”: %s is not there, or not enabled", title, action);
          n_checked++;
          continue;
        }

      g_assert_nonnull (accelerator);
      keys = g_strsplit (accelerator, " ", -1);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          guint key;
          GdkModifierType mods;
          g_autoptr(GtkShortcutTrigger) trigger = NULL;
          GtkShortcut *shortcut = NULL;
          GtkWidget *owner = NULL;
          GtkShortcutAction *what;

          if (g_strv_contains (native, keys[k]))
            continue;
          if (g_strcmp0 (keys[k], "F10") == 0)
            {
              GtkWidget *menu = bal_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL);

              g_assert_nonnull (menu);
              g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu)));
              continue;
            }

          g_assert_true (gtk_accelerator_parse (keys[k], &key, &mods));
          trigger = gtk_keyval_trigger_new (key, mods);
          for (guint r = 0; shortcut == NULL && r < G_N_ELEMENTS (roots); r++)
            shortcut = bal_test_find_shortcut (roots[r], trigger, &owner);
          if (shortcut == NULL)
            g_error ("“%s”: nothing is bound to %s", title, keys[k]);

          what = gtk_shortcut_get_action (shortcut);
          if (GTK_IS_NAMED_ACTION (what))
            {
              const char *name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (what));

              /* Going back applies only where there is a step to go back to. */
              if (!g_str_has_suffix (name, ".back") && !g_str_has_suffix (name, ".go-back") &&
                  !g_str_has_prefix (name, "questionnaire.") &&
                  !action_enabled_with (owner, name, gtk_shortcut_get_arguments (shortcut)))
                g_error ("“%s”: %s is bound to %s, which is not there or not enabled (in %s, %s)", title, keys[k], name,
                         G_OBJECT_TYPE_NAME (owner), gtk_shortcut_get_arguments (shortcut) ? g_variant_print (gtk_shortcut_get_arguments (shortcut), TRUE) : "-");
            }
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >=, 20);

  gtk_window_destroy (GTK_WINDOW (roots[1]));
  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

/* The structure is computed in workers; a result for the project the page
 * showed before is dropped, and the page shows the new project's. */
static void
test_structure_project_change (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-structure-XXXXXX", NULL);
  g_autofree char *path_a = g_build_filename (dir, "a.balans", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.balans", NULL);
  g_autoptr(BalProject) a = project_with_jobs (path_a, 3, 1);
  g_autoptr(BalProject) b = project_with_jobs (path_b, 40, 1);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (BAL_TYPE_STRUCTURE_PAGE, NULL);
  guint waited = 0;

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  bal_structure_page_set_project (BAL_STRUCTURE_PAGE (page), a);
  g_assert_true (bal_structure_page_get_loading (BAL_STRUCTURE_PAGE (page)));
  bal_structure_page_set_project (BAL_STRUCTURE_PAGE (page), b);
  while (bal_structure_page_get_loading (BAL_STRUCTURE_PAGE (page)) && waited++ < 2000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * 1000);
    }
  /* Let a late result of the first project arrive, if one would. */
  for (guint i = 0; i < 20; i++)
    {
      bal_test_iterate ();
      g_usleep (10 * 1000);
    }
  g_assert_false (bal_structure_page_get_loading (BAL_STRUCTURE_PAGE (page)));
  /* 40 jobs of 1 + i % 7 people: 155 people; the first project has 3 jobs and 6 people. */
  g_assert_nonnull (bal_test_find_label (page, "40 · 155"));
  g_assert_null (bal_test_find_label (page, "3 · 6"));

  /* Out of its window, a change is computed once it is back. */
  g_object_ref (page);
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  bal_structure_page_set_project (BAL_STRUCTURE_PAGE (page), a);
  g_assert_true (bal_structure_page_get_loading (BAL_STRUCTURE_PAGE (page)));
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_object_unref (page);
  waited = 0;
  while (bal_structure_page_get_loading (BAL_STRUCTURE_PAGE (page)) && waited++ < 2000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * 1000);
    }
  bal_test_iterate ();
  g_assert_nonnull (bal_test_find_label (page, "3 · 6"));
  g_assert_null (bal_test_find_label (page, "40 · 155"));

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_project_close (a);
  bal_project_close (b);
  bal_remove_tree (dir);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  int *left = data;

  return --*left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Until @widget has been laid out and drawn again: a change of size is
 * laid out in the next frame, not when the main loop is idle. */
static void
wait_frames (GtkWidget *widget)
{
  int left = 3;

  gtk_widget_add_tick_callback (widget, count_frame, &left, NULL);
  for (guint i = 0; i < 1000 && left > 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (left, ==, 0);
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *target)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, target, &bounds));
  return bounds;
}

/* A text row wraps its subtitle in what its prefix and suffix leave it,
 * keeps a short title whole beside a wide suffix,
 * keeps them whole at the start and the end (mirrored right to left), and loses the
 * subtitle's line when the subtitle goes; a scale row opens from its
 * header as a click or Return opens it. */
static void
test_text_row (void)
{
  const char *long_text = "Iemand van de ondernemingsraad vraagt of de planning van het werk "
                          "zwaarder weegt dan het contact met de klant, en wil dat voor de "
                          "hele afdeling weten voordat het advies wordt gegeven.";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = bal_text_row_new ("Kort", long_text);
  GtkWidget *button = gtk_button_new_with_label ("Afhandelen");
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  GtkWidget *title, *subtitle, *scale, *chooser_row, *short_title, *wide;
  graphene_rect_t t, s, b, i, s_rtl, b_rtl, i_rtl;
  int natural;
  int height, narrow_height;

  bal_text_row_add_suffix (BAL_TEXT_ROW (row), button);
  bal_text_row_add_prefix (BAL_TEXT_ROW (row), icon);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  chooser_row = bal_text_row_new ("Functie", NULL);
  wide = gtk_label_new (long_text);
  gtk_label_set_ellipsize (GTK_LABEL (wide), PANGO_ELLIPSIZE_END);
  bal_text_row_add_suffix (BAL_TEXT_ROW (chooser_row), wide);
  gtk_list_box_append (GTK_LIST_BOX (list), chooser_row);
  scale = bal_scale_row_new (NULL, "E", TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), scale);
  gtk_window_set_default_size (GTK_WINDOW (window), 320, 500);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  bal_test_wait_for_map (window);
  wait_frames (row);

  title = bal_test_find_label (row, "Kort");
  subtitle = bal_test_find_label (row, long_text);
  g_assert_nonnull (title);
  g_assert_nonnull (subtitle);
  t = bounds_in (title, row);
  s = bounds_in (subtitle, row);
  b = bounds_in (button, row);
  i = bounds_in (icon, row);
  /* The icon before the text, which wraps in the width between the icon
   * and the button: several lines. */
  g_assert_cmpfloat (i.origin.x + i.size.width, <=, t.origin.x);
  g_assert_cmpfloat (i.origin.x + i.size.width, <=, s.origin.x);
  g_assert_cmpfloat (s.size.height, >=, 3 * t.size.height);
  g_assert_cmpfloat (s.origin.x + s.size.width, <=, b.origin.x);
  g_assert_cmpfloat (b.origin.x + b.size.width, <=, gtk_widget_get_width (row));
  g_assert_cmpfloat (b.size.width, >=, gtk_widget_get_width (button) - 1);
  /* Centred on the row's height, as an AdwActionRow's suffix is. */
  g_assert_cmpfloat (ABS ((b.origin.y + b.size.height / 2) - gtk_widget_get_height (row) / 2.0), <=, 1);
  height = gtk_widget_get_height (row);
  /* A short title stays whole beside a wide suffix, which gives way, as a
   * job chooser does. */
  short_title = bal_test_find_label (chooser_row, "Functie");
  gtk_widget_measure (short_title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (short_title), >=, natural);

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  wait_frames (row);
  s_rtl = bounds_in (subtitle, row);
  b_rtl = bounds_in (button, row);
  i_rtl = bounds_in (icon, row);
  g_assert_cmpfloat (b_rtl.origin.x + b_rtl.size.width, <=, s_rtl.origin.x);
  g_assert_cmpfloat (s_rtl.origin.x + s_rtl.size.width, <=, i_rtl.origin.x);
  g_assert_cmpfloat (b_rtl.origin.x, <, b.origin.x);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);

  bal_text_row_set_subtitle (BAL_TEXT_ROW (row), NULL);
  wait_frames (row);
  g_assert_false (gtk_widget_get_visible (subtitle));
  narrow_height = gtk_widget_get_height (row);
  g_assert_cmpint (narrow_height, <, height);

  g_assert_null (bal_test_find_label (scale, "Name of the scale"));
  g_assert_false (bal_scale_row_get_expanded (BAL_SCALE_ROW (scale)));
  g_assert_true (gtk_widget_activate (gtk_widget_get_ancestor (bal_test_find_label (scale, "Grade E"),
                                                               GTK_TYPE_LIST_BOX_ROW)));
  bal_test_iterate ();
  g_assert_true (bal_scale_row_get_expanded (BAL_SCALE_ROW (scale)));
  g_assert_true (gtk_widget_has_css_class (scale, "expander"));
  g_assert_true ((gtk_widget_get_state_flags (scale) & GTK_STATE_FLAG_CHECKED) != 0);
  g_assert_nonnull (bal_test_find_label (scale, "Name of the scale"));

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  bal_test_application_init ();

  g_test_add_func ("/widgets/welcome", test_welcome);
  g_test_add_func ("/widgets/project/sidebar", test_project_sidebar);
  g_test_add_func ("/widgets/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/widgets/review-mode", test_review_mode);
  g_test_add_func ("/widgets/review-copy", test_review_copy);
  g_test_add_func ("/widgets/changed-outside", test_changed_outside);
  g_test_add_func ("/widgets/refused", test_refused);
  g_test_add_func ("/widgets/narrow", test_narrow);
  g_test_add_func ("/widgets/jobs/search-and-save", test_jobs_search_and_save);
  g_test_add_func ("/widgets/large-project", test_large_project);
  g_test_add_func ("/widgets/structure/project-change", test_structure_project_change);
  g_test_add_func ("/widgets/text-row", test_text_row);

  return g_test_run ();
}
