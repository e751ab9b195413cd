/* bal-objection-row.c: an objection against a grading, and what can be done with it
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-objection-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-objection-row.h"
#include "bal-review.h"
#include "bal-ui-util.h"

struct _BalObjectionRow
{
  AdwExpanderRow  parent_instance;

  gint64          id;
  gboolean        overdue;

  /* Template widgets */
  GtkImage       *state_icon;
  AdwActionRow   *reasons_row;
  AdwActionRow   *advice_row;
  AdwActionRow   *decision_row;
  AdwEntryRow    *members_entry;
  AdwEntryRow    *advice_entry;
  AdwEntryRow    *note_entry;
  GtkWidget      *actions;
  GtkButton      *advice_button;
  GtkButton      *upheld_button;
  GtkButton      *revised_button;
  GtkButton      *appeal_button;
};

G_DEFINE_FINAL_TYPE (BalObjectionRow, bal_objection_row, ADW_TYPE_EXPANDER_ROW)

enum {
  ACTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_advice_clicked (BalObjectionRow *self)
{
  g_signal_emit (self, signals[ACTION], 0, "advice");
}

static void
on_upheld_clicked (BalObjectionRow *self)
{
  g_signal_emit (self, signals[ACTION], 0, "upheld");
}

static void
on_revised_clicked (BalObjectionRow *self)
{
  g_signal_emit (self, signals[ACTION], 0, "revised");
}

static void
on_appeal_clicked (BalObjectionRow *self)
{
  g_signal_emit (self, signals[ACTION], 0, "appeal");
}

/* Advice needs the members and the advice itself. */
static void
on_advice_changed (BalObjectionRow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->advice_button),
                            *gtk_editable_get_text (GTK_EDITABLE (self->members_entry)) != '\0' &&
                            *gtk_editable_get_text (GTK_EDITABLE (self->advice_entry)) != '\0');
}

/* A hidden button leaves no gap: its flow box child goes with it. */
static void
show_action (GtkButton *button,
             gboolean   visible)
{
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (button)), visible);
}

/* A row for @objection, titled with its job (@with_job) or with who lodged
 * it and when. Its actions are those its state allows, sensitive when
 * @editable. */
GtkWidget *
bal_objection_row_new (const BalObjection *o,
                       gboolean            with_job,
                       gboolean            editable)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *lodged = bal_ui_format_date (o->lodged);
  g_autofree char *deadline = bal_ui_format_date (o->deadline);
  g_autofree char *due = bal_ui_format_date (o->due);
  BalObjectionRow *self;
  gboolean open, advised;

  g_return_val_if_fail (o != NULL, NULL);

  open = o->outcome == NULL;
  advised = o->committee_date != NULL;
  title = with_job ? g_strdup (o->job_title) : g_strdup_printf (_("Objection by %s, %s"), o->author, lodged);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s · lodged by %s (%s) on %s against the %s grading, %d day open · last day to object %s · decision due %s",
                                           "%s · lodged by %s (%s) on %s against the %s grading, %d days open · last day to object %s · decision due %s",
                                           o->days_open),
                              bal_objection_state_label ((BalObjection *)o), o->author, bal_review_role_label (o->role), lodged,
                              g_strcmp0 (o->against, "adopted") == 0 ? _("adopted") : _("proposed"),
                              o->days_open, deadline, due);

  self = g_object_new (BAL_TYPE_OBJECTION_ROW, "title", title, "subtitle", subtitle, NULL);
  self->id = o->id;
  self->overdue = o->overdue;

  if (o->overdue)
    {
      gtk_image_set_from_icon_name (self->state_icon, "dialog-error-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
    }
  else if (open)
    gtk_image_set_from_icon_name (self->state_icon, "dialog-warning-symbolic");
  else
    gtk_image_set_from_icon_name (self->state_icon, "object-select-symbolic");

  adw_action_row_set_subtitle (self->reasons_row, o->reasons);
  if (advised)
    {
      g_autofree char *advice = g_strdup_printf ("%s\n%s · %s", o->committee_advice, o->committee_members, o->committee_date);

      adw_action_row_set_subtitle (self->advice_row, advice);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->advice_row), advised);
  if (!open)
    {
      g_autofree char *outcome = g_strdup_printf ("%s\n%s · %s%s", bal_objection_state_label ((BalObjection *)o),
                                                  o->decided_by, o->decided,
                                                  o->appeal ? _(" · an external appeal followed") : "");
      g_autofree char *with_note = *o->outcome_note ? g_strdup_printf ("%s\n%s", o->outcome_note, outcome) : NULL;

      adw_action_row_set_subtitle (self->decision_row, with_note ? with_note : outcome);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->decision_row), !open);

  /* What its state allows: advice once, then the employer's decision, then the appeal. */
  gtk_widget_set_visible (GTK_WIDGET (self->members_entry), open && !advised);
  gtk_widget_set_visible (GTK_WIDGET (self->advice_entry), open && !advised);
  show_action (self->advice_button, open && !advised);
  gtk_widget_set_visible (GTK_WIDGET (self->note_entry), open);
  show_action (self->upheld_button, open);
  show_action (self->revised_button, open);
  show_action (self->appeal_button, !open && !o->appeal);
  gtk_widget_set_visible (self->actions, open || !o->appeal);

  gtk_widget_set_sensitive (GTK_WIDGET (self->members_entry), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->advice_entry), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), editable);
  gtk_widget_set_sensitive (self->actions, editable);
  on_advice_changed (self);

  return GTK_WIDGET (self);
}

