/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "th-onboarding.h"
#include "th-refresher.h"

/* Onboarding is complete when every required module is passed and its
 * completion is still current; only then can a supervisor sign it off. */

static gboolean
is_current (ThStore        *store,
            ThModule       *module,
            ThModuleStatus *status,
            guint           default_months,
            GDateTime      *now)
{
  g_autoptr(GDateTime) completed = NULL;
  guint months;

  if (status == NULL || status->state != TH_MODULE_STATE_PASSED)
    return FALSE;
  completed = g_date_time_new_from_iso8601 (status->completed_at, NULL);
  months = th_store_get_refresher_months (store, th_module_get_id (module), default_months);
  return completed != NULL && th_refresher_get_due_state (completed, months, now, NULL) != TH_DUE_EXPIRED;
}

/**
 * th_onboarding_list_missing:
 *
 * Returns: (transfer full) (element-type utf8): the titles of the required
 *   modules @learner_id has not passed, or whose completion expired; empty
 *   when onboarding can be signed off. %NULL on @error.
 */
GPtrArray *
th_onboarding_list_missing (ThStore    *store,
                            ThCatalog  *catalog,
                            gint64      learner_id,
                            guint       default_months,
                            GError    **error)
{
  g_autoptr(GHashTable) statuses = th_store_get_module_statuses (store, learner_id, error);
  g_autoptr(GDateTime) now = th_store_dup_now (store);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  GListModel *modules = th_catalog_get_modules (catalog);

  if (statuses == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(ThModule) module = g_list_model_get_item (modules, i);

      if (th_module_get_required (module) &&
          !is_current (store, module, g_hash_table_lookup (statuses, th_module_get_id (module)),
                       default_months, now))
        g_ptr_array_add (missing, g_strdup (th_module_get_title (module)));
    }
  return g_steal_pointer (&missing);
}

/**
 * th_onboarding_sign_off:
 *
 * Signs off @learner_id's onboarding if every required module is passed
 * and current, and @supervisor_id is not signing off their own profile.
 *
 * Returns: the sign-off's id, or 0 with @error set
 */
gint64
th_onboarding_sign_off (ThStore    *store,
                        ThCatalog  *catalog,
                        gint64      learner_id,
                        gint64      supervisor_id,
                        const char *note,
                        guint       default_months,
                        GError    **error)
{
  g_autoptr(GPtrArray) missing = th_onboarding_list_missing (store, catalog, learner_id,
                                                             default_months, error);

  if (missing == NULL)
    return 0;
  if (missing->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv ("; ", (GStrv) missing->pdata);
      g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_INVALID,
                   _("Onboarding cannot be signed off yet: these required modules are not "
                     "passed and current: %s"), list);
      return 0;
    }
  return th_store_record_sign_off (store, learner_id, supervisor_id, note, error);
}
