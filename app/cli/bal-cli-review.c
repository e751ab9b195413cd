/* bal-cli-review.c: balans-cli status, remark and audit
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-cli-review"

#include "config.h"

#include <glib/gi18n.h>

#include "bal-audit.h"
#include "bal-cli.h"
#include "bal-jobs.h"
#include "bal-review.h"

int
bal_cli_status (int    argc,
                char **argv)
{
  g_autofree char *note = NULL;
  g_autofree char *actor = NULL;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why: required for an objection and for upholding a decision"), N_("TEXT") },
    { "actor", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &actor, N_("Who records it (as --author)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 job;
  int rc;

  context = bal_cli_context (_("FILE.balans JOB STATUS"),
                             _("Record a job’s status: draft, proposed, adopted, objected, upheld or revised."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 3, 3)) != BAL_CLI_OK)
    return rc;

  if (!bal_review_is_status (argv[3]))
    {
      g_printerr (_("balans-cli: “%s” is not a status: use draft, proposed, adopted, objected, upheld or revised\n"), argv[3]);
      return BAL_CLI_USAGE;
    }

  if ((job = bal_cli_open_job (argv[1], argv[2], &project)) == 0)
    return BAL_CLI_FAILED;
  /* --actor: the name this option had before --author. */
  if (actor != NULL)
    bal_project_set_author (project, actor, bal_cli_author_role () ? bal_cli_author_role () : "evaluator");

  if (!bal_review_set_status (project, job, argv[3], note, &error))
    return bal_cli_fail (error);

  return BAL_CLI_OK;
}

int
bal_cli_remark (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 job;
  gint64 id;
  int rc;

  context = bal_cli_context (_("FILE.balans JOB TEXT"), _("Record a review remark about a job."), NULL);
  if ((rc = bal_cli_parse (context, &argc, &argv, 3, 3)) != BAL_CLI_OK)
    return rc;

  if ((job = bal_cli_open_job (argv[1], argv[2], &project)) == 0)
    return BAL_CLI_FAILED;

  id = bal_review_add_remark (project, job, NULL, NULL, argv[3], &error);
  if (id == 0)
    return bal_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", id);

  return BAL_CLI_OK;
}

int
bal_cli_audit (int    argc,
               char **argv)
{
  gboolean json = FALSE;
  g_autofree char *job_name = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "job", 0, 0, G_OPTION_ARG_STRING, &job_name, N_("Only the entries about this job"), N_("JOB") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BalProject) project = NULL;
  g_autoptr(GPtrArray) entries_found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 job = 0;
  int rc;

  context = bal_cli_context (_("FILE.balans"), _("Print the audit log: who changed what, and when."), entries);
  if ((rc = bal_cli_parse (context, &argc, &argv, 1, 1)) != BAL_CLI_OK)
    return rc;

  project = bal_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return BAL_CLI_FAILED;
  if (job_name != NULL && (job = bal_jobs_find (project, job_name, &error)) == 0)
    return bal_cli_fail (error);

  entries_found = bal_audit_entries (project, job, &error);
  if (entries_found == NULL)
    return bal_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      bal_cli_json_begin_list (builder, "entries");
      for (guint i = 0; i < entries_found->len; i++)
        {
          BalAuditEntry *e = g_ptr_array_index (entries_found, i);

          json_builder_begin_object (builder);
          bal_cli_json_int (builder, "id", e->id);
          bal_cli_json_string (builder, "at", e->at);
          bal_cli_json_string (builder, "actor", e->actor);
          bal_cli_json_string (builder, "table", e->table_name);
          bal_cli_json_string (builder, "key", e->row_key);
          bal_cli_json_id (builder, "job", e->job_id);
          bal_cli_json_string (builder, "action", e->action);
          bal_cli_json_optional_string (builder, "old", e->old_value);
          bal_cli_json_optional_string (builder, "new", e->new_value);
          json_builder_end_object (builder);
        }

      return bal_cli_print_list (builder);
    }

  for (guint i = 0; i < entries_found->len; i++)
    {
      BalAuditEntry *e = g_ptr_array_index (entries_found, i);
      g_autofree char *at = bal_cli_escape (e->at);
      g_autofree char *actor = bal_cli_escape (e->actor);
      g_autofree char *action = bal_cli_escape (e->action);
      g_autofree char *table = bal_cli_escape (e->table_name);
      g_autofree char *key = bal_cli_escape (e->row_key);
      g_autofree char *old_value = bal_cli_escape (e->old_value ? e->old_value : "-");
      g_autofree char *new_value = bal_cli_escape (e->new_value ? e->new_value : "-");

      g_print ("%lld  %s  %s  %s %s %s\n    %s → %s\n", (long long)e->id, at, actor, action, table,
               key, old_value, new_value);
    }

  return BAL_CLI_OK;
}
