/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <glib/gi18n.h>

#include "th-audit-trail.h"
#include "th-store-private.h"

/* Attempts and answers: each answer durable the moment it is given, a
 * finished attempt and its completion in one transaction, and what a
 * learner has done in each module. */

/**
 * th_store_start_attempt:
 * @scenario_set: (nullable): the scenarios that start each branch, separated
 *   by spaces, when not the whole quiz (a refresher); kept for resuming
 * @choice_seed: the seed the attempt's choices are shuffled with, kept so
 *   that resuming and every review show the order the learner saw; 0 for
 *   the order of the file
 */
static gboolean
add_seed (ThStore  *self,
          gint64    attempt_id,
          guint32   seed,
          GError  **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, "INSERT INTO attempt_seeds (id, seed) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  sqlite3_bind_int64 (stmt, 2, seed);
  return th_store_run_audited (self, stmt, "attempt_seeds", 0, TH_AUDIT_INSERT, error) != 0;
}

gint64
th_store_start_attempt (ThStore        *self,
                        gint64          learner_id,
                        const char     *module_id,
                        ThAttemptKind   kind,
                        const char     *scenario_set,
                        guint32         choice_seed,
                        GError        **error)
{
  g_autofree char *now = th_store_dup_now_text (self);
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (TH_IS_STORE (self), 0);
  g_return_val_if_fail (module_id != NULL, 0);

  if (!th_store_begin (self, error))
    return 0;
  stmt = th_store_prepare (self, "INSERT INTO attempts (learner_id, module_id, kind, started_at, "
                        "scenario_set) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, learner_id);
      sqlite3_bind_text (stmt, 2, module_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, kind == TH_ATTEMPT_REFRESHER ? "refresher" : "full", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, scenario_set, -1, SQLITE_TRANSIENT);
      id = th_store_run_audited (self, stmt, "attempts", 0, TH_AUDIT_INSERT, error);
    }
  if (id == 0 || (choice_seed != 0 && !add_seed (self, id, choice_seed, error)) ||
      !th_store_commit (self, error))
    {
      th_store_rollback (self);
      return 0;
    }
  return id;
}

/**
 * th_store_record_answer:
 * @choice_ids: the chosen choice ids, separated by spaces
 *
 * Records one answer in a transaction of its own: when this returns, the
 * answer is on disk.
 *
 * Returns: the answer's id, or 0 with @error set
 */
gint64
th_store_record_answer (ThStore     *self,
                        gint64       attempt_id,
                        const char  *scenario_id,
                        const char  *choice_ids,
                        int          score,
                        int          max_score,
                        GError     **error)
{
  g_autofree char *now = th_store_dup_now_text (self);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TH_IS_STORE (self), 0);
  g_return_val_if_fail (scenario_id != NULL && choice_ids != NULL, 0);

  stmt = th_store_prepare (self,
                  "INSERT INTO answers (attempt_id, seq, scenario_id, choice_ids, score, max_score, "
                  "answered_at) VALUES (?1, (SELECT count(*) + 1 FROM answers WHERE attempt_id = ?1), "
                  "?2, ?3, ?4, ?5, ?6)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, attempt_id);
      sqlite3_bind_text (stmt, 2, scenario_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, choice_ids, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, score);
      sqlite3_bind_int (stmt, 5, max_score);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
    }
  return th_store_commit_audited (self, stmt, "answers", 0, TH_AUDIT_INSERT, error);
}

static gboolean
insert_completion (ThStore     *self,
                   gint64       attempt_id,
                   int          percent,
                   const char  *now,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = th_store_prepare (self, "INSERT INTO completions (learner_id, module_id, attempt_id, completed_at, "
                        "score_percent) SELECT learner_id, module_id, id, ?2, ?3 FROM attempts "
                        "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, percent);
  return th_store_run_audited (self, stmt, "completions", 0, TH_AUDIT_INSERT, error) != 0;
}

/* Closes an attempt with its result; a pass records a completion in the
 * same transaction, so a result never exists without it. */
gboolean
th_store_finish_attempt (ThStore   *self,
                         gint64     attempt_id,
                         int        score,
                         int        max_score,
                         gboolean   passed,
                         GError   **error)
{
  g_autofree char *now = th_store_dup_now_text (self);
  sqlite3_stmt *stmt;
  int percent = max_score > 0 ? (100 * MAX (score, 0) + max_score / 2) / max_score : 0;

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);

  if (!th_store_begin (self, error))
    return FALSE;
  stmt = th_store_prepare (self, "UPDATE attempts SET finished_at = ?2, score = ?3, max_score = ?4, "
                        "passed = ?5 WHERE id = ?1 AND finished_at IS NULL", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, attempt_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, score);
      sqlite3_bind_int (stmt, 4, max_score);
      sqlite3_bind_int (stmt, 5, passed ? 1 : 0);
    }
  if (stmt == NULL ||
      th_store_run_audited (self, stmt, "attempts", attempt_id, TH_AUDIT_UPDATE, error) == 0 ||
      (passed && !insert_completion (self, attempt_id, percent, now, error)) ||
      !th_store_commit (self, error))
    {
      th_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
th_module_status_free (ThModuleStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->completed_at);
  g_free (status);
}

