/* test-cli-grading.c: balans-cli candidates, compare, decide, history and check
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "test-cli-util.h"

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_grading (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-cli-grading-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "p.balans", NULL);
  g_autofree char *agent = g_test_build_filename (G_TEST_DIST, "data", "jobs", "klantenservice-agent.txt", NULL);
  g_autoptr(BalRun) made = bal_run_cli ("new", project, NULL);
  g_autoptr(BalRun) add = bal_run_cli ("job", "add", project, "--title", "Agent", "--description-file", agent, NULL);
  g_autoptr(BalRun) answered = bal_run_cli ("job", "answer", project, "Agent", "education", "mbo4", NULL);
  g_autoptr(BalRun) candidates = bal_run_cli ("candidates", project, "Agent", "--json", "--limit", "3", NULL);
  g_autoptr(BalRun) compare = bal_run_cli ("compare", project, "Agent", "KS.02", "--json", NULL);
  g_autoptr(BalRun) bad_compare = bal_run_cli ("compare", project, "Agent", "XX.01", NULL);
  g_autoptr(BalRun) no_reason = NULL, decided = NULL, revised = NULL, bad_verdict = NULL, usage = NULL, history = NULL, check = NULL;
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  g_autoptr(JsonParser) p3 = json_parser_new ();
  g_autoptr(JsonParser) p4 = json_parser_new ();
  JsonArray *array;
  JsonObject *object, *first;

  g_assert_cmpint (made->status, ==, 0);
  g_assert_cmpint (add->status, ==, 0);
  g_assert_cmpint (answered->status, ==, 0);

  g_assert_cmpint (candidates->status, ==, 0);
  array = json_object_get_array_member (parse_object (p1, candidates->out), "candidates");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "family"), ==, "Klantenservice");
  g_assert_true (json_object_has_member (first, "score"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "reasons")), >=, 2);
  g_assert_true (json_object_has_member (first, "alternative_titles"));

  g_assert_cmpint (compare->status, ==, 0);
  object = parse_object (p2, compare->out);
  g_assert_cmpstr (json_object_get_string_member (object, "reference"), ==, "KS.02");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "characteristics")), ==, 4);
  first = json_array_get_object_element (json_object_get_array_member (object, "characteristics"), 0);
  g_assert_cmpint (json_object_get_int_member (first, "job_level"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (first, "proposed_verdict"), ==, "heavier");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (json_object_get_array_member (object, "characteristics"), 1), "job_level"));
  g_assert_cmpstr (json_object_get_string_member (object, "proposed_verdict"), ==, "heavier");
  g_assert_cmpstr (json_object_get_string_member (object, "proposed_grade"), ==, "E");
  g_assert_true (json_object_has_member (object, "warnings"));
  /* One question of 25: the proposal says it is premature, and why, step by step. */
  g_assert_false (json_object_get_boolean_member (object, "complete"));
  g_assert_cmpint (json_object_get_int_member (object, "answered_questions"), ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (object, "explanation"), "heavier (job 4, reference 2)"));
  g_assert_nonnull (strstr (json_object_get_string_member (object, "explanation"), "unknown (not answered)"));
  g_assert_nonnull (strstr (json_object_get_string_member (object, "explanation"), "grade E"));
  g_assert_true (json_object_get_null_member (object, "no_fit"));

  g_assert_cmpint (bad_compare->status, ==, 1);
  g_assert_nonnull (strstr (bad_compare->err, "XX.01"));

  no_reason = bal_run_cli ("decide", project, "Agent", "--reference", "KS.02", "--grade", "D", "--justification", "Gelijk.", NULL);
  g_assert_cmpint (no_reason->status, ==, 1);
  g_assert_nonnull (strstr (no_reason->err, "departs"));

  decided = bal_run_cli ("decide", project, "Agent", "--reference", "KS.02", "--grade", "E", "--justification", "Zwaarder door klachten.", "--evaluator", "Iris", NULL);
  g_assert_cmpint (decided->status, ==, 1);
  g_assert_nonnull (strstr (decided->err, "premature"));
  g_clear_pointer (&decided, bal_run_free);
  decided = bal_run_cli ("decide", project, "Agent", "--reference", "KS.02", "--grade", "E", "--justification", "Zwaarder door klachten.", "--evaluator", "Iris",
                         "--departure-reason", "Vooruitlopend op het gesprek met de leidinggevende.", NULL);
  g_assert_cmpint (decided->status, ==, 0);

  revised = bal_run_cli ("decide", project, "Agent", "--reference", "KS.02", "--grade", "D", "--justification", "Na bezwaar.",
                         "--verdict", "complexity=equal", "--departure-reason", "De klachten gaan naar een specialist.",
                         "--author", "Iris", NULL);
  g_assert_cmpint (revised->status, ==, 0);

  bad_verdict = bal_run_cli ("decide", project, "Agent", "--reference", "KS.02", "--grade", "D", "--justification", "X", "--verdict", "complexity=much", NULL);
  g_assert_cmpint (bad_verdict->status, ==, 2);
  usage = bal_run_cli ("decide", project, "Agent", "--grade", "D", NULL);
  g_assert_cmpint (usage->status, ==, 2);

  history = bal_run_cli ("history", project, "Agent", "--json", NULL);
  g_assert_cmpint (history->status, ==, 0);
  array = json_object_get_array_member (parse_object (p3, history->out), "decisions");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "grade"), ==, "D");
  g_assert_cmpstr (json_object_get_string_member (first, "departure"), ==, "De klachten gaan naar een specialist.");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "evaluator"), ==, "Iris");

  check = bal_run_cli ("check", project, "--json", NULL);
  g_assert_cmpint (check->status, ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (parse_object (p4, check->out), "findings")), ==, 0);

  {
    g_autofree char *out = g_build_filename (dir, "uit.xlsx", NULL);
    g_autofree char *nowhere = g_build_filename (dir, "weg", "uit.xlsx", NULL);
    g_autoptr(BalRun) exported = bal_run_cli ("export", project, out, NULL);
    g_autoptr(BalRun) one = bal_run_cli ("export", project, out, "--job", "Agent", NULL);
    g_autoptr(BalRun) failed = bal_run_cli ("export", project, nowhere, NULL);
    g_autoptr(BalRun) no_job = bal_run_cli ("export", project, out, "--job", "Niemand", NULL);
    g_autoptr(BalRun) no_out = bal_run_cli ("export", project, NULL);

    g_assert_cmpint (exported->status, ==, 0);
    g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (one->status, ==, 0);
    g_assert_cmpint (failed->status, ==, 1);
    g_assert_nonnull (strstr (failed->err, "does not exist"));
    g_assert_cmpint (no_job->status, ==, 1);
    g_assert_cmpint (no_out->status, ==, 2);
  }

  bal_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/grading", test_grading);

  return g_test_run ();
}
