/* bal-remark-row.c: a remark about a job, with a way to resolve it
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-remark-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-remark-row.h"
#include "bal-ui-util.h"

struct _BalRemarkRow
{
  BalTextRow    parent_instance;

  gint64        id;

  /* Template widgets */
  GtkButton    *resolve_button;
};

G_DEFINE_FINAL_TYPE (BalRemarkRow, bal_remark_row, BAL_TYPE_TEXT_ROW)

enum {
  RESOLVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_resolve_clicked (BalRemarkRow *self)
{
  g_signal_emit (self, signals[RESOLVE], 0);
}

/* A row for @remark: with @with_job the job it is about is named; the
 * Resolve button is there while the remark is open, sensitive when
 * @editable. */
GtkWidget *
bal_remark_row_new (const BalRemark *remark,
                    gboolean         with_job,
                    gboolean         editable)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *created = bal_ui_format_date (remark->created);
  BalRemarkRow *self;

  g_return_val_if_fail (remark != NULL, NULL);

  if (with_job)
    subtitle = g_strdup_printf (_("%s (%s) about “%s”, %s"), remark->author,
                                bal_review_role_label (remark->role), remark->job_title, created);
  else
    subtitle = g_strdup_printf (remark->resolved ? _("%s (%s), %s · resolved") : _("%s (%s), %s · open"),
                                remark->author, bal_review_role_label (remark->role), created);

  self = g_object_new (BAL_TYPE_REMARK_ROW, "title", remark->text, "subtitle", subtitle, NULL);
  self->id = remark->id;
  gtk_widget_set_visible (GTK_WIDGET (self->resolve_button), remark->resolved == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->resolve_button), editable);

  return GTK_WIDGET (self);
}

gint64
bal_remark_row_get_id (BalRemarkRow *self)
{
  g_return_val_if_fail (BAL_IS_REMARK_ROW (self), 0);

  return self->id;
}

static void
bal_remark_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BAL_TYPE_REMARK_ROW);

  G_OBJECT_CLASS (bal_remark_row_parent_class)->dispose (object);
}

static void
bal_remark_row_class_init (BalRemarkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_remark_row_dispose;

  signals[RESOLVE] =
    g_signal_new ("resolve",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-remark-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BalRemarkRow, resolve_button);
  gtk_widget_class_bind_template_callback (widget_class, on_resolve_clicked);
}

static void
bal_remark_row_init (BalRemarkRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
