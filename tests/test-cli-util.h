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
void    bal_run_free      (BalRun *run);
void    bal_remove_tree   (const char *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalRun, bal_run_free)
