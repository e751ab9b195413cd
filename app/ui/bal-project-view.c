/* bal-project-view.c: one open project: the sidebar and its pages
 *
 * A page is built the first time it is shown, so that opening a project
 * costs one page, not five. The sidebar and the pages are the two panes of
 * a leaflet that folds on a narrow window.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-project-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-export-page.h"
#include "bal-handbook-page.h"
#include "bal-jobs-page.h"
#include "bal-project-view.h"
#include "bal-review-page.h"
#include "bal-structure-page.h"

struct _BalProjectView
{
  AdwBin      parent_instance;

  BalProject *project;
  BalJobList *jobs;        /* the jobs, read once for every page that lists them */
  gboolean    review;

  /* Template widgets */
  AdwLeaflet *leaflet;
  GtkWidget  *sidebar_pane;
  GtkListBox *sidebar;
  GtkStack   *stack;
};

G_DEFINE_FINAL_TYPE (BalProjectView, bal_project_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkStack *
bal_project_view_get_stack (BalProjectView *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT_VIEW (self), NULL);

  return self->stack;
}

/* Gives @page, one of ours, the project and the mode of the view. */
static void
page_set_project (BalProjectView *self,
                  GtkWidget      *page)
{
  /* The review page is being moved to properties: its setter stays. */
  if (BAL_IS_REVIEW_PAGE (page))
    bal_review_page_set_project (BAL_REVIEW_PAGE (page), self->project, self->review);
  else if (BAL_IS_JOBS_PAGE (page) || BAL_IS_HANDBOOK_PAGE (page))
    g_object_set (page, "review", self->review, "project", self->project, NULL);
  else
    g_object_set (page, "project", self->project, NULL);
}

static GtkWidget *
build_page (BalProjectView *self,
            const char     *name)
{
  GtkWidget *page = NULL;

  if (g_strcmp0 (name, "jobs") == 0)
    page = g_object_new (BAL_TYPE_JOBS_PAGE, NULL);
  else if (g_strcmp0 (name, "structure") == 0)
    page = g_object_new (BAL_TYPE_STRUCTURE_PAGE, NULL);
  else if (g_strcmp0 (name, "handbook") == 0)
    page = g_object_new (BAL_TYPE_HANDBOOK_PAGE, NULL);
  else if (g_strcmp0 (name, "review") == 0)
    page = g_object_new (BAL_TYPE_REVIEW_PAGE, NULL);
  else if (g_strcmp0 (name, "export") == 0)
    page = g_object_new (BAL_TYPE_EXPORT_PAGE, NULL);

  if (BAL_IS_JOBS_PAGE (page))
    bal_jobs_page_set_job_list (BAL_JOBS_PAGE (page), self->jobs);
  else if (BAL_IS_REVIEW_PAGE (page))
    bal_review_page_set_job_list (BAL_REVIEW_PAGE (page), self->jobs);
  else if (BAL_IS_EXPORT_PAGE (page))
    bal_export_page_set_job_list (BAL_EXPORT_PAGE (page), self->jobs);
  if (page != NULL)
    page_set_project (self, page);

  return page;
}

/* The page named @name, built now if it was not yet. */
static GtkWidget *
ensure_page (BalProjectView *self,
             const char     *name)
{
  AdwBin *bin = ADW_BIN (gtk_stack_get_child_by_name (self->stack, name));
  GtkWidget *page;

  g_assert (bin != NULL);

  page = adw_bin_get_child (bin);
  if (page == NULL && self->project != NULL)
    {
      page = build_page (self, name);
      adw_bin_set_child (bin, page);
    }

  return page;
}

/* Shows the page named @name, builds it if needed, and returns it. */
GtkWidget *
bal_project_view_show_page (BalProjectView *self,
                            const char     *name)
{
  g_return_val_if_fail (BAL_IS_PROJECT_VIEW (self), NULL);

  gtk_stack_set_visible_child_name (self->stack, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  return ensure_page (self, name);
}

const char *
bal_project_view_get_title (BalProjectView *self)
{
  GtkWidget *child;

  g_return_val_if_fail (BAL_IS_PROJECT_VIEW (self), NULL);

  child = gtk_stack_get_visible_child (self->stack);
  return child != NULL ? gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child)) : NULL;
}

