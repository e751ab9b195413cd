/* bal-window.c: a Balans window, showing the welcome page or one project
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-demo.h"
#include "bal-file-chooser.h"
#include "bal-job-import-dialog.h"
#include "bal-project-view.h"
#include "bal-welcome-page.h"
#include "bal-window.h"

struct _BalWindow
{
  AdwApplicationWindow  parent_instance;

  BalProject           *project;
  gboolean              review;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkRevealer          *review_banner;
  GtkLabel             *review_label;
  GtkWidget            *leave_review_button;
  GtkRevealer          *integrity_banner;
  GtkLabel             *integrity_label;
  GtkStack             *main_stack;
  BalWelcomePage       *welcome_page;
  BalProjectView       *project_view;
};

G_DEFINE_FINAL_TYPE (BalWindow, bal_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BalWindow *
bal_window_new (BalApplication *application)
{
  return g_object_new (BAL_TYPE_WINDOW, "application", application, NULL);
}

BalProject *
bal_window_get_project (BalWindow *self)
{
  g_return_val_if_fail (BAL_IS_WINDOW (self), NULL);

  return self->project;
}

gboolean
bal_window_get_review (BalWindow *self)
{
  g_return_val_if_fail (BAL_IS_WINDOW (self), FALSE);

  return self->review;
}

void
bal_window_add_toast (BalWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (BAL_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
bal_window_show_error (BalWindow  *self,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (BAL_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_banners (BalWindow *self)
{
  BalProject *project = self->project;
  GPtrArray *findings = project ? bal_project_get_findings (project) : NULL;
  gboolean review_copy = project != NULL && bal_project_is_review_copy (project);
  gboolean read_only = project != NULL && bal_project_is_read_only (project);

  if (read_only)
    gtk_label_set_text (self->review_label,
                        _("This file is read-only: it can be read and exported; nothing can be changed."));
  else if (review_copy)
    gtk_label_set_text (self->review_label,
                        _("Review copy: remarks and objections can be recorded; gradings cannot be changed."));
  else
    gtk_label_set_text (self->review_label,
                        _("Review mode: remarks and objections can be recorded; gradings cannot be changed."));
  gtk_widget_set_visible (self->leave_review_button, review_copy && !read_only);
  gtk_revealer_set_reveal_child (self->review_banner, project != NULL && self->review);

  if (findings != NULL && findings->len > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "This project was changed outside Balans: %u finding. Do not rely on the marked jobs until the sender explains.",
                                                            "This project was changed outside Balans: %u findings. Do not rely on the marked jobs until the sender explains.",
                                                            findings->len),
                                               findings->len);

      gtk_label_set_text (self->integrity_label, text);
    }
  gtk_revealer_set_reveal_child (self->integrity_banner, findings != NULL && findings->len > 0);
  /* The banners' buttons are in the main menu too (F10), for the keyboard. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-for-review", project != NULL && !self->review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-review", review_copy && !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-findings", findings != NULL && findings->len > 0);
}

/* The checks whose cost grows with the file run after the window is up. */
static void
integrity_verified (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(BalWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!bal_project_verify_integrity_finish (BAL_PROJECT (source), result, &error))
    g_debug ("Integrity check: %s", error->message);
  if (self->project == BAL_PROJECT (source))
    update_banners (self);
}

