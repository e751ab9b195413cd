/* bal-jobs-page.c: the organisation's jobs: list, form, questionnaire
 *
 * The list is the window's BalJobList, read in a worker thread and shared
 * with the other pages; an edit updates its item in place, and a filter
 * over it searches. List and form are the panes of a leaflet that
 * folds on a narrow window.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-jobs-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bal-application.h"
#include "bal-description-panel.h"
#include "bal-grade-dialog.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-job-import-dialog.h"
#include "bal-job-item.h"
#include "bal-job-list.h"
#include "bal-jobs.h"
#include "bal-jobs-page.h"
#include "bal-questionnaire-view.h"
#include "bal-review.h"
#include "bal-ui-util.h"

struct _BalJobsPage
{
  AdwBin                parent_instance;

  /* Owned */
  BalProject           *project;
  BalJobList           *jobs;              /* every job, perhaps shared with other pages */
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GtkSingleSelection   *selection;
  GtkStringList        *bosses;
  GArray               *boss_ids;
  char                 *search;            /* case-folded */

  gboolean              review;
  gint64                job_id;            /* the job in the form, 0 when none */
  gint64                deleted_id;        /* the job the undo toast brings back */
  gboolean              filling;           /* the form is being filled, not edited */
  guint                 save_id;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *page_stack;
  GtkSpinner           *spinner;
  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkListView          *list_view;
  GtkStack             *list_stack;
  GtkStack             *detail_stack;
  GtkScrolledWindow    *form_scroller;
  GtkWidget            *back_button;
  GtkLabel             *status_label;
  AdwEntryRow          *title_row;
  AdwEntryRow          *department_row;
  AdwComboRow          *reports_row;
  BalDescriptionPanel  *description_panel;
  GtkSpinButton        *incumbents_spin;
  GtkTextView          *description_view;
  GtkTextView          *activities_view;
  BalQuestionnaireView *questionnaire_view;
};

