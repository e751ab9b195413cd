/* bal-export.c: the Excel workbook for management and the works council
 *
 * The workbook is written to a temporary file beside the target, synced and
 * renamed into place, so a failed or cancelled export leaves no half file and
 * a crash leaves the old workbook or the new one. Text is always written as
 * text: a job called "=SUM(A1)" stays a job title.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "bal-audit.h"
#include "bal-export.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-questionnaire.h"
#include "bal-review.h"
#include "bal-structure.h"

G_DEFINE_QUARK (bal-export-error-quark, bal_export_error)

/* Excel's longest sheet name, in characters. */
#define SHEET_NAME_MAX 31

/* A temporary file this old is left by an export that crashed: no export
 * takes an hour, so a live export's file is never taken for one. */
#define STALE_SECONDS (60 * 60)

typedef struct
{
  const char   *path;
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *title;
  lxw_format   *label;
  lxw_format   *wrap;
  lxw_format   *date;
  lxw_format   *cell;
  BalProject   *project;
  BalMethod    *method;
  GHashTable   *sheet_names;  /* casefolded, as Excel compares them */
  const char   *audit_head;
} Export;

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

static int
grade_position (BalMethod  *method,
                const char *grade)
{
  for (guint i = 0; method->grades[i] != NULL; i++)
    if (g_strcmp0 (method->grades[i], grade) == 0)
      return i + 1;

  return 0;
}

/* Text, always as a string: never a formula, whatever it looks like. */
static void
put_text (lxw_worksheet *sheet,
          int            row,
          int            col,
          const char    *text,
          lxw_format    *format)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  /* Excel holds at most 32767 characters in a cell. */
  if (g_utf8_strlen (valid, -1) > 32000)
    *g_utf8_offset_to_pointer (valid, 32000) = '\0';

  worksheet_write_string (sheet, row, col, valid, format);
}

static void
put_date (Export        *export,
          lxw_worksheet *sheet,
          int            row,
          int            col,
          const char    *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  lxw_datetime when;

  if (local == NULL)
    {
      put_text (sheet, row, col, iso, export->cell);
      return;
    }

  when.year = g_date_time_get_year (local);
  when.month = g_date_time_get_month (local);
  when.day = g_date_time_get_day_of_month (local);
  when.hour = g_date_time_get_hour (local);
  when.min = g_date_time_get_minute (local);
  when.sec = g_date_time_get_second (local);
  worksheet_write_datetime (sheet, row, col, &when, export->date);
}

/* A row tall enough for @text wrapped at about @chars characters a line:
 * not every reader measures wrapped text itself. */
static void
fit_row (lxw_worksheet *sheet,
         int            row,
         const char    *text,
         int            chars,
         double        *height)
{
  glong length = text ? g_utf8_strlen (text, -1) : 0;
  int lines = MAX (1, (int)((length + chars - 1) / chars));

  for (const char *p = text; p && *p; p++)
    lines += *p == '\n';

  *height = MAX (*height, 14.0 * lines + 2);
  worksheet_set_row (sheet, row, *height, NULL);
}

static void
print_setup (lxw_worksheet *sheet,
             gboolean       landscape,
             int            repeat_rows)
{
  worksheet_set_paper (sheet, 9);  /* A4 */
  if (landscape)
    worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  if (repeat_rows >= 0)
    worksheet_repeat_rows (sheet, repeat_rows, repeat_rows);
  worksheet_set_footer (sheet, "&L&A&R&P / &N");
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

static lxw_worksheet *
add_sheet (Export      *export,
           const char  *name,
           GError     **error)
{
  lxw_worksheet *sheet = workbook_add_worksheet (export->workbook, name);

  if (sheet == NULL)
    g_set_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED,
                 _("The sheet “%s” could not be added to “%s”. Nothing was saved."), name, export->path);

  return sheet;
}

