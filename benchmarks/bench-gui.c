/* bench-gui.c: the app as a user meets it at the size of a real employer,
 * each figure beside its anchor measured in the same run.
 *
 *   build/benchmarks/bench-gui [N ...]          (default: 500 5000 20000)
 *   build/benchmarks/bench-gui --make N FILE    (only the project)
 *
 * Needs Xvfb, xdotool and dbus-daemon (build-aux/dev.sh installs them); it
 * starts its own X server and session bus, and skips (exit 77) without them.
 *
 * Projects of N graded jobs are made through the core API, as an employer's
 * look: twenty departments, a reports-to tree, one to seven people per job,
 * nine in ten jobs decided (a quarter of those proposed, an eighth adopted,
 * one in fifty under objection, one in forty with a remark). They are kept
 * in the build folder (benchmarks/bench-gui-files/) and made again only when missing.
 *
 * For each of five interleaved runs, each subject is started in a process of
 * its own: the bare libadwaita window (bench-minimal-window), `balans` on an
 * empty project, and `balans` on each project. Measured:
 *   - window: from the start of the process until `xdotool search
 *     --onlyvisible --name` finds the window (polled every 10 ms: xdotool's
 *     own --sync polls every half second);
 *   - first frame: the window's first paint, from the app's stall probe
 *     (BALANS_STALL_PROBE, app/ui/bal-stall-probe.c);
 *   - the main loop's longest stall (probe: a 10 ms timeout's longest gap)
 *     while the project opens and its list loads, while switching to every
 *     page (Alt+1..5), opening a job, and typing a search of several letters
 *     into the jobs search (xdotool type, 150 ms between keys);
 *   - peak memory: VmHWM of /proc/PID/status before it exits.
 * Each step waits until the app has used no CPU for 300 ms. Medians of five.
 *
 * Xvfb has no GPU: GTK's default renderer draws with OpenGL in software
 * (llvmpipe), whose buffers count in each process's memory. A sixth pass
 * runs every subject with GSK_RENDERER=cairo, GTK's renderer without
 * OpenGL, and prints its peak memory beside the first. 
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <glib/gprintf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bal-demo.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-review.h"
#include "bal-project-private.h"

#define RUNS 5
#define MAX_SUBJECTS 8

static const char * const departments[] = {
  "Klantenservice", "Verkoop binnendienst", "Service en onderhoud", "Planning", "Kwaliteit",
  "Financiële administratie", "Debiteurenbeheer", "Logistiek", "Inkoop", "Facilitaire dienst",
  "Personeelszaken", "ICT", "Marketing", "Communicatie", "Juridische zaken", "Directie",
  "Werkvoorbereiding", "Buitendienst Noord", "Buitendienst Zuid", "Magazijn",
};

static const char * const codes[] = { "KS.02", "CB.02", "AS.02", "KP.01", "CX.01", "AD.04", "KS.04", "CB.04", "AS.05" };

static const char * const stems[] = {
  "Medewerker klantenservice", "Medewerker verkoop binnendienst", "Servicemonteur buitendienst",
  "Medewerker planning klantcontact", "Operationeel coördinator klantcontact", "Medewerker financiële administratie",
  "Specialist klachtafhandeling", "Accountmanager binnendienst", "Servicecoördinator",
};

/* ---- the projects ---- */

