/* bal-grade-dialog.h: grade a job: candidates, comparison, decision
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_TYPE_GRADE_DIALOG (bal_grade_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BalGradeDialog, bal_grade_dialog, BAL, GRADE_DIALOG, AdwWindow)

BalGradeDialog *bal_grade_dialog_new            (GtkWindow      *parent,
                                                 BalProject     *project,
                                                 gint64          job_id);
void            bal_grade_dialog_compare        (BalGradeDialog *self,
                                                 const char     *code);
GtkWidget      *bal_grade_dialog_get_candidate  (BalGradeDialog *self,
                                                 const char     *code);

G_END_DECLS
