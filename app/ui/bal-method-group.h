/* bal-method-group.h: the project's salary scales and objection period, edited
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_METHOD_GROUP (bal_method_group_get_type ())

G_DECLARE_FINAL_TYPE (BalMethodGroup, bal_method_group, BAL, METHOD_GROUP, AdwPreferencesGroup)

void bal_method_group_set_project (BalMethodGroup *self,
                                   BalProject     *project,
                                   gboolean        editable);

G_END_DECLS
