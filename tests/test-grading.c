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
#include "bal-profile.h"
#include "bal-questionnaire.h"
#include "bal-rules.h"
#include "bal-structure.h"
#include "bal-verdict.h"
#include "test-cli-util.h"
#include "bal-project-private.h"

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

static const gboolean lesser[] = { FALSE, FALSE, FALSE, TRUE };

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
  const BalVerdict cancelling[] = { BAL_VERDICT_HEAVIER, BAL_VERDICT_LIGHTER, BAL_VERDICT_EQUAL, BAL_VERDICT_LIGHTER };
  BalOverall overall;

  g_assert_cmpint (bal_verdict_for_levels (2, 3), ==, BAL_VERDICT_LIGHTER);
  g_assert_cmpint (bal_verdict_for_levels (3, 3), ==, BAL_VERDICT_EQUAL);
  g_assert_cmpint (bal_verdict_for_levels (4, 3), ==, BAL_VERDICT_HEAVIER);
  g_assert_cmpint (bal_verdict_for_levels (0, 3), ==, BAL_VERDICT_NONE);

  /* 0, -1, +1 over three answered: equal. */
  overall = bal_verdict_overall (job, ref, lesser, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_EQUAL);
  g_assert_cmpuint (overall.answered, ==, 3);
  g_assert_cmpint (overall.beyond_rules, ==, 0);

  overall = bal_verdict_overall (heavy_job, heavy_ref, lesser, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_HEAVIER);
  g_assert_cmpint (overall.beyond_rules, ==, 0);

  /* One characteristic three levels apart: another reference fits better. */
  overall = bal_verdict_overall (far_job, far_ref, lesser, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_HEAVIER);
  g_assert_cmpint (overall.beyond_rules, ==, 1);

  /* Nothing answered: unknown, never equal. */
  overall = bal_verdict_overall (none, ref, lesser, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_NONE);
  g_assert_cmpuint (overall.answered, ==, 0);

  /* Heavier twice and equal on the main characteristics: heavier, whatever the physical side says. */
  g_assert_cmpint (bal_verdict_combine (chosen, lesser, 4), ==, BAL_VERDICT_HEAVIER);
  g_assert_cmpint (bal_verdict_combine (chosen, lesser, 3), ==, BAL_VERDICT_HEAVIER);
  /* The main characteristics cancel out: the physical side breaks the tie. */
  g_assert_cmpint (bal_verdict_combine (cancelling, lesser, 4), ==, BAL_VERDICT_LIGHTER);
  g_assert_cmpint (bal_verdict_combine (cancelling, lesser, 3), ==, BAL_VERDICT_EQUAL);
}

/* /grading/method/physical-lesser: the physical side alone never flips the verdict. */
static void
test_physical_lesser (void)
{
  const int reference[] = { 3, 3, 3, 1 };
  const int heavy_only[] = { 3, 3, 3, 4 };
  const int light_only[] = { 3, 3, 3, 1 };
  const int mechanic[] = { 2, 3, 3, 3 };      /* lighter on complexity, heavier physically */
  const int example[] = { 2, 3, 3, 2 };
  BalOverall overall;

  overall = bal_verdict_overall (heavy_only, reference, lesser, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_EQUAL);
  overall = bal_verdict_overall (light_only, (const int[]) { 3, 3, 3, 4 }, lesser, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_EQUAL);
  overall = bal_verdict_overall (mechanic, reference, lesser, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_LIGHTER);
  g_assert_false (overall.tie_broken);
  overall = bal_verdict_overall (example, reference, lesser, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_LIGHTER);
  /* Without the lesser role the same physical +3 would have made it heavier. */
  overall = bal_verdict_overall (heavy_only, reference, NULL, 4);
  g_assert_cmpint (overall.verdict, ==, BAL_VERDICT_HEAVIER);
}

/* /grading/method/levels: every level of every characteristic is reachable:
 * the lowest answers give 1, the highest the top level, and "not
 * applicable" does not lower a level. */
