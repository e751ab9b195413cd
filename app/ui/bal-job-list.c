/* bal-job-list.c: every job of a project, as the pages list them
 *
 * One list per window, read in a worker (bal_jobs_overview_async) and kept
 * in a store of BalJobItems that the jobs list, the review page's job
 * choosers and the export's scopes share: twenty thousand jobs are read and
 * held once, not once per page. A change in the project reads the list
 * again and keeps the item of every job that stays, so that a row only
 * changes where its job did.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-job-list"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-handbook.h"
#include "bal-job-list.h"
#include "bal-jobs.h"
#include "bal-ui-util.h"

struct _BalJobList
{
  GObject       parent_instance;

  BalProject   *project;
  GSignalGroup *project_signals;
  GCancellable *cancellable;       /* the list being read */
  GListStore   *items;             /* BalJobItem, every job */
  GHashTable   *items_by_id;       /* id -> BalJobItem (borrowed from items) */
  BalMethod    *method;            /* for the salary scales; NULL: load it when needed */
  GHashTable   *grade_texts;       /* grade -> its text with the scale, made once per grade */
  guint         blocked;           /* changes made by a page that updates its item itself */
  gboolean      loaded;            /* the list was read once */
  gboolean      reload_again;      /* the project changed while reading */
  gboolean      loading;           /* as last notified */
};

G_DEFINE_FINAL_TYPE (BalJobList, bal_job_list, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_loading (BalJobList *self)
{
  gboolean loading = self->project != NULL && (self->cancellable != NULL || !self->loaded);

  if (loading == self->loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The grade with its salary scale, from the method loaded once for all
 * jobs, and made once per grade: the same dozen texts for twenty thousand
 * jobs, interned as the jobs' items keep them. */
const char *
bal_job_list_grade_text (BalJobList *self,
                         const char *grade)
{
  const char *text;

  g_return_val_if_fail (BAL_IS_JOB_LIST (self), NULL);

  if (grade == NULL)
    return NULL;
  if (self->method == NULL && self->project != NULL)
    {
      self->method = bal_handbook_load_method (self->project, NULL);
      g_hash_table_remove_all (self->grade_texts);
    }

  text = g_hash_table_lookup (self->grade_texts, grade);
  if (text == NULL)
    {
      g_autofree char *made = bal_method_grade_text (self->method, grade);

      text = g_intern_string (made);
      g_hash_table_insert (self->grade_texts, g_strdup (grade), (char *)text);
    }

  return text;
}

static void
fill_item (BalJobList     *self,
           BalJobItem     *item,
           BalJobOverview *overview)
{
  const char *grade = bal_job_list_grade_text (self, overview->grade);

  g_object_freeze_notify (G_OBJECT (item));
  bal_job_item_set_grade_text (item, grade);
  bal_job_item_set_title (item, overview->job->title);
  bal_job_item_set_department (item, overview->job->department);
  bal_job_item_set_grade (item, overview->grade);
  bal_job_item_set_status (item, overview->status);
  bal_job_item_set_marked (item, bal_project_job_has_finding (self->project, overview->job->id));
  g_object_thaw_notify (G_OBJECT (item));
}

/* Brings the store to @jobs, keeping the item of every job that stays. */
static void
merge (BalJobList *self,
       GPtrArray  *jobs)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  gboolean same = n == jobs->len;

  for (guint i = 0; i < jobs->len; i++)
    {
      BalJobOverview *overview = g_ptr_array_index (jobs, i);
      BalJobItem *item = g_hash_table_lookup (self->items_by_id, &overview->job->id);

      if (item == NULL)
        {
          item = bal_job_item_new (overview->job->id);
          same = FALSE;
        }
      else
        {
          g_object_ref (item);
          if (same)
            {
              g_autoptr(BalJobItem) there = g_list_model_get_item (G_LIST_MODEL (self->items), i);

              same = there == item;
            }
        }
      fill_item (self, item, overview);
      g_ptr_array_add (items, item);
    }

  if (!same)
    {
      g_hash_table_remove_all (self->items_by_id);
      for (guint i = 0; i < items->len; i++)
        {
          BalJobItem *item = g_ptr_array_index (items, i);
          gint64 *key = g_new (gint64, 1);

          *key = bal_job_item_get_id (item);
          g_hash_table_insert (self->items_by_id, key, item);
        }
      g_list_store_splice (self->items, 0, n, items->pdata, items->len);
    }
}

static void reload (BalJobList *self);

static void
overview_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BalJobList) self = user_data;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;

  jobs = bal_jobs_overview_finish (BAL_PROJECT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      BAL_PROJECT (object) != self->project)
    return;

  g_clear_object (&self->cancellable);
  if (jobs == NULL)
    {
      /* What was read before stays; the pages say what went wrong. */
      self->loaded = TRUE;
      update_loading (self);
      g_signal_emit (self, signals[ERROR], 0, error);
      return;
    }

  merge (self, jobs);
  self->loaded = TRUE;
  g_clear_pointer (&jobs, g_ptr_array_unref);
  bal_ui_release_memory ();

  if (self->reload_again)
    {
      self->reload_again = FALSE;
      reload (self);
    }
  update_loading (self);
}

/* Reads the list again in the worker; a read under way finishes first. */
static void
reload (BalJobList *self)
{
  if (self->project == NULL)
    return;

  if (self->cancellable != NULL)
    {
      self->reload_again = TRUE;
      return;
    }

  self->cancellable = g_cancellable_new ();
  update_loading (self);
  bal_jobs_overview_async (self->project, NULL, self->cancellable, overview_done, g_object_ref (self));
}

