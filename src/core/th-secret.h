/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The one home of PINs and passphrases: what they may be, how they are
 * hashed (argon2id, libsodium) and checked. Nothing here touches the
 * database, so the costly hashing can run on any thread. */

#define TH_SECRET_ERROR (th_secret_error_quark ())

typedef enum
{
  TH_SECRET_ERROR_INVALID,
} ThSecretError;

GQuark    th_secret_error_quark      (void);
char     *th_secret_hash_pin         (const char  *pin,
                                      GError     **error);
char     *th_secret_hash_passphrase  (const char  *passphrase,
                                      GError     **error);
gboolean  th_secret_verify           (const char  *hash,
                                      const char  *secret);

G_END_DECLS
