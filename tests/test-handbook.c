/* test-handbook.c: the handbook inside a project: demo, store, search, edits
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "bal-demo.h"
#include "bal-handbook.h"
#include "test-cli-util.h"
#include "bal-project-private.h"

typedef struct
{
  char       *dir;
  BalProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("balans-handbook-XXXXXX", NULL);
  path = g_build_filename (f->dir, "demo.balans", NULL);
  file = g_file_new_for_path (path);
  f->project = bal_demo_create_empty (file, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  bal_remove_tree (f->dir);
  g_free (f->dir);
}

static int
count (BalProject *project,
       const char *sql)
{
  sqlite3_stmt *stmt = bal_project_prepare (project, sql, NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GPtrArray) families = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bal_handbook_has_handbook (f->project));

  method = bal_handbook_load_method (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (method->grades), ==, 12);
  g_assert_cmpstr (method->grades[0], ==, "A");
  g_assert_cmpstr (method->grades[11], ==, "L");
  g_assert_cmpuint (method->characteristics->len, ==, 4);
  g_assert_cmpuint (method->questions->len, >=, 20);

  families = bal_handbook_list_families (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (families->len, >=, 5);

  /* What the issue asks of the demo handbook. */
  g_assert_cmpint (count (f->project, "SELECT count(*) FROM reference_function"), >=, 30);
  g_assert_cmpint (count (f->project, "SELECT count(DISTINCT grade) FROM reference_function"), >=, 10);
  g_assert_cmpint (count (f->project,
                          "SELECT count(*) FROM reference_function r WHERE "
                          "r.position = '' OR r.purpose = '' OR r.complexity = '' OR r.autonomy = '' "
                          "OR r.risk = '' OR r.physical = '' OR r.context = '' "
                          "OR (SELECT count(*) FROM activity_group g WHERE g.reference_id = r.id) = 0 "
                          "OR (SELECT count(*) FROM application_rule a WHERE a.reference_id = r.id AND a.grade != '') != 3 "
                          "OR (SELECT count(*) FROM reference_profile p WHERE p.reference_id = r.id AND p.derived = 0) != 4 "
                          "OR (SELECT count(*) FROM alternative_title t WHERE t.reference_id = r.id) < 2"),
                   ==, 0);
  g_assert_cmpint (count (f->project, "SELECT count(*) FROM reference_fts"), ==,
                   count (f->project, "SELECT count(*) FROM reference_function"));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) family = NULL;
  g_autoptr(GError) error = NULL;
  BalReferenceSummary *first;

  /* A word inside a Dutch compound matches: "monteur" in "Servicemonteur". */
  found = bal_handbook_search (f->project, "buitendienst monteur", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, 1);
  first = g_ptr_array_index (found, 0);
  g_assert_cmpstr (first->code, ==, "AS.02");

  /* Alternative titles are searched too, English ones included. */
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bal_handbook_search (f->project, "Field Service Engineer", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, 1);
  first = g_ptr_array_index (found, 0);
  g_assert_cmpstr (first->code, ==, "AS.02");

  /* Diacritics do not matter, quotes and operators are plain text. */
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bal_handbook_search (f->project, "\"servicecoordinator*( -", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, 1);
  first = g_ptr_array_index (found, 0);
  g_assert_cmpstr (first->code, ==, "AS.05");

  none = bal_handbook_search (f->project, "astronaut", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  all = bal_handbook_search (f->project, "", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((int)all->len, ==, count (f->project, "SELECT count(*) FROM reference_function"));

  family = bal_handbook_search (f->project, NULL, "Klantenservice", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (family->len, >=, 5);
  for (guint i = 0; i < family->len; i++)
    {
      BalReferenceSummary *summary = g_ptr_array_index (family, i);

      g_assert_cmpstr (summary->family, ==, "Klantenservice");
      g_assert_true (g_str_has_prefix (summary->code, "KS."));
    }
}

static void
test_fts_query (void)
{
  g_autofree char *all = bal_handbook_fts_query ("Klant  coördinator!", TRUE);
  g_autofree char *any = bal_handbook_fts_query ("klant service klant", FALSE);
  g_autofree char *quotes = bal_handbook_fts_query ("\"ab\" b\"c", TRUE);
  g_autofree char *empty = bal_handbook_fts_query (" - ! ", TRUE);

  g_assert_cmpstr (all, ==, "\"klant\" AND \"coordinator\"");
  g_assert_cmpstr (any, ==, "\"klant\" OR \"service\"");
  g_assert_null (quotes);
  g_assert_null (empty);
}

static void
test_reference (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BalReference) reference = NULL;
  g_autoptr(BalReference) missing = NULL;
  g_autoptr(GError) error = NULL;
  BalReferenceDoc *doc;

  reference = bal_handbook_get_reference (f->project, "KS.02", &error);
  g_assert_no_error (error);
  doc = reference->doc;
  g_assert_cmpstr (doc->title, ==, "Medewerker klantenservice");
  g_assert_cmpstr (doc->family, ==, "Klantenservice");
  g_assert_cmpstr (doc->grade, ==, "D");
  g_assert_cmpstr (doc->rules[0].grade, ==, "C");
  g_assert_cmpstr (doc->rules[1].grade, ==, "D");
  g_assert_cmpstr (doc->rules[2].grade, ==, "E");
  g_assert_cmpuint (doc->activities->len, ==, 3);
  g_assert_cmpuint (reference->profile->len, ==, 4);
  g_assert_cmpstr (((BalProfileEntry *)g_ptr_array_index (reference->profile, 0))->characteristic_id, ==, "complexity");

  missing = bal_handbook_get_reference (f->project, "XX.99", &error);
  g_assert_null (missing);
  g_assert_error (error, BAL_HANDBOOK_ERROR, BAL_HANDBOOK_ERROR_NOT_FOUND);
}

static void
test_edit_profile (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BalReference) reference = NULL;
  g_autoptr(GError) error = NULL;
  BalProfileEntry *entry;

  g_assert_true (bal_handbook_set_profile_level (f->project, "KS.02", "risk", 5, &error));
  g_assert_no_error (error);
  reference = bal_handbook_get_reference (f->project, "KS.02", &error);
  entry = g_ptr_array_index (reference->profile, 2);
  g_assert_cmpstr (entry->characteristic_id, ==, "risk");
  g_assert_cmpint (entry->level, ==, 5);
  g_assert_false (entry->derived);

  g_assert_false (bal_handbook_set_profile_level (f->project, "KS.02", "risk", 7, &error));
  g_assert_error (error, BAL_HANDBOOK_ERROR, BAL_HANDBOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bal_handbook_set_profile_level (f->project, "KS.02", "courage", 2, &error));
  g_assert_error (error, BAL_HANDBOOK_ERROR, BAL_HANDBOOK_ERROR_NOT_FOUND);
}

