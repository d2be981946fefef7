/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <glib/gi18n.h>

#include "th-audit-trail.h"
#include "th-store-private.h"
#include "th-store-statements.h"

/* Settings: audited key and value pairs, among them the refresher periods
 * a supervisor sets. */

gboolean
th_store_set_setting (ThStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 row_id;

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  stmt = th_store_prepare (self, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value "
                        "RETURNING rowid", error);
  if (stmt == NULL || !th_store_begin (self, error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  row_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (row_id == 0 ||
      th_store_run_audited (self, stmt, "settings", row_id, TH_AUDIT_UPDATE, error) == 0 ||
      !th_store_commit (self, error))
    {
      if (row_id == 0)
        {
          sqlite3_finalize (stmt);
          th_store_set_error_from_db (self, sqlite3_errcode (self->db), error);
        }
      th_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

static char *
refresher_key (const char *module_id)
{
  return module_id ? g_strconcat ("refresher-months/", module_id, NULL)
                   : g_strdup ("refresher-months");
}

/* The period set for @module_id (%NULL: the organisation's), or 0 where
 * none is (or on @error). */
static guint
read_months (ThStore     *self,
             const char  *module_id,
             GError     **error)
{
  g_autofree char *key = refresher_key (module_id);
  g_autofree char *value = th_store_dup_setting (self, key, error);

  return value ? (guint) g_ascii_strtoull (value, NULL, 10) : 0;
}

/**
 * th_store_get_refresher_months:
 * @module_id: (nullable): the module, or %NULL for the organisation's default
 * @default_months: the period when the records set none (the installation's
 *   default, from GSettings)
 *
 * Returns: the months after which a completion of @module_id expires: the
 *   module's own period if a supervisor set one, else the organisation's,
 *   else @default_months; 0 with @error set when the settings cannot be
 *   read, never a period that was not chosen
 */
guint
th_store_get_refresher_months (ThStore     *self,
                               const char  *module_id,
                               guint        default_months,
                               GError     **error)
{
  GError *local_error = NULL;
  guint months;

  g_return_val_if_fail (TH_IS_STORE (self), 0);

  months = module_id ? read_months (self, module_id, &local_error) : 0;
  if (months == 0 && local_error == NULL)
    months = read_months (self, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }
  return months > 0 ? months : default_months;
}

gboolean
th_store_set_refresher_months (ThStore     *self,
                               const char  *module_id,
                               guint        months,
                               GError     **error)
{
  g_autofree char *key = refresher_key (module_id);
  g_autofree char *value = g_strdup_printf ("%u", months);

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);

  if (months < 1 || months > 120)
    return th_store_invalid (error, _("A refresher period is from 1 to 120 months"));
  return th_store_set_setting (self, key, value, error);
}

/* A module's own period, or 0 when it follows the organisation's (or on
 * @error). */
guint
th_store_get_own_refresher_months (ThStore     *self,
                                   const char  *module_id,
                                   GError     **error)
{
  g_return_val_if_fail (TH_IS_STORE (self), 0);
  g_return_val_if_fail (module_id != NULL, 0);

  return read_months (self, module_id, error);
}

/**
 * th_store_follow_refresher_months:
 *
 * @module_id goes back to the organisation's period. Recorded as a period
 * of 0, which th_store_get_refresher_months() passes over, so that the
 * audit trail keeps the change like any other.
 */
gboolean
th_store_follow_refresher_months (ThStore     *self,
                                  const char  *module_id,
                                  GError     **error)
{
  g_autofree char *key = refresher_key (module_id);

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  g_return_val_if_fail (module_id != NULL, FALSE);

  return th_store_set_setting (self, key, "0", error);
}
