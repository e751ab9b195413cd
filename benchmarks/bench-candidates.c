/* bench-candidates.c: candidates and the handbook import at the size of a
 * sector's handbook (1,000 reference functions), each beside its anchor
 * measured in the same run.
 *
 *   build/benchmarks/bench-candidates REALJOBS_DIR
 *   meson test -C build --benchmark bench-candidates -v
 *
 * The handbook: the demo handbook's 36 reference functions and a document
 * of 1,000 more made from them (each in 28 sectors, with the sector in its
 * title and a code of its own), imported through the core API as
 * balans-cli handbook import does: bal_handbook_parse_file() and
 * bal_handbook_import(). The import is timed into a fresh project, and
 * again over itself (the same document into the project that has it: each
 * reference function replaces the earlier one), beside their anchor, the
 * bare parse of the same document (median of 5, interleaved).
 *
 * The candidates: the 33 real job texts of tests/data/realjobs as jobs;
 * bal_matching_candidates() for each, round after round, beside the FTS5
 * query of the job's title alone (bal_handbook_search(), as the Handbook
 * page's search: MATCH, bm25, every hit); p50 and p95 over all calls, and
 * the first call, which reads the handbook into the project's cache. Then
 * the FTS5 query of all the job's words, for comparison.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bal-demo.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-matching.h"

#define RUNS 5
#define ROUNDS 20
#define REFERENCES 1000

static const char * const sectors[] = {
  "zorg", "gemeente", "logistiek", "retail", "energie", "verzekeringen", "onderwijs", "bouw", "transport",
  "horeca", "telecom", "bankwezen", "industrie", "agrarisch", "media", "juridisch", "vastgoed", "reizen",
  "automotive", "farmacie", "sport", "cultuur", "defensie", "woningcorporatie", "waterschap", "havenbedrijf",
  "luchtvaart", "openbaar vervoer",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The CPU time of this process in µs: on 2 cores shared with other work
 * the wall clock says more about the neighbours than about us. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);

  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
cpu_ms_since (gint64 start)
{
  return (cpu_time () - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_double);

  return g_array_index (values, double, (guint)(p * (values->len - 1) + 0.5));
}

/* The demo handbook's documents, as one text. */
static GString *
demo_documents (void)
{
  g_autoptr(GBytes) ini = g_resources_lookup_data ("/io/github/balans/Balans/handbook/method.ini", 0, NULL);
  g_autoptr(GKeyFile) method = g_key_file_new ();
  g_auto(GStrv) documents = NULL;
  GString *text = g_string_new (NULL);

  g_assert_true (g_key_file_load_from_bytes (method, ini, G_KEY_FILE_NONE, NULL));
  documents = g_key_file_get_string_list (method, "Handbook", "Documents", NULL, NULL);
  g_assert_nonnull (documents);
  for (guint i = 0; documents[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/io/github/balans/Balans/handbook/", documents[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

      g_assert_nonnull (bytes);
      g_string_append_len (text, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_string_append_c (text, '\n');
    }

  return text;
}

/* A document of REFERENCES reference functions: each of the demo's in one
 * sector after another, "KS.01 Medewerker klantcontact" becoming
 * "KS.01.7 Medewerker klantcontact bouw". */
static char *
make_handbook (const char *dir)
{
  char *path = g_build_filename (dir, "handbook-1000.md", NULL);
  g_autoptr(GString) demo = NULL;
  g_autoptr(GString) out = NULL;
  g_auto(GStrv) blocks = NULL;
  guint made = 0;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;

  demo = demo_documents ();
  blocks = g_regex_split_simple ("(?m)^(?=# Functiefamilie)", demo->str, 0, 0);
  out = g_string_new (NULL);
  for (guint s = 0; made < REFERENCES; s++)
    for (guint b = 0; blocks[b] != NULL && made < REFERENCES; b++)
      {
        const char *heading = "## Referentiefunctie\n";
        const char *at = strstr (blocks[b], heading);
        const char *code, *space, *end;

        if (at == NULL)
          continue;
        code = at + strlen (heading);
        space = strchr (code, ' ');
        end = strchr (code, '\n');
        g_string_append_len (out, blocks[b], code - blocks[b]);
        g_string_append_len (out, code, space - code);
        g_string_append_printf (out, ".%u", s + 1);
        g_string_append_len (out, space, end - space);
        g_string_append_printf (out, " %s", sectors[s % G_N_ELEMENTS (sectors)]);
        g_string_append (out, end);
        made++;
      }
  g_assert_cmpuint (made, ==, REFERENCES);
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));

  return path;
}

