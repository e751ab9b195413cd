/* bal-matching.c: the reference functions that may fit a job, best first
 *
 * Ranked by what the job is. Once the questionnaire gives levels, the
 * profile leads, as far as it is known: the closer the reference's levels,
 * the higher it stands (the physical side, the method's lesser
 * characteristic, counts half). The text breaks ties: the job's title and description against the
 * reference's title, alternative titles, purpose and activities, on whole
 * words, stemmed for Dutch and English (Snowball), filler words left out,
 * rarer words weighing more (inverse document frequency), a Dutch
 * compound matching its last part ("servicemonteur" is a "monteur"). The
 * family adds a little only when the job names it, as a phrase.
 *
 * No reference fits when no word of the job's title is in any reference
 * function's title or alternative titles (titles are how a handbook says
 * which jobs a reference covers; see names_work()), or when even the closest profile
 * is more than BAL_MATCHING_NO_FIT_DISTANCE levels away on average over
 * the main characteristics: the application rules bridge one grade.
 *
 * Every reference's profile and stemmed title and body terms are read and
 * stemmed once per project and kept (Handbook below) until the handbook
 * changes, in this process ("changed::handbook") or in another
 * (PRAGMA data_version); a job's words are then looked up in inverted
 * lists, so ranking costs about the job's words, not the handbook's.
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

/* How many bytes @a and @b end with in common. */
static gsize
common_suffix (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b), n = 0;

  while (n < la && n < lb && a[la - 1 - n] == b[lb - 1 - n])
    n++;

  return n;
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
  gsize common;

  if (b >= 5 && a > b + 2 && strcmp (compound + a - b, part) == 0)
    return TRUE;

  common = common_suffix (compound, part);

  return common >= 6 && a > common + 2 && b > common + 2;
}

/* A reference function as matching needs it. Its words and terms are
 * needed only until they are in the Handbook's inverted lists. */
typedef struct
{
  BalReferenceSummary *summary;
  char                *family;       /* folded */
  GPtrArray           *title_words;  /* Word: title and alternative titles */
  GHashTable          *title_terms;
  GHashTable          *body_terms;   /* purpose and activities */
  int                  levels[8];    /* by characteristic position; 0 unknown */
} Reference;

static void
reference_free (Reference *r)
{
  bal_reference_summary_free (r->summary);
  g_free (r->family);
  g_clear_pointer (&r->title_words, g_ptr_array_unref);
  g_clear_pointer (&r->title_terms, g_hash_table_unref);
  g_clear_pointer (&r->body_terms, g_hash_table_unref);
  g_free (r);
}

/* A word of some reference's titles, with the references whose titles hold it. */
typedef struct
{
  char   *word;
  GArray *indices;  /* guint: positions in Handbook.references */
} TitleWord;

static void
title_word_free (TitleWord *t)
{
  g_free (t->word);
  g_array_unref (t->indices);
  g_free (t);
}

/* What the handbook holds for matching, read once: every reference, and
 * inverted lists from a term to the references that hold it. */
typedef struct
{
  BalMethod  *method;
  GPtrArray  *references;      /* Reference */
  GHashTable *title_postings;  /* term -> GArray of guint */
  GHashTable *body_postings;   /* term -> GArray of guint */
  GHashTable *title_words;     /* word -> TitleWord */
  GHashTable *suffixes;        /* last five bytes of a title word -> GPtrArray of TitleWord, borrowed */
} Handbook;

static void
handbook_free (Handbook *h)
{
  g_clear_pointer (&h->method, bal_method_free);
  g_clear_pointer (&h->references, g_ptr_array_unref);
  g_clear_pointer (&h->title_postings, g_hash_table_unref);
  g_clear_pointer (&h->body_postings, g_hash_table_unref);
  g_clear_pointer (&h->suffixes, g_hash_table_unref);
  g_clear_pointer (&h->title_words, g_hash_table_unref);
  g_free (h);
}

