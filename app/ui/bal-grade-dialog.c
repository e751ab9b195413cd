/* bal-grade-dialog.c: grade a job: candidates, comparison, decision
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-grade-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-author-dialog.h"
#include "bal-candidate-row.h"
#include "bal-comparison-row.h"
#include "bal-description.h"
#include "bal-grade-dialog.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-matching.h"
#include "bal-review.h"
#include "bal-ui-util.h"

/* The size the dialog asks for, when its window has room for it. */
#define DEFAULT_WIDTH  820
#define DEFAULT_HEIGHT 720

struct _BalGradeDialog
{
  AdwWindow            parent_instance;

  BalProject          *project;
  gint64               job_id;
  BalComparison       *comparison;
  GPtrArray           *comparison_rows;  /* BalComparisonRow, borrowed: children of comparison_box */
  GPtrArray           *candidate_rows;   /* BalCandidateRow, borrowed: children of candidates_group */
  GtkStringList       *grade_model;
  GStrv                grades;
  BalMethod           *method;           /* for the salary scales */
  gboolean             justification_touched;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  GtkLabel            *candidates_warning;
  GtkLabel            *candidates_error;
  AdwPreferencesGroup *candidates_group;
  GtkScrolledWindow   *compare_scroller;
  GtkLabel            *compare_heading;
  GtkLabel            *compare_summary;
  GtkLabel            *compare_explanation;
  GtkLabel            *compare_warnings;
  GtkButton           *suggestion_button;
  GtkBox              *comparison_box;
  GtkLabel            *current_label;
  GtkLabel            *proposal_label;
  GtkLabel            *decide_explanation;
  AdwActionRow        *grade_row;
  GtkDropDown         *grade_dropdown;
  AdwActionRow        *author_row;
  GtkFrame            *justification_frame;
  GtkTextView         *justification_view;
  GtkTextBuffer       *justification_buffer;
  GtkLabel            *justification_message;
  GtkLabel            *departure_label;
  GtkCheckButton      *anyway_check;
  AdwPreferencesGroup *departure_group;
  AdwEntryRow         *departure_row;
  GtkLabel            *departure_message;
  GtkLabel            *decide_error;
  GtkButton           *record_button;
};

G_DEFINE_FINAL_TYPE (BalGradeDialog, bal_grade_dialog, ADW_TYPE_WINDOW)

enum {
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Step 3: the decision ***************************************************/

static const char *
chosen_grade (BalGradeDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->grade_dropdown);

  return selected < g_strv_length (self->grades) ? self->grades[selected] : NULL;
}

static gboolean
departs (BalGradeDialog *self)
{
  if (g_strcmp0 (chosen_grade (self), self->comparison->proposed_grade) != 0)
    return TRUE;

  for (guint i = 0; i < self->comparison_rows->len; i++)
    {
      BalComparisonRow *row = g_ptr_array_index (self->comparison_rows, i);
      BalVerdict proposed = bal_comparison_row_get_proposed (row);

      if (proposed != BAL_VERDICT_NONE && bal_comparison_row_get_verdict (row) != proposed)
        return TRUE;
    }

  return FALSE;
}

static char *
justification_text (BalGradeDialog *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->justification_buffer, &start, &end);

  return gtk_text_buffer_get_text (self->justification_buffer, &start, &end, FALSE);
}

static gboolean
blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return *stripped == '\0';
}

/* What the decision still needs, beside the field that needs it; Record
 * Decision is sensitive only when nothing is missing. */
