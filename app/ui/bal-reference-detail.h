/* bal-reference-detail.h: one reference function of the handbook, to read and edit
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_REFERENCE_DETAIL (bal_reference_detail_get_type ())

G_DECLARE_FINAL_TYPE (BalReferenceDetail, bal_reference_detail, BAL, REFERENCE_DETAIL, GtkWidget)

BalProject *bal_reference_detail_get_project             (BalReferenceDetail *self);
void        bal_reference_detail_set_project             (BalReferenceDetail *self,
                                                          BalProject         *project);
const char *bal_reference_detail_get_code                (BalReferenceDetail *self);
gboolean    bal_reference_detail_set_code                (BalReferenceDetail *self,
                                                          const char         *code);
gboolean    bal_reference_detail_get_editable            (BalReferenceDetail *self);
void        bal_reference_detail_set_editable            (BalReferenceDetail *self,
                                                          gboolean            editable);
gboolean    bal_reference_detail_is_saving               (BalReferenceDetail *self);

G_END_DECLS
