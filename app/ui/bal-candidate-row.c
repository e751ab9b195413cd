/* bal-candidate-row.c: a reference function that may fit the job, with why
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-candidate-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-candidate-row.h"

struct _BalCandidateRow
{
  AdwActionRow  parent_instance;

  char         *code;

  /* Template widgets */
  GtkLabel     *score_label;
};

G_DEFINE_FINAL_TYPE (BalCandidateRow, bal_candidate_row, ADW_TYPE_ACTION_ROW)

GtkWidget *
bal_candidate_row_new (const BalCandidate *candidate)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *score = NULL;
  BalCandidateRow *self;

  g_return_val_if_fail (candidate != NULL, NULL);

  title = g_strdup_printf ("%s %s", candidate->code, candidate->title);
  g_string_printf (subtitle, _("%s · grade %s"), candidate->family, candidate->grade);
  for (guint i = 0; i < candidate->reasons->len; i++)
    g_string_append_printf (subtitle, "\n%s", (const char *)g_ptr_array_index (candidate->reasons, i));
  score = g_strdup_printf ("%.0f%%", candidate->score * 100);

  self = g_object_new (BAL_TYPE_CANDIDATE_ROW, "title", title, "subtitle", subtitle->str, NULL);
  self->code = g_strdup (candidate->code);
  gtk_label_set_text (self->score_label, score);

  return GTK_WIDGET (self);
}

const char *
bal_candidate_row_get_code (BalCandidateRow *self)
{
  g_return_val_if_fail (BAL_IS_CANDIDATE_ROW (self), NULL);

  return self->code;
}

static void
bal_candidate_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BAL_TYPE_CANDIDATE_ROW);

  G_OBJECT_CLASS (bal_candidate_row_parent_class)->dispose (object);
}

static void
bal_candidate_row_finalize (GObject *object)
{
  BalCandidateRow *self = (BalCandidateRow *)object;

  g_free (self->code);

  G_OBJECT_CLASS (bal_candidate_row_parent_class)->finalize (object);
}

static void
bal_candidate_row_class_init (BalCandidateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_candidate_row_dispose;
  object_class->finalize = bal_candidate_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-candidate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BalCandidateRow, score_label);
}

static void
bal_candidate_row_init (BalCandidateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
