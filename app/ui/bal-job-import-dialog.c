/* bal-job-import-dialog.c: a client's job list, previewed and imported
 *
 * Shows what bal_job_import_read() found in a CSV file before anything is
 * written: the encoding and separator, which column fills which field, the
 * jobs by line and every problem by line. Import writes all the jobs or
 * none, and is possible only when the file has no problems.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-job-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-job-import.h"
#include "bal-job-import-dialog.h"
#include "bal-window.h"

struct _BalJobImportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  AdwPreferencesGroup  *columns_group;
  GtkLabel             *problems_heading;
  GtkWidget            *problems_window;
  GtkStringList        *problems;
  GtkLabel             *rows_heading;
  GtkStringList        *rows;

  /* Owned */
  BalProject           *project;
  BalJobImport         *import;
};

G_DEFINE_FINAL_TYPE (BalJobImportDialog, bal_job_import_dialog, ADW_TYPE_WINDOW)

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ';':
      return _("semicolons");
    case ',':
      return _("commas");
    case '\t':
      return _("tabs");
    default:
      return "?";
    }
}

static char *
row_text (BalJobImportRow *row)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Line %u: %s"), row->line, row->title);
  if (row->department != NULL && *row->department != '\0')
    g_string_append_printf (text, " · %s", row->department);
  if (row->reports_to != NULL && *row->reports_to != '\0')
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, _("reports to %s"), row->reports_to);
    }
  if (row->incumbents > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d incumbent", "%d incumbents", row->incumbents),
                              row->incumbents);
    }

  return g_string_free (text, FALSE);
}

static void
show_import (BalJobImportDialog *self)
{
  BalJobImport *import = self->import;
  g_autofree char *description = NULL;
  g_autofree char *rows_heading = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  {
    g_autofree char *name = g_path_get_basename (import->file);

    adw_window_title_set_subtitle (self->window_title, name);
  }

  description = g_strdup_printf (_("Read as %s, the fields separated by %s."),
                                 import->encoding, delimiter_name (import->delimiter));
  adw_preferences_group_set_description (self->columns_group, description);
  for (BalJobField field = 0; field < BAL_JOB_N_FIELDS; field++)
    {
      GtkWidget *row = adw_action_row_new ();
      int column = import->columns[field];
      g_autofree char *subtitle = NULL;

      if (column >= 0 && import->headers != NULL && (guint)column < g_strv_length (import->headers))
        subtitle = g_strdup_printf (_("From the column “%s”"), import->headers[column]);
      else
        subtitle = g_strdup (_("Not in the file"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bal_job_field_label (field));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->columns_group, row);
    }

  /* The lists can be long: their strings are made here once and shown by
   * recycled rows. */
  for (guint i = 0; i < import->problems->len; i++)
    g_ptr_array_add (texts, g_strdup (((BalJobImportProblem *)g_ptr_array_index (import->problems, i))->message));
  g_ptr_array_add (texts, NULL);
  gtk_string_list_splice (self->problems, 0, 0, (const char * const *)texts->pdata);
  g_ptr_array_set_size (texts, 0);

  for (guint i = 0; i < import->rows->len; i++)
    g_ptr_array_add (texts, row_text (g_ptr_array_index (import->rows, i)));
  g_ptr_array_add (texts, NULL);
  gtk_string_list_splice (self->rows, 0, 0, (const char * const *)texts->pdata);

  if (import->problems->len > 0)
    {
      g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u problem: no job is imported until the file is corrected",
                                                               "%u problems: no job is imported until the file is corrected",
                                                               import->problems->len),
                                                  import->problems->len);

      gtk_label_set_text (self->problems_heading, heading);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_heading), import->problems->len > 0);
  gtk_widget_set_visible (self->problems_window, import->problems->len > 0);

  rows_heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u job in the file", "%u jobs in the file",
                                               import->rows->len),
                                  import->rows->len);
  gtk_label_set_text (self->rows_heading, rows_heading);

  gtk_widget_set_sensitive (self->import_button, import->problems->len == 0 && import->rows->len > 0);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_clicked (BalJobImportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  guint added;

  added = bal_job_import_apply (self->project, self->import, &error);
  if (error != NULL)
    {
      show_error (GTK_WINDOW (self), _("No Job Was Imported"), error->message);
      return;
    }

  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u job imported", "%u jobs imported", added), added);
  if (BAL_IS_WINDOW (parent))
    bal_window_add_toast (BAL_WINDOW (parent), adw_toast_new (done));
  gtk_window_close (GTK_WINDOW (self));
}

/* Reads @file and shows what it would bring into @project; when it cannot
 * be read at all, says why instead. */
void
bal_job_import_dialog_present (GtkWindow  *parent,
                               BalProject *project,
                               GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BalJobImport) import = NULL;
  BalJobImportDialog *self;

  g_return_if_fail (BAL_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  import = bal_job_import_read (project, file, &error);
  if (import == NULL)
    {
      show_error (parent, _("Could Not Read the Job List"), error->message);
      return;
    }

  self = g_object_new (BAL_TYPE_JOB_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->import = g_steal_pointer (&import);
  show_import (self);
  gtk_window_present (GTK_WINDOW (self));
}

static void
bal_job_import_dialog_dispose (GObject *object)
{
  BalJobImportDialog *self = (BalJobImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_JOB_IMPORT_DIALOG);
  g_clear_object (&self->project);
  g_clear_pointer (&self->import, bal_job_import_free);

  G_OBJECT_CLASS (bal_job_import_dialog_parent_class)->dispose (object);
}

static void
bal_job_import_dialog_class_init (BalJobImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_job_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-job-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BalJobImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BalJobImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, BalJobImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, BalJobImportDialog, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, BalJobImportDialog, problems_window);
  gtk_widget_class_bind_template_child (widget_class, BalJobImportDialog, problems);
  gtk_widget_class_bind_template_child (widget_class, BalJobImportDialog, rows_heading);
  gtk_widget_class_bind_template_child (widget_class, BalJobImportDialog, rows);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bal_job_import_dialog_init (BalJobImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
