/* bal-project-view.c: one open project: the sidebar and its pages
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bal-handbook-page.h"
#include "bal-project-view.h"

struct _BalProjectView
{
  AdwBin      parent_instance;

  BalProject *project;
  gboolean    review;

  GtkStack        *stack;
  BalHandbookPage *handbook_page;
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

  bal_handbook_page_set_project (self->handbook_page, project, review);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-project-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BalProjectView, stack);
  gtk_widget_class_bind_template_child (widget_class, BalProjectView, handbook_page);
}

static void
bal_project_view_init (BalProjectView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
