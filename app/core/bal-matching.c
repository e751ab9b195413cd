/* bal-matching.c: the reference functions that may fit a job, best first
 *
 * Ranked by what the job is. Once the questionnaire gives levels, the
 * profile leads: the closer the reference's levels, the higher it stands
 * (the physical side, the method's lesser characteristic, counts half).
 * The text breaks ties: the job's title and description against the
 * reference's title, alternative titles, purpose and activities, on whole
 * words, stemmed for Dutch and English (Snowball), filler words left out,
 * rarer words weighing more (inverse document frequency), a Dutch
 * compound matching its last part ("servicemonteur" is a "monteur"). The
 * family adds a little only when the job names it, as a phrase.
 *
 * No reference fits when no word of the job's title is in any reference
 * function's title or alternative titles (titles are how a handbook says
 * which jobs a reference covers; see names_work_of()), or when even the closest profile
 * is more than BAL_MATCHING_NO_FIT_DISTANCE levels away on average over
 * the main characteristics: the application rules bridge one grade.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-matching"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libstemmer.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-matching.h"
#include "bal-profile.h"
#include "bal-project-private.h"

/* Words that say nothing about what a job is, Dutch and English, folded. */
static const char * const stop_words[] = {
  /* Dutch */
  "aan", "af", "al", "alle", "alles", "als", "altijd", "ben", "bent", "bij", "binnen", "daar", "dan", "dat", "de",
  "den", "der", "deze", "die", "dit", "doen", "door", "dus", "een", "eigen", "elke", "en", "er", "geen", "geeft",
  "geven", "goed", "goede", "graag", "groot", "grote", "haar", "had", "heb", "hebt", "hebben", "heeft", "het",
  "hier", "hij", "hoe", "hun", "iets", "in", "is", "ja", "je", "jij", "jou", "jouw", "kan", "kun", "kunnen",
  "kunt", "laat", "maar", "meer", "men", "met", "mij", "mijn", "na", "naar", "naast", "niet", "nog", "nu", "of",
  "om", "onder", "ons", "onze", "ook", "op", "over", "per", "sterk", "te", "tot", "twee", "u", "uit", "uw",
  "van", "veel", "voor", "waar", "wat", "we", "wel", "werd", "wie", "wij", "wil", "wilt", "word", "wordt",
  "worden", "zal", "ze", "zeer", "zelf", "zich", "zij", "zijn", "zo", "zoals", "zonder", "zou", "zowel",
  "functie", "vacature", "werk", "werken", "werkt", "jaar", "jaren", "samen", "nieuwe", "mogelijk", "daarnaast",
  "ervaring", "bieden", "bied", "solliciteer", "solliciteren", "salaris", "uur", "uren", "week", "dagen",
  "senior", "junior", "medior", "allround", "ervaren", "fulltime", "parttime", "via", "elk", "legt", "vast",
  "vaste", "juist", "juiste", "zorgt", "dagelijks", "dagelijkse", "diverse", "verschillende", "andere",
  "toe", "dient", "afdeling", "afdelingen",
  /* English */
  "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "being", "both", "but",
  "by", "can", "do", "does", "each", "every", "for", "from", "get", "has", "have", "help", "how", "if", "in",
  "into", "is", "it", "its", "join", "just", "like", "make", "more", "most", "new", "no", "not", "of", "on",
  "one", "or", "other", "our", "out", "over", "own", "role", "should", "so", "some", "such", "than", "that",
  "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "us", "very", "was",
  "we", "well", "were", "what", "when", "where", "which", "who", "will", "with", "within", "work", "would",
  "you", "your", "years", "year", "experience", "great", "good", "strong", "ability", "able", "looking",
  "opportunity", "company", "apply", "salary", "hours", "junior", "senior", "ideal", "candidate", "must",
  NULL
};

/* A word of a text, with its stems. */
typedef struct
{
  char *word;
  char *nl;
  char *en;
} Word;

static void
word_free (Word *word)
{
  g_free (word->word);
  g_free (word->nl);
  g_free (word->en);
  g_free (word);
}

typedef struct
{
  struct sb_stemmer *nl;
  struct sb_stemmer *en;
} Stemmers;

