/* bal-notice.h: the notice (indelingsbrief) to the holders of a job
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_NOTICE_ERROR (bal_notice_error_quark ())

typedef enum
{
  BAL_NOTICE_ERROR_NOT_GRADED,
  BAL_NOTICE_ERROR_WRITE,
} BalNoticeError;

/* A4 in points, the unit of a PDF surface. */
#define BAL_NOTICE_A4_WIDTH  595.2756
#define BAL_NOTICE_A4_HEIGHT 841.8898

typedef struct
{
  gint64  id;            /* 0: not recorded (a project open for review) */
  gint64  job_id;
  gint64  decision_id;
  char   *issued;        /* YYYY-MM-DD */
  char   *deadline;      /* the last day to object */
  char   *author;
  char   *role;
} BalNotice;

typedef struct _BalNoticeDoc BalNoticeDoc;

GQuark         bal_notice_error_quark     (void);

BalNotice     *bal_notice_issue           (BalProject    *project,
                                           gint64         job_id,
                                           GError       **error);
BalNotice     *bal_notice_latest          (BalProject    *project,
                                           gint64         job_id,
                                           GError       **error);

BalNoticeDoc  *bal_notice_doc_new         (BalProject    *project,
                                           gint64         job_id,
                                           GError       **error);
int            bal_notice_doc_paginate    (BalNoticeDoc  *doc,
                                           cairo_t       *cr,
                                           double         width,
                                           double         height);
void           bal_notice_doc_draw_page   (BalNoticeDoc  *doc,
                                           cairo_t       *cr,
                                           double         width,
                                           double         height,
                                           int            page);
void           bal_notice_doc_free        (BalNoticeDoc  *doc);

gboolean       bal_notice_write_pdf       (BalProject    *project,
                                           gint64         job_id,
                                           GFile         *out,
                                           GError       **error);

void           bal_notice_free            (BalNotice     *notice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalNotice, bal_notice_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalNoticeDoc, bal_notice_doc_free)

G_END_DECLS
