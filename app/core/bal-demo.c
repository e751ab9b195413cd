/* bal-demo.c: new projects with the built-in handbook, and the demo project
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-demo"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bal-demo.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-questionnaire.h"

static BalProject *
create_with_handbook (GFile       *file,
                      const char  *organisation,
                      GError     **error)
{
  g_autoptr(BalProject) project = NULL;

  project = bal_project_create (file, organisation, error);
  if (project == NULL)
    return NULL;

  if (!bal_handbook_load_demo (project, error))
    {
      bal_project_close (project);
      g_unlink (bal_project_get_path (project));
      return NULL;
    }

  return g_steal_pointer (&project);
}

/* Creates a new project at @file with the built-in handbook and no jobs. */
BalProject *
bal_demo_create_empty (GFile   *file,
                       GError **error)
{
  return create_with_handbook (file, NULL, error);
}

static gint64
add_demo_job (BalProject  *project,
              const char  *title,
              const char  *department,
              gint64       reports_to,
              int          incumbents,
              const char  *resource,
              GError     **error)
{
  g_autofree char *path = g_strconcat ("/io/github/balans/Balans/jobs/", resource, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autoptr(BalJob) job = bal_job_new ();

  if (bytes == NULL)
    return 0;

  g_free (job->title);
  job->title = g_strdup (title);
  g_free (job->department);
  job->department = g_strdup (department);
  job->reports_to = reports_to;
  job->incumbents = incumbents;
  g_free (job->description);
  job->description = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return bal_jobs_add (project, job, error);
}

/* Creates a demo project at @file: the built-in demo handbook and a few
 * jobs of a web shop's customer operations, one of them partly described. */
BalProject *
bal_demo_create (GFile   *file,
                 GError **error)
{
  g_autoptr(BalProject) project = NULL;
  gint64 director, lead, agent;

  project = create_with_handbook (file, _("Demo organisation"), error);
  if (project == NULL)
    return NULL;

  if ((director = add_demo_job (project, "Director Customer Operations", "Customer Operations", 0, 1,
                                "director-customer-operations.txt", error)) == 0 ||
      (lead = add_demo_job (project, "Teamleider klantenservice", "Klantenservice", director, 4,
                            "teamleider-klantenservice.txt", error)) == 0 ||
      (agent = add_demo_job (project, "Klantenservicemedewerker", "Klantenservice", lead, 38,
                             "klantenservicemedewerker.txt", error)) == 0 ||
      !bal_questionnaire_answer (project, agent, "education", "mbo3", _("The vacancy asks for MBO-3."), error) ||
      !bal_questionnaire_answer (project, agent, "management", "none", NULL, error) ||
      !bal_jobs_set_step (project, agent, 1, error))
    {
      bal_project_close (project);
      g_unlink (bal_project_get_path (project));
      return NULL;
    }

  return g_steal_pointer (&project);
}

/* Returns the demo project in the user's data folder, created on first use. */
GFile *
bal_demo_ensure (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "balans", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&file);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s."), dir, g_strerror (saved_errno));
      return NULL;
    }

  project = bal_demo_create (file, error);
  if (project == NULL)
    return NULL;

  return g_steal_pointer (&file);
}