static void
validate (BalGradeDialog *self)
{
  g_autofree char *justification = NULL;
  gboolean departing, anyway, confirmed, needs_reason;
  gboolean justification_ok, reason_ok;

  if (self->comparison == NULL)
    return;

  /* The chosen grade with its salary scale. */
  {
    g_autofree char *grade = bal_method_grade_text (self->method, chosen_grade (self));

    adw_action_row_set_subtitle (self->grade_row, grade ? grade : "");
  }

  departing = departs (self);
  anyway = !self->comparison->complete || self->comparison->no_fit != NULL;
  confirmed = !anyway || gtk_check_button_get_active (self->anyway_check);
  needs_reason = departing || anyway;

  if (departing)
    gtk_label_set_text (self->departure_label, _("The decision departs from the proposal: say why."));
  else if (self->comparison->no_fit != NULL)
    gtk_label_set_text (self->departure_label, _("No reference function fits this job: say why you decide anyway."));
  else
    gtk_label_set_text (self->departure_label, _("The proposal is premature: say why you decide anyway."));
  gtk_widget_set_visible (GTK_WIDGET (self->anyway_check), anyway);
  gtk_widget_set_visible (GTK_WIDGET (self->departure_label), needs_reason);
  gtk_widget_set_visible (GTK_WIDGET (self->departure_group), needs_reason);

  justification = justification_text (self);
  justification_ok = !blank (justification);
  reason_ok = !needs_reason || !blank (gtk_editable_get_text (GTK_EDITABLE (self->departure_row)));

  bal_ui_mark_invalid (GTK_WIDGET (self->justification_frame), self->justification_message,
                       justification_ok || !self->justification_touched ? NULL : _("A justification is required."));
  bal_ui_mark_invalid (GTK_WIDGET (self->departure_row), self->departure_message,
                       reason_ok || !needs_reason ? NULL : _("A reason is required."));
  if (!needs_reason)
    gtk_widget_set_visible (GTK_WIDGET (self->departure_message), FALSE);

  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button),
                            confirmed && justification_ok && reason_ok);
}

static void
on_field_changed (BalGradeDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->decide_error), FALSE);
  validate (self);
}

static void
on_justification_changed (BalGradeDialog *self)
{
  self->justification_touched = TRUE;
  on_field_changed (self);
}

static void
record_now (BalGradeDialog *self)
{
  g_autoptr(GHashTable) verdicts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) notes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *justification = justification_text (self);
  BalDecisionInput input = { 0 };

  for (guint i = 0; i < self->comparison_rows->len; i++)
    {
      BalComparisonRow *row = g_ptr_array_index (self->comparison_rows, i);
      const char *id = bal_comparison_row_get_characteristic (row);

      g_hash_table_insert (verdicts, (gpointer)id, GINT_TO_POINTER (bal_comparison_row_get_verdict (row)));
      g_hash_table_insert (notes, (gpointer)id, (gpointer)bal_comparison_row_get_note (row));
    }

  input.reference_code = self->comparison->reference_code;
  input.grade = chosen_grade (self);
  input.justification = justification;
  input.departure = gtk_editable_get_text (GTK_EDITABLE (self->departure_row));
  input.evaluator = NULL;  /* the author: the name and role set in Balans */
  input.verdicts = verdicts;
  input.notes = notes;

  if (bal_grading_decide (self->project, self->job_id, &input, &error) == 0)
    {
      /* The rule that refused it speaks beside the button that asked. */
      gtk_label_set_text (self->decide_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->decide_error), TRUE);
      return;
    }

  g_signal_emit (self, signals[DECIDED], 0, input.grade);
  gtk_window_close (GTK_WINDOW (self));
}

