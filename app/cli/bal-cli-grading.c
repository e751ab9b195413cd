/* bal-cli-grading.c: balans-cli candidates, compare, decide, history and check
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-cli-grading"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bal-audit.h"
#include "bal-cli.h"
#include "bal-consistency.h"
#include "bal-grading.h"
#include "bal-jobs.h"
#include "bal-matching.h"

int
bal_cli_candidates (int    argc,
                    char **argv)
{
  gboolean json = FALSE;
  int limit = 10;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("How many candidates (10)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  gint64 job;
  int rc;

  context = bal_cli_context (_("FILE.balans JOB"), _("Rank the reference functions that may fit a job, with the reasons."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 2, 2)) != BAL_CLI_OK)
    return rc;
  if (limit < 1)
    {
      g_printerr (_("balans-cli: --limit must be 1 or more\n"));
      return BAL_CLI_USAGE;
    }

  if ((job = bal_cli_open_job_for_reading (argv[1], argv[2], &project)) == 0)
    return BAL_CLI_FAILED;

  candidates = bal_matching_candidates (project, job, limit, &error);
  if (candidates == NULL)
    return bal_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "no_fit");
      if (candidates->len > 0 && ((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit != NULL)
        json_builder_add_string_value (builder, ((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "candidates");
      json_builder_begin_array (builder);
      for (guint i = 0; i < candidates->len; i++)
        {
          BalCandidate *c = g_ptr_array_index (candidates, i);

          json_builder_begin_object (builder);
          bal_cli_json_text (builder, "code", c->code);
          bal_cli_json_text (builder, "title", c->title);
          bal_cli_json_text (builder, "family", c->family);
          bal_cli_json_text (builder, "grade", c->grade);
          bal_cli_json_titles (builder, "alternative_titles", c->alternative_titles);
          bal_cli_json_double (builder, "score", c->score);
          json_builder_set_member_name (builder, "distance");
          if (c->distance >= 0)
            json_builder_add_double_value (builder, round (c->distance * 100) / 100);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "reasons");
          json_builder_begin_array (builder);
          for (guint j = 0; j < c->reasons->len; j++)
            json_builder_add_string_value (builder, g_ptr_array_index (c->reasons, j));
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      return bal_cli_print_builder (builder);
    }

  if (candidates->len > 0 && ((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit != NULL)
    {
      g_autofree char *reason = bal_cli_escape (((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit);

      g_print (_("No reference function fits: %s\n"), reason);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      BalCandidate *c = g_ptr_array_index (candidates, i);
      g_autofree char *code = bal_cli_escape (c->code);
      g_autofree char *title = bal_cli_escape (c->title);
      g_autofree char *family = bal_cli_escape (c->family);
      g_autofree char *grade = bal_cli_escape (c->grade);

      g_print ("%.3f  %s %s (%s, %s)\n", c->score, code, title, family, grade);
      for (guint j = 0; j < c->reasons->len; j++)
        {
          g_autofree char *reason = bal_cli_escape (g_ptr_array_index (c->reasons, j));

          g_print ("       %s\n", reason);
        }
    }

  return BAL_CLI_OK;
}

int
bal_cli_compare (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  gint64 job;
  int rc;

  if ((rc = bal_cli_parse_json (&argc, &argv, _("FILE.balans JOB REFERENCE"), _("Compare a job with a reference function per characteristic, and propose a grade."), 3, 3, &json)) != BAL_CLI_OK)
    return rc;

  if ((job = bal_cli_open_job_for_reading (argv[1], argv[2], &project)) == 0)
    return BAL_CLI_FAILED;

  comparison = bal_grading_compare (project, job, argv[3], &error);
  if (comparison == NULL)
    return bal_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      bal_cli_json_text (builder, "reference", comparison->reference_code);
      json_builder_set_member_name (builder, "characteristics");
      json_builder_begin_array (builder);
      for (guint i = 0; i < comparison->lines->len; i++)
        {
          BalComparisonLine *line = g_ptr_array_index (comparison->lines, i);

          json_builder_begin_object (builder);
          bal_cli_json_text (builder, "characteristic", line->characteristic_id);
          bal_cli_json_level (builder, "job_level", line->job_level);
          bal_cli_json_level (builder, "reference_level", line->reference_level);
          json_builder_set_member_name (builder, "proposed_verdict");
          if (line->proposed != BAL_VERDICT_NONE)
            json_builder_add_string_value (builder, bal_verdict_to_string (line->proposed));
          else
            json_builder_add_null_value (builder);
          bal_cli_json_boolean (builder, "lesser", line->lesser);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "proposed_verdict");
      if (comparison->overall.verdict != BAL_VERDICT_NONE)
        json_builder_add_string_value (builder, bal_verdict_to_string (comparison->overall.verdict));
      else
        json_builder_add_null_value (builder);
      bal_cli_json_text (builder, "proposed_grade", comparison->proposed_grade);
      bal_cli_json_text (builder, "explanation", comparison->explanation);
      bal_cli_json_int (builder, "answered_questions", comparison->answered_questions);
      bal_cli_json_int (builder, "total_questions", comparison->total_questions);
      bal_cli_json_boolean (builder, "complete", comparison->complete);
      bal_cli_json_optional_string (builder, "no_fit", comparison->no_fit);
      bal_cli_json_optional_string (builder, "suggested_reference", comparison->suggested_code);
      json_builder_set_member_name (builder, "warnings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < comparison->warnings->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (comparison->warnings, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      return bal_cli_print_builder (builder);
    }

  {
    g_autofree char *code = bal_cli_escape (comparison->reference_code);
    g_autofree char *title = bal_cli_escape (comparison->reference_title);
    g_autofree char *grade = bal_cli_escape (comparison->reference_grade);

    g_print (_("%s %s, grade %s\n"), code, title, grade);
  }
  for (guint i = 0; i < comparison->lines->len; i++)
    {
      BalComparisonLine *line = g_ptr_array_index (comparison->lines, i);
      g_autofree char *name = bal_cli_escape (line->name);
      char level[16] = "-";

      if (line->job_level > 0)
        g_snprintf (level, sizeof level, "%d", line->job_level);
      g_print ("  %-20s %s %-3s %s %-3d %s\n", name, _("job"), level, _("reference"),
               line->reference_level, bal_verdict_label (line->proposed));
    }
  {
    g_autofree char *grade = bal_cli_escape (comparison->proposed_grade);

    g_autofree char *explanation = bal_cli_escape (comparison->explanation);

    g_print (_("Proposed: %s, grade %s\n"), bal_verdict_label (comparison->overall.verdict), grade);
    g_print ("  %s\n", explanation);
  }
  for (guint i = 0; i < comparison->warnings->len; i++)
    {
      g_autofree char *warning = bal_cli_escape (g_ptr_array_index (comparison->warnings, i));

      g_print ("  ! %s\n", warning);
    }

  return BAL_CLI_OK;
}

int
bal_cli_decide (int    argc,
                char **argv)
{
  g_autofree char *reference = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *justification = NULL;
  g_autofree char *departure = NULL;
  g_autofree char *evaluator = NULL;
  g_auto(GStrv) verdicts = NULL;
  const GOptionEntry entries[] = {
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference, N_("The reference function (required)"), N_("CODE") },
    { "grade", 0, 0, G_OPTION_ARG_STRING, &grade, N_("The grade (required)"), N_("G") },
    { "justification", 0, 0, G_OPTION_ARG_STRING, &justification, N_("Why the job has this grade (required)"), N_("TEXT") },
    { "verdict", 0, 0, G_OPTION_ARG_STRING_ARRAY, &verdicts, N_("A verdict on one characteristic; the others follow the proposal"), N_("CHARACTERISTIC=lighter|equal|heavier") },
    { "departure-reason", 0, 0, G_OPTION_ARG_STRING, &departure, N_("Why the decision departs from the proposal, or is taken on an incomplete questionnaire or where no reference fits (required then)"), N_("TEXT") },
    { "evaluator", 0, 0, G_OPTION_ARG_STRING, &evaluator, N_("Who decides"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  BalDecisionInput input = { 0 };
  gint64 job;
  gint64 id;
  int rc;

  context = bal_cli_context (_("FILE.balans JOB"), _("Record the grading decision of a job. A revision is a new decision; the earlier ones are kept."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 2, 2)) != BAL_CLI_OK)
    return rc;

  if (reference == NULL || grade == NULL || justification == NULL)
    {
      g_printerr (_("balans-cli: decide needs --reference, --grade and --justification\n"));
      return BAL_CLI_USAGE;
    }

  for (guint i = 0; verdicts != NULL && verdicts[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (verdicts[i], "=", 2);
      BalVerdict verdict = parts[1] ? bal_verdict_from_string (parts[1]) : BAL_VERDICT_NONE;

      if (verdict == BAL_VERDICT_NONE)
        {
          g_printerr (_("balans-cli: “%s” is not CHARACTERISTIC=lighter|equal|heavier\n"), verdicts[i]);
          return BAL_CLI_USAGE;
        }
      g_hash_table_insert (chosen, g_strdup (parts[0]), GINT_TO_POINTER (verdict));
    }

  if ((job = bal_cli_open_job (argv[1], argv[2], &project)) == 0)
    return BAL_CLI_FAILED;

  input.reference_code = reference;
  input.grade = grade;
  input.justification = justification;
  input.departure = departure;
  input.evaluator = evaluator;  /* NULL: the author (--author, or the name set in Balans) */
  input.verdicts = chosen;

  id = bal_grading_decide (project, job, &input, &error);
  if (id == 0)
    return bal_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", id);

  return BAL_CLI_OK;
}

