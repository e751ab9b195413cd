/* bal-job-item.c: one row of the jobs list
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-job-item"

#include "config.h"

#include "bal-job-item.h"

struct _BalJobItem
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *department;
  char    *status;
};

G_DEFINE_FINAL_TYPE (BalJobItem, bal_job_item, G_TYPE_OBJECT)

static void
bal_job_item_finalize (GObject *object)
{
  BalJobItem *self = (BalJobItem *)object;

  g_free (self->title);
  g_free (self->department);
  g_free (self->status);

  G_OBJECT_CLASS (bal_job_item_parent_class)->finalize (object);
}

static void
bal_job_item_class_init (BalJobItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bal_job_item_finalize;
}

static void
bal_job_item_init (BalJobItem *self)
{
}

BalJobItem *
bal_job_item_new (gint64      id,
                  const char *title,
                  const char *department,
                  const char *status)
{
  BalJobItem *self = g_object_new (BAL_TYPE_JOB_ITEM, NULL);

  self->id = id;
  self->title = g_strdup (title);
  self->department = g_strdup (department);
  self->status = g_strdup (status);

  return self;
}

gint64
bal_job_item_get_id (BalJobItem *self)
{
  return self->id;
}

const char *
bal_job_item_get_title (BalJobItem *self)
{
  return self->title;
}

const char *
bal_job_item_get_department (BalJobItem *self)
{
  return self->department;
}

const char *
bal_job_item_get_status (BalJobItem *self)
{
  return self->status;
}