typedef enum
{
  PARSE_ONLY,
  IMPORT,
  REIMPORT,
} Timed;

/* Parses @document as an import does, and stores it unless PARSE_ONLY:
 * into a fresh project, or for REIMPORT into one that has it already
 * (that first import untimed). */
static double
time_import (const char *dir,
             const char *document,
             Timed       timed,
             double     *cpu_ms)
{
  g_autofree char *path = g_build_filename (dir, "import.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) source = g_file_new_for_path (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(BalImportReport) report = NULL;
  BalImportResult *parsed;
  gint64 start, cpu_start;
  double ms;

  g_unlink (path);
  project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
  method = bal_handbook_load_method (project, &error);
  g_assert_no_error (error);

  if (timed == REIMPORT)
    {
      parsed = bal_handbook_parse_file (source, (const char * const *)method->grades, NULL);
      report = bal_handbook_import (project, source, parsed, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->imported->len, ==, REFERENCES);
      g_clear_pointer (&report, bal_import_report_free);
      bal_import_result_free (parsed);
    }

  start = g_get_monotonic_time ();
  cpu_start = cpu_time ();
  parsed = bal_handbook_parse_file (source, (const char * const *)method->grades, NULL);
  if (timed != PARSE_ONLY)
    {
      report = bal_handbook_import (project, source, parsed, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->errors->len, ==, 0);
      g_assert_cmpuint (report->imported->len, ==, REFERENCES);
    }
  ms = ms_since (start);
  *cpu_ms = cpu_ms_since (cpu_start);
  g_assert_cmpuint (parsed->errors->len, ==, 0);
  g_assert_cmpuint (parsed->references->len, ==, REFERENCES);
  g_clear_pointer (&report, bal_import_report_free);
  bal_import_result_free (parsed);

  return ms;
}

/* The 33 real job texts as jobs of @project. */
static GArray *
add_jobs (BalProject *project,
          const char *realjobs)
{
  g_autofree char *labels_path = g_build_filename (realjobs, "labels.ini", NULL);
  g_autoptr(GKeyFile) labels = g_key_file_new ();
  g_auto(GStrv) groups = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (g_key_file_load_from_file (labels, labels_path, G_KEY_FILE_NONE, NULL));
  groups = g_key_file_get_groups (labels, NULL);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_autofree char *text_path = g_strdup_printf ("%s/%s.txt", realjobs, groups[g]);
      g_autofree char *contents = NULL;
      g_autoptr(BalJob) job = bal_job_new ();
      g_autoptr(GError) error = NULL;
      gint64 id;

      g_assert_true (g_file_get_contents (text_path, &contents, NULL, NULL));
      g_free (job->title);
      job->title = g_key_file_get_string (labels, groups[g], "Title", NULL);
      g_free (job->description);
      job->description = g_strdup (strchr (contents, '\n') ? strchr (contents, '\n') + 1 : "");
      id = bal_jobs_add (project, job, &error);
      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }

  return ids;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_build_filename (g_get_current_dir (), "bench-candidates", NULL);
  g_autofree char *user_dir = g_build_filename (dir, "user", NULL);
  g_autofree char *path = g_build_filename (dir, "candidates.balans", NULL);
  g_autofree char *document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(BalImportReport) report = NULL;
  g_autoptr(GArray) jobs = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) candidates_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fts_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fts_text = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) all = NULL;
  double import[RUNS], parse[RUNS], import_cpu[RUNS], parse_cpu[RUNS], reimport[RUNS], reimport_cpu[RUNS];
  double first;
  BalImportResult *parsed;
  gint64 start, cpu_start;

  if (argc != 2)
    {
      g_printerr ("Usage: %s REALJOBS_DIR\n", argv[0]);
      return 2;
    }

  g_mkdir_with_parents (dir, 0755);
  g_setenv ("BALANS_DATA_DIR", user_dir, TRUE);

  /* A project first: it makes the core's resources available. */
  g_unlink (path);
  project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
  document = make_handbook (dir);

  for (int run = 0; run < RUNS; run++)
    {
      import[run] = time_import (dir, document, IMPORT, &import_cpu[run]);
      reimport[run] = time_import (dir, document, REIMPORT, &reimport_cpu[run]);
      parse[run] = time_import (dir, document, PARSE_ONLY, &parse_cpu[run]);
    }
  qsort (import, RUNS, sizeof (double), compare_double);
  qsort (parse, RUNS, sizeof (double), compare_double);
  qsort (import_cpu, RUNS, sizeof (double), compare_double);
  qsort (parse_cpu, RUNS, sizeof (double), compare_double);
  qsort (reimport, RUNS, sizeof (double), compare_double);
  qsort (reimport_cpu, RUNS, sizeof (double), compare_double);
  g_print ("import of %d reference functions (median of %d): %.0f ms, CPU %.0f ms; "
           "the bare parse of the document: %.0f ms, CPU %.0f ms\n",
           REFERENCES, RUNS, import[RUNS / 2], import_cpu[RUNS / 2], parse[RUNS / 2], parse_cpu[RUNS / 2]);
  g_print ("re-import of the same %d over themselves (median of %d): %.0f ms, CPU %.0f ms; "
           "the bare parse of the document: %.0f ms, CPU %.0f ms\n",
           REFERENCES, RUNS, reimport[RUNS / 2], reimport_cpu[RUNS / 2], parse[RUNS / 2], parse_cpu[RUNS / 2]);

  /* The demo handbook and the 1,000 more. */
  method = bal_handbook_load_method (project, &error);
  g_assert_no_error (error);
  source = g_file_new_for_path (document);
  parsed = bal_handbook_parse_file (source, (const char * const *)method->grades, NULL);
  report = bal_handbook_import (project, source, parsed, &error);
  g_assert_no_error (error);
  g_clear_pointer (&report, bal_import_report_free);
  bal_import_result_free (parsed);
  jobs = add_jobs (project, argv[1]);

  start = g_get_monotonic_time ();
  all = bal_matching_candidates (project, g_array_index (jobs, gint64, 0), 10, &error);
  first = ms_since (start);
  g_assert_no_error (error);
  g_clear_pointer (&all, g_ptr_array_unref);

  for (int round = 0; round < ROUNDS; round++)
    for (guint j = 0; j < jobs->len; j++)
      {
        gint64 id = g_array_index (jobs, gint64, j);
        g_autoptr(BalJob) job = bal_jobs_get (project, id, &error);
        g_autoptr(GPtrArray) ranked = NULL;
        g_autoptr(GPtrArray) found = NULL;
        double ms;

        start = g_get_monotonic_time ();
        cpu_start = cpu_time ();
        ranked = bal_matching_candidates (project, id, 10, &error);
        ms = ms_since (start);
        g_array_append_val (candidates, ms);
        ms = cpu_ms_since (cpu_start);
        g_array_append_val (candidates_cpu, ms);
        g_assert_no_error (error);
        g_assert_cmpuint (ranked->len, ==, 10);

        start = g_get_monotonic_time ();
        cpu_start = cpu_time ();
        found = bal_handbook_search (project, job->title, NULL, &error);
        ms = ms_since (start);
        g_array_append_val (fts, ms);
        ms = cpu_ms_since (cpu_start);
        g_array_append_val (fts_cpu, ms);
        g_assert_no_error (error);
      }

  /* The FTS5 query of all the job's words: a few rounds, it is slow. */
  for (int round = 0; round < 2; round++)
    for (guint j = 0; j < jobs->len; j++)
      {
        g_autoptr(BalJob) job = bal_jobs_get (project, g_array_index (jobs, gint64, j), &error);
        g_autofree char *words = g_strjoin ("\n", job->title, job->description, NULL);
        g_autoptr(GPtrArray) found = NULL;
        double ms;

        start = g_get_monotonic_time ();
        found = bal_handbook_search (project, words, NULL, &error);
        ms = ms_since (start);
        g_assert_no_error (error);
        g_array_append_val (fts_text, ms);
      }

  g_print ("candidates over %d reference functions, %u real jobs x %d: p50 %.2f ms, p95 %.2f ms; "
           "CPU p50 %.2f ms, p95 %.2f ms (the first, reading the handbook: %.0f ms)\n",
           REFERENCES + 36, jobs->len, ROUNDS, percentile (candidates, 0.5), percentile (candidates, 0.95),
           percentile (candidates_cpu, 0.5), percentile (candidates_cpu, 0.95), first);
  g_print ("the FTS5 query of the job's title alone (bal_handbook_search: MATCH, bm25, every hit): "
           "p50 %.2f ms, p95 %.2f ms; CPU p50 %.2f ms, p95 %.2f ms\n",
           percentile (fts, 0.5), percentile (fts, 0.95), percentile (fts_cpu, 0.5), percentile (fts_cpu, 0.95));
  g_print ("the FTS5 query of the title's and description's words: p50 %.2f ms, p95 %.2f ms\n",
           percentile (fts_text, 0.5), percentile (fts_text, 0.95));

  return 0;
}
