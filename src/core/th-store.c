/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "th-audit-trail.h"
#include "th-store-private.h"

#define BACKUP_PREFIX "threshold-"
#define BACKUP_SUFFIX ".db"
#define BACKUP_TIME_FORMAT "%Y%m%d-%H%M%S"

#define READ_ONLY_MESSAGE \
  _("Threshold cannot write to %s (%s). Check that the disk is not read-only " \
    "and that you may write to its folder.")

G_DEFINE_FINAL_TYPE (ThStore, th_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (th-store-error-quark, th_store_error)

static gboolean seal_audited_tables (ThStore *self, GError **error);

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
};

static void
th_store_finalize (GObject *object)
{
  ThStore *self = (ThStore *)object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);

  G_OBJECT_CLASS (th_store_parent_class)->finalize (object);
}

static void
th_store_class_init (ThStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_store_finalize;
}

static void
th_store_init (ThStore *self)
{
}

int
th_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

char *
th_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "threshold", "threshold.db", NULL);
}

static ThStoreError
error_kind (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return TH_STORE_ERROR_DAMAGED;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return TH_STORE_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return TH_STORE_ERROR_FULL;
    default:
      return TH_STORE_ERROR_FAILED;
    }
}

gboolean
th_store_set_error_from_db (ThStore  *self,
                            int       code,
                            GError  **error)
{
  ThStoreError kind = error_kind (code);
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (code);

  switch (kind)
    {
    case TH_STORE_ERROR_FULL:
      g_set_error (error, TH_STORE_ERROR, kind,
                   _("The disk holding %s is full, so the last change was not saved. "
                     "Everything saved before it is safe. Free some space and try again."),
                   self->path);
      break;
    case TH_STORE_ERROR_READ_ONLY:
      g_set_error (error, TH_STORE_ERROR, kind, READ_ONLY_MESSAGE, self->path, detail);
      break;
    case TH_STORE_ERROR_DAMAGED:
    case TH_STORE_ERROR_NEWER_VERSION:
    case TH_STORE_ERROR_NOT_FOUND:
    case TH_STORE_ERROR_INVALID:
    case TH_STORE_ERROR_FAILED:
    default:
      g_set_error (error, TH_STORE_ERROR, kind,
                   _("The progress database %s cannot be used: %s"), self->path, detail);
      break;
    }
  return FALSE;
}

gboolean
th_store_exec (ThStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc;

  th_store_assert_owner (self);
  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  return rc == SQLITE_OK || th_store_set_error_from_db (self, rc, error);
}

/* IMMEDIATE: take the write lock at once, so a busy database makes us wait
 * (busy_timeout) here rather than fail half-way through. Inside a batch,
 * a savepoint: the change is kept or undone whole, and made durable with
 * the batch. */
