/* bal-structure.c: the job structure (functiegebouw): families by grades
 *
 * Each job with a decision stands in the cell of its reference function's
 * family and its decided grade; incumbents are counted per grade.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-structure"

#include "config.h"

#include "bal-grading.h"
#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-structure.h"

static void
structure_job_free (BalStructureJob *job)
{
  g_free (job->title);
  g_free (job);
}

void
bal_structure_free (BalStructure *structure)
{
  guint n;

  if (structure == NULL)
    return;

  n = g_strv_length (structure->families) * g_strv_length (structure->grades);
  for (guint i = 0; i < n; i++)
    g_ptr_array_unref (structure->cells[i]);
  g_free (structure->cells);
  g_free (structure->jobs_per_grade);
  g_free (structure->incumbents_per_grade);
  g_strfreev (structure->families);
  g_strfreev (structure->grades);
  g_free (structure);
}

GPtrArray *
bal_structure_cell (BalStructure *structure,
                    guint         family,
                    guint         grade)
{
  return structure->cells[family * g_strv_length (structure->grades) + grade];
}

static int
index_in (GStrv       list,
          const char *item)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_strcmp0 (list[i], item) == 0)
      return i;

  return -1;
}

BalStructure *
bal_structure_build (BalProject  *project,
                     GError     **error)
{
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(GPtrArray) families = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  BalStructure *structure;
  guint n_families, n_grades;

  method = bal_handbook_load_method (project, error);
  families = method ? bal_handbook_list_families (project, error) : NULL;
  jobs = families ? bal_jobs_list (project, NULL, error) : NULL;
  if (jobs == NULL)
    return NULL;

  structure = g_new0 (BalStructure, 1);
  g_ptr_array_add (families, NULL);
  structure->families = g_strdupv ((char **)families->pdata);
  g_ptr_array_set_size (families, families->len - 1);
  structure->grades = g_strdupv (method->grades);
  n_families = g_strv_length (structure->families);
  n_grades = g_strv_length (structure->grades);
  structure->cells = g_new0 (GPtrArray *, MAX (n_families * n_grades, 1));
  for (guint i = 0; i < n_families * n_grades; i++)
    structure->cells[i] = g_ptr_array_new_with_free_func ((GDestroyNotify)structure_job_free);
  structure->jobs_per_grade = g_new0 (int, MAX (n_grades, 1));
  structure->incumbents_per_grade = g_new0 (int, MAX (n_grades, 1));

  for (guint i = 0; i < jobs->len; i++)
    {
      BalJob *job = g_ptr_array_index (jobs, i);
      g_autoptr(BalDecision) decision = bal_grading_latest (project, job->id, NULL);
      g_autoptr(BalReference) reference = NULL;
      BalStructureJob *entry;
      int family, grade;

      if (decision == NULL)
        continue;
      reference = bal_handbook_get_reference (project, decision->reference_code, NULL);
      if (reference == NULL)
        continue;

      family = index_in (structure->families, reference->doc->family);
      grade = index_in (structure->grades, decision->grade);
      if (family < 0 || grade < 0)
        continue;

      entry = g_new0 (BalStructureJob, 1);
      entry->job_id = job->id;
      entry->title = g_strdup (job->title);
      entry->incumbents = job->incumbents;
      g_ptr_array_add (bal_structure_cell (structure, family, grade), entry);
      structure->jobs_per_grade[grade]++;
      structure->incumbents_per_grade[grade] += job->incumbents;
    }

  return structure;
}
