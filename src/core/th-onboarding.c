/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "th-onboarding.h"
#include "th-completion-matrix.h"

/* Onboarding is complete when every required module is passed and its
 * completion is still current (th_matrix_cell_is_current); only then can
 * a supervisor sign it off. */

/**
 * th_onboarding_list_missing:
 *
 * Returns: (transfer full) (element-type utf8): the titles of the required
 *   modules @learner_id has not passed, or whose completion expired; empty
 *   when onboarding can be signed off. %NULL on @error: a failure to read
 *   is never an empty list, which would say "ready".
 */
GPtrArray *
th_onboarding_list_missing (ThStore    *store,
                            ThCatalog  *catalog,
                            gint64      learner_id,
                            guint       default_months,
                            GError    **error)
{
  g_autoptr(ThCompletionMatrix) matrix = NULL;
  g_autoptr(GPtrArray) modules = NULL;
  GPtrArray *titles;
  ThMatrixRow *row;

  matrix = th_completion_matrix_load_learner (store, catalog, default_months, learner_id, error);
  if (matrix == NULL)
    return NULL;
  row = th_completion_matrix_find_row (matrix, learner_id);
  if (row == NULL)
    {
      g_set_error_literal (error, TH_STORE_ERROR, TH_STORE_ERROR_NOT_FOUND, _("There is no such learner"));
      return NULL;
    }
  modules = th_completion_matrix_dup_missing (matrix, row);
  titles = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < modules->len; i++)
    g_ptr_array_add (titles, g_strdup (th_module_get_title (modules->pdata[i])));
  return titles;
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
  g_autoptr(GPtrArray) missing = NULL;
  gint64 id = 0;

  /* The check and the sign-off in one transaction: no completion can
   * change between them. */
  if (!th_store_begin_batch (store, error))
    return 0;
  missing = th_onboarding_list_missing (store, catalog, learner_id, default_months, error);
  if (missing != NULL && missing->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv ("; ", (GStrv) missing->pdata);
      g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_INVALID,
                   _("Onboarding cannot be signed off yet: these required modules are not "
                     "passed and current: %s"), list);
    }
  else if (missing != NULL)
    id = th_store_record_sign_off (store, learner_id, supervisor_id, note, error);
  if (id == 0)
    {
      th_store_abandon_batch (store);
      return 0;
    }
  return th_store_commit_batch (store, error) ? id : 0;
}
