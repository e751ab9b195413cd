/* bal-description.h: versions of a job's description, seen and agreed
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_DESCRIPTION_ERROR (bal_description_error_quark ())

typedef enum
{
  BAL_DESCRIPTION_ERROR_INVALID,
  BAL_DESCRIPTION_ERROR_NOT_FOUND,
} BalDescriptionError;

typedef struct
{
  char *kind;   /* "seen" or "agreed" */
  char *name;
  char *role;
  char *at;
} BalSignoff;

typedef struct
{
  gint64     id;
  gint64     job_id;
  int        version;
  char      *description;
  char      *activities;
  char      *author;
  char      *created;
  GPtrArray *signoffs;  /* BalSignoff, oldest first */
} BalDescription;

GQuark          bal_description_error_quark  (void);

gint64          bal_description_snapshot     (BalProject      *project,
                                              gint64           job_id,
                                              GError         **error);
GPtrArray      *bal_description_versions     (BalProject      *project,
                                              gint64           job_id,
                                              GError         **error);
BalDescription *bal_description_get          (BalProject      *project,
                                              gint64           description_id,
                                              GError         **error);
gboolean        bal_description_sign         (BalProject      *project,
                                              gint64           description_id,
                                              const char      *kind,
                                              const char      *name,
                                              GError         **error);
gboolean        bal_description_is_signed    (BalDescription  *description,
                                              const char      *kind);
char           *bal_description_grading_warning (BalProject   *project,
                                              gint64           job_id,
                                              GError         **error);

void            bal_signoff_free             (BalSignoff      *signoff);
void            bal_description_free         (BalDescription  *description);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalDescription, bal_description_free)

G_END_DECLS
