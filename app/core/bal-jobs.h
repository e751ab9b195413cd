/* bal-jobs.h: the organisation's jobs (bedrijfsfuncties)
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_JOBS_ERROR (bal_jobs_error_quark ())

typedef enum
{
  BAL_JOBS_ERROR_NOT_FOUND,
  BAL_JOBS_ERROR_INVALID,
  BAL_JOBS_ERROR_AMBIGUOUS,
} BalJobsError;

typedef struct
{
  gint64  id;
  char   *title;
  char   *department;
  gint64  reports_to;          /* 0 when none */
  int     incumbents;
  char   *description;
  char   *activities;
  int     questionnaire_step;
  int     answered;            /* questions answered */
  int     questions;           /* questions in the questionnaire */
} BalJob;

/* A job as lists show it: its row, its decision in force and its review
 * status, read in one query. The grade, the reference and the status are
 * interned strings: a dozen values among twenty thousand jobs. */
typedef struct
{
  BalJob     *job;              /* its description and activities are NULL */
  const char *grade;            /* NULL: not graded */
  const char *reference_code;
  const char *status;           /* the latest review status; "draft" when none */
} BalJobOverview;

GQuark      bal_jobs_error_quark   (void);

BalJob     *bal_job_new            (void);
void        bal_job_free           (BalJob      *job);
const char *bal_job_status_text    (BalJob      *job);

gint64      bal_jobs_add           (BalProject  *project,
                                    BalJob      *job,
                                    GError     **error);
gboolean    bal_jobs_update        (BalProject  *project,
                                    BalJob      *job,
                                    GError     **error);
BalJob     *bal_jobs_get           (BalProject  *project,
                                    gint64       id,
                                    GError     **error);
GPtrArray  *bal_jobs_list          (BalProject  *project,
                                    const char  *search,
                                    GError     **error);
gint64      bal_jobs_duplicate     (BalProject  *project,
                                    gint64       id,
                                    GError     **error);
gboolean    bal_jobs_delete        (BalProject  *project,
                                    gint64       id,
                                    GError     **error);
gboolean    bal_jobs_undelete      (BalProject  *project,
                                    gint64       id,
                                    GError     **error);
gint64      bal_jobs_find          (BalProject  *project,
                                    const char  *id_or_title,
                                    GError     **error);
gboolean    bal_jobs_set_step      (BalProject  *project,
                                    gint64       id,
                                    int          step,
                                    GError     **error);

void        bal_job_overview_free  (BalJobOverview *overview);
GPtrArray  *bal_jobs_overview      (BalProject  *project,
                                    const char  *search,
                                    GError     **error);
void        bal_jobs_overview_async  (BalProject          *project,
                                      const char          *search,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GPtrArray  *bal_jobs_overview_finish (BalProject    *project,
                                      GAsyncResult  *result,
                                      GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalJob, bal_job_free)

G_END_DECLS
