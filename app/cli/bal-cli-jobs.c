/* bal-cli-jobs.c: balans-cli job and questionnaire
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-cli-jobs"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bal-cli.h"
#include "bal-handbook.h"
#include "bal-hints.h"
#include "bal-importer.h"
#include "bal-job-import.h"
#include "bal-jobs.h"
#include "bal-profile.h"
#include "bal-questionnaire.h"

/* A vacancy text or job description is a few pages. */
#define MAX_DESCRIPTION_SIZE (1024 * 1024)

static gint64
find_job (BalProject *project,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bal_jobs_find (project, name, &error);

  if (id == 0)
    bal_cli_fail (error);

  return id;
}

static int
job_add (int    argc,
         char **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *department = NULL;
  g_autofree char *reports_to = NULL;
  g_autofree char *description_file = NULL;
  int incumbents = 1;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The job’s title (required)"), N_("TITLE") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_("The department"), N_("NAME") },
    { "reports-to", 0, 0, G_OPTION_ARG_STRING, &reports_to, N_("The job it reports to, by id or title"), N_("JOB") },
    { "incumbents", 0, 0, G_OPTION_ARG_INT, &incumbents, N_("How many people hold the job"), N_("N") },
    { "description-file", 0, 0, G_OPTION_ARG_FILENAME, &description_file, N_("A text file with the vacancy or job description"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalJob) job = bal_job_new ();
  g_autoptr(GError) error = NULL;
  int rc;

  context = bal_cli_context (_("FILE.balans"), _("Add a job; prints its id."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 1, 1)) != BAL_CLI_OK)
    return rc;

  if (title == NULL)
    {
      g_printerr (_("balans-cli: a job needs --title\n"));
      return BAL_CLI_USAGE;
    }

  project = bal_cli_open_project (argv[1]);
  if (project == NULL)
    return BAL_CLI_FAILED;

  g_free (job->title);
  job->title = g_steal_pointer (&title);
  if (department != NULL)
    {
      g_free (job->department);
      job->department = g_steal_pointer (&department);
    }
  job->incumbents = incumbents;

  if (reports_to != NULL && (job->reports_to = find_job (project, reports_to)) == 0)
    return BAL_CLI_FAILED;

  if (description_file != NULL)
    {
      g_autofree char *text = NULL;
      gsize length = 0;

      text = bal_read_text_file (description_file, MAX_DESCRIPTION_SIZE, &length, &error);
      if (text == NULL)
        return bal_cli_fail (error);
      g_free (job->description);
      job->description = g_utf8_make_valid (text, length);
    }

  if (bal_jobs_add (project, job, &error) == 0)
    return bal_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", job->id);

  return BAL_CLI_OK;
}

static int
job_list (int    argc,
          char **argv)
{
  gboolean json = FALSE;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  if ((rc = bal_cli_parse_json (&argc, &argv, _("FILE.balans"), _("List the project’s jobs."), 1, 1, &json)) != BAL_CLI_OK)
    return rc;

  project = bal_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return BAL_CLI_FAILED;

  jobs = bal_jobs_list (project, NULL, &error);
  if (jobs == NULL)
    return bal_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      bal_cli_json_begin_list (builder, "jobs");
      for (guint i = 0; i < jobs->len; i++)
        {
          BalJob *job = g_ptr_array_index (jobs, i);

          json_builder_begin_object (builder);
          bal_cli_json_int (builder, "id", job->id);
          bal_cli_json_string (builder, "title", job->title);
          bal_cli_json_string (builder, "department", job->department);
          bal_cli_json_id (builder, "reports_to", job->reports_to);
          bal_cli_json_int (builder, "incumbents", job->incumbents);
          bal_cli_json_int (builder, "answered", job->answered);
          bal_cli_json_int (builder, "questions", job->questions);
          json_builder_end_object (builder);
        }
      return bal_cli_print_list (builder);
    }

  for (guint i = 0; i < jobs->len; i++)
    {
      BalJob *job = g_ptr_array_index (jobs, i);
      g_autofree char *title = bal_cli_escape (job->title);
      g_autofree char *department = bal_cli_escape (job->department);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%d\t%s\n", job->id, title, department,
               job->incumbents, bal_job_status_text (job));
    }

  return BAL_CLI_OK;
}

