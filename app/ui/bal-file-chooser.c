/* bal-file-chooser.c: open and save dialogs on GTK 4.8 and later
 *
 * GtkFileDialog exists from GTK 4.10; on 4.8 GtkFileChooserNative does the
 * same through the portal.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-file-chooser"

#include "config.h"

#include "bal-file-chooser.h"

typedef struct
{
  BalChooseMode  mode;
  BalFilesChosen callback;
  gpointer       user_data;
} Request;

/* Dialogs open in the user's documents, not in the directory Balans was
 * started from. */
static GFile *
initial_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

static void
finish (Request    *request,
        GListModel *files)
{
  if (files == NULL)
    {
      g_autoptr(GListStore) empty = g_list_store_new (G_TYPE_FILE);

      request->callback (G_LIST_MODEL (empty), request->user_data);
    }
  else
    request->callback (files, request->user_data);

  g_free (request);
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
dialog_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GtkFileDialog *dialog = GTK_FILE_DIALOG (object);
  Request *request = user_data;
  g_autoptr(GListModel) files = NULL;

  if (request->mode == BAL_CHOOSE_OPEN_MULTIPLE)
    files = gtk_file_dialog_open_multiple_finish (dialog, result, NULL);
  else
    {
      g_autoptr(GFile) file = NULL;

      if (request->mode == BAL_CHOOSE_SAVE)
        file = gtk_file_dialog_save_finish (dialog, result, NULL);
      else
        file = gtk_file_dialog_open_finish (dialog, result, NULL);

      if (file != NULL)
        {
          GListStore *store = g_list_store_new (G_TYPE_FILE);

          g_list_store_append (store, file);
          files = G_LIST_MODEL (store);
        }
    }

  finish (request, files);
}

void
bal_choose_files (GtkWindow      *parent,
                  BalChooseMode   mode,
                  const char     *title,
                  const char     *accept_label,
                  GtkFileFilter  *filter,
                  const char     *initial_name,
                  BalFilesChosen  callback,
                  gpointer        user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GFile) folder = initial_folder ();
  Request *request = g_new0 (Request, 1);

  request->mode = mode;
  request->callback = callback;
  request->user_data = user_data;

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_initial_folder (dialog, folder);
  if (filter != NULL)
    gtk_file_dialog_set_default_filter (dialog, filter);
  if (initial_name != NULL)
    gtk_file_dialog_set_initial_name (dialog, initial_name);

  switch (mode)
    {
    case BAL_CHOOSE_OPEN:
      gtk_file_dialog_open (dialog, parent, NULL, dialog_done, request);
      break;
    case BAL_CHOOSE_OPEN_MULTIPLE:
      gtk_file_dialog_open_multiple (dialog, parent, NULL, dialog_done, request);
      break;
    case BAL_CHOOSE_SAVE:
      gtk_file_dialog_save (dialog, parent, NULL, dialog_done, request);
      break;
    default:
      g_assert_not_reached ();
    }
}

#else

static void
native_response (GtkNativeDialog *native,
                 int              response,
                 gpointer         user_data)
{
  Request *request = user_data;
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_FILE);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          g_list_store_append (store, file);
        }
    }

  finish (request, G_LIST_MODEL (store));
  g_object_unref (native);
}

void
bal_choose_files (GtkWindow      *parent,
                  BalChooseMode   mode,
                  const char     *title,
                  const char     *accept_label,
                  GtkFileFilter  *filter,
                  const char     *initial_name,
                  BalFilesChosen  callback,
                  gpointer        user_data)
{
  GtkFileChooserNative *native;
  g_autoptr(GFile) folder = initial_folder ();
  Request *request = g_new0 (Request, 1);

  request->mode = mode;
  request->callback = callback;
  request->user_data = user_data;

  native = gtk_file_chooser_native_new (title, parent,
                                        mode == BAL_CHOOSE_SAVE ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), mode == BAL_CHOOSE_OPEN_MULTIPLE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);

  g_signal_connect (native, "response", G_CALLBACK (native_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif
