/* test-procedure-widgets.c: the Review page in review mode with an overdue
 * objection, the audit trail in words, and the description panel
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bal-demo.h"
#include "bal-description.h"
#include "bal-description-panel.h"
#include "bal-grading.h"
#include "bal-jobs.h"
#include "bal-jobs-page.h"
#include "bal-objection.h"
#include "bal-objection-row.h"
#include "bal-remark-row.h"
#include "bal-review.h"
#include "bal-review-page.h"
#include "bal-scale-row.h"
#include "bal-handbook.h"
#include "bal-project-view.h"
#include "bal-window.h"
#include "test-widget-util.h"

/* A project with a proposed grading the works council objected to 40 days
 * ago, still open: overdue. */
static BalProject *
objected_project (const char *path,
                  gint64     *agent)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = bal_date_today ();
  g_autofree char *lodged = bal_date_add_days (today, -40);
  BalDecisionInput input = { "KS.02", "D", "De functie handelt klachten zelfstandig af.", "Vooruitlopend.", NULL, NULL, NULL };
  BalProject *project = bal_demo_create (file, &error);

  g_assert_no_error (error);
  *agent = bal_jobs_find (project, "Klantenservicemedewerker", &error);
  bal_project_set_author (project, "Sanne Jansen", "evaluator");
  g_assert_cmpint (bal_grading_decide (project, *agent, &input, &error), >, 0);
  g_assert_true (bal_review_set_status (project, *agent, "proposed", "Klaar voor de OR.", &error));
  bal_project_set_author (project, "Karin Smit", "works-council");
  g_assert_cmpint (bal_objection_lodge (project, *agent, NULL, "Klachtafhandeling weegt zwaarder dan bij KS.02.", lodged, &error), >, 0);
  g_assert_no_error (error);

  return project;
}

static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return child;
      if ((found = find_label_containing (child, text)) != NULL)
        return found;
    }

  return NULL;
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static void
test_review_page_review_mode (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-procedure-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "or.balans", NULL);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.balans.Balans");
  GtkWidget *window, *page, *label, *row, *button;
  gint64 agent;

  project = objected_project (path, &agent);
  g_settings_set_string (settings, "author-name", "Karin Smit");
  g_settings_set_string (settings, "author-role", "works-council");
  bal_project_set_review_mode (project, TRUE);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1400);
  page = g_object_new (BAL_TYPE_REVIEW_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  bal_review_page_set_project (BAL_REVIEW_PAGE (page), project, TRUE);
  bal_review_page_show_job (BAL_REVIEW_PAGE (page), agent);
  gtk_window_present (GTK_WINDOW (window));
  bal_test_wait_for_map (window);

  g_assert_nonnull (bal_test_find_label (page, "Review"));
  g_assert_nonnull (bal_test_find_label (page, "You record as Karin Smit (Works council)."));
  /* The overdue objection stands out, first among the open ones. */
  label = bal_test_find_label (page, "Klantenservicemedewerker");
  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, BAL_TYPE_OBJECTION_ROW);
  g_assert_nonnull (row);
  g_assert_true (bal_objection_row_get_overdue (BAL_OBJECTION_ROW (row)));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* What can be done, in words; in review mode only objections and remarks:
   * every other editing widget is there but insensitive. */
  g_assert_nonnull (bal_test_find_label (page, bal_review_status_explanation ("proposed", TRUE)));
  button = bal_test_find_button (page, "Lodge _Objection");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  label = bal_test_find_label (page, "Note, or the reasons of an objection");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_sensitive (gtk_widget_get_ancestor (label, ADW_TYPE_ENTRY_ROW)));
  button = bal_test_find_button (page, "A_dopt");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));
  /* What the status does not allow is not offered at all. */
  g_assert_false (gtk_widget_is_visible (bal_test_find_button (page, "_Propose")));
  button = bal_test_find_button (page, "Uphold Grading");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_false (gtk_widget_is_sensitive (bal_test_find_button (page, "Record Advice")));
  g_assert_false (gtk_widget_is_sensitive (bal_test_find_widget (row, ADW_TYPE_ENTRY_ROW, NULL)));
  /* Nor can a remark be resolved. */
  {
    g_autoptr(GError) error = NULL;

    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    /* An opened objection stays open when the page follows a change. */
    row = bal_test_find_widget (page, BAL_TYPE_OBJECTION_ROW, NULL);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    g_assert_cmpint (bal_review_add_remark (project, agent, NULL, NULL, "Klachten wegen zwaarder.", &error), >, 0);
    g_assert_no_error (error);
    bal_test_iterate ();
    collect (page, BAL_TYPE_OBJECTION_ROW, rows);
    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_true (adw_expander_row_get_expanded (g_ptr_array_index (rows, 0)));
    g_assert_false (adw_expander_row_get_expanded (g_ptr_array_index (rows, 1)));
    row = bal_test_find_widget (page, BAL_TYPE_REMARK_ROW, NULL);
    g_assert_nonnull (row);
    g_assert_false (gtk_widget_is_sensitive (bal_test_find_button (row, "_Resolve")));
  }
  /* The audit trail in words. */
  g_assert_nonnull (find_label_containing (page, "Karin Smit lodged an objection against the grading of Klantenservicemedewerker"));
  bal_test_save_screenshot (window, "review-overdue-objection.png");

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  g_settings_reset (settings, "author-name");
  g_settings_reset (settings, "author-role");
  bal_project_close (project);
  bal_remove_tree (dir);
}

