/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "th-store-private.h"

/* Copies of the database: the daily backups, the consistent copy a command
 * asks for, a damaged file set aside untouched, and a restore. */

#define BACKUP_PREFIX "threshold-"
#define BACKUP_SUFFIX ".db"
#define BACKUP_TIME_FORMAT "%Y%m%d-%H%M%S"

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
char *
th_store_move_aside (const char  *path,
            GError     **error)
{
  g_autofree char *aside = timestamped (path, "damaged");

  if (g_rename (path, aside) != 0)
    {
      int saved = errno;

      g_set_error (error, TH_STORE_ERROR, th_store_errno_kind (saved),
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

/* Backups */

static gboolean
copy_database (const char  *source_path,
               const char  *dest_path,
               GError     **error)
{
  sqlite3 *source = NULL, *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!th_store_ensure_file (dest_path, error))
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
    g_set_error (error, TH_STORE_ERROR, th_store_error_kind (rc), _("Cannot copy %s to %s: %s"),
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

/* Where a damage found off the start path waits to be reported. */
char *
th_store_dup_damage_note_path (const char *path)
{
  return g_strconcat (path, ".damage-found", NULL);
}

/* SQLite's full check, which reads every page and index: "ok", or what
 * is wrong. */
static char *
dup_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);

  sqlite3_busy_timeout (db, 5000);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check (1);", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    result = g_strdup (sqlite3_errstr (rc));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

/* A damaged database is never copied over the good backups; what was
 * found is noted beside it, for the next start to report. */
static gboolean
check_integrity (const char  *path,
                 GError     **error)
{
  g_autofree char *found = dup_integrity (path);
  g_autofree char *note = NULL;

  if (g_strcmp0 (found, "ok") == 0)
    return TRUE;
  note = th_store_dup_damage_note_path (path);
  g_file_set_contents (note, found, -1, NULL);
  g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_DAMAGED,
               _("The daily check found the progress database %s damaged (%s); no backup was "
                 "made over the good ones"), path, found);
  return FALSE;
}

/**
 * th_store_backup_if_due:
 * @path: the database
 * @now: the time to go by (tests pass their own)
 * @keep: how many backups to keep
 *
 * Checks the database's integrity in full and backs it up into backups/
 * beside it, unless a backup was made in the day before @now; then removes
 * all but the @keep newest. Both are too slow for the start path: call it
 * from a worker thread, it opens connections of its own. A database that
 * fails the check is not copied, and th_store_open() reports it at the
 * next start.
 *
 * Returns: (transfer full) (nullable): the new backup, or %NULL if none was
 *   due (or on @error)
 */
char *
th_store_backup_if_due (const char  *path,
                        GDateTime   *now,
                        guint        keep,
                        GError     **error)
{
  g_autofree char *dir = NULL, *stamp = NULL, *dest = NULL, *name = NULL, *partial = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (keep > 0, NULL);

  dir = dup_backup_dir (path);
  backups = list_backups (dir);
  if (backups->len > 0 && backup_is_recent (backups->pdata[0], now))
    return NULL;
  if (!check_integrity (path, error))
    return NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, TH_STORE_ERROR, th_store_errno_kind (saved),
                   _("Cannot create the backup folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  stamp = g_date_time_format (now, BACKUP_TIME_FORMAT);
  name = g_strconcat (BACKUP_PREFIX, stamp, BACKUP_SUFFIX, NULL);
  dest = g_build_filename (dir, name, NULL);
  partial = g_strconcat (dest, ".partial", NULL);

  /* Copied under another name and renamed when whole, so a copy cut short
   * (the application quit, the power went) never passes for a backup. */
  if (!copy_database (path, partial, error))
    return NULL;
  if (g_rename (partial, dest) != 0)
    {
      int saved = errno;

      g_set_error (error, TH_STORE_ERROR, th_store_errno_kind (saved),
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
