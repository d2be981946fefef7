/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include "th-store-private.h"

/* What the completion matrix reads, a row at a time and in learner id
 * order, for everyone or for one learner: it holds no SQL of its own. */

/* Runs @head, narrowed by @filter to @only (as ?1) when @only is not 0,
 * then @tail, and hands each row to @func. */
static gboolean
read_rows (ThStore         *self,
           gint64           only,
           const char      *head,
           const char      *filter,
           const char      *tail,
           ThStoreRowFunc   func,
           gpointer         user_data,
           GError         **error)
{
  g_autofree char *sql = g_strconcat (head, only ? filter : "", tail, NULL);
  sqlite3_stmt *stmt = th_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (only != 0)
    sqlite3_bind_int64 (stmt, 1, only);
  return th_store_step_rows (self, stmt, func, user_data, error);
}

/**
 * th_store_begin_reading:
 *
 * Starts a read of several statements that sees the records as they are
 * now, whatever is written before th_store_end_reading(): the matrix's
 * learners, progress and sign-offs are one moment's. Allowed inside a
 * change (a savepoint, not a transaction of its own).
 */
gboolean
th_store_begin_reading (ThStore  *self,
                        GError  **error)
{
  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  return th_store_exec (self, "SAVEPOINT reading;", error);
}

void
th_store_end_reading (ThStore *self)
{
  g_return_if_fail (TH_IS_STORE (self));
  /* Nothing was written: releasing cannot fail for want of a commit. */
  th_store_exec (self, "RELEASE reading;", NULL);
}

static const ThStoreColumn learner_columns[] = {
  { TH_STORE_COLUMN_INT64, G_STRUCT_OFFSET (ThLearnerRow, learner_id) },
  { TH_STORE_COLUMN_TEXT, G_STRUCT_OFFSET (ThLearnerRow, display_name) },
  { TH_STORE_COLUMN_INT, G_STRUCT_OFFSET (ThLearnerRow, archived) },
};

/**
 * th_store_read_learner_rows:
 * @only: one learner's id, or 0 for everyone
 *
 * Hands every learner, archived ones too, to @func in id order.
 */
gboolean
th_store_read_learner_rows (ThStore           *self,
                            gint64             only,
                            ThLearnerRowFunc   func,
                            gpointer           user_data,
                            GError           **error)
{
  ThLearnerRow row;
  ThStoreForward forward = {
    learner_columns, G_N_ELEMENTS (learner_columns), &row, (ThStoreForwardFunc) func, user_data
  };

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  return read_rows (self, only, "SELECT id, display_name, archived FROM learners", " WHERE id = ?1",
                    " ORDER BY id", th_store_forward_row, &forward, error);
}

static const ThStoreColumn progress_columns[] = {
  { TH_STORE_COLUMN_INT64, G_STRUCT_OFFSET (ThProgressRow, learner_id) },
  { TH_STORE_COLUMN_TEXT, G_STRUCT_OFFSET (ThProgressRow, module_id) },
  { TH_STORE_COLUMN_INT64, G_STRUCT_OFFSET (ThProgressRow, completed_at) },
  { TH_STORE_COLUMN_INT, G_STRUCT_OFFSET (ThProgressRow, percent) },
  { TH_STORE_COLUMN_INT, G_STRUCT_OFFSET (ThProgressRow, open_attempt) },
  { TH_STORE_COLUMN_INT64, G_STRUCT_OFFSET (ThProgressRow, tried_at) },
  { TH_STORE_COLUMN_INT, G_STRUCT_OFFSET (ThProgressRow, tried_percent) },
};

/**
 * th_store_read_progress_rows:
 * @only: one learner's id, or 0 for everyone
 *
 * Hands @func each learner's standing in each module they started, in
 * learner id order: the summary the store keeps as attempts and
 * completions are written (migration 5), one row per learner and module.
 */
gboolean
th_store_read_progress_rows (ThStore            *self,
                             gint64              only,
                             ThProgressRowFunc   func,
                             gpointer            user_data,
                             GError            **error)
{
  ThProgressRow row;
  ThStoreForward forward = {
    progress_columns, G_N_ELEMENTS (progress_columns), &row, (ThStoreForwardFunc) func, user_data
  };

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  /* A NULL column reads as 0 (sqlite3_column_int64()); saying so in SQL
   * cost some 4% of the scan. */
  return read_rows (self, only, "SELECT learner_id, module_id, completed_at, score_percent, open_attempt, "
                                "tried_at, tried_percent FROM progress",
                    " WHERE learner_id = ?1", " ORDER BY learner_id", th_store_forward_row, &forward, error);
}

static const ThStoreColumn sign_off_columns[] = {
  { TH_STORE_COLUMN_INT64, G_STRUCT_OFFSET (ThSignOffRow, learner_id) },
  { TH_STORE_COLUMN_TEXT, G_STRUCT_OFFSET (ThSignOffRow, supervisor) },
  { TH_STORE_COLUMN_TEXT, G_STRUCT_OFFSET (ThSignOffRow, signed_at) },
};

/**
 * th_store_read_sign_off_rows:
 * @only: one learner's id, or 0 for everyone
 *
 * Hands @func each sign-off that stands (not revoked).
 */
gboolean
th_store_read_sign_off_rows (ThStore           *self,
                             gint64             only,
                             ThSignOffRowFunc   func,
                             gpointer           user_data,
                             GError           **error)
{
  ThSignOffRow row;
  ThStoreForward forward = {
    sign_off_columns, G_N_ELEMENTS (sign_off_columns), &row, (ThStoreForwardFunc) func, user_data
  };

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  return read_rows (self, only, "SELECT learner_id, supervisor, signed_at FROM signoffs WHERE revoked_at IS NULL",
                    " AND learner_id = ?1", "", th_store_forward_row, &forward, error);
}
