/* bal-objection.h: an objection against a grading, as a procedure
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_OBJECTION_ERROR (bal_objection_error_quark ())

typedef enum
{
  BAL_OBJECTION_ERROR_INVALID,
  BAL_OBJECTION_ERROR_NOT_FOUND,
  BAL_OBJECTION_ERROR_STATE,
} BalObjectionError;

typedef struct
{
  gint64    id;
  gint64    job_id;
  char     *job_title;
  gint64    decision_id;
  char     *against;            /* "proposed" or "adopted" */
  char     *author;
  char     *role;
  char     *reasons;
  char     *lodged;             /* YYYY-MM-DD */
  char     *deadline;           /* the last day to object, from the notice */
  char     *due;                /* the day the employer is to have decided by */
  char     *committee_members;
  char     *committee_advice;
  char     *committee_date;     /* NULL: no advice yet */
  char     *outcome;            /* NULL while open; "upheld" or "revised" */
  char     *outcome_note;
  char     *decided;
  char     *decided_by;
  gboolean  appeal;             /* an external appeal followed */
  int       days_open;          /* from lodging to the employer's decision, or to today */
  gboolean  overdue;            /* open after its due date */
  gboolean  late;               /* lodged after the deadline */
} BalObjection;

GQuark        bal_objection_error_quark  (void);

gint64        bal_objection_lodge        (BalProject   *project,
                                          gint64        job_id,
                                          const char   *name,
                                          const char   *reasons,
                                          const char   *lodged,
                                          GError      **error);
gboolean      bal_objection_set_advice   (BalProject   *project,
                                          gint64        objection_id,
                                          const char   *members,
                                          const char   *advice,
                                          const char   *date,
                                          GError      **error);
gboolean      bal_objection_decide       (BalProject   *project,
                                          gint64        objection_id,
                                          const char   *outcome,
                                          const char   *note,
                                          GError      **error);
gboolean      bal_objection_set_appeal   (BalProject   *project,
                                          gint64        objection_id,
                                          gboolean      appeal,
                                          GError      **error);
GPtrArray    *bal_objection_list         (BalProject   *project,
                                          gint64        job_id,
                                          gboolean      open_only,
                                          GError      **error);
BalObjection *bal_objection_get          (BalProject   *project,
                                          gint64        objection_id,
                                          GError      **error);
const char   *bal_objection_state_label  (BalObjection *objection);

char         *bal_date_today             (void);
char         *bal_date_add_days          (const char   *date,
                                          int           days);
int           bal_date_days_between      (const char   *from,
                                          const char   *to);

void          bal_objection_free         (BalObjection *objection);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalObjection, bal_objection_free)

G_END_DECLS
