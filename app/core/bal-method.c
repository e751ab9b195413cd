/* bal-method.c: a handbook's method file: grade scale, characteristics, questionnaire
 *
 * The method file is a GKeyFile: a [Handbook] group, one [Characteristic ID]
 * group per characteristic and one [Question ID] group per question, with
 * options as "Option.ID=level;text;fact value". Level 0 means "not
 * applicable": such an answer is left out of the characteristic's mean
 * (no management role says nothing about a specialist's autonomy). An
 * optional [Method] group holds the rule of the overall verdict (Lesser:
 * the characteristics that only break a tie) and the completeness below
 * which a proposal is premature (Completeness, in percent) and the days
 * an employee has to object after the notice (ObjectionPeriod). A [Scale
 * GRADE] group gives a grade its salary scale: Name, Minimum and Maximum
 * per month. A project keeps the [Method] rules and the scales of the
 * method file it was made with; the scales can be edited in the project.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-method"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bal-method.h"
#include "bal-project-private.h"

G_DEFINE_QUARK (bal-method-error-quark, bal_method_error)

void
bal_characteristic_free (BalCharacteristic *characteristic)
{
  if (characteristic == NULL)
    return;

  g_free (characteristic->id);
  g_free (characteristic->name);
  g_strfreev (characteristic->descriptions);
  g_free (characteristic);
}

void
bal_question_option_free (BalQuestionOption *option)
{
  if (option == NULL)
    return;

  g_free (option->id);
  g_free (option->text);
  g_free (option->fact_value);
  g_free (option);
}

void
bal_question_free (BalQuestion *question)
{
  if (question == NULL)
    return;

  g_free (question->id);
  g_free (question->characteristic);
  g_free (question->text);
  g_free (question->help);
  g_free (question->fact);
  g_clear_pointer (&question->options, g_ptr_array_unref);
  g_free (question);
}

void
bal_salary_scale_free (BalSalaryScale *scale)
{
  if (scale == NULL)
    return;

  g_free (scale->grade);
  g_free (scale->name);
  g_free (scale);
}

void
bal_method_free (BalMethod *method)
{
  if (method == NULL)
    return;

  g_free (method->name);
  g_free (method->sector);
  g_free (method->version);
  g_strfreev (method->grades);
  g_strfreev (method->documents);
  g_strfreev (method->lesser);
  g_clear_pointer (&method->scales, g_ptr_array_unref);
  g_clear_pointer (&method->characteristics, g_ptr_array_unref);
  g_clear_pointer (&method->questions, g_ptr_array_unref);
  g_free (method);
}

static BalCharacteristic *
find_characteristic (BalMethod  *method,
                     const char *id)
{
  for (guint i = 0; i < method->characteristics->len; i++)
    {
      BalCharacteristic *c = g_ptr_array_index (method->characteristics, i);

      if (g_strcmp0 (c->id, id) == 0)
        return c;
    }

  return NULL;
}

static char *
required_string (GKeyFile    *keyfile,
                 const char  *file_name,
                 const char  *group,
                 const char  *key,
                 GError     **error)
{
  g_autofree char *value = g_key_file_get_locale_string (keyfile, group, key, NULL, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("%s: [%s] has no “%s”."), file_name, group, key);
      return NULL;
    }

  return g_steal_pointer (&value);
}

static gboolean
parse_characteristic (BalMethod   *method,
                      GKeyFile    *keyfile,
                      const char  *file_name,
                      const char  *group,
                      GError     **error)
{
  g_autoptr(GStrvBuilder) descriptions = g_strv_builder_new ();
  BalCharacteristic *c = g_new0 (BalCharacteristic, 1);
  g_autoptr(GError) local_error = NULL;

  g_ptr_array_add (method->characteristics, c);
  c->id = g_strstrip (g_strdup (group + strlen ("Characteristic ")));
  c->name = required_string (keyfile, file_name, group, "Name", error);
  if (c->name == NULL)
    return FALSE;

  c->levels = g_key_file_get_integer (keyfile, group, "Levels", &local_error);
  if (local_error != NULL || c->levels < 1 || c->levels > 20)
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("%s: [%s] needs “Levels”, a number from 1 to 20."), file_name, group);
      return FALSE;
    }

  for (int level = 1; level <= c->levels; level++)
    {
      g_autofree char *key = g_strdup_printf ("Level%d", level);
      g_autofree char *description = g_key_file_get_locale_string (keyfile, group, key, NULL, NULL);

      g_strv_builder_add (descriptions, description ? g_strstrip (description) : "");
    }
  c->descriptions = g_strv_builder_end (descriptions);

  return TRUE;
}

static gboolean
parse_question (BalMethod   *method,
                GKeyFile    *keyfile,
                const char  *file_name,
                const char  *group,
                GError     **error)
{
  BalQuestion *q = g_new0 (BalQuestion, 1);
  g_auto(GStrv) keys = NULL;
  BalCharacteristic *c;

  g_ptr_array_add (method->questions, q);
  q->id = g_strstrip (g_strdup (group + strlen ("Question ")));
  q->options = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_question_option_free);

  if ((q->characteristic = required_string (keyfile, file_name, group, "Characteristic", error)) == NULL ||
      (q->text = required_string (keyfile, file_name, group, "Text", error)) == NULL)
    return FALSE;

  q->help = g_key_file_get_locale_string (keyfile, group, "Help", NULL, NULL);
  if (q->help == NULL)
    q->help = g_strdup ("");
  q->fact = g_key_file_get_string (keyfile, group, "Fact", NULL);
  if (q->fact == NULL)
    q->fact = g_strdup ("");
  g_strstrip (q->fact);

  c = find_characteristic (method, q->characteristic);
  if (c == NULL)
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("%s: [%s] belongs to “%s”, which is not a characteristic of this method."),
                   file_name, group, q->characteristic);
      return FALSE;
    }

  keys = g_key_file_get_keys (keyfile, group, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = NULL;
      g_auto(GStrv) parts = NULL;
      BalQuestionOption *o;
      char *end = NULL;

      if (!g_str_has_prefix (keys[i], "Option.") || strchr (keys[i], '[') != NULL)
        continue;

      value = g_key_file_get_value (keyfile, group, keys[i], NULL);
      parts = g_strsplit (value ? value : "", ";", 3);

      o = g_new0 (BalQuestionOption, 1);
      g_ptr_array_add (q->options, o);
      o->id = g_strdup (keys[i] + strlen ("Option."));
      o->level = parts[0] ? (int)strtol (parts[0], &end, 10) : 0;
      o->text = g_strstrip (g_strdup (parts[0] && parts[1] ? parts[1] : ""));
      o->fact_value = g_strstrip (g_strdup (parts[0] && parts[1] && parts[2] ? parts[2] : ""));

      if (parts[0] == NULL || end == parts[0] || o->level < BAL_LEVEL_NOT_APPLICABLE || o->level > c->levels)
        {
          g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                       _("%s: [%s] %s: the level must be a number from 0 (not applicable) to %d (the scale of “%s”)."),
                       file_name, group, keys[i], c->levels, c->name);
          return FALSE;
        }

      if (*o->text == '\0')
        {
          g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                       _("%s: [%s] %s has no text: write “level;text”."), file_name, group, keys[i]);
          return FALSE;
        }
    }

  if (q->options->len < 2)
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("%s: [%s] needs at least two options (“Option.ID=level;text”)."), file_name, group);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_amount (GKeyFile    *keyfile,
              const char  *file_name,
              const char  *group,
              const char  *key,
              double      *amount,
              GError     **error)
{
  g_autofree char *value = g_key_file_get_string (keyfile, group, key, NULL);
  char *end = NULL;

  if (value != NULL)
    {
      g_strstrip (value);
      *amount = g_ascii_strtod (value, &end);
    }
  if (value == NULL || *value == '\0' || end == NULL || *end != '\0' || *amount < 0 || *amount > 1e7)
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("%s: [%s] needs “%s”, an amount per month such as 2450 or 2450.50."),
                   file_name, group, key);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_scale (BalMethod   *method,
             GKeyFile    *keyfile,
             const char  *file_name,
             const char  *group,
             GError     **error)
{
  g_autoptr(BalSalaryScale) scale = g_new0 (BalSalaryScale, 1);

  scale->grade = g_strstrip (g_strdup (group + strlen ("Scale ")));
  if (bal_method_grade_index (method, scale->grade) < 0)
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("%s: [%s] names no grade of the scale in [Handbook] “Grades”."), file_name, group);
      return FALSE;
    }
  if ((scale->name = required_string (keyfile, file_name, group, "Name", error)) == NULL ||
      !parse_amount (keyfile, file_name, group, "Minimum", &scale->minimum, error) ||
      !parse_amount (keyfile, file_name, group, "Maximum", &scale->maximum, error))
    return FALSE;
  if (scale->maximum < scale->minimum)
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("%s: [%s] “Maximum” is below “Minimum”."), file_name, group);
      return FALSE;
    }

  g_ptr_array_add (method->scales, g_steal_pointer (&scale));
  return TRUE;
}

BalMethod *
bal_method_parse (const char  *file_name,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(BalMethod) method = g_new0 (BalMethod, 1);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;

  method->characteristics = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_characteristic_free);
  method->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_question_free);

  if (!g_key_file_load_from_data (keyfile, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("%s cannot be read as a method file: %s"), file_name, local_error->message);
      return NULL;
    }

  if ((method->name = required_string (keyfile, file_name, "Handbook", "Name", error)) == NULL)
    return NULL;
  method->sector = g_key_file_get_locale_string (keyfile, "Handbook", "Sector", NULL, NULL);
  method->version = g_key_file_get_string (keyfile, "Handbook", "Version", NULL);
  method->grades = g_key_file_get_string_list (keyfile, "Handbook", "Grades", NULL, NULL);
  method->documents = g_key_file_get_string_list (keyfile, "Handbook", "Documents", NULL, NULL);

  if (method->grades == NULL || g_strv_length (method->grades) < 2)
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("%s: [Handbook] needs “Grades”, the grade scale from lowest to highest (for example A;B;C)."),
                   file_name);
      return NULL;
    }
  for (guint i = 0; method->grades[i] != NULL; i++)
    g_strstrip (method->grades[i]);

  method->lesser = g_key_file_get_string_list (keyfile, "Method", "Lesser", NULL, NULL);
  if (g_key_file_has_key (keyfile, "Method", "Completeness", NULL))
    {
      method->completeness = g_key_file_get_integer (keyfile, "Method", "Completeness", NULL);
      if (method->completeness < 1 || method->completeness > 100)
        {
          g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                       _("%s: [Method] “Completeness” must be a percentage from 1 to 100."), file_name);
          return NULL;
        }
    }

  if (g_key_file_has_key (keyfile, "Method", "ObjectionPeriod", NULL))
    {
      method->objection_period = g_key_file_get_integer (keyfile, "Method", "ObjectionPeriod", NULL);
      if (method->objection_period < 1 || method->objection_period > 365)
        {
          g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                       _("%s: [Method] “ObjectionPeriod” must be a number of days from 1 to 365."), file_name);
          return NULL;
        }
    }

  groups = g_key_file_get_groups (keyfile, NULL);

  method->scales = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_salary_scale_free);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "Scale ") &&
        !parse_scale (method, keyfile, file_name, groups[i], error))
      return NULL;

  /* Characteristics first: questions refer to them. */
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "Characteristic ") &&
        !parse_characteristic (method, keyfile, file_name, groups[i], error))
      return NULL;

  if (method->characteristics->len == 0)
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("%s has no characteristics (groups “[Characteristic ID]”)."), file_name);
      return NULL;
    }

  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "Question ") &&
        !parse_question (method, keyfile, file_name, groups[i], error))
      return NULL;

  return g_steal_pointer (&method);
}

