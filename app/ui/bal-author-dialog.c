/* bal-author-dialog.c: asks who records, the first time Balans records anything
 *
 * Every decision, status, remark, objection and sign-off carries a name and
 * a role, never the login name. They are kept in GSettings (author-name,
 * author-role) and can be changed in Preferences; when they are not set yet
 * this dialog asks for them before the first thing is recorded.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-author-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-author-dialog.h"
#include "bal-review.h"

const char * const bal_author_role_ids[] = { "evaluator", "works-council", "manager", "employee", NULL };

struct _BalAuthorDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow      *name_row;
  AdwComboRow      *role_row;

  /* Owned */
  BalProject       *project;
  BalAuthorReady    ready;
  gpointer          ready_data;
};

G_DEFINE_FINAL_TYPE (BalAuthorDialog, bal_author_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Gives @project the author from the settings; FALSE when none is set. */
gboolean
bal_author_apply (BalProject *project)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = g_settings_get_string (settings, "author-name");
  g_autofree char *role = g_settings_get_string (settings, "author-role");

  g_strstrip (name);
  if (*name == '\0')
    return FALSE;

  bal_project_set_author (project, name, role);
  return TRUE;
}

static void
name_changed (BalAuthorDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", *name != '\0');
}

static void
bal_author_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  BalAuthorDialog *self = BAL_AUTHOR_DIALOG (dialog);

  if (g_strcmp0 (response, "save") == 0)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
      guint role = adw_combo_row_get_selected (self->role_row);

      g_settings_set_string (settings, "author-name", name);
      g_settings_set_string (settings, "author-role", bal_author_role_ids[MIN (role, 3)]);
      if (bal_author_apply (self->project) && self->ready != NULL)
        self->ready (self->ready_data);
    }

  /* AdwMessageDialog 1.2 has no default handler: it closes itself after the signal. */
  if (ADW_MESSAGE_DIALOG_CLASS (bal_author_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (bal_author_dialog_parent_class)->response (dialog, response);
}

static void
bal_author_dialog_dispose (GObject *object)
{
  BalAuthorDialog *self = (BalAuthorDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_AUTHOR_DIALOG);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bal_author_dialog_parent_class)->dispose (object);
}

static void
bal_author_dialog_class_init (BalAuthorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = bal_author_dialog_dispose;
  dialog_class->response = bal_author_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-author-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BalAuthorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BalAuthorDialog, role_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed);
}

static void
bal_author_dialog_init (BalAuthorDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; bal_author_role_ids[i] != NULL; i++)
    gtk_string_list_append (roles, bal_review_role_label (bal_author_role_ids[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", FALSE);
}

/* Calls @ready once @project has an author: at once when the settings have
 * one, otherwise after this dialog asked for it (not when it was cancelled). */
void
bal_author_dialog_ensure (GtkWidget      *widget,
                          BalProject     *project,
                          BalAuthorReady  ready,
                          gpointer        user_data)
{
  BalAuthorDialog *self;

  /* The settings first: Preferences may have changed them since. */
  if (bal_author_apply (project) || bal_project_get_author (project) != NULL)
    {
      ready (user_data);
      return;
    }

  self = g_object_new (BAL_TYPE_AUTHOR_DIALOG,
                       "transient-for", gtk_widget_get_root (widget),
                       "modal", TRUE,
                       NULL);
  self->project = g_object_ref (project);
  self->ready = ready;
  self->ready_data = user_data;
  gtk_window_present (GTK_WINDOW (self));
}
