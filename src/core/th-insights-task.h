/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "th-insights.h"

G_BEGIN_DECLS

void        th_insights_task_load_async  (ThStore             *store,
                                          ThCatalog           *catalog,
                                          const ThRecordScope *scope,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
ThInsights *th_insights_task_load_finish (GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
