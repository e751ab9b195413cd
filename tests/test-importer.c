/* test-importer.c: every shape and damage of HANDBOOK-FORMAT.md, read by the importer
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "bal-importer.h"

static const char * const grades[] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", NULL };

static BalImportResult *
parse_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return bal_importer_parse (name, contents, length, grades);
}

static BalReferenceDoc *
only_reference (BalImportResult *result)
{
  if (result->errors->len > 0)
    g_test_message ("unexpected error: %s", ((BalImportMessage *)g_ptr_array_index (result->errors, 0))->message);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->references->len, ==, 1);

  return g_ptr_array_index (result->references, 0);
}

static gboolean
has_warning (BalReferenceDoc *doc,
             const char      *text)
{
  for (guint i = 0; i < doc->warnings->len; i++)
    if (strstr (((BalImportMessage *)g_ptr_array_index (doc->warnings, i))->message, text) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_table_row (void)
{
  g_autoptr(BalImportResult) result = parse_fixture ("table-row.txt");
  BalReferenceDoc *doc = only_reference (result);
  BalActivityGroup *group;

  g_assert_cmpstr (doc->code, ==, "3.2");
  g_assert_cmpstr (doc->title, ==, "Medewerker Magazijn Retouren");
  g_assert_cmpstr (doc->family, ==, "Logistiek");
  g_assert_cmpstr (doc->grade, ==, "D");
  g_assert_cmpstr (doc->position, ==, "Valt onder de teamleider van de retourafdeling.");
  g_assert_cmpstr (doc->knowledge_level, ==, "MBO-2");
  g_assert_cmpint (doc->span_max, ==, 0);

  g_assert_cmpuint (doc->activities->len, ==, 2);
  group = g_ptr_array_index (doc->activities, 1);
  g_assert_cmpstr (group->label, ==, "B");
  g_assert_cmpstr (group->title, ==, "Beoordelen en afhandelen");
  g_assert_cmpuint (group->items->len, ==, 3);
  /* An item continued on the next line is one item. */
  g_assert_cmpstr (g_ptr_array_index (group->items, 1), ==,
                   "Zet afgekeurde artikelen klaar voor afvoer of reparatie bij de leverancier.");

  /* The context paragraph without a heading still gives the alternative titles. */
  g_assert_cmpuint (doc->alternative_titles->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (doc->alternative_titles, 0), ==, "Retourmedewerker");
  g_assert_cmpstr (g_ptr_array_index (doc->alternative_titles, 1), ==, "Returns Operator");

  g_assert_cmpstr (doc->rules[BAL_RULE_LIGHTER].grade, ==, "C");
  g_assert_cmpstr (doc->rules[BAL_RULE_EQUAL].grade, ==, "D");
  g_assert_cmpstr (doc->rules[BAL_RULE_HEAVIER].grade, ==, "E");
  g_assert_cmpstr (doc->rules[BAL_RULE_HEAVIER].condition, ==,
                   "Als de bedrijfsfunctie ook de afspraken met leveranciers over reparaties maakt.");
  g_assert_false (doc->rules[BAL_RULE_HEAVIER].grade_guessed);
  g_assert_false (has_warning (doc, "family"));
}

