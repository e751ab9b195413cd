/* bal-job-item.c: one job as the jobs list shows it
 *
 * The list's rows bind to these properties; an edit of a job sets them on
 * its one item, and the row follows.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-job-item"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bal-job-item.h"
#include "bal-review.h"

struct _BalJobItem
{
  GObject   parent_instance;

  gint64    id;
  char     *title;
  /* Interned: a dozen grades and statuses, and a few dozen departments,
   * among twenty thousand jobs. */
  const char *department;
  const char *grade;        /* NULL: not graded */
  const char *grade_text;   /* the grade with its salary scale; NULL: the grade alone */
  const char *status;       /* the review status, "draft" when none */
  gboolean  marked;         /* changed outside Balans */

  char     *subtitle;       /* derived from the fields above */
  char     *folded;         /* title and department, case-folded, for the search */
};

G_DEFINE_FINAL_TYPE (BalJobItem, bal_job_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DEPARTMENT,
  PROP_GRADE,
  PROP_GRADE_TEXT,
  PROP_STATUS,
  PROP_MARKED,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
make_subtitle (BalJobItem *self)
{
  g_autoptr(GString) line = g_string_new (NULL);
  const char *status = bal_review_job_status_label (self->status, self->grade != NULL);

  if (self->marked)
    g_string_append_printf (line, "%s · ", _("⚠ Changed outside Balans"));
  if (self->department != NULL && *self->department != '\0')
    g_string_append_printf (line, "%s · ", self->department);
  if (self->grade != NULL)
    {
      g_string_append_printf (line, _("Grade %s"), self->grade_text ? self->grade_text : self->grade);
      g_string_append (line, " · ");
    }
  g_string_append (line, status);

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* The subtitle and the search key are made when first asked for: a row
 * shows a few dozen of twenty thousand items, and a search folds each
 * title once. A subtitle a row shows is made again at once, and the row
 * told when it changed. */
static void
update_derived (BalJobItem *self)
{
  g_autofree char *subtitle = NULL;

  g_clear_pointer (&self->folded, g_free);
  if (self->subtitle == NULL)
    return;

  subtitle = make_subtitle (self);
  if (g_strcmp0 (self->subtitle, subtitle) != 0)
    {
      g_free (self->subtitle);
      self->subtitle = g_steal_pointer (&subtitle);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
    }
}

static gboolean
set_string (BalJobItem  *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  update_derived (self);

  return TRUE;
}

static void
set_interned (BalJobItem  *self,
              const char **field,
              const char  *value,
              guint        prop)
{
  value = g_intern_string (value);
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  update_derived (self);
}

BalJobItem *
bal_job_item_new (gint64 id)
{
  return g_object_new (BAL_TYPE_JOB_ITEM, "id", id, NULL);
}

gint64
bal_job_item_get_id (BalJobItem *self)
{
  g_return_val_if_fail (BAL_IS_JOB_ITEM (self), 0);

  return self->id;
}

const char *
bal_job_item_get_title (BalJobItem *self)
{
  g_return_val_if_fail (BAL_IS_JOB_ITEM (self), NULL);

  return self->title;
}

void
bal_job_item_set_title (BalJobItem *self,
                        const char *title)
{
  g_return_if_fail (BAL_IS_JOB_ITEM (self));

  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
bal_job_item_get_department (BalJobItem *self)
{
  g_return_val_if_fail (BAL_IS_JOB_ITEM (self), NULL);

  return self->department;
}

void
bal_job_item_set_department (BalJobItem *self,
                             const char *department)
{
  g_return_if_fail (BAL_IS_JOB_ITEM (self));

  set_interned (self, &self->department, department, PROP_DEPARTMENT);
}

const char *
bal_job_item_get_grade (BalJobItem *self)
{
  g_return_val_if_fail (BAL_IS_JOB_ITEM (self), NULL);

  return self->grade;
}

void
bal_job_item_set_grade (BalJobItem *self,
                        const char *grade)
{
  g_return_if_fail (BAL_IS_JOB_ITEM (self));

  set_interned (self, &self->grade, grade, PROP_GRADE);
}

const char *
bal_job_item_get_grade_text (BalJobItem *self)
{
  g_return_val_if_fail (BAL_IS_JOB_ITEM (self), NULL);

  return self->grade_text;
}

/* The grade as the list shows it, with its salary scale
 * (bal_method_grade_text()). */
void
bal_job_item_set_grade_text (BalJobItem *self,
                             const char *grade_text)
{
  g_return_if_fail (BAL_IS_JOB_ITEM (self));

  set_interned (self, &self->grade_text, grade_text, PROP_GRADE_TEXT);
}

const char *
bal_job_item_get_status (BalJobItem *self)
{
  g_return_val_if_fail (BAL_IS_JOB_ITEM (self), NULL);

  return self->status;
}

void
bal_job_item_set_status (BalJobItem *self,
                         const char *status)
{
  g_return_if_fail (BAL_IS_JOB_ITEM (self));

  set_interned (self, &self->status, status, PROP_STATUS);
}

gboolean
bal_job_item_get_marked (BalJobItem *self)
{
  g_return_val_if_fail (BAL_IS_JOB_ITEM (self), FALSE);

  return self->marked;
}

void
bal_job_item_set_marked (BalJobItem *self,
                         gboolean    marked)
{
  g_return_if_fail (BAL_IS_JOB_ITEM (self));

  marked = !!marked;
  if (self->marked == marked)
    return;

  self->marked = marked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKED]);
  update_derived (self);
}

const char *
bal_job_item_get_subtitle (BalJobItem *self)
{
  g_return_val_if_fail (BAL_IS_JOB_ITEM (self), NULL);

  if (self->subtitle == NULL)
    self->subtitle = make_subtitle (self);

  return self->subtitle;
}

/* Whether the title or the department holds @folded_search, which is
 * case-folded already: the same jobs as bal_jobs_overview()'s search. */
gboolean
bal_job_item_matches (BalJobItem *self,
                      const char *folded_search)
{
  g_return_val_if_fail (BAL_IS_JOB_ITEM (self), FALSE);

  if (folded_search == NULL || *folded_search == '\0')
    return TRUE;
  if (self->folded == NULL)
    {
      g_autofree char *key = g_strconcat (self->title ? self->title : "", "\n",
                                          self->department ? self->department : "", NULL);

      self->folded = g_utf8_casefold (key, -1);
    }

  return strstr (self->folded, folded_search) != NULL;
}

static void
bal_job_item_finalize (GObject *object)
{
  BalJobItem *self = (BalJobItem *)object;

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->folded);

  G_OBJECT_CLASS (bal_job_item_parent_class)->finalize (object);
}

