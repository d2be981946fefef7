/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "th-audit-trail.h"
#include "th-secret.h"
#include "th-store-private.h"

/* Supervisors, their passphrases, and the sign-offs they record. Every
 * change is audited, like the learners' records. */

void
th_supervisor_free (ThSupervisor *supervisor)
{
  if (supervisor == NULL)
    return;
  g_free (supervisor->display_name);
  g_free (supervisor);
}

void
th_sign_off_free (ThSignOff *sign_off)
{
  if (sign_off == NULL)
    return;
  g_free (sign_off->supervisor);
  g_free (sign_off->signed_at);
  g_free (sign_off->note);
  g_free (sign_off);
}

/**
 * th_store_add_supervisor_with_hash:
 * @hash: from th_secret_hash_passphrase(), made on a worker thread
 * @learner_id: the supervisor's own learner profile, or 0; they may not
 *   sign off that profile
 *
 * Returns: the new supervisor's id, or 0 with @error set
 */
gint64
th_store_add_supervisor_with_hash (ThStore     *self,
                                   const char  *display_name,
                                   const char  *hash,
                                   gint64       learner_id,
                                   GError     **error)
{
  g_autofree char *name = NULL, *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TH_IS_STORE (self), 0);
  g_return_val_if_fail (display_name != NULL && hash != NULL, 0);

  if ((name = th_store_clean_name (display_name, error)) == NULL)
    return 0;

  now = th_store_dup_now_text (self);
  stmt = th_store_prepare (self, "INSERT INTO supervisors (display_name, passphrase_hash, learner_id, "
                                 "created_at) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
      if (learner_id > 0)
        sqlite3_bind_int64 (stmt, 3, learner_id);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
    }
  return th_store_commit_audited (self, stmt, "supervisors", 0, TH_AUDIT_INSERT, error);
}

/**
 * th_store_add_supervisor:
 *
 * th_store_add_supervisor_with_hash(), hashing @passphrase on the calling
 * thread first: for the command line and tests, not for an interface.
 *
 * Returns: the new supervisor's id, or 0 with @error set
 */
gint64
th_store_add_supervisor (ThStore     *self,
                         const char  *display_name,
                         const char  *passphrase,
                         gint64       learner_id,
                         GError     **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (passphrase != NULL, 0);

  if ((hash = th_secret_hash_passphrase (passphrase, error)) == NULL)
    return 0;
  return th_store_add_supervisor_with_hash (self, display_name, hash, learner_id, error);
}

static const ThStoreColumn supervisor_columns[] = {
  { TH_STORE_COLUMN_INT64, G_STRUCT_OFFSET (ThSupervisor, id) },
  { TH_STORE_COLUMN_DUP_TEXT, G_STRUCT_OFFSET (ThSupervisor, display_name) },
  { TH_STORE_COLUMN_INT64, G_STRUCT_OFFSET (ThSupervisor, learner_id) },
};

static const ThStoreRowType supervisor_row = {
  supervisor_columns, G_N_ELEMENTS (supervisor_columns), sizeof (ThSupervisor),
  (GDestroyNotify) th_supervisor_free,
};

/**
 * th_store_list_supervisors:
 *
 * Returns: (transfer full) (element-type ThSupervisor): by name; %NULL on
 *   @error
 */
GPtrArray *
th_store_list_supervisors (ThStore  *self,
                           GError  **error)
{
  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  return th_store_dup_rows (self, "SELECT id, display_name, ifnull(learner_id, 0) FROM supervisors "
                                  "WHERE archived = 0 ORDER BY display_name COLLATE NOCASE, id",
                            0, &supervisor_row, error);
}

static void
dup_hash (sqlite3_stmt *row,
          gpointer      hash)
{
  *(char **) hash = g_strdup ((const char *) sqlite3_column_text (row, 0));
}

/**
 * th_store_dup_passphrase_hash:
 *
 * The hash to check @supervisor_id's passphrase against, read on the
 * store's thread; th_secret_verify() then runs on a worker.
 *
 * Returns: (transfer full) (nullable): the hash; %NULL for a supervisor
 *   who does not exist or is archived, or with @error set
 */
