/* bal-grading.c: compare a job with a reference function, and decide its grade
 *
 * Decisions are never changed: a revision is a new decision that names the
 * one it supersedes, and the history keeps them all.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-grading"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "bal-description.h"
#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-matching.h"
#include "bal-profile.h"
#include "bal-rules.h"
#include "bal-project-private.h"

G_DEFINE_QUARK (bal-grading-error-quark, bal_grading_error)

static void
line_free (BalComparisonLine *line)
{
  g_free (line->characteristic_id);
  g_free (line->name);
  g_ptr_array_unref (line->answers);
  g_free (line->reference_text);
  g_free (line);
}

void
bal_comparison_free (BalComparison *comparison)
{
  if (comparison == NULL)
    return;

  g_free (comparison->reference_code);
  g_free (comparison->reference_title);
  g_free (comparison->family);
  g_free (comparison->reference_grade);
  g_ptr_array_unref (comparison->lines);
  g_free (comparison->proposed_grade);
  g_ptr_array_unref (comparison->warnings);
  g_free (comparison->suggested_code);
  g_free (comparison->no_fit);
  g_free (comparison->explanation);
  g_free (comparison);
}

static void
decision_verdict_free (BalDecisionVerdict *verdict)
{
  g_free (verdict->characteristic_id);
  g_free (verdict->name);
  g_free (verdict->note);
  g_free (verdict);
}

void
bal_decision_free (BalDecision *decision)
{
  if (decision == NULL)
    return;

  g_free (decision->reference_code);
  g_free (decision->reference_title);
  g_free (decision->grade);
  g_free (decision->proposed_grade);
  g_free (decision->justification);
  g_free (decision->departure);
  g_free (decision->evaluator);
  g_free (decision->evaluator_role);
  g_free (decision->decided);
  g_ptr_array_unref (decision->verdicts);
  g_free (decision);
}

static const char *
section_for (BalReferenceDoc *doc,
             const char      *characteristic_id)
{
  if (g_strcmp0 (characteristic_id, "complexity") == 0)
    return doc->complexity;
  if (g_strcmp0 (characteristic_id, "autonomy") == 0)
    return doc->autonomy;
  if (g_strcmp0 (characteristic_id, "risk") == 0)
    return doc->risk;
  if (g_strcmp0 (characteristic_id, "physical") == 0)
    return doc->physical;
  return "";
}

/* The reference of @family whose grade is the next above (@direction +1)
 * or below (-1) @grade on the scale. */
static char *
neighbour (BalProject         *project,
           const char         *family,
           const char         *code,
           const char         *grade,
           const char * const *grades,
           int                 direction)
{
  g_autoptr(GPtrArray) members = bal_handbook_search (project, NULL, family, NULL);
  int own = -1;
  int best = -1;
  const char *best_code = NULL;

  for (guint i = 0; grades != NULL && grades[i] != NULL; i++)
    if (g_strcmp0 (grades[i], grade) == 0)
      own = i;

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      BalReferenceSummary *member = g_ptr_array_index (members, i);
      int index = -1;

      if (g_strcmp0 (member->code, code) == 0)
        continue;
      for (guint j = 0; grades[j] != NULL; j++)
        if (g_strcmp0 (grades[j], member->grade) == 0)
          index = j;
      if (index < 0 || (direction > 0 ? index <= own : index >= own))
        continue;
      if (best_code == NULL || (direction > 0 ? index < best : index > best))
        {
          best = index;
          best_code = member->code;
        }
    }

  return g_strdup (best_code);
}

static char *
lower_first (const char *text)
{
  g_autofree char *first = g_utf8_strdown (text, g_utf8_next_char (text) - text);

  return *text ? g_strconcat (first, g_utf8_next_char (text), NULL) : g_strdup ("");
}

static const char *
rule_name (BalVerdict verdict)
{
  switch (verdict)
    {
    case BAL_VERDICT_LIGHTER:
      return C_("application rule", "lighter");
    case BAL_VERDICT_HEAVIER:
      return C_("application rule", "heavier");
    case BAL_VERDICT_EQUAL:
    case BAL_VERDICT_NONE:
    default:
      return C_("application rule", "equal");
    }
}

