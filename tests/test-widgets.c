/* test-widgets.c: the window, for real, under a display
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "bal-application.h"
#include "bal-demo.h"
#include "bal-jobs.h"
#include "bal-review-page.h"
#include "bal-window.h"
#include "test-widget-util.h"

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

  project = bal_project_create (file, "Widgettest", &error);
  g_assert_no_error (error);
  bal_project_close (project);

  window = bal_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  bal_application_open_project (app, file, FALSE, GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));

  g_assert_nonnull (bal_window_get_project (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "sidebar");

  sidebar = bal_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK_SIDEBAR, NULL);
  g_assert_nonnull (sidebar);
  g_assert_true (gtk_widget_get_mapped (sidebar));
  pages = gtk_stack_sidebar_get_stack (GTK_STACK_SIDEBAR (sidebar));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *child = gtk_stack_get_child_by_name (pages, expected[i]);

      g_assert_nonnull (child);
      g_assert_nonnull (gtk_stack_page_get_title (gtk_stack_get_page (pages, child)));
    }

  /* Each sidebar row switches the page. */
  gtk_stack_set_visible_child_name (pages, "handbook");
  bal_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "handbook");

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

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  bal_project_close (project);

  window = bal_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  bal_application_open_project (app, file, TRUE, GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));

  /* The window says so. */
  g_assert_true (bal_window_get_review (window));
  banner = bal_test_find_label (GTK_WIDGET (window), "Review mode: remarks and objections can be recorded");
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (banner))));

  /* Gradings cannot change through this window's project. */
  job = bal_jobs_get (bal_window_get_project (window), 1, &error);
  g_assert_no_error (error);
  g_free (job->title);
  job->title = g_strdup ("Ander");
  g_assert_false (bal_jobs_update (bal_window_get_project (window), job, &error));
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY);

  /* The review page is there, with its open objections and remarks. */
  review = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_REVIEW_PAGE, NULL);
  g_assert_nonnull (review);
  g_assert_nonnull (bal_test_find_label (review, "Add a Remark"));

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  bal_test_application_init ();

  g_test_add_func ("/widgets/welcome", test_welcome);
  g_test_add_func ("/widgets/project/sidebar", test_project_sidebar);
  g_test_add_func ("/widgets/review-mode", test_review_mode);

  return g_test_run ();
}
