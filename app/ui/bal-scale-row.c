/* bal-scale-row.c: one grade's salary scale, edited in place
 *
 * Each field says beside itself what is wrong with it; Save is sensitive
 * only when nothing is.
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-scale-row"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "bal-scale-row.h"
#include "bal-text-row.h"
#include "bal-ui-util.h"

struct _BalScaleRow
{
  AdwPreferencesRow  parent_instance;

  char           *grade;
  char           *saved;       /* name, minimum and maximum as saved, to tell an unsaved edit */
  gboolean        has_scale;
  gboolean        editable;
  BalSalaryScale  scale;       /* what the fields are filled with */

  /* The fields, built when the row is first opened: a dozen grades' rows
   * of fields cost the Review page its first frame. */
  AdwEntryRow    *name_entry;
  AdwEntryRow    *minimum_entry;
  AdwEntryRow    *maximum_entry;
  GtkLabel       *message;
  GtkWidget      *actions;
  GtkButton      *save_button;
  GtkButton      *remove_button;

  gboolean        expanded;

  /* Template widgets */
  BalTextRow     *header;
  GtkRevealer    *revealer;
  GtkListBox     *fields_list;
};

G_DEFINE_FINAL_TYPE (BalScaleRow, bal_scale_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* An amount as the user types it: "2.320", "2320", "€ 2 320,50" in Dutch. */
static gboolean
parse_amount (const char *text,
              double     *amount)
{
  struct lconv *conv = localeconv ();
  g_autoptr(GString) clean = g_string_new (NULL);
  char *end = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x20AC /* € */ || g_unichar_isspace (c) || c == 0x202F || c == 0xA0)
        continue;
      if (*conv->thousands_sep != '\0' && strncmp (p, conv->thousands_sep, strlen (conv->thousands_sep)) == 0)
        continue;
      if (strncmp (p, conv->decimal_point, strlen (conv->decimal_point)) == 0)
        g_string_append_c (clean, '.');
      else
        g_string_append_unichar (clean, c);
    }

  if (clean->len == 0)
    return FALSE;
  *amount = g_ascii_strtod (clean->str, &end);

  return end != NULL && *end == '\0';
}

static void
validate (BalScaleRow *self)
{
  g_autofree char *name = NULL;
  double minimum = 0, maximum = 0;
  gboolean min_ok, max_ok;
  const char *problem = NULL;

  if (self->name_entry == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  min_ok = parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->minimum_entry)), &minimum) && minimum >= 0;
  max_ok = parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->maximum_entry)), &maximum) && maximum >= 0;

  gtk_widget_remove_css_class (GTK_WIDGET (self->name_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->minimum_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->maximum_entry), "error");

  if (!min_ok)
    bal_ui_mark_invalid (GTK_WIDGET (self->minimum_entry), self->message,
                         problem = _("The minimum is an amount per month of 0 or more."));
  else if (!max_ok)
    bal_ui_mark_invalid (GTK_WIDGET (self->maximum_entry), self->message,
                         problem = _("The maximum is an amount per month of 0 or more."));
  else if (maximum < minimum)
    bal_ui_mark_invalid (GTK_WIDGET (self->maximum_entry), self->message,
                         problem = _("The maximum is below the minimum."));
  else if (*name == '\0')
    bal_ui_mark_invalid (GTK_WIDGET (self->name_entry), self->message,
                         problem = _("A salary scale needs a name, such as “Schaal 4”."));
  else
    bal_ui_mark_invalid (GTK_WIDGET (self->name_entry), self->message, NULL);

  /* An untouched empty row is not an error yet. */
  if (!self->has_scale && *name == '\0' &&
      *gtk_editable_get_text (GTK_EDITABLE (self->minimum_entry)) == '\0' &&
      *gtk_editable_get_text (GTK_EDITABLE (self->maximum_entry)) == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->minimum_entry), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->editable && problem == NULL);
}

