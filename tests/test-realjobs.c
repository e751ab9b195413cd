/* test-realjobs.c: Balans on real job texts, against an expert's labels
 *
 * tests/data/realjobs/ holds public job descriptions and vacancies (the
 * address on the first line) and labels.ini, written before Balans was
 * run on them. For each text: the expert's answers (a level per
 * characteristic, entered as the option nearest that level, and the
 * management answer) go into the questionnaire; then the candidates, the
 * proposal from the first labelled reference and the hints from the text
 * are set against the labels. Prints the figures and fails when one gets
 * worse than the recorded ones below.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bal-demo.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-hints.h"
#include "bal-jobs.h"
#include "bal-matching.h"
#include "bal-questionnaire.h"
#include "test-cli-util.h"

/* The figures this set of 33 texts reached when it was recorded; they may
 * only rise. Before the hint rules of the second round (negation and lower
 * bounds kept; contrasts, heads of departments, headings as context,
 * career sections, customer-named things, analysis is not influence) the
 * 33 gave precision 20 of 28 and recall 20 of 26. The two no-fit figures
 * are below the goals: a post sorter whose title no reference
 * names (said not to fit) and a warehouse job whose title ends in
 * "medewerker" (said to fit); see the report of issue 12. */
#define RECORDED_TEXTS           33
#define RECORDED_TOP3            1.00
#define RECORDED_EXACT           1.00
#define RECORDED_WITHIN_ONE      1.00
#define RECORDED_HINT_PRECISION  0.92   /* 25 of 27 */
#define RECORDED_HINT_RECALL     0.96   /* 25 of 26 */
#define RECORDED_NO_FIT          1.0    /* 6 of 6 */
#define RECORDED_FALSE_NO_FIT    0      /* covered jobs wrongly said to fit nowhere */

/* The goals, which the recorded figures must keep meeting. */
#define GOAL_EXACT               0.85
#define GOAL_HINT_PRECISION      0.90

static BalQuestionOption *
nearest_option (BalQuestion *question,
                int          level,
                const char  *fact_value)
{
  BalQuestionOption *best = NULL;

  for (guint i = 0; i < question->options->len; i++)
    {
      BalQuestionOption *option = g_ptr_array_index (question->options, i);

      if (fact_value != NULL)
        {
          if (g_strcmp0 (option->fact_value, fact_value) == 0)
            return option;
          continue;
        }
      if (option->level == 0)
        continue;
      if (best == NULL || ABS (option->level - level) < ABS (best->level - level))
        best = option;
    }

  return best;
}

static gboolean
contains (GStrv       list,
          const char *value)
{
  return list != NULL && g_strv_contains ((const char * const *)list, value);
}

