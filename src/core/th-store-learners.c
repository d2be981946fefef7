/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <glib/gi18n.h>

#include "th-audit-trail.h"
#include "th-learner.h"
#include "th-secret.h"
#include "th-store-private.h"

/* Learners: adding, finding and listing profiles, and their PINs. Every
 * change is audited. */

/**
 * th_store_add_learner:
 * @pin: (nullable): a PIN the learner chose, stored only as a hash
 *
 * Returns: the new learner's id, or 0 with @error set
 */
gint64
th_store_add_learner (ThStore     *self,
                      const char  *display_name,
                      const char  *pin,
                      GError     **error)
{
  g_autofree char *name = NULL, *pin_hash = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TH_IS_STORE (self), 0);
  g_return_val_if_fail (display_name != NULL, 0);

  if ((name = th_store_clean_name (display_name, error)) == NULL)
    return 0;
  if (pin != NULL && *pin != '\0' && (pin_hash = th_secret_hash_pin (pin, error)) == NULL)
    return 0;

  stmt = th_store_prepare (self, "INSERT INTO learners (display_name, pin_hash) VALUES (?1, ?2)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, pin_hash, -1, SQLITE_TRANSIENT);
    }
  return th_store_commit_audited (self, stmt, "learners", 0, TH_AUDIT_INSERT, error);
}

static void
add_learner_row (sqlite3_stmt *row,
                 gpointer      learners)
{
  g_autoptr(ThLearner) learner = th_learner_new (sqlite3_column_int64 (row, 0),
                                                 (const char *) sqlite3_column_text (row, 1),
                                                 sqlite3_column_int (row, 2));

  g_list_store_append (learners, learner);
}

/**
 * th_store_list_learners:
 * @limit: how many at most, or 0 for all
 *
 * Returns: (transfer full): the learners who are not archived, by name, as
 *   a list of #ThLearner; %NULL on @error
 */
GListModel *
th_store_list_learners (ThStore  *self,
                        guint     limit,
                        GError  **error)
{
  g_autoptr(GListStore) learners = g_list_store_new (TH_TYPE_LEARNER);

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  if (!th_store_read_rows (self, "SELECT id, display_name, pin_hash IS NOT NULL FROM learners "
                                 "WHERE archived = 0 ORDER BY display_name COLLATE NOCASE, id LIMIT ?1",
                           limit > 0 ? (gint64) limit : -1, add_learner_row, learners, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&learners));
}

/**
 * th_store_find_learner:
 * @id_or_name: a learner's id, or their exact name
 *
 * Finds one learner, archived or not. A name two learners share is
 * refused rather than guessed.
 *
 * Returns: the learner's id, or 0 with @error set
 */
gint64
th_store_find_learner (ThStore     *self,
                       const char  *id_or_name,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;
  guint n = 0;
  guint64 id;
  int rc;

  g_return_val_if_fail (TH_IS_STORE (self), 0);
  g_return_val_if_fail (id_or_name != NULL, 0);

  stmt = th_store_prepare (self, "SELECT id FROM learners WHERE id = ?1 OR "
                                 "(?1 IS NULL AND display_name = ?2) LIMIT 2", error);
  if (stmt == NULL)
    return 0;
  if (g_ascii_string_to_unsigned (id_or_name, 10, 1, G_MAXINT64, &id, NULL))
    sqlite3_bind_int64 (stmt, 1, (gint64) id);
  sqlite3_bind_text (stmt, 2, id_or_name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      found = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  if (!th_store_finish_read (self, stmt, rc, error))
    return 0;
  if (n == 1)
    return found;
  if (n == 0)
    g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_NOT_FOUND,
                 _("There is no learner “%s”"), id_or_name);
  else
    g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_INVALID,
                 _("More than one learner is called “%s”; give their id instead"), id_or_name);
  return 0;
}

typedef struct
{
  gboolean  found;
  char     *hash;
} PinHash;

static void
read_pin_hash (sqlite3_stmt *row,
               gpointer      user_data)
{
  PinHash *pin = user_data;

  pin->found = TRUE;
  pin->hash = g_strdup ((const char *) sqlite3_column_text (row, 0));
}

/**
 * th_store_check_pin:
 *
 * Whether @pin opens @learner_id's profile (a profile without a PIN opens
 * with none). A failure to read is an error, never taken for a wrong PIN
 * or for no PIN at all.
 *
 * Returns: %TRUE if it opens; %FALSE if not, or with @error set
 */
gboolean
th_store_check_pin (ThStore     *self,
                    gint64       learner_id,
                    const char  *pin,
                    GError     **error)
{
  PinHash found = { FALSE, NULL };
  gboolean opens;

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);

  if (!th_store_read_rows (self, "SELECT pin_hash FROM learners WHERE id = ?1", learner_id,
                           read_pin_hash, &found, error))
    return FALSE;
  opens = found.found && (found.hash == NULL || th_secret_verify (found.hash, pin));
  g_free (found.hash);
  return opens;
}
