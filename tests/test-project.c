/* test-project.c: the project file: create, open, migrate, refuse
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "bal-project.h"
#include "bal-project-private.h"
#include "test-cli-util.h"

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("balans-test-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "test.balans", NULL);
  f->file = g_file_new_for_path (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_clear_object (&f->file);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *version = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);

  project = bal_project_create (f->file, "Zorggroep Noord", &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpint (bal_project_get_schema_version (project), ==, bal_project_latest_version ());

  organisation = bal_project_dup_organisation (project);
  g_assert_cmpstr (organisation, ==, "Zorggroep Noord");

  {
    sqlite3_stmt *stmt = bal_project_prepare (project, "PRAGMA foreign_keys", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_reset (stmt);
  }

  bal_project_close (project);

  /* At rest the file stands alone. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  app_id = bal_test_query_text (f->path, "PRAGMA application_id");
  g_assert_cmpstr (app_id, ==, "1111575635");
  version = bal_test_query_text (f->path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, bal_project_latest_version ());
}

static void
test_create_refuses_existing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (f->path, "keep me", -1, NULL));
  project = bal_project_create (f->file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_EXISTS);
  g_assert_true (strstr (error->message, f->path) != NULL);

  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
}

static void
test_edit_is_committed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seen = NULL;

  project = bal_project_create (f->file, "Eerst", &error);
  g_assert_no_error (error);

  g_assert_true (bal_project_set_organisation (project, "Daarna", &error));
  g_assert_no_error (error);

  /* Another connection sees the edit while the project is still open. */
  seen = bal_test_query_text (f->path, "SELECT organisation FROM project");
  g_assert_cmpstr (seen, ==, "Daarna");
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(BalProject) created = NULL;
  g_autoptr(BalProject) opened = NULL;
  g_autoptr(BalProjectSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  created = bal_project_create (f->file, "Gemeente Zuid", &error);
  g_assert_no_error (error);
  bal_project_close (created);

  opened = bal_project_open (f->file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (opened);

  summary = bal_project_get_summary (opened, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->organisation, ==, "Gemeente Zuid");
  g_assert_cmpint (summary->n_jobs, ==, 0);
  g_assert_cmpint (summary->n_decisions, ==, 0);
  g_assert_nonnull (summary->created);
}

static void
test_migrate (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) step1 = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *tables = NULL;

  /* A file as the first version of Balans wrote it. */
  project = bal_project_create (f->file, NULL, &error);
  g_assert_no_error (error);
  bal_project_close (project);
  g_clear_object (&project);
  g_unlink (f->path);

  step1 = g_resources_lookup_data ("/io/github/balans/Balans/schema/001-project.sql", 0, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("PRAGMA application_id = 1111575635;"
                         "%.*s;"
                         "INSERT INTO project VALUES (1, 'Oud B.V.', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
                         "PRAGMA user_version = 1;",
                         (int)g_bytes_get_size (step1), (const char *)g_bytes_get_data (step1, NULL));
  bal_test_attack (f->path, sql);

  project = bal_project_open (f->file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bal_project_get_schema_version (project), ==, bal_project_latest_version ());

  organisation = bal_project_dup_organisation (project);
  g_assert_cmpstr (organisation, ==, "Oud B.V.");
  bal_project_close (project);

  tables = bal_test_query_text (f->path,
                       "SELECT group_concat (name, ',') FROM (SELECT name FROM sqlite_schema "
                       "WHERE type = 'table' AND name IN ('handbook', 'job', 'decision') ORDER BY name)");
  g_assert_cmpstr (tables, ==, "decision,handbook,job");
}

static void
assert_refused_unchanged (Fixture    *f,
                          int         code)
{
  g_autoptr(GBytes) before = bal_test_file_bytes (f->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = bal_project_open (f->file, &error);
  g_assert_null (project);
  g_assert_error (error, BAL_PROJECT_ERROR, code);
  g_assert_true (strstr (error->message, f->path) != NULL);

  after = bal_test_file_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_not_sqlite (Fixture       *f,
                        gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->path, "Functiefamilie\nKlantenservice\n", -1, NULL));
  assert_refused_unchanged (f, BAL_PROJECT_ERROR_NOT_A_PROJECT);

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  assert_refused_unchanged (f, BAL_PROJECT_ERROR_NOT_A_PROJECT);
}

static void
test_refuse_other_database (Fixture       *f,
                            gconstpointer  data)
{
  bal_test_attack (f->path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_refused_unchanged (f, BAL_PROJECT_ERROR_NOT_A_PROJECT);
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = bal_project_create (f->file, NULL, &error);
  g_assert_no_error (error);
  bal_project_close (project);

  bal_test_attack (f->path, "PRAGMA user_version = 999");
  assert_refused_unchanged (f, BAL_PROJECT_ERROR_NEWER_VERSION);
}

static void
test_refuse_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  project = bal_project_create (f->file, "Kapot", &error);
  g_assert_no_error (error);
  bal_project_close (project);

  /* Scribble over the schema page, past the file header. */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  for (gsize i = 100; i < 4096; i++)
    contents[i] = (char)(i * 7);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));

  assert_refused_unchanged (f, BAL_PROJECT_ERROR_CORRUPT);
}

static void
test_refuse_missing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = bal_project_open (f->file, &error);
  g_assert_null (project);
  g_assert_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/project/create", test_create);
  ADD ("/project/create/refuses-existing", test_create_refuses_existing);
  ADD ("/project/edit-is-committed", test_edit_is_committed);
  ADD ("/project/open", test_open);
  ADD ("/project/migrate/from-1", test_migrate);
  ADD ("/project/refuse/not-sqlite", test_refuse_not_sqlite);
  ADD ("/project/refuse/other-database", test_refuse_other_database);
  ADD ("/project/refuse/newer-version", test_refuse_newer);
  ADD ("/project/refuse/corrupt", test_refuse_corrupt);
  ADD ("/project/refuse/missing", test_refuse_missing);
#undef ADD

  return g_test_run ();
}