int
bal_cli_history (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 job;
  int rc;

  if ((rc = bal_cli_parse_json (&argc, &argv, _("FILE.balans JOB"), _("Print every decision about a job, newest first."), 2, 2, &json)) != BAL_CLI_OK)
    return rc;

  if ((job = bal_cli_open_job_for_reading (argv[1], argv[2], &project)) == 0)
    return BAL_CLI_FAILED;

  decisions = bal_grading_history (project, job, &error);
  if (decisions == NULL)
    return bal_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      bal_cli_json_begin_list (builder, "decisions");
      for (guint i = 0; i < decisions->len; i++)
        {
          BalDecision *d = g_ptr_array_index (decisions, i);

          json_builder_begin_object (builder);
          bal_cli_json_int (builder, "id", d->id);
          bal_cli_json_text (builder, "reference", d->reference_code);
          bal_cli_json_text (builder, "reference_title", d->reference_title);
          bal_cli_json_text (builder, "grade", d->grade);
          bal_cli_json_text (builder, "proposed_grade", d->proposed_grade);
          bal_cli_json_text (builder, "verdict", bal_verdict_to_string (d->verdict));
          bal_cli_json_text (builder, "proposed_verdict", bal_verdict_to_string (d->proposed_verdict));
          bal_cli_json_text (builder, "justification", d->justification);
          bal_cli_json_text (builder, "departure", d->departure);
          bal_cli_json_text (builder, "evaluator", d->evaluator);
          bal_cli_json_text (builder, "date", d->decided);
          bal_cli_json_id (builder, "supersedes", d->supersedes);
          json_builder_set_member_name (builder, "characteristics");
          json_builder_begin_array (builder);
          for (guint j = 0; j < d->verdicts->len; j++)
            {
              BalDecisionVerdict *v = g_ptr_array_index (d->verdicts, j);

              json_builder_begin_object (builder);
              bal_cli_json_text (builder, "characteristic", v->characteristic_id);
              bal_cli_json_level (builder, "job_level", v->job_level);
              bal_cli_json_level (builder, "reference_level", v->reference_level);
              bal_cli_json_text (builder, "proposed_verdict", bal_verdict_to_string (v->proposed));
              bal_cli_json_text (builder, "verdict", bal_verdict_to_string (v->verdict));
              bal_cli_json_text (builder, "note", v->note);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      return bal_cli_print_list (builder);
    }

  for (guint i = 0; i < decisions->len; i++)
    {
      BalDecision *d = g_ptr_array_index (decisions, i);
      g_autofree char *decided = bal_cli_escape (d->decided);
      g_autofree char *grade = bal_cli_escape (d->grade);
      g_autofree char *code = bal_cli_escape (d->reference_code);
      g_autofree char *title = bal_cli_escape (d->reference_title);
      g_autofree char *evaluator = bal_cli_escape (d->evaluator);
      g_autofree char *justification = bal_cli_escape (d->justification);

      g_print (_("%s  grade %s against %s %s, by %s\n  %s\n"), decided, grade, code, title, evaluator, justification);
    }

  return BAL_CLI_OK;
}

int
bal_cli_check (int    argc,
               char **argv)
{
  gboolean json = FALSE;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  GPtrArray *integrity;
  int rc;

  if ((rc = bal_cli_parse_json (&argc, &argv, _("FILE.balans"), _("Check that a project is as Balans wrote it, and its gradings for consistency."), 1, 1, &json)) != BAL_CLI_OK)
    return rc;

  project = bal_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return BAL_CLI_FAILED;

  integrity = bal_project_get_findings (project);
  head = bal_audit_head_fingerprint (project);

  findings = bal_consistency_check (project, &error);
  if (findings == NULL)
    return bal_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      bal_cli_json_text (builder, "audit_head", head ? head : "");
      json_builder_set_member_name (builder, "changed_outside_balans");
      json_builder_begin_array (builder);
      for (guint i = 0; i < integrity->len; i++)
        {
          BalIntegrityFinding *f = g_ptr_array_index (integrity, i);

          json_builder_begin_object (builder);
          bal_cli_json_int (builder, "entry", f->audit_id);
          bal_cli_json_int (builder, "job", f->job_id);
          bal_cli_json_text (builder, "message", f->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "findings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < findings->len; i++)
        {
          BalFinding *f = g_ptr_array_index (findings, i);

          json_builder_begin_object (builder);
          bal_cli_json_text (builder, "kind", f->kind);
          bal_cli_json_int (builder, "job", f->job_id);
          bal_cli_json_text (builder, "job_title", f->job_title);
          bal_cli_json_text (builder, "message", f->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      bal_cli_print_json (root);

      return integrity->len > 0 ? BAL_CLI_FAILED : BAL_CLI_OK;
    }

  /* What Balans did not write comes first, and is a failure. */
  if (integrity->len > 0)
    {
      g_print (_("Changed outside Balans:\n"));
      for (guint i = 0; i < integrity->len; i++)
        {
          BalIntegrityFinding *f = g_ptr_array_index (integrity, i);
          g_autoptr(BalJob) job = f->job_id != 0 ? bal_jobs_get (project, f->job_id, NULL) : NULL;
          g_autofree char *message = bal_cli_escape (f->message);
          g_autofree char *title = job != NULL ? bal_cli_escape (job->title) : NULL;

          if (title != NULL)
            g_print ("  %s: %s\n", title, message);
          else
            g_print ("  %s\n", message);
        }
    }
  else
    g_print (_("The audit log is as Balans wrote it; every entry is signed.\n"));
  if (head != NULL)
    g_print (_("Audit log head: %s\n"), head);

  if (findings->len == 0)
    g_print (_("No findings: the gradings are consistent.\n"));
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *message = bal_cli_escape (((BalFinding *)g_ptr_array_index (findings, i))->message);

      g_print ("%s\n", message);
    }

  if (integrity->len > 0)
    {
      g_printerr (_("balans-cli: %s was changed outside Balans\n"), argv[1]);
      return BAL_CLI_FAILED;
    }

  return BAL_CLI_OK;
}
