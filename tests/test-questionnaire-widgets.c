/* test-questionnaire-widgets.c: a questionnaire answered through its widgets
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bal-demo.h"
#include "bal-grade-dialog.h"
#include "bal-jobs.h"
#include "bal-jobs-page.h"
#include "bal-option-row.h"
#include "bal-question-row.h"
#include "bal-questionnaire.h"
#include "bal-summary-row.h"
#include "bal-window.h"
#include "test-widget-util.h"

typedef struct
{
  char      *dir;
  char      *path;
  GFile     *file;
  gint64     agent;
  BalWindow *window;
  GtkWidget *view;
} Fixture;

/* The demo project in a window, with the questionnaire of its customer
 * service agent open. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  BalApplication *app = bal_test_application ();
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  fixture->dir = g_dir_make_tmp ("balans-questionnaire-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "demo.balans", NULL);
  fixture->file = g_file_new_for_path (fixture->path);

  project = bal_demo_create (fixture->file, &error);
  g_assert_no_error (error);
  fixture->agent = bal_jobs_find (project, "Klantenservicemedewerker", &error);
  g_assert_no_error (error);
  bal_project_close (project);

  fixture->window = bal_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  bal_application_open_project (app, fixture->file, FALSE, GTK_WINDOW (fixture->window));
  bal_test_wait_for_map (GTK_WIDGET (fixture->window));

  page = bal_test_find_widget (GTK_WIDGET (fixture->window), BAL_TYPE_JOBS_PAGE, NULL);
  g_assert_nonnull (page);
  bal_jobs_page_show_job (BAL_JOBS_PAGE (page), fixture->agent, TRUE);
  bal_test_iterate ();
  fixture->view = GTK_WIDGET (bal_jobs_page_get_questionnaire (BAL_JOBS_PAGE (page)));
  g_assert_true (gtk_widget_get_mapped (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  bal_test_iterate ();
  bal_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_object_unref (fixture->file);
}

static BalQuestionRow *
question_row (Fixture    *fixture,
              const char *question)
{
  GtkWidget *row = bal_questionnaire_view_get_question_row (BAL_QUESTIONNAIRE_VIEW (fixture->view), question);

  g_assert_nonnull (row);

  return BAL_QUESTION_ROW (row);
}

/* The check button of @option of @question, on the step shown. */
static GtkWidget *
option_check (Fixture    *fixture,
              const char *question,
              const char *option)
{
  GtkWidget *row = bal_question_row_get_option (question_row (fixture, question), option);

  g_assert_nonnull (row);

  return bal_option_row_get_check (BAL_OPTION_ROW (row));
}

/* A click: the check takes the focus, and toggles. */
static void
click (GtkWidget *check)
{
  gtk_widget_grab_focus (check);
  gtk_widget_activate (check);
}

/* The answer to @question as the project file holds it, read through core on
 * a connection of its own: "option | evidence", or NULL. */
static char *
stored_answer (Fixture    *fixture,
               const char *question)
{
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  BalAnswer *answer;

  project = bal_project_open_read_only (fixture->file, &error);
  g_assert_no_error (error);
  answers = bal_questionnaire_answers (project, fixture->agent, &error);
  g_assert_no_error (error);
  answer = bal_questionnaire_find_answer (answers, question);

  return answer ? g_strdup_printf ("%s | %s", answer->option_id, answer->evidence ? answer->evidence : "") : NULL;
}

static gboolean
timed_out (gpointer data)
{
  gboolean *flag = data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Frames until the step is laid out taller than the window shows. */
static void
wait_for_layout (GtkAdjustment *adjustment)
{
  gboolean timeout = FALSE;
  guint id = g_timeout_add_seconds (5, timed_out, &timeout);

  while (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) < 300 && !timeout)
    g_main_context_iteration (NULL, TRUE);
  if (!timeout)
    g_source_remove (id);
  g_assert_false (timeout);
}

