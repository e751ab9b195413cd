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
#include "bal-method-group.h"
#include "bal-notice.h"
#include "bal-objection.h"
#include "bal-objection-row.h"
#include "bal-remark-row.h"
#include "bal-review.h"
#include "bal-review-page.h"
#include "bal-text-row.h"
#include "bal-ui-util.h"

struct _BalReviewPage
{
  AdwBin           parent_instance;

  BalProject      *project;
  GSignalGroup    *project_signals;
  gboolean         review;
  BalJobList      *jobs;               /* every job, perhaps shared with other pages */
  gboolean         syncing;            /* the choosers follow a change of the list */
  gint64           job_id;
  guint            refresh_id;
  /* The open objections and remarks still to be put in their lists, a few
   * rows a frame, so that hundreds open never hold up the page. */
  GPtrArray       *open_objections;    /* BalObjection, overdue first */
  GPtrArray       *open_remarks;       /* BalRemark */
  guint            open_next;          /* across both, objections first */
  GHashTable      *open_expanded;      /* objection ids whose rows were opened */
  guint            open_tick_id;
  gboolean         all_open;           /* every open objection and remark shown */

  /* What an action records once the author is known */
  const char      *pending_status;     /* static string */
  gint64           pending_objection;
  char            *pending_members;
  char            *pending_advice;
  char            *pending_note;
  BalNoticeDoc    *notice;             /* while the notice is printed */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkLabel             *intro_label;
  GtkLabel             *who_label;
  AdwPreferencesGroup  *signatures_group;
  GtkLabel             *signatures_note;
  GtkListBox           *signers_list;
  AdwPreferencesGroup  *open_objections_group;
  GtkLabel             *open_objections_note;
  GtkListBox           *open_objections_list;
  AdwPreferencesGroup  *open_remarks_group;
  GtkLabel             *open_remarks_note;
  GtkListBox           *open_remarks_list;
  GtkWidget            *show_all_objections_button;
  GtkWidget            *show_all_remarks_button;
  GtkWidget            *job_box;
  GtkDropDown          *remark_job;
  AdwEntryRow          *remark_text;
  GtkWidget            *add_remark_button;
  GtkDropDown          *job_dropdown;
  GtkLabel             *status_explanation;
  BalTextRow           *now_row;
  AdwEntryRow          *status_note;
  GtkWidget            *propose_button;
  GtkWidget            *adopt_button;
  GtkWidget            *draft_button;
  GtkWidget            *object_button;
  GtkWidget            *print_button;
  GtkLabel             *job_objections_note;
  GtkListBox           *job_objections_list;
  GtkLabel             *history_note;
  GtkListBox           *history_list;
  GtkLabel             *job_remarks_note;
  GtkListBox           *job_remarks_list;
  GtkStringList        *audit_sentences;
  GtkListBox           *audit_list;
  BalMethodGroup       *method_group;
};

G_DEFINE_FINAL_TYPE (BalReviewPage, bal_review_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_REVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (BalReviewPage *self);

/* What was refused is said until it is read; toasts are for confirmations. */
static void
show_error (BalReviewPage *self,
            const GError  *error)
{
  bal_ui_show_error (GTK_WIDGET (self), _("Not recorded"), error);
}

static void
confirm (BalReviewPage *self,
         const char    *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = bal_text_row_new (title, subtitle);

  /* A line to read, not to act on: no stop for Tab. */
  gtk_widget_set_focusable (row, FALSE);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The objections whose rows in @list are opened, to open them again. */
static GHashTable *
expanded_objections (GtkListBox *list)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (BAL_IS_OBJECTION_ROW (child) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child)))
      g_hash_table_add (ids, g_memdup2 (&(gint64){ bal_objection_row_get_id (BAL_OBJECTION_ROW (child)) }, sizeof (gint64)));

  return ids;
}

/* A group with nothing in it says so in its note. */
static void
show_list (GtkLabel   *note,
           GtkListBox *list,
           const char *empty)
{
  gboolean any = gtk_widget_get_first_child (GTK_WIDGET (list)) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (list), any);
  bal_ui_set_note (note, any ? NULL : empty);
}