static const char *
verdict_word (BalVerdict verdict)
{
  switch (verdict)
    {
    case BAL_VERDICT_LIGHTER:
      return C_("verdict", "lighter");
    case BAL_VERDICT_EQUAL:
      return C_("verdict", "equal");
    case BAL_VERDICT_HEAVIER:
      return C_("verdict", "heavier");
    case BAL_VERDICT_NONE:
    default:
      return C_("verdict", "unknown");
    }
}

/* One sentence with every step of the arithmetic: per characteristic the
 * verdict and the levels, the overall verdict by the method's rule, the
 * application rule and its grade, and why the proposal is premature or
 * does not hold. */
static char *
explain (BalComparison *comparison)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char *sentence;

  for (guint i = 0; i < comparison->lines->len; i++)
    {
      BalComparisonLine *line = g_ptr_array_index (comparison->lines, i);
      g_autofree char *name = lower_first (line->name);

      if (i > 0)
        g_string_append (text, ", ");
      if (line->proposed == BAL_VERDICT_NONE)
        g_string_append_printf (text, _("%s unknown (not answered)"), name);
      else if (line->proposed == BAL_VERDICT_EQUAL)
        g_string_append_printf (text, _("%s equal (%d)"), name, line->job_level);
      else
        g_string_append_printf (text, _("%s %s (job %d, reference %d)"), name, verdict_word (line->proposed),
                                line->job_level, line->reference_level);
      if (line->lesser && line->proposed != BAL_VERDICT_NONE)
        g_string_append_printf (text, "%s", comparison->overall.tie_broken
                                ? _(", counted half: it breaks the tie")
                                : _(", counted half: it only breaks a tie"));
    }

  if (comparison->overall.verdict == BAL_VERDICT_NONE)
    g_string_append_printf (text, _(" → unknown → no rule applies yet; the rule “%s” gives grade %s"),
                            rule_name (BAL_VERDICT_EQUAL), comparison->proposed_grade);
  else
    g_string_append_printf (text, _(" → %s → rule “%s”: grade %s"), verdict_word (comparison->overall.verdict),
                            rule_name (comparison->overall.verdict), comparison->proposed_grade);

  if (!comparison->complete)
    g_string_append_printf (text, _(". Premature: %u of %u questions answered, the method asks %d%% and every main characteristic"),
                            comparison->answered_questions, comparison->total_questions, comparison->completeness);
  if (comparison->overall.beyond_rules != 0)
    g_string_append (text, _(". The difference is more than one grade can hold"));
  if (comparison->no_fit != NULL)
    g_string_append_printf (text, _(". No reference function fits: %s"), comparison->no_fit);
  if (text->len > 0 && text->str[text->len - 1] != '.')
    g_string_append (text, ".");

  {
    g_autofree char *lowered = g_string_free (g_steal_pointer (&text), FALSE);
    g_autofree char *first = g_utf8_strup (lowered, g_utf8_next_char (lowered) - lowered);

    sentence = g_strconcat (first, g_utf8_next_char (lowered), NULL);
  }

  return sentence;
}

/* The proposal's arithmetic behind a decision, as explain() gave it when
 * the decision was made, from the levels the decision keeps and the rule of
 * @method: which characteristics count half. */
char *
bal_grading_explain_decision (BalDecision *decision,
                              BalMethod   *method)
{
  g_autoptr(GArray) job_levels = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(GArray) reference_levels = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(GArray) lesser = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  BalComparison comparison = { 0 };

  for (guint i = 0; i < decision->verdicts->len; i++)
    {
      BalDecisionVerdict *v = g_ptr_array_index (decision->verdicts, i);
      BalComparisonLine *line = g_new0 (BalComparisonLine, 1);

      line->characteristic_id = v->characteristic_id;
      line->name = v->name;
      line->job_level = v->job_level;
      line->reference_level = v->reference_level;
      line->proposed = v->proposed;
      line->lesser = bal_method_is_lesser (method, v->characteristic_id);
      g_array_append_val (job_levels, line->job_level);
      g_array_append_val (reference_levels, line->reference_level);
      g_array_append_val (lesser, line->lesser);
      g_ptr_array_add (lines, line);
    }

  comparison.lines = lines;
  comparison.overall = bal_verdict_overall ((int *)job_levels->data, (int *)reference_levels->data,
                                            (gboolean *)lesser->data, job_levels->len);
  comparison.proposed_grade = decision->proposed_grade;
  comparison.complete = TRUE;

  return explain (&comparison);
}

