/* bal-question-row.c: one question of the questionnaire: its options, hints and evidence
 *
 * An answer changes this row only: the check the evaluator clicked is
 * already on, the evidence is already in its field, and nothing around it
 * is rebuilt, so focus and scroll stay where the hand is.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-question-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-hint-row.h"
#include "bal-option-row.h"
#include "bal-question-row.h"
#include "bal-ui-util.h"

/* Typing is saved this long after the last key, or at once when the
 * question is answered or the row goes away. */
#define EVIDENCE_DELAY_MS 600

struct _BalQuestionRow
{
  GtkBox                parent_instance;

  BalProject           *project;
  gint64                job_id;
  char                 *question_id;
  char                 *answered_option;  /* the option stored, or NULL */
  char                 *pending;          /* evidence typed and not yet stored, or NULL */
  guint                 save_id;
  GPtrArray            *options;          /* BalOptionRow, borrowed: children of options_group */
  GPtrArray            *hints;            /* BalHintRow, borrowed: children of hints_group */

  /* Template widgets */
  GtkLabel             *text_label;
  GtkLabel             *help_label;
  AdwPreferencesGroup  *hints_group;
  AdwPreferencesGroup  *options_group;
  AdwEntryRow          *evidence_row;
  GtkLabel             *evidence_message;
};

G_DEFINE_FINAL_TYPE (BalQuestionRow, bal_question_row, GTK_TYPE_BOX)

