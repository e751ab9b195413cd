/* bal-hints.c: facts in a job description that answer questions
 *
 * A vacancy or job description, Dutch or English, often says what the job
 * asks: the education, the years of experience, how many people it leads,
 * whether it manages, its external contacts, a budget. Each fact becomes a
 * proposed answer that quotes the sentence it came from; the evaluator
 * accepts or dismisses it.
 *
 * Read as a person reads: what a clause denies is not asked ("een
 * hbo-opleiding is niet verplicht"); of alternatives and ranges the least
 * counts ("mbo of hbo" is mbo, "3-5 jaar" is 3, "tot 10 jaar" sets no
 * least); having a manager or reporting to one is not leading; where the
 * job may grow to is not what it is; a page's title, headings and menu
 * words are never quoted. Fewer, right hints beat many.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-hints"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bal-handbook.h"
#include "bal-hints.h"
#include "bal-questionnaire.h"
#include "bal-project-private.h"

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

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean letter = g_ascii_isalnum (*p) || (*p & 0x80);

      n += letter && !in_word;
      in_word = letter;
    }

  return n;
}

/* The clauses of a folded sentence that say something is so: split at
 * commas, semicolons and "but", without those that deny it ("niet
 * verplicht", "geen", "not required", "no"). */
static char *
affirmed (const char *folded)
{
  g_auto(GStrv) clauses = g_regex_split_simple ("[,;]|\\bmaar\\b|\\bbut\\b|\\bhowever\\b", folded, 0, 0);
  g_autoptr(GString) kept = g_string_new (NULL);

  gboolean other_job = FALSE;

  for (guint i = 0; clauses[i] != NULL; i++)
    {
      /* "Unlike a manager, who ...", "While managers spend their days
       * supervising ...": a contrast describes another job, and so does
       * the relative clause that follows it. */
      if (matches (clauses[i], "^\\s*(unlike|while|whereas|in contrast to|anders dan|in tegenstelling tot|terwijl)\\b"))
        {
          other_job = TRUE;
          continue;
        }
      if (other_job && matches (clauses[i], "^\\s*(who|which|die|dat)\\b"))
        continue;
      other_job = FALSE;
      if (!matches (clauses[i], "\\bniet\\b|\\bgeen\\b|\\bnot\\b|\\bno\\b|\\bnever\\b|\\bnooit\\b|n't\\b|\\bwithout\\b|\\bzonder\\b"))
        g_string_append_printf (kept, "%s ; ", clauses[i]);
    }

  return g_string_free (g_steal_pointer (&kept), FALSE);
}

/* The lowest education the sentence asks: "mbo of hbo" asks mbo (an mbo
 * without a level is taken as the common vakopleiding, mbo-3). Where a school
 * diploma without a trade will also do ("or a high school diploma"), the
 * sentence asks no vocational level at all: no hint. */
