/* bal-cli-procedure.c: balans-cli notice, objection, description and scale
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-cli-procedure"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bal-cli.h"
#include "bal-description.h"
#include "bal-handbook.h"
#include "bal-method.h"
#include "bal-notice.h"
#include "bal-objection.h"
#include "bal-review.h"

int
bal_cli_notice (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out = NULL;
  gint64 job;
  int rc;

  context = bal_cli_context (_("FILE.balans JOB OUT.pdf"),
                             _("Write the notice (indelingsbrief) of a job’s grading as an A4 PDF, in your language. "
                               "The first notice of a decision records its date and the last day to object."), NULL);
  if ((rc = bal_cli_parse (context, &argc, &argv, 3, 3)) != BAL_CLI_OK)
    return rc;

  if ((job = bal_cli_open_job (argv[1], argv[2], &project)) == 0)
    return BAL_CLI_FAILED;

  out = g_file_new_for_commandline_arg (argv[3]);
  if (!bal_notice_write_pdf (project, job, out, &error))
    return bal_cli_fail (error);

  return BAL_CLI_OK;
}

static gint64
parse_id (const char *text)
{
  char *end = NULL;
  gint64 id = g_ascii_strtoll (text, &end, 10);

  if (end == text || *end != '\0' || id <= 0)
    {
      g_printerr (_("balans-cli: “%s” is not an objection number (see “balans-cli objection list”)\n"), text);
      return 0;
    }

  return id;
}

static int
objection_lodge (int    argc,
                 char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *lodged = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The employee who objects (default: the author)"), N_("NAME") },
    { "lodged", 0, 0, G_OPTION_ARG_STRING, &lodged, N_("The day it was lodged (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 job, id;
  int rc;

  context = bal_cli_context (_("FILE.balans JOB REASONS"),
                             _("Lodge an objection against a job’s proposed or adopted grading."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 3, 3)) != BAL_CLI_OK)
    return rc;
  if ((job = bal_cli_open_job (argv[1], argv[2], &project)) == 0)
    return BAL_CLI_FAILED;

  id = bal_objection_lodge (project, job, name, argv[3], lodged, &error);
  if (id == 0)
    return bal_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return BAL_CLI_OK;
}

static int
objection_advice (int    argc,
                  char **argv)
{
  g_autofree char *members = NULL;
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "members", 0, 0, G_OPTION_ARG_STRING, &members, N_("The committee members’ names (required)"), N_("NAMES") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the advice (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int rc;

  context = bal_cli_context (_("FILE.balans OBJECTION ADVICE"), _("Record the objection committee’s advice."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 3, 3)) != BAL_CLI_OK)
    return rc;
  if ((id = parse_id (argv[2])) == 0)
    return BAL_CLI_USAGE;
  if ((project = bal_cli_open_project (argv[1])) == NULL)
    return BAL_CLI_FAILED;

  if (!bal_objection_set_advice (project, id, members, argv[3], date, &error))
    return bal_cli_fail (error);

  return BAL_CLI_OK;
}

static int
objection_decide (int    argc,
                  char **argv)
{
  g_autofree char *note = NULL;
  gboolean appeal = FALSE;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why: required when the grading is upheld"), N_("TEXT") },
    { "appeal", 0, 0, G_OPTION_ARG_NONE, &appeal, N_("Record that an external appeal followed"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int rc;

  context = bal_cli_context (_("FILE.balans OBJECTION upheld|revised"),
                             _("Record the employer’s decision on an objection."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 3, 3)) != BAL_CLI_OK)
    return rc;
  if ((id = parse_id (argv[2])) == 0)
    return BAL_CLI_USAGE;
  if ((project = bal_cli_open_project (argv[1])) == NULL)
    return BAL_CLI_FAILED;

  if (!bal_objection_decide (project, id, argv[3], note, &error) ||
      (appeal && !bal_objection_set_appeal (project, id, TRUE, &error)))
    return bal_cli_fail (error);

  return BAL_CLI_OK;
}

static int
objection_list (int    argc,
                char **argv)
{
  gboolean open_only = FALSE;
  const GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Only the open objections"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  context = bal_cli_context (_("FILE.balans"), _("List the objections, with their state and days open."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 1, 1)) != BAL_CLI_OK)
    return rc;
  if ((project = bal_cli_open_project_for_reading (argv[1])) == NULL)
    return BAL_CLI_FAILED;

  list = bal_objection_list (project, 0, open_only, &error);
  if (list == NULL)
    return bal_cli_fail (error);

  for (guint i = 0; i < list->len; i++)
    {
      BalObjection *o = g_ptr_array_index (list, i);
      g_autofree char *title = bal_cli_escape (o->job_title);
      g_autofree char *author = bal_cli_escape (o->author);
      g_autofree char *reasons = bal_cli_escape (o->reasons);

      /* TRANSLATORS: number, job, state, lodged by, date, days open, last day to object, reasons */
      g_print (_("%lld  %s  %s\n    by %s on %s, %d days open, last day to object %s\n    %s\n"),
               (long long)o->id, title, bal_objection_state_label (o), author, o->lodged, o->days_open,
               o->deadline, reasons);
    }

  return BAL_CLI_OK;
}