gboolean
th_store_begin (ThStore  *self,
                GError  **error)
{
  /* Writes only on the store's own thread, never on a reader. */
  th_store_assert_owner (self);
  g_assert (!self->read_only);
  if (!th_store_exec (self, self->depth > 0 ? "SAVEPOINT change;" : "BEGIN IMMEDIATE;", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

/* On failure the transaction is still open: the caller rolls it back. */
gboolean
th_store_commit (ThStore  *self,
                 GError  **error)
{
  g_assert (self->depth > 0);

  if (!th_store_exec (self, self->depth > 1 ? "RELEASE change;" : "COMMIT;", error))
    return FALSE;
  self->depth--;
  return TRUE;
}

void
th_store_rollback (ThStore *self)
{
  if (self->depth == 0)
    return;
  if (self->depth > 1)
    sqlite3_exec (self->db, "ROLLBACK TO change; RELEASE change;", NULL, NULL, NULL);
  else if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  self->depth--;
}

/**
 * th_store_begin_batch:
 *
 * Starts a batch: the reads and changes made until th_store_commit_batch()
 * (or th_store_abandon_batch()) happen in one transaction, so a decision
 * and the change it allows cannot be split by another writer. For a
 * sign-off and its checks, imports and generated test data; a learner's
 * answers are never batched, each is durable on its own.
 */
gboolean
th_store_begin_batch (ThStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  return th_store_begin (self, error);
}

gboolean
th_store_commit_batch (ThStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (TH_IS_STORE (self), FALSE);

  if (th_store_commit (self, error))
    return TRUE;
  th_store_rollback (self);
  return FALSE;
}

/* Undoes everything since th_store_begin_batch(). */
void
th_store_abandon_batch (ThStore *self)
{
  g_return_if_fail (TH_IS_STORE (self));
  th_store_rollback (self);
}

static ThStoreError
errno_kind (int saved)
{
  return saved == EROFS || saved == EACCES || saved == EPERM
    ? TH_STORE_ERROR_READ_ONLY : saved == ENOSPC ? TH_STORE_ERROR_FULL : TH_STORE_ERROR_FAILED;
}

/* The file is created by us, not by SQLite, so that it is private from its
 * first byte; SQLite gives its -wal and -shm files the same mode. */
static gboolean
ensure_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd, saved;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved = errno;
      g_set_error (error, TH_STORE_ERROR, errno_kind (saved),
                   _("Cannot create the folder %s for the progress database: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      if (errno_kind (saved) == TH_STORE_ERROR_READ_ONLY)
        g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_READ_ONLY, READ_ONLY_MESSAGE,
                     path, g_strerror (saved));
      else
        g_set_error (error, TH_STORE_ERROR, errno_kind (saved),
                     _("Cannot open the progress database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  return TRUE;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
seal_audited_tables (ThStore  *self,
                     GError  **error)
{
  /* Learners and settings were written before the audit trail existed. */
  return th_audit_trail_seal_table (self->db, "learners", error) &&
         th_audit_trail_seal_table (self->db, "settings", error);
}

static gboolean
migrate (ThStore  *self,
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

static gboolean
configure (ThStore  *self,
           GError  **error)
{
  /* The command line can read while the application writes. */
  sqlite3_busy_timeout (self->db, 5000);

  /* WAL with synchronous=FULL: the WAL is fsynced before COMMIT returns,
   * so once an answer's commit has returned, a crash or power cut cannot
   * lose it. A cut during a commit loses at most that one answer, which
   * the learner had not yet seen confirmed, and never leaves the file
   * inconsistent. */
  return th_store_exec (self, "PRAGMA journal_mode = WAL;"
                              "PRAGMA synchronous = FULL;"
                              "PRAGMA foreign_keys = ON;", error);
}

/* Reading the header and the schema is cheap and catches what is not a
 * database or was cut short; a full integrity check is for
 * --verify-records and for the daily backup, off the start-up path. */
static gboolean
open_checked (ThStore  *self,
              int       target_version,
              GError  **error)
{
  int version = 0, tables = 0;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    return th_store_set_error_from_db (self, rc, error);

  /* Read before anything writes: a database from a newer Threshold must be
   * left exactly as it is. */
  rc = query_int (self->db, "PRAGMA user_version;", &version);
  if (rc == SQLITE_OK)
    rc = query_int (self->db, "SELECT count(*) FROM sqlite_master;", &tables);
  if (rc != SQLITE_OK)
    return th_store_set_error_from_db (self, rc, error);

  if (version > th_store_get_latest_version ())
    {
      g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_NEWER_VERSION,
                   _("The progress database %s was written by a newer version of Threshold "
                     "(format %d; this version knows up to %d). It has not been changed. "
                     "Please update Threshold."),
                   self->path, version, th_store_get_latest_version ());
      return FALSE;
    }

  return configure (self, error) && migrate (self, version, target_version, error);
}

static char *
timestamped (const char *path,
             const char *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, BACKUP_TIME_FORMAT);

  for (guint n = 0; ; n++)
    {
      char *candidate = n == 0 ? g_strdup_printf ("%s.%s-%s", path, what, stamp)
                               : g_strdup_printf ("%s.%s-%s-%u", path, what, stamp, n);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return candidate;
      g_free (candidate);
    }
}

/* Renames the damaged file (and its WAL, which may hold the latest
 * answers) to a name no one else uses: the bytes stay exactly as found. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autofree char *aside = timestamped (path, "damaged");

  if (g_rename (path, aside) != 0)
    {
      int saved = errno;

      g_set_error (error, TH_STORE_ERROR, errno_kind (saved),
                   _("Cannot move the damaged database %s aside: %s"), path, g_strerror (saved));
      return NULL;
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *from = g_strconcat (path, suffix, NULL);
      g_autofree char *to = g_strconcat (aside, suffix, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  return g_steal_pointer (&aside);
}

static ThStore *
open_at (const char  *path,
         int          version,
         GError     **error)
{
  g_autoptr(ThStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *aside = NULL;

  if (!ensure_file (path, error))
    return NULL;

  self = g_object_new (TH_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->owner = g_thread_self ();
  if (open_checked (self, version, &local_error))
    return g_steal_pointer (&self);

  if (!g_error_matches (local_error, TH_STORE_ERROR, TH_STORE_ERROR_DAMAGED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_clear_pointer (&self->db, sqlite3_close);
  aside = move_aside (path, error);
  if (aside != NULL)
    g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_DAMAGED,
                 _("The progress database was damaged (%s). It has been moved, unchanged, to %s "
                   "so that nothing in it is lost."), local_error->message, aside);
  return NULL;
}

/**
 * th_store_open:
 * @path: the database file; created (mode 0600, in a 0700 folder) where
 *   missing
 *
 * Opens the progress database and brings its schema up to date. A file
 * that is not a database or is damaged is moved aside, never overwritten,
 * and reported as %TH_STORE_ERROR_DAMAGED; th_store_find_good_backup()
 * then names a backup to restore.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ThStore *
th_store_open (const char  *path,
               GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_at (path, th_store_get_latest_version (), error);
}

/**
 * th_store_open_reader:
 * @path: a database th_store_open() has brought up to date
 *
 * A read-only connection for the calling thread, a worker: WAL lets it
 * read while the owner of the store writes. It never migrates, moves or
 * changes anything; a database at another version is an error.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set
 */
ThStore *
th_store_open_reader (const char  *path,
                      GError     **error)
{
  g_autoptr(ThStore) self = g_object_new (TH_TYPE_STORE, NULL);
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  self->owner = g_thread_self ();
  self->read_only = TRUE;
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = query_int (self->db, "PRAGMA user_version;", &version);
  if (rc != SQLITE_OK)
    return th_store_set_error_from_db (self, rc, error), NULL;
  if (version != th_store_get_latest_version ())
    {
      g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_FAILED,
                   _("The progress database %s is at format %d, not %d, and cannot be read here"),
                   path, version, th_store_get_latest_version ());
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  return g_steal_pointer (&self);
}

ThStore *
th_store_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  g_return_val_if_fail (version <= th_store_get_latest_version (), NULL);
  return open_at (path, version, error);
}

const char *
th_store_get_path (ThStore *self)
{
  g_return_val_if_fail (TH_IS_STORE (self), NULL);
  return self->path;
}

/**
 * th_store_set_clock:
 * @clock: (nullable): what gives the time records are stamped with; %NULL
 *   for the real time
 *
 * For generated history and tests. The audit trail keeps the real time.
 */
void
th_store_set_clock (ThStore     *self,
                    ThClockFunc  clock,
                    gpointer     user_data)
{
  g_return_if_fail (TH_IS_STORE (self));

  self->clock = clock;
  self->clock_data = user_data;
}

/**
 * th_store_dup_now:
 *
 * Returns: (transfer full): the time by the store's clock, in UTC
 */
GDateTime *
th_store_dup_now (ThStore *self)
{
  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  return self->clock ? self->clock (self->clock_data) : g_date_time_new_now_utc ();
}

int
th_store_get_version (ThStore *self)
{
  int version = -1;

  g_return_val_if_fail (TH_IS_STORE (self), -1);
  query_int (self->db, "PRAGMA user_version;", &version);
  return version;
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
  return NULL;
}

/* Backups */

static gboolean
copy_database (const char  *source_path,
               const char  *dest_path,
               GError     **error)
{
  sqlite3 *source = NULL, *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!ensure_file (dest_path, error))
    return FALSE;

  rc = sqlite3_open_v2 (source_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (source, 5000);
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup) == SQLITE_OK && rc == SQLITE_DONE
            ? SQLITE_OK : sqlite3_errcode (dest);
        }
    }
  if (rc != SQLITE_OK)
    g_set_error (error, TH_STORE_ERROR, error_kind (rc), _("Cannot copy %s to %s: %s"),
                 source_path, dest_path, sqlite3_errstr (rc));
  sqlite3_close (source);
  sqlite3_close (dest);
  if (rc != SQLITE_OK)
    g_unlink (dest_path);
  return rc == SQLITE_OK;
}

/**
 * th_store_backup:
 * @dest: the file to write; replaced if it exists
 *
 * Copies the database, consistently even while it is being written, with
 * SQLite's online backup API.
 */
gboolean
th_store_backup (ThStore     *self,
                 const char  *dest,
                 GError     **error)
{
  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  return copy_database (self->path, dest, error);
}

static char *
dup_backup_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_build_filename (dir, "backups", NULL);
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return g_strcmp0 (*(const char **) b, *(const char **) a);
}

