/* bal-preferences-window.c: your name and role
 *
 * The name and role Balans records with everything you record (GSettings
 * author-name and author-role); a change applies to what is recorded next.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-author-dialog.h"
#include "bal-preferences-window.h"
#include "bal-review.h"

struct _BalPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwEntryRow          *name_row;
  AdwComboRow          *role_row;

  /* Owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (BalPreferencesWindow, bal_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
name_changed (BalPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (*name == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  g_settings_set_string (self->settings, "author-name", name);
}

static void
role_changed (BalPreferencesWindow *self)
{
  guint role = adw_combo_row_get_selected (self->role_row);

  if (role < 4)
    g_settings_set_string (self->settings, "author-role", bal_author_role_ids[role]);
}

static void
bal_preferences_window_dispose (GObject *object)
{
  BalPreferencesWindow *self = (BalPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bal_preferences_window_parent_class)->dispose (object);
}

static void
bal_preferences_window_class_init (BalPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BalPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, BalPreferencesWindow, role_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed);
  gtk_widget_class_bind_template_callback (widget_class, role_changed);
}

static void
bal_preferences_window_init (BalPreferencesWindow *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);

  for (guint i = 0; bal_author_role_ids[i] != NULL; i++)
    gtk_string_list_append (roles, bal_review_role_label (bal_author_role_ids[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));

  name = g_settings_get_string (self->settings, "author-name");
  role = g_settings_get_string (self->settings, "author-role");
  for (guint i = 0; bal_author_role_ids[i] != NULL; i++)
    if (g_strcmp0 (bal_author_role_ids[i], role) == 0)
      adw_combo_row_set_selected (self->role_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

BalPreferencesWindow *
bal_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (BAL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
