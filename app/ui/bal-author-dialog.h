/* bal-author-dialog.h: asks who records, the first time Balans records anything
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_AUTHOR_DIALOG (bal_author_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BalAuthorDialog, bal_author_dialog, BAL, AUTHOR_DIALOG, AdwMessageDialog)

typedef void (*BalAuthorReady) (gpointer user_data);

extern const char * const bal_author_role_ids[];

gboolean bal_author_apply         (BalProject     *project);
void     bal_author_dialog_ensure (GtkWidget      *widget,
                                   BalProject     *project,
                                   BalAuthorReady  ready,
                                   gpointer        user_data);

G_END_DECLS
