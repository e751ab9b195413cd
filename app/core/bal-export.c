/* bal-export.c: the Excel workbook for management and the works council
 *
 * A whole-project workbook has six sheets, in the app's language: the
 * Overview (an Excel table, one row per job, each job's title a link to its
 * justification), the Justifications (one row per job: for each
 * characteristic the levels, the verdict and its note; the grades, the
 * reasons, the status, the objection and the open remarks), the Job
 * structure (families by grades: jobs and incumbents with totals, ungraded
 * jobs in a row of their own, the chart, and every job listed by its cell
 * below), Consistency (the same reference graded differently, departures
 * from the proposal, open objections), Review and Handbook. Each starts with
 * a title block: organisation, handbook, the audit log's head, export date,
 * draft or final, confidential.
 *
 * A project of at most BAL_EXPORT_DETAIL_SHEETS_MAX (20) jobs also gets a
 * detail sheet per job, and its Overview links to those. Above that, a sheet
 * per job makes an archive rather than a report (300 jobs gave 303 tabs and
 * 309 printed pages), while 20 detail sheets of a page or two each print
 * about as much as the rest of the workbook, and 26 tabs can still be found
 * in a tab bar. An export of chosen jobs holds only their detail sheets: the
 * report for one employee, or for the few jobs a works council asks about.
 *
 * Numbers never depend on the locale: libxlsxwriter writes doubles (column
 * widths, margins, dates) with printf, so the export runs under a C numeric
 * locale of its own thread (uselocale, not setlocale: the app exports from a
 * worker thread), and the thread's own locale is restored after.
 *
 * Memory stays flat in the number of jobs. What the rows need is read with
 * one query per table, all in the Overview's order (department, title), and
 * merged job by job as the rows are written; nothing is kept of a job once
 * its rows are written. Every sheet but the Overview is written in
 * libxlsxwriter's constant_memory mode, each row to disk as the next one
 * starts. The Overview keeps its rows in memory because constant_memory has
 * no tables (worksheet_add_table refuses), and a real table is what
 * management sorts and filters; it costs about 2 MB per 1,000 jobs, and
 * leaves out empty cells. The Justifications get an autofilter instead of a
 * table for the same reason. A streamed row cannot be changed later, and
 * merged cells can only lie in one row: so column widths come from the
 * translated header and the longest value (capped, wrapped beyond), both
 * measured with the font's own widths; the height of each row is measured
 * from its wrapped text as it is written (not every reader measures it);
 * and merges span columns only.
 *
 * The workbook is written to a temporary file beside the target, synced and
 * renamed into place, so a failed or cancelled export leaves no half file and
 * a crash leaves the old workbook or the new one. Everything is read in one
 * transaction, so that the workbook shows one moment of the project and the
 * audit log head it names is that moment's (an edit made meanwhile waits for
 * the reading to end: under a second at 5,000 jobs). Text is always written
 * as text: a job called "=SUM(A1)" stays a job title.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "bal-audit.h"
#include "bal-export.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-method.h"
#include "bal-objection.h"
#include "bal-questionnaire.h"
#include "bal-review.h"
#include "bal-project-private.h"

G_DEFINE_QUARK (bal-export-error-quark, bal_export_error)

/* Excel's longest sheet name, in characters. */
#define SHEET_NAME_MAX 31

/* A temporary file this old is left by an export that crashed: no export
 * takes an hour, so a live export's file is never taken for one. */
#define STALE_SECONDS (60 * 60)

/* The title block takes the first rows of every sheet. */
#define TITLE_ROWS 5

/* Column widths are in widths of a digit of the default font (Calibri 11,
 * and Carlito, which has its metrics). Text is measured with the font's
 * widths below, and a little wider, so that nothing is cut. */
#define TEXT_MARGIN   1.05
#define CELL_PADDING  1.0
#define FILTER_BUTTON 2.5   /* the autofilter's button covers a header's end */
#define HEADER_WIDTH  18    /* a longer header wraps, unless its values are wide */
#define LINE_HEIGHT   15.0  /* points */

/* Wider than this (in digits), a sheet prints in landscape: in
 * portrait it would be printed at less than about 80%. */
#define PORTRAIT_WIDTH 110

/* The advance widths of U+0020 to U+00FF in Carlito (regular, bold), in
 * hundredths of a digit's: read from the font files of Debian's
 * fonts-crosextra-carlito. */
static const guint8 regular_widths[224] = {
   45,  64,  79,  98, 100, 141, 135,  44,  60,  60,  98,  98,  49,  60,  50,  76,
  100, 100, 100, 100, 100, 100, 100, 100, 100, 100,  53,  53,  98,  98,  98,  91,
  176, 114, 107, 105, 121,  96,  91, 124, 123,  50,  63, 103,  83, 169, 127, 131,
  102, 133, 107,  91,  96, 127, 112, 176, 102,  96,  92,  61,  76,  61,  98,  98,
   57,  95, 104,  83, 104,  98,  60,  93, 104,  45,  47,  90,  45, 158, 104, 104,
  104, 104,  69,  77,  66, 104,  89, 141,  85,  89,  78,  62,  91,  62,  98, 100,
  100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
  100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
  100,  64,  98, 100,  98, 100,  98,  98,  77, 165,  79, 101,  98, 100, 100,  78,
   67,  98,  66,  66,  58, 108, 116,  50,  61,  49,  83, 101, 126, 132, 133,  91,
  114, 114, 114, 114, 114, 114, 151, 105,  96,  96,  96,  96,  50,  50,  50,  50,
  123, 127, 131, 131, 131, 131, 131,  98, 131, 127, 127, 127, 127,  96, 102, 104,
   95,  95,  95,  95,  95,  95, 153,  83,  98,  98,  98,  98,  45,  45,  45,  45,
  104, 104, 104, 104, 104, 104, 104,  98, 104, 104, 104, 104, 104,  89, 104,  89,
};
static const guint8 bold_widths[224] = {
   45,  64,  87,  98, 100, 144, 139,  46,  61,  61,  98,  98,  51,  60,  53,  85,
  100, 100, 100, 100, 100, 100, 100, 100, 100, 100,  54,  54,  98,  98,  98,  91,
  177, 120, 111, 104, 124,  96,  91, 126, 124,  53,  65, 108,  83, 172, 130, 133,
  105, 135, 111,  93,  98, 129, 117, 179, 109, 103,  94,  64,  85,  64,  98,  98,
   59,  97, 106,  83, 106,  99,  62,  94, 106,  48,  50,  95,  48, 161, 106, 106,
  106, 106,  70,  79,  68, 106,  93, 147,  91,  93,  78,  68,  94,  68,  98, 100,
  100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
  100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
  100,  64,  98, 100,  98, 100,  98,  98,  82, 165,  82, 106,  98, 100, 100,  77,
   68,  98,  67,  66,  59, 111, 118,  53,  60,  50,  86, 106, 130, 136, 138,  91,
  120, 120, 120, 120, 120, 120, 153, 104,  96,  96,  96,  96,  53,  53,  53,  53,
  126, 130, 133, 133, 133, 133, 133,  98, 134, 129, 129, 129, 129, 103, 105, 109,
   97,  97,  97,  97,  97,  97, 153,  83,  99,  99,  99,  99,  48,  48,  48,  48,
  106, 106, 106, 106, 106, 106, 106,  98, 107, 106, 106, 106, 106,  93, 106,  93,
};

/* Every list of jobs is in this order, so that one row of each query after
 * another belongs to the same job. */
#define JOB_ORDER "j.department COLLATE NOCASE, j.title COLLATE NOCASE, j.id"

/* The decision in force of each job. */
#define LATEST_DECISIONS \
  "(SELECT max (id) AS id FROM decision GROUP BY job_id) AS latest " \
  "JOIN decision d ON d.id = latest.id JOIN job j ON j.id = d.job_id AND j.deleted IS NULL "

typedef struct
{
  const char   *path;
  lxw_workbook *workbook;
  BalProject   *project;
  BalMethod    *method;
  GHashTable   *sheet_names;  /* casefolded, as Excel compares them */
  GDateTime    *now;
  GTimeZone    *local;        /* looked up once: a lookup reads the system's files */

  lxw_format   *header;
  lxw_format   *title;
  lxw_format   *section;
  lxw_format   *plain;        /* one line, as in the title block */
  lxw_format   *text;         /* wrapped */
  lxw_format   *label;
  lxw_format   *number;
  lxw_format   *value;        /* a number beside its label */
  lxw_format   *value_date;   /* a date beside its label */
  lxw_format   *change;
  lxw_format   *date;
  lxw_format   *link;

  /* The title block's lines and the footer. */
  char         *source;
  char         *audit_head;
  char         *stamp;
  char         *footer;
} Export;

typedef struct
{
  double width;    /* grows with the headers and values written */
  double cap;      /* values wider than this wrap */
  gboolean used;
} Column;

/* A sheet being written, row by row. */
typedef struct
{
  Export        *export;
  lxw_worksheet *ws;
  char          *name;
  Column        *columns;
  guint          n_columns;
  lxw_row_t      row;         /* the row being written */
  double         height;      /* its height so far, in points; 0: the default */
  double         header_pad;  /* room for the autofilter's buttons */
} Sheet;

static void
sheet_free (Sheet *s)
{
  g_free (s->name);
  g_free (s->columns);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheet, sheet_free)

static int
grade_position (BalMethod  *method,
                const char *grade)
{
  for (guint i = 0; grade != NULL && method->grades[i] != NULL; i++)
    if (g_strcmp0 (method->grades[i], grade) == 0)
      return i + 1;

  return 0;
}

static const char *
characteristic_name (BalMethod  *method,
                     const char *id)
{
  for (guint i = 0; i < method->characteristics->len; i++)
    {
      BalCharacteristic *c = g_ptr_array_index (method->characteristics, i);

      if (g_strcmp0 (c->id, id) == 0)
        return c->name;
    }

  return id;
}

static int
characteristic_index (BalMethod  *method,
                      const char *id)
{
  for (guint i = 0; i < method->characteristics->len; i++)
    if (g_strcmp0 (((BalCharacteristic *)g_ptr_array_index (method->characteristics, i))->id, id) == 0)
      return i;

  return -1;
}

static const char *
question_text (BalMethod  *method,
               const char *id)
{
  for (guint i = 0; i < method->questions->len; i++)
    {
      BalQuestion *q = g_ptr_array_index (method->questions, i);

      if (g_strcmp0 (q->id, id) == 0)
        return q->text;
    }

  return id;
}

/* @text as Excel takes it: valid UTF-8 of at most 32000 characters (a
 * cell holds 32767). NULL when @text is that already. */
static char *
valid_text (const char *text)
{
  gsize length = strlen (text);
  char *valid;

  if (length <= 32000 && g_utf8_validate_len (text, length, NULL))
    return NULL;

  valid = g_utf8_make_valid (text, length);
  if (g_utf8_strlen (valid, -1) > 32000)
    *g_utf8_offset_to_pointer (valid, 32000) = '\0';

  return valid;
}

/* The width of the character at *@p, which it steps over. */
static double
char_width (const char **p,
            gboolean     bold)
{
  gunichar c = (guchar)**p;

  if (c < 0x80)
    (*p)++;
  else
    {
      c = g_utf8_get_char (*p);
      *p = g_utf8_next_char (*p);
    }

  if (c >= 0x20 && c <= 0xff)
    return (bold ? bold_widths : regular_widths)[c - 0x20] / 100.0;

  return g_unichar_iswide (c) ? 2.0 : 1.0;
}

/* The width of @text in digits, as it needs a column: measured, with a
 * margin for the renderer, and the cell's padding. */
static double
text_width (const char *text,
            gboolean    bold)
{
  double width = 0;

  for (const char *p = text; *p != '\0';)
    width += char_width (&p, bold);

  return width * TEXT_MARGIN + CELL_PADDING;
}

