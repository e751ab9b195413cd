/* bal-grade-dialog.c: grade a job: candidates, comparison, decision
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-grade-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-grade-dialog.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-matching.h"
#include "bal-questionnaire.h"

struct _BalGradeDialog
{
  AdwWindow       parent_instance;

  BalProject     *project;
  gint64          job_id;
  char           *evaluator;
  BalComparison  *comparison;
  GPtrArray      *verdict_dropdowns;  /* GtkDropDown, one per comparison line */
  GPtrArray      *note_rows;          /* AdwEntryRow, one per comparison line */
  GtkDropDown    *grade_dropdown;
  GtkTextView    *justification_view;
  AdwEntryRow    *departure_row;
  AdwEntryRow    *evaluator_row;
  GtkLabel       *departure_label;
  GtkCheckButton *anyway_check;       /* shown when the proposal is premature or no reference fits */
  GtkWidget      *save_button;
  GStrv           grades;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkBox         *candidates_box;
  GtkBox         *compare_box;
  GtkBox         *decide_box;
};

G_DEFINE_FINAL_TYPE (BalGradeDialog, bal_grade_dialog, ADW_TYPE_WINDOW)

enum {
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const BalVerdict verdict_choices[] = { BAL_VERDICT_LIGHTER, BAL_VERDICT_EQUAL, BAL_VERDICT_HEAVIER };

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), css_class == NULL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
show_error (BalGradeDialog *self,
            const char     *heading,
            const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Step 3: the decision ***************************************************/

static BalVerdict
chosen_verdict (BalGradeDialog *self,
                guint           line)
{
  GtkDropDown *dropdown = g_ptr_array_index (self->verdict_dropdowns, line);

  return verdict_choices[MIN (gtk_drop_down_get_selected (dropdown), 2)];
}

static gboolean
departs (BalGradeDialog *self)
{
  const char *grade = self->grades[gtk_drop_down_get_selected (self->grade_dropdown)];

  if (g_strcmp0 (grade, self->comparison->proposed_grade) != 0)
    return TRUE;

  for (guint i = 0; i < self->comparison->lines->len; i++)
    {
      BalComparisonLine *line = g_ptr_array_index (self->comparison->lines, i);

      if (line->proposed != BAL_VERDICT_NONE && chosen_verdict (self, i) != line->proposed)
        return TRUE;
    }

  return FALSE;
}

static gboolean
needs_anyway (BalGradeDialog *self)
{
  return !self->comparison->complete || self->comparison->no_fit != NULL;
}

static void
update_departure (BalGradeDialog *self)
{
  gboolean departing = departs (self);
  gboolean anyway = needs_anyway (self);
  gboolean confirmed = !anyway || gtk_check_button_get_active (self->anyway_check);

  if (departing)
    gtk_label_set_text (self->departure_label, _("The decision departs from the proposal: say why."));
  else if (self->comparison->no_fit != NULL)
    gtk_label_set_text (self->departure_label, _("No reference function fits this job: say why you decide anyway."));
  else
    gtk_label_set_text (self->departure_label, _("The proposal is premature: say why you decide anyway."));

  gtk_widget_set_visible (GTK_WIDGET (self->anyway_check), anyway);
  gtk_widget_set_visible (GTK_WIDGET (self->departure_row), departing || anyway);
  gtk_widget_set_visible (GTK_WIDGET (self->departure_label), departing || anyway);
  gtk_widget_set_sensitive (self->save_button, confirmed);
}

static void
save_clicked (BalGradeDialog *self)
{
  g_autoptr(GHashTable) verdicts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) notes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->justification_view);
  g_autofree char *justification = NULL;
  BalDecisionInput input = { 0 };
  GtkTextIter start, end;
  gint64 id;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  justification = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  for (guint i = 0; i < self->comparison->lines->len; i++)
    {
      BalComparisonLine *line = g_ptr_array_index (self->comparison->lines, i);

      g_hash_table_insert (verdicts, line->characteristic_id, GINT_TO_POINTER (chosen_verdict (self, i)));
      g_hash_table_insert (notes, line->characteristic_id,
                           (gpointer)gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (self->note_rows, i))));
    }

  input.reference_code = self->comparison->reference_code;
  input.grade = self->grades[gtk_drop_down_get_selected (self->grade_dropdown)];
  input.justification = justification;
  input.departure = gtk_editable_get_text (GTK_EDITABLE (self->departure_row));
  input.evaluator = gtk_editable_get_text (GTK_EDITABLE (self->evaluator_row));
  input.verdicts = verdicts;
  input.notes = notes;

  id = bal_grading_decide (self->project, self->job_id, &input, &error);
  if (id == 0)
    {
      show_error (self, _("The decision was not recorded"), error);
      return;
    }

  g_signal_emit (self, signals[DECIDED], 0, input.grade);
  gtk_window_close (GTK_WINDOW (self));
}