G_DEFINE_FINAL_TYPE (BalJobsPage, bal_jobs_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_REVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_job (BalJobsPage *self,
                      gint64       id);

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
add_toast (BalJobsPage *self,
           AdwToast    *toast)
{
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Neither this page nor the project is in review mode. */
static gboolean
is_editable (BalJobsPage *self)
{
  return !self->review && (self->project == NULL || !bal_project_get_review_mode (self->project));
}

/* The list ***************************************************************/

static guint
position_of (BalJobsPage *self,
             gint64       id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr(BalJobItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (bal_job_item_get_id (item) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
select_job_in_list (BalJobsPage *self)
{
  BalJobItem *selected = gtk_single_selection_get_selected_item (self->selection);
  guint position;

  /* The selection follows its item through a search: no need to look for
   * it among twenty thousand at every keystroke. */
  if (selected != NULL && self->job_id != 0 && bal_job_item_get_id (selected) == self->job_id)
    return;

  position = position_of (self, self->job_id);

  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
update_list_state (BalJobsPage *self)
{
  guint all = g_list_model_get_n_items (bal_job_list_get_model (self->jobs));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gboolean loading = all == 0 && bal_job_list_get_loading (self->jobs);

  if (loading)
    gtk_stack_set_visible_child_name (self->page_stack, "loading");
  else if (all == 0)
    gtk_stack_set_visible_child_name (self->page_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->page_stack, "jobs");
  gtk_spinner_set_spinning (self->spinner, loading);

  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || all == 0 ? "list" : "no-results");
}

static void
jobs_loading_changed (BalJobsPage *self)
{
  update_list_state (self);
  if (!bal_job_list_get_loading (self->jobs))
    select_job_in_list (self);
}

/* A row of the list: its title, and under it the department, grade and
 * status. Made in code: the list keeps up to a few hundred rows, and a
 * builder template for each was a good part of the time to show a list of
 * twenty thousand. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  for (GtkWidget *label = title; label != NULL; label = label == title ? subtitle : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);

  bal_ui_list_item_bind (list_item, item, "title", title, "label");
  bal_ui_list_item_bind (list_item, item, "title", title, "tooltip-text");
  bal_ui_list_item_bind (list_item, item, "subtitle", subtitle, "label");
}

static gboolean
filter_job (gpointer item,
            gpointer user_data)
{
  BalJobsPage *self = user_data;

  return bal_job_item_matches (item, self->search);
}

static void
search_changed (BalJobsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (folded, self->search) == 0)
    return;

  /* Typing on narrows what is shown; deleting widens it. */
  if (self->search != NULL && strstr (folded, self->search) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search != NULL && strstr (self->search, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  /* No search, no filter: a new list of twenty thousand is then not
   * passed through one. */
  if (*self->search == '\0')
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), change);

  update_list_state (self);
  select_job_in_list (self);
}

/* The form ***************************************************************/

static gboolean
save_job (gpointer data)
{
  BalJobsPage *self = data;
  g_autoptr(BalJob) job = NULL;
  g_autoptr(GError) error = NULL;
  BalJobItem *item;
  guint boss;
  gboolean saved;

  self->save_id = 0;
  if (self->project == NULL || self->job_id == 0 || !is_editable (self))
    return G_SOURCE_REMOVE;

  job = bal_jobs_get (self->project, self->job_id, &error);
  if (job == NULL)
    return G_SOURCE_REMOVE;

  g_free (job->title);
  job->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_free (job->department);
  job->department = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->department_row)));
  boss = adw_combo_row_get_selected (self->reports_row);
  job->reports_to = boss < self->boss_ids->len ? g_array_index (self->boss_ids, gint64, boss) : 0;
  job->incumbents = gtk_spin_button_get_value_as_int (self->incumbents_spin);
  g_free (job->description);
  job->description = text_of (self->description_view);
  g_free (job->activities);
  job->activities = text_of (self->activities_view);

  /* The edit goes on its item below, not through reading every job again. */
  bal_job_list_block_reload (self->jobs);
  saved = bal_jobs_update (self->project, job, &error);
  bal_job_list_unblock_reload (self->jobs);

  if (!saved)
    {
      /* The title is the one field the core refuses. */
      if (g_error_matches (error, BAL_JOBS_ERROR, BAL_JOBS_ERROR_INVALID))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_row), error->message);
        }
      else
        bal_ui_show_error (GTK_WIDGET (self), _("The job was not saved"), error);
      return G_SOURCE_REMOVE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_row), NULL);

  /* The form shows the edit already; its one row follows. */
  item = bal_job_list_lookup (self->jobs, self->job_id);
  if (item != NULL)
    {
      bal_job_item_set_title (item, job->title);
      bal_job_item_set_department (item, job->department);
    }

  return G_SOURCE_REMOVE;
}

static void
flush_save (BalJobsPage *self)
{
  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_job (self);
    }
}

static void
form_changed (BalJobsPage *self)
{
  if (self->filling)
    return;

  /* Saved a moment after the last keystroke; nothing waits for a Save button. */
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (400, save_job, self);
}

/* The jobs this one may report to, from the list already read. */
static void
fill_bosses (BalJobsPage *self,
             gint64       id,
             gint64       reports_to)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  GListModel *jobs = bal_job_list_get_model (self->jobs);
  guint n = g_list_model_get_n_items (jobs);
  guint selected = 0;

  g_array_set_size (self->boss_ids, 0);
  g_ptr_array_add (titles, (char *)_("Nobody"));
  g_array_append_val (self->boss_ids, (gint64){ 0 });

  for (guint i = 0; i < n; i++)
    {
      BalJobItem *other = g_list_model_get_item (jobs, i);
      gint64 other_id = bal_job_item_get_id (other);

      if (other_id != id)
        {
          if (other_id == reports_to)
            selected = self->boss_ids->len;
          g_ptr_array_add (titles, (char *)bal_job_item_get_title (other));
          g_array_append_val (self->boss_ids, other_id);
        }
      g_object_unref (other);       /* the store keeps it */
    }
  g_ptr_array_add (titles, NULL);

  gtk_string_list_splice (self->bosses, 0, g_list_model_get_n_items (G_LIST_MODEL (self->bosses)),
                          (const char * const *)titles->pdata);
  adw_combo_row_set_selected (self->reports_row, selected);
  /* AdwComboRow makes itself sensitive again when its model changes. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->reports_row), is_editable (self));
}

static void
update_actions (BalJobsPage *self)
{
  gboolean job = self->job_id != 0;
  gboolean editable = is_editable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.add", self->project != NULL && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.duplicate", job && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.delete", job && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.questionnaire", job);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.grade", job && editable);
}

/* In review mode, or when the project itself is open for review, nothing
 * of the form can be edited: every editing widget says so by being
 * insensitive, rather than taking an edit that is then dropped. */