static gboolean
refresh_idle (gpointer data)
{
  BalReviewPage *self = data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* The lists are filled again after the signal that asked for it: the row
 * whose button sent it is among what goes. */
static void
queue_refresh (BalReviewPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
on_remark_resolve (BalReviewPage *self,
                   BalRemarkRow  *row)
{
  g_autoptr(GError) error = NULL;

  if (!bal_review_resolve_remark (self->project, bal_remark_row_get_id (row), &error))
    show_error (self, error);
}

static void
add_remark_now (gpointer data)
{
  BalReviewPage *self = data;
  g_autoptr(GError) error = NULL;
  BalJobItem *job = gtk_drop_down_get_selected_item (self->remark_job);

  if (self->project == NULL || job == NULL)
    return;

  if (bal_review_add_remark (self->project, bal_job_item_get_id (job), NULL, NULL,
                             gtk_editable_get_text (GTK_EDITABLE (self->remark_text)), &error) == 0)
    show_error (self, error);
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->remark_text), "");
      confirm (self, _("Remark recorded"));
    }
}

static void
on_add_remark_clicked (BalReviewPage *self)
{
  bal_author_dialog_ensure (GTK_WIDGET (self), self->project, add_remark_now, self);
}

static void
on_remark_changed (BalReviewPage *self)
{
  gtk_widget_set_sensitive (self->add_remark_button,
                            *gtk_editable_get_text (GTK_EDITABLE (self->remark_text)) != '\0');
}

static void
record_status (BalReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *status = self->pending_status;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->status_note));

  if (g_strcmp0 (status, "objected") == 0)
    {
      /* An objection is lodged as a procedure, against a proposed or an adopted grading. */
      if (bal_objection_lodge (self->project, self->job_id, NULL, note, NULL, &error) == 0)
        show_error (self, error);
      else
        {
          gtk_editable_set_text (GTK_EDITABLE (self->status_note), "");
          confirm (self, _("Objection lodged"));
        }
      return;
    }

  if (!bal_review_set_status (self->project, self->job_id, status, note, &error))
    show_error (self, error);
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->status_note), "");
      confirm (self, bal_review_status_label (status));
    }
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
          g_signal_connect_object (dialog, "response", G_CALLBACK (adopt_response), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }
    }

  record_status (self);
}

static void
ask_status (BalReviewPage *self,
            const char    *status)
{
  self->pending_status = status;
  bal_author_dialog_ensure (GTK_WIDGET (self), self->project, status_now, self);
}

static void
on_propose_clicked (BalReviewPage *self)
{
  ask_status (self, "proposed");
}

static void
on_adopt_clicked (BalReviewPage *self)
{
  ask_status (self, "adopted");
}

static void
on_draft_clicked (BalReviewPage *self)
{
  ask_status (self, "draft");
}

static void
on_object_clicked (BalReviewPage *self)
{
  ask_status (self, "objected");
}

static void
objection_now (gpointer data)
{
  BalReviewPage *self = data;
  g_autoptr(GError) error = NULL;
  const char *action = self->pending_status;
  gboolean ok;

  if (g_strcmp0 (action, "advice") == 0)
    ok = bal_objection_set_advice (self->project, self->pending_objection,
                                   self->pending_members, self->pending_advice, NULL, &error);
  else if (g_strcmp0 (action, "appeal") == 0)
    ok = bal_objection_set_appeal (self->project, self->pending_objection, TRUE, &error);
  else
    ok = bal_objection_decide (self->project, self->pending_objection, action, self->pending_note, &error);

  if (!ok)
    show_error (self, error);
  else
    confirm (self, _("Objection updated"));
}

static void
on_objection_action (BalReviewPage   *self,
                     const char      *action,
                     BalObjectionRow *row)
{
  static const char * const actions[] = { "advice", "upheld", "revised", "appeal" };

  self->pending_status = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (action, actions[i]) == 0)
      self->pending_status = actions[i];
  g_return_if_fail (self->pending_status != NULL);

  self->pending_objection = bal_objection_row_get_id (row);
  g_free (self->pending_members);
  self->pending_members = g_strdup (bal_objection_row_get_members (row));
  g_free (self->pending_advice);
  self->pending_advice = g_strdup (bal_objection_row_get_advice (row));
  g_free (self->pending_note);
  self->pending_note = g_strdup (bal_objection_row_get_note (row));
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
on_print_clicked (BalReviewPage *self)
{
  bal_author_dialog_ensure (GTK_WIDGET (self), self->project, print_notice_now, self);
}

