/* bal-rules.c: the application rules of a reference function
 *
 * Clearly lighter: one grade lower; equal: the same grade; clearly
 * heavier: one grade higher. The rule's own grade counts; without one it
 * follows from the scale, and at the ends of the scale the grade stays at
 * the end. Each such step is said in a warning.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bal-rules.h"

static int
index_of (const char * const *grades,
          const char         *grade)
{
  for (guint i = 0; grades != NULL && grades[i] != NULL; i++)
    if (g_strcmp0 (grades[i], grade) == 0)
      return i;

  return -1;
}

/* The grade the rule for @verdict gives; @warnings (of char *) receives
 * what had to be assumed. */
char *
bal_rules_grade (const char * const *grades,
                 const char         *reference_grade,
                 const char         *rule_grade,
                 BalVerdict          verdict,
                 GPtrArray          *warnings)
{
  int step = verdict == BAL_VERDICT_HEAVIER ? 1 : verdict == BAL_VERDICT_LIGHTER ? -1 : 0;
  int index = index_of (grades, reference_grade);
  int n = grades ? (int)g_strv_length ((char **)grades) : 0;
  int target;

  if (rule_grade != NULL && *rule_grade != '\0')
    return g_strdup (rule_grade);

  if (index < 0)
    {
      if (warnings != NULL)
        g_ptr_array_add (warnings, g_strdup_printf (_("Grade %s is not on the handbook’s scale: it is kept."), reference_grade));
      return g_strdup (reference_grade);
    }

  target = index + step;
  if (target < 0 || target >= n)
    {
      if (warnings != NULL)
        g_ptr_array_add (warnings,
                         step < 0
                         ? g_strdup_printf (_("There is no grade below %s: the lighter rule keeps %s."), reference_grade, reference_grade)
                         : g_strdup_printf (_("There is no grade above %s: the heavier rule keeps %s."), reference_grade, reference_grade));
      return g_strdup (reference_grade);
    }

  if (warnings != NULL && step != 0)
    g_ptr_array_add (warnings, g_strdup_printf (_("The rule gives no grade: %s follows from the scale."), grades[target]));

  return g_strdup (grades[target]);
}
