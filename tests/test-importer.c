/* test-importer.c: every shape and damage of HANDBOOK-FORMAT.md, read by the importer
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

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

  return g_test_run ();
}