/* Backup file names, newest first (their time stamps sort as text). */
static GPtrArray *
list_backups (const char *backup_dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (backup_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, BACKUP_PREFIX) && g_str_has_suffix (name, BACKUP_SUFFIX))
      g_ptr_array_add (names, g_build_filename (backup_dir, name, NULL));
  g_ptr_array_sort (names, compare_names_newest_first);
  return names;
}

static gboolean
backup_is_recent (const char *newest,
                  GDateTime  *now)
{
  g_autofree char *base = g_path_get_basename (newest);
  g_autoptr(GDateTime) day_ago = g_date_time_add_days (now, -1);
  g_autofree char *cutoff = g_date_time_format (day_ago, BACKUP_PREFIX BACKUP_TIME_FORMAT BACKUP_SUFFIX);

  /* Made less than a day before @now: the stamps compare as text. */
  return g_strcmp0 (base, cutoff) > 0;
}

/**
 * th_store_backup_if_due:
 * @now: the time to go by (tests pass their own)
 * @keep: how many backups to keep
 *
 * Backs the database up into backups/ beside it unless a backup was made
 * in the day before @now, then removes all but the @keep newest. Safe to
 * call from a worker thread: it uses connections of its own.
 *
 * Returns: (transfer full) (nullable): the new backup, or %NULL if none was
 *   due (or on @error)
 */
