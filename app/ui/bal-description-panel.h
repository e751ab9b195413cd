/* bal-description-panel.h: a job description's versions, seen and agreed
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_DESCRIPTION_PANEL (bal_description_panel_get_type ())

G_DECLARE_FINAL_TYPE (BalDescriptionPanel, bal_description_panel, BAL, DESCRIPTION_PANEL, AdwBin)

GtkWidget *bal_description_panel_new           (void);
void       bal_description_panel_set_job       (BalDescriptionPanel *self,
                                                BalProject          *project,
                                                gint64               job_id);
void       bal_description_panel_set_read_only (BalDescriptionPanel *self,
                                                gboolean             read_only);

G_END_DECLS
