/* bal-structure-page.c: the job structure (functiegebouw) and the consistency findings
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

struct _BalStructurePage
{
  AdwBin      parent_instance;

  BalProject *project;
  GPtrArray  *finding_rows;

  GtkGrid    *grid;
  GtkWidget  *findings_group;
};

G_DEFINE_FINAL_TYPE (BalStructurePage, bal_structure_page, ADW_TYPE_BIN)

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
rebuild (BalStructurePage *self)
{
  g_autoptr(BalStructure) structure = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n_families, n_grades;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  for (guint i = 0; i < self->finding_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->findings_group), g_ptr_array_index (self->finding_rows, i));
  g_ptr_array_set_size (self->finding_rows, 0);

  if (self->project == NULL)
    return;

  structure = bal_structure_build (self->project, &error);
  if (structure == NULL)
    {
      gtk_grid_attach (self->grid, cell (error->message, FALSE), 0, 0, 1, 1);
      return;
    }

  n_families = g_strv_length (structure->families);
  n_grades = g_strv_length (structure->grades);

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

  findings = bal_consistency_check (self->project, &error);
  if (findings == NULL)
    return;

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

static void
project_changed (BalStructurePage *self,
                 const char       *what)
{
  if (g_strcmp0 (what, "decisions") == 0 || g_strcmp0 (what, "jobs") == 0 ||
      g_strcmp0 (what, "handbook") == 0 || g_strcmp0 (what, "answers") == 0)
    rebuild (self);
}

void
bal_structure_page_set_project (BalStructurePage *self,
                                BalProject       *project)
{
  g_return_if_fail (BAL_IS_STRUCTURE_PAGE (self));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed), self);

  rebuild (self);
}

static void
bal_structure_page_dispose (GObject *object)
{
  BalStructurePage *self = (BalStructurePage *)object;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-structure-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BalStructurePage, grid);
  gtk_widget_class_bind_template_child (widget_class, BalStructurePage, findings_group);
}

static void
bal_structure_page_init (BalStructurePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->finding_rows = g_ptr_array_new ();
}
