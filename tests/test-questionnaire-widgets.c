/* test-questionnaire-widgets.c: a questionnaire answered through its widgets
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bal-demo.h"
#include "bal-jobs.h"
#include "bal-jobs-page.h"
#include "bal-window.h"
#include "test-widget-util.h"

/* The check button of @option in the group of @question. */
static GtkWidget *
find_option (GtkWidget  *root,
             const char *question,
             const char *option)
{
  if (GTK_IS_CHECK_BUTTON (root) &&
      g_strcmp0 (g_object_get_data (G_OBJECT (root), "question"), question) == 0 &&
      g_strcmp0 (g_object_get_data (G_OBJECT (root), "option"), option) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_option (child, question, option);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_questionnaire (void)
{
  BalApplication *app = bal_test_application ();
  g_autofree char *dir = g_dir_make_tmp ("balans-questionnaire-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *education = NULL;
  g_autofree char *planning = NULL;
  g_autofree char *experience = NULL;
  g_autofree char *step = NULL;
  BalWindow *window;
  GtkWidget *page;
  GtkWidget *view;
  GtkWidget *option;
  GtkWidget *accept;
  gint64 agent;

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  agent = bal_jobs_find (project, "Klantenservicemedewerker", &error);
  g_assert_no_error (error);
  bal_project_close (project);

  window = bal_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 900);
  gtk_window_present (GTK_WINDOW (window));
  bal_application_open_project (app, file, FALSE, GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));

  page = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_JOBS_PAGE, NULL);
  g_assert_nonnull (page);

  /* The demo left this questionnaire at step 2: it resumes there. */
  bal_jobs_page_show_job (BAL_JOBS_PAGE (page), agent, TRUE);
  bal_test_iterate ();
  view = GTK_WIDGET (bal_jobs_page_get_questionnaire (BAL_JOBS_PAGE (page)));
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpint (bal_questionnaire_view_get_step (BAL_QUESTIONNAIRE_VIEW (view)), ==, 1);

  /* Answer an autonomy question by clicking its option. */
  option = find_option (view, "planning", "day");
  g_assert_nonnull (option);
  gtk_widget_activate (option);
  bal_test_iterate ();

  planning = bal_test_query_text (path, "SELECT o.position FROM answer a JOIN question_option o "
                               "ON o.question_id = a.question_id AND o.id = a.option_id "
                               "WHERE a.question_id = 'planning'");
  g_assert_cmpstr (planning, ==, "1");

  /* Back to the first step, where a hint waits beside its question. */
  g_assert_true (gtk_widget_activate_action (view, "questionnaire.back", NULL));
  bal_test_iterate ();
  g_assert_cmpint (bal_questionnaire_view_get_step (BAL_QUESTIONNAIRE_VIEW (view)), ==, 0);
  g_assert_nonnull (bal_test_find_label (view, "Je hebt 1 jaar ervaring in een klantcontactfunctie."));
  bal_test_save_screenshot (GTK_WIDGET (window), "questionnaire-hints.png");

  accept = bal_test_find_button (view, "_Accept");
  g_assert_nonnull (accept);
  g_signal_emit_by_name (accept, "clicked");
  bal_test_iterate ();

  experience = bal_test_query_text (path, "SELECT option_id || ' | ' || evidence FROM answer WHERE question_id = 'experience'");
  g_assert_cmpstr (experience, ==, "years-1 | Je hebt 1 jaar ervaring in een klantcontactfunctie.");

  /* Change an answer: the file follows at once. */
  option = find_option (view, "education", "mbo4");
  g_assert_nonnull (option);
  gtk_widget_activate (option);
  bal_test_iterate ();
  education = bal_test_query_text (path, "SELECT option_id FROM answer WHERE question_id = 'education'");
  g_assert_cmpstr (education, ==, "mbo4");

  /* To the summary; where one stands is kept for next time. */
  for (int i = 0; i < 4; i++)
    {
      g_assert_true (gtk_widget_activate_action (view, "questionnaire.next", NULL));
      bal_test_iterate ();
    }
  g_assert_cmpint (bal_questionnaire_view_get_step (BAL_QUESTIONNAIRE_VIEW (view)), ==, 4);
  /* Complexity: MBO-4 (4) and a year of experience (2); autonomy: planning (2), no management (1). */
  g_assert_nonnull (bal_test_find_label (view, "Level 3 of 6"));
  g_assert_nonnull (bal_test_find_label (view, "Level 2 of 6"));
  g_assert_nonnull (bal_test_find_label (view, "Not answered"));
  bal_test_save_screenshot (GTK_WIDGET (window), "questionnaire-summary.png");

  step = bal_test_query_text (path, "SELECT questionnaire_step FROM job WHERE title = 'Klantenservicemedewerker'");
  g_assert_cmpstr (step, ==, "4");

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

  g_test_add_func ("/widgets/questionnaire/answer-through-widgets", test_questionnaire);

  return g_test_run ();
}