static ThModuleStatus *
lookup_status (GHashTable *statuses,
               const char *module_id)
{
  ThModuleStatus *status = g_hash_table_lookup (statuses, module_id);

  if (status == NULL)
    {
      status = g_new0 (ThModuleStatus, 1);
      g_hash_table_insert (statuses, g_strdup (module_id), status);
    }
  return status;
}

static void
mark_started (sqlite3_stmt *row,
              gpointer      statuses)
{
  ThModuleStatus *status = lookup_status (statuses, (const char *) sqlite3_column_text (row, 0));

  status->state = TH_MODULE_STATE_IN_PROGRESS;
  status->has_open_attempt = sqlite3_column_int (row, 1);
}

static void
mark_passed (sqlite3_stmt *row,
             gpointer      statuses)
{
  ThModuleStatus *status = lookup_status (statuses, (const char *) sqlite3_column_text (row, 0));

  status->state = TH_MODULE_STATE_PASSED;
  status->percent = sqlite3_column_int (row, 1);
  status->completed_at = g_strdup ((const char *) sqlite3_column_text (row, 2));
}

/**
 * th_store_dup_module_statuses:
 *
 * Returns: (transfer full): module id → #ThModuleStatus for every module
 *   the learner has started; the others are not started. %NULL on @error.
 */
GHashTable *
th_store_dup_module_statuses (ThStore  *self,
                              gint64    learner_id,
                              GError  **error)
{
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) th_module_status_free);

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  /* Started, and whether an attempt is open; then the latest completion,
   * from the summary the matrix reads, so that the learning path, the
   * sign-off rule and the matrix agree on it. */
  if (!th_store_read_rows (self, "SELECT module_id, max(finished_at IS NULL) FROM attempts "
                                 "WHERE learner_id = ?1 GROUP BY module_id",
                           learner_id, mark_started, statuses, error) ||
      !th_store_read_rows (self, "SELECT module_id, score_percent, "
                                 "  strftime ('%Y-%m-%dT%H:%M:%SZ', completed_at, 'unixepoch') "
                                 "FROM progress WHERE learner_id = ?1 AND completed_at IS NOT NULL",
                           learner_id, mark_passed, statuses, error))
    return NULL;
  return g_steal_pointer (&statuses);
}

void
th_stored_answer_free (ThStoredAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->scenario_id);
  g_free (answer->choice_ids);
  g_free (answer);
}

void
th_attempt_result_free (ThAttemptResult *result)
{
  if (result == NULL)
    return;
  g_free (result->module_id);
  g_free (result->started_at);
  g_free (result->finished_at);
  g_free (result);
}

#define ATTEMPT_COLUMNS "id, module_id, kind = 'refresher', started_at, finished_at, " \
                        "ifnull(score, 0), ifnull(max_score, 0), ifnull(passed, 0)"

static ThAttemptResult *
read_attempt (sqlite3_stmt *stmt)
{
  ThAttemptResult *result = g_new0 (ThAttemptResult, 1);

  result->id = sqlite3_column_int64 (stmt, 0);
  result->module_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  result->refresher = sqlite3_column_int (stmt, 2);
  result->started_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  result->finished_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  result->score = sqlite3_column_int (stmt, 5);
  result->max_score = sqlite3_column_int (stmt, 6);
  result->passed = sqlite3_column_int (stmt, 7);
  return result;
}

static void
add_attempt_row (sqlite3_stmt *row,
                 gpointer      attempts)
{
  g_ptr_array_add (attempts, read_attempt (row));
}

/**
 * th_store_list_attempts:
 *
 * Returns: (transfer full) (element-type ThAttemptResult): every attempt
 *   of @learner_id, newest first; %NULL on @error
 */
GPtrArray *
th_store_list_attempts (ThStore  *self,
                        gint64    learner_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) th_attempt_result_free);

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  if (!th_store_read_rows (self, "SELECT " ATTEMPT_COLUMNS " FROM attempts WHERE learner_id = ?1 "
                                 "ORDER BY id DESC", learner_id, add_attempt_row, attempts, error))
    return NULL;
  return g_steal_pointer (&attempts);
}

/**
 * th_store_find_open_attempt:
 * @scenario_set: (out) (optional) (nullable): the attempt's scenario set
 * @choice_seed: (out) (optional): the seed its choices are shuffled with
 *
 * Finds the learner's unfinished attempt at @module_id, left by quitting
 * or a crash, so that it can be resumed; never one merged from another
 * workstation, whose answers are that workstation's to record.
 *
 * Returns: its id, or 0 if there is none (or on @error)
 */
