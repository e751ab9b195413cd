/* test-jobs.c: jobs, the questionnaire's answers and the profile
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bal-demo.h"
#include "bal-grading.h"
#include "bal-jobs.h"
#include "bal-profile.h"
#include "bal-questionnaire.h"
#include "bal-review.h"
#include "test-cli-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  BalProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("balans-jobs-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "jobs.balans", NULL);
  file = g_file_new_for_path (f->path);
  f->project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  bal_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
add (BalProject *project,
     const char *title,
     gint64      reports_to)
{
  g_autoptr(BalJob) job = bal_job_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (job->title);
  job->title = g_strdup (title);
  job->reports_to = reports_to;
  id = bal_jobs_add (project, job, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(BalJob) job = bal_job_new ();
  g_autoptr(BalJob) read = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (job->title);
  job->title = g_strdup ("  Medewerker webcare ");
  g_free (job->department);
  job->department = g_strdup ("Klantenservice");
  job->incumbents = 3;
  g_free (job->description);
  job->description = g_strdup ("Beantwoordt berichten op sociale media.");

  id = bal_jobs_add (f->project, job, &error);
  g_assert_no_error (error);

  read = bal_jobs_get (f->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->title, ==, "Medewerker webcare");
  g_assert_cmpstr (read->department, ==, "Klantenservice");
  g_assert_cmpint (read->incumbents, ==, 3);
  g_assert_cmpint (read->questions, >=, 20);
  g_assert_cmpint (read->answered, ==, 0);

  g_free (read->title);
  read->title = g_strdup ("Senior medewerker webcare");
  g_assert_true (bal_jobs_update (f->project, read, &error));
  g_assert_no_error (error);

  found = bal_jobs_list (f->project, "senior", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((BalJob *)g_ptr_array_index (found, 0))->title, ==, "Senior medewerker webcare");

  g_free (read->title);
  read->title = g_strdup ("   ");
  g_assert_false (bal_jobs_update (f->project, read, &error));
  g_assert_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_INVALID);
}

static void
test_reports_to_cycles (Fixture       *f,
                        gconstpointer  data)
{
  gint64 director = add (f->project, "Directeur", 0);
  gint64 manager = add (f->project, "Manager", director);
  gint64 agent = add (f->project, "Medewerker", manager);
  g_autoptr(BalJob) top = bal_jobs_get (f->project, director, NULL);
  g_autoptr(BalJob) ghost = bal_job_new ();
  g_autoptr(GError) error = NULL;

  /* The director cannot report to someone under them, nor to themselves. */
  top->reports_to = agent;
  g_assert_false (bal_jobs_update (f->project, top, &error));
  g_assert_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_INVALID);
  g_clear_error (&error);

  top->reports_to = director;
  g_assert_false (bal_jobs_update (f->project, top, &error));
  g_assert_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_INVALID);
  g_clear_error (&error);

  g_free (ghost->title);
  ghost->title = g_strdup ("Spook");
  ghost->reports_to = 999;
  g_assert_cmpint (bal_jobs_add (f->project, ghost, &error), ==, 0);
  g_assert_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_NOT_FOUND);
}

