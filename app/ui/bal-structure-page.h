/* bal-structure-page.h: the job structure (functiegebouw) and the consistency findings
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_STRUCTURE_PAGE (bal_structure_page_get_type ())

G_DECLARE_FINAL_TYPE (BalStructurePage, bal_structure_page, BAL, STRUCTURE_PAGE, AdwBin)

BalProject *bal_structure_page_get_project  (BalStructurePage *self);
void        bal_structure_page_set_project  (BalStructurePage *self,
                                             BalProject       *project);
gboolean    bal_structure_page_get_loading  (BalStructurePage *self);

G_END_DECLS
