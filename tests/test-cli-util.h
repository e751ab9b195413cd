/* test-cli-util.h: running balans-cli from tests
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} BalRun;

BalRun *bal_run_cli       (const char *first_arg, ...) G_GNUC_NULL_TERMINATED;
BalRun *bal_run_cli_argv  (const char * const *args);
BalRun *bal_run_program   (const char * const *argv);
char   *bal_test_query_text (const char *path,
                             const char *sql);
void    bal_test_attack   (const char *path,
                           const char *sql);
GBytes *bal_test_file_bytes (const char *path);

/* The decision_is_final trigger as our migrations make it, for attacks that
 * drop it and put it back. */
#define BAL_TEST_DECISION_IS_FINAL \
  "CREATE TRIGGER decision_is_final BEFORE UPDATE ON decision\n" \
  "BEGIN\n" \
  "  SELECT RAISE (ABORT, 'a decision is never changed: record a revision');\n" \
  "END;"
void    bal_run_free      (BalRun *run);
void    bal_remove_tree   (const char *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalRun, bal_run_free)
