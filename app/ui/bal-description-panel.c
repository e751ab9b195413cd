/* bal-description-panel.c: a job description's versions, seen and agreed
 *
 * Step 1 of the procedure for one job: its description's versions, who saw
 * (the employee) and who agreed to (the manager) each, and buttons that
 * record it for the description as it is now (a new version when the text
 * changed). Nothing can be signed in review mode.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-description-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-author-dialog.h"
#include "bal-description.h"
#include "bal-description-panel.h"

struct _BalDescriptionPanel
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *group;
  GtkListBox           *versions;
  AdwEntryRow          *name_row;
  GtkButton            *seen_button;
  GtkButton            *agreed_button;

  /* Owned */
  BalProject           *project;
  gint64                job_id;
  gboolean              read_only;   /* the page it is on is in review mode */
  char                 *pending_kind;
};

G_DEFINE_FINAL_TYPE (BalDescriptionPanel, bal_description_panel, ADW_TYPE_BIN)

static void
refresh (BalDescriptionPanel *self)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *warning = NULL;
  GtkWidget *child;
  gboolean writable;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->versions))) != NULL)
    gtk_list_box_remove (self->versions, child);

  writable = self->project != NULL && self->job_id > 0 &&
             !self->read_only &&
             !bal_project_get_review_mode (self->project) && !bal_project_is_read_only (self->project);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->seen_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->agreed_button), writable);

  if (self->project == NULL || self->job_id <= 0)
    return;

  versions = bal_description_versions (self->project, self->job_id, NULL);
  warning = bal_description_grading_warning (self->project, self->job_id, NULL);
  adw_preferences_group_set_description (self->group,
                                         warning ? warning : _("A manager agreed to the description as it is now."));

  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      BalDescription *d = g_ptr_array_index (versions, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf (_("Version %d, %.10s"), d->version, d->created);
      GtkWidget *row = adw_action_row_new ();

      for (guint s = 0; s < d->signoffs->len; s++)
        {
          BalSignoff *signoff = g_ptr_array_index (d->signoffs, s);

          if (subtitle->len > 0)
            g_string_append (subtitle, "\n");
          g_string_append_printf (subtitle,
                                  g_str_equal (signoff->kind, "agreed") ? _("Agreed by %s on %.10s") : _("Seen by %s on %.10s"),
                                  signoff->name, signoff->at);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->len ? subtitle->str : _("Not signed"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->versions, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->versions), versions != NULL && versions->len > 0);
}

static void
sign_now (gpointer data)
{
  BalDescriptionPanel *self = data;
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gint64 version = bal_description_snapshot (self->project, self->job_id, &error);

  if (version == 0 || !bal_description_sign (self->project, version, self->pending_kind, name, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      adw_preferences_group_set_description (self->group, error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  refresh (self);
}

static void
sign (BalDescriptionPanel *self,
      const char          *kind)
{
  g_free (self->pending_kind);
  self->pending_kind = g_strdup (kind);
  bal_author_dialog_ensure (GTK_WIDGET (self), self->project, sign_now, self);
}

static void
seen_clicked (BalDescriptionPanel *self)
{
  sign (self, "seen");
}

static void
agreed_clicked (BalDescriptionPanel *self)
{
  sign (self, "agreed");
}

static void
project_changed (BalDescriptionPanel *self,
                 const char          *what)
{
  if (g_strcmp0 (what, "jobs") == 0 || g_strcmp0 (what, "decisions") == 0)
    refresh (self);
}

void
bal_description_panel_set_job (BalDescriptionPanel *self,
                               BalProject          *project,
                               gint64               job_id)
{
  g_return_if_fail (BAL_IS_DESCRIPTION_PANEL (self));

  if (self->project != project)
    {
      if (self->project != NULL)
        g_signal_handlers_disconnect_by_data (self->project, self);
      g_set_object (&self->project, project);
      if (project != NULL)
        g_signal_connect_object (project, "changed", G_CALLBACK (project_changed), self, G_CONNECT_SWAPPED);
    }
  self->job_id = job_id;
  refresh (self);
}

/* Nothing can be signed while @read_only, as in the project's own review mode. */
void
bal_description_panel_set_read_only (BalDescriptionPanel *self,
                                     gboolean             read_only)
{
  g_return_if_fail (BAL_IS_DESCRIPTION_PANEL (self));

  self->read_only = read_only;
  refresh (self);
}

GtkWidget *
bal_description_panel_new (void)
{
  return g_object_new (BAL_TYPE_DESCRIPTION_PANEL, NULL);
}

static void
bal_description_panel_dispose (GObject *object)
{
  BalDescriptionPanel *self = (BalDescriptionPanel *)object;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  /* AdwBin unparents its child itself: it goes first, the template after. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_DESCRIPTION_PANEL);

  G_OBJECT_CLASS (bal_description_panel_parent_class)->dispose (object);
}

static void
bal_description_panel_finalize (GObject *object)
{
  BalDescriptionPanel *self = (BalDescriptionPanel *)object;

  g_free (self->pending_kind);

  G_OBJECT_CLASS (bal_description_panel_parent_class)->finalize (object);
}

static void
bal_description_panel_class_init (BalDescriptionPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_description_panel_dispose;
  object_class->finalize = bal_description_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-description-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BalDescriptionPanel, group);
  gtk_widget_class_bind_template_child (widget_class, BalDescriptionPanel, versions);
  gtk_widget_class_bind_template_child (widget_class, BalDescriptionPanel, name_row);
  gtk_widget_class_bind_template_child (widget_class, BalDescriptionPanel, seen_button);
  gtk_widget_class_bind_template_child (widget_class, BalDescriptionPanel, agreed_button);
  gtk_widget_class_bind_template_callback (widget_class, seen_clicked);
  gtk_widget_class_bind_template_callback (widget_class, agreed_clicked);
}

static void
bal_description_panel_init (BalDescriptionPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
