/* bal-handbook-page.c: the handbook: browse, search, read and edit reference functions; start an import
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-handbook-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-handbook.h"
#include "bal-handbook-import.h"
#include "bal-handbook-item.h"
#include "bal-handbook-page.h"
#include "bal-reference-detail.h"
#include "bal-ui-util.h"

struct _BalHandbookPage
{
  GtkWidget           parent_instance;

  /* Owned */
  BalProject         *project;
  GSignalGroup       *project_signals;
  gboolean            review;
  GListStore         *items;
  GtkSingleSelection *selection;
  GCancellable       *import_cancellable;  /* while an import runs */
  char               *shown_code;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkStack           *list_stack;
  GtkStack           *detail_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *back_button;
  BalReferenceDetail *detail;
  GtkRevealer        *progress_revealer;
  GtkProgressBar     *progress_bar;
};

G_DEFINE_FINAL_TYPE (BalHandbookPage, bal_handbook_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_REVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_reference (BalHandbookPage *self,
                            const char      *code);

static void
update_import_action (BalHandbookPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handbook.import",
                                 self->project != NULL && !self->review && self->import_cancellable == NULL);
}

/* The list ****************************************************************/

static void
reload (BalHandbookPage *self)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *query = bal_handbook_fts_query (text, TRUE);
  gboolean searching = query != NULL;
  const char *family = NULL;
  guint select = GTK_INVALID_LIST_POSITION;

  if (self->project == NULL)
    return;

  found = bal_handbook_search (self->project, text, NULL, &error);
  if (found == NULL)
    {
      bal_ui_show_error (GTK_WIDGET (self), _("The handbook could not be read"), error);
      return;
    }

  /* The found functions replace the list in one change. The selection
   * follows the shown function, which selection_changed() then leaves be. */
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < found->len; i++)
    {
      BalReferenceSummary *summary = g_ptr_array_index (found, i);

      /* Without a search, the functions stand under their family. */
      if (!searching && g_strcmp0 (family, summary->family) != 0)
        {
          g_ptr_array_add (items, bal_handbook_item_new_family (summary->family));
          family = summary->family;
        }

      if (g_strcmp0 (summary->code, self->shown_code) == 0)
        select = items->len;
      g_ptr_array_add (items, bal_handbook_item_new_reference (summary->code, summary->title, summary->family,
                                                               summary->grade, summary->alternative_titles));
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, select);

  gtk_stack_set_visible_child_name (self->list_stack, found->len > 0 ? "list" : "empty");

  if (select == GTK_INVALID_LIST_POSITION && searching && found->len > 0)
    {
      /* The best match first: its row is right under the search entry. */
      gtk_single_selection_set_selected (self->selection, 0);
    }
  else if (self->shown_code != NULL)
    show_reference (self, self->shown_code);
}

static void
search_changed (BalHandbookPage *self)
{
  reload (self);
}

static void
selection_changed (BalHandbookPage *self)
{
  BalHandbookItem *item = gtk_single_selection_get_selected_item (self->selection);

  /* A family heading can take the focus, so that the arrow keys pass it,
   * but it is no function: the selection stays on the one shown. */
  if (item != NULL && bal_handbook_item_is_family (item))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
      guint shown = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; i < n && self->shown_code != NULL && shown == GTK_INVALID_LIST_POSITION; i++)
        {
          g_autoptr(BalHandbookItem) other = g_list_model_get_item (G_LIST_MODEL (self->items), i);

          if (g_strcmp0 (bal_handbook_item_get_code (other), self->shown_code) == 0)
            shown = i;
        }
      gtk_single_selection_set_selected (self->selection, shown);
      return;
    }

  /* A reload selects the function shown again: nothing to show. */
  if (item == NULL || g_strcmp0 (bal_handbook_item_get_code (item), self->shown_code) == 0)
    return;

  show_reference (self, bal_handbook_item_get_code (item));
}

/* A click, a tap or Return on a function. Folded, the detail is opened
 * then, not on every change of the selection: the arrow keys walk the list
 * without leaving it. (Folded, one click activates: single-click-activate
 * follows the leaflet.) */
