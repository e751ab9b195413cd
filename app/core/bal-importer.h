/* bal-importer.h: reads reference functions from handbook documents
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Larger input is refused: no handbook document comes near it. */
#define BAL_IMPORTER_MAX_SIZE (4 * 1024 * 1024)

#define BAL_IMPORTER_ERROR (bal_importer_error_quark ())

typedef enum
{
  BAL_IMPORTER_ERROR_NOT_REGULAR,
  BAL_IMPORTER_ERROR_TOO_LARGE,
} BalImporterError;

typedef enum
{
  BAL_RULE_LIGHTER,
  BAL_RULE_EQUAL,
  BAL_RULE_HEAVIER,
  BAL_N_RULES
} BalRuleKind;

typedef struct
{
  char  *file;
  guint  line;
  char  *message;
} BalImportMessage;

typedef struct
{
  char      *label;
  char      *title;
  GPtrArray *items;  /* char * */
} BalActivityGroup;

typedef struct
{
  char     *condition;
  char     *grade;
  gboolean  grade_guessed;
} BalRule;

/* A level given in the document's Profiel section. */
typedef struct
{
  char *characteristic_name;
  int   level;
} BalProfileLevel;

typedef struct
{
  char      *file;
  guint      line;
  char      *code;
  char      *title;
  char      *family;
  char      *grade;
  char      *grade_range;
  char      *position;
  char      *purpose;
  char      *complexity;
  char      *autonomy;
  char      *risk;
  char      *physical;
  char      *context;
  GPtrArray *activities;          /* BalActivityGroup */
  GPtrArray *alternative_titles;  /* char * */
  char      *knowledge_level;
  int        span_min;
  int        span_max;
  BalRule    rules[BAL_N_RULES];
  GPtrArray *profile;             /* BalProfileLevel */
  GPtrArray *warnings;            /* BalImportMessage */
} BalReferenceDoc;

typedef struct
{
  GPtrArray *references;  /* BalReferenceDoc */
  GPtrArray *errors;      /* BalImportMessage */
} BalImportResult;

GQuark            bal_importer_error_quark    (void);

char             *bal_read_text_file          (const char          *path,
                                               gsize                max_size,
                                               gsize               *length,
                                               GError             **error);

BalImportResult  *bal_importer_parse          (const char          *file_name,
                                               const char          *data,
                                               gssize               length,
                                               const char * const  *grades);
BalImportResult  *bal_importer_parse_file     (const char          *path,
                                               const char          *file_name,
                                               const char * const  *grades);
char             *bal_importer_repair_text    (const char          *data,
                                               gsize                length);

BalReferenceDoc  *bal_reference_doc_new       (void);
BalActivityGroup *bal_activity_group_new      (const char          *label,
                                               const char          *title);
BalImportMessage *bal_import_message_new      (const char          *file,
                                               guint                line,
                                               const char          *message);

void              bal_import_message_free     (BalImportMessage    *message);
void              bal_activity_group_free     (BalActivityGroup    *group);
void              bal_reference_doc_free      (BalReferenceDoc     *doc);
void              bal_import_result_free      (BalImportResult     *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalReferenceDoc, bal_reference_doc_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalImportResult, bal_import_result_free)

G_END_DECLS
