/* bal-cli-handbook.c: balans-cli import and references
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-cli-handbook"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-cli.h"
#include "bal-handbook.h"

static const char * const rule_names[] = { "lighter", "equal", "heavier" };

static char *
span_text (BalReferenceDoc *doc)
{
  if (doc->span_max <= 0 && doc->span_min <= 0)
    return NULL;
  if (doc->span_max <= doc->span_min)
    return g_strdup_printf ("%d", doc->span_min);
  return g_strdup_printf ("%d-%d", doc->span_min, doc->span_max);
}

static void
add_messages (JsonBuilder *builder,
              GPtrArray   *messages,
              gboolean     with_file)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < messages->len; i++)
    {
      BalImportMessage *message = g_ptr_array_index (messages, i);

      json_builder_begin_object (builder);
      if (with_file)
        {
          bal_cli_json_string (builder, "file", message->file);
        }
      bal_cli_json_int (builder, "line", message->line);
      bal_cli_json_string (builder, "message", message->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_imported (JsonBuilder     *builder,
              BalProject      *project,
              BalReferenceDoc *doc)
{
  g_autoptr(BalReference) stored = bal_handbook_get_reference (project, doc->code, NULL);
  g_autofree char *span = span_text (doc);

  json_builder_begin_object (builder);
  bal_cli_json_nullable_string (builder, "code", doc->code);
  bal_cli_json_nullable_string (builder, "title", doc->title);
  bal_cli_json_nullable_string (builder, "family", doc->family);
  bal_cli_json_nullable_string (builder, "grade", doc->grade);
  bal_cli_json_nullable_string (builder, "grade_range", doc->grade_range);
  bal_cli_json_nullable_string (builder, "knowledge_level", doc->knowledge_level);
  bal_cli_json_nullable_string (builder, "span_of_control", span);

  json_builder_set_member_name (builder, "alternative_titles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < doc->alternative_titles->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (doc->alternative_titles, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rules");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (rule_names); i++)
    {
      json_builder_set_member_name (builder, rule_names[i]);
      json_builder_begin_object (builder);
      bal_cli_json_nullable_string (builder, "grade", doc->rules[i].grade);
      bal_cli_json_nullable_string (builder, "condition", doc->rules[i].condition);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "profile");
  json_builder_begin_object (builder);
  for (guint i = 0; stored != NULL && i < stored->profile->len; i++)
    {
      BalProfileEntry *entry = g_ptr_array_index (stored->profile, i);

      bal_cli_json_level (builder, entry->characteristic_id, entry->level);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "warnings");
  add_messages (builder, doc->warnings, FALSE);
  json_builder_end_object (builder);
}

static void
print_message (const char       *kind,
               BalImportMessage *message)
{
  g_autofree char *file = bal_cli_escape (message->file);
  g_autofree char *text = bal_cli_escape (message->message);

  if (message->line > 0)
    g_print ("  %s: %s:%u: %s\n", kind, file, message->line, text);
  else
    g_print ("  %s: %s: %s\n", kind, file, text);
}

int
bal_cli_import (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the import report as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(BalMethod) method = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_import_result_free);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify)bal_import_report_free);
  g_autoptr(GPtrArray) all_errors = g_ptr_array_new ();
  const char * const *grades = NULL;
  gboolean failed = FALSE;
  int rc;

  context = bal_cli_context (_("FILE.balans DOCUMENT…"),
                             _("Import reference functions from handbook documents (text or Markdown). "
                               "Each document is imported whole or not at all."),
                             entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 2, -1)) != BAL_CLI_OK)
    return rc;

  project = bal_cli_open_project (argv[1]);
  if (project == NULL)
    return BAL_CLI_FAILED;

  method = bal_handbook_load_method (project, NULL);
  if (method != NULL)
    grades = (const char * const *)method->grades;

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      BalImportResult *parsed = bal_handbook_parse_file (file, grades, NULL);
      BalImportReport *report;

      g_ptr_array_add (results, parsed);
      report = bal_handbook_import (project, file, parsed, &error);
      if (report == NULL)
        return bal_cli_fail (error);
      g_ptr_array_add (reports, report);

      if (report->imported->len == 0)
        failed = TRUE;
      for (guint j = 0; j < report->errors->len; j++)
        g_ptr_array_add (all_errors, g_ptr_array_index (report->errors, j));
    }

  if (json)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "imported");
      json_builder_begin_array (builder);
      for (guint i = 0; i < reports->len; i++)
        {
          BalImportReport *report = g_ptr_array_index (reports, i);

          for (guint j = 0; j < report->imported->len; j++)
            add_imported (builder, project, g_ptr_array_index (report->imported, j));
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "errors");
      add_messages (builder, all_errors, TRUE);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      bal_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; i < reports->len; i++)
        {
          BalImportReport *report = g_ptr_array_index (reports, i);
          g_autofree char *file = bal_cli_escape (report->file);

          g_print ("%s\n", file);
          for (guint j = 0; j < report->imported->len; j++)
            {
              BalReferenceDoc *doc = g_ptr_array_index (report->imported, j);
              g_autofree char *code = bal_cli_escape (doc->code);
              g_autofree char *title = bal_cli_escape (doc->title);
              g_autofree char *family = bal_cli_escape (doc->family);
              g_autofree char *grade = bal_cli_escape (doc->grade);

              g_print (_("  imported %s %s (%s, grade %s)\n"), code, title, family, grade);
              for (guint k = 0; k < doc->warnings->len; k++)
                print_message (_("warning"), g_ptr_array_index (doc->warnings, k));
            }
          for (guint j = 0; j < report->errors->len; j++)
            print_message (_("error"), g_ptr_array_index (report->errors, j));
          if (report->imported->len == 0)
            g_printerr (_("balans-cli: nothing was imported from %s\n"), file);
        }
    }

  return failed ? BAL_CLI_FAILED : BAL_CLI_OK;
}

int
bal_cli_references (int    argc,
                    char **argv)
{
  gboolean json = FALSE;
  g_autofree char *search = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only the reference functions that match these words, best first"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  context = bal_cli_context (_("FILE.balans"), _("List the reference functions of the project’s handbook."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 1, 1)) != BAL_CLI_OK)
    return rc;

  project = bal_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return BAL_CLI_FAILED;

  found = bal_handbook_search (project, search, NULL, &error);
  if (found == NULL)
    return bal_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      bal_cli_json_begin_list (builder, "references");
      for (guint i = 0; i < found->len; i++)
        {
          BalReferenceSummary *summary = g_ptr_array_index (found, i);

          json_builder_begin_object (builder);
          bal_cli_json_nullable_string (builder, "code", summary->code);
          bal_cli_json_nullable_string (builder, "title", summary->title);
          bal_cli_json_nullable_string (builder, "family", summary->family);
          bal_cli_json_nullable_string (builder, "grade", summary->grade);
          bal_cli_json_titles (builder, "alternative_titles", summary->alternative_titles);
          json_builder_end_object (builder);
        }

      return bal_cli_print_list (builder);
    }

  for (guint i = 0; i < found->len; i++)
    {
      BalReferenceSummary *summary = g_ptr_array_index (found, i);
      g_autofree char *code = bal_cli_escape (summary->code);
      g_autofree char *grade = bal_cli_escape (summary->grade);
      g_autofree char *title = bal_cli_escape (summary->title);
      g_autofree char *family = bal_cli_escape (summary->family);

      g_print ("%-7s %-2s %-45s %s\n", code, grade, title, family);
    }

  return BAL_CLI_OK;
}
