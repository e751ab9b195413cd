/* test-queries.c: every query by job or by reference function uses an index
 *
 * The core is exercised as the app and the CLI use it; every statement it
 * prepares is collected and its EXPLAIN QUERY PLAN read. A statement that
 * looks up by job must not pass over a table kept by job (decision,
 * job_status, remark, answer, decision_verdict, dismissed_hint, the audit
 * log and the review procedure's tables); one that looks up by reference
 * function must not pass over a table kept by reference (alternative_title,
 * activity_group, activity, application_rule, reference_profile); no
 * statement may pass over one of them inside a loop (once per job or
 * reference). The lookups a deletion's cascade makes in each child table of
 * a reference function (a reference imported again is deleted first) are
 * checked as well: EXPLAIN QUERY PLAN does not show them.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bal-consistency.h"
#include "bal-demo.h"
#include "bal-export.h"
#include "bal-grading.h"
#include "bal-audit.h"
#include "bal-notice.h"
#include "bal-description.h"
#include "bal-objection.h"
#include "bal-handbook.h"
#include "bal-hints.h"
#include "bal-jobs.h"
#include "bal-matching.h"
#include "bal-profile.h"
#include "bal-project-private.h"
#include "bal-questionnaire.h"
#include "bal-review.h"
#include "bal-structure.h"
#include "test-cli-util.h"

static const char * const by_job_tables[] = {
  "decision", "job_status", "remark", "answer", "decision_verdict", "dismissed_hint",
  "objection", "notice", "job_description", "description_signoff", "audit_log", NULL,
};

static const char * const by_reference_tables[] = {
  "alternative_title", "activity_group", "activity", "application_rule", "reference_profile", NULL,
};

static GMutex seen_lock;

static void
collect (const char *sql,
         gpointer    user_data)
{
  g_mutex_lock (&seen_lock);
  g_hash_table_add (user_data, g_strdup (sql));
  g_mutex_unlock (&seen_lock);
}

/* The names under which @sql reads the tables of @tables: the table's
 * own name and each alias it is given. */
static GHashTable *
table_names (const char         *sql,
             const char * const *tables)
{
  static const char * const not_alias[] = {
    "where", "on", "join", "left", "inner", "cross", "order", "group", "using", "limit",
    "union", "natural", "set", "values", "as", "natural", "window", "having", NULL,
  };
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *pattern = g_strdup_printf ("\\b%s\\b(?:\\s+(?:AS\\s+)?([A-Za-z_][A-Za-z_0-9]*))?",
                                                  tables[t]);
      g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_hash_table_add (names, g_strdup (tables[t]));
      g_regex_match (regex, sql, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *alias = g_match_info_fetch (match, 1);
          g_autofree char *lower = alias ? g_ascii_strdown (alias, -1) : NULL;

          if (lower != NULL && *lower != '\0' && !g_strv_contains (not_alias, lower))
            g_hash_table_add (names, g_steal_pointer (&alias));
          g_match_info_next (match, NULL);
        }
    }

  return names;
}

/* A statement that looks up by job: a job id bound or taken from an outer row. */
static gboolean
is_by_job (const char *sql)
{
  return g_regex_match_simple ("\\b(job_id|decision_id)\\s*=\\s*[?:@$]", sql, G_REGEX_CASELESS, 0) ||
         g_regex_match_simple ("\\bjob_id\\s+IN\\s*\\(\\s*[?]", sql, G_REGEX_CASELESS, 0);
}

/* A statement that looks up by reference function: its id (or an activity
 * group's) bound or taken from an outer row. */
static gboolean
is_by_reference (const char *sql)
{
  return g_regex_match_simple ("\\b(reference_id|group_id)\\s*=\\s*([?:@$]|[A-Za-z_]+\\.id\\b)", sql, G_REGEX_CASELESS, 0);
}

typedef struct
{
  int       id;
  int       parent;
  char     *detail;
} PlanRow;

static void
plan_row_clear (PlanRow *row)
{
  g_free (row->detail);
}

