/* bal-stall-probe.c: the main loop's longest stall and the first frame, for benchmarks
 *
 * Only when BALANS_STALL_PROBE is set: a timeout every 10 ms records the
 * longest gap between its calls (the longest the main loop was kept from
 * running), and the first window's frame clock the time of its first paint.
 * Each report is one line on stderr:
 *
 *   BALANS_STALL_PROBE phase=exit first_frame_ms=812.4 max_gap_ms=63.1 max_gap_at_ms=901.0 ticks=512 vmhwm_kb=81234
 *
 * (times since the probe started, early in main()). SIGUSR1 prints a line
 * with phase=mark<N> and starts a new interval, so that a driver can measure
 * one action at a time; the line with phase=exit comes when the first window
 * closes, on SIGTERM (which then quits) or at shutdown, whichever is first.
 * benchmarks/bench-gui.c reads these lines.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-stall-probe"

#include "config.h"

#include <glib-unix.h>
#include <gtk/gtk.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bal-stall-probe.h"

#define INTERVAL_MS 10

typedef struct
{
  GApplication *app;          /* borrowed: lives until main() returns */
  gint64        start;
  gint64        last;
  gint64        max_gap;
  gint64        max_gap_at;
  gint64        first_frame;  /* 0 until the first window painted */
  guint         ticks;
  guint         marks;
  gboolean      window_seen;
  gboolean      done;
} Probe;

static Probe probe;

static double
ms (gint64 usec)
{
  return usec / 1000.0;
}

static long
vmhwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");

  return line != NULL ? strtol (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static void
report (const char *phase)
{
  gint64 now = g_get_monotonic_time ();

  /* The interval up to now counts too: a stall that has just ended. */
  if (now - probe.last > probe.max_gap)
    {
      probe.max_gap = now - probe.last;
      probe.max_gap_at = now;
    }

  fprintf (stderr, "BALANS_STALL_PROBE phase=%s first_frame_ms=%.1f max_gap_ms=%.1f max_gap_at_ms=%.1f ticks=%u vmhwm_kb=%ld\n",
           phase,
           probe.first_frame != 0 ? ms (probe.first_frame - probe.start) : -1.0,
           ms (probe.max_gap), ms (probe.max_gap_at - probe.start), probe.ticks, vmhwm_kb ());
  fflush (stderr);

  probe.max_gap = 0;
  probe.max_gap_at = 0;
  probe.ticks = 0;
  probe.last = now;
}

static void
report_exit (void)
{
  if (probe.done)
    return;
  probe.done = TRUE;
  report ("exit");
}

static gboolean
tick (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (now - probe.last > probe.max_gap)
    {
      probe.max_gap = now - probe.last;
      probe.max_gap_at = now;
    }
  probe.last = now;
  probe.ticks++;

  return G_SOURCE_CONTINUE;
}

static gboolean
on_usr1 (gpointer data)
{
  g_autofree char *phase = g_strdup_printf ("mark%u", ++probe.marks);

  report (phase);

  return G_SOURCE_CONTINUE;
}

static gboolean
on_term (gpointer data)
{
  report_exit ();
  g_application_quit (probe.app);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  if (probe.first_frame == 0)
    probe.first_frame = g_get_monotonic_time ();
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, data);
}

static void
on_realize (GtkWidget *window,
            gpointer   data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static gboolean
on_close_request (GtkWindow *window,
                  gpointer   data)
{
  report_exit ();

  return FALSE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        data)
{
  if (probe.window_seen)
    return;
  probe.window_seen = TRUE;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window), NULL);
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  g_signal_connect (window, "close-request", G_CALLBACK (on_close_request), NULL);
}

static void
on_shutdown (GApplication *app,
             gpointer      data)
{
  report_exit ();
}

/* Does nothing unless BALANS_STALL_PROBE is set. */
void
bal_stall_probe_start (GApplication *app)
{
  g_return_if_fail (GTK_IS_APPLICATION (app));

  if (g_getenv ("BALANS_STALL_PROBE") == NULL)
    return;

  probe.app = app;
  probe.start = probe.last = g_get_monotonic_time ();
  g_timeout_add (INTERVAL_MS, tick, NULL);
  g_unix_signal_add (SIGUSR1, on_usr1, NULL);
  g_unix_signal_add (SIGTERM, on_term, NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  g_signal_connect (app, "shutdown", G_CALLBACK (on_shutdown), NULL);
}
