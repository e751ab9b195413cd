/* balans-cli.c: the Balans core for scripts and batch work
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "balans-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bal-cli.h"

static const BalCliCommand commands[] = {
  { "new", N_("Create a new project file"), bal_cli_new },
  { "info", N_("Print what a project file holds"), bal_cli_info },
  { "import", N_("Import reference functions from handbook documents"), bal_cli_import },
  { "references", N_("List or search the handbook’s reference functions"), bal_cli_references },
  { "job", N_("Add, list and describe jobs: add, list, answer, hints, profile"), bal_cli_job },
  { "questionnaire", N_("Print the questionnaire"), bal_cli_questionnaire },
  { "candidates", N_("Rank the reference functions that may fit a job"), bal_cli_candidates },
  { "compare", N_("Compare a job with a reference function"), bal_cli_compare },
  { "decide", N_("Record a job’s grading decision"), bal_cli_decide },
  { "history", N_("Print a job’s decisions, newest first"), bal_cli_history },
  { "check", N_("Check the gradings for consistency"), bal_cli_check },
  { "export", N_("Write the Excel workbook"), bal_cli_export },
  { "status", N_("Record a job’s status, objection or its outcome"), bal_cli_status },
  { "remark", N_("Record a review remark"), bal_cli_remark },
  { "audit", N_("Print the audit log"), bal_cli_audit },
  { "review", N_("Send a project for review, or leave review mode"), bal_cli_review },
  { "description", N_("A job description’s versions, seen and agreed"), bal_cli_description },
  { "scale", N_("List or set the salary scales of the grades"), bal_cli_scale },
  { "notice", N_("Write a job’s notice of grading as a PDF"), bal_cli_notice },
  { "objection", N_("Lodge and handle objections: lodge, advice, decide, list"), bal_cli_objection },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: balans-cli COMMAND [OPTION…] FILE…"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “balans-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *prgname = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return BAL_CLI_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return BAL_CLI_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("balans-cli %s\n", PACKAGE_VERSION);
      return BAL_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          prgname = g_strdup_printf ("balans-cli %s", commands[i].name);
          g_set_prgname (prgname);
          return commands[i].run (argc - 1, argv + 1);
        }
    }

  g_printerr (_("balans-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);

  return BAL_CLI_USAGE;
}
