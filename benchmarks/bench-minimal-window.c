/* bench-minimal-window.c: a bare libadwaita window, the anchor of bench-gui
 *
 * An AdwApplicationWindow with a header bar and a label, titled
 * "bench-minimal-window": what any libadwaita app costs to show a window.
 * Non-unique, so that it needs no session bus. It runs the app's stall
 * probe, so that its first frame and the stall of its opening are anchors.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "bal-stall-probe.h"

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Balans"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "bench-minimal-window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.balans.BenchMinimalWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  bal_stall_probe_start (G_APPLICATION (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}
