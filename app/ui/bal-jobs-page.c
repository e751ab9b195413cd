/* bal-jobs-page.c: the organisation's jobs: list, form, questionnaire
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-jobs-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-application.h"
#include "bal-grade-dialog.h"
#include "bal-grading.h"
#include "bal-job-item.h"
#include "bal-jobs.h"
#include "bal-jobs-page.h"
#include "bal-questionnaire-view.h"

struct _BalJobsPage
{
  AdwBin                parent_instance;

  BalProject           *project;
  gboolean              review;
  GListStore           *items;
  GtkSingleSelection   *selection;
  GtkStringList        *bosses;
  GArray               *boss_ids;
  gint64                job_id;
  gboolean              loading;
  gboolean              saving;
  guint                 save_id;

  AdwToastOverlay      *toast_overlay;
  GtkSearchEntry       *search_entry;
  GtkListView          *list_view;
  GtkStack             *list_stack;
  GtkStack             *detail_stack;
  GtkLabel             *status_label;
  AdwEntryRow          *title_row;
  AdwEntryRow          *department_row;
  AdwComboRow          *reports_row;
  GtkSpinButton        *incumbents_spin;
  GtkTextView          *description_view;
  GtkTextView          *activities_view;
  BalQuestionnaireView *questionnaire_view;
};

G_DEFINE_FINAL_TYPE (BalJobsPage, bal_jobs_page, ADW_TYPE_BIN)

static void load_job (BalJobsPage *self,
                      gint64       id);

static void
show_error (BalJobsPage  *self,
            const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The list ***************************************************************/

static void
reload (BalJobsPage *self)
{
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  guint select = GTK_INVALID_LIST_POSITION;

  if (self->project == NULL)
    return;

  jobs = bal_jobs_list (self->project, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), &error);
  if (jobs == NULL)
    {
      show_error (self, error);
      return;
    }

  self->loading = TRUE;
  g_list_store_remove_all (self->items);
  for (guint i = 0; i < jobs->len; i++)
    {
      BalJob *job = g_ptr_array_index (jobs, i);
      g_autoptr(BalDecision) decision = bal_grading_latest (self->project, job->id, NULL);
      g_autofree char *graded = decision
        ? g_strdup_printf (_("Grade %s · %s"), decision->grade, bal_job_status_text (job))
        : g_strdup_printf (_("Not graded · %s"), bal_job_status_text (job));
      g_autofree char *status = bal_project_job_has_finding (self->project, job->id)
        ? g_strdup_printf (_("⚠ Changed outside Balans · %s"), graded)
        : g_steal_pointer (&graded);
      g_autoptr(BalJobItem) item = bal_job_item_new (job->id, job->title, job->department, status);

      if (job->id == self->job_id)
        select = i;
      g_list_store_append (self->items, item);
    }
  gtk_single_selection_set_selected (self->selection, select);
  self->loading = FALSE;

  gtk_stack_set_visible_child_name (self->list_stack, jobs->len > 0 ? "list" : "empty");
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  BalJobItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *department = bal_job_item_get_department (item);
  g_autofree char *line = *department
    ? g_strdup_printf ("%s · %s", department, bal_job_item_get_status (item))
    : g_strdup (bal_job_item_get_status (item));

  gtk_label_set_text (GTK_LABEL (title), bal_job_item_get_title (item));
  gtk_label_set_text (GTK_LABEL (subtitle), line);
}

/* The form ***************************************************************/

static gboolean
save_job (gpointer data)
{
  BalJobsPage *self = data;
  g_autoptr(BalJob) job = NULL;
  g_autoptr(GError) error = NULL;
  guint boss;

  self->save_id = 0;
  if (self->project == NULL || self->job_id == 0 || self->review)
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

  self->saving = TRUE;
  if (!bal_jobs_update (self->project, job, &error))
    show_error (self, error);
  self->saving = FALSE;

  /* The form shows the edit already; the list shows it from here. */
  reload (self);

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
  if (self->loading)
    return;

  /* Saved a moment after the last keystroke; nothing waits for a Save button. */
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (400, save_job, self);
}

