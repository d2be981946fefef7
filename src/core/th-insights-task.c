/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-insights-task"

#include "config.h"

#include "th-insights-task.h"
#include "th-record-scope.h"

/* The insights, read on a worker thread as the completion matrix is: the
 * worker opens a reader of its own on the database's path, since the
 * store's connection belongs to the thread that opened it, and hands the
 * insights back. The catalog is only read. */

static GObject *
load_on_worker (ThStore   *reader,
                gpointer   catalog,
                gpointer   scope,
                GError   **error)
{
  return (GObject *) th_insights_load (reader, catalog, scope, error);
}

/**
 * th_insights_task_load_async:
 * @scope: the records to read; copied
 *
 * Reads the insights of @scope on a worker thread, with a read-only
 * connection of its own to @store's database.
 */
void
th_insights_task_load_async (ThStore             *store,
                             ThCatalog           *catalog,
                             const ThRecordScope *scope,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (TH_IS_STORE (store));
  g_return_if_fail (TH_IS_CATALOG (catalog));
  g_return_if_fail (scope != NULL);

  g_task_set_source_tag (task, th_insights_task_load_async);
  th_store_load_on_worker (store, task, G_OBJECT (catalog), load_on_worker, th_record_scope_dup (scope),
                           (GDestroyNotify) th_record_scope_free);
}

/**
 * th_insights_task_load_finish:
 *
 * Returns: (transfer full): the insights, or %NULL with @error set (to
 *   %G_IO_ERROR_CANCELLED if the load was cancelled)
 */
ThInsights *
th_insights_task_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  return th_store_load_finish (result, error);
}