/* Runs the main loop for @ms milliseconds: frames are drawn. */
static void
frames (guint ms)
{
  gboolean timeout = FALSE;

  g_timeout_add (ms, timed_out, &timeout);
  while (!timeout)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
focus (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static void
test_questionnaire (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *education = NULL;
  g_autofree char *planning = NULL;
  g_autofree char *experience = NULL;
  g_autofree char *step = NULL;
  GtkWidget *view = fixture->view;
  GtkWidget *accept;

  /* The demo left this questionnaire at step 2: it resumes there. */
  g_assert_cmpint (bal_questionnaire_view_get_step (BAL_QUESTIONNAIRE_VIEW (view)), ==, 1);

  /* Answer an autonomy question by clicking its option. */
  click (option_check (fixture, "planning", "day"));
  bal_test_iterate ();

  planning = bal_test_query_text (fixture->path, "SELECT o.position FROM answer a JOIN question_option o "
                                  "ON o.question_id = a.question_id AND o.id = a.option_id "
                                  "WHERE a.question_id = 'planning'");
  g_assert_cmpstr (planning, ==, "1");

  /* Back to the first step, where a hint waits beside its question. */
  g_assert_true (gtk_widget_activate_action (view, "questionnaire.back", NULL));
  bal_test_iterate ();
  g_assert_cmpint (bal_questionnaire_view_get_step (BAL_QUESTIONNAIRE_VIEW (view)), ==, 0);
  g_assert_nonnull (bal_test_find_label (view, "Je hebt 1 jaar ervaring in een klantcontactfunctie."));
  /* Levels in the words of the scale, the same under every option. */
  g_assert_nonnull (bal_test_find_label (GTK_WIDGET (question_row (fixture, "experience")), "Level 6 of 6"));
  g_assert_null (bal_test_find_label (GTK_WIDGET (question_row (fixture, "experience")), "Level 5"));
  bal_test_save_screenshot (GTK_WIDGET (fixture->window), "questionnaire-hints.png");

  accept = bal_test_find_button (view, "_Accept");
  g_assert_nonnull (accept);
  gtk_widget_grab_focus (accept);
  g_signal_emit_by_name (accept, "clicked");
  bal_test_iterate ();

  experience = stored_answer (fixture, "experience");
  g_assert_cmpstr (experience, ==, "years-1 | Je hebt 1 jaar ervaring in een klantcontactfunctie.");
  /* The focus stays in the answered question, on its answer; the row shows
   * the evidence and nothing was rebuilt. */
  g_assert_true (focus (fixture) == option_check (fixture, "experience", "years-1"));
  g_assert_cmpstr (gtk_editable_get_text (bal_question_row_get_evidence (question_row (fixture, "experience"))), ==,
                   "Je hebt 1 jaar ervaring in een klantcontactfunctie.");
  g_assert_null (bal_test_find_button (GTK_WIDGET (question_row (fixture, "experience")), "_Accept"));

  /* Change an answer: the file follows at once. */
  click (option_check (fixture, "education", "mbo4"));
  bal_test_iterate ();
  education = stored_answer (fixture, "education");
  g_assert_cmpstr (education, ==, "mbo4 | The vacancy asks for MBO-3.");

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
  bal_test_save_screenshot (GTK_WIDGET (fixture->window), "questionnaire-summary.png");

  step = bal_test_query_text (fixture->path, "SELECT questionnaire_step FROM job WHERE title = 'Klantenservicemedewerker'");
  g_assert_cmpstr (step, ==, "4");
}

/* Clicks in quick succession, with no frame between them: each answer lands
 * on the question whose option was clicked, and the focus stays where the
 * last click was. */
static void
test_quick_answers (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const clicks[][2] = {
    { "supervision", "results" },
    { "approach", "own-choice" },
    { "decisions", "mandate" },
    { "supervision", "frequent" },
    { "planning", "weeks" },
  };
  static const char * const expected[][2] = {
    { "supervision", "frequent | " },
    { "approach", "own-choice | " },
    { "decisions", "mandate | " },
  };
  GtkAdjustment *adjustment;
  graphene_rect_t before, after;
  GtkWidget *scroller;
  double scroll;
  GtkWidget *check = NULL;

  g_assert_cmpint (bal_questionnaire_view_get_step (BAL_QUESTIONNAIRE_VIEW (fixture->view)), ==, 1);
  scroller = bal_test_find_widget (fixture->view, GTK_TYPE_SCROLLED_WINDOW, NULL);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  wait_for_layout (adjustment);
  gtk_adjustment_set_value (adjustment, 200);
  bal_test_iterate ();
  scroll = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (scroll, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (clicks); i++)
    {
      GtkWidget *row = GTK_WIDGET (question_row (fixture, clicks[i][0]));

      check = option_check (fixture, clicks[i][0], clicks[i][1]);
      click (check);
      /* Each answer changes its own row only: the same widgets stay. */
      g_assert_true (GTK_WIDGET (question_row (fixture, clicks[i][0])) == row);
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *answer = stored_answer (fixture, expected[i][0]);

      g_assert_cmpstr (answer, ==, expected[i][1]);
    }

  g_assert_true (focus (fixture) == check);

  /* The hand on a question in view, a click beside it: the page stays put,
   * and so does the focus. */
  frames (300);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (question_row (fixture, "planning")),
                                            gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)), &before));
  gtk_adjustment_set_value (adjustment, before.origin.y);
  frames (300);
  check = option_check (fixture, "planning", "others");
  scroll = gtk_adjustment_get_value (adjustment);
  g_assert_true (gtk_widget_compute_bounds (check, fixture->view, &before));
  g_assert_cmpfloat (before.origin.y, >, 0);
  g_assert_cmpfloat (before.origin.y + before.size.height, <, gtk_widget_get_height (fixture->view));
  click (check);
  frames (200);
  g_assert_true (focus (fixture) == check);
  g_assert_true (gtk_widget_is_ancestor (focus (fixture), GTK_WIDGET (question_row (fixture, "planning"))));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), scroll, 0.5);
  g_assert_true (gtk_widget_compute_bounds (check, fixture->view, &after));
  g_assert_cmpfloat_with_epsilon (after.origin.y, before.origin.y, 0.5);
  {
    g_autofree char *planning = stored_answer (fixture, "planning");

    g_assert_cmpstr (planning, ==, "others | ");
  }
}