/* The widest word of @text, as text_width() measures. */
static double
longest_word (const char *text,
              gboolean    bold)
{
  double longest = 0;
  double word = 0;

  for (const char *p = text; *p != '\0';)
    {
      if (*p == ' ' || *p == '\n')
        {
          word = 0;
          p++;
        }
      else
        {
          word += char_width (&p, bold);
          longest = MAX (longest, word);
        }
    }

  return longest * TEXT_MARGIN + CELL_PADDING;
}

/* The lines @text takes wrapped in a column @width digits wide: words go
 * to the next line whole, as spreadsheets wrap them, and a longer word is
 * broken. */
static int
wrapped_lines (const char *text,
               double      width,
               gboolean    bold)
{
  double line = MAX ((width - CELL_PADDING) / TEXT_MARGIN, 1);
  double space = (bold ? bold_widths : regular_widths)[0] / 100.0;
  double used = 0;
  int lines = 1;

  for (const char *p = text; *p != '\0';)
    {
      double word = 0;

      if (*p == '\n')
        {
          lines++;
          used = 0;
          p++;
          continue;
        }
      if (*p == ' ' || *p == '\t' || *p == '\r')
        {
          p++;
          continue;
        }

      while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
        word += char_width (&p, bold);
      if (used > 0 && used + space + word > line)
        {
          lines++;
          used = 0;
        }
      if (used > 0)
        used += space;
      for (; word > line; word -= line)
        lines++;
      used += word;
    }

  return lines;
}

static lxw_worksheet *
add_worksheet (Export      *export,
               const char  *name,
               gboolean     in_memory,
               GError     **error)
{
  lxw_worksheet *ws;

  /* libxlsxwriter takes constant_memory from the workbook's options as
   * each sheet is added: so it can differ from sheet to sheet. */
  export->workbook->options.constant_memory = !in_memory;
  ws = workbook_add_worksheet (export->workbook, name);
  export->workbook->options.constant_memory = FALSE;

  if (ws == NULL)
    g_set_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED,
                 _("The sheet “%s” could not be added to “%s”. Nothing was saved."), name, export->path);

  return ws;
}

static Sheet *
sheet_new (Export      *export,
           const char  *name,
           guint        n_columns,
           gboolean     in_memory,
           GError     **error)
{
  lxw_worksheet *ws = add_worksheet (export, name, in_memory, error);
  Sheet *s;

  if (ws == NULL)
    return NULL;

  s = g_new0 (Sheet, 1);
  s->export = export;
  s->ws = ws;
  s->name = g_strdup (name);
  s->n_columns = n_columns;
  s->columns = g_new0 (Column, n_columns);
  for (guint i = 0; i < n_columns; i++)
    s->columns[i].cap = 12;

  return s;
}

/* Values of column @col wider than @cap characters wrap. */
static void
column_cap (Sheet  *s,
            guint   col,
            double  cap)
{
  g_assert (col < s->n_columns);
  s->columns[col].cap = cap;
}

/* Column @col is @width characters wide, whatever it holds (or wider, for
 * a header that needs it). */
static void
column_fixed (Sheet  *s,
              guint   col,
              double  width)
{
  g_assert (col < s->n_columns);
  s->columns[col].cap = width;
  s->columns[col].width = width;
  s->columns[col].used = TRUE;
}

static void
grow_row (Sheet  *s,
          int     lines,
          double  padding)
{
  if (lines > 1 || padding > 0)
    s->height = MAX (s->height, LINE_HEIGHT * lines + padding);
}

/* The next row. A streamed row cannot be changed later: its height is set
 * before the next one starts. */
static void
next_row (Sheet *s)
{
  if (s->height > 0)
    worksheet_set_row (s->ws, s->row, s->height, NULL);
  s->row++;
  s->height = 0;
}

static void
skip_rows (Sheet *s,
           guint  n)
{
  next_row (s);
  s->row += n - 1;
}

/* Column @col grows to fit @text, up to its cap; beyond that the text
 * wraps, and the row grows to hold its lines. */
static void
fit_text (Sheet      *s,
          guint       col,
          const char *text,
          gboolean    bold)
{
  Column *column = &s->columns[col];
  double need = text_width (text, bold);

  column->used = TRUE;
  if (need <= column->cap && strchr (text, '\n') == NULL)
    column->width = MAX (column->width, need);
  else
    {
      /* Wrapped at the cap, or at a header that is wider still: the
       * column's width from here on, whatever else it holds. */
      double room = MAX (column->width, column->cap);

      column->width = room;
      grow_row (s, wrapped_lines (text, room, bold), 2);
    }
}

/* Text, always as a string: never a formula, whatever it looks like. */
static void
put_text (Sheet       *s,
          guint        col,
          const char  *text,
          lxw_format  *format)
{
  g_autofree char *valid = NULL;

  g_assert (col < s->n_columns);
  s->columns[col].used = TRUE;
  /* An empty cell is left out: its format shows nothing, and the
   * Overview keeps every cell it has in memory. */
  if (text == NULL || *text == '\0')
    return;

  valid = valid_text (text);
  if (valid != NULL)
    text = valid;
  worksheet_write_string (s->ws, s->row, col, text, format);
  fit_text (s, col, text, format == s->export->label);
}

/* A header: wide enough for its longest word, and for all of it up to the
 * column's cap or HEADER_WIDTH (beyond, it wraps: the values decide). */
static void
put_header (Sheet      *s,
            guint       col,
            const char *text)
{
  Column *column = &s->columns[col];
  double width;

  g_assert (col < s->n_columns);
  column->used = TRUE;
  width = MAX (longest_word (text, TRUE),
               MIN (text_width (text, TRUE), CLAMP (column->cap, 8, HEADER_WIDTH))) + s->header_pad;
  column->width = MAX (column->width, width);
  worksheet_write_string (s->ws, s->row, col, text, s->export->header);
  grow_row (s, wrapped_lines (text, column->width - s->header_pad, TRUE), 5);
}

static void
put_headers (Sheet       *s,
             const char **headers,
             guint        n)
{
  for (guint i = 0; i < n; i++)
    put_header (s, i, _(headers[i]));
  next_row (s);
}

static void
put_number (Sheet      *s,
            guint       col,
            double      value,
            lxw_format *format)
{
  Column *column = &s->columns[col];
  int digits = 1;

  g_assert (col < s->n_columns);
  for (double rest = ABS (value); rest >= 10; rest /= 10)
    digits++;
  column->used = TRUE;
  /* The digits, thousands separators, a sign and the gap before the next column. */
  column->width = MAX (column->width, (digits * 1.2 + 1.6) * TEXT_MARGIN + CELL_PADDING);
  worksheet_write_number (s->ws, s->row, col, value, format ? format : s->export->number);
}

/* The project's ISO 8601 text, in local time; NULL if it is not one. */
static GDateTime *
local_time (Export     *export,
            const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  return utc ? g_date_time_to_timezone (utc, export->local) : NULL;
}

/* A date from the project's ISO 8601 text, as a date in local time; in
 * @format, or as a date in a column when NULL. */
static void
put_date (Sheet      *s,
          guint       col,
          const char *iso,
          lxw_format *format)
{
  g_autoptr(GDateTime) local = local_time (s->export, iso);
  lxw_datetime when;

  if (local == NULL)
    {
      put_text (s, col, iso, s->export->text);
      return;
    }

  when.year = g_date_time_get_year (local);
  when.month = g_date_time_get_month (local);
  when.day = g_date_time_get_day_of_month (local);
  when.hour = g_date_time_get_hour (local);
  when.min = g_date_time_get_minute (local);
  when.sec = g_date_time_get_second (local);
  s->columns[col].used = TRUE;
  s->columns[col].width = MAX (s->columns[col].width, text_width ("2000-01-01)", FALSE));
  worksheet_write_datetime (s->ws, s->row, col, &when, format ? format : s->export->date);
}

/* Text over columns @first to @last of the row. Its lines are counted at
 * the columns' widths so far: they only grow, so the text always fits. */
static void
put_merged (Sheet      *s,
            guint       first,
            guint       last,
            const char *text,
            lxw_format *format)
{
  g_autofree char *valid = NULL;
  double room = 0;

  g_assert (first < last && last < s->n_columns);
  for (guint c = first; c <= last; c++)
    {
      s->columns[c].used = TRUE;
      room += MAX (s->columns[c].width, s->columns[c].cap);
    }

  text = text ? text : "";
  valid = valid_text (text);
  if (valid != NULL)
    text = valid;
  worksheet_merge_range (s->ws, s->row, first, s->row, last, "", format);
  if (*text != '\0')
    worksheet_write_string (s->ws, s->row, first, text, format);
  grow_row (s, wrapped_lines (text, room, format == s->export->header), 2);
}

/* @text, as a link to cell A@row of @sheet_name in this workbook. */
static void
put_link (Sheet      *s,
          guint       col,
          const char *sheet_name,
          lxw_row_t   row,
          const char *text)
{
  g_autoptr(GString) url = g_string_new ("internal:'");
  g_autofree char *valid = valid_text (text);

  /* In a sheet reference, an apostrophe is written twice. */
  for (const char *p = sheet_name; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (url, '\'');
      g_string_append_c (url, *p);
    }
  g_string_append_printf (url, "'!A%u", row + 1);

  if (valid != NULL)
    text = valid;
  fit_text (s, col, text, FALSE);
  worksheet_write_url_opt (s->ws, s->row, col, url->str, s->export->link, text, NULL);
}

/* Organisation, handbook, the audit log's head, and when, in what state
 * and for whom the workbook was made; the sheet's content starts below. */
static void
put_title_block (Sheet      *s,
                 const char *heading)
{
  Export *export = s->export;
  g_autofree char *valid = valid_text (heading ? heading : "");

  worksheet_write_string (s->ws, 0, 0, valid ? valid : heading, export->title);
  worksheet_set_row (s->ws, 0, 22, NULL);
  worksheet_write_string (s->ws, 1, 0, export->source, export->plain);
  if (export->audit_head != NULL)
    worksheet_write_string (s->ws, 2, 0, export->audit_head, export->plain);
  worksheet_write_string (s->ws, 3, 0, export->stamp, export->plain);
  s->row = TITLE_ROWS;
  s->height = 0;
}

static void
put_section (Sheet      *s,
             const char *title)
{
  worksheet_write_string (s->ws, s->row, 0, title, s->export->section);
  s->height = MAX (s->height, 19);
  next_row (s);
}

/* Column widths as the sheet's content asked for, and a page setup: A4,
 * landscape when wide, fitted to the page's width, the header rows @first
 * to @last on every page (none when -1), and the footer. */
static void
sheet_finish (Sheet *s,
              int    first,
              int    last)
{
  double total = 0;

  next_row (s);
  for (guint c = 0; c < s->n_columns; c++)
    if (s->columns[c].used)
      {
        double width = MAX (s->columns[c].width, 3);

        worksheet_set_column (s->ws, c, c, width, NULL);
        total += width;
      }

  worksheet_set_paper (s->ws, 9);  /* A4 */
  if (total > PORTRAIT_WIDTH)
    worksheet_set_landscape (s->ws);
  worksheet_fit_to_pages (s->ws, 1, 0);
  if (first >= 0)
    worksheet_repeat_rows (s->ws, first, last);
  worksheet_set_footer (s->ws, s->export->footer);
}

/* @text in at most @room characters, cut at a space near the end when there
 * is one, without trailing spaces or apostrophes. */
static char *
shorten (const char *text,
         glong       room)
{
  g_autoptr(GString) out = NULL;

  if (g_utf8_strlen (text, -1) <= room)
    out = g_string_new (text);
  else
    {
      const char *end = g_utf8_offset_to_pointer (text, room);
      const char *p = end;

      /* A space is one byte in UTF-8 and never inside another character. */
      while (p > text && *p != ' ')
        p--;
      if (*p == ' ' && g_utf8_pointer_to_offset (text, p) >= room / 2)
        end = p;
      out = g_string_new_len (text, end - text);
    }

  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\''))
    g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\, no
 * apostrophe first or last, and unique ignoring case. A name taken gets
 * " (2)", " (3)"… with room made for it. */