static void
on_changed (BalScaleRow *self)
{
  validate (self);
}

static void
on_save_clicked (BalScaleRow *self)
{
  g_signal_emit (self, signals[SAVE], 0);
}

static void
on_remove_clicked (BalScaleRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
set_amount (AdwEntryRow *entry,
            double       amount)
{
  g_autofree char *text = g_strdup_printf ("%.0f", amount);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static char *fields_text (BalScaleRow *self);

static void
ensure_fields (BalScaleRow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->name_entry != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/io/github/balans/Balans/ui/bal-scale-row-fields.ui");
  self->name_entry = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "name_entry"));
  self->minimum_entry = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "minimum_entry"));
  self->maximum_entry = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "maximum_entry"));
  self->actions = GTK_WIDGET (gtk_builder_get_object (builder, "actions"));
  self->message = GTK_LABEL (gtk_builder_get_object (builder, "message"));
  self->save_button = GTK_BUTTON (gtk_builder_get_object (builder, "save_button"));
  self->remove_button = GTK_BUTTON (gtk_builder_get_object (builder, "remove_button"));

  if (self->has_scale)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), self->scale.name);
      set_amount (self->minimum_entry, self->scale.minimum);
      set_amount (self->maximum_entry, self->scale.maximum);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_entry), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->minimum_entry), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->maximum_entry), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), self->has_scale);
  g_signal_connect_swapped (self->name_entry, "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->minimum_entry, "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->maximum_entry, "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked), self);

  gtk_list_box_append (self->fields_list, GTK_WIDGET (self->name_entry));
  gtk_list_box_append (self->fields_list, GTK_WIDGET (self->minimum_entry));
  gtk_list_box_append (self->fields_list, GTK_WIDGET (self->maximum_entry));
  gtk_list_box_append (self->fields_list, self->actions);
  validate (self);
}

gboolean
bal_scale_row_get_expanded (BalScaleRow *self)
{
  g_return_val_if_fail (BAL_IS_SCALE_ROW (self), FALSE);

  return self->expanded;
}

/* Opens or closes the row's fields; they are made when first opened. */
void
bal_scale_row_set_expanded (BalScaleRow *self,
                            gboolean     expanded)
{
  g_return_if_fail (BAL_IS_SCALE_ROW (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;

  self->expanded = expanded;
  if (expanded)
    {
      ensure_fields (self);
      gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED, FALSE);
    }
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED);
  gtk_revealer_set_reveal_child (self->revealer, expanded);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->header), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

static void
on_header_activated (BalScaleRow *self)
{
  bal_scale_row_set_expanded (self, !self->expanded);
}

/* Up and Down go on from the header to the fields and out of the row, as
 * in the list the row is in. */
