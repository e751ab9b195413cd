/* main.c: starts Balans
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "main"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bal-application.h"
#include "bal-stall-probe.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(BalApplication) app = NULL;
  const char *localedir = g_getenv ("BALANS_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* BALANS_LOCALEDIR: the translations of a build that is not installed. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bal_application_new ();
  bal_stall_probe_start (G_APPLICATION (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}
