/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-lrs-module.h"

G_BEGIN_DECLS

/* Rounds with the organisation's LRS off the interface's thread: each on
 * a worker with a connection of its own to the database, started by hand
 * or every few minutes, and after a failure to reach the LRS again later
 * and later (back-off). */

#define TH_TYPE_LRS_SENDER (th_lrs_sender_get_type ())

G_DECLARE_FINAL_TYPE (ThLrsSender, th_lrs_sender, TH, LRS_SENDER, GObject)

ThLrsSender *th_lrs_sender_new            (const char          *database,
                                           ThCatalog           *catalog);
void         th_lrs_sender_sync_async     (ThLrsSender         *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     th_lrs_sender_sync_finish    (ThLrsSender         *self,
                                           GAsyncResult        *result,
                                           ThSyncReport        *report,
                                           GError             **error);
void         th_lrs_sender_check_async    (ThLrsSender         *self,
                                           const char          *endpoint,
                                           const char          *key,
                                           const char          *secret,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     th_lrs_sender_check_finish   (ThLrsSender         *self,
                                           GAsyncResult        *result,
                                           GError             **error);
void         th_lrs_sender_start          (ThLrsSender         *self);
void         th_lrs_sender_stop           (ThLrsSender         *self);
guint        th_lrs_sender_get_retry_seconds (ThLrsSender      *self);

G_END_DECLS
