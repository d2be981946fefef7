/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <glib/gi18n.h>

#include "th-store-private.h"
#include "th-store-statements.h"

/* Merging statements from other workstations: each becomes the record it
 * tells of, written as Threshold writes its own (so the triggers keep the
 * summary the matrix reads), keeps the statement's id, and is audited as
 * imported with where it came from. A record made here is never edited: a
 * statement may only finish an attempt or revoke a sign-off that was
 * itself imported. */

/* Runs @sql with @id as ?1 and gives the first column of its row, or 0. */
static gboolean
find_id (ThStore     *self,
         const char  *sql,
         const char  *id,
         gint64      *found,
         GError     **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, sql, error);
  int rc;

  *found = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *found = sqlite3_column_int64 (stmt, 0);
  return th_store_finish_read (self, stmt, rc, error);
}

/* The row an imported statement of @kind made, or 0. */
static gboolean
find_imported (ThStore     *self,
               const char  *statement_id,
               const char  *kind,
               gint64      *row_id,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT s.row_id FROM statements AS s JOIN imports AS i "
                                          "ON i.statement_id = s.id WHERE s.id = ?1 AND s.kind = '%s'", kind);

  return find_id (self, sql, statement_id, row_id, error);
}

/* The learner the statement's actor is here: the profile with that
 * account, or a new one. */
