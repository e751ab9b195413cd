/* bal-cli.h: what the commands of balans-cli share
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "bal-project.h"

G_BEGIN_DECLS

enum {
  BAL_CLI_OK = 0,
  BAL_CLI_FAILED = 1,
  BAL_CLI_USAGE = 2,
};

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} BalCliCommand;

GOptionContext *bal_cli_context       (const char      *parameters,
                                       const char      *summary,
                                       const GOptionEntry *entries);
int             bal_cli_parse         (GOptionContext  *context,
                                       int             *argc,
                                       char          ***argv,
                                       int              min_args,
                                       int              max_args);
int             bal_cli_parse_json    (int             *argc,
                                       char          ***argv,
                                       const char      *parameters,
                                       const char      *summary,
                                       int              min_args,
                                       int              max_args,
                                       gboolean        *json);
const char     *bal_cli_author        (void);
const char     *bal_cli_author_role   (void);
int             bal_cli_notice        (int argc, char **argv);
int             bal_cli_objection     (int argc, char **argv);
int             bal_cli_description   (int argc, char **argv);
int             bal_cli_scale         (int argc, char **argv);
int             bal_cli_fail          (const GError    *error);
char           *bal_cli_escape        (const char      *text);
BalProject     *bal_cli_open_project  (const char      *path);
BalProject     *bal_cli_open_project_for_reading (const char *path);
gint64          bal_cli_open_job_for_reading (const char  *path,
                                       const char      *job,
                                       BalProject     **project);
void            bal_cli_print_json    (JsonNode        *node);
int             bal_cli_print_builder (JsonBuilder     *builder);
void            bal_cli_json_begin_list (JsonBuilder   *builder,
                                         const char    *name);
int             bal_cli_print_list    (JsonBuilder     *builder);
void            bal_cli_json_string   (JsonBuilder     *builder,
                                       const char      *name,
                                       const char      *value);
void            bal_cli_json_text     (JsonBuilder     *builder,
                                       const char      *name,
                                       const char      *value);
void            bal_cli_json_nullable_string (JsonBuilder *builder,
                                              const char  *name,
                                              const char  *value);
void            bal_cli_json_int      (JsonBuilder     *builder,
                                       const char      *name,
                                       gint64           value);
void            bal_cli_json_double   (JsonBuilder     *builder,
                                       const char      *name,
                                       double           value);
void            bal_cli_json_boolean  (JsonBuilder     *builder,
                                       const char      *name,
                                       gboolean         value);
void            bal_cli_json_id       (JsonBuilder     *builder,
                                       const char      *name,
                                       gint64           id);
void            bal_cli_json_optional_string (JsonBuilder *builder,
                                              const char  *name,
                                              const char  *value);
void            bal_cli_json_titles   (JsonBuilder     *builder,
                                       const char      *name,
                                       const char      *joined);
void            bal_cli_json_level    (JsonBuilder     *builder,
                                       const char      *name,
                                       int              level);
gint64          bal_cli_open_job      (const char      *path,
                                       const char      *job,
                                       BalProject     **project);

/* The commands, one function each; the table is in balans-cli.c. */
int             bal_cli_new           (int argc, char **argv);
int             bal_cli_info          (int argc, char **argv);
int             bal_cli_import        (int argc, char **argv);
int             bal_cli_references    (int argc, char **argv);
int             bal_cli_job           (int argc, char **argv);
int             bal_cli_questionnaire (int argc, char **argv);
int             bal_cli_candidates    (int argc, char **argv);
int             bal_cli_compare       (int argc, char **argv);
int             bal_cli_decide        (int argc, char **argv);
int             bal_cli_history       (int argc, char **argv);
int             bal_cli_check         (int argc, char **argv);
int             bal_cli_export        (int argc, char **argv);
int             bal_cli_status        (int argc, char **argv);
int             bal_cli_remark        (int argc, char **argv);
int             bal_cli_audit         (int argc, char **argv);
int             bal_cli_review        (int argc, char **argv);

G_END_DECLS
