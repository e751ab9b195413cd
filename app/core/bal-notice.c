/* bal-notice.c: the notice (indelingsbrief) to the holders of a job
 *
 * The last step of the procedure: the employee is told in writing the
 * job's grade and salary scale, the reference function it was compared
 * with and how, characteristic by characteristic, in plain words, why,
 * the date, and until when and how to object. The letter is laid out with
 * Pango on any cairo surface: bal_notice_write_pdf() writes an A4 PDF, and
 * the app prints the same pages with GtkPrintOperation (a context in
 * points). It is written in the user's language.
 *
 * Issuing a notice records its date and the last day to object (its date
 * plus the project's objection period) for the job's current decision; a
 * second notice of the same decision keeps the first one's dates. A
 * project open for review records nothing: its notice is dated today.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-notice"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-method.h"
#include "bal-notice.h"
#include "bal-objection.h"
#include "bal-review.h"
#include "bal-project-private.h"

G_DEFINE_QUARK (bal-notice-error-quark, bal_notice_error)

#define MARGIN 56.0  /* about 2 cm */
#define FOOTER 28.0

void
bal_notice_free (BalNotice *notice)
{
  if (notice == NULL)
    return;

  g_free (notice->issued);
  g_free (notice->deadline);
  g_free (notice->author);
  g_free (notice->role);
  g_free (notice);
}

static BalNotice *
notice_for_decision (BalProject  *project,
                     gint64       decision_id,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  BalNotice *notice = NULL;

  stmt = bal_project_prepare (project,
                              "SELECT id, job_id, decision_id, issued, deadline, author, role FROM notice WHERE decision_id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, decision_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      notice = g_new0 (BalNotice, 1);
      notice->id = sqlite3_column_int64 (stmt, 0);
      notice->job_id = sqlite3_column_int64 (stmt, 1);
      notice->decision_id = sqlite3_column_int64 (stmt, 2);
      notice->issued = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      notice->deadline = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      notice->author = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      notice->role = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
    }
  sqlite3_reset (stmt);

  return notice;
}

/* The notice of @job_id's current decision, or NULL (no error) when none was issued. */
BalNotice *
bal_notice_latest (BalProject  *project,
                   gint64       job_id,
                   GError     **error)
{
  g_autoptr(BalDecision) decision = bal_grading_latest (project, job_id, error);

  if (decision == NULL)
    return NULL;

  return notice_for_decision (project, decision->id, error);
}

/* Records the notice of @job_id's current decision, dated today, unless it
 * was issued before (then that one). */
BalNotice *
bal_notice_issue (BalProject  *project,
                  gint64       job_id,
                  GError     **error)
{
  g_autoptr(BalDecision) decision = bal_grading_latest (project, job_id, NULL);
  g_autoptr(BalJob) job = bal_jobs_get (project, job_id, error);
  BalNotice *notice;
  sqlite3_stmt *stmt;

  if (job == NULL)
    return NULL;
  if (decision == NULL)
    {
      g_set_error (error, BAL_NOTICE_ERROR, BAL_NOTICE_ERROR_NOT_GRADED,
                   _("“%s” has no decision: grade it before writing its notice."), job->title);
      return NULL;
    }

  notice = notice_for_decision (project, decision->id, error);
  if (notice != NULL)
    return notice;

  notice = g_new0 (BalNotice, 1);
  notice->job_id = job_id;
  notice->decision_id = decision->id;
  notice->issued = bal_date_today ();
  notice->deadline = bal_date_add_days (notice->issued, bal_project_objection_period (project));
  notice->author = g_strdup (bal_project_get_author (project) ? bal_project_get_author (project) : "");
  notice->role = g_strdup (bal_project_get_author_role (project) ? bal_project_get_author_role (project) : "");

  if (bal_project_get_review_mode (project) || bal_project_is_read_only (project))
    return notice;

  if (!bal_project_require_author (project, error))
    {
      bal_notice_free (notice);
      return NULL;
    }

  stmt = bal_project_prepare (project,
                              "INSERT INTO notice (job_id, decision_id, issued, deadline, author, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, job_id);
      sqlite3_bind_int64 (stmt, 2, decision->id);
      sqlite3_bind_text (stmt, 3, notice->issued, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, notice->deadline, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, notice->author, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, notice->role, -1, SQLITE_TRANSIENT);
    }
  if (stmt == NULL || !bal_project_step_done (project, stmt, error))
    {
      bal_notice_free (notice);
      return NULL;
    }
  notice->id = sqlite3_last_insert_rowid (bal_project_get_db (project));
  bal_project_emit_changed (project, "review");

  return notice;
}