static char *
sheet_name (Export     *export,
            const char *wanted)
{
  g_autofree char *valid = g_utf8_make_valid (wanted ? wanted : "", -1);
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *start;

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("[]:*?/\\", c) != NULL))
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }

  start = clean->str;
  while (*start == ' ' || *start == '\'')
    start++;
  if (*start == '\0')
    start = _("Job");

  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n > 1 ? g_strdup_printf (" (%u)", n) : g_strdup ("");
      g_autofree char *base = shorten (start, SHEET_NAME_MAX - strlen (suffix));
      g_autofree char *name = g_strconcat (base, suffix, NULL);
      g_autofree char *folded = g_utf8_casefold (name, -1);

      if (!g_hash_table_contains (export->sheet_names, folded))
        {
          g_hash_table_add (export->sheet_names, g_steal_pointer (&folded));
          return g_steal_pointer (&name);
        }
    }
}

static gboolean
add_formats (Export  *export,
             GError **error)
{
  lxw_format **formats[] = {
    &export->header, &export->title, &export->section, &export->plain, &export->text,
    &export->label, &export->number, &export->value, &export->value_date, &export->change, &export->date,
    &export->link,
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if ((*formats[i] = workbook_add_format (export->workbook)) == NULL)
      {
        g_set_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED,
                     _("The cell formats for “%s” could not be made. Nothing was saved."), export->path);
        return FALSE;
      }

  format_set_bold (export->header);
  format_set_bg_color (export->header, 0xDDE8F5);
  format_set_bottom (export->header, LXW_BORDER_THIN);
  format_set_text_wrap (export->header);
  format_set_align (export->header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bold (export->title);
  format_set_font_size (export->title, 14);
  format_set_bold (export->section);
  format_set_font_size (export->section, 12);
  format_set_align (export->plain, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (export->text);
  format_set_align (export->text, LXW_ALIGN_VERTICAL_TOP);
  format_set_bold (export->label);
  format_set_text_wrap (export->label);
  format_set_align (export->label, LXW_ALIGN_VERTICAL_TOP);
  /* "_)" leaves a gap after a number, before the next column's text. */
  format_set_num_format (export->number, "#,##0_)");
  format_set_align (export->number, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (export->value, "#,##0");
  format_set_align (export->value, LXW_ALIGN_LEFT);
  format_set_align (export->value, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (export->value_date, "yyyy-mm-dd");
  format_set_align (export->value_date, LXW_ALIGN_LEFT);
  format_set_align (export->value_date, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (export->change, "+0_);-0_);0_)");
  format_set_align (export->change, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (export->date, "yyyy-mm-dd_)");
  format_set_align (export->date, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_color (export->link, LXW_COLOR_BLUE);
  format_set_underline (export->link, LXW_UNDERLINE_SINGLE);
  format_set_text_wrap (export->link);
  format_set_align (export->link, LXW_ALIGN_VERTICAL_TOP);

  return TRUE;
}

static gboolean
set_sqlite_error (Export  *export,
                  GError **error)
{
  bal_project_set_sqlite_error (export->project, error);
  return FALSE;
}

/* One query, read a row at a time alongside others in the same order. */
typedef struct
{
  sqlite3_stmt *stmt;
  gboolean      row;   /* a row is there */
  int           rc;
} Cursor;

static gboolean
cursor_start (Export      *export,
              Cursor      *cursor,
              const char  *sql,
              GError     **error)
{
  cursor->stmt = bal_project_prepare (export->project, sql, error);
  if (cursor->stmt == NULL)
    return FALSE;
  cursor->rc = sqlite3_step (cursor->stmt);
  cursor->row = cursor->rc == SQLITE_ROW;

  return cursor->row || cursor->rc == SQLITE_DONE || set_sqlite_error (export, error);
}

static void
cursor_next (Cursor *cursor)
{
  cursor->rc = sqlite3_step (cursor->stmt);
  cursor->row = cursor->rc == SQLITE_ROW;
}

/* The cursor's row is about job @job_id (its first column). */
static gboolean
cursor_on (Cursor *cursor,
           gint64  job_id)
{
  return cursor->row && sqlite3_column_int64 (cursor->stmt, 0) == job_id;
}

static gboolean
cursor_done (Export  *export,
             Cursor  *cursor,
             GError **error)
{
  gboolean ok = cursor->rc == SQLITE_ROW || cursor->rc == SQLITE_DONE;

  if (cursor->stmt != NULL)
    {
      if (!ok)
        set_sqlite_error (export, error);
      sqlite3_reset (cursor->stmt);
      cursor->stmt = NULL;
    }

  return ok;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? text : "";
}

static gint64
count (Export     *export,
       const char *sql)
{
  sqlite3_stmt *stmt = bal_project_prepare (export->project, sql, NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

/* What a job's rows show, gathered from the cursors. */
typedef struct
{
  gboolean    graded;
  char       *reference_code;
  char       *reference_title;
  char       *family;
  char       *grade;
  char       *proposed_grade;
  BalVerdict  verdict;
  char       *justification;
  char       *departure;
  char       *evaluator;
  char       *decided;
  char       *previous_grade;
  int        *job_levels;        /* per characteristic of the method */
  int        *reference_levels;
  BalVerdict *verdicts;
  char      **notes;
  char       *status;
  char       *objection;         /* the last objection: its date and note */
  char       *outcome;
  GString    *remarks;
} Row;

static void
row_clear (Row   *r,
           guint  n_characteristics)
{
  g_clear_pointer (&r->reference_code, g_free);
  g_clear_pointer (&r->reference_title, g_free);
  g_clear_pointer (&r->family, g_free);
  g_clear_pointer (&r->grade, g_free);
  g_clear_pointer (&r->proposed_grade, g_free);
  g_clear_pointer (&r->justification, g_free);
  g_clear_pointer (&r->departure, g_free);
  g_clear_pointer (&r->evaluator, g_free);
  g_clear_pointer (&r->decided, g_free);
  g_clear_pointer (&r->previous_grade, g_free);
  g_clear_pointer (&r->status, g_free);
  g_clear_pointer (&r->objection, g_free);
  g_clear_pointer (&r->outcome, g_free);
  for (guint i = 0; i < n_characteristics; i++)
    {
      g_clear_pointer (&r->notes[i], g_free);
      r->job_levels[i] = r->reference_levels[i] = 0;
      r->verdicts[i] = BAL_VERDICT_NONE;
    }
  r->graded = FALSE;
  r->verdict = BAL_VERDICT_NONE;
  g_string_truncate (r->remarks, 0);
}

enum { DEC_JOB, DEC_CODE, DEC_TITLE, DEC_GRADE, DEC_PROPOSED, DEC_VERDICT, DEC_JUSTIFICATION,
       DEC_DEPARTURE, DEC_EVALUATOR, DEC_DECIDED, DEC_FAMILY };

static void
read_job (Export *export,
          gint64  job_id,
          Cursor *decisions,
          Cursor *verdicts,
          Cursor *statuses,
          Cursor *remarks,
          Row    *r)
{
  sqlite3_stmt *stmt;

  /* Newest first: the decision in force, then the one it replaced. */
  for (guint n = 0; cursor_on (decisions, job_id); n++, cursor_next (decisions))
    {
      stmt = decisions->stmt;
      if (n == 0)
        {
          r->graded = TRUE;
          r->reference_code = g_strdup (column_text (stmt, DEC_CODE));
          r->reference_title = g_strdup (column_text (stmt, DEC_TITLE));
          r->grade = g_strdup (column_text (stmt, DEC_GRADE));
          r->proposed_grade = g_strdup (column_text (stmt, DEC_PROPOSED));
          r->verdict = bal_verdict_from_string (column_text (stmt, DEC_VERDICT));
          r->justification = g_strdup (column_text (stmt, DEC_JUSTIFICATION));
          r->departure = g_strdup (column_text (stmt, DEC_DEPARTURE));
          r->evaluator = g_strdup (column_text (stmt, DEC_EVALUATOR));
          r->decided = g_strdup (column_text (stmt, DEC_DECIDED));
          r->family = g_strdup (column_text (stmt, DEC_FAMILY));
        }
      else if (n == 1)
        r->previous_grade = g_strdup (column_text (stmt, DEC_GRADE));
    }

  for (; cursor_on (verdicts, job_id); cursor_next (verdicts))
    {
      int i = characteristic_index (export->method, column_text (verdicts->stmt, 1));

      stmt = verdicts->stmt;
      if (i < 0)
        continue;
      r->job_levels[i] = sqlite3_column_int (stmt, 2);
      r->reference_levels[i] = sqlite3_column_int (stmt, 3);
      r->verdicts[i] = bal_verdict_from_string (column_text (stmt, 4));
      g_free (r->notes[i]);
      r->notes[i] = g_strdup (column_text (stmt, 5));
    }

  /* Oldest first: the last is the status now; an objection is followed by
   * its outcome, if it has one. */
  for (; cursor_on (statuses, job_id); cursor_next (statuses))
    {
      const char *status = column_text (statuses->stmt, 1);
      const char *note = column_text (statuses->stmt, 2);
      g_autoptr(GDateTime) local = local_time (export, column_text (statuses->stmt, 3));
      g_autofree char *day = local ? g_date_time_format (local, "%Y-%m-%d") : g_strdup ("");

      g_free (r->status);
      r->status = g_strdup (status);
      if (g_strcmp0 (status, "objected") == 0)
        {
          g_free (r->objection);
          r->objection = *note ? g_strdup_printf ("%s: %s", day, note) : g_strdup (day);
          g_clear_pointer (&r->outcome, g_free);
        }
      else if (g_strcmp0 (status, "upheld") == 0 || g_strcmp0 (status, "revised") == 0)
        {
          g_free (r->outcome);
          r->outcome = *note
            ? g_strdup_printf ("%s (%s): %s", bal_review_status_label (status), day, note)
            : g_strdup_printf ("%s (%s)", bal_review_status_label (status), day);
        }
    }
  if (r->objection != NULL && r->outcome == NULL)
    r->outcome = g_strdup (_("Open"));

  for (; cursor_on (remarks, job_id); cursor_next (remarks))
    g_string_append_printf (r->remarks, "%s%s (%s): %s", r->remarks->len ? "\n" : "",
                            column_text (remarks->stmt, 1), bal_review_role_label (column_text (remarks->stmt, 2)),
                            column_text (remarks->stmt, 3));
}

/* The Overview's columns; the job's title links to its justification. */
enum { OV_DEPARTMENT, OV_JOB, OV_INCUMBENTS, OV_FAMILY, OV_REFERENCE, OV_REFERENCE_TITLE, OV_VERDICT,
       OV_GRADE, OV_SCALE, OV_ORDER, OV_STATUS, OV_DEPARTS, OV_PREVIOUS, OV_CHANGE, OV_EVALUATOR, OV_DATE,
       OV_COLUMNS };

static const char *overview_headers[OV_COLUMNS] = {
  N_("Department"), N_("Job"), N_("Incumbents"), N_("Family"), N_("Reference"), N_("Reference title"),
  N_("Verdict"), N_("Grade"), N_("Salary scale"), N_("Grade order"), N_("Status"), N_("Departs from proposal"),
  N_("Previous grade"), N_("Change"), N_("Evaluator"), N_("Date of decision"),
};

static Sheet *
start_overview (Export      *export,
                const char  *name,
                GError     **error)
{
  Sheet *s = sheet_new (export, name, OV_COLUMNS, TRUE, error);
  const double caps[OV_COLUMNS] = { 24, 36, 10, 26, 9, 30, 10, 6, 34, 7, 22, 12, 9, 7, 20, 11 };

  if (s == NULL)
    return NULL;
  for (guint i = 0; i < OV_COLUMNS; i++)
    column_cap (s, i, caps[i]);
  s->header_pad = FILTER_BUTTON;
  put_title_block (s, name);
  put_headers (s, overview_headers, OV_COLUMNS);

  return s;
}

static void
put_overview_row (Sheet      *s,
                  const char *title,
                  const char *department,
                  int         incumbents,
                  Row        *r,
                  const char *link_sheet,
                  lxw_row_t   link_row)
{
  Export *export = s->export;
  lxw_format *text = export->text;

  put_text (s, OV_DEPARTMENT, department, text);
  put_link (s, OV_JOB, link_sheet, link_row, title);
  put_number (s, OV_INCUMBENTS, incumbents, NULL);
  put_text (s, OV_STATUS, bal_review_job_status_label (r->status, r->graded), text);
  if (r->graded)
    {
      int position = grade_position (export->method, r->grade);
      int previous = grade_position (export->method, r->previous_grade);

      put_text (s, OV_FAMILY, r->family, text);
      put_text (s, OV_REFERENCE, r->reference_code, text);
      put_text (s, OV_REFERENCE_TITLE, r->reference_title, text);
      put_text (s, OV_VERDICT, bal_verdict_label (r->verdict), text);
      put_text (s, OV_GRADE, r->grade, text);
      {
        BalSalaryScale *scale = bal_method_find_scale (export->method, r->grade);
        g_autofree char *scale_text = scale ? bal_salary_scale_format (scale) : NULL;

        if (scale_text != NULL)
          put_text (s, OV_SCALE, scale_text, text);
      }
      if (position > 0)
        put_number (s, OV_ORDER, position, NULL);
      put_text (s, OV_DEPARTS, *r->departure ? _("Yes") : _("No"), text);
      put_text (s, OV_PREVIOUS, r->previous_grade, text);
      if (position > 0 && previous > 0)
        put_number (s, OV_CHANGE, position - previous, export->change);
      put_text (s, OV_EVALUATOR, r->evaluator, text);
      put_date (s, OV_DATE, r->decided, NULL);
    }
  next_row (s);
}

static void
finish_overview (Sheet *s)
{
  lxw_table_column column_data[OV_COLUMNS] = { 0 };
  lxw_table_column *columns[OV_COLUMNS + 1] = { NULL };
  lxw_table_options options = { 0 };
  lxw_row_t last = s->row - 1;

  for (guint i = 0; i < OV_COLUMNS; i++)
    {
      column_data[i].header = (char *)_(overview_headers[i]);
      column_data[i].header_format = s->export->header;
      columns[i] = &column_data[i];
    }
  options.columns = columns;
  options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
  options.style_type_number = 1;
  /* A table has at least one row under its header. */
  worksheet_add_table (s->ws, TITLE_ROWS, 0, MAX (last, TITLE_ROWS + 1), OV_COLUMNS - 1, &options);
  worksheet_freeze_panes (s->ws, TITLE_ROWS + 1, 0);
  sheet_finish (s, TITLE_ROWS, TITLE_ROWS);
}

/* The Justifications' columns: the job, then four per characteristic,
 * then the decision and the review. */
enum { JU_JOB, JU_DEPARTMENT, JU_REFERENCE, JU_FIRST_CHARACTERISTIC };
enum { JU_PROPOSED, JU_EXPLANATION, JU_GRADE, JU_DEPARTURE, JU_JUSTIFICATION, JU_STATUS, JU_OBJECTION,
       JU_OUTCOME, JU_REMARKS, JU_TAIL };

static Sheet *
start_justifications (Export      *export,
                      const char  *name,
                      gint64       n_jobs,
                      GError     **error)
{
  guint n_characteristics = export->method->characteristics->len;
  guint tail = JU_FIRST_CHARACTERISTIC + 4 * n_characteristics;
  Sheet *s = sheet_new (export, name, tail + JU_TAIL, FALSE, error);
  const char *headers[JU_TAIL] = {
    N_("Proposed grade"), N_("How the proposal was reached"), N_("Grade"),
    N_("Reason for departing from the proposal"), N_("Justification"),
    N_("Status"), N_("Objection"), N_("Outcome of the objection"), N_("Open remarks"),
  };
  const double caps[JU_TAIL] = { 9, 48, 7, 36, 48, 20, 32, 32, 40 };

  if (s == NULL)
    return NULL;

  column_cap (s, JU_JOB, 30);
  column_cap (s, JU_DEPARTMENT, 24);
  column_cap (s, JU_REFERENCE, 10);
  for (guint i = 0; i < JU_TAIL; i++)
    column_cap (s, tail + i, caps[i]);
  s->header_pad = FILTER_BUTTON;

  put_title_block (s, name);

  /* Two header rows: each characteristic over its four columns, then what
   * each column shows, with the filter's buttons. */
  for (guint c = 0; c < s->n_columns; c++)
    worksheet_write_blank (s->ws, s->row, c, export->header);
  for (guint i = 0; i < n_characteristics; i++)
    {
      BalCharacteristic *characteristic = g_ptr_array_index (export->method->characteristics, i);
      guint col = JU_FIRST_CHARACTERISTIC + 4 * i;

      column_cap (s, col, 8);
      column_cap (s, col + 1, 8);
      column_cap (s, col + 2, 11);
      column_cap (s, col + 3, 26);
      put_merged (s, col, col + 3, characteristic->name, export->header);
    }
  next_row (s);

  put_header (s, JU_JOB, _("Job"));
  put_header (s, JU_DEPARTMENT, _("Department"));
  put_header (s, JU_REFERENCE, _("Reference"));
  for (guint i = 0; i < n_characteristics; i++)
    {
      guint col = JU_FIRST_CHARACTERISTIC + 4 * i;

      put_header (s, col, _("Job level"));
      put_header (s, col + 1, _("Reference level"));
      put_header (s, col + 2, _("Verdict"));
      put_header (s, col + 3, _("Note"));
    }
  for (guint i = 0; i < JU_TAIL; i++)
    put_header (s, tail + i, _(headers[i]));
  /* A streamed sheet has no tables: an autofilter, set while its rows are ahead. */
  worksheet_autofilter (s->ws, s->row, 0, s->row + MAX (n_jobs, 1), s->n_columns - 1);
  worksheet_freeze_panes (s->ws, s->row + 1, 1);
  next_row (s);

  return s;
}

/* The proposal's arithmetic from the levels the decision keeps, as the
 * comparison explained it when the decision was made. */
static char *
row_explanation (Export *export,
                 Row    *r)
{
  guint n_characteristics = export->method->characteristics->len;
  g_autofree BalDecisionVerdict *lines = g_new0 (BalDecisionVerdict, n_characteristics);
  g_autoptr(GPtrArray) verdicts = g_ptr_array_new ();
  BalDecision decision = { 0 };

  for (guint i = 0; i < n_characteristics; i++)
    {
      BalCharacteristic *characteristic = g_ptr_array_index (export->method->characteristics, i);

      if (r->reference_levels[i] == 0)
        continue;
      lines[i].characteristic_id = characteristic->id;
      lines[i].name = characteristic->name;
      lines[i].job_level = r->job_levels[i];
      lines[i].reference_level = r->reference_levels[i];
      lines[i].proposed = bal_verdict_for_levels (r->job_levels[i], r->reference_levels[i]);
      g_ptr_array_add (verdicts, &lines[i]);
    }
  decision.verdicts = verdicts;
  decision.proposed_grade = r->proposed_grade;

  return bal_grading_explain_decision (&decision, export->method);
}

static void
put_justification_row (Sheet      *s,
                       const char *title,
                       const char *department,
                       Row        *r)
{
  Export *export = s->export;
  guint n_characteristics = export->method->characteristics->len;
  guint tail = JU_FIRST_CHARACTERISTIC + 4 * n_characteristics;
  lxw_format *text = export->text;

  put_text (s, JU_JOB, title, text);
  put_text (s, JU_DEPARTMENT, department, text);
  if (r->graded)
    {
      put_text (s, JU_REFERENCE, r->reference_code, text);
      for (guint i = 0; i < n_characteristics; i++)
        {
          guint col = JU_FIRST_CHARACTERISTIC + 4 * i;

          if (r->job_levels[i] > 0)
            put_number (s, col, r->job_levels[i], NULL);
          if (r->reference_levels[i] > 0)
            put_number (s, col + 1, r->reference_levels[i], NULL);
          if (r->verdicts[i] != BAL_VERDICT_NONE)
            put_text (s, col + 2, bal_verdict_label (r->verdicts[i]), text);
          put_text (s, col + 3, r->notes[i], text);
        }
      g_autofree char *explanation = row_explanation (export, r);

      put_text (s, tail + JU_PROPOSED, r->proposed_grade, text);
      put_text (s, tail + JU_EXPLANATION, explanation, text);
      put_text (s, tail + JU_GRADE, r->grade, text);
      put_text (s, tail + JU_DEPARTURE, r->departure, text);
      put_text (s, tail + JU_JUSTIFICATION, r->justification, text);
    }
  put_text (s, tail + JU_STATUS, bal_review_job_status_label (r->status, r->graded), text);
  put_text (s, tail + JU_OBJECTION, r->objection, text);
  put_text (s, tail + JU_OUTCOME, r->outcome, text);
  put_text (s, tail + JU_REMARKS, r->remarks->str, text);
  next_row (s);
}

/* One pass over the jobs writes the Overview and the Justifications side
 * by side, from five queries read in step. */
static gboolean
write_jobs (Export            *export,
            Sheet             *overview,
            Sheet             *justifications,
            GHashTable        *detail_sheets,
            gint64             n_jobs,
            BalExportProgress  progress,
            gpointer           user_data,
            GCancellable      *cancellable,
            GError           **error)
{
  guint n_characteristics = export->method->characteristics->len;
  Cursor jobs = { 0 }, decisions = { 0 }, verdicts = { 0 }, statuses = { 0 }, remarks = { 0 };
  Row r = { 0 };
  gboolean ok;
  guint i = 0;

  r.job_levels = g_new0 (int, n_characteristics);
  r.reference_levels = g_new0 (int, n_characteristics);
  r.verdicts = g_new0 (BalVerdict, n_characteristics);
  r.notes = g_new0 (char *, n_characteristics);
  r.remarks = g_string_new (NULL);

  ok = cursor_start (export, &jobs,
                     "SELECT j.id, j.title, j.department, j.incumbents FROM job j "
                     "WHERE j.deleted IS NULL ORDER BY " JOB_ORDER, error) &&
       cursor_start (export, &decisions,
                     "SELECT d.job_id, d.reference_code, d.reference_title, d.grade, d.proposed_grade, d.verdict, "
                     "  d.justification, d.departure, d.evaluator, d.decided, f.name "
                     "FROM decision d JOIN job j ON j.id = d.job_id AND j.deleted IS NULL "
                     "LEFT JOIN reference_function r ON r.code = d.reference_code "
                     "LEFT JOIN family f ON f.id = r.family_id "
                     "ORDER BY " JOB_ORDER ", d.id DESC", error) &&
       cursor_start (export, &verdicts,
                     "SELECT d.job_id, v.characteristic_id, coalesce (v.job_level, 0), coalesce (v.reference_level, 0), "
                     "  v.verdict, v.note "
                     "FROM " LATEST_DECISIONS "JOIN decision_verdict v ON v.decision_id = d.id "
                     "ORDER BY " JOB_ORDER, error) &&
       cursor_start (export, &statuses,
                     "SELECT s.job_id, s.status, s.note, s.at FROM job_status s "
                     "JOIN job j ON j.id = s.job_id AND j.deleted IS NULL "
                     "ORDER BY " JOB_ORDER ", s.id", error) &&
       cursor_start (export, &remarks,
                     "SELECT r.job_id, r.author, r.role, r.text FROM remark r "
                     "JOIN job j ON j.id = r.job_id AND j.deleted IS NULL "
                     "WHERE r.resolved IS NULL ORDER BY " JOB_ORDER ", r.id", error);

  for (; ok && jobs.row; cursor_next (&jobs), i++)
    {
      gint64 id = sqlite3_column_int64 (jobs.stmt, 0);
      const char *title = column_text (jobs.stmt, 1);
      const char *department = column_text (jobs.stmt, 2);
      const char *detail = detail_sheets ? g_hash_table_lookup (detail_sheets, &id) : NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      row_clear (&r, n_characteristics);
      read_job (export, id, &decisions, &verdicts, &statuses, &remarks, &r);
      put_overview_row (overview, title, department, sqlite3_column_int (jobs.stmt, 3), &r,
                        detail ? detail : justifications->name, detail ? 0 : justifications->row);
      put_justification_row (justifications, title, department, &r);

      if (progress != NULL && i % 64 == 0)
        progress (0.8 * i / MAX (n_jobs, 1), user_data);
    }

  ok = cursor_done (export, &jobs, ok ? error : NULL) && ok;
  ok = cursor_done (export, &decisions, ok ? error : NULL) && ok;
  ok = cursor_done (export, &verdicts, ok ? error : NULL) && ok;
  ok = cursor_done (export, &statuses, ok ? error : NULL) && ok;
  ok = cursor_done (export, &remarks, ok ? error : NULL) && ok;

  row_clear (&r, n_characteristics);
  g_free (r.job_levels);
  g_free (r.reference_levels);
  g_free (r.verdicts);
  g_free (r.notes);
  g_string_free (r.remarks, TRUE);

  return ok;
}

typedef struct
{
  int    family;   /* in the handbook's list; -1: another */
  int    grade;    /* on the scale; -1: not on it */
  double jobs;
  double incumbents;
} Cell;

/* Families by grades, twice: jobs, then incumbents. Highest grade on top,
 * as a structure is read; ungraded jobs in a row of their own; totals. */
static void
put_matrix (Sheet       *s,
            const char  *title,
            GStrv        families,
            guint        n_families,
            const double *cells,      /* [grade * n_families + family] */
            double       ungraded,
            lxw_row_t   *first_grade_row)
{
  BalMethod *method = s->export->method;
  guint n_grades = g_strv_length (method->grades);
  guint total_col = n_families + 1;
  g_autofree double *family_totals = g_new0 (double, n_families);
  double all = ungraded;

  put_section (s, title);
  put_header (s, 0, _("Grade"));
  for (guint f = 0; f < n_families; f++)
    put_header (s, f + 1, families[f]);
  put_header (s, total_col, _("Total"));
  put_header (s, total_col + 1, _("Salary scale"));
  next_row (s);

  *first_grade_row = s->row;
  for (guint g = n_grades; g-- > 0;)
    {
      double grade_total = 0;

      put_text (s, 0, method->grades[g], s->export->label);
      for (guint f = 0; f < n_families; f++)
        {
          double value = cells[g * n_families + f];

          if (value > 0)
            put_number (s, f + 1, value, NULL);
          grade_total += value;
          family_totals[f] += value;
        }
      put_number (s, total_col, grade_total, NULL);
      {
        BalSalaryScale *scale = bal_method_find_scale (method, method->grades[g]);
        g_autofree char *scale_text = scale ? bal_salary_scale_format (scale) : NULL;

        if (scale_text != NULL)
          put_text (s, total_col + 1, scale_text, s->export->text);
      }
      all += grade_total;
      next_row (s);
    }

  put_text (s, 0, _("Not graded"), s->export->label);
  put_number (s, total_col, ungraded, NULL);
  next_row (s);

  put_text (s, 0, _("Total"), s->export->label);
  for (guint f = 0; f < n_families; f++)
    put_number (s, f + 1, family_totals[f], NULL);
  put_number (s, total_col, all, NULL);
  next_row (s);
  next_row (s);
}

static gboolean
write_structure (Export            *export,
                 const char        *name,
                 GCancellable      *cancellable,
                 GError           **error)
{
  BalMethod *method = export->method;
  guint n_grades = g_strv_length (method->grades);
  g_autoptr(GPtrArray) family_list = bal_handbook_list_families (export->project, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) families = NULL;
  g_autoptr(Sheet) s = NULL;
  g_autofree double *jobs = NULL;
  g_autofree double *incumbents = NULL;
  double ungraded_jobs = 0, ungraded_incumbents = 0;
  guint n_families, total_col, job_first, job_last, incumbents_col;
  lxw_row_t jobs_row, incumbents_row;
  gboolean other = FALSE;
  lxw_chart *chart;
  lxw_chart_series *series[2];
  lxw_chart_options chart_options = { 0 };
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  Cursor cursor = { 0 };

  if (family_list == NULL)
    return FALSE;

  /* Jobs and incumbents per family and grade (one row each, so few); a
   * reference the handbook no longer has puts its jobs under "Other family". */
  if (!cursor_start (export, &cursor,
                     "SELECT f.name, d.grade, count (*), total (j.incumbents) "
                     "FROM " LATEST_DECISIONS
                     "LEFT JOIN reference_function r ON r.code = d.reference_code "
                     "LEFT JOIN family f ON f.id = r.family_id "
                     "GROUP BY f.name, d.grade", error))
    return FALSE;
  for (; cursor.row; cursor_next (&cursor))
    {
      Cell cell = { -1, grade_position (method, column_text (cursor.stmt, 1)) - 1,
                    sqlite3_column_double (cursor.stmt, 2), sqlite3_column_double (cursor.stmt, 3) };
      const char *family = (const char *)sqlite3_column_text (cursor.stmt, 0);

      for (guint f = 0; family != NULL && f < family_list->len; f++)
        if (g_strcmp0 (g_ptr_array_index (family_list, f), family) == 0)
          cell.family = f;
      other |= cell.family < 0;
      g_array_append_val (cells, cell);
    }
  if (!cursor_done (export, &cursor, error))
    return FALSE;

  for (guint f = 0; f < family_list->len; f++)
    g_strv_builder_add (builder, g_ptr_array_index (family_list, f));
  if (other)
    g_strv_builder_add (builder, _("Other family"));
  families = g_strv_builder_end (builder);
  n_families = g_strv_length (families);
  jobs = g_new0 (double, MAX (n_grades * n_families, 1));
  incumbents = g_new0 (double, MAX (n_grades * n_families, 1));
  for (guint i = 0; i < cells->len; i++)
    {
      Cell *cell = &g_array_index (cells, Cell, i);
      guint f = cell->family >= 0 ? (guint)cell->family : n_families - 1;

      if (cell->grade < 0)
        continue;
      jobs[cell->grade * n_families + f] += cell->jobs;
      incumbents[cell->grade * n_families + f] += cell->incumbents;
    }

  if (!cursor_start (export, &cursor,
                     "SELECT count (*), total (incumbents) FROM job "
                     "WHERE deleted IS NULL AND id NOT IN (SELECT job_id FROM decision)", error))
    return FALSE;
  if (cursor.row)
    {
      ungraded_jobs = sqlite3_column_double (cursor.stmt, 0);
      ungraded_incumbents = sqlite3_column_double (cursor.stmt, 1);
    }
  if (!cursor_done (export, &cursor, error))
    return FALSE;

  /* Below the matrices, each job by its cell: the grade, the family, the
   * job over the columns between, its incumbents in the last. */
  total_col = n_families + 1;
  job_first = 2;
  job_last = MAX (job_first, total_col - 1);
  incumbents_col = MAX (job_last + 1, total_col);

  s = sheet_new (export, name, MAX (incumbents_col + 1, total_col + 2), FALSE, error);
  if (s == NULL)
    return FALSE;
  column_cap (s, 0, 16);
  for (guint f = 0; f < n_families; f++)
    column_cap (s, f + 1, 14);
  column_cap (s, 1, 30);
  column_cap (s, incumbents_col, 12);

  put_title_block (s, name);
  put_matrix (s, _("Jobs"), families, n_families, jobs, ungraded_jobs, &jobs_row);
  put_matrix (s, _("Incumbents"), families, n_families, incumbents, ungraded_incumbents, &incumbents_row);

  /* The chart of jobs and incumbents per grade, from the totals above. */
  chart = workbook_add_chart (export->workbook, LXW_CHART_COLUMN);
  series[0] = chart ? chart_add_series (chart, NULL, NULL) : NULL;
  series[1] = chart ? chart_add_series (chart, NULL, NULL) : NULL;
  if (series[0] == NULL || series[1] == NULL)
    {
      g_set_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED,
                   _("The chart could not be added to “%s”. Nothing was saved."), export->path);
      return FALSE;
    }
  chart_series_set_categories (series[0], name, jobs_row, 0, jobs_row + n_grades - 1, 0);
  chart_series_set_values (series[0], name, jobs_row, total_col, jobs_row + n_grades - 1, total_col);
  chart_series_set_name (series[0], _("Jobs"));
  chart_series_set_categories (series[1], name, jobs_row, 0, jobs_row + n_grades - 1, 0);
  chart_series_set_values (series[1], name, incumbents_row, total_col,
                           incumbents_row + n_grades - 1, total_col);
  chart_series_set_name (series[1], _("Incumbents"));
  chart_title_set_name (chart, _("Jobs and incumbents per grade"));
  chart_axis_set_name (chart->x_axis, _("Grade"));
  /* The rows list the highest grade first; the chart reads lowest first. */
  chart_axis_set_reverse (chart->x_axis);
  chart_axis_set_crossing_max (chart->x_axis);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  chart_options.description = (char *)_("Jobs and incumbents per grade");
  worksheet_insert_chart_opt (s->ws, s->row, 0, chart, &chart_options);
  skip_rows (s, 16);

  put_section (s, _("Jobs by grade and family"));
  put_header (s, 0, _("Grade"));
  put_header (s, 1, _("Family"));
  put_header (s, job_first, _("Job"));
  if (job_last > job_first)
    {
      for (guint c = job_first + 1; c <= job_last; c++)
        worksheet_write_blank (s->ws, s->row, c, export->header);
      worksheet_merge_range (s->ws, s->row, job_first, s->row, job_last, _("Job"), export->header);
    }
  put_header (s, incumbents_col, _("Incumbents"));
  next_row (s);

  if (!cursor_start (export, &cursor,
                     "SELECT d.grade, coalesce (f.name, ''), j.title, j.incumbents, d.id IS NULL "
                     "FROM job j "
                     "LEFT JOIN (SELECT job_id, max (id) AS id FROM decision GROUP BY job_id) AS latest "
                     "  ON latest.job_id = j.id "
                     "LEFT JOIN decision d ON d.id = latest.id "
                     "LEFT JOIN reference_function r ON r.code = d.reference_code "
                     "LEFT JOIN family f ON f.id = r.family_id "
                     "LEFT JOIN grade g ON g.name = d.grade "
                     "WHERE j.deleted IS NULL "
                     "ORDER BY d.id IS NULL, g.position DESC, f.position, f.name, j.title COLLATE NOCASE, j.id",
                     error))
    return FALSE;
  for (; cursor.row; cursor_next (&cursor))
    {
      gboolean ungraded = sqlite3_column_int (cursor.stmt, 4);
      const char *family = column_text (cursor.stmt, 1);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      put_text (s, 0, ungraded ? _("Not graded") : column_text (cursor.stmt, 0), export->text);
      put_text (s, 1, !ungraded && *family == '\0' ? _("Other family") : family, export->text);
      if (job_last > job_first)
        put_merged (s, job_first, job_last, column_text (cursor.stmt, 2), export->text);
      else
        put_text (s, job_first, column_text (cursor.stmt, 2), export->text);
      put_number (s, incumbents_col, sqlite3_column_int (cursor.stmt, 3), NULL);
      next_row (s);
    }
  if (!cursor_done (export, &cursor, error))
    return FALSE;

  sheet_finish (s, -1, -1);

  return TRUE;
}

/* The findings of `balans-cli check` a works council asks about: the same
 * reference function graded differently, departures from the proposal, and
 * objections still open, with how long. */
static gboolean
write_consistency (Export      *export,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(Sheet) s = sheet_new (export, name, 6, FALSE, error);
  lxw_format *text = export->text;
  Cursor cursor = { 0 };
  guint n;

  if (s == NULL)
    return FALSE;
  column_cap (s, 0, 36);
  column_cap (s, 1, 24);
  column_cap (s, 2, 11);
  column_cap (s, 3, 9);
  column_cap (s, 4, 9);
  column_cap (s, 5, 44);
  put_title_block (s, name);

  put_section (s, _("Same reference function, different grades"));
  put_header (s, 0, _("Job"));
  put_header (s, 1, _("Department"));
  put_header (s, 2, _("Reference"));
  put_header (s, 3, _("Grade"));
  next_row (s);
  if (!cursor_start (export, &cursor,
                     "WITH l AS MATERIALIZED (SELECT d.job_id, d.reference_code, d.grade FROM " LATEST_DECISIONS ") "
                     "SELECT j.title, j.department, l.reference_code, l.grade FROM l "
                     "JOIN job j ON j.id = l.job_id LEFT JOIN grade g ON g.name = l.grade "
                     "WHERE l.reference_code IN (SELECT reference_code FROM l GROUP BY reference_code "
                     "                           HAVING count (DISTINCT grade) > 1) "
                     "ORDER BY l.reference_code, g.position DESC, " JOB_ORDER, error))
    return FALSE;
  for (n = 0; cursor.row; cursor_next (&cursor), n++)
    {
      put_text (s, 0, column_text (cursor.stmt, 0), text);
      put_text (s, 1, column_text (cursor.stmt, 1), text);
      put_text (s, 2, column_text (cursor.stmt, 2), text);
      put_text (s, 3, column_text (cursor.stmt, 3), text);
      next_row (s);
    }
  if (!cursor_done (export, &cursor, error))
    return FALSE;
  if (n == 0)
    {
      put_text (s, 0, _("None."), text);
      next_row (s);
    }
  next_row (s);

  put_section (s, _("Departures from the proposal"));
  put_header (s, 0, _("Job"));
  put_header (s, 1, _("Department"));
  put_header (s, 2, _("Reference"));
  put_header (s, 3, _("Proposed grade"));
  put_header (s, 4, _("Grade"));
  put_header (s, 5, _("Reason for departing from the proposal"));
  next_row (s);
  if (!cursor_start (export, &cursor,
                     "SELECT j.title, j.department, d.reference_code, d.proposed_grade, d.grade, d.departure "
                     "FROM " LATEST_DECISIONS "WHERE d.departure <> '' ORDER BY " JOB_ORDER, error))
    return FALSE;
  for (n = 0; cursor.row; cursor_next (&cursor), n++)
    {
      for (guint c = 0; c < 6; c++)
        put_text (s, c, column_text (cursor.stmt, c), text);
      next_row (s);
    }
  if (!cursor_done (export, &cursor, error))
    return FALSE;
  if (n == 0)
    {
      put_text (s, 0, _("None."), text);
      next_row (s);
    }
  next_row (s);

  put_section (s, _("Open objections"));
  put_header (s, 0, _("Job"));
  put_header (s, 1, _("Department"));
  put_header (s, 2, _("Lodged on"));
  put_header (s, 3, _("Days open"));
  put_header (s, 4, _("Objection"));
  worksheet_merge_range (s->ws, s->row, 4, s->row, 5, _("Objection"), export->header);
  next_row (s);
  if (!cursor_start (export, &cursor,
                     "SELECT j.title, j.department, s.at, s.note "
                     "FROM (SELECT max (id) AS id FROM job_status GROUP BY job_id) AS m "
                     "JOIN job_status s ON s.id = m.id JOIN job j ON j.id = s.job_id AND j.deleted IS NULL "
                     "WHERE s.status = 'objected' ORDER BY s.at, " JOB_ORDER, error))
    return FALSE;
  for (n = 0; cursor.row; cursor_next (&cursor), n++)
    {
      g_autoptr(GDateTime) lodged = g_date_time_new_from_iso8601 (column_text (cursor.stmt, 2), NULL);

      put_text (s, 0, column_text (cursor.stmt, 0), text);
      put_text (s, 1, column_text (cursor.stmt, 1), text);
      put_date (s, 2, column_text (cursor.stmt, 2), NULL);
      if (lodged != NULL)
        put_number (s, 3, MAX (g_date_time_difference (export->now, lodged) / G_TIME_SPAN_DAY, 0), NULL);
      put_merged (s, 4, 5, column_text (cursor.stmt, 3), text);
      next_row (s);
    }
  if (!cursor_done (export, &cursor, error))
    return FALSE;
  if (n == 0)
    {
      put_text (s, 0, _("None."), text);
      next_row (s);
    }

  sheet_finish (s, -1, -1);

  return TRUE;
}

/* Open before decided, overdue first, then oldest first. */
static int
compare_objections (gconstpointer a,
                    gconstpointer b)
{
  BalObjection *x = *(BalObjection **)a;
  BalObjection *y = *(BalObjection **)b;

  if ((x->outcome == NULL) != (y->outcome == NULL))
    return x->outcome == NULL ? -1 : 1;
  if (x->overdue != y->overdue)
    return x->overdue ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Every objection and its outcome, and every remark. */
static gboolean
write_review (Export      *export,
              const char  *name,
              GError     **error)
{
  g_autoptr(Sheet) s = sheet_new (export, name, 6, FALSE, error);
  lxw_format *text = export->text;
  Cursor cursor = { 0 };
  guint n;

  if (s == NULL)
    return FALSE;
  column_cap (s, 0, 11);
  column_cap (s, 1, 30);
  column_cap (s, 2, 22);
  column_cap (s, 3, 18);
  column_cap (s, 4, 60);
  column_cap (s, 5, 10);
  put_title_block (s, name);

  put_section (s, _("Objections"));
  put_header (s, 0, _("Date"));
  put_header (s, 1, _("Job"));
  put_header (s, 2, _("Status"));
  put_header (s, 3, _("By"));
  put_header (s, 4, _("Note"));
  next_row (s);
  if (!cursor_start (export, &cursor,
                     "SELECT s.at, j.title, s.status, s.actor, s.note FROM job_status s "
                     "JOIN job j ON j.id = s.job_id AND j.deleted IS NULL "
                     "WHERE s.status IN ('objected', 'upheld', 'revised') ORDER BY " JOB_ORDER ", s.id", error))
    return FALSE;
  for (n = 0; cursor.row; cursor_next (&cursor), n++)
    {
      put_date (s, 0, column_text (cursor.stmt, 0), NULL);
      put_text (s, 1, column_text (cursor.stmt, 1), text);
      put_text (s, 2, bal_review_status_label (column_text (cursor.stmt, 2)), text);
      put_text (s, 3, column_text (cursor.stmt, 3), text);
      put_text (s, 4, column_text (cursor.stmt, 4), text);
      next_row (s);
    }
  if (!cursor_done (export, &cursor, error))
    return FALSE;
  if (n == 0)
    {
      put_text (s, 0, _("None."), text);
      next_row (s);
    }
  next_row (s);

  /* The objections as a procedure: the open ones first, overdue ones marked. */
  {
    g_autoptr(GPtrArray) objections = bal_objection_list (export->project, 0, FALSE, error);

    if (objections == NULL)
      return FALSE;
    g_ptr_array_sort (objections, compare_objections);

    put_section (s, _("Objection procedure"));
    put_header (s, 0, _("Lodged"));
    put_header (s, 1, _("Job"));
    put_header (s, 2, _("State"));
    put_header (s, 3, _("By"));
    put_header (s, 4, _("Reasons, advice and decision"));
    put_header (s, 5, _("Days open"));
    next_row (s);
    for (guint i = 0; i < objections->len; i++)
      {
        BalObjection *o = g_ptr_array_index (objections, i);
        g_autoptr(GString) detail = g_string_new (o->reasons);
        g_autofree char *by = g_strdup_printf ("%s (%s)", o->author, bal_review_role_label (o->role));

        g_string_append_printf (detail, "\n%s %s", _("Last day to object:"), o->deadline);
        if (o->committee_date != NULL)
          g_string_append_printf (detail, "\n%s %s (%s, %s)", _("Committee’s advice:"), o->committee_advice,
                                  o->committee_members, o->committee_date);
        if (o->outcome != NULL)
          g_string_append_printf (detail, "\n%s %s (%s, %s)", _("Employer’s decision:"), o->outcome_note,
                                  o->decided_by, o->decided);
        if (o->appeal)
          g_string_append_printf (detail, "\n%s", _("An external appeal followed."));

        put_text (s, 0, o->lodged, text);
        put_text (s, 1, o->job_title, text);
        put_text (s, 2, bal_objection_state_label (o), o->overdue ? export->label : text);
        put_text (s, 3, by, text);
        put_text (s, 4, detail->str, text);
        put_number (s, 5, o->days_open, NULL);
        next_row (s);
      }
    if (objections->len == 0)
      {
        put_text (s, 0, _("None."), text);
        next_row (s);
      }
    next_row (s);
  }

  put_section (s, _("Remarks"));
  put_header (s, 0, _("Date"));
  put_header (s, 1, _("Job"));
  put_header (s, 2, _("Author"));
  put_header (s, 3, _("Role"));
  put_header (s, 4, _("Remark"));
  put_header (s, 5, _("Status"));
  next_row (s);
  if (!cursor_start (export, &cursor,
                     "SELECT r.created, j.title, r.author, r.role, r.text, r.resolved IS NOT NULL FROM remark r "
                     "JOIN job j ON j.id = r.job_id AND j.deleted IS NULL ORDER BY r.id", error))
    return FALSE;
  for (n = 0; cursor.row; cursor_next (&cursor), n++)
    {
      put_date (s, 0, column_text (cursor.stmt, 0), NULL);
      put_text (s, 1, column_text (cursor.stmt, 1), text);
      put_text (s, 2, column_text (cursor.stmt, 2), text);
      put_text (s, 3, bal_review_role_label (column_text (cursor.stmt, 3)), text);
      put_text (s, 4, column_text (cursor.stmt, 4), text);
      put_text (s, 5, sqlite3_column_int (cursor.stmt, 5) ? _("Resolved") : _("Open"), text);
      next_row (s);
    }
  if (!cursor_done (export, &cursor, error))
    return FALSE;
  if (n == 0)
    {
      put_text (s, 0, _("None."), text);
      next_row (s);
    }

  sheet_finish (s, -1, -1);

  return TRUE;
}

/* The reference functions the decisions in force name. */
static gboolean
write_handbook (Export      *export,
                const char  *name,
                GError     **error)
{
  g_autoptr(Sheet) s = sheet_new (export, name, 5, FALSE, error);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) all = NULL;
  const char *headers[] = {
    N_("Code"), N_("Reference function"), N_("Family"), N_("Grade"), N_("Alternative titles"),
  };
  Cursor cursor = { 0 };

  if (s == NULL)
    return FALSE;

  if (!cursor_start (export, &cursor, "SELECT DISTINCT d.reference_code FROM " LATEST_DECISIONS, error))
    return FALSE;
  for (; cursor.row; cursor_next (&cursor))
    g_hash_table_add (used, g_strdup (column_text (cursor.stmt, 0)));
  if (!cursor_done (export, &cursor, error))
    return FALSE;

  all = bal_handbook_search (export->project, NULL, NULL, error);
  if (all == NULL)
    return FALSE;

  column_cap (s, 0, 10);
  column_cap (s, 1, 36);
  column_cap (s, 2, 26);
  column_cap (s, 3, 7);
  column_cap (s, 4, 50);
  put_title_block (s, name);
  put_headers (s, headers, G_N_ELEMENTS (headers));
  for (guint i = 0; i < all->len; i++)
    {
      BalReferenceSummary *summary = g_ptr_array_index (all, i);

      if (!g_hash_table_contains (used, summary->code))
        continue;
      put_text (s, 0, summary->code, export->text);
      put_text (s, 1, summary->title, export->text);
      put_text (s, 2, summary->family, export->text);
      put_text (s, 3, summary->grade, export->text);
      put_text (s, 4, summary->alternative_titles, export->text);
      next_row (s);
    }
  worksheet_freeze_panes (s->ws, TITLE_ROWS + 1, 0);
  sheet_finish (s, TITLE_ROWS, TITLE_ROWS);

  return TRUE;
}

static void
put_pair (Sheet      *s,
          const char *label,
          const char *value)
{
  put_text (s, 0, label, s->export->label);
  put_merged (s, 1, 5, value, s->export->text);
  next_row (s);
}

static void
put_header_merged (Sheet      *s,
                   guint       first,
                   guint       last,
                   const char *text)
{
  put_header (s, first, text);
  worksheet_merge_range (s->ws, s->row, first, s->row, last, text, s->export->header);
}

/* A job's detail sheet: its description, answers and evidence, the
 * comparison, the decision, and its history. */
static gboolean
write_detail (Export      *export,
              const char  *name,
              BalJob      *job,
              GError     **error)
{
  g_autoptr(Sheet) s = sheet_new (export, name, 6, FALSE, error);
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  BalDecision *decision;
  lxw_format *text = export->text;

  if (s == NULL)
    return FALSE;

  answers = bal_questionnaire_answers (export->project, job->id, error);
  history = answers ? bal_grading_history (export->project, job->id, error) : NULL;
  statuses = history ? bal_review_history (export->project, job->id, error) : NULL;
  if (statuses == NULL)
    return FALSE;
  decision = history->len > 0 ? g_ptr_array_index (history, 0) : NULL;

  column_fixed (s, 0, 24);
  column_fixed (s, 1, 36);
  for (guint c = 2; c < 6; c++)
    column_fixed (s, c, 11);

  put_title_block (s, job->title);
  put_pair (s, _("Department"), job->department);
  put_text (s, 0, _("Incumbents"), export->label);
  put_number (s, 1, job->incumbents, export->value);
  next_row (s);
  put_pair (s, _("Description"), job->description);
  next_row (s);

  put_section (s, _("Questionnaire"));
  put_header (s, 0, _("Question"));
  put_header (s, 1, _("Answer"));
  put_header (s, 2, _("Level"));
  put_header_merged (s, 3, 5, _("Evidence"));
  next_row (s);
  for (guint i = 0; i < answers->len; i++)
    {
      BalAnswer *answer = g_ptr_array_index (answers, i);

      put_text (s, 0, question_text (export->method, answer->question_id), text);
      put_text (s, 1, answer->option_text, text);
      put_number (s, 2, answer->level, NULL);
      put_merged (s, 3, 5, answer->evidence, text);
      next_row (s);
    }
  if (answers->len == 0)
    {
      put_text (s, 0, _("No question answered."), text);
      next_row (s);
    }
  next_row (s);

  put_section (s, _("Comparison"));
  if (decision != NULL)
    {
      g_autofree char *reference = g_strdup_printf ("%s %s", decision->reference_code, decision->reference_title);
      g_autofree char *proposal = g_strdup_printf (_("%s, grade %s"), bal_verdict_label (decision->proposed_verdict),
                                                   decision->proposed_grade);

      put_header (s, 0, _("Characteristic"));
      put_header (s, 1, _("Note"));
      put_header (s, 2, _("Job level"));
      put_header (s, 3, _("Reference level"));
      put_header (s, 4, _("Proposed"));
      put_header (s, 5, _("Verdict"));
      next_row (s);
      for (guint i = 0; i < decision->verdicts->len; i++)
        {
          BalDecisionVerdict *v = g_ptr_array_index (decision->verdicts, i);

          put_text (s, 0, characteristic_name (export->method, v->characteristic_id), text);
          put_text (s, 1, v->note, text);
          if (v->job_level > 0)
            put_number (s, 2, v->job_level, NULL);
          else
            put_text (s, 2, _("Not answered"), text);
          put_number (s, 3, v->reference_level, NULL);
          put_text (s, 4, bal_verdict_label (v->proposed), text);
          put_text (s, 5, bal_verdict_label (v->verdict), text);
          next_row (s);
        }
      next_row (s);

      put_section (s, _("Decision"));
      put_pair (s, _("Reference function"), reference);
      put_pair (s, _("Proposed"), proposal);
      {
        g_autofree char *explanation = bal_grading_explain_decision (decision, export->method);

        put_pair (s, _("How the proposal was reached"), explanation);
      }
      put_pair (s, _("Verdict"), bal_verdict_label (decision->verdict));
      put_pair (s, _("Grade"), decision->grade);
      put_pair (s, _("Justification"), decision->justification);
      if (decision->departure != NULL && *decision->departure != '\0')
        put_pair (s, _("Reason for departing from the proposal"), decision->departure);
      put_pair (s, _("Evaluator"), decision->evaluator);
      put_text (s, 0, _("Date"), export->label);
      put_date (s, 1, decision->decided, export->value_date);
      next_row (s);
      next_row (s);

      put_section (s, _("History"));
      put_header (s, 0, _("Date"));
      put_header (s, 1, _("Justification"));
      put_header (s, 2, _("Grade"));
      put_header (s, 3, _("Reference"));
      put_header_merged (s, 4, 5, _("Evaluator"));
      next_row (s);
      for (guint i = 0; i < history->len; i++)
        {
          BalDecision *d = g_ptr_array_index (history, i);

          put_date (s, 0, d->decided, NULL);
          put_text (s, 1, d->justification, text);
          put_text (s, 2, d->grade, text);
          put_text (s, 3, d->reference_code, text);
          put_merged (s, 4, 5, d->evaluator, text);
          next_row (s);
        }
    }
  else
    {
      put_text (s, 0, _("The job has no decision yet."), text);
      next_row (s);
    }
  next_row (s);

  put_section (s, _("Status History"));
  put_header (s, 0, _("Date"));
  put_header (s, 1, _("Note"));
  put_header_merged (s, 2, 3, _("Status"));
  put_header_merged (s, 4, 5, _("By"));
  next_row (s);
  for (guint i = 0; i < statuses->len; i++)
    {
      BalStatusChange *change = g_ptr_array_index (statuses, i);

      put_date (s, 0, change->at, NULL);
      put_text (s, 1, change->note, text);
      put_merged (s, 2, 3, bal_review_status_label (change->status), text);
      put_merged (s, 4, 5, change->actor, text);
      next_row (s);
    }
  if (statuses->len == 0)
    {
      put_text (s, 0, _("Still a draft."), text);
      next_row (s);
    }

  sheet_finish (s, -1, -1);

  return TRUE;
}

/* The whole project: the six sheets, and a detail sheet per job when the
 * project is small. */
static gboolean
write_project (Export            *export,
               gint64             n_jobs,
               BalExportProgress  progress,
               gpointer           user_data,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) detail_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) detail_sheets = NULL;
  g_autoptr(Sheet) overview = NULL;
  g_autoptr(Sheet) justifications = NULL;
  g_autofree char *overview_name = NULL;
  g_autofree char *justifications_name = NULL;
  g_autofree char *structure_name = NULL;
  g_autofree char *consistency_name = NULL;
  g_autofree char *review_name = NULL;
  g_autofree char *handbook_name = NULL;

  /* The fixed sheets are named first, so that a job called "Overview"
   * gets another name rather than the overview's. */
  overview_name = sheet_name (export, _("Overview"));
  justifications_name = sheet_name (export, _("Justifications"));
  structure_name = sheet_name (export, _("Job structure"));
  consistency_name = sheet_name (export, _("Consistency"));
  review_name = sheet_name (export, _("Review"));
  handbook_name = sheet_name (export, _("Handbook"));

  if (n_jobs <= BAL_EXPORT_DETAIL_SHEETS_MAX)
    {
      jobs = bal_jobs_list (export->project, NULL, error);
      if (jobs == NULL)
        return FALSE;
      detail_sheets = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < jobs->len; i++)
        {
          BalJob *job = g_ptr_array_index (jobs, i);

          g_ptr_array_add (detail_names, sheet_name (export, job->title));
          g_hash_table_insert (detail_sheets, &job->id, g_ptr_array_index (detail_names, i));
        }
    }

  /* The sheets in the order of their tabs; they are written after. */
  overview = start_overview (export, overview_name, error);
  justifications = overview ? start_justifications (export, justifications_name, n_jobs, error) : NULL;
  if (justifications == NULL)
    return FALSE;

  if (!write_jobs (export, overview, justifications, detail_sheets, n_jobs, progress, user_data, cancellable, error))
    return FALSE;
  finish_overview (overview);
  sheet_finish (justifications, TITLE_ROWS, TITLE_ROWS + 1);

  if (!write_structure (export, structure_name, cancellable, error) ||
      !write_consistency (export, consistency_name, error) ||
      !write_review (export, review_name, error) ||
      !write_handbook (export, handbook_name, error))
    return FALSE;

  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_detail (export, g_ptr_array_index (detail_names, i), g_ptr_array_index (jobs, i), error))
        return FALSE;
      if (progress != NULL)
        progress (0.8 + 0.2 * (i + 1) / (jobs->len + 1), user_data);
    }

  return TRUE;
}

/* Chosen jobs, a detail sheet each, and nothing of the others. */
static gboolean
write_chosen (Export            *export,
              GPtrArray         *jobs,
              BalExportProgress  progress,
              gpointer           user_data,
              GCancellable      *cancellable,
              GError           **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < jobs->len; i++)
    g_ptr_array_add (names, sheet_name (export, ((BalJob *)g_ptr_array_index (jobs, i))->title));

  for (guint i = 0; i < jobs->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_detail (export, g_ptr_array_index (names, i), g_ptr_array_index (jobs, i), error))
        return FALSE;
      if (progress != NULL)
        progress ((double)(i + 1) / (jobs->len + 1), user_data);
    }

  return TRUE;
}

static void
set_error_for (GError     **error,
               lxw_error    code,
               const char  *path,
               int          saved_errno)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (saved_errno == ENOSPC)
    g_set_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED,
                 _("The disk is full: the workbook could not be written to “%s”. Nothing was saved."), folder);
  else if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
    g_set_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED,
                 _("The folder “%s” cannot be written to. Choose another folder."), folder);
  else
    g_set_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED,
                 _("The workbook could not be written to “%s”: %s. Nothing was saved."), folder,
                 code != LXW_NO_ERROR ? lxw_strerror (code) : g_strerror (saved_errno));
}

