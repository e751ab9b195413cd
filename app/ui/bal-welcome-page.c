/* bal-welcome-page.c: what a window shows before a project is open
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-welcome-page.h"

struct _BalWelcomePage
{
  AdwBin         parent_instance;

  GSettings     *settings;
  GtkStringList *recent;

  GtkWidget     *recent_group;
  GtkListBox    *recent_list;
};

G_DEFINE_FINAL_TYPE (BalWelcomePage, bal_welcome_page, ADW_TYPE_BIN)

static GtkWidget *
create_recent_row (gpointer item,
                   gpointer user_data)
{
  const char *path = gtk_string_object_get_string (item);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autofree char *tooltip = g_strdup_printf (_("Open “%s” for review"), basename);
  GtkWidget *row;
  GtkWidget *review;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), basename);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dirname);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sb)", path, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  review = gtk_button_new_with_mnemonic (_("_Review"));
  gtk_widget_set_valign (review, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (review, "flat");
  gtk_widget_set_tooltip_text (review, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (review), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (review), "(sb)", path, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), review);

  return row;
}

static void
recent_changed (BalWelcomePage *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) existing = NULL;

  /* Projects that were moved or deleted are not offered. */
  for (guint i = 0; paths[i] != NULL; i++)
    if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
      g_strv_builder_add (builder, paths[i]);
  existing = g_strv_builder_end (builder);

  gtk_string_list_splice (self->recent, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->recent)),
                          (const char * const *)existing);
  gtk_widget_set_visible (self->recent_group, existing[0] != NULL);
}

void
bal_welcome_page_set_settings (BalWelcomePage *self,
                               GSettings      *settings)
{
  g_return_if_fail (BAL_IS_WELCOME_PAGE (self));

  if (!g_set_object (&self->settings, settings))
    return;

  g_signal_connect_object (settings, "changed::recent-projects",
                           G_CALLBACK (recent_changed), self, G_CONNECT_SWAPPED);
  recent_changed (self);
}

static void
bal_welcome_page_dispose (GObject *object)
{
  BalWelcomePage *self = (BalWelcomePage *)object;

  /* AdwBin unparents its child itself: it goes first, the template after. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_WELCOME_PAGE);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent);

  G_OBJECT_CLASS (bal_welcome_page_parent_class)->dispose (object);
}

static void
bal_welcome_page_class_init (BalWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BalWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, BalWelcomePage, recent_list);
}

static void
bal_welcome_page_init (BalWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->recent = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (self->recent),
                           create_recent_row, self, NULL);
}