static void
test_realjobs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-realjobs-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r.balans", NULL);
  g_autofree char *labels_path = g_test_build_filename (G_TEST_DIST, "data", "realjobs", "labels.ini", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GKeyFile) labels = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_auto(GStrv) groups = NULL;
  guint covered = 0, top3 = 0, graded = 0, exact = 0, within = 0;
  guint uncovered = 0, no_fit = 0, false_no_fit = 0;
  guint hints_given = 0, hints_right = 0, hints_expected = 0, hints_found = 0;
  double precision, recall;

  project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
  method = bal_handbook_load_method (project, &error);
  g_assert_no_error (error);
  g_assert_true (g_key_file_load_from_file (labels, labels_path, G_KEY_FILE_NONE, &error));
  groups = g_key_file_get_groups (labels, NULL);
  g_assert_cmpuint (g_strv_length (groups), >=, RECORDED_TEXTS);

  for (guint g = 0; groups[g] != NULL; g++)
    {
      const char *name = groups[g];
      g_autofree char *text_path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *title = g_key_file_get_string (labels, name, "Title", NULL);
      g_autofree char *grade = g_key_file_get_string (labels, name, "Grade", NULL);
      g_autofree char *manages = g_key_file_get_string (labels, name, "Manages", NULL);
      g_auto(GStrv) references = g_key_file_get_string_list (labels, name, "References", NULL, NULL);
      g_auto(GStrv) levels = g_key_file_get_string_list (labels, name, "Levels", NULL, NULL);
      g_auto(GStrv) expected = g_key_file_get_string_list (labels, name, "Hints", NULL, NULL);
      g_auto(GStrv) unwanted = g_key_file_get_string_list (labels, name, "NotHints", NULL, NULL);
      g_autoptr(BalJob) job = bal_job_new ();
      g_autoptr(GPtrArray) hints = NULL;
      g_autoptr(GPtrArray) candidates = NULL;
      g_autoptr(GString) report = g_string_new (NULL);
      g_autofree char *labels_dir = g_path_get_dirname (labels_path);
      gboolean is_covered = references != NULL && references[0] != NULL && *references[0] != '\0';
      const char *description;
      gint64 id;

      text_path = g_strdup_printf ("%s/%s.txt", labels_dir, name);
      g_assert_true (g_file_get_contents (text_path, &contents, NULL, NULL));
      description = strchr (contents, '\n') ? strchr (contents, '\n') + 1 : "";

      g_free (job->title);
      job->title = g_strdup (title);
      g_free (job->description);
      job->description = g_strdup (description);
      id = bal_jobs_add (project, job, &error);
      g_assert_no_error (error);

      /* The hints, against the labels. */
      hints = bal_hints_find (method, description);
      for (guint i = 0; i < hints->len; i++)
        {
          BalHint *hint = g_ptr_array_index (hints, i);
          g_autofree char *pair = g_strdup_printf ("%s=%s", hint->fact, hint->value);
          g_autofree char *option_pair = g_strdup_printf ("%s=%s", hint->fact, hint->option_id);
          gboolean right = contains (expected, pair) || contains (expected, option_pair);

          hints_given++;
          hints_right += right;
          g_string_append_printf (report, " %s%s", right ? "+" : "-", option_pair);
          if (contains (unwanted, hint->fact))
            g_string_append (report, "(unwanted)");
        }
      for (guint i = 0; expected != NULL && expected[i] != NULL; i++)
        {
          gboolean found = FALSE;

          if (*expected[i] == '\0')
            continue;
          hints_expected++;
          for (guint j = 0; j < hints->len; j++)
            {
              BalHint *hint = g_ptr_array_index (hints, j);
              g_autofree char *pair = g_strdup_printf ("%s=%s", hint->fact, hint->option_id);
              g_autofree char *value_pair = g_strdup_printf ("%s=%s", hint->fact, hint->value);

              found |= g_strcmp0 (pair, expected[i]) == 0 || g_strcmp0 (value_pair, expected[i]) == 0;
            }
          hints_found += found;
          if (!found)
            g_string_append_printf (report, " missed:%s", expected[i]);
        }

      /* The expert's answers. */
      g_assert_cmpuint (g_strv_length (levels), ==, method->characteristics->len);
      for (guint i = 0; i < method->questions->len; i++)
        {
          BalQuestion *q = g_ptr_array_index (method->questions, i);
          int level = 0;
          const char *fact_value = NULL;
          BalQuestionOption *option;

          for (guint c = 0; c < method->characteristics->len; c++)
            if (g_strcmp0 (((BalCharacteristic *)g_ptr_array_index (method->characteristics, c))->id, q->characteristic) == 0)
              level = atoi (levels[c]);
          if (g_strcmp0 (q->fact, "management") == 0)
            fact_value = manages;
          else if (g_strcmp0 (q->fact, "span") == 0 && g_strcmp0 (manages, "none") == 0)
            fact_value = "0";
          option = nearest_option (q, level, fact_value);
          g_assert_nonnull (option);
          g_assert_true (bal_questionnaire_answer (project, id, q->id, option->id, NULL, &error));
        }

      candidates = bal_matching_candidates (project, id, 3, &error);
      g_assert_no_error (error);
      g_string_append (report, " | top:");
      for (guint i = 0; i < candidates->len; i++)
        g_string_append_printf (report, " %s", ((BalCandidate *)g_ptr_array_index (candidates, i))->code);

      if (is_covered)
        {
          g_autoptr(BalComparison) comparison = NULL;
          gboolean hit = FALSE;
          int given, wanted;

          covered++;
          for (guint i = 0; i < candidates->len; i++)
            hit |= contains (references, ((BalCandidate *)g_ptr_array_index (candidates, i))->code);
          top3 += hit;
          if (((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit != NULL)
            {
              false_no_fit++;
              g_string_append_printf (report, " FALSE-NO-FIT(%s)", ((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit);
            }

          comparison = bal_grading_compare (project, id, references[0], &error);
          g_assert_no_error (error);
          graded++;
          given = bal_method_grade_index (method, comparison->proposed_grade);
          wanted = bal_method_grade_index (method, grade);
          exact += given == wanted;
          within += ABS (given - wanted) <= 1;
          g_string_append_printf (report, " | %s: %s (expert %s)%s", references[0], comparison->proposed_grade, grade,
                                  hit ? "" : " NOT-IN-TOP-3");
        }
      else
        {
          gboolean said = ((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit != NULL;

          uncovered++;
          no_fit += said;
          g_string_append_printf (report, " | no fit: %s", said ? "said" : "NOT SAID");
        }

      g_test_message ("%s:%s", name, report->str);
    }

  precision = hints_given ? (double)hints_right / hints_given : 1.0;
  recall = hints_expected ? (double)hints_found / hints_expected : 1.0;

  g_print ("# real jobs: %u texts, %u the handbook covers, %u it does not\n", g_strv_length (groups), covered, uncovered);
  g_print ("# right reference in the top 3: %u of %u (%.0f%%)\n", top3, covered, 100.0 * top3 / covered);
  g_print ("# exact grade: %u of %u (%.0f%%)\n", exact, graded, 100.0 * exact / graded);
  g_print ("# grade within one: %u of %u (%.0f%%)\n", within, graded, 100.0 * within / graded);
  g_print ("# hint precision: %u of %u hints right (%.0f%%)\n", hints_right, hints_given, 100.0 * precision);
  g_print ("# hint recall: %u of %u expected hints found (%.0f%%)\n", hints_found, hints_expected, 100.0 * recall);
  g_print ("# no reference fits, said: %u of %u uncovered; wrongly said of covered jobs: %u\n", no_fit, uncovered, false_no_fit);

  g_assert_cmpfloat ((double)top3 / covered, >=, RECORDED_TOP3 - 1e-9);
  g_assert_cmpfloat ((double)exact / graded, >=, RECORDED_EXACT - 1e-9);
  g_assert_cmpfloat ((double)within / graded, >=, RECORDED_WITHIN_ONE - 1e-9);
  g_assert_cmpfloat (precision, >=, RECORDED_HINT_PRECISION - 1e-9);
  g_assert_cmpfloat (precision, >=, GOAL_HINT_PRECISION);
  g_assert_cmpfloat ((double)exact / graded, >=, GOAL_EXACT);
  g_assert_cmpfloat (recall, >=, RECORDED_HINT_RECALL - 1e-9);
  g_assert_cmpfloat ((double)no_fit / uncovered, >=, RECORDED_NO_FIT - 1e-9);
  g_assert_cmpuint (false_no_fit, <=, RECORDED_FALSE_NO_FIT);

  bal_project_close (project);
  bal_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/realjobs/figures", test_realjobs);

  return g_test_run ();
}
