/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <glib/gi18n.h>

#include "th-audit-trail.h"
#include "th-learner.h"
#include "th-secret.h"
#include "th-store-private.h"

/* Learners: adding, renaming, finding and listing profiles, and their
 * PINs. No two profiles' names read the same (th_learner_dup_name_key):
 * each name's key is kept in learner_name_keys, changed with the name in
 * one transaction. Every change is audited. */

typedef struct
{
  ThLearner *learner;
  gboolean   archived;
} KeyHolder;

static void
read_key_holder (sqlite3_stmt *row,
                 KeyHolder    *holder)
{
  g_clear_object (&holder->learner);
  holder->learner = th_learner_new (sqlite3_column_int64 (row, 0),
                                    (const char *) sqlite3_column_text (row, 1),
                                    sqlite3_column_int (row, 3));
  holder->archived = sqlite3_column_int (row, 2);
}

/* Whose name has @key, archived or not: holder->learner stays %NULL when
 * no one's does. One look-up in the keys' unique index. */
static gboolean
find_key_holder (ThStore     *self,
                 const char  *key,
                 KeyHolder   *holder,
                 GError     **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, "SELECT l.id, l.display_name, l.archived, l.pin_hash IS NOT NULL "
                                               "FROM learner_name_keys AS k JOIN learners AS l ON l.id = k.id "
                                               "WHERE k.key = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    read_key_holder (stmt, holder);
  if (th_store_finish_read (self, stmt, rc, error))
    return TRUE;
  g_clear_object (&holder->learner);
  return FALSE;
}

/* Says that @name reads as @taken, another profile's name. */
static void
set_name_taken (GError     **error,
                const char  *taken,
                gboolean     archived,
                const char  *name)
{
  if (archived)
    g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_NAME_TAKEN,
                 _("There is already an archived profile called “%s”; a supervisor can bring it back. "
                   "Two people who share a name need something to tell them apart: add a middle "
                   "initial or a team, as in “%s (front desk)”."), taken, name);
  else
    g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_NAME_TAKEN,
                 _("There is already a profile called “%s”. Two people who share a name need "
                   "something to tell them apart: add a middle initial or a team, as in "
                   "“%s (front desk)”."), taken, name);
}

/* Whether @name may be @learner_id's (0: a new profile's): refused, with
 * the profile it reads as, when another profile's name has its @key.
 * *@held says whether @learner_id's name has that key already. */
static gboolean
check_name_free (ThStore     *self,
                 gint64       learner_id,
                 const char  *name,
                 const char  *key,
                 gboolean    *held,
                 GError     **error)
{
  KeyHolder holder = { NULL, FALSE };

  *held = FALSE;
  if (!find_key_holder (self, key, &holder, error))
    return FALSE;
  if (holder.learner == NULL)
    return TRUE;
  *held = th_learner_get_id (holder.learner) == learner_id;
  if (!*held)
    set_name_taken (error, th_learner_get_display_name (holder.learner), holder.archived, name);
  g_object_unref (holder.learner);
  return *held;
}

/* Gives @learner_id's name @key, with its audit record, inside the
 * caller's transaction. */
static gboolean
write_name_key (ThStore        *self,
                gint64          learner_id,
                const char     *key,
                ThAuditAction   action,
                GError        **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, action == TH_AUDIT_INSERT
                                               ? "INSERT INTO learner_name_keys (id, key) VALUES (?1, ?2)"
                                               : "UPDATE learner_name_keys SET key = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  return th_store_run_audited (self, stmt, "learner_name_keys", learner_id, action, error) != 0;
}

/**
 * th_store_add_learner:
 * @pin: (nullable): a PIN the learner chose, stored only as a hash
 *
 * Adds a profile. A name that reads as another profile's, archived or
 * not, is refused with %TH_STORE_ERROR_NAME_TAKEN: see
 * th_store_dup_learner_by_name_key() for whose it is.
 *
 * Returns: the new learner's id, or 0 with @error set
 */