/* The per-project cache, kept on the project: the handbook read once, and
 * the stemmers. */
typedef struct
{
  Stemmers  stemmers;
  Handbook *handbook;      /* NULL until read, and after the handbook changed */
  gint64    data_version;  /* of the connection when the handbook was read */
} Cache;

static void
cache_free (Cache *cache)
{
  g_clear_pointer (&cache->handbook, handbook_free);
  if (cache->stemmers.nl != NULL)
    sb_stemmer_delete (cache->stemmers.nl);
  if (cache->stemmers.en != NULL)
    sb_stemmer_delete (cache->stemmers.en);
  g_free (cache);
}

static void
postings_add (GHashTable *postings,
              const char *term,
              guint       index)
{
  GArray *indices = g_hash_table_lookup (postings, term);

  if (indices == NULL)
    {
      indices = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (postings, g_strdup (term), indices);
    }
  g_array_append_val (indices, index);
}

static void
mark (guint8 *match,
      GArray *indices,
      guint8  value)
{
  for (guint k = 0; indices != NULL && k < indices->len; k++)
    {
      guint i = g_array_index (indices, guint, k);

      match[i] = MAX (match[i], value);
    }
}

/* Whether @word may share a last part with another word: compound_of()
 * needs five common last bytes at least. */
#define SUFFIX 5

/* Marks in @match (one byte per reference) the references whose titles
 * name @w with 2, and those whose purpose or activities hold it with 1:
 * what in_title() and in_body() would say of each reference. */
static void
match_word (Handbook *h,
            Word     *w,
            guint8   *match)
{
  g_autofree char *n = g_strconcat ("n:", w->nl, NULL);
  g_autofree char *e = g_strconcat ("e:", w->en, NULL);
  gsize length = strlen (w->word);

  mark (match, g_hash_table_lookup (h->body_postings, n), 1);
  mark (match, g_hash_table_lookup (h->body_postings, e), 1);
  mark (match, g_hash_table_lookup (h->title_postings, n), 2);
  mark (match, g_hash_table_lookup (h->title_postings, e), 2);

  if (length >= SUFFIX)
    {
      GPtrArray *same_end = g_hash_table_lookup (h->suffixes, w->word + length - SUFFIX);

      for (guint k = 0; same_end != NULL && k < same_end->len; k++)
        {
          TitleWord *t = g_ptr_array_index (same_end, k);

          if (compound_of (w->word, t->word) || compound_of (t->word, w->word))
            mark (match, t->indices, 2);
        }
    }
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

/* Whether a word of the job's title names work that some reference's
 * titles name: the same word or stem; a Dutch compound of it, unless all
 * they share is a generic head; or two compounds with the same first part
 * of four letters or more ("postsorteerder", "postkamer"), since a Dutch
 * compound names its work by its first part as much as by its last. */
static gboolean
names_work (Handbook *h,
            Word     *w)
{
  gsize length = strlen (w->word);
  g_autofree char *n = NULL;
  g_autofree char *e = NULL;
  GHashTableIter iter;
  TitleWord *t;

  if (is_generic_head (w->word, length))
    return FALSE;

  n = g_strconcat ("n:", w->nl, NULL);
  e = g_strconcat ("e:", w->en, NULL);
  if (g_hash_table_contains (h->title_postings, n) || g_hash_table_contains (h->title_postings, e))
    return TRUE;

  g_hash_table_iter_init (&iter, h->title_words);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&t))
    {
      gsize tlength = strlen (t->word);
      gsize suffix = common_suffix (w->word, t->word);
      gsize prefix = 0;

      if ((compound_of (w->word, t->word) || compound_of (t->word, w->word)) &&
          !is_generic_head (w->word + length - suffix, suffix))
        return TRUE;

      while (prefix < length && prefix < tlength && w->word[prefix] == t->word[prefix])
        prefix++;
      if (prefix >= 4 && length >= prefix + 4 && tlength >= prefix + 4)
        return TRUE;
    }

  return FALSE;
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