static const struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} objection_commands[] = {
  { "lodge", N_("Lodge an objection against a grading"), objection_lodge },
  { "advice", N_("Record the committee’s advice"), objection_advice },
  { "decide", N_("Record the employer’s decision"), objection_decide },
  { "list", N_("List the objections"), objection_list },
};

int
bal_cli_objection (int    argc,
                   char **argv)
{
  gboolean help = argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0);

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (objection_commands); i++)
    if (strcmp (argv[1], objection_commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("balans-cli objection %s", objection_commands[i].name);

        g_set_prgname (prgname);
        return objection_commands[i].run (argc - 1, argv + 1);
      }

  fprintf (help ? stdout : stderr, "%s\n\n", _("Usage: balans-cli objection COMMAND [OPTION…] FILE…"));
  for (guint i = 0; i < G_N_ELEMENTS (objection_commands); i++)
    fprintf (help ? stdout : stderr, "  %-10s %s\n", objection_commands[i].name, _(objection_commands[i].summary));

  return help ? BAL_CLI_OK : BAL_CLI_USAGE;
}

/* balans-cli description FILE JOB [seen|agreed]: lists the versions, or
 * signs the current one. */
int
bal_cli_description (int    argc,
                     char **argv)
{
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Who signs (default: the author)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 job;
  int rc;

  context = bal_cli_context (_("FILE.balans JOB [seen|agreed]"),
                             _("List the versions of a job’s description with who saw and agreed to them, or record "
                               "that the employee saw (seen) or the manager agreed to (agreed) the current one."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 2, 3)) != BAL_CLI_OK)
    return rc;

  if (argc == 4)
    {
      gint64 version;

      if ((job = bal_cli_open_job (argv[1], argv[2], &project)) == 0)
        return BAL_CLI_FAILED;
      if ((version = bal_description_snapshot (project, job, &error)) == 0 ||
          !bal_description_sign (project, version, argv[3], name, &error))
        return bal_cli_fail (error);
      return BAL_CLI_OK;
    }

  if ((job = bal_cli_open_job_for_reading (argv[1], argv[2], &project)) == 0)
    return BAL_CLI_FAILED;
  versions = bal_description_versions (project, job, &error);
  if (versions == NULL)
    return bal_cli_fail (error);
  for (guint i = 0; i < versions->len; i++)
    {
      BalDescription *d = g_ptr_array_index (versions, i);

      g_print (_("Version %d, %s\n"), d->version, d->created);
      for (guint s = 0; s < d->signoffs->len; s++)
        {
          BalSignoff *signoff = g_ptr_array_index (d->signoffs, s);
          g_autofree char *who = bal_cli_escape (signoff->name);

          g_print (g_str_equal (signoff->kind, "agreed") ? _("    agreed by %s on %s\n") : _("    seen by %s on %s\n"),
                   who, signoff->at);
        }
    }

  return BAL_CLI_OK;
}

/* balans-cli scale FILE [GRADE NAME MINIMUM MAXIMUM]: lists the salary
 * scales, or sets one. */
int
bal_cli_scale (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  context = bal_cli_context (_("FILE.balans [GRADE NAME MINIMUM MAXIMUM]"),
                             _("List the salary scale of each grade, or set a grade’s scale (amounts per month)."), NULL);
  if ((rc = bal_cli_parse (context, &argc, &argv, 1, 5)) != BAL_CLI_OK)
    return rc;

  if (argc == 6)
    {
      char *end_min = NULL, *end_max = NULL;
      double minimum = g_ascii_strtod (argv[4], &end_min);
      double maximum = g_ascii_strtod (argv[5], &end_max);

      if (*end_min != '\0' || *end_max != '\0')
        {
          g_printerr (_("balans-cli: the minimum and maximum are amounts such as 2450 or 2450.50\n"));
          return BAL_CLI_USAGE;
        }
      if ((project = bal_cli_open_project (argv[1])) == NULL)
        return BAL_CLI_FAILED;
      if (!bal_method_set_scale (project, argv[2], argv[3], minimum, maximum, &error))
        return bal_cli_fail (error);
      return BAL_CLI_OK;
    }
  if (argc != 2)
    {
      g_printerr (_("balans-cli: give a grade, a name, a minimum and a maximum, or none of them\n"));
      return BAL_CLI_USAGE;
    }

  if ((project = bal_cli_open_project_for_reading (argv[1])) == NULL)
    return BAL_CLI_FAILED;
  method = bal_handbook_load_method (project, &error);
  if (method == NULL)
    return bal_cli_fail (error);
  for (guint i = 0; i < method->scales->len; i++)
    {
      BalSalaryScale *scale = g_ptr_array_index (method->scales, i);
      g_autofree char *text = bal_salary_scale_format (scale);
      g_autofree char *escaped = bal_cli_escape (text);

      g_print ("%s  %s\n", scale->grade, escaped);
    }

  return BAL_CLI_OK;
}