gint64
bal_objection_row_get_id (BalObjectionRow *self)
{
  g_return_val_if_fail (BAL_IS_OBJECTION_ROW (self), 0);

  return self->id;
}

gboolean
bal_objection_row_get_overdue (BalObjectionRow *self)
{
  g_return_val_if_fail (BAL_IS_OBJECTION_ROW (self), FALSE);

  return self->overdue;
}

const char *
bal_objection_row_get_members (BalObjectionRow *self)
{
  g_return_val_if_fail (BAL_IS_OBJECTION_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->members_entry));
}

const char *
bal_objection_row_get_advice (BalObjectionRow *self)
{
  g_return_val_if_fail (BAL_IS_OBJECTION_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->advice_entry));
}

const char *
bal_objection_row_get_note (BalObjectionRow *self)
{
  g_return_val_if_fail (BAL_IS_OBJECTION_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
}

static void
bal_objection_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BAL_TYPE_OBJECTION_ROW);

  G_OBJECT_CLASS (bal_objection_row_parent_class)->dispose (object);
}

static void
bal_objection_row_class_init (BalObjectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_objection_row_dispose;

  /* "advice", "upheld", "revised" or "appeal" */
  signals[ACTION] =
    g_signal_new ("action",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-objection-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BalObjectionRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, BalObjectionRow, reasons_row);
  gtk_widget_class_bind_template_child (widget_class, BalObjectionRow, advice_row);
  gtk_widget_class_bind_template_child (widget_class, BalObjectionRow, decision_row);
  gtk_widget_class_bind_template_child (widget_class, BalObjectionRow, members_entry);
  gtk_widget_class_bind_template_child (widget_class, BalObjectionRow, advice_entry);
  gtk_widget_class_bind_template_child (widget_class, BalObjectionRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, BalObjectionRow, actions);
  gtk_widget_class_bind_template_child (widget_class, BalObjectionRow, advice_button);
  gtk_widget_class_bind_template_child (widget_class, BalObjectionRow, upheld_button);
  gtk_widget_class_bind_template_child (widget_class, BalObjectionRow, revised_button);
  gtk_widget_class_bind_template_child (widget_class, BalObjectionRow, appeal_button);
  gtk_widget_class_bind_template_callback (widget_class, on_advice_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_upheld_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_revised_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_appeal_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_advice_changed);
}

static void
bal_objection_row_init (BalObjectionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
