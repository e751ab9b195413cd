/* bal-handbook.h: the handbook inside a project: method, reference functions, search
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-importer.h"
#include "bal-method.h"
#include "bal-project.h"

G_BEGIN_DECLS

#define BAL_HANDBOOK_ERROR (bal_handbook_error_quark ())

typedef enum
{
  BAL_HANDBOOK_ERROR_NO_HANDBOOK,
  BAL_HANDBOOK_ERROR_NOT_FOUND,
  BAL_HANDBOOK_ERROR_INVALID,
} BalHandbookError;

/* A reference function's level on one characteristic. */
typedef struct
{
  char     *characteristic_id;
  char     *characteristic_name;
  int       level;
  int       levels;
  gboolean  derived;
} BalProfileEntry;

/* A reference function as stored: every field of the document, the family
 * by name, and the profile per characteristic of the handbook. */
typedef struct
{
  gint64           id;
  BalReferenceDoc *doc;
  GPtrArray       *profile;
} BalReference;

/* One row of a listing or a search. */
typedef struct
{
  gint64  id;
  char   *code;
  char   *title;
  char   *family;
  char   *grade;
  char   *alternative_titles;
  double  rank;
} BalReferenceSummary;

/* The outcome of importing one file. */
typedef struct
{
  char      *file;
  GPtrArray *imported;  /* BalReferenceDoc, with their warnings */
  GPtrArray *errors;    /* BalImportMessage */
} BalImportReport;

GQuark        bal_handbook_error_quark            (void);

gboolean      bal_handbook_has_handbook           (BalProject   *project);
gboolean      bal_handbook_store_method           (BalProject   *project,
                                                   BalMethod    *method,
                                                   GError      **error);
BalMethod    *bal_handbook_load_method            (BalProject   *project,
                                                   GError      **error);
gboolean      bal_handbook_store_references       (BalProject   *project,
                                                   BalMethod    *method,
                                                   GPtrArray    *docs,
                                                   GError      **error);
gboolean      bal_handbook_load_demo              (BalProject   *project,
                                                   GError      **error);

BalImportResult *bal_handbook_parse_file          (GFile        *file,
                                                   const char * const *grades,
                                                   GCancellable *cancellable);
BalImportReport *bal_handbook_import              (BalProject   *project,
                                                   GFile        *file,
                                                   BalImportResult *parsed,
                                                   GError      **error);

GPtrArray    *bal_handbook_list_families          (BalProject   *project,
                                                   GError      **error);
GPtrArray    *bal_handbook_search                 (BalProject   *project,
                                                   const char   *text,
                                                   const char   *family,
                                                   GError      **error);
GHashTable   *bal_handbook_reference_families     (BalProject   *project,
                                                   GError      **error);
BalReference *bal_handbook_get_reference          (BalProject   *project,
                                                   const char   *code,
                                                   GError      **error);
gboolean      bal_handbook_set_profile_level      (BalProject   *project,
                                                   const char   *code,
                                                   const char   *characteristic_id,
                                                   int           level,
                                                   GError      **error);
gboolean      bal_handbook_set_alternative_titles (BalProject   *project,
                                                   const char   *code,
                                                   const char * const *titles,
                                                   GError      **error);
char         *bal_handbook_fts_query              (const char   *text,
                                                   gboolean      match_all);

void          bal_reference_free                  (BalReference *reference);
void          bal_reference_summary_free          (BalReferenceSummary *summary);
void          bal_import_report_free              (BalImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalReference, bal_reference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalReferenceSummary, bal_reference_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalImportReport, bal_import_report_free)

/* Called before file @done (0-based) of @total is read. */
typedef void (*BalHandbookParseProgress) (guint    done,
                                          guint    total,
                                          gpointer user_data);

void       bal_handbook_parse_files_async   (GListModel               *files,
                                             const char * const       *grades,
                                             BalHandbookParseProgress  progress,
                                             gpointer                  progress_data,
                                             GDestroyNotify            progress_notify,
                                             GCancellable             *cancellable,
                                             GAsyncReadyCallback       callback,
                                             gpointer                  user_data);
GPtrArray *bal_handbook_parse_files_finish  (GAsyncResult             *result,
                                             GError                  **error);

G_END_DECLS
