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


/* Each rule with sentences written for it. @text's first line is a title. */
static GPtrArray *
hints_of (BalMethod  *method,
          const char *text)
{
  return bal_hints_find (method, text);
}

static void
test_negation (void)
{
  g_autoptr(BalMethod) method = demo_method ();
  g_autoptr(GPtrArray) nl = hints_of (method, "Receptionist\nEen hbo-diploma is niet verplicht voor deze baan.");
  g_autoptr(GPtrArray) en = hints_of (method, "Receptionist\nNo degree required, and you never negotiate with suppliers.");

  g_assert_null (hint_for (nl, "education"));
  g_assert_null (hint_for (en, "education"));
  g_assert_null (hint_for (en, "external"));
}

static void
test_lower_bound (void)
{
  g_autoptr(BalMethod) method = demo_method ();
  g_autoptr(GPtrArray) alternatives = hints_of (method, "Planner\nJe hebt een diploma op mbo of hbo niveau in logistiek.");
  g_autoptr(GPtrArray) range = hints_of (method, "Planner\nYou bring 4 to 8 years of experience in planning.");
  g_autoptr(GPtrArray) upto = hints_of (method, "Planner\nJe hebt tot 10 jaar ervaring in een vergelijkbare rol.");
  g_autoptr(GPtrArray) school = hints_of (method, "Support engineer\nA bachelor's degree or a high school diploma with relevant experience.");

  assert_hint (alternatives, "education", "mbo3", "Je hebt een diploma op mbo of hbo niveau in logistiek.");
  assert_hint (range, "experience", "years-3", "You bring 4 to 8 years of experience in planning.");
  /* "Up to ten" sets no least. */
  g_assert_null (hint_for (upto, "experience"));
  /* When a school diploma without a trade will do, no vocational level is asked. */
  g_assert_null (hint_for (school, "education"));
}

static void
test_who_leads_whom (void)
{
  g_autoptr(BalMethod) method = demo_method ();
  g_autoptr(GPtrArray) has = hints_of (method, "Medewerker\nDe functiehouder heeft een leidinggevende die het werk verdeelt.");
  g_autoptr(GPtrArray) reports = hints_of (method, "Analyst\nYou report to the finance director and work closely with the team.");
  g_autoptr(GPtrArray) led = hints_of (method, "Agent\nYou work in a team of twelve agents led by a team leader.");
  g_autoptr(GPtrArray) contrast = hints_of (method,
    "Head of planning\nWhile the team leaders spend their days supervising the agents, you design the planning process.");
  g_autoptr(GPtrArray) head = hints_of (method, "Hoofd\nAls hoofd van de afdeling planning bepaal je de koers.");
  g_autoptr(GPtrArray) leader = hints_of (method, "Director\nShe is the leader of the customer care department in Utrecht.");
  g_autoptr(GPtrArray) team = hints_of (method, "Teamleider\nJe leidt een team van acht monteurs in de regio Oost.");
  g_autoptr(GPtrArray) inverted = hints_of (method, "Teamleider\nDaarnaast geeft zij leiding aan 6 medewerkers op de planning.");

  g_assert_null (hint_for (has, "management"));
  g_assert_null (hint_for (reports, "management"));
  g_assert_null (hint_for (led, "management"));
  /* What other jobs do, in a contrast, is not this job. */
  g_assert_null (hint_for (contrast, "management"));
  /* Heading a whole department is leading an organisational unit. */
  assert_hint (head, "management", "director", "Als hoofd van de afdeling planning bepaal je de koers.");
  assert_hint (leader, "management", "director", "She is the leader of the customer care department in Utrecht.");
  assert_hint (team, "management", "manager", "Je leidt een team van acht monteurs in de regio Oost.");
  assert_hint (inverted, "management", "manager", "Daarnaast geeft zij leiding aan 6 medewerkers op de planning.");
  assert_hint (inverted, "span", "team", "Daarnaast geeft zij leiding aan 6 medewerkers op de planning.");
}