static void
update_editable (BalJobsPage *self)
{
  gboolean editable = is_editable (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->department_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reports_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->incumbents_spin), editable);
  /* The texts stay readable and selectable, only not editable. */
  gtk_text_view_set_editable (self->description_view, editable);
  gtk_text_view_set_editable (self->activities_view, editable);
  gtk_text_view_set_cursor_visible (self->description_view, editable);
  gtk_text_view_set_cursor_visible (self->activities_view, editable);
  bal_description_panel_set_read_only (self->description_panel, !editable);
  update_actions (self);
}


static char *
status_text (BalJobsPage *self,
             BalJob      *job)
{
  g_autoptr(BalDecision) decision = bal_grading_latest (self->project, job->id, NULL);
  g_autofree char *review = bal_review_status (self->project, job->id, NULL);
  const char *status = bal_review_job_status_label (review, decision != NULL);
  g_autofree char *answered = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%d of %d question answered",
                                                            "%d of %d questions answered",
                                                            job->questions),
                                               job->answered, job->questions);
  g_autofree char *text = NULL;
  const char *grade = decision ? bal_job_list_grade_text (self->jobs, decision->grade) : NULL;

  if (decision != NULL)
    text = g_strdup_printf (_("Grade %s (%s) · %s · %s"), grade, decision->reference_code, status, answered);
  else
    text = g_strdup_printf ("%s · %s", status, answered);

  if (bal_project_job_has_finding (self->project, job->id))
    return g_strdup_printf ("%s · %s", _("⚠ Changed outside Balans"), text);

  return g_steal_pointer (&text);
}

static void
load_job (BalJobsPage *self,
          gint64       id)
{
  g_autoptr(BalJob) job = NULL;
  g_autofree char *status = NULL;

  flush_save (self);
  job = id != 0 && self->project != NULL ? bal_jobs_get (self->project, id, NULL) : NULL;

  /* Another job starts at its top. */
  if (job == NULL || job->id != self->job_id)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->form_scroller), 0);

  self->job_id = job != NULL ? job->id : 0;
  update_actions (self);

  if (job == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  self->filling = TRUE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_row), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), job->title);
  gtk_editable_set_text (GTK_EDITABLE (self->department_row), job->department);
  fill_bosses (self, job->id, job->reports_to);
  gtk_spin_button_set_value (self->incumbents_spin, job->incumbents);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), job->description, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->activities_view), job->activities, -1);
  status = status_text (self, job);
  gtk_label_set_text (self->status_label, status);
  self->filling = FALSE;
  /* Its versions, seen and agreed, beside the text they are about. */
  bal_description_panel_set_job (self->description_panel, self->project, job->id);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "questionnaire") != 0)
    gtk_stack_set_visible_child_name (self->detail_stack, "form");
}