/* What is wrong with the plan of @sql, or NULL. */
static char *
check_plan (sqlite3    *db,
            const char *sql)
{
  g_autofree char *explain = g_strdup_printf ("EXPLAIN QUERY PLAN %s", sql);
  g_autoptr(GHashTable) names = table_names (sql, by_job_tables);
  g_autoptr(GHashTable) reference_names = table_names (sql, by_reference_tables);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (PlanRow));
  gboolean by_job = is_by_job (sql);
  gboolean by_reference = is_by_reference (sql);
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (rows, (GDestroyNotify)plan_row_clear);
  if (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL) != SQLITE_OK)
    return g_strdup_printf ("cannot explain: %s", sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PlanRow row = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                      g_strdup ((const char *)sqlite3_column_text (stmt, 3)) };

      g_array_append_val (rows, row);
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < rows->len; i++)
    {
      PlanRow *row = &g_array_index (rows, PlanRow, i);
      g_auto(GStrv) words = g_strsplit (row->detail, " ", 3);
      gboolean scan, bare, nested = FALSE, keyed;

      if (g_strv_length (words) < 2 ||
          (!g_str_equal (words[0], "SCAN") && !g_str_equal (words[0], "SEARCH")))
        continue;
      if (g_hash_table_contains (names, words[1]))
        keyed = by_job;
      else if (g_hash_table_contains (reference_names, words[1]))
        keyed = by_reference;
      else
        continue;

      scan = g_str_equal (words[0], "SCAN");
      bare = words[2] == NULL || !g_str_has_prefix (words[2], "USING");

      /* Inside a loop: a sibling loop before it, or a correlated subquery above it. */
      for (guint j = 0; j < i; j++)
        if (g_array_index (rows, PlanRow, j).parent == row->parent &&
            (g_str_has_prefix (g_array_index (rows, PlanRow, j).detail, "SCAN") ||
             g_str_has_prefix (g_array_index (rows, PlanRow, j).detail, "SEARCH")))
          nested = TRUE;
      for (int parent = row->parent; parent != 0 && !nested;)
        {
          int next = 0;

          for (guint j = 0; j < rows->len; j++)
            if (g_array_index (rows, PlanRow, j).id == parent)
              {
                nested = strstr (g_array_index (rows, PlanRow, j).detail, "CORRELATED") != NULL;
                next = g_array_index (rows, PlanRow, j).parent;
              }
          parent = next;
        }

      if ((keyed && (scan || bare)) || (nested && (scan || bare)))
        return g_strdup_printf ("“%s” in the plan", row->detail);
    }

  return NULL;
}