static void
fill_bosses (BalJobsPage *self,
             BalJob      *job)
{
  g_autoptr(GPtrArray) jobs = bal_jobs_list (self->project, NULL, NULL);
  guint selected = 0;

  gtk_string_list_splice (self->bosses, 0, g_list_model_get_n_items (G_LIST_MODEL (self->bosses)), NULL);
  g_array_set_size (self->boss_ids, 0);

  gtk_string_list_append (self->bosses, _("Nobody"));
  g_array_append_val (self->boss_ids, (gint64){ 0 });

  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    {
      BalJob *other = g_ptr_array_index (jobs, i);

      if (other->id == job->id)
        continue;
      if (other->id == job->reports_to)
        selected = self->boss_ids->len;
      gtk_string_list_append (self->bosses, other->title);
      g_array_append_val (self->boss_ids, other->id);
    }

  adw_combo_row_set_selected (self->reports_row, selected);
}

static void
load_job (BalJobsPage *self,
          gint64       id)
{
  g_autoptr(BalJob) job = NULL;
  g_autofree char *status = NULL;
  g_autoptr(BalDecision) decision = NULL;

  flush_save (self);
  self->job_id = id;

  job = id != 0 ? bal_jobs_get (self->project, id, NULL) : NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.duplicate", job != NULL && !self->review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.delete", job != NULL && !self->review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.questionnaire", job != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.grade", job != NULL && !self->review);

  if (job == NULL)
    {
      self->job_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), job->title);
  gtk_editable_set_text (GTK_EDITABLE (self->department_row), job->department);
  fill_bosses (self, job);
  gtk_spin_button_set_value (self->incumbents_spin, job->incumbents);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), job->description, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->activities_view), job->activities, -1);
  decision = bal_grading_latest (self->project, id, NULL);
  if (decision != NULL)
    status = g_strdup_printf (_("Grade %s (%s) · %d of %d questions answered"), decision->grade,
                              decision->reference_code, job->answered, job->questions);
  else
    status = g_strdup_printf (_("Not graded · %d of %d questions answered"), job->answered, job->questions);
  if (bal_project_job_has_finding (self->project, id))
    {
      g_autofree char *marked = g_strdup_printf (_("⚠ Changed outside Balans · %s"), status);

      g_free (status);
      status = g_steal_pointer (&marked);
    }
  gtk_label_set_text (self->status_label, status);
  self->loading = FALSE;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "questionnaire") != 0)
    gtk_stack_set_visible_child_name (self->detail_stack, "form");
}

static void
selection_changed (BalJobsPage *self)
{
  BalJobItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (self->loading || item == NULL)
    return;

  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  load_job (self, bal_job_item_get_id (item));
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
      show_error (self, error);
      return;
    }

  self->job_id = job->id;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reload (self);
  load_job (self, job->id);
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
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
      show_error (self, error);
      return;
    }

  self->job_id = copy;
  reload (self);
  load_job (self, copy);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Job duplicated")));
}