/* The visible message dialog, if any. */
static GtkWidget *
message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }

  return NULL;
}

/* Adopting a grading with an open objection asks first; only the answer
 * adopts it. */
static void
test_review_page_adopt_asks (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-adopt-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "vaststellen.balans", NULL);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.balans.Balans");
  g_autofree char *status = NULL;
  GtkWidget *window, *page, *adopt, *dialog;
  gint64 agent;

  project = objected_project (path, &agent);
  g_settings_set_string (settings, "author-name", "Sanne Jansen");
  g_settings_set_string (settings, "author-role", "evaluator");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1400);
  page = g_object_new (BAL_TYPE_REVIEW_PAGE, "project", project, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  bal_review_page_show_job (BAL_REVIEW_PAGE (page), agent);
  gtk_window_present (GTK_WINDOW (window));
  bal_test_wait_for_map (window);

  adopt = bal_test_find_button (page, "A_dopt");
  g_assert_nonnull (adopt);
  g_assert_true (gtk_widget_is_sensitive (adopt) && gtk_widget_is_visible (adopt));
  g_signal_emit_by_name (adopt, "clicked");
  bal_test_iterate ();
  dialog = message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Adopt With Open Points?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  status = bal_review_status (project, agent, NULL);
  g_assert_cmpstr (status, ==, "proposed");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "adopt");
  gtk_window_destroy (GTK_WINDOW (dialog));
  bal_test_iterate ();
  g_free (status);
  status = bal_review_status (project, agent, NULL);
  g_assert_cmpstr (status, ==, "adopted");

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  g_settings_reset (settings, "author-name");
  g_settings_reset (settings, "author-role");
  bal_project_close (project);
  bal_remove_tree (dir);
}

/* An objection past its due date shows so, with the error style; one
 * within it does not. */