char *
th_store_backup_if_due (ThStore    *self,
                        GDateTime  *now,
                        guint       keep,
                        GError    **error)
{
  g_autofree char *dir = NULL, *stamp = NULL, *dest = NULL, *name = NULL, *partial = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (TH_IS_STORE (self), NULL);
  g_return_val_if_fail (keep > 0, NULL);

  dir = dup_backup_dir (self->path);
  backups = list_backups (dir);
  if (backups->len > 0 && backup_is_recent (backups->pdata[0], now))
    return NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, TH_STORE_ERROR, errno_kind (saved),
                   _("Cannot create the backup folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  stamp = g_date_time_format (now, BACKUP_TIME_FORMAT);
  name = g_strconcat (BACKUP_PREFIX, stamp, BACKUP_SUFFIX, NULL);
  dest = g_build_filename (dir, name, NULL);
  partial = g_strconcat (dest, ".partial", NULL);

  /* Copied under another name and renamed when whole, so a copy cut short
   * (the application quit, the power went) never passes for a backup. */
  if (!copy_database (self->path, partial, error))
    return NULL;
  if (g_rename (partial, dest) != 0)
    {
      int saved = errno;

      g_set_error (error, TH_STORE_ERROR, errno_kind (saved),
                   _("Cannot finish the backup %s: %s"), dest, g_strerror (saved));
      g_unlink (partial);
      return NULL;
    }

  g_ptr_array_unref (backups);
  backups = list_backups (dir);
  for (guint i = keep; i < backups->len; i++)
    g_unlink (backups->pdata[i]);
  return g_steal_pointer (&dest);
}

static gboolean
passes_quick_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA quick_check;", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/**
 * th_store_find_good_backup:
 * @path: the database whose backups to look at
 *
 * Returns: (transfer full) (nullable): the newest backup of @path that
 *   passes SQLite's quick check
 */
char *
th_store_find_good_backup (const char *path)
{
  g_autofree char *dir = dup_backup_dir (path);
  g_autoptr(GPtrArray) backups = list_backups (dir);

  for (guint i = 0; i < backups->len; i++)
    if (passes_quick_check (backups->pdata[i]))
      return g_strdup (backups->pdata[i]);
  return NULL;
}

/**
 * th_store_restore:
 *
 * Copies @backup to @path, which must not exist: a damaged database is
 * moved aside before, never written over.
 */
gboolean
th_store_restore (const char  *backup,
                  const char  *path,
                  GError     **error)
{
  g_return_val_if_fail (backup != NULL && path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_FAILED,
                   _("Will not restore over %s, which still exists"), path);
      return FALSE;
    }
  return copy_database (backup, path, error);
}
