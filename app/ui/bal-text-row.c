/* bal-text-row.c: a row of a title and a subtitle that wrap, with prefixes and suffixes
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It looks like an AdwActionRow, and is laid out at a fraction of its cost.
 * In GTK 4.8 a horizontal GtkBox reports width-for-height, and a box of
 * wrapped labels centred in it is measured for its width at a given height:
 * each wrapped label of an AdwActionRow is then laid out some twenty times
 * for a single width, in searches for the narrowest width that keeps its
 * height. On the Review page that was most of the time of its first frame.
 * This row's header is laid out height-for-width: the prefixes and suffixes
 * get their natural width, the text the rest, and each label is laid out
 * once for it.
 */

#define G_LOG_DOMAIN "bal-text-row"

#include "config.h"

#include "bal-text-row.h"

/* libadwaita's border-spacing of row > box.header */
#define SPACING 6

typedef struct
{
  GtkWidget *header;     /* borrowed: the row's child */

  /* Template widgets */
  GtkLabel  *title_label;
  GtkLabel  *subtitle_label;
} BalTextRowPrivate;

static void bal_text_row_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (BalTextRow, bal_text_row, ADW_TYPE_PREFERENCES_ROW,
                         G_ADD_PRIVATE (BalTextRow)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, bal_text_row_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The header's children are the prefixes, the text (the box of class
 * "title"), then the suffixes. The prefixes and suffixes get their natural
 * width, or their minimum when the text would get less than its own. */

static GtkWidget *
header_text (GtkWidget *header)
{
  GtkWidget *child = gtk_widget_get_first_child (header);

  while (!gtk_widget_has_css_class (child, "title"))
    child = gtk_widget_get_next_sibling (child);

  return child;
}

static int
others_width (GtkWidget *text,
              gboolean   natural)
{
  int total = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (text));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (child == text || !gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      total += (natural ? nat : min) + SPACING;
    }

  return total;
}

static gboolean
others_natural (GtkWidget *text,
                int        width)
{
  int text_min;

  gtk_widget_measure (text, GTK_ORIENTATION_HORIZONTAL, -1, &text_min, NULL, NULL, NULL);
  return width - others_width (text, TRUE) >= text_min;
}

static int
text_width (GtkWidget *text,
            int        width)
{
  int text_min;

  gtk_widget_measure (text, GTK_ORIENTATION_HORIZONTAL, -1, &text_min, NULL, NULL, NULL);
  return MAX (width - others_width (text, others_natural (text, width)), text_min);
}

