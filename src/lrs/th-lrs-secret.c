/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-lrs"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "th-lrs-secret.h"

/* One secret per LRS address and key, so that changing either never
 * sends an old secret to a new place. */
static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".LearningRecordStore", SECRET_SCHEMA_NONE,
    {
      { "endpoint", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "key", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/**
 * th_lrs_secret_lookup:
 *
 * Returns: (transfer full) (nullable): the secret kept for @endpoint and
 *   @key, or %NULL (with @error set when the keyring cannot be read)
 */
char *
th_lrs_secret_lookup (const char    *endpoint,
                      const char    *key,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *secret = secret_password_lookup_sync (get_schema (), cancellable, &local_error,
                                              "endpoint", endpoint, "key", key ? key : "", NULL);

  if (local_error != NULL)
    g_set_error (error, local_error->domain, local_error->code,
                 _("The keyring cannot be read, so the Learning Record Store’s secret is not at hand: %s"),
                 local_error->message);
  return secret;
}

gboolean
th_lrs_secret_store (const char    *endpoint,
                     const char    *key,
                     const char    *secret,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *label = g_strdup_printf (_("Threshold: Learning Record Store %s"), endpoint);
  g_autoptr(GError) local_error = NULL;

  if (secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, label, secret, cancellable,
                                  &local_error, "endpoint", endpoint, "key", key ? key : "", NULL))
    return TRUE;
  g_set_error (error, local_error->domain, local_error->code,
               _("The secret cannot be kept in the keyring: %s"), local_error->message);
  return FALSE;
}
