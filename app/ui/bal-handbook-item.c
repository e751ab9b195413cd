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

enum {
  PROP_0,
  PROP_IS_FAMILY,
  PROP_IS_REFERENCE,
  PROP_CODE,
  PROP_TITLE,
  PROP_FAMILY,
  PROP_GRADE,
  PROP_ALTERNATIVE_TITLES,
  PROP_HAS_ALTERNATIVE_TITLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bal_handbook_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BalHandbookItem *self = BAL_HANDBOOK_ITEM (object);

  switch (prop_id)
    {
    case PROP_IS_FAMILY:
      g_value_set_boolean (value, self->is_family);
      break;

    case PROP_IS_REFERENCE:
      g_value_set_boolean (value, !self->is_family);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_FAMILY:
      g_value_set_string (value, self->family);
      break;

    case PROP_GRADE:
      g_value_set_string (value, self->grade);
      break;

    case PROP_ALTERNATIVE_TITLES:
      g_value_set_string (value, self->alternative_titles);
      break;

    case PROP_HAS_ALTERNATIVE_TITLES:
      g_value_set_boolean (value, self->alternative_titles != NULL && *self->alternative_titles != '\0');
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_handbook_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BalHandbookItem *self = BAL_HANDBOOK_ITEM (object);

  switch (prop_id)
    {
    case PROP_ALTERNATIVE_TITLES:
      bal_handbook_item_set_alternative_titles (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bal_handbook_item_finalize;
  object_class->get_property = bal_handbook_item_get_property;
  object_class->set_property = bal_handbook_item_set_property;

  /* A family heads the functions under it; it cannot be selected. */
  properties[PROP_IS_FAMILY] =
    g_param_spec_boolean ("is-family", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_REFERENCE] =
    g_param_spec_boolean ("is-reference", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAMILY] =
    g_param_spec_string ("family", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GRADE] =
    g_param_spec_string ("grade", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALTERNATIVE_TITLES] =
    g_param_spec_string ("alternative-titles", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_ALTERNATIVE_TITLES] =
    g_param_spec_boolean ("has-alternative-titles", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  g_return_val_if_fail (BAL_IS_HANDBOOK_ITEM (self), FALSE);

  return self->is_family;
}

const char *
bal_handbook_item_get_code (BalHandbookItem *self)
{
  g_return_val_if_fail (BAL_IS_HANDBOOK_ITEM (self), NULL);

  return self->code;
}

const char *
bal_handbook_item_get_title (BalHandbookItem *self)
{
  g_return_val_if_fail (BAL_IS_HANDBOOK_ITEM (self), NULL);

  return self->title;
}

const char *
bal_handbook_item_get_family (BalHandbookItem *self)
{
  g_return_val_if_fail (BAL_IS_HANDBOOK_ITEM (self), NULL);

  return self->family;
}

const char *
bal_handbook_item_get_grade (BalHandbookItem *self)
{
  g_return_val_if_fail (BAL_IS_HANDBOOK_ITEM (self), NULL);

  return self->grade;
}

const char *
bal_handbook_item_get_alternative_titles (BalHandbookItem *self)
{
  g_return_val_if_fail (BAL_IS_HANDBOOK_ITEM (self), NULL);

  return self->alternative_titles;
}

/* After an edit of the titles: the row shows them without a reload. */
void
bal_handbook_item_set_alternative_titles (BalHandbookItem *self,
                                          const char      *alternative_titles)
{
  gboolean had;

  g_return_if_fail (BAL_IS_HANDBOOK_ITEM (self));

  if (g_strcmp0 (self->alternative_titles, alternative_titles) == 0)
    return;

  had = self->alternative_titles != NULL && *self->alternative_titles != '\0';
  g_free (self->alternative_titles);
  self->alternative_titles = g_strdup (alternative_titles);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALTERNATIVE_TITLES]);
  if (had != (alternative_titles != NULL && *alternative_titles != '\0'))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ALTERNATIVE_TITLES]);
}