gint64
th_store_add_learner (ThStore     *self,
                      const char  *display_name,
                      const char  *pin,
                      GError     **error)
{
  g_autofree char *name = NULL, *key = NULL, *pin_hash = NULL;
  sqlite3_stmt *stmt;
  gboolean held;
  gint64 id = 0;

  g_return_val_if_fail (TH_IS_STORE (self), 0);
  g_return_val_if_fail (display_name != NULL, 0);

  if ((name = th_store_clean_name (display_name, error)) == NULL)
    return 0;
  key = th_learner_dup_name_key (name);
  if (pin != NULL && *pin != '\0' && (pin_hash = th_secret_hash_pin (pin, error)) == NULL)
    return 0;

  if (!th_store_begin (self, error))
    return 0;
  if (check_name_free (self, 0, name, key, &held, error) &&
      (stmt = th_store_prepare (self, "INSERT INTO learners (display_name, pin_hash) VALUES (?1, ?2)",
                                error)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, pin_hash, -1, SQLITE_TRANSIENT);
      id = th_store_run_audited (self, stmt, "learners", 0, TH_AUDIT_INSERT, error);
    }
  if (id == 0 || !write_name_key (self, id, key, TH_AUDIT_INSERT, error) || !th_store_commit (self, error))
    {
      th_store_rollback (self);
      return 0;
    }
  return id;
}

/* Adds the profile of a learner whose records were made on another
 * workstation, inside the caller's transaction. Their name is theirs even
 * when it reads as a profile's here: it takes the key the names of
 * version 9 took in that case, their key, two spaces and their id. */
gint64
th_store_insert_learner_from (ThStore     *self,
                              const char  *display_name,
                              const char  *created_at,
                              GError     **error)
{
  g_autofree char *name = NULL, *key = NULL;
  KeyHolder holder = { NULL, FALSE };
  sqlite3_stmt *stmt;
  gint64 id;

  if ((name = th_store_clean_name (display_name, error)) == NULL)
    return 0;
  key = th_learner_dup_name_key (name);
  if (!find_key_holder (self, key, &holder, error))
    return 0;
  stmt = th_store_prepare (self, "INSERT INTO learners (display_name, created_at) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    {
      g_clear_object (&holder.learner);
      return 0;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, created_at, -1, SQLITE_TRANSIENT);
  id = th_store_run_audited (self, stmt, "learners", 0, TH_AUDIT_INSERT, error);
  if (id != 0 && holder.learner != NULL)
    {
      g_autofree char *taken = key;
      key = g_strdup_printf ("%s  #%" G_GINT64_FORMAT, taken, id);
    }
  g_clear_object (&holder.learner);
  return id != 0 && write_name_key (self, id, key, TH_AUDIT_INSERT, error) ? id : 0;
}

/**
 * th_store_rename_learner:
 *
 * Renames a profile; refused, as th_store_add_learner() refuses, when
 * the new name reads as another profile's.
 */
gboolean
th_store_rename_learner (ThStore     *self,
                         gint64       learner_id,
                         const char  *display_name,
                         GError     **error)
{
  g_autofree char *name = NULL, *key = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean held;

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  if ((name = th_store_clean_name (display_name, error)) == NULL)
    return FALSE;
  key = th_learner_dup_name_key (name);
  if (!th_store_begin (self, error))
    return FALSE;
  if (check_name_free (self, learner_id, name, key, &held, error))
    stmt = th_store_prepare (self, "UPDATE learners SET display_name = ?2 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, learner_id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
    }
  /* The key changes only when the name reads differently: not for "ana"
   * to "Ana". */
  if (stmt == NULL ||
      th_store_run_audited (self, stmt, "learners", learner_id, TH_AUDIT_UPDATE, error) == 0 ||
      (!held && !write_name_key (self, learner_id, key, TH_AUDIT_UPDATE, error)) ||
      !th_store_commit (self, error))
    {
      th_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * th_store_dup_learner_by_name_key:
 * @archived: (out) (optional): whether that profile is archived
 *
 * Finds the profile whose name reads as @display_name does
 * (th_learner_dup_name_key()), archived or not: the one a name that is
 * refused as taken matches.
 *
 * Returns: (transfer full) (nullable): that profile, or %NULL if there is
 *   none or on @error
 */
ThLearner *
th_store_dup_learner_by_name_key (ThStore     *self,
                                  const char  *display_name,
                                  gboolean    *archived,
                                  GError     **error)
{
  KeyHolder holder = { NULL, FALSE };
  g_autofree char *name = NULL, *key = NULL;

  g_return_val_if_fail (TH_IS_STORE (self), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if ((name = th_store_clean_name (display_name, error)) == NULL)
    return NULL;
  key = th_learner_dup_name_key (name);
  if (!find_key_holder (self, key, &holder, error))
    return NULL;
  if (archived != NULL)
    *archived = holder.archived;
  return holder.learner;
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
