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

#include "bal-handbook.h"
#include "bal-jobs.h"
#include "bal-project-private.h"
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
  g_autoptr(GHashTable) reference_families = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  BalStructure *structure;
  guint n_families, n_grades;
  gboolean began;

  /* Each job with its decision in force in one query, each reference's
   * family in another, all in one read transaction. */
  began = bal_project_begin_read (project);
  method = bal_handbook_load_method (project, error);
  families = method ? bal_handbook_list_families (project, error) : NULL;
  reference_families = families ? bal_handbook_reference_families (project, error) : NULL;
  jobs = reference_families ? bal_jobs_overview (project, NULL, error) : NULL;
  bal_project_end_read (project, began);
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
      BalJobOverview *overview = g_ptr_array_index (jobs, i);
      BalJob *job = overview->job;
      const char *family_name;
      BalStructureJob *entry;
      int family, grade;

      if (overview->grade == NULL)
        continue;
      family_name = g_hash_table_lookup (reference_families, overview->reference_code);
      if (family_name == NULL)
        continue;

      family = index_in (structure->families, family_name);
      grade = index_in (structure->grades, overview->grade);
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

static void
structure_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(BalProject) reader = NULL;
  g_autoptr(GError) error = NULL;
  BalStructure *structure = NULL;

  reader = bal_project_open_read_only (task_data, &error);
  if (reader != NULL)
    structure = bal_structure_build (reader, &error);
  if (structure == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, structure, (GDestroyNotify)bal_structure_free);
}

/* bal_structure_build() in a worker thread, through a connection of its
 * own, so that thousands of jobs never hold up the main loop. */
void
bal_structure_build_async (BalProject          *project,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (project, cancellable, callback, user_data);

  g_task_set_source_tag (task, bal_structure_build_async);
  g_task_set_task_data (task, g_object_ref (bal_project_get_file (project)), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, structure_thread);
}

BalStructure *
bal_structure_build_finish (BalProject    *project,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bal_structure_build_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
