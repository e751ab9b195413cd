/* bal-review-page.c: open remarks and objections, and per job its review trail
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-audit.h"
#include "bal-author-dialog.h"
#include "bal-grading.h"
#include "bal-jobs.h"
#include "bal-notice.h"
#include "bal-objection.h"
#include "bal-review.h"
#include "bal-review-page.h"

struct _BalReviewPage
{
  AdwBin           parent_instance;

  BalProject      *project;
  gboolean         review;
  GArray          *job_ids;
  gint64           job_id;
  gboolean         rebuilding;
  guint            rebuild_id;

  AdwToastOverlay *toast_overlay;
  GtkBox          *content;
  GtkDropDown     *remark_job;
  AdwEntryRow     *remark_text;
  AdwEntryRow     *status_note;
  AdwEntryRow     *advice_members;
  AdwEntryRow     *advice_text;
  char            *pending_status;     /* the status to record once the author is known */
  gint64           pending_objection;  /* and the objection an action is about */
  BalNoticeDoc    *notice;             /* while the notice is printed */
};

G_DEFINE_FINAL_TYPE (BalReviewPage, bal_review_page, ADW_TYPE_BIN)

static void rebuild (BalReviewPage *self);

static void
show_error (BalReviewPage *self,
            const GError  *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

static GtkWidget *
group_new (GtkBox     *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);

  return group;
}

static void
resolve_clicked (GtkButton     *button,
                 BalReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "remark"));

  if (!bal_review_resolve_remark (self->project, id, &error))
    show_error (self, error);
}

static void
add_remark_now (gpointer data)
{
  BalReviewPage *self = data;
  g_autoptr(GError) error = NULL;
  guint job;

  if (self->remark_job == NULL || (job = gtk_drop_down_get_selected (self->remark_job)) >= self->job_ids->len)
    return;

  if (bal_review_add_remark (self->project, g_array_index (self->job_ids, gint64, job), NULL, NULL,
                             gtk_editable_get_text (GTK_EDITABLE (self->remark_text)), &error) == 0)
    show_error (self, error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Remark recorded")));
}

static void
add_remark_clicked (BalReviewPage *self)
{
  bal_author_dialog_ensure (GTK_WIDGET (self), self->project, add_remark_now, self);
}

static void
record_status (BalReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *status = self->pending_status;
  const char *note = self->status_note ? gtk_editable_get_text (GTK_EDITABLE (self->status_note)) : "";

  if (g_strcmp0 (status, "objected") == 0)
    {
      /* An objection is lodged as a procedure, against a proposed or an adopted grading. */
      if (bal_objection_lodge (self->project, self->job_id, NULL, note, NULL, &error) == 0)
        show_error (self, error);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Objection lodged")));
      return;
    }

  if (!bal_review_set_status (self->project, self->job_id, status, note, &error))
    show_error (self, error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (bal_review_status_label (status)));
}

static void
adopt_response (AdwMessageDialog *dialog,
                const char       *response,
                BalReviewPage    *self)
{
  if (g_strcmp0 (response, "adopt") == 0)
    record_status (self);
}

/* Adopting while remarks or objections are open asks first. */
static void
status_now (gpointer data)
{
  BalReviewPage *self = data;
  guint n_remarks, n_objections;

  if (g_strcmp0 (self->pending_status, "adopted") == 0)
    {
      bal_review_open_items (self->project, self->job_id, &n_remarks, &n_objections);
      if (n_remarks + n_objections > 0)
        {
          g_autofree char *remarks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open remark", "%u open remarks", n_remarks), n_remarks);
          g_autofree char *objections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open objection", "%u open objections", n_objections), n_objections);
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                      _("Adopt With Open Points?"), NULL);

          /* TRANSLATORS: "2 open remarks and 1 open objection" */
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                          _("This grading has %s and %s. Adopting it now means they are settled without the grading changing."),
                                          remarks, objections);
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "adopt", _("_Adopt Anyway"), NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "adopt", ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          g_signal_connect (dialog, "response", G_CALLBACK (adopt_response), self);
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }
    }

  record_status (self);
}

static void
status_clicked (GtkButton     *button,
                BalReviewPage *self)
{
  g_free (self->pending_status);
  self->pending_status = g_strdup (g_object_get_data (G_OBJECT (button), "status"));
  bal_author_dialog_ensure (GTK_WIDGET (self), self->project, status_now, self);
}