void
bal_window_set_project (BalWindow  *self,
                        BalProject *project,
                        gboolean    review)
{
  g_return_if_fail (BAL_IS_WINDOW (self));
  g_return_if_fail (!project || BAL_IS_PROJECT (project));

  /* A review copy or a read-only file is in review mode, whoever asks. */
  if (project != NULL)
    {
      bal_project_set_review_mode (project, review);
      review = bal_project_get_review_mode (project);
    }

  if (self->project == project && self->review == review)
    return;

  if (project != NULL && project != self->project)
    bal_project_verify_integrity_async (project, NULL, integrity_verified, g_object_ref (self));
  g_set_object (&self->project, project);
  self->review = review;

  update_banners (self);
  bal_project_view_set_project (self->project_view, project, review);

  if (project != NULL)
    {
      g_autofree char *name = bal_project_dup_display_name (project);
      g_autofree char *organisation = bal_project_dup_organisation (project);
      g_autofree char *subtitle = NULL;

      if (review)
        subtitle = g_strdup_printf (_("%s — review mode"), organisation);
      else
        subtitle = g_steal_pointer (&organisation);

      adw_window_title_set_title (self->window_title, name);
      adw_window_title_set_subtitle (self->window_title, subtitle);
      gtk_window_set_title (GTK_WINDOW (self), name);
      gtk_stack_set_visible_child_name (self->main_stack, "project");
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Balans"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Balans"));
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

static BalApplication *
get_application (BalWindow *self)
{
  return BAL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Balans projects"));
  gtk_file_filter_add_mime_type (filter, "application/x-balans");
  gtk_file_filter_add_suffix (filter, "balans");

  return filter;
}

static void
open_chosen (GListModel *files,
             gpointer    user_data)
{
  g_autoptr(BalWindow) self = user_data;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      bal_application_open_project (get_application (self), file, FALSE, GTK_WINDOW (self));
    }
}

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = project_filter ();

  bal_choose_files (GTK_WINDOW (widget), BAL_CHOOSE_OPEN_MULTIPLE,
                    _("Open Project"), _("_Open"), filter, NULL,
                    open_chosen, g_object_ref (widget));
}

static void
new_chosen (GListModel *files,
            gpointer    user_data)
{
  g_autoptr(BalWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;

  if (g_list_model_get_n_items (files) == 0)
    return;

  file = g_list_model_get_item (files, 0);
  basename = g_file_get_basename (file);
  if (g_str_has_suffix (basename, ".balans"))
    target = g_object_ref (file);
  else
    {
      g_autofree char *name = g_strconcat (basename, ".balans", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      target = g_file_get_child (parent, name);
    }

  /* The save dialog asked before replacing an existing file. */
  if (g_file_query_exists (target, NULL) &&
      !g_file_delete (target, NULL, &error))
    {
      bal_window_show_error (self, _("Could not create the project"), error->message);
      return;
    }

  project = bal_demo_create_empty (target, &error);
  if (project == NULL)
    {
      bal_window_show_error (self, _("Could not create the project"), error->message);
      return;
    }

  bal_project_close (project);
  bal_application_open_project (get_application (self), target, FALSE, GTK_WINDOW (self));
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = project_filter ();

  bal_choose_files (GTK_WINDOW (widget), BAL_CHOOSE_SAVE,
                    _("New Project"), _("_Create"), filter, _("Project.balans"),
                    new_chosen, g_object_ref (widget));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BalWindow *self = BAL_WINDOW (widget);

  bal_application_open_demo (get_application (self), GTK_WINDOW (self));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BalWindow *self = BAL_WINDOW (widget);
  gboolean review = FALSE;
  const char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_variant_get (parameter, "(&sb)", &path, &review);
  file = g_file_new_for_path (path);
  bal_application_open_project (get_application (self), file, review, GTK_WINDOW (self));
}

static void
send_for_review_response (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  BalWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "send") != 0 || self->project == NULL)
    return;

  if (!bal_project_send_for_review (self->project, &error))
    {
      bal_window_show_error (self, _("Could not send the project for review"), error->message);
      return;
    }

  bal_window_set_project (self, self->project, TRUE);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("This file is now a review copy: send it to the works council")));
}

