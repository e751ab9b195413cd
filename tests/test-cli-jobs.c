/* test-cli-jobs.c: balans-cli job and questionnaire
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

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
test_jobs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-cli-jobs-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "p.balans", NULL);
  g_autofree char *description = g_test_build_filename (G_TEST_DIST, "data", "hints", "nl-teamleider.txt", NULL);
  g_autoptr(BalRun) made = bal_run_cli ("new", project, NULL);
  g_autoptr(BalRun) boss = NULL, lead = NULL, no_title = NULL, bad_boss = NULL, list = NULL;
  g_autoptr(BalRun) questionnaire = NULL, answer = NULL, bad_answer = NULL, hints = NULL, profile = NULL, help = NULL;
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  g_autoptr(JsonParser) p3 = json_parser_new ();
  g_autoptr(JsonParser) p4 = json_parser_new ();
  JsonArray *array;
  JsonObject *object;
  JsonObject *first;

  g_assert_cmpint (made->status, ==, 0);

  boss = bal_run_cli ("job", "add", project, "--title", "Manager klantcontact", "--department", "Klantcontact", NULL);
  g_assert_cmpint (boss->status, ==, 0);
  g_assert_cmpstr (boss->out, ==, "1\n");

  lead = bal_run_cli ("job", "add", project, "--title", "Teamleider", "--reports-to", "Manager klantcontact",
                      "--incumbents", "3", "--description-file", description, NULL);
  g_assert_cmpint (lead->status, ==, 0);
  g_assert_cmpstr (lead->out, ==, "2\n");

  no_title = bal_run_cli ("job", "add", project, NULL);
  g_assert_cmpint (no_title->status, ==, 2);
  bad_boss = bal_run_cli ("job", "add", project, "--title", "X", "--reports-to", "Niemand", NULL);
  g_assert_cmpint (bad_boss->status, ==, 1);
  g_assert_nonnull (strstr (bad_boss->err, "Niemand"));

  list = bal_run_cli ("job", "list", project, "--json", NULL);
  g_assert_cmpint (list->status, ==, 0);
  array = json_object_get_array_member (parse_object (p1, list->out), "jobs");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  /* By department, then title: the job without a department first. */
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Teamleider");
  g_assert_cmpint (json_object_get_int_member (first, "reports_to"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (first, "incumbents"), ==, 3);

  questionnaire = bal_run_cli ("questionnaire", project, "--json", NULL);
  g_assert_cmpint (questionnaire->status, ==, 0);
  array = json_object_get_array_member (parse_object (p2, questionnaire->out), "questions");
  g_assert_cmpuint (json_array_get_length (array), >=, 20);
  first = json_array_get_object_element (array, 0);
  g_assert_true (json_object_has_member (first, "help"));
  g_assert_true (json_object_has_member (json_array_get_object_element (json_object_get_array_member (first, "options"), 0), "level"));

  answer = bal_run_cli ("job", "answer", project, "Teamleider", "education", "hbo", "--evidence", "HBO gevraagd", NULL);
  g_assert_cmpint (answer->status, ==, 0);
  bad_answer = bal_run_cli ("job", "answer", project, "2", "education", "doctoraat", NULL);
  g_assert_cmpint (bad_answer->status, ==, 1);

  hints = bal_run_cli ("job", "hints", project, "2", "--json", NULL);
  g_assert_cmpint (hints->status, ==, 0);
  array = json_object_get_array_member (parse_object (p3, hints->out), "hints");
  g_assert_cmpuint (json_array_get_length (array), >=, 3);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *hint = json_array_get_object_element (array, i);

      /* Answered already with the same option: not proposed again. */
      g_assert_cmpstr (json_object_get_string_member (hint, "question"), !=, "education");
      g_assert_cmpuint (strlen (json_object_get_string_member (hint, "evidence")), >, 0);
      if (g_strcmp0 (json_object_get_string_member (hint, "question"), "budget") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (hint, "option"), ==, "own");
          g_assert_cmpstr (json_object_get_string_member (hint, "evidence"), ==, "Je bent verantwoordelijk voor het budget van je team.");
        }
    }

  profile = bal_run_cli ("job", "profile", project, "Teamleider", "--json", NULL);
  g_assert_cmpint (profile->status, ==, 0);
  object = parse_object (p4, profile->out);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "profile"), "complexity"), ==, 5);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (object, "profile"), "physical"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "unanswered")), >=, 19);

  help = bal_run_cli ("job", "--help", NULL);
  g_assert_cmpint (help->status, ==, 0);
  g_assert_nonnull (strstr (help->out, "hints"));

  bal_remove_tree (dir);
}