static void
test_objection_row_overdue (void)
{
  BalObjection o = { 1, 2, "Klantenservicemedewerker", 3, "proposed", "Karin Smit", "works-council",
                     "Klachtafhandeling weegt zwaarder.", "2026-01-05", "2026-02-04", "2026-02-19",
                     NULL, NULL, NULL, NULL, NULL, NULL, NULL, FALSE, 40, TRUE, FALSE };
  GtkWidget *overdue, *open;

  overdue = g_object_ref_sink (bal_objection_row_new (&o, TRUE, TRUE));
  g_assert_true (gtk_widget_has_css_class (overdue, "error"));
  g_assert_nonnull (bal_test_find_label (overdue, "Klantenservicemedewerker"));
  g_assert_true (gtk_widget_is_sensitive (bal_test_find_button (overdue, "Uphold Grading")));

  o.overdue = FALSE;
  o.days_open = 3;
  open = g_object_ref_sink (bal_objection_row_new (&o, FALSE, TRUE));
  g_assert_false (gtk_widget_has_css_class (open, "error"));
  g_assert_nonnull (bal_test_find_label (open, "Objection by Karin Smit, "));
  g_assert_nonnull (bal_test_find_label (open, "2026"));

  g_object_unref (overdue);
  g_object_unref (open);
}

/* Scrolls the page so that @widget is at the top of its view. */
static void
scroll_to (GtkWidget *page,
           GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double x, y;

  /* The viewport's coordinates move with the scrolling. */
  g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
  for (guint i = 0; i < 10; i++)
    {
      bal_test_iterate ();
      g_usleep (20 * 1000);
    }
}

/* The form of one job: its entries, the reports-to row and the number of
 * holders are sensitive exactly when @editable; the description panel is
 * part of it. */
static void
assert_job_form (GtkWidget *page,
                 gboolean   editable)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *reports = bal_test_find_widget (page, ADW_TYPE_COMBO_ROW, NULL);

  g_assert_nonnull (bal_test_find_widget (page, BAL_TYPE_DESCRIPTION_PANEL, NULL));
  g_assert_nonnull (bal_test_find_button (page, "_Agreed by Manager"));
  g_assert_true (gtk_widget_get_mapped (bal_test_find_button (page, "_Agreed by Manager")));
  g_assert_nonnull (reports);
  g_assert_cmpint (gtk_widget_is_sensitive (reports), ==, editable);
  g_assert_cmpint (gtk_widget_is_sensitive (bal_test_find_widget (page, GTK_TYPE_SPIN_BUTTON, NULL)), ==, editable);
  g_assert_cmpint (gtk_widget_is_sensitive (bal_test_find_button (page, "_Agreed by Manager")), ==, editable);
  collect (page, ADW_TYPE_ENTRY_ROW, entries);
  g_assert_cmpuint (entries->len, >=, 3);  /* title, department, the signer's name */
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpint (gtk_widget_is_sensitive (g_ptr_array_index (entries, i)), ==, editable);
  g_assert_cmpint (gtk_text_view_get_editable (GTK_TEXT_VIEW (bal_test_find_widget (page, GTK_TYPE_TEXT_VIEW, NULL))), ==, editable);
}

/* In review mode nothing of the job form can be changed, "Reports to"
 * included; outside it all of it can. */
static void
test_job_form_review_mode (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-jobform-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "form.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *page;
  gint64 agent;

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);
  agent = bal_jobs_find (project, "Klantenservicemedewerker", &error);

  for (guint review = 0; review < 3; review++)
    {
      /* 0: editing; 1: the page told; 2: only the project is open for review */
      window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
      if (review == 2)
        bal_project_set_review_mode (project, TRUE);
      page = g_object_new (BAL_TYPE_JOBS_PAGE, "review", review == 1, "project", project, NULL);
      gtk_window_set_child (GTK_WINDOW (window), page);
      gtk_window_present (GTK_WINDOW (window));
      bal_test_wait_for_map (window);
      for (guint i = 0; i < 200 && bal_jobs_page_get_loading (BAL_JOBS_PAGE (page)); i++)
        {
          g_usleep (5000);
          bal_test_iterate ();
        }
      bal_jobs_page_show_job (BAL_JOBS_PAGE (page), agent, FALSE);
      bal_test_iterate ();

      g_test_message ("review %u", review);
      assert_job_form (page, review == 0);
      if (review == 1)
        {
          gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
          for (guint w = 0; w < 10; w++)
            {
              bal_test_iterate ();
              g_usleep (20 * 1000);
            }
          scroll_to (page, bal_test_find_widget (page, BAL_TYPE_DESCRIPTION_PANEL, NULL));
          bal_test_save_screenshot (window, "job-form-review-360.png");
        }

      gtk_window_destroy (GTK_WINDOW (window));
      bal_test_iterate ();
    }

  bal_project_close (project);
  bal_remove_tree (dir);
}

