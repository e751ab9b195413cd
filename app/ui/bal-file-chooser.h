/* bal-file-chooser.h: open and save dialogs on GTK 4.8 and later
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the chosen files (a list of GFile, empty when cancelled). */
typedef void (*BalFilesChosen) (GListModel *files,
                                gpointer    user_data);

typedef enum
{
  BAL_CHOOSE_OPEN,
  BAL_CHOOSE_OPEN_MULTIPLE,
  BAL_CHOOSE_SAVE,
} BalChooseMode;

void bal_choose_files (GtkWindow      *parent,
                       BalChooseMode   mode,
                       const char     *title,
                       const char     *accept_label,
                       GtkFileFilter  *filter,
                       const char     *initial_name,
                       BalFilesChosen  callback,
                       gpointer        user_data);

G_END_DECLS