static void
make_project (const char *path,
              int         n_jobs)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = bal_demo_create_empty (file, &error);
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  bal_project_set_author (project, "Iris de Vries", "evaluator");
  /* Only for making the file quickly: no fsync, no journal file per edit. */
  g_assert_true (bal_project_exec (project, "PRAGMA synchronous = OFF", &error));
  g_assert_true (bal_project_exec (project, "PRAGMA journal_mode = MEMORY", &error));
  references = bal_handbook_search (project, NULL, NULL, &error);
  g_assert_no_error (error);

  for (int i = 0; i < n_jobs; i++)
    {
      g_autoptr(BalJob) job = bal_job_new ();
      gint64 id;

      g_free (job->title);
      job->title = g_strdup_printf ("%s %d", stems[i % G_N_ELEMENTS (stems)], i + 1);
      g_free (job->department);
      job->department = g_strdup (departments[i % G_N_ELEMENTS (departments)]);
      /* A tree: every job but the first twenty reports to one of the first fifth. */
      job->reports_to = i >= 20 ? g_array_index (ids, gint64, (i * 7) % MAX (1, MIN (i, n_jobs / 5))) : 0;
      job->incumbents = 1 + i % 7;
      g_free (job->description);
      job->description = g_strdup_printf ("De %s %d helpt klanten, plant het werk en lost klachten op.",
                                          stems[i % G_N_ELEMENTS (stems)], i + 1);
      id = bal_jobs_add (project, job, &error);
      g_assert_no_error (error);
      g_array_append_val (ids, id);

      if (i % 10 == 9)
        continue;   /* not graded yet */

      {
        g_autofree char *justification =
          g_strdup_printf ("Gelijk aan %s: de taken, de zelfstandigheid en het afbreukrisico komen overeen.",
                           codes[i % G_N_ELEMENTS (codes)]);
        BalDecisionInput input = { codes[i % G_N_ELEMENTS (codes)], NULL, justification,
                                   "De vragenlijst volgt bij de herziening.", "Iris de Vries", NULL, NULL };

        for (guint r = 0; r < references->len; r++)
          {
            BalReferenceSummary *summary = g_ptr_array_index (references, r);

            if (g_strcmp0 (summary->code, input.reference_code) == 0)
              input.grade = summary->grade;
          }
        bal_grading_decide (project, id, &input, &error);
        g_assert_no_error (error);
      }

      if (i % 4 == 1 || i % 8 == 2 || i % 50 == 3)
        bal_review_set_status (project, id, "proposed", NULL, &error);
      g_assert_no_error (error);
      if (i % 8 == 2 || i % 50 == 3)
        bal_review_set_status (project, id, "adopted", NULL, &error);
      g_assert_no_error (error);
      if (i % 50 == 3)
        bal_review_set_status (project, id, "objected", "De functie doet meer dan de referentie.", &error);
      g_assert_no_error (error);
      if (i % 40 == 5)
        g_assert_cmpint (bal_review_add_remark (project, id, "works-council", "Ondernemingsraad",
                                                "Graag toelichten waarom de planning niet zwaarder weegt.", &error), >, 0);
      g_assert_no_error (error);
    }
}

