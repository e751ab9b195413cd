/* bal-handbook-item.h: one row of the handbook list: a family or a reference function
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BAL_TYPE_HANDBOOK_ITEM (bal_handbook_item_get_type ())

G_DECLARE_FINAL_TYPE (BalHandbookItem, bal_handbook_item, BAL, HANDBOOK_ITEM, GObject)

BalHandbookItem *bal_handbook_item_new_family              (const char      *family);
BalHandbookItem *bal_handbook_item_new_reference           (const char      *code,
                                                            const char      *title,
                                                            const char      *family,
                                                            const char      *grade,
                                                            const char      *alternative_titles);
gboolean         bal_handbook_item_is_family               (BalHandbookItem *self);
const char      *bal_handbook_item_get_code                (BalHandbookItem *self);
const char      *bal_handbook_item_get_title               (BalHandbookItem *self);
const char      *bal_handbook_item_get_family              (BalHandbookItem *self);
const char      *bal_handbook_item_get_grade               (BalHandbookItem *self);
const char      *bal_handbook_item_get_alternative_titles  (BalHandbookItem *self);
void             bal_handbook_item_set_alternative_titles  (BalHandbookItem *self,
                                                            const char      *alternative_titles);

G_END_DECLS
