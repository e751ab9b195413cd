/* bal-reference-detail.c: one reference function of the handbook, to read and edit
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-reference-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-handbook.h"
#include "bal-reference-detail.h"
#include "bal-ui-util.h"

struct _BalReferenceDetail
{
  GtkWidget            parent_instance;

  /* Owned */
  BalProject          *project;
  char                *code;
  char                *alternative_titles;
  gboolean             editable;
  gboolean             saving;
  GPtrArray           *profile_rows;  /* AdwActionRow, borrowed: children of profile_group */

  /* Template widgets */
  GtkScrolledWindow   *scroller;
  GtkLabel            *title_label;
  GtkLabel            *meta_label;
  AdwActionRow        *knowledge_row;
  AdwActionRow        *span_row;
  AdwEntryRow         *alternatives_row;
  GtkLabel            *position_label;
  GtkLabel            *purpose_label;
  GtkBox              *activities_box;
  GtkLabel            *complexity_label;
  GtkLabel            *autonomy_label;
  GtkLabel            *risk_label;
  GtkLabel            *physical_label;
  GtkLabel            *context_label;
  AdwActionRow        *lighter_row;
  AdwActionRow        *equal_row;
  AdwActionRow        *heavier_row;
  AdwPreferencesGroup *profile_group;
};

G_DEFINE_FINAL_TYPE (BalReferenceDetail, bal_reference_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_CODE,
  PROP_EDITABLE,
  PROP_ALTERNATIVE_TITLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a profile level's spin button saves: the closure data of its
 * "value-changed" handler, freed with the handler. */
typedef struct
{
  BalReferenceDetail *self;            /* borrowed: the row is its child */
  AdwActionRow       *row;             /* borrowed: the spin button's parent */
  char               *characteristic_id;
} ProfileLevel;

static void
profile_level_free (gpointer  data,
                    GClosure *closure)
{
  ProfileLevel *level = data;

  g_free (level->characteristic_id);
  g_free (level);
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gboolean given = text != NULL && *text != '\0';

  gtk_label_set_text (label, given ? text : _("Not given in the handbook."));
  if (given)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

static GtkWidget *
activity_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
level_changed (GtkSpinButton *spin,
               ProfileLevel  *level)
{
  BalReferenceDetail *self = level->self;
  g_autoptr(GError) error = NULL;

  g_assert (BAL_IS_REFERENCE_DETAIL (self));

  self->saving = TRUE;
  if (!bal_handbook_set_profile_level (self->project, self->code, level->characteristic_id,
                                       gtk_spin_button_get_value_as_int (spin), &error))
    bal_ui_show_error (GTK_WIDGET (self), _("The level was not saved"), error);
  else
    adw_action_row_set_subtitle (level->row, _("Given"));
  self->saving = FALSE;
}

static void
alternatives_applied (BalReferenceDetail *self,
                      AdwEntryRow        *row)
{
  g_auto(GStrv) titles = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (row)), ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) saved = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done;

  g_assert (BAL_IS_REFERENCE_DETAIL (self));

  self->saving = TRUE;
  done = bal_handbook_set_alternative_titles (self->project, self->code,
                                              (const char * const *)titles, &error);
  self->saving = FALSE;

  if (!done)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      bal_ui_show_error (GTK_WIDGET (self), _("The alternative titles were not saved"), error);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  /* As the list shows them: stripped, the empty ones left out. */
  for (guint i = 0; titles[i] != NULL; i++)
    if (*g_strstrip (titles[i]) != '\0')
      g_strv_builder_add (builder, titles[i]);
  saved = g_strv_builder_end (builder);
  g_free (self->alternative_titles);
  self->alternative_titles = g_strjoinv (", ", saved);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALTERNATIVE_TITLES]);

  g_signal_emit (self, signals[SAVED], 0, _("Alternative titles saved"));
}

static void
clear_lists (BalReferenceDetail *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->activities_box))) != NULL)
    gtk_box_remove (self->activities_box, child);

  for (guint i = 0; i < self->profile_rows->len; i++)
    adw_preferences_group_remove (self->profile_group, g_ptr_array_index (self->profile_rows, i));
  g_ptr_array_set_size (self->profile_rows, 0);
}