char *
th_store_dup_passphrase_hash (ThStore     *self,
                              gint64       supervisor_id,
                              GError     **error)
{
  char *hash = NULL;

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  th_store_read_rows (self, "SELECT passphrase_hash FROM supervisors WHERE id = ?1 AND archived = 0",
                      supervisor_id, dup_hash, &hash, error);
  return hash;
}

/**
 * th_store_check_passphrase:
 *
 * Whether @passphrase is @supervisor_id's own, checked on the calling
 * thread. Slowing down wrong attempts is the caller's part (ThUnlockGate).
 *
 * Returns: %TRUE if it is; %FALSE if not, or with @error set
 */
gboolean
th_store_check_passphrase (ThStore     *self,
                           gint64       supervisor_id,
                           const char  *passphrase,
                           GError     **error)
{
  g_autofree char *hash = th_store_dup_passphrase_hash (self, supervisor_id, error);

  return hash != NULL && th_secret_verify (hash, passphrase);
}

/* The first column of the first row @sql gives with ?1 bound to @bind, or
 * 0 where there is none: a failure to read is an error, never a 0. */
static gboolean
query_id (ThStore     *self,
          const char  *sql,
          gint64       bind,
          gint64      *id,
          GError     **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, sql, error);
  int rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bind);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  return th_store_finish_read (self, stmt, rc, error);
}

/* Refuses a supervisor's own profile and a second sign-off. */
static gboolean
check_sign_off (ThStore     *self,
                gint64       learner_id,
                gint64       supervisor_id,
                GError     **error)
{
  gint64 own, standing;

  if (!query_id (self, "SELECT learner_id FROM supervisors WHERE id = ?1", supervisor_id, &own, error) ||
      !query_id (self, "SELECT id FROM signoffs WHERE learner_id = ?1 AND revoked_at IS NULL",
                 learner_id, &standing, error))
    return FALSE;
  if (own == learner_id)
    return th_store_invalid (error, _("Supervisors cannot sign off their own onboarding"));
  if (standing != 0)
    return th_store_invalid (error, _("This onboarding is already signed off"));
  return TRUE;
}

/**
 * th_store_record_sign_off:
 *
 * Records that @supervisor_id signed off @learner_id's onboarding. The
 * caller has checked the modules (th_onboarding_sign_off() does both);
 * this refuses a supervisor's own profile and a second sign-off.
 *
 * Returns: the sign-off's id, or 0 with @error set
 */
gint64
th_store_record_sign_off (ThStore     *self,
                          gint64       learner_id,
                          gint64       supervisor_id,
                          const char  *note,
                          GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TH_IS_STORE (self), 0);

  if (!th_store_begin (self, error))
    return 0;
  if (!check_sign_off (self, learner_id, supervisor_id, error))
    {
      th_store_rollback (self);
      return 0;
    }
  now = th_store_dup_now_text (self);
  stmt = th_store_prepare (self, "INSERT INTO signoffs (learner_id, supervisor_id, supervisor, signed_at, note) "
                                 "SELECT ?1, id, display_name, ?2, ?3 FROM supervisors WHERE id = ?4", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, learner_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, note && *note ? note : NULL, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, supervisor_id);
    }
  /* The checks and the insert in one transaction: no second sign-off can
   * slip in between. */
  id = th_store_commit_audited (self, stmt, "signoffs", 0, TH_AUDIT_INSERT, error);
  if (id == 0 || !th_store_commit (self, error))
    {
      th_store_rollback (self);
      return 0;
    }
  return id;
}

