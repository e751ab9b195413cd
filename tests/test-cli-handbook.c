/* test-cli-handbook.c: balans-cli new --handbook, import and references
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

static const char *document =
  "Functiefamilie\n"
  "Klantenservice\n"
  "Referentiefunctie\n"
  "KS.90 Medewerker webcare\n"
  "Inschaling\n"
  "E\n"
  "Doel van de functie\n"
  "Beantwoordt vragen en klachten op sociale media en bewaakt de toon van de merkaccounts.\n"
  "Complexiteit\n"
  "De kennis dient naar aard en niveau gelijkwaardig te zijn aan MBO-4.\n"
  "Functiecontext\n"
  "Alternatieve functienamen kunnen Webcare-adviseur of Social Media Agent zijn.\n"
  "Toepassingsregels\n"
  "Lichter\tAls de functie alleen standaardantwoorden plaatst.\tD\n"
  "Gelijk\tAls de functie min of meer gelijk is.\tE\n"
  "Zwaarder\tAls de functie ook de webcarestrategie bepaalt.\tF\n";

static void
test_new_handbook (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-cli-XXXXXX", NULL);
  g_autofree char *demo = g_build_filename (dir, "demo.balans", NULL);
  g_autofree char *empty = g_build_filename (dir, "leeg.balans", NULL);
  g_autofree char *bogus = g_build_filename (dir, "onzin.balans", NULL);
  g_autoptr(BalRun) made_demo = bal_run_cli ("new", demo, NULL);
  g_autoptr(BalRun) made_empty = bal_run_cli ("new", empty, "--handbook", "none", NULL);
  g_autoptr(BalRun) made_bogus = bal_run_cli ("new", bogus, "--handbook", "sprookjes", NULL);
  g_autoptr(BalRun) list_demo = bal_run_cli ("references", demo, "--json", NULL);
  g_autoptr(BalRun) list_empty = bal_run_cli ("references", empty, "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();

  g_assert_cmpint (made_demo->status, ==, 0);
  g_assert_cmpint (made_empty->status, ==, 0);
  g_assert_cmpint (made_bogus->status, ==, 2);
  g_assert_false (g_file_test (bogus, G_FILE_TEST_EXISTS));

  g_assert_cmpint (list_demo->status, ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (parse_object (parser, list_demo->out), "references")), >=, 30);
  g_assert_cmpint (list_empty->status, ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (parse_object (parser2, list_empty->out), "references")), ==, 0);

  bal_remove_tree (dir);
}

static void
test_import_json (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-cli-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "p.balans", NULL);
  g_autofree char *doc = g_build_filename (dir, "webcare.txt", NULL);
  g_autofree char *vacancy = g_build_filename (dir, "vacature.txt", NULL);
  g_autoptr(BalRun) made = NULL;
  g_autoptr(BalRun) imported = NULL;
  g_autoptr(BalRun) refused = NULL;
  g_autoptr(BalRun) usage = NULL;
  g_autoptr(BalRun) search = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_autoptr(JsonParser) parser3 = json_parser_new ();
  JsonObject *report, *first, *rules, *profile, *error;
  JsonArray *refs;

  g_assert_true (g_file_set_contents (doc, document, -1, NULL));
  g_assert_true (g_file_set_contents (vacancy, "Wij zoeken een collega met passie voor klanten.\n", -1, NULL));

  made = bal_run_cli ("new", project, NULL);
  g_assert_cmpint (made->status, ==, 0);

  imported = bal_run_cli ("import", project, doc, "--json", NULL);
  g_assert_cmpint (imported->status, ==, 0);
  report = parse_object (parser, imported->out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "errors")), ==, 0);
  first = json_array_get_object_element (json_object_get_array_member (report, "imported"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "code"), ==, "KS.90");
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Medewerker webcare");
  g_assert_cmpstr (json_object_get_string_member (first, "family"), ==, "Klantenservice");
  g_assert_cmpstr (json_object_get_string_member (first, "grade"), ==, "E");
  g_assert_cmpstr (json_object_get_string_member (first, "knowledge_level"), ==, "MBO-4");
  g_assert_true (json_object_get_null_member (first, "span_of_control"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "alternative_titles")), ==, 2);
  rules = json_object_get_object_member (first, "rules");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (rules, "lighter"), "grade"), ==, "D");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (rules, "equal"), "grade"), ==, "E");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (rules, "heavier"), "grade"), ==, "F");
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (rules, "heavier"), "condition"), "webcarestrategie"));
  profile = json_object_get_object_member (first, "profile");
  g_assert_true (json_object_has_member (profile, "complexity"));
  g_assert_cmpint (json_object_get_int_member (profile, "complexity"), >=, 1);
  g_assert_true (json_object_has_member (first, "warnings"));

  /* A vacancy is no reference function: nothing imported, exit 1. */
  refused = bal_run_cli ("import", project, vacancy, "--json", NULL);
  g_assert_cmpint (refused->status, ==, 1);
  report = parse_object (parser2, refused->out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "imported")), ==, 0);
  error = json_array_get_object_element (json_object_get_array_member (report, "errors"), 0);
  g_assert_nonnull (strstr (json_object_get_string_member (error, "file"), "vacature.txt"));
  g_assert_true (json_object_has_member (error, "line"));

  usage = bal_run_cli ("import", project, NULL);
  g_assert_cmpint (usage->status, ==, 2);

  search = bal_run_cli ("references", project, "--search", "social media", "--json", NULL);
  g_assert_cmpint (search->status, ==, 0);
  refs = json_object_get_array_member (parse_object (parser3, search->out), "references");
  g_assert_cmpuint (json_array_get_length (refs), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (refs, 0), "code"), ==, "KS.90");

  bal_remove_tree (dir);
}

