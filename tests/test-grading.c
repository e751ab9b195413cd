/* test-grading.c: verdicts, application rules, candidates, decisions, consistency, structure
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bal-consistency.h"
#include "bal-demo.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-matching.h"
#include "bal-questionnaire.h"
#include "bal-rules.h"
#include "bal-structure.h"
#include "bal-verdict.h"
#include "test-cli-util.h"

static const char * const grades[] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", NULL };

typedef struct
{
  char       *dir;
  BalProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("balans-grading-XXXXXX", NULL);
  path = g_build_filename (f->dir, "g.balans", NULL);
  file = g_file_new_for_path (path);
  f->project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  bal_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
add_job (BalProject *project,
         const char *title,
         const char *fixture,
         gint64      reports_to)
{
  g_autoptr(BalJob) job = bal_job_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (job->title);
  job->title = g_strdup (title);
  job->reports_to = reports_to;
  if (fixture != NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "jobs", fixture, NULL);

      g_free (job->description);
      g_assert_true (g_file_get_contents (path, &job->description, NULL, NULL));
    }
  id = bal_jobs_add (project, job, &error);
  g_assert_no_error (error);

  return id;
}

static void
answer (BalProject *project,
        gint64      job,
        const char *question,
        const char *option)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bal_questionnaire_answer (project, job, question, option, NULL, &error));
  g_assert_no_error (error);
}

static void
test_verdicts (void)
{
  const int job[] = { 3, 2, 4, 0 };
  const int ref[] = { 3, 3, 3, 2 };
  const int far_job[] = { 6, 2, 2, 1 };
  const int far_ref[] = { 3, 2, 2, 1 };
  const int heavy_job[] = { 4, 4, 3, 1 };
  const int heavy_ref[] = { 3, 3, 3, 1 };
  const int none[] = { 0, 0, 0, 0 };
  const BalVerdict chosen[] = { BAL_VERDICT_HEAVIER, BAL_VERDICT_HEAVIER, BAL_VERDICT_EQUAL, BAL_VERDICT_LIGHTER };
  BalOverall overall;

  g_assert_cmpint (bal_verdict_for_levels (2, 3), ==, BAL_VERDICT_LIGHTER);
  g_assert_cmpint (bal_verdict_for_levels (3, 3), ==, BAL_VERDICT_EQUAL);
  g_assert_cmpint (bal_verdict_for_levels (4, 3), ==, BAL_VERDICT_HEAVIER);
  g_assert_cmpint (bal_verdict_for_levels (0, 3), ==, BAL_VERDICT_NONE);

  /* 0, -1, +1 over three answered: equal. */
  overall = bal_verdict_overall (job, ref, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_EQUAL);
  g_assert_cmpuint (overall.answered, ==, 3);
  g_assert_cmpint (overall.beyond_rules, ==, 0);

  overall = bal_verdict_overall (heavy_job, heavy_ref, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_HEAVIER);
  g_assert_cmpint (overall.beyond_rules, ==, 0);

  /* One characteristic three levels apart: another reference fits better. */
  overall = bal_verdict_overall (far_job, far_ref, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_HEAVIER);
  g_assert_cmpint (overall.beyond_rules, ==, 1);

  overall = bal_verdict_overall (none, ref, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_EQUAL);
  g_assert_cmpuint (overall.answered, ==, 0);

  g_assert_cmpint (bal_verdict_combine (chosen, 4), ==, BAL_VERDICT_EQUAL);
  g_assert_cmpint (bal_verdict_combine (chosen, 3), ==, BAL_VERDICT_HEAVIER);
}

static void
test_rules (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *given = bal_rules_grade (grades, "E", "F", BAL_VERDICT_HEAVIER, warnings);
  g_autofree char *missing = NULL;
  g_autofree char *bottom = NULL;
  g_autofree char *top = NULL;
  g_autofree char *equal = NULL;

  g_assert_cmpstr (given, ==, "F");
  g_assert_cmpuint (warnings->len, ==, 0);

  missing = bal_rules_grade (grades, "J", NULL, BAL_VERDICT_HEAVIER, warnings);
  g_assert_cmpstr (missing, ==, "K");
  g_assert_cmpuint (warnings->len, ==, 1);

  bottom = bal_rules_grade (grades, "A", "", BAL_VERDICT_LIGHTER, warnings);
  g_assert_cmpstr (bottom, ==, "A");
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 1), "no grade below A"));

  top = bal_rules_grade (grades, "L", NULL, BAL_VERDICT_HEAVIER, warnings);
  g_assert_cmpstr (top, ==, "L");
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 2), "no grade above L"));

  equal = bal_rules_grade (grades, "G", NULL, BAL_VERDICT_EQUAL, NULL);
  g_assert_cmpstr (equal, ==, "G");
}

static gboolean
in_top (GPtrArray  *candidates,
        guint       n,
        gboolean  (*fits) (BalCandidate *))
{
  for (guint i = 0; i < MIN (n, candidates->len); i++)
    if (fits (g_ptr_array_index (candidates, i)))
      return TRUE;

  return FALSE;
}

