/* bal-review.h: statuses, objections and remarks: the works council's review
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_REVIEW_ERROR (bal_review_error_quark ())

typedef enum
{
  BAL_REVIEW_ERROR_TRANSITION,
  BAL_REVIEW_ERROR_INVALID,
} BalReviewError;

typedef struct
{
  gint64  id;
  gint64  job_id;
  char   *status;
  char   *note;
  char   *actor;
  char   *at;
  char   *role;     /* the author's role; empty before schema step 8 */
} BalStatusChange;

typedef struct
{
  gint64  id;
  gint64  job_id;
  char   *job_title;
  char   *author;
  char   *role;
  char   *text;
  char   *created;
  char   *resolved;     /* NULL while open */
  char   *resolved_by;
} BalRemark;

GQuark      bal_review_error_quark     (void);

const char *bal_review_status_label    (const char  *status);
const char *bal_review_job_status_label (const char *status,
                                        gboolean    graded);
const char *bal_review_role_label      (const char  *role);
gboolean    bal_review_is_status       (const char  *status);
gboolean    bal_review_is_role         (const char  *role);
gboolean    bal_review_allowed         (const char  *from,
                                        const char  *to);

char       *bal_review_status          (BalProject  *project,
                                        gint64       job_id,
                                        GError     **error);
gboolean    bal_review_set_status      (BalProject  *project,
                                        gint64       job_id,
                                        const char  *status,
                                        const char  *note,
                                        GError     **error);
GPtrArray  *bal_review_history         (BalProject  *project,
                                        gint64       job_id,
                                        GError     **error);
gint64      bal_review_add_remark      (BalProject  *project,
                                        gint64       job_id,
                                        const char  *role,
                                        const char  *author,
                                        const char  *text,
                                        GError     **error);
gboolean    bal_review_resolve_remark  (BalProject  *project,
                                        gint64       remark_id,
                                        GError     **error);
GPtrArray  *bal_review_remarks         (BalProject  *project,
                                        gint64       job_id,
                                        gboolean     open_only,
                                        GError     **error);
GPtrArray  *bal_review_objections      (BalProject  *project,
                                        GError     **error);

const char *bal_review_status_explanation (const char *status,
                                        gboolean    graded);
void        bal_review_open_items      (BalProject  *project,
                                        gint64       job_id,
                                        guint       *n_remarks,
                                        guint       *n_objections);

void        bal_status_change_free     (BalStatusChange *change);
void        bal_remark_free            (BalRemark       *remark);

G_END_DECLS