static GtkSizeRequestMode
header_request_mode (GtkWidget *header)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
header_measure (GtkWidget      *header,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  GtkWidget *text = header_text (header);
  int text_min, text_nat;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (text, orientation, -1, &text_min, &text_nat, NULL, NULL);
      *minimum = text_min + others_width (text, FALSE);
      *natural = text_nat + others_width (text, TRUE);
      return;
    }

  gtk_widget_measure (text, orientation, for_size < 0 ? -1 : text_width (text, for_size),
                      &text_min, &text_nat, NULL, NULL);
  *minimum = text_min;
  *natural = text_nat;

  for (GtkWidget *child = gtk_widget_get_first_child (header);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (child == text || !gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

/* Gives @child @width at @x from the start of a header @header_width wide,
 * and its natural height for that width, centred in @height. */
static void
place (GtkWidget *header,
       GtkWidget *child,
       int        x,
       int        width,
       int        header_width,
       int        height)
{
  GtkAllocation allocation;
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  allocation.width = width;
  allocation.height = MAX (MIN (nat, height), min);
  allocation.x = gtk_widget_get_direction (header) == GTK_TEXT_DIR_RTL ? header_width - x - width : x;
  allocation.y = (height - allocation.height) / 2;
  gtk_widget_size_allocate (child, &allocation, -1);
}

static int
child_width (GtkWidget *child,
             gboolean   natural)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return natural ? nat : min;
}

static void
header_allocate (GtkWidget *header,
                 int        width,
                 int        height,
                 int        baseline)
{
  GtkWidget *text = header_text (header);
  gboolean natural = others_natural (text, width);
  int start = 0;
  int end = width;

  for (GtkWidget *child = gtk_widget_get_first_child (header); child != text; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      {
        int w = child_width (child, natural);

        place (header, child, start, w, width, height);
        start += w + SPACING;
      }

  for (GtkWidget *child = gtk_widget_get_last_child (header); child != text; child = gtk_widget_get_prev_sibling (child))
    if (gtk_widget_should_layout (child))
      {
        int w = child_width (child, natural);

        end -= w;
        place (header, child, end, w, width, height);
        end -= SPACING;
      }

  place (header, text, start, MAX (end - start, 0), width, height);
}

static void
on_title_changed (BalTextRow *self)
{
  BalTextRowPrivate *priv = bal_text_row_get_instance_private (self);
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_label_set_text (priv->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (priv->title_label), title != NULL && *title != '\0');
}

/* A row that shows @title over @subtitle (either may be NULL). */
GtkWidget *
bal_text_row_new (const char *title,
                  const char *subtitle)
{
  return g_object_new (BAL_TYPE_TEXT_ROW, "title", title, "subtitle", subtitle, NULL);
}

const char *
bal_text_row_get_subtitle (BalTextRow *self)
{
  BalTextRowPrivate *priv = bal_text_row_get_instance_private (self);

  g_return_val_if_fail (BAL_IS_TEXT_ROW (self), NULL);

  return gtk_label_get_text (priv->subtitle_label);
}

void
bal_text_row_set_subtitle (BalTextRow *self,
                           const char *subtitle)
{
  BalTextRowPrivate *priv = bal_text_row_get_instance_private (self);

  g_return_if_fail (BAL_IS_TEXT_ROW (self));

  if (g_strcmp0 (gtk_label_get_text (priv->subtitle_label), subtitle != NULL ? subtitle : "") == 0)
    return;

  gtk_label_set_text (priv->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (priv->subtitle_label), subtitle != NULL && *subtitle != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/* Puts @widget before the text, at the start of the row. */
void
bal_text_row_add_prefix (BalTextRow *self,
                         GtkWidget  *widget)
{
  BalTextRowPrivate *priv = bal_text_row_get_instance_private (self);

  g_return_if_fail (BAL_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_insert_before (widget, priv->header, header_text (priv->header));
}

/* Puts @widget after the text, at the end of the row. */
void
bal_text_row_add_suffix (BalTextRow *self,
                         GtkWidget  *widget)
{
  BalTextRowPrivate *priv = bal_text_row_get_instance_private (self);

  g_return_if_fail (BAL_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (priv->header), widget);
}

static void
bal_text_row_add_child (GtkBuildable *buildable,
                        GtkBuilder   *builder,
                        GObject      *child,
                        const char   *type)
{
  if (g_strcmp0 (type, "prefix") == 0)
    bal_text_row_add_prefix (BAL_TEXT_ROW (buildable), GTK_WIDGET (child));
  else if (g_strcmp0 (type, "suffix") == 0)
    bal_text_row_add_suffix (BAL_TEXT_ROW (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
bal_text_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = bal_text_row_add_child;
}

static void
bal_text_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BalTextRow *self = BAL_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      g_value_set_string (value, bal_text_row_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_text_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BalTextRow *self = BAL_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      bal_text_row_set_subtitle (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_text_row_class_init (BalTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bal_text_row_get_property;
  object_class->set_property = bal_text_row_set_property;

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* No gtk_widget_dispose_template() in a dispose of ours: GTK 4.8 looks
   * the children up by the template of the instance's class, so in a
   * BalRemarkRow it asserts. The labels go with the header, which the row
   * unparents, and the template's references with the row. */
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-text-row.ui");
  gtk_widget_class_bind_template_child_private (widget_class, BalTextRow, title_label);
  gtk_widget_class_bind_template_child_private (widget_class, BalTextRow, subtitle_label);
}

static void
bal_text_row_init (BalTextRow *self)
{
  BalTextRowPrivate *priv = bal_text_row_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));
  gtk_widget_set_layout_manager (priv->header,
                                 gtk_custom_layout_new (header_request_mode, header_measure, header_allocate));
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed), NULL);
}
