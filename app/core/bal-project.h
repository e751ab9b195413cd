/* bal-project.h: one project file (*.balans), an SQLite database
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bal-identity.h"

G_BEGIN_DECLS

#define BAL_PROJECT_ERROR (bal_project_error_quark ())

typedef enum
{
  BAL_PROJECT_ERROR_FAILED,
  BAL_PROJECT_ERROR_NOT_FOUND,
  BAL_PROJECT_ERROR_EXISTS,
  BAL_PROJECT_ERROR_NOT_A_PROJECT,
  BAL_PROJECT_ERROR_NEWER_VERSION,
  BAL_PROJECT_ERROR_CORRUPT,
  BAL_PROJECT_ERROR_READ_ONLY,
  BAL_PROJECT_ERROR_INVALID,
  BAL_PROJECT_ERROR_BUSY,
  BAL_PROJECT_ERROR_UNTRUSTED,
} BalProjectError;

/* Something in a project that Balans did not write: found when the file is
 * opened or checked. @audit_id and @job_id are 0 when it is about neither. */
typedef struct
{
  gint64  audit_id;
  gint64  job_id;
  char   *message;
} BalIntegrityFinding;

void          bal_integrity_finding_free       (BalIntegrityFinding *finding);

/* "BALS": marks a SQLite file as a Balans project. */
#define BAL_PROJECT_APPLICATION_ID 0x42414c53

#define BAL_TYPE_PROJECT (bal_project_get_type ())

G_DECLARE_FINAL_TYPE (BalProject, bal_project, BAL, PROJECT, GObject)

GQuark        bal_project_error_quark          (void);
int           bal_project_latest_version       (void);

BalProject   *bal_project_create               (GFile        *file,
                                                const char   *organisation,
                                                GError      **error);
BalProject   *bal_project_open                 (GFile        *file,
                                                GError      **error);
BalProject   *bal_project_open_read_only       (GFile        *file,
                                                GError      **error);
BalProject   *bal_project_open_for_reading     (GFile        *file,
                                                GError      **error);
BalProject   *bal_project_open_for_review      (GFile        *file,
                                                GError      **error);
void          bal_project_close                (BalProject   *self);

GFile        *bal_project_get_file             (BalProject   *self);
const char   *bal_project_get_path             (BalProject   *self);
char         *bal_project_dup_display_name     (BalProject   *self);
int           bal_project_get_schema_version   (BalProject   *self);
char         *bal_project_dup_organisation     (BalProject   *self);
gboolean      bal_project_set_organisation     (BalProject   *self,
                                                const char   *organisation,
                                                GError      **error);

BalIdentity  *bal_project_get_identity         (BalProject   *self,
                                                GError      **error);

typedef struct
{
  char *organisation;
  char *created;
  char *modified;
  char *handbook;
  int   schema_version;
  int   n_references;
  int   n_jobs;
  int   n_decisions;
} BalProjectSummary;

BalProjectSummary *bal_project_get_summary     (BalProject   *self,
                                                GError      **error);
void          bal_project_summary_free         (BalProjectSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalProjectSummary, bal_project_summary_free)

const char   *bal_project_get_actor            (BalProject   *self);
void          bal_project_set_actor            (BalProject   *self,
                                                const char   *actor);
void          bal_project_set_author           (BalProject   *self,
                                                const char   *name,
                                                const char   *role);
const char   *bal_project_get_author           (BalProject   *self);
const char   *bal_project_get_author_role      (BalProject   *self);
gboolean      bal_project_require_author       (BalProject   *self,
                                                GError      **error);
void          bal_project_set_review_mode      (BalProject   *self,
                                                gboolean      review);
gboolean      bal_project_get_review_mode      (BalProject   *self);
gboolean      bal_project_is_read_only         (BalProject   *self);
const char   *bal_project_get_uuid             (BalProject   *self);
gboolean      bal_project_is_review_copy       (BalProject   *self);
gboolean      bal_project_send_for_review      (BalProject   *self,
                                                GError      **error);
gboolean      bal_project_leave_review         (BalProject   *self,
                                                GError      **error);
GPtrArray    *bal_project_get_findings         (BalProject   *self);
gboolean      bal_project_verify_integrity     (BalProject   *self,
                                                GError      **error);
void          bal_project_verify_integrity_async (BalProject          *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean      bal_project_verify_integrity_finish (BalProject    *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);
gboolean      bal_project_job_has_finding      (BalProject   *self,
                                                gint64        job_id);

char         *bal_now_iso8601                  (void);
char         *bal_fold                         (const char   *text);

G_END_DECLS