/* The first scale row of @page for @grade, opened as a click opens it:
 * its fields are made then. */
static GtkWidget *
scale_row (GtkWidget  *page,
           const char *grade)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (page, BAL_TYPE_SCALE_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (bal_scale_row_get_grade (g_ptr_array_index (rows, i)), grade) == 0)
      {
        GtkWidget *row = g_ptr_array_index (rows, i);

        bal_scale_row_set_expanded (BAL_SCALE_ROW (row), TRUE);
        return row;
      }

  return NULL;
}

static GtkWidget *
entry_titled (GtkWidget  *root,
              const char *title)
{
  GtkWidget *label = bal_test_find_label (root, title);

  return label ? gtk_widget_get_ancestor (label, ADW_TYPE_ENTRY_ROW) : NULL;
}

/* Salary scales and the objection period edited on the Review page: a
 * minimum above the maximum is marked beside the field and cannot be saved;
 * a valid scale is saved to the project; in review mode nothing is editable. */
static void
test_review_page_scales (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-scales-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "schalen.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *page, *row, *minimum, *maximum, *name, *save, *message;
  BalSalaryScale *scale;

  project = bal_demo_create (file, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1400);
  page = g_object_new (BAL_TYPE_REVIEW_PAGE, "project", project, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  bal_test_wait_for_map (window);

  g_assert_nonnull (bal_test_find_label (page, "Days to object after the notice"));
  /* A closed row has no fields yet; opened, it has. */
  g_assert_null (bal_test_find_label (page, "Name of the scale"));
  row = scale_row (page, "E");
  g_assert_nonnull (row);
  minimum = entry_titled (row, "Minimum per month (€)");
  maximum = entry_titled (row, "Maximum per month (€)");
  name = entry_titled (row, "Name of the scale");
  save = bal_test_find_button (row, "_Save Scale");
  g_assert_nonnull (minimum);
  g_assert_nonnull (maximum);
  g_assert_nonnull (save);
  g_assert_true (gtk_widget_is_sensitive (minimum));

  gtk_editable_set_text (GTK_EDITABLE (name), "Schaal 5b");
  gtk_editable_set_text (GTK_EDITABLE (minimum), "3400");
  gtk_editable_set_text (GTK_EDITABLE (maximum), "3100");
  g_assert_true (gtk_widget_has_css_class (maximum, "error"));
  message = bal_test_find_label (row, "The maximum is below the minimum.");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_false (gtk_widget_is_sensitive (save));

  gtk_editable_set_text (GTK_EDITABLE (minimum), "-5");
  g_assert_true (gtk_widget_has_css_class (minimum, "error"));
  g_assert_false (gtk_widget_is_sensitive (save));

  gtk_editable_set_text (GTK_EDITABLE (minimum), "2900");
  gtk_editable_set_text (GTK_EDITABLE (maximum), "3600");
  g_assert_false (gtk_widget_has_css_class (minimum, "error"));
  g_assert_false (gtk_widget_has_css_class (maximum, "error"));
  g_assert_true (gtk_widget_is_sensitive (save));
  /* Something typed in another grade's row, not saved yet, survives the save. */
  gtk_editable_set_text (GTK_EDITABLE (entry_titled (scale_row (page, "F"), "Name of the scale")), "Schaal 6 nieuw");
  g_signal_emit_by_name (save, "clicked");
  bal_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_titled (scale_row (page, "F"), "Name of the scale"))), ==,
                   "Schaal 6 nieuw");
  g_assert_nonnull (bal_test_find_label (scale_row (page, "E"), "Schaal 5b"));

  method = bal_handbook_load_method (project, &error);
  g_assert_no_error (error);
  scale = bal_method_find_scale (method, "E");
  g_assert_nonnull (scale);
  g_assert_cmpstr (scale->name, ==, "Schaal 5b");
  g_assert_cmpfloat (scale->minimum, ==, 2900);
  g_assert_cmpfloat (scale->maximum, ==, 3600);

  /* The period, through its field. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (bal_test_find_widget (page, GTK_TYPE_SPIN_BUTTON, NULL)), 45);
  bal_test_iterate ();
  g_assert_cmpint (bal_project_objection_period (project), ==, 45);

  /* In review mode the method's fields are insensitive. */
  bal_review_page_set_project (BAL_REVIEW_PAGE (page), project, TRUE);
  g_assert_false (gtk_widget_is_sensitive (bal_test_find_widget (page, GTK_TYPE_SPIN_BUTTON, NULL)));
  row = scale_row (page, "E");
  g_assert_false (gtk_widget_is_sensitive (entry_titled (row, "Minimum per month (€)")));
  g_assert_false (gtk_widget_is_sensitive (bal_test_find_button (row, "_Save Scale")));

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_project_close (project);
  bal_remove_tree (dir);
}