/* Temporary files of an earlier export to the same target that crashed:
 * ".<base>.XXXXXX" as g_mkstemp() makes them, and older than any export. */
static void
remove_stale_temporaries (const char *folder,
                          const char *base)
{
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stale = NULL;
      GStatBuf info;

      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 6 ||
          strspn (name + strlen (prefix), letters) != 6)
        continue;
      stale = g_build_filename (folder, name, NULL);
      if (g_lstat (stale, &info) == 0 && S_ISREG (info.st_mode) && info.st_mtime < now - STALE_SECONDS)
        g_unlink (stale);
    }
}

/* Flushes @path to the disk; errno tells why not. */
static gboolean
sync_path (const char *path,
           int         flags)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | flags, 0);
  gboolean synced;
  int saved_errno;

  if (fd < 0)
    return FALSE;
  synced = fsync (fd) == 0;
  saved_errno = errno;
  close (fd);
  errno = saved_errno;

  return synced;
}

/* An unfinished workbook is dropped with its temporary file. */
static gboolean
abandon (Export     *export,
         const char *temp)
{
  lxw_workbook_free (export->workbook);
  export->workbook = NULL;
  g_unlink (temp);

  return FALSE;
}

/* "&" starts a code in a header or footer: a literal one is doubled. */
static char *
footer_text (const char *text,
             glong       room)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  g_autofree char *short_text = shorten (valid, room);
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = short_text; *p != '\0'; p++)
    {
      if (*p == '&')
        g_string_append_c (out, '&');
      g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The title block's lines and the document's properties, for @n_final of
 * @n_jobs jobs whose grading is final. */
static void
describe (Export      *export,
          const char  *title,
          gint64       n_jobs,
          gint64       n_final)
{
  BalMethod *method = export->method;
  g_autofree char *organisation = bal_project_dup_organisation (export->project);
  g_autofree char *head = bal_audit_head_fingerprint (export->project);
  g_autofree char *day = g_date_time_format (export->now, "%Y-%m-%d");
  g_autofree char *state = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *left = NULL;
  lxw_doc_properties properties = { 0 };

  export->source = method->version != NULL && *method->version != '\0'
    ? g_strdup_printf (_("%s · %s, version %s"), organisation, method->name, method->version)
    : g_strdup_printf ("%s · %s", organisation, method->name);
  if (head != NULL)
    /* The works council can minute it, and compare it with the file later. */
    export->audit_head = g_strdup_printf (_("Audit log head: %s"), head);
  if (n_jobs > 0 && n_final == n_jobs)
    state = g_strdup (_("Final: every grading adopted"));
  else
    state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Draft: %d of %d job adopted",
                                          "Draft: %d of %d jobs adopted", n_jobs),
                             (int)n_final, (int)n_jobs);
  export->stamp = g_strdup_printf (_("Exported on %s · %s · Confidential"), day, state);

  left = footer_text (organisation, 80);
  /* TRANSLATORS: the footer of every printed page: &P is the page
   * number, &N the number of pages; keep both */
  export->footer = g_strdup_printf ("&L%s&C&A&R%s", left, _("Page &P of &N"));

  comments = export->audit_head
    ? g_strdup_printf (_("Written by Balans. %s."), export->audit_head)
    : g_strdup (_("Written by Balans"));
  properties.title = (char *)title;
  properties.subject = method->name;
  properties.author = organisation;
  properties.company = organisation;
  properties.comments = comments;
  properties.created = time (NULL);
  workbook_set_properties (export->workbook, &properties);
  /* TRANSLATORS: the language of this translation as a language tag
   * (nl, de, pt-BR): it is written in the workbook's properties */
  workbook_set_custom_property_string (export->workbook, "Language", C_("language tag", "en"));
}

