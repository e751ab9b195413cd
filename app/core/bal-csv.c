/* bal-csv.c: CSV as Excel and LibreOffice write it, in the Netherlands and
 * elsewhere
 *
 * A semicolon where the decimal separator is a comma (nl_NL), a comma
 * elsewhere, a tab from a copy; fields in double quotes may hold the
 * delimiter, line breaks and doubled quotes. UTF-8 with or without a byte
 * order mark; a file that is not UTF-8 is read as Windows-1252, which is
 * what Excel on Windows writes as "CSV".
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bal-csv.h"
#include "bal-importer.h"

/* Far more than any job list; a larger file is not one. */
#define MAX_SIZE (64 * 1024 * 1024)

G_DEFINE_QUARK (bal-csv-error-quark, bal_csv_error)

static void
record_free (BalCsvRecord *record)
{
  g_strfreev (record->fields);
  g_free (record);
}

void
bal_csv_free (BalCsv *csv)
{
  if (csv == NULL)
    return;

  g_free (csv->encoding);
  g_clear_pointer (&csv->records, g_ptr_array_unref);
  g_free (csv);
}

/* The delimiter of the header line: the one of ; , and tab that occurs most
 * outside quotes (a semicolon when none does: a single column). */
static char
detect_delimiter (const char *text)
{
  static const char candidates[] = { ';', ',', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          counts[i] += *p == candidates[i];
    }

  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;

  return candidates[best];
}

BalCsv *
bal_csv_parse (const char  *data,
               gsize        length,
               const char  *name,
               GError     **error)
{
  g_autoptr(BalCsv) csv = g_new0 (BalCsv, 1);
  g_autofree char *converted = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  const char *text;
  const char *end;
  const char *p;
  guint line = 1, record_line = 1;
  gboolean quoted = FALSE, was_quoted = FALSE;

  if (length > MAX_SIZE)
    {
      g_set_error (error, BAL_CSV_ERROR, BAL_CSV_ERROR_TOO_LARGE,
                   _("“%s” is too large for a list of jobs (more than %d MB)."), name, MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, BAL_CSV_ERROR, BAL_CSV_ERROR_INVALID,
                   _("“%s” is not a CSV file: it holds binary data. Save the sheet as CSV and try again."), name);
      return NULL;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      csv->encoding = g_strdup ("UTF-8");
      converted = g_strndup (data, length);
    }
  else
    {
      csv->encoding = g_strdup ("Windows-1252");
      converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      if (converted == NULL)
        {
          g_autofree char *repaired = g_utf8_make_valid (data, length);

          converted = g_steal_pointer (&repaired);
        }
    }
  text = converted;
  end = text + strlen (text);
  csv->delimiter = detect_delimiter (text);
  csv->records = g_ptr_array_new_with_free_func ((GDestroyNotify)record_free);
  fields = g_ptr_array_new_with_free_func (g_free);

  for (p = text; p <= end; p++)
    {
      char c = p < end ? *p : '\0';

      if (quoted)
        {
          if (c == '\0')
            {
              g_set_error (error, BAL_CSV_ERROR, BAL_CSV_ERROR_INVALID,
                           _("%s:%u: a quoted field is not closed."), name, record_line);
              return NULL;
            }
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              /* A line break in a field is kept as \n, whatever wrote it. */
              if (c == '\r' && p + 1 < end && p[1] == '\n')
                continue;
              g_string_append_c (field, c == '\r' ? '\n' : c);
            }
          continue;
        }

      if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          continue;
        }

      if (c == csv->delimiter)
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;
          continue;
        }

      if (c == '\r' || c == '\n' || c == '\0')
        {
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;

          /* Blank lines (and the end of the last line) are no record. */
          if (fields->len > 1 || *(char *)g_ptr_array_index (fields, 0) != '\0')
            {
              BalCsvRecord *record = g_new0 (BalCsvRecord, 1);

              g_ptr_array_add (fields, NULL);
              record->line = record_line;
              record->fields = (GStrv)g_ptr_array_free (g_steal_pointer (&fields), FALSE);
              g_ptr_array_add (csv->records, record);
              fields = g_ptr_array_new_with_free_func (g_free);
            }
          else
            g_ptr_array_set_size (fields, 0);
          line++;
          record_line = line;
          continue;
        }

      g_string_append_c (field, c);
    }

  return g_steal_pointer (&csv);
}

BalCsv *
bal_csv_read (GFile   *file,
              GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  if (path == NULL)
    {
      g_set_error (error, BAL_CSV_ERROR, BAL_CSV_ERROR_INVALID,
                   _("Could not read “%s”: it is not a file on this computer."), name);
      return NULL;
    }

  /* Refuses a FIFO, a device or a file too large before reading it. */
  contents = bal_read_text_file (path, MAX_SIZE, &length, &local_error);
  if (contents == NULL)
    {
      g_set_error (error, BAL_CSV_ERROR,
                   g_error_matches (local_error, BAL_IMPORTER_ERROR, BAL_IMPORTER_ERROR_TOO_LARGE)
                   ? BAL_CSV_ERROR_TOO_LARGE : BAL_CSV_ERROR_INVALID,
                   "%s", local_error->message);
      return NULL;
    }

  return bal_csv_parse (contents, length, name, error);
}