static void
anyway_response (AdwMessageDialog *dialog,
                 const char       *response,
                 BalGradeDialog   *self)
{
  /* The question lets go of this dialog before recording closes it. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (g_strcmp0 (response, "grade") == 0)
    record_now (self);
}

static void
update_author (BalGradeDialog *self)
{
  const char *name = bal_project_get_author (self->project);
  g_autofree char *who = name
    ? g_strdup_printf ("%s (%s)", name, bal_review_role_label (bal_project_get_author_role (self->project)))
    : NULL;

  adw_action_row_set_subtitle (self->author_row,
                               who ? who : _("Balans asks your name and role when you record the decision."));
}

/* The author is known; a description nobody agreed to is graded only when
 * the user says so. */
static void
author_ready (gpointer data)
{
  BalGradeDialog *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  GtkWidget *dialog;

  update_author (self);
  warning = bal_description_grading_warning (self->project, self->job_id, &error);
  if (error != NULL)
    {
      gtk_label_set_text (self->decide_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->decide_error), TRUE);
      return;
    }
  if (warning == NULL)
    {
      record_now (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Grade Anyway?"), warning);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "grade", _("_Grade Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "grade", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (anyway_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_record_clicked (BalGradeDialog *self)
{
  bal_author_dialog_ensure (GTK_WIDGET (self), self->project, author_ready, self);
}

static void
select_grade (BalGradeDialog *self,
              const char     *grade)
{
  for (guint i = 0; self->grades[i] != NULL; i++)
    if (g_strcmp0 (self->grades[i], grade) == 0)
      gtk_drop_down_set_selected (self->grade_dropdown, i);
}

static void
show_decision (BalGradeDialog *self)
{
  g_autofree char *summary = NULL;

  summary = g_strdup_printf (_("Proposed from %s: grade %s."), self->comparison->reference_code,
                             self->comparison->proposed_grade);
  gtk_label_set_text (self->proposal_label, summary);
  gtk_label_set_text (self->decide_explanation, self->comparison->explanation);

  validate (self);
  gtk_stack_set_visible_child_name (self->stack, "decide");
  gtk_widget_grab_focus (GTK_WIDGET (self->justification_view));
}

static void
on_continue_clicked (BalGradeDialog *self)
{
  show_decision (self);
}

/* Step 2: the comparison *************************************************/

static gboolean
compare_with (BalGradeDialog *self,
              const char     *code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *warnings = NULL;
  BalComparison *comparison;

  comparison = bal_grading_compare (self->project, self->job_id, code, &error);
  if (comparison == NULL)
    {
      bal_ui_show_error (GTK_WIDGET (self), _("The comparison failed"), error);
      return FALSE;
    }

  g_clear_pointer (&self->comparison, bal_comparison_free);
  self->comparison = comparison;

  for (guint i = 0; i < self->comparison_rows->len; i++)
    gtk_box_remove (self->comparison_box, g_ptr_array_index (self->comparison_rows, i));
  g_ptr_array_set_size (self->comparison_rows, 0);

  heading = g_strdup_printf (_("Compared with %s %s"), comparison->reference_code, comparison->reference_title);
  gtk_label_set_text (self->compare_heading, heading);
  summary = g_strdup_printf (_("%s · grade %s · proposed: %s, grade %s"), comparison->family, comparison->reference_grade,
                             bal_verdict_label (comparison->overall.verdict), comparison->proposed_grade);
  gtk_label_set_text (self->compare_summary, summary);
  gtk_label_set_text (self->compare_explanation, comparison->explanation);

  g_ptr_array_add (comparison->warnings, NULL);
  warnings = g_strjoinv ("\n", (char **)comparison->warnings->pdata);
  g_ptr_array_set_size (comparison->warnings, comparison->warnings->len - 1);
  gtk_label_set_text (self->compare_warnings, warnings);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_warnings), comparison->warnings->len > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_button), comparison->suggested_code != NULL);
  if (comparison->suggested_code != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Compare with %s"), comparison->suggested_code);

      gtk_button_set_label (self->suggestion_button, label);
    }

  for (guint i = 0; i < comparison->lines->len; i++)
    {
      GtkWidget *row = bal_comparison_row_new (g_ptr_array_index (comparison->lines, i), comparison->reference_code);

      g_signal_connect_object (row, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->comparison_box, row);
      g_ptr_array_add (self->comparison_rows, row);
    }

  /* A new comparison starts from its own proposal. */
  select_grade (self, comparison->proposed_grade);
  gtk_editable_set_text (GTK_EDITABLE (self->departure_row), "");
  gtk_check_button_set_active (self->anyway_check, FALSE);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->compare_scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "compare");
  /* The focus goes to the first characteristic to judge, not to whatever
   * text GTK finds first (a selectable label selects all of itself). */
  gtk_widget_child_focus (GTK_WIDGET (self->comparison_box), GTK_DIR_TAB_FORWARD);
  gtk_label_select_region (self->compare_explanation, 0, 0);

  return TRUE;
}