static gboolean
write_workbook (GFile              *project_file,
                GFile              *target,
                const gint64       *job_ids,
                guint               n_job_ids,
                BalExportProgress   progress,
                gpointer            user_data,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_job_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (local);
  g_autofree char *path = g_file_get_path (target);
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *title = NULL;
  lxw_workbook_options options = { 0 };
  Export export = { 0 };
  gint64 n_jobs = 0, n_final = 0;
  gboolean written;
  lxw_error code;
  int fd;

  if (path == NULL)
    {
      g_set_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED, _("A workbook can only be saved to a local folder."));
      return FALSE;
    }

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED,
                   _("The folder “%s” does not exist. Choose another folder."), folder);
      return FALSE;
    }

  project = bal_project_open_read_only (project_file, error);
  if (project == NULL)
    return FALSE;
  /* The export reads each page about once, in sorted passes: a small page
   * cache serves as well, and keeps memory flat. */
  bal_project_exec (project, "PRAGMA cache_size = -512", NULL);
  /* One moment of the project, all through. */
  if (!bal_project_exec (project, "BEGIN", error))
    return FALSE;
  method = bal_handbook_load_method (project, error);
  if (method == NULL)
    return FALSE;

  export.project = project;
  export.method = method;
  export.now = now;
  export.local = local;
  export.sheet_names = names;
  export.path = path;

  if (n_job_ids > 0)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
      BalJob *first;

      for (guint i = 0; i < n_job_ids; i++)
        {
          g_autoptr(BalJob) job = NULL;
          g_autofree char *status = NULL;

          if (!g_hash_table_add (seen, (gpointer)&job_ids[i]))
            continue;
          job = bal_jobs_get (project, job_ids[i], error);
          if (job == NULL)
            return FALSE;
          status = bal_review_status (project, job->id, NULL);
          n_final += g_strcmp0 (status, "adopted") == 0 || g_strcmp0 (status, "upheld") == 0;
          g_ptr_array_add (chosen, g_steal_pointer (&job));
        }
      n_jobs = chosen->len;
      first = g_ptr_array_index (chosen, 0);
      if (chosen->len == 1)
        title = g_strdup_printf (_("Job grading: %s"), first->title);
      else
        {
          g_autofree char *organisation = bal_project_dup_organisation (project);

          title = g_strdup_printf (_("Job gradings: %s"), organisation);
        }
    }
  else
    {
      g_autofree char *organisation = bal_project_dup_organisation (project);

      n_jobs = count (&export, "SELECT count (*) FROM job WHERE deleted IS NULL");
      n_final = count (&export,
                       "SELECT count (*) FROM (SELECT max (id) AS id FROM job_status GROUP BY job_id) AS m "
                       "JOIN job_status s ON s.id = m.id JOIN job j ON j.id = s.job_id AND j.deleted IS NULL "
                       "WHERE s.status IN ('adopted', 'upheld')");
      title = g_strdup_printf (_("Job gradings: %s"), organisation);
    }

  remove_stale_temporaries (folder, base);

  /* The temporary file beside the target, so that the rename is atomic. */
  temp = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);
  fd = g_mkstemp (temp);
  if (fd < 0)
    {
      set_error_for (error, LXW_NO_ERROR, path, errno);
      return FALSE;
    }
  close (fd);
  g_chmod (temp, 0644);

  options.tmpdir = folder;
  export.workbook = workbook_new_opt (temp, &options);
  if (export.workbook == NULL)
    {
      int saved_errno = errno;

      g_unlink (temp);
      set_error_for (error, LXW_ERROR_CREATING_XLSX_FILE, path, saved_errno);
      return FALSE;
    }

  if (!add_formats (&export, error))
    written = FALSE;
  else
    {
      describe (&export, title, n_jobs, n_final);
      written = n_job_ids > 0
        ? write_chosen (&export, chosen, progress, user_data, cancellable, error)
        : write_project (&export, n_jobs, progress, user_data, cancellable, error);
    }
  g_free (export.source);
  g_free (export.audit_head);
  g_free (export.stamp);
  g_free (export.footer);
  /* All is read: the project is free for writers while the file is packed. */
  bal_project_exec (project, "COMMIT", NULL);

  if (!written || g_cancellable_set_error_if_cancelled (cancellable, error))
    return abandon (&export, temp);

  errno = 0;
  code = workbook_close (export.workbook);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  if (code != LXW_NO_ERROR || !sync_path (temp, 0))
    {
      int saved_errno = errno;

      g_unlink (temp);
      set_error_for (error, code, path, saved_errno);
      return FALSE;
    }

  if (g_rename (temp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      set_error_for (error, LXW_NO_ERROR, path, saved_errno);
      return FALSE;
    }

  /* The new name on the disk too. The workbook is in place already, and
   * not every file system can sync a folder: no error either way. */
  sync_path (folder, O_DIRECTORY);

  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;
}

