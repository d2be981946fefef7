/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "th-store.h"

struct _ThStore
{
  GObject  parent_instance;

  /* owned references */
  sqlite3 *db;
  char    *path;
};

G_DEFINE_FINAL_TYPE (ThStore, th_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (th-store-error-quark, th_store_error)

/* Each step brings the schema from version i to i + 1. Steps are only ever
 * appended: a released step never changes. */
static const char * const migrations[] = {
  /* 1: learners and settings */
  "CREATE TABLE learners ("
  "  id INTEGER PRIMARY KEY,"
  "  display_name TEXT NOT NULL,"
  "  pin_hash TEXT,"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))"
  ");"
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");",
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

static gboolean
set_error_from_db (ThStore     *self,
                   int          code,
                   GError     **error)
{
  int primary = code & 0xff;
  ThStoreError kind = primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT ? TH_STORE_ERROR_DAMAGED
                    : primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN ? TH_STORE_ERROR_READ_ONLY
                    : primary == SQLITE_FULL ? TH_STORE_ERROR_FULL
                    : TH_STORE_ERROR_FAILED;

  g_set_error (error, TH_STORE_ERROR, kind, _("The progress database %s cannot be used: %s"),
               self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (code));
  return FALSE;
}

static gboolean
exec (ThStore     *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || set_error_from_db (self, rc, error);
}

/* The file is created by us, not by SQLite, so that it is private from its
 * first byte; SQLite gives its -wal and -shm files the same mode. */
static gboolean
ensure_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, TH_STORE_ERROR,
                   saved == EROFS || saved == EACCES ? TH_STORE_ERROR_READ_ONLY : TH_STORE_ERROR_FAILED,
                   _("Cannot create the folder %s for the progress database: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TH_STORE_ERROR,
                   saved == EROFS || saved == EACCES ? TH_STORE_ERROR_READ_ONLY : TH_STORE_ERROR_FAILED,
                   _("Cannot open the progress database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  return TRUE;
}

static int
query_int (ThStore    *self,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
migrate (ThStore     *self,
         int          from,
         GError     **error)
{
  for (int version = from; version < th_store_get_latest_version (); version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", version + 1);

      /* One transaction per step: a step either happens whole or not at all. */
      if (!exec (self, "BEGIN IMMEDIATE;", error))
        return FALSE;
      if (!exec (self, migrations[version], error) || !exec (self, bump, error))
        {
          sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
      if (!exec (self, "COMMIT;", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
configure (ThStore  *self,
           GError  **error)
{
  /* The command line can read while the application writes. */
  sqlite3_busy_timeout (self->db, 5000);

  /* WAL with synchronous=FULL: a transaction is on disk (WAL fsynced)
   * before COMMIT returns, so a power cut loses at most an answer whose
   * commit had not yet returned, never one the learner saw confirmed, and
   * never leaves the file inconsistent. */
  return exec (self, "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;"
                     "PRAGMA foreign_keys = ON;", error);
}

static gboolean
open_checked (ThStore  *self,
              GError  **error)
{
  int version = 0;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    return set_error_from_db (self, rc, error);

  /* Read the version before anything writes: a database from a newer
   * Threshold must be left exactly as it is. */
  rc = query_int (self, "PRAGMA user_version;", &version);
  if (rc != SQLITE_OK)
    return set_error_from_db (self, rc, error);
  if (version > th_store_get_latest_version ())
    {
      g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_NEWER_VERSION,
                   _("The progress database %s was written by a newer version of Threshold "
                     "(format %d; this version knows up to %d). It has not been changed. "
                     "Please update Threshold."),
                   self->path, version, th_store_get_latest_version ());
      return FALSE;
    }

  return configure (self, error) && migrate (self, version, error);
}

/**
 * th_store_open:
 * @path: the database file; created (mode 0600) where missing
 *
 * Opens the progress database and brings its schema up to date.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ThStore *
th_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(ThStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_file (path, error))
    return NULL;

  self = g_object_new (TH_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_checked (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
th_store_get_path (ThStore *self)
{
  g_return_val_if_fail (TH_IS_STORE (self), NULL);
  return self->path;
}

int
th_store_get_version (ThStore *self)
{
  int version = -1;

  g_return_val_if_fail (TH_IS_STORE (self), -1);
  query_int (self, "PRAGMA user_version;", &version);
  return version;
}

/* Returns the new learner's id, or 0 with @error set. */
gint64
th_store_add_learner (ThStore     *self,
                      const char  *display_name,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TH_IS_STORE (self), 0);
  g_return_val_if_fail (display_name != NULL, 0);

  rc = sqlite3_prepare_v2 (self->db, "INSERT INTO learners (display_name) VALUES (?1);",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, display_name, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, rc, error);
      return 0;
    }
  return sqlite3_last_insert_rowid (self->db);
}

/* Returns the names of the learners who are not archived, by name. */
GPtrArray *
th_store_list_learner_names (ThStore  *self,
                             GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TH_IS_STORE (self), NULL);

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT display_name FROM learners WHERE archived = 0 "
                           "ORDER BY display_name COLLATE NOCASE, id;", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}