static void
test_edit_alternative_titles (Fixture       *f,
                              gconstpointer  data)
{
  const char *titles[] = { "Klantadviseur", " Customer Happiness Hero ", "", NULL };
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(BalReference) reference = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bal_handbook_set_alternative_titles (f->project, "KS.03", titles, &error));
  g_assert_no_error (error);

  reference = bal_handbook_get_reference (f->project, "KS.03", &error);
  g_assert_cmpuint (reference->doc->alternative_titles->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (reference->doc->alternative_titles, 1), ==, "Customer Happiness Hero");

  /* The search index follows. */
  found = bal_handbook_search (f->project, "happiness hero", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((BalReferenceSummary *)g_ptr_array_index (found, 0))->code, ==, "KS.03");
}

static void
test_import_replaces_and_refuses (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *good = g_build_filename (f->dir, "nieuw.md", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "vacature.txt", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(BalImportResult) parsed = NULL;
  g_autoptr(BalImportResult) parsed_bad = NULL;
  g_autoptr(BalImportReport) report = NULL;
  g_autoptr(BalImportReport) report_bad = NULL;
  g_autoptr(BalReference) reference = NULL;
  g_autoptr(GError) error = NULL;
  int before = count (f->project, "SELECT count(*) FROM reference_function");
  const char *text =
    "# Functiefamilie\nKlantenservice\n\n## Referentiefunctie\nKS.02 Medewerker klantenservice en chat\n\n"
    "## Inschaling\nE\n\n## Doel van de functie\nBeantwoordt vragen via chat.\n\n"
    "## Toepassingsregels\nLichter\tAls lichter.\tD\nGelijk\tAls gelijk.\tE\nZwaarder\tAls zwaarder.\tF\n";

  g_assert_true (g_file_set_contents (good, text, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "Wij zoeken een enthousiaste collega voor ons team.\n", -1, NULL));

  parsed = bal_handbook_parse_file (good_file, NULL, NULL);
  report = bal_handbook_import (f->project, good_file, parsed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported->len, ==, 1);
  g_assert_cmpuint (report->errors->len, ==, 0);
  g_assert_cmpint (count (f->project, "SELECT count(*) FROM reference_function"), ==, before);

  reference = bal_handbook_get_reference (f->project, "KS.02", &error);
  g_assert_cmpstr (reference->doc->title, ==, "Medewerker klantenservice en chat");
  g_assert_cmpstr (reference->doc->grade, ==, "E");
  g_assert_cmpint (count (f->project, "SELECT count(*) FROM reference_fts WHERE reference_fts MATCH 'chat'"), >=, 1);

  parsed_bad = bal_handbook_parse_file (bad_file, NULL, NULL);
  report_bad = bal_handbook_import (f->project, bad_file, parsed_bad, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report_bad->imported->len, ==, 0);
  g_assert_cmpuint (report_bad->errors->len, >=, 1);
  g_assert_cmpint (count (f->project, "SELECT count(*) FROM reference_function"), ==, before);
}

static char *
search_index (BalProject *project)
{
  sqlite3_stmt *stmt = bal_project_prepare (project,
                                            "SELECT rowid, title, alternative_titles, purpose, activities "
                                            "FROM reference_fts ORDER BY rowid",
                                            NULL);
  GString *rows = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 5; i++)
      g_string_append_printf (rows, "%s%s", (const char *)sqlite3_column_text (stmt, i), i < 4 ? "|" : "\n");
  sqlite3_reset (stmt);

  return g_string_free (rows, FALSE);
}

