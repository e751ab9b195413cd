/* test-handbook-widgets.c: the Handbook page, driven through its widgets
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bal-demo.h"
#include "bal-handbook-item.h"
#include "bal-handbook-page.h"
#include "bal-project-view.h"
#include "bal-window.h"
#include "test-widget-util.h"
#include "bal-project-private.h"

typedef struct
{
  gboolean done;
  guint    imported;
  guint    failed;
  char    *report;
} ImportOutcome;

static void
imported (BalHandbookPage *page,
          guint            n_imported,
          guint            n_failed,
          const char      *report,
          ImportOutcome   *outcome)
{
  outcome->done = TRUE;
  outcome->imported = n_imported;
  outcome->failed = n_failed;
  outcome->report = g_strdup (report);
}

static const char *
first_code (BalHandbookPage *page)
{
  GListModel *model = bal_handbook_page_get_model (page);
  g_autoptr(BalHandbookItem) item = g_list_model_get_item (model, 0);

  return item ? bal_handbook_item_get_code (item) : NULL;
}

static int
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
test_handbook_page (void)
{
  BalApplication *app = bal_test_application ();
  g_autofree char *dir = g_dir_make_tmp ("balans-handbook-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) documents = g_list_store_new (G_TYPE_FILE);
  g_autofree char *table_row = g_test_build_filename (G_TEST_DIST, "data", "import", "table-row.txt", NULL);
  g_autofree char *vacancy = g_test_build_filename (G_TEST_DIST, "data", "import", "vacancy.txt", NULL);
  g_autoptr(GFile) table_row_file = g_file_new_for_path (table_row);
  g_autoptr(GFile) vacancy_file = g_file_new_for_path (vacancy);
  ImportOutcome outcome = { 0 };
  BalWindow *window;
  GtkStack *stack;
  GtkWidget *page;
  GtkWidget *spin;
  GtkSearchEntry *search;
  guint waited = 0;

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  bal_project_close (project);

  window = bal_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  bal_application_open_project (app, file, FALSE, GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));

  stack = bal_project_view_get_stack (BAL_PROJECT_VIEW (bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_PROJECT_VIEW, NULL)));
  gtk_stack_set_visible_child_name (stack, "handbook");
  page = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_HANDBOOK_PAGE, NULL);
  g_assert_nonnull (page);
  bal_test_iterate ();

  /* Without a search: the first row is the first family. */
  g_assert_null (first_code (BAL_HANDBOOK_PAGE (page)));
  bal_test_save_screenshot (GTK_WIDGET (window), "handbook-list.png");

  /* Searching as one types, a word inside a compound included. */
  search = bal_handbook_page_get_search_entry (BAL_HANDBOOK_PAGE (page));
  gtk_editable_set_text (GTK_EDITABLE (search), "buitendienst monteur");
  while (g_strcmp0 (first_code (BAL_HANDBOOK_PAGE (page)), "AS.02") != 0 && waited++ < 200)
    {
      g_usleep (10000);
      bal_test_iterate ();
    }
  g_assert_cmpstr (first_code (BAL_HANDBOOK_PAGE (page)), ==, "AS.02");
  bal_test_iterate ();

  /* The best match is open, with its rules and profile. */
  g_assert_nonnull (bal_test_find_label (page, "Servicemonteur buitendienst"));
  g_assert_nonnull (bal_test_find_label (page, "Application Rules"));
  bal_test_save_screenshot (GTK_WIDGET (window), "handbook-search.png");

  /* A profile level changed in the widget is in the file at once. */
  spin = bal_test_find_widget (page, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 6);
  bal_test_iterate ();
  g_assert_cmpint (query_int (path,
                              "SELECT level FROM reference_profile p JOIN reference_function r ON r.id = p.reference_id "
                              "WHERE r.code = 'AS.02' AND p.characteristic_id = 'complexity'"), ==, 6);

  /* Import, as the file chooser and a drop do it. */
  g_signal_connect (page, "imported", G_CALLBACK (imported), &outcome);
  g_list_store_append (documents, table_row_file);
  g_list_store_append (documents, vacancy_file);
  bal_handbook_page_import_files (BAL_HANDBOOK_PAGE (page), G_LIST_MODEL (documents));

  for (waited = 0; !outcome.done && waited < 500; waited++)
    {
      g_usleep (10000);
      bal_test_iterate ();
    }
  g_assert_true (outcome.done);
  g_assert_cmpuint (outcome.imported, ==, 1);
  g_assert_cmpuint (outcome.failed, ==, 1);
  g_assert_nonnull (strstr (outcome.report, "3.2 Medewerker Magazijn Retouren"));
  g_assert_nonnull (strstr (outcome.report, "No reference function found"));
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM reference_function WHERE code = '3.2'"), ==, 1);
  bal_test_iterate ();
  bal_test_save_screenshot (GTK_WIDGET (window), "handbook-import.png");

  g_free (outcome.report);
  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  bal_test_application_init ();

  g_test_add_func ("/widgets/handbook/search-edit-import", test_handbook_page);

  return g_test_run ();
}
