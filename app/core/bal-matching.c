/* bal-matching.c: the reference functions that may fit a job, best first
 *
 * The score: text relevance (FTS5 bm25 of the job's title and description
 * against the reference functions, titles weighted most), profile
 * closeness (how near the levels from the questionnaire are to the
 * reference's profile) and family (the family named in the job's title,
 * department or description). Without answers the text decides alone.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-matching.h"
#include "bal-profile.h"

#define MAX_WORDS 60

/* Words that say nothing about a job, Dutch and English. */
static const char * const stop_words[] = {
  "aan", "als", "bij", "dat", "die", "dit", "een", "van", "het", "de", "en", "met", "voor", "naar", "ook", "zijn",
  "wordt", "worden", "heeft", "hebben", "onze", "ons", "wij", "jij", "jouw", "je", "deze", "door", "over", "per",
  "the", "and", "for", "with", "you", "your", "our", "are", "will", "that", "this", "have", "from", "who", "what",
  "all", "can", "into", "more", "than", "about", "their", "they", "also", "such", "other", "work", "werk",
  NULL
};

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
  g_ptr_array_unref (candidate->reasons);
  g_free (candidate);
}

/* The distinct meaningful words of @text, folded, at most @max. */
static GPtrArray *
words_of (const char *text,
          guint       max)
{
  g_autofree char *folded = bal_fold (text ? text : "");
  g_autoptr(GString) word = g_string_new (NULL);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        g_string_append_unichar (word, c);
      else
        {
          if (g_utf8_strlen (word->str, -1) >= 4 && !g_ascii_isdigit (word->str[0]) &&
              !g_strv_contains (stop_words, word->str) &&
              !g_ptr_array_find_with_equal_func (words, word->str, g_str_equal, NULL) &&
              words->len < max)
            g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  return words;
}

static char *
or_query (GPtrArray  *words,
          const char *columns)
{
  g_autoptr(GString) query = g_string_new (NULL);

  if (words->len == 0)
    return NULL;

  if (columns != NULL)
    g_string_append_printf (query, "{%s} : (", columns);
  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (query, "%s\"%s\"", i > 0 ? " OR " : "", (const char *)g_ptr_array_index (words, i));
  if (columns != NULL)
    g_string_append (query, ")");

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Relevance per reference id (higher is better) of an FTS query. */
static GHashTable *
text_scores (BalProject  *project,
             const char  *query,
             GError     **error)
{
  g_autoptr(GHashTable) scores = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (query == NULL)
    return g_steal_pointer (&scores);

  stmt = bal_project_prepare (project,
                              "SELECT rowid, bm25 (reference_fts, 10.0, 8.0, 2.0, 1.0) FROM reference_fts "
                              "WHERE reference_fts MATCH ?1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      double *score = g_new (double, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      *score = -sqlite3_column_double (stmt, 1);
      g_hash_table_insert (scores, id, score);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  return g_steal_pointer (&scores);
}

static double
normalised (GHashTable *scores,
            gint64      id)
{
  GHashTableIter iter;
  gpointer value;
  double max = 0;
  double *mine = g_hash_table_lookup (scores, &id);

  if (mine == NULL)
    return 0;

  g_hash_table_iter_init (&iter, scores);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    max = MAX (max, *(double *)value);

  return max > 0 ? *mine / max : 0;
}

static char *
matched_words (BalProject *project,
               gint64      id,
               GPtrArray  *words)
{
  g_autoptr(GString) found = g_string_new (NULL);
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  stmt = bal_project_prepare (project,
                              "SELECT title || ' ' || alternative_titles || ' ' || purpose || ' ' || activities "
                              "FROM reference_fts WHERE rowid = ?1",
                              NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  for (guint i = 0; text != NULL && i < words->len && n < 8; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (strstr (text, word) != NULL)
        {
          g_string_append_printf (found, "%s%s", n > 0 ? ", " : "", word);
          n++;
        }
    }

  return n > 0 ? g_string_free (g_steal_pointer (&found), FALSE) : NULL;
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

GPtrArray *
bal_matching_candidates (BalProject  *project,
                         gint64       job_id,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(BalJob) job = NULL;
  g_autoptr(BalJobProfile) profile = NULL;
  g_autoptr(GPtrArray) all_words = NULL;
  g_autoptr(GPtrArray) title_words = NULL;
  g_autoptr(GHashTable) text = NULL;
  g_autoptr(GHashTable) titles = NULL;
  g_autoptr(GPtrArray) references = NULL;
  g_autofree char *all_query = NULL;
  g_autofree char *title_query = NULL;
  g_autofree char *job_text = NULL;
  g_autoptr(GPtrArray) job_words = NULL;
  GPtrArray *candidates;
  guint answered = 0;

  job = bal_jobs_get (project, job_id, error);
  if (job == NULL)
    return NULL;

  profile = bal_profile_compute (project, job_id, error);
  if (profile == NULL)
    return NULL;
  for (guint i = 0; i < profile->levels->len; i++)
    if (((BalJobLevel *)g_ptr_array_index (profile->levels, i))->level > 0)
      answered++;

  job_text = g_strjoin ("\n", job->title, job->department, job->description, job->activities, NULL);
  job_words = words_of (job_text, G_MAXUINT);
  title_words = words_of (job->title, MAX_WORDS);
  all_words = words_of (job_text, MAX_WORDS);
  title_query = or_query (title_words, "title alternative_titles");
  all_query = or_query (all_words, NULL);

  text = text_scores (project, all_query, error);
  titles = text ? text_scores (project, title_query, error) : NULL;
  references = titles ? bal_handbook_search (project, NULL, NULL, error) : NULL;
  if (references == NULL)
    return NULL;

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_candidate_free);

  for (guint i = 0; i < references->len; i++)
    {
      BalReferenceSummary *summary = g_ptr_array_index (references, i);
      g_autoptr(BalReference) reference = NULL;
      BalCandidate *candidate;
      double text_score = 0.5 * normalised (text, summary->id) + 0.5 * normalised (titles, summary->id);
      double closeness = 0;
      double family = 0;
      guint compared = 0;
      guint equal = 0;
      double distance = 0;
      g_autofree char *words = NULL;
      g_autoptr(GPtrArray) family_words = NULL;

      candidate = g_new0 (BalCandidate, 1);
      candidate->code = g_strdup (summary->code);
      candidate->title = g_strdup (summary->title);
      candidate->family = g_strdup (summary->family);
      candidate->grade = g_strdup (summary->grade);
      candidate->alternative_titles = g_strdup (summary->alternative_titles);
      candidate->reasons = g_ptr_array_new_with_free_func (g_free);

      words = matched_words (project, summary->id, all_words);
      if (words != NULL)
        g_ptr_array_add (candidate->reasons, g_strdup_printf (_("Matched words: %s"), words));

      reference = bal_handbook_get_reference (project, summary->code, NULL);
      for (guint j = 0; reference != NULL && j < reference->profile->len; j++)
        {
          BalProfileEntry *entry = g_ptr_array_index (reference->profile, j);
          BalJobLevel *level = bal_job_profile_find (profile, entry->characteristic_id);

          if (level == NULL || level->level <= 0 || entry->level <= 0)
            continue;
          compared++;
          equal += level->level == entry->level;
          distance += (double)abs (level->level - entry->level) / MAX (entry->levels - 1, 1);
        }

      if (compared > 0)
        {
          closeness = 1.0 - distance / compared;
          g_ptr_array_add (candidate->reasons,
                           g_strdup_printf (_("Profile: %u of %u characteristics equal, closeness %.0f%%"),
                                            equal, compared, closeness * 100));
        }
      else
        g_ptr_array_add (candidate->reasons, g_strdup (_("No answers yet: ranked by text alone")));

      family_words = words_of (summary->family, 10);
      for (guint j = 0; j < family_words->len; j++)
        if (g_ptr_array_find_with_equal_func (job_words, g_ptr_array_index (family_words, j), g_str_equal, NULL))
          family = 1;
      if (family > 0)
        g_ptr_array_add (candidate->reasons, g_strdup_printf (_("Family %s is named in the job"), summary->family));

      candidate->text_score = text_score;
      candidate->profile_score = compared > 0 ? closeness : -1;
      candidate->score = answered > 0 && compared > 0
        ? 0.6 * text_score + 0.3 * closeness + 0.1 * family
        : 0.9 * text_score + 0.1 * family;
      candidate->score = round (candidate->score * 1000) / 1000;

      g_ptr_array_add (candidates, candidate);
    }

  g_ptr_array_sort (candidates, compare_candidates);
  if (limit > 0 && candidates->len > limit)
    g_ptr_array_set_size (candidates, limit);

  return candidates;
}