static void
test_by_job_indexed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-queries-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "queries.balans", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "queries.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (xlsx);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  BalDecisionInput input = { "KS.02", "D", "Gelijk aan KS.02.", "Afwijking.", "Evaluator", NULL, NULL };
  g_autoptr(GString) problems = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;
  gint64 agent, copy, remark;
  guint n_by_job = 0, n_by_reference = 0;
  sqlite3_stmt *children;

  bal_project_set_prepare_observer (collect, seen);

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  agent = bal_jobs_find (project, "Klantenservicemedewerker", &error);
  g_assert_no_error (error);
  bal_project_set_author (project, "Iris de Vries", "evaluator");

  /* What the pages, the CLI and the export do with jobs. */
  g_assert_cmpint (bal_grading_decide (project, agent, &input, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (bal_grading_decide (project, agent, &input, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (bal_review_set_status (project, agent, "proposed", "", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bal_objection_lodge (project, agent, "Sanne Jansen", "Te laag.", NULL, &error), >, 0);
  g_assert_no_error (error);
  {
    g_autoptr(BalNotice) notice = bal_notice_issue (project, agent, &error);

    g_assert_no_error (error);
    g_assert_nonnull (notice);
  }
  remark = bal_review_add_remark (project, agent, "works-council", "OR", "Waarom D?", &error);
  g_assert_no_error (error);
  g_assert_true (bal_review_resolve_remark (project, remark, &error));
  {
    g_autoptr(GPtrArray) a = bal_grading_history (project, agent, &error);
    g_autoptr(BalDecision) b = bal_grading_latest (project, agent, &error);
    g_autofree char *c = bal_review_status (project, agent, &error);
    g_autoptr(GPtrArray) d = bal_review_history (project, agent, &error);
    g_autoptr(GPtrArray) e = bal_review_remarks (project, agent, FALSE, &error);
    g_autoptr(GPtrArray) e2 = bal_review_remarks (project, 0, TRUE, &error);
    g_autoptr(GPtrArray) g = bal_review_objections (project, &error);
    g_autoptr(GPtrArray) h = bal_jobs_overview (project, NULL, &error);
    g_autoptr(GPtrArray) h2 = bal_jobs_overview (project, "klant", &error);
    g_autoptr(GPtrArray) i = bal_jobs_list (project, NULL, &error);
    g_autoptr(BalJob) j = bal_jobs_get (project, agent, &error);
    g_autoptr(BalJobProfile) k = bal_profile_compute (project, agent, &error);
    g_autoptr(GPtrArray) l = bal_questionnaire_answers (project, agent, &error);
    g_autoptr(GPtrArray) m = bal_matching_candidates (project, agent, 5, &error);
    g_autoptr(BalComparison) n = bal_grading_compare (project, agent, "KS.02", &error);
    g_autoptr(BalStructure) o = bal_structure_build (project, &error);
    g_autoptr(GPtrArray) p = bal_consistency_check (project, &error);
    g_autoptr(GPtrArray) q = bal_hints_for_job (project, agent, NULL, &error);
    g_autoptr(GPtrArray) r = bal_objection_list (project, agent, FALSE, &error);
    g_autoptr(GPtrArray) r2 = bal_objection_list (project, 0, TRUE, &error);
    g_autoptr(GPtrArray) s = bal_description_versions (project, agent, &error);
    g_autofree char *t = bal_description_grading_warning (project, agent, &error);
    g_autoptr(GPtrArray) u = bal_audit_sentences (project, agent, &error);

    g_assert_no_error (error);
    g_assert_nonnull (p);
  }
  copy = bal_jobs_duplicate (project, agent, &error);
  g_assert_no_error (error);
  g_assert_true (bal_jobs_delete (project, copy, &error));
  g_assert_true (bal_jobs_undelete (project, copy, &error));
  g_assert_true (bal_questionnaire_clear (project, agent, "education", &error));
  g_assert_no_error (error);

  g_assert_true (bal_export_workbook (file, target, NULL, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bal_export_workbook (file, target, &agent, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* What the Handbook page and an import do with reference functions: the
   * demo handbook imported again replaces each of them. */
  {
    const char * const titles[] = { "Klantadviseur", "Servicemedewerker", NULL };
    g_autoptr(BalMethod) method = bal_handbook_load_method (project, &error);
    g_autoptr(BalReference) reference = NULL;
    BalCharacteristic *characteristic;

    g_assert_no_error (error);
    characteristic = g_ptr_array_index (method->characteristics, 0);
    g_assert_true (bal_handbook_set_alternative_titles (project, "KS.02", titles, &error));
    g_assert_no_error (error);
    g_assert_true (bal_handbook_set_profile_level (project, "KS.02", characteristic->id, 2, &error));
    g_assert_no_error (error);
    g_assert_true (bal_handbook_load_demo (project, &error));
    g_assert_no_error (error);
    reference = bal_handbook_get_reference (project, "KS.02", &error);
    g_assert_no_error (error);
    g_assert_nonnull (reference);
  }

  bal_project_set_prepare_observer (NULL, NULL);
  g_assert_cmpuint (g_hash_table_size (seen), >, 40);

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *problem = NULL;

      /* The statements of the audit log are checked by the integrity tests. */
      if (g_str_has_prefix (key, "PRAGMA") || g_str_has_prefix (key, "BEGIN") ||
          g_str_has_prefix (key, "COMMIT"))
        continue;
      n_by_job += is_by_job (key);
      n_by_reference += is_by_reference (key);
      problem = check_plan (bal_project_get_db (project), key);
      if (problem != NULL)
        g_string_append_printf (problems, "%s:\n  %s\n", problem, (const char *)key);
    }

  /* Deleting a reference function (or an activity group) looks up its rows
   * in each child table by the foreign key, once per row deleted. */
  g_assert_cmpint (sqlite3_prepare_v2 (bal_project_get_db (project),
                                       "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list (m.name) f "
                                       "WHERE m.type = 'table' AND f.\"table\" IN ('reference_function', 'activity_group') "
                                       "ORDER BY m.name",
                                       -1, &children, NULL), ==, SQLITE_OK);
  while (sqlite3_step (children) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s = ?1",
                                              (const char *)sqlite3_column_text (children, 0),
                                              (const char *)sqlite3_column_text (children, 1));
      g_autofree char *problem = check_plan (bal_project_get_db (project), sql);

      g_assert_true (is_by_reference (sql));
      n_by_reference++;
      if (problem != NULL)
        g_string_append_printf (problems, "%s (a deletion's cascade):\n  %s\n", problem, sql);
    }
  sqlite3_finalize (children);

  g_test_message ("%u statements, %u by job, %u by reference", g_hash_table_size (seen), n_by_job, n_by_reference);
  g_assert_cmpuint (n_by_job, >=, 8);
  g_assert_cmpuint (n_by_reference, >=, 10);
  if (problems->len > 0)
    g_test_message ("%s", problems->str);
  g_assert_cmpstr (problems->str, ==, "");

  bal_project_close (project);
  bal_remove_tree (dir);
}

/* The check itself finds a scan: the same query on a file without the index. */
static void
test_check_finds_scan (void)
{
  sqlite3 *db = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *fine = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE job (id INTEGER PRIMARY KEY, title TEXT);"
                                 "CREATE TABLE decision (id INTEGER PRIMARY KEY, job_id INTEGER, grade TEXT);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  problem = check_plan (db, "SELECT grade FROM decision WHERE job_id = ?1 ORDER BY id DESC LIMIT 1");
  g_assert_nonnull (problem);
  g_clear_pointer (&problem, g_free);
  problem = check_plan (db, "SELECT j.id, d.grade FROM job j "
                            "LEFT JOIN decision d ON d.id = (SELECT max (id) FROM decision WHERE job_id = j.id)");
  g_assert_nonnull (problem);
  g_assert_cmpint (sqlite3_exec (db, "CREATE INDEX decision_job ON decision (job_id, id)", NULL, NULL, NULL), ==, SQLITE_OK);
  fine = check_plan (db, "SELECT j.id, d.grade FROM job j "
                         "LEFT JOIN decision d ON d.id = (SELECT max (id) FROM decision WHERE job_id = j.id)");
  g_assert_null (fine);
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/queries/check-finds-scan", test_check_finds_scan);
  g_test_add_func ("/queries/by-job-indexed", test_by_job_indexed);

  return g_test_run ();
}