static void
show_activities (BalReferenceDetail *self,
                 BalReferenceDoc    *doc)
{
  for (guint i = 0; i < doc->activities->len; i++)
    {
      BalActivityGroup *activities = g_ptr_array_index (doc->activities, i);
      g_autofree char *heading = *activities->label
        ? g_strdup_printf ("%s. %s", activities->label, activities->title)
        : g_strdup (activities->title);

      if (*heading != '\0')
        {
          GtkWidget *label = activity_label (heading, "caption-heading");

          gtk_widget_set_margin_top (label, 6);
          gtk_box_append (self->activities_box, label);
        }

      for (guint j = 0; j < activities->items->len; j++)
        {
          g_autofree char *item = g_strdup_printf ("%u. %s", j + 1,
                                                   (const char *)g_ptr_array_index (activities->items, j));
          GtkWidget *label = activity_label (item, NULL);

          gtk_widget_set_margin_start (label, 12);
          gtk_box_append (self->activities_box, label);
        }
    }

  if (doc->activities->len == 0)
    gtk_box_append (self->activities_box, activity_label (_("Not given in the handbook."), "dim-label"));
}

static void
show_rule (AdwActionRow  *row,
           const char    *kind,
           const BalRule *rule)
{
  g_autofree char *title = rule->grade_guessed
    ? g_strdup_printf (_("%s: grade %s (assumed: the handbook gives none)"), kind, rule->grade)
    : g_strdup_printf (_("%s: grade %s"), kind, rule->grade);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, rule->condition ? rule->condition : "");
}

static void
show_profile (BalReferenceDetail *self,
              GPtrArray          *profile)
{
  for (guint i = 0; i < profile->len; i++)
    {
      BalProfileEntry *entry = g_ptr_array_index (profile, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (1, MAX (entry->levels, 1), 1);
      g_autofree char *accessible = g_strdup_printf (_("Level of %s"), entry->characteristic_name);
      ProfileLevel *level = g_new0 (ProfileLevel, 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->characteristic_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   entry->derived ? _("Derived from the grade") : _("Given"));

      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), MAX (entry->level, 1));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_bind_property (self, "editable", spin, "sensitive", G_BINDING_SYNC_CREATE);

      level->self = self;
      level->row = ADW_ACTION_ROW (row);
      level->characteristic_id = g_strdup (entry->characteristic_id);
      g_signal_connect_data (spin, "value-changed", G_CALLBACK (level_changed),
                             level, profile_level_free, 0);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->profile_group, row);
      g_ptr_array_add (self->profile_rows, row);
    }
}

/* Shows the reference function @code of the project, read afresh; returns
 * FALSE, and shows nothing, when there is none by that code. */
gboolean
bal_reference_detail_set_code (BalReferenceDetail *self,
                               const char         *code)
{
  g_autoptr(BalReference) reference = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) titles = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *span = NULL;
  gboolean other = g_strcmp0 (code, self->code) != 0;
  BalReferenceDoc *doc;

  g_return_val_if_fail (BAL_IS_REFERENCE_DETAIL (self), FALSE);

  if (code != NULL && self->project != NULL)
    reference = bal_handbook_get_reference (self->project, code, &error);
  if (reference == NULL && error != NULL)
    g_debug ("No reference function %s: %s", code, error->message);

  clear_lists (self);
  if (other || reference == NULL)
    {
      g_free (self->code);
      self->code = reference != NULL ? g_strdup (code) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
    }
  if (reference == NULL)
    return FALSE;

  doc = reference->doc;

  gtk_label_set_text (self->title_label, doc->title);
  if (doc->grade_range != NULL && *doc->grade_range != '\0')
    meta = g_strdup_printf (_("%s · %s · grade %s (context %s)"), doc->code, doc->family, doc->grade, doc->grade_range);
  else
    meta = g_strdup_printf (_("%s · %s · grade %s"), doc->code, doc->family, doc->grade);
  gtk_label_set_text (self->meta_label, meta);

  adw_action_row_set_subtitle (self->knowledge_row,
                               doc->knowledge_level && *doc->knowledge_level ? doc->knowledge_level : _("Not given"));
  if (doc->span_max > 0)
    span = doc->span_max > doc->span_min
      ? g_strdup_printf (_("%d to %d people"), doc->span_min, doc->span_max)
      : g_strdup_printf (_("%d people"), doc->span_min);
  adw_action_row_set_subtitle (self->span_row, span ? span : _("No people managed"));

  for (guint i = 0; i < doc->alternative_titles->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (doc->alternative_titles, i));
  titles = g_strv_builder_end (builder);
  g_free (self->alternative_titles);
  self->alternative_titles = g_strjoinv (", ", titles);
  gtk_editable_set_text (GTK_EDITABLE (self->alternatives_row), self->alternative_titles);
  gtk_widget_remove_css_class (GTK_WIDGET (self->alternatives_row), "error");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALTERNATIVE_TITLES]);

  set_text (self->position_label, doc->position);
  set_text (self->purpose_label, doc->purpose);
  show_activities (self, doc);
  set_text (self->complexity_label, doc->complexity);
  set_text (self->autonomy_label, doc->autonomy);
  set_text (self->risk_label, doc->risk);
  set_text (self->physical_label, doc->physical);
  set_text (self->context_label, doc->context);

  show_rule (self->lighter_row, _("Lighter"), &doc->rules[BAL_RULE_LIGHTER]);
  show_rule (self->equal_row, _("Equal"), &doc->rules[BAL_RULE_EQUAL]);
  show_rule (self->heavier_row, _("Heavier"), &doc->rules[BAL_RULE_HEAVIER]);

  show_profile (self, reference->profile);

  /* Another function is read from its top. */
  if (other)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  return TRUE;
}