static void
objection_now (gpointer data)
{
  BalReviewPage *self = data;
  g_autoptr(GError) error = NULL;
  const char *action = self->pending_status;
  const char *note = self->status_note ? gtk_editable_get_text (GTK_EDITABLE (self->status_note)) : "";
  gboolean ok;

  if (g_strcmp0 (action, "advice") == 0)
    ok = bal_objection_set_advice (self->project, self->pending_objection,
                                   gtk_editable_get_text (GTK_EDITABLE (self->advice_members)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->advice_text)), NULL, &error);
  else if (g_strcmp0 (action, "appeal") == 0)
    ok = bal_objection_set_appeal (self->project, self->pending_objection, TRUE, &error);
  else
    ok = bal_objection_decide (self->project, self->pending_objection, action, note, &error);

  if (!ok)
    show_error (self, error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Objection updated")));
}

static void
objection_clicked (GtkButton     *button,
                   BalReviewPage *self)
{
  g_free (self->pending_status);
  self->pending_status = g_strdup (g_object_get_data (G_OBJECT (button), "action"));
  self->pending_objection = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "objection"));
  bal_author_dialog_ensure (GTK_WIDGET (self), self->project, objection_now, self);
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             BalReviewPage     *self)
{
  int pages = bal_notice_doc_paginate (self->notice, gtk_print_context_get_cairo_context (context),
                                       gtk_print_context_get_width (context), gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, pages);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           BalReviewPage     *self)
{
  bal_notice_doc_draw_page (self->notice, gtk_print_context_get_cairo_context (context),
                            gtk_print_context_get_width (context), gtk_print_context_get_height (context), page);
}

/* The notice, printed or saved as PDF through the print dialog, drawn by
 * the same code as balans-cli notice. */
static void
print_notice_now (gpointer data)
{
  BalReviewPage *self = data;
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;

  self->notice = bal_notice_doc_new (self->project, self->job_id, &error);
  if (self->notice == NULL)
    {
      show_error (self, error);
      return;
    }

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Notice of grading"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), self);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error);

  g_clear_pointer (&self->notice, bal_notice_doc_free);
}

static void
print_notice_clicked (BalReviewPage *self)
{
  bal_author_dialog_ensure (GTK_WIDGET (self), self->project, print_notice_now, self);
}

static gboolean
rebuild_idle (gpointer data)
{
  BalReviewPage *self = data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

/* The page is rebuilt after the signal that asked for it: the widget that
 * sent it is part of what goes. */
static void
queue_rebuild (BalReviewPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

static void
job_chosen (GtkDropDown   *dropdown,
            GParamSpec    *pspec,
            BalReviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->rebuilding || selected >= self->job_ids->len)
    return;

  self->job_id = g_array_index (self->job_ids, gint64, selected);
  queue_rebuild (self);
}

static GtkWidget *
jobs_dropdown (BalReviewPage *self,
               GPtrArray     *jobs,
               gint64         selected_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) titles = NULL;
  GtkWidget *dropdown;
  guint selected = 0;

  for (guint i = 0; i < jobs->len; i++)
    {
      BalJob *job = g_ptr_array_index (jobs, i);

      g_strv_builder_add (builder, job->title);
      if (job->id == selected_id)
        selected = i;
    }
  titles = g_strv_builder_end (builder);
  dropdown = gtk_drop_down_new_from_strings ((const char * const *)titles);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);

  return dropdown;
}

