/* bal-job-import.c: a client's job list, from the CSV its HR system writes
 *
 * The header row names the columns, in Dutch or English; each is mapped to
 * a job's title, department, reports-to (by title, of a job in the file or
 * already in the project), incumbents or description, and the mapping is
 * shown before anything is written. Every problem names the file and the
 * line. Applying writes all rows in one transaction, or none.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-job-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bal-csv.h"
#include "bal-job-import.h"
#include "bal-project-private.h"

G_DEFINE_QUARK (bal-job-import-error-quark, bal_job_import_error)

/* Header names, folded (lower case, no diacritics, words single-spaced). */
static const char * const field_names[BAL_JOB_N_FIELDS][12] = {
  [BAL_JOB_FIELD_TITLE] = { "title", "job title", "job", "position", "functie", "functietitel",
                            "functienaam", "naam functie", "naam", "bedrijfsfunctie", NULL },
  [BAL_JOB_FIELD_DEPARTMENT] = { "department", "dept", "unit", "afdeling", "organisatieonderdeel",
                                 "team", "business unit", NULL },
  [BAL_JOB_FIELD_REPORTS_TO] = { "reports to", "manager", "supervisor", "rapporteert aan",
                                 "leidinggevende", "leidinggevende functie", "valt onder", NULL },
  [BAL_JOB_FIELD_INCUMBENTS] = { "incumbents", "headcount", "employees", "number of employees",
                                 "aantal", "aantal medewerkers", "bezetting", "medewerkers", NULL },
  [BAL_JOB_FIELD_DESCRIPTION] = { "description", "job description", "omschrijving", "beschrijving",
                                  "functieomschrijving", "toelichting", NULL },
};

const char *
bal_job_field_label (BalJobField field)
{
  switch (field)
    {
    case BAL_JOB_FIELD_TITLE:
      return _("Title");
    case BAL_JOB_FIELD_DEPARTMENT:
      return _("Department");
    case BAL_JOB_FIELD_REPORTS_TO:
      return _("Reports to");
    case BAL_JOB_FIELD_INCUMBENTS:
      return _("Incumbents");
    case BAL_JOB_FIELD_DESCRIPTION:
      return _("Description");
    case BAL_JOB_N_FIELDS:
    default:
      return "";
    }
}

static void
row_free (BalJobImportRow *row)
{
  g_free (row->title);
  g_free (row->department);
  g_free (row->reports_to);
  g_free (row->description);
  g_free (row);
}

