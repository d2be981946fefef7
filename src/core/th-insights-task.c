/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-insights-task"

#include "config.h"

#include "th-insights-task.h"
#include "th-task.h"

/* The insights, read on a worker thread as the completion matrix is: the
 * worker opens a reader of its own on the database's path, since the
 * store's connection belongs to the thread that opened it, and hands the
 * insights back. The catalog is only read. */

typedef struct
{
  ThCatalog *catalog;
  char      *since;
  char      *until;
  gboolean   archived;
  gint64     learner_id;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->catalog);
  g_free (data->since);
  g_free (data->until);
  g_free (data);
}

static GObject *
load_on_worker (ThStore   *reader,
                gpointer   user_data,
                GError   **error)
{
  LoadData *data = user_data;
  ThRecordScope scope = { data->since, data->until, data->archived, data->learner_id };

  return (GObject *) th_insights_load (reader, data->catalog, &scope, error);
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
  LoadData *data = g_new0 (LoadData, 1);

  g_return_if_fail (TH_IS_STORE (store));
  g_return_if_fail (TH_IS_CATALOG (catalog));
  g_return_if_fail (scope != NULL);

  data->catalog = g_object_ref (catalog);
  data->since = g_strdup (scope->since);
  data->until = g_strdup (scope->until);
  data->archived = scope->archived;
  data->learner_id = scope->learner_id;
  g_task_set_source_tag (task, th_insights_task_load_async);
  th_store_load_on_worker (store, task, load_on_worker, data, (GDestroyNotify) load_data_free);
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
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return th_task_propagate_pointer (G_TASK (result), error);
}
