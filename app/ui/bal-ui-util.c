/* bal-ui-util.c: small helpers the widgets share (functions only, no class)
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-ui-util"

#include "config.h"

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>
#include <stdio.h>

#include "bal-ui-util.h"

/* A message dialog over the window of @widget with a Close button, not yet
 * presented (the caller may add an extra child). */
GtkWidget *
bal_ui_message_dialog (GtkWidget  *widget,
                       const char *heading,
                       const char *body)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (heading != NULL, NULL);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  return dialog;
}

/* An error that has no field to stand beside: a dialog over the window of
 * @widget, which stays until it is read. Toasts are for confirmations. */
void
bal_ui_show_error (GtkWidget    *widget,
                   const char   *heading,
                   const GError *error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL);

  gtk_window_present (GTK_WINDOW (bal_ui_message_dialog (widget, heading, error != NULL ? error->message : NULL)));
}

/* A confirmation in @overlay, gone after five seconds. Errors go in a
 * dialog or beside their field, never in a toast. */
void
bal_ui_confirm (AdwToastOverlay *overlay,
                const char      *message)
{
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (overlay, toast);
}

/* Marks @field with the error style and shows @text in @message beside it;
 * @text NULL clears both. */
void
bal_ui_mark_invalid (GtkWidget  *field,
                     GtkLabel   *message,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (field));

  if (text != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");

  if (message != NULL)
    {
      gtk_label_set_text (message, text ? text : "");
      gtk_widget_set_visible (GTK_WIDGET (message), text != NULL);
    }
}

/* "2026-10-20" (or a timestamp starting so) as the user reads a date:
 * "20 oktober 2026" in Dutch; anything else as it is. */
char *
bal_ui_format_date (const char *iso)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      (date = g_date_time_new_local (year, month, day, 0, 0, 0)) == NULL)
    return g_strdup (iso ? iso : "");

  return g_strstrip (g_date_time_format (date, "%e %B %Y"));
}

/* Gives the system back what a worker freed. glibc keeps what a thread
 * frees in that thread's arena, where no other thread reuses it: after
 * each reading of twenty thousand jobs, the app's memory stayed that much
 * higher, and the next reading's peak came on top. */
void
bal_ui_release_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

/* Shows @text in @note, a wrapped label in a group of rows, or hides it
 * when @text is NULL. It stands for the group's description:
 * AdwPreferencesGroup's own is laid out a score of times for each width,
 * for the reason bal-text-row.c gives. */
void
bal_ui_set_note (GtkLabel   *note,
                 const char *text)
{
  gtk_label_set_text (note, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (note), text != NULL && *text != '\0');
}

/* Binds @target_property of @target, in the row of @list_item, to
 * @source_property of @source, its item, until the row is unbound by
 * bal_ui_list_item_unbind(). */
void
bal_ui_list_item_bind (GtkListItem *list_item,
                       gpointer     source,
                       const char  *source_property,
                       gpointer     target,
                       const char  *target_property)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (list_item), "bal-bindings");

  if (bindings == NULL)
    {
      bindings = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (list_item), "bal-bindings", bindings, (GDestroyNotify)g_ptr_array_unref);
    }
  g_ptr_array_add (bindings, g_object_bind_property (source, source_property, target, target_property,
                                                     G_BINDING_SYNC_CREATE));
}

/* A GtkSignalListItemFactory's "unbind": drops the row's bindings. */
void
bal_ui_list_item_unbind (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (list_item), "bal-bindings");

  for (guint i = 0; bindings != NULL && i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_object_set_data (G_OBJECT (list_item), "bal-bindings", NULL);
}