static void
test_description_panel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-description-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "beschrijving.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.balans.Balans");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  GtkWidget *window, *panel, *agreed;
  gint64 agent;

  project = bal_demo_create (file, &error);
  agent = bal_jobs_find (project, "Klantenservicemedewerker", &error);
  g_settings_set_string (settings, "author-name", "Mirjam de Boer");
  g_settings_set_string (settings, "author-role", "manager");

  window = gtk_window_new ();
  panel = bal_description_panel_new ();
  gtk_window_set_child (GTK_WINDOW (window), panel);
  bal_description_panel_set_job (BAL_DESCRIPTION_PANEL (panel), project, agent);
  gtk_window_present (GTK_WINDOW (window));
  bal_test_wait_for_map (window);

  agreed = bal_test_find_button (panel, "_Agreed by Manager");
  g_assert_nonnull (agreed);
  g_assert_true (gtk_widget_get_sensitive (agreed));
  g_signal_emit_by_name (agreed, "clicked");
  bal_test_iterate ();

  versions = bal_description_versions (project, agent, &error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_true (bal_description_is_signed (g_ptr_array_index (versions, 0), "agreed"));
  g_assert_nonnull (bal_test_find_label (panel, "A manager agreed to the description as it is now."));

  /* In review mode nothing can be signed. */
  bal_project_set_review_mode (project, TRUE);
  bal_description_panel_set_job (BAL_DESCRIPTION_PANEL (panel), project, agent);
  g_assert_false (gtk_widget_get_sensitive (agreed));

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  g_settings_reset (settings, "author-name");
  g_settings_reset (settings, "author-role");
  bal_project_close (project);
  bal_remove_tree (dir);
}

/* With BALANS_SHOTS set: the Review page of a project open for review, with
 * an overdue objection and the audit trail in words, at 1366x768 and
 * 360x640. Run by hand with LANG=nl_NL.UTF-8 for the Dutch shots. */
static void
test_review_shots (void)
{
  static const int sizes[][2] = { { 1366, 768 }, { 360, 640 } };
  BalApplication *app = bal_test_application ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.balans.Balans");
  gint64 agent;

  if (g_getenv ("BALANS_SHOTS") == NULL)
    {
      g_test_skip ("BALANS_SHOTS is not set");
      return;
    }

  dir = g_dir_make_tmp ("balans-review-shots-XXXXXX", NULL);
  path = g_build_filename (dir, "or.balans", NULL);
  file = g_file_new_for_path (path);
  {
    g_autoptr(BalProject) project = objected_project (path, &agent);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (bal_review_add_remark (project, agent, NULL, NULL, "Klachten wegen zwaarder dan bij KS.02.", &error), >, 0);
    g_assert_true (bal_project_send_for_review (project, &error));
    g_assert_no_error (error);
    bal_project_close (project);
  }
  g_settings_set_string (settings, "author-name", "Karin Smit");
  g_settings_set_string (settings, "author-role", "works-council");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      BalWindow *window = bal_window_new (app);
      g_autofree char *top = g_strdup_printf ("review-%dx%d-1-top.png", sizes[i][0], sizes[i][1]);
      g_autofree char *objection = g_strdup_printf ("review-%dx%d-2-objection.png", sizes[i][0], sizes[i][1]);
      g_autofree char *status = g_strdup_printf ("review-%dx%d-3-status.png", sizes[i][0], sizes[i][1]);
      g_autofree char *trail = g_strdup_printf ("review-%dx%d-4-trail.png", sizes[i][0], sizes[i][1]);
      g_autofree char *method = g_strdup_printf ("review-%dx%d-5-method.png", sizes[i][0], sizes[i][1]);
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      GtkWidget *view, *page;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i][0], sizes[i][1]);
      gtk_window_present (GTK_WINDOW (window));
      bal_application_open_project (app, file, TRUE, GTK_WINDOW (window));
      bal_test_wait_for_map (GTK_WIDGET (window));
      view = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_PROJECT_VIEW, NULL);
      bal_project_view_show_page (BAL_PROJECT_VIEW (view), "review");
      bal_test_iterate ();
      page = bal_test_find_widget (GTK_WIDGET (window), BAL_TYPE_REVIEW_PAGE, NULL);
      g_assert_nonnull (page);
      bal_review_page_show_job (BAL_REVIEW_PAGE (page), agent);
      collect (page, BAL_TYPE_OBJECTION_ROW, rows);
      g_assert_cmpuint (rows->len, ==, 2);
      adw_expander_row_set_expanded (g_ptr_array_index (rows, 0), TRUE);
      adw_expander_row_set_expanded (g_ptr_array_index (rows, 1), TRUE);
      for (guint w = 0; w < 20; w++)
        {
          bal_test_iterate ();
          g_usleep (25 * 1000);
        }
      bal_test_save_screenshot (GTK_WIDGET (window), top);
      scroll_to (page, g_ptr_array_index (rows, 1));
      bal_test_save_screenshot (GTK_WIDGET (window), objection);
      scroll_to (page, bal_test_find_widget (page, ADW_TYPE_PREFERENCES_GROUP, "status"));
      bal_test_save_screenshot (GTK_WIDGET (window), status);
      scroll_to (page, gtk_widget_get_ancestor (bal_test_find_widget (page, GTK_TYPE_LIST_BOX, "audit-trail"), ADW_TYPE_PREFERENCES_GROUP));
      bal_test_save_screenshot (GTK_WIDGET (window), trail);
      scroll_to (page, bal_test_find_widget (page, ADW_TYPE_PREFERENCES_GROUP, "method"));
      bal_test_save_screenshot (GTK_WIDGET (window), method);

      gtk_window_destroy (GTK_WINDOW (window));
      bal_test_iterate ();
    }

  g_settings_reset (settings, "author-name");
  g_settings_reset (settings, "author-role");
  bal_remove_tree (dir);
}

/* A project of many jobs with a remark open on each: the Review page
 * shows the first open remarks and how many there are, Show All shows
 * every one; its job choosers list every job, searchable by title. */
