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
 * This row's header is laid out height-for-width, its width shared as a
 * GtkBox shares it, and each label is laid out once for the width it gets.
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
 * "title"), then the suffixes. Each gets its minimum width and a share of
 * what is left, as a GtkBox shares it: a button whole before a long line
 * its natural width, a short title whole before a wide chooser. */

static GtkWidget *
header_text (GtkWidget *header)
{
  GtkWidget *child = gtk_widget_get_first_child (header);

  while (!gtk_widget_has_css_class (child, "title"))
    child = gtk_widget_get_next_sibling (child);

  return child;
}

static guint
n_children (GtkWidget *header)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (header); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* The widths of the header's children laid out in @width, in order, in
 * @sizes (as many as the header has children), with in @text_index the
 * text's; their number. */
static guint
share_width (GtkWidget        *header,
             int               width,
             GtkRequestedSize *sizes,
             guint            *text_index)
{
  GtkWidget *text = header_text (header);
  guint n = 0;
  int extra = width;

  for (GtkWidget *child = gtk_widget_get_first_child (header);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child != text && !gtk_widget_should_layout (child))
        continue;

      if (child == text)
        *text_index = n;
      sizes[n].data = child;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &sizes[n].minimum_size, &sizes[n].natural_size, NULL, NULL);
      extra -= sizes[n].minimum_size + (n > 0 ? SPACING : 0);
      n++;
    }
  extra = gtk_distribute_natural_allocation (MAX (extra, 0), n, sizes);
  /* What is left when all have their natural width goes to the text, so
   * that the suffixes end flush with the row. */
  sizes[*text_index].minimum_size += extra;

  return n;
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
  GtkRequestedSize *sizes = g_newa (GtkRequestedSize, n_children (header));
  guint text_index = 0;
  /* Across, the children's own sizes: shared out of no width, they stay. */
  guint n = share_width (header, orientation == GTK_ORIENTATION_VERTICAL ? MAX (for_size, 0) : 0,
                         sizes, &text_index);

  *minimum = *natural = 0;
  for (guint i = 0; i < n; i++)
    {
      int min, nat;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum += sizes[i].minimum_size + (i > 0 ? SPACING : 0);
          *natural += sizes[i].natural_size + (i > 0 ? SPACING : 0);
        }
      else
        {
          gtk_widget_measure (sizes[i].data, orientation,
                              i == text_index && for_size >= 0 ? sizes[i].minimum_size : -1,
                              &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
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

static void
header_allocate (GtkWidget *header,
                 int        width,
                 int        height,
                 int        baseline)
{
  GtkRequestedSize *sizes = g_newa (GtkRequestedSize, n_children (header));
  guint text_index = 0;
  guint n = share_width (header, width, sizes, &text_index);
  int x = 0;

  for (guint i = 0; i < n; i++)
    {
      place (header, sizes[i].data, x, sizes[i].minimum_size, width, height);
      x += sizes[i].minimum_size + SPACING;
    }
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