static char *
stem (struct sb_stemmer *stemmer,
      const char        *word)
{
  const sb_symbol *result;

  if (stemmer == NULL)
    return g_strdup (word);
  result = sb_stemmer_stem (stemmer, (const sb_symbol *)word, strlen (word));
  if (result == NULL)
    return g_strdup (word);

  return g_strndup ((const char *)result, sb_stemmer_length (stemmer));
}

/* The distinct meaningful words of @text, folded and stemmed, in order. */
static GPtrArray *
words_of (Stemmers   *stemmers,
          const char *text)
{
  g_autofree char *folded = bal_fold (text ? text : "");
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify)word_free);

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        g_string_append_unichar (word, c);
      else
        {
          if (word->len >= 3 && !g_ascii_isdigit (word->str[0]) &&
              !g_strv_contains (stop_words, word->str) &&
              !g_hash_table_contains (seen, word->str))
            {
              Word *w = g_new0 (Word, 1);

              w->word = g_strdup (word->str);
              w->nl = stem (stemmers->nl, word->str);
              w->en = stem (stemmers->en, word->str);
              g_hash_table_add (seen, w->word);
              g_ptr_array_add (words, w);
            }
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  return words;
}

/* The terms of a text, for lookup: "n:" + Dutch stem and "e:" + English stem. */
static GHashTable *
terms_of (GPtrArray *words)
{
  GHashTable *terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < words->len; i++)
    {
      Word *w = g_ptr_array_index (words, i);

      g_hash_table_add (terms, g_strconcat ("n:", w->nl, NULL));
      g_hash_table_add (terms, g_strconcat ("e:", w->en, NULL));
    }

  return terms;
}

/* Whether two Dutch words name the same kind of work: one is the last
 * part of the other ("servicemonteur" is a "monteur"), or both are
 * compounds with the same last part of six letters or more
 * ("storingsmonteur", "servicemonteur"). */
static gboolean
compound_of (const char *compound,
             const char *part)
{
  gsize a = strlen (compound);
  gsize b = strlen (part);
  gsize common = 0;

  if (b >= 5 && a > b + 2 && strcmp (compound + a - b, part) == 0)
    return TRUE;

  while (common < a && common < b && compound[a - 1 - common] == part[b - 1 - common])
    common++;

  return common >= 6 && a > common + 2 && b > common + 2;
}

typedef struct
{
  BalReferenceSummary *summary;
  GPtrArray           *title_words;  /* Word: title and alternative titles */
  GHashTable          *title_terms;
  GHashTable          *body_terms;   /* purpose and activities */
  int                  levels[8];    /* by characteristic position; 0 unknown */
} Reference;

static void
reference_free (Reference *r)
{
  g_ptr_array_unref (r->title_words);
  g_hash_table_unref (r->title_terms);
  g_hash_table_unref (r->body_terms);
  g_free (r);
}

static gboolean
in_title (Reference *r,
          Word      *w)
{
  g_autofree char *n = g_strconcat ("n:", w->nl, NULL);
  g_autofree char *e = g_strconcat ("e:", w->en, NULL);

  if (g_hash_table_contains (r->title_terms, n) || g_hash_table_contains (r->title_terms, e))
    return TRUE;

  for (guint i = 0; i < r->title_words->len; i++)
    {
      Word *t = g_ptr_array_index (r->title_words, i);

      if (compound_of (w->word, t->word) || compound_of (t->word, w->word))
        return TRUE;
    }

  return FALSE;
}

/* Title words that say who, not what: "magazijnmedewerker" and
 * "helpdeskmedewerker" share only "medewerker", which names no work. */
static const char * const generic_heads[] = {
  "medewerker", "werker", "kracht", "assistent", "functionaris", "employee", "worker", "assistant",
  "officer", "staff", NULL
};

static gboolean
is_generic_head (const char *word,
                 gsize       len)
{
  for (guint i = 0; generic_heads[i] != NULL; i++)
    if (strlen (generic_heads[i]) == len && strncmp (word, generic_heads[i], len) == 0)
      return TRUE;

  return FALSE;
}

static gsize
common_suffix (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b), n = 0;

  while (n < la && n < lb && a[la - 1 - n] == b[lb - 1 - n])
    n++;

  return n;
}

/* Whether a word of the job's title names work that @r's titles name:
 * the same word or stem; a Dutch compound of it, unless all they share is
 * a generic head; or two compounds with the same first part of four
 * letters or more ("postsorteerder", "postkamer"), since a Dutch compound
 * names its work by its first part as much as by its last. */
