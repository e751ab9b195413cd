/* bal-cli.c: what the commands of balans-cli share
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bal-cli.h"
#include "bal-jobs.h"
#include "bal-review.h"

/* Who records what a command writes: --author and --role, or else the
 * name and role the app keeps in GSettings (when its schema is installed). */
static char *author_name;
static char *author_role;

GOptionContext *
bal_cli_context (const char         *parameters,
                 const char         *summary,
                 const GOptionEntry *entries)
{
  static const GOptionEntry author_entries[] = {
    { "author", 0, 0, G_OPTION_ARG_STRING, &author_name, N_("Who records it (default: the name set in Balans)"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &author_role,
      N_("The author’s role: works-council, manager, employee or evaluator"), N_("ROLE") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (parameters);
  GOptionGroup *group = g_option_group_new ("author", _("Who records it:"), _("Show the author options"), NULL, NULL);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, author_entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_context_add_group (context, group);

  return context;
}

/* The author from the options, or from the app's settings. */
static void
apply_author (BalProject *project)
{
  g_autofree char *name = g_strdup (author_name);
  g_autofree char *role = g_strdup (author_role);

  if (name == NULL)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

      if (schema != NULL && g_settings_schema_has_key (schema, "author-name"))
        {
          g_autoptr(GSettings) settings = g_settings_new (APP_ID);

          name = g_settings_get_string (settings, "author-name");
          if (role == NULL)
            role = g_settings_get_string (settings, "author-role");
        }
    }

  if (name != NULL && *name != '\0')
    bal_project_set_author (project, name, role && *role ? role : "evaluator");
}

const char *
bal_cli_author (void)
{
  return author_name;
}

const char *
bal_cli_author_role (void)
{
  return author_role;
}

/* Parses the options and checks the number of positional arguments (the
 * command name included). Returns BAL_CLI_OK or BAL_CLI_USAGE. */
int
bal_cli_parse (GOptionContext   *context,
               int              *argc,
               char           ***argv,
               int               min_args,
               int               max_args)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      g_printerr (_("Run “%s --help” for the options.\n"), (*argv)[0]);
      return BAL_CLI_USAGE;
    }

  if (author_role != NULL && !bal_review_is_role (author_role))
    {
      g_printerr (_("balans-cli: “%s” is not a role: use works-council, manager, employee or evaluator\n"), author_role);
      return BAL_CLI_USAGE;
    }

  if (*argc - 1 < min_args || (max_args >= 0 && *argc - 1 > max_args))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return BAL_CLI_USAGE;
    }

  return BAL_CLI_OK;
}

/* The commands whose one option is --json: their context, parsed. */
int
bal_cli_parse_json (int          *argc,
                    char       ***argv,
                    const char   *parameters,
                    const char   *summary,
                    int           min_args,
                    int           max_args,
                    gboolean     *json)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = bal_cli_context (parameters, summary, entries);

  return bal_cli_parse (context, argc, argv, min_args, max_args);
}

int
bal_cli_fail (const GError *error)
{
  g_autofree char *message = bal_cli_escape (error->message);

  g_printerr ("balans-cli: %s\n", message);

  return BAL_CLI_FAILED;
}

/* @text for a terminal: its control characters (C0, newline and tab
 * included, DEL and C1) and any byte that is not UTF-8 written as visible
 * escapes such as \x1b, so that a title in a project or a line in a
 * document cannot recolour the terminal, move its cursor or add lines to
 * the output. A field keeps to its line; JSON output needs none of this,
 * json-glib escapes there. NULL gives "". */
char *
bal_cli_escape (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar)*p);
          p++;
          continue;
        }

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if (c >= 0x80 && c <= 0x9f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

static BalProject *
open_project (const char *path,
              gboolean    for_reading)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  BalProject *project;
  GPtrArray *findings;

  project = for_reading ? bal_project_open_for_reading (file, &error) : bal_project_open (file, &error);
  if (project == NULL)
    {
      bal_cli_fail (error);
      return NULL;
    }

  apply_author (project);

  findings = bal_project_get_findings (project);
  if (findings->len > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "balans-cli: warning: %s was changed outside Balans (%u finding); “balans-cli check” lists it\n",
                             "balans-cli: warning: %s was changed outside Balans (%u findings); “balans-cli check” lists them\n",
                             findings->len),
                bal_project_get_path (project), findings->len);

  return project;
}