static void
list_activated (BalHandbookPage *self,
                guint            position)
{
  g_autoptr(BalHandbookItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item == NULL || bal_handbook_item_is_family (item))
    return;

  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

/* On a narrow window list and detail fold into one column; the detail
 * then has a way back. */
static void
leaflet_changed (BalHandbookPage *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
back_clicked (BalHandbookPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* In GTK 4.8 Tab walks a list view row by row, and so would never reach
 * the detail: here Tab leaves the list, as it leaves the sidebar, and the
 * arrow keys walk it. */
static gboolean
bal_handbook_page_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  BalHandbookPage *self = BAL_HANDBOOK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    {
      if (direction == GTK_DIR_TAB_FORWARD)
        return !adw_leaflet_get_folded (self->leaflet) &&
               gtk_widget_child_focus (GTK_WIDGET (self->detail_stack), direction);
      if (direction == GTK_DIR_TAB_BACKWARD)
        return gtk_widget_child_focus (gtk_widget_get_parent (GTK_WIDGET (self->search_entry)), direction);
    }

  return GTK_WIDGET_CLASS (bal_handbook_page_parent_class)->focus (widget, direction);
}

/* The detail **************************************************************/

static void
show_reference (BalHandbookPage *self,
                const char      *code)
{
  /* code may be self->shown_code itself, which is replaced here. */
  g_autofree char *code_copy = g_strdup (code);

  g_free (self->shown_code);
  self->shown_code = g_steal_pointer (&code_copy);

  if (bal_reference_detail_set_code (self->detail, self->shown_code))
    gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  else
    {
      g_clear_pointer (&self->shown_code, g_free);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
    }
}

/* An edit of the shown function was written: its row shows it, and nothing
 * is reloaded. */
static void
detail_saved (BalHandbookPage *self,
              const char      *message)
{
  BalHandbookItem *item = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *titles = NULL;

  if (item != NULL && g_strcmp0 (bal_handbook_item_get_code (item), self->shown_code) == 0)
    {
      g_object_get (self->detail, "alternative-titles", &titles, NULL);
      bal_handbook_item_set_alternative_titles (item, titles);
    }

  bal_ui_confirm (self->toast_overlay, message);
}

/* Import ******************************************************************/

/* The import itself is a BalHandbookImport: the page starts it, shows its
 * progress, and shows the report when it is done. */
static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  BalHandbookImport *import = BAL_HANDBOOK_IMPORT (object);
  g_autoptr(BalHandbookPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = bal_handbook_import_run_finish (import, result, &error);

  /* Cancelled because the page left its window: nothing to show it in. */
  if (!done && gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  g_clear_object (&self->import_cancellable);
  update_import_action (self);

  if (!done)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bal_ui_show_error (GTK_WIDGET (self), _("The documents were not imported"), error);
      else
        bal_ui_confirm (self->toast_overlay, _("Import cancelled: nothing was imported"));
      return;
    }

  bal_handbook_import_present_report (import, GTK_WIDGET (self));
  reload (self);
  g_signal_emit (self, signals[IMPORTED], 0,
                 bal_handbook_import_get_n_imported (import),
                 bal_handbook_import_get_n_failed (import),
                 bal_handbook_import_get_report (import));
}

/* Reads @files in a worker thread and stores what they hold; the report
 * comes in a dialog, and in the "imported" signal. */
void
bal_handbook_page_import_files (BalHandbookPage *self,
                                GListModel      *files)
{
  g_autoptr(BalHandbookImport) import = NULL;

  g_return_if_fail (BAL_IS_HANDBOOK_PAGE (self));

  if (self->project == NULL || self->review || self->import_cancellable != NULL ||
      g_list_model_get_n_items (files) == 0)
    return;

  import = bal_handbook_import_new (self->project, files);
  g_object_bind_property (import, "fraction", self->progress_bar, "fraction", G_BINDING_DEFAULT);
  g_object_bind_property (import, "text", self->progress_bar, "text", G_BINDING_DEFAULT);

  self->import_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  update_import_action (self);

  bal_handbook_import_run_async (import, self->import_cancellable, import_done, g_object_ref (self));
}

/* Stops an import under way: nothing is stored. */
void
bal_handbook_page_cancel (BalHandbookPage *self)
{
  g_return_if_fail (BAL_IS_HANDBOOK_PAGE (self));

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

/* The window closing, or the page leaving it, stops the import. */
static void
bal_handbook_page_unroot (GtkWidget *widget)
{
  bal_handbook_page_cancel (BAL_HANDBOOK_PAGE (widget));

  GTK_WIDGET_CLASS (bal_handbook_page_parent_class)->unroot (widget);
}

static void
cancel_clicked (BalHandbookPage *self)
{
  bal_handbook_page_cancel (self);
}

static void
files_chosen (GListModel *files,
              gpointer    user_data)
{
  g_autoptr(BalHandbookPage) self = user_data;

  bal_handbook_page_import_files (self, files);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bal_handbook_import_choose_files (widget, files_chosen, g_object_ref (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (BAL_HANDBOOK_PAGE (widget)->search_entry));
}

/* Project *****************************************************************/

static void
handbook_changed (BalHandbookPage *self,
                  const char      *what)
{
  /* Our own edits rebuild nothing: the widgets already show them. An
   * import reloads when it is done. */
  if (!bal_reference_detail_is_saving (self->detail) && self->import_cancellable == NULL)
    reload (self);
}

BalProject *
bal_handbook_page_get_project (BalHandbookPage *self)
{
  g_return_val_if_fail (BAL_IS_HANDBOOK_PAGE (self), NULL);

  return self->project;
}

void
bal_handbook_page_set_project (BalHandbookPage *self,
                               BalProject      *project)
{
  g_return_if_fail (BAL_IS_HANDBOOK_PAGE (self));
  g_return_if_fail (!project || BAL_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  bal_handbook_page_cancel (self);
  g_signal_group_set_target (self->project_signals, project);
  g_clear_pointer (&self->shown_code, g_free);
  bal_reference_detail_set_project (self->detail, project);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  g_list_store_remove_all (self->items);
  update_import_action (self);
  reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/* In review, the handbook is read, not edited or imported into. */
void
bal_handbook_page_set_review (BalHandbookPage *self,
                              gboolean         review)
{
  g_return_if_fail (BAL_IS_HANDBOOK_PAGE (self));

  review = !!review;
  if (self->review == review)
    return;

  self->review = review;
  update_import_action (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
}

GtkSearchEntry *
bal_handbook_page_get_search_entry (BalHandbookPage *self)
{
  return self->search_entry;
}

GListModel *
bal_handbook_page_get_model (BalHandbookPage *self)
{
  return G_LIST_MODEL (self->selection);
}

static void
bal_handbook_page_dispose (GObject *object)
{
  BalHandbookPage *self = (BalHandbookPage *)object;

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);

  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->selection);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->shown_code, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_HANDBOOK_PAGE);

  G_OBJECT_CLASS (bal_handbook_page_parent_class)->dispose (object);
}

static void
bal_handbook_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BalHandbookPage *self = BAL_HANDBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_REVIEW:
      g_value_set_boolean (value, self->review);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_handbook_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BalHandbookPage *self = BAL_HANDBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bal_handbook_page_set_project (self, g_value_get_object (value));
      break;

    case PROP_REVIEW:
      bal_handbook_page_set_review (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_handbook_page_class_init (BalHandbookPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_handbook_page_dispose;
  object_class->get_property = bal_handbook_page_get_property;
  object_class->set_property = bal_handbook_page_set_property;
  widget_class->unroot = bal_handbook_page_unroot;
  widget_class->focus = bal_handbook_page_focus;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         BAL_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVIEW] =
    g_param_spec_boolean ("review", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BalHandbookPage::imported:
   * @n_imported: reference functions imported
   * @n_failed: documents that were not imported
   * @report: the report, as shown
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-handbook-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BalHandbookPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BalHandbookPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BalHandbookPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BalHandbookPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BalHandbookPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, BalHandbookPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BalHandbookPage, back_button);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, list_activated);
  gtk_widget_class_bind_template_child (widget_class, BalHandbookPage, detail);
  gtk_widget_class_bind_template_child (widget_class, BalHandbookPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, BalHandbookPage, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, detail_saved);

  gtk_widget_class_install_action (widget_class, "handbook.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "handbook.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "handbook.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "handbook.focus-search", NULL);
}

/* The list's rows: a family heading, or a reference function under it.
 * Made in code: a builder for each row was a quarter of the page's first
 * frame. Every row is selectable, since in GTK 4.8 only a selectable row
 * takes the focus and the arrow keys would stop at a heading; the page keeps
 * the selection off the headings. The reference's labels are a grid that
 * they fill, not a box: see bal-text-row.c. */
static GtkWidget *
row_label (GtkWidget  *parent,
           const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  if (GTK_IS_BOX (parent))
    gtk_box_append (GTK_BOX (parent), label);

  return label;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *family = row_label (box, "heading");
  GtkWidget *reference = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_grid_new ();
  GtkWidget *code = row_label (line, NULL);
  GtkWidget *title = row_label (line, NULL);
  GtkWidget *grade = row_label (line, "numeric");
  GtkWidget *alternatives;

  gtk_label_set_ellipsize (GTK_LABEL (family), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (family, 12);
  gtk_widget_set_margin_bottom (family, 3);

  gtk_widget_set_margin_top (reference, 3);
  gtk_widget_set_margin_bottom (reference, 3);
  gtk_box_append (GTK_BOX (box), reference);
  gtk_grid_set_column_spacing (GTK_GRID (line), 12);
  /* Wrapped, not cut: a title is the one thing to read here. The small
   * natural width keeps the list narrow. */
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 20);
  gtk_widget_add_css_class (grade, "dim-label");
  gtk_grid_attach (GTK_GRID (line), code, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (line), title, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (line), grade, 2, 0, 1, 1);
  gtk_box_append (GTK_BOX (reference), line);

  alternatives = row_label (reference, "dim-label");
  gtk_widget_add_css_class (alternatives, "caption");
  gtk_label_set_yalign (GTK_LABEL (alternatives), 0.5);
  gtk_label_set_ellipsize (GTK_LABEL (alternatives), PANGO_ELLIPSIZE_END);

  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  BalHandbookItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *family = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *reference = gtk_widget_get_next_sibling (family);
  GtkWidget *line = gtk_widget_get_first_child (reference);
  GtkWidget *code = gtk_widget_get_first_child (line);
  GtkWidget *title = gtk_widget_get_next_sibling (code);
  GtkWidget *grade = gtk_widget_get_next_sibling (title);
  GtkWidget *alternatives = gtk_widget_get_next_sibling (line);
  gboolean is_family = bal_handbook_item_is_family (item);

  gtk_list_item_set_activatable (list_item, !is_family);
  gtk_widget_set_visible (family, is_family);
  gtk_widget_set_visible (reference, !is_family);
  gtk_label_set_text (GTK_LABEL (family), bal_handbook_item_get_family (item));
  gtk_label_set_text (GTK_LABEL (code), bal_handbook_item_get_code (item));
  gtk_label_set_text (GTK_LABEL (title), bal_handbook_item_get_title (item));
  gtk_widget_set_tooltip_text (title, bal_handbook_item_get_title (item));
  gtk_label_set_text (GTK_LABEL (grade), bal_handbook_item_get_grade (item));
  /* A reference's other titles can change while it is shown. */
  bal_ui_list_item_bind (list_item, item, "alternative-titles", alternatives, "label");
  bal_ui_list_item_bind (list_item, item, "has-alternative-titles", alternatives, "visible");
}

static void
bal_handbook_page_init (BalHandbookPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_type_ensure (BAL_TYPE_HANDBOOK_ITEM);
  g_type_ensure (BAL_TYPE_REFERENCE_DETAIL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (BAL_TYPE_HANDBOOK_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->items));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (bal_ui_list_item_unbind), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_bind_property (self->leaflet, "folded", self->list_view, "single-click-activate", G_BINDING_SYNC_CREATE);

  self->project_signals = g_signal_group_new (BAL_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "changed::handbook", G_CALLBACK (handbook_changed), self);

  update_import_action (self);
}