static void
on_job_chosen (BalReviewPage *self)
{
  BalJobItem *job = gtk_drop_down_get_selected_item (self->job_dropdown);

  if (self->syncing || job == NULL || bal_job_item_get_id (job) == self->job_id)
    return;

  self->job_id = bal_job_item_get_id (job);
  gtk_drop_down_set_selected (self->remark_job, gtk_drop_down_get_selected (self->job_dropdown));
  queue_refresh (self);
}

/* The choosers' rows: a label each, made without a builder, since a
 * chooser keeps up to a few hundred rows of its twenty thousand jobs. */
static void
setup_job_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_list_item_set_child (item, label);
}

static void
bind_job_item (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  bal_ui_list_item_bind (item, gtk_list_item_get_item (item), "title", gtk_list_item_get_child (item), "label");
}

static GtkWidget *
create_sentence_row (gpointer item,
                     gpointer data)
{
  GtkWidget *label = gtk_label_new (gtk_string_object_get_string (item));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);   /* see bal-text-row.ui */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  return label;
}

static void
update_header (BalReviewPage *self)
{
  const char *name = self->project ? bal_project_get_author (self->project) : NULL;
  g_autofree char *who = name
    ? g_strdup_printf (_("You record as %s (%s)."), name, bal_review_role_label (bal_project_get_author_role (self->project)))
    : g_strdup (_("Balans asks your name and role before you record anything."));

  gtk_label_set_text (self->intro_label,
                      self->review
                        ? _("This project is open for review: you can make remarks and lodge objections; everything else is the evaluator’s.")
                        : _("Statuses, objections and remarks of every job, and what happened to each, in words."));
  gtk_label_set_text (self->who_label, who);
}

/* Who signed the log, and where it ends: for the minutes. */
static void
update_signatures (BalReviewPage *self)
{
  g_autoptr(GPtrArray) signers = bal_audit_signers (self->project, NULL);
  g_autofree char *head = bal_audit_head_fingerprint (self->project);
  BalIdentity *me = bal_project_get_identity (self->project, NULL);
  GPtrArray *findings = bal_project_get_findings (self->project);
  GtkWidget *row;

  bal_ui_set_note (self->signatures_note,
                   findings->len > 0
                     ? _("This project was changed outside Balans: see the banner above. The fingerprints below identify who signed each change; compare them with the ones the senders give you.")
                     : _("Every change is signed by its author. Write down the fingerprint of the log’s last entry to check later that nothing was changed or taken away."));
  clear_list (self->signers_list);
  row = row_new (_("Last entry of the audit log"), head ? head : _("No entries yet"));
  gtk_widget_set_name (row, "audit-head");
  gtk_list_box_append (self->signers_list, row);
  for (guint i = 0; signers != NULL && i < signers->len; i++)
    {
      BalSigner *signer = g_ptr_array_index (signers, i);
      g_autofree char *title = me != NULL && g_strcmp0 (bal_identity_get_fingerprint (me), signer->fingerprint) == 0
        ? g_strdup_printf (_("%s (you)"), signer->name)
        : g_strdup (signer->name);
      g_autofree char *subtitle = g_strdup_printf (_("Key fingerprint %s"), signer->fingerprint);

      gtk_list_box_append (self->signers_list, row_new (title, subtitle));
    }
}

/* Open objections and remarks shown until Show All: a row each costs its
 * widgets and their layout, which stalled the page for seconds with the
 * hundreds a project of twenty thousand jobs has open. */
#define OPEN_SHOWN 10

/* The group says how many there are when not all are shown. */
static void
show_capped (GtkLabel  *note,
             GtkWidget *show_all_button,
             guint      total,
             guint      shown)
{
  gboolean capped = shown < total;

  gtk_widget_set_visible (show_all_button, capped);
  if (capped)
    {
      g_autofree char *description = g_strdup_printf (ngettext ("%u open; the first %u are shown.",
                                                                "%u open; the first %u are shown.",
                                                                total),
                                                      total, shown);

      bal_ui_set_note (note, description);
    }
}

static void
on_show_all_open (BalReviewPage *self)
{
  self->all_open = TRUE;
  queue_refresh (self);
}

#define OPEN_ROWS_PER_FRAME 4

static void
stop_open_rows (BalReviewPage *self)
{
  if (self->open_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->open_tick_id);
  self->open_tick_id = 0;
  g_clear_pointer (&self->open_objections, g_ptr_array_unref);
  g_clear_pointer (&self->open_remarks, g_ptr_array_unref);
  g_clear_pointer (&self->open_expanded, g_hash_table_unref);
  self->open_next = 0;
}

