/* test-handbook-widgets.c: the Handbook page, driven through its widgets
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "bal-demo.h"
#include "bal-handbook-item.h"
#include "bal-handbook-page.h"
#include "bal-reference-detail.h"
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
  g_assert_true (bal_handbook_page_get_project (BAL_HANDBOOK_PAGE (page)) == bal_window_get_project (window));
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

/* A window on a copy of the demo project, on its Handbook page. */
static GtkWidget *
open_handbook_sized (const char  *path,
                     int          width,
                     int          height,
                     BalWindow  **window_out)
{
  BalApplication *app = bal_test_application ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  BalWindow *window;
  GtkStack *stack;
  GtkWidget *page;

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  bal_project_close (project);

  window = bal_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  bal_application_open_project (app, file, FALSE, GTK_WINDOW (window));
  bal_test_wait_for_map (GTK_WIDGET (window));

  stack = bal_project_view_get_stack (BAL_PROJECT_VIEW (bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_PROJECT_VIEW, NULL)));
  gtk_stack_set_visible_child_name (stack, "handbook");
  page = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_HANDBOOK_PAGE, NULL);
  g_assert_nonnull (page);
  for (guint waited = 0; gtk_stack_get_transition_running (stack) && waited < 200; waited++)
    {
      g_usleep (10000);
      bal_test_iterate ();
    }
  g_assert_true (gtk_widget_get_mapped (page));

  *window_out = window;
  return page;
}

/* The same, on a small laptop's screen. */
static GtkWidget *
open_handbook (const char  *path,
               BalWindow  **window_out)
{
  return open_handbook_sized (path, 1366, 768, window_out);
}

/* The label showing @text in the list's row, made by the row factory. */
static GtkWidget *
find_row_label (GtkWidget  *page,
                const char *text)
{
  GtkWidget *list = bal_test_find_widget (page, GTK_TYPE_LIST_VIEW, NULL);

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = bal_test_find_label (row, text);

      if (label != NULL && gtk_widget_get_visible (label))
        return label;
    }

  return NULL;
}

/* A click on a row of the list: the detail shows that reference function,
 * and a family heading cannot be chosen. */
