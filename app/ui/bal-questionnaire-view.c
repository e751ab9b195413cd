/* bal-questionnaire-view.c: the guided questionnaire: one characteristic per step
 *
 * A step is built when it is shown, once; an answer changes only its own
 * BalQuestionRow, so nothing moves under the evaluator's hand.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-questionnaire-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-handbook.h"
#include "bal-hints.h"
#include "bal-jobs.h"
#include "bal-profile.h"
#include "bal-question-row.h"
#include "bal-questionnaire.h"
#include "bal-questionnaire-view.h"
#include "bal-summary-row.h"
#include "bal-ui-util.h"

struct _BalQuestionnaireView
{
  AdwBin               parent_instance;

  BalProject          *project;
  gint64               job_id;
  gboolean             review;
  BalMethod           *method;
  int                  step;          /* 0..n_characteristics-1, n = the summary */
  GHashTable          *rows;          /* question id -> BalQuestionRow, borrowed: children of content */
  GPtrArray           *summary_rows;  /* BalSummaryRow, borrowed: children of the summary's groups */
  char                *scroll_to;     /* question whose row is brought into view once laid out */
  guint                scroll_tick;

  /* Template widgets */
  AdwWindowTitle      *title;
  GtkProgressBar      *progress;
  GtkLabel            *progress_label;
  GtkScrolledWindow   *scroller;
  GtkBox              *content;
  GtkLabel            *step_title;
  GtkBox              *summary;
  GtkLabel            *summary_error;
  AdwPreferencesGroup *profile_group;
  AdwPreferencesGroup *unanswered_group;
  GtkButton           *grade_button;
  GtkButton           *back_button;
  GtkButton           *next_button;
};

G_DEFINE_FINAL_TYPE (BalQuestionnaireView, bal_questionnaire_view, ADW_TYPE_BIN)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void go_to (BalQuestionnaireView *self,
                   int                   step);

static int
n_steps (BalQuestionnaireView *self)
{
  return self->method ? (int)self->method->characteristics->len : 0;
}

static GtkAdjustment *
vadjustment (BalQuestionnaireView *self)
{
  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

/* The header: one query, after every answer. */
static void
update_progress (BalQuestionnaireView *self)
{
  g_autoptr(BalJob) job = NULL;
  g_autofree char *label = NULL;
  int total = n_steps (self);

  job = bal_jobs_get (self->project, self->job_id, NULL);
  if (job == NULL)
    return;

  adw_window_title_set_subtitle (self->title, job->title);
  if (self->step < total)
    label = g_strdup_printf (_("Step %d of %d · %d of %d questions answered"),
                             self->step + 1, total + 1, job->answered, job->questions);
  else
    label = g_strdup_printf (_("Summary · %d of %d questions answered"), job->answered, job->questions);
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress, job->questions > 0 ? (double)job->answered / job->questions : 0);
}

static void
question_answered (BalQuestionRow       *row,
                   BalQuestionnaireView *self)
{
  update_progress (self);
}

/* Removing a row disposes it, and its typed evidence is stored then. */
static void
clear_step (BalQuestionnaireView *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      gtk_box_remove (self->content, row);
      g_hash_table_iter_remove (&iter);
    }

  for (guint i = 0; i < self->summary_rows->len; i++)
    {
      GtkWidget *summary_row = g_ptr_array_index (self->summary_rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (summary_row, ADW_TYPE_PREFERENCES_GROUP)),
                                    summary_row);
    }
  g_ptr_array_set_size (self->summary_rows, 0);
}

static void
show_questions (BalQuestionnaireView *self,
                BalCharacteristic    *characteristic,
                GPtrArray            *answers,
                GPtrArray            *hints)
{
  gtk_label_set_text (self->step_title, characteristic->name);

  for (guint i = 0; i < self->method->questions->len; i++)
    {
      BalQuestion *question = g_ptr_array_index (self->method->questions, i);
      GtkWidget *row;

      if (g_strcmp0 (question->characteristic, characteristic->id) != 0)
        continue;

      row = bal_question_row_new (self->project, self->job_id, question, characteristic->levels,
                                  bal_questionnaire_find_answer (answers, question->id), self->review);
      g_signal_connect_object (row, "answered", G_CALLBACK (question_answered), self, 0);

      /* Hints stand beside the question they answer. */
      for (guint j = 0; hints != NULL && j < hints->len; j++)
        {
          BalHint *hint = g_ptr_array_index (hints, j);

          if (hint != NULL && g_strcmp0 (hint->question_id, question->id) == 0)
            bal_question_row_add_hint (BAL_QUESTION_ROW (row), g_steal_pointer (&g_ptr_array_index (hints, j)));
        }

      gtk_box_append (self->content, row);
      g_hash_table_insert (self->rows, g_strdup (question->id), row);
    }
}

/* Summary *****************************************************************/