/* "24 november 2026", in the user's language. */
static char *
long_date (const char *date)
{
  g_autoptr(GDateTime) dt = NULL;
  int y = 0, m = 0, d = 0;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (date ? date : "");
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (dt == NULL)
    return g_strdup (date);

  /* TRANSLATORS: a date in a letter, as strftime: "24 November 2026" */
  return g_date_time_format (dt, C_("notice date", "%-d %B %Y"));
}

typedef enum
{
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_BODY,
  STYLE_SMALL,
} Style;

typedef struct
{
  Style        style;
  char        *markup;
  PangoLayout *layout;
} Block;

typedef struct
{
  guint  block;
  int    line;
  int    page;
  double x;
  double baseline;
} PlacedLine;

struct _BalNoticeDoc
{
  GPtrArray *blocks;   /* Block */
  GArray    *lines;    /* PlacedLine */
  char      *footer;
  int        n_pages;
};

static void
block_free (Block *block)
{
  g_free (block->markup);
  g_clear_object (&block->layout);
  g_free (block);
}

void
bal_notice_doc_free (BalNoticeDoc *doc)
{
  if (doc == NULL)
    return;

  g_ptr_array_unref (doc->blocks);
  g_array_unref (doc->lines);
  g_free (doc->footer);
  g_free (doc);
}

static void
add_block (BalNoticeDoc *doc,
           Style         style,
           char         *markup)
{
  Block *block = g_new0 (Block, 1);

  block->style = style;
  block->markup = markup;
  g_ptr_array_add (doc->blocks, block);
}