/* Another window, the grade dialog or a page changed jobs. */
static void
project_changed (BalJobList *self)
{
  if (self->blocked == 0)
    reload (self);
}

/* A salary scale or the grades changed: each item shows its grade's anew,
 * in place. */
static void
handbook_changed (BalJobList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  g_clear_pointer (&self->method, bal_method_free);
  g_hash_table_remove_all (self->grade_texts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BalJobItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const char *grade = bal_job_list_grade_text (self, bal_job_item_get_grade (item));

      bal_job_item_set_grade_text (item, grade);
    }
}

static void
report_error (GtkWidget    *widget,
              const GError *error)
{
  bal_ui_show_error (widget, _("Could not read the jobs"), error);
}

/* Shows the list's errors on @widget, its owner's: a list the pages share
 * reports once, not once per page. */
void
bal_job_list_report_errors (BalJobList *self,
                            GtkWidget  *widget)
{
  g_return_if_fail (BAL_IS_JOB_LIST (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_connect_object (self, "error", G_CALLBACK (report_error), widget, G_CONNECT_SWAPPED);
}

BalJobList *
bal_job_list_new (void)
{
  return g_object_new (BAL_TYPE_JOB_LIST, NULL);
}

BalProject *
bal_job_list_get_project (BalJobList *self)
{
  g_return_val_if_fail (BAL_IS_JOB_LIST (self), NULL);

  return self->project;
}

/* Empties the list and reads @project's jobs; the same project again
 * changes nothing. */
void
bal_job_list_set_project (BalJobList *self,
                          BalProject *project)
{
  g_return_if_fail (BAL_IS_JOB_LIST (self));
  g_return_if_fail (!project || BAL_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->method, bal_method_free);
  g_hash_table_remove_all (self->grade_texts);
  g_signal_group_set_target (self->project_signals, project);
  g_hash_table_remove_all (self->items_by_id);
  g_list_store_remove_all (self->items);
  self->loaded = FALSE;
  self->reload_again = FALSE;
  reload (self);
  update_loading (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/* The jobs, as BalJobItems, by department and title. */
GListModel *
bal_job_list_get_model (BalJobList *self)
{
  g_return_val_if_fail (BAL_IS_JOB_LIST (self), NULL);

  return G_LIST_MODEL (self->items);
}

/* The item of @id, or NULL. */
BalJobItem *
bal_job_list_lookup (BalJobList *self,
                     gint64      id)
{
  g_return_val_if_fail (BAL_IS_JOB_LIST (self), NULL);

  return g_hash_table_lookup (self->items_by_id, &id);
}

/* The position of @id in the model, or GTK_INVALID_LIST_POSITION. */
guint
bal_job_list_find (BalJobList *self,
                   gint64      id)
{
  BalJobItem *item;
  guint position;

  g_return_val_if_fail (BAL_IS_JOB_LIST (self), G_MAXUINT);

  item = g_hash_table_lookup (self->items_by_id, &id);
  if (item == NULL || !g_list_store_find (self->items, item, &position))
    return G_MAXUINT;

  return position;
}

/* TRUE until the jobs are read, and while they are read again. */
gboolean
bal_job_list_get_loading (BalJobList *self)
{
  g_return_val_if_fail (BAL_IS_JOB_LIST (self), FALSE);

  return self->loading;
}

/* A page that puts its own edit on its item blocks the reading again that
 * the edit would cause, until it unblocks. */
void
bal_job_list_block_reload (BalJobList *self)
{
  g_return_if_fail (BAL_IS_JOB_LIST (self));

  self->blocked++;
}

void
bal_job_list_unblock_reload (BalJobList *self)
{
  g_return_if_fail (BAL_IS_JOB_LIST (self));
  g_return_if_fail (self->blocked > 0);

  self->blocked--;
}

static void
bal_job_list_dispose (GObject *object)
{
  BalJobList *self = (BalJobList *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_pointer (&self->method, bal_method_free);

  G_OBJECT_CLASS (bal_job_list_parent_class)->dispose (object);
}

static void
bal_job_list_finalize (GObject *object)
{
  BalJobList *self = (BalJobList *)object;

  g_clear_pointer (&self->grade_texts, g_hash_table_unref);
  g_clear_pointer (&self->items_by_id, g_hash_table_unref);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (bal_job_list_parent_class)->finalize (object);
}

static void
bal_job_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BalJobList *self = BAL_JOB_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_job_list_class_init (BalJobListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bal_job_list_dispose;
  object_class->finalize = bal_job_list_finalize;
  object_class->get_property = bal_job_list_get_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         BAL_TYPE_PROJECT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BalJobList::error:
   * @error: why the jobs could not be read
   *
   * The list could not be read; what was read before stays.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
bal_job_list_init (BalJobList *self)
{
  self->items = g_list_store_new (BAL_TYPE_JOB_ITEM);
  self->items_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->grade_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->project_signals = g_signal_group_new (BAL_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "changed::jobs", G_CALLBACK (project_changed), self);
  g_signal_group_connect_swapped (self->project_signals, "changed::decisions", G_CALLBACK (project_changed), self);
  g_signal_group_connect_swapped (self->project_signals, "changed::review", G_CALLBACK (project_changed), self);
  g_signal_group_connect_swapped (self->project_signals, "changed::handbook", G_CALLBACK (handbook_changed), self);
  /* The background integrity check marks the jobs it found changed. */
  g_signal_group_connect_swapped (self->project_signals, "changed::integrity", G_CALLBACK (project_changed), self);
}