/* A few of the open objections' and remarks' rows each frame: a row costs
 * its widgets and the layout of its wrapped lines. */
static gboolean
add_open_rows (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  BalReviewPage *self = BAL_REVIEW_PAGE (widget);

  for (guint n = 0; n < OPEN_ROWS_PER_FRAME; n++, self->open_next++)
    {
      guint i = self->open_next;
      GtkWidget *row;

      if (i < self->open_objections->len)
        {
          BalObjection *o = g_ptr_array_index (self->open_objections, i);

          row = bal_objection_row_new (o, TRUE, !self->review);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->open_expanded, &o->id));
          g_signal_connect_object (row, "action", G_CALLBACK (on_objection_action), self, G_CONNECT_SWAPPED);
          gtk_list_box_append (self->open_objections_list, row);
        }
      else if (i - self->open_objections->len < self->open_remarks->len)
        {
          row = bal_remark_row_new (g_ptr_array_index (self->open_remarks, i - self->open_objections->len),
                                    TRUE, !self->review);
          g_signal_connect_object (row, "resolve", G_CALLBACK (on_remark_resolve), self, G_CONNECT_SWAPPED);
          gtk_list_box_append (self->open_remarks_list, row);
        }
      else
        {
          self->open_tick_id = 0;
          stop_open_rows (self);
          return G_SOURCE_REMOVE;
        }
    }

  return G_SOURCE_CONTINUE;
}

/* A group says what is in it, or that nothing is. */
static void
show_count (GtkLabel   *note,
            GtkListBox *list,
            GtkWidget  *show_all_button,
            guint       total,
            guint       shown,
            const char *empty)
{
  gtk_widget_set_visible (GTK_WIDGET (list), shown > 0);
  bal_ui_set_note (note, shown > 0 ? NULL : empty);
  show_capped (note, show_all_button, total, shown);
}

/* Across the project: what is still open; overdue objections first. */
static void
update_open (BalReviewPage *self)
{
  guint limit = self->all_open ? G_MAXUINT : OPEN_SHOWN;
  g_autoptr(GPtrArray) objections = bal_objection_list (self->project, 0, TRUE, NULL);
  g_autoptr(GPtrArray) remarks = bal_review_remarks (self->project, 0, TRUE, NULL);
  g_autoptr(GHashTable) expanded = expanded_objections (self->open_objections_list);
  guint n_objections = objections != NULL ? objections->len : 0;
  guint n_remarks = remarks != NULL ? remarks->len : 0;

  /* Rows opened before, and not yet put back, stay opened. */
  if (self->open_expanded != NULL)
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, self->open_expanded);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_hash_table_add (expanded, g_memdup2 (id, sizeof (gint64)));
    }
  stop_open_rows (self);
  clear_list (self->open_objections_list);
  clear_list (self->open_remarks_list);

  self->open_objections = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_objection_free);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_objections; i++)
      {
        BalObjection *o = g_ptr_array_index (objections, i);

        if (o != NULL && o->overdue == (pass == 0) && self->open_objections->len < limit)
          g_ptr_array_add (self->open_objections, g_steal_pointer (&g_ptr_array_index (objections, i)));
      }
  self->open_remarks = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_remark_free);
  for (guint i = 0; i < n_remarks && i < limit; i++)
    g_ptr_array_add (self->open_remarks, g_steal_pointer (&g_ptr_array_index (remarks, i)));
  self->open_expanded = g_steal_pointer (&expanded);

  show_count (self->open_objections_note, self->open_objections_list, self->show_all_objections_button,
              n_objections, self->open_objections->len, _("No objection is waiting for the employer’s decision."));
  show_count (self->open_remarks_note, self->open_remarks_list, self->show_all_remarks_button,
              n_remarks, self->open_remarks->len, _("No remark is open."));

  if (self->open_objections->len + self->open_remarks->len > 0)
    self->open_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), add_open_rows, NULL, NULL);
  else
    stop_open_rows (self);
}

static void update_job (BalReviewPage *self);

/* The choosers show the window's list of jobs. When it changes, they keep
 * the job shown; until the job is in the list, it stays shown. */
