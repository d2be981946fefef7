/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include "th-store-private.h"

/* What the completion matrix reads, a row at a time and in learner id
 * order, for everyone or for one learner, and what the team's insights
 * read: neither holds SQL of its own. */

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

typedef struct
{
  gpointer func;
  gpointer user_data;
} Forward;

static void
forward_learner (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  Forward *forward = user_data;
  ThLearnerRow row = {
    sqlite3_column_int64 (stmt, 0),
    (const char *) sqlite3_column_text (stmt, 1),
    sqlite3_column_int (stmt, 2),
  };

  ((ThLearnerRowFunc) forward->func) (&row, forward->user_data);
}

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
  Forward forward = { func, user_data };

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  return read_rows (self, only, "SELECT id, display_name, archived FROM learners", " WHERE id = ?1",
                    " ORDER BY id", forward_learner, &forward, error);
}

static void
forward_progress (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  Forward *forward = user_data;
  ThProgressRow row = {
    sqlite3_column_int64 (stmt, 0),
    (const char *) sqlite3_column_text (stmt, 1),
    sqlite3_column_int64 (stmt, 2),
    sqlite3_column_int (stmt, 3),
    sqlite3_column_int (stmt, 4),
    sqlite3_column_int64 (stmt, 5),
    sqlite3_column_int (stmt, 6),
  };

  ((ThProgressRowFunc) forward->func) (&row, forward->user_data);
}

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
  Forward forward = { func, user_data };

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  return read_rows (self, only, "SELECT learner_id, module_id, ifnull (completed_at, 0), "
                                "ifnull (score_percent, 0), open_attempt, ifnull (tried_at, 0), "
                                "ifnull (tried_percent, 0) FROM progress",
                    " WHERE learner_id = ?1", " ORDER BY learner_id", forward_progress, &forward, error);
}

static void
forward_sign_off (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  Forward *forward = user_data;
  ThSignOffRow row = {
    sqlite3_column_int64 (stmt, 0),
    (const char *) sqlite3_column_text (stmt, 1),
    (const char *) sqlite3_column_text (stmt, 2),
  };

  ((ThSignOffRowFunc) forward->func) (&row, forward->user_data);
}

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
  Forward forward = { func, user_data };

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  return read_rows (self, only, "SELECT learner_id, supervisor, signed_at FROM signoffs WHERE revoked_at IS NULL",
                    " AND learner_id = ?1", "", forward_sign_off, &forward, error);
}

/* Binds a scope's period and archived learners as ?1 (archived count),
 * ?2 (from) and ?3 (before), the day after the last, and its learner as
 * ?4. */
static void
bind_scope (sqlite3_stmt        *stmt,
            const ThRecordScope *scope)
{
  g_autoptr(GDateTime) last = NULL, after = NULL;
  g_autofree char *before = NULL;

  if (scope->until != NULL)
    {
      g_autofree char *midnight = g_strconcat (scope->until, "T00:00:00Z", NULL);

      last = g_date_time_new_from_iso8601 (midnight, NULL);
      after = last ? g_date_time_add_days (last, 1) : NULL;
      before = after ? g_date_time_format (after, "%Y-%m-%d") : g_strdup (scope->until);
    }
  sqlite3_bind_int (stmt, 1, scope->archived || scope->learner_id != 0);
  sqlite3_bind_int64 (stmt, 4, scope->learner_id);
  sqlite3_bind_text (stmt, 2, scope->since, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, before, -1, SQLITE_TRANSIENT);
}

#define SCOPE_SQL(when) \
  " JOIN learners AS l ON l.id = t.learner_id" \
  " WHERE (?1 OR l.archived = 0) AND (?2 IS NULL OR " when " >= ?2) AND (?3 IS NULL OR " when " < ?3)" \
  " AND (?4 = 0 OR t.learner_id = ?4)"

static gboolean
read_scoped (ThStore              *self,
             const char           *sql,
             const ThRecordScope  *scope,
             ThStoreRowFunc        func,
             gpointer              user_data,
             GError              **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, scope);
  return th_store_step_rows (self, stmt, func, user_data, error);
}

static void
forward_answer_group (sqlite3_stmt *stmt,
                      gpointer      user_data)
{
  Forward *forward = user_data;
  ThAnswerGroupRow row = {
    (const char *) sqlite3_column_text (stmt, 0),
    (const char *) sqlite3_column_text (stmt, 1),
    (const char *) sqlite3_column_text (stmt, 2),
    sqlite3_column_int (stmt, 3),
    sqlite3_column_int (stmt, 4),
    (const char *) sqlite3_column_text (stmt, 5),
    (guint) sqlite3_column_int64 (stmt, 6),
  };

  ((ThAnswerGroupRowFunc) forward->func) (&row, forward->user_data);
}

/**
 * th_store_read_answer_groups:
 *
 * Hands @func the answers in @scope with their module, moment, what was
 * chosen, its score and the calendar quarter it was given in; each row
 * says how many answers it stands for (one, as the rows come now).
 */
gboolean
th_store_read_answer_groups (ThStore               *self,
                             const ThRecordScope   *scope,
                             ThAnswerGroupRowFunc   func,
                             gpointer               user_data,
                             GError               **error)
{
  Forward forward = { func, user_data };

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  /* Not grouped here: SQLite would sort half a million rows to group them
   * (1.5 s at 10,000 learners), where the caller's hash tables take a
   * tenth of that. */
  return read_scoped (self, "SELECT t.module_id, a.scenario_id, a.choice_ids, a.score, a.max_score,"
                            "  substr (a.answered_at, 1, 4) || '-Q' ||"
                            "  ((CAST (substr (a.answered_at, 6, 2) AS INTEGER) + 2) / 3), 1"
                            " FROM answers AS a JOIN attempts AS t ON t.id = a.attempt_id"
                            SCOPE_SQL ("a.answered_at"),
                      scope, forward_answer_group, &forward, error);
}

static void
forward_finished_attempt (sqlite3_stmt *stmt,
                          gpointer      user_data)
{
  Forward *forward = user_data;
  ThFinishedAttemptRow row = {
    sqlite3_column_int64 (stmt, 0),
    (const char *) sqlite3_column_text (stmt, 1),
    sqlite3_column_int (stmt, 2),
    sqlite3_column_int (stmt, 3),
    sqlite3_column_int (stmt, 4),
    sqlite3_column_int (stmt, 5),
  };

  ((ThFinishedAttemptRowFunc) forward->func) (&row, forward->user_data);
}

/**
 * th_store_read_finished_attempts:
 *
 * Hands @func each attempt finished in @scope, learner by learner, module
 * by module, in the order they were made: the order of an index, with
 * nothing to sort.
 */
gboolean
th_store_read_finished_attempts (ThStore                   *self,
                                 const ThRecordScope       *scope,
                                 ThFinishedAttemptRowFunc   func,
                                 gpointer                   user_data,
                                 GError                   **error)
{
  Forward forward = { func, user_data };

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  return read_scoped (self, "SELECT t.learner_id, t.module_id, t.kind = 'refresher', t.passed, t.score,"
                            "  t.max_score FROM attempts AS t"
                            SCOPE_SQL ("t.finished_at")
                            " AND t.finished_at IS NOT NULL ORDER BY t.learner_id, t.module_id, t.id",
                      scope, forward_finished_attempt, &forward, error);
}