static void
rebuild (BalReviewPage *self)
{
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) remarks = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GPtrArray) job_objections = NULL;
  g_autoptr(BalDecision) decision = NULL;
  g_autofree char *status = NULL;
  GtkWidget *child, *group, *row, *button, *box;

  if (self->rebuilding)
    return;
  self->rebuilding = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  self->remark_job = NULL;
  self->remark_text = NULL;
  self->status_note = NULL;
  self->advice_members = NULL;
  self->advice_text = NULL;
  g_array_set_size (self->job_ids, 0);

  if (self->project == NULL || (jobs = bal_jobs_list (self->project, NULL, NULL)) == NULL)
    {
      self->rebuilding = FALSE;
      return;
    }

  for (guint i = 0; i < jobs->len; i++)
    g_array_append_val (self->job_ids, ((BalJob *)g_ptr_array_index (jobs, i))->id);
  if (self->job_id == 0 && jobs->len > 0)
    self->job_id = ((BalJob *)g_ptr_array_index (jobs, 0))->id;

  /* The page's title, and who records what is done here. */
  {
    const char *name = bal_project_get_author (self->project);
    g_autofree char *who = name
      ? g_strdup_printf (_("You record as %s (%s)."), name, bal_review_role_label (bal_project_get_author_role (self->project)))
      : g_strdup (_("Balans asks your name and role before you record anything."));

    child = gtk_label_new (_("Review"));
    gtk_widget_add_css_class (child, "title-1");
    gtk_widget_set_halign (child, GTK_ALIGN_START);
    gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review"), -1);
    gtk_box_append (self->content, child);
    child = gtk_label_new (self->review
                           ? _("This project is open for review: you can make remarks and lodge objections; everything else is the evaluator’s.")
                           : _("Statuses, objections and remarks of every job, and what happened to each, in words."));
    gtk_label_set_wrap (GTK_LABEL (child), TRUE);
    gtk_label_set_xalign (GTK_LABEL (child), 0);
    gtk_widget_add_css_class (child, "dim-label");
    gtk_box_append (self->content, child);
    child = gtk_label_new (who);
    gtk_label_set_wrap (GTK_LABEL (child), TRUE);
    gtk_label_set_xalign (GTK_LABEL (child), 0);
    gtk_box_append (self->content, child);
  }

  /* Who signed the log, and where it ends: for the minutes. */
  {
    g_autoptr(GPtrArray) signers = bal_audit_signers (self->project, NULL);
    g_autofree char *head = bal_audit_head_fingerprint (self->project);
    BalIdentity *me = bal_project_get_identity (self->project, NULL);
    GPtrArray *findings = bal_project_get_findings (self->project);

    group = group_new (self->content, _("Signatures"),
                       findings->len > 0
                         ? _("This project was changed outside Balans: see the banner above. The fingerprints below identify who signed each change; compare them with the ones the senders give you.")
                         : _("Every change is signed by its author. Write down the fingerprint of the log’s last entry to check later that nothing was changed or taken away."));
    row = row_new (_("Last entry of the audit log"), head ? head : _("No entries yet"));
    gtk_widget_set_name (row, "audit-head");
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    for (guint i = 0; signers != NULL && i < signers->len; i++)
      {
        BalSigner *signer = g_ptr_array_index (signers, i);
        g_autofree char *title = me != NULL && g_strcmp0 (bal_identity_get_fingerprint (me), signer->fingerprint) == 0
          ? g_strdup_printf (_("%s (you)"), signer->name)
          : g_strdup (signer->name);
        g_autofree char *subtitle = g_strdup_printf (_("Key fingerprint %s"), signer->fingerprint);

        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row_new (title, subtitle));
      }
  }

  /* Across the project: what is still open; overdue objections first. */
  objections = bal_objection_list (self->project, 0, TRUE, NULL);
  group = group_new (self->content, _("Open Objections"),
                     objections && objections->len ? NULL : _("No objection is waiting for the employer’s decision."));
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; objections != NULL && i < objections->len; i++)
      {
        BalObjection *o = g_ptr_array_index (objections, i);
        g_autofree char *subtitle = NULL;

        if (o->overdue != (pass == 0))
          continue;
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s · lodged by %s (%s) on %s, %d day open · decision due %s\n“%s”",
                                                 "%s · lodged by %s (%s) on %s, %d days open · decision due %s\n“%s”",
                                                 o->days_open),
                                    bal_objection_state_label (o), o->author, bal_review_role_label (o->role),
                                    o->lodged, o->days_open, o->due ? o->due : "", o->reasons);
        row = row_new (o->job_title, subtitle);
        adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name (o->overdue ? "dialog-error-symbolic" : "dialog-warning-symbolic"));
        if (o->overdue)
          gtk_widget_add_css_class (row, "error");
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      }

  remarks = bal_review_remarks (self->project, 0, TRUE, NULL);
  group = group_new (self->content, _("Open Remarks"), remarks && remarks->len ? NULL : _("No remark is open."));
  for (guint i = 0; remarks != NULL && i < remarks->len; i++)
    {
      BalRemark *remark = g_ptr_array_index (remarks, i);
      g_autofree char *subtitle = g_strdup_printf (_("%s (%s) about “%s”, %.10s"), remark->author,
                                                   bal_review_role_label (remark->role), remark->job_title, remark->created);

      row = row_new (remark->text, subtitle);
      button = gtk_button_new_with_mnemonic (_("_Resolve"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "remark", GSIZE_TO_POINTER (remark->id));
      g_signal_connect (button, "clicked", G_CALLBACK (resolve_clicked), self);
      gtk_widget_set_sensitive (button, !self->review);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (jobs->len == 0)
    {
      self->rebuilding = FALSE;
      return;
    }

  /* A new remark. */
  group = group_new (self->content, _("Add a Remark"), NULL);
  row = row_new (_("Job"), NULL);
  self->remark_job = GTK_DROP_DOWN (jobs_dropdown (self, jobs, self->job_id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->remark_job));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->remark_text = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->remark_text), _("Remark"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->remark_text));
  button = gtk_button_new_with_mnemonic (_("_Add Remark"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_remark_clicked), self);
  gtk_box_append (self->content, button);

  /* One job: its status, history, remarks and audit trail. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  child = gtk_label_new (_("Review trail of"));
  gtk_widget_add_css_class (child, "title-3");
  gtk_box_append (GTK_BOX (box), child);
  child = jobs_dropdown (self, jobs, self->job_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Job"), -1);
  g_signal_connect (child, "notify::selected", G_CALLBACK (job_chosen), self);
  gtk_box_append (GTK_BOX (box), child);
  gtk_box_append (self->content, box);

  status = bal_review_status (self->project, self->job_id, NULL);
  decision = bal_grading_latest (self->project, self->job_id, NULL);
  group = group_new (self->content, _("Status"), bal_review_status_explanation (status, decision != NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             row_new (_("Now"), bal_review_job_status_label (status, decision != NULL)));
  self->status_note = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_note), _("Note, or the reasons of an objection"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->status_note));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 6);
  for (guint i = 0; i < 6; i++)
    {
      static const char * const targets[] = { "proposed", "adopted", "draft", "objected", "upheld", "revised" };
      static const char * const labels[] = { N_("Propose"), N_("Adopt"), N_("Back to Draft"), N_("Lodge Objection"), N_("Uphold Decision"), N_("Revised") };

      gboolean objection = g_strcmp0 (targets[i], "objected") == 0;

      /* Objections go through the procedure below: upheld and revised are the employer's decision there. */
      if (g_strcmp0 (targets[i], "upheld") == 0 || g_strcmp0 (targets[i], "revised") == 0)
        continue;
      if (objection ? (g_strcmp0 (status, "proposed") != 0 && g_strcmp0 (status, "adopted") != 0)
                    : (!bal_review_allowed (status, targets[i]) || self->review))
        continue;
      button = gtk_button_new_with_label (_(labels[i]));
      g_object_set_data (G_OBJECT (button), "status", (gpointer)targets[i]);
      g_signal_connect (button, "clicked", G_CALLBACK (status_clicked), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  if (decision != NULL)
    {
      button = gtk_button_new_with_mnemonic (_("_Print Notice…"));
      gtk_widget_set_tooltip_text (button, _("The notice to the job’s holders: grade, salary scale, reasons and how to object. Print it or save it as PDF."));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (print_notice_clicked), self);
      gtk_widget_set_hexpand (button, TRUE);
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_box_append (self->content, box);

  /* The job's objections as a procedure. */
  job_objections = bal_objection_list (self->project, self->job_id, FALSE, NULL);
  for (guint i = 0; job_objections != NULL && i < job_objections->len; i++)
    {
      BalObjection *o = g_ptr_array_index (job_objections, i);
      g_autofree char *title = g_strdup_printf (_("Objection by %s, %s"), o->author, o->lodged);
      g_autofree char *description = g_strdup_printf (_("%s. Against the %s grading. Last day to object: %s. Decision due: %s. %d days open."),
                                                      bal_objection_state_label (o),
                                                      g_strcmp0 (o->against, "adopted") == 0 ? _("adopted") : _("proposed"),
                                                      o->deadline, o->due ? o->due : "", o->days_open);

      group = group_new (self->content, title, description);
      if (o->overdue)
        gtk_widget_add_css_class (group, "error");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row_new (_("Reasons"), o->reasons));
      if (o->committee_date != NULL)
        {
          g_autofree char *advice = g_strdup_printf ("%s\n%s · %s", o->committee_advice, o->committee_members, o->committee_date);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row_new (_("Committee’s advice"), advice));
        }
      if (o->outcome != NULL)
        {
          g_autofree char *outcome = g_strdup_printf ("%s\n%s · %s%s", bal_objection_state_label (o), o->decided_by, o->decided,
                                                      o->appeal ? _(" · an external appeal followed") : "");

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row_new (_("Employer’s decision"), *o->outcome_note ? o->outcome_note : outcome));
        }
      if (self->review)
        continue;

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      if (o->outcome == NULL)
        {
          static const char * const actions[] = { "advice", "upheld", "revised" };
          static const char * const labels[] = { N_("Record Advice"), N_("Uphold Grading"), N_("Grading Revised") };

          if (o->committee_date == NULL && self->advice_members == NULL)
            {
              self->advice_members = ADW_ENTRY_ROW (adw_entry_row_new ());
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->advice_members), _("Committee members"));
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->advice_members));
              self->advice_text = ADW_ENTRY_ROW (adw_entry_row_new ());
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->advice_text), _("Committee’s advice"));
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->advice_text));
            }
          for (guint a = o->committee_date != NULL || self->advice_text == NULL ? 1 : 0; a < 3; a++)
            {
              button = gtk_button_new_with_label (_(labels[a]));
              gtk_widget_set_tooltip_text (button, a == 0 ? NULL : _("The employer’s decision; the note above says why"));
              g_object_set_data (G_OBJECT (button), "action", (gpointer)actions[a]);
              g_object_set_data (G_OBJECT (button), "objection", GSIZE_TO_POINTER (o->id));
              g_signal_connect (button, "clicked", G_CALLBACK (objection_clicked), self);
              gtk_box_append (GTK_BOX (box), button);
            }
        }
      else if (!o->appeal)
        {
          button = gtk_button_new_with_label (_("External Appeal Followed"));
          g_object_set_data (G_OBJECT (button), "action", (gpointer)"appeal");
          g_object_set_data (G_OBJECT (button), "objection", GSIZE_TO_POINTER (o->id));
          g_signal_connect (button, "clicked", G_CALLBACK (objection_clicked), self);
          gtk_box_append (GTK_BOX (box), button);
        }
      gtk_box_append (self->content, box);
    }

  history = bal_review_history (self->project, self->job_id, NULL);
  group = group_new (self->content, _("Status History"), history && history->len ? NULL : _("Still a draft."));
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      BalStatusChange *change = g_ptr_array_index (history, i);
      g_autofree char *who = change->role && *change->role
        ? g_strdup_printf ("%s (%s)", change->actor, bal_review_role_label (change->role))
        : g_strdup (change->actor);
      g_autofree char *subtitle = *change->note
        ? g_strdup_printf ("%s · %.10s · %s", who, change->at, change->note)
        : g_strdup_printf ("%s · %.10s", who, change->at);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row_new (bal_review_status_label (change->status), subtitle));
    }

  g_clear_pointer (&remarks, g_ptr_array_unref);
  remarks = bal_review_remarks (self->project, self->job_id, FALSE, NULL);
  group = group_new (self->content, _("Remarks"), remarks && remarks->len ? NULL : _("No remarks about this job."));
  for (guint i = 0; remarks != NULL && i < remarks->len; i++)
    {
      BalRemark *remark = g_ptr_array_index (remarks, i);
      g_autofree char *subtitle = g_strdup_printf (remark->resolved ? _("%s (%s), %.10s · resolved") : _("%s (%s), %.10s · open"),
                                                   remark->author, bal_review_role_label (remark->role), remark->created);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row_new (remark->text, subtitle));
    }

  sentences = bal_audit_sentences (self->project, self->job_id, NULL);
  group = group_new (self->content, _("Audit Trail"),
                     _("Everything that happened to the job, newest first, from the signed audit log. It cannot be edited."));
  for (guint i = 0; sentences != NULL && i < sentences->len; i++)
    {
      BalAuditSentence *sentence = g_ptr_array_index (sentences, sentences->len - 1 - i);
      GtkWidget *label = gtk_label_new (sentence->text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
    }

  self->rebuilding = FALSE;
}

