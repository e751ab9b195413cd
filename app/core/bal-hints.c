/* bal-hints.c: facts in a job description that answer questions
 *
 * A vacancy or job description, Dutch or English, often says what the job
 * asks: the education, the years of experience, how many people it leads,
 * whether it manages, its external contacts, a budget. Each fact becomes a
 * proposed answer that quotes the sentence it came from; the evaluator
 * accepts or dismisses it.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bal-handbook.h"
#include "bal-hints.h"
#include "bal-questionnaire.h"

void
bal_hint_free (BalHint *hint)
{
  if (hint == NULL)
    return;

  g_free (hint->question_id);
  g_free (hint->option_id);
  g_free (hint->option_text);
  g_free (hint->fact);
  g_free (hint->value);
  g_free (hint->evidence);
  g_free (hint);
}

/* The sentences of @text, verbatim, split at . ! ? and line ends. */
static GPtrArray *
split_sentences (const char *text)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;
  const char *p = text;

  for (;;)
    {
      gboolean end = *p == '\0' || *p == '\n' || *p == '\r' ||
                     ((*p == '.' || *p == '!' || *p == '?') &&
                      (p[1] == ' ' || p[1] == '\n' || p[1] == '\r' || p[1] == '\0') &&
                      !(p > text && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1])));

      if (end)
        {
          const char *stop = (*p == '.' || *p == '!' || *p == '?') ? p + 1 : p;
          g_autofree char *sentence = g_strndup (start, stop - start);

          g_strstrip (sentence);
          if (*sentence != '\0')
            g_ptr_array_add (sentences, g_steal_pointer (&sentence));

          if (*p == '\0')
            break;
          start = p + 1;
        }
      p++;
    }

  return sentences;
}

typedef struct
{
  const char *fact;
  char       *value;
  const char *sentence;
  int         rank;
} Found;

static gboolean
matches (const char *folded,
         const char *pattern)
{
  return g_regex_match_simple (pattern, folded, G_REGEX_CASELESS, 0);
}

static int
first_number (const char *folded,
              const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  if (regex == NULL || !g_regex_match (regex, folded, 0, &match))
    return -1;

  number = g_match_info_fetch_named (match, "n");

  return number ? atoi (number) : -1;
}

/* Keeps the strongest finding of each fact, and the first sentence that
 * gave it. */
static void
keep (Found      *found,
      const char *value,
      int         rank,
      const char *sentence)
{
  if (found->value == NULL || rank > found->rank)
    {
      g_free (found->value);
      found->value = g_strdup (value);
      found->rank = rank;
      found->sentence = sentence;
    }
}

