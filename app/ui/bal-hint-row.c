/* bal-hint-row.c: a fact in the job description that answers a question
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-hint-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-hint-row.h"

struct _BalHintRow
{
  AdwPreferencesRow  parent_instance;

  GtkLabel          *title_label;
  GtkLabel          *quote_label;

  BalHint           *hint;   /* owned */
};

G_DEFINE_FINAL_TYPE (BalHintRow, bal_hint_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  ACCEPTED,
  DISMISSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_accept_clicked (BalHintRow *self)
{
  g_signal_emit (self, signals[ACCEPTED], 0);
}

static void
on_dismiss_clicked (BalHintRow *self)
{
  g_signal_emit (self, signals[DISMISSED], 0);
}

/* Takes @hint. */
GtkWidget *
bal_hint_row_new (BalHint *hint)
{
  g_autofree char *title = NULL;
  g_autofree char *quote = NULL;
  BalHintRow *self;

  g_return_val_if_fail (hint != NULL, NULL);

  title = g_strdup_printf (_("Hint from the description: %s"), hint->option_text);
  quote = g_strdup_printf ("“%s”", hint->evidence);
  self = g_object_new (BAL_TYPE_HINT_ROW, "title", title, NULL);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->quote_label, quote);
  self->hint = hint;

  return GTK_WIDGET (self);
}

BalHint *
bal_hint_row_get_hint (BalHintRow *self)
{
  g_return_val_if_fail (BAL_IS_HINT_ROW (self), NULL);

  return self->hint;
}

static void
bal_hint_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BAL_TYPE_HINT_ROW);

  G_OBJECT_CLASS (bal_hint_row_parent_class)->dispose (object);
}

static void
bal_hint_row_finalize (GObject *object)
{
  BalHintRow *self = (BalHintRow *)object;

  g_clear_pointer (&self->hint, bal_hint_free);

  G_OBJECT_CLASS (bal_hint_row_parent_class)->finalize (object);
}

static void
bal_hint_row_class_init (BalHintRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_hint_row_dispose;
  object_class->finalize = bal_hint_row_finalize;

  signals[ACCEPTED] =
    g_signal_new ("accepted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[DISMISSED] =
    g_signal_new ("dismissed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-hint-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BalHintRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BalHintRow, quote_label);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_clicked);
}

static void
bal_hint_row_init (BalHintRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