/* Reads every reference's words and profile, in three queries. */
static Handbook *
load_handbook (BalProject  *project,
               Stemmers    *stemmers,
               GError     **error)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  Handbook *h = g_new0 (Handbook, 1);
  gboolean began = bal_project_begin_read (project);
  sqlite3_stmt *stmt;
  int rc;

  h->references = g_ptr_array_new_with_free_func ((GDestroyNotify)reference_free);
  h->title_postings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  h->body_postings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  h->title_words = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)title_word_free);
  h->suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);

  h->method = bal_handbook_load_method (project, error);
  summaries = h->method ? bal_handbook_search (project, NULL, NULL, error) : NULL;
  if (summaries == NULL)
    goto failed;

  /* The references own the summaries from here on. */
  g_ptr_array_set_free_func (summaries, NULL);
  for (guint i = 0; i < summaries->len; i++)
    {
      Reference *r = g_new0 (Reference, 1);
      g_autofree char *titles = NULL;

      r->summary = g_ptr_array_index (summaries, i);
      titles = g_strjoin ("\n", r->summary->title, r->summary->alternative_titles, NULL);
      r->family = bal_fold (r->summary->family);
      r->title_words = words_of (stemmers, titles);
      r->title_terms = terms_of (r->title_words);
      r->body_terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (by_id, &r->summary->id, r);
      g_ptr_array_add (h->references, r);
    }

  stmt = bal_project_prepare (project, "SELECT rowid, purpose || ' ' || activities FROM reference_fts", error);
  if (stmt == NULL)
    goto failed;
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
      goto failed;
    }

  stmt = bal_project_prepare (project,
                              "SELECT p.reference_id, c.position, p.level FROM reference_profile p "
                              "JOIN characteristic c ON c.id = p.characteristic_id",
                              error);
  if (stmt == NULL)
    goto failed;
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
      goto failed;
    }
  bal_project_end_read (project, began);

  for (guint i = 0; i < h->references->len; i++)
    {
      Reference *r = g_ptr_array_index (h->references, i);
      GHashTableIter iter;
      const char *term;

      g_hash_table_iter_init (&iter, r->title_terms);
      while (g_hash_table_iter_next (&iter, (gpointer *)&term, NULL))
        postings_add (h->title_postings, term, i);
      g_hash_table_iter_init (&iter, r->body_terms);
      while (g_hash_table_iter_next (&iter, (gpointer *)&term, NULL))
        postings_add (h->body_postings, term, i);

      for (guint k = 0; k < r->title_words->len; k++)
        {
          Word *w = g_ptr_array_index (r->title_words, k);
          TitleWord *t = g_hash_table_lookup (h->title_words, w->word);
          gsize length = strlen (w->word);

          if (t == NULL)
            {
              t = g_new0 (TitleWord, 1);
              t->word = g_strdup (w->word);
              t->indices = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (h->title_words, (gpointer)t->word, t);
              if (length >= SUFFIX)
                {
                  GPtrArray *same_end = g_hash_table_lookup (h->suffixes, w->word + length - SUFFIX);

                  if (same_end == NULL)
                    {
                      same_end = g_ptr_array_new ();
                      g_hash_table_insert (h->suffixes, g_strdup (w->word + length - SUFFIX), same_end);
                    }
                  g_ptr_array_add (same_end, t);
                }
            }
          g_array_append_val (t->indices, i);
        }

      g_clear_pointer (&r->title_words, g_ptr_array_unref);
      g_clear_pointer (&r->title_terms, g_hash_table_unref);
      g_clear_pointer (&r->body_terms, g_hash_table_unref);
    }

  return h;

failed:
  bal_project_end_read (project, began);
  handbook_free (h);
  return NULL;
}