enum {
  ANSWERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static BalOptionRow *
find_option (BalQuestionRow *self,
             const char     *option_id)
{
  for (guint i = 0; i < self->options->len; i++)
    {
      BalOptionRow *row = g_ptr_array_index (self->options, i);

      if (g_strcmp0 (bal_option_row_get_option_id (row), option_id) == 0)
        return row;
    }

  return NULL;
}

/* Shows @option_id as the stored answer, without choosing it again. */
static void
show_answer (BalQuestionRow *self,
             const char     *option_id)
{
  g_free (self->answered_option);
  self->answered_option = g_strdup (option_id);

  for (guint i = 0; i < self->options->len; i++)
    {
      BalOptionRow *row = g_ptr_array_index (self->options, i);

      bal_option_row_set_active (row, g_strcmp0 (bal_option_row_get_option_id (row), option_id) == 0);
    }
}

static void
show_evidence (BalQuestionRow *self,
               const char     *evidence)
{
  GtkEditable *editable = GTK_EDITABLE (self->evidence_row);

  if (g_strcmp0 (gtk_editable_get_text (editable), evidence ? evidence : "") == 0)
    return;

  g_signal_handlers_block_matched (self->evidence_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_editable_set_text (editable, evidence ? evidence : "");
  g_signal_handlers_unblock_matched (self->evidence_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* Stores the evidence typed so far. Evidence without an answer waits in
 * its field for the answer, and says so beside it. */
void
bal_question_row_flush (BalQuestionRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pending = NULL;

  g_return_if_fail (BAL_IS_QUESTION_ROW (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  pending = g_steal_pointer (&self->pending);
  if (pending == NULL || self->project == NULL)
    return;

  if (self->answered_option == NULL)
    {
      if (*pending != '\0' && self->evidence_message != NULL)
        bal_ui_mark_invalid (GTK_WIDGET (self->evidence_row), self->evidence_message,
                             _("Choose an answer before writing its evidence."));
      return;
    }

  if (!bal_questionnaire_set_evidence (self->project, self->job_id, self->question_id, pending, &error))
    {
      if (self->evidence_message != NULL)
        bal_ui_mark_invalid (GTK_WIDGET (self->evidence_row), self->evidence_message, error->message);
      return;
    }

  if (self->evidence_message != NULL)
    bal_ui_mark_invalid (GTK_WIDGET (self->evidence_row), self->evidence_message, NULL);
}

static gboolean
save_pending (gpointer data)
{
  BalQuestionRow *self = data;

  self->save_id = 0;
  bal_question_row_flush (self);

  return G_SOURCE_REMOVE;
}

static void
on_evidence_changed (BalQuestionRow *self)
{
  g_free (self->pending);
  self->pending = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->evidence_row)));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (EVIDENCE_DELAY_MS, save_pending, self);
}

static void
option_chosen (BalOptionRow   *option,
               BalQuestionRow *self)
{
  g_autoptr(GError) error = NULL;
  const char *option_id = bal_option_row_get_option_id (option);

  /* The evidence in the field goes with the answer: nothing typed waits. */
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->pending, g_free);

  if (!bal_questionnaire_answer (self->project, self->job_id, self->question_id, option_id,
                                 gtk_editable_get_text (GTK_EDITABLE (self->evidence_row)), &error))
    {
      show_answer (self, self->answered_option);
      bal_ui_show_error (GTK_WIDGET (self), _("The answer was not saved"), error);
      return;
    }

  g_free (self->answered_option);
  self->answered_option = g_strdup (option_id);
  bal_ui_mark_invalid (GTK_WIDGET (self->evidence_row), self->evidence_message, NULL);
  g_signal_emit (self, signals[ANSWERED], 0);
}

static void
remove_hint (BalQuestionRow *self,
             BalHintRow     *row)
{
  g_ptr_array_remove (self->hints, row);
  adw_preferences_group_remove (self->hints_group, GTK_WIDGET (row));
  gtk_widget_set_visible (GTK_WIDGET (self->hints_group), self->hints->len > 0);
}

static void
hint_accepted (BalHintRow     *row,
               BalQuestionRow *self)
{
  BalHint *hint = bal_hint_row_get_hint (row);
  g_autoptr(GError) error = NULL;

  bal_question_row_flush (self);
  if (!bal_hints_accept (self->project, self->job_id, hint, &error))
    {
      bal_ui_show_error (GTK_WIDGET (self), _("The answer was not saved"), error);
      return;
    }

  show_answer (self, hint->option_id);
  show_evidence (self, hint->evidence);

  /* The question is answered: its other hints have had their say. The
   * focus goes to the answer, in this row, before its button goes. */
  bal_question_row_focus_answer (self);
  while (self->hints->len > 0)
    remove_hint (self, g_ptr_array_index (self->hints, 0));

  g_signal_emit (self, signals[ANSWERED], 0);
}

static void
hint_dismissed (BalHintRow     *row,
                BalQuestionRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!bal_hints_dismiss (self->project, self->job_id, bal_hint_row_get_hint (row), &error))
    {
      bal_ui_show_error (GTK_WIDGET (self), _("The hint was not dismissed"), error);
      return;
    }

  bal_question_row_focus_answer (self);
  remove_hint (self, row);
}

GtkWidget *
bal_question_row_new (BalProject        *project,
                      gint64             job_id,
                      const BalQuestion *question,
                      int                levels,
                      const BalAnswer   *answer,
                      gboolean           review)
{
  BalQuestionRow *self;
  BalOptionRow *first = NULL;

  g_return_val_if_fail (BAL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (BAL_TYPE_QUESTION_ROW, NULL);
  self->project = g_object_ref (project);
  self->job_id = job_id;
  self->question_id = g_strdup (question->id);

  gtk_label_set_text (self->text_label, question->text);
  gtk_label_set_text (self->help_label, question->help);
  gtk_widget_set_visible (GTK_WIDGET (self->help_label), question->help != NULL && *question->help != '\0');

  for (guint i = 0; i < question->options->len; i++)
    {
      BalQuestionOption *option = g_ptr_array_index (question->options, i);
      BalOptionRow *row = BAL_OPTION_ROW (bal_option_row_new (option, levels));

      if (first != NULL)
        bal_option_row_set_group (row, first);
      else
        first = row;
      gtk_widget_set_sensitive (GTK_WIDGET (row), !review);
      g_signal_connect_object (row, "chosen", G_CALLBACK (option_chosen), self, 0);
      adw_preferences_group_add (self->options_group, GTK_WIDGET (row));
      g_ptr_array_add (self->options, row);
    }

  show_answer (self, answer ? answer->option_id : NULL);
  show_evidence (self, answer ? answer->evidence : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_row), !review);

  return GTK_WIDGET (self);
}

const char *
bal_question_row_get_question_id (BalQuestionRow *self)
{
  g_return_val_if_fail (BAL_IS_QUESTION_ROW (self), NULL);

  return self->question_id;
}

/* Takes @hint and shows it above the options it would answer. */
void
bal_question_row_add_hint (BalQuestionRow *self,
                           BalHint        *hint)
{
  GtkWidget *row;

  g_return_if_fail (BAL_IS_QUESTION_ROW (self));
  g_return_if_fail (hint != NULL);

  row = bal_hint_row_new (hint);
  g_signal_connect_object (row, "accepted", G_CALLBACK (hint_accepted), self, 0);
  g_signal_connect_object (row, "dismissed", G_CALLBACK (hint_dismissed), self, 0);
  adw_preferences_group_add (self->hints_group, row);
  g_ptr_array_add (self->hints, row);
  gtk_widget_set_visible (GTK_WIDGET (self->hints_group), TRUE);
}

/* Focuses the chosen option, or the first: the row's own place for the hand. */
gboolean
bal_question_row_focus_answer (BalQuestionRow *self)
{
  BalOptionRow *row;

  g_return_val_if_fail (BAL_IS_QUESTION_ROW (self), FALSE);

  row = find_option (self, self->answered_option);
  if (row == NULL && self->options->len > 0)
    row = g_ptr_array_index (self->options, 0);
  if (row == NULL)
    return FALSE;

  return gtk_widget_grab_focus (bal_option_row_get_check (row));
}

GtkWidget *
bal_question_row_get_option (BalQuestionRow *self,
                             const char     *option_id)
{
  g_return_val_if_fail (BAL_IS_QUESTION_ROW (self), NULL);

  return GTK_WIDGET (find_option (self, option_id));
}

GtkEditable *
bal_question_row_get_evidence (BalQuestionRow *self)
{
  g_return_val_if_fail (BAL_IS_QUESTION_ROW (self), NULL);

  return GTK_EDITABLE (self->evidence_row);
}

static void
bal_question_row_dispose (GObject *object)
{
  BalQuestionRow *self = (BalQuestionRow *)object;

  /* What was typed is stored before the field goes. */
  bal_question_row_flush (self);

  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->hints, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_QUESTION_ROW);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bal_question_row_parent_class)->dispose (object);
}

static void
bal_question_row_finalize (GObject *object)
{
  BalQuestionRow *self = (BalQuestionRow *)object;

  g_free (self->question_id);
  g_free (self->answered_option);
  g_free (self->pending);

  G_OBJECT_CLASS (bal_question_row_parent_class)->finalize (object);
}

static void
bal_question_row_class_init (BalQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_question_row_dispose;
  object_class->finalize = bal_question_row_finalize;

  /**
   * BalQuestionRow::answered:
   *
   * An answer of this question was stored.
   */
  signals[ANSWERED] =
    g_signal_new ("answered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-question-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BalQuestionRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionRow, help_label);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionRow, hints_group);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionRow, options_group);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionRow, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionRow, evidence_message);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_changed);
}

static void
bal_question_row_init (BalQuestionRow *self)
{
  self->options = g_ptr_array_new ();
  self->hints = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