/* Markup of plain @text, escaped. */
static char *
escaped (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

static char *
comparison_sentence (const char         *name,
                     BalDecisionVerdict *v)
{
  const char *how;

  switch (v->verdict)
    {
    case BAL_VERDICT_LIGHTER:
      how = _("asks less than the reference function");
      break;
    case BAL_VERDICT_HEAVIER:
      how = _("asks more than the reference function");
      break;
    default:
      how = _("asks as much as the reference function");
      break;
    }

  if (v->job_level > 0)
    /* TRANSLATORS: "Complexity: your job asks less than the reference function (level 3, the reference 4)." */
    return g_markup_printf_escaped (_("<b>%s</b>: your job %s (level %d, the reference %d)."),
                                    name, how, v->job_level, v->reference_level);

  return g_markup_printf_escaped (_("<b>%s</b>: your job %s."), name, how);
}

BalNoticeDoc *
bal_notice_doc_new (BalProject  *project,
                    gint64       job_id,
                    GError     **error)
{
  g_autoptr(BalJob) job = bal_jobs_get (project, job_id, error);
  g_autoptr(BalDecision) decision = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(BalNotice) notice = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *status = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *scale_text = NULL;
  g_autofree char *status_text = NULL;
  BalSalaryScale *scale;
  BalNoticeDoc *doc;

  if (job == NULL)
    return NULL;
  decision = bal_grading_latest (project, job_id, NULL);
  if (decision == NULL)
    {
      g_set_error (error, BAL_NOTICE_ERROR, BAL_NOTICE_ERROR_NOT_GRADED,
                   _("“%s” has no decision: grade it before writing its notice."), job->title);
      return NULL;
    }
  method = bal_handbook_load_method (project, error);
  if (method == NULL)
    return NULL;
  notice = bal_notice_issue (project, job_id, error);
  if (notice == NULL)
    return NULL;

  organisation = bal_project_dup_organisation (project);
  status = bal_review_status (project, job_id, NULL);
  issued = long_date (notice->issued);
  deadline = long_date (notice->deadline);
  status_text = g_utf8_strdown (bal_review_job_status_label (status, TRUE), -1);
  scale = bal_method_find_scale (method, decision->grade);
  scale_text = scale ? bal_salary_scale_format (scale) : g_strdup (_("no salary scale is set for this grade"));

  doc = g_new0 (BalNoticeDoc, 1);
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  doc->lines = g_array_new (FALSE, TRUE, sizeof (PlacedLine));
  doc->footer = g_strdup_printf (_("Notice of grading: %s"), job->title);

  add_block (doc, STYLE_SMALL, g_markup_printf_escaped ("%s\n%s", organisation && *organisation ? organisation : "", issued));
  add_block (doc, STYLE_TITLE, escaped (_("Notice of grading")));
  add_block (doc, STYLE_BODY,
             g_markup_printf_escaped (_("To the holders of the job <b>%s</b>%s%s."),
                                      job->title, *job->department ? ", " : "", job->department));

  add_block (doc, STYLE_HEADING, escaped (_("Your grade")));
  add_block (doc, STYLE_BODY,
             g_markup_printf_escaped (_("Your job is graded in grade <b>%s</b>, salary scale <b>%s</b>."),
                                      decision->grade, scale_text));
  add_block (doc, STYLE_BODY,
             g_markup_printf_escaped (_("It was compared with the reference function %s “%s” of the handbook %s. "
                                        "The grading is %s."),
                                      decision->reference_code, decision->reference_title, method->name,
                                      status_text));

  add_block (doc, STYLE_HEADING, escaped (_("How your job compares")));
  for (guint i = 0; i < method->characteristics->len; i++)
    {
      BalCharacteristic *c = g_ptr_array_index (method->characteristics, i);

      for (guint k = 0; k < decision->verdicts->len; k++)
        {
          BalDecisionVerdict *v = g_ptr_array_index (decision->verdicts, k);

          if (g_strcmp0 (v->characteristic_id, c->id) != 0)
            continue;
          add_block (doc, STYLE_BODY, comparison_sentence (c->name, v));
          if (v->note != NULL && *v->note)
            add_block (doc, STYLE_SMALL, escaped (v->note));
        }
    }
  add_block (doc, STYLE_BODY,
             g_markup_printf_escaped (_("Taken together your job is %s than the reference function, which is why it is in grade %s."),
                                      decision->verdict == BAL_VERDICT_LIGHTER ? _("lighter")
                                      : decision->verdict == BAL_VERDICT_HEAVIER ? _("heavier") : _("no lighter and no heavier"),
                                      decision->grade));

  add_block (doc, STYLE_HEADING, escaped (_("Justification")));
  add_block (doc, STYLE_BODY, escaped (decision->justification));
  if (decision->departure != NULL && *decision->departure && g_strcmp0 (decision->grade, decision->proposed_grade) != 0)
    add_block (doc, STYLE_BODY,
               g_markup_printf_escaped (_("The grading departs from the method’s proposal (grade %s) because: %s"),
                                        decision->proposed_grade, decision->departure));
  else if (decision->departure != NULL && *decision->departure)
    add_block (doc, STYLE_BODY,
               g_markup_printf_escaped (_("The evaluator also noted: %s"), decision->departure));

  add_block (doc, STYLE_HEADING, escaped (_("If you disagree")));
  add_block (doc, STYLE_BODY,
             g_markup_printf_escaped (_("You can object to this grading in writing until <b>%s</b> (%d days after the date of this letter). "
                                        "Give your name, the job and your reasons, and hand it to the HR department. "
                                        "An internal objection committee hears you and advises the employer, who then decides "
                                        "and tells you in writing. If you still disagree, you can appeal to the external "
                                        "committee of your sector."),
                                      deadline, bal_date_days_between (notice->issued, notice->deadline)));

  add_block (doc, STYLE_HEADING, escaped (_("Signatures")));
  add_block (doc, STYLE_BODY,
             g_markup_printf_escaped (_("For the employer: %s\n\nName and signature: ______________________   Date: __________"),
                                      notice->author && *notice->author ? notice->author : ""));
  add_block (doc, STYLE_BODY,
             escaped (_("Seen by the employee (this does not mean agreement):\n\nName and signature: ______________________   Date: __________")));

  return doc;
}

static const char *
style_font (Style style)
{
  switch (style)
    {
    case STYLE_TITLE: return "Sans Bold 17";
    case STYLE_HEADING: return "Sans Bold 11.5";
    case STYLE_SMALL: return "Sans 9";
    default: return "Sans 10";
    }
}

/* Lays the letter out on pages of @width × @height (in @cr's units, taken
 * as points); returns the number of pages. */
int
bal_notice_doc_paginate (BalNoticeDoc *doc,
                         cairo_t      *cr,
                         double        width,
                         double        height)
{
  double bottom = height - MARGIN - FOOTER;
  double y = MARGIN;
  int page = 0;

  g_array_set_size (doc->lines, 0);

  for (guint b = 0; b < doc->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (doc->blocks, b);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style_font (block->style));
      PangoLayoutIter *iter;
      double space_before = block->style == STYLE_HEADING ? 14 : block->style == STYLE_TITLE ? 18 : 6;
      double top;
      int index = 0;

      g_clear_object (&block->layout);
      block->layout = pango_cairo_create_layout (cr);
      pango_layout_set_font_description (block->layout, font);
      pango_layout_set_width (block->layout, pango_units_from_double (width - 2 * MARGIN));
      pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_markup (block->layout, block->markup, -1);

      if (y > MARGIN)
        y += space_before;
      /* A heading stays with the block after it. */
      if (block->style == STYLE_HEADING && y + 60 > bottom)
        {
          page++;
          y = MARGIN;
        }

      /* A block that fits on a page is not split over two. */
      {
        PangoRectangle extents;
        double block_height;

        pango_layout_get_extents (block->layout, NULL, &extents);
        block_height = pango_units_to_double (extents.height);
        if (y > MARGIN && y + block_height > bottom && block_height < bottom - MARGIN)
          {
            page++;
            y = MARGIN;
          }
      }

      top = y;
      iter = pango_layout_get_iter (block->layout);
      do
        {
          PangoRectangle logical;
          int line_top = 0;
          double baseline;
          double line_height;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          line_height = pango_units_to_double (logical.height);
          line_top = logical.y;
          baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - line_top);

          if (top + pango_units_to_double (line_top) + line_height > bottom && y > MARGIN)
            {
              page++;
              top = MARGIN - pango_units_to_double (line_top);
            }
          y = top + pango_units_to_double (line_top) + line_height;

          {
            PlacedLine placed = { b, index, page,
                                  MARGIN + pango_units_to_double (logical.x),
                                  top + pango_units_to_double (line_top) + baseline };
            g_array_append_val (doc->lines, placed);
          }
          index++;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  doc->n_pages = page + 1;
  return doc->n_pages;
}

void
bal_notice_doc_draw_page (BalNoticeDoc *doc,
                          cairo_t      *cr,
                          double        width,
                          double        height,
                          int           page)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style_font (STYLE_SMALL));
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *footer_text = NULL;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < doc->lines->len; i++)
    {
      PlacedLine *placed = &g_array_index (doc->lines, PlacedLine, i);
      Block *block;

      if (placed->page != page)
        continue;
      block = g_ptr_array_index (doc->blocks, placed->block);
      pango_cairo_update_layout (cr, block->layout);
      cairo_move_to (cr, placed->x, placed->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, placed->line));
    }

  /* TRANSLATORS: the footer of the notice: its title, then "page 1 of 2" */
  footer_text = g_strdup_printf (_("%s — page %d of %d"), doc->footer, page + 1, doc->n_pages);
  footer = pango_cairo_create_layout (cr);
  pango_layout_set_font_description (footer, font);
  pango_layout_set_width (footer, pango_units_from_double (width - 2 * MARGIN));
  pango_layout_set_text (footer, footer_text, -1);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, MARGIN, height - MARGIN);
  pango_cairo_show_layout (cr, footer);

  cairo_restore (cr);
}