static gboolean
add_formats (Export  *export,
             GError **error)
{
  export->header = workbook_add_format (export->workbook);
  export->title = workbook_add_format (export->workbook);
  export->label = workbook_add_format (export->workbook);
  export->wrap = workbook_add_format (export->workbook);
  export->cell = workbook_add_format (export->workbook);
  export->date = workbook_add_format (export->workbook);
  if (export->header == NULL || export->title == NULL || export->label == NULL ||
      export->wrap == NULL || export->cell == NULL || export->date == NULL)
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
  format_set_bold (export->label);
  format_set_align (export->label, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (export->wrap);
  format_set_align (export->wrap, LXW_ALIGN_VERTICAL_TOP);
  format_set_align (export->cell, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (export->date, "yyyy-mm-dd");
  format_set_align (export->date, LXW_ALIGN_VERTICAL_TOP);

  return TRUE;
}

static gboolean
write_overview (Export      *export,
                const char  *name,
                GPtrArray   *jobs,
                GError     **error)
{
  lxw_worksheet *sheet = add_sheet (export, name, error);
  const char *headers[] = {
    N_("Department"), N_("Job"), N_("Incumbents"), N_("Family"), N_("Reference"), N_("Reference title"),
    N_("Verdict"), N_("Grade"), N_("Grade order"), N_("Status"), N_("Evaluator"), N_("Date"),
  };
  const double widths[] = { 20, 32, 11, 30, 11, 34, 10, 8, 9, 14, 20, 12 };
  lxw_table_column *columns[G_N_ELEMENTS (headers) + 1] = { NULL };
  lxw_table_column column_data[G_N_ELEMENTS (headers)];
  lxw_table_options options = { 0 };
  int row = 1;

  if (sheet == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      memset (&column_data[i], 0, sizeof column_data[i]);
      column_data[i].header = (char *)_(headers[i]);
      column_data[i].header_format = export->header;
      columns[i] = &column_data[i];
      worksheet_set_column (sheet, i, i, widths[i], NULL);
    }

  for (guint i = 0; i < jobs->len; i++)
    {
      BalJob *job = g_ptr_array_index (jobs, i);
      g_autoptr(BalDecision) decision = bal_grading_latest (export->project, job->id, NULL);
      g_autoptr(BalReference) reference = decision ? bal_handbook_get_reference (export->project, decision->reference_code, NULL) : NULL;

      put_text (sheet, row, 0, job->department, export->cell);
      put_text (sheet, row, 1, job->title, export->cell);
      worksheet_write_number (sheet, row, 2, job->incumbents, export->cell);
      put_text (sheet, row, 3, reference ? reference->doc->family : "", export->cell);
      put_text (sheet, row, 4, decision ? decision->reference_code : "", export->cell);
      put_text (sheet, row, 5, decision ? decision->reference_title : "", export->cell);
      put_text (sheet, row, 6, decision ? bal_verdict_label (decision->verdict) : "", export->cell);
      put_text (sheet, row, 7, decision ? decision->grade : "", export->cell);
      if (decision != NULL)
        worksheet_write_number (sheet, row, 8, grade_position (export->method, decision->grade), export->cell);
      else
        worksheet_write_blank (sheet, row, 8, export->cell);
      put_text (sheet, row, 9, decision ? _("Decided") : bal_job_status_text (job), export->cell);
      put_text (sheet, row, 10, decision ? decision->evaluator : "", export->cell);
      if (decision != NULL)
        put_date (export, sheet, row, 11, decision->decided);
      else
        worksheet_write_blank (sheet, row, 11, export->cell);
      row++;
    }

  options.columns = columns;
  options.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM;
  options.style_type_number = 2;
  worksheet_add_table (sheet, 0, 0, MAX (row - 1, 1), G_N_ELEMENTS (headers) - 1, &options);
  worksheet_set_row (sheet, 0, 30, NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  print_setup (sheet, TRUE, 0);

  return TRUE;
}

static gboolean
write_structure (Export      *export,
                 const char  *name,
                 GError     **error)
{
  lxw_worksheet *sheet = add_sheet (export, name, error);
  g_autoptr(BalStructure) structure = bal_structure_build (export->project, NULL);
  guint n_families, n_grades;
  int totals_row;
  lxw_chart *chart;
  lxw_chart_series *jobs_series;
  lxw_chart_series *incumbents_series;

  if (sheet == NULL)
    return FALSE;
  if (structure == NULL)
    return TRUE;

  n_families = g_strv_length (structure->families);
  n_grades = g_strv_length (structure->grades);

  put_text (sheet, 0, 0, _("Grade"), export->header);
  worksheet_set_column (sheet, 0, 0, 9, NULL);
  worksheet_set_row (sheet, 0, 32, NULL);
  for (guint f = 0; f < n_families; f++)
    {
      put_text (sheet, 0, f + 1, structure->families[f], export->header);
      worksheet_set_column (sheet, f + 1, f + 1, 26, NULL);
    }

  /* Highest grade on top, as a structure is read. */
  for (guint g = 0; g < n_grades; g++)
    {
      guint grade = n_grades - 1 - g;
      guint lines = 1;

      put_text (sheet, g + 1, 0, structure->grades[grade], export->label);
      for (guint f = 0; f < n_families; f++)
        {
          GPtrArray *jobs = bal_structure_cell (structure, f, grade);
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint j = 0; j < jobs->len; j++)
            {
              BalStructureJob *job = g_ptr_array_index (jobs, j);

              g_string_append_printf (text, "%s%s (%d)", j > 0 ? "\n" : "", job->title, job->incumbents);
            }
          put_text (sheet, g + 1, f + 1, text->str, export->wrap);
          lines = MAX (lines, jobs->len);
        }
      /* Row heights are not measured by every reader: give each job a line. */
      worksheet_set_row (sheet, g + 1, 15.0 * MAX (lines, 1) + 3, NULL);
    }
  worksheet_freeze_panes (sheet, 1, 1);

  /* Jobs and incumbents per grade, lowest first, and their chart. */
  totals_row = n_grades + 3;
  put_text (sheet, totals_row, 0, _("Grade"), export->header);
  put_text (sheet, totals_row, 1, _("Jobs"), export->header);
  put_text (sheet, totals_row, 2, _("Incumbents"), export->header);
  for (guint g = 0; g < n_grades; g++)
    {
      put_text (sheet, totals_row + 1 + g, 0, structure->grades[g], export->label);
      worksheet_write_number (sheet, totals_row + 1 + g, 1, structure->jobs_per_grade[g], export->cell);
      worksheet_write_number (sheet, totals_row + 1 + g, 2, structure->incumbents_per_grade[g], export->cell);
    }

  chart = workbook_add_chart (export->workbook, LXW_CHART_COLUMN);
  jobs_series = chart ? chart_add_series (chart, NULL, NULL) : NULL;
  incumbents_series = chart ? chart_add_series (chart, NULL, NULL) : NULL;
  if (jobs_series == NULL || incumbents_series == NULL)
    {
      g_set_error (error, BAL_EXPORT_ERROR, BAL_EXPORT_ERROR_FAILED,
                   _("The chart could not be added to “%s”. Nothing was saved."), export->path);
      return FALSE;
    }
  chart_series_set_categories (jobs_series, name, totals_row + 1, 0, totals_row + n_grades, 0);
  chart_series_set_values (jobs_series, name, totals_row + 1, 1, totals_row + n_grades, 1);
  chart_series_set_name (jobs_series, _("Jobs"));
  chart_series_set_categories (incumbents_series, name, totals_row + 1, 0, totals_row + n_grades, 0);
  chart_series_set_values (incumbents_series, name, totals_row + 1, 2, totals_row + n_grades, 2);
  chart_series_set_name (incumbents_series, _("Incumbents"));
  chart_title_set_name (chart, _("Jobs and incumbents per grade"));
  chart_axis_set_name (chart->x_axis, _("Grade"));
  worksheet_insert_chart (sheet, totals_row, 4, chart);

  print_setup (sheet, TRUE, 0);

  return TRUE;
}

static int
write_pair (Export        *export,
            lxw_worksheet *sheet,
            int            row,
            const char    *label,
            const char    *value)
{
  double height = 0;

  fit_row (sheet, row, value, 100, &height);
  put_text (sheet, row, 0, label, export->label);
  worksheet_merge_range (sheet, row, 1, row, 5, "", export->wrap);
  put_text (sheet, row, 1, value, export->wrap);

  return row + 1;
}

static gboolean
write_justification (Export  *export,
                     BalJob  *job,
                     GError **error)
{
  g_autofree char *name = sheet_name (export, job->title);
  lxw_worksheet *sheet = add_sheet (export, name, error);
  g_autoptr(GPtrArray) answers = bal_questionnaire_answers (export->project, job->id, NULL);
  g_autoptr(GPtrArray) history = bal_grading_history (export->project, job->id, NULL);
  BalDecision *decision = history && history->len > 0 ? g_ptr_array_index (history, 0) : NULL;
  g_autofree char *incumbents = g_strdup_printf ("%d", job->incumbents);
  int row = 0;

  if (sheet == NULL)
    return FALSE;

  worksheet_set_column (sheet, 0, 0, 28, NULL);
  worksheet_set_column (sheet, 1, 1, 40, NULL);
  worksheet_set_column (sheet, 2, 5, 16, NULL);

  put_text (sheet, row++, 0, job->title, export->title);
  row = write_pair (export, sheet, row, _("Department"), job->department);
  row = write_pair (export, sheet, row, _("Incumbents"), incumbents);
  row = write_pair (export, sheet, row, _("Description"), job->description);
  {
    double height = 0;

    fit_row (sheet, row - 1, job->description, 100, &height);
  }
  row++;

  put_text (sheet, row++, 0, _("Questionnaire"), export->title);
  put_text (sheet, row, 0, _("Question"), export->header);
  put_text (sheet, row, 1, _("Answer"), export->header);
  put_text (sheet, row, 2, _("Level"), export->header);
  worksheet_merge_range (sheet, row, 3, row, 5, "", export->header);
  put_text (sheet, row++, 3, _("Evidence"), export->header);
  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      BalAnswer *answer = g_ptr_array_index (answers, i);
      double height = 0;

      fit_row (sheet, row, question_text (export->method, answer->question_id), 32, &height);
      fit_row (sheet, row, answer->option_text, 45, &height);
      fit_row (sheet, row, answer->evidence, 55, &height);
      put_text (sheet, row, 0, question_text (export->method, answer->question_id), export->wrap);
      put_text (sheet, row, 1, answer->option_text, export->wrap);
      worksheet_write_number (sheet, row, 2, answer->level, export->cell);
      worksheet_merge_range (sheet, row, 3, row, 5, "", export->wrap);
      put_text (sheet, row++, 3, answer->evidence, export->wrap);
    }
  if (answers == NULL || answers->len == 0)
    put_text (sheet, row++, 0, _("No question answered."), export->cell);
  row++;

  put_text (sheet, row++, 0, _("Comparison"), export->title);
  if (decision != NULL)
    {
      put_text (sheet, row, 0, _("Characteristic"), export->header);
      put_text (sheet, row, 1, _("Note"), export->header);
      put_text (sheet, row, 2, _("Job level"), export->header);
      put_text (sheet, row, 3, _("Reference level"), export->header);
      put_text (sheet, row, 4, _("Proposed"), export->header);
      put_text (sheet, row++, 5, _("Verdict"), export->header);
      for (guint i = 0; i < decision->verdicts->len; i++)
        {
          BalDecisionVerdict *v = g_ptr_array_index (decision->verdicts, i);

          put_text (sheet, row, 0, characteristic_name (export->method, v->characteristic_id), export->cell);
          put_text (sheet, row, 1, v->note, export->wrap);
          if (v->job_level > 0)
            worksheet_write_number (sheet, row, 2, v->job_level, export->cell);
          else
            put_text (sheet, row, 2, _("Not answered"), export->cell);
          worksheet_write_number (sheet, row, 3, v->reference_level, export->cell);
          put_text (sheet, row, 4, bal_verdict_label (v->proposed), export->cell);
          put_text (sheet, row++, 5, bal_verdict_label (v->verdict), export->cell);
        }
      row++;

      put_text (sheet, row++, 0, _("Decision"), export->title);
      {
        g_autofree char *reference = g_strdup_printf ("%s %s", decision->reference_code, decision->reference_title);
        g_autofree char *proposal = g_strdup_printf (_("%s, grade %s"), bal_verdict_label (decision->proposed_verdict), decision->proposed_grade);

        row = write_pair (export, sheet, row, _("Reference function"), reference);
        row = write_pair (export, sheet, row, _("Proposed"), proposal);
        row = write_pair (export, sheet, row, _("Verdict"), bal_verdict_label (decision->verdict));
        row = write_pair (export, sheet, row, _("Grade"), decision->grade);
        row = write_pair (export, sheet, row, _("Justification"), decision->justification);
        if (decision->departure != NULL && *decision->departure != '\0')
          row = write_pair (export, sheet, row, _("Reason for departing from the proposal"), decision->departure);
        row = write_pair (export, sheet, row, _("Evaluator"), decision->evaluator);
        put_text (sheet, row, 0, _("Date"), export->label);
        put_date (export, sheet, row++, 1, decision->decided);
      }
      row++;

      put_text (sheet, row++, 0, _("History"), export->title);
      put_text (sheet, row, 0, _("Date"), export->header);
      put_text (sheet, row, 1, _("Justification"), export->header);
      put_text (sheet, row, 2, _("Grade"), export->header);
      put_text (sheet, row, 3, _("Reference"), export->header);
      put_text (sheet, row++, 4, _("Evaluator"), export->header);
      for (guint i = 0; i < history->len; i++)
        {
          BalDecision *d = g_ptr_array_index (history, i);

          double height = 0;

          fit_row (sheet, row, d->justification, 45, &height);
          put_date (export, sheet, row, 0, d->decided);
          put_text (sheet, row, 1, d->justification, export->wrap);
          put_text (sheet, row, 2, d->grade, export->cell);
          put_text (sheet, row, 3, d->reference_code, export->cell);
          put_text (sheet, row++, 4, d->evaluator, export->cell);
        }
    }
  else
    put_text (sheet, row++, 0, _("The job has no decision yet."), export->cell);

  {
    g_autoptr(GPtrArray) statuses = bal_review_history (export->project, job->id, NULL);

    row++;
    put_text (sheet, row++, 0, _("Status History"), export->title);
    put_text (sheet, row, 0, _("Date"), export->header);
    put_text (sheet, row, 1, _("Note"), export->header);
    put_text (sheet, row, 2, _("Status"), export->header);
    worksheet_merge_range (sheet, row, 2, row, 3, "", export->header);
    put_text (sheet, row, 2, _("Status"), export->header);
    put_text (sheet, row++, 4, _("By"), export->header);
    for (guint i = 0; statuses != NULL && i < statuses->len; i++)
      {
        BalStatusChange *change = g_ptr_array_index (statuses, i);
        double height = 0;

        fit_row (sheet, row, change->note, 45, &height);
        put_date (export, sheet, row, 0, change->at);
        put_text (sheet, row, 1, change->note, export->wrap);
        worksheet_merge_range (sheet, row, 2, row, 3, "", export->wrap);
        put_text (sheet, row, 2, bal_review_status_label (change->status), export->wrap);
        put_text (sheet, row++, 4, change->actor, export->cell);
      }
    if (statuses == NULL || statuses->len == 0)
      put_text (sheet, row++, 0, _("Still a draft."), export->cell);
  }

  print_setup (sheet, FALSE, -1);

  return TRUE;
}

/* Remarks and objections, when there are any. */
static gboolean
write_review (Export      *export,
              const char  *name,
              GPtrArray   *jobs,
              GError     **error)
{
  g_autoptr(GPtrArray) remarks = bal_review_remarks (export->project, 0, FALSE, NULL);
  g_autoptr(GPtrArray) objections = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_status_change_free);
  lxw_worksheet *sheet;
  int row = 0;

  for (guint i = 0; i < jobs->len; i++)
    {
      BalJob *job = g_ptr_array_index (jobs, i);
      g_autoptr(GPtrArray) history = bal_review_history (export->project, job->id, NULL);

      for (guint j = 0; history != NULL && j < history->len; j++)
        {
          BalStatusChange *change = g_ptr_array_index (history, j);

          if (g_strcmp0 (change->status, "objected") == 0 || g_strcmp0 (change->status, "upheld") == 0 ||
              g_strcmp0 (change->status, "revised") == 0)
            g_ptr_array_add (objections, g_ptr_array_steal_index (history, j--));
        }
    }

  if ((remarks == NULL || remarks->len == 0) && objections->len == 0)
    return TRUE;

  sheet = add_sheet (export, name, error);
  if (sheet == NULL)
    return FALSE;
  worksheet_set_column (sheet, 0, 0, 12, NULL);
  worksheet_set_column (sheet, 1, 1, 28, NULL);
  worksheet_set_column (sheet, 2, 3, 18, NULL);
  worksheet_set_column (sheet, 4, 4, 60, NULL);
  worksheet_set_column (sheet, 5, 5, 12, NULL);

  put_text (sheet, row++, 0, _("Objections"), export->title);
  put_text (sheet, row, 0, _("Date"), export->header);
  put_text (sheet, row, 1, _("Job"), export->header);
  put_text (sheet, row, 2, _("Status"), export->header);
  put_text (sheet, row, 3, _("By"), export->header);
  put_text (sheet, row++, 4, _("Note"), export->header);
  for (guint i = 0; i < objections->len; i++)
    {
      BalStatusChange *change = g_ptr_array_index (objections, i);
      g_autoptr(BalJob) job = bal_jobs_get (export->project, change->job_id, NULL);
      double height = 0;

      fit_row (sheet, row, change->note, 60, &height);
      put_date (export, sheet, row, 0, change->at);
      put_text (sheet, row, 1, job ? job->title : "", export->wrap);
      put_text (sheet, row, 2, bal_review_status_label (change->status), export->wrap);
      put_text (sheet, row, 3, change->actor, export->wrap);
      put_text (sheet, row++, 4, change->note, export->wrap);
    }
  row++;

  put_text (sheet, row++, 0, _("Remarks"), export->title);
  put_text (sheet, row, 0, _("Date"), export->header);
  put_text (sheet, row, 1, _("Job"), export->header);
  put_text (sheet, row, 2, _("Author"), export->header);
  put_text (sheet, row, 3, _("Role"), export->header);
  put_text (sheet, row, 4, _("Remark"), export->header);
  put_text (sheet, row++, 5, _("Status"), export->header);
  for (guint i = 0; remarks != NULL && i < remarks->len; i++)
    {
      BalRemark *remark = g_ptr_array_index (remarks, i);
      double height = 0;

      fit_row (sheet, row, remark->text, 60, &height);
      put_date (export, sheet, row, 0, remark->created);
      put_text (sheet, row, 1, remark->job_title, export->wrap);
      put_text (sheet, row, 2, remark->author, export->wrap);
      put_text (sheet, row, 3, bal_review_role_label (remark->role), export->wrap);
      put_text (sheet, row, 4, remark->text, export->wrap);
      put_text (sheet, row++, 5, remark->resolved ? _("Resolved") : _("Open"), export->cell);
    }

  print_setup (sheet, TRUE, -1);

  return TRUE;
}

