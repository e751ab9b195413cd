/* bal-cli-export.c: balans-cli export
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-cli-export"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-cli.h"
#include "bal-export.h"
#include "bal-jobs.h"

int
bal_cli_export (int    argc,
                char **argv)
{
  g_auto(GStrv) job_names = NULL;
  const GOptionEntry entries[] = {
    { "job", 0, 0, G_OPTION_ARG_STRING_ARRAY, &job_names,
      N_("Only the detail sheet of this job, the report for one employee; repeat for more jobs"), N_("JOB") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) jobs = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  context = bal_cli_context (_("FILE.balans OUT.xlsx"),
                             _("Write the Excel workbook: overview, justifications, job structure, consistency, "
                               "review, handbook; with --job, the detail sheets of those jobs only."),
                             entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 2, 2)) != BAL_CLI_OK)
    return rc;

  project = bal_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return BAL_CLI_FAILED;

  for (guint i = 0; job_names != NULL && job_names[i] != NULL; i++)
    {
      gint64 job = bal_jobs_find (project, job_names[i], &error);

      if (job == 0)
        return bal_cli_fail (error);
      g_array_append_val (jobs, job);
    }

  file = g_object_ref (bal_project_get_file (project));
  bal_project_close (project);

  target = g_file_new_for_commandline_arg (argv[2]);
  if (!bal_export_workbook (file, target, (const gint64 *)jobs->data, jobs->len, NULL, NULL, NULL, &error))
    return bal_cli_fail (error);

  return BAL_CLI_OK;
}
