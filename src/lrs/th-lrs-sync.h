/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-lrs-client.h"
#include "th-xapi-exchange.h"

G_BEGIN_DECLS

/* One round with the LRS: the outbox sent, then the organisation's
 * statements fetched and merged. Blocking: run it on the store's own
 * thread (the command line), or on a worker with a store of its own. */

char        *th_lrs_sync_dup_secret  (const char     *endpoint,
                                      const char     *key,
                                      GCancellable   *cancellable,
                                      GError        **error);
ThLrsClient *th_lrs_sync_open_client (ThStore        *store,
                                      GCancellable   *cancellable,
                                      GError        **error);
gboolean th_lrs_sync_send  (ThStore        *store,
                            ThXapiProfile  *profile,
                            ThLrsClient    *client,
                            ThSyncReport   *report,
                            GCancellable   *cancellable,
                            GError        **error);
gboolean th_lrs_sync_fetch (ThStore        *store,
                            ThXapiProfile  *profile,
                            ThLrsClient    *client,
                            ThSyncReport   *report,
                            GCancellable   *cancellable,
                            GError        **error);

G_END_DECLS