static void
bal_job_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BalJobItem *self = BAL_JOB_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;

    case PROP_GRADE:
      g_value_set_string (value, self->grade);
      break;

    case PROP_GRADE_TEXT:
      g_value_set_string (value, self->grade_text);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_MARKED:
      g_value_set_boolean (value, self->marked);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, bal_job_item_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_job_item_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BalJobItem *self = BAL_JOB_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_TITLE:
      bal_job_item_set_title (self, g_value_get_string (value));
      break;

    case PROP_DEPARTMENT:
      bal_job_item_set_department (self, g_value_get_string (value));
      break;

    case PROP_GRADE:
      bal_job_item_set_grade (self, g_value_get_string (value));
      break;

    case PROP_GRADE_TEXT:
      bal_job_item_set_grade_text (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      bal_job_item_set_status (self, g_value_get_string (value));
      break;

    case PROP_MARKED:
      bal_job_item_set_marked (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_job_item_class_init (BalJobItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bal_job_item_finalize;
  object_class->get_property = bal_job_item_get_property;
  object_class->set_property = bal_job_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DEPARTMENT] =
    g_param_spec_string ("department", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_GRADE] =
    g_param_spec_string ("grade", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_GRADE_TEXT] =
    g_param_spec_string ("grade-text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MARKED] =
    g_param_spec_boolean ("marked", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bal_job_item_init (BalJobItem *self)
{
}
