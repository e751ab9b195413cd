/* bal-review-page.c: open remarks and objections, and per job its review trail
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-audit.h"
#include "bal-jobs.h"
#include "bal-review.h"
#include "bal-review-page.h"

static const char * const role_ids[] = { "works-council", "manager", "employee", "evaluator", NULL };

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
  GtkDropDown     *remark_role;
  AdwEntryRow     *remark_author;
  AdwEntryRow     *remark_text;
  AdwEntryRow     *status_note;
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
add_remark_clicked (BalReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  guint job = gtk_drop_down_get_selected (self->remark_job);
  guint role = gtk_drop_down_get_selected (self->remark_role);
  const char *author = gtk_editable_get_text (GTK_EDITABLE (self->remark_author));

  if (job >= self->job_ids->len)
    return;

  bal_project_set_actor (self->project, author);
  if (bal_review_add_remark (self->project, g_array_index (self->job_ids, gint64, job),
                             role_ids[MIN (role, 3)], author,
                             gtk_editable_get_text (GTK_EDITABLE (self->remark_text)), &error) == 0)
    show_error (self, error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Remark recorded")));
}

static void
status_clicked (GtkButton     *button,
                BalReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *status = g_object_get_data (G_OBJECT (button), "status");

  if (!bal_review_set_status (self->project, self->job_id, status,
                              gtk_editable_get_text (GTK_EDITABLE (self->status_note)), &error))
    show_error (self, error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (bal_review_status_label (status)));
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
  g_autofree char *status = NULL;
  g_autofree char *author = NULL;
  GtkWidget *child, *group, *row, *button, *box;
  const char *role_labels[5];

  if (self->rebuilding)
    return;
  self->rebuilding = TRUE;

  if (self->remark_author != NULL)
    author = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->remark_author)));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  self->remark_job = NULL;
  self->remark_role = NULL;
  self->remark_author = NULL;
  self->remark_text = NULL;
  self->status_note = NULL;
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

  /* Across the project: what is still open. */
  objections = bal_review_objections (self->project, NULL);
  group = group_new (self->content, _("Open Objections"),
                     objections && objections->len ? NULL : _("No objection is waiting for its outcome."));
  for (guint i = 0; objections != NULL && i < objections->len; i++)
    {
      BalStatusChange *change = g_ptr_array_index (objections, i);
      g_autoptr(BalJob) job = bal_jobs_get (self->project, change->job_id, NULL);
      g_autofree char *subtitle = g_strdup_printf (_("Lodged by %s on %.10s"), change->actor, change->at);

      row = row_new (job ? job->title : "", subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), job ? job->title : "");
      {
        g_autofree char *full = g_strdup_printf ("%s\n“%s”", subtitle, change->note);

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), full);
      }
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
  row = row_new (_("Role"), NULL);
  for (guint i = 0; i < 4; i++)
    role_labels[i] = bal_review_role_label (role_ids[i]);
  role_labels[4] = NULL;
  self->remark_role = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (role_labels));
  gtk_drop_down_set_selected (self->remark_role, self->review ? 0 : 3);
  gtk_widget_set_valign (GTK_WIDGET (self->remark_role), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->remark_role));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->remark_author = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->remark_author), _("Author"));
  gtk_editable_set_text (GTK_EDITABLE (self->remark_author), author ? author : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->remark_author));
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
  {
    g_autofree char *description = g_strdup_printf (_("Now: %s"), bal_review_status_label (status));

    group = group_new (self->content, _("Status"), description);
  }
  self->status_note = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_note), _("Note (required for an objection and for upholding)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->status_note));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 6);
  for (guint i = 0; i < 6; i++)
    {
      static const char * const targets[] = { "proposed", "adopted", "draft", "objected", "upheld", "revised" };
      static const char * const labels[] = { N_("Propose"), N_("Adopt"), N_("Back to Draft"), N_("Lodge Objection"), N_("Uphold Decision"), N_("Revised") };

      if (!bal_review_allowed (status, targets[i]) || (self->review && g_strcmp0 (targets[i], "objected") != 0))
        continue;
      button = gtk_button_new_with_label (_(labels[i]));
      g_object_set_data (G_OBJECT (button), "status", (gpointer)targets[i]);
      g_signal_connect (button, "clicked", G_CALLBACK (status_clicked), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_box_append (self->content, box);

  history = bal_review_history (self->project, self->job_id, NULL);
  group = group_new (self->content, _("Status History"), history && history->len ? NULL : _("Still a draft."));
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      BalStatusChange *change = g_ptr_array_index (history, i);
      g_autofree char *subtitle = *change->note
        ? g_strdup_printf ("%s · %.10s · %s", change->actor, change->at, change->note)
        : g_strdup_printf ("%s · %.10s", change->actor, change->at);

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

  audit = bal_audit_entries (self->project, self->job_id, NULL);
  group = group_new (self->content, _("Audit Trail"), _("Every change to the job, its answers, decisions, statuses and remarks. It cannot be edited."));
  for (guint i = 0; audit != NULL && i < audit->len; i++)
    {
      BalAuditEntry *entry = g_ptr_array_index (audit, audit->len - 1 - i);
      g_autofree char *title = g_strdup_printf ("%lld · %.19s · %s · %s %s", (long long)entry->id, entry->at, entry->actor, entry->action, entry->table_name);
      g_autofree char *subtitle = g_strdup_printf ("%s → %s", entry->old_value ? entry->old_value : "–",
                                                   entry->new_value ? entry->new_value : "–");

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row_new (title, subtitle));
    }

  self->rebuilding = FALSE;
}

static void
project_changed (BalReviewPage *self,
                 const char    *what)
{
  if (g_strcmp0 (what, "review") == 0 || g_strcmp0 (what, "jobs") == 0 || g_strcmp0 (what, "decisions") == 0)
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
    g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed), self);

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