BalComparison *
bal_grading_compare (BalProject  *project,
                     gint64       job_id,
                     const char  *reference_code,
                     GError     **error)
{
  g_autoptr(BalReference) reference = NULL;
  g_autoptr(BalJobProfile) profile = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GArray) job_levels = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(GArray) reference_levels = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(GArray) lesser = g_array_new (FALSE, TRUE, sizeof (gboolean));
  BalComparison *comparison;
  BalVerdict verdict;
  int rule;

  reference = bal_handbook_get_reference (project, reference_code, error);
  if (reference == NULL)
    return NULL;
  profile = bal_profile_compute (project, job_id, error);
  if (profile == NULL)
    return NULL;
  method = bal_handbook_load_method (project, error);
  if (method == NULL)
    return NULL;

  comparison = g_new0 (BalComparison, 1);
  comparison->reference_code = g_strdup (reference->doc->code);
  comparison->reference_title = g_strdup (reference->doc->title);
  comparison->family = g_strdup (reference->doc->family);
  comparison->reference_grade = g_strdup (reference->doc->grade);
  comparison->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  comparison->warnings = g_ptr_array_new_with_free_func (g_free);
  comparison->total_questions = profile->n_questions;
  comparison->answered_questions = profile->n_questions - MIN (profile->unanswered->len, profile->n_questions);
  comparison->completeness = bal_method_completeness (method);

  for (guint i = 0; i < reference->profile->len; i++)
    {
      BalProfileEntry *entry = g_ptr_array_index (reference->profile, i);
      BalJobLevel *level = bal_job_profile_find (profile, entry->characteristic_id);
      BalComparisonLine *line = g_new0 (BalComparisonLine, 1);

      line->characteristic_id = g_strdup (entry->characteristic_id);
      line->name = g_strdup (entry->characteristic_name);
      line->levels = entry->levels;
      line->job_level = level ? level->level : 0;
      line->reference_level = entry->level;
      line->proposed = bal_verdict_for_levels (line->job_level, line->reference_level);
      line->lesser = bal_method_is_lesser (method, entry->characteristic_id);
      line->answers = g_ptr_array_new ();
      for (guint j = 0; level != NULL && j < level->answers->len; j++)
        g_ptr_array_add (line->answers, g_ptr_array_index (level->answers, j));
      line->reference_text = g_strdup (section_for (reference->doc, entry->characteristic_id));
      g_array_append_val (job_levels, line->job_level);
      g_array_append_val (reference_levels, line->reference_level);
      g_array_append_val (lesser, line->lesser);
      g_ptr_array_add (comparison->lines, line);
    }

  /* The lines borrow the answers: the profile keeps them alive until here;
   * hand them over. */
  for (guint i = 0; i < comparison->lines->len; i++)
    {
      BalComparisonLine *line = g_ptr_array_index (comparison->lines, i);
      BalJobLevel *level = bal_job_profile_find (profile, line->characteristic_id);

      if (level != NULL)
        {
          g_ptr_array_set_free_func (level->answers, NULL);
          g_ptr_array_set_free_func (line->answers, (GDestroyNotify)bal_answer_free);
        }
    }

  comparison->overall = bal_verdict_overall ((int *)job_levels->data, (int *)reference_levels->data,
                                             (gboolean *)lesser->data, job_levels->len);
  verdict = comparison->overall.verdict;
  rule = verdict == BAL_VERDICT_LIGHTER ? BAL_RULE_LIGHTER : verdict == BAL_VERDICT_HEAVIER ? BAL_RULE_HEAVIER : BAL_RULE_EQUAL;

  comparison->complete = comparison->overall.main_known == comparison->overall.main_total &&
                         100 * comparison->answered_questions >= (guint)comparison->completeness * comparison->total_questions;

  if (comparison->overall.main_known == 0)
    g_ptr_array_add (comparison->warnings,
                     g_strdup (_("No characteristic is answered yet: the verdict is unknown and the grade is the reference’s own. Answer the questionnaire first.")));
  else if (!comparison->complete)
    g_ptr_array_add (comparison->warnings,
                     g_strdup_printf (_("The proposal is premature: %u of %u questions are answered, and the method asks %d%% with every main characteristic known. Deciding now needs a reason."),
                                      comparison->answered_questions, comparison->total_questions, comparison->completeness));

  comparison->proposed_grade = bal_rules_grade ((const char * const *)method->grades, reference->doc->grade,
                                                reference->doc->rules[rule].grade, verdict, comparison->warnings);

  if (comparison->overall.beyond_rules != 0)
    {
      comparison->suggested_code = neighbour (project, reference->doc->family, reference->doc->code, reference->doc->grade,
                                              (const char * const *)method->grades, comparison->overall.beyond_rules);
      if (comparison->suggested_code != NULL)
        g_ptr_array_add (comparison->warnings,
                         g_strdup_printf (comparison->overall.beyond_rules > 0
                                          ? _("The job is more than one grade heavier than %s: compare it with %s, the heavier reference function of the family.")
                                          : _("The job is more than one grade lighter than %s: compare it with %s, the lighter reference function of the family."),
                                          reference->doc->code, comparison->suggested_code));
      else
        g_ptr_array_add (comparison->warnings,
                         g_strdup_printf (comparison->overall.beyond_rules > 0
                                          ? _("The job is more than one grade heavier than %s, and its family has no heavier reference function.")
                                          : _("The job is more than one grade lighter than %s, and its family has no lighter reference function."),
                                          reference->doc->code));
    }

  comparison->no_fit = bal_matching_no_fit (project, job_id, NULL);
  if (comparison->no_fit != NULL)
    g_ptr_array_add (comparison->warnings,
                     g_strdup_printf (_("No reference function fits this job: %s Deciding needs a reason."), comparison->no_fit));

  comparison->explanation = explain (comparison);

  return comparison;
}