gboolean
bal_project_view_get_can_go_back (BalProjectView *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT_VIEW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0;
}

void
bal_project_view_go_back (BalProjectView *self)
{
  g_return_if_fail (BAL_IS_PROJECT_VIEW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
bal_project_view_set_project (BalProjectView *self,
                              BalProject     *project,
                              gboolean        review)
{
  g_return_if_fail (BAL_IS_PROJECT_VIEW (self));
  g_return_if_fail (!project || BAL_IS_PROJECT (project));

  g_set_object (&self->project, project);
  self->review = review;
  bal_job_list_set_project (self->jobs, project);

  /* The pages built so far follow; the others get it when first shown. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *page = adw_bin_get_child (ADW_BIN (child));

      if (page != NULL)
        page_set_project (self, page);
    }
  bal_project_view_show_page (self, "jobs");
}

static void
sidebar_row_selected (BalProjectView *self,
                      GtkListBoxRow  *row)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  g_autoptr(GObject) page = NULL;

  if (row == NULL)
    return;

  pages = gtk_stack_get_pages (self->stack);
  page = g_list_model_get_item (G_LIST_MODEL (pages), gtk_list_box_row_get_index (row));
  if (page != NULL)
    gtk_stack_set_visible_child_name (self->stack, gtk_stack_page_get_name (GTK_STACK_PAGE (page)));
}

/* A click or Return on a row, even the selected one, opens its page. */
static void
sidebar_row_activated (BalProjectView *self,
                       GtkListBoxRow  *row)
{
  sidebar_row_selected (self, row);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
visible_page_changed (BalProjectView *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  const char *name;
  guint n;
  g_autoptr(GtkSelectionModel) pages = NULL;

  if (child == NULL)
    return;

  name = gtk_stack_get_visible_child_name (self->stack);
  ensure_page (self, name);

  /* The sidebar follows the page, whoever switched it. */
  pages = gtk_stack_get_pages (self->stack);
  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (gtk_stack_page_get_child (GTK_STACK_PAGE (page)) == child)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, i);

          if (row != NULL && gtk_list_box_get_selected_row (self->sidebar) != row)
            gtk_list_box_select_row (self->sidebar, row);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
leaflet_changed (BalProjectView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

static GtkWidget *
create_sidebar_row (GtkStackPage *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_stack_page_get_title (page),
                                  -1);

  return row;
}

/* The sidebar's rows are walked with the arrow keys; Tab leaves the sidebar
 * for the page (a GtkListBox would move to the next row, and so open the
 * next page, on every Tab). */
static gboolean
bal_project_view_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  BalProjectView *self = BAL_PROJECT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)))
    {
      if (direction == GTK_DIR_TAB_FORWARD)
        return gtk_widget_get_mapped (GTK_WIDGET (self->stack)) &&
               gtk_widget_child_focus (GTK_WIDGET (self->stack), direction);
      if (direction == GTK_DIR_TAB_BACKWARD)
        return FALSE;
    }

  return GTK_WIDGET_CLASS (bal_project_view_parent_class)->focus (widget, direction);
}

/* Documents dropped anywhere but on the jobs are handbook documents to import. */
static gboolean
files_dropped (GtkDropTarget  *target,
               const GValue   *value,
               double          x,
               double          y,
               BalProjectView *self)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_FILE);
  GtkWidget *page;

  if (self->project == NULL || self->review)
    return FALSE;

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_list_store_append (store, l->data);

  page = bal_project_view_show_page (self, "handbook");
  bal_handbook_page_import_files (BAL_HANDBOOK_PAGE (page), G_LIST_MODEL (store));

  return TRUE;
}