static void
problem_free (BalJobImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

void
bal_job_import_free (BalJobImport *import)
{
  if (import == NULL)
    return;

  g_free (import->file);
  g_free (import->encoding);
  g_strfreev (import->headers);
  g_ptr_array_unref (import->rows);
  g_ptr_array_unref (import->problems);
  g_free (import);
}

G_GNUC_PRINTF (3, 4)
static void
add_problem (BalJobImport *import,
             guint         line,
             const char   *format,
             ...)
{
  BalJobImportProblem *problem = g_new0 (BalJobImportProblem, 1);
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  problem->line = line;
  problem->message = g_strdup_printf ("%s:%u: %s", import->file, line, text);
  g_ptr_array_add (import->problems, problem);
}

static char *
normalise_header (const char *header)
{
  g_autofree char *folded = bal_fold (header);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    {
      gboolean word = g_ascii_isalnum (*p) || (guchar)*p >= 0x80;

      if (word)
        g_string_append_c (out, *p);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static const char *
field_of (GStrv fields,
          int   column)
{
  if (column < 0 || (guint)column >= g_strv_length (fields))
    return "";

  return fields[column];
}

static char *
clean (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  return g_strstrip (g_steal_pointer (&valid));
}

/* The job already in the project with this title; 0 when none, -1 when
 * several have it. */
static gint64
project_job (BalProject *project,
             const char *title)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = bal_project_prepare (project, "SELECT id FROM job WHERE title = ?1 AND deleted IS NULL LIMIT 2", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    id = id == 0 ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);

  return id;
}

/* Reads @file and maps it, without writing anything: the rows, the mapping
 * and every problem by line. NULL only when the file cannot be read as a
 * list of jobs at all (no header naming the title, not CSV). */
BalJobImport *
bal_job_import_read (BalProject  *project,
                     GFile       *file,
                     GError     **error)
{
  g_autoptr(BalJobImport) import = g_new0 (BalJobImport, 1);
  g_autoptr(BalCsv) csv = NULL;
  g_autoptr(GHashTable) by_title = NULL;
  g_autoptr(GHashTable) doubled = NULL;
  BalCsvRecord *header;
  gboolean began;

  g_return_val_if_fail (BAL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  import->file = g_file_get_parse_name (file);
  import->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);
  for (guint f = 0; f < BAL_JOB_N_FIELDS; f++)
    import->columns[f] = -1;

  csv = bal_csv_read (file, error);
  if (csv == NULL)
    return NULL;
  import->encoding = g_strdup (csv->encoding);
  import->delimiter = csv->delimiter;

  if (csv->records->len == 0)
    {
      g_set_error (error, BAL_JOB_IMPORT_ERROR, BAL_JOB_IMPORT_ERROR_INVALID,
                   _("“%s” is empty: it has no jobs."), import->file);
      return NULL;
    }

  header = g_ptr_array_index (csv->records, 0);
  import->headers = g_strdupv (header->fields);
  for (guint c = 0; header->fields[c] != NULL; c++)
    {
      g_autofree char *name = normalise_header (header->fields[c]);

      for (guint f = 0; f < BAL_JOB_N_FIELDS; f++)
        if (import->columns[f] < 0 && g_strv_contains (field_names[f], name))
          {
            import->columns[f] = c;
            break;
          }
    }

  if (import->columns[BAL_JOB_FIELD_TITLE] < 0)
    {
      g_autofree char *joined = g_strjoinv (", ", header->fields);

      /* A line of a file that is no list of jobs can be megabytes long. */
      if (g_utf8_strlen (joined, -1) > 80)
        {
          char *cut = g_utf8_offset_to_pointer (joined, 80);

          *cut = '\0';
          joined = g_realloc (joined, cut - joined + sizeof "…");
          strcat (joined, "…");
        }

      g_set_error (error, BAL_JOB_IMPORT_ERROR, BAL_JOB_IMPORT_ERROR_INVALID,
                   _("%s:%u: no column holds the job titles (the first line has: %s). "
                     "Name it “Functie” or “Title”; the others may be “Afdeling”, “Rapporteert aan”, “Aantal” and “Omschrijving”."),
                   import->file, header->line, joined);
      return NULL;
    }

  by_title = g_hash_table_new (g_str_hash, g_str_equal);
  doubled = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 1; r < csv->records->len; r++)
    {
      BalCsvRecord *record = g_ptr_array_index (csv->records, r);
      BalJobImportRow *row = g_new0 (BalJobImportRow, 1);
      g_autofree char *incumbents = clean (field_of (record->fields, import->columns[BAL_JOB_FIELD_INCUMBENTS]));

      row->line = record->line;
      row->title = clean (field_of (record->fields, import->columns[BAL_JOB_FIELD_TITLE]));
      row->department = clean (field_of (record->fields, import->columns[BAL_JOB_FIELD_DEPARTMENT]));
      row->reports_to = clean (field_of (record->fields, import->columns[BAL_JOB_FIELD_REPORTS_TO]));
      row->description = clean (field_of (record->fields, import->columns[BAL_JOB_FIELD_DESCRIPTION]));
      row->incumbents = 1;
      g_ptr_array_add (import->rows, row);

      if (*row->title == '\0')
        add_problem (import, row->line, _("the job has no title."));
      else if (g_hash_table_contains (by_title, row->title))
        g_hash_table_add (doubled, row->title);
      else
        g_hash_table_insert (by_title, row->title, row);

      if (*incumbents != '\0')
        {
          guint64 number = 0;

          if (!g_ascii_string_to_unsigned (incumbents, 10, 0, G_MAXINT, &number, NULL))
            add_problem (import, row->line, _("“%s” is not a number of incumbents: write a whole number, such as 3."), incumbents);
          row->incumbents = (int)number;
        }
    }

  /* Reports-to: a title of the file, or of a job already in the project. */
  began = bal_project_begin_read (project);
  for (guint r = 0; r < import->rows->len; r++)
    {
      BalJobImportRow *row = g_ptr_array_index (import->rows, r);
      BalJobImportRow *boss;
      guint steps = 0;

      if (*row->reports_to == '\0')
        continue;
      if (g_hash_table_contains (doubled, row->reports_to))
        {
          add_problem (import, row->line, _("it reports to “%s”, but the file has several jobs with that title."), row->reports_to);
          continue;
        }
      boss = g_hash_table_lookup (by_title, row->reports_to);
      if (boss == NULL)
        {
          gint64 id = project_job (project, row->reports_to);

          if (id == 0)
            add_problem (import, row->line, _("it reports to “%s”, which is neither in the file nor in the project."), row->reports_to);
          else if (id < 0)
            add_problem (import, row->line, _("it reports to “%s”, but the project has several jobs with that title."), row->reports_to);
          continue;
        }
      /* No job may report to itself, directly or through others. */
      while (boss != NULL && boss != row && steps++ <= import->rows->len)
        boss = *boss->reports_to ? g_hash_table_lookup (by_title, boss->reports_to) : NULL;
      if (boss == row)
        add_problem (import, row->line, _("“%s” would report to itself (through “%s”)."), row->title, row->reports_to);
    }
  bal_project_end_read (project, began);

  if (import->rows->len == 0)
    add_problem (import, header->line, _("the file has a header, but no jobs."));

  return g_steal_pointer (&import);
}

/* Writes every row of @import as a new job, in one transaction: all of
 * them, or none when the file has any problem or a write fails. Returns
 * the number of jobs added. */
guint
bal_job_import_apply (BalProject    *project,
                      BalJobImport  *import,
                      GError       **error)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) titles = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *now = bal_now_iso8601 ();
  sqlite3_stmt *stmt;
  guint added = 0;

  g_return_val_if_fail (BAL_IS_PROJECT (project), 0);
  g_return_val_if_fail (import != NULL, 0);

  if (import->problems->len > 0)
    {
      BalJobImportProblem *first = g_ptr_array_index (import->problems, 0);

      g_set_error (error, BAL_JOB_IMPORT_ERROR, BAL_JOB_IMPORT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "No job was added: %s (%u problem in all)",
                                "No job was added: %s (%u problems in all)",
                                import->problems->len),
                   first->message, import->problems->len);
      return 0;
    }

  if (!bal_project_begin (project, error))
    return 0;

  stmt = bal_project_prepare (project,
                              "INSERT INTO job (title, department, reports_to, incumbents, description, created, modified) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                              error);
  if (stmt == NULL)
    {
      bal_project_rollback (project);
      return 0;
    }

  /* A job is written after the one it reports to, wherever that stands
   * in the file. */
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  titles = g_hash_table_new (g_str_hash, g_str_equal);
  pending = g_ptr_array_new ();
  for (guint r = 0; r < import->rows->len; r++)
    {
      g_ptr_array_add (pending, g_ptr_array_index (import->rows, r));
      g_hash_table_add (titles, ((BalJobImportRow *)g_ptr_array_index (import->rows, r))->title);
    }

  while (pending->len > 0)
    {
      g_autoptr(GPtrArray) later = g_ptr_array_new ();

      for (guint r = 0; r < pending->len; r++)
        {
          BalJobImportRow *row = g_ptr_array_index (pending, r);
          gint64 *boss = NULL;
          gint64 boss_id = 0;
          gint64 *id;

          if (*row->reports_to != '\0')
            {
              gboolean in_file = g_hash_table_contains (titles, row->reports_to);

              boss = g_hash_table_lookup (ids, row->reports_to);
              if (boss == NULL && in_file)
                {
                  g_ptr_array_add (later, row);
                  continue;
                }
              boss_id = boss != NULL ? *boss : project_job (project, row->reports_to);
            }

          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, row->title, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, row->department, -1, SQLITE_STATIC);
          if (boss_id > 0)
            sqlite3_bind_int64 (stmt, 3, boss_id);
          else
            sqlite3_bind_null (stmt, 3);
          sqlite3_bind_int (stmt, 4, row->incumbents);
          sqlite3_bind_text (stmt, 5, row->description, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              bal_project_set_sqlite_error (project, error);
              g_prefix_error (error, "%s:%u: ", import->file, row->line);
              sqlite3_reset (stmt);
              bal_project_rollback (project);
              return 0;
            }
          id = g_new (gint64, 1);
          *id = sqlite3_last_insert_rowid (bal_project_get_db (project));
          g_hash_table_insert (ids, row->title, id);
          added++;
        }

      /* Only a cycle leaves rows that never get their boss: read() refuses those. */
      if (later->len == pending->len)
        {
          bal_project_rollback (project);
          g_set_error (error, BAL_JOB_IMPORT_ERROR, BAL_JOB_IMPORT_ERROR_INVALID,
                       _("%s:%u: the jobs report to each other in a circle."),
                       import->file, ((BalJobImportRow *)g_ptr_array_index (later, 0))->line);
          return 0;
        }
      g_ptr_array_set_size (pending, 0);
      g_ptr_array_extend (pending, later, NULL, NULL);
    }
  sqlite3_reset (stmt);

  if (!bal_project_commit (project, error))
    return 0;

  bal_project_emit_changed (project, "jobs");

  return added;
}