/* Made in a child process, so that the driver holds no connection. */
static void
ensure_project (const char *self_path,
                const char *path,
                int         n)
{
  g_autofree char *n_text = g_strdup_printf ("%d", n);
  g_autofree char *partial = g_strdup_printf ("%s.partial", path);
  const char *argv[] = { self_path, "--make", n_text, partial, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  g_unlink (partial);
  g_print ("making %s (%d jobs) ...\n", path, n);
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("bench-gui: could not make %s: %s", path, error->message);
  g_assert_true (g_rename (partial, path) == 0);
  g_print ("made in %.1f s\n", (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
}

/* ---- the driver ---- */

static char **child_env;
static GPid xvfb, dbus, app_pid;

/* Stops what it started, then fails. */
G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  if (app_pid > 0)
    kill (app_pid, SIGKILL);
  if (xvfb > 0)
    kill (xvfb, SIGTERM);
  if (dbus > 0)
    kill (dbus, SIGTERM);
  exit (1);
}

static gboolean
run_quiet (const char * const *argv,
           char              **out)
{
  int status;

  return g_spawn_sync (NULL, (char **)argv, child_env, G_SPAWN_SEARCH_PATH | (out ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL) | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, out, NULL, &status, NULL) && g_spawn_check_wait_status (status, NULL);
}

static void
on_signal (int signal)
{
  if (app_pid > 0)
    kill (app_pid, SIGKILL);
  if (xvfb > 0)
    kill (xvfb, SIGTERM);
  if (dbus > 0)
    kill (dbus, SIGTERM);
  _exit (128 + signal);
}

/* The X server's display number, read from -displayfd. */
/* Starts @argv's daemon and reads the first thing it prints; its stdout
 * stays open, since Xvfb dies of SIGPIPE when it is closed. */
static GPid
start_daemon (const char * const *argv,
              char               *buffer,
              gsize               size)
{
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out;

  if (!g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, &out, NULL, &error))
    g_error ("bench-gui: %s: %s", argv[0], error->message);
  if (read (out, buffer, size - 1) <= 0)
    g_error ("bench-gui: %s did not start", argv[0]);

  return pid;
}

static GPid
start_xvfb (char **display)
{
  const char *argv[] = { "Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset", NULL };
  char buffer[32] = { 0 };
  GPid pid = start_daemon (argv, buffer, sizeof buffer);

  *display = g_strdup_printf (":%d", atoi (buffer));

  return pid;
}

static GPid
start_bus (char **address)
{
  const char *argv[] = { "dbus-daemon", "--session", "--nofork", "--print-address=1", NULL };
  char buffer[512] = { 0 };
  GPid pid = start_daemon (argv, buffer, sizeof buffer);

  *address = g_strstrip (g_strdup (buffer));

  return pid;
}

static long
cpu_ticks (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (after = strrchr (stat, ')')) == NULL)
    return -1;
  fields = g_strsplit (after + 2, " ", 16);
  if (g_strv_length (fields) < 14)
    return -1;

  return atol (fields[11]) + atol (fields[12]);
}

/* Until the process has used no CPU for 300 ms (at most 120 s). */
static void
wait_idle (GPid pid)
{
  long before = cpu_ticks (pid);

  for (int i = 0; i < 400; i++)
    {
      long now;

      g_usleep (300 * 1000);
      now = cpu_ticks (pid);
      if (now < 0 || now == before)
        return;
      before = now;
    }
}

static long
vmhwm_kb (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) || (line = strstr (status, "VmHWM:")) == NULL)
    return -1;

  return atol (line + strlen ("VmHWM:"));
}

static void
xdotool (const char *a,
         const char *b,
         const char *c,
         const char *d)
{
  const char *argv[] = { "xdotool", a, b, c, d, NULL };

  run_quiet (argv, NULL);
}

/* The window's id once it is visible, 0 after 600 s. */
static char *
wait_visible (const char *title,
              GPid        pid)
{
  g_autofree char *pattern = g_strdup_printf ("^%s$", title);
  const char *argv[] = { "xdotool", "search", "--onlyvisible", "--name", pattern, NULL };

  for (int i = 0; i < 60000; i++)
    {
      char *out = NULL;

      if (run_quiet (argv, &out) && out != NULL && *out != '\0')
        return g_strstrip (out);
      g_free (out);
      if (waitpid (pid, NULL, WNOHANG) == pid)
        return NULL;
      g_usleep (10 * 1000);
    }

  return NULL;
}

typedef struct
{
  const char *name;
  const char *title;    /* the window's */
  char       *path;     /* the project, NULL for the bare window */
  /* The runs, then the pass with the cairo renderer at [RUNS]. */
  double      window[RUNS + 1];
  double      first_frame[RUNS + 1];
  double      open_stall[RUNS + 1];
  double      pages_stall[RUNS + 1];
  double      job_stall[RUNS + 1];
  double      search_stall[RUNS + 1];
  double      peak_mb[RUNS + 1];
  double      page_stall[6][RUNS + 1];  /* Alt+1..5, Alt+1 again */
  char        worst_page[RUNS + 1][16];
} Subject;