/* A description that is no regular file, or too large, is refused with the
 * file named; nothing is added. */
static void
test_description_file_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-cli-jobs-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "p.balans", NULL);
  g_autofree char *fifo = g_build_filename (dir, "vacature.txt", NULL);
  g_autofree char *large = g_build_filename (dir, "groot.txt", NULL);
  g_autofree char *contents = g_strnfill (1024 * 1024 + 1, 'a');
  g_autoptr(BalRun) made = bal_run_cli ("new", project, NULL);
  g_autoptr(BalRun) zero = NULL, pipe = NULL, too_large = NULL, list = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_cmpint (made->status, ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (large, contents, -1, NULL));

  zero = bal_run_cli ("job", "add", project, "--title", "Nul", "--description-file", "/dev/zero", NULL);
  g_assert_cmpint (zero->status, ==, 1);
  g_assert_nonnull (strstr (zero->err, "/dev/zero is not a regular file"));

  /* Nobody writes to the FIFO: reading it would wait for ever. */
  pipe = bal_run_cli ("job", "add", project, "--title", "Pijp", "--description-file", fifo, NULL);
  g_assert_cmpint (pipe->status, ==, 1);
  g_assert_nonnull (strstr (pipe->err, fifo));
  g_assert_nonnull (strstr (pipe->err, "is not a regular file"));

  too_large = bal_run_cli ("job", "add", project, "--title", "Groot", "--description-file", large, NULL);
  g_assert_cmpint (too_large->status, ==, 1);
  g_assert_nonnull (strstr (too_large->err, large));
  g_assert_nonnull (strstr (too_large->err, "is too large"));

  list = bal_run_cli ("job", "list", project, "--json", NULL);
  g_assert_cmpint (list->status, ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (parse_object (parser, list->out), "jobs")), ==, 0);

  g_unlink (fifo);
  bal_remove_tree (dir);
}

/* Control characters in a project's data reach the terminal as visible
 * escapes, never as the raw bytes of an escape sequence. */
static void
test_list_escapes_controls (void)
{
  const char *title = "Rood\x1b[31m alarm\x07";
  const char *department = "Dienst\xc2\x9b" "2J";
  g_autofree char *dir = g_dir_make_tmp ("balans-cli-jobs-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "p.balans", NULL);
  g_autoptr(BalRun) made = bal_run_cli ("new", project, NULL);
  g_autoptr(BalRun) add = NULL, list = NULL, json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *job;

  g_assert_cmpint (made->status, ==, 0);
  add = bal_run_cli ("job", "add", project, "--title", title, "--department", department, NULL);
  g_assert_cmpint (add->status, ==, 0);

  list = bal_run_cli ("job", "list", project, NULL);
  g_assert_cmpint (list->status, ==, 0);
  g_assert_nonnull (strstr (list->out, "Rood\\x1b[31m alarm\\x07\tDienst\\u009b2J\t"));
  g_assert_null (strchr (list->out, '\x1b'));
  g_assert_null (strchr (list->out, '\x07'));
  g_assert_null (strstr (list->out, "\xc2\x9b"));

  /* JSON escapes them its own way; the value is the title as given. */
  json = bal_run_cli ("job", "list", project, "--json", NULL);
  g_assert_cmpint (json->status, ==, 0);
  g_assert_null (strchr (json->out, '\x1b'));
  g_assert_null (strstr (json->out, "\xc2\x9b"));
  job = json_array_get_object_element (json_object_get_array_member (parse_object (parser, json->out), "jobs"), 0);
  g_assert_cmpstr (json_object_get_string_member (job, "title"), ==, title);
  g_assert_cmpstr (json_object_get_string_member (job, "department"), ==, department);

  bal_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/jobs", test_jobs);
  g_test_add_func ("/cli/jobs/description-file-refused", test_description_file_refused);
  g_test_add_func ("/cli/jobs/list-escapes-controls", test_list_escapes_controls);

  return g_test_run ();
}