/* The pages' shortcuts, from anywhere in the project: the page (NULL: the
 * page shown) and its action. Inside a page, its own binding comes first. */
static const struct {
  guint            key;
  GdkModifierType  mods;
  const char      *page;
  const char      *action;
} page_shortcuts[] = {
  { GDK_KEY_f, GDK_CONTROL_MASK, NULL, "jobs.focus-search" },
  { GDK_KEY_f, GDK_CONTROL_MASK, NULL, "handbook.focus-search" },
  { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "jobs", "jobs.add" },
  { GDK_KEY_Return, GDK_CONTROL_MASK, "jobs", "jobs.questionnaire" },
  { GDK_KEY_g, GDK_CONTROL_MASK, "jobs", "jobs.grade" },
  { GDK_KEY_i, GDK_CONTROL_MASK, "handbook", "handbook.import" },
  { GDK_KEY_e, GDK_CONTROL_MASK, "export", "export.run" },
};

static gboolean
page_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  BalProjectView *self = BAL_PROJECT_VIEW (widget);
  guint i = GPOINTER_TO_UINT (user_data);
  GtkWidget *page;

  if (self->project == NULL)
    return FALSE;

  if (page_shortcuts[i].page != NULL)
    page = bal_project_view_show_page (self, page_shortcuts[i].page);
  else
    page = ensure_page (self, gtk_stack_get_visible_child_name (self->stack));

  /* Ctrl+F means the search of the page shown: the other entry fails here. */
  for (guint j = i; j < G_N_ELEMENTS (page_shortcuts) && page_shortcuts[j].key == page_shortcuts[i].key; j++)
    if (page != NULL && gtk_widget_activate_action (page, page_shortcuts[j].action, NULL))
      return TRUE;

  return FALSE;
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BalProjectView *self = BAL_PROJECT_VIEW (widget);

  if (self->project != NULL)
    bal_project_view_show_page (self, g_variant_get_string (parameter, NULL));
}

static void
bal_project_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BalProjectView *self = BAL_PROJECT_VIEW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, bal_project_view_get_title (self));
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, bal_project_view_get_can_go_back (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_project_view_dispose (GObject *object)
{
  BalProjectView *self = (BalProjectView *)object;

  /* AdwBin unparents its child itself: it goes first, the template after. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_PROJECT_VIEW);
  g_clear_object (&self->project);
  g_clear_object (&self->jobs);

  G_OBJECT_CLASS (bal_project_view_parent_class)->dispose (object);
}

static void
bal_project_view_class_init (BalProjectViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_project_view_dispose;
  object_class->get_property = bal_project_view_get_property;
  widget_class->focus = bal_project_view_focus;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-project-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BalProjectView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BalProjectView, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, BalProjectView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BalProjectView, stack);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed);

  gtk_widget_class_install_action (widget_class, "view.show-page", "s", show_page_action);
}

static void
bal_project_view_init (BalProjectView *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  GtkEventController *shortcuts;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->jobs = bal_job_list_new ();
  bal_job_list_report_errors (self->jobs, GTK_WIDGET (self));

  pages = gtk_stack_get_pages (self->stack);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      gtk_list_box_append (self->sidebar, create_sidebar_row (GTK_STACK_PAGE (page)));
    }
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (leaflet_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (leaflet_changed), self, G_CONNECT_SWAPPED);

  /* Alt+1 to Alt+5: the project areas, from anywhere in the window. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)) && i < 9; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_ALT_MASK),
                                                gtk_named_action_new ("view.show-page"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (gtk_stack_page_get_name (GTK_STACK_PAGE (page))));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  for (guint i = 0; i < G_N_ELEMENTS (page_shortcuts); i++)
    if (i == 0 || page_shortcuts[i].key != page_shortcuts[i - 1].key)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (page_shortcuts[i].key, page_shortcuts[i].mods),
                                                              gtk_callback_action_new (page_shortcut, GUINT_TO_POINTER (i), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (files_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
