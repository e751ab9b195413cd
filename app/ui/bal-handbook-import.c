/* bal-handbook-import.c: one import of handbook documents: choose, read off the main thread, store, report
 *
 * The documents are read in a worker (bal_handbook_parse_files_async); what
 * they hold is stored here, on the main thread, because the store is a
 * write on the project's connection. The page that starts an import shows
 * its progress (the "fraction" and "text" properties) and its report.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-handbook-import"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-handbook.h"
#include "bal-handbook-import.h"
#include "bal-ui-util.h"

struct _BalHandbookImport
{
  GObject     parent_instance;

  /* Owned */
  BalProject *project;
  GPtrArray  *files;       /* GFile */
  GListStore *file_list;   /* the same, as the worker wants them */
  char       *text;
  GString    *report;
  double      fraction;
  guint       n_imported;
  guint       n_failed;
};

G_DEFINE_FINAL_TYPE (BalHandbookImport, bal_handbook_import, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Lets the user pick the documents of a handbook; @callback gets them. */
void
bal_handbook_import_choose_files (GtkWidget      *parent,
                                  BalFilesChosen  callback,
                                  gpointer        user_data)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_WIDGET (parent));

  gtk_file_filter_set_name (filter, _("Handbook documents (text, Markdown)"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "md");

  bal_choose_files (GTK_WINDOW (gtk_widget_get_root (parent)), BAL_CHOOSE_OPEN_MULTIPLE,
                    _("Import Reference Functions"), _("_Import"), filter, NULL,
                    callback, user_data);
}

BalHandbookImport *
bal_handbook_import_new (BalProject *project,
                         GListModel *files)
{
  BalHandbookImport *self;

  g_return_val_if_fail (BAL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  self = g_object_new (BAL_TYPE_HANDBOOK_IMPORT, NULL);
  self->project = g_object_ref (project);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      g_ptr_array_add (self->files, g_object_ref (file));
      g_list_store_append (self->file_list, file);
    }

  return self;
}

/* Before each document: in the main context, while the import runs. */
static void
import_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  BalHandbookImport *self = user_data;

  g_free (self->text);
  self->text = g_strdup_printf (_("Reading document %u of %u"), MIN (done + 1, total), total);
  self->fraction = total > 0 ? (double)done / total : 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
append_message (GString          *report,
                const char       *kind,
                BalImportMessage *message)
{
  if (message->line > 0)
    g_string_append_printf (report, _("  %s, line %u: %s\n"), kind, message->line, message->message);
  else
    g_string_append_printf (report, "  %s: %s\n", kind, message->message);
}

/* Stores what one document holds, and says so in the report. */
static void
store_one (BalHandbookImport *self,
           GFile             *file,
           BalImportResult   *parsed)
{
  g_autoptr(BalImportReport) file_report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  g_string_append_printf (self->report, "%s\n", name);
  file_report = bal_handbook_import (self->project, file, parsed, &error);
  if (file_report == NULL)
    {
      g_string_append_printf (self->report, "  %s\n", error->message);
      self->n_failed++;
      return;
    }

  for (guint j = 0; j < file_report->imported->len; j++)
    {
      BalReferenceDoc *doc = g_ptr_array_index (file_report->imported, j);

      g_string_append_printf (self->report, _("  Imported %s %s, grade %s\n"), doc->code, doc->title, doc->grade);
      for (guint k = 0; k < doc->warnings->len; k++)
        append_message (self->report, _("Warning"), g_ptr_array_index (doc->warnings, k));
    }
  for (guint j = 0; j < file_report->errors->len; j++)
    append_message (self->report, _("Error"), g_ptr_array_index (file_report->errors, j));
  if (file_report->imported->len == 0)
    {
      g_string_append (self->report, _("  Nothing was imported from this document.\n"));
      self->n_failed++;
    }
  self->n_imported += file_report->imported->len;
}

static void
parsed (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BalHandbookImport *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) results = NULL;
  GError *error = NULL;

  results = bal_handbook_parse_files_finish (result, &error);
  if (results == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The store is a write on the project's connection: here, on the main
   * thread, never in the worker. */
  for (guint i = 0; i < results->len && i < self->files->len; i++)
    store_one (self, g_ptr_array_index (self->files, i), g_ptr_array_index (results, i));

  g_task_return_boolean (task, TRUE);
}

/* Reads the documents in a worker thread, then stores what they hold. */
void
bal_handbook_import_run_async (BalHandbookImport   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(BalMethod) method = NULL;

  g_return_if_fail (BAL_IS_HANDBOOK_IMPORT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bal_handbook_import_run_async);

  method = bal_handbook_load_method (self->project, NULL);
  bal_handbook_parse_files_async (G_LIST_MODEL (self->file_list),
                                  method ? (const char * const *)method->grades : NULL,
                                  import_progress, g_object_ref (self), g_object_unref,
                                  cancellable, parsed, g_steal_pointer (&task));
}

gboolean
bal_handbook_import_run_finish (BalHandbookImport  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bal_handbook_import_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

double
bal_handbook_import_get_fraction (BalHandbookImport *self)
{
  g_return_val_if_fail (BAL_IS_HANDBOOK_IMPORT (self), 0);

  return self->fraction;
}

const char *
bal_handbook_import_get_text (BalHandbookImport *self)
{
  g_return_val_if_fail (BAL_IS_HANDBOOK_IMPORT (self), NULL);

  return self->text;
}

guint
bal_handbook_import_get_n_imported (BalHandbookImport *self)
{
  g_return_val_if_fail (BAL_IS_HANDBOOK_IMPORT (self), 0);

  return self->n_imported;
}

guint
bal_handbook_import_get_n_failed (BalHandbookImport *self)
{
  g_return_val_if_fail (BAL_IS_HANDBOOK_IMPORT (self), 0);

  return self->n_failed;
}

/* What was imported and what was not, a document a paragraph. */
const char *
bal_handbook_import_get_report (BalHandbookImport *self)
{
  g_return_val_if_fail (BAL_IS_HANDBOOK_IMPORT (self), NULL);

  return self->report->str;
}

/* The report in a dialog over @parent's window. */
void
bal_handbook_import_present_report (BalHandbookImport *self,
                                    GtkWidget         *parent)
{
  g_autofree char *summary = NULL;
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  g_return_if_fail (BAL_IS_HANDBOOK_IMPORT (self));
  g_return_if_fail (GTK_IS_WIDGET (parent));

  if (self->n_failed > 0)
    summary = g_strdup_printf (_("Reference functions imported: %u. Documents not imported: %u."),
                               self->n_imported, self->n_failed);
  else
    summary = g_strdup_printf (_("Reference functions imported: %u."), self->n_imported);

  dialog = bal_ui_message_dialog (parent, _("Import Report"), summary);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  label = gtk_label_new (self->report->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bal_handbook_import_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BalHandbookImport *self = BAL_HANDBOOK_IMPORT (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_handbook_import_finalize (GObject *object)
{
  BalHandbookImport *self = (BalHandbookImport *)object;

  g_clear_object (&self->project);
  g_clear_object (&self->file_list);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->text, g_free);
  g_string_free (self->report, TRUE);

  G_OBJECT_CLASS (bal_handbook_import_parent_class)->finalize (object);
}

static void
bal_handbook_import_class_init (BalHandbookImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bal_handbook_import_finalize;
  object_class->get_property = bal_handbook_import_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bal_handbook_import_init (BalHandbookImport *self)
{
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->file_list = g_list_store_new (G_TYPE_FILE);
  self->report = g_string_new (NULL);
}
