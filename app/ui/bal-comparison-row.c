/* bal-comparison-row.c: the job beside the reference on one characteristic, and the verdict
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-comparison-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-comparison-row.h"
#include "bal-questionnaire.h"

struct _BalComparisonRow
{
  AdwPreferencesGroup  parent_instance;

  char                *characteristic_id;
  BalVerdict           proposed;

  /* Template widgets */
  AdwActionRow        *job_row;
  AdwExpanderRow      *reference_row;
  GtkLabel            *reference_text;
  AdwActionRow        *verdict_row;
  GtkDropDown         *verdict_dropdown;
  AdwEntryRow         *note_row;
};

G_DEFINE_FINAL_TYPE (BalComparisonRow, bal_comparison_row, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The order of the dropdown's items in the template. */
static const BalVerdict verdict_choices[] = { BAL_VERDICT_LIGHTER, BAL_VERDICT_EQUAL, BAL_VERDICT_HEAVIER };

static void
on_verdict_changed (BalComparisonRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
answers_text (const BalComparisonLine *line)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < line->answers->len; i++)
    {
      BalAnswer *answer = g_ptr_array_index (line->answers, i);

      if (answer->level > 0)
        g_string_append_printf (text, "%s• %s (%d)", text->len ? "\n" : "", answer->option_text, answer->level);
      else
        g_string_append_printf (text, _("%s• %s (not applicable)"), text->len ? "\n" : "", answer->option_text);
      if (answer->evidence != NULL && *answer->evidence != '\0')
        g_string_append_printf (text, ": “%s”", answer->evidence);
    }

  if (text->len == 0)
    g_string_append (text, _("No question of this characteristic is answered."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

GtkWidget *
bal_comparison_row_new (const BalComparisonLine *line,
                        const char              *reference_code)
{
  g_autofree char *job_title = NULL;
  g_autofree char *reference_title = NULL;
  g_autofree char *answers = NULL;
  BalComparisonRow *self;

  g_return_val_if_fail (line != NULL, NULL);

  job_title = line->job_level > 0
    ? g_strdup_printf (_("Job: level %d of %d"), line->job_level, line->levels)
    : g_strdup (_("Job: unknown, not answered"));
  reference_title = g_strdup_printf (_("%s: level %d of %d"), reference_code, line->reference_level, line->levels);
  answers = answers_text (line);

  self = g_object_new (BAL_TYPE_COMPARISON_ROW, "title", line->name, NULL);
  self->characteristic_id = g_strdup (line->characteristic_id);
  self->proposed = line->proposed;

  if (line->lesser)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("Counts half: it only breaks a tie between the other characteristics."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->job_row), job_title);
  adw_action_row_set_subtitle (self->job_row, answers);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reference_row), reference_title);
  gtk_label_set_text (self->reference_text,
                      line->reference_text && *line->reference_text ? line->reference_text : _("Not given in the handbook."));
  adw_action_row_set_subtitle (self->verdict_row,
                               line->proposed != BAL_VERDICT_NONE
                               ? _("Proposed from the levels; change it if the evidence says otherwise")
                               : _("Not answered: choose from the evidence"));
  gtk_widget_set_name (GTK_WIDGET (self->verdict_dropdown), line->characteristic_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, line->name, -1);
  bal_comparison_row_set_verdict (self, line->proposed == BAL_VERDICT_NONE ? BAL_VERDICT_EQUAL : line->proposed);

  return GTK_WIDGET (self);
}

const char *
bal_comparison_row_get_characteristic (BalComparisonRow *self)
{
  g_return_val_if_fail (BAL_IS_COMPARISON_ROW (self), NULL);

  return self->characteristic_id;
}

BalVerdict
bal_comparison_row_get_proposed (BalComparisonRow *self)
{
  g_return_val_if_fail (BAL_IS_COMPARISON_ROW (self), BAL_VERDICT_NONE);

  return self->proposed;
}

BalVerdict
bal_comparison_row_get_verdict (BalComparisonRow *self)
{
  g_return_val_if_fail (BAL_IS_COMPARISON_ROW (self), BAL_VERDICT_NONE);

  return verdict_choices[MIN (gtk_drop_down_get_selected (self->verdict_dropdown), G_N_ELEMENTS (verdict_choices) - 1)];
}

void
bal_comparison_row_set_verdict (BalComparisonRow *self,
                                BalVerdict        verdict)
{
  g_return_if_fail (BAL_IS_COMPARISON_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (verdict_choices); i++)
    if (verdict_choices[i] == verdict)
      gtk_drop_down_set_selected (self->verdict_dropdown, i);
}

const char *
bal_comparison_row_get_note (BalComparisonRow *self)
{
  g_return_val_if_fail (BAL_IS_COMPARISON_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->note_row));
}

void
bal_comparison_row_set_note (BalComparisonRow *self,
                             const char       *note)
{
  g_return_if_fail (BAL_IS_COMPARISON_ROW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note ? note : "");
}

static void
bal_comparison_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BAL_TYPE_COMPARISON_ROW);

  G_OBJECT_CLASS (bal_comparison_row_parent_class)->dispose (object);
}

static void
bal_comparison_row_finalize (GObject *object)
{
  BalComparisonRow *self = (BalComparisonRow *)object;

  g_free (self->characteristic_id);

  G_OBJECT_CLASS (bal_comparison_row_parent_class)->finalize (object);
}

static void
bal_comparison_row_class_init (BalComparisonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_comparison_row_dispose;
  object_class->finalize = bal_comparison_row_finalize;

  /**
   * BalComparisonRow::changed:
   *
   * The evaluator changed the verdict.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-comparison-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BalComparisonRow, job_row);
  gtk_widget_class_bind_template_child (widget_class, BalComparisonRow, reference_row);
  gtk_widget_class_bind_template_child (widget_class, BalComparisonRow, reference_text);
  gtk_widget_class_bind_template_child (widget_class, BalComparisonRow, verdict_row);
  gtk_widget_class_bind_template_child (widget_class, BalComparisonRow, verdict_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BalComparisonRow, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_verdict_changed);
}

static void
bal_comparison_row_init (BalComparisonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