static void
test_heading_value (void)
{
  g_autoptr(BalImportResult) result = parse_fixture ("heading-value.txt");
  BalReferenceDoc *doc = only_reference (result);
  BalActivityGroup *group;

  g_assert_cmpstr (doc->title, ==, "Hoofd Klantenservice");
  g_assert_cmpstr (doc->family, ==, "Leiding Klantcontact");
  g_assert_cmpstr (doc->grade, ==, "I");
  g_assert_cmpstr (doc->grade_range, ==, "H-I");
  g_assert_cmpstr (doc->knowledge_level, ==, "HBO");
  g_assert_cmpint (doc->span_min, ==, 25);
  g_assert_cmpint (doc->span_max, ==, 40);

  /* Hyphenation from the PDF converter is undone, across lines too. */
  g_assert_cmpstr (doc->purpose, ==,
                   "Leidinggeven aan de klantenservice en verbeteren van de dienstverlening. "
                   "Onderhouden van contacten met partners.");
  group = g_ptr_array_index (doc->activities, 1);
  g_assert_cmpstr (g_ptr_array_index (group->items, 0), ==, "Analyseert klachten en stelt verbetermogelijkheden voor.");

  /* "Head of Customer Service" keeps its English "of". */
  g_assert_cmpuint (doc->alternative_titles->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (doc->alternative_titles, 0), ==, "Manager Klantcontact");
  g_assert_cmpstr (g_ptr_array_index (doc->alternative_titles, 1), ==, "Head of Customer Service");

  /* Rules run together by the converter; the grade is the capital at the end. */
  g_assert_cmpstr (doc->rules[BAL_RULE_LIGHTER].grade, ==, "H");
  g_assert_cmpstr (doc->rules[BAL_RULE_LIGHTER].condition, ==, "Weegt de functie minder zwaar, kies dan de groep eronder. Denk aan een functie zonder teamleiders eronder.");
  g_assert_cmpstr (doc->rules[BAL_RULE_EQUAL].grade, ==, "I");
}

static void
test_missing_heavier_grade (void)
{
  g_autoptr(BalImportResult) result = parse_fixture ("heading-value.txt");
  BalReferenceDoc *doc = only_reference (result);

  g_assert_cmpstr (doc->rules[BAL_RULE_HEAVIER].grade, ==, "J");
  g_assert_true (doc->rules[BAL_RULE_HEAVIER].grade_guessed);
  g_assert_true (g_str_has_suffix (doc->rules[BAL_RULE_HEAVIER].condition, "onder valt."));
  g_assert_true (has_warning (doc, "“Zwaarder” rule has no grade: J assumed"));

  /* No code in the document: one is made, with a warning. */
  g_assert_cmpstr (doc->code, ==, "hoofd-klantenservice");
  g_assert_true (has_warning (doc, "has no code"));
}

static void
test_missing_grade_at_scale_end (void)
{
  const char *text =
    "Referentiefunctie\nX.1 Directeur\nInschaling\nL\nToepassingsregels\n"
    "Lichter\tAls lichter.\tK\nGelijk\tAls gelijk.\tL\nZwaarder\tAls zwaarder.\n";
  g_autoptr(BalImportResult) result = bal_importer_parse ("end.txt", text, -1, grades);
  BalReferenceDoc *doc = only_reference (result);

  g_assert_cmpstr (doc->rules[BAL_RULE_HEAVIER].grade, ==, "L");
  g_assert_true (has_warning (doc, "end of the scale"));
}

static void
test_several (void)
{
  g_autoptr(BalImportResult) result = parse_fixture ("several.md");
  BalReferenceDoc *first, *second;
  BalProfileLevel *level;

  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->references->len, ==, 2);
  first = g_ptr_array_index (result->references, 0);
  second = g_ptr_array_index (result->references, 1);

  g_assert_cmpstr (first->code, ==, "PL.01");
  g_assert_cmpstr (first->grade_range, ==, "D-F");
  g_assert_cmpuint (first->alternative_titles->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (first->alternative_titles, 2), ==, "Dispatcher");
  g_assert_cmpuint (first->profile->len, ==, 4);
  level = g_ptr_array_index (first->profile, 2);
  g_assert_cmpstr (level->characteristic_name, ==, "Afbreukrisico");
  g_assert_cmpint (level->level, ==, 2);
  g_assert_cmpuint (first->line, ==, 5);

  g_assert_cmpstr (second->code, ==, "PL.02");
  g_assert_cmpstr (second->title, ==, "Hoofd Planning");
  g_assert_cmpstr (second->family, ==, "Planning");
  g_assert_cmpint (second->span_min, ==, 6);
  g_assert_cmpint (second->span_max, ==, 6);
  g_assert_cmpuint (second->line, >, 40);
  g_assert_cmpuint (second->profile->len, ==, 0);
}

