/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-lrs"

#include "config.h"

#include <gmodule.h>

#include "th-lrs-secret.h"
#include "th-lrs-sync.h"

/* The module's one entry point: what the core asks of it (th-lrs-module.h). */

static gboolean
run_round (ThStore        *store,
           ThXapiProfile  *profile,
           gboolean        fetch,
           ThSyncReport   *report,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ThLrsClient) client = th_lrs_sync_open_client (store, cancellable, &local_error);

  report->set_up = client != NULL;
  if (client == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return th_lrs_sync_send (store, profile, client, report, cancellable, error) &&
         (!fetch || th_lrs_sync_fetch (store, profile, client, report, cancellable, error));
}

static gboolean
run_check (const char    *endpoint,
           const char    *key,
           const char    *secret,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *kept = NULL;
  g_autoptr(ThLrsClient) client = NULL;
  gboolean given = secret != NULL && *secret != '\0';

  if (!given && (secret = kept = th_lrs_sync_dup_secret (endpoint, key, cancellable, error)) == NULL)
    return FALSE;
  if ((client = th_lrs_client_new (endpoint, key, secret, error)) == NULL ||
      !th_lrs_client_check (client, cancellable, error))
    return FALSE;
  return !given || th_lrs_secret_store (endpoint, key, secret, cancellable, error);
}

G_MODULE_EXPORT const ThLrsFuncs *th_lrs_module_query (void);

const ThLrsFuncs *
th_lrs_module_query (void)
{
  static const ThLrsFuncs funcs = { run_round, run_check };

  return &funcs;
}