int
bal_method_grade_index (BalMethod  *method,
                        const char *grade)
{
  for (guint i = 0; grade != NULL && method->grades[i] != NULL; i++)
    if (g_ascii_strcasecmp (method->grades[i], grade) == 0)
      return i;

  return -1;
}

gboolean
bal_method_is_lesser (BalMethod  *method,
                      const char *characteristic_id)
{
  if (method->lesser == NULL)
    return g_strcmp0 (characteristic_id, BAL_METHOD_DEFAULT_LESSER) == 0;

  for (guint i = 0; method->lesser[i] != NULL; i++)
    if (g_strcmp0 (g_strstrip (method->lesser[i]), characteristic_id) == 0)
      return TRUE;

  return FALSE;
}

/* The percentage of questions that must be answered before a proposal is
 * more than premature. */
int
bal_method_completeness (BalMethod *method)
{
  return method->completeness > 0 ? method->completeness : BAL_METHOD_DEFAULT_COMPLETENESS;
}

int
bal_method_objection_period (BalMethod *method)
{
  return method->objection_period > 0 ? method->objection_period : BAL_METHOD_DEFAULT_OBJECTION_PERIOD;
}

BalSalaryScale *
bal_method_find_scale (BalMethod  *method,
                       const char *grade)
{
  for (guint i = 0; grade != NULL && method->scales != NULL && i < method->scales->len; i++)
    {
      BalSalaryScale *scale = g_ptr_array_index (method->scales, i);

      if (g_ascii_strcasecmp (scale->grade, grade) == 0)
        return scale;
    }

  return NULL;
}