/* Evidence typed and an option clicked within the same few milliseconds:
 * the evidence is stored with the answer. Evidence typed and the step left
 * at once is stored too. */
static void
test_evidence_before_click (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *supervision = NULL;
  g_autofree char *planning = NULL;
  g_autofree char *decisions = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  gtk_editable_set_text (bal_question_row_get_evidence (question_row (fixture, "supervision")), "Weekoverleg met de teamleider");
  click (option_check (fixture, "supervision", "results"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 100000);
  supervision = stored_answer (fixture, "supervision");
  g_assert_cmpstr (supervision, ==, "results | Weekoverleg met de teamleider");

  /* An answer first, then evidence typed and at once another question
   * answered, and the step left: nothing typed is lost. */
  click (option_check (fixture, "decisions", "own-work"));
  start = g_get_monotonic_time ();
  gtk_editable_set_text (bal_question_row_get_evidence (question_row (fixture, "decisions")), "Kiest zelf de volgorde");
  click (option_check (fixture, "planning", "day"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 100000);
  g_assert_true (gtk_widget_activate_action (fixture->view, "questionnaire.next", NULL));
  decisions = stored_answer (fixture, "decisions");
  g_assert_cmpstr (decisions, ==, "own-work | Kiest zelf de volgorde");
  planning = stored_answer (fixture, "planning");
  g_assert_cmpstr (planning, ==, "day | ");
  bal_test_iterate ();
}

/* The Summary leads on: to an unanswered question, and to grading. */
static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *view = fixture->view;
  GtkWidget *label;
  GtkWidget *row;
  GtkWidget *button;
  GListModel *toplevels;
  GtkWidget *scroller;
  graphene_rect_t bounds;
  gboolean graded = FALSE;

  for (int i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (view, "questionnaire.next", NULL));
  bal_test_iterate ();
  g_assert_cmpint (bal_questionnaire_view_get_step (BAL_QUESTIONNAIRE_VIEW (view)), ==, 4);

  /* The agent has no risk question answered. */
  label = bal_test_find_label (view, "Wat zijn de gevolgen van fouten of onzorgvuldigheden?");
  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, BAL_TYPE_SUMMARY_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (bal_summary_row_get_question_id (BAL_SUMMARY_ROW (row)), ==, "error-impact");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activated");
  frames (300);

  /* The risk step, its question in view and in the hand. */
  g_assert_cmpint (bal_questionnaire_view_get_step (BAL_QUESTIONNAIRE_VIEW (view)), ==, 2);
  g_assert_true (gtk_widget_is_ancestor (focus (fixture), GTK_WIDGET (question_row (fixture, "error-impact"))));
  scroller = bal_test_find_widget (view, GTK_TYPE_SCROLLED_WINDOW, NULL);
  for (guint waited = 0; waited < 100; waited++)
    {
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (question_row (fixture, "error-impact")), scroller, &bounds));
      if (bounds.origin.y >= -1 && bounds.origin.y < gtk_widget_get_height (scroller) / 2)
        break;
      frames (50);
    }
  g_assert_cmpfloat (bounds.origin.y, >=, -1);
  g_assert_cmpfloat (bounds.origin.y, <, gtk_widget_get_height (scroller) / 2);

  /* Back to the summary, and on to grading from there. */
  for (int i = 0; i < 2; i++)
    g_assert_true (gtk_widget_activate_action (view, "questionnaire.next", NULL));
  bal_test_iterate ();
  button = bal_test_find_button (view, "_Grade the Job…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  bal_test_iterate ();

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BAL_IS_GRADE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          graded = TRUE;
          gtk_window_destroy (GTK_WINDOW (window));
        }
    }
  g_assert_true (graded);
}

