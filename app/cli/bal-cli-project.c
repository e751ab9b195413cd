/* bal-cli-project.c: balans-cli new and info
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-cli-project"

#include "config.h"

#include <glib/gi18n.h>

#include <glib/gstdio.h>

#include "bal-cli.h"
#include "bal-handbook.h"

int
bal_cli_new (int    argc,
             char **argv)
{
  g_autofree char *organisation = NULL;
  g_autofree char *handbook = NULL;
  const GOptionEntry entries[] = {
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation, N_("The organisation whose jobs are graded"), N_("NAME") },
    { "handbook", 0, 0, G_OPTION_ARG_STRING, &handbook, N_("The handbook to start with: “demo” (the default) or “none”"), N_("demo|none") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  context = bal_cli_context (_("FILE.balans"), _("Create a new project file."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 1, 1)) != BAL_CLI_OK)
    return rc;

  if (handbook != NULL && g_strcmp0 (handbook, "demo") != 0 && g_strcmp0 (handbook, "none") != 0)
    {
      g_printerr (_("balans-cli: unknown handbook “%s”: use “demo” or “none”\n"), handbook);
      return BAL_CLI_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  project = bal_project_create (file, organisation, &error);
  if (project == NULL)
    return bal_cli_fail (error);

  if (g_strcmp0 (handbook, "none") != 0 && !bal_handbook_load_demo (project, &error))
    {
      bal_project_close (project);
      g_unlink (bal_project_get_path (project));
      return bal_cli_fail (error);
    }

  g_print (_("Created %s\n"), bal_project_get_path (project));

  return BAL_CLI_OK;
}

int
bal_cli_info (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalProjectSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  if ((rc = bal_cli_parse_json (&argc, &argv, _("FILE.balans"), _("Print what a project file holds."), 1, 1, &json)) != BAL_CLI_OK)
    return rc;

  project = bal_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return BAL_CLI_FAILED;

  summary = bal_project_get_summary (project, &error);
  if (summary == NULL)
    return bal_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      bal_cli_json_string (builder, "file", bal_project_get_path (project));
      bal_cli_json_int (builder, "format_version", summary->schema_version);
      bal_cli_json_string (builder, "organisation", summary->organisation);
      bal_cli_json_string (builder, "created", summary->created);
      bal_cli_json_string (builder, "modified", summary->modified);
      bal_cli_json_optional_string (builder, "handbook", summary->handbook);
      bal_cli_json_int (builder, "reference_functions", summary->n_references);
      bal_cli_json_int (builder, "jobs", summary->n_jobs);
      bal_cli_json_int (builder, "decisions", summary->n_decisions);
      bal_cli_json_boolean (builder, "review_copy", bal_project_is_review_copy (project));
      json_builder_end_object (builder);

      return bal_cli_print_builder (builder);
    }

  {
    g_autofree char *path = bal_cli_escape (bal_project_get_path (project));
    g_autofree char *organisation = bal_cli_escape (summary->organisation);
    g_autofree char *created = bal_cli_escape (summary->created);
    g_autofree char *modified = bal_cli_escape (summary->modified);
    g_autofree char *handbook = summary->handbook ? bal_cli_escape (summary->handbook) : g_strdup (_("none"));

    g_print (_("File: %s\n"), path);
    g_print (_("Format version: %d\n"), summary->schema_version);
    g_print (_("Organisation: %s\n"), organisation);
    g_print (_("Created: %s\n"), created);
    g_print (_("Last changed: %s\n"), modified);
    g_print (_("Handbook: %s\n"), handbook);
  }
  g_print (_("Reference functions: %d\n"), summary->n_references);
  g_print (_("Jobs: %d\n"), summary->n_jobs);
  g_print (_("Decisions: %d\n"), summary->n_decisions);
  if (bal_project_is_review_copy (project))
    g_print (_("Review copy: gradings cannot be changed\n"));

  return BAL_CLI_OK;
}

/* balans-cli review send|leave FILE: marks a project as a review copy, or
 * leaves review mode for good (recorded, and only with --yes). */
int
bal_cli_review (int    argc,
                char **argv)
{
  gboolean yes = FALSE;
  const GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Confirm leaving review mode"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  context = bal_cli_context (_("send|leave FILE.balans"),
                             _("Send a project for review (every Balans then opens it in review mode), or leave review mode."),
                             entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 2, 2)) != BAL_CLI_OK)
    return rc;

  if (g_strcmp0 (argv[1], "send") != 0 && g_strcmp0 (argv[1], "leave") != 0)
    {
      g_printerr (_("balans-cli: use “review send FILE” or “review leave FILE --yes”\n"));
      return BAL_CLI_USAGE;
    }

  if (g_str_equal (argv[1], "leave") && !yes)
    {
      g_printerr (_("balans-cli: leaving review mode lets gradings be changed again, and is recorded in the audit log; confirm with --yes\n"));
      return BAL_CLI_USAGE;
    }

  project = bal_cli_open_project (argv[2]);
  if (project == NULL)
    return BAL_CLI_FAILED;

  if (g_str_equal (argv[1], "send"))
    {
      if (!bal_project_send_for_review (project, &error))
        return bal_cli_fail (error);
      g_print (_("%s is now a review copy: every Balans opens it in review mode.\n"), argv[2]);
    }
  else
    {
      if (!bal_project_is_review_copy (project))
        {
          g_printerr (_("balans-cli: %s is not a review copy\n"), argv[2]);
          return BAL_CLI_FAILED;
        }
      if (!bal_project_leave_review (project, &error))
        return bal_cli_fail (error);
      g_print (_("%s has left review mode: gradings can be changed again.\n"), argv[2]);
    }

  return BAL_CLI_OK;
}
