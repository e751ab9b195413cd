/* bal-identity.h: this user's signing key, and what this user has seen
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAL_IDENTITY_PUBLIC_KEY_SIZE 32
#define BAL_IDENTITY_SIGNATURE_SIZE  64

typedef struct _BalIdentity BalIdentity;

BalIdentity *bal_identity_get_default     (GError       **error);
void         bal_identity_free            (BalIdentity   *identity);
const char  *bal_identity_get_fingerprint (BalIdentity   *identity);
const guint8 *bal_identity_get_public_key (BalIdentity   *identity);
void         bal_identity_sign            (BalIdentity   *identity,
                                           const char    *message,
                                           guint8         signature[BAL_IDENTITY_SIGNATURE_SIZE]);

char        *bal_identity_fingerprint_for (const guint8  *public_key);
gboolean     bal_identity_verify          (const guint8  *public_key,
                                           const char    *message,
                                           const guint8  *signature);

char        *bal_identity_known_name      (const char    *fingerprint);
char       **bal_identity_known_fingerprints (const char *name);
void         bal_identity_learn           (const char    *fingerprint,
                                           const char    *name);

gboolean     bal_identity_get_seen_head   (const char    *project_uuid,
                                           gint64        *audit_id,
                                           char         **hash);
void         bal_identity_set_seen_head   (const char    *project_uuid,
                                           gint64         audit_id,
                                           const char    *hash);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BalIdentity, bal_identity_free)

G_END_DECLS