static void
detect (const char *sentence,
        Found      *education,
        Found      *experience,
        Found      *span,
        Found      *management,
        Found      *external,
        Found      *budget)
{
  g_autofree char *folded = bal_fold (sentence);
  int n;

  /* Education: the level asked, the lowest that is named first. */
  if (education->value == NULL)
    {
      if (matches (folded, "\\bmbo[- ]?(niveau ?|level ?)?4\\b|\\bmbo 4\\b"))
        keep (education, "mbo4", 1, sentence);
      else if (matches (folded, "\\bmbo[- ]?(niveau ?|level ?)?3\\b"))
        keep (education, "mbo3", 1, sentence);
      else if (matches (folded, "\\bmbo[- ]?(niveau ?|level ?)?2\\b"))
        keep (education, "mbo2", 1, sentence);
      else if (matches (folded, "\\bmbo[- ]?(niveau ?|level ?)?1\\b|\\bvmbo\\b"))
        keep (education, "vmbo", 1, sentence);
      else if (matches (folded, "\\bhbo\\b|\\bbachelor|hogeschool|\\bbsc\\b|university of applied sciences"))
        keep (education, "hbo", 1, sentence);
      else if (matches (folded, "\\bwo\\b|\\bmaster'?s?\\b|universit|\\bmsc\\b|academisch"))
        keep (education, "wo", 1, sentence);
    }

  /* Years of experience: "5 jaar ervaring", "at least 8+ years of experience". */
  if (matches (folded, "ervaring|experience"))
    {
      n = first_number (folded, "(?<n>\\d{1,2})\\s*\\+?\\s*((-|–|tot|to)\\s*\\d{1,2}\\s*)?(jaar|jaren|years?|yrs)");
      if (n >= 0)
        {
          g_autofree char *value = g_strdup_printf ("%d", n);

          keep (experience, value, n, sentence);
        }
    }

  /* Span of control: the lower bound of "leiding aan 10-15 medewerkers",
   * "a team of 12"; of several groups in one sentence, the largest. */
  n = first_number (folded, "leiding (geven )?aan (een team van )?(circa |ongeveer |ca\\. )?(?<n>\\d{1,4})");
  if (n < 0)
    n = first_number (folded, "(manag|lead|supervis)\\w* (a team of |a group of |an? (organisation|organization|department) of |over )(around |about |approximately )?(?<n>\\d{1,4})");
  if (n < 0 && matches (folded, "leiding|manag|lead|aanstur|stuurt|supervis|team (of|van)"))
    {
      g_autoptr(GRegex) people = g_regex_new ("(?<n>\\d{1,4})\\+?\\s*(fte|medewerkers|people|employees|staff|agents|direct reports|team members|managers)\\b",
                                              G_REGEX_CASELESS, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (people, folded, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *number = g_match_info_fetch_named (match, "n");

          n = MAX (n, atoi (number));
          g_match_info_next (match, NULL);
        }
    }
  if (n >= 0)
    {
      g_autofree char *value = g_strdup_printf ("%d", n);

      keep (span, value, n, sentence);
    }

  /* Management: director over manager over lead. */
  if (matches (folded, "\\bdirect(or|eur)\\b|\\bhead of\\b|\\bvp\\b|vice[- ]president|\\bhoofd [a-z]+|leidinggevenden aan|managers aan|leading managers|manage managers|managing managers"))
    keep (management, "director", 3, sentence);
  else if (matches (folded, "\\bmanager\\b|leidinggevende|geeft leiding|geef je leiding|leiding aan|leiding geven|leidinggeven|people management|manage a team|lead a team|leads a team|line manag"))
    keep (management, "manager", 2, sentence);
  else if (matches (folded, "co[o]?rdinat|teamleider|team lead|\\blead\\b|\\bsupervisor\\b"))
    keep (management, "lead", 1, sentence);

  /* External contacts: negotiating over advising over informing. */
  if (matches (folded, "onderhandel|negotiat|vertegenwoordig|represent"))
    keep (external, "negotiation", 3, sentence);
  else if (matches (folded, "advis|advies|adviseer|advice|consult") &&
           matches (folded, "klant|customer|client|relatie|partner|leverancier|supplier"))
    keep (external, "advice", 2, sentence);
  else if (matches (folded, "\\bklant|\\bcustomer|\\bclient|leverancier|supplier|externe|external"))
    keep (external, "information", 1, sentence);

  /* Budget or revenue: own when the job answers for it. */
  if (matches (folded, "budget|omzet|revenue|\\bp&l\\b|\\bp ?& ?l\\b|targets?\\b|kosten|costs"))
    {
      if (matches (folded, "verantwoordelijk|responsib|accountab|\\bown\\b|eigenaar|beheert|manages? (the |a |an )?(\\w+ )?budget"))
        keep (budget, "own", 2, sentence);
      else
        keep (budget, "influence", 1, sentence);
    }
}

/* The option of @question that @value of its fact chooses. */
static BalQuestionOption *
option_for (BalQuestion *question,
            const char  *value)
{
  gboolean numeric = g_strcmp0 (question->fact, "experience") == 0 || g_strcmp0 (question->fact, "span") == 0;
  BalQuestionOption *best = NULL;

  for (guint i = 0; i < question->options->len; i++)
    {
      BalQuestionOption *option = g_ptr_array_index (question->options, i);

      if (option->fact_value == NULL || *option->fact_value == '\0')
        continue;

      if (numeric)
        {
          /* The option with the largest minimum that the number reaches. */
          if (atoi (option->fact_value) <= atoi (value) &&
              (best == NULL || atoi (option->fact_value) > atoi (best->fact_value)))
            best = option;
        }
      else if (g_strcmp0 (option->fact_value, value) == 0)
        return option;
    }

  return best;
}

/* The hints in @description for the questions of @method. */
GPtrArray *
bal_hints_find (BalMethod  *method,
                const char *description)
{
  g_autoptr(GPtrArray) sentences = NULL;
  g_autofree char *valid = NULL;
  Found found[6] = {
    { "education" }, { "experience" }, { "span" }, { "management" }, { "external" }, { "budget" },
  };
  GPtrArray *hints = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_hint_free);

  if (description == NULL)
    return hints;

  valid = g_utf8_make_valid (description, -1);
  sentences = split_sentences (valid);

  for (guint i = 0; i < sentences->len; i++)
    detect (g_ptr_array_index (sentences, i), &found[0], &found[1], &found[2], &found[3], &found[4], &found[5]);

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      if (found[i].value == NULL)
        continue;

      for (guint j = 0; j < method->questions->len; j++)
        {
          BalQuestion *question = g_ptr_array_index (method->questions, j);
          BalQuestionOption *option;
          BalHint *hint;

          if (g_strcmp0 (question->fact, found[i].fact) != 0)
            continue;

          option = option_for (question, found[i].value);
          if (option == NULL)
            continue;

          hint = g_new0 (BalHint, 1);
          hint->question_id = g_strdup (question->id);
          hint->option_id = g_strdup (option->id);
          hint->option_text = g_strdup (option->text);
          hint->fact = g_strdup (found[i].fact);
          hint->value = g_strdup (found[i].value);
          hint->evidence = g_strdup (found[i].sentence);
          g_ptr_array_add (hints, hint);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    g_free (found[i].value);

  return hints;
}

/* The hints for a job that still need the evaluator: not answered that way
 * already, and not dismissed. */
GPtrArray *
bal_hints_for_job (BalProject  *project,
                   gint64       job_id,
                   const char  *description,
                   GError     **error)
{
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *open = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_hint_free);

  method = bal_handbook_load_method (project, error);
  answers = method ? bal_questionnaire_answers (project, job_id, error) : NULL;
  if (method == NULL || answers == NULL)
    {
      g_ptr_array_unref (open);
      return NULL;
    }

  all = bal_hints_find (method, description);
  g_ptr_array_set_free_func (all, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      BalHint *hint = g_ptr_array_index (all, i);
      BalAnswer *answer = bal_questionnaire_find_answer (answers, hint->question_id);
      sqlite3_stmt *stmt;
      gboolean dismissed = FALSE;

      stmt = bal_project_prepare (project,
                                  "SELECT 1 FROM dismissed_hint WHERE job_id = ?1 AND question_id = ?2 AND option_id = ?3",
                                  NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, job_id);
          sqlite3_bind_text (stmt, 2, hint->question_id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, hint->option_id, -1, SQLITE_TRANSIENT);
          dismissed = sqlite3_step (stmt) == SQLITE_ROW;
          sqlite3_reset (stmt);
        }

      if (dismissed || (answer != NULL && g_strcmp0 (answer->option_id, hint->option_id) == 0))
        bal_hint_free (hint);
      else
        g_ptr_array_add (open, hint);
    }

  return open;
}

/* Answers the hint's question with its option, the quoted sentence as evidence. */
gboolean
bal_hints_accept (BalProject  *project,
                  gint64       job_id,
                  BalHint     *hint,
                  GError     **error)
{
  return bal_questionnaire_answer (project, job_id, hint->question_id, hint->option_id, hint->evidence, error);
}

gboolean
bal_hints_dismiss (BalProject  *project,
                   gint64       job_id,
                   BalHint     *hint,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = bal_project_prepare (project,
                              "INSERT OR IGNORE INTO dismissed_hint (job_id, question_id, option_id) VALUES (?1, ?2, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_text (stmt, 2, hint->question_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hint->option_id, -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  bal_project_emit_changed (project, "answers");

  return TRUE;
}