static gboolean
is_customer_service (BalCandidate *c)
{
  return g_strcmp0 (c->family, "Klantenservice") == 0;
}

static gboolean
is_senior_management (BalCandidate *c)
{
  return strchr ("JKL", c->grade[0]) != NULL &&
         (strstr (c->title, "Manager") || strstr (c->title, "Hoofd") || strstr (c->title, "Directeur"));
}

static void
test_candidates (Fixture       *f,
                 gconstpointer  data)
{
  gint64 agent = add_job (f->project, "Medewerker klantenservice", "klantenservice-agent.txt", 0);
  gint64 director = add_job (f->project, "Director of Customer Operations", "director-operations.txt", 0);
  g_autoptr(GPtrArray) agent_candidates = NULL;
  g_autoptr(GPtrArray) director_candidates = NULL;
  g_autoptr(GPtrArray) with_profile = NULL;
  g_autoptr(GError) error = NULL;
  BalCandidate *first;

  agent_candidates = bal_matching_candidates (f->project, agent, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agent_candidates->len, ==, 10);
  g_assert_true (in_top (agent_candidates, 3, is_customer_service));
  first = g_ptr_array_index (agent_candidates, 0);
  g_assert_nonnull (strstr (g_ptr_array_index (first->reasons, 0), "Matched words"));
  g_assert_cmpfloat (first->profile_score, ==, -1);

  director_candidates = bal_matching_candidates (f->project, director, 3, &error);
  g_assert_no_error (error);
  g_assert_true (in_top (director_candidates, 3, is_senior_management));

  /* Answers add profile closeness to the reasons and the score. */
  answer (f->project, agent, "education", "mbo3");
  answer (f->project, agent, "planning", "day");
  with_profile = bal_matching_candidates (f->project, agent, 3, &error);
  first = g_ptr_array_index (with_profile, 0);
  g_assert_cmpfloat (first->profile_score, >=, 0);
  g_assert_true (in_top (with_profile, 3, is_customer_service));
}

static void
test_compare_and_decide (Fixture       *f,
                         gconstpointer  data)
{
  gint64 job = add_job (f->project, "Medewerker klantenservice", "klantenservice-agent.txt", 0);
  g_autoptr(BalComparison) comparison = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GHashTable) verdicts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  BalDecisionInput input = { "KS.02", "E", "Heavier on complexity: the job handles complaints alone.", NULL, "Evaluator", NULL, NULL };
  BalComparisonLine *line;
  BalDecision *latest;
  gint64 first, second;

  /* KS.02 is grade D with complexity 2: MBO-4 (4) and 3 years (3) give complexity 4 (+2), autonomy equal. */
  answer (f->project, job, "education", "mbo4");
  answer (f->project, job, "experience", "years-3");
  answer (f->project, job, "planning", "day");

  comparison = bal_grading_compare (f->project, job, "KS.02", &error);
  g_assert_no_error (error);
  line = g_ptr_array_index (comparison->lines, 0);
  g_assert_cmpstr (line->characteristic_id, ==, "complexity");
  g_assert_cmpint (line->job_level, ==, 4);
  g_assert_cmpint (line->proposed, ==, BAL_VERDICT_HEAVIER);
  g_assert_cmpuint (line->answers->len, ==, 2);
  g_assert_cmpint (((BalComparisonLine *)g_ptr_array_index (comparison->lines, 3))->proposed, ==, BAL_VERDICT_NONE);
  g_assert_cmpint (comparison->overall.verdict, ==, BAL_VERDICT_HEAVIER);
  g_assert_cmpstr (comparison->proposed_grade, ==, "E");

  /* Following the proposal needs a justification, no departure reason. */
  input.justification = "  ";
  g_assert_cmpint (bal_grading_decide (f->project, job, &input, &error), ==, 0);
  g_assert_error (error, BAL_GRADING_ERROR, BAL_GRADING_ERROR_INVALID);
  g_clear_error (&error);
  input.justification = "Heavier on complexity: the job handles complaints alone.";
  first = bal_grading_decide (f->project, job, &input, &error);
  g_assert_no_error (error);

  /* Departing from it (grade D, complexity equal) needs a reason. */
  g_hash_table_insert (verdicts, "complexity", GINT_TO_POINTER (BAL_VERDICT_EQUAL));
  input.verdicts = verdicts;
  input.grade = "D";
  g_assert_cmpint (bal_grading_decide (f->project, job, &input, &error), ==, 0);
  g_assert_error (error, BAL_GRADING_ERROR, BAL_GRADING_ERROR_DEPARTURE);
  g_clear_error (&error);

  input.grade = "Q";
  g_assert_cmpint (bal_grading_decide (f->project, job, &input, &error), ==, 0);
  g_assert_error (error, BAL_GRADING_ERROR, BAL_GRADING_ERROR_INVALID);
  g_clear_error (&error);

  input.grade = "D";
  input.departure = "The complaints go to a specialist team; the questionnaire overstates it.";
  second = bal_grading_decide (f->project, job, &input, &error);
  g_assert_no_error (error);

  /* The revision is a new decision; the first stays readable. */
  history = bal_grading_history (f->project, job, &error);
  g_assert_cmpuint (history->len, ==, 2);
  latest = g_ptr_array_index (history, 0);
  g_assert_cmpint (latest->id, ==, second);
  g_assert_cmpint (latest->supersedes, ==, first);
  g_assert_cmpstr (latest->grade, ==, "D");
  g_assert_cmpstr (latest->proposed_grade, ==, "E");
  g_assert_cmpint (((BalDecisionVerdict *)g_ptr_array_index (latest->verdicts, 0))->verdict, ==, BAL_VERDICT_EQUAL);
  g_assert_cmpint (((BalDecisionVerdict *)g_ptr_array_index (latest->verdicts, 0))->proposed, ==, BAL_VERDICT_HEAVIER);
  g_assert_cmpstr (((BalDecision *)g_ptr_array_index (history, 1))->grade, ==, "E");

  /* Decisions are never changed in place. */
  g_assert_false (bal_project_exec (f->project, "UPDATE decision SET grade = 'L'", &error));
  g_assert_nonnull (error);
}