static void
selection_changed (BalJobsPage *self)
{
  BalJobItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == NULL || bal_job_item_get_id (item) == self->job_id)
    {
      if (item != NULL && adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child_name (self->leaflet, "detail");
      return;
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  load_job (self, bal_job_item_get_id (item));
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
leaflet_changed (BalJobsPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean on_list = g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") == 0;

  gtk_widget_set_visible (self->back_button, folded);

  /* Back on a folded list, no row is selected, so that any row (the last
   * one too) opens its job again; unfolded, the list shows the form's job. */
  if (folded && on_list)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  else if (!folded)
    select_job_in_list (self);
}

static void
back_clicked (BalJobsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Actions ****************************************************************/

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BalJobsPage *self = BAL_JOBS_PAGE (widget);
  g_autoptr(BalJob) job = bal_job_new ();
  g_autoptr(GError) error = NULL;

  flush_save (self);
  g_free (job->title);
  job->title = g_strdup (_("New job"));
  if (bal_jobs_add (self->project, job, &error) == 0)
    {
      bal_ui_show_error (widget, _("Could not add a job"), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  load_job (self, job->id);
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BalJobsPage *self = BAL_JOBS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 copy;

  flush_save (self);
  copy = bal_jobs_duplicate (self->project, self->job_id, &error);
  if (copy == 0)
    {
      bal_ui_show_error (widget, _("Could not duplicate the job"), error);
      return;
    }

  load_job (self, copy);
  add_toast (self, adw_toast_new (_("Job duplicated")));
}

static void
undo_delete (BalJobsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->deleted_id;

  self->deleted_id = 0;
  if (id == 0 || self->project == NULL)
    return;

  if (!bal_jobs_undelete (self->project, id, &error))
    {
      bal_ui_show_error (GTK_WIDGET (self), _("Could not bring the job back"), error);
      return;
    }

  load_job (self, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BalJobsPage *self = BAL_JOBS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id = self->job_id;
  AdwToast *toast;

  flush_save (self);
  if (!bal_jobs_delete (self->project, id, &error))
    {
      bal_ui_show_error (widget, _("Could not delete the job"), error);
      return;
    }

  message = g_strdup_printf (_("“%s” deleted"), gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  self->deleted_id = id;
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete), self, G_CONNECT_SWAPPED);
  add_toast (self, toast);

  load_job (self, 0);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
questionnaire_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BalJobsPage *self = BAL_JOBS_PAGE (widget);

  flush_save (self);
  bal_questionnaire_view_open (self->questionnaire_view, self->project, self->job_id, !is_editable (self));
  gtk_stack_set_visible_child_name (self->detail_stack, "questionnaire");
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
job_graded (BalGradeDialog *dialog,
            const char     *grade,
            BalJobsPage    *self)
{
  g_autofree char *message = g_strdup_printf (_("Decision recorded: grade %s"), grade);

  add_toast (self, adw_toast_new (message));
  load_job (self, self->job_id);
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BalJobsPage *self = BAL_JOBS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  BalGradeDialog *dialog;

  flush_save (self);
  dialog = bal_grade_dialog_new (GTK_WINDOW (root), self->project, self->job_id);
  g_signal_connect_object (dialog, "decided", G_CALLBACK (job_graded), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
questionnaire_closed (BalJobsPage *self)
{
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  load_job (self, self->job_id);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BalJobsPage *self = BAL_JOBS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* A job list dropped on the page ******************************************/

static gboolean
file_dropped (BalJobsPage   *self,
              const GValue  *value,
              double         x,
              double         y)
{
  GFile *file = g_value_get_object (value);
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  if (self->project == NULL || !is_editable (self) || !G_IS_FILE (file))
    return FALSE;

  name = g_file_get_basename (file);
  lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  if (lower == NULL || !g_str_has_suffix (lower, ".csv"))
    return FALSE;

  bal_job_import_dialog_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->project, file);

  return TRUE;
}

/* Project ****************************************************************/

BalProject *
bal_jobs_page_get_project (BalJobsPage *self)
{
  g_return_val_if_fail (BAL_IS_JOBS_PAGE (self), NULL);

  return self->project;
}

void
bal_jobs_page_set_project (BalJobsPage *self,
                           BalProject  *project)
{
  g_return_if_fail (BAL_IS_JOBS_PAGE (self));
  g_return_if_fail (!project || BAL_IS_PROJECT (project));

  flush_save (self);
  if (!g_set_object (&self->project, project))
    return;

  self->deleted_id = 0;
  bal_job_list_set_project (self->jobs, project);

  update_editable (self);
  load_job (self, 0);
  update_list_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

static void
set_review (BalJobsPage *self,
            gboolean     review)
{
  self->review = review;
  update_editable (self);
}

gboolean
bal_jobs_page_get_loading (BalJobsPage *self)
{
  g_return_val_if_fail (BAL_IS_JOBS_PAGE (self), FALSE);

  return bal_job_list_get_loading (self->jobs);
}

/* The jobs the list shows: every job, or those the search matches. */
GListModel *
bal_jobs_page_get_jobs (BalJobsPage *self)
{
  g_return_val_if_fail (BAL_IS_JOBS_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/* Selects @id and shows its form, or its questionnaire. */
void
bal_jobs_page_show_job (BalJobsPage *self,
                        gint64       id,
                        gboolean     questionnaire)
{
  g_return_if_fail (BAL_IS_JOBS_PAGE (self));

  load_job (self, id);
  select_job_in_list (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  if (questionnaire && self->job_id != 0)
    questionnaire_action (GTK_WIDGET (self), NULL, NULL);
}

BalQuestionnaireView *
bal_jobs_page_get_questionnaire (BalJobsPage *self)
{
  g_return_val_if_fail (BAL_IS_JOBS_PAGE (self), NULL);

  return self->questionnaire_view;
}

static void
bal_jobs_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BalJobsPage *self = BAL_JOBS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_REVIEW:
      g_value_set_boolean (value, self->review);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_jobs_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BalJobsPage *self = BAL_JOBS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bal_jobs_page_set_project (self, g_value_get_object (value));
      break;

    case PROP_REVIEW:
      set_review (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The list of jobs to show, shared with the window's other pages. */
void
bal_jobs_page_set_job_list (BalJobsPage *self,
                            BalJobList  *jobs)
{
  g_return_if_fail (BAL_IS_JOBS_PAGE (self));
  g_return_if_fail (BAL_IS_JOB_LIST (jobs));

  if (self->jobs == jobs)
    return;

  if (self->jobs != NULL)
    g_signal_handlers_disconnect_by_data (self->jobs, self);
  g_set_object (&self->jobs, jobs);
  g_signal_connect_swapped (jobs, "notify::loading", G_CALLBACK (jobs_loading_changed), self);
  gtk_filter_list_model_set_model (self->filtered, bal_job_list_get_model (jobs));
  if (self->project != NULL)
    bal_job_list_set_project (jobs, self->project);
  update_list_state (self);
}

static void
bal_jobs_page_dispose (GObject *object)
{
  BalJobsPage *self = (BalJobsPage *)object;

  flush_save (self);
  if (self->jobs != NULL)
    g_signal_handlers_disconnect_by_data (self->jobs, self);

  /* AdwBin unparents its child itself: it goes first, the template after. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_JOBS_PAGE);

  g_clear_object (&self->project);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->jobs);
  g_clear_object (&self->bosses);
  g_clear_pointer (&self->boss_ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (bal_jobs_page_parent_class)->dispose (object);
}

static void
bal_jobs_page_class_init (BalJobsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_jobs_page_dispose;
  object_class->get_property = bal_jobs_page_get_property;
  object_class->set_property = bal_jobs_page_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         BAL_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVIEW] =
    g_param_spec_boolean ("review", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BAL_TYPE_JOB_ITEM);
  g_type_ensure (BAL_TYPE_QUESTIONNAIRE_VIEW);
  g_type_ensure (BAL_TYPE_DESCRIPTION_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-jobs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, form_scroller);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, department_row);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, reports_row);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, description_panel);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, incumbents_spin);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, description_view);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, activities_view);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, questionnaire_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, questionnaire_closed);

  gtk_widget_class_install_action (widget_class, "jobs.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "jobs.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "jobs.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "jobs.questionnaire", NULL, questionnaire_action);
  gtk_widget_class_install_action (widget_class, "jobs.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "jobs.grade", NULL, grade_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "jobs.grade", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "jobs.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "jobs.questionnaire", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "jobs.focus-search", NULL);
}

static void
bal_jobs_page_init (BalJobsPage *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_job, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
    g_signal_connect (factory, "unbind", G_CALLBACK (bal_ui_list_item_unbind), NULL);
    gtk_list_view_set_factory (self->list_view, factory);
  }

  /* Its own list until the window gives the one its pages share. */
  {
    g_autoptr(BalJobList) jobs = bal_job_list_new ();

    bal_job_list_report_errors (jobs, GTK_WIDGET (self));
    bal_jobs_page_set_job_list (self, jobs);
  }

  self->bosses = gtk_string_list_new (NULL);
  self->boss_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  adw_combo_row_set_model (self->reports_row, G_LIST_MODEL (self->bosses));

  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (form_changed), self);
  g_signal_connect_swapped (self->department_row, "changed", G_CALLBACK (form_changed), self);
  g_signal_connect_swapped (self->reports_row, "notify::selected", G_CALLBACK (form_changed), self);
  g_signal_connect_swapped (self->incumbents_spin, "value-changed", G_CALLBACK (form_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed", G_CALLBACK (form_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->activities_view), "changed", G_CALLBACK (form_changed), self);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (file_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_actions (self);
  update_list_state (self);
}