static void
show_decision (BalGradeDialog *self)
{
  g_autofree char *summary = NULL;
  GtkWidget *group, *row, *frame, *save;
  guint proposed = 0;

  clear_box (self->decide_box);

  for (guint i = 0; self->grades[i] != NULL; i++)
    if (g_strcmp0 (self->grades[i], self->comparison->proposed_grade) == 0)
      proposed = i;

  summary = g_strdup_printf (_("Proposed from %s: grade %s."), self->comparison->reference_code, self->comparison->proposed_grade);
  gtk_box_append (self->decide_box, wrapped_label (_("Decision"), "title-2"));
  gtk_box_append (self->decide_box, wrapped_label (summary, "heading"));
  gtk_box_append (self->decide_box, wrapped_label (self->comparison->explanation, "dim-label"));

  group = adw_preferences_group_new ();
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Grade"));
  self->grade_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const *)self->grades));
  gtk_drop_down_set_selected (self->grade_dropdown, proposed);
  gtk_widget_set_valign (GTK_WIDGET (self->grade_dropdown), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grade_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Grade"), -1);
  g_signal_connect_swapped (self->grade_dropdown, "notify::selected", G_CALLBACK (update_departure), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->grade_dropdown));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->grade_dropdown));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->evaluator_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->evaluator_row), _("Evaluator"));
  gtk_editable_set_text (GTK_EDITABLE (self->evaluator_row), self->evaluator ? self->evaluator : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->evaluator_row));
  gtk_box_append (self->decide_box, group);

  gtk_box_append (self->decide_box, wrapped_label (_("Justification (required): why does the job have this grade?"), "heading"));
  self->justification_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->justification_view, GTK_WRAP_WORD_CHAR);
  gtk_widget_set_size_request (GTK_WIDGET (self->justification_view), -1, 140);
  gtk_text_view_set_top_margin (self->justification_view, 8);
  gtk_text_view_set_left_margin (self->justification_view, 8);
  gtk_text_view_set_right_margin (self->justification_view, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->justification_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Justification"), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->justification_view));
  gtk_box_append (self->decide_box, frame);

  self->departure_label = GTK_LABEL (wrapped_label ("", "warning"));
  gtk_box_append (self->decide_box, GTK_WIDGET (self->departure_label));
  self->anyway_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Decide anyway")));
  gtk_widget_set_name (GTK_WIDGET (self->anyway_check), "decide-anyway");
  g_signal_connect_swapped (self->anyway_check, "toggled", G_CALLBACK (update_departure), self);
  gtk_box_append (self->decide_box, GTK_WIDGET (self->anyway_check));
  group = adw_preferences_group_new ();
  self->departure_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->departure_row), "departure-reason");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->departure_row), _("Reason"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->departure_row));
  gtk_box_append (self->decide_box, group);

  save = self->save_button = gtk_button_new_with_mnemonic (_("_Record Decision"));
  gtk_widget_set_halign (save, GTK_ALIGN_END);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_add_css_class (save, "pill");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked), self);
  gtk_box_append (self->decide_box, save);

  update_departure (self);
  gtk_stack_set_visible_child_name (self->stack, "decide");
  gtk_widget_grab_focus (GTK_WIDGET (self->justification_view));
}

/* Step 2: the comparison *************************************************/

static char *
answers_text (BalComparisonLine *line)
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

static void
compare_with (BalGradeDialog *self,
              const char     *code);