gint64
th_store_find_open_attempt (ThStore     *self,
                            gint64       learner_id,
                            const char  *module_id,
                            char       **scenario_set,
                            guint32     *choice_seed,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (TH_IS_STORE (self), 0);

  stmt = th_store_prepare (self, "SELECT a.id, a.scenario_set, ifnull (s.seed, 0) FROM attempts a "
                        "LEFT JOIN attempt_seeds s ON s.id = a.id WHERE a.learner_id = ?1 AND "
                        "a.module_id = ?2 AND a.finished_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
                        "statements AS t JOIN imports AS i ON i.statement_id = t.id WHERE t.kind = 'attempted' "
                        "AND t.row_id = a.id) ORDER BY a.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, module_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (scenario_set != NULL)
        *scenario_set = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (choice_seed != NULL)
        *choice_seed = (guint32) sqlite3_column_int64 (stmt, 2);
    }
  return th_store_finish_read (self, stmt, rc, error) ? id : 0;
}

static void
add_answer_row (sqlite3_stmt *row,
                gpointer      answers)
{
  ThStoredAnswer *answer = g_new0 (ThStoredAnswer, 1);

  answer->scenario_id = g_strdup ((const char *) sqlite3_column_text (row, 0));
  answer->choice_ids = g_strdup ((const char *) sqlite3_column_text (row, 1));
  answer->score = sqlite3_column_int (row, 2);
  answer->max_score = sqlite3_column_int (row, 3);
  g_ptr_array_add (answers, answer);
}

/**
 * th_store_list_answers:
 *
 * Returns: (transfer full) (element-type ThStoredAnswer): the attempt's
 *   answers in the order given, or %NULL on @error
 */
GPtrArray *
th_store_list_answers (ThStore  *self,
                       gint64    attempt_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) th_stored_answer_free);

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  if (!th_store_read_rows (self, "SELECT scenario_id, choice_ids, score, max_score FROM answers "
                                 "WHERE attempt_id = ?1 ORDER BY seq", attempt_id, add_answer_row, answers, error))
    return NULL;
  return g_steal_pointer (&answers);
}

/**
 * th_store_dup_last_result:
 *
 * Returns: (transfer full) (nullable): the learner's latest finished
 *   attempt at @module_id, or %NULL if there is none (or on @error)
 */
ThAttemptResult *
th_store_dup_last_result (ThStore     *self,
                          gint64       learner_id,
                          const char  *module_id,
                          GError     **error)
{
  g_autoptr(ThAttemptResult) result = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  stmt = th_store_prepare (self, "SELECT " ATTEMPT_COLUMNS " FROM attempts "
                        "WHERE learner_id = ?1 AND module_id = ?2 AND finished_at IS NOT NULL "
                        "ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, module_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = read_attempt (stmt);
  return th_store_finish_read (self, stmt, rc, error) ? g_steal_pointer (&result) : NULL;
}

/**
 * th_store_dup_scenario_history:
 *
 * Returns: (transfer full): scenario id → the learner's latest share of
 *   its points (a pointer to a double, 0 to 1) across their attempts at
 *   @module_id; %NULL on @error
 */
GHashTable *
th_store_dup_scenario_history (ThStore     *self,
                               gint64       learner_id,
                               const char  *module_id,
                               GError     **error)
{
  g_autoptr(GHashTable) history = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  stmt = th_store_prepare (self, "SELECT a.scenario_id, a.score, a.max_score FROM answers a "
                        "JOIN attempts t ON t.id = a.attempt_id "
                        "WHERE t.learner_id = ?1 AND t.module_id = ?2 ORDER BY a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, module_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double *ratio = g_new (double, 1);
      int max = sqlite3_column_int (stmt, 2);

      *ratio = max > 0 ? (double) MAX (sqlite3_column_int (stmt, 1), 0) / max : 1.0;
      g_hash_table_insert (history, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), ratio);
    }
  return th_store_finish_read (self, stmt, rc, error) ? g_steal_pointer (&history) : NULL;
}

/* The branches of the learner's latest refresher at @module_id; NULL when
 * there was none, or with @error set. */
char *
th_store_dup_last_scenario_set (ThStore     *self,
                                gint64       learner_id,
                                const char  *module_id,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  char *set = NULL;
  int rc;

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  stmt = th_store_prepare (self, "SELECT scenario_set FROM attempts WHERE learner_id = ?1 AND "
                        "module_id = ?2 AND kind = 'refresher' ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, module_id, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    set = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (!th_store_finish_read (self, stmt, rc, error))
    g_clear_pointer (&set, g_free);
  return set;
}
