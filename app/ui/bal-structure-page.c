/* bal-structure-page.c: the job structure (functiegebouw) and the consistency findings
 *
 * The page shows a spinner while the structure is computed, and follows the
 * project's changes to jobs, decisions, answers and the handbook.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-structure-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-consistency.h"
#include "bal-structure.h"
#include "bal-structure-page.h"
#include "bal-ui-util.h"

struct _BalStructurePage
{
  AdwBin        parent_instance;

  /* Owned */
  BalProject   *project;
  GSignalGroup *project_signals;
  GPtrArray    *finding_rows;     /* borrowed rows of findings_group */
  guint         compute_id;

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
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
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
}

static void
show_structure (BalStructurePage *self,
                BalStructure     *structure)
{
  guint n_families = g_strv_length (structure->families);
  guint n_grades = g_strv_length (structure->grades);

  /* Grades from high to low, as a structure is read. */
  gtk_grid_attach (self->grid, cell (_("Grade"), TRUE), 0, 0, 1, 1);
  for (guint f = 0; f < n_families; f++)
    gtk_grid_attach (self->grid, cell (structure->families[f], TRUE), f + 1, 0, 1, 1);
  gtk_grid_attach (self->grid, cell (_("Jobs · people"), TRUE), n_families + 1, 0, 1, 1);

  for (guint g = 0; g < n_grades; g++)
    {
      guint grade = n_grades - 1 - g;
      g_autofree char *totals = g_strdup_printf ("%d · %d", structure->jobs_per_grade[grade], structure->incumbents_per_grade[grade]);

      gtk_grid_attach (self->grid, cell (structure->grades[grade], TRUE), 0, g + 1, 1, 1);
      for (guint f = 0; f < n_families; f++)
        {
          GPtrArray *jobs = bal_structure_cell (structure, f, grade);
          g_autoptr(GString) text = g_string_new (NULL);
          GtkWidget *label;

          for (guint j = 0; j < jobs->len; j++)
            {
              BalStructureJob *job = g_ptr_array_index (jobs, j);

              g_string_append_printf (text, "%s%s (%d)", j > 0 ? "\n" : "", job->title, job->incumbents);
            }
          label = cell (text->str, FALSE);
          if (jobs->len > 0)
            gtk_widget_add_css_class (label, "structure-filled");
          gtk_grid_attach (self->grid, label, f + 1, g + 1, 1, 1);
        }
      gtk_grid_attach (self->grid, cell (totals, FALSE), n_families + 1, g + 1, 1, 1);
    }
}

static void
show_findings (BalStructurePage *self,
               GPtrArray        *findings)
{
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->findings_group),
                                         findings->len == 0 ? _("No findings: the gradings are consistent.") : NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      BalFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (g_strcmp0 (finding->kind, "no-decision") == 0
                                                               ? "dialog-information-symbolic" : "dialog-warning-symbolic"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->findings_group), row);
      g_ptr_array_add (self->finding_rows, row);
    }
}

/* The one place the page computes: the structure and the findings, here
 * after the spinner's first frame.
 * TODO(lead): the core's bal_structure_*_async (h15) computes both in a
 * worker; this function then starts it and its callback calls
 * show_structure() and show_findings(). */
static gboolean
compute (gpointer data)
{
  BalStructurePage *self = data;
  g_autoptr(BalStructure) structure = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  self->compute_id = 0;
  clear (self);

  if (self->project != NULL)
    {
      structure = bal_structure_build (self->project, &error);
      if (structure != NULL)
        findings = bal_consistency_check (self->project, &error);
      if (structure == NULL || findings == NULL)
        bal_ui_show_error (GTK_WIDGET (self), _("Could not compute the job structure"), error);
      if (structure != NULL)
        show_structure (self, structure);
      if (findings != NULL)
        show_findings (self, findings);
    }

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "structure");

  return G_SOURCE_REMOVE;
}

static void
reload (BalStructurePage *self)
{
  if (self->compute_id != 0)
    return;

  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->compute_id = g_idle_add (compute, self);
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

  g_signal_group_set_target (self->project_signals, project);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
bal_structure_page_get_loading (BalStructurePage *self)
{
  g_return_val_if_fail (BAL_IS_STRUCTURE_PAGE (self), FALSE);

  return self->compute_id != 0;
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

  g_clear_handle_id (&self->compute_id, g_source_remove);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);

  /* AdwBin unparents its child itself: it goes first, the template after. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_STRUCTURE_PAGE);

  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bal_structure_page_parent_class)->dispose (object);
}

static void
bal_structure_page_class_init (BalStructurePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_structure_page_dispose;
  object_class->get_property = bal_structure_page_get_property;
  object_class->set_property = bal_structure_page_set_property;

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