/* Writes @job_id's notice as an A4 PDF to @out, through a temporary file
 * beside it, and records the notice (see bal_notice_issue()). */
gboolean
bal_notice_write_pdf (BalProject  *project,
                      gint64       job_id,
                      GFile       *out,
                      GError     **error)
{
  g_autoptr(BalNoticeDoc) doc = NULL;
  g_autofree char *path = g_file_get_path (out);
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int pages;

  if (path == NULL)
    {
      g_set_error (error, BAL_NOTICE_ERROR, BAL_NOTICE_ERROR_WRITE, _("The notice can only be written to a file on this computer."));
      return FALSE;
    }

  doc = bal_notice_doc_new (project, job_id, error);
  if (doc == NULL)
    return FALSE;

  tmp = g_strconcat (path, ".part", NULL);
  surface = cairo_pdf_surface_create (tmp, BAL_NOTICE_A4_WIDTH, BAL_NOTICE_A4_HEIGHT);
  cr = cairo_create (surface);
  pages = bal_notice_doc_paginate (doc, cr, BAL_NOTICE_A4_WIDTH, BAL_NOTICE_A4_HEIGHT);
  for (int page = 0; page < pages; page++)
    {
      bal_notice_doc_draw_page (doc, cr, BAL_NOTICE_A4_WIDTH, BAL_NOTICE_A4_HEIGHT, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || g_rename (tmp, path) != 0)
    {
      g_set_error (error, BAL_NOTICE_ERROR, BAL_NOTICE_ERROR_WRITE,
                   _("The notice could not be written to “%s”: %s"), path,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }

  return TRUE;
}
