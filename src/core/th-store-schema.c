/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <glib/gi18n.h>

#include "th-audit-trail.h"
#include "th-learner.h"
#include "th-store-private.h"
#include "th-store-statements.h"

/* The schema: each version's step, how a database is brought forward, and
 * the check that the records still agree with their audit trail and the
 * summary made from them. */

static gboolean seal_audited_tables (ThStore *self, GError **error);
static gboolean fill_name_keys (ThStore *self, GError **error);
static gboolean name_workstation (ThStore *self, GError **error);

/* Version 8's columns, worked out again for the learner and module a
 * trigger's attempt belongs to (NEW), as TH_STORE_PROGRESS_SQL does. */
#define PROGRESS_TRIED_SET \
  "(open_attempt, tried_at, tried_percent) = (SELECT" \
  "   EXISTS (SELECT 1 FROM attempts WHERE learner_id = t.learner_id AND module_id = t.module_id" \
  "           AND finished_at IS NULL)," \
  "   " TH_STORE_TRIED_AT_SQL ", " TH_STORE_TRIED_PERCENT_SQL \
  "   FROM (SELECT NEW.learner_id AS learner_id, NEW.module_id AS module_id) AS t)"

/* A random (version 4) UUID, for a statement id. */
#define STATEMENT_UUID_SQL \
  "(lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||" \
  " substr (lower (hex (randomblob (2))), 2) || '-' || substr ('89ab', 1 + abs (random ()) % 4, 1) ||" \
  " substr (lower (hex (randomblob (2))), 2) || '-' || lower (hex (randomblob (6))))"

/* Gives each new record of @table its statement id, in the record's own
 * transaction. OR IGNORE: a record merged from another workstation
 * already has its id. */
#define STATEMENT_TRIGGER(name, table, event, kind, when) \
  "CREATE TRIGGER " name " AFTER " event " ON " table " WHEN " when " BEGIN" \
  "  INSERT OR IGNORE INTO statements (id, kind, row_id) VALUES (" STATEMENT_UUID_SQL ", '" kind "', NEW.id);" \
  "END;"

/* Forgets the statements of a record of @table that is deleted. */
#define STATEMENT_FORGET(table, kinds) \
  "CREATE TRIGGER statement_forget_" table " AFTER DELETE ON " table " BEGIN" \
  "  DELETE FROM statements WHERE kind IN (" kinds ") AND row_id = OLD.id;" \
  "END;"

/* Each step brings the schema from version i to i + 1, in one transaction
 * with its after-step. Steps are only ever appended: a released step never
 * changes, so every older database can be brought forward. */
