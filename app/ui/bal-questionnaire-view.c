/* bal-questionnaire-view.c: the guided questionnaire: one characteristic per step
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
#include "bal-questionnaire.h"
#include "bal-questionnaire-view.h"

struct _BalQuestionnaireView
{
  AdwBin          parent_instance;

  BalProject     *project;
  gint64          job_id;
  gboolean        review;
  BalMethod      *method;
  int             step;      /* 0..n_characteristics-1, n = the summary */
  gboolean        building;
  GHashTable     *pending;   /* question id -> evidence GtkEditable, waiting to be saved */
  guint           save_id;

  AdwWindowTitle *title;
  GtkProgressBar *progress;
  GtkLabel       *progress_label;
  GtkBox         *content;
  GtkScrolledWindow *scroller;
  GtkButton      *back_button;
  GtkButton      *next_button;
};

G_DEFINE_FINAL_TYPE (BalQuestionnaireView, bal_questionnaire_view, ADW_TYPE_BIN)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_step (BalQuestionnaireView *self);

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
report (BalQuestionnaireView *self,
        const GError         *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("The answer was not saved"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static int
n_steps (BalQuestionnaireView *self)
{
  return self->method ? (int)self->method->characteristics->len : 0;
}

/* Answers ****************************************************************/

static void
option_toggled (GtkCheckButton       *button,
                BalQuestionnaireView *self)
{
  const char *question = g_object_get_data (G_OBJECT (button), "question");
  const char *option = g_object_get_data (G_OBJECT (button), "option");
  GtkEditable *evidence = g_object_get_data (G_OBJECT (button), "evidence");
  g_autoptr(GError) error = NULL;

  if (self->building || !gtk_check_button_get_active (button))
    return;

  if (!bal_questionnaire_answer (self->project, self->job_id, question, option,
                                 gtk_editable_get_text (evidence), &error))
    report (self, error);
  else
    {
      g_hash_table_remove (self->pending, question);
      show_step (self);
    }
}

static gboolean
save_pending (gpointer data)
{
  BalQuestionnaireView *self = data;
  GHashTableIter iter;
  gpointer question, editable;

  self->save_id = 0;
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &question, &editable))
    {
      /* Evidence without an answer waits for the answer. */
      bal_questionnaire_set_evidence (self->project, self->job_id, question,
                                      gtk_editable_get_text (editable), NULL);
    }
  g_hash_table_remove_all (self->pending);

  return G_SOURCE_REMOVE;
}

static void
flush_pending (BalQuestionnaireView *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  save_pending (self);
}

static void
evidence_changed (GtkEditable          *editable,
                  BalQuestionnaireView *self)
{
  if (self->building)
    return;

  g_hash_table_replace (self->pending, g_strdup (g_object_get_data (G_OBJECT (editable), "question")),
                        editable);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (600, save_pending, self);
}

static void
hint_accepted (GtkButton            *button,
               BalQuestionnaireView *self)
{
  BalHint *hint = g_object_get_data (G_OBJECT (button), "hint");
  g_autoptr(GError) error = NULL;

  if (!bal_hints_accept (self->project, self->job_id, hint, &error))
    report (self, error);
  show_step (self);
}

static void
hint_dismissed (GtkButton            *button,
                BalQuestionnaireView *self)
{
  BalHint *hint = g_object_get_data (G_OBJECT (button), "hint");
  g_autoptr(GError) error = NULL;

  if (!bal_hints_dismiss (self->project, self->job_id, hint, &error))
    report (self, error);
  show_step (self);
}

/* Steps ******************************************************************/

static void
clear_content (BalQuestionnaireView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static GtkWidget *
hint_row (BalQuestionnaireView *self,
          BalHint              *hint)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *accept = gtk_button_new_with_mnemonic (_("_Accept"));
  GtkWidget *dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *title = g_strdup_printf (_("Hint from the description: %s"), hint->option_text);
  g_autofree char *quote = g_strdup_printf ("“%s”", hint->evidence);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), quote);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-information-symbolic"));
  gtk_widget_add_css_class (row, "hint-row");

  gtk_widget_set_valign (accept, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (accept, "suggested-action");
  gtk_widget_set_tooltip_text (accept, _("Answer the question with this option"));
  g_object_set_data_full (G_OBJECT (accept), "hint", hint, (GDestroyNotify)bal_hint_free);
  g_signal_connect (accept, "clicked", G_CALLBACK (hint_accepted), self);

  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_widget_set_tooltip_text (dismiss, _("Dismiss this hint"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dismiss), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss this hint"), -1);
  g_object_set_data (G_OBJECT (dismiss), "hint", hint);
  g_signal_connect (dismiss, "clicked", G_CALLBACK (hint_dismissed), self);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);

  return row;
}