static void
sync_jobs (BalReviewPage *self)
{
  GListModel *model = bal_job_list_get_model (self->jobs);
  guint n = g_list_model_get_n_items (model);
  guint position = self->job_id != 0 ? bal_job_list_find (self->jobs, self->job_id) : G_MAXUINT;
  gint64 before = self->job_id;

  self->syncing = FALSE;
  if (self->project == NULL)
    {
      gtk_widget_set_visible (self->job_box, FALSE);
      return;
    }
  if (position == G_MAXUINT && (self->job_id == 0 || !bal_job_list_get_loading (self->jobs)))
    {
      g_autoptr(BalJobItem) first = n > 0 ? g_list_model_get_item (model, 0) : NULL;

      position = 0;
      self->job_id = first != NULL ? bal_job_item_get_id (first) : 0;
    }
  if (position < n)
    {
      self->syncing = TRUE;
      if (gtk_drop_down_get_selected (self->job_dropdown) != position)
        gtk_drop_down_set_selected (self->job_dropdown, position);
      if (gtk_drop_down_get_selected (self->remark_job) != position)
        gtk_drop_down_set_selected (self->remark_job, position);
      self->syncing = FALSE;
    }

  gtk_widget_set_visible (self->job_box, self->project != NULL && (n > 0 || self->job_id != 0));
  if (self->job_id != before)
    update_job (self);
}

/* Before the choosers see the change: what they select meanwhile is not
 * the user's choice. */
static void
jobs_changing (BalReviewPage *self)
{
  self->syncing = TRUE;
}

/* The list of jobs to choose from, shared with the window's other pages. */
void
bal_review_page_set_job_list (BalReviewPage *self,
                              BalJobList    *jobs)
{
  GListModel *model;

  g_return_if_fail (BAL_IS_REVIEW_PAGE (self));
  g_return_if_fail (BAL_IS_JOB_LIST (jobs));

  if (self->jobs == jobs)
    return;

  if (self->jobs != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->jobs, self);
      g_signal_handlers_disconnect_by_data (bal_job_list_get_model (self->jobs), self);
    }
  g_set_object (&self->jobs, jobs);
  model = bal_job_list_get_model (jobs);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (jobs_changing), self);
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->job_dropdown, model);
  gtk_drop_down_set_model (self->remark_job, model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (sync_jobs), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_swapped (jobs, "notify::loading", G_CALLBACK (sync_jobs), self);
  if (self->project != NULL)
    bal_job_list_set_project (jobs, self->project);
  sync_jobs (self);
}

gboolean
bal_review_page_get_loading (BalReviewPage *self)
{
  g_return_val_if_fail (BAL_IS_REVIEW_PAGE (self), FALSE);

  return bal_job_list_get_loading (self->jobs) || self->open_tick_id != 0;
}