/* Another job opens at the top of its questionnaire. */
static void
test_switch_job_scroll (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *scroller = bal_test_find_widget (fixture->view, GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_autoptr(GError) error = NULL;
  BalProject *project = bal_window_get_project (fixture->window);
  gint64 other = bal_jobs_find (project, "Teamleider klantenservice", &error);

  g_assert_no_error (error);
  g_assert_cmpint (other, >, 0);
  wait_for_layout (adjustment);
  gtk_adjustment_set_value (adjustment, 300);
  bal_test_iterate ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  bal_questionnaire_view_open (BAL_QUESTIONNAIRE_VIEW (fixture->view), project, other, FALSE);
  bal_test_iterate ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  bal_test_application_init ();

  g_test_add ("/widgets/questionnaire/answer-through-widgets", Fixture, NULL, fixture_set_up, test_questionnaire, fixture_tear_down);
  g_test_add ("/widgets/questionnaire/quick-answers-land-on-their-questions", Fixture, NULL, fixture_set_up, test_quick_answers, fixture_tear_down);
  g_test_add ("/widgets/questionnaire/evidence-typed-before-click", Fixture, NULL, fixture_set_up, test_evidence_before_click, fixture_tear_down);
  g_test_add ("/widgets/questionnaire/summary-jump-and-grade", Fixture, NULL, fixture_set_up, test_summary, fixture_tear_down);
  g_test_add ("/widgets/questionnaire/switching-jobs-scrolls-to-top", Fixture, NULL, fixture_set_up, test_switch_job_scroll, fixture_tear_down);

  return g_test_run ();
}