static void
test_duplicate_delete_undo (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = add (f->project, "Planner", 0);
  g_autoptr(BalJob) copy = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 copy_id;

  g_assert_true (bal_questionnaire_answer (f->project, id, "education", "mbo4", "Vraagt MBO-4.", &error));
  copy_id = bal_jobs_duplicate (f->project, id, &error);
  g_assert_no_error (error);
  copy = bal_jobs_get (f->project, copy_id, &error);
  g_assert_cmpstr (copy->title, ==, "Planner (copy)");
  answers = bal_questionnaire_answers (f->project, copy_id, &error);
  g_assert_cmpuint (answers->len, ==, 1);
  g_assert_cmpstr (((BalAnswer *)g_ptr_array_index (answers, 0))->evidence, ==, "Vraagt MBO-4.");

  before = bal_jobs_list (f->project, NULL, &error);
  g_assert_true (bal_jobs_delete (f->project, id, &error));
  after = bal_jobs_list (f->project, NULL, &error);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  g_assert_null (bal_jobs_get (f->project, id, NULL));

  /* Undo brings it back with its answers. */
  g_assert_true (bal_jobs_undelete (f->project, id, &error));
  g_clear_pointer (&answers, g_ptr_array_unref);
  answers = bal_questionnaire_answers (f->project, id, &error);
  g_assert_cmpuint (answers->len, ==, 1);

  /* A deletion left in place is gone when the project is opened again. */
  g_assert_true (bal_jobs_delete (f->project, copy_id, &error));
  bal_project_close (f->project);
  g_clear_object (&f->project);
  {
    g_autoptr(GFile) file = g_file_new_for_path (f->path);

    f->project = bal_project_open (file, &error);
    g_assert_no_error (error);
    g_assert_false (bal_jobs_undelete (f->project, copy_id, &error));
    g_assert_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_NOT_FOUND);
  }
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  gint64 a = add (f->project, "Adviseur", 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, a);

  add (f->project, "Dubbel", 0);
  add (f->project, "Dubbel", 0);

  g_assert_cmpint (bal_jobs_find (f->project, "Adviseur", &error), ==, a);
  g_assert_cmpint (bal_jobs_find (f->project, number, &error), ==, a);
  g_assert_cmpint (bal_jobs_find (f->project, "Dubbel", &error), ==, 0);
  g_assert_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_AMBIGUOUS);
  g_clear_error (&error);
  g_assert_cmpint (bal_jobs_find (f->project, "Niemand", &error), ==, 0);
  g_assert_error (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_NOT_FOUND);
}