static gboolean
names_work_of (Reference *r,
               Word      *w)
{
  gsize len = strlen (w->word);
  g_autofree char *n = NULL;
  g_autofree char *e = NULL;

  if (is_generic_head (w->word, len))
    return FALSE;

  n = g_strconcat ("n:", w->nl, NULL);
  e = g_strconcat ("e:", w->en, NULL);
  if (g_hash_table_contains (r->title_terms, n) || g_hash_table_contains (r->title_terms, e))
    return TRUE;

  for (guint i = 0; i < r->title_words->len; i++)
    {
      Word *t = g_ptr_array_index (r->title_words, i);
      gsize tlen = strlen (t->word);
      gsize suffix = common_suffix (w->word, t->word);
      gsize prefix = 0;

      if ((compound_of (w->word, t->word) || compound_of (t->word, w->word)) &&
          !is_generic_head (w->word + len - suffix, suffix))
        return TRUE;

      while (prefix < len && prefix < tlen && w->word[prefix] == t->word[prefix])
        prefix++;
      if (prefix >= 4 && len >= prefix + 4 && tlen >= prefix + 4)
        return TRUE;
    }

  return FALSE;
}

static gboolean
in_body (Reference *r,
         Word      *w)
{
  g_autofree char *n = g_strconcat ("n:", w->nl, NULL);
  g_autofree char *e = g_strconcat ("e:", w->en, NULL);

  return g_hash_table_contains (r->body_terms, n) || g_hash_table_contains (r->body_terms, e);
}

void
bal_candidate_free (BalCandidate *candidate)
{
  if (candidate == NULL)
    return;

  g_free (candidate->code);
  g_free (candidate->title);
  g_free (candidate->family);
  g_free (candidate->grade);
  g_free (candidate->alternative_titles);
  g_free (candidate->no_fit);
  g_ptr_array_unref (candidate->reasons);
  g_free (candidate);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const BalCandidate *ca = *(BalCandidate **)a;
  const BalCandidate *cb = *(BalCandidate **)b;

  if (ca->score > cb->score)
    return -1;
  if (ca->score < cb->score)
    return 1;
  return g_strcmp0 (ca->code, cb->code);
}