static int
job_answer (int    argc,
            char **argv)
{
  g_autofree char *evidence = NULL;
  const GOptionEntry entries[] = {
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &evidence, N_("The evidence for the answer"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 job;
  int rc;

  context = bal_cli_context (_("FILE.balans JOB QUESTION OPTION"), _("Answer a question of the questionnaire for a job."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 4, 4)) != BAL_CLI_OK)
    return rc;

  if ((job = bal_cli_open_job (argv[1], argv[2], &project)) == 0)
    return BAL_CLI_FAILED;

  if (!bal_questionnaire_answer (project, job, argv[3], argv[4], evidence, &error))
    return bal_cli_fail (error);

  return BAL_CLI_OK;
}

static int
job_hints (int    argc,
           char **argv)
{
  gboolean json = FALSE;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalJob) job = NULL;
  g_autoptr(GPtrArray) hints = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int rc;

  if ((rc = bal_cli_parse_json (&argc, &argv, _("FILE.balans JOB"), _("Propose answers from the job’s description, each with the sentence it came from."), 2, 2, &json)) != BAL_CLI_OK)
    return rc;

  if ((id = bal_cli_open_job (argv[1], argv[2], &project)) == 0)
    return BAL_CLI_FAILED;

  job = bal_jobs_get (project, id, &error);
  hints = job ? bal_hints_for_job (project, id, job->description, &error) : NULL;
  if (hints == NULL)
    return bal_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      bal_cli_json_begin_list (builder, "hints");
      for (guint i = 0; i < hints->len; i++)
        {
          BalHint *hint = g_ptr_array_index (hints, i);

          json_builder_begin_object (builder);
          bal_cli_json_string (builder, "question", hint->question_id);
          bal_cli_json_string (builder, "option", hint->option_id);
          bal_cli_json_string (builder, "evidence", hint->evidence);
          json_builder_end_object (builder);
        }
      return bal_cli_print_list (builder);
    }

  for (guint i = 0; i < hints->len; i++)
    {
      BalHint *hint = g_ptr_array_index (hints, i);
      g_autofree char *question = bal_cli_escape (hint->question_id);
      g_autofree char *option = bal_cli_escape (hint->option_id);
      g_autofree char *option_text = bal_cli_escape (hint->option_text);
      g_autofree char *evidence = bal_cli_escape (hint->evidence);

      g_print ("%s = %s (%s)\n  “%s”\n", question, option, option_text, evidence);
    }

  return BAL_CLI_OK;
}

static int
job_profile (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalJobProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int rc;

  if ((rc = bal_cli_parse_json (&argc, &argv, _("FILE.balans JOB"), _("Print the job’s level per characteristic and the questions not yet answered."), 2, 2, &json)) != BAL_CLI_OK)
    return rc;

  if ((id = bal_cli_open_job (argv[1], argv[2], &project)) == 0)
    return BAL_CLI_FAILED;

  profile = bal_profile_compute (project, id, &error);
  if (profile == NULL)
    return bal_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "profile");
      json_builder_begin_object (builder);
      for (guint i = 0; i < profile->levels->len; i++)
        {
          BalJobLevel *level = g_ptr_array_index (profile->levels, i);

          bal_cli_json_level (builder, level->characteristic_id, level->level);
        }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "unanswered");
      json_builder_begin_array (builder);
      for (guint i = 0; i < profile->unanswered->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (profile->unanswered, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      return bal_cli_print_builder (builder);
    }

  for (guint i = 0; i < profile->levels->len; i++)
    {
      BalJobLevel *level = g_ptr_array_index (profile->levels, i);
      g_autofree char *name = bal_cli_escape (level->name);

      if (level->level > 0)
        g_print (_("%s: %d of %d (%u answers)\n"), name, level->level, level->levels, level->answers->len);
      else
        g_print (_("%s: not answered\n"), name);
    }
  if (profile->unanswered->len > 0)
    {
      g_autofree char *joined = NULL;
      g_autofree char *list = NULL;

      g_ptr_array_add (profile->unanswered, NULL);
      joined = g_strjoinv (", ", (char **)profile->unanswered->pdata);
      list = bal_cli_escape (joined);
      g_print (_("Not answered: %s\n"), list);
    }

  return BAL_CLI_OK;
}

/* How the columns of the file were read, for the user to check. */
static void
print_mapping (BalJobImport *import)
{
  const char *delimiter = import->delimiter == ';' ? _("semicolon") : import->delimiter == ',' ? _("comma") : _("tab");

  g_print (_("Read as %s, fields separated by %s.\n"), import->encoding, delimiter);
  for (guint f = 0; f < BAL_JOB_N_FIELDS; f++)
    {
      int column = import->columns[f];

      if (column >= 0)
        {
          g_autofree char *header = bal_cli_escape (import->headers[column]);

          g_print (_("  %-12s ← column %d, “%s”\n"), bal_job_field_label (f), column + 1, header);
        }
      else
        g_print (_("  %-12s ← no column\n"), bal_job_field_label (f));
    }
}