/* Writes the workbook of the project in @project_file to @target: of the
 * whole project when @n_job_ids is 0, else the detail sheets of the jobs
 * @job_ids. Safe to call from any thread. */
gboolean
bal_export_workbook (GFile              *project_file,
                     GFile              *target,
                     const gint64       *job_ids,
                     guint               n_job_ids,
                     BalExportProgress   progress,
                     gpointer            user_data,
                     GCancellable       *cancellable,
                     GError            **error)
{
  locale_t base;
  locale_t c_numeric;
  locale_t previous;
  gboolean written;

  g_return_val_if_fail (G_IS_FILE (project_file), FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (n_job_ids == 0 || job_ids != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* libxlsxwriter prints numbers with printf: under a Dutch locale a column
   * width would read "20,7" and Excel would call the file damaged. This
   * thread's locale, with C numbers; the rest (messages, dates) unchanged. */
  base = duplocale (uselocale ((locale_t)0));
  c_numeric = base != (locale_t)0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t)0;
  if (c_numeric == (locale_t)0)
    {
      if (base != (locale_t)0)
        freelocale (base);
      g_set_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED,
                   _("The workbook could not be written: %s. Nothing was saved."), g_strerror (errno));
      return FALSE;
    }

  previous = uselocale (c_numeric);
  written = write_workbook (project_file, target, job_ids, n_job_ids, progress, user_data, cancellable, error);
  uselocale (previous);
  freelocale (c_numeric);

  return written;
}

