/* bal-identity.c: this user's signing key, and what this user has seen
 *
 * Each user of Balans has an Ed25519 key pair, made on first use and kept
 * in the user's data folder (the private key readable by the user alone).
 * Beside it Balans keeps what cannot be trusted to the project file: the
 * keys this user has seen, by the name they were seen with, and the newest
 * audit entry this user has seen of each project. A project file from
 * someone else can hold any key it likes; only these tell whether a key is
 * the one its owner had before and whether entries were taken away.
 *
 * The folder is $XDG_DATA_HOME/balans, or $BALANS_DATA_DIR when set (tests
 * use it to act as several users in one process).
 *
 * Copyright 2026 The Balans developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bal-identity"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "bal-identity.h"
#include "bal-project.h"

struct _BalIdentity
{
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
  char  *fingerprint;
};

G_STATIC_ASSERT (crypto_sign_PUBLICKEYBYTES == BAL_IDENTITY_PUBLIC_KEY_SIZE);
G_STATIC_ASSERT (crypto_sign_BYTES == BAL_IDENTITY_SIGNATURE_SIZE);

static G_LOCK_DEFINE (files);

static char *
data_dir (void)
{
  const char *dir = g_getenv ("BALANS_DATA_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);

  return g_build_filename (g_get_user_data_dir (), "balans", NULL);
}

static char *
data_file (const char *name)
{
  g_autofree char *dir = data_dir ();

  g_mkdir_with_parents (dir, 0700);

  return g_build_filename (dir, name, NULL);
}

static gboolean
ensure_sodium (void)
{
  static gsize once;
  static gboolean ok;

  if (g_once_init_enter (&once))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&once, 1);
    }

  return ok;
}

/* Sixteen bytes of BLAKE2b over the key, as eight groups of four hex digits. */
char *
bal_identity_fingerprint_for (const guint8 *public_key)
{
  guint8 digest[16];
  GString *out = g_string_new (NULL);

  ensure_sodium ();
  crypto_generichash (digest, sizeof digest, public_key, crypto_sign_PUBLICKEYBYTES, NULL, 0);
  for (guint i = 0; i < sizeof digest; i += 2)
    g_string_append_printf (out, "%s%02x%02x", i > 0 ? " " : "", digest[i], digest[i + 1]);

  return g_string_free (out, FALSE);
}

void
bal_identity_free (BalIdentity *identity)
{
  if (identity == NULL)
    return;

  sodium_memzero (identity->secret_key, sizeof identity->secret_key);
  g_free (identity->fingerprint);
  g_free (identity);
}

static gboolean
load_key (const char   *path,
          BalIdentity  *identity,
          GError      **error)
{
  g_autofree char *contents = NULL;
  g_autofree guchar *secret = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  g_strstrip (contents);
  secret = g_base64_decode (contents, &length);
  if (length != crypto_sign_SECRETKEYBYTES)
    {
      sodium_memzero (secret, length);
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_FAILED,
                   _("Your signing key “%s” is damaged. Move it away and Balans makes a new one; files you signed before then show your old key."),
                   path);
      return FALSE;
    }

  memcpy (identity->secret_key, secret, length);
  sodium_memzero (secret, length);
  crypto_sign_ed25519_sk_to_pk (identity->public_key, identity->secret_key);

  return TRUE;
}