static void
suggestion_clicked (GtkButton      *button,
                    BalGradeDialog *self)
{
  g_autofree char *code = g_strdup (self->comparison->suggested_code);

  compare_with (self, code);
}

static void
compare_with (BalGradeDialog *self,
              const char     *code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  BalComparison *comparison;
  GtkWidget *next;

  comparison = bal_grading_compare (self->project, self->job_id, code, &error);
  if (comparison == NULL)
    {
      show_error (self, _("The comparison failed"), error);
      return;
    }

  g_clear_pointer (&self->comparison, bal_comparison_free);
  self->comparison = comparison;
  g_ptr_array_set_size (self->verdict_dropdowns, 0);
  g_ptr_array_set_size (self->note_rows, 0);
  clear_box (self->compare_box);

  heading = g_strdup_printf (_("Compared with %s %s"), comparison->reference_code, comparison->reference_title);
  gtk_box_append (self->compare_box, wrapped_label (heading, "title-2"));
  summary = g_strdup_printf (_("%s · grade %s · proposed: %s, grade %s"), comparison->family, comparison->reference_grade,
                             bal_verdict_label (comparison->overall.verdict), comparison->proposed_grade);
  gtk_box_append (self->compare_box, wrapped_label (summary, "dim-label"));
  gtk_box_append (self->compare_box, wrapped_label (comparison->explanation, NULL));

  for (guint i = 0; i < comparison->warnings->len; i++)
    gtk_box_append (self->compare_box, wrapped_label (g_ptr_array_index (comparison->warnings, i), "warning"));

  if (comparison->suggested_code != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Compare with %s"), comparison->suggested_code);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      g_signal_connect (button, "clicked", G_CALLBACK (suggestion_clicked), self);
      gtk_box_append (self->compare_box, button);
    }

  for (guint i = 0; i < comparison->lines->len; i++)
    {
      BalComparisonLine *line = g_ptr_array_index (comparison->lines, i);
      g_autofree char *job_title = line->job_level > 0
        ? g_strdup_printf (_("Job: level %d of %d"), line->job_level, line->levels)
        : g_strdup (_("Job: unknown, not answered"));
      g_autofree char *reference_title = g_strdup_printf (_("%s: level %d of %d"), comparison->reference_code,
                                                          line->reference_level, line->levels);
      g_autofree char *answers = answers_text (line);
      const char *labels[] = { _("Lighter"), _("Equal"), _("Heavier"), NULL };
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *row;
      GtkWidget *expander;
      GtkWidget *dropdown;
      GtkWidget *note;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), line->name);
      if (line->lesser)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                               _("Counts half: it only breaks a tie between the other characteristics."));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), job_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), answers);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

      expander = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), reference_title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("Show the reference function’s text"));
      {
        GtkWidget *text = wrapped_label (line->reference_text && *line->reference_text ? line->reference_text : _("Not given in the handbook."), NULL);

        gtk_widget_set_margin_start (text, 12);
        gtk_widget_set_margin_end (text, 12);
        gtk_widget_set_margin_top (text, 8);
        gtk_widget_set_margin_bottom (text, 8);
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text);
      }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Verdict"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   line->proposed != BAL_VERDICT_NONE
                                   ? _("Proposed from the levels; change it if the evidence says otherwise")
                                   : _("Not answered: choose from the evidence"));
      dropdown = gtk_drop_down_new_from_strings (labels);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                                  line->proposed == BAL_VERDICT_LIGHTER ? 0 : line->proposed == BAL_VERDICT_HEAVIER ? 2 : 1);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      gtk_widget_set_name (dropdown, line->characteristic_id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, line->name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->verdict_dropdowns, dropdown);

      note = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Note"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note);
      g_ptr_array_add (self->note_rows, note);

      gtk_box_append (self->compare_box, group);
    }

  next = gtk_button_new_with_mnemonic (_("_Continue to the Decision"));
  gtk_widget_set_halign (next, GTK_ALIGN_END);
  gtk_widget_add_css_class (next, "suggested-action");
  gtk_widget_add_css_class (next, "pill");
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (show_decision), self);
  gtk_box_append (self->compare_box, next);

  gtk_stack_set_visible_child_name (self->stack, "compare");
}

