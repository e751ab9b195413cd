/* bal-structure-page.c: the job structure (functiegebouw) and the consistency findings
 *
 * The structure and the findings are computed in worker threads (the core's
 * _async API) while the page shows a spinner; a computation is cancelled
 * when the page leaves its window or the project changes, and a result for
 * an earlier project is dropped. The page follows the project's changes to
 * jobs, decisions, answers and the handbook.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-structure-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-consistency.h"
#include "bal-handbook.h"
#include "bal-method.h"
#include "bal-structure.h"
#include "bal-structure-page.h"
#include "bal-text-row.h"
#include "bal-ui-util.h"

struct _BalStructurePage
{
  AdwBin        parent_instance;

  /* Owned */
  BalProject   *project;
  GSignalGroup *project_signals;
  GPtrArray    *finding_rows;     /* borrowed rows of findings_group */
  GCancellable *cancellable;      /* the computation under way, NULL when none */
  BalStructure *structure;        /* the one shown, NULL when none */

  gboolean      reload_again;     /* the project changed while computing */
  gboolean      stale;            /* cancelled on unroot: compute again on root */

  /* Template widgets */
  GtkStack     *stack;
  GtkSpinner   *spinner;
  GtkGrid      *grid;
  GtkWidget    *findings_group;
};

G_DEFINE_FINAL_TYPE (BalStructurePage, bal_structure_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
cell (const char *text,
      gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), header ? 0.5 : 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  /* A cell holds a line per job, hundreds at the size of a real employer:
   * wrapped, it is laid out again for every width the grid tries, which
   * froze the main loop for seconds at 5,000 jobs. Only headers wrap. */
  gtk_label_set_wrap (GTK_LABEL (label), header);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_widget_add_css_class (label, "structure-cell");
  if (header)
    gtk_widget_add_css_class (label, "structure-header");

  return label;
}

static void
clear (BalStructurePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  for (guint i = 0; i < self->finding_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->findings_group), g_ptr_array_index (self->finding_rows, i));
  g_ptr_array_set_size (self->finding_rows, 0);
  g_clear_pointer (&self->structure, bal_structure_free);
}

/* A cell shows the first titles of its jobs; the rest are behind a button
 * whose popover lists them all in a recycling list, so that a cell of
 * thousands of jobs costs a handful of labels until it is opened. */
#define TITLES_SHOWN 5

static char *
job_line (BalStructureJob *job)
{
  return g_strdup_printf ("%s (%d)", job->title, job->incumbents);
}

static void
setup_title (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkStringObject *line = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (line));
}

/* The popover of every title in a cell, made when it is first opened. */
static void
create_all_titles (GtkMenuButton *button,
                   gpointer       user_data)
{
  GPtrArray *jobs = user_data;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_full (jobs->len + 1, g_free);
  g_autoptr(GtkStringList) model = NULL;
  GtkListItemFactory *factory;
  GtkWidget *list;
  GtkWidget *scrolled;
  GtkWidget *popover;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  for (guint j = 0; j < jobs->len; j++)
    g_ptr_array_add (lines, job_line (g_ptr_array_index (jobs, j)));
  g_ptr_array_add (lines, NULL);
  model = gtk_string_list_new ((const char * const *) lines->pdata);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_title), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_title), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&model)))), factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_menu_button_get_label (button),
                                  -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (button, popover);
}

static GtkWidget *
job_cell (GPtrArray *jobs)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *box;
  GtkWidget *label;

  for (guint j = 0; j < jobs->len && j < TITLES_SHOWN; j++)
    {
      g_autofree char *line = job_line (g_ptr_array_index (jobs, j));

      g_string_append_printf (text, "%s%s", j > 0 ? "\n" : "", line);
    }
  label = cell (text->str, FALSE);
  if (jobs->len <= TITLES_SHOWN)
    {
      if (jobs->len > 0)
        gtk_widget_add_css_class (label, "structure-filled");
      return label;
    }

  /* The label is the cell's look; the box around it takes it over. */
  gtk_widget_remove_css_class (label, "structure-cell");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (box, "structure-cell");
  gtk_widget_add_css_class (box, "structure-filled");
  gtk_box_append (GTK_BOX (box), label);

  {
    guint more = jobs->len - TITLES_SHOWN;
    g_autofree char *more_text = g_strdup_printf (ngettext ("… and %u more", "… and %u more", more), more);
    GtkWidget *button = gtk_menu_button_new ();

    gtk_menu_button_set_label (GTK_MENU_BUTTON (button), more_text);
    gtk_widget_set_halign (button, GTK_ALIGN_START);
    gtk_widget_add_css_class (button, "flat");
    gtk_widget_set_tooltip_text (button, _("Show every job in this cell"));
    gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_all_titles, jobs, NULL);
    gtk_box_append (GTK_BOX (box), button);
  }

  return box;
}