static void
project_changed (BalReviewPage *self,
                 const char    *what)
{
  if (g_strcmp0 (what, "review") == 0 || g_strcmp0 (what, "jobs") == 0 || g_strcmp0 (what, "decisions") == 0 ||
      g_strcmp0 (what, "handbook") == 0)
    queue_rebuild (self);
}

void
bal_review_page_set_project (BalReviewPage *self,
                             BalProject    *project,
                             gboolean       review)
{
  g_return_if_fail (BAL_IS_REVIEW_PAGE (self));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  self->review = review;
  self->job_id = 0;
  if (project != NULL)
    {
      /* The name and role set in Balans, for everything recorded in this project. */
      bal_author_apply (project);
      g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed), self);
    }

  rebuild (self);
}

/* Shows @job_id's status, objections and audit trail. */
void
bal_review_page_show_job (BalReviewPage *self,
                          gint64         job_id)
{
  g_return_if_fail (BAL_IS_REVIEW_PAGE (self));

  self->job_id = job_id;
  rebuild (self);
}

static void
bal_review_page_dispose (GObject *object)
{
  BalReviewPage *self = (BalReviewPage *)object;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->project);
  g_clear_pointer (&self->job_ids, g_array_unref);
  g_clear_pointer (&self->pending_status, g_free);
  g_clear_pointer (&self->notice, bal_notice_doc_free);

  G_OBJECT_CLASS (bal_review_page_parent_class)->dispose (object);
}

static void
bal_review_page_class_init (BalReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_review_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, content);
}

static void
bal_review_page_init (BalReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->job_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}
