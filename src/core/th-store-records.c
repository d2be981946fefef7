/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <glib/gi18n.h>

#include "th-learner.h"
#include <string.h>

#include "th-audit-trail.h"
#include "th-secret.h"
#include "th-store-private.h"

/* Every change below is one transaction holding the change and its audit
 * record: committed together or not at all. */

char *
th_store_dup_now_text (ThStore *self)
{
  g_autoptr(GDateTime) now = th_store_dup_now (self);

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

sqlite3_stmt *
th_store_prepare (ThStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  th_store_assert_owner (self);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    th_store_set_error_from_db (self, rc, error);
  return stmt;
}

/* Ends a read: SQLITE_DONE is success, anything else an error. */
gboolean
th_store_finish_read (ThStore       *self,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW || th_store_set_error_from_db (self, rc, error);
}

/* Runs @sql, with ?1 bound to @id if it has a parameter, and hands each
 * row to @func. */
gboolean
th_store_read_rows (ThStore         *self,
                    const char      *sql,
                    gint64           id,
                    ThStoreRowFunc   func,
                    gpointer         user_data,
                    GError         **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, user_data);
  return th_store_finish_read (self, stmt, rc, error);
}

/* Steps @stmt to its end, finalizes it, and records the row it inserted
 * or changed in the audit trail. */
gint64
th_store_run_audited (ThStore       *self,
                      sqlite3_stmt  *stmt,
                      const char    *table,
                      gint64         row_id,
                      int            action,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      th_store_set_error_from_db (self, rc, error);
      return 0;
    }
  /* An update that matched no row changed nothing worth recording. */
  if (action == TH_AUDIT_UPDATE && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, TH_STORE_ERROR, TH_STORE_ERROR_NOT_FOUND,
                           _("There is no such record to change"));
      return 0;
    }
  if (action == TH_AUDIT_INSERT)
    row_id = sqlite3_last_insert_rowid (self->db);
  if (!th_audit_trail_append (self->db, table, row_id, action, error))
    return 0;
  return row_id;
}

/* Wraps one audited statement in its own transaction. */
gint64
th_store_commit_audited (ThStore       *self,
                         sqlite3_stmt  *stmt,
                         const char    *table,
                         gint64         row_id,
                         int            action,
                         GError       **error)
{
  gint64 id;

  if (stmt == NULL)
    return 0;
  if (!th_store_begin (self, error))
    {
      sqlite3_finalize (stmt);
      return 0;
    }
  id = th_store_run_audited (self, stmt, table, row_id, action, error);
  if (id == 0 || !th_store_commit (self, error))
    {
      th_store_rollback (self);
      return 0;
    }
  return id;
}

#define MAX_NAME_LENGTH 80

gboolean
th_store_invalid (GError     **error,
                  const char  *message)
{
  g_set_error_literal (error, TH_STORE_ERROR, TH_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* A name is shown in lists, reports and certificates: printable text of
 * a sensible length, without leading or trailing spaces. */
char *
th_store_clean_name (const char  *name,
                     GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (!g_utf8_validate (trimmed, -1, NULL))
    return th_store_invalid (error, _("The name is not valid text")), NULL;
  if (*trimmed == '\0')
    return th_store_invalid (error, _("Enter a name")), NULL;
  if (g_utf8_strlen (trimmed, -1) > MAX_NAME_LENGTH)
    return th_store_invalid (error, _("The name is too long: keep it under 80 characters")), NULL;
  for (const char *c = trimmed; *c != '\0'; c = g_utf8_next_char (c))
    if (g_unichar_iscntrl (g_utf8_get_char (c)))
      return th_store_invalid (error, _("The name cannot contain control characters")), NULL;
  return g_steal_pointer (&trimmed);
}

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
 * th_store_get_module_statuses:
 *
 * Returns: (transfer full): module id → #ThModuleStatus for every module
 *   the learner has started; the others are not started. %NULL on @error.
 */
GHashTable *
th_store_get_module_statuses (ThStore  *self,
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
 * or a crash, so that it can be resumed.
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
                        "a.module_id = ?2 AND a.finished_at IS NULL ORDER BY a.id DESC LIMIT 1", error);
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
 * th_store_get_last_result:
 *
 * Returns: (transfer full) (nullable): the learner's latest finished
 *   attempt at @module_id, or %NULL if there is none (or on @error)
 */
ThAttemptResult *
th_store_get_last_result (ThStore     *self,
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

static char *
refresher_key (const char *module_id)
{
  return module_id ? g_strconcat ("refresher-months/", module_id, NULL)
                   : g_strdup ("refresher-months");
}

static void
read_months_row (sqlite3_stmt *row,
                 gpointer      months)
{
  *(guint *) months = (guint) g_ascii_strtoull ((const char *) sqlite3_column_text (row, 0), NULL, 10);
}

/* The period set under @key, or 0 where none is (or on @error). */
static guint
read_months (ThStore     *self,
             const char  *key,
             GError     **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", error);
  guint months = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    read_months_row (stmt, &months);
  return th_store_finish_read (self, stmt, rc, error) ? months : 0;
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
  g_autofree char *own = refresher_key (module_id);
  g_autofree char *organisation = refresher_key (NULL);
  GError *local_error = NULL;
  guint months;

  g_return_val_if_fail (TH_IS_STORE (self), 0);

  months = module_id ? read_months (self, own, &local_error) : 0;
  if (months == 0 && local_error == NULL)
    months = read_months (self, organisation, &local_error);
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
  g_autofree char *key = refresher_key (module_id);

  g_return_val_if_fail (TH_IS_STORE (self), 0);
  g_return_val_if_fail (module_id != NULL, 0);

  return read_months (self, key, error);
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

/**
 * th_store_get_scenario_history:
 *
 * Returns: (transfer full): scenario id → the learner's latest share of
 *   its points (a pointer to a double, 0 to 1) across their attempts at
 *   @module_id; %NULL on @error
 */
GHashTable *
th_store_get_scenario_history (ThStore     *self,
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

/* The branches of the learner's latest refresher at @module_id, or NULL. */
char *
th_store_get_last_scenario_set (ThStore    *self,
                                gint64      learner_id,
                                const char *module_id)
{
  sqlite3_stmt *stmt;
  char *set = NULL;

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  stmt = th_store_prepare (self, "SELECT scenario_set FROM attempts WHERE learner_id = ?1 AND "
                        "module_id = ?2 AND kind = 'refresher' ORDER BY id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, module_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    set = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return set;
}