gint64
bal_grading_decide (BalProject        *project,
                    gint64             job_id,
                    BalDecisionInput  *input,
                    GError           **error)
{
  g_autoptr(BalComparison) comparison = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(BalDecision) previous = NULL;
  g_autoptr(GArray) chosen = g_array_new (FALSE, TRUE, sizeof (BalVerdict));
  g_autoptr(GArray) lesser = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autofree char *justification = g_strstrip (g_strdup (input->justification ? input->justification : ""));
  g_autofree char *departure = g_strstrip (g_strdup (input->departure ? input->departure : ""));
  g_autofree char *now = bal_now_iso8601 ();
  gboolean departs = FALSE;
  gboolean on_scale = FALSE;
  BalVerdict overall;
  sqlite3_stmt *stmt;
  const char *evaluator;
  gint64 description_id;
  gint64 id;

  if (input->reference_code == NULL)
    {
      g_set_error (error, BAL_GRADING_ERROR, BAL_GRADING_ERROR_INVALID, _("A decision names a reference function."));
      return 0;
    }

  comparison = bal_grading_compare (project, job_id, input->reference_code, error);
  method = comparison ? bal_handbook_load_method (project, error) : NULL;
  if (method == NULL)
    return 0;

  for (guint i = 0; method->grades[i] != NULL; i++)
    on_scale |= g_strcmp0 (method->grades[i], input->grade) == 0;
  if (!on_scale)
    {
      g_autofree char *scale = g_strjoinv (", ", method->grades);

      g_set_error (error, BAL_GRADING_ERROR, BAL_GRADING_ERROR_INVALID,
                   _("Grade “%s” is not on the handbook’s scale (%s)."), input->grade ? input->grade : "", scale);
      return 0;
    }

  if (*justification == '\0')
    {
      g_set_error (error, BAL_GRADING_ERROR, BAL_GRADING_ERROR_INVALID,
                   _("A decision needs a justification: write why the job has this grade."));
      return 0;
    }

  if (input->verdicts != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, input->verdicts);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          gboolean known = FALSE;

          for (guint i = 0; i < comparison->lines->len; i++)
            known |= g_strcmp0 (((BalComparisonLine *)g_ptr_array_index (comparison->lines, i))->characteristic_id, key) == 0;
          if (!known)
            {
              g_set_error (error, BAL_GRADING_ERROR, BAL_GRADING_ERROR_INVALID,
                           _("The handbook has no characteristic “%s”."), (const char *)key);
              return 0;
            }
        }
    }

  for (guint i = 0; i < comparison->lines->len; i++)
    {
      BalComparisonLine *line = g_ptr_array_index (comparison->lines, i);
      gpointer value = NULL;
      BalVerdict verdict = line->proposed;

      if (input->verdicts != NULL &&
          g_hash_table_lookup_extended (input->verdicts, line->characteristic_id, NULL, &value))
        verdict = GPOINTER_TO_INT (value);
      /* An unknown characteristic stays unknown unless the evaluator judges it. */
      if (line->proposed != BAL_VERDICT_NONE && verdict != line->proposed)
        departs = TRUE;
      g_array_append_val (chosen, verdict);
      g_array_append_val (lesser, line->lesser);
    }

  overall = bal_verdict_combine ((BalVerdict *)chosen->data, (gboolean *)lesser->data, chosen->len);
  if (overall == BAL_VERDICT_NONE)
    {
      /* Nothing judged: the verdict the grade itself expresses. */
      int own = bal_method_grade_index (method, comparison->reference_grade);
      int given = bal_method_grade_index (method, input->grade);

      overall = given < own ? BAL_VERDICT_LIGHTER : given > own ? BAL_VERDICT_HEAVIER : BAL_VERDICT_EQUAL;
    }
  if (g_strcmp0 (input->grade, comparison->proposed_grade) != 0)
    departs = TRUE;

  if (departs && *departure == '\0')
    {
      g_set_error (error, BAL_GRADING_ERROR, BAL_GRADING_ERROR_DEPARTURE,
                   _("The decision departs from the proposal (grade %s from the rules of %s): give the reason for departing."),
                   comparison->proposed_grade, comparison->reference_code);
      return 0;
    }

  if (!comparison->complete && *departure == '\0')
    {
      g_set_error (error, BAL_GRADING_ERROR, BAL_GRADING_ERROR_PREMATURE,
                   _("The proposal is premature: %u of %u questions are answered (the method asks %d%% with every main characteristic known). Answer more, or decide anyway and give the reason."),
                   comparison->answered_questions, comparison->total_questions, comparison->completeness);
      return 0;
    }

  if (comparison->no_fit != NULL && *departure == '\0')
    {
      g_set_error (error, BAL_GRADING_ERROR, BAL_GRADING_ERROR_NO_FIT,
                   _("No reference function fits this job: %s To decide anyway, give the reason."), comparison->no_fit);
      return 0;
    }

  /* A decision names its evaluator, never the login name. */
  evaluator = input->evaluator && *input->evaluator ? input->evaluator : bal_project_get_author (project);
  if (evaluator == NULL && !bal_project_require_author (project, error))
    return 0;

  previous = bal_grading_latest (project, job_id, NULL);

  if (!bal_project_begin (project, error))
    return 0;

  /* The version of the job description this decision grades. */
  description_id = bal_description_snapshot (project, job_id, error);
  if (description_id == 0)
    goto failed;

  stmt = bal_project_prepare (project,
                              "INSERT INTO decision (job_id, reference_code, reference_title, grade, proposed_grade, verdict, "
                              "  proposed_verdict, justification, departure, evaluator, decided, supersedes, "
                              "  evaluator_role, description_id) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                              error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_text (stmt, 2, comparison->reference_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, comparison->reference_title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, input->grade, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, comparison->proposed_grade, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, bal_verdict_to_string (overall), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, bal_verdict_to_string (comparison->overall.verdict), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, justification, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, departs || !comparison->complete || comparison->no_fit ? departure : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, evaluator, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);
  if (previous != NULL)
    sqlite3_bind_int64 (stmt, 12, previous->id);
  sqlite3_bind_text (stmt, 13, bal_project_get_author_role (project) ? bal_project_get_author_role (project) : "evaluator",
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 14, description_id);
  if (!bal_project_step_done (project, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (bal_project_get_db (project));

  for (guint i = 0; i < comparison->lines->len; i++)
    {
      BalComparisonLine *line = g_ptr_array_index (comparison->lines, i);
      const char *note = input->notes ? g_hash_table_lookup (input->notes, line->characteristic_id) : NULL;

      /* No row for a characteristic that is unknown and not judged: no row is unknown. */
      if (g_array_index (chosen, BalVerdict, i) == BAL_VERDICT_NONE)
        continue;

      stmt = bal_project_prepare (project,
                                  "INSERT INTO decision_verdict (decision_id, characteristic_id, job_level, reference_level, "
                                  "  proposed_verdict, verdict, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                  error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, line->characteristic_id, -1, SQLITE_TRANSIENT);
      if (line->job_level > 0)
        sqlite3_bind_int (stmt, 3, line->job_level);
      sqlite3_bind_int (stmt, 4, line->reference_level);
      sqlite3_bind_text (stmt, 5, bal_verdict_to_string (line->proposed), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, bal_verdict_to_string (g_array_index (chosen, BalVerdict, i)), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, note ? note : "", -1, SQLITE_TRANSIENT);
      if (!bal_project_step_done (project, stmt, error))
        goto failed;
    }

  bal_project_touch (project);
  if (!bal_project_commit (project, error))
    return 0;

  bal_project_emit_changed (project, "decisions");

  return id;

failed:
  bal_project_rollback (project);
  return 0;
}

static GPtrArray *
load_decisions (BalProject  *project,
                gint64       job_id,
                gboolean     latest_only,
                GError     **error)
{
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_decision_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project,
                              "SELECT id, job_id, reference_code, reference_title, grade, proposed_grade, verdict, proposed_verdict, "
                              "  justification, departure, evaluator, decided, coalesce (supersedes, 0), "
                              "  evaluator_role, coalesce (description_id, 0) "
                              "FROM decision WHERE job_id = ?1 ORDER BY id DESC LIMIT ?2",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_int (stmt, 2, latest_only ? 1 : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BalDecision *d = g_new0 (BalDecision, 1);

      d->id = sqlite3_column_int64 (stmt, 0);
      d->job_id = sqlite3_column_int64 (stmt, 1);
      d->reference_code = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      d->reference_title = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      d->grade = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      d->proposed_grade = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      d->verdict = bal_verdict_from_string ((const char *)sqlite3_column_text (stmt, 6));
      d->proposed_verdict = bal_verdict_from_string ((const char *)sqlite3_column_text (stmt, 7));
      d->justification = g_strdup ((const char *)sqlite3_column_text (stmt, 8));
      d->departure = g_strdup ((const char *)sqlite3_column_text (stmt, 9));
      d->evaluator = g_strdup ((const char *)sqlite3_column_text (stmt, 10));
      d->decided = g_strdup ((const char *)sqlite3_column_text (stmt, 11));
      d->supersedes = sqlite3_column_int64 (stmt, 12);
      d->evaluator_role = g_strdup ((const char *)sqlite3_column_text (stmt, 13));
      d->description_id = sqlite3_column_int64 (stmt, 14);
      d->verdicts = g_ptr_array_new_with_free_func ((GDestroyNotify)decision_verdict_free);
      g_ptr_array_add (decisions, d);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return NULL;
    }

  for (guint i = 0; i < decisions->len; i++)
    {
      BalDecision *d = g_ptr_array_index (decisions, i);

      stmt = bal_project_prepare (project,
                                  "SELECT v.characteristic_id, coalesce (v.job_level, 0), coalesce (v.reference_level, 0), "
                                  "  v.proposed_verdict, v.verdict, v.note, coalesce (c.name, v.characteristic_id) FROM decision_verdict v "
                                  "LEFT JOIN characteristic c ON c.id = v.characteristic_id "
                                  "WHERE v.decision_id = ?1 ORDER BY c.position",
                                  error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, d->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          BalDecisionVerdict *v = g_new0 (BalDecisionVerdict, 1);

          v->characteristic_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
          v->job_level = sqlite3_column_int (stmt, 1);
          v->reference_level = sqlite3_column_int (stmt, 2);
          v->proposed = bal_verdict_from_string ((const char *)sqlite3_column_text (stmt, 3));
          v->verdict = bal_verdict_from_string ((const char *)sqlite3_column_text (stmt, 4));
          v->note = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
          v->name = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
          g_ptr_array_add (d->verdicts, v);
        }
      sqlite3_reset (stmt);
    }

  return g_steal_pointer (&decisions);
}

/* Every decision about @job_id, newest first. */
GPtrArray *
bal_grading_history (BalProject  *project,
                     gint64       job_id,
                     GError     **error)
{
  return load_decisions (project, job_id, FALSE, error);
}

/* The decision in force for @job_id, or NULL (without error) when there is none. */
BalDecision *
bal_grading_latest (BalProject  *project,
                    gint64       job_id,
                    GError     **error)
{
  g_autoptr(GPtrArray) decisions = load_decisions (project, job_id, TRUE, error);

  if (decisions == NULL || decisions->len == 0)
    return NULL;

  return g_ptr_array_steal_index (decisions, 0);
}
