/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "th-store-private.h"
#include "th-task.h"

/* The progress database: one connection, owned by the thread that opened
 * it, its errors and transactions. The schema is in th-store-schema.c,
 * backups in th-store-backup.c, the records in th-store-*.c. */

#define READ_ONLY_MESSAGE \
  _("Threshold cannot write to %s (%s). Check that the disk is not read-only " \
    "and that you may write to its folder.")

G_DEFINE_FINAL_TYPE (ThStore, th_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (th-store-error-quark, th_store_error)
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

char *
th_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "threshold", "threshold.db", NULL);
}

ThStoreError
th_store_error_kind (int code)
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
    case SQLITE_CONSTRAINT:
      return TH_STORE_ERROR_INVALID;
    default:
      return TH_STORE_ERROR_FAILED;
    }
}

gboolean
th_store_set_error_from_db (ThStore  *self,
                            int       code,
                            GError  **error)
{
  ThStoreError kind = th_store_error_kind (code);
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
    case TH_STORE_ERROR_NAME_TAKEN:
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

ThStoreError
th_store_errno_kind (int saved)
{
  return saved == EROFS || saved == EACCES || saved == EPERM
    ? TH_STORE_ERROR_READ_ONLY : saved == ENOSPC ? TH_STORE_ERROR_FULL : TH_STORE_ERROR_FAILED;
}

/* The file is created by us, not by SQLite, so that it is private from its
 * first byte; SQLite gives its -wal and -shm files the same mode. */
gboolean
th_store_ensure_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd, saved;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved = errno;
      g_set_error (error, TH_STORE_ERROR, th_store_errno_kind (saved),
                   _("Cannot create the folder %s for the progress database: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      if (th_store_errno_kind (saved) == TH_STORE_ERROR_READ_ONLY)
        g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_READ_ONLY, READ_ONLY_MESSAGE,
                     path, g_strerror (saved));
      else
        g_set_error (error, TH_STORE_ERROR, th_store_errno_kind (saved),
                     _("Cannot open the progress database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  return TRUE;
}

int
th_store_query_int (sqlite3    *db,
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

/* How long a connection waits for another's lock before it gives up: the
 * command line and the workers read while the application writes. */
#define BUSY_TIMEOUT_MS 5000

/* Opens @self's connection, waiting on others' locks from its very first
 * read: a store opened while another connection writes must wait, not
 * fail with "database is locked". NOMUTEX: a connection has one thread
 * (th_store_assert_owner), so SQLite need not lock it around every call. */
static int
open_connection (ThStore *self,
                 int      flags)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc == SQLITE_OK)
    sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  return rc;
}

static gboolean
configure (ThStore  *self,
           GError  **error)
{
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

  rc = open_connection (self, SQLITE_OPEN_READWRITE);
  if (rc != SQLITE_OK)
    return th_store_set_error_from_db (self, rc, error);

  /* Read before anything writes: a database from a newer Threshold must be
   * left exactly as it is. */
  rc = th_store_query_int (self->db, "PRAGMA user_version;", &version);
  if (rc == SQLITE_OK)
    rc = th_store_query_int (self->db, "SELECT count(*) FROM sqlite_master;", &tables);
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

  return configure (self, error) && th_store_migrate (self, version, target_version, error);
}

/* The daily check (th_store_backup_if_due) found the file damaged: it is
 * treated as damaged now, moved aside and reported with a backup offered. */
static gboolean
damage_was_found (const char  *path,
                  GError     **error)
{
  g_autofree char *note = th_store_dup_damage_note_path (path);
  g_autofree char *found = NULL;

  if (!g_file_get_contents (note, &found, NULL, NULL))
    return FALSE;
  g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_DAMAGED,
               _("the daily check found: %s"), g_strstrip (found));
  return TRUE;
}

static ThStore *
open_at (const char  *path,
         int          version,
         GError     **error)
{
  g_autoptr(ThStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *aside = NULL;

  if (!th_store_ensure_file (path, error))
    return NULL;

  self = g_object_new (TH_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->owner = g_thread_self ();
  if (!damage_was_found (path, &local_error) && open_checked (self, version, &local_error))
    return g_steal_pointer (&self);

  if (!g_error_matches (local_error, TH_STORE_ERROR, TH_STORE_ERROR_DAMAGED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_clear_pointer (&self->db, sqlite3_close);
  aside = th_store_move_aside (path, error);
  if (aside != NULL)
    {
      g_autofree char *note = th_store_dup_damage_note_path (path);

      /* Said once: the damaged file, with what was found, is aside. */
      g_unlink (note);
    }
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
  rc = open_connection (self, SQLITE_OPEN_READONLY);
  if (rc == SQLITE_OK)
    rc = th_store_query_int (self->db, "PRAGMA user_version;", &version);
  if (rc != SQLITE_OK)
    return th_store_set_error_from_db (self, rc, error), NULL;
  if (version != th_store_get_latest_version ())
    {
      g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_FAILED,
                   _("The progress database %s is at format %d, not %d, and cannot be read here"),
                   path, version, th_store_get_latest_version ());
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* A load on a worker: the database's path, not the store, whose
 * connection belongs to the thread that opened it. */
typedef struct
{
  char            *path;
  GObject         *object;   /* kept alive by the task */
  ThStoreLoadFunc  load;
  gpointer         data;
  GDestroyNotify   data_free;
} ReaderJob;

static void
reader_job_free (ReaderJob *job)
{
  g_free (job->path);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
run_reader_job (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReaderJob *job = task_data;
  GError *error = NULL;
  g_autoptr(ThStore) reader = th_store_open_reader (job->path, &error);
  GObject *loaded = reader ? job->load (reader, job->object, job->data, &error) : NULL;

  if (loaded == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, loaded, g_object_unref);
}

/**
 * th_store_load_on_worker:
 * @task: the task that gets the result; finish it with
 *   th_store_load_finish()
 * @object: what @load reads besides the database (the catalog, say):
 *   kept until it is done, and only read
 * @load: what the worker runs, with a reader of its own on @self's
 *   database; returns a new object, or %NULL with an error
 * @data: (transfer full): what else @load reads, freed with @data_free
 *
 * Runs @load off the owning thread: reads that take longer than a frame
 * (the completion matrix, the team's insights) never wait on it.
 */
void
th_store_load_on_worker (ThStore         *self,
                         GTask           *task,
                         GObject         *object,
                         ThStoreLoadFunc  load,
                         gpointer         data,
                         GDestroyNotify   data_free)
{
  ReaderJob *job;

  g_return_if_fail (TH_IS_STORE (self));
  g_return_if_fail (G_IS_OBJECT (object));

  job = g_new0 (ReaderJob, 1);
  job->path = g_strdup (self->path);
  job->object = object;
  job->load = load;
  job->data = data;
  job->data_free = data_free;
  g_object_set_data_full (G_OBJECT (task), "th-store-object", g_object_ref (object), g_object_unref);
  g_task_set_task_data (task, job, (GDestroyNotify) reader_job_free);
  th_task_run_in_thread (task, run_reader_job);
}

/* Returns: (transfer full): what the load made, or %NULL with @error set */
gpointer
th_store_load_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return th_task_propagate_pointer (G_TASK (result), error);
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
  th_store_query_int (self->db, "PRAGMA user_version;", &version);
  return version;
}
