/* bal-project-private.h: the statement API of a project, for core only
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The UI and the CLI include bal-project.h, which has no SQL in it; the core
 * modules that read and write the file include this header as well.
 */

#pragma once

#include <sqlite3.h>

#include "bal-project.h"

G_BEGIN_DECLS

/* For the other core modules: the connection, cached prepared statements,
 * transactions and error reporting. */
sqlite3      *bal_project_get_db               (BalProject   *self);
sqlite3_stmt *bal_project_prepare              (BalProject   *self,
                                                const char   *sql,
                                                GError      **error);
gboolean      bal_project_step_done            (BalProject   *self,
                                                sqlite3_stmt *stmt,
                                                GError      **error);
gboolean      bal_project_begin                (BalProject   *self,
                                                GError      **error);
gboolean      bal_project_commit               (BalProject   *self,
                                                GError      **error);
void          bal_project_rollback             (BalProject   *self);
gboolean      bal_project_exec                 (BalProject   *self,
                                                const char   *sql,
                                                GError      **error);
void          bal_project_set_sqlite_error     (BalProject   *self,
                                                GError      **error);
gboolean      bal_project_begin_read           (BalProject   *self);
void          bal_project_end_read             (BalProject   *self,
                                                gboolean      began);
void          bal_project_touch                (BalProject   *self);
void          bal_project_emit_changed         (BalProject   *self,
                                                const char   *what);

/* For tests: called with the SQL of every statement a project prepares
 * (through bal_project_prepare), on any connection and thread. */
typedef void (*BalPrepareObserver) (const char *sql,
                                    gpointer    user_data);
void          bal_project_set_prepare_observer (BalPrepareObserver observer,
                                                gpointer           user_data);

/* The SQL functions of the audit triggers, on a connection of @project. */
void          bal_audit_register               (sqlite3      *db,
                                                BalProject   *project);

G_END_DECLS
