/* bal-audit.h: the audit log: who changed what, when, chained by hashes
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bal-project.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *at;
  char   *actor;
  char   *table_name;
  char   *row_key;
  gint64  job_id;
  char   *action;
  char   *old_value;
  char   *new_value;
} BalAuditEntry;

typedef struct
{
  char *name;
  char *fingerprint;
} BalSigner;

/* An audit entry said as a sentence. */
typedef struct
{
  gint64  id;
  gint64  job_id;
  char   *at;
  char   *text;
} BalAuditSentence;

GPtrArray *bal_audit_sentences     (BalProject  *project,
                                    gint64       job_id,
                                    GError     **error);
void       bal_audit_sentence_free (BalAuditSentence *sentence);

void       bal_signer_free         (BalSigner   *signer);
GPtrArray *bal_audit_signers       (BalProject  *project,
                                    GError     **error);
char      *bal_audit_hash          (const char  *prev,
                                    const char  *at,
                                    const char  *actor,
                                    const char  *table_name,
                                    const char  *row_key,
                                    const char  *action,
                                    const char  *old_value,
                                    const char  *new_value);
GPtrArray *bal_audit_entries       (BalProject  *project,
                                    gint64       job_id,
                                    GError     **error);
void       bal_audit_entry_free    (BalAuditEntry *entry);
gboolean   bal_audit_seal          (BalProject  *project,
                                    const char  *kind,
                                    gint64      *sealed_id,
                                    char       **sealed_hash,
                                    GError     **error);
gboolean   bal_audit_baseline      (BalProject  *project,
                                    GError     **error);
gboolean   bal_audit_verify_integrity (BalProject *project,
                                    GPtrArray   *findings,
                                    GError     **error);
char      *bal_audit_head_fingerprint (BalProject *project);
void       bal_audit_append_json_string (GString    *out,
                                         const char *text);

G_END_DECLS