static void
test_review_page_many (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-procedure-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "veel.balans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BalProject) project = bal_demo_create_empty (file, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *window, *page, *group, *button, *dropdown;
  guint n_jobs = 40;
  guint waited = 0;

  g_assert_no_error (error);
  bal_project_set_author (project, "Karin Smit", "works-council");
  for (guint i = 0; i < n_jobs; i++)
    {
      g_autoptr(BalJob) job = bal_job_new ();
      g_autofree char *remark = g_strdup_printf ("Opmerking %02u.", i);

      g_free (job->title);
      job->title = g_strdup_printf ("Functie %02u", i);
      job->id = bal_jobs_add (project, job, &error);
      g_assert_no_error (error);
      g_assert_cmpint (bal_review_add_remark (project, job->id, NULL, NULL, remark, &error), >, 0);
      g_assert_no_error (error);
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1400);
  page = g_object_new (BAL_TYPE_REVIEW_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  bal_review_page_set_project (BAL_REVIEW_PAGE (page), project, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  bal_test_wait_for_map (window);
  while (bal_review_page_get_loading (BAL_REVIEW_PAGE (page)) && waited++ < 2000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * 1000);
    }
  g_assert_false (bal_review_page_get_loading (BAL_REVIEW_PAGE (page)));
  bal_test_iterate ();

  group = gtk_widget_get_ancestor (bal_test_find_label (page, "Open Remarks"), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (group);
  collect (group, BAL_TYPE_REMARK_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 10);
  g_assert_nonnull (find_label_containing (group, "40 open; the first 10 are shown."));
  g_assert_null (find_label_containing (group, "Opmerking 39."));
  button = bal_test_find_button (group, "Show _All");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_activate (button));
  waited = 0;
  do
    {
      g_ptr_array_set_size (rows, 0);
      g_usleep (5 * 1000);
      bal_test_iterate ();
      collect (group, BAL_TYPE_REMARK_ROW, rows);
    }
  while (rows->len != n_jobs && waited++ < 200);
  g_assert_cmpuint (rows->len, ==, n_jobs);
  g_assert_nonnull (find_label_containing (group, "Opmerking 39."));
  g_assert_false (gtk_widget_get_visible (button));

  /* The job chooser: every job, with a search over their titles. */
  dropdown = bal_test_find_widget (page, GTK_TYPE_DROP_DOWN, NULL);
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_drop_down_get_enable_search (GTK_DROP_DOWN (dropdown)));
  g_assert_nonnull (gtk_drop_down_get_expression (GTK_DROP_DOWN (dropdown)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))), ==, n_jobs);

  /* A job added elsewhere is read again, in the worker. */
  {
    g_autoptr(BalJob) job = bal_job_new ();

    g_free (job->title);
    job->title = g_strdup ("Tuinman");
    g_assert_cmpint (bal_jobs_add (project, job, &error), >, 0);
    g_assert_no_error (error);
  }
  waited = 0;
  while (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))) != n_jobs + 1 && waited++ < 2000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * 1000);
    }
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))), ==, n_jobs + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  bal_test_iterate ();
  bal_project_close (project);
  bal_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("BALANS_LOCALEDIR");
  g_autofree char *po = NULL;

  gtk_test_init (&argc, &argv, NULL);
  bal_test_application_init ();
  /* gtk_test_init () chose the C locale. The suite sets LC_ALL=C.UTF-8;
   * run by hand with LANG=nl_NL.UTF-8 (and LOCPATH), the shots are in
   * Dutch, from the catalogue in the build folder or BALANS_LOCALEDIR. */
  setlocale (LC_ALL, "");
  po = localedir ? g_strdup (localedir) : g_build_filename (g_test_get_dir (G_TEST_BUILT), "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/procedure-widgets/review-page/review-mode-overdue", test_review_page_review_mode);
  g_test_add_func ("/procedure-widgets/review-page/adopt-asks", test_review_page_adopt_asks);
  g_test_add_func ("/procedure-widgets/objection-row/overdue", test_objection_row_overdue);
  g_test_add_func ("/procedure-widgets/job-form/review-mode", test_job_form_review_mode);
  g_test_add_func ("/procedure-widgets/review-page/scales", test_review_page_scales);
  g_test_add_func ("/procedure-widgets/review-page/shots", test_review_shots);
  g_test_add_func ("/procedure-widgets/description-panel", test_description_panel);
  g_test_add_func ("/procedure-widgets/review-page/many", test_review_page_many);

  return g_test_run ();
}