static void
test_levels_reachable (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GError) error = NULL;
  gint64 high = 0, low = 0, specialist = 0;

  method = bal_handbook_load_method (f->project, &error);
  g_assert_no_error (error);

  for (int pass = 0; pass < 2; pass++)
    {
      gint64 job = add_job (f->project, pass == 0 ? "Alles hoogst" : "Alles laagst", NULL, 0);
      g_autoptr(BalJobProfile) profile = NULL;

      for (guint i = 0; i < method->questions->len; i++)
        {
          BalQuestion *q = g_ptr_array_index (method->questions, i);
          BalQuestionOption *pick = NULL;

          for (guint j = 0; j < q->options->len; j++)
            {
              BalQuestionOption *o = g_ptr_array_index (q->options, j);

              /* "Not applicable" is the lowest answer, never the highest. */
              if (o->level == 0 && pass == 0)
                continue;
              if (pick == NULL || (pass == 0 ? o->level > pick->level : o->level < pick->level))
                pick = o;
            }
          answer (f->project, job, q->id, pick->id);
        }

      profile = bal_profile_compute (f->project, job, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < profile->levels->len; i++)
        {
          BalJobLevel *level = g_ptr_array_index (profile->levels, i);

          if (g_test_verbose ())
            g_test_message ("%s: %d of %d", level->characteristic_id, level->level, level->levels);
          g_assert_cmpint (level->level, ==, (pass == 0 ? level->levels : 1));
        }
      if (pass == 0)
        high = job;
      else
        low = job;
    }
  g_assert_cmpint (high, !=, low);

  /* A specialist without a management role: "none" is not applicable and leaves autonomy where it is. */
  {
    g_autoptr(BalJobProfile) before = NULL;
    g_autoptr(BalJobProfile) after = NULL;

    specialist = add_job (f->project, "Specialist", NULL, 0);
    answer (f->project, specialist, "planning", "weeks");
    answer (f->project, specialist, "supervision", "results");
    answer (f->project, specialist, "approach", "methods");
    before = bal_profile_compute (f->project, specialist, &error);
    answer (f->project, specialist, "management", "none");
    answer (f->project, specialist, "span", "none");
    after = bal_profile_compute (f->project, specialist, &error);
    g_assert_cmpint (bal_job_profile_find (before, "autonomy")->level, ==, 3);
    g_assert_cmpint (bal_job_profile_find (after, "autonomy")->level, ==, 3);
    g_assert_cmpuint (after->unanswered->len, ==, before->unanswered->len - 2);
  }

  /* The levels of every job in one query, as the consistency check reads
   * them, are each job's profile. */
  {
    g_autoptr(GHashTable) levels = bal_profile_levels_by_job (f->project, method, &error);
    gint64 jobs[] = { high, low, specialist };

    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (levels), ==, 3);
    for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
      {
        g_autoptr(BalJobProfile) profile = bal_profile_compute (f->project, jobs[j], &error);
        GArray *job_levels = g_hash_table_lookup (levels, &jobs[j]);

        g_assert_nonnull (job_levels);
        g_assert_cmpuint (job_levels->len, ==, profile->levels->len);
        for (guint i = 0; i < profile->levels->len; i++)
          g_assert_cmpint (g_array_index (job_levels, int, i), ==,
                           ((BalJobLevel *)g_ptr_array_index (profile->levels, i))->level);
      }
  }
}

/* /grading/method/premature: few answers make a premature proposal; deciding
 * on it needs "decide anyway" with a reason, and the explanation says each step. */
