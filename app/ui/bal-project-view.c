/* bal-project-view.c: one open project: the sidebar and its pages
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
  gboolean    review;

  GtkStack        *stack;
  BalHandbookPage *handbook_page;
  BalJobsPage     *jobs_page;
  BalStructurePage *structure_page;
  BalExportPage   *export_page;
  BalReviewPage   *review_page;
};

G_DEFINE_FINAL_TYPE (BalProjectView, bal_project_view, ADW_TYPE_BIN)

GtkStack *
bal_project_view_get_stack (BalProjectView *self)
{
  g_return_val_if_fail (BAL_IS_PROJECT_VIEW (self), NULL);

  return self->stack;
}

void
bal_project_view_set_project (BalProjectView *self,
                              BalProject     *project,
                              gboolean        review)
{
  g_return_if_fail (BAL_IS_PROJECT_VIEW (self));

  g_set_object (&self->project, project);
  self->review = review;

  bal_jobs_page_set_project (self->jobs_page, project, review);
  bal_handbook_page_set_project (self->handbook_page, project, review);
  bal_structure_page_set_project (self->structure_page, project);
  bal_export_page_set_project (self->export_page, project);
  bal_review_page_set_project (self->review_page, project, review);
}

/* Documents dropped anywhere on a project are handbook documents to import. */
static gboolean
files_dropped (GtkDropTarget  *target,
               const GValue   *value,
               double          x,
               double          y,
               BalProjectView *self)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_FILE);

  if (self->project == NULL || self->review)
    return FALSE;

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_list_store_append (store, l->data);

  gtk_stack_set_visible_child_name (self->stack, "handbook");
  bal_handbook_page_import_files (self->handbook_page, G_LIST_MODEL (store));

  return TRUE;
}

static void
bal_project_view_dispose (GObject *object)
{
  BalProjectView *self = (BalProjectView *)object;

  g_clear_object (&self->project);

  G_OBJECT_CLASS (bal_project_view_parent_class)->dispose (object);
}

static void
bal_project_view_class_init (BalProjectViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_project_view_dispose;

  g_type_ensure (BAL_TYPE_HANDBOOK_PAGE);
  g_type_ensure (BAL_TYPE_JOBS_PAGE);
  g_type_ensure (BAL_TYPE_STRUCTURE_PAGE);
  g_type_ensure (BAL_TYPE_EXPORT_PAGE);
  g_type_ensure (BAL_TYPE_REVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-project-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BalProjectView, stack);
  gtk_widget_class_bind_template_child (widget_class, BalProjectView, handbook_page);
  gtk_widget_class_bind_template_child (widget_class, BalProjectView, jobs_page);
  gtk_widget_class_bind_template_child (widget_class, BalProjectView, structure_page);
  gtk_widget_class_bind_template_child (widget_class, BalProjectView, export_page);
  gtk_widget_class_bind_template_child (widget_class, BalProjectView, review_page);
}

static void
bal_project_view_init (BalProjectView *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (files_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