BalProject *
bal_cli_open_project (const char *path)
{
  return open_project (path, FALSE);
}

/* For the commands that only read: a read-only file opens too, and nothing
 * is written. */
BalProject *
bal_cli_open_project_for_reading (const char *path)
{
  return open_project (path, TRUE);
}

void
bal_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  GString *out;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  /* json-glib escapes C0 controls and DEL, but writes C1 controls and
   * bytes that are not UTF-8 as they are. Both can only stand inside a
   * string, where a \u escape takes their place. */
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append (out, "\\ufffd");
          p++;
          continue;
        }

      if (c >= 0x80 && c <= 0x9f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  g_print ("%s\n", out->str);
  g_string_free (out, TRUE);
}

int
bal_cli_print_builder (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  bal_cli_print_json (root);

  return BAL_CLI_OK;
}

/* A list as the commands print it: { "@name": [ … ] }. The items go
 * between this and bal_cli_print_list(). */
void
bal_cli_json_begin_list (JsonBuilder *builder,
                         const char  *name)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
}

/* Closes the list bal_cli_json_begin_list() opened and prints it. */
int
bal_cli_print_list (JsonBuilder *builder)
{
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return bal_cli_print_builder (builder);
}

/* Opens the project at @path and finds @job, by id or title; 0 after a
 * message on standard error when either fails. */
static gint64
open_job (const char  *path,
          const char  *job,
          gboolean     for_reading,
          BalProject **project)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  *project = for_reading ? bal_cli_open_project_for_reading (path) : bal_cli_open_project (path);
  if (*project == NULL)
    return 0;

  id = bal_jobs_find (*project, job, &error);
  if (id == 0)
    bal_cli_fail (error);

  return id;
}

gint64
bal_cli_open_job (const char  *path,
                  const char  *job,
                  BalProject **project)
{
  return open_job (path, job, FALSE, project);
}

gint64
bal_cli_open_job_for_reading (const char  *path,
                              const char  *job,
                              BalProject **project)
{
  return open_job (path, job, TRUE, project);
}

/* The JSON members every command writes: a name and its value. */
void
bal_cli_json_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* A text that is empty, not null, when there is none. */
void
bal_cli_json_text (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  bal_cli_json_string (builder, name, value ? value : "");
}

/* A text that is null when there is none or it is empty. */
void
bal_cli_json_nullable_string (JsonBuilder *builder,
                              const char  *name,
                              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
bal_cli_json_int (JsonBuilder *builder,
                  const char  *name,
                  gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
bal_cli_json_double (JsonBuilder *builder,
                     const char  *name,
                     double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

void
bal_cli_json_boolean (JsonBuilder *builder,
                      const char  *name,
                      gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* A row's id that may be absent: null when 0. */
void
bal_cli_json_id (JsonBuilder *builder,
                 const char  *name,
                 gint64       id)
{
  json_builder_set_member_name (builder, name);
  if (id != 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

/* A string that may be absent: null when NULL (an empty string stays ""). */
void
bal_cli_json_optional_string (JsonBuilder *builder,
                              const char  *name,
                              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Titles stored joined by ", " (alternative titles): an array of them,
 * empty ones left out; NULL is an empty array. */
void
bal_cli_json_titles (JsonBuilder *builder,
                     const char  *name,
                     const char  *joined)
{
  g_auto(GStrv) titles = g_strsplit (joined != NULL ? joined : "", ", ", -1);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; titles[i] != NULL; i++)
    if (*titles[i] != '\0')
      json_builder_add_string_value (builder, titles[i]);
  json_builder_end_array (builder);
}

/* A level of a characteristic: null when unknown (0). */
void
bal_cli_json_level (JsonBuilder *builder,
                    const char  *name,
                    int          level)
{
  json_builder_set_member_name (builder, name);
  if (level > 0)
    json_builder_add_int_value (builder, level);
  else
    json_builder_add_null_value (builder);
}
