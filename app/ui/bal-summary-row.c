/* bal-summary-row.c: a line of the questionnaire's summary: a characteristic's level, or a question to answer
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-summary-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-summary-row.h"

struct _BalSummaryRow
{
  AdwActionRow  parent_instance;

  char         *question_id;  /* the question it leads to; NULL on a level's row */

  /* Template widgets */
  GtkLabel     *level_label;
};

G_DEFINE_FINAL_TYPE (BalSummaryRow, bal_summary_row, ADW_TYPE_ACTION_ROW)

/* A characteristic: its level, and the answers that decided it. */
GtkWidget *
bal_summary_row_new_level (const BalJobLevel *level)
{
  g_autoptr(GString) decided = g_string_new (NULL);
  g_autofree char *value = NULL;
  BalSummaryRow *self;

  g_return_val_if_fail (level != NULL, NULL);

  for (guint j = 0; j < level->answers->len; j++)
    {
      BalAnswer *answer = g_ptr_array_index (level->answers, j);

      if (decided->len > 0)
        g_string_append (decided, "\n");
      g_string_append_printf (decided, "%s (%d)", answer->option_text, answer->level);
      if (answer->evidence != NULL && *answer->evidence != '\0')
        g_string_append_printf (decided, ": “%s”", answer->evidence);
    }
  if (level->unanswered->len > 0)
    {
      g_autofree char *open = g_strdup_printf (ngettext ("%u question not answered",
                                                            "%u questions not answered", level->unanswered->len),
                                               level->unanswered->len);

      if (decided->len > 0)
        g_string_append (decided, "\n");
      g_string_append (decided, open);
    }

  value = level->level > 0
    ? g_strdup_printf (_("Level %d of %d"), level->level, level->levels)
    : g_strdup (_("Not answered"));

  self = g_object_new (BAL_TYPE_SUMMARY_ROW, "title", level->name, "subtitle", decided->str, NULL);
  gtk_label_set_text (self->level_label, value);
  gtk_widget_add_css_class (GTK_WIDGET (self->level_label), level->level > 0 ? "heading" : "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->level_label), TRUE);

  return GTK_WIDGET (self);
}

/* A question not answered yet; activated, it leads to the question. */
GtkWidget *
bal_summary_row_new_question (const BalQuestion *question,
                              gboolean           activatable)
{
  BalSummaryRow *self;

  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (BAL_TYPE_SUMMARY_ROW, "title", question->text, "activatable", activatable, NULL);
  self->question_id = g_strdup (question->id);

  return GTK_WIDGET (self);
}

const char *
bal_summary_row_get_question_id (BalSummaryRow *self)
{
  g_return_val_if_fail (BAL_IS_SUMMARY_ROW (self), NULL);

  return self->question_id;
}

static void
bal_summary_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BAL_TYPE_SUMMARY_ROW);

  G_OBJECT_CLASS (bal_summary_row_parent_class)->dispose (object);
}

static void
bal_summary_row_finalize (GObject *object)
{
  BalSummaryRow *self = (BalSummaryRow *)object;

  g_free (self->question_id);

  G_OBJECT_CLASS (bal_summary_row_parent_class)->finalize (object);
}

static void
bal_summary_row_class_init (BalSummaryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_summary_row_dispose;
  object_class->finalize = bal_summary_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-summary-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BalSummaryRow, level_label);
}

static void
bal_summary_row_init (BalSummaryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