static void
test_select_shows_detail (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-handbook-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.balans", NULL);
  BalWindow *window;
  GtkWidget *page = open_handbook (path, &window);
  GListModel *model = bal_handbook_page_get_model (BAL_HANDBOOK_PAGE (page));
  GtkWidget *detail = bal_test_find_widget (page, BAL_TYPE_REFERENCE_DETAIL, NULL);
  g_autoptr(BalHandbookItem) family = g_list_model_get_item (model, 0);
  g_autoptr(BalHandbookItem) first = g_list_model_get_item (model, 1);
  g_autoptr(BalHandbookItem) second = g_list_model_get_item (model, 2);
  g_autoptr(BalHandbookItem) item = NULL;
  g_autofree char *line = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *label;
  GtkWidget *entry;

  g_assert_nonnull (detail);
  g_assert_true (bal_handbook_item_is_family (family));
  g_assert_false (bal_handbook_item_is_family (first));
  g_assert_false (bal_handbook_item_is_family (second));
  g_assert_cmpstr (bal_handbook_item_get_family (first), ==, bal_handbook_item_get_family (family));
  g_assert_null (bal_reference_detail_get_code (BAL_REFERENCE_DETAIL (detail)));

  /* The rows show the items' properties. */
  label = find_row_label (page, bal_handbook_item_get_title (second));
  g_assert_nonnull (label);
  g_assert_nonnull (find_row_label (page, bal_handbook_item_get_code (second)));
  g_assert_nonnull (find_row_label (page, bal_handbook_item_get_family (family)));

  /* Click on the second function's row. */
  g_assert_true (gtk_widget_activate_action (label, "listitem.select", "(bb)", FALSE, FALSE));
  bal_test_iterate ();
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 2);
  g_assert_cmpstr (bal_reference_detail_get_code (BAL_REFERENCE_DETAIL (detail)), ==,
                   bal_handbook_item_get_code (second));
  g_assert_true (gtk_widget_is_drawable (detail));
  g_assert_nonnull (bal_test_find_label (detail, bal_handbook_item_get_title (second)));
  line = g_strdup_printf ("%s · %s", bal_handbook_item_get_code (second), bal_handbook_item_get_family (second));
  g_assert_nonnull (bal_test_find_label (detail, line));
  g_assert_null (bal_test_find_label (detail, bal_handbook_item_get_title (first)));
  bal_test_save_screenshot (GTK_WIDGET (window), "handbook-detail.png");
  if (g_getenv ("BALANS_SHOTS") != NULL)
    {
      GtkWidget *scroller = bal_test_find_widget (detail, GTK_TYPE_SCROLLED_WINDOW, NULL);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      /* The rules and the profile, at the end. */
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      bal_test_save_screenshot (GTK_WIDGET (window), "handbook-detail-end.png");
      gtk_adjustment_set_value (adjustment, 0);
    }

  /* A family heading is no function: clicking it changes nothing. */
  label = find_row_label (page, bal_handbook_item_get_family (family));
  gtk_widget_activate_action (label, "listitem.select", "(bb)", FALSE, FALSE);
  bal_test_iterate ();
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 2);
  g_assert_cmpstr (bal_reference_detail_get_code (BAL_REFERENCE_DETAIL (detail)), ==,
                   bal_handbook_item_get_code (second));

  /* Then the first function: the detail follows. */
  label = find_row_label (page, bal_handbook_item_get_title (first));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_activate_action (label, "listitem.select", "(bb)", FALSE, FALSE));
  bal_test_iterate ();
  g_assert_cmpstr (bal_reference_detail_get_code (BAL_REFERENCE_DETAIL (detail)), ==,
                   bal_handbook_item_get_code (first));
  g_assert_nonnull (bal_test_find_label (detail, bal_handbook_item_get_title (first)));
  g_assert_null (bal_test_find_label (detail, bal_handbook_item_get_title (second)));

  /* Alternative titles saved in the detail: in the file, and in the same
   * item of the list, whose row shows them; the list is not rebuilt. */
  entry = bal_test_find_widget (detail, ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Eerste titel,  Tweede titel ,");
  g_signal_emit_by_name (entry, "apply");
  bal_test_iterate ();
  g_assert_cmpstr (bal_handbook_item_get_alternative_titles (first), ==, "Eerste titel, Tweede titel");
  item = g_list_model_get_item (model, 1);
  g_assert_true (item == first);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 1);
  g_assert_nonnull (find_row_label (page, "Eerste titel, Tweede titel"));
  sql = g_strdup_printf ("SELECT count(*) FROM alternative_title a JOIN reference_function r ON r.id = a.reference_id "
                         "WHERE r.code = '%s' AND a.title IN ('Eerste titel', 'Tweede titel')",
                         bal_handbook_item_get_code (first));
  g_assert_cmpint (query_int (path, sql), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

/* Closing the window stops an import under way: nothing is stored and
 * nothing is reported, and nothing touches the page after it is gone. */
static void
test_import_cancelled_on_close (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-handbook-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.balans", NULL);
  g_autofree char *table_row = g_test_build_filename (G_TEST_DIST, "data", "import", "table-row.txt", NULL);
  g_autoptr(GFile) table_row_file = g_file_new_for_path (table_row);
  g_autoptr(GListStore) documents = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GtkWidget) page = NULL;
  ImportOutcome outcome = { 0 };
  BalWindow *window;

  page = g_object_ref (open_handbook (path, &window));
  g_signal_connect (page, "imported", G_CALLBACK (imported), &outcome);
  g_list_store_append (documents, table_row_file);
  bal_handbook_page_import_files (BAL_HANDBOOK_PAGE (page), G_LIST_MODEL (documents));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Long enough for the worker to have read the document. */
  for (guint waited = 0; waited < 100; waited++)
    {
      g_usleep (10000);
      bal_test_iterate ();
    }
  g_assert_false (outcome.done);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM reference_function WHERE code = '3.2'"), ==, 0);

  bal_remove_tree (dir);
}

/* Presses @keyval as the keyboard does: the key binding of @widget (or
 * of a widget in it) runs. */
static void
press (GtkWidget *widget,
       guint      keyval)
{
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, 0);
  GtkWidget *owner = NULL;
  GtkShortcut *shortcut = bal_test_find_shortcut (widget, trigger, &owner);

  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, owner,
                                               gtk_shortcut_get_arguments (shortcut)));
  bal_test_iterate ();
}

/* By keyboard alone: Tab from the search into the list, the arrow keys
 * through the functions (each shown as it is reached), Tab on into the
 * detail. */