/* A revoked sign-off stays in the records, with who revoked it and why. */
gboolean
th_store_revoke_sign_off (ThStore     *self,
                          gint64       sign_off_id,
                          gint64       supervisor_id,
                          const char  *reason,
                          GError     **error)
{
  g_autofree char *now = NULL, *why = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);

  why = g_strstrip (g_strdup (reason ? reason : ""));
  if (*why == '\0')
    return th_store_invalid (error, _("Say why the sign-off is revoked"));

  now = th_store_dup_now_text (self);
  stmt = th_store_prepare (self, "UPDATE signoffs SET revoked_at = ?2, revoke_reason = ?3, "
                                 "revoked_by = (SELECT display_name FROM supervisors WHERE id = ?4) "
                                 "WHERE id = ?1 AND revoked_at IS NULL", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, sign_off_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, why, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, supervisor_id);
    }
  return th_store_commit_audited (self, stmt, "signoffs", sign_off_id, TH_AUDIT_UPDATE, error) != 0;
}

static const ThStoreColumn sign_off_columns[] = {
  { TH_STORE_COLUMN_INT64, G_STRUCT_OFFSET (ThSignOff, id) },
  { TH_STORE_COLUMN_DUP_TEXT, G_STRUCT_OFFSET (ThSignOff, supervisor) },
  { TH_STORE_COLUMN_DUP_TEXT, G_STRUCT_OFFSET (ThSignOff, signed_at) },
  { TH_STORE_COLUMN_DUP_TEXT, G_STRUCT_OFFSET (ThSignOff, note) },
};

static const ThStoreRowType sign_off_row = {
  sign_off_columns, G_N_ELEMENTS (sign_off_columns), sizeof (ThSignOff), (GDestroyNotify) th_sign_off_free,
};

/**
 * th_store_dup_sign_off:
 *
 * Returns: (transfer full) (nullable): @learner_id's sign-off that stands;
 *   %NULL when none does, or with @error set
 */
ThSignOff *
th_store_dup_sign_off (ThStore     *self,
                       gint64       learner_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) sign_offs = NULL;

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  sign_offs = th_store_dup_rows (self, "SELECT id, supervisor, signed_at, note FROM signoffs "
                                       "WHERE learner_id = ?1 AND revoked_at IS NULL",
                                 learner_id, &sign_off_row, error);
  /* one stands at the most */
  if (sign_offs == NULL || sign_offs->len == 0)
    return NULL;
  return g_ptr_array_steal_index (sign_offs, sign_offs->len - 1);
}

/* Archiving hides a profile from the profile list; nothing is deleted. */
gboolean
th_store_set_learner_archived (ThStore   *self,
                               gint64     learner_id,
                               gboolean   archived,
                               GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);

  stmt = th_store_prepare (self, "UPDATE learners SET archived = ?2 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, learner_id);
      sqlite3_bind_int (stmt, 2, archived ? 1 : 0);
    }
  return th_store_commit_audited (self, stmt, "learners", learner_id, TH_AUDIT_UPDATE, error) != 0;
}

/* For the confirmation that names what deleting would remove. */
gboolean
th_store_count_learner_records (ThStore           *self,
                                gint64             learner_id,
                                ThLearnerRecords  *records,
                                GError           **error)
{
  gint64 found, attempts, answers, completions, sign_offs;

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);

  if (!query_id (self, "SELECT id FROM learners WHERE id = ?1", learner_id, &found, error))
    return FALSE;
  if (found == 0)
    {
      g_set_error_literal (error, TH_STORE_ERROR, TH_STORE_ERROR_NOT_FOUND, _("There is no such learner"));
      return FALSE;
    }
  if (!query_id (self, "SELECT count(*) FROM attempts WHERE learner_id = ?1", learner_id, &attempts, error) ||
      !query_id (self, "SELECT count(*) FROM answers WHERE attempt_id IN "
                       "(SELECT id FROM attempts WHERE learner_id = ?1)", learner_id, &answers, error) ||
      !query_id (self, "SELECT count(*) FROM completions WHERE learner_id = ?1", learner_id,
                 &completions, error) ||
      !query_id (self, "SELECT count(*) FROM signoffs WHERE learner_id = ?1", learner_id, &sign_offs, error))
    return FALSE;
  records->attempts = (guint) attempts;
  records->answers = (guint) answers;
  records->completions = (guint) completions;
  records->sign_offs = (guint) sign_offs;
  return TRUE;
}