static void
send_for_review_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BalWindow *self = BAL_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Send for Review?"),
                                   _("The file becomes a review copy: whoever opens it, in any Balans, can record remarks and objections but cannot change a grading. Leaving review mode later is recorded, with your name, in the audit log."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "send", _("_Send for Review"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (send_for_review_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
leave_review_response (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  BalWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "leave") != 0 || self->project == NULL)
    return;

  if (!bal_project_leave_review (self->project, &error))
    {
      bal_window_show_error (self, _("Could not leave review mode"), error->message);
      return;
    }

  bal_window_set_project (self, self->project, FALSE);
}

static void
leave_review_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BalWindow *self = BAL_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Leave Review Mode?"),
                                   _("Gradings can then be changed again in this file. That you left review mode is recorded, with your name, in the audit log that the works council sees."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "leave", _("_Leave Review Mode"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "leave", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (leave_review_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_findings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BalWindow *self = BAL_WINDOW (widget);
  g_autoptr(GString) body = g_string_new (NULL);
  GPtrArray *findings;

  if (self->project == NULL)
    return;

  findings = bal_project_get_findings (self->project);
  for (guint i = 0; i < findings->len && i < 20; i++)
    g_string_append_printf (body, "• %s\n", ((BalIntegrityFinding *)g_ptr_array_index (findings, i))->message);
  if (findings->len > 20)
    g_string_append_printf (body, _("… and %u more; “balans-cli check” lists them all.\n"), findings->len - 20);
  g_string_append (body, _("\nWhat Balans did not write cannot be trusted. Ask the sender how the file was changed, or go back to a copy you received before."));

  bal_window_show_error (self, _("Changed Outside Balans"), body->str);
}

static void
import_jobs_chosen (GListModel *files,
                    gpointer    user_data)
{
  g_autoptr(BalWindow) self = user_data;
  g_autoptr(GFile) file = g_list_model_get_item (files, 0);

  if (file != NULL && self->project != NULL && !self->review)
    bal_job_import_dialog_present (GTK_WINDOW (self), self->project, file);
}

static void
import_jobs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (BAL_WINDOW (widget)->project == NULL || BAL_WINDOW (widget)->review)
    return;
  gtk_file_filter_set_name (filter, _("Job lists (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  bal_choose_files (GTK_WINDOW (widget), BAL_CHOOSE_OPEN, _("Import Jobs"), _("_Open"), filter, NULL,
                    import_jobs_chosen, g_object_ref (widget));
}

static void
save_window_state (BalWindow *self)
{
  GSettings *settings = bal_application_get_settings (get_application (self));
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
bal_window_close_request (GtkWindow *window)
{
  BalWindow *self = BAL_WINDOW (window);

  save_window_state (self);
  if (self->project != NULL)
    bal_project_close (self->project);

  return GTK_WINDOW_CLASS (bal_window_parent_class)->close_request (window);
}

static void
bal_window_constructed (GObject *object)
{
  BalWindow *self = (BalWindow *)object;
  BalApplication *app = get_application (self);
  GSettings *settings = app ? bal_application_get_settings (app) : NULL;

  G_OBJECT_CLASS (bal_window_parent_class)->constructed (object);

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      bal_welcome_page_set_settings (self->welcome_page, settings);
    }
}

static void
bal_window_dispose (GObject *object)
{
  BalWindow *self = (BalWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_WINDOW);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bal_window_parent_class)->dispose (object);
}

static void
bal_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BalWindow *self = BAL_WINDOW (object);

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
bal_window_class_init (BalWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bal_window_constructed;
  object_class->dispose = bal_window_dispose;
  object_class->get_property = bal_window_get_property;
  window_class->close_request = bal_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         BAL_TYPE_PROJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BAL_TYPE_WELCOME_PAGE);
  g_type_ensure (BAL_TYPE_PROJECT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BalWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, review_banner);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, review_label);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, leave_review_button);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, integrity_banner);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, integrity_label);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, project_view);

  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "(sb)", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.send-for-review", NULL, send_for_review_action);
  gtk_widget_class_install_action (widget_class, "win.leave-review", NULL, leave_review_action);
  gtk_widget_class_install_action (widget_class, "win.show-findings", NULL, show_findings_action);
  gtk_widget_class_install_action (widget_class, "win.import-jobs", NULL, import_jobs_action);
}

static void
bal_window_init (BalWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_title (GTK_WINDOW (self), _("Balans"));
  update_banners (self);
}