static void
show_questions (BalQuestionnaireView *self,
                BalCharacteristic    *characteristic,
                GPtrArray            *answers,
                GPtrArray            *hints)
{
  gtk_box_append (self->content, wrapped_label (characteristic->name, "title-1"));

  for (guint i = 0; i < self->method->questions->len; i++)
    {
      BalQuestion *question = g_ptr_array_index (self->method->questions, i);
      BalAnswer *answer;
      GtkWidget *group;
      GtkWidget *evidence;
      GtkCheckButton *first = NULL;

      if (g_strcmp0 (question->characteristic, characteristic->id) != 0)
        continue;

      answer = bal_questionnaire_find_answer (answers, question->id);

      /* The group's own title would not wrap: long questions get labels. */
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        GtkWidget *text = wrapped_label (question->text, "heading");
        GtkWidget *help = wrapped_label (question->help, "dim-label");

        gtk_box_append (GTK_BOX (box), text);
        gtk_box_append (GTK_BOX (box), help);
        gtk_box_append (self->content, box);
      }

      group = adw_preferences_group_new ();
      gtk_widget_set_name (group, question->id);

      evidence = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (evidence), _("Evidence (optional): what in the job shows this?"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (evidence), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (evidence), answer ? answer->evidence : "");
      g_object_set_data_full (G_OBJECT (evidence), "question", g_strdup (question->id), g_free);
      gtk_widget_set_sensitive (evidence, !self->review);
      g_signal_connect (evidence, "changed", G_CALLBACK (evidence_changed), self);

      /* Hints stand beside the question they answer. */
      for (guint j = 0; hints != NULL && j < hints->len; j++)
        {
          BalHint *hint = g_ptr_array_index (hints, j);

          if (hint != NULL && g_strcmp0 (hint->question_id, question->id) == 0)
            {
              g_ptr_array_index (hints, j) = NULL;
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), hint_row (self, hint));
            }
        }

      for (guint j = 0; j < question->options->len; j++)
        {
          BalQuestionOption *option = g_ptr_array_index (question->options, j);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();
          /* Level 0: not applicable, left out of the mean. */
          g_autofree char *level = option->level > 0
            ? g_strdup_printf (_("Level %d"), option->level)
            : g_strdup (_("Not applicable: not counted"));

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), option->text);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), level);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

          if (first != NULL)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
          else
            first = GTK_CHECK_BUTTON (check);

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       answer != NULL && g_strcmp0 (answer->option_id, option->id) == 0);
          gtk_widget_set_sensitive (check, !self->review);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, option->text, -1);
          g_object_set_data_full (G_OBJECT (check), "question", g_strdup (question->id), g_free);
          g_object_set_data_full (G_OBJECT (check), "option", g_strdup (option->id), g_free);
          g_object_set_data (G_OBJECT (check), "evidence", evidence);
          g_signal_connect (check, "toggled", G_CALLBACK (option_toggled), self);

          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), evidence);
      gtk_box_append (self->content, group);
    }
}

