/* test-widget-util.c: finding and driving widgets in tests
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "test-widget-util.h"
#include "bal-project-private.h"

static BalApplication *application;

/* One application for the test program, registered but not run: the tests
 * drive its windows themselves. */
void
bal_test_application_init (void)
{
  g_autoptr(GError) error = NULL;

  application = bal_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (application));
}

/* gtk_test_init () chose the C locale. The suite sets LC_ALL=C.UTF-8; run
 * by hand with LANG=nl_NL.UTF-8 (and LOCPATH), the windows are in Dutch,
 * from the catalogue in the build folder, for screenshots. */
void
bal_test_use_environment_locale (void)
{
  g_autofree char *po = g_build_filename (g_test_get_dir (G_TEST_BUILT), "..", "po", NULL);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

BalApplication *
bal_test_application (void)
{
  return application;
}

void
bal_test_iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
timed_out (gpointer data)
{
  gboolean *flag = data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

void
bal_test_wait_for_map (GtkWidget *widget)
{
  gboolean timeout = FALSE;
  guint id = g_timeout_add_seconds (10, timed_out, &timeout);

  while (!gtk_widget_get_mapped (widget) && !timeout)
    g_main_context_iteration (NULL, TRUE);
  if (!timeout)
    g_source_remove (id);

  g_assert_true (gtk_widget_get_mapped (widget));
  bal_test_iterate ();
}

GtkWidget *
bal_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bal_test_find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_matching (GtkWidget  *root,
               gboolean  (*match) (GtkWidget *, const char *),
               const char *text)
{
  if (match (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matching (child, match, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
button_matches (GtkWidget  *widget,
                const char *label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
label_matches (GtkWidget  *widget,
               const char *text)
{
  return GTK_IS_LABEL (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

GtkWidget *
bal_test_find_button (GtkWidget  *root,
                      const char *label)
{
  return find_matching (root, button_matches, label);
}

/* The line @row shows for its item at @position, through its expression. */
char *
bal_test_combo_row_line (AdwComboRow *row,
                         guint        position)
{
  g_autoptr(GObject) item = g_list_model_get_item (adw_combo_row_get_model (row), position);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (item);
  g_assert_true (gtk_expression_evaluate (adw_combo_row_get_expression (row), item, &value));

  return g_value_dup_string (&value);
}

GtkWidget *
bal_test_find_label (GtkWidget  *root,
                     const char *text)
{
  return find_matching (root, label_matches, text);
}

/* Renders @widget to a PNG, for the eyes of whoever runs the tests. */
gboolean
bal_test_screenshot (GtkWidget  *widget,
                     const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  return gdk_texture_save_to_png (texture, path);
}

/* Saves a screenshot as @name in $BALANS_SHOTS, when that is set. */
void
bal_test_save_screenshot (GtkWidget  *widget,
                          const char *name)
{
  const char *dir = g_getenv ("BALANS_SHOTS");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, name, NULL);
  /* A page just shown is drawn in a frame or two. */
  for (guint i = 0; i < 40; i++)
    {
      bal_test_iterate ();
      if (bal_test_screenshot (widget, path))
        return;
      g_usleep (25 * 1000);
    }
  g_test_message ("no screenshot %s: nothing rendered yet", name);
}

/* The shortcut that @trigger sets off in @root or below (borrowed), and
 * the widget whose controller holds it. */
GtkShortcut *
bal_test_find_shortcut (GtkWidget          *root,
                        GtkShortcutTrigger *trigger,
                        GtkWidget         **owner)
{
  g_autoptr(GListModel) controllers = NULL;

  /* The widget that installed it, not the window that also lists the
   * global ones: so the deepest first. */
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkShortcut *found = bal_test_find_shortcut (child, trigger, owner);

      if (found != NULL)
        return found;
    }

  controllers = gtk_widget_observe_controllers (root);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            {
              *owner = root;
              return shortcut;
            }
        }
    }

  return NULL;
}