static const struct {
  const char *sql;
  gboolean  (*after) (ThStore *self, GError **error);
} migrations[] = {
  /* 1: learners and settings */
  { "CREATE TABLE learners ("
    "  id INTEGER PRIMARY KEY,"
    "  display_name TEXT NOT NULL,"
    "  pin_hash TEXT,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))"
    ");"
    "CREATE TABLE settings ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ");", NULL },

  /* 2: attempts, answers, completions, sign-offs and the audit trail */
  { "CREATE TABLE attempts ("
    "  id INTEGER PRIMARY KEY,"
    "  learner_id INTEGER NOT NULL REFERENCES learners (id),"
    "  module_id TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('full', 'refresher')),"
    "  scenario_set TEXT,"
    "  started_at TEXT NOT NULL,"
    "  finished_at TEXT,"
    "  score INTEGER,"
    "  max_score INTEGER,"
    "  passed INTEGER CHECK (passed IN (0, 1))"
    ");"
    "CREATE INDEX attempts_by_learner ON attempts (learner_id, module_id, id);"
    "CREATE TABLE answers ("
    "  id INTEGER PRIMARY KEY,"
    "  attempt_id INTEGER NOT NULL REFERENCES attempts (id),"
    "  seq INTEGER NOT NULL,"
    "  scenario_id TEXT NOT NULL,"
    "  choice_ids TEXT NOT NULL,"
    "  score INTEGER NOT NULL,"
    "  max_score INTEGER NOT NULL,"
    "  answered_at TEXT NOT NULL,"
    "  UNIQUE (attempt_id, seq)"
    ");"
    "CREATE TABLE completions ("
    "  id INTEGER PRIMARY KEY,"
    "  learner_id INTEGER NOT NULL REFERENCES learners (id),"
    "  module_id TEXT NOT NULL,"
    "  attempt_id INTEGER NOT NULL UNIQUE REFERENCES attempts (id),"
    "  completed_at TEXT NOT NULL,"
    "  score_percent INTEGER NOT NULL"
    ");"
    "CREATE INDEX completions_by_learner ON completions (learner_id, module_id, completed_at);"
    "CREATE TABLE signoffs ("
    "  id INTEGER PRIMARY KEY,"
    "  learner_id INTEGER NOT NULL REFERENCES learners (id),"
    "  supervisor TEXT NOT NULL,"
    "  signed_at TEXT NOT NULL,"
    "  note TEXT,"
    "  revoked_at TEXT,"
    "  revoked_by TEXT,"
    "  revoke_reason TEXT"
    ");"
    "CREATE TABLE audit ("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL,"
    "  tbl TEXT NOT NULL,"
    "  row_id INTEGER NOT NULL,"
    "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),"
    "  state TEXT NOT NULL,"
    "  hash TEXT NOT NULL"
    ");"
    "CREATE INDEX audit_by_row ON audit (tbl, row_id, id);"
    /* Append-only inside Threshold; the hash chain catches the rest. */
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
    "BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
    "BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;",
    seal_audited_tables },

  /* 3: supervisors, whom sign-offs name */
  { "CREATE TABLE supervisors ("
    "  id INTEGER PRIMARY KEY,"
    "  display_name TEXT NOT NULL,"
    "  passphrase_hash TEXT NOT NULL,"
    "  learner_id INTEGER REFERENCES learners (id),"
    "  created_at TEXT NOT NULL,"
    "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))"
    ");"
    "ALTER TABLE signoffs ADD COLUMN supervisor_id INTEGER REFERENCES supervisors (id);"
    "CREATE INDEX signoffs_by_learner ON signoffs (learner_id, id);", NULL },

  /* 4: the completion matrix reads each learner's latest score from the
   * index alone (EXPLAIN QUERY PLAN: COVERING INDEX), not the table */
  { "DROP INDEX completions_by_learner;"
    "CREATE INDEX completions_by_learner ON completions (learner_id, module_id, completed_at, score_percent);",
    NULL },

  /* 5: each learner's standing in each module, kept by triggers as
   * attempts and completions are written: the matrix reads one row per
   * learner and module instead of every attempt and completion. Derived,
   * so not audited; --verify-records checks it against the records. */
  { "CREATE TABLE progress ("
    "  learner_id INTEGER NOT NULL,"
    "  module_id TEXT NOT NULL,"
    "  completed_at INTEGER,"     /* Unix time of the latest completion */
    "  score_percent INTEGER,"
    "  PRIMARY KEY (learner_id, module_id)"
    ") WITHOUT ROWID;"
    "INSERT INTO progress (learner_id, module_id, completed_at, score_percent) "
    "  SELECT learner_id, module_id, completed_at, score_percent FROM " TH_STORE_PROGRESS_SQL ";"
    "CREATE TRIGGER progress_attempt_added AFTER INSERT ON attempts BEGIN"
    "  INSERT INTO progress (learner_id, module_id) VALUES (NEW.learner_id, NEW.module_id)"
    "    ON CONFLICT DO NOTHING;"
    "END;"
    "CREATE TRIGGER progress_completion_added AFTER INSERT ON completions BEGIN"
    "  INSERT INTO progress (learner_id, module_id, completed_at, score_percent)"
    "    VALUES (NEW.learner_id, NEW.module_id, unixepoch (NEW.completed_at), NEW.score_percent)"
    "    ON CONFLICT DO UPDATE SET completed_at = excluded.completed_at, score_percent = excluded.score_percent"
    "    WHERE progress.completed_at IS NULL OR excluded.completed_at >= progress.completed_at;"
    "END;"
    "CREATE TRIGGER progress_completion_deleted AFTER DELETE ON completions BEGIN"
    "  UPDATE progress SET (completed_at, score_percent) ="
    "    (SELECT unixepoch (completed_at), score_percent FROM completions"
    "     WHERE learner_id = OLD.learner_id AND module_id = OLD.module_id"
    "     ORDER BY unixepoch (completed_at) DESC, id DESC LIMIT 1)"
    "  WHERE learner_id = OLD.learner_id AND module_id = OLD.module_id;"
    "END;"
    "CREATE TRIGGER progress_attempt_deleted AFTER DELETE ON attempts"
    "  WHEN NOT EXISTS (SELECT 1 FROM attempts WHERE learner_id = OLD.learner_id AND module_id = OLD.module_id)"
    "BEGIN"
    "  DELETE FROM progress WHERE learner_id = OLD.learner_id AND module_id = OLD.module_id;"
    "END;", NULL },

  /* 6: the profiles page reads the first fifty names in order from an
   * index (EXPLAIN QUERY PLAN: SCAN learners USING INDEX), not by sorting
   * every learner */
  { "CREATE INDEX learners_by_name ON learners (display_name COLLATE NOCASE, id) WHERE archived = 0;",
    NULL },

  /* 7: the seed each attempt shuffles its choices with, keyed by the
   * attempt's id. An attempt without one (every attempt made before)
   * showed the order of the file. A table of its own, not a column, so
   * that attempts keep the audited form earlier versions wrote. */
  { "CREATE TABLE attempt_seeds ("
    "  id INTEGER PRIMARY KEY REFERENCES attempts (id),"
    "  seed INTEGER NOT NULL"
    ");", NULL },

  /* 8: whether an attempt is under way, and the latest finished attempt's
   * end and score, beside each completion in the summary: a finished
   * attempt that did not pass is a standing of its own, not "in progress". */
  { "ALTER TABLE progress ADD COLUMN open_attempt INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE progress ADD COLUMN tried_at INTEGER;"
    "ALTER TABLE progress ADD COLUMN tried_percent INTEGER;"
    "UPDATE progress SET (open_attempt, tried_at, tried_percent) = "
    "  (SELECT m.open_attempt, m.tried_at, m.tried_percent FROM " TH_STORE_PROGRESS_SQL " AS m"
    "   WHERE m.learner_id = progress.learner_id AND m.module_id = progress.module_id);"
    "DROP TRIGGER progress_attempt_added;"
    "CREATE TRIGGER progress_attempt_added AFTER INSERT ON attempts BEGIN"
    "  INSERT INTO progress (learner_id, module_id) VALUES (NEW.learner_id, NEW.module_id)"
    "    ON CONFLICT DO NOTHING;"
    "  UPDATE progress SET " PROGRESS_TRIED_SET
    "    WHERE learner_id = NEW.learner_id AND module_id = NEW.module_id;"
    "END;"
    "CREATE TRIGGER progress_attempt_finished AFTER UPDATE OF finished_at ON attempts BEGIN"
    "  UPDATE progress SET " PROGRESS_TRIED_SET
    "    WHERE learner_id = NEW.learner_id AND module_id = NEW.module_id;"
    "END;", NULL },

  /* 9: each learner's name key (th_learner_dup_name_key), so that a name
   * that reads as another profile's is found by one look-up in an index.
   * A table of its own, not a column, so that learners keep the audited
   * form earlier versions wrote. */
  { "CREATE TABLE learner_name_keys ("
    "  id INTEGER PRIMARY KEY REFERENCES learners (id),"
    "  key TEXT NOT NULL UNIQUE"
    ");", fill_name_keys },

  /* 10: the organisation's records (docs/xapi.md). Each record's xAPI
   * statement id, kept beside it by triggers in the record's own
   * transaction, so that the same record always becomes the same
   * statement and nothing is written without its place in the outbox; an
   * organisation account for each learner who has one; and the
   * statements merged from other workstations. */
  { "CREATE TABLE learner_accounts ("
    "  id INTEGER PRIMARY KEY REFERENCES learners (id),"
    "  account TEXT NOT NULL UNIQUE"
    ");"
    "CREATE TABLE statements ("
    "  id TEXT PRIMARY KEY,"
    "  kind TEXT NOT NULL,"
    "  row_id INTEGER NOT NULL,"
    "  sent_at TEXT,"           /* when an LRS took it, or NULL */
    "  refused TEXT,"           /* why an LRS refused it, or NULL */
    "  UNIQUE (kind, row_id)"
    ");"
    "CREATE INDEX statements_waiting ON statements (refused) WHERE sent_at IS NULL;"
    "CREATE TABLE imports ("
    "  id INTEGER PRIMARY KEY,"
    "  statement_id TEXT NOT NULL UNIQUE,"
    "  origin TEXT NOT NULL,"
    "  imported_at TEXT NOT NULL"
    ");"
    STATEMENT_TRIGGER ("statement_registered", "learners", "INSERT", "registered", "1")
    STATEMENT_TRIGGER ("statement_attempted", "attempts", "INSERT", "attempted", "1")
    STATEMENT_TRIGGER ("statement_answered", "answers", "INSERT", "answered", "1")
    STATEMENT_TRIGGER ("statement_finished", "attempts", "UPDATE OF finished_at", "finished",
                       "NEW.finished_at IS NOT NULL")
    STATEMENT_TRIGGER ("statement_completed", "completions", "INSERT", "completed", "1")
    STATEMENT_TRIGGER ("statement_signed_off", "signoffs", "INSERT", "signed-off", "1")
    STATEMENT_TRIGGER ("statement_revoked", "signoffs", "UPDATE OF revoked_at", "revoked",
                       "NEW.revoked_at IS NOT NULL")
    /* A learner's records deleted by a supervisor leave nothing waiting
     * to be sent (what was sent stays in the LRS: docs/xapi.md). */
    STATEMENT_FORGET ("learners", "'registered'")
    STATEMENT_FORGET ("attempts", "'attempted', 'finished'")
    STATEMENT_FORGET ("answers", "'answered'")
    STATEMENT_FORGET ("completions", "'completed'")
    STATEMENT_FORGET ("signoffs", "'signed-off', 'revoked'")
    /* The records made before, in the order they were made. */
    "INSERT INTO statements (id, kind, row_id)"
    "  SELECT " STATEMENT_UUID_SQL ", kind, row_id FROM ("
    "    SELECT 'registered' AS kind, id AS row_id, created_at AS at FROM learners"
    "    UNION ALL SELECT 'attempted', id, started_at FROM attempts"
    "    UNION ALL SELECT 'answered', id, answered_at FROM answers"
    "    UNION ALL SELECT 'finished', id, finished_at FROM attempts WHERE finished_at IS NOT NULL"
    "    UNION ALL SELECT 'completed', id, completed_at FROM completions"
    "    UNION ALL SELECT 'signed-off', id, signed_at FROM signoffs"
    "    UNION ALL SELECT 'revoked', id, revoked_at FROM signoffs WHERE revoked_at IS NOT NULL"
    "  ) ORDER BY julianday (at), row_id;", name_workstation },

  /* 11: the team's answers and finished attempts counted by month, kept
   * by triggers, so that the insights of a large team read thousands of
   * rows instead of every answer; the answers and attempts by time, for
   * the days of a period outside its whole months; and the archived
   * learners, whose records are taken away. Derived, so not
   * audited; --verify-records checks them against the records. An
   * attempt's "first" is decided when it finishes: a learner's attempts
   * are deleted newest first (th_store_delete_learner), so it is the same
   * when it is taken away. */
  { "CREATE TABLE answer_tally ("
    "  month TEXT NOT NULL, module_id TEXT NOT NULL, scenario_id TEXT NOT NULL, choice_ids TEXT NOT NULL,"
    "  score INTEGER NOT NULL, max_score INTEGER NOT NULL, n INTEGER NOT NULL,"
    "  PRIMARY KEY (month, module_id, scenario_id, choice_ids, score, max_score)"
    ") WITHOUT ROWID;"
    "INSERT INTO answer_tally SELECT * FROM " TH_STORE_ANSWER_TALLY_SQL ";"
    "CREATE TRIGGER answer_tally_added AFTER INSERT ON answers BEGIN"
    "  INSERT INTO answer_tally SELECT substr (NEW.answered_at, 1, 7), t.module_id, NEW.scenario_id,"
    "    NEW.choice_ids, NEW.score, NEW.max_score, 1 FROM attempts AS t WHERE t.id = NEW.attempt_id"
    "    ON CONFLICT DO UPDATE SET n = n + 1;"
    "END;"
    "CREATE TRIGGER answer_tally_deleted AFTER DELETE ON answers BEGIN"
    "  UPDATE answer_tally SET n = n - 1 WHERE month = substr (OLD.answered_at, 1, 7)"
    "    AND module_id = (SELECT module_id FROM attempts WHERE id = OLD.attempt_id)"
    "    AND scenario_id = OLD.scenario_id AND choice_ids = OLD.choice_ids AND score = OLD.score"
    "    AND max_score = OLD.max_score;"
    "END;"
    "CREATE INDEX answers_by_time ON answers (answered_at);"
    "CREATE TABLE attempt_tally ("
    "  month TEXT NOT NULL, module_id TEXT NOT NULL, refresher INTEGER NOT NULL, first INTEGER NOT NULL,"
    "  passed INTEGER NOT NULL, percent INTEGER NOT NULL, n INTEGER NOT NULL,"
    "  PRIMARY KEY (month, module_id, refresher, first, passed, percent)"
    ") WITHOUT ROWID;"
    "INSERT INTO attempt_tally SELECT * FROM " TH_STORE_ATTEMPT_TALLY_SQL ";"
    "CREATE TRIGGER attempt_tally_finished AFTER UPDATE OF finished_at ON attempts"
    "  WHEN OLD.finished_at IS NULL AND NEW.finished_at IS NOT NULL BEGIN"
    "  INSERT INTO attempt_tally SELECT substr (NEW.finished_at, 1, 7), NEW.module_id, NEW.kind = 'refresher',"
    "    " TH_STORE_FIRST_SQL ("NEW") ", ifnull (NEW.passed, 0), " TH_STORE_PERCENT_SQL ("NEW") ", 1 WHERE 1"
    "    ON CONFLICT DO UPDATE SET n = n + 1;"
    "END;"
    "CREATE TRIGGER attempt_tally_deleted AFTER DELETE ON attempts WHEN OLD.finished_at IS NOT NULL BEGIN"
    "  UPDATE attempt_tally SET n = n - 1 WHERE month = substr (OLD.finished_at, 1, 7)"
    "    AND module_id = OLD.module_id AND refresher = (OLD.kind = 'refresher')"
    "    AND first = " TH_STORE_FIRST_SQL ("OLD") " AND passed = ifnull (OLD.passed, 0)"
    "    AND percent = " TH_STORE_PERCENT_SQL ("OLD") ";"
    "END;"
    "CREATE INDEX attempts_by_finish ON attempts (finished_at) WHERE finished_at IS NOT NULL;"
    /* the archived learners, whose records are taken away, without a scan */
    "CREATE INDEX learners_archived ON learners (id) WHERE archived = 1;", NULL },
};