/* A title in a document that holds an escape sequence (here one that sets
 * the terminal's window title) is printed as visible escapes. */
static void
test_import_escapes_controls (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-cli-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "p.balans", NULL);
  g_autofree char *doc = g_build_filename (dir, "titel.txt", NULL);
  g_autoptr(GString) text = g_string_new (document);
  g_autoptr(BalRun) made = NULL, imported = NULL, listed = NULL;

  g_string_replace (text, "KS.90 Medewerker webcare", "KS.91 Medewerker\x1b]0;overgenomen\x07 webcare", 1);
  g_assert_true (g_file_set_contents (doc, text->str, text->len, NULL));

  made = bal_run_cli ("new", project, "--handbook", "none", NULL);
  g_assert_cmpint (made->status, ==, 0);

  imported = bal_run_cli ("import", project, doc, NULL);
  g_assert_cmpint (imported->status, ==, 0);
  g_assert_nonnull (strstr (imported->out, "KS.91 Medewerker\\x1b]0;overgenomen\\x07 webcare"));
  g_assert_null (strchr (imported->out, '\x1b'));
  g_assert_null (strchr (imported->out, '\x07'));

  listed = bal_run_cli ("references", project, NULL);
  g_assert_cmpint (listed->status, ==, 0);
  g_assert_nonnull (strstr (listed->out, "Medewerker\\x1b]0;overgenomen\\x07 webcare"));
  g_assert_null (strchr (listed->out, '\x1b'));

  bal_remove_tree (dir);
}

/* /dev/zero and a FIFO nobody writes to are refused at once, with the
 * file named, rather than read for ever. */
static void
test_import_odd_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-cli-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "p.balans", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pijp.txt", NULL);
  g_autoptr(BalRun) made = NULL, zero = NULL, pipe = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  made = bal_run_cli ("new", project, "--handbook", "none", NULL);
  g_assert_cmpint (made->status, ==, 0);

  zero = bal_run_cli ("import", project, "/dev/zero", NULL);
  g_assert_cmpint (zero->status, ==, 1);
  g_assert_nonnull (strstr (zero->out, "/dev/zero is not a regular file"));
  g_assert_nonnull (strstr (zero->err, "nothing was imported from /dev/zero"));

  pipe = bal_run_cli ("import", project, fifo, NULL);
  g_assert_cmpint (pipe->status, ==, 1);
  g_assert_nonnull (strstr (pipe->out, "pijp.txt is not a regular file"));

  g_unlink (fifo);
  bal_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/handbook/new", test_new_handbook);
  g_test_add_func ("/cli/handbook/import-json", test_import_json);
  g_test_add_func ("/cli/handbook/import-escapes-controls", test_import_escapes_controls);
  g_test_add_func ("/cli/handbook/import-odd-files", test_import_odd_files);

  return g_test_run ();
}
