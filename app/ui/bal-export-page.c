/* bal-export-page.c: export the workbook, off the main thread
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-export-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-export.h"
#include "bal-export-page.h"
#include "bal-file-chooser.h"
#include "bal-job-list.h"
#include "bal-ui-util.h"

struct _BalExportPage
{
  GtkWidget        parent_instance;

  BalProject      *project;
  BalJobList      *jobs;            /* every job, perhaps shared with other pages */
  GListStore      *scope_parts;     /* the whole project, then the jobs */
  GtkFlattenListModel *scopes;      /* BalJobItem; id 0 is the whole project */
  GFile           *target;
  GFile           *running_target;  /* the file the export under way writes */
  GFile           *exported;        /* the last file written, for the toast's Open */
  GCancellable    *cancellable;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *scope_row;
  AdwActionRow    *target_row;
  GtkProgressBar  *progress_bar;
  GtkButton       *cancel_button;
  GtkButton       *export_button;
};

G_DEFINE_FINAL_TYPE (BalExportPage, bal_export_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (BalExportPage *self)
{
  gboolean running = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", self->project != NULL && self->target != NULL && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", self->project != NULL && !running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
}

void
bal_export_page_set_target (BalExportPage *self,
                            GFile         *target)
{
  g_autofree char *name = NULL;

  g_return_if_fail (BAL_IS_EXPORT_PAGE (self));

  g_set_object (&self->target, target);
  name = target ? g_file_get_parse_name (target) : NULL;
  adw_action_row_set_subtitle (self->target_row, name ? name : _("No file chosen"));
  update_actions (self);
}

/* A scope's line: the whole project, or a job's justification, which
 * follows a renamed job. */
static char *
scope_label (BalJobItem *item,
             const char *title,
             gpointer    user_data)
{
  if (bal_job_item_get_id (item) == 0)
    return g_strdup (_("The whole project"));

  return g_strdup_printf (_("Justification of “%s”"), title);
}

/* The list of scopes is as wide as a job's title needs: twenty thousand
 * lines cut after "Justification of “Accou…" all looked the same. */
static void
scope_selected (GtkListItem *list_item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));

  gtk_widget_set_opacity (check, gtk_list_item_get_selected (list_item) ? 1 : 0);
}

static void
setup_scope (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
  g_signal_connect (list_item, "notify::selected", G_CALLBACK (scope_selected), NULL);
  scope_selected (list_item);
}

/* A row shows the line of the row's own expression, which follows a
 * renamed job. */
static void
bind_scope (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            AdwComboRow              *row)
{
  GtkExpressionWatch *watch = gtk_expression_bind (gtk_expression_ref (adw_combo_row_get_expression (row)),
                                                   gtk_widget_get_first_child (gtk_list_item_get_child (list_item)),
                                                   "label", gtk_list_item_get_item (list_item));

  g_object_set_data (G_OBJECT (list_item), "bal-watch", watch);
}

static void
unbind_scope (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  gtk_expression_watch_unwatch (g_object_get_data (G_OBJECT (list_item), "bal-watch"));
  g_object_set_data (G_OBJECT (list_item), "bal-watch", NULL);
}

/* The jobs for the scopes, shared with the window's other pages. */
void
bal_export_page_set_job_list (BalExportPage *self,
                              BalJobList    *jobs)
{
  g_return_if_fail (BAL_IS_EXPORT_PAGE (self));
  g_return_if_fail (BAL_IS_JOB_LIST (jobs));

  if (self->jobs == jobs)
    return;

  if (self->jobs != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->jobs, self);
      g_list_store_remove (self->scope_parts, 1);
    }
  g_set_object (&self->jobs, jobs);
  g_list_store_append (self->scope_parts, bal_job_list_get_model (jobs));
  if (self->project != NULL)
    bal_job_list_set_project (jobs, self->project);
}

gboolean
bal_export_page_get_loading (BalExportPage *self)
{
  g_return_val_if_fail (BAL_IS_EXPORT_PAGE (self), FALSE);

  return bal_job_list_get_loading (self->jobs);
}

BalProject *
bal_export_page_get_project (BalExportPage *self)
{
  g_return_val_if_fail (BAL_IS_EXPORT_PAGE (self), NULL);

  return self->project;
}