static gboolean
on_keynav_failed (BalScaleRow      *self,
                  GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL || (direction != GTK_DIR_UP && direction != GTK_DIR_DOWN))
    return FALSE;

  return gtk_widget_child_focus (GTK_WIDGET (root), direction == GTK_DIR_UP ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

/* A row for @grade, filled with its scale in @method if it has one; its
 * fields are sensitive when @editable. */
GtkWidget *
bal_scale_row_new (BalMethod  *method,
                   const char *grade,
                   gboolean    editable)
{
  BalSalaryScale *scale = method != NULL ? bal_method_find_scale (method, grade) : NULL;
  g_autofree char *title = g_strdup_printf (_("Grade %s"), grade);
  g_autofree char *text = scale != NULL ? bal_salary_scale_format (scale) : NULL;
  BalScaleRow *self;

  g_return_val_if_fail (grade != NULL, NULL);

  self = g_object_new (BAL_TYPE_SCALE_ROW, "title", title, NULL);
  bal_text_row_set_subtitle (self->header, scale != NULL ? text : _("No salary scale"));
  self->grade = g_strdup (grade);
  self->has_scale = scale != NULL;
  self->editable = editable;
  if (scale != NULL)
    {
      self->scale.name = g_strdup (scale->name);
      self->scale.minimum = scale->minimum;
      self->scale.maximum = scale->maximum;
    }
  self->saved = fields_text (self);

  return GTK_WIDGET (self);
}

const char *
bal_scale_row_get_grade (BalScaleRow *self)
{
  g_return_val_if_fail (BAL_IS_SCALE_ROW (self), NULL);

  return self->grade;
}

static char *
fields_text (BalScaleRow *self)
{
  if (self->name_entry == NULL)
    {
      g_autofree char *minimum = g_strdup_printf ("%.0f", self->scale.minimum);
      g_autofree char *maximum = g_strdup_printf ("%.0f", self->scale.maximum);

      return self->has_scale ? g_strjoin ("\n", self->scale.name, minimum, maximum, NULL) : g_strdup ("\n\n");
    }

  return g_strjoin ("\n", gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                    gtk_editable_get_text (GTK_EDITABLE (self->minimum_entry)),
                    gtk_editable_get_text (GTK_EDITABLE (self->maximum_entry)), NULL);
}

/* What the fields hold now is what the project has. */
void
bal_scale_row_mark_saved (BalScaleRow *self)
{
  g_return_if_fail (BAL_IS_SCALE_ROW (self));

  g_free (self->saved);
  self->saved = fields_text (self);
}

/* TRUE when a field was edited and not saved. */
gboolean
bal_scale_row_get_modified (BalScaleRow *self)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (BAL_IS_SCALE_ROW (self), FALSE);

  now = fields_text (self);

  return g_strcmp0 (now, self->saved) != 0;
}

const char *
bal_scale_row_get_name (BalScaleRow *self)
{
  g_return_val_if_fail (BAL_IS_SCALE_ROW (self), NULL);

  ensure_fields (self);

  return gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
}

/* FALSE when either amount is not a number. */
gboolean
bal_scale_row_get_amounts (BalScaleRow *self,
                           double      *minimum,
                           double      *maximum)
{
  g_return_val_if_fail (BAL_IS_SCALE_ROW (self), FALSE);

  ensure_fields (self);

  return parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->minimum_entry)), minimum) &&
         parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->maximum_entry)), maximum);
}

/* What the project refused, beside the fields. */
void
bal_scale_row_show_error (BalScaleRow *self,
                          const char  *message)
{
  g_return_if_fail (BAL_IS_SCALE_ROW (self));

  ensure_fields (self);
  bal_ui_mark_invalid (GTK_WIDGET (self->name_entry), self->message, message);
}

static void
bal_scale_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BAL_TYPE_SCALE_ROW);

  G_OBJECT_CLASS (bal_scale_row_parent_class)->dispose (object);
}

static void
bal_scale_row_finalize (GObject *object)
{
  BalScaleRow *self = (BalScaleRow *)object;

  g_free (self->grade);
  g_free (self->saved);
  g_free (self->scale.name);

  G_OBJECT_CLASS (bal_scale_row_parent_class)->finalize (object);
}

static void
bal_scale_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BalScaleRow *self = BAL_SCALE_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_scale_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BalScaleRow *self = BAL_SCALE_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      bal_scale_row_set_expanded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_scale_row_class_init (BalScaleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bal_scale_row_get_property;
  object_class->set_property = bal_scale_row_set_property;
  object_class->dispose = bal_scale_row_dispose;
  object_class->finalize = bal_scale_row_finalize;

  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVE] =
    g_signal_new ("save",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (BAL_TYPE_TEXT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-scale-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BalScaleRow, header);
  gtk_widget_class_bind_template_child (widget_class, BalScaleRow, revealer);
  gtk_widget_class_bind_template_child (widget_class, BalScaleRow, fields_list);
  gtk_widget_class_bind_template_callback (widget_class, on_header_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_keynav_failed);
}

static void
bal_scale_row_init (BalScaleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