static void
undo_delete (AdwToast *toast,
             gpointer  user_data)
{
  BalJobsPage *self = user_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "job"));
  g_autoptr(GError) error = NULL;

  if (!bal_jobs_undelete (self->project, id, &error))
    {
      show_error (self, error);
      return;
    }

  self->job_id = id;
  reload (self);
  load_job (self, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BalJobsPage *self = BAL_JOBS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_autofree char *message = NULL;
  gint64 id = self->job_id;
  AdwToast *toast;

  flush_save (self);
  if (!bal_jobs_delete (self->project, id, &error))
    {
      show_error (self, error);
      return;
    }

  message = g_strdup_printf (_("“%s” deleted"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "job", GSIZE_TO_POINTER (id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  self->job_id = 0;
  reload (self);
  load_job (self, 0);
}

static void
questionnaire_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BalJobsPage *self = BAL_JOBS_PAGE (widget);

  flush_save (self);
  bal_questionnaire_view_open (self->questionnaire_view, self->project, self->job_id, self->review);
  gtk_stack_set_visible_child_name (self->detail_stack, "questionnaire");
}

static void
job_graded (BalGradeDialog *dialog,
            const char     *grade,
            BalJobsPage    *self)
{
  g_autofree char *message = g_strdup_printf (_("Decision recorded: grade %s"), grade);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  reload (self);
  load_job (self, self->job_id);
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BalJobsPage *self = BAL_JOBS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autofree char *evaluator = NULL;
  BalGradeDialog *dialog;

  flush_save (self);
  if (BAL_IS_APPLICATION (app) && bal_application_get_settings (BAL_APPLICATION (app)) != NULL)
    evaluator = g_settings_get_string (bal_application_get_settings (BAL_APPLICATION (app)), "evaluator-name");
  if (evaluator == NULL || *evaluator == '\0')
    {
      g_free (evaluator);
      evaluator = g_strdup (g_get_real_name ());
    }

  dialog = bal_grade_dialog_new (GTK_WINDOW (root), self->project, self->job_id, evaluator);
  g_signal_connect_object (dialog, "decided", G_CALLBACK (job_graded), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
questionnaire_closed (BalJobsPage *self)
{
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  reload (self);
  load_job (self, self->job_id);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (BAL_JOBS_PAGE (widget)->search_entry));
}

/* Project ****************************************************************/

static void
project_changed (BalJobsPage *self,
                 const char  *what)
{
  /* An edit of this form is on screen already. */
  if (self->saving)
    return;

  if (g_strcmp0 (what, "jobs") == 0 || g_strcmp0 (what, "answers") == 0 || g_strcmp0 (what, "decisions") == 0 ||
      g_strcmp0 (what, "integrity") == 0)
    reload (self);
}

void
bal_jobs_page_set_project (BalJobsPage *self,
                           BalProject  *project,
                           gboolean     review)
{
  g_return_if_fail (BAL_IS_JOBS_PAGE (self));

  flush_save (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  g_set_object (&self->project, project);
  self->review = review;
  self->job_id = 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jobs.add", project != NULL && !review);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), !review);
  gtk_widget_set_sensitive (GTK_WIDGET (self->department_row), !review);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reports_row), !review);
  gtk_widget_set_sensitive (GTK_WIDGET (self->incumbents_spin), !review);
  gtk_text_view_set_editable (self->description_view, !review);
  gtk_text_view_set_editable (self->activities_view, !review);

  load_job (self, 0);
  if (project != NULL)
    {
      g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed), self);
      reload (self);
    }
}

/* Selects @id and shows its form, or its questionnaire. */
void
bal_jobs_page_show_job (BalJobsPage *self,
                        gint64       id,
                        gboolean     questionnaire)
{
  g_return_if_fail (BAL_IS_JOBS_PAGE (self));

  self->job_id = id;
  reload (self);
  load_job (self, id);
  if (questionnaire && self->job_id != 0)
    questionnaire_action (GTK_WIDGET (self), NULL, NULL);
}

BalQuestionnaireView *
bal_jobs_page_get_questionnaire (BalJobsPage *self)
{
  return self->questionnaire_view;
}

static void
bal_jobs_page_dispose (GObject *object)
{
  BalJobsPage *self = (BalJobsPage *)object;

  flush_save (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  g_clear_object (&self->project);
  g_clear_object (&self->selection);
  g_clear_object (&self->bosses);
  g_clear_pointer (&self->boss_ids, g_array_unref);

  G_OBJECT_CLASS (bal_jobs_page_parent_class)->dispose (object);
}

static void
bal_jobs_page_class_init (BalJobsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_jobs_page_dispose;

  g_type_ensure (BAL_TYPE_QUESTIONNAIRE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-jobs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, department_row);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, reports_row);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, incumbents_spin);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, description_view);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, activities_view);
  gtk_widget_class_bind_template_child (widget_class, BalJobsPage, questionnaire_view);

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
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (BAL_TYPE_JOB_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->items));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->bosses = gtk_string_list_new (NULL);
  self->boss_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  adw_combo_row_set_model (self->reports_row, G_LIST_MODEL (self->bosses));

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (form_changed), self);
  g_signal_connect_swapped (self->department_row, "changed", G_CALLBACK (form_changed), self);
  g_signal_connect_swapped (self->reports_row, "notify::selected", G_CALLBACK (form_changed), self);
  g_signal_connect_swapped (self->incumbents_spin, "value-changed", G_CALLBACK (form_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed", G_CALLBACK (form_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->activities_view), "changed", G_CALLBACK (form_changed), self);
  g_signal_connect_swapped (self->questionnaire_view, "closed", G_CALLBACK (questionnaire_closed), self);
}