static void
test_beyond_rules (Fixture       *f,
                   gconstpointer  data)
{
  gint64 job = add_job (f->project, "Medewerker klantcontact", NULL, 0);
  g_autoptr(BalComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  /* KS.01 (grade C, complexity 2): WO (6) is three levels heavier. */
  answer (f->project, job, "education", "wo");
  comparison = bal_grading_compare (f->project, job, "KS.01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (comparison->overall.beyond_rules, ==, 1);
  g_assert_cmpstr (comparison->suggested_code, ==, "KS.02");
  g_assert_cmpuint (comparison->warnings->len, >=, 1);
}

static gboolean
has_finding (GPtrArray  *findings,
             const char *kind,
             gint64      job)
{
  for (guint i = 0; i < findings->len; i++)
    {
      BalFinding *f = g_ptr_array_index (findings, i);

      if (g_strcmp0 (f->kind, kind) == 0 && f->job_id == job)
        return TRUE;
    }

  return FALSE;
}

static void
decide (BalProject *project,
        gint64      job,
        const char *code,
        const char *grade)
{
  g_autoptr(GError) error = NULL;
  BalDecisionInput input = { code, grade, "Test.", "Set by the test.", "Tester", NULL, NULL };

  g_assert_cmpint (bal_grading_decide (project, job, &input, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_consistency (Fixture       *f,
                  gconstpointer  data)
{
  gint64 lead = add_job (f->project, "Teamleider", NULL, 0);
  gint64 agent = add_job (f->project, "Medewerker", NULL, lead);
  gint64 twin = add_job (f->project, "Medewerker bis", NULL, 0);
  gint64 loner = add_job (f->project, "Zonder besluit", NULL, 0);
  gint64 orphan = add_job (f->project, "Wees", NULL, 0);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(BalStructure) structure = NULL;
  g_autoptr(GError) error = NULL;

  decide (f->project, lead, "KS.06", "G");
  decide (f->project, agent, "KS.02", "H");      /* above the job it reports to */
  decide (f->project, twin, "KS.02", "D");       /* same reference and profile, other grade */
  decide (f->project, orphan, "KS.03", "E");
  g_assert_true (bal_project_exec (f->project, "DELETE FROM reference_function WHERE code = 'KS.03'", &error));

  findings = bal_consistency_check (f->project, &error);
  g_assert_no_error (error);
  g_assert_true (has_finding (findings, "above-manager", agent));
  g_assert_false (has_finding (findings, "above-manager", lead));
  g_assert_true (has_finding (findings, "same-profile-other-grade", twin) || has_finding (findings, "same-profile-other-grade", agent));
  g_assert_true (has_finding (findings, "no-decision", loner));
  g_assert_false (has_finding (findings, "no-decision", agent));
  g_assert_true (has_finding (findings, "reference-gone", orphan));

  structure = bal_structure_build (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (structure->families[0], ==, "Klantenservice");
  g_assert_cmpuint (bal_structure_cell (structure, 0, 6)->len, ==, 1);   /* Teamleider, G */
  g_assert_cmpuint (bal_structure_cell (structure, 0, 3)->len, ==, 1);   /* Medewerker bis, D */
  g_assert_cmpint (structure->jobs_per_grade[7], ==, 1);                 /* Medewerker, H */
  g_assert_cmpint (structure->incumbents_per_grade[7], ==, 1);
  g_assert_cmpint (structure->jobs_per_grade[4], ==, 0);                 /* the orphan has no family */
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/grading/verdicts", test_verdicts);
  g_test_add_func ("/grading/rules", test_rules);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/grading/candidates", test_candidates);
  ADD ("/grading/compare-and-decide", test_compare_and_decide);
  ADD ("/grading/beyond-rules", test_beyond_rules);
  ADD ("/grading/consistency-and-structure", test_consistency);
#undef ADD

  return g_test_run ();
}