/* A decided grade as the app shows it: "D · Schaal 4 (€ 2.320–3.100)",
 * the amounts grouped as the user's locale groups them; the grade alone
 * when @method gives it no scale. */
char *
bal_method_grade_text (BalMethod  *method,
                       const char *grade)
{
  BalSalaryScale *scale = method != NULL ? bal_method_find_scale (method, grade) : NULL;
  g_autofree char *minimum = NULL;
  g_autofree char *maximum = NULL;

  if (scale == NULL)
    return g_strdup (grade);

  minimum = g_strdup_printf ("%'.0f", scale->minimum);
  maximum = g_strdup_printf ("%'.0f", scale->maximum);

  /* TRANSLATORS: a grade with its salary scale's name and its lowest and highest
   * monthly salary: "D · Schaal 4 (€ 2.320–3.100)" */
  return g_strdup_printf (_("%s · %s (€ %s–%s)"), grade, scale->name, minimum, maximum);
}

/* "Schaal 4: € 2,450 – € 3,120 per month", in the user's language and numbers. */
char *
bal_salary_scale_format (BalSalaryScale *scale)
{
  g_autofree char *minimum = g_strdup_printf ("%'.0f", scale->minimum);
  g_autofree char *maximum = g_strdup_printf ("%'.0f", scale->maximum);

  /* TRANSLATORS: a salary scale: its name, and its lowest and highest monthly salary */
  return g_strdup_printf (_("%s: € %s – € %s per month"), scale->name, minimum, maximum);
}