static void
test_crlf_bom_markup (void)
{
  g_autoptr(BalImportResult) result = parse_fixture ("crlf-bom.txt");
  BalReferenceDoc *doc = only_reference (result);

  g_assert_cmpstr (doc->family, ==, "Klantcontact");
  g_assert_cmpstr (doc->code, ==, "KC.07");
  g_assert_cmpstr (doc->title, ==, "Medewerker Chat");
  g_assert_cmpstr (doc->grade, ==, "C");
  g_assert_cmpstr (doc->purpose, ==, "Beantwoorden van vragen van klanten via de chat.");
  g_assert_cmpstr (doc->rules[BAL_RULE_HEAVIER].grade, ==, "D");
  g_assert_null (strchr (doc->rules[BAL_RULE_HEAVIER].condition, '\r'));
}

static void
test_no_empty_lines (void)
{
  g_autoptr(BalImportResult) result = parse_fixture ("no-empty-lines.txt");
  BalReferenceDoc *doc = only_reference (result);

  g_assert_cmpstr (doc->code, ==, "PL.01");
  g_assert_cmpuint (doc->activities->len, ==, 2);
  g_assert_cmpstr (doc->rules[BAL_RULE_EQUAL].grade, ==, "E");
  g_assert_cmpuint (doc->profile->len, ==, 4);
}

static void
test_page_footers (void)
{
  g_autoptr(BalImportResult) result = parse_fixture ("page-footers.txt");
  BalReferenceDoc *doc = only_reference (result);
  BalActivityGroup *group;

  g_assert_cmpstr (doc->purpose, ==, "Ontvangen van bezoekers en aannemen van telefoongesprekken.");
  group = g_ptr_array_index (doc->activities, 0);
  g_assert_cmpuint (group->items->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (group->items, 0), ==, "Heet bezoekers welkom.");
  g_assert_cmpstr (doc->complexity, ==, "Eenvoudig werk volgens vaste afspraken.");
  g_assert_cmpstr (doc->rules[BAL_RULE_LIGHTER].grade, ==, "A");
}

static void
test_mojibake (void)
{
  const char *names[] = { "mojibake.txt", "latin1.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(BalImportResult) result = parse_fixture (names[i]);
      BalReferenceDoc *doc = only_reference (result);

      g_assert_cmpstr (doc->family, ==, "Commerciële dienst");
      g_assert_cmpstr (doc->title, ==, "Coördinator Offertes");
      g_assert_cmpstr (doc->purpose, ==,
                       "Coördineren van offertes — van aanvraag tot opdracht — voor ’s lands grootste klanten.");
    }
}

static void
test_not_a_reference (void)
{
  g_autoptr(BalImportResult) result = parse_fixture ("vacancy.txt");
  BalImportMessage *error;

  g_assert_cmpuint (result->references->len, ==, 0);
  g_assert_cmpuint (result->errors->len, ==, 1);
  error = g_ptr_array_index (result->errors, 0);
  g_assert_cmpstr (error->file, ==, "vacancy.txt");
  g_assert_nonnull (strstr (error->message, "No reference function found"));
}

static void
test_damaged_whole_or_nothing (void)
{
  g_autoptr(BalImportResult) result = parse_fixture ("damaged-no-grade.txt");
  BalImportMessage *error;

  /* TE.02 is fine, but TE.01 has no grade: nothing of the file is imported. */
  g_assert_cmpuint (result->references->len, ==, 0);
  g_assert_cmpuint (result->errors->len, ==, 1);
  error = g_ptr_array_index (result->errors, 0);
  g_assert_cmpuint (error->line, ==, 5);
  g_assert_nonnull (strstr (error->message, "Monteur Koeltechniek"));
  g_assert_nonnull (strstr (error->message, "no grade"));
}

