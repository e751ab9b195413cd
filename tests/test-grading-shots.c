/* test-grading-shots.c: the grade dialog's explanation, decide-anyway and "no reference fits"
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bal-demo.h"
#include "bal-grade-dialog.h"
#include "bal-jobs.h"
#include "bal-questionnaire.h"
#include "test-widget-util.h"

static gint64
add_answered_job (BalProject *project,
                  const char *title,
                  const char *description)
{
  static const char * const answers[][2] = {
    { "education", "mbo3" }, { "experience", "years-1" }, { "knowledge", "working" }, { "variety", "frequent" },
    { "problem-solving", "choose" }, { "analysis", "check" }, { "time-pressure", "often" },
    { "planning", "day" }, { "supervision", "frequent" }, { "approach", "procedures" }, { "decisions", "own-work" },
    { "management", "none" }, { "span", "none" }, { "internal-contacts", "coordinate" },
    { "external", "information" }, { "external-situations", "questions" }, { "error-impact", "internal" },
    { "error-detection", "soon" }, { "discretion", "customer" }, { "budget", "none" },
    { "physical-load", "light" }, { "conditions", "noise" }, { "posture", "static" }, { "screen-work", "most" },
  };
  g_autoptr(BalJob) job = bal_job_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (job->title);
  job->title = g_strdup (title);
  g_free (job->description);
  job->description = g_strdup (description);
  id = bal_jobs_add (project, job, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    g_assert_true (bal_questionnaire_answer (project, id, answers[i][0], answers[i][1], NULL, &error));

  return id;
}

static GtkWidget *
open_dialog (BalProject *project,
             gint64      job)
{
  GtkWidget *dialog = GTK_WIDGET (bal_grade_dialog_new (NULL, project, job));

  gtk_window_set_default_size (GTK_WINDOW (dialog), 760, 1000);
  gtk_window_present (GTK_WINDOW (dialog));
  bal_test_wait_for_map (dialog);
  /* Pages without a transition, so that a screenshot shows the page it names. */
  gtk_stack_set_transition_type (GTK_STACK (bal_test_find_widget (dialog, GTK_TYPE_STACK, NULL)), GTK_STACK_TRANSITION_TYPE_NONE);

  return dialog;
}

static void
test_explanation_and_no_fit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-grade-shots-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shots.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *button, *check;
  gint64 agent, nurse;

  project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
  agent = add_answered_job (project, "Medewerker klantenservice",
                            "Je beantwoordt vragen van klanten via telefoon, chat en e-mail en lost klachten op.");
  nurse = add_answered_job (project, "Verpleegkundige",
                            "Je verzorgt patiënten op de afdeling chirurgie, dient medicatie toe en overlegt met artsen.");

  /* The comparison and the decision state every step of the arithmetic. */
  dialog = open_dialog (project, agent);
  bal_grade_dialog_compare (BAL_GRADE_DIALOG (dialog), "KS.03");
  bal_test_iterate ();
  bal_test_iterate ();
  g_assert_nonnull (bal_test_find_label (dialog, "→ lighter → rule “lighter”: grade D"));
  bal_test_iterate ();
  g_usleep (200 * 1000);
  bal_test_iterate ();
  bal_test_save_screenshot (dialog, "grade-comparison-explained.png");
  button = bal_test_find_button (dialog, "_Continue to the Decision");
  g_signal_emit_by_name (button, "clicked");
  bal_test_iterate ();
  g_assert_nonnull (bal_test_find_label (dialog, "Proposed from KS.03: grade D."));
  bal_test_iterate ();
  g_usleep (200 * 1000);
  bal_test_iterate ();
  bal_test_save_screenshot (dialog, "grade-decision-explained.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  bal_test_iterate ();

  /* A nurse against a customer-contact handbook: no reference fits; deciding needs "decide anyway". */
  dialog = open_dialog (project, nurse);
  g_assert_nonnull (bal_test_find_label (dialog, "No reference function fits this job"));
  bal_test_iterate ();
  g_usleep (200 * 1000);
  bal_test_iterate ();
  bal_test_save_screenshot (dialog, "grade-no-fit-candidates.png");
  bal_grade_dialog_compare (BAL_GRADE_DIALOG (dialog), "KS.02");
  bal_test_iterate ();
  button = bal_test_find_button (dialog, "_Continue to the Decision");
  g_signal_emit_by_name (button, "clicked");
  bal_test_iterate ();
  button = bal_test_find_button (dialog, "_Record Decision");
  g_assert_false (gtk_widget_get_sensitive (button));
  check = bal_test_find_widget (dialog, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  bal_test_iterate ();
  /* Confirmed, and still the justification and the reason are missing. */
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (bal_test_find_widget (dialog, GTK_TYPE_TEXT_VIEW, NULL))),
                            "Geen referentiefunctie past; KS.02 komt het dichtst bij.", -1);
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_editable_set_text (GTK_EDITABLE (bal_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "departure-reason")),
                         "Tijdelijke indeling tot het handboek een zorgfunctie kent.");
  bal_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (button));
  bal_test_iterate ();
  g_usleep (200 * 1000);
  bal_test_iterate ();
  bal_test_save_screenshot (dialog, "grade-no-fit-decision.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  bal_test_iterate ();

  bal_project_close (project);
  bal_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  bal_test_application_init ();
  bal_test_use_environment_locale ();

  g_test_add_func ("/widgets/grading/explanation-and-no-fit", test_explanation_and_no_fit);

  return g_test_run ();
}