static int
job_import (int    argc,
            char **argv)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would be imported, and write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalJobImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint added;
  int rc;

  context = bal_cli_context (_("FILE.balans JOBS.csv"),
                             _("Add the jobs of a CSV file, as a spreadsheet saves it: a header row naming the columns "
                               "(title, department, reports to, incumbents, description; in Dutch or English), "
                               "then a job per row. All of them are added, or none."),
                             entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 2, 2)) != BAL_CLI_OK)
    return rc;

  project = dry_run ? bal_cli_open_project_for_reading (argv[1]) : bal_cli_open_project (argv[1]);
  if (project == NULL)
    return BAL_CLI_FAILED;

  file = g_file_new_for_commandline_arg (argv[2]);
  import = bal_job_import_read (project, file, &error);
  if (import == NULL)
    return bal_cli_fail (error);

  print_mapping (import);
  for (guint i = 0; i < import->problems->len; i++)
    {
      g_autofree char *message = bal_cli_escape (((BalJobImportProblem *)g_ptr_array_index (import->problems, i))->message);

      g_printerr ("%s\n", message);
    }

  if (dry_run)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u job would be added.\n", "%u jobs would be added.\n", import->rows->len),
               import->rows->len);
      return import->problems->len > 0 ? BAL_CLI_FAILED : BAL_CLI_OK;
    }

  added = bal_job_import_apply (project, import, &error);
  if (added == 0 && error != NULL)
    return bal_cli_fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u job added.\n", "%u jobs added.\n", added), added);

  return BAL_CLI_OK;
}

static const BalCliCommand job_commands[] = {
  { "add", N_("Add a job"), job_add },
  { "list", N_("List the jobs"), job_list },
  { "answer", N_("Answer a question for a job"), job_answer },
  { "hints", N_("Propose answers from the job’s description"), job_hints },
  { "profile", N_("Print the job’s profile"), job_profile },
  { "import", N_("Add the jobs of a CSV file"), job_import },
};

int
bal_cli_job (int    argc,
             char **argv)
{
  if (argc >= 2)
    {
      for (guint i = 0; i < G_N_ELEMENTS (job_commands); i++)
        if (strcmp (argv[1], job_commands[i].name) == 0)
          {
            g_autofree char *prgname = g_strdup_printf ("balans-cli job %s", job_commands[i].name);

            g_set_prgname (prgname);
            return job_commands[i].run (argc - 1, argv + 1);
          }
    }

  {
    gboolean help = argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0);
    FILE *out = help ? stdout : stderr;

    fprintf (out, "%s\n\n", _("Usage: balans-cli job COMMAND [OPTION…] FILE…"));
    for (guint i = 0; i < G_N_ELEMENTS (job_commands); i++)
      fprintf (out, "  %-10s %s\n", job_commands[i].name, _(job_commands[i].summary));

    return help ? BAL_CLI_OK : BAL_CLI_USAGE;
  }
}

int
bal_cli_questionnaire (int    argc,
                       char **argv)
{
  gboolean json = FALSE;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  if ((rc = bal_cli_parse_json (&argc, &argv, _("FILE.balans"), _("Print the questionnaire of the project’s method."), 1, 1, &json)) != BAL_CLI_OK)
    return rc;

  project = bal_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return BAL_CLI_FAILED;

  method = bal_handbook_load_method (project, &error);
  if (method == NULL)
    return bal_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      bal_cli_json_begin_list (builder, "questions");
      for (guint i = 0; i < method->questions->len; i++)
        {
          BalQuestion *q = g_ptr_array_index (method->questions, i);

          json_builder_begin_object (builder);
          bal_cli_json_string (builder, "id", q->id);
          bal_cli_json_string (builder, "characteristic", q->characteristic);
          bal_cli_json_string (builder, "text", q->text);
          bal_cli_json_string (builder, "help", q->help);
          json_builder_set_member_name (builder, "options");
          json_builder_begin_array (builder);
          for (guint j = 0; j < q->options->len; j++)
            {
              BalQuestionOption *o = g_ptr_array_index (q->options, j);

              json_builder_begin_object (builder);
              bal_cli_json_string (builder, "id", o->id);
              bal_cli_json_int (builder, "level", o->level);
              bal_cli_json_string (builder, "text", o->text);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      return bal_cli_print_list (builder);
    }

  for (guint i = 0; i < method->questions->len; i++)
    {
      BalQuestion *q = g_ptr_array_index (method->questions, i);
      g_autofree char *id = bal_cli_escape (q->id);
      g_autofree char *characteristic = bal_cli_escape (q->characteristic);
      g_autofree char *text = bal_cli_escape (q->text);

      g_print ("%s [%s] %s\n", id, characteristic, text);
      for (guint j = 0; j < q->options->len; j++)
        {
          BalQuestionOption *o = g_ptr_array_index (q->options, j);
          g_autofree char *option_id = bal_cli_escape (o->id);
          g_autofree char *option_text = bal_cli_escape (o->text);

          g_print ("  %-12s %d  %s\n", option_id, o->level, option_text);
        }
    }

  return BAL_CLI_OK;
}