/* Step 1: the candidates *************************************************/

static void
candidate_activated (AdwActionRow   *row,
                     BalGradeDialog *self)
{
  compare_with (self, g_object_get_data (G_OBJECT (row), "code"));
}

static void
show_candidates (BalGradeDialog *self)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group;

  clear_box (self->candidates_box);
  gtk_box_append (self->candidates_box, wrapped_label (_("Candidates"), "title-2"));
  gtk_box_append (self->candidates_box,
                  wrapped_label (_("The reference functions that fit the job best: by its profile once questions are answered, then by the words of its title and description. Choose one to compare."), "dim-label"));

  candidates = bal_matching_candidates (self->project, self->job_id, 10, &error);
  if (candidates == NULL)
    {
      gtk_box_append (self->candidates_box, wrapped_label (error->message, "error"));
      return;
    }

  if (candidates->len > 0 && ((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("No reference function fits this job: %s The closest are listed below; a grading against one of them needs a reason."),
                                               ((BalCandidate *)g_ptr_array_index (candidates, 0))->no_fit);

      gtk_box_append (self->candidates_box, wrapped_label (text, "warning"));
    }

  group = adw_preferences_group_new ();
  for (guint i = 0; i < candidates->len; i++)
    {
      BalCandidate *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *title = g_strdup_printf ("%s %s", candidate->code, candidate->title);
      g_autofree char *reasons = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *score = g_strdup_printf ("%.0f%%", candidate->score * 100);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *score_label = gtk_label_new (score);

      g_ptr_array_add (candidate->reasons, NULL);
      reasons = g_strjoinv ("\n", (char **)candidate->reasons->pdata);
      g_ptr_array_set_size (candidate->reasons, candidate->reasons->len - 1);
      subtitle = g_strdup_printf (_("%s · grade %s\n%s"), candidate->family, candidate->grade, reasons);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (score_label, "numeric");
      gtk_widget_add_css_class (score_label, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), score_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (candidate->code), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (candidate_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->candidates_box, group);

  gtk_stack_set_visible_child_name (self->stack, "candidates");
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
page_changed (BalGradeDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grade.back",
                                 g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "candidates") != 0);
}

BalGradeDialog *
bal_grade_dialog_new (GtkWindow  *parent,
                      BalProject *project,
                      gint64      job_id,
                      const char *evaluator)
{
  BalGradeDialog *self = g_object_new (BAL_TYPE_GRADE_DIALOG, "transient-for", parent, NULL);
  g_autoptr(BalJob) job = bal_jobs_get (project, job_id, NULL);
  g_autoptr(BalMethod) method = bal_handbook_load_method (project, NULL);

  self->project = g_object_ref (project);
  self->job_id = job_id;
  self->evaluator = g_strdup (evaluator);
  self->grades = method ? g_strdupv (method->grades) : g_new0 (char *, 1);
  if (job != NULL)
    adw_window_title_set_subtitle (self->window_title, job->title);

  show_candidates (self);

  return self;
}

/* For tests and keyboard users: compare with @code without the list. */
void
bal_grade_dialog_compare (BalGradeDialog *self,
                          const char     *code)
{
  compare_with (self, code);
}

static void
bal_grade_dialog_dispose (GObject *object)
{
  BalGradeDialog *self = (BalGradeDialog *)object;

  g_clear_object (&self->project);
  g_clear_pointer (&self->comparison, bal_comparison_free);
  g_clear_pointer (&self->verdict_dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->note_rows, g_ptr_array_unref);
  g_clear_pointer (&self->evaluator, g_free);
  g_clear_pointer (&self->grades, g_strfreev);

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
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, candidates_box);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, compare_box);
  gtk_widget_class_bind_template_child (widget_class, BalGradeDialog, decide_box);

  gtk_widget_class_install_action (widget_class, "grade.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "grade.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bal_grade_dialog_init (BalGradeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->verdict_dropdowns = g_ptr_array_new ();
  self->note_rows = g_ptr_array_new ();
  g_signal_connect_swapped (self->stack, "notify::visible-child-name", G_CALLBACK (page_changed), self);
  page_changed (self);
}