/* The value of KEY= in the probe's line for PHASE, or -1. */
static double
probe_value (const char *log,
             const char *phase,
             const char *key)
{
  g_autofree char *needle = g_strdup_printf ("BALANS_STALL_PROBE phase=%s ", phase);
  g_autofree char *field = g_strdup_printf (" %s=", key);
  const char *line = strstr (log, needle);
  const char *end, *value;

  if (line == NULL)
    return -1;
  end = strchr (line, '\n');
  value = strstr (line, field);
  if (value == NULL || (end != NULL && value > end))
    return -1;

  return g_ascii_strtod (value + strlen (field), NULL);
}

static void
mark (GPid pid)
{
  kill (pid, SIGUSR1);
  g_usleep (50 * 1000);
}

static void
run_subject (Subject    *subject,
             const char *app,
             const char *minimal,
             const char *dir,
             int         run)
{
  g_autofree char *log_path = g_strdup_printf ("%s/probe-%s-%d.log", dir, subject->name, run);
  const char *argv[] = { subject->path != NULL ? app : minimal, subject->path, NULL };
  g_autofree char *log = NULL;
  g_autofree char *window = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  GPid pid;
  int log_fd = open (log_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const char *pages[] = { "alt+1", "alt+2", "alt+3", "alt+4", "alt+5" };
  double worst = -1;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_fds (NULL, (char **)argv, child_env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                               -1, -1, log_fd, &error))
    fail ("bench-gui: %s: %s", argv[0], error->message);
  close (log_fd);
  app_pid = pid;

  window = wait_visible (subject->title, pid);
  if (window == NULL)
    fail ("bench-gui: no window \"%s\" (log in %s)", subject->title, log_path);
  subject->window[run] = (g_get_monotonic_time () - start) / 1000.0;

  wait_idle (pid);
  if (subject->path == NULL)
    mark (pid);                                     /* mark1: the open */
  else
    {
      /* Without a window manager, focus goes where it is put. */
      xdotool ("windowfocus", "--sync", window, NULL);
      mark (pid);                                   /* mark1: the open and the list */
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          xdotool ("key", "--clearmodifiers", pages[i], NULL);
          wait_idle (pid);
          mark (pid);                               /* mark2..6: each page */
        }
      xdotool ("key", "--clearmodifiers", "alt+1", NULL);
      wait_idle (pid);
      mark (pid);                                   /* mark7: back to the jobs */
      /* The third row of the list: sidebar, then the list pane. */
      xdotool ("mousemove", "--window", window, "340 160");
      xdotool ("click", "1", NULL, NULL);
      wait_idle (pid);
      mark (pid);                                   /* mark8: a job opened */
      xdotool ("key", "--clearmodifiers", "ctrl+f", NULL);
      g_usleep (100 * 1000);
      xdotool ("type", "--delay", "150", "medewerker 12");
      wait_idle (pid);
      mark (pid);                                   /* mark9: the search typed */
    }

  subject->peak_mb[run] = vmhwm_kb (pid) / 1024.0;
  kill (pid, SIGTERM);
  for (int i = 0; i < 3000 && waitpid (pid, NULL, WNOHANG) != pid; i++)
    g_usleep (10 * 1000);
  if (kill (pid, 0) == 0)
    {
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
    }
  g_spawn_close_pid (pid);
  app_pid = 0;

  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  subject->first_frame[run] = probe_value (log, "mark1", "first_frame_ms");
  subject->open_stall[run] = probe_value (log, "mark1", "max_gap_ms");
  if (subject->path == NULL)
    return;   /* the bare window has no pages */
  for (int m = 2; m <= 7; m++)
    {
      g_autofree char *phase = g_strdup_printf ("mark%d", m);
      double gap = probe_value (log, phase, "max_gap_ms");

      subject->page_stall[m - 2][run] = gap;
      if (gap > worst)
        {
          worst = gap;
          g_strlcpy (subject->worst_page[run], m <= 6 ? pages[m - 2] : "alt+1 again", sizeof subject->worst_page[run]);
        }
    }
  subject->pages_stall[run] = worst;
  subject->job_stall[run] = probe_value (log, "mark8", "max_gap_ms");
  subject->search_stall[run] = probe_value (log, "mark9", "max_gap_ms");
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (const double *values)
{
  double sorted[RUNS];

  memcpy (sorted, values, sizeof sorted);
  qsort (sorted, RUNS, sizeof (double), compare_double);

  return sorted[RUNS / 2];
}