static GQuark
cache_quark (void)
{
  return g_quark_from_static_string ("bal-matching-cache");
}

static void
on_handbook_changed (BalProject *project,
                     const char *what,
                     Cache      *cache)
{
  g_clear_pointer (&cache->handbook, handbook_free);
}

/* How many times another connection committed to the file. */
static gint64
data_version (BalProject *project)
{
  sqlite3_stmt *stmt = bal_project_prepare (project, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return version;
}

/* The project's cache, its handbook read if it was not yet or changed since. */
static Cache *
project_cache (BalProject  *project,
               GError     **error)
{
  Cache *cache = g_object_get_qdata (G_OBJECT (project), cache_quark ());
  gint64 version = data_version (project);

  if (cache == NULL)
    {
      cache = g_new0 (Cache, 1);
      cache->stemmers.nl = sb_stemmer_new ("dutch", NULL);
      cache->stemmers.en = sb_stemmer_new ("english", NULL);
      g_object_set_qdata_full (G_OBJECT (project), cache_quark (), cache, (GDestroyNotify)cache_free);
      g_signal_connect (project, "changed::handbook", G_CALLBACK (on_handbook_changed), cache);
    }

  if (cache->handbook != NULL && cache->data_version != version)
    g_clear_pointer (&cache->handbook, handbook_free);

  if (cache->handbook == NULL)
    {
      cache->handbook = load_handbook (project, &cache->stemmers, error);
      cache->data_version = version;
      if (cache->handbook == NULL)
        return NULL;
    }

  return cache;
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

/* A reference's place in the ranking, before its candidate is made. */
typedef struct
{
  Reference *reference;
  guint      index;
  double     score;
  double     text_score;
  double     profile_score;
  double     distance;
  guint      equal;
  guint      compared;
  gboolean   family_named;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->score > rb->score)
    return -1;
  if (ra->score < rb->score)
    return 1;
  return g_strcmp0 (ra->reference->summary->code, rb->reference->summary->code);
}

GPtrArray *
bal_matching_candidates (BalProject  *project,
                         gint64       job_id,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(BalJob) job = NULL;
  g_autoptr(BalJobProfile) profile = NULL;
  g_autoptr(GPtrArray) job_words = NULL;
  g_autoptr(GPtrArray) title_words = NULL;
  g_autoptr(GHashTable) title_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) families = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree double *idf = NULL;
  g_autofree double *text = NULL;
  g_autofree guint8 *match = NULL;
  g_autofree Ranked *ranked = NULL;
  g_autofree int *job_levels = NULL;
  g_autofree gboolean *lesser = NULL;
  g_autofree char *job_text = NULL;
  g_autofree char *job_folded = NULL;
  g_autofree char *unknown_title_word = NULL;
  g_autofree char *no_fit = NULL;
  Cache *cache;
  Handbook *h;
  BalMethod *method;
  GPtrArray *references;
  guint n, n_characteristics, n_ranked;
  gboolean title_fits = TRUE;
  double best_text = 0;
  double nearest = -1;
  guint answered = 0;
  gboolean began;
  GPtrArray *candidates;

  /* One read lock for the job, its answers and (when it changed) the handbook. */
  began = bal_project_begin_read (project);
  job = bal_jobs_get (project, job_id, error);
  profile = job ? bal_profile_compute (project, job_id, error) : NULL;
  cache = profile ? project_cache (project, error) : NULL;
  bal_project_end_read (project, began);
  if (cache == NULL)
    return NULL;

  h = cache->handbook;
  method = h->method;
  references = h->references;
  n = references->len;

  for (guint i = 0; i < profile->levels->len; i++)
    if (((BalJobLevel *)g_ptr_array_index (profile->levels, i))->level > 0)
      answered++;

  job_text = g_strjoin ("\n", job->title, job->department, job->description, job->activities, NULL);
  job_folded = bal_fold (job_text);
  job_words = words_of (&cache->stemmers, job_text);
  title_words = words_of (&cache->stemmers, job->title);
  for (guint i = 0; i < title_words->len; i++)
    g_hash_table_add (title_set, ((Word *)g_ptr_array_index (title_words, i))->word);

  /* Which references hold each word of the job: 2 in their titles, 1 only
   * in their purpose or activities. Rarer words weigh more. */
  match = g_new0 (guint8, (gsize)MAX (job_words->len, 1) * MAX (n, 1));
  idf = g_new0 (double, MAX (job_words->len, 1));
  for (guint w = 0; w < job_words->len; w++)
    {
      guint8 *row = match + (gsize)w * n;
      guint df = 0;

      match_word (h, g_ptr_array_index (job_words, w), row);
      for (guint i = 0; i < n; i++)
        df += row[i] != 0;
      idf[w] = df == 0 ? 0 : log ((n + 1.0) / (df + 0.5));
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
        named = names_work (h, word);
      }
    title_fits = named || telling == NULL;
    if (!title_fits)
      unknown_title_word = g_strdup (telling->word);
  }

  /* Each reference's sum taken word by word in the job's order. */
  text = g_new0 (double, MAX (n, 1));
  for (guint w = 0; w < job_words->len; w++)
    {
      Word *word = g_ptr_array_index (job_words, w);
      double weight = g_hash_table_contains (title_set, word->word) ? 2.0 : 1.0;
      const guint8 *row = match + (gsize)w * n;

      for (guint i = 0; i < n; i++)
        {
          if (row[i] == 2)
            text[i] += 3.0 * weight * idf[w];
          else if (row[i] == 1)
            text[i] += weight * idf[w];
        }
    }
  for (guint i = 0; i < n; i++)
    best_text = MAX (best_text, text[i]);

  n_characteristics = MIN (method->characteristics->len, G_N_ELEMENTS (((Reference *)NULL)->levels));
  job_levels = g_new0 (int, MAX (n_characteristics, 1));
  lesser = g_new0 (gboolean, MAX (n_characteristics, 1));
  for (guint c = 0; c < n_characteristics; c++)
    {
      BalCharacteristic *characteristic = g_ptr_array_index (method->characteristics, c);
      BalJobLevel *level = bal_job_profile_find (profile, characteristic->id);

      job_levels[c] = level != NULL ? level->level : 0;
      lesser[c] = bal_method_is_lesser (method, characteristic->id);
    }

  ranked = g_new0 (Ranked, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      Reference *r = g_ptr_array_index (references, i);
      Ranked *k = &ranked[i];
      double weighted = 0, weights = 0, main_difference = 0;
      guint main_known = 0;
      gpointer named;

      k->reference = r;
      k->index = i;
      k->text_score = best_text > 0 ? text[i] / best_text : 0;

      for (guint c = 0; c < n_characteristics; c++)
        {
          double weight = lesser[c] ? 0.5 : 1.0;
          int difference;

          if (job_levels[c] <= 0 || r->levels[c] <= 0)
            continue;
          difference = abs (job_levels[c] - r->levels[c]);
          k->compared++;
          k->equal += difference == 0;
          weighted += weight * difference;
          weights += weight;
          if (!lesser[c])
            {
              main_difference += difference;
              main_known++;
            }
        }

      if (k->compared > 0)
        {
          k->distance = weighted / weights;
          k->profile_score = MAX (0.0, 1.0 - k->distance / 3.0);
          if (main_known >= 2 && (nearest < 0 || main_difference / main_known < nearest))
            nearest = main_difference / main_known;
        }
      else
        {
          k->distance = -1;
          k->profile_score = -1;
        }

      /* Families are few: each looked up in the job's text once. */
      if (!g_hash_table_lookup_extended (families, r->family, NULL, &named))
        {
          named = GINT_TO_POINTER (names_phrase (job_folded, r->family));
          g_hash_table_insert (families, r->family, named);
        }
      k->family_named = GPOINTER_TO_INT (named);

      /* The profile leads as far as the questionnaire has given it: with
       * every characteristic known, the text (0.15) and a family the job
       * names (0.05) weigh at most as much as 0.7 of a level of mean
       * distance (a level is 0.85 / 3), so a reference closer by more
       * than that always stands higher, and between references about as
       * close the words decide. A profile of fewer characteristics (one
       * answer of the first step) weighs as much less, the rest going to
       * the text: a partial profile says little yet. */
      {
        double known = n_characteristics > 0 ? (double)k->compared / n_characteristics : 0;
        double profile_weight = 0.85 * known;

        k->score = answered > 0 && k->compared > 0
          ? profile_weight * k->profile_score + (1.0 - profile_weight) * k->text_score
          : k->text_score;
      }
      k->score = MIN (1.0, k->score + (k->family_named ? 0.05 : 0));
      k->score = round (k->score * 1000) / 1000;
    }

  /* No reference fits: said of the job, so on every candidate. */
  if (!title_fits)
    no_fit = g_strdup_printf (_("the job’s title names work (“%s”) that no reference function’s title names."),
                              unknown_title_word);
  else if (nearest > BAL_MATCHING_NO_FIT_DISTANCE)
    no_fit = g_strdup_printf (_("even the closest profile is on average %.1f levels from the job’s, and the application rules bridge one."),
                              nearest);

  qsort (ranked, n, sizeof (Ranked), compare_ranked);
  n_ranked = limit > 0 ? MIN (limit, n) : n;

  /* Only the candidates returned are written out, with their reasons. */
  candidates = g_ptr_array_new_full (n_ranked, (GDestroyNotify)bal_candidate_free);
  for (guint j = 0; j < n_ranked; j++)
    {
      Ranked *k = &ranked[j];
      BalReferenceSummary *summary = k->reference->summary;
      BalCandidate *candidate = g_new0 (BalCandidate, 1);
      g_autoptr(GString) matched = g_string_new (NULL);
      guint shown = 0;

      candidate->code = g_strdup (summary->code);
      candidate->title = g_strdup (summary->title);
      candidate->family = g_strdup (summary->family);
      candidate->grade = g_strdup (summary->grade);
      candidate->alternative_titles = g_strdup (summary->alternative_titles);
      candidate->reasons = g_ptr_array_new_with_free_func (g_free);
      candidate->text_score = k->text_score;
      candidate->profile_score = k->profile_score;
      candidate->distance = k->distance;
      candidate->score = k->score;
      candidate->no_fit = g_strdup (no_fit);

      /* The words that matter: the rarer matched words, title words first. */
      for (int pass = 0; pass < 2; pass++)
        for (guint w = 0; w < job_words->len && shown < 6; w++)
          {
            Word *word = g_ptr_array_index (job_words, w);
            gboolean title_word = g_hash_table_contains (title_set, word->word);

            if ((pass == 0) != title_word || idf[w] < 1.0 || match[(gsize)w * n + k->index] == 0)
              continue;
            g_string_append_printf (matched, "%s%s", shown > 0 ? ", " : "", word->word);
            shown++;
          }
      if (shown > 0)
        g_ptr_array_add (candidate->reasons, g_strdup_printf (_("Matched words: %s"), matched->str));

      if (k->compared > 0)
        g_ptr_array_add (candidate->reasons,
                         g_strdup_printf (_("Profile: %u of %u characteristics equal, on average %.1f levels apart"),
                                          k->equal, k->compared, k->distance));
      else
        g_ptr_array_add (candidate->reasons, g_strdup (_("No answers yet: ranked by text alone")));

      if (k->family_named)
        g_ptr_array_add (candidate->reasons, g_strdup_printf (_("The job names the family %s"), summary->family));

      g_ptr_array_add (candidates, candidate);
    }

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