static void
test_premature (Fixture       *f,
                gconstpointer  data)
{
  gint64 job = add_job (f->project, "Medewerker klantenservice", "klantenservice-agent.txt", 0);
  g_autoptr(BalComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  BalDecisionInput input = { "KS.02", "D", "Gelijk aan KS.02.", NULL, "Evaluator", NULL, NULL };

  answer (f->project, job, "education", "mbo3");
  answer (f->project, job, "planning", "day");
  comparison = bal_grading_compare (f->project, job, "KS.02", &error);
  g_assert_no_error (error);
  g_assert_false (comparison->complete);
  g_assert_cmpint (((BalComparisonLine *)g_ptr_array_index (comparison->lines, 2))->proposed, ==, BAL_VERDICT_NONE);
  g_assert_nonnull (strstr (comparison->explanation, "unknown (not answered)"));
  g_assert_nonnull (strstr (comparison->explanation, "Premature"));

  input.grade = comparison->proposed_grade;
  g_assert_cmpint (bal_grading_decide (f->project, job, &input, &error), ==, 0);
  g_assert_error (error, BAL_GRADING_ERROR, BAL_GRADING_ERROR_PREMATURE);
  g_clear_error (&error);

  input.departure = "The employee leaves next week; the answers follow the manager's interview.";
  input.grade = comparison->proposed_grade;
  g_assert_cmpint (bal_grading_decide (f->project, job, &input, &error), >, 0);
  g_assert_no_error (error);
}

/* A whole questionnaire for a KS.02-like job. */
static void
answer_agent (BalProject *project,
              gint64      job)
{
  static const char * const answers[][2] = {
    { "education", "mbo3" }, { "experience", "years-1" }, { "knowledge", "working" }, { "variety", "frequent" },
    { "problem-solving", "choose" }, { "analysis", "check" }, { "time-pressure", "often" },
    { "planning", "day" }, { "supervision", "frequent" }, { "approach", "procedures" }, { "decisions", "own-work" },
    { "management", "none" }, { "span", "none" }, { "internal-contacts", "coordinate" },
    { "external", "information" }, { "external-situations", "questions" }, { "error-impact", "internal" },
    { "error-detection", "soon" }, { "discretion", "customer" }, { "budget", "none" },
    { "physical-load", "light" }, { "conditions", "noise" }, { "posture", "static" }, { "screen-work", "most" },
    { "travel", "none" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    answer (project, job, answers[i][0], answers[i][1]);
}

/* /grading/method/explanation: a complete questionnaire, the sentence per step. */
static void
test_explanation (Fixture       *f,
                  gconstpointer  data)
{
  gint64 job = add_job (f->project, "Medewerker klantenservice", "klantenservice-agent.txt", 0);
  g_autoptr(BalComparison) equal = NULL;
  g_autoptr(BalComparison) lighter = NULL;
  g_autoptr(GError) error = NULL;

  answer_agent (f->project, job);
  equal = bal_grading_compare (f->project, job, "KS.02", &error);
  g_assert_no_error (error);
  g_assert_true (equal->complete);
  g_assert_null (equal->no_fit);
  g_assert_cmpint (equal->overall.verdict, ==, BAL_VERDICT_EQUAL);
  g_assert_cmpstr (equal->proposed_grade, ==, "D");
  g_assert_cmpstr (equal->explanation, ==,
                   "Complexiteit equal (2), zelfstandigheid equal (2), afbreukrisico equal (2), "
                   "fysieke aspecten equal (2), counted half: it only breaks a tie → equal → rule “equal”: grade D.");

  lighter = bal_grading_compare (f->project, job, "KS.03", &error);
  g_assert_no_error (error);
  g_assert_cmpint (lighter->overall.verdict, ==, BAL_VERDICT_LIGHTER);
  g_assert_cmpstr (lighter->proposed_grade, ==, "D");
  g_assert_true (strstr (lighter->explanation, "complexiteit lighter (job 2, reference 3)") != NULL ||
                 strstr (lighter->explanation, "Complexiteit lighter (job 2, reference 3)") != NULL);
  g_assert_nonnull (strstr (lighter->explanation, "→ lighter → rule “lighter”: grade D."));
}

/* /grading/handbook/profiles: the demo handbook's profiles agree with its
 * texts, and neighbouring grades in a family differ on a main characteristic. */
static void
test_handbook_profiles (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { const char *knowledge; int level; } education[] = {
    { "VMBO", 1 }, { "MBO-1", 1 }, { "MBO-2", 2 }, { "MBO-3", 3 }, { "MBO-4", 4 }, { "HBO", 5 }, { "WO", 6 },
  };
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GHashTable) families = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  summaries = bal_handbook_search (f->project, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, >=, 44);

  for (guint i = 0; i < summaries->len; i++)
    {
      BalReferenceSummary *summary = g_ptr_array_index (summaries, i);
      g_autoptr(BalReference) reference = bal_handbook_get_reference (f->project, summary->code, &error);
      int levels[4] = { 0 };

      g_assert_no_error (error);
      for (guint j = 0; j < reference->profile->len && j < 4; j++)
        levels[j] = ((BalProfileEntry *)g_ptr_array_index (reference->profile, j))->level;

      /* Knowledge level against complexity: within one level of the education's. */
      for (guint j = 0; j < G_N_ELEMENTS (education); j++)
        if (g_strcmp0 (reference->doc->knowledge_level, education[j].knowledge) == 0)
          {
            if (ABS (levels[0] - education[j].level) > 1)
              g_error ("%s: %s asks complexity %d±1, the profile says %d", summary->code,
                       education[j].knowledge, education[j].level, levels[0]);
            checked++;
          }

      /* Span of control against autonomy: a team needs 4, a department 5; no span, at most 4. */
      if (reference->doc->span_min >= 15)
        g_assert_cmpint (levels[1], >=, 5);
      else if (reference->doc->span_min >= 1)
        g_assert_cmpint (levels[1], >=, 4);

      g_hash_table_insert (families, summary->family,
                           g_list_prepend (g_hash_table_lookup (families, summary->family), summary));
    }
  g_assert_cmpuint (checked, >=, 40);
  g_assert_true (g_hash_table_contains (families, "Financiën en control"));
  g_assert_true (g_hash_table_contains (families, "Operationeel management"));

  /* Neighbours: two references of one family a grade apart differ on a main characteristic. */
  for (guint i = 0; i < summaries->len; i++)
    for (guint j = 0; j < summaries->len; j++)
      {
        BalReferenceSummary *a = g_ptr_array_index (summaries, i);
        BalReferenceSummary *b = g_ptr_array_index (summaries, j);
        g_autoptr(BalReference) ra = NULL;
        g_autoptr(BalReference) rb = NULL;
        gboolean differ = FALSE;

        if (g_strcmp0 (a->family, b->family) != 0 || a->grade[0] + 1 != b->grade[0])
          continue;
        ra = bal_handbook_get_reference (f->project, a->code, NULL);
        rb = bal_handbook_get_reference (f->project, b->code, NULL);
        for (guint k = 0; k < 3; k++)
          differ |= ((BalProfileEntry *)g_ptr_array_index (ra->profile, k))->level !=
                    ((BalProfileEntry *)g_ptr_array_index (rb->profile, k))->level;
        if (!differ)
          g_error ("%s (%s) and %s (%s) share their main profile", a->code, a->grade, b->code, b->grade);
      }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, families);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_list_free (value);
  }
}