int
th_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
seal_audited_tables (ThStore  *self,
                     GError  **error)
{
  /* Learners and settings were written before the audit trail existed. */
  return th_audit_trail_seal_table (self->db, "learners", error) &&
         th_audit_trail_seal_table (self->db, "settings", error);
}

/* Names written before version 9 may already read the same: each stays
 * as it is, with its records, and nothing is lost. The first (by id) takes
 * the key; each later one that key, two spaces and its id, a key no name
 * makes (a name's key never holds two spaces in a row), until a
 * supervisor renames it. */
static gboolean
fill_name_keys (ThStore  *self,
                GError  **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *read, *write;
  int rc;

  if ((read = th_store_prepare (self, "SELECT id, display_name FROM learners ORDER BY id", error)) == NULL)
    return FALSE;
  if ((write = th_store_prepare (self, "INSERT INTO learner_name_keys (id, key) VALUES (?1, ?2)", error)) == NULL)
    {
      sqlite3_finalize (read);
      return FALSE;
    }
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (read, 0);
      g_autofree char *name = g_utf8_make_valid ((const char *) sqlite3_column_text (read, 1), -1);
      char *key = th_learner_dup_name_key (name);

      if (g_hash_table_contains (taken, key))
        {
          g_autofree char *first = key;
          key = g_strdup_printf ("%s  #%" G_GINT64_FORMAT, first, id);
        }
      g_hash_table_add (taken, key);
      sqlite3_bind_int64 (write, 1, id);
      sqlite3_bind_text (write, 2, key, -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (write)) != SQLITE_DONE || (rc = sqlite3_reset (write)) != SQLITE_OK)
        break;
    }
  sqlite3_finalize (write);
  return th_store_finish_read (self, read, rc, error) &&
         th_audit_trail_seal_table (self->db, "learner_name_keys", error);
}

