/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The LRS's secret lives in the desktop keyring (the Secret Service),
 * never in the database, a log or a message. Blocking: call from a
 * worker thread. */

char     *th_lrs_secret_lookup (const char    *endpoint,
                                const char    *key,
                                GCancellable  *cancellable,
                                GError       **error);
gboolean  th_lrs_secret_store  (const char    *endpoint,
                                const char    *key,
                                const char    *secret,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