static gboolean
write_handbook (Export      *export,
                const char  *name,
                GPtrArray   *jobs,
                GError     **error)
{
  lxw_worksheet *sheet = add_sheet (export, name, error);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) all = bal_handbook_search (export->project, NULL, NULL, NULL);
  g_autofree char *version = g_strdup_printf (_("Version %s"), export->method->version ? export->method->version : "");
  int row = 3;

  if (sheet == NULL)
    return FALSE;

  for (guint i = 0; i < jobs->len; i++)
    {
      g_autoptr(BalDecision) decision = bal_grading_latest (export->project, ((BalJob *)g_ptr_array_index (jobs, i))->id, NULL);

      if (decision != NULL)
        g_hash_table_add (used, g_strdup (decision->reference_code));
    }

  put_text (sheet, 0, 0, export->method->name, export->title);
  put_text (sheet, 1, 0, version, export->cell);
  if (export->audit_head != NULL)
    put_text (sheet, 2, 0, export->audit_head, export->cell);
  put_text (sheet, row, 0, _("Code"), export->header);
  put_text (sheet, row, 1, _("Reference function"), export->header);
  put_text (sheet, row, 2, _("Family"), export->header);
  put_text (sheet, row, 3, _("Grade"), export->header);
  put_text (sheet, row++, 4, _("Alternative titles"), export->header);
  worksheet_set_column (sheet, 0, 0, 10, NULL);
  worksheet_set_column (sheet, 1, 1, 38, NULL);
  worksheet_set_column (sheet, 2, 2, 28, NULL);
  worksheet_set_column (sheet, 3, 3, 8, NULL);
  worksheet_set_column (sheet, 4, 4, 50, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      BalReferenceSummary *summary = g_ptr_array_index (all, i);

      if (!g_hash_table_contains (used, summary->code))
        continue;
      put_text (sheet, row, 0, summary->code, export->cell);
      put_text (sheet, row, 1, summary->title, export->cell);
      put_text (sheet, row, 2, summary->family, export->cell);
      put_text (sheet, row, 3, summary->grade, export->cell);
      put_text (sheet, row++, 4, summary->alternative_titles, export->wrap);
    }
  worksheet_freeze_panes (sheet, 4, 0);
  print_setup (sheet, TRUE, 3);

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