/* A question not answered, chosen in the summary: open it. */
static void
unanswered_activated (BalQuestionnaireView *self,
                      BalSummaryRow        *row)
{
  bal_questionnaire_view_show_question (self, bal_summary_row_get_question_id (row));
}

static void
add_summary_row (BalQuestionnaireView *self,
                 AdwPreferencesGroup  *group,
                 GtkWidget            *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->summary_rows, row);
}

static void
show_summary (BalQuestionnaireView *self)
{
  g_autoptr(BalJobProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = bal_profile_compute (self->project, self->job_id, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_error), profile == NULL);
  if (profile == NULL)
    {
      gtk_label_set_text (self->summary_error, error->message);
      return;
    }

  for (guint i = 0; i < profile->levels->len; i++)
    add_summary_row (self, self->profile_group, bal_summary_row_new_level (g_ptr_array_index (profile->levels, i)));

  adw_preferences_group_set_description (self->unanswered_group,
                                         profile->unanswered->len == 0 ? _("Every question is answered.")
                                                                       : _("Choose one to answer it."));
  for (guint i = 0; i < profile->unanswered->len; i++)
    {
      const char *id = g_ptr_array_index (profile->unanswered, i);

      for (guint j = 0; j < self->method->questions->len; j++)
        {
          BalQuestion *question = g_ptr_array_index (self->method->questions, j);
          GtkWidget *row;

          if (g_strcmp0 (question->id, id) != 0)
            continue;

          row = bal_summary_row_new_question (question, !self->review);
          g_signal_connect_object (row, "activated", G_CALLBACK (unanswered_activated), self, G_CONNECT_SWAPPED);
          add_summary_row (self, self->unanswered_group, row);
        }
    }
}

/* Steps *******************************************************************/

static void
show_step (BalQuestionnaireView *self)
{
  g_autoptr(BalJob) job = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) hints = NULL;
  g_autoptr(GError) error = NULL;
  int total = n_steps (self);
  gboolean summary = self->step >= total;

  if (self->project == NULL || self->method == NULL)
    return;

  job = bal_jobs_get (self->project, self->job_id, &error);
  answers = job ? bal_questionnaire_answers (self->project, self->job_id, &error) : NULL;
  if (answers == NULL)
    {
      bal_ui_show_error (GTK_WIDGET (self), _("The questionnaire could not be read"), error);
      return;
    }

  clear_step (self);
  gtk_widget_set_visible (GTK_WIDGET (self->content), !summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary), summary);

  if (!summary)
    {
      hints = self->review ? NULL : bal_hints_for_job (self->project, self->job_id, job->description, NULL);
      /* The hints shown move to their rows; the array frees the rest. */
      show_questions (self, g_ptr_array_index (self->method->characteristics, self->step), answers, hints);
    }
  else
    show_summary (self);

  update_progress (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), self->step > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->step < total);
  /* The summary leads on to grading, where Next would lead nowhere. */
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !summary || self->review);
  gtk_widget_set_visible (GTK_WIDGET (self->grade_button), summary && !self->review);
  gtk_button_set_label (self->next_button, self->step == total - 1 ? _("_Summary") : _("_Next"));
}

/* A row's place is known once it is laid out: a frame or two after it is
 * built. */
static gboolean
scroll_to_row (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  BalQuestionnaireView *self = BAL_QUESTIONNAIRE_VIEW (widget);
  GtkWidget *row = self->scroll_to ? g_hash_table_lookup (self->rows, self->scroll_to) : NULL;
  graphene_rect_t bounds;

  if (row != NULL && gtk_widget_get_height (row) == 0)
    return G_SOURCE_CONTINUE;

  if (row != NULL && gtk_widget_compute_bounds (row, GTK_WIDGET (self->content), &bounds))
    gtk_adjustment_set_value (vadjustment (self), bounds.origin.y);
  g_clear_pointer (&self->scroll_to, g_free);
  self->scroll_tick = 0;

  return G_SOURCE_REMOVE;
}

/* The hand starts on the step's first question (its answer, or its first
 * option), on the summary at Grade: not on Next, a Tab away from the header. */
static void
focus_step (BalQuestionnaireView *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->content)))
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->content));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (BAL_IS_QUESTION_ROW (child) && bal_question_row_focus_answer (BAL_QUESTION_ROW (child)))
        return;

  if (gtk_widget_get_visible (GTK_WIDGET (self->grade_button)) && gtk_widget_grab_focus (GTK_WIDGET (self->grade_button)))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

static void
go_to (BalQuestionnaireView *self,
       int                   step)
{
  step = CLAMP (step, 0, n_steps (self));
  if (step == self->step || self->project == NULL)
    return;

  self->step = step;
  if (!self->review)
    bal_jobs_set_step (self->project, self->job_id, step, NULL);
  show_step (self);
  focus_step (self);
  gtk_adjustment_set_value (vadjustment (self), 0);
}

/* Goes to the step of @question_id, brings its row into view and puts the
 * focus on its options. */