const char *
bal_reference_detail_get_code (BalReferenceDetail *self)
{
  g_return_val_if_fail (BAL_IS_REFERENCE_DETAIL (self), NULL);

  return self->code;
}

BalProject *
bal_reference_detail_get_project (BalReferenceDetail *self)
{
  g_return_val_if_fail (BAL_IS_REFERENCE_DETAIL (self), NULL);

  return self->project;
}

void
bal_reference_detail_set_project (BalReferenceDetail *self,
                                  BalProject         *project)
{
  g_return_if_fail (BAL_IS_REFERENCE_DETAIL (self));
  g_return_if_fail (project == NULL || BAL_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  bal_reference_detail_set_code (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
bal_reference_detail_get_editable (BalReferenceDetail *self)
{
  g_return_val_if_fail (BAL_IS_REFERENCE_DETAIL (self), FALSE);

  return self->editable;
}

void
bal_reference_detail_set_editable (BalReferenceDetail *self,
                                   gboolean            editable)
{
  g_return_if_fail (BAL_IS_REFERENCE_DETAIL (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/* TRUE while an edit of ours is being written: the "changed" signal it
 * causes is no news to whoever shows us. */
gboolean
bal_reference_detail_is_saving (BalReferenceDetail *self)
{
  g_return_val_if_fail (BAL_IS_REFERENCE_DETAIL (self), FALSE);

  return self->saving;
}

static void
bal_reference_detail_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BalReferenceDetail *self = BAL_REFERENCE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    case PROP_ALTERNATIVE_TITLES:
      g_value_set_string (value, self->alternative_titles);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_reference_detail_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BalReferenceDetail *self = BAL_REFERENCE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bal_reference_detail_set_project (self, g_value_get_object (value));
      break;

    case PROP_CODE:
      bal_reference_detail_set_code (self, g_value_get_string (value));
      break;

    case PROP_EDITABLE:
      bal_reference_detail_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bal_reference_detail_dispose (GObject *object)
{
  BalReferenceDetail *self = (BalReferenceDetail *)object;

  /* The profile rows go with the template; their list only borrows them. */
  if (self->profile_rows != NULL)
    g_ptr_array_set_size (self->profile_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAL_TYPE_REFERENCE_DETAIL);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bal_reference_detail_parent_class)->dispose (object);
}

static void
bal_reference_detail_finalize (GObject *object)
{
  BalReferenceDetail *self = (BalReferenceDetail *)object;

  g_clear_pointer (&self->profile_rows, g_ptr_array_unref);
  g_free (self->code);
  g_free (self->alternative_titles);

  G_OBJECT_CLASS (bal_reference_detail_parent_class)->finalize (object);
}

static void
bal_reference_detail_class_init (BalReferenceDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bal_reference_detail_dispose;
  object_class->finalize = bal_reference_detail_finalize;
  object_class->get_property = bal_reference_detail_get_property;
  object_class->set_property = bal_reference_detail_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, BAL_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The code of the reference function shown; NULL when none is. */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* FALSE for a project open for review: the handbook is read only. */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* As saved, separated by ", " as the handbook list has them. */
  properties[PROP_ALTERNATIVE_TITLES] =
    g_param_spec_string ("alternative-titles", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BalReferenceDetail::saved:
   * @message: a confirmation, for a toast
   *
   * Emitted after an edit of the alternative titles was written.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/balans/Balans/ui/bal-reference-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, meta_label);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, knowledge_row);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, span_row);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, alternatives_row);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, position_label);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, purpose_label);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, activities_box);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, complexity_label);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, autonomy_label);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, risk_label);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, physical_label);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, context_label);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, lighter_row);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, equal_row);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, heavier_row);
  gtk_widget_class_bind_template_child (widget_class, BalReferenceDetail, profile_group);
  gtk_widget_class_bind_template_callback (widget_class, alternatives_applied);
}

static void
bal_reference_detail_init (BalReferenceDetail *self)
{
  self->profile_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