/* Asynchronous export ******************************************************/

/* The worker opens a read-only connection of its own on @project_file
 * (bal_project_open_read_only, a second connection beside the one the
 * application holds), so that no SQLite connection is used by two threads;
 * the export reads one snapshot in a transaction, and the application may
 * go on editing meanwhile. */

typedef struct
{
  GFile             *project_file;
  GFile             *target;
  GArray            *job_ids;
  BalExportProgress  progress;
  gpointer           progress_data;
  GDestroyNotify     progress_notify;
  GMainContext      *context;
} ExportTask;

static void
export_task_free (ExportTask *data)
{
  g_clear_object (&data->project_file);
  g_clear_object (&data->target);
  g_clear_pointer (&data->job_ids, g_array_unref);
  if (data->progress_notify != NULL)
    data->progress_notify (data->progress_data);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

typedef struct
{
  GTask  *task;
  double  fraction;
} ExportStep;

static gboolean
export_step_dispatch (gpointer user_data)
{
  ExportStep *step = user_data;
  ExportTask *data = g_task_get_task_data (step->task);

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (step->task)))
    data->progress (step->fraction, data->progress_data);

  return G_SOURCE_REMOVE;
}

static void
export_step_free (gpointer user_data)
{
  ExportStep *step = user_data;

  g_object_unref (step->task);
  g_free (step);
}