static void
test_grade_off_scale (void)
{
  const char *text = "Referentiefunctie\nX.2 Adviseur\nInschaling\nQ\nToepassingsregels\nGelijk\tAls gelijk.\tQ\n";
  g_autoptr(BalImportResult) result = bal_importer_parse ("scale.txt", text, -1, grades);
  BalImportMessage *error;

  g_assert_cmpuint (result->references->len, ==, 0);
  g_assert_cmpuint (result->errors->len, ==, 1);
  error = g_ptr_array_index (result->errors, 0);
  g_assert_cmpuint (error->line, ==, 4);
  g_assert_nonnull (strstr (error->message, "not on the handbook’s scale"));
}

static void
test_too_large (void)
{
  gsize size = BAL_IMPORTER_MAX_SIZE + 1;
  g_autofree char *big = g_malloc (size);
  g_autoptr(BalImportResult) result = NULL;

  memset (big, 'a', size);
  result = bal_importer_parse ("groot.txt", big, size, grades);
  g_assert_cmpuint (result->references->len, ==, 0);
  g_assert_cmpuint (result->errors->len, ==, 1);
  g_assert_nonnull (strstr (((BalImportMessage *)g_ptr_array_index (result->errors, 0))->message, "too large"));
}

static void
test_repair_text (void)
{
  const char nul[] = "a\0b";
  g_autofree char *moji = bal_importer_repair_text ("Ã«n â€” Ã©", strlen ("Ã«n â€” Ã©"));
  g_autofree char *kept = bal_importer_repair_text ("één, ©, Ã", strlen ("één, ©, Ã"));
  g_autofree char *nuls = bal_importer_repair_text (nul, 3);
  g_autofree char *bom = bal_importer_repair_text ("\xef\xbb\xbfok", 5);

  g_assert_cmpstr (moji, ==, "ën — é");
  g_assert_cmpstr (kept, ==, "één, ©, Ã");
  g_assert_cmpstr (nuls, ==, "a b");
  g_assert_cmpstr (bom, ==, "ok");
}

/* Odd input: files that are no documents, and documents at the size
 * limit whose shape made the parser slow. */

static const char reference_head[] =
  "Functiefamilie\nGrenzen\nReferentiefunctie\nGR.1 Medewerker Grenzen\nInschaling\nE\n"
  "Toepassingsregels\nLichter\tAls de functie minder doet.\tD\nGelijk\tAls de functie hetzelfde doet.\tE\n"
  "Zwaarder\tAls de functie meer doet.\tF\n";

/* @text with @unit repeated after it up to @size bytes exactly. */
static void
fill_to (GString    *text,
         const char *unit,
         gsize       size)
{
  gsize n = strlen (unit);

  g_assert_cmpuint (text->len, <=, size);
  while (text->len + n <= size)
    g_string_append (text, unit);
  g_string_append_len (text, unit, size - text->len);
}

static void
assert_import_error (BalImportResult *result,
                     const char      *text)
{
  BalImportMessage *message;

  g_assert_cmpuint (result->references->len, ==, 0);
  g_assert_cmpuint (result->errors->len, ==, 1);
  message = g_ptr_array_index (result->errors, 0);
  if (strstr (message->message, text) == NULL)
    g_test_message ("error: %s", message->message);
  g_assert_nonnull (strstr (message->message, text));
}

static void
test_file_dev_zero (void)
{
  g_autoptr(BalImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }

  text = bal_read_text_file ("/dev/zero", BAL_IMPORTER_MAX_SIZE, &length, &error);
  g_assert_error (error, BAL_IMPORTER_ERROR, BAL_IMPORTER_ERROR_NOT_REGULAR);
  g_assert_null (text);
  g_assert_nonnull (strstr (error->message, "/dev/zero is not a regular file"));

  result = bal_importer_parse_file ("/dev/zero", "zero.txt", grades);
  assert_import_error (result, "is not a regular file");
  g_assert_cmpstr (((BalImportMessage *)g_ptr_array_index (result->errors, 0))->file, ==, "zero.txt");
}