static void
show_structure (BalStructurePage *self,
                BalStructure     *structure)
{
  guint n_families = g_strv_length (structure->families);
  guint n_grades = g_strv_length (structure->grades);
  g_autoptr(BalMethod) method = bal_handbook_load_method (self->project, NULL);

  /* The cells' buttons list the structure's jobs when opened. */
  g_clear_pointer (&self->structure, bal_structure_free);
  self->structure = structure;

  /* Grades from high to low, as a structure is read. */
  gtk_grid_attach (self->grid, cell (_("Grade"), TRUE), 0, 0, 1, 1);
  for (guint f = 0; f < n_families; f++)
    gtk_grid_attach (self->grid, cell (structure->families[f], TRUE), f + 1, 0, 1, 1);
  gtk_grid_attach (self->grid, cell (_("Jobs · people"), TRUE), n_families + 1, 0, 1, 1);

  for (guint g = 0; g < n_grades; g++)
    {
      guint grade = n_grades - 1 - g;
      g_autofree char *totals = g_strdup_printf ("%d · %d", structure->jobs_per_grade[grade], structure->incumbents_per_grade[grade]);
      g_autofree char *grade_text = bal_method_grade_text (method, structure->grades[grade]);

      gtk_grid_attach (self->grid, cell (grade_text, TRUE), 0, g + 1, 1, 1);
      for (guint f = 0; f < n_families; f++)
        gtk_grid_attach (self->grid, job_cell (bal_structure_cell (structure, f, grade)), f + 1, g + 1, 1, 1);
      gtk_grid_attach (self->grid, cell (totals, FALSE), n_families + 1, g + 1, 1, 1);
    }
}

/* A row per finding costs a layout of its text on the main thread: the
 * first ones are shown, and the export's Consistency sheet lists them all,
 * so that a project of thousands of jobs opens the page without a stall. */
#define FINDINGS_SHOWN 20

static void
show_findings (BalStructurePage *self,
               GPtrArray        *findings)
{
  g_autofree char *description = NULL;

  if (findings->len == 0)
    description = g_strdup (_("No findings: the gradings are consistent."));
  else if (findings->len > FINDINGS_SHOWN)
    description = g_strdup_printf (ngettext ("%u finding; the first %u are shown. The export’s Consistency sheet lists them all.",
                                             "%u findings; the first %u are shown. The export’s Consistency sheet lists them all.",
                                             findings->len),
                                   findings->len, FINDINGS_SHOWN);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->findings_group), description);

  for (guint i = 0; i < findings->len && i < FINDINGS_SHOWN; i++)
    {
      BalFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = bal_text_row_new (finding->message, NULL);

      bal_text_row_add_prefix (BAL_TEXT_ROW (row),
                               gtk_image_new_from_icon_name (g_strcmp0 (finding->kind, "no-decision") == 0
                                                             ? "dialog-information-symbolic" : "dialog-warning-symbolic"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->findings_group), row);
      g_ptr_array_add (self->finding_rows, row);
    }
}

/* One computation: the structure, then the findings. */
typedef struct
{
  BalStructurePage *self;         /* owned */
  BalProject       *project;      /* owned: the project it was started for */
  GCancellable     *cancellable;  /* owned */
  BalStructure     *structure;
  GPtrArray        *findings;
  GError           *error;
  guint             pending;
} Compute;

static void
compute_free (Compute *compute)
{
  g_object_unref (compute->self);
  g_object_unref (compute->project);
  g_object_unref (compute->cancellable);
  g_clear_pointer (&compute->structure, bal_structure_free);
  g_clear_pointer (&compute->findings, g_ptr_array_unref);
  g_clear_error (&compute->error);
  g_free (compute);
}

static void start (BalStructurePage *self);

/* Both results are in: shown unless they belong to a computation that was
 * cancelled or an earlier project. */
static void
compute_done (Compute *compute)
{
  BalStructurePage *self = compute->self;

  if (g_cancellable_is_cancelled (compute->cancellable) ||
      compute->cancellable != self->cancellable ||
      compute->project != self->project)
    return;

  g_clear_object (&self->cancellable);
  if (self->reload_again)
    {
      self->reload_again = FALSE;
      start (self);
      return;
    }

  clear (self);
  if (compute->error != NULL)
    bal_ui_show_error (GTK_WIDGET (self), _("Could not compute the job structure"), compute->error);
  if (compute->structure != NULL)
    show_structure (self, g_steal_pointer (&compute->structure));
  if (compute->findings != NULL)
    show_findings (self, compute->findings);

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "structure");
}

static void consistency_checked (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data);

static void
structure_built (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Compute *compute = user_data;
  GError *error = NULL;

  compute->structure = bal_structure_build_finish (BAL_PROJECT (object), result, &error);
  if (error != NULL && compute->error == NULL)
    compute->error = error;
  else
    g_clear_error (&error);
  /* The findings after the structure, not beside it: each worker holds
   * every job while it runs, tens of megabytes at twenty thousand. */
  compute->pending--;
  bal_ui_release_memory ();
  bal_consistency_check_async (compute->project, compute->cancellable, consistency_checked, compute);
}