void
bal_questionnaire_view_show_question (BalQuestionnaireView *self,
                                      const char           *question_id)
{
  GtkWidget *row;

  g_return_if_fail (BAL_IS_QUESTIONNAIRE_VIEW (self));

  for (guint i = 0; self->method != NULL && i < self->method->questions->len; i++)
    {
      BalQuestion *question = g_ptr_array_index (self->method->questions, i);

      if (g_strcmp0 (question->id, question_id) != 0)
        continue;

      for (guint j = 0; j < self->method->characteristics->len; j++)
        {
          BalCharacteristic *characteristic = g_ptr_array_index (self->method->characteristics, j);

          if (g_strcmp0 (characteristic->id, question->characteristic) == 0)
            go_to (self, (int)j);
        }
    }

  row = g_hash_table_lookup (self->rows, question_id);
  if (row == NULL)
    return;

  bal_question_row_focus_answer (BAL_QUESTION_ROW (row));
  g_free (self->scroll_to);
  self->scroll_to = g_strdup (question_id);
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_row, NULL, NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BalQuestionnaireView *self = BAL_QUESTIONNAIRE_VIEW (widget);

  go_to (self, self->step - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BalQuestionnaireView *self = BAL_QUESTIONNAIRE_VIEW (widget);

  go_to (self, self->step + 1);
}

static void
flush_rows (BalQuestionnaireView *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    bal_question_row_flush (row);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BalQuestionnaireView *self = BAL_QUESTIONNAIRE_VIEW (widget);

  flush_rows (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

/* Opens the questionnaire of @job_id where the evaluator left off, at the
 * top of its step. */
void
bal_questionnaire_view_open (BalQuestionnaireView *self,
                             BalProject           *project,
                             gint64                job_id,
                             gboolean              review)
{
  g_autoptr(BalJob) job = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BAL_IS_QUESTIONNAIRE_VIEW (self));

  /* The old rows store what was typed in them, against their own job. */
  clear_step (self);
  g_set_object (&self->project, project);
  self->job_id = job_id;
  self->review = review;
  g_clear_pointer (&self->method, bal_method_free);

  self->method = bal_handbook_load_method (project, &error);
  job = self->method ? bal_jobs_get (project, job_id, &error) : NULL;
  if (job == NULL)
    {
      bal_ui_show_error (GTK_WIDGET (self), _("The questionnaire could not be read"), error);
      return;
    }

  self->step = CLAMP (job->questionnaire_step, 0, n_steps (self));
  show_step (self);
  focus_step (self);
  gtk_adjustment_set_value (vadjustment (self), 0);
}

int
bal_questionnaire_view_get_step (BalQuestionnaireView *self)
{
  g_return_val_if_fail (BAL_IS_QUESTIONNAIRE_VIEW (self), 0);

  return self->step;
}

/* The row of @question_id on the step shown, or NULL. */
GtkWidget *
bal_questionnaire_view_get_question_row (BalQuestionnaireView *self,
                                         const char           *question_id)
{
  g_return_val_if_fail (BAL_IS_QUESTIONNAIRE_VIEW (self), NULL);

  return g_hash_table_lookup (self->rows, question_id);
}

static void
bal_questionnaire_view_dispose (GObject *object)
{
  BalQuestionnaireView *self = (BalQuestionnaireView *)object;

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  if (self->rows != NULL)
    clear_step (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_QUESTIONNAIRE_VIEW);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->method, bal_method_free);
  g_clear_pointer (&self->scroll_to, g_free);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bal_questionnaire_view_parent_class)->dispose (object);
}

static void
bal_questionnaire_view_class_init (BalQuestionnaireViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_questionnaire_view_dispose;

  signals[CLOSED] =
    g_signal_new ("closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-questionnaire-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, title);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, progress);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, scroller);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, content);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, step_title);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, summary);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, summary_error);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, profile_group);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, unanswered_group);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, grade_button);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, back_button);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, next_button);

  gtk_widget_class_install_action (widget_class, "questionnaire.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "questionnaire.close", NULL);
}

static void
bal_questionnaire_view_init (BalQuestionnaireView *self)
{
  static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Left, GDK_ALT_MASK, "questionnaire.back" },
    { GDK_KEY_Right, GDK_ALT_MASK, "questionnaire.next" },
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "questionnaire.back" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "questionnaire.next" },
  };
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Back and next work wherever the focus is in the window, while the
   * questionnaire is on screen (global scope); inside the questionnaire
   * they come first (capture phase), before the scrolled window takes
   * Ctrl+Page Up/Down for sideways scrolling. */
  for (guint c = 0; c < 2; c++)
    {
      GtkEventController *shortcuts = gtk_shortcut_controller_new ();

      if (c == 0)
        gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
      else
        gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                              gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                                gtk_named_action_new (keys[i].action)));
      gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
    }

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->summary_rows = g_ptr_array_new ();
}
