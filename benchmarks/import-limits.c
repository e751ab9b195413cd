/* import-limits.c: the importer on the documents that once made it hang
 *
 * Writes each input to a temporary folder, imports it as balans-cli and the
 * window do (bal_importer_parse_file(): read, repair, parse), and prints the
 * best of three times beside its anchor, the second an import of a document
 * at the size limit may take. Exits 1 when an input takes longer.
 *
 *   meson test -C build --benchmark import-limits -v
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "bal-importer.h"

#define ANCHOR_SECONDS 1.0
#define RUNS 3

static const char * const grades[] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", NULL };

static const char reference_head[] =
  "Functiefamilie\nGrenzen\nReferentiefunctie\nGR.1 Medewerker Grenzen\nInschaling\nE\n"
  "Toepassingsregels\nLichter\tAls de functie minder doet.\tD\nGelijk\tAls de functie hetzelfde doet.\tE\n"
  "Zwaarder\tAls de functie meer doet.\tF\n";

/* @unit repeated after what @text holds, up to @size bytes exactly. */
static void
fill_to (GString    *text,
         const char *unit,
         gsize       size)
{
  gsize n = strlen (unit);

  while (text->len + n <= size)
    g_string_append (text, unit);
  g_string_append_len (text, unit, size - text->len);
}

static GString *
one_line (void)
{
  GString *text = g_string_new (NULL);

  fill_to (text, "Referentiefunctie Complexiteit: hoog - ver- talen\t| <b>Inschaling</b> ", BAL_IMPORTER_MAX_SIZE);

  return text;
}

/* The pattern that read the Profiel section scanned a line again from
 * every character: 20 KB took five seconds. */
static GString *
one_line_in_profile (void)
{
  GString *text = g_string_new (reference_head);

  g_string_append (text, "Profiel\nComplexiteit: 4\n");
  fill_to (text, "Zelfstandigheid hoog en afbreukrisico laag ", BAL_IMPORTER_MAX_SIZE);

  return text;
}

/* Broken words to join, and a list of alternative titles begun in every
 * sentence and never ended: the pattern for it looked at the rest of the
 * text again from each one. */
static GString *
one_line_of_text (void)
{
  const char *tail = "\nComplexiteit\nKennis op MBO-3.\n";
  GString *text = g_string_new (reference_head);

  g_string_append (text, "Doel van de functie\n");
  fill_to (text, "Alternatieve functienamen kunnen aaaa-bbbb of cccc-  dddd ", BAL_IMPORTER_MAX_SIZE - strlen (tail));
  g_string_append (text, tail);

  return text;
}

static GString *
empty_lines (void)
{
  GString *text = g_string_new (reference_head);

  g_string_append (text, "Doel van de functie\nPlannen van het werk.\n");
  fill_to (text, "\n", BAL_IMPORTER_MAX_SIZE);

  return text;
}

static GString *
many_functions (void)
{
  GString *text = g_string_new (NULL);

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

  return text;
}

static const struct
{
  const char *name;
  GString  *(*make) (void);
} inputs[] = {
  { "4 MiB, one line", one_line },
  { "4 MiB, one line in Profiel", one_line_in_profile },
  { "4 MiB, one line of text", one_line_of_text },
  { "4 MiB of empty lines", empty_lines },
  { "3,000 functions", many_functions },
};

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("balans-import-limits-XXXXXX", NULL);
  gboolean over = FALSE;

  if (dir == NULL)
    {
      g_printerr ("import-limits: no temporary folder\n");
      return 1;
    }

  g_print ("%-28s %10s  %-28s %8s  %s\n", "input", "size", "result", "time", "anchor");

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GString) text = inputs[i].make ();
      g_autofree char *path = g_build_filename (dir, "document.txt", NULL);
      g_autofree char *result = NULL;
      double best = G_MAXDOUBLE;

      if (!g_file_set_contents (path, text->str, text->len, NULL))
        {
          g_printerr ("import-limits: could not write %s\n", path);
          return 1;
        }

      for (guint run = 0; run < RUNS; run++)
        {
          gint64 start = g_get_monotonic_time ();
          BalImportResult *parsed = bal_importer_parse_file (path, inputs[i].name, grades);
          double seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

          best = MIN (best, seconds);
          if (result == NULL)
            {
              if (parsed->errors->len > 0)
                result = g_strndup (((BalImportMessage *)g_ptr_array_index (parsed->errors, 0))->message, 28);
              else
                result = g_strdup_printf ("%u imported", parsed->references->len);
            }
          bal_import_result_free (parsed);
        }

      g_print ("%-28s %6.2f MiB  %-28s %6.3f s  %.0f s%s\n", inputs[i].name, text->len / 1048576.0, result, best, ANCHOR_SECONDS,
               best > ANCHOR_SECONDS ? "  OVER" : "");
      over |= best > ANCHOR_SECONDS;
      g_unlink (path);
    }

  g_rmdir (dir);

  return over ? 1 : 0;
}