static char *
lesser_text (BalMethod *method)
{
  if (method->lesser == NULL)
    return g_strdup (BAL_METHOD_DEFAULT_LESSER);

  return g_strjoinv (";", method->lesser);
}

/* Inside the transaction that stores the handbook: the method file's rules
 * and scales become the project's. */
gboolean
bal_method_store_rules (BalProject  *project,
                        BalMethod   *method,
                        GError     **error)
{
  g_autofree char *lesser = lesser_text (method);
  sqlite3_stmt *stmt;

  stmt = bal_project_prepare (project,
                              "INSERT INTO method_rule (id, lesser, completeness, objection_period) VALUES (1, ?1, ?2, ?3) "
                              "ON CONFLICT (id) DO UPDATE SET lesser = ?1, completeness = ?2, objection_period = ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, lesser, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, bal_method_completeness (method));
  sqlite3_bind_int (stmt, 3, bal_method_objection_period (method));
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  for (guint i = 0; method->scales != NULL && i < method->scales->len; i++)
    {
      BalSalaryScale *scale = g_ptr_array_index (method->scales, i);

      stmt = bal_project_prepare (project,
                                  "INSERT INTO salary_scale (grade, name, minimum, maximum) VALUES (?1, ?2, ?3, ?4) "
                                  "ON CONFLICT (grade) DO UPDATE SET name = ?2, minimum = ?3, maximum = ?4",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, scale->grade, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, scale->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 3, scale->minimum);
      sqlite3_bind_double (stmt, 4, scale->maximum);
      if (!bal_project_step_done (project, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Fills @method's rules and scales from the project's copy. */
gboolean
bal_method_load_rules (BalProject  *project,
                       BalMethod   *method,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = bal_project_prepare (project, "SELECT lesser, completeness, objection_period FROM method_rule WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_strfreev (method->lesser);
      method->lesser = g_strsplit ((const char *)sqlite3_column_text (stmt, 0), ";", -1);
      method->completeness = sqlite3_column_int (stmt, 1);
      method->objection_period = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);

  g_clear_pointer (&method->scales, g_ptr_array_unref);
  method->scales = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_salary_scale_free);
  stmt = bal_project_prepare (project,
                              "SELECT s.grade, s.name, s.minimum, s.maximum FROM salary_scale s "
                              "LEFT JOIN grade g ON g.name = s.grade ORDER BY g.position, s.grade",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BalSalaryScale *scale = g_new0 (BalSalaryScale, 1);

      scale->grade = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      scale->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      scale->minimum = sqlite3_column_double (stmt, 2);
      scale->maximum = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (method->scales, scale);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bal_project_set_sqlite_error (project, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_writable (BalProject  *project,
                GError     **error)
{
  if (bal_project_get_review_mode (project) || bal_project_is_read_only (project))
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_READ_ONLY,
                   _("This project is open for review: the method cannot be changed."));
      return FALSE;
    }

  return TRUE;
}

gboolean
bal_method_set_scale (BalProject  *project,
                      const char  *grade,
                      const char  *name,
                      double       minimum,
                      double       maximum,
                      GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt *stmt;
  gboolean known = FALSE;

  if (!check_writable (project, error))
    return FALSE;

  stmt = bal_project_prepare (project, "SELECT 1 FROM grade WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, grade ? grade : "", -1, SQLITE_TRANSIENT);
  known = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!known)
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("“%s” is not a grade of this project’s handbook."), grade ? grade : "");
      return FALSE;
    }
  if (*clean == '\0' || minimum < 0 || maximum < minimum)
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("A salary scale needs a name and a maximum at least its minimum."));
      return FALSE;
    }

  stmt = bal_project_prepare (project,
                              "INSERT INTO salary_scale (grade, name, minimum, maximum) VALUES (?1, ?2, ?3, ?4) "
                              "ON CONFLICT (grade) DO UPDATE SET name = ?2, minimum = ?3, maximum = ?4",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, grade, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 3, minimum);
  sqlite3_bind_double (stmt, 4, maximum);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  bal_project_emit_changed (project, "handbook");
  return TRUE;
}

gboolean
bal_method_remove_scale (BalProject  *project,
                         const char  *grade,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  if (!check_writable (project, error))
    return FALSE;

  stmt = bal_project_prepare (project, "DELETE FROM salary_scale WHERE grade = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, grade ? grade : "", -1, SQLITE_TRANSIENT);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  bal_project_emit_changed (project, "handbook");
  return TRUE;
}

gboolean
bal_method_set_objection_period (BalProject  *project,
                                 int          days,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  if (!check_writable (project, error))
    return FALSE;
  if (days < 1 || days > 365)
    {
      g_set_error (error, BAL_METHOD_ERROR, BAL_METHOD_ERROR_INVALID,
                   _("The objection period is a number of days from 1 to 365."));
      return FALSE;
    }

  stmt = bal_project_prepare (project,
                              "INSERT INTO method_rule (id, objection_period) VALUES (1, ?1) "
                              "ON CONFLICT (id) DO UPDATE SET objection_period = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, days);
  if (!bal_project_step_done (project, stmt, error))
    return FALSE;

  bal_project_emit_changed (project, "handbook");
  return TRUE;
}

/* The days an employee has to object after the notice, by this project's rules. */
int
bal_project_objection_period (BalProject *project)
{
  sqlite3_stmt *stmt = bal_project_prepare (project, "SELECT objection_period FROM method_rule WHERE id = 1", NULL);
  int days = BAL_METHOD_DEFAULT_OBJECTION_PERIOD;

  if (stmt == NULL)
    return days;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    days = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return days;
}

BalCharacteristic *
bal_method_find_characteristic_by_name (BalMethod  *method,
                                        const char *name)
{
  g_autofree char *folded = NULL;
  gboolean ascii = g_str_is_ascii (name);

  for (guint i = 0; i < method->characteristics->len; i++)
    {
      BalCharacteristic *c = g_ptr_array_index (method->characteristics, i);
      g_autofree char *candidate = NULL;

      if (g_ascii_strcasecmp (c->id, name) == 0)
        return c;
      /* Case folding of ASCII is ASCII's lower case: no copies for the
       * names of a method, which every reference's profile looks up. */
      if (ascii && g_str_is_ascii (c->name))
        {
          if (g_ascii_strcasecmp (c->name, name) == 0)
            return c;
          continue;
        }
      if (folded == NULL)
        folded = g_utf8_casefold (name, -1);
      candidate = g_utf8_casefold (c->name, -1);
      if (strcmp (candidate, folded) == 0)
        return c;
    }

  return NULL;
}

static gboolean
mentions (const char          *text,
          const char * const  *words)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* Fills one level per characteristic of @method for @doc: the level its
 * Profiel section gives, or else one derived from its grade (and, for the
 * physical side, from the working conditions it names), marked derived. */
void
bal_method_derive_profile (BalMethod       *method,
                           BalReferenceDoc *doc,
                           int             *levels_out,
                           gboolean        *derived_out)
{
  static const char * const heavy[] = { "werkplaats", "buitendienst", "magazijn", "productie", "tillen", "weer en wind", NULL };
  int n_grades = g_strv_length (method->grades);
  int grade = bal_method_grade_index (method, doc->grade);

  for (guint i = 0; i < method->characteristics->len; i++)
    {
      BalCharacteristic *c = g_ptr_array_index (method->characteristics, i);
      gboolean given = FALSE;

      for (guint j = 0; doc->profile != NULL && j < doc->profile->len; j++)
        {
          BalProfileLevel *level = g_ptr_array_index (doc->profile, j);

          if (bal_method_find_characteristic_by_name (method, level->characteristic_name) == c &&
              level->level >= 1 && level->level <= c->levels)
            {
              levels_out[i] = level->level;
              given = TRUE;
            }
        }

      derived_out[i] = !given;
      if (given)
        continue;

      if (g_strcmp0 (c->id, "physical") == 0)
        levels_out[i] = MIN (c->levels, mentions (doc->physical, heavy) ? 3 : 1);
      else if (grade < 0)
        levels_out[i] = 1;
      else
        levels_out[i] = CLAMP ((int)((grade + 1) * c->levels + n_grades - 1) / n_grades, 1, c->levels);
    }
}