static gboolean
make_key (const char   *path,
          BalIdentity  *identity,
          GError      **error)
{
  g_autofree char *encoded = NULL;
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  gsize length;
  int fd;

  crypto_sign_keypair (identity->public_key, identity->secret_key);
  encoded = g_base64_encode (identity->secret_key, sizeof identity->secret_key);
  length = strlen (encoded);

  /* Written with mode 0600 from the start, then linked into place, so that
   * another program making one at the same time does not get half a key. */
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0 ||
      write (fd, encoded, length) != (gssize)length ||
      write (fd, "\n", 1) != 1 ||
      fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_unlink (temp);
      sodium_memzero (encoded, length);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not save your signing key in “%s”: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  sodium_memzero (encoded, length);

  if (link (temp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      if (saved_errno == EEXIST)
        return load_key (path, identity, error);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not save your signing key in “%s”: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }
  g_unlink (temp);

  return TRUE;
}

/* This user's key pair, made on first use. */
BalIdentity *
bal_identity_get_default (GError **error)
{
  g_autoptr(BalIdentity) identity = g_new0 (BalIdentity, 1);
  g_autofree char *path = NULL;
  gboolean ok;

  if (!ensure_sodium ())
    {
      g_set_error (error, BAL_PROJECT_ERROR, BAL_PROJECT_ERROR_FAILED,
                   _("The signing library could not be started."));
      return NULL;
    }

  path = data_file ("signing-key");
  G_LOCK (files);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    ok = load_key (path, identity, error);
  else
    ok = make_key (path, identity, error);
  G_UNLOCK (files);

  if (!ok)
    return NULL;

  identity->fingerprint = bal_identity_fingerprint_for (identity->public_key);

  return g_steal_pointer (&identity);
}

const char *
bal_identity_get_fingerprint (BalIdentity *identity)
{
  return identity->fingerprint;
}

const guint8 *
bal_identity_get_public_key (BalIdentity *identity)
{
  return identity->public_key;
}

void
bal_identity_sign (BalIdentity *identity,
                   const char  *message,
                   guint8       signature[BAL_IDENTITY_SIGNATURE_SIZE])
{
  crypto_sign_detached (signature, NULL, (const guchar *)message, strlen (message), identity->secret_key);
}

gboolean
bal_identity_verify (const guint8 *public_key,
                     const char   *message,
                     const guint8 *signature)
{
  ensure_sodium ();

  return crypto_sign_verify_detached (signature, (const guchar *)message, strlen (message), public_key) == 0;
}

static GKeyFile *
load_keyfile (const char *name)
{
  g_autofree char *path = data_file (name);
  GKeyFile *keyfile = g_key_file_new ();

  g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL);

  return keyfile;
}

static void
save_keyfile (const char *name,
              GKeyFile   *keyfile)
{
  g_autofree char *path = data_file (name);
  g_autoptr(GError) error = NULL;

  if (!g_key_file_save_to_file (keyfile, path, &error))
    g_warning ("Could not save %s: %s", path, error->message);
}

/* The name this user has seen with @fingerprint, or NULL. */
char *
bal_identity_known_name (const char *fingerprint)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  char *name;

  G_LOCK (files);
  keyfile = load_keyfile ("known-keys");
  name = g_key_file_get_string (keyfile, "keys", fingerprint, NULL);
  G_UNLOCK (files);

  return name;
}

/* The fingerprints this user has seen with @name (none: an empty list). */
char **
bal_identity_known_fingerprints (const char *name)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  G_LOCK (files);
  keyfile = load_keyfile ("known-keys");
  keys = g_key_file_get_keys (keyfile, "keys", NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *seen = g_key_file_get_string (keyfile, "keys", keys[i], NULL);

      if (g_strcmp0 (seen, name) == 0)
        g_strv_builder_add (builder, keys[i]);
    }
  G_UNLOCK (files);

  return g_strv_builder_end (builder);
}

void
bal_identity_learn (const char *fingerprint,
                    const char *name)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *seen = NULL;

  G_LOCK (files);
  keyfile = load_keyfile ("known-keys");
  seen = g_key_file_get_string (keyfile, "keys", fingerprint, NULL);
  if (g_strcmp0 (seen, name) != 0)
    {
      g_key_file_set_string (keyfile, "keys", fingerprint, name);
      save_keyfile ("known-keys", keyfile);
    }
  G_UNLOCK (files);
}

/* The newest audit entry this user has seen of the project @project_uuid. */
gboolean
bal_identity_get_seen_head (const char  *project_uuid,
                            gint64      *audit_id,
                            char       **hash)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GError) error = NULL;

  G_LOCK (files);
  keyfile = load_keyfile ("seen-heads");
  G_UNLOCK (files);

  *audit_id = g_key_file_get_int64 (keyfile, project_uuid, "entry", &error);
  if (error != NULL)
    return FALSE;
  *hash = g_key_file_get_string (keyfile, project_uuid, "hash", NULL);

  return *hash != NULL;
}

void
bal_identity_set_seen_head (const char *project_uuid,
                            gint64      audit_id,
                            const char *hash)
{
  g_autoptr(GKeyFile) keyfile = NULL;

  G_LOCK (files);
  keyfile = load_keyfile ("seen-heads");
  if (g_key_file_get_int64 (keyfile, project_uuid, "entry", NULL) != audit_id)
    {
      g_key_file_set_int64 (keyfile, project_uuid, "entry", audit_id);
      g_key_file_set_string (keyfile, project_uuid, "hash", hash);
      save_keyfile ("seen-heads", keyfile);
    }
  G_UNLOCK (files);
}