/* What tells this workstation's learners without an organisation account
 * apart from every other workstation's (docs/xapi.md). */
static gboolean
name_workstation (ThStore  *self,
                  GError  **error)
{
  g_autofree char *id = g_uuid_string_random ();

  return th_audit_trail_seal_table (self->db, "learner_accounts", error) &&
         th_store_set_setting (self, TH_STORE_WORKSTATION_ID_KEY, id, error);
}

gboolean
th_store_migrate (ThStore  *self,
         int       from,
         int       to,
         GError  **error)
{
  for (int version = from; version < to; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", version + 1);

      if (!th_store_begin (self, error))
        return FALSE;
      if (!th_store_exec (self, migrations[version].sql, error) ||
          (migrations[version].after && !migrations[version].after (self, error)) ||
          !th_store_exec (self, bump, error))
        {
          th_store_rollback (self);
          return FALSE;
        }
      if (!th_store_commit (self, error))
        {
          th_store_rollback (self);
          return FALSE;
        }
    }
  return TRUE;
}

/* Whether the progress table holds what the records make of it, row for
 * row, both ways. */
static gboolean
progress_agrees (ThStore   *self,
                 gboolean  *agrees,
                 GError   **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self,
    "SELECT count(*) FROM ("
    "  SELECT * FROM (SELECT * FROM " TH_STORE_PROGRESS_SQL " EXCEPT SELECT * FROM progress)"
    "  UNION ALL"
    "  SELECT * FROM (SELECT * FROM progress EXCEPT SELECT * FROM " TH_STORE_PROGRESS_SQL "))", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *agrees = sqlite3_column_int64 (stmt, 0) == 0;
  return th_store_finish_read (self, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

/* Whether the monthly tallies hold what the records make of them, both
 * ways (a tally taken down to nought is as good as none). */
static gboolean
tallies_agree (ThStore   *self,
               gboolean  *agrees,
               GError   **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self,
    "SELECT (SELECT count(*) FROM ("
    "  SELECT * FROM (SELECT * FROM " TH_STORE_ANSWER_TALLY_SQL " EXCEPT SELECT * FROM answer_tally WHERE n != 0)"
    "  UNION ALL"
    "  SELECT * FROM (SELECT * FROM answer_tally WHERE n != 0 EXCEPT SELECT * FROM " TH_STORE_ANSWER_TALLY_SQL ")))"
    " + (SELECT count(*) FROM ("
    "  SELECT * FROM (SELECT * FROM " TH_STORE_ATTEMPT_TALLY_SQL " EXCEPT SELECT * FROM attempt_tally WHERE n != 0)"
    "  UNION ALL"
    "  SELECT * FROM (SELECT * FROM attempt_tally WHERE n != 0 EXCEPT SELECT * FROM " TH_STORE_ATTEMPT_TALLY_SQL ")))",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *agrees = sqlite3_column_int64 (stmt, 0) == 0;
  return th_store_finish_read (self, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

/**
 * th_store_verify:
 *
 * Checks the file's integrity and the audit trail.
 *
 * Returns: (transfer full) (nullable): where the records first break, or
 *   %NULL if they are intact (or on @error)
 */
char *
th_store_verify (ThStore  *self,
                 GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(GError) local_error = NULL;
  char *problem;
  gboolean agrees = FALSE;
  int rc;

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check;", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    integrity = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (integrity == NULL)
    {
      th_store_set_error_from_db (self, rc, error);
      return NULL;
    }
  if (!g_str_equal (integrity, "ok"))
    return g_strdup_printf (_("the database file fails its integrity check: %s"), integrity);
  /* The records before the summary made from them: a record changed
   * outside Threshold is the finding that matters. */
  problem = th_audit_trail_verify (self->db, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (problem != NULL)
    return problem;
  if (!progress_agrees (self, &agrees, error))
    return NULL;
  if (!agrees)
    return g_strdup (_("the summary of each learner’s progress does not agree with their attempts "
                       "and completions"));
  if (!tallies_agree (self, &agrees, error))
    return NULL;
  if (!agrees)
    return g_strdup (_("the team’s monthly tallies do not agree with the answers and attempts"));
  return NULL;
}