static void
append_id (sqlite3_stmt *row,
           gpointer      ids)
{
  gint64 id = sqlite3_column_int64 (row, 0);

  g_array_append_val (ids, id);
}

/* Deletes the rows @select_ids names from @table, each with its audit
 * record, inside the caller's transaction. */
static gboolean
delete_rows (ThStore     *self,
             const char  *table,
             const char  *select_ids,
             gint64       learner_id,
             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt;

  if (!th_store_read_rows (self, select_ids, learner_id, append_id, ids, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      stmt = th_store_prepare (self, delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (th_store_run_audited (self, stmt, table, id, TH_AUDIT_DELETE, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* The imports of every statement about @learner_id's records (?1): deleted
 * with the records, so that the same statements can be merged again. */
#define LEARNER_IMPORTS_SQL \
  "SELECT i.id FROM imports AS i JOIN statements AS s ON s.id = i.statement_id WHERE" \
  " (s.kind = 'registered' AND s.row_id = ?1)" \
  " OR (s.kind IN ('attempted', 'finished') AND s.row_id IN (SELECT id FROM attempts WHERE learner_id = ?1))" \
  " OR (s.kind = 'answered' AND s.row_id IN (SELECT n.id FROM answers AS n JOIN attempts AS t" \
  "     ON t.id = n.attempt_id WHERE t.learner_id = ?1))" \
  " OR (s.kind = 'completed' AND s.row_id IN (SELECT id FROM completions WHERE learner_id = ?1))" \
  " OR (s.kind IN ('signed-off', 'revoked') AND s.row_id IN (SELECT id FROM signoffs WHERE learner_id = ?1))"

/**
 * th_store_delete_learner:
 *
 * Removes a learner and every record of theirs, in one transaction; the
 * audit trail keeps that each row was deleted, through Threshold. Show
 * th_store_count_learner_records() to a supervisor first.
 */
gboolean
th_store_delete_learner (ThStore     *self,
                         gint64       learner_id,
                         GError     **error)
{
  gint64 supervisor;

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);

  if (!th_store_begin (self, error))
    return FALSE;
  if (!query_id (self, "SELECT id FROM supervisors WHERE learner_id = ?1", learner_id, &supervisor, error) ||
      (supervisor != 0 &&
       !th_store_invalid (error, _("This profile is a supervisor’s own; it cannot be deleted"))) ||
      !delete_rows (self, "imports", LEARNER_IMPORTS_SQL, learner_id, error) ||
      !delete_rows (self, "learner_accounts", "SELECT id FROM learner_accounts WHERE id = ?1", learner_id, error) ||
      !delete_rows (self, "answers", "SELECT id FROM answers WHERE attempt_id IN "
                                     "(SELECT id FROM attempts WHERE learner_id = ?1)", learner_id, error) ||
      !delete_rows (self, "completions", "SELECT id FROM completions WHERE learner_id = ?1", learner_id, error) ||
      !delete_rows (self, "signoffs", "SELECT id FROM signoffs WHERE learner_id = ?1", learner_id, error) ||
      !delete_rows (self, "attempt_seeds", "SELECT id FROM attempt_seeds WHERE id IN "
                                           "(SELECT id FROM attempts WHERE learner_id = ?1)", learner_id, error) ||
      /* newest first: each attempt's tally is taken away as it was counted */
      !delete_rows (self, "attempts", "SELECT id FROM attempts WHERE learner_id = ?1 ORDER BY id DESC", learner_id,
                    error) ||
      !delete_rows (self, "learner_name_keys", "SELECT id FROM learner_name_keys WHERE id = ?1",
                    learner_id, error) ||
      !delete_rows (self, "learners", "SELECT id FROM learners WHERE id = ?1", learner_id, error) ||
      !th_store_commit (self, error))
    {
      th_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
