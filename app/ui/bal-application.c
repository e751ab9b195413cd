/* bal-application.c: the Balans application
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-application.h"
#include "bal-demo.h"
#include "bal-preferences-window.h"
#include "bal-project.h"
#include "bal-ui-util.h"
#include "bal-window.h"

#define MAX_RECENT 10

struct _BalApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (BalApplication, bal_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo project"), NULL },
  { "review", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the projects for review: remarks and objections only"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

BalApplication *
bal_application_new (void)
{
  return g_object_new (BAL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/balans/Balans",
                       NULL);
}

GSettings *
bal_application_get_settings (BalApplication *self)
{
  g_return_val_if_fail (BAL_IS_APPLICATION (self), NULL);

  return self->settings;
}

void
bal_application_add_recent (BalApplication *self,
                            GFile          *file)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *path = g_file_get_path (file);
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (path == NULL)
    return;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_strcmp0 (recent[i], path) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *)updated);
}

/* A window without a project takes the project; otherwise a new window opens. */
static BalWindow *
window_for_project (BalApplication *self,
                    GFile          *file,
                    GtkWindow      *parent)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (const GList *l = windows; l != NULL; l = l->next)
    {
      BalProject *project;

      if (!BAL_IS_WINDOW (l->data))
        continue;

      project = bal_window_get_project (l->data);
      if (project != NULL && g_file_equal (bal_project_get_file (project), file))
        return l->data;
    }

  if (BAL_IS_WINDOW (parent) && bal_window_get_project (BAL_WINDOW (parent)) == NULL)
    return BAL_WINDOW (parent);

  return bal_window_new (self);
}

void
bal_application_open_project (BalApplication *self,
                              GFile          *file,
                              gboolean        review,
                              GtkWindow      *parent)
{
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  BalWindow *window;

  g_return_if_fail (BAL_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A window that shows this file for review keeps it in review mode. */
  window = window_for_project (self, file, parent);
  if (bal_window_get_project (window) != NULL && bal_window_get_review (window))
    review = TRUE;

  project = review ? bal_project_open_for_review (file, &error) : bal_project_open (file, &error);
  if (project == NULL && g_error_matches (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY))
    {
      /* A file that cannot be written can still be read, reviewed and exported. */
      g_clear_error (&error);
      project = bal_project_open_for_reading (file, &error);
    }
  if (project == NULL)
    {
      if (parent == NULL)
        {
          parent = GTK_WINDOW (bal_window_new (self));
          gtk_window_present (parent);
        }
      bal_ui_show_error (GTK_WIDGET (parent), _("Could not open the project"), error);
      return;
    }

  bal_window_set_project (window, project, review);
  bal_application_add_recent (self, file);
  gtk_window_present (GTK_WINDOW (window));
}

void
bal_application_open_demo (BalApplication *self,
                           GtkWindow      *parent)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = bal_demo_ensure (&error);
  if (file == NULL)
    {
      if (parent == NULL)
        {
          parent = GTK_WINDOW (bal_window_new (self));
          gtk_window_present (parent);
        }
      bal_ui_show_error (GTK_WIDGET (parent), _("Could not open the demo"), error);
      return;
    }

  bal_application_open_project (self, file, FALSE, parent);
}

static void
bal_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (bal_window_new (BAL_APPLICATION (app)));

  gtk_window_present (window);
}

static void
bal_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    bal_application_open_project (BAL_APPLICATION (app), files[i], FALSE, NULL);
}

static int
bal_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("balans %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
bal_application_command_line (GApplication            *app,
                              GApplicationCommandLine *command_line)
{
  BalApplication *self = BAL_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **paths = NULL;
  gboolean review = g_variant_dict_contains (options, "review");

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);

  if (paths != NULL && paths[0] != NULL)
    {
      for (guint i = 0; paths[i] != NULL; i++)
        {
          g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, paths[i]);

          bal_application_open_project (self, file, review, NULL);
        }
    }
  else if (review)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("--review needs a project file: balans --review FILE.balans"));
      return 2;
    }
  else if (g_variant_dict_contains (options, "demo"))
    bal_application_open_demo (self, NULL);
  else
    g_application_activate (app);

  return 0;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = user_data;
  g_autolist(GtkWindow) windows = NULL;

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));

  /* Closing each window saves its size; every edit is already in its file. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (app);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "The Balans developers", NULL };
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Balans"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Balans developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Grade an organisation’s jobs against the reference functions of a job classification handbook, and account for every grading."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Balans developers",
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (bal_window_new (user_data)));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (bal_preferences_window_new (gtk_application_get_active_window (user_data))));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "new-window", new_window_activated },
};

static void
bal_application_startup (GApplication *app)
{
  BalApplication *self = BAL_APPLICATION (app);
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new-project", { "<Control>n", NULL } },
    { "win.open-project", { "<Control>o", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (bal_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
bal_application_dispose (GObject *object)
{
  BalApplication *self = (BalApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bal_application_parent_class)->dispose (object);
}

static void
bal_application_class_init (BalApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bal_application_dispose;

  app_class->startup = bal_application_startup;
  app_class->activate = bal_application_activate;
  app_class->open = bal_application_open;
  app_class->command_line = bal_application_command_line;
  app_class->handle_local_options = bal_application_handle_local_options;
}

static void
bal_application_init (BalApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}
