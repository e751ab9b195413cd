/* bal-option-row.c: one answer option of a question, chosen with a radio check
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-option-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-option-row.h"

struct _BalOptionRow
{
  AdwActionRow    parent_instance;

  char           *option_id;

  /* Template widgets */
  GtkCheckButton *check;
};

G_DEFINE_FINAL_TYPE (BalOptionRow, bal_option_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_OPTION_ID,
  N_PROPS
};

enum {
  CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Only a check that becomes active is a choice: the one that goes off in
 * the same group says nothing. */
static void
on_check_toggled (BalOptionRow *self)
{
  if (gtk_check_button_get_active (self->check))
    g_signal_emit (self, signals[CHOSEN], 0);
}

/* The level in the words of the characteristic's scale, so that an option
 * list that skips a level says so ("level 5 of 6" after "level 3 of 6"). */
static char *
level_text (int level,
            int levels)
{
  /* Level 0: not applicable, left out of the mean. */
  if (level <= 0)
    return g_strdup (_("Not applicable: not counted"));
  if (levels > 0)
    return g_strdup_printf (_("Level %d of %d"), level, levels);
  return g_strdup_printf (_("Level %d"), level);
}

GtkWidget *
bal_option_row_new (const BalQuestionOption *option,
                    int                      levels)
{
  g_autofree char *subtitle = NULL;
  BalOptionRow *self;

  g_return_val_if_fail (option != NULL, NULL);

  subtitle = level_text (option->level, levels);
  self = g_object_new (BAL_TYPE_OPTION_ROW,
                       "option-id", option->id,
                       "title", option->text,
                       "subtitle", subtitle,
                       NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, option->text, -1);

  return GTK_WIDGET (self);
}

const char *
bal_option_row_get_option_id (BalOptionRow *self)
{
  g_return_val_if_fail (BAL_IS_OPTION_ROW (self), NULL);

  return self->option_id;
}

void
bal_option_row_set_group (BalOptionRow *self,
                          BalOptionRow *group)
{
  g_return_if_fail (BAL_IS_OPTION_ROW (self));
  g_return_if_fail (group == NULL || BAL_IS_OPTION_ROW (group));

  gtk_check_button_set_group (self->check, group ? group->check : NULL);
}

gboolean
bal_option_row_get_active (BalOptionRow *self)
{
  g_return_val_if_fail (BAL_IS_OPTION_ROW (self), FALSE);

  return gtk_check_button_get_active (self->check);
}

/* Shows what is stored; not a choice, so no "chosen". */
void
bal_option_row_set_active (BalOptionRow *self,
                           gboolean      active)
{
  g_return_if_fail (BAL_IS_OPTION_ROW (self));

  g_signal_handlers_block_by_func (self->check, on_check_toggled, self);
  gtk_check_button_set_active (self->check, active);
  g_signal_handlers_unblock_by_func (self->check, on_check_toggled, self);
}

GtkWidget *
bal_option_row_get_check (BalOptionRow *self)
{
  g_return_val_if_fail (BAL_IS_OPTION_ROW (self), NULL);

  return GTK_WIDGET (self->check);
}

static void
bal_option_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BalOptionRow *self = BAL_OPTION_ROW (object);

  switch (prop_id)
    {
    case PROP_OPTION_ID:
      g_value_set_string (value, self->option_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_option_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BalOptionRow *self = BAL_OPTION_ROW (object);

  switch (prop_id)
    {
    case PROP_OPTION_ID:
      g_free (self->option_id);
      self->option_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_option_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BAL_TYPE_OPTION_ROW);

  G_OBJECT_CLASS (bal_option_row_parent_class)->dispose (object);
}

static void
bal_option_row_finalize (GObject *object)
{
  BalOptionRow *self = (BalOptionRow *)object;

  g_free (self->option_id);

  G_OBJECT_CLASS (bal_option_row_parent_class)->finalize (object);
}

static void
bal_option_row_class_init (BalOptionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bal_option_row_get_property;
  object_class->set_property = bal_option_row_set_property;
  object_class->dispose = bal_option_row_dispose;
  object_class->finalize = bal_option_row_finalize;

  properties[PROP_OPTION_ID] =
    g_param_spec_string ("option-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BalOptionRow::chosen:
   *
   * The evaluator chose this option.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-option-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BalOptionRow, check);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled);
}

static void
bal_option_row_init (BalOptionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