static void
test_keyboard (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-handbook-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.balans", NULL);
  BalWindow *window;
  GtkWidget *page = open_handbook (path, &window);
  GListModel *model = bal_handbook_page_get_model (BAL_HANDBOOK_PAGE (page));
  GtkWidget *list = bal_test_find_widget (page, GTK_TYPE_LIST_VIEW, NULL);
  GtkWidget *detail = bal_test_find_widget (page, BAL_TYPE_REFERENCE_DETAIL, NULL);
  guint tabs = 0;
  guint first;

  g_assert_true (gtk_widget_activate_action (page, "handbook.focus-search", NULL));
  bal_test_iterate ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (bal_handbook_page_get_search_entry (BAL_HANDBOOK_PAGE (page)))));

  while (!gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list) && tabs++ < 4)
    {
      g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
      bal_test_iterate ();
    }
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));

  /* Down from the first family heading: its first function, then the next. */
  press (list, GDK_KEY_Down);
  first = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
  g_assert_cmpuint (first, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_widget_get_mapped (detail));
  press (list, GDK_KEY_Down);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, first + 1);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));
  press (list, GDK_KEY_Up);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, first);

  /* Shift+Tab: back out of the list, not to the row above. */
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_BACKWARD);
  bal_test_iterate ();
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, first);

  /* Tab, back into the list on the function chosen; Tab again: out of the
   * list, into the detail of that function, not to the next row. */
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
  bal_test_iterate ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
  bal_test_iterate ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), detail));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, first);

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

/* Folded on a phone-sized window: the arrow keys walk the list without
 * leaving it; Return opens the function, and Back returns to the list. */
static void
test_keyboard_folded (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-handbook-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.balans", NULL);
  BalWindow *window;
  GtkWidget *page = open_handbook_sized (path, 360, 640, &window);
  GListModel *model = bal_handbook_page_get_model (BAL_HANDBOOK_PAGE (page));
  GtkWidget *list = bal_test_find_widget (page, GTK_TYPE_LIST_VIEW, NULL);
  GtkWidget *detail = bal_test_find_widget (page, BAL_TYPE_REFERENCE_DETAIL, NULL);
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (list, ADW_TYPE_LEAFLET));
  g_autoptr(BalHandbookItem) item = NULL;
  guint chosen;

  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD));
  bal_test_iterate ();
  press (list, GDK_KEY_Down);
  press (list, GDK_KEY_Down);
  chosen = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
  g_assert_cmpuint (chosen, ==, 2);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));

  /* Return on the row: its function, in the detail. */
  press (gtk_root_get_focus (GTK_ROOT (window)), GDK_KEY_Return);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  item = g_list_model_get_item (model, chosen);
  g_assert_cmpstr (bal_reference_detail_get_code (BAL_REFERENCE_DETAIL (detail)), ==, bal_handbook_item_get_code (item));

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_remove_tree (dir);
}

/* The button in @root that runs @action. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The "review" property: the handbook is read, its detail not editable
 * and nothing imported; and back. */
static void
test_review_property (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-handbook-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.balans", NULL);
  BalWindow *window;
  GtkWidget *page = open_handbook (path, &window);
  GtkWidget *detail = bal_test_find_widget (page, BAL_TYPE_REFERENCE_DETAIL, NULL);
  GtkWidget *import = find_action_button (page, "handbook.import");

  g_assert_nonnull (import);
  g_assert_true (bal_reference_detail_get_editable (BAL_REFERENCE_DETAIL (detail)));
  g_assert_true (gtk_widget_get_sensitive (import));

  g_object_set (page, "review", TRUE, NULL);
  bal_test_iterate ();
  g_assert_false (bal_reference_detail_get_editable (BAL_REFERENCE_DETAIL (detail)));
  g_assert_false (gtk_widget_get_sensitive (import));

  g_object_set (page, "review", FALSE, NULL);
  bal_test_iterate ();
  g_assert_true (bal_reference_detail_get_editable (BAL_REFERENCE_DETAIL (detail)));
  g_assert_true (gtk_widget_get_sensitive (import));

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
  bal_test_use_environment_locale ();

  g_test_add_func ("/widgets/handbook/search-edit-import", test_handbook_page);
  g_test_add_func ("/widgets/handbook/select-shows-detail", test_select_shows_detail);

  g_test_add_func ("/widgets/handbook/import-cancelled-on-close", test_import_cancelled_on_close);
  g_test_add_func ("/widgets/handbook/keyboard", test_keyboard);
  g_test_add_func ("/widgets/handbook/keyboard-folded", test_keyboard_folded);
  g_test_add_func ("/widgets/handbook/review-property", test_review_property);
  return g_test_run ();
}
