/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-catalog"

#include "config.h"

#include "th-catalog-model.h"
#include "th-catalog-private.h"

/* A catalog may be read from any thread once loaded: the model is made
 * under a lock, once. */
static GMutex making;

static GListStore *
make_model (ThCatalog *catalog)
{
  GListStore *store = g_list_store_new (TH_TYPE_MODULE);
  guint n = th_catalog_get_n_modules (catalog);

  for (guint i = 0; i < n; i++)
    g_list_store_append (store, th_catalog_get_module (catalog, i));
  return store;
}

/**
 * th_catalog_get_modules:
 *
 * The modules as a list model, for what binds to one or reads one (the
 * interface, the matrix, the reports). The catalog belongs to the command
 * line's core, which is built without GIO, so the model is made here, the
 * first time it is asked for, and kept with the catalog, which takes no
 * more modules after.
 *
 * Returns: (transfer none): the loaded modules, in learning-path order
 */
GListModel *
th_catalog_get_modules (ThCatalog *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GListStore *store;

  g_return_val_if_fail (TH_IS_CATALOG (self), NULL);

  locker = g_mutex_locker_new (&making);
  store = g_object_get_qdata (G_OBJECT (self), th_catalog_model_quark ());
  if (store == NULL)
    {
      store = make_model (self);
      g_object_set_qdata_full (G_OBJECT (self), th_catalog_model_quark (), store, g_object_unref);
    }
  return G_LIST_MODEL (store);
}
