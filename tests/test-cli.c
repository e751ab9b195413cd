/* test-cli.c: balans-cli, run as a user runs it: exit codes and output
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "test-cli-util.h"

static void
test_usage (void)
{
  g_autoptr(BalRun) none = bal_run_cli_argv (NULL);
  g_autoptr(BalRun) help = bal_run_cli ("--help", NULL);
  g_autoptr(BalRun) unknown = bal_run_cli ("frobnicate", NULL);
  g_autoptr(BalRun) no_file = bal_run_cli ("new", NULL);
  g_autoptr(BalRun) too_many = bal_run_cli ("info", "a.balans", "b.balans", NULL);
  g_autoptr(BalRun) bad_option = bal_run_cli ("new", "--colour", "x.balans", NULL);

  g_assert_cmpint (none->status, ==, 2);
  g_assert_cmpint (help->status, ==, 0);
  g_assert_nonnull (strstr (help->out, "info"));
  g_assert_cmpint (unknown->status, ==, 2);
  g_assert_nonnull (strstr (unknown->err, "frobnicate"));
  g_assert_cmpint (no_file->status, ==, 2);
  g_assert_cmpint (too_many->status, ==, 2);
  g_assert_cmpint (bad_option->status, ==, 2);
}

static void
test_help_per_command (void)
{
  const char *commands[] = { "new", "info" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(BalRun) run = bal_run_cli (commands[i], "--help", NULL);

      g_assert_cmpint (run->status, ==, 0);
      g_assert_nonnull (strstr (run->out, commands[i]));
    }
}

static void
test_new_and_info (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "klant.balans", NULL);
  g_autoptr(BalRun) created = bal_run_cli ("new", path, "--organisation", "Bakkerij Zoet", NULL);
  g_autoptr(BalRun) again = bal_run_cli ("new", path, NULL);
  g_autoptr(BalRun) info = bal_run_cli ("info", path, NULL);
  g_autoptr(BalRun) json = bal_run_cli ("info", "--json", path, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_assert_cmpint (created->status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (again->status, ==, 1);
  g_assert_nonnull (strstr (again->err, "already exists"));

  g_assert_cmpint (info->status, ==, 0);
  g_assert_nonnull (strstr (info->out, "Bakkerij Zoet"));

  g_assert_cmpint (json->status, ==, 0);
  json_parser_load_from_data (parser, json->out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "organisation"), ==, "Bakkerij Zoet");
  g_assert_cmpint (json_object_get_int_member (object, "jobs"), ==, 0);

  bal_remove_tree (dir);
}

static void
test_info_refuses (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-cli-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notities.balans", NULL);
  g_autofree char *missing = g_build_filename (dir, "weg.balans", NULL);
  g_autoptr(BalRun) not_project = NULL;
  g_autoptr(BalRun) not_found = NULL;

  g_assert_true (g_file_set_contents (text, "geen project", -1, NULL));
  not_project = bal_run_cli ("info", text, NULL);
  g_assert_cmpint (not_project->status, ==, 1);
  g_assert_nonnull (strstr (not_project->err, "not a Balans project"));
  g_assert_nonnull (strstr (not_project->err, text));

  not_found = bal_run_cli ("info", missing, NULL);
  g_assert_cmpint (not_found->status, ==, 1);
  g_assert_nonnull (strstr (not_found->err, "does not exist"));

  bal_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/help-per-command", test_help_per_command);
  g_test_add_func ("/cli/new-and-info", test_new_and_info);
  g_test_add_func ("/cli/info-refuses", test_info_refuses);

  return g_test_run ();
}