/* /grading/no-fit: a job the handbook does not describe. */
static void
test_no_fit (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BalJob) nurse = bal_job_new ();
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(BalComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  BalDecisionInput input = { "KS.02", "D", "Dichtstbijzijnde.", NULL, "Evaluator", NULL, NULL };
  gint64 job;

  g_free (nurse->title);
  nurse->title = g_strdup ("Verpleegkundige");
  g_free (nurse->description);
  nurse->description = g_strdup ("Je verzorgt patiënten op de afdeling chirurgie, dient medicatie toe en overlegt met artsen.");
  job = bal_jobs_add (f->project, nurse, &error);
  g_assert_no_error (error);
  answer_agent (f->project, job);

  candidates = bal_matching_candidates (f->project, job, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit);
  /* The profile leads: the reference with the agent's own profile stands
   * first, above those whose words match the nurse's text ("verzorgt"). */
  g_assert_cmpstr (((BalCandidate *)g_ptr_array_index (candidates, 0))->code, ==, "KS.02");
  {
    g_autoptr(GPtrArray) all = bal_matching_candidates (f->project, job, 0, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      for (guint j = i + 1; j < all->len; j++)
        {
          BalCandidate *higher = g_ptr_array_index (all, i);
          BalCandidate *lower = g_ptr_array_index (all, j);

          g_assert_cmpfloat (higher->distance, <=, lower->distance + 0.75);
        }
  }
  g_assert_nonnull (strstr (((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit, "verpleegkundige"));

  comparison = bal_grading_compare (f->project, job, "KS.02", &error);
  g_assert_nonnull (comparison->no_fit);
  g_assert_nonnull (strstr (comparison->explanation, "No reference function fits"));
  g_assert_cmpint (bal_grading_decide (f->project, job, &input, &error), ==, 0);
  g_assert_error (error, BAL_GRADING_ERROR, BAL_GRADING_ERROR_NO_FIT);
  g_clear_error (&error);
  input.departure = "Tijdelijk ingedeeld tot het zorghandboek er is.";
  g_assert_cmpint (bal_grading_decide (f->project, job, &input, &error), >, 0);
}

/* /grading/no-fit/title-words: a generic head names no work; a compound
 * names its work by its first part too. */
static void
test_no_fit_title_words (Fixture       *f,
                         gconstpointer  data)
{
  struct { const char *title; gboolean fits; } cases[] = {
    { "Kassamedewerker", FALSE },          /* shares only "medewerker" with many titles */
    { "Medewerker", TRUE },                /* says nothing either way */
    { "Postbezorger", TRUE },              /* "post", as in the post room's title */
    { "Klantenservicemedewerker", TRUE },
    { "Verpleegkundige", FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(BalJob) job = bal_job_new ();
      g_autoptr(GPtrArray) candidates = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id;

      g_free (job->title);
      job->title = g_strdup (cases[c].title);
      id = bal_jobs_add (f->project, job, &error);
      g_assert_no_error (error);

      candidates = bal_matching_candidates (f->project, id, 3, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (candidates->len, >, 0);
      if (cases[c].fits)
        g_assert_null (((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit);
      else
        g_assert_nonnull (((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit);
    }
}

/* /grading/explain-decision: the workbook's explanation of a decision is
 * the one the comparison gave when it was made. */
static void
test_explain_decision (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BalJob) agent = bal_job_new ();
  g_autoptr(BalComparison) comparison = NULL;
  g_autoptr(BalDecision) latest = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *explanation = NULL;
  BalDecisionInput input = { "KS.02", NULL, "Vergeleken met KS.02.", NULL, "Evaluator", NULL, NULL };
  gint64 job;

  g_free (agent->title);
  agent->title = g_strdup ("Medewerker klantenservice");
  job = bal_jobs_add (f->project, agent, &error);
  g_assert_no_error (error);
  answer_agent (f->project, job);

  comparison = bal_grading_compare (f->project, job, "KS.02", &error);
  g_assert_no_error (error);
  g_assert_true (comparison->complete);
  g_assert_null (comparison->no_fit);
  input.grade = comparison->proposed_grade;
  g_assert_cmpint (bal_grading_decide (f->project, job, &input, &error), >, 0);
  g_assert_no_error (error);

  latest = bal_grading_latest (f->project, job, &error);
  g_assert_no_error (error);
  method = bal_handbook_load_method (f->project, &error);
  g_assert_no_error (error);
  explanation = bal_grading_explain_decision (latest, method);
  g_assert_cmpstr (explanation, ==, comparison->explanation);
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

/* The candidates follow the handbook when it changes after they were
 * first ranked, in this process and through another connection. */
static void
test_candidates_follow_handbook (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 job = add_job (f->project, "Zeppelinpiloot", NULL, 0);
  const char *pilot[] = { "Zeppelinpiloot", NULL };
  const char *balloon[] = { "Ballonvaarder", NULL };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) here = NULL;
  g_autoptr(GPtrArray) there = NULL;
  g_autoptr(BalProject) other = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (bal_project_get_path (f->project));
  g_autoptr(GError) error = NULL;

  before = bal_matching_candidates (f->project, job, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (((BalCandidate *)g_ptr_array_index (before, 0))->no_fit);

  g_assert_true (bal_handbook_set_alternative_titles (f->project, "KS.01", pilot, &error));
  g_assert_no_error (error);
  here = bal_matching_candidates (f->project, job, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((BalCandidate *)g_ptr_array_index (here, 0))->code, ==, "KS.01");
  g_assert_null (((BalCandidate *)g_ptr_array_index (here, 0))->no_fit);

  other = bal_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_true (bal_handbook_set_alternative_titles (other, "KS.01", balloon, &error));
  g_assert_no_error (error);
  there = bal_matching_candidates (f->project, job, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (((BalCandidate *)g_ptr_array_index (there, 0))->no_fit);
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
  g_assert_false (comparison->complete);

  /* The rest of the questionnaire, as a KS.02 job answers it, keeps complexity at 4 (+2): heavier, E. */
  {
    static const char * const rest[][2] = {
      { "knowledge", "specialist" }, { "variety", "constant" }, { "problem-solving", "analyse" }, { "analysis", "report" },
      { "time-pressure", "often" }, { "supervision", "frequent" }, { "approach", "procedures" }, { "decisions", "own-work" },
      { "management", "none" }, { "span", "none" }, { "internal-contacts", "coordinate" }, { "external", "information" },
      { "external-situations", "questions" }, { "error-impact", "internal" }, { "error-detection", "soon" },
      { "discretion", "customer" }, { "budget", "none" }, { "physical-load", "light" }, { "conditions", "noise" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (rest); i++)
      answer (f->project, job, rest[i][0], rest[i][1]);
    g_clear_pointer (&comparison, bal_comparison_free);
    comparison = bal_grading_compare (f->project, job, "KS.02", &error);
    g_assert_no_error (error);
    g_assert_true (comparison->complete);
    g_assert_cmpint (comparison->overall.verdict, ==, BAL_VERDICT_HEAVIER);
    g_assert_cmpstr (comparison->proposed_grade, ==, "E");
  }

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
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
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

  /* The same, read in a worker thread through a connection of its own. */
  {
    g_autoptr(GAsyncResult) structure_result = NULL;
    g_autoptr(GAsyncResult) findings_result = NULL;
    g_autoptr(BalStructure) async_structure = NULL;
    g_autoptr(GPtrArray) async_findings = NULL;

    bal_structure_build_async (f->project, NULL, store_result, &structure_result);
    bal_consistency_check_async (f->project, NULL, store_result, &findings_result);
    while (structure_result == NULL || findings_result == NULL)
      g_main_context_iteration (NULL, TRUE);
    async_structure = bal_structure_build_finish (f->project, structure_result, &error);
    g_assert_no_error (error);
    async_findings = bal_consistency_check_finish (f->project, findings_result, &error);
    g_assert_no_error (error);

    g_assert_cmpuint (async_findings->len, ==, findings->len);
    for (guint i = 0; i < findings->len; i++)
      g_assert_cmpstr (((BalFinding *)g_ptr_array_index (async_findings, i))->message, ==,
                       ((BalFinding *)g_ptr_array_index (findings, i))->message);
    g_assert_cmpstrv (async_structure->families, structure->families);
    for (guint g = 0; structure->grades[g] != NULL; g++)
      {
        g_assert_cmpint (async_structure->jobs_per_grade[g], ==, structure->jobs_per_grade[g]);
        g_assert_cmpint (async_structure->incumbents_per_grade[g], ==, structure->incumbents_per_grade[g]);
        for (guint r = 0; structure->families[r] != NULL; r++)
          g_assert_cmpuint (bal_structure_cell (async_structure, r, g)->len, ==, bal_structure_cell (structure, r, g)->len);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/grading/verdicts", test_verdicts);
  g_test_add_func ("/grading/rules", test_rules);
  g_test_add_func ("/grading/method/physical-lesser", test_physical_lesser);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/grading/candidates/follow-handbook", test_candidates_follow_handbook);
  ADD ("/grading/candidates", test_candidates);
  ADD ("/grading/compare-and-decide", test_compare_and_decide);
  ADD ("/grading/beyond-rules", test_beyond_rules);
  ADD ("/grading/method/levels", test_levels_reachable);
  ADD ("/grading/method/premature", test_premature);
  ADD ("/grading/method/explanation", test_explanation);
  ADD ("/grading/no-fit", test_no_fit);
  ADD ("/grading/explain-decision", test_explain_decision);
  ADD ("/grading/no-fit/title-words", test_no_fit_title_words);
  ADD ("/grading/handbook/profiles", test_handbook_profiles);
  ADD ("/grading/consistency-and-structure", test_consistency);
#undef ADD

  return g_test_run ();
}