static void
on_suggestion_clicked (BalGradeDialog *self)
{
  g_autofree char *code = g_strdup (self->comparison->suggested_code);

  compare_with (self, code);
}

/* Step 1: the candidates *************************************************/

static void
candidate_activated (BalCandidateRow *row,
                     BalGradeDialog  *self)
{
  compare_with (self, bal_candidate_row_get_code (row));
}

static void
show_candidates (BalGradeDialog *self)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  BalCandidate *best;

  candidates = bal_matching_candidates (self->project, self->job_id, 10, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->candidates_error), candidates == NULL);
  if (candidates == NULL)
    {
      gtk_label_set_text (self->candidates_error, error->message);
      return;
    }

  best = candidates->len > 0 ? g_ptr_array_index (candidates, 0) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->candidates_warning), best != NULL && best->no_fit != NULL);
  if (best != NULL && best->no_fit != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("No reference function fits this job: %s The closest are listed below; a grading against one of them needs a reason."),
                                               best->no_fit);

      gtk_label_set_text (self->candidates_warning, text);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      GtkWidget *row = bal_candidate_row_new (g_ptr_array_index (candidates, i));

      g_signal_connect_object (row, "activated", G_CALLBACK (candidate_activated), self, 0);
      adw_preferences_group_add (self->candidates_group, row);
      g_ptr_array_add (self->candidate_rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, "candidates");
}

/* Regrading: the decision in force, as it was taken, ready to be revised. */
static void
show_current (BalGradeDialog *self,
              BalDecision    *decision)
{
  g_autofree char *current = NULL;
  g_autofree char *grade = NULL;

  if (!compare_with (self, decision->reference_code))
    return;

  for (guint i = 0; i < decision->verdicts->len; i++)
    {
      BalDecisionVerdict *verdict = g_ptr_array_index (decision->verdicts, i);

      for (guint j = 0; j < self->comparison_rows->len; j++)
        {
          BalComparisonRow *row = g_ptr_array_index (self->comparison_rows, j);

          if (g_strcmp0 (bal_comparison_row_get_characteristic (row), verdict->characteristic_id) == 0)
            {
              bal_comparison_row_set_verdict (row, verdict->verdict);
              bal_comparison_row_set_note (row, verdict->note);
            }
        }
    }

  select_grade (self, decision->grade);
  gtk_text_buffer_set_text (self->justification_buffer, decision->justification ? decision->justification : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->departure_row), decision->departure ? decision->departure : "");
  /* A decision taken anyway was confirmed then; a revision confirms again. */
  gtk_check_button_set_active (self->anyway_check, FALSE);

  grade = bal_method_grade_text (self->method, decision->grade);
  current = g_strdup_printf (_("Current decision: grade %s, compared with %s, by %s on %s. Recording a new decision keeps this one in the history."),
                             grade, decision->reference_code, decision->evaluator, decision->decided);
  gtk_label_set_text (self->current_label, current);
  gtk_widget_set_visible (GTK_WIDGET (self->current_label), TRUE);

  show_decision (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BalGradeDialog *self = BAL_GRADE_DIALOG (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "decide") == 0)
    gtk_stack_set_visible_child_name (self->stack, "compare");
  else if (g_strcmp0 (page, "compare") == 0)
    gtk_stack_set_visible_child_name (self->stack, "candidates");
}

static void
on_page_changed (BalGradeDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grade.back",
                                 g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "candidates") != 0);
}

/* Opens on the candidates, or, when the job has a decision, on that
 * decision. The dialog is no larger than @parent. */