/* Loads every reference's words and profile, in two queries. */
static GPtrArray *
load_references (BalProject  *project,
                 Stemmers    *stemmers,
                 GPtrArray   *summaries,
                 GError     **error)
{
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func ((GDestroyNotify)reference_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < summaries->len; i++)
    {
      Reference *r = g_new0 (Reference, 1);
      g_autofree char *titles = NULL;

      r->summary = g_ptr_array_index (summaries, i);
      titles = g_strjoin ("\n", r->summary->title, r->summary->alternative_titles, NULL);
      r->title_words = words_of (stemmers, titles);
      r->title_terms = terms_of (r->title_words);
      r->body_terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (by_id, &r->summary->id, r);
      g_ptr_array_add (references, r);
    }

  stmt = bal_project_prepare (project, "SELECT rowid, purpose || ' ' || activities FROM reference_fts", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Reference *r = g_hash_table_lookup (by_id, &id);
      g_autoptr(GPtrArray) words = NULL;

      if (r == NULL)
        continue;
      words = words_of (stemmers, (const char *)sqlite3_column_text (stmt, 1));
      g_hash_table_unref (r->body_terms);
      r->body_terms = terms_of (words);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  stmt = bal_project_prepare (project,
                              "SELECT p.reference_id, c.position, p.level FROM reference_profile p "
                              "JOIN characteristic c ON c.id = p.characteristic_id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Reference *r = g_hash_table_lookup (by_id, &id);
      int position = sqlite3_column_int (stmt, 1);

      if (r != NULL && position >= 0 && position < (int)G_N_ELEMENTS (r->levels))
        r->levels[position] = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&references);
}

/* Whether @folded contains @phrase as whole words. */
static gboolean
names_phrase (const char *folded,
              const char *phrase)
{
  gsize length = strlen (phrase);

  if (length == 0)
    return FALSE;

  for (const char *p = strstr (folded, phrase); p != NULL; p = strstr (p + 1, phrase))
    if ((p == folded || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[length]))
      return TRUE;

  return FALSE;
}

GPtrArray *
bal_matching_candidates (BalProject  *project,
                         gint64       job_id,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(BalJob) job = NULL;
  g_autoptr(BalJobProfile) profile = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(GPtrArray) job_words = NULL;
  g_autoptr(GPtrArray) title_words = NULL;
  g_autoptr(GHashTable) title_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree double *idf = NULL;
  g_autofree double *text = NULL;
  g_autofree char *job_text = NULL;
  g_autofree char *job_folded = NULL;
  g_autofree char *unknown_title_word = NULL;
  Stemmers stemmers = { sb_stemmer_new ("dutch", NULL), sb_stemmer_new ("english", NULL) };
  gboolean title_fits = TRUE;
  double best_text = 0;
  double nearest = -1;
  guint answered = 0;
  GPtrArray *candidates = NULL;

  job = bal_jobs_get (project, job_id, error);
  profile = job ? bal_profile_compute (project, job_id, error) : NULL;
  method = profile ? bal_handbook_load_method (project, error) : NULL;
  summaries = method ? bal_handbook_search (project, NULL, NULL, error) : NULL;
  references = summaries ? load_references (project, &stemmers, summaries, error) : NULL;
  if (references == NULL)
    goto out;

  for (guint i = 0; i < profile->levels->len; i++)
    if (((BalJobLevel *)g_ptr_array_index (profile->levels, i))->level > 0)
      answered++;

  job_text = g_strjoin ("\n", job->title, job->department, job->description, job->activities, NULL);
  job_folded = bal_fold (job_text);
  job_words = words_of (&stemmers, job_text);
  title_words = words_of (&stemmers, job->title);
  for (guint i = 0; i < title_words->len; i++)
    g_hash_table_add (title_set, ((Word *)g_ptr_array_index (title_words, i))->word);

  /* Rarer words weigh more. */
  idf = g_new0 (double, MAX (job_words->len, 1));
  for (guint w = 0; w < job_words->len; w++)
    {
      guint df = 0;

      for (guint i = 0; i < references->len; i++)
        {
          Reference *r = g_ptr_array_index (references, i);

          df += in_title (r, g_ptr_array_index (job_words, w)) || in_body (r, g_ptr_array_index (job_words, w));
        }
      idf[w] = df == 0 ? 0 : log ((references->len + 1.0) / (df + 0.5));
    }

  /* Does the job's title name work that some reference's titles name?
   * When none of its words is in any reference's title or alternative
   * titles, it is work the handbook does not describe. A title of filler
   * words or generic heads only (or none) says nothing either way. */
  {
    gboolean named = FALSE;
    Word *telling = NULL;

    for (guint w = 0; w < title_words->len && !named; w++)
      {
        Word *word = g_ptr_array_index (title_words, w);

        if (is_generic_head (word->word, strlen (word->word)))
          continue;
        if (telling == NULL)
          telling = word;
        for (guint i = 0; i < references->len && !named; i++)
          named = names_work_of (g_ptr_array_index (references, i), word);
      }
    title_fits = named || telling == NULL;
    if (!title_fits)
      unknown_title_word = g_strdup (telling->word);
  }

  text = g_new0 (double, references->len);
  for (guint i = 0; i < references->len; i++)
    {
      Reference *r = g_ptr_array_index (references, i);

      for (guint w = 0; w < job_words->len; w++)
        {
          Word *word = g_ptr_array_index (job_words, w);
          double weight = g_hash_table_contains (title_set, word->word) ? 2.0 : 1.0;

          if (in_title (r, word))
            text[i] += 3.0 * weight * idf[w];
          else if (in_body (r, word))
            text[i] += weight * idf[w];
        }
      best_text = MAX (best_text, text[i]);
    }

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_candidate_free);
  for (guint i = 0; i < references->len; i++)
    {
      Reference *r = g_ptr_array_index (references, i);
      BalCandidate *candidate = g_new0 (BalCandidate, 1);
      g_autoptr(GString) matched = g_string_new (NULL);
      g_autofree char *family = bal_fold (r->summary->family);
      double weighted = 0, weights = 0, main_difference = 0;
      guint main_known = 0, equal = 0, compared = 0, shown = 0;
      gboolean family_named;

      candidate->code = g_strdup (r->summary->code);
      candidate->title = g_strdup (r->summary->title);
      candidate->family = g_strdup (r->summary->family);
      candidate->grade = g_strdup (r->summary->grade);
      candidate->alternative_titles = g_strdup (r->summary->alternative_titles);
      candidate->reasons = g_ptr_array_new_with_free_func (g_free);
      candidate->text_score = best_text > 0 ? text[i] / best_text : 0;

      /* The words that matter: the rarer matched words, title words first. */
      for (int pass = 0; pass < 2; pass++)
        for (guint w = 0; w < job_words->len && shown < 6; w++)
          {
            Word *word = g_ptr_array_index (job_words, w);
            gboolean title_word = g_hash_table_contains (title_set, word->word);

            if ((pass == 0) != title_word || idf[w] < 1.0 || !(in_title (r, word) || in_body (r, word)))
              continue;
            g_string_append_printf (matched, "%s%s", shown > 0 ? ", " : "", word->word);
            shown++;
          }
      if (shown > 0)
        g_ptr_array_add (candidate->reasons, g_strdup_printf (_("Matched words: %s"), matched->str));

      for (guint c = 0; c < method->characteristics->len && c < G_N_ELEMENTS (r->levels); c++)
        {
          BalCharacteristic *characteristic = g_ptr_array_index (method->characteristics, c);
          BalJobLevel *level = bal_job_profile_find (profile, characteristic->id);
          gboolean lesser = bal_method_is_lesser (method, characteristic->id);
          double weight = lesser ? 0.5 : 1.0;
          int difference;

          if (level == NULL || level->level <= 0 || r->levels[c] <= 0)
            continue;
          difference = abs (level->level - r->levels[c]);
          compared++;
          equal += difference == 0;
          weighted += weight * difference;
          weights += weight;
          if (!lesser)
            {
              main_difference += difference;
              main_known++;
            }
        }

      if (compared > 0)
        {
          candidate->distance = weighted / weights;
          candidate->profile_score = MAX (0.0, 1.0 - candidate->distance / 3.0);
          g_ptr_array_add (candidate->reasons,
                           g_strdup_printf (_("Profile: %u of %u characteristics equal, on average %.1f levels apart"),
                                            equal, compared, candidate->distance));
          if (main_known >= 2 && (nearest < 0 || main_difference / main_known < nearest))
            nearest = main_difference / main_known;
        }
      else
        {
          candidate->distance = -1;
          candidate->profile_score = -1;
          g_ptr_array_add (candidate->reasons, g_strdup (_("No answers yet: ranked by text alone")));
        }

      family_named = names_phrase (job_folded, family);
      if (family_named)
        g_ptr_array_add (candidate->reasons, g_strdup_printf (_("The job names the family %s"), r->summary->family));

      candidate->score = answered > 0 && compared > 0
        ? 0.65 * candidate->profile_score + 0.35 * candidate->text_score
        : candidate->text_score;
      candidate->score = MIN (1.0, candidate->score + (family_named ? 0.05 : 0));
      candidate->score = round (candidate->score * 1000) / 1000;

      g_ptr_array_add (candidates, candidate);
    }

  /* No reference fits: said of the job, so on every candidate. */
  {
    g_autofree char *no_fit = NULL;

    if (!title_fits)
      no_fit = g_strdup_printf (_("the job’s title names work (“%s”) that no reference function’s title names."),
                                unknown_title_word);
    else if (nearest > BAL_MATCHING_NO_FIT_DISTANCE)
      no_fit = g_strdup_printf (_("even the closest profile is on average %.1f levels from the job’s, and the application rules bridge one."),
                                nearest);
    for (guint i = 0; no_fit != NULL && i < candidates->len; i++)
      ((BalCandidate *)g_ptr_array_index (candidates, i))->no_fit = g_strdup (no_fit);
  }

  g_ptr_array_sort (candidates, compare_candidates);
  if (limit > 0 && candidates->len > limit)
    g_ptr_array_set_size (candidates, limit);

out:
  if (stemmers.nl != NULL)
    sb_stemmer_delete (stemmers.nl);
  if (stemmers.en != NULL)
    sb_stemmer_delete (stemmers.en);

  return candidates;
}

/* Why no reference function fits @job_id, or NULL when one does: the
 * best candidate does not fit. */
char *
bal_matching_no_fit (BalProject  *project,
                     gint64       job_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) candidates = bal_matching_candidates (project, job_id, 1, error);
  BalCandidate *best;

  if (candidates == NULL || candidates->len == 0)
    return NULL;

  best = g_ptr_array_index (candidates, 0);

  return g_steal_pointer (&best->no_fit);
}