static gboolean
find_or_add_learner (ThStore                 *self,
                     const ThStatementRecord *record,
                     gint64                  *learner_id,
                     gboolean                *added,
                     GError                 **error)
{
  sqlite3_stmt *stmt;

  *added = FALSE;
  *learner_id = record->learner_id;
  if (*learner_id == 0 &&
      !find_id (self, "SELECT id FROM learner_accounts WHERE account = ?1", record->account, learner_id, error))
    return FALSE;
  if (*learner_id != 0)
    return TRUE;
  if ((*learner_id = th_store_insert_learner_from (self, record->learner_name, record->timestamp, error)) == 0 ||
      (stmt = th_store_prepare (self, "INSERT INTO learner_accounts (id, account) VALUES (?1, ?2)", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *learner_id);
  sqlite3_bind_text (stmt, 2, record->account, -1, SQLITE_TRANSIENT);
  *added = TRUE;
  return th_store_run_audited (self, stmt, "learner_accounts", *learner_id, TH_AUDIT_INSERT, error) != 0;
}

static gint64
insert_attempt (ThStore                 *self,
                gint64                   learner_id,
                const ThStatementRecord *record,
                GError                 **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, "INSERT INTO attempts (learner_id, module_id, kind, started_at, "
                                               "scenario_set) VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, record->module_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, record->refresher ? "refresher" : "full", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, record->timestamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, record->scenario_set, -1, SQLITE_TRANSIENT);
  return th_store_run_audited (self, stmt, "attempts", 0, TH_AUDIT_INSERT, error);
}

static gint64
insert_answer (ThStore                 *self,
               gint64                   attempt_id,
               const ThStatementRecord *record,
               GError                 **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, "INSERT INTO answers (attempt_id, seq, scenario_id, choice_ids, "
                                               "score, max_score, answered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                         error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  sqlite3_bind_int (stmt, 2, record->seq);
  sqlite3_bind_text (stmt, 3, record->scenario_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, record->choice_ids, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, record->score);
  sqlite3_bind_int (stmt, 6, record->max_score);
  sqlite3_bind_text (stmt, 7, record->timestamp, -1, SQLITE_TRANSIENT);
  return th_store_run_audited (self, stmt, "answers", 0, TH_AUDIT_INSERT, error);
}

static gint64
finish_attempt (ThStore                 *self,
                gint64                   attempt_id,
                const ThStatementRecord *record,
                GError                 **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, "UPDATE attempts SET finished_at = ?2, score = ?3, max_score = ?4, "
                                               "passed = ?5 WHERE id = ?1 AND finished_at IS NULL", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  sqlite3_bind_text (stmt, 2, record->timestamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, record->score);
  sqlite3_bind_int (stmt, 4, record->max_score);
  sqlite3_bind_int (stmt, 5, record->passed ? 1 : 0);
  return th_store_run_audited (self, stmt, "attempts", attempt_id, TH_AUDIT_UPDATE, error);
}

static gint64
insert_completion (ThStore                 *self,
                   gint64                   attempt_id,
                   const ThStatementRecord *record,
                   GError                 **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, "INSERT INTO completions (learner_id, module_id, attempt_id, "
                                               "completed_at, score_percent) SELECT learner_id, module_id, id, "
                                               "?2, ?3 FROM attempts WHERE id = ?1", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  sqlite3_bind_text (stmt, 2, record->timestamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, record->percent);
  return th_store_run_audited (self, stmt, "completions", 0, TH_AUDIT_INSERT, error);
}

static gint64
insert_sign_off (ThStore                 *self,
                 gint64                   learner_id,
                 const ThStatementRecord *record,
                 GError                 **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, "INSERT INTO signoffs (learner_id, supervisor, signed_at, note) "
                                               "VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, record->supervisor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, record->timestamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, record->note, -1, SQLITE_TRANSIENT);
  return th_store_run_audited (self, stmt, "signoffs", 0, TH_AUDIT_INSERT, error);
}

static gint64
revoke_sign_off (ThStore                 *self,
                 gint64                   sign_off_id,
                 const ThStatementRecord *record,
                 GError                 **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, "UPDATE signoffs SET revoked_at = ?2, revoked_by = ?3, "
                                               "revoke_reason = ?4 WHERE id = ?1 AND revoked_at IS NULL", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, sign_off_id);
  sqlite3_bind_text (stmt, 2, record->timestamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, record->supervisor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, record->note, -1, SQLITE_TRANSIENT);
  return th_store_run_audited (self, stmt, "signoffs", sign_off_id, TH_AUDIT_UPDATE, error);
}

/* Writes the record @record tells of: *@row_id is its row, or 0 when it
 * was not merged, and *@outcome says why. */
static gboolean
write_record (ThStore                 *self,
              const ThStatementRecord *record,
              gint64                  *row_id,
              ThImportOutcome         *outcome,
              GError                 **error)
{
  gint64 learner = 0, target = 0;
  gboolean added = FALSE;
  g_autoptr(GError) local_error = NULL;

  *row_id = 0;
  *outcome = TH_IMPORT_UNMATCHED;
  switch (record->kind)
    {
    case TH_STATEMENT_REGISTERED:
      if (find_or_add_learner (self, record, &learner, &added, &local_error))
        *row_id = added ? learner : 0;
      if (learner != 0 && !added)
        *outcome = TH_IMPORT_ALREADY_HERE;
      break;
    case TH_STATEMENT_ATTEMPTED:
    case TH_STATEMENT_SIGNED_OFF:
      if (!find_or_add_learner (self, record, &learner, &added, &local_error))
        break;
      *row_id = record->kind == TH_STATEMENT_ATTEMPTED ? insert_attempt (self, learner, record, &local_error)
                                                       : insert_sign_off (self, learner, record, &local_error);
      break;
    case TH_STATEMENT_ANSWERED:
    case TH_STATEMENT_FINISHED:
    case TH_STATEMENT_COMPLETED:
      if (!find_imported (self, record->registration, "attempted", &target, error))
        return FALSE;
      if (target == 0)
        return TRUE;
      *row_id = record->kind == TH_STATEMENT_ANSWERED ? insert_answer (self, target, record, &local_error)
              : record->kind == TH_STATEMENT_COMPLETED ? insert_completion (self, target, record, &local_error)
              : finish_attempt (self, target, record, &local_error);
      break;
    case TH_STATEMENT_REVOKED:
      if (!find_imported (self, record->signed_off_id, "signed-off", &target, error))
        return FALSE;
      if (target != 0)
        *row_id = revoke_sign_off (self, target, record, &local_error);
      break;
    default:
      g_assert_not_reached ();
    }
  /* A record that cannot be what the statement says (a name no profile
   * may have, a second answer in the same place, a finished attempt
   * finished again) is not merged. */
  if (g_error_matches (local_error, TH_STORE_ERROR, TH_STORE_ERROR_NOT_FOUND) ||
      g_error_matches (local_error, TH_STORE_ERROR, TH_STORE_ERROR_INVALID))
    {
      *row_id = 0;
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*row_id != 0)
    *outcome = TH_IMPORT_ADDED;
  return TRUE;
}

/* Gives the record's statement row the statement's id, marks it sent
 * when it came from the LRS, and audits where it came from. */
static gboolean
claim_statement (ThStore                 *self,
                 const ThStatementRecord *record,
                 gint64                   row_id,
                 const char              *origin,
                 gboolean                 sent,
                 GError                 **error)
{
  g_autofree char *now = th_store_dup_now_text (self);
  sqlite3_stmt *stmt = th_store_prepare (self, "UPDATE statements SET id = ?1, sent_at = ?4 "
                                               "WHERE kind = ?2 AND row_id = ?3", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, th_statement_kind_to_id (record->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, row_id);
  sqlite3_bind_text (stmt, 4, sent ? now : NULL, -1, SQLITE_TRANSIENT);
  if (!th_store_finish_read (self, stmt, sqlite3_step (stmt), error))
    return FALSE;
  stmt = th_store_prepare (self, "INSERT INTO imports (statement_id, origin, imported_at) VALUES (?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, origin, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  return th_store_run_audited (self, stmt, "imports", 0, TH_AUDIT_INSERT, error) != 0;
}

/**
 * th_store_import_statement:
 * @record: a statement from another workstation, already checked
 *   (th_xapi_statement_parse())
 * @origin: where it came from: the LRS's address or the file's name
 * @sent: whether the LRS has it already (fetched from it), or it is to be
 *   sent on (from a file)
 * @outcome: (out): what merging it did
 *
 * Merges one statement in a transaction of its own (or the caller's
 * batch). The same statement twice adds nothing.
 */
gboolean
th_store_import_statement (ThStore                  *self,
                           const ThStatementRecord  *record,
                           const char               *origin,
                           gboolean                  sent,
                           ThImportOutcome          *outcome,
                           GError                  **error)
{
  gint64 known = 0, row_id = 0;

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->id != NULL, FALSE);

  if (!th_store_begin (self, error))
    return FALSE;
  *outcome = TH_IMPORT_ALREADY_HERE;
  if (!find_id (self, "SELECT 1 FROM statements WHERE id = ?1", record->id, &known, error) ||
      (known == 0 && !write_record (self, record, &row_id, outcome, error)) ||
      (row_id != 0 && !claim_statement (self, record, row_id, origin, sent, error)))
    {
      th_store_rollback (self);
      return FALSE;
    }
  /* Whatever a statement that was not merged began to write goes. */
  if (row_id == 0)
    {
      th_store_rollback (self);
      return TRUE;
    }
  if (!th_store_commit (self, error))
    {
      th_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
