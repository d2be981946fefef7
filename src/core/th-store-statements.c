/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <glib/gi18n.h>

#include "th-store-private.h"
#include "th-store-statements.h"

/* Each record as the statement it becomes, and the outbox: the ids the
 * triggers of schema version 10 keep, read back with what the statement
 * tells. */

static const char * const kind_ids[] = {
  "registered", "attempted", "answered", "finished", "completed", "signed-off", "revoked",
};

const char *
th_statement_kind_to_id (ThStatementKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_ids), NULL);
  return kind_ids[kind];
}

gboolean
th_statement_kind_from_id (const char      *id,
                           ThStatementKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_ids); i++)
    if (g_strcmp0 (id, kind_ids[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

void
th_statement_counts_clear (ThStatementCounts *counts)
{
  g_clear_pointer (&counts->last_sent_at, g_free);
}

void
th_refused_statement_free (ThRefusedStatement *refused)
{
  g_free (refused->id);
  g_free (refused->reason);
  g_free (refused);
}

/* One row per statement, with the record it tells of: the attempt of an
 * answer or completion, the sign-off of a revocation, and the learner of
 * each. Columns in ThStatementRecord's order. */
#define STATEMENT_ROWS_SQL \
  "SELECT s.id, s.kind," \
  "  CASE s.kind WHEN 'registered' THEN l.created_at WHEN 'attempted' THEN t.started_at" \
  "    WHEN 'answered' THEN n.answered_at WHEN 'finished' THEN t.finished_at" \
  "    WHEN 'completed' THEN c.completed_at WHEN 'signed-off' THEN o.signed_at ELSE o.revoked_at END," \
  "  l.display_name, a.account, l.id, r.id, t.module_id, t.kind = 'refresher', t.scenario_set," \
  "  n.scenario_id, n.seq, n.choice_ids," \
  "  CASE s.kind WHEN 'answered' THEN n.score ELSE t.score END," \
  "  CASE s.kind WHEN 'answered' THEN n.max_score ELSE t.max_score END," \
  "  t.passed, c.score_percent," \
  "  CASE s.kind WHEN 'revoked' THEN o.revoked_by ELSE o.supervisor END," \
  "  CASE s.kind WHEN 'revoked' THEN o.revoke_reason ELSE o.note END," \
  "  so.id " \
  "FROM statements AS s" \
  "  LEFT JOIN answers AS n ON s.kind = 'answered' AND n.id = s.row_id" \
  "  LEFT JOIN completions AS c ON s.kind = 'completed' AND c.id = s.row_id" \
  "  LEFT JOIN attempts AS t ON t.id = CASE s.kind WHEN 'answered' THEN n.attempt_id" \
  "    WHEN 'completed' THEN c.attempt_id WHEN 'attempted' THEN s.row_id WHEN 'finished' THEN s.row_id END" \
  "  LEFT JOIN signoffs AS o ON s.kind IN ('signed-off', 'revoked') AND o.id = s.row_id" \
  "  LEFT JOIN statements AS so ON s.kind = 'revoked' AND so.kind = 'signed-off' AND so.row_id = o.id" \
  "  LEFT JOIN statements AS r ON t.id IS NOT NULL AND r.kind = 'attempted' AND r.row_id = t.id" \
  "  JOIN learners AS l ON l.id = CASE WHEN s.kind = 'registered' THEN s.row_id" \
  "    WHEN o.id IS NOT NULL THEN o.learner_id ELSE t.learner_id END" \
  "  LEFT JOIN learner_accounts AS a ON a.id = l.id "

typedef struct
{
  ThStatementRecordFunc func;
  gpointer              user_data;
} Forward;

static const char *
text (sqlite3_stmt *row,
      int           column)
{
  return (const char *) sqlite3_column_text (row, column);
}

static void
forward_statement (sqlite3_stmt *row,
                   gpointer      user_data)
{
  Forward *forward = user_data;
  ThStatementRecord record = {
    .id = text (row, 0),
    .timestamp = text (row, 2),
    .learner_name = text (row, 3),
    .account = text (row, 4),
    .learner_id = sqlite3_column_int64 (row, 5),
    .registration = text (row, 6),
    .module_id = text (row, 7),
    .refresher = sqlite3_column_int (row, 8),
    .scenario_set = text (row, 9),
    .scenario_id = text (row, 10),
    .seq = sqlite3_column_int (row, 11),
    .choice_ids = text (row, 12),
    .score = sqlite3_column_int (row, 13),
    .max_score = sqlite3_column_int (row, 14),
    .passed = sqlite3_column_int (row, 15),
    .percent = sqlite3_column_int (row, 16),
    .supervisor = text (row, 17),
    .note = text (row, 18),
    .signed_off_id = text (row, 19),
  };

  /* The kinds are the triggers' own: any other is a row written behind
   * Threshold's back, and is not told. */
  if (th_statement_kind_from_id (text (row, 1), &record.kind))
    forward->func (&record, forward->user_data);
}

/**
 * th_store_read_statements:
 * @waiting_only: only those no LRS has taken or refused yet
 * @limit: at most this many, or 0 for all
 *
 * Hands each record, as the statement it becomes, to @func in the order
 * the records were made.
 */
gboolean
th_store_read_statements (ThStore                *self,
                          gboolean                waiting_only,
                          guint                   limit,
                          ThStatementRecordFunc   func,
                          gpointer                user_data,
                          GError                **error)
{
  g_autofree char *sql = g_strconcat (STATEMENT_ROWS_SQL,
                                      waiting_only ? "WHERE s.sent_at IS NULL AND s.refused IS NULL " : "",
                                      "ORDER BY s.rowid LIMIT ?1", NULL);
  Forward forward = { func, user_data };

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  th_store_assert_owner (self);

  return th_store_read_rows (self, sql, limit > 0 ? (gint64) limit : -1, forward_statement, &forward, error);
}

/**
 * th_store_mark_statements_sent:
 * @ids: (element-type utf8): the statements an LRS took
 */
gboolean
th_store_mark_statements_sent (ThStore    *self,
                               GPtrArray  *ids,
                               GError    **error)
{
  g_autofree char *now = th_store_dup_now_text (self);
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);

  if (!th_store_begin (self, error))
    return FALSE;
  if ((stmt = th_store_prepare (self, "UPDATE statements SET sent_at = ?2 WHERE id = ?1", error)) == NULL)
    {
      th_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  for (guint i = 0; i < ids->len && rc == SQLITE_DONE; i++)
    {
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (ids, i), -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) == SQLITE_DONE)
        rc = sqlite3_reset (stmt) == SQLITE_OK ? SQLITE_DONE : sqlite3_errcode (self->db);
    }
  if (!th_store_finish_read (self, stmt, rc, error) || !th_store_commit (self, error))
    {
      th_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * th_store_refuse_statement:
 * @reason: what the LRS said
 *
 * Sets a statement the LRS refused aside, with its reason, so that it is
 * not sent again and again.
 */
gboolean
th_store_refuse_statement (ThStore     *self,
                           const char  *id,
                           const char  *reason,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);

  if ((stmt = th_store_prepare (self, "UPDATE statements SET refused = ?2 WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_TRANSIENT);
  return th_store_finish_read (self, stmt, sqlite3_step (stmt), error);
}

static void
read_counts (sqlite3_stmt *row,
             gpointer      user_data)
{
  ThStatementCounts *counts = user_data;

  counts->waiting = sqlite3_column_int (row, 0);
  counts->sent = sqlite3_column_int (row, 1);
  counts->refused = sqlite3_column_int (row, 2);
  counts->imported = sqlite3_column_int (row, 3);
  counts->last_sent_at = g_strdup (text (row, 4));
}

/**
 * th_store_count_statements:
 *
 * Counts what waits to be sent, what this workstation sent (and when
 * last), what an LRS refused, and what came from other workstations.
 */
gboolean
th_store_count_statements (ThStore            *self,
                           ThStatementCounts  *counts,
                           GError            **error)
{
  g_return_val_if_fail (TH_IS_STORE (self), FALSE);

  *counts = (ThStatementCounts) { 0 };
  return th_store_read_rows (self,
                             "SELECT count(*) FILTER (WHERE sent_at IS NULL AND refused IS NULL),"
                             "  count(*) FILTER (WHERE sent_at IS NOT NULL AND i.id IS NULL),"
                             "  count(*) FILTER (WHERE refused IS NOT NULL),"
                             "  count(i.id), max (sent_at) FILTER (WHERE i.id IS NULL)"
                             " FROM statements AS s LEFT JOIN imports AS i ON i.statement_id = s.id",
                             0, read_counts, counts, error);
}

static void
add_refused (sqlite3_stmt *row,
             gpointer      user_data)
{
  ThRefusedStatement *refused = g_new0 (ThRefusedStatement, 1);

  refused->id = g_strdup (text (row, 0));
  if (!th_statement_kind_from_id (text (row, 1), &refused->kind))
    refused->kind = TH_STATEMENT_REGISTERED;
  refused->reason = g_strdup (text (row, 2));
  g_ptr_array_add (user_data, refused);
}

/**
 * th_store_dup_refused_statements:
 *
 * Returns: (transfer container) (element-type ThRefusedStatement): the
 *   statements an LRS refused, oldest first, or %NULL with @error set
 */
GPtrArray *
th_store_dup_refused_statements (ThStore  *self,
                                 GError  **error)
{
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func ((GDestroyNotify) th_refused_statement_free);

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  if (!th_store_read_rows (self, "SELECT id, kind, refused FROM statements WHERE refused IS NOT NULL "
                           "ORDER BY rowid", 0, add_refused, refused, error))
    return NULL;
  return g_steal_pointer (&refused);
}

static void
read_text (sqlite3_stmt *row,
           gpointer      user_data)
{
  *(char **) user_data = g_strdup (text (row, 0));
}

/* The text @sql's row gives for @id, or %NULL for no row (or on @error). */
static char *
dup_text (ThStore     *self,
          const char  *sql,
          gint64       id,
          GError     **error)
{
  char *value = NULL;

  if (!th_store_read_rows (self, sql, id, read_text, &value, error))
    g_clear_pointer (&value, g_free);
  return value;
}

/**
 * th_store_dup_setting:
 *
 * Returns: (transfer full) (nullable): the value set under @key, or %NULL
 *   if none is (or on @error)
 */
char *
th_store_dup_setting (ThStore     *self,
                      const char  *key,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  if ((stmt = th_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!th_store_step_rows (self, stmt, read_text, &value, error))
    g_clear_pointer (&value, g_free);
  return value;
}

/**
 * th_store_read_setting:
 * @value: (inout): a value already given (by the environment, say), or
 *   %NULL to read the one set under @key into
 *
 * th_store_dup_setting() for a chain of settings read one after another.
 *
 * Returns: %FALSE with @error set when the settings cannot be read
 */
gboolean
th_store_read_setting (ThStore     *self,
                       const char  *key,
                       char       **value,
                       GError     **error)
{
  GError *local_error = NULL;

  if (*value != NULL)
    return TRUE;
  *value = th_store_dup_setting (self, key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * th_store_dup_learner_account:
 *
 * Returns: (transfer full) (nullable): the learner's organisation account,
 *   or %NULL if they have none (or on @error)
 */
char *
th_store_dup_learner_account (ThStore     *self,
                              gint64       learner_id,
                              GError     **error)
{
  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  return dup_text (self, "SELECT account FROM learner_accounts WHERE id = ?1", learner_id, error);
}

/* Whether @account is free for @learner_id: held by no other profile. */
static gboolean
account_free (ThStore     *self,
              gint64       learner_id,
              const char  *account,
              GError     **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, "SELECT 1 FROM learner_accounts WHERE account = ?1 AND id != ?2",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, account, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, learner_id);
  rc = sqlite3_step (stmt);
  if (!th_store_finish_read (self, stmt, rc, error))
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_NAME_TAKEN,
                   _("Another profile already has the account “%s”"), account);
      return FALSE;
    }
  return TRUE;
}

/**
 * th_store_dup_learner_origin:
 *
 * Returns: (transfer full) (nullable): where a profile made on another
 *   workstation came from (the LRS's address or the file's name), or
 *   %NULL for a profile made here (or on @error)
 */
char *
th_store_dup_learner_origin (ThStore     *self,
                             gint64       learner_id,
                             GError     **error)
{
  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  return dup_text (self, "SELECT i.origin FROM imports AS i JOIN statements AS s ON s.id = i.statement_id "
                   "WHERE s.kind = 'registered' AND s.row_id = ?1", learner_id, error);
}

/**
 * th_store_set_learner_account:
 * @account: (nullable): a staff ID or work e-mail; %NULL or empty for none
 *
 * Links a profile to the person's organisation account: their records on
 * every workstation are then one person's. An account another profile
 * holds is refused with %TH_STORE_ERROR_NAME_TAKEN.
 */
gboolean
th_store_set_learner_account (ThStore     *self,
                              gint64       learner_id,
                              const char  *account,
                              GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *held = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gboolean unset;

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);

  unset = account == NULL || *g_strstrip (clean = g_strdup (account)) == '\0';
  if (!unset && !g_utf8_validate (clean, -1, NULL))
    return th_store_invalid (error, _("The account is not valid text"));
  held = th_store_dup_learner_account (self, learner_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (unset && held == NULL)
    return TRUE;
  if (!unset && !account_free (self, learner_id, clean, error))
    return FALSE;
  if (unset)
    stmt = th_store_prepare (self, "DELETE FROM learner_accounts WHERE id = ?1", error);
  else
    stmt = th_store_prepare (self, "INSERT INTO learner_accounts (id, account) VALUES (?1, ?2) "
                             "ON CONFLICT (id) DO UPDATE SET account = excluded.account", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  if (!unset)
    sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  return th_store_commit_audited (self, stmt, "learner_accounts", learner_id,
                                  unset ? TH_AUDIT_DELETE : held ? TH_AUDIT_UPDATE : TH_AUDIT_INSERT,
                                  error) != 0;
}

/**
 * th_store_add_learner_with_account:
 * @account: (nullable): the person's organisation account, or %NULL or
 *   empty for none
 *
 * th_store_add_learner() and th_store_set_learner_account() in one
 * transaction: a profile is made with its account or not at all.
 *
 * Returns: the new learner's id, or 0 with @error set
 */
gint64
th_store_add_learner_with_account (ThStore     *self,
                                   const char  *display_name,
                                   const char  *pin,
                                   const char  *account,
                                   GError     **error)
{
  gint64 id;

  g_return_val_if_fail (TH_IS_STORE (self), 0);

  if (!th_store_begin (self, error))
    return 0;
  id = th_store_add_learner (self, display_name, pin, error);
  if (id == 0 || !th_store_set_learner_account (self, id, account, error) || !th_store_commit (self, error))
    {
      th_store_rollback (self);
      return 0;
    }
  return id;
}