static void
show_summary (BalQuestionnaireView *self)
{
  g_autoptr(BalJobProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group;

  gtk_box_append (self->content, wrapped_label (_("Summary"), "title-2"));

  profile = bal_profile_compute (self->project, self->job_id, &error);
  if (profile == NULL)
    {
      gtk_box_append (self->content, wrapped_label (error->message, "error"));
      return;
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Profile"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The level per characteristic is the rounded mean of its answers; “not applicable” answers are left out. A characteristic without answers has no level."));
  for (guint i = 0; i < profile->levels->len; i++)
    {
      BalJobLevel *level = g_ptr_array_index (profile->levels, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *value = level->level > 0
        ? g_strdup_printf (_("Level %d of %d"), level->level, level->levels)
        : g_strdup (_("Not answered"));
      g_autoptr(GString) decided = g_string_new (NULL);
      GtkWidget *value_label = gtk_label_new (value);

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
          g_autofree char *open = g_strdup_printf (_("%u questions not answered"), level->unanswered->len);

          if (decided->len > 0)
            g_string_append (decided, "\n");
          g_string_append (decided, open);
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), level->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), decided->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (value_label, level->level > 0 ? "heading" : "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->content, group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Questions Not Answered"));
  if (profile->unanswered->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("Every question is answered."));
  for (guint i = 0; i < profile->unanswered->len; i++)
    {
      const char *id = g_ptr_array_index (profile->unanswered, i);

      for (guint j = 0; j < self->method->questions->len; j++)
        {
          BalQuestion *question = g_ptr_array_index (self->method->questions, j);

          if (g_strcmp0 (question->id, id) == 0)
            {
              GtkWidget *row = adw_action_row_new ();

              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question->text);
              adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
            }
        }
    }
  gtk_box_append (self->content, group);
}

static void
show_step (BalQuestionnaireView *self)
{
  g_autoptr(BalJob) job = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) hints = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  double scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  int total = n_steps (self);

  if (self->project == NULL || self->method == NULL)
    return;

  job = bal_jobs_get (self->project, self->job_id, &error);
  answers = job ? bal_questionnaire_answers (self->project, self->job_id, &error) : NULL;
  if (answers == NULL)
    {
      report (self, error);
      return;
    }

  self->building = TRUE;
  clear_content (self);

  adw_window_title_set_subtitle (self->title, job->title);
  if (self->step < total)
    {
      label = g_strdup_printf (_("Step %d of %d · %d of %d questions answered"),
                               self->step + 1, total + 1, job->answered, job->questions);
      hints = self->review ? NULL : bal_hints_for_job (self->project, self->job_id, job->description, NULL);
      /* The hints shown move to their rows; the array frees the rest. */
      show_questions (self, g_ptr_array_index (self->method->characteristics, self->step), answers, hints);
    }
  else
    {
      label = g_strdup_printf (_("Summary · %d of %d questions answered"), job->answered, job->questions);
      show_summary (self);
    }

  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress, job->questions > 0 ? (double)job->answered / job->questions : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), self->step > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->step < total);
  gtk_button_set_label (self->next_button, self->step == total - 1 ? _("_Summary") : _("_Next"));

  self->building = FALSE;

  /* The same step again (after an answer) keeps its place. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), scroll);
}

static void
go_to (BalQuestionnaireView *self,
       int                   step)
{
  step = CLAMP (step, 0, n_steps (self));
  if (step == self->step || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  flush_pending (self);
  self->step = step;
  if (!self->review)
    bal_jobs_set_step (self->project, self->job_id, step, NULL);
  show_step (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
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
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BalQuestionnaireView *self = BAL_QUESTIONNAIRE_VIEW (widget);

  flush_pending (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

/* Opens the questionnaire of @job_id where the evaluator left off. */
void
bal_questionnaire_view_open (BalQuestionnaireView *self,
                             BalProject           *project,
                             gint64                job_id,
                             gboolean              review)
{
  g_autoptr(BalJob) job = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BAL_IS_QUESTIONNAIRE_VIEW (self));

  flush_pending (self);
  g_set_object (&self->project, project);
  self->job_id = job_id;
  self->review = review;
  g_clear_pointer (&self->method, bal_method_free);

  self->method = bal_handbook_load_method (project, &error);
  job = self->method ? bal_jobs_get (project, job_id, &error) : NULL;
  if (job == NULL)
    {
      report (self, error);
      return;
    }

  self->step = CLAMP (job->questionnaire_step, 0, n_steps (self));
  show_step (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

int
bal_questionnaire_view_get_step (BalQuestionnaireView *self)
{
  return self->step;
}

static void
bal_questionnaire_view_dispose (GObject *object)
{
  BalQuestionnaireView *self = (BalQuestionnaireView *)object;

  if (self->project != NULL)
    flush_pending (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->method, bal_method_free);
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
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, content);
  gtk_widget_class_bind_template_child (widget_class, BalQuestionnaireView, scroller);
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
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Back and next work wherever the focus is in the window, while the
   * questionnaire is on screen. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
