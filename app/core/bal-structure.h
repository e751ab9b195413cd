/* bal-structure.h: the job structure (functiegebouw): families by grades
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-project.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  job_id;
  char   *title;
  int     incumbents;
} BalStructureJob;

typedef struct
{
  GStrv       families;       /* rows */
  GStrv       grades;         /* columns, lowest first */
  GPtrArray **cells;          /* [family * n_grades + grade]: BalStructureJob */
  int        *jobs_per_grade;
  int        *incumbents_per_grade;
} BalStructure;

BalStructure *bal_structure_build  (BalProject   *project,
                                    GError      **error);
void          bal_structure_build_async  (BalProject          *project,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
BalStructure *bal_structure_build_finish (BalProject          *project,
                                          GAsyncResult        *result,
                                          GError             **error);
GPtrArray    *bal_structure_cell   (BalStructure *structure,
                                    guint         family,
                                    guint         grade);
void          bal_structure_free   (BalStructure *structure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalStructure, bal_structure_free)

G_END_DECLS