gboolean
bal_export_workbook (GFile              *project_file,
                     GFile              *target,
                     gint64              job_id,
                     BalExportProgress   progress,
                     gpointer            user_data,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = g_file_get_path (target);
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *title = NULL;
  g_autofree char *overview = NULL;
  g_autofree char *structure = NULL;
  g_autofree char *handbook = NULL;
  g_autofree char *review = NULL;
  g_autofree char *head = NULL;
  g_autofree char *audit_head = NULL;
  g_autofree char *comments = NULL;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties properties = { 0 };
  Export export = { 0 };
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
  method = project ? bal_handbook_load_method (project, error) : NULL;
  jobs = method ? bal_jobs_list (project, NULL, error) : NULL;
  if (jobs == NULL)
    return FALSE;

  if (job_id != 0)
    {
      g_autoptr(BalJob) job = bal_jobs_get (project, job_id, error);

      if (job == NULL)
        return FALSE;
      g_ptr_array_set_size (jobs, 0);
      g_ptr_array_add (jobs, g_steal_pointer (&job));
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

  export.path = path;
  export.project = project;
  export.method = method;
  export.sheet_names = names;
  if (!add_formats (&export, error))
    return abandon (&export, temp);

  organisation = bal_project_dup_organisation (project);
  title = job_id != 0
    ? g_strdup_printf (_("Job grading: %s"), ((BalJob *)g_ptr_array_index (jobs, 0))->title)
    : g_strdup_printf (_("Job gradings: %s"), organisation);
  properties.title = title;
  properties.subject = method->name;
  properties.author = organisation;
  properties.company = organisation;
  head = bal_audit_head_fingerprint (project);
  if (head != NULL)
    {
      /* The works council can minute it, and compare it with the file later. */
      audit_head = g_strdup_printf (_("Audit log head: %s"), head);
      export.audit_head = audit_head;
      comments = g_strdup_printf (_("Written by Balans. %s."), export.audit_head);
    }
  properties.comments = comments ? comments : _("Written by Balans");
  properties.created = time (NULL);
  workbook_set_properties (export.workbook, &properties);

  if (job_id == 0)
    {
      /* The fixed sheets are named first, so that a job called "Overview"
       * gets another name rather than the overview's. */
      overview = sheet_name (&export, _("Overview"));
      structure = sheet_name (&export, _("Job structure"));
      handbook = sheet_name (&export, _("Handbook"));
      review = sheet_name (&export, _("Review"));

      if (!write_overview (&export, overview, jobs, error) ||
          !write_structure (&export, structure, error))
        return abandon (&export, temp);
    }

  for (guint i = 0; i < jobs->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_justification (&export, g_ptr_array_index (jobs, i), error))
        return abandon (&export, temp);
      if (progress != NULL)
        progress ((double)(i + 1) / (jobs->len + 1), user_data);
    }

  if (job_id == 0 &&
      (!write_handbook (&export, handbook, jobs, error) ||
       !write_review (&export, review, jobs, error)))
    return abandon (&export, temp);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
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