/* In the worker: the caller hears of it in its own main context. */
static void
export_step (double   fraction,
             gpointer user_data)
{
  GTask *task = user_data;
  ExportTask *data = g_task_get_task_data (task);
  ExportStep *step = g_new0 (ExportStep, 1);

  step->task = g_object_ref (task);
  step->fraction = fraction;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, export_step_dispatch, step, export_step_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *data = task_data;
  GError *error = NULL;

  if (bal_export_workbook (data->project_file, data->target,
                           (const gint64 *)(gpointer)data->job_ids->data, data->job_ids->len,
                           data->progress ? export_step : NULL, task, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* bal_export_workbook() in a worker thread. @progress, if not NULL, is
 * called in the thread-default main context of the caller, never after
 * @cancellable is cancelled; @progress_notify frees @progress_data when the
 * task is done. */
void
bal_export_workbook_async (GFile               *project_file,
                           GFile               *target,
                           const gint64        *job_ids,
                           guint                n_job_ids,
                           BalExportProgress    progress,
                           gpointer             progress_data,
                           GDestroyNotify       progress_notify,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *data;

  g_return_if_fail (G_IS_FILE (project_file));
  g_return_if_fail (G_IS_FILE (target));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ExportTask, 1);
  data->project_file = g_object_ref (project_file);
  data->target = g_object_ref (target);
  data->job_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_job_ids);
  g_array_append_vals (data->job_ids, job_ids, n_job_ids);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_notify = progress_notify;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bal_export_workbook_async);
  g_task_set_task_data (task, data, (GDestroyNotify)export_task_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
bal_export_workbook_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bal_export_workbook_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