static void
test_answers_refused (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add (f->project, "Monteur", 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (bal_questionnaire_answer (f->project, id, "education", "phd", NULL, &error));
  g_assert_error (error, BAL_QUESTIONNAIRE_ERROR, BAL_QUESTIONNAIRE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bal_questionnaire_answer (f->project, id, "courage", "high", NULL, &error));
  g_assert_error (error, BAL_QUESTIONNAIRE_ERROR, BAL_QUESTIONNAIRE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bal_questionnaire_set_evidence (f->project, id, "education", "bewijs", &error));
  g_assert_error (error, BAL_QUESTIONNAIRE_ERROR, BAL_QUESTIONNAIRE_ERROR_NOT_FOUND);
}

static void
test_profile_rule (void)
{
  const int three_four[] = { 3, 4 };
  const int one_two_two[] = { 1, 2, 2 };
  const int two_two_three[] = { 2, 2, 3 };
  const int five[] = { 5 };

  g_assert_cmpint (bal_profile_level_of (NULL, 0), ==, 0);
  g_assert_cmpint (bal_profile_level_of (five, 1), ==, 5);
  g_assert_cmpint (bal_profile_level_of (three_four, 2), ==, 4);      /* 3.5 rounds up */
  g_assert_cmpint (bal_profile_level_of (one_two_two, 3), ==, 2);     /* 1.67 */
  g_assert_cmpint (bal_profile_level_of (two_two_three, 3), ==, 2);   /* 2.33 */
}

static void
test_profile_unanswered (Fixture       *f,
                         gconstpointer  data)
{
  gint64 id = add (f->project, "Adviseur inside sales", 0);
  g_autoptr(BalJobProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  BalJobLevel *complexity, *risk, *autonomy;

  /* education is level 4 (mbo4), experience level 3 (3 years): 3.5 -> 4 */
  g_assert_true (bal_questionnaire_answer (f->project, id, "education", "mbo4", NULL, &error));
  g_assert_true (bal_questionnaire_answer (f->project, id, "experience", "years-3", "Drie jaar", &error));
  g_assert_true (bal_questionnaire_answer (f->project, id, "external", "advice", NULL, &error));

  profile = bal_profile_compute (f->project, id, &error);
  g_assert_no_error (error);

  complexity = bal_job_profile_find (profile, "complexity");
  g_assert_cmpint (complexity->level, ==, 4);
  g_assert_cmpuint (complexity->answers->len, ==, 2);
  g_assert_cmpstr (((BalAnswer *)g_ptr_array_index (complexity->answers, 1))->evidence, ==, "Drie jaar");
  g_assert_cmpuint (complexity->unanswered->len, >, 0);

  risk = bal_job_profile_find (profile, "risk");
  g_assert_cmpint (risk->level, ==, 3);

  /* Nothing answered: no level, never the lowest. */
  autonomy = bal_job_profile_find (profile, "autonomy");
  g_assert_cmpint (autonomy->level, ==, 0);
  g_assert_cmpuint (autonomy->answers->len, ==, 0);
  g_assert_true (g_ptr_array_find_with_equal_func (profile->unanswered, "supervision", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (profile->unanswered, "education", g_str_equal, NULL));
}

static void
overview_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GPtrArray **jobs = user_data;
  g_autoptr(GError) error = NULL;

  *jobs = bal_jobs_overview_finish (BAL_PROJECT (source), result, &error);
  g_assert_no_error (error);
}

/* Each job with its decision in force and latest status, in one query, the
 * same from the worker thread as from the caller's. */
static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) async_jobs = NULL;
  BalDecisionInput first = { "KS.02", "D", "Gelijk aan KS.02.", "Zo besloten.", "Iris", NULL, NULL };
  BalDecisionInput second = { "KS.02", "E", "Zwaarder dan KS.02.", "Herzien.", "Iris", NULL, NULL };
  gint64 graded = add (f->project, "Medewerker klantenservice", 0);
  gint64 plain = add (f->project, "Archiefmedewerker", 0);
  BalJobOverview *o;

  g_assert_cmpint (bal_grading_decide (f->project, graded, &first, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (bal_grading_decide (f->project, graded, &second, &error), >, 0);
  g_assert_no_error (error);
  bal_project_set_author (f->project, "Iris de Vries", "evaluator");
  g_assert_true (bal_review_set_status (f->project, graded, "proposed", NULL, &error));
  g_assert_no_error (error);

  jobs = bal_jobs_overview (f->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 2);
  o = g_ptr_array_index (jobs, 0);
  g_assert_cmpint (o->job->id, ==, plain);
  g_assert_null (o->grade);
  g_assert_cmpstr (o->status, ==, "draft");
  o = g_ptr_array_index (jobs, 1);
  g_assert_cmpint (o->job->id, ==, graded);
  g_assert_cmpstr (o->grade, ==, "E");
  g_assert_cmpstr (o->reference_code, ==, "KS.02");
  g_assert_cmpstr (o->status, ==, "proposed");

  bal_jobs_overview_async (f->project, "klant", NULL, overview_done, &async_jobs);
  while (async_jobs == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (async_jobs->len, ==, 1);
  o = g_ptr_array_index (async_jobs, 0);
  g_assert_cmpint (o->job->id, ==, graded);
  g_assert_cmpstr (o->grade, ==, "E");
  g_assert_cmpstr (o->status, ==, "proposed");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/jobs/crud", test_crud);
  ADD ("/jobs/overview", test_overview);
  ADD ("/jobs/reports-to/cycles", test_reports_to_cycles);
  ADD ("/jobs/duplicate-delete-undo", test_duplicate_delete_undo);
  ADD ("/jobs/find", test_find);
  ADD ("/jobs/answers/refused", test_answers_refused);
  ADD ("/profile/unanswered", test_profile_unanswered);
#undef ADD
  g_test_add_func ("/profile/rule", test_profile_rule);

  return g_test_run ();
}