static void
test_career (void)
{
  g_autoptr(BalMethod) method = demo_method ();
  g_autoptr(GPtrArray) sentence = hints_of (method, "Planner\nOp termijn kun je doorgroeien naar teamleider en geef je leiding aan 8 planners.");
  g_autoptr(GPtrArray) section = hints_of (method,
    "Planner\n"
    "Career path\n"
    "Next steps:\n"
    "  • Manager of a team of planners with 10 direct reports\n"
    "  • Director who leads the managers of the planning department\n"
    "What you do\n"
    "You make the weekly rosters for the contact centre.");

  g_assert_null (hint_for (sentence, "management"));
  g_assert_null (hint_for (sentence, "span"));
  /* The lines under a career heading are where the job may lead, up to the next heading. */
  g_assert_null (hint_for (section, "management"));
  g_assert_null (hint_for (section, "span"));
}

static void
test_headings (void)
{
  g_autoptr(BalMethod) method = demo_method ();
  g_autoptr(GPtrArray) menu = hints_of (method, "Teamleider klantenservice\nLeidinggevend\nVacatures\nWerken bij ons\nJe plant de diensten van het team.");
  g_autoptr(GPtrArray) heading = hints_of (method, "Helpdesk\nRequired experience\n3-5 years in a second line helpdesk\nWhat we offer");

  /* A title and menu words are never evidence. */
  g_assert_null (hint_for (menu, "management"));
  /* A heading says what the line under it is about, and is not quoted itself. */
  assert_hint (heading, "experience", "years-3", "3-5 years in a second line helpdesk");
}

static void
test_customer_words (void)
{
  g_autoptr(BalMethod) method = demo_method ();
  g_autoptr(GPtrArray) centric = hints_of (method,
    "Director\nYou set a customer-centric strategy and improve customer interactions across chat and email.");
  g_autoptr(GPtrArray) policy = hints_of (method, "Manager\nJe zorgt dat de beleidsregels de klanten en het bedrijf dienen.");
  g_autoptr(GPtrArray) recording = hints_of (method,
    "Quality\nWhen a customer calls the service line, an automated message is advising him about the wait.");
  g_autoptr(GPtrArray) advice = hints_of (method, "Adviseur\nJe adviseert klanten over de beste verzekering.");

  /* A strategy or a figure named after customers is no contact with them. */
  g_assert_null (hint_for (centric, "external"));
  /* "beleid" is no "bellen". */
  g_assert_null (hint_for (policy, "external"));
  assert_hint (advice, "external", "advice", "Je adviseert klanten over de beste verzekering.");
  /* Advice counts when the customer is the one advised. */
  g_assert_true (hint_for (recording, "external") == NULL ||
                 g_strcmp0 (hint_for (recording, "external")->option_id, "advice") != 0);
}

static void
test_budget_analysis (void)
{
  g_autoptr(BalMethod) method = demo_method ();
  g_autoptr(GPtrArray) analyses = hints_of (method, "Analist\nJe analyseert de afwijkingen tussen budget en werkelijke kosten.");
  g_autoptr(GPtrArray) discounts = hints_of (method, "Verkoper\nJe geeft kortingen binnen de afgesproken marges.");
  g_autoptr(GPtrArray) owns = hints_of (method, "Manager\nYou are responsible for the budget of the service department.");

  /* Looking at the figures is not moving them. */
  g_assert_null (hint_for (analyses, "budget"));
  assert_hint (discounts, "budget", "influence", "Je geeft kortingen binnen de afgesproken marges.");
  assert_hint (owns, "budget", "own", "You are responsible for the budget of the service department.");
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
  g_test_add_func ("/hints/rules/negation", test_negation);
  g_test_add_func ("/hints/rules/lower-bound", test_lower_bound);
  g_test_add_func ("/hints/rules/who-leads-whom", test_who_leads_whom);
  g_test_add_func ("/hints/rules/career", test_career);
  g_test_add_func ("/hints/rules/headings", test_headings);
  g_test_add_func ("/hints/rules/customer-words", test_customer_words);
  g_test_add_func ("/hints/rules/budget-analysis", test_budget_analysis);

  return g_test_run ();
}
