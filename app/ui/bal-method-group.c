/* bal-method-group.c: the project's salary scales and objection period, edited
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-method-group"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-handbook.h"
#include "bal-method-group.h"
#include "bal-scale-row.h"
#include "bal-text-row.h"
#include "bal-ui-util.h"

struct _BalMethodGroup
{
  AdwPreferencesGroup  parent_instance;

  BalProject          *project;

  /* Template widgets */
  GtkSpinButton       *period_spin;
  GtkListBox          *scales_list;
};

G_DEFINE_FINAL_TYPE (BalMethodGroup, bal_method_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
on_period_changed (BalMethodGroup *self)
{
  g_autoptr(GError) error = NULL;
  int days = gtk_spin_button_get_value_as_int (self->period_spin);

  if (self->project == NULL || days == bal_project_objection_period (self->project))
    return;
  if (!bal_method_set_objection_period (self->project, days, &error))
    bal_ui_show_error (GTK_WIDGET (self), _("Not recorded"), error);
}

static void
on_scale_save (BalMethodGroup *self,
               BalScaleRow   *row)
{
  g_autoptr(GError) error = NULL;
  double minimum = 0, maximum = 0;

  if (!bal_scale_row_get_amounts (row, &minimum, &maximum) ||
      !bal_method_set_scale (self->project, bal_scale_row_get_grade (row), bal_scale_row_get_name (row),
                             minimum, maximum, &error))
    bal_scale_row_show_error (row, error ? error->message : _("The minimum is an amount per month of 0 or more."));
  else
    {
      bal_scale_row_mark_saved (row);
      g_signal_emit (self, signals[TOAST], 0, _("Salary scale saved"));
    }
}

static void
on_scale_remove (BalMethodGroup *self,
                 BalScaleRow   *row)
{
  g_autoptr(GError) error = NULL;

  if (!bal_method_remove_scale (self->project, bal_scale_row_get_grade (row), &error))
    bal_scale_row_show_error (row, error->message);
  else
    {
      bal_scale_row_mark_saved (row);
      g_signal_emit (self, signals[TOAST], 0, _("Salary scale removed"));
    }
}

/* Shows @project's salary scales and objection period, editable when
 * @editable. */
void
bal_method_group_set_project (BalMethodGroup *self,
                              BalProject     *project,
                              gboolean        editable)
{
  g_autoptr(BalMethod) method = NULL;

  g_return_if_fail (BAL_IS_METHOD_GROUP (self));
  g_return_if_fail (!project || BAL_IS_PROJECT (project));

  g_set_object (&self->project, project);
  if (project == NULL)
    {
      clear_list (self->scales_list);
      return;
    }
  method = bal_handbook_load_method (project, NULL);

  g_signal_handlers_block_by_func (self->period_spin, on_period_changed, self);
  gtk_spin_button_set_value (self->period_spin, bal_project_objection_period (self->project));
  g_signal_handlers_unblock_by_func (self->period_spin, on_period_changed, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_spin), editable);

  /* A row being edited stays as it is, with what was typed; the others
   * show the project's scales, opened where they were. */
  {
    g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    GtkWidget *child, *next;

    for (child = gtk_widget_get_first_child (GTK_WIDGET (self->scales_list)); child != NULL; child = next)
      {
        next = gtk_widget_get_next_sibling (child);
        if (editable && bal_scale_row_get_modified (BAL_SCALE_ROW (child)))
          {
            g_hash_table_insert (kept, (gpointer)bal_scale_row_get_grade (BAL_SCALE_ROW (child)), child);
            continue;
          }
        if (bal_scale_row_get_expanded (BAL_SCALE_ROW (child)))
          g_hash_table_add (expanded, g_strdup (bal_scale_row_get_grade (BAL_SCALE_ROW (child))));
        gtk_list_box_remove (self->scales_list, child);
      }

    for (guint i = 0; method != NULL && method->grades != NULL && method->grades[i] != NULL; i++)
      {
        GtkWidget *row = g_hash_table_lookup (kept, method->grades[i]);

        /* Kept rows are in grade order already: the new ones go between them. */
        if (row != NULL)
          {
            g_hash_table_remove (kept, method->grades[i]);
            continue;
          }
        row = bal_scale_row_new (method, method->grades[i], editable);
        bal_scale_row_set_expanded (BAL_SCALE_ROW (row), g_hash_table_contains (expanded, method->grades[i]));
        g_signal_connect_object (row, "save", G_CALLBACK (on_scale_save), self, G_CONNECT_SWAPPED);
        g_signal_connect_object (row, "remove", G_CALLBACK (on_scale_remove), self, G_CONNECT_SWAPPED);
        gtk_list_box_insert (self->scales_list, row, (int)i);
      }

    /* Kept rows of grades the handbook no longer has go. */
    {
      GHashTableIter iter;
      gpointer row;

      g_hash_table_iter_init (&iter, kept);
      while (g_hash_table_iter_next (&iter, NULL, &row))
        gtk_list_box_remove (self->scales_list, row);
    }
  }
  gtk_widget_set_visible (GTK_WIDGET (self->scales_list), method != NULL);
}


static void
bal_method_group_dispose (GObject *object)
{
  BalMethodGroup *self = (BalMethodGroup *)object;

  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_METHOD_GROUP);

  G_OBJECT_CLASS (bal_method_group_parent_class)->dispose (object);
}

static void
bal_method_group_class_init (BalMethodGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_method_group_dispose;

  /* A confirmation for the page's toasts. */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (BAL_TYPE_SCALE_ROW);
  g_type_ensure (BAL_TYPE_TEXT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-method-group.ui");
  gtk_widget_class_bind_template_child (widget_class, BalMethodGroup, period_spin);
  gtk_widget_class_bind_template_child (widget_class, BalMethodGroup, scales_list);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
}

static void
bal_method_group_init (BalMethodGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
