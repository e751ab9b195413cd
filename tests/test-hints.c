/* test-hints.c: facts found in job descriptions, Dutch and English, quoted verbatim
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bal-demo.h"
#include "bal-handbook.h"
#include "bal-hints.h"
#include "bal-jobs.h"
#include "bal-questionnaire.h"
#include "test-cli-util.h"

static BalMethod *
demo_method (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BalMethod *method;
  g_autofree char *dir = g_dir_make_tmp ("balans-hints-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "m.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = bal_demo_create_empty (file, &error);

  g_assert_no_error (error);
  method = bal_handbook_load_method (project, &error);
  g_assert_no_error (error);
  bal_project_close (project);
  bal_remove_tree (dir);

  return method;
}

static char *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hints", name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  return contents;
}

static BalHint *
hint_for (GPtrArray  *hints,
          const char *question)
{
  for (guint i = 0; i < hints->len; i++)
    {
      BalHint *hint = g_ptr_array_index (hints, i);

      if (g_strcmp0 (hint->question_id, question) == 0)
        return hint;
    }

  return NULL;
}

static void
assert_hint (GPtrArray  *hints,
             const char *question,
             const char *option,
             const char *evidence)
{
  BalHint *hint = hint_for (hints, question);

  g_assert_nonnull (hint);
  g_assert_cmpstr (hint->option_id, ==, option);
  g_assert_cmpstr (hint->evidence, ==, evidence);
}

static void
test_dutch (void)
{
  g_autoptr(BalMethod) method = demo_method ();
  g_autofree char *text = fixture ("nl-teamleider.txt");
  g_autoptr(GPtrArray) hints = bal_hints_find (method, text);

  assert_hint (hints, "education", "hbo", "Je hebt een HBO diploma en minimaal 5 jaar ervaring in een contactcenter.");
  assert_hint (hints, "experience", "years-5", "Je hebt een HBO diploma en minimaal 5 jaar ervaring in een contactcenter.");
  /* A range counts from its lower bound. */
  assert_hint (hints, "span", "team",
               "Als teamleider geef je leiding aan 10-15 medewerkers die klanten helpen met vragen over hun energierekening.");
  assert_hint (hints, "management", "manager",
               "Als teamleider geef je leiding aan 10-15 medewerkers die klanten helpen met vragen over hun energierekening.");
  assert_hint (hints, "budget", "own", "Je bent verantwoordelijk voor het budget van je team.");
  assert_hint (hints, "external", "negotiation", "Je onderhandelt met leveranciers over de inhuur van uitzendkrachten.");
}

static void
test_english (void)
{
  g_autoptr(BalMethod) method = demo_method ();
  g_autofree char *text = fixture ("en-agent.txt");
  g_autoptr(GPtrArray) hints = bal_hints_find (method, text);

  assert_hint (hints, "education", "mbo4",
               "Requirements: MBO level 4 in a commercial field and 2 years of experience in customer service.");
  assert_hint (hints, "experience", "years-1",
               "Requirements: MBO level 4 in a commercial field and 2 years of experience in customer service.");
  assert_hint (hints, "external", "advice", "You advise customers on the plan that suits them best.");
  g_assert_null (hint_for (hints, "span"));
  g_assert_null (hint_for (hints, "budget"));
}

static void
test_director (void)
{
  g_autoptr(BalMethod) method = demo_method ();
  const char *text =
    "Head of Customer Service\n"
    "You lead 4 team leaders and around 120 agents in two contact centers. "
    "You hold a master's degree. You report to the board.";
  g_autoptr(GPtrArray) hints = bal_hints_find (method, text);

  /* The title is never evidence; leading team leaders is what makes it a director's job. */
  assert_hint (hints, "management", "director", "You lead 4 team leaders and around 120 agents in two contact centers.");
  assert_hint (hints, "span", "division", "You lead 4 team leaders and around 120 agents in two contact centers.");
  assert_hint (hints, "education", "wo", "You hold a master's degree.");
}

static void
test_mojibake_and_noise (void)
{
  g_autoptr(BalMethod) method = demo_method ();
  g_autofree char *text = fixture ("mojibake.txt");
  g_autoptr(GPtrArray) hints = bal_hints_find (method, text);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);

  /* Quoted as written, mojibake and all. */
  assert_hint (hints, "span", "team", "Weâ€™re looking for someone who leads a team of 8 agents.");
  assert_hint (hints, "budget", "own", "Youâ€™ll own the revenue targets of the webshop.");
  assert_hint (hints, "education", "hbo", "A bachelorâ€™s degree is a must.");

  for (guint i = 0; i < 300; i++)
    {
      guint8 noise[256];
      g_autoptr(GPtrArray) found = NULL;

      for (guint j = 0; j < sizeof noise - 1; j++)
        noise[j] = g_rand_int_range (rand, 1, 256);
      noise[sizeof noise - 1] = '\0';
      found = bal_hints_find (method, (const char *)noise);
      g_assert_nonnull (found);
    }
}

static void
test_for_job (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-hints-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "h.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = bal_demo_create_empty (file, &error);
  g_autoptr(BalJob) job = bal_job_new ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  BalHint *education;
  BalHint *budget;
  BalAnswer *answer;
  gint64 id;

  g_free (job->title);
  job->title = g_strdup ("Teamleider");
  g_free (job->description);
  job->description = fixture ("nl-teamleider.txt");
  id = bal_jobs_add (project, job, &error);
  g_assert_no_error (error);

  first = bal_hints_for_job (project, id, job->description, &error);
  g_assert_no_error (error);
  education = hint_for (first, "education");
  budget = hint_for (first, "budget");

  /* Nothing is answered behind the evaluator's back. */
  answers = bal_questionnaire_answers (project, id, &error);
  g_assert_cmpuint (answers->len, ==, 0);
  g_clear_pointer (&answers, g_ptr_array_unref);

  g_assert_true (bal_hints_accept (project, id, education, &error));
  g_assert_true (bal_hints_dismiss (project, id, budget, &error));

  answers = bal_questionnaire_answers (project, id, &error);
  answer = bal_questionnaire_find_answer (answers, "education");
  g_assert_cmpstr (answer->option_id, ==, "hbo");
  g_assert_cmpstr (answer->evidence, ==, "Je hebt een HBO diploma en minimaal 5 jaar ervaring in een contactcenter.");

  second = bal_hints_for_job (project, id, job->description, &error);
  g_assert_cmpuint (second->len, ==, first->len - 2);
  g_assert_null (hint_for (second, "education"));
  g_assert_null (hint_for (second, "budget"));

  bal_project_close (project);
  bal_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hints/dutch", test_dutch);
  g_test_add_func ("/hints/english", test_english);
  g_test_add_func ("/hints/director", test_director);
  g_test_add_func ("/hints/mojibake-and-noise", test_mojibake_and_noise);
  g_test_add_func ("/hints/for-job", test_for_job);

  return g_test_run ();
}