static double
maximum (const double *values)
{
  double worst = values[0];

  for (int i = 1; i < RUNS; i++)
    worst = MAX (worst, values[i]);

  return worst;
}

int
main (int    argc,
      char **argv)
{
  const char *defaults[] = { "500", "5000", "20000" };
  const char *app = g_getenv ("BALANS_APP");
  const char *minimal = g_getenv ("BALANS_MINIMAL_WINDOW");
  const char *schemas = g_getenv ("BALANS_SCHEMA_DIR");
  g_autofree char *dir = NULL;
  g_autofree char *user_dir = NULL;
  g_autofree char *display = NULL;
  g_autofree char *bus = NULL;
  g_autofree char *self_path = NULL;
  Subject subjects[MAX_SUBJECTS] = { { 0 } };
  const char **sizes;
  int n_sizes, n_subjects = 0;

  setlocale (LC_ALL, "");
  if (argc == 4 && g_strcmp0 (argv[1], "--make") == 0)
    {
      make_project (argv[3], atoi (argv[2]));
      return 0;
    }

  for (const char * const *tool = (const char *[]) { "Xvfb", "xdotool", "dbus-daemon", NULL }; *tool != NULL; tool++)
    {
      g_autofree char *found = g_find_program_in_path (*tool);

      if (found == NULL)
        {
          g_print ("bench-gui: skipped: %s is not installed (build-aux/dev.sh installs xvfb, xdotool and dbus-daemon)\n", *tool);
          return 77;
        }
    }
  if (app == NULL || minimal == NULL || schemas == NULL)
    {
      g_printerr ("bench-gui: run it with meson test --benchmark (it needs BALANS_APP, BALANS_MINIMAL_WINDOW, BALANS_SCHEMA_DIR)\n");
      return 1;
    }

  sizes = argc > 1 ? (const char **)argv + 1 : defaults;
  n_sizes = MIN (argc > 1 ? argc - 1 : (int)G_N_ELEMENTS (defaults), MAX_SUBJECTS - 2);
  self_path = g_canonicalize_filename (argv[0], NULL);
  dir = g_build_filename (g_path_get_dirname (self_path), "bench-gui-files", NULL);
  user_dir = g_build_filename (dir, "user", NULL);
  g_mkdir_with_parents (user_dir, 0700);
  g_setenv ("BALANS_DATA_DIR", user_dir, TRUE);

  subjects[n_subjects++] = (Subject) { .name = "minimal", .title = "bench-minimal-window" };
  subjects[n_subjects] = (Subject) { .name = "empty", .title = "bench-empty", .path = g_build_filename (dir, "bench-empty.balans", NULL) };
  ensure_project (self_path, subjects[n_subjects].path, 0);
  n_subjects++;
  for (int i = 0; i < n_sizes; i++)
    {
      int n = atoi (sizes[i]);

      subjects[n_subjects] = (Subject) { .name = g_strdup_printf ("%d", n), .title = g_strdup_printf ("bench-%d", n),
                                         .path = g_strdup_printf ("%s/bench-%d.balans", dir, n) };
      ensure_project (self_path, subjects[n_subjects].path, n);
      n_subjects++;
    }

  signal (SIGTERM, on_signal);
  signal (SIGINT, on_signal);
  xvfb = start_xvfb (&display);
  dbus = start_bus (&bus);
  child_env = g_get_environ ();
  child_env = g_environ_setenv (child_env, "DISPLAY", display, TRUE);
  child_env = g_environ_setenv (child_env, "DBUS_SESSION_BUS_ADDRESS", bus, TRUE);
  child_env = g_environ_setenv (child_env, "GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  child_env = g_environ_setenv (child_env, "GSETTINGS_BACKEND", "memory", TRUE);
  child_env = g_environ_setenv (child_env, "BALANS_STALL_PROBE", "1", TRUE);
  child_env = g_environ_setenv (child_env, "NO_AT_BRIDGE", "1", TRUE);
  child_env = g_environ_setenv (child_env, "LC_ALL", "C.UTF-8", TRUE);

  for (int run = 0; run <= RUNS; run++)
    for (int s = 0; s < n_subjects; s++)
      {
        if (run == RUNS && s == 0)
          child_env = g_environ_setenv (child_env, "GSK_RENDERER", "cairo", TRUE);
        run_subject (&subjects[s], app, minimal, dir, run);
        g_print ("%s %d %-8s window %7.0f ms  first frame %7.0f ms  open %5.0f  pages %5.0f (%s)  job %5.0f  search %5.0f ms  %4.0f MB\n",
                 run < RUNS ? "run" : "cairo", run + 1, subjects[s].name, subjects[s].window[run], subjects[s].first_frame[run],
                 subjects[s].open_stall[run], subjects[s].pages_stall[run], subjects[s].worst_page[run],
                 subjects[s].job_stall[run], subjects[s].search_stall[run], subjects[s].peak_mb[run]);
      }

  kill (xvfb, SIGTERM);
  kill (dbus, SIGTERM);
  waitpid (xvfb, NULL, 0);
  waitpid (dbus, NULL, 0);

  g_print ("\nMedian of %d interleaved runs (stalls: the main loop's longest gap, median; worst of the runs in brackets).\n"
           "Anchors: the bare libadwaita window and the empty project, in the same run. Goals: window within 1.2x\n"
           "of the empty project at 5,000 and 1.5x at 20,000; no stall over 100 ms at 20,000; under 150 MB at 20,000.\n"
           "Cairo MB: the peak in the sixth pass, with GTK's renderer without OpenGL.\n\n",
           RUNS);
  g_print ("%-8s %10s %7s %7s %12s %10s %16s %16s %16s %16s %8s %8s\n", "project", "window ms", "/empty", "/bare",
           "1st frame ms", "open stall", "page switch", "open a job", "search typing", "", "peak MB", "cairo MB");
  for (int s = 0; s < n_subjects; s++)
    {
      Subject *subject = &subjects[s];
      double window = median (subject->window);

      g_print ("%-8s %10.0f %7.2f %7.2f", subject->name, window, window / median (subjects[1].window),
               window / median (subjects[0].window));
      g_print (" %12.0f %10.0f", median (subject->first_frame), median (subject->open_stall));
      if (subject->path != NULL)
        g_print (" %9.0f (%4.0f) %9.0f (%4.0f) %9.0f (%4.0f) %16s",
                 median (subject->pages_stall), maximum (subject->pages_stall),
                 median (subject->job_stall), maximum (subject->job_stall),
                 median (subject->search_stall), maximum (subject->search_stall), "");
      else
        g_print (" %16s %16s %16s %16s", "", "", "", "");
      g_print (" %8.1f %8.1f\n", median (subject->peak_mb), subject->peak_mb[RUNS]);
    }

  g_print ("\nLongest stall per page switch, ms (median): Alt+1 jobs, Alt+2 handbook, Alt+3 structure, Alt+4 review,\n"
           "Alt+5 export, Alt+1 again\n");
  for (int s = 1; s < n_subjects; s++)
    {
      g_print ("%-8s", subjects[s].name);
      for (int p = 0; p < 6; p++)
        g_print (" %8.0f", median (subjects[s].page_stall[p]));
      g_print ("\n");
    }

  return 0;
}