void
bal_export_page_set_project (BalExportPage *self,
                             BalProject    *project)
{
  g_return_if_fail (BAL_IS_EXPORT_PAGE (self));
  g_return_if_fail (!project || BAL_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  bal_export_page_cancel (self);
  bal_job_list_set_project (self->jobs, project);
  adw_combo_row_set_selected (self->scope_row, 0);
  bal_export_page_set_target (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/* In the main context, while the export runs. */
static void
export_progress (double   fraction,
                 gpointer user_data)
{
  BalExportPage *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
open_result (BalExportPage *self)
{
  GFile *file = self->exported;

  if (file == NULL)
    return;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, NULL, NULL);
  }
#else
  {
    g_autofree char *uri = g_file_get_uri (file);

    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
  }
#endif
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BalExportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = g_steal_pointer (&self->running_target);
  gboolean done = bal_export_workbook_finish (result, &error);
  AdwToast *toast;

  /* Cancelled because the page left its window: nothing to show it in. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  g_clear_object (&self->cancellable);
  update_actions (self);

  if (!done)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bal_ui_confirm (self->toast_overlay, _("Export cancelled: no file was written"));
      else
        bal_ui_show_error (GTK_WIDGET (self), _("The workbook was not exported"), error);
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (target);
    g_autofree char *message = g_strdup_printf (_("“%s” exported"), name);

    g_set_object (&self->exported, target);
    toast = adw_toast_new (message);
    adw_toast_set_timeout (toast, 10);
    adw_toast_set_button_label (toast, _("_Open"));
    g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_result), self, G_CONNECT_SWAPPED);
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BalExportPage *self = BAL_EXPORT_PAGE (widget);
  BalJobItem *scope = adw_combo_row_get_selected_item (self->scope_row);
  gint64 job_id;

  if (self->project == NULL || self->target == NULL || self->cancellable != NULL)
    return;

  job_id = scope != NULL ? bal_job_item_get_id (scope) : 0;
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->running_target, self->target);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  update_actions (self);

  bal_export_workbook_async (bal_project_get_file (self->project), self->target, &job_id, job_id != 0 ? 1 : 0,
                             export_progress, g_object_ref (self), g_object_unref,
                             self->cancellable, export_done, g_object_ref (self));
}

/* Stops an export under way; the file is not written. */
void
bal_export_page_cancel (BalExportPage *self)
{
  g_return_if_fail (BAL_IS_EXPORT_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
target_chosen (GListModel *files,
               gpointer    user_data)
{
  g_autoptr(BalExportPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;

  if (g_list_model_get_n_items (files) == 0)
    return;

  file = g_list_model_get_item (files, 0);
  name = g_file_get_basename (file);
  if (!g_str_has_suffix (name, ".xlsx"))
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *with_suffix = g_strconcat (name, ".xlsx", NULL);
      g_autoptr(GFile) with = g_file_get_child (parent, with_suffix);

      g_set_object (&file, with);
    }

  bal_export_page_set_target (self, file);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BalExportPage *self = BAL_EXPORT_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *project_name = bal_project_dup_display_name (self->project);
  g_autofree char *suggested = g_strdup_printf ("%s.xlsx", project_name);

  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");

  bal_choose_files (GTK_WINDOW (gtk_widget_get_root (widget)), BAL_CHOOSE_SAVE,
                    _("Export Workbook"), _("_Save"), filter, suggested,
                    target_chosen, g_object_ref (self));
}

static void
on_cancel_clicked (BalExportPage *self)
{
  bal_export_page_cancel (self);
}

/* The window closing, or the page leaving it, stops the export. */
static void
bal_export_page_unroot (GtkWidget *widget)
{
  bal_export_page_cancel (BAL_EXPORT_PAGE (widget));

  GTK_WIDGET_CLASS (bal_export_page_parent_class)->unroot (widget);
}

static void
bal_export_page_dispose (GObject *object)
{
  BalExportPage *self = (BalExportPage *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->jobs != NULL)
    g_signal_handlers_disconnect_by_data (self->jobs, self);

  g_clear_object (&self->jobs);
  g_clear_object (&self->project);
  g_clear_object (&self->target);
  g_clear_object (&self->running_target);
  g_clear_object (&self->exported);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->scopes);
  g_clear_object (&self->scope_parts);
  /* The page is a GtkWidget with a GtkBinLayout, not an AdwBin: an AdwBin
   * unparents its child in its own dispose, after the template's. */
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_EXPORT_PAGE);

  G_OBJECT_CLASS (bal_export_page_parent_class)->dispose (object);
}

static void
bal_export_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BalExportPage *self = BAL_EXPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_export_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BalExportPage *self = BAL_EXPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bal_export_page_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_export_page_class_init (BalExportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_export_page_dispose;
  object_class->get_property = bal_export_page_get_property;
  object_class->set_property = bal_export_page_set_property;
  widget_class->unroot = bal_export_page_unroot;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         BAL_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-export-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BalExportPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BalExportPage, scope_row);
  gtk_widget_class_bind_template_child (widget_class, BalExportPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, BalExportPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BalExportPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BalExportPage, export_button);

  gtk_widget_class_install_action (widget_class, "export.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "export.run", NULL);
}

static void
bal_export_page_init (BalExportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The whole project, then every job: a job added, renamed or deleted
   * anywhere changes the scopes with the list. */
  {
    g_autoptr(GListStore) whole = g_list_store_new (BAL_TYPE_JOB_ITEM);
    g_autoptr(BalJobItem) whole_item = bal_job_item_new (0);
    g_autoptr(BalJobList) jobs = bal_job_list_new ();
    GtkExpression *title = gtk_property_expression_new (BAL_TYPE_JOB_ITEM, NULL, "title");
    g_autoptr(GtkExpression) label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &title,
                                                                  G_CALLBACK (scope_label), NULL, NULL);

    g_list_store_append (whole, whole_item);
    self->scope_parts = g_list_store_new (G_TYPE_LIST_MODEL);
    g_list_store_append (self->scope_parts, whole);
    self->scopes = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->scope_parts)));
    adw_combo_row_set_expression (self->scope_row, label);
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_scope), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_scope), self->scope_row);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_scope), NULL);
      adw_combo_row_set_list_factory (self->scope_row, factory);
    }
    adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (self->scopes));
    /* Its own list until the window gives the one its pages share. */
    bal_job_list_report_errors (jobs, GTK_WIDGET (self));
    bal_export_page_set_job_list (self, jobs);
  }
  update_actions (self);
}