static const char *
education_of (const char *folded)
{
  if (matches (folded, "high school|secondary school|middelbare school|\\bhavo\\b|\\bvwo\\b|\\bged\\b"))
    return NULL;

  static const struct { const char *pattern; const char *value; } levels[] = {
    { "\\bvmbo\\b|\\bmbo[- ]?(niveau ?|level ?)?1\\b|\\bentreeopleiding", "vmbo" },
    { "\\bmbo[- ]?(niveau ?|level ?)?2\\b", "mbo2" },
    { "\\bmbo[- ]?(niveau ?|level ?)?3\\b|\\bmbo\\b(?![- ]?(niveau ?|level ?)?\\d)", "mbo3" },
    { "\\bmbo[- ]?(niveau ?|level ?)?4\\b|\\bmbo\\+", "mbo4" },
    { "\\bhbo\\b|\\bbachelor|hogeschool|\\bbsc\\b|university of applied sciences|\\bhigher professional", "hbo" },
    { "\\bwo\\b|\\bmaster'?s? ?(degree|diploma|niveau|level)|\\bmaster'?s\\b|\\bmasteropleiding|universit|\\bmsc\\b|academisch", "wo" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (matches (folded, levels[i].pattern))
      return levels[i].value;

  return NULL;
}

/* The least experience a sentence asks, in years: the lower bound of a
 * range; nothing from "tot 10 jaar" or "up to 10 years", which say no
 * least. */
static int
experience_of (const char *folded,
               const char *heading)
{
  g_autoptr(GRegex) regex = g_regex_new ("(?<upto>\\b(tot|up to|maximaal|max\\.?|at most)\\s+)?(?<n>\\d{1,2})\\s*\\+?\\s*((-|–|tot|to|a)\\s*\\d{1,2}\\s*)?(jaar|jaren|years?|yrs)\\b",
                                         G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int least = -1;

  /* "Typical experience" above "2-3 years in help desk support": the
   * heading says what the line is about. */
  if (!matches (folded, "ervaring|experience|werkzaam|worked") &&
      (heading == NULL || !matches (heading, "ervaring|experience")))
    return -1;

  g_regex_match (regex, folded, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *upto = g_match_info_fetch_named (match, "upto");
      g_autofree char *number = g_match_info_fetch_named (match, "n");

      if (upto == NULL || *upto == '\0')
        least = least < 0 ? atoi (number) : MIN (least, atoi (number));
      g_match_info_next (match, NULL);
    }

  return least;
}

static int
largest_number (const char *folded,
                const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int n = -1;

  g_regex_match (regex, folded, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *number = g_match_info_fetch_named (match, "n");

      n = MAX (n, atoi (number));
      g_match_info_next (match, NULL);
    }

  return n;
}

static GRegex *customer_names;

static const char career_words[] =
  "doorgroei|groeimogelijk|carri[eè]re|loopbaan|growth (to|into|path|opportunit)|grow (in)?to\\b|career|promot|advancement|progression";

/* A line that heads what follows: a few words, no end of sentence, or a
 * colon at its end. */
static gboolean
is_heading (const char *sentence)
{
  g_autofree char *copy = g_strstrip (g_strdup (sentence));
  gsize length = strlen (copy);

  /* A list item is content, whatever its length. */
  if (length == 0 || g_str_has_prefix (copy, "•") || g_str_has_prefix (copy, "·") || strchr ("-*–", copy[0]) != NULL)
    return FALSE;
  if (copy[length - 1] == ':' && count_words (copy) <= 8)
    return TRUE;

  return count_words (copy) <= 4 && strpbrk (copy, ".!?;,") == NULL;
}

static void
detect (const char *sentence,
        gboolean    first_line,
        const char *heading,
        Found      *education,
        Found      *experience,
        Found      *span,
        Found      *management,
        Found      *external,
        Found      *budget)
{
  g_autofree char *whole = bal_fold (sentence);
  g_autofree char *folded = NULL;
  guint words = count_words (whole);
  gboolean leads;
  const char *level;
  int n;

  /* A page's title, a heading, a menu item: never evidence. */
  if (first_line || words < 3 || g_str_has_suffix (g_strchomp (whole), ":"))
    return;
  /* Where the job may lead one day says nothing about what it is. */
  if (matches (whole, career_words))
    return;

  folded = affirmed (whole);

  if ((level = education_of (folded)) != NULL && education->value == NULL)
    keep (education, level, 1, sentence);

  if ((n = experience_of (folded, heading)) >= 0)
    {
      g_autofree char *value = g_strdup_printf ("%d", n);

      keep (experience, value, n, sentence);
    }

  if (words < 4)
    return;

  /* Who leads whom: having a manager, reporting to one or working under
   * one is not leading. */
  /* Leave out the clauses that say whom the job reports to. */
  {
    g_auto(GStrv) clauses = g_regex_split_simple (";|\\ben\\b|\\band\\b", folded, 0, 0);
    g_autoptr(GString) kept = g_string_new (NULL);

    for (guint i = 0; clauses[i] != NULL; i++)
      if (!matches (clauses[i], "rapporteer|report(s|ing)? (directly )?to|onder (de )?leiding|heeft een leidinggevende|hebt een leidinggevende|\\b(led|managed|supervised|headed) by\\b|\\b(geleid|aangestuurd) door\\b"))
        g_string_append_printf (kept, "%s ; ", clauses[i]);
    g_free (folded);
    folded = g_string_free (g_steal_pointer (&kept), FALSE);
  }

  leads = !matches (folded, "heeft een leidinggevende|hebt een leidinggevende|je leidinggevende|jouw leidinggevende|onder (de )?leiding|rapporteer|report(s|ing)? (directly )?to|your (line )?manager|reporting line|valt onder|werkt onder|ondersteun\\w* (de |het )?(manager|management|directie|teamleider)|assist\\w* (the )?(manager|director)");

  if (leads)
    {
      /* The lower bound of "leiding aan 10-15 medewerkers"; of several groups, the largest. */
      n = -1;
      if (matches (folded, "leiding|leidinggeven|aanstu|stuurt|manag|lead|supervis|verantwoordelijk voor een team|responsible for a team"))
        n = largest_number (folded, "(?<n>\\d{1,4})\\+?\\s*(-\\s*\\d{1,4}\\s*)?(fte|medewerkers|mensen|collega'?s|people|employees|staff|agents|direct reports|team ?members|teamleiders|team ?leaders|managers|leidinggevenden|professionals|specialisten|specialists|fte'?s)\\b");
      if (n < 0)
        n = largest_number (folded, "(leiding (geven |te geven )?aan|leidinggeven aan|(manag|lead|supervis)\\w* (a team of|a group of|an? (organisation|organization|department) of|over))\\s+(een team van |circa |ongeveer |around |about |approximately |ca\\. )?(?<n>\\d{1,4})");
      if (n > 0)
        {
          g_autofree char *value = g_strdup_printf ("%d", n);

          keep (span, value, n, sentence);
        }

      /* Leading leaders, or heading a whole unit (a department, a
       * contact centre, the organisation's staff of a kind), is what the
       * method calls leading an organisational unit; a team within one
       * is not. */
      if (matches (folded, "(leiding|lead\\w*|manag\\w*|aanstu\\w*|stuur\\w*)[^;]{0,30}\\b(teamleiders|team ?leaders|leidinggevenden|managers|afdelingshoofden|heads of)\\b|\\bals (algemeen )?directeur\\b|\\bas (the )?director\\b") ||
          (matches (folded, "\\b(the |an? )?(head|leader) of (an? |the |our |your )?(\\w+[- ]){0,3}(department|division|organi[sz]ation|business unit|contact ?cent(er|re)|call ?cent(er|re))\\b|\\b(hoofd|leidinggevende) van (de|het|een) (\\w+ ){0,2}(afdeling|divisie|organisatie|contactcenter|vestiging)\\b|\\bleiding (geven |te geven )?aan (de|het|een|alle) (\\w+ ){0,3}(afdeling|divisie|organisatie\\w*|contactcenter|vestiging|medewerkers binnen de organisatie)\\b") &&
           !matches (folded, "\\b(team|teams)\\b[^;]{0,20}\\b(afdeling|department|binnen|within)\\b")))
        keep (management, "director", 3, sentence);
      else if (matches (folded, "geeft (hij |zij |ze |u )?leiding|geef je leiding|\\bleid(t)? (je |jij |u )?(een|het|de|jouw|je) (\\w+ )?team\\b|leiding (geven|te geven) aan|leidinggeven aan|hi[eë]rarchisch leidinggevende|leidinggevende (rol|functie|verantwoordelijkheid)|people management|line manag|direct reports|(manage|manages|managing|lead|leads|leading) (a |the |your |an? \\w+ )?team\\b|\\bals (team)?manager\\b|\\bas (a |the )?(team )?manager\\b|\\bals teamleider\\b|\\bas (a |the )?team ?leader\\b"))
        keep (management, "manager", 2, sentence);
      else if (matches (folded, "(co[oö]rdine?er|co[oö]rdinat|supervis)\\w*[^;]{0,30}\\b(team|werk|medewerkers|collega|people|staff|colleagues|agents|representatives)|functioneel leiding|verdeelt het werk|verdeel je het werk|\\bteam lead\\b"))
        keep (management, "lead", 1, sentence);
    }

  /* External contacts: negotiating over advising over informing. */
  if (matches (folded, "onderhandel|negotiat|vertegenwoordigt (de|het|onze)|vertegenwoordig je (de|het|onze)|represent(s|ing)? (the|our) (company|organi[sz]ation|business|firm)"))
    keep (external, "negotiation", 3, sentence);
  /* Advising customers, not a recording that advises a caller: the
   * customer stands within a few words of the advice. */
  else if (matches (folded, "\\b(advis|advies|adviseer|advice)\\w*(\\W+\\w+){0,4}?\\W+(klant|customer|client|relatie|partner|leverancier|supplier|consument|consumer)|"
                            "\\b(klant|customer|client|relatie|consument|consumer)\\w*(\\W+\\w+){0,3}?\\W+(advis|advies|adviseer|advice)"))
    keep (external, "advice", 2, sentence);
  else
    {
      /* A department or a figure named after customers is no contact with them. */
      g_autofree char *contact = g_regex_replace (customer_names, folded, -1, 0, " ", 0, NULL);

      if (contact != NULL &&
          matches (contact, "\\bklant|\\bcustomer|\\bclient|\\bconsument|\\bconsumer|\\bbeller|\\bcaller") &&
          matches (contact, "contact|te woord|vragen|beantwoord|telefo|chat|e-?mail|\\bbel(t|len|lers?)?\\b|help|answer|speak|\\bcall|inquir|quer|question|informeer|informatie|uitleg|uit te leggen|explain"))
        keep (external, "information", 1, sentence);
    }

  /* Budget or revenue: own when the job answers for it. */
  if (matches (folded, "\\bbudget(s|ten)?\\b|\\bomzet\\b|\\bomzettarget|\\brevenue|\\bp ?& ?l\\b|\\bwinst\\b|\\bprofit|sales ?targets?|verkooptarget|kostenplaats|budgethouder|budgetverantwoordelijk"))
    {
      if (matches (folded, "verantwoordelijk|responsib|accountab|\\bown\\b|eigenaar|beheer|manag\\w* (the |a |an )?(\\w+ )*budget|budget ?management|budget ?owner|budgethouder|budgetverantwoordelijk"))
        keep (budget, "own", 2, sentence);
      /* Analysing or reporting the figures is not moving them: the
       * method's influence is discounts, compensation, quotations. */
      else if (!matches (folded, "analy[sz]|analyse|investigat|onderzoek|report(s|ing)? on|rapporte?e?r\\w* over|variance"))
        keep (budget, "influence", 1, sentence);
    }
  else if (matches (folded, "korting|discount|offerte|quotation|\\bquotes?\\b|compensatie|coulance|upsell|cross-?sell"))
    keep (budget, "influence", 1, sentence);
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

/* Whether @sentence is the first line of @text and reads as a title: no
 * end of sentence, a few words. */
static gboolean
is_title (const char *text,
          const char *sentence)
{
  const char *line_end;

  while (g_ascii_isspace (*text))
    text++;
  line_end = strchr (text, '\n');
  if (line_end == NULL || (gsize)(line_end - text) > strlen (sentence) + 1)
    return FALSE;

  return count_words (sentence) <= 8 && strpbrk (sentence, ".!?") == NULL;
}

/* The hints in @description for the questions of @method. */
GPtrArray *
bal_hints_find (BalMethod  *method,
                const char *description)
{
  g_autoptr(GPtrArray) sentences = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *heading = NULL;
  gboolean career = FALSE;
  Found found[6] = {
    { "education" }, { "experience" }, { "span" }, { "management" }, { "external" }, { "budget" },
  };
  GPtrArray *hints = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_hint_free);

  if (description == NULL)
    return hints;

  if (g_once_init_enter (&customer_names))
    g_once_init_leave (&customer_names,
                       g_regex_new ("customer[- ](service|support|experience|success|care|insight|retention|satisfaction|journey|delight|"
                                    "centric|focused|oriented|first|obsess|interaction|loyalty)\\w*|"
                                    "klant(en)?(service|contact|tevredenheid|reis|gericht|interactie|ervaring|beleving|behoud|focus)\\w*",
                                    G_REGEX_CASELESS, 0, NULL));

  valid = g_utf8_make_valid (description, -1);
  sentences = split_sentences (valid);

  for (guint i = 0; i < sentences->len; i++)
    {
      const char *sentence = g_ptr_array_index (sentences, i);

      /* A heading is never evidence, but it says what the lines below it
       * are about: under "Doorgroeimogelijkheden" or "Advancement to" they
       * are where the job may lead, not what it is. */
      if (is_heading (sentence))
        {
          g_autofree char *folded = bal_fold (sentence);
          gboolean sub = g_str_has_suffix (folded, ":");

          /* "Entry point from:" under "Typical career path" is still the career. */
          career = matches (folded, career_words) || (career && sub);
          g_free (heading);
          heading = g_steal_pointer (&folded);
          if (!career)
            detect (sentence, i == 0 && is_title (valid, sentence), NULL,
                    &found[0], &found[1], &found[2], &found[3], &found[4], &found[5]);
          continue;
        }
      if (!career)
        detect (sentence, i == 0 && is_title (valid, sentence), heading,
                &found[0], &found[1], &found[2], &found[3], &found[4], &found[5]);
      g_clear_pointer (&heading, g_free);
    }

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
