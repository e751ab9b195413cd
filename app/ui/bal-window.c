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
#include "bal-handbook-page.h"
#include "bal-job-import-dialog.h"
#include "bal-project-view.h"
#include "bal-ui-util.h"
#include "bal-welcome-page.h"
#include "bal-window.h"

struct _BalWindow
{
  AdwApplicationWindow  parent_instance;

  BalProject           *project;
  gboolean              review;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwWindowTitle       *window_title_short;
  AdwWindowTitle       *window_title_tiny;
  GtkWidget            *open_button;
  GtkWidget            *back_button;
  guint                 back_idle;
  GtkRevealer          *review_banner;
  GtkLabel             *review_label;
  GtkLabel             *review_label_narrow;
  GtkWidget            *leave_review_button_narrow;
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
  g_return_if_fail (BAL_IS_WINDOW (self));

  gtk_window_present (GTK_WINDOW (bal_ui_message_dialog (GTK_WIDGET (self), heading, body)));
}

static void
update_banners (BalWindow *self)
{
  BalProject *project = self->project;
  GPtrArray *findings = project ? bal_project_get_findings (project) : NULL;
  gboolean review_copy = project != NULL && bal_project_is_review_copy (project);
  gboolean read_only = project != NULL && bal_project_is_read_only (project);

  const char *review_text;

  if (read_only)
    review_text = _("This file is read-only: it can be read and exported; nothing can be changed.");
  else if (review_copy)
    review_text = _("Review copy: remarks and objections can be recorded; gradings cannot be changed.");
  else
    review_text = _("Review mode: remarks and objections can be recorded; gradings cannot be changed.");
  gtk_label_set_text (self->review_label, review_text);
  gtk_label_set_text (self->review_label_narrow, review_text);
  gtk_widget_set_visible (self->leave_review_button, review_copy && !read_only);
  gtk_widget_set_visible (self->leave_review_button_narrow, review_copy && !read_only);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-jobs", project != NULL && !self->review && !read_only);
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

/* The header names the page shown, and under it the project. */
static void
update_title (BalWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *subtitle = NULL;

  if (self->project == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Balans"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      adw_window_title_set_title (self->window_title_short, _("Balans"));
      adw_window_title_set_subtitle (self->window_title_short, NULL);
      adw_window_title_set_title (self->window_title_tiny, _("Balans"));
      return;
    }

  name = bal_project_dup_display_name (self->project);
  organisation = bal_project_dup_organisation (self->project);
  /* A project named after its organisation names it once. */
  if (organisation != NULL && *organisation != '\0' && g_strcmp0 (organisation, name) != 0)
    subtitle = g_strdup_printf (self->review ? _("%s · %s — review mode") : "%s · %s", name, organisation);
  else
    subtitle = self->review ? g_strdup_printf (_("%s — review mode"), name) : g_strdup (name);

  adw_window_title_set_title (self->window_title, bal_project_view_get_title (self->project_view));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* Narrower: the project without its organisation, then the page alone. */
  adw_window_title_set_title (self->window_title_short, bal_project_view_get_title (self->project_view));
  adw_window_title_set_subtitle (self->window_title_short, name);
  adw_window_title_set_title (self->window_title_tiny, bal_project_view_get_title (self->project_view));
}

static gboolean
show_back (gpointer data)
{
  BalWindow *self = data;
  gboolean can = self->project != NULL && bal_project_view_get_can_go_back (self->project_view);

  self->back_idle = 0;
  gtk_widget_set_visible (self->back_button, can);
  /* Folded, the header is narrow: Open is in the main menu (and Ctrl+O). */
  gtk_widget_set_visible (self->open_button, !can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", can);

  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is allocated, after the header bar was: the
 * header changes for the next frame. */
static void
update_back (BalWindow *self)
{
  if (self->back_idle == 0)
    self->back_idle = g_idle_add (show_back, self);
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

      gtk_window_set_title (GTK_WINDOW (self), name);
      gtk_stack_set_visible_child_name (self->main_stack, "project");
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Balans"));
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }
  update_title (self);
  update_back (self);

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

typedef struct
{
  BalWindow *window;
  char      *organisation;
  gboolean   demo;          /* with the built-in handbook; else one to import */
} NewProject;

static void
new_project_free (NewProject *request)
{
  g_object_unref (request->window);
  g_free (request->organisation);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NewProject, new_project_free)

static void
new_chosen (GListModel *files,
            gpointer    user_data)
{
  g_autoptr(NewProject) request = user_data;
  BalWindow *self = request->window;
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
      bal_ui_show_error (GTK_WIDGET (self), _("Could not create the project"), error);
      return;
    }

  if (request->demo)
    {
      project = bal_demo_create_empty (target, &error);
      if (project != NULL && !bal_project_set_organisation (project, request->organisation, &error))
        g_clear_object (&project);
    }
  else
    project = bal_project_create (target, request->organisation, &error);
  if (project == NULL)
    {
      bal_ui_show_error (GTK_WIDGET (self), _("Could not create the project"), error);
      return;
    }

  bal_project_close (project);
  bal_application_open_project (get_application (self), target, FALSE, GTK_WINDOW (self));

  /* A project without a handbook starts with its import. */
  if (!request->demo && bal_window_get_project (self) != NULL &&
      g_file_equal (bal_project_get_file (bal_window_get_project (self)), target))
    {
      GtkWidget *page = bal_project_view_show_page (self->project_view, "handbook");

      gtk_widget_activate_action (page, "handbook.import", NULL);
    }
}

static void
new_project_response (AdwMessageDialog *dialog,
                      const char       *response,
                      NewProject       *request)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *initial = NULL;

  if (g_strcmp0 (response, "create") != 0)
    {
      new_project_free (request);
      return;
    }

  filter = project_filter ();
  initial = g_strdup_printf ("%s.balans", request->organisation);
  g_strdelimit (initial, "/\\:", '-');
  bal_choose_files (GTK_WINDOW (request->window), BAL_CHOOSE_SAVE,
                    _("Save the New Project"), _("_Create"), filter, initial,
                    new_chosen, request);
}

static void
organisation_changed (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (entry);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  adw_message_dialog_set_response_enabled (dialog, "create", *stripped != '\0');
}

static void
demo_toggled (GtkCheckButton *button,
              NewProject     *request)
{
  request->demo = gtk_check_button_get_active (button);
}

static void
organisation_stored (GtkEditable *entry,
                     NewProject  *request)
{
  g_free (request->organisation);
  request->organisation = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

/* A new project asks whom it is for and what it grades against, then where
 * it is saved. */
static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BalWindow *self = BAL_WINDOW (widget);
  NewProject *request = g_new0 (NewProject, 1);
  GtkWidget *dialog, *box, *label, *entry, *demo, *import;

  request->window = g_object_ref (self);
  request->organisation = g_strdup ("");
  request->demo = TRUE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Project"),
                                   _("One project is one organisation’s jobs, graded against one handbook."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  label = gtk_label_new_with_mnemonic (_("_Organisation"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("For example Voorbeeld B.V."));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  /* Enter presses Create, which closes the dialog too (a response emitted
   * by hand left the dialog open, and modal, behind the project). */
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);

  label = gtk_label_new (_("Handbook"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  demo = gtk_check_button_new_with_mnemonic (_("The _demo handbook (built in)"));
  import = gtk_check_button_new_with_mnemonic (_("_Import a handbook’s documents next"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (import), GTK_CHECK_BUTTON (demo));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (demo), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), demo);
  gtk_box_append (GTK_BOX (box), import);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);

  g_signal_connect (entry, "changed", G_CALLBACK (organisation_changed), dialog);
  g_signal_connect (entry, "changed", G_CALLBACK (organisation_stored), request);
  g_signal_connect (demo, "toggled", G_CALLBACK (demo_toggled), request);
  g_signal_connect (dialog, "response", G_CALLBACK (new_project_response), request);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  bal_project_view_go_back (BAL_WINDOW (widget)->project_view);
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
      bal_ui_show_error (GTK_WIDGET (self), _("Could not send the project for review"), error);
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
      bal_ui_show_error (GTK_WIDGET (self), _("Could not leave review mode"), error);
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

  g_clear_handle_id (&self->back_idle, g_source_remove);
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
  gtk_widget_class_bind_template_child (widget_class, BalWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, review_banner);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, review_label);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, leave_review_button);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, leave_review_button_narrow);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, review_label_narrow);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, window_title_short);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, window_title_tiny);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, integrity_banner);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, integrity_label);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, BalWindow, project_view);
  gtk_widget_class_bind_template_callback (widget_class, update_title);
  gtk_widget_class_bind_template_callback (widget_class, update_back);

  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "(sb)", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.send-for-review", NULL, send_for_review_action);
  gtk_widget_class_install_action (widget_class, "win.leave-review", NULL, leave_review_action);
  gtk_widget_class_install_action (widget_class, "win.show-findings", NULL, show_findings_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_install_action (widget_class, "win.import-jobs", NULL, import_jobs_action);
}

static void
bal_window_init (BalWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_title (GTK_WINDOW (self), _("Balans"));
  update_banners (self);
  update_back (self);
}