/* An import writes each search index row from the document; an edit
 * rewrites it from the tables: both the same text. */
static void
test_search_index_as_edited (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *imported = search_index (f->project);
  g_autofree char *edited = NULL;
  g_autoptr(GPtrArray) all = bal_handbook_search (f->project, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (all->len, >, 30);
  g_assert_nonnull (strstr (imported, "beantwoorden van eerstelijnsvragen neemt inkomende"));
  for (guint i = 0; i < all->len; i++)
    {
      BalReferenceSummary *summary = g_ptr_array_index (all, i);
      g_autoptr(BalReference) reference = bal_handbook_get_reference (f->project, summary->code, &error);
      g_autoptr(GPtrArray) titles = g_ptr_array_new ();

      g_assert_no_error (error);
      for (guint j = 0; j < reference->doc->alternative_titles->len; j++)
        g_ptr_array_add (titles, g_ptr_array_index (reference->doc->alternative_titles, j));
      g_ptr_array_add (titles, NULL);
      g_assert_true (bal_handbook_set_alternative_titles (f->project, summary->code,
                                                          (const char * const *)titles->pdata, &error));
      g_assert_no_error (error);
    }
  edited = search_index (f->project);
  g_assert_cmpstr (imported, ==, edited);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/handbook/demo", test_demo);
  ADD ("/handbook/search", test_search);
  ADD ("/handbook/reference", test_reference);
  ADD ("/handbook/edit/profile", test_edit_profile);
  ADD ("/handbook/edit/alternative-titles", test_edit_alternative_titles);
  ADD ("/handbook/import/replaces-and-refuses", test_import_replaces_and_refuses);
  ADD ("/handbook/import/search-index-as-edited", test_search_index_as_edited);
  g_test_add_func ("/handbook/fts-query", test_fts_query);
#undef ADD

  return g_test_run ();
}