static void
test_file_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-importer-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pijp.txt", NULL);
  g_autoptr(BalImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_assert_nonnull (dir);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  /* Nobody writes to it: reading it would wait for ever. */
  text = bal_read_text_file (fifo, BAL_IMPORTER_MAX_SIZE, &length, &error);
  g_assert_error (error, BAL_IMPORTER_ERROR, BAL_IMPORTER_ERROR_NOT_REGULAR);
  g_assert_null (text);
  g_assert_nonnull (strstr (error->message, "pijp.txt is not a regular file"));

  result = bal_importer_parse_file (fifo, NULL, grades);
  assert_import_error (result, "is not a regular file");

  g_unlink (fifo);
  g_rmdir (dir);
}

/* A file of one line exactly at the limit is read and parsed; one byte more
 * is refused with the file and the limit named. */
static void
test_file_one_line_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-importer-XXXXXX", NULL);
  g_autofree char *at_limit = g_build_filename (dir, "regel.txt", NULL);
  g_autofree char *over = g_build_filename (dir, "te-lang.txt", NULL);
  g_autofree char *limit = g_format_size_full (BAL_IMPORTER_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(BalImportResult) result = NULL;
  g_autoptr(BalImportResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  fill_to (line, "Referentiefunctie Complexiteit: hoog - ver- talen\t| <b>Inschaling</b> ", BAL_IMPORTER_MAX_SIZE);
  g_assert_true (g_file_set_contents (at_limit, line->str, line->len, NULL));
  g_string_append_c (line, 'x');
  g_assert_true (g_file_set_contents (over, line->str, line->len, NULL));

  text = bal_read_text_file (at_limit, BAL_IMPORTER_MAX_SIZE, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, BAL_IMPORTER_MAX_SIZE);
  g_assert_cmpuint (strlen (text), ==, BAL_IMPORTER_MAX_SIZE);

  /* One line has no headings: read whole, and found to hold no reference. */
  result = bal_importer_parse_file (at_limit, "regel.txt", grades);
  assert_import_error (result, "No reference function found");

  g_clear_pointer (&text, g_free);
  text = bal_read_text_file (over, BAL_IMPORTER_MAX_SIZE, &length, &error);
  g_assert_error (error, BAL_IMPORTER_ERROR, BAL_IMPORTER_ERROR_TOO_LARGE);
  g_assert_null (text);
  g_assert_nonnull (strstr (error->message, "te-lang.txt is too large"));
  g_assert_nonnull (strstr (error->message, limit));

  refused = bal_importer_parse_file (over, "te-lang.txt", grades);
  assert_import_error (refused, "too large");

  g_unlink (at_limit);
  g_unlink (over);
  g_rmdir (dir);
}

/* One line that fills the document, in the Profiel section (the pattern
 * there scanned it again from every character) and in a text section. */
static void
test_limits_one_long_line (void)
{
  const char *tail = "\nComplexiteit\nKennis op MBO-3.\n";
  g_autoptr(GString) profile = g_string_new (reference_head);
  g_autoptr(GString) context = g_string_new (reference_head);
  g_autoptr(GString) purpose = g_string_new (reference_head);
  g_autoptr(BalImportResult) result = NULL;
  g_autoptr(BalImportResult) context_result = NULL;
  g_autoptr(BalImportResult) purpose_result = NULL;
  BalReferenceDoc *doc;
  BalProfileLevel *level;

  g_string_append (profile, "Profiel\nComplexiteit: 4\n");
  fill_to (profile, "Zelfstandigheid hoog en afbreukrisico laag ", BAL_IMPORTER_MAX_SIZE);
  result = bal_importer_parse ("profiel.txt", profile->str, profile->len, grades);
  doc = only_reference (result);
  g_assert_cmpstr (doc->code, ==, "GR.1");
  g_assert_cmpuint (doc->profile->len, ==, 1);
  level = g_ptr_array_index (doc->profile, 0);
  g_assert_cmpstr (level->characteristic_name, ==, "Complexiteit");
  g_assert_cmpint (level->level, ==, 4);

  g_string_append (context, "Functiecontext\n");
  fill_to (context, "Alternatieve functienamen kunnen aaaa-bbbb of cccc-  dddd ", BAL_IMPORTER_MAX_SIZE);
  context_result = bal_importer_parse ("context.txt", context->str, context->len, grades);
  doc = only_reference (context_result);
  g_assert_true (g_str_has_prefix (doc->context, "Alternatieve functienamen kunnen aaaabbbb of ccccdddd "));

  /* Every "Alternatieve functienamen" in the line starts a list without a
   * full stop, and the text goes on after it: no list. */
  g_string_append (purpose, "Doel van de functie\n");
  fill_to (purpose, "Alternatieve functienamen kunnen aaaa-bbbb of cccc-dddd ", BAL_IMPORTER_MAX_SIZE - strlen (tail));
  g_string_append (purpose, tail);
  purpose_result = bal_importer_parse ("doel.txt", purpose->str, purpose->len, grades);
  doc = only_reference (purpose_result);
  g_assert_cmpuint (doc->alternative_titles->len, ==, 0);
  g_assert_cmpstr (doc->knowledge_level, ==, "MBO-3");
}

static void
test_limits_empty_lines (void)
{
  g_autoptr(GString) text = g_string_new (reference_head);
  g_autoptr(GString) crlf = g_string_new (reference_head);
  g_autoptr(GString) bare = g_string_new (NULL);
  g_autoptr(BalImportResult) result = NULL;
  g_autoptr(BalImportResult) crlf_result = NULL;
  g_autoptr(BalImportResult) bare_result = NULL;
  BalReferenceDoc *doc;

  g_string_append (text, "Doel van de functie\nPlannen van het werk.\n");
  fill_to (text, "\n", BAL_IMPORTER_MAX_SIZE - strlen ("Toelichting.\n"));
  g_string_append (text, "Toelichting.\n");
  result = bal_importer_parse ("leeg.txt", text->str, text->len, grades);
  doc = only_reference (result);
  g_assert_cmpstr (doc->purpose, ==, "Plannen van het werk.\n\nToelichting.");

  g_string_append (crlf, "Doel van de functie\r\nPlannen.\r\n");
  fill_to (crlf, " \r\n", BAL_IMPORTER_MAX_SIZE);
  crlf_result = bal_importer_parse ("leeg-crlf.txt", crlf->str, crlf->len, grades);
  doc = only_reference (crlf_result);
  g_assert_cmpstr (doc->purpose, ==, "Plannen.");

  fill_to (bare, "\n", BAL_IMPORTER_MAX_SIZE);
  bare_result = bal_importer_parse ("alleen-leeg.txt", bare->str, bare->len, grades);
  assert_import_error (bare_result, "No reference function found");
}

/* 3,000 reference functions in one document, each with every section. */
static void
test_limits_many_functions (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(BalImportResult) result = NULL;
  BalReferenceDoc *first, *last;

  for (guint i = 1; i <= 3000; i++)
    g_string_append_printf (text,
                            "# Functiefamilie\nFamilie %u\n\n## Referentiefunctie\nF.%u Planner %u\n\n## Inschaling\nE\n\n"
                            "## Bijbehorende functiecontext\nD-F\n\n"
                            "## Positie van de functie in de organisatie\nValt onder de manager service en werkt samen met "
                            "de monteurs, de klantenservice en het magazijn. Vervangt een collega-planner bij afwezigheid.\n\n"
                            "## Doel van de functie\nPlannen van de afspraken van monteurs zodat storingen op tijd worden ver- holpen.\n\n"
                            "## Typering van de activiteiten\nA. Plannen\n1. Maakt de dagplanning.\n2. Schuift afspraken bij spoed.\n"
                            "B. Informeren\n1. Belt klanten over de aankomsttijd.\n\n"
                            "## Complexiteit\nCombineert reistijden, vaardigheden van monteurs, beschikbare onderdelen en "
                            "afspraken met klanten tot een haalbare planning. Kennis op MBO-4.\n\n"
                            "## Zelfstandigheid\nGeeft leiding aan 3-5 medewerkers.\n\n## Afbreukrisico\nFouten kosten afspraken.\n\n"
                            "## Fysieke aspecten\nKantoorwerk.\n\n"
                            "## Functiecontext\nAlternatieve functienamen kunnen Werkvoorbereider, Service Planner of Dispatcher zijn.\n\n"
                            "## Toepassingsregels\nLichter\tAls de functie alleen afspraken invoert.\tD\n"
                            "Gelijk\tAls de functie min of meer gelijk is.\tE\nZwaarder\tAls de functie ook de capaciteit plant.\tF\n\n"
                            "## Profiel\nComplexiteit: 3\nZelfstandigheid: 3\nAfbreukrisico: 2\nFysieke aspecten: 1\n\n",
                            i, i, i);
  g_assert_cmpuint (text->len, <=, BAL_IMPORTER_MAX_SIZE);

  result = bal_importer_parse ("veel.md", text->str, text->len, grades);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->references->len, ==, 3000);

  first = g_ptr_array_index (result->references, 0);
  last = g_ptr_array_index (result->references, 2999);
  g_assert_cmpstr (first->code, ==, "F.1");
  g_assert_cmpstr (last->code, ==, "F.3000");
  g_assert_cmpstr (last->title, ==, "Planner 3000");
  g_assert_cmpstr (last->family, ==, "Familie 3000");
  g_assert_cmpstr (last->purpose, ==, "Plannen van de afspraken van monteurs zodat storingen op tijd worden verholpen.");
  g_assert_cmpstr (last->knowledge_level, ==, "MBO-4");
  g_assert_cmpint (last->span_max, ==, 5);
  g_assert_cmpuint (last->alternative_titles->len, ==, 3);
  g_assert_cmpuint (last->activities->len, ==, 2);
  g_assert_cmpuint (last->profile->len, ==, 4);
  g_assert_cmpstr (last->rules[BAL_RULE_HEAVIER].grade, ==, "F");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/importer/shape/table-row", test_table_row);
  g_test_add_func ("/importer/shape/heading-value", test_heading_value);
  g_test_add_func ("/importer/shape/several", test_several);
  g_test_add_func ("/importer/shape/markup-crlf-bom", test_crlf_bom_markup);
  g_test_add_func ("/importer/shape/no-empty-lines", test_no_empty_lines);
  g_test_add_func ("/importer/rules/missing-grade", test_missing_heavier_grade);
  g_test_add_func ("/importer/rules/missing-grade-scale-end", test_missing_grade_at_scale_end);
  g_test_add_func ("/importer/damage/page-footers", test_page_footers);
  g_test_add_func ("/importer/damage/mojibake", test_mojibake);
  g_test_add_func ("/importer/damage/not-a-reference", test_not_a_reference);
  g_test_add_func ("/importer/damage/whole-or-nothing", test_damaged_whole_or_nothing);
  g_test_add_func ("/importer/damage/grade-off-scale", test_grade_off_scale);
  g_test_add_func ("/importer/damage/too-large", test_too_large);
  g_test_add_func ("/importer/repair-text", test_repair_text);
  g_test_add_func ("/importer/file/dev-zero", test_file_dev_zero);
  g_test_add_func ("/importer/file/fifo", test_file_fifo);
  g_test_add_func ("/importer/file/one-line-at-limit", test_file_one_line_limit);
  g_test_add_func ("/importer/limits/one-long-line", test_limits_one_long_line);
  g_test_add_func ("/importer/limits/empty-lines", test_limits_empty_lines);
  g_test_add_func ("/importer/limits/3000-functions", test_limits_many_functions);

  return g_test_run ();
}
