/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-secret"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "th-secret.h"

#define MIN_PASSPHRASE 8
#define MAX_PASSPHRASE 1024
#define MIN_PIN 4
#define MAX_PIN 12

G_DEFINE_QUARK (th-secret-error-quark, th_secret_error)

static void
ensure_sodium (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialized");
      g_once_init_leave (&initialized, 1);
    }
}

static char *
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, TH_SECRET_ERROR, TH_SECRET_ERROR_INVALID, message);
  return NULL;
}

static char *
hash (const char    *secret,
      unsigned long  opslimit,
      gsize          memlimit,
      GError       **error)
{
  char hashed[crypto_pwhash_STRBYTES];

  ensure_sodium ();
  if (crypto_pwhash_str (hashed, secret, strlen (secret), opslimit, memlimit) != 0)
    return invalid (error, _("There is not enough memory to protect it"));
  return g_strdup (hashed);
}

/**
 * th_secret_hash_pin:
 *
 * A PIN keeps colleagues on a shared workstation out of each other's
 * profiles; with at most a few million values it is no vault, so it gets
 * a quick hash.
 *
 * Returns: (transfer full): the hash to keep, or %NULL with @error set
 */
char *
th_secret_hash_pin (const char  *pin,
                    GError     **error)
{
  gsize length = strlen (pin);

  if (length < MIN_PIN || length > MAX_PIN)
    return invalid (error, _("A PIN has 4 to 12 characters"));
  return hash (pin, crypto_pwhash_OPSLIMIT_MIN, 8 * 1024 * 1024, error);
}

/**
 * th_secret_hash_passphrase:
 *
 * Passphrases guard every learner's records, so they get libsodium's
 * interactive cost (about a tenth of a second and 64 MiB): an interface
 * calls this from a worker thread.
 *
 * Returns: (transfer full): the hash to keep, or %NULL with @error set
 */
char *
th_secret_hash_passphrase (const char  *passphrase,
                           GError     **error)
{
  if (g_utf8_strlen (passphrase, -1) < MIN_PASSPHRASE)
    return invalid (error, _("A passphrase needs at least 8 characters"));
  if (strlen (passphrase) > MAX_PASSPHRASE)
    return invalid (error, _("A passphrase can have at most 1024 characters"));
  return hash (passphrase, crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE, error);
}

/**
 * th_secret_verify:
 * @hash: from th_secret_hash_pin() or th_secret_hash_passphrase()
 *
 * Returns: whether @secret is the one @hash was made from. As slow as the
 *   hashing: a passphrase is checked on a worker thread.
 */
gboolean
th_secret_verify (const char *hash,
                  const char *secret)
{
  g_return_val_if_fail (hash != NULL, FALSE);

  if (secret == NULL || strlen (secret) > MAX_PASSPHRASE)
    return FALSE;
  ensure_sodium ();
  return crypto_pwhash_str_verify (hash, secret, strlen (secret)) == 0;
}
