/* bal-handbook-item.c: one row of the handbook list: a family or a reference function
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-handbook-item"

#include "config.h"

#include "bal-handbook-item.h"

struct _BalHandbookItem
{
  GObject   parent_instance;

  gboolean  is_family;
  char     *code;
  char     *title;
  char     *family;
  char     *grade;
  char     *alternative_titles;
};

G_DEFINE_FINAL_TYPE (BalHandbookItem, bal_handbook_item, G_TYPE_OBJECT)

static void
bal_handbook_item_finalize (GObject *object)
{
  BalHandbookItem *self = (BalHandbookItem *)object;

  g_free (self->code);
  g_free (self->title);
  g_free (self->family);
  g_free (self->grade);
  g_free (self->alternative_titles);

  G_OBJECT_CLASS (bal_handbook_item_parent_class)->finalize (object);
}

static void
bal_handbook_item_class_init (BalHandbookItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bal_handbook_item_finalize;
}

static void
bal_handbook_item_init (BalHandbookItem *self)
{
}

BalHandbookItem *
bal_handbook_item_new_family (const char *family)
{
  BalHandbookItem *self = g_object_new (BAL_TYPE_HANDBOOK_ITEM, NULL);

  self->is_family = TRUE;
  self->family = g_strdup (family);
  self->title = g_strdup (family);

  return self;
}

BalHandbookItem *
bal_handbook_item_new_reference (const char *code,
                                 const char *title,
                                 const char *family,
                                 const char *grade,
                                 const char *alternative_titles)
{
  BalHandbookItem *self = g_object_new (BAL_TYPE_HANDBOOK_ITEM, NULL);

  self->code = g_strdup (code);
  self->title = g_strdup (title);
  self->family = g_strdup (family);
  self->grade = g_strdup (grade);
  self->alternative_titles = g_strdup (alternative_titles);

  return self;
}

gboolean
bal_handbook_item_is_family (BalHandbookItem *self)
{
  return self->is_family;
}

const char *
bal_handbook_item_get_code (BalHandbookItem *self)
{
  return self->code;
}

const char *
bal_handbook_item_get_title (BalHandbookItem *self)
{
  return self->title;
}

const char *
bal_handbook_item_get_family (BalHandbookItem *self)
{
  return self->family;
}

const char *
bal_handbook_item_get_grade (BalHandbookItem *self)
{
  return self->grade;
}

const char *
bal_handbook_item_get_alternative_titles (BalHandbookItem *self)
{
  return self->alternative_titles;
}