BalGradeDialog *
bal_grade_dialog_new (GtkWindow  *parent,
                      BalProject *project,
                      gint64      job_id)
{
  BalGradeDialog *self = g_object_new (BAL_TYPE_GRADE_DIALOG, "transient-for", parent, NULL);
  g_autoptr(BalJob) job = bal_jobs_get (project, job_id, NULL);
  g_autoptr(BalMethod) method = bal_handbook_load_method (project, NULL);
  g_autoptr(BalDecision) decision = NULL;
  int width = DEFAULT_WIDTH;
  int height = DEFAULT_HEIGHT;

  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    {
      width = MIN (width, gtk_widget_get_width (GTK_WIDGET (parent)));
      height = MIN (height, gtk_widget_get_height (GTK_WIDGET (parent)));
    }
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  self->project = g_object_ref (project);
  self->job_id = job_id;
  self->grades = method ? g_strdupv (method->grades) : g_new0 (char *, 1);
  self->method = g_steal_pointer (&method);
  self->grade_model = gtk_string_list_new ((const char * const *)self->grades);
  gtk_drop_down_set_model (self->grade_dropdown, G_LIST_MODEL (self->grade_model));
  /* The name and role set in Balans record the decision. */
  bal_author_apply (project);
  update_author (self);
  if (job != NULL)
    adw_window_title_set_subtitle (self->window_title, job->title);

  show_candidates (self);

  decision = bal_grading_latest (project, job_id, NULL);
  if (decision != NULL)
    show_current (self, decision);

  return self;
}

/* For tests and keyboard users: compare with @code without the list. */
void
bal_grade_dialog_compare (BalGradeDialog *self,
                          const char     *code)
{
  g_return_if_fail (BAL_IS_GRADE_DIALOG (self));

  compare_with (self, code);
}

/* The candidate row of @code, or NULL. */
GtkWidget *
bal_grade_dialog_get_candidate (BalGradeDialog *self,
                                const char     *code)
{
  g_return_val_if_fail (BAL_IS_GRADE_DIALOG (self), NULL);

  for (guint i = 0; i < self->candidate_rows->len; i++)
    {
      BalCandidateRow *row = g_ptr_array_index (self->candidate_rows, i);

      if (g_strcmp0 (bal_candidate_row_get_code (row), code) == 0)
        return GTK_WIDGET (row);
    }

  return NULL;
}

static void
bal_grade_dialog_dispose (GObject *object)
{
  BalGradeDialog *self = (BalGradeDialog *)object;

  g_clear_pointer (&self->comparison_rows, g_ptr_array_unref);
  g_clear_pointer (&self->candidate_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_GRADE_DIALOG);
  g_clear_object (&self->project);
  g_clear_object (&self->grade_model);
  g_clear_pointer (&self->comparison, bal_comparison_free);
  g_clear_pointer (&self->grades, g_strfreev);
  g_clear_pointer (&self->method, bal_method_free);

  G_OBJECT_CLASS (bal_grade_dialog_parent_class)->dispose (object);
}

static void
bal_grade_dialog_class_init (BalGradeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_grade_dialog_dispose;

  signals[DECIDED] =
    g_signal_new ("decided",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-grade-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, candidates_warning);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, candidates_error);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, candidates_group);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, compare_scroller);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, compare_heading);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, compare_summary);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, compare_explanation);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, compare_warnings);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, comparison_box);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, current_label);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, proposal_label);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, decide_explanation);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, grade_row);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, justification_frame);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, justification_view);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, justification_buffer);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, justification_message);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, departure_label);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, anyway_check);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, departure_group);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, departure_row);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, departure_message);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, decide_error);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, record_button);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_continue_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_justification_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_record_clicked);

  gtk_widget_class_install_action (widget_class, "grade.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "grade.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bal_grade_dialog_init (BalGradeDialog *self)
{
  self->comparison_rows = g_ptr_array_new ();
  self->candidate_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  on_page_changed (self);
}