static void
consistency_checked (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Compute *compute = user_data;
  GError *error = NULL;

  compute->findings = bal_consistency_check_finish (BAL_PROJECT (object), result, &error);
  if (error != NULL && compute->error == NULL)
    compute->error = error;
  else
    g_clear_error (&error);
  if (--compute->pending == 0)
    {
      compute_done (compute);
      compute_free (compute);
      bal_ui_release_memory ();
    }
}

static void
start (BalStructurePage *self)
{
  Compute *compute;

  g_assert (self->cancellable == NULL);
  g_assert (self->project != NULL);

  self->cancellable = g_cancellable_new ();
  compute = g_new0 (Compute, 1);
  compute->self = g_object_ref (self);
  compute->project = g_object_ref (self->project);
  compute->cancellable = g_object_ref (self->cancellable);
  compute->pending = 2;
  bal_structure_build_async (self->project, self->cancellable, structure_built, compute);
}

static void
cancel (BalStructurePage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->reload_again = FALSE;
}

/* Computes again in the workers, with the spinner showing; a computation
 * under way finishes first and is then started again. */
static void
reload (BalStructurePage *self)
{
  if (self->project == NULL)
    {
      cancel (self);
      clear (self);
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "structure");
      return;
    }

  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    {
      /* Not in a window: computed when it is rooted. */
      self->stale = TRUE;
      return;
    }

  if (self->cancellable != NULL)
    {
      self->reload_again = TRUE;
      return;
    }

  start (self);
}

BalProject *
bal_structure_page_get_project (BalStructurePage *self)
{
  g_return_val_if_fail (BAL_IS_STRUCTURE_PAGE (self), NULL);

  return self->project;
}

void
bal_structure_page_set_project (BalStructurePage *self,
                                BalProject       *project)
{
  g_return_if_fail (BAL_IS_STRUCTURE_PAGE (self));
  g_return_if_fail (!project || BAL_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  cancel (self);
  g_signal_group_set_target (self->project_signals, project);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
bal_structure_page_get_loading (BalStructurePage *self)
{
  g_return_val_if_fail (BAL_IS_STRUCTURE_PAGE (self), FALSE);

  return self->cancellable != NULL || self->stale;
}

static void
bal_structure_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BalStructurePage *self = BAL_STRUCTURE_PAGE (object);

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
bal_structure_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BalStructurePage *self = BAL_STRUCTURE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bal_structure_page_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_structure_page_dispose (GObject *object)
{
  BalStructurePage *self = (BalStructurePage *)object;

  cancel (self);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);

  /* AdwBin unparents its child itself: it goes first, the template after. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_STRUCTURE_PAGE);

  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);
  g_clear_pointer (&self->structure, bal_structure_free);

  G_OBJECT_CLASS (bal_structure_page_parent_class)->dispose (object);
}

static void
bal_structure_page_root (GtkWidget *widget)
{
  BalStructurePage *self = BAL_STRUCTURE_PAGE (widget);

  GTK_WIDGET_CLASS (bal_structure_page_parent_class)->root (widget);

  if (self->stale)
    {
      self->stale = FALSE;
      reload (self);
    }
}

static void
bal_structure_page_unroot (GtkWidget *widget)
{
  BalStructurePage *self = BAL_STRUCTURE_PAGE (widget);

  if (self->cancellable != NULL)
    {
      cancel (self);
      self->stale = TRUE;
    }

  GTK_WIDGET_CLASS (bal_structure_page_parent_class)->unroot (widget);
}

static void
bal_structure_page_class_init (BalStructurePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_structure_page_dispose;
  object_class->get_property = bal_structure_page_get_property;
  object_class->set_property = bal_structure_page_set_property;

  widget_class->root = bal_structure_page_root;
  widget_class->unroot = bal_structure_page_unroot;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         BAL_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-structure-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BalStructurePage, stack);
  gtk_widget_class_bind_template_child (widget_class, BalStructurePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BalStructurePage, grid);
  gtk_widget_class_bind_template_child (widget_class, BalStructurePage, findings_group);
}

static void
bal_structure_page_init (BalStructurePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->finding_rows = g_ptr_array_new ();

  self->project_signals = g_signal_group_new (BAL_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "changed::jobs", G_CALLBACK (reload), self);
  g_signal_group_connect_swapped (self->project_signals, "changed::decisions", G_CALLBACK (reload), self);
  g_signal_group_connect_swapped (self->project_signals, "changed::answers", G_CALLBACK (reload), self);
  g_signal_group_connect_swapped (self->project_signals, "changed::handbook", G_CALLBACK (reload), self);
}