/* One job: its status, objections, history, remarks and audit trail. */
static void
update_job (BalReviewPage *self)
{
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(GHashTable) expanded = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) remarks = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(BalDecision) decision = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *status = NULL;
  gboolean can_object;

  if (self->job_id == 0 || self->project == NULL)
    return;

  status = bal_review_status (self->project, self->job_id, NULL);
  decision = bal_grading_latest (self->project, self->job_id, NULL);
  bal_ui_set_note (self->status_explanation, bal_review_status_explanation (status, decision != NULL));
  bal_text_row_set_subtitle (self->now_row, bal_review_job_status_label (status, decision != NULL));

  /* What the status allows is shown; what review mode forbids is insensitive. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->propose_button), bal_review_allowed (status, "proposed"));
  gtk_widget_set_visible (gtk_widget_get_parent (self->adopt_button), bal_review_allowed (status, "adopted"));
  gtk_widget_set_visible (gtk_widget_get_parent (self->draft_button), bal_review_allowed (status, "draft"));
  gtk_widget_set_sensitive (self->propose_button, !self->review);
  gtk_widget_set_sensitive (self->adopt_button, !self->review);
  gtk_widget_set_sensitive (self->draft_button, !self->review);
  can_object = g_strcmp0 (status, "proposed") == 0 || g_strcmp0 (status, "adopted") == 0;
  gtk_widget_set_visible (gtk_widget_get_parent (self->object_button), can_object);
  gtk_widget_set_visible (gtk_widget_get_parent (self->print_button), decision != NULL);

  objections = bal_objection_list (self->project, self->job_id, FALSE, NULL);
  expanded = expanded_objections (self->job_objections_list);
  clear_list (self->job_objections_list);
  for (guint i = 0; objections != NULL && i < objections->len; i++)
    {
      BalObjection *o = g_ptr_array_index (objections, i);
      GtkWidget *row = bal_objection_row_new (o, FALSE, !self->review);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (expanded, &o->id));

      g_signal_connect_object (row, "action", G_CALLBACK (on_objection_action), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->job_objections_list, row);
    }
  show_list (self->job_objections_note, self->job_objections_list, _("No objection against this job’s grading."));

  history = bal_review_history (self->project, self->job_id, NULL);
  clear_list (self->history_list);
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      BalStatusChange *change = g_ptr_array_index (history, i);
      g_autofree char *who = change->role && *change->role
        ? g_strdup_printf ("%s (%s)", change->actor, bal_review_role_label (change->role))
        : g_strdup (change->actor);
      g_autofree char *at = bal_ui_format_date (change->at);
      g_autofree char *subtitle = *change->note
        ? g_strdup_printf ("%s · %s · %s", who, at, change->note)
        : g_strdup_printf ("%s · %s", who, at);

      gtk_list_box_append (self->history_list, row_new (bal_review_status_label (change->status), subtitle));
    }
  show_list (self->history_note, self->history_list, _("Still a draft."));

  remarks = bal_review_remarks (self->project, self->job_id, FALSE, NULL);
  clear_list (self->job_remarks_list);
  for (guint i = 0; remarks != NULL && i < remarks->len; i++)
    {
      GtkWidget *row = bal_remark_row_new (g_ptr_array_index (remarks, i), FALSE, !self->review);

      g_signal_connect_object (row, "resolve", G_CALLBACK (on_remark_resolve), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->job_remarks_list, row);
    }
  show_list (self->job_remarks_note, self->job_remarks_list, _("No remarks about this job."));

  /* Newest first. */
  sentences = bal_audit_sentences (self->project, self->job_id, NULL);
  for (guint i = 0; sentences != NULL && i < sentences->len; i++)
    g_strv_builder_add (builder, ((BalAuditSentence *)g_ptr_array_index (sentences, sentences->len - 1 - i))->text);
  lines = g_strv_builder_end (builder);
  gtk_string_list_splice (self->audit_sentences, 0, g_list_model_get_n_items (G_LIST_MODEL (self->audit_sentences)),
                          (const char * const *)lines);
  gtk_widget_set_visible (GTK_WIDGET (self->audit_list), lines[0] != NULL);
}

static void
refresh (BalReviewPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  update_header (self);
  gtk_widget_set_visible (GTK_WIDGET (self->signatures_group), self->project != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->open_objections_group), self->project != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->open_remarks_group), self->project != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->method_group), self->project != NULL);
  if (self->project == NULL)
    {
      gtk_widget_set_visible (self->job_box, FALSE);
      return;
    }

  update_signatures (self);
  update_open (self);
  sync_jobs (self);
  update_job (self);
  bal_method_group_set_project (self->method_group, self->project,
                                !self->review && !bal_project_get_review_mode (self->project) &&
                                !bal_project_is_read_only (self->project));
}

static void
project_changed (BalReviewPage *self)
{
  queue_refresh (self);
}

static void
set_review (BalReviewPage *self,
            gboolean       review)
{
  if (self->review == review)
    return;

  self->review = review;
  if (self->project != NULL)
    queue_refresh (self);
  else
    update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
}

