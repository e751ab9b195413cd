/* bal-demo.c: new projects with the built-in handbook, and the demo project
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bal-demo.h"
#include "bal-handbook.h"

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

/* Creates a demo project at @file: the built-in demo handbook and a few jobs. */
BalProject *
bal_demo_create (GFile   *file,
                 GError **error)
{
  return create_with_handbook (file, _("Demo organisation"), error);
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