static void
set_project (BalReviewPage *self,
             BalProject    *project)
{
  if (!g_set_object (&self->project, project))
    return;

  g_signal_group_set_target (self->project_signals, project);
  stop_open_rows (self);
  self->job_id = 0;
  self->all_open = FALSE;
  bal_job_list_set_project (self->jobs, project);
  /* The name and role set in Balans, for everything recorded in this project. */
  if (project != NULL)
    bal_author_apply (project);
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
bal_review_page_set_project (BalReviewPage *self,
                             BalProject    *project,
                             gboolean       review)
{
  g_return_if_fail (BAL_IS_REVIEW_PAGE (self));
  g_return_if_fail (!project || BAL_IS_PROJECT (project));

  g_object_freeze_notify (G_OBJECT (self));
  set_review (self, review);
  set_project (self, project);
  g_object_thaw_notify (G_OBJECT (self));
  if (self->refresh_id != 0)
    refresh (self);
}

/* Shows @job_id's status, objections and audit trail. */
void
bal_review_page_show_job (BalReviewPage *self,
                          gint64         job_id)
{
  g_return_if_fail (BAL_IS_REVIEW_PAGE (self));

  self->job_id = job_id;
  refresh (self);
}

static void
bal_review_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BalReviewPage *self = BAL_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_REVIEW:
      g_value_set_boolean (value, self->review);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_review_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BalReviewPage *self = BAL_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      set_project (self, g_value_get_object (value));
      break;

    case PROP_REVIEW:
      set_review (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_review_page_dispose (GObject *object)
{
  BalReviewPage *self = (BalReviewPage *)object;

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  stop_open_rows (self);
  if (self->jobs != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->jobs, self);
      g_signal_handlers_disconnect_by_data (bal_job_list_get_model (self->jobs), self);
    }

  /* AdwBin unparents its child itself: it goes first, the template after. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_REVIEW_PAGE);

  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->jobs);
  g_clear_pointer (&self->pending_members, g_free);
  g_clear_pointer (&self->pending_advice, g_free);
  g_clear_pointer (&self->pending_note, g_free);
  g_clear_pointer (&self->notice, bal_notice_doc_free);

  G_OBJECT_CLASS (bal_review_page_parent_class)->dispose (object);
}

static void
bal_review_page_class_init (BalReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_review_page_dispose;
  object_class->get_property = bal_review_page_get_property;
  object_class->set_property = bal_review_page_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         BAL_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVIEW] =
    g_param_spec_boolean ("review", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BAL_TYPE_OBJECTION_ROW);
  g_type_ensure (BAL_TYPE_REMARK_ROW);
  g_type_ensure (BAL_TYPE_METHOD_GROUP);
  g_type_ensure (BAL_TYPE_TEXT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, who_label);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, signatures_group);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, signatures_note);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, signers_list);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, open_objections_group);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, open_objections_note);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, open_objections_list);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, open_remarks_group);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, open_remarks_note);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, open_remarks_list);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, job_box);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, remark_job);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, remark_text);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, add_remark_button);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, job_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, show_all_objections_button);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, show_all_remarks_button);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_open);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, status_explanation);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, now_row);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, status_note);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, propose_button);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, adopt_button);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, draft_button);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, object_button);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, job_objections_note);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, job_objections_list);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, history_note);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, job_remarks_note);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, job_remarks_list);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, audit_sentences);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, audit_list);
  gtk_widget_class_bind_template_child (widget_class, BalReviewPage, method_group);
  gtk_widget_class_bind_template_callback (widget_class, confirm);
  gtk_widget_class_bind_template_callback (widget_class, on_add_remark_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remark_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_job_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_propose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_adopt_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_object_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
}

static void
bal_review_page_init (BalReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkExpression) title = gtk_property_expression_new (BAL_TYPE_JOB_ITEM, NULL, "title");
    g_autoptr(BalJobList) jobs = bal_job_list_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_job_item), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_job_item), NULL);
    g_signal_connect (factory, "unbind", G_CALLBACK (bal_ui_list_item_unbind), NULL);
    gtk_drop_down_set_factory (self->job_dropdown, factory);
    gtk_drop_down_set_factory (self->remark_job, factory);
    /* Thousands of jobs: a search over their titles. */
    gtk_drop_down_set_expression (self->job_dropdown, title);
    gtk_drop_down_set_expression (self->remark_job, title);
    /* Its own list until the window gives the one its pages share. */
    bal_job_list_report_errors (jobs, GTK_WIDGET (self));
    bal_review_page_set_job_list (self, jobs);
  }
  gtk_list_box_bind_model (self->audit_list, G_LIST_MODEL (self->audit_sentences), create_sentence_row, NULL, NULL);

  self->project_signals = g_signal_group_new (BAL_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "changed::review", G_CALLBACK (project_changed), self);
  g_signal_group_connect_swapped (self->project_signals, "changed::jobs", G_CALLBACK (project_changed), self);
  g_signal_group_connect_swapped (self->project_signals, "changed::decisions", G_CALLBACK (project_changed), self);
  g_signal_group_connect_swapped (self->project_signals, "changed::handbook", G_CALLBACK (project_changed), self);
  g_signal_group_connect_swapped (self->project_signals, "changed::integrity", G_CALLBACK (project_changed), self);

  update_header (self);
  gtk_widget_set_visible (self->job_box, FALSE);
}
