/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "th-learner.h"
#include "th-secret.h"
#include "th-store-private.h"
#include "th-test-util.h"

static char *tmp_dir;

/* The display names of the learners the profile page would list. */
static GPtrArray *
list_names (ThStore  *store,
            GError  **error)
{
  g_autoptr(GListModel) learners = th_store_list_learners (store, 0, error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; learners && i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(ThLearner) learner = g_list_model_get_item (learners, i);
      g_ptr_array_add (names, g_strdup (th_learner_get_display_name (learner)));
    }
  return names;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
assert_query_int (const char *path,
                  const char *sql,
                  int         expected)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, expected);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The version that gave each name its key: before it, a profile was
 * added without one. */
#define NAME_KEYS_VERSION 9

/* Adds a learner to a store of an earlier version, as that version did. */
static gint64
add_learner_before_keys (ThStore    *store,
                         const char *name)
{
  sqlite3_stmt *stmt = th_store_prepare (store, "INSERT INTO learners (display_name) VALUES (?1)", NULL);

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  return th_store_commit_audited (store, stmt, "learners", 0, TH_AUDIT_INSERT, NULL);
}

/* A store with a learner who answered two questions and passed. */
static ThStore *
open_with_records (const char *path)
{
  g_autoptr(GError) error = NULL;
  ThStore *store = th_store_open (path, &error);
  gint64 learner, attempt;

  g_assert_no_error (error);
  learner = th_store_add_learner (store, "Ana Lucía", NULL, &error);
  attempt = th_store_start_attempt (store, learner, "humanism", TH_ATTEMPT_FULL, NULL, 0, &error);
  th_store_record_answer (store, attempt, "late", "a", 3, 3, &error);
  th_store_record_answer (store, attempt, "words", "a c", 2, 2, &error);
  th_store_finish_attempt (store, attempt, 5, 5, TRUE, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_create_private (void)
{
  g_autofree char *dir = tmp_path ("create/nested");
  g_autofree char *path = g_build_filename (dir, "threshold.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = NULL;
  GStatBuf st;

  store = th_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (th_store_get_version (store), ==, th_store_get_latest_version ());

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_reopen_keeps_records (void)
{
  g_autofree char *path = tmp_path ("reopen.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  ThStore *store;

  store = open_with_records (path);
  g_assert_finalize_object (store);

  /* The second start finds the first one's database and its records. */
  store = th_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (th_store_get_version (store), ==, th_store_get_latest_version ());
  names = list_names (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "Ana Lucía");
  g_assert_null (th_store_verify (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  assert_query_int (path, "SELECT count(*) FROM answers", 2);
  assert_query_int (path, "SELECT score_percent FROM completions", 100);
}

/* Every earlier version, brought forward, keeps what it held and passes
 * verification. */
static void
test_migrate_from_every_version (void)
{
  for (int from = 1; from < th_store_get_latest_version (); from++)
    {
      g_autofree char *name = g_strdup_printf ("from-v%d.db", from);
      g_autofree char *path = tmp_path (name);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) names = NULL;
      ThStore *store;
      sqlite3 *db;

      store = th_store_open_at_version (path, from, &error);
      g_assert_no_error (error);
      g_assert_cmpint (th_store_get_version (store), ==, from);
      g_assert_finalize_object (store);

      /* Rows written the way that version wrote them: without an audit
       * trail before version 2, through the store (and its trail) after. */
      if (from < 2)
        {
          g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (db, "INSERT INTO learners (display_name) VALUES ('Kofi');"
                                             "INSERT INTO settings (key, value) VALUES ('months', '12');",
                                         NULL, NULL, NULL), ==, SQLITE_OK);
          sqlite3_close (db);
        }
      else
        {
          store = th_store_open_at_version (path, from, &error);
          g_assert_cmpint (from < NAME_KEYS_VERSION ? add_learner_before_keys (store, "Kofi")
                                                    : th_store_add_learner (store, "Kofi", NULL, &error), >, 0);
          g_assert_true (th_store_set_setting (store, "months", "12", &error));
          g_assert_no_error (error);
          g_assert_finalize_object (store);
        }

      store = th_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (th_store_get_version (store), ==, th_store_get_latest_version ());
      names = list_names (store, &error);
      g_assert_cmpuint (names->len, ==, 1);
      g_assert_cmpstr (names->pdata[0], ==, "Kofi");
      g_assert_null (th_store_verify (store, &error));
      g_assert_no_error (error);
      g_assert_finalize_object (store);
      assert_query_int (path, "SELECT count(*) FROM settings WHERE value = '12'", 1);
    }
}

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

/* One passed attempt at @module_id, made at @when. */
static void
pass_at (ThStore    *store,
         gint64      learner,
         const char *module_id,
         GDateTime  *when,
         int         score)
{
  g_autoptr(GError) error = NULL;
  gint64 attempt;

  th_store_set_clock (store, fixed_clock, when);
  attempt = th_store_start_attempt (store, learner, module_id, TH_ATTEMPT_FULL, NULL, 0, &error);
  th_store_record_answer (store, attempt, "late", "a", score, 5, &error);
  g_assert_true (th_store_finish_attempt (store, attempt, score, 5, TRUE, &error));
  g_assert_no_error (error);
}

/* The summary the matrix reads: built from the records when a version 4
 * database is brought forward, kept by every later write and deletion,
 * and checked by verification. */
static void
test_progress_summary (void)
{
  g_autofree char *path = tmp_path ("progress.db");
  g_autoptr(GDateTime) march = g_date_time_new_utc (2025, 3, 10, 9, 0, 0);
  g_autoptr(GDateTime) june = g_date_time_new_utc (2025, 6, 2, 14, 30, 0);
  g_autoptr(GDateTime) july = g_date_time_new_utc (2025, 7, 1, 8, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL, *problem = NULL;
  gint64 ana, kofi;
  ThStore *store;
  sqlite3 *db;

  store = th_store_open_at_version (path, 4, &error);
  g_assert_no_error (error);
  ana = add_learner_before_keys (store, "Ana");
  kofi = add_learner_before_keys (store, "Kofi");
  pass_at (store, ana, "humanism", june, 4);
  pass_at (store, ana, "humanism", march, 5);   /* entered late: June stays latest */
  th_store_start_attempt (store, ana, "autonomy", TH_ATTEMPT_FULL, NULL, 0, &error);
  pass_at (store, kofi, "humanism", march, 3);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  store = th_store_open (path, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("SELECT count(*) FROM progress WHERE "
                              "(learner_id = %" G_GINT64_FORMAT " AND module_id = 'humanism' "
                              " AND completed_at = %" G_GINT64_FORMAT " AND score_percent = 80) OR "
                              "(learner_id = %" G_GINT64_FORMAT " AND module_id = 'autonomy' "
                              " AND completed_at IS NULL)",
                              ana, g_date_time_to_unix (june), ana);
  assert_query_int (path, expected, 2);
  assert_query_int (path, "SELECT count(*) FROM progress", 3);

  /* Written after the migration: through the triggers. */
  pass_at (store, ana, "autonomy", july, 5);
  assert_query_int (path, "SELECT count(*) FROM progress WHERE module_id = 'autonomy' "
                          "AND score_percent = 100 AND completed_at IS NOT NULL", 1);
  g_assert_true (th_store_delete_learner (store, kofi, &error));
  g_assert_no_error (error);
  assert_query_int (path, "SELECT count(*) FROM progress", 2);
  g_assert_null (th_store_verify (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  /* Changed behind Threshold's back: verification says so. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE progress SET score_percent = 100", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = th_store_open (path, &error);
  problem = th_store_verify (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (problem, "does not agree"));
  g_assert_finalize_object (store);
}

static void
test_newer_version_refused_untouched (void)
{
  g_autofree char *path = tmp_path ("newer.db");
  g_autofree char *wal = tmp_path ("newer.db-wal");
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE future (x); PRAGMA user_version = %d;",
                                          th_store_get_latest_version () + 5);
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = th_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Threshold"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static GArray *
read_ids (GSubprocess *writer)
{
  GInputStream *out = g_subprocess_get_stdout_pipe (writer);
  g_autoptr(GDataInputStream) lines = g_data_input_stream_new (out);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  char *line;

  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL)
    {
      gint64 id = g_ascii_strtoll (line, NULL, 10);
      g_array_append_val (ids, id);
      g_free (line);
    }
  return ids;
}

/* The writer prints an answer's id only after its commit returned; after
 * SIGKILL at any moment, every printed id must be in the database. Forty
 * kills by default; THRESHOLD_TEST_KILLS asks for more, for a long run. */
static void
test_sigkill_loses_no_committed_answer (void)
{
  g_autofree char *path = tmp_path ("killed.db");
  const char *writer_path = g_getenv ("THRESHOLD_ANSWER_WRITER");
  const char *asked = g_getenv ("THRESHOLD_TEST_KILLS");
  guint kills = asked ? (guint) g_ascii_strtoull (asked, NULL, 10) : 40;
  guint total = 0;

  for (guint round = 0; round < kills; round++)
    {
      const char *argv[] = { writer_path, path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) writer = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(ThStore) store = NULL;
      g_autofree char *sql = NULL;

      writer = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_assert_no_error (error);
      g_usleep (g_test_rand_int_range (5, 120) * 1000);
      g_subprocess_force_exit (writer);
      ids = read_ids (writer);
      g_subprocess_wait (writer, NULL, NULL);
      total += ids->len;

      store = th_store_open (path, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < ids->len; i++)
        {
          g_free (sql);
          sql = g_strdup_printf ("SELECT count(*) FROM answers WHERE id = %" G_GINT64_FORMAT,
                                 g_array_index (ids, gint64, i));
          assert_query_int (path, sql, 1);
        }
      g_assert_null (th_store_verify (store, &error));
      g_assert_no_error (error);
    }
  g_test_message ("%u committed answers checked across %u kills", total, kills);
  g_assert_cmpuint (total, >, 0);
}

static void
overwrite_with_garbage (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; i < length; i++)
    contents[i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
truncate_to_half (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (truncate (path, st.st_size / 2), ==, 0);
}

static void
replace_with_text (const char *path)
{
  g_assert_true (g_file_set_contents (path, "These are my notes, not a database.\n", -1, NULL));
}

static void
check_damage (gconstpointer data)
{
  void (*damage) (const char *) = data;
  g_autofree char *dir = th_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "threshold.db", NULL);
  g_autofree char *damaged = NULL, *aside_contents = NULL, *backup = NULL, *good = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *aside = NULL;
  const char *name;
  gsize damaged_len, aside_len;
  ThStore *store;

  /* Records, a backup of them, then the damage. */
  store = open_with_records (path);
  backup = th_store_backup_if_due (path, now, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_finalize_object (store);
  damage (path);
  g_assert_true (g_file_get_contents (path, &damaged, &damaged_len, NULL));

  store = th_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "has been moved, unchanged, to"));

  /* Moved aside, byte for byte. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "threshold.db.damaged-") && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      aside = g_build_filename (dir, name, NULL);
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (error->message, aside));
  g_assert_true (g_file_get_contents (aside, &aside_contents, &aside_len, NULL));
  g_assert_cmpmem (damaged, damaged_len, aside_contents, aside_len);

  /* The newest good backup brings the records back. */
  good = th_store_find_good_backup (path);
  g_assert_cmpstr (good, ==, backup);
  g_clear_error (&error);
  g_assert_true (th_store_restore (backup, path, &error));
  g_assert_no_error (error);
  store = th_store_open (path, &error);
  g_assert_no_error (error);
  names = list_names (store, &error);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_null (th_store_verify (store, &error));
  g_assert_finalize_object (store);

  th_test_rmtree (dir);
}

static void
test_fresh_after_damage (void)
{
  g_autofree char *path = tmp_path ("fresh.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = NULL;

  replace_with_text (path);
  g_assert_null (th_store_open (path, &error));
  g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  /* With no backup, the next open starts a working, empty database. */
  g_assert_null (th_store_find_good_backup (path));
  store = th_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (th_store_add_learner (store, "New start", NULL, &error), >, 0);
}

/* An edit made with the sqlite3 command-line tool is caught. */
static void
test_tampering_detected (void)
{
  g_autofree char *path = tmp_path ("tampered.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  const char *argv[] = { "sqlite3", path, "UPDATE answers SET score = 99 WHERE seq = 1;", NULL };
  g_autoptr(GSubprocess) sqlite = NULL;
  ThStore *store;

  store = open_with_records (path);
  g_assert_null (th_store_verify (store, &error));
  g_assert_finalize_object (store);

  sqlite = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (sqlite, NULL, &error));

  store = th_store_open (path, &error);
  g_assert_no_error (error);
  problem = th_store_verify (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (problem, ==, "answers row 1 differs from its audit record: "
                                "it was changed or added outside Threshold");
  g_assert_finalize_object (store);
}

static void
test_audit_trail_append_only (void)
{
  g_autofree char *path = tmp_path ("append-only.db");
  ThStore *store = open_with_records (path);
  sqlite3 *db;

  g_assert_finalize_object (store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET state = ''", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

static void
test_read_only_folder (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (g_getenv ("THRESHOLD_TEST_LOCKED"),
                                                "threshold.db", NULL);
      g_autoptr(GError) error = NULL;

      /* root may write anywhere: run as nobody to meet the permission. */
      if (geteuid () == 0)
        g_assert_cmpint (setgid (65534) | setuid (65534), ==, 0);
      g_assert_null (th_store_open (path, &error));
      g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_READ_ONLY);
      g_printerr ("%s", error->message);
      return;
    }
  {
    g_autofree char *locked = tmp_path ("locked");

    g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
    g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
    g_assert_cmpint (g_chmod (tmp_dir, 0755), ==, 0);
    g_setenv ("THRESHOLD_TEST_LOCKED", locked, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stderr ("*Threshold cannot write to*read-only*");
  }
}

/* A full disk refuses the answer that does not fit, with a message a
 * learner understands, keeps every earlier one, and lets the quiz go on
 * once there is room. SQLite's max_page_count stands in for the disk. */
static void
test_full_disk_keeps_answers (void)
{
  g_autofree char *path = tmp_path ("full.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = open_with_records (path);
  g_autofree char *padding = g_strnfill (2000, 'x');
  gint64 attempt = th_store_start_attempt (store, 1, "pragmatism", TH_ATTEMPT_FULL, NULL, 0, &error);
  guint saved = 0;
  int pages = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (store->db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (store->db, "PRAGMA page_count", -1, &stmt, NULL);
    sqlite3_step (stmt);
    pages = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  {
    g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %d;", pages + 4);
    g_assert_cmpint (sqlite3_exec (store->db, limit, NULL, NULL, NULL), ==, SQLITE_OK);
  }

  while (th_store_record_answer (store, attempt, padding, "a", 1, 1, &error) > 0)
    saved++;
  g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "Everything saved before it is safe"));
  g_assert_cmpuint (saved, >, 0);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (store->db, "PRAGMA max_page_count = 1000000;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (th_store_record_answer (store, attempt, "after", "a", 1, 1, &error), >, 0);
  g_assert_no_error (error);
  g_assert_null (th_store_verify (store, &error));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM answers WHERE attempt_id = %" G_GINT64_FORMAT, attempt);
    assert_query_int (path, sql, saved + 1);
  }
}

static void
test_learner_profiles (void)
{
  g_autofree char *path = tmp_path ("profiles.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);
  g_autoptr(GListModel) learners = NULL;
  g_autofree char *huge = g_strnfill (10000, 'n');
  static const char * const bad_names[] = { "", "   ", "Tab\there", "Bell\a" };
  gint64 with_pin, without_pin;

  with_pin = th_store_add_learner (store, "  Zoë  ", "4821", &error);
  g_assert_no_error (error);
  without_pin = th_store_add_learner (store, "amir", NULL, &error);
  g_assert_no_error (error);

  learners = th_store_list_learners (store, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, 2);
  {
    g_autoptr(ThLearner) first = g_list_model_get_item (learners, 0);
    g_autoptr(ThLearner) second = g_list_model_get_item (learners, 1);

    g_assert_cmpstr (th_learner_get_display_name (first), ==, "amir");
    g_assert_false (th_learner_get_has_pin (first));
    g_assert_cmpstr (th_learner_get_display_name (second), ==, "Zoë");
    g_assert_true (th_learner_get_has_pin (second));
  }

  g_assert_true (th_store_check_pin (store, with_pin, "4821", &error));
  g_assert_false (th_store_check_pin (store, with_pin, "4822", &error));
  g_assert_false (th_store_check_pin (store, with_pin, NULL, &error));
  g_assert_true (th_store_check_pin (store, without_pin, NULL, &error));
  g_assert_no_error (error);
  assert_query_int (path, "SELECT count(*) FROM learners WHERE pin_hash LIKE '$argon2id$%'", 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_assert_cmpint (th_store_add_learner (store, bad_names[i], NULL, &error), ==, 0);
      g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (th_store_add_learner (store, huge, NULL, &error), ==, 0);
  g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (th_store_add_learner (store, "Short PIN", "12", &error), ==, 0);
  g_assert_error (error, TH_SECRET_ERROR, TH_SECRET_ERROR_INVALID);
}

static void
test_module_statuses (void)
{
  g_autofree char *path = tmp_path ("statuses.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = open_with_records (path);
  g_autoptr(GHashTable) statuses = NULL;
  ThModuleStatus *status;

  /* Learner 1 passed humanism; now starts pragmatism. */
  th_store_start_attempt (store, 1, "pragmatism", TH_ATTEMPT_FULL, NULL, 0, &error);
  statuses = th_store_dup_module_statuses (store, 1, &error);
  g_assert_no_error (error);

  status = g_hash_table_lookup (statuses, "humanism");
  g_assert_cmpint (status->state, ==, TH_MODULE_STATE_PASSED);
  g_assert_cmpint (status->percent, ==, 100);
  g_assert_nonnull (status->completed_at);
  status = g_hash_table_lookup (statuses, "pragmatism");
  g_assert_cmpint (status->state, ==, TH_MODULE_STATE_IN_PROGRESS);
  g_assert_true (status->has_open_attempt);
  g_assert_null (g_hash_table_lookup (statuses, "autonomy"));
}

/* A batch writes many records in one transaction, audit trail and all. */
static void
test_batch (void)
{
  g_autofree char *path = tmp_path ("batch.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);

  g_assert_true (th_store_begin_batch (store, &error));
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Learner %u", i);
      gint64 learner = th_store_add_learner (store, name, NULL, &error);
      gint64 attempt = th_store_start_attempt (store, learner, "humanism", TH_ATTEMPT_FULL, NULL, 0, &error);

      th_store_record_answer (store, attempt, "late", "a", 3, 3, &error);
      th_store_finish_attempt (store, attempt, 3, 3, TRUE, &error);
      g_assert_no_error (error);
    }
  /* Not yet visible to another connection... */
  assert_query_int (path, "SELECT count(*) FROM learners", 0);
  g_assert_true (th_store_commit_batch (store, &error));
  /* ...and all of it once the batch commits. */
  assert_query_int (path, "SELECT count(*) FROM completions", 50);
  g_assert_null (th_store_verify (store, &error));
  g_assert_no_error (error);
}

/* Two copies of Threshold (or the app and the command line) writing the
 * same database at once: each waits its turn, nothing is lost. */
static void
test_two_writers (void)
{
  g_autofree char *path = tmp_path ("two-writers.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) first = th_store_open (path, &error);
  g_autoptr(ThStore) second = th_store_open (path, &error);
  gint64 a, b;

  g_assert_no_error (error);
  a = th_store_start_attempt (first, th_store_add_learner (first, "One", NULL, &error),
                              "humanism", TH_ATTEMPT_FULL, NULL, 0, &error);
  b = th_store_start_attempt (second, th_store_add_learner (second, "Two", NULL, &error),
                              "autonomy", TH_ATTEMPT_FULL, NULL, 0, &error);
  for (guint i = 0; i < 20; i++)
    {
      g_assert_cmpint (th_store_record_answer (first, a, "s", "a", 1, 1, &error), >, 0);
      g_assert_cmpint (th_store_record_answer (second, b, "s", "b", 1, 1, &error), >, 0);
    }
  g_assert_no_error (error);
  assert_query_int (path, "SELECT count(*) FROM answers", 40);
  g_assert_null (th_store_verify (first, &error));
  g_assert_no_error (error);
}

#define CONCURRENT_WRITES 150

typedef struct
{
  const char *path;
  gboolean    answers;   /* record answers; otherwise add learners */
  guint       written;
} Writer;

/* One thread's writer, with a store of its own: a connection belongs to
 * the thread that opened it. */
static gpointer
write_in_thread (gpointer user_data)
{
  Writer *writer = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (writer->path, &error);
  gint64 attempt = 0;

  g_assert_no_error (error);
  if (writer->answers)
    attempt = th_store_start_attempt (store, th_store_add_learner (store, "Answers", NULL, &error),
                                      "humanism", TH_ATTEMPT_FULL, NULL, 7, &error);
  for (guint i = 0; i < CONCURRENT_WRITES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Learner %u", i);
      gint64 id = writer->answers
        ? th_store_record_answer (store, attempt, "late", "a", 1, 1, &error)
        : th_store_add_learner (store, name, NULL, &error);

      g_assert_no_error (error);
      writer->written += id > 0;
    }
  return NULL;
}

/* The reviewer's case: learners added on one thread while answers are
 * recorded on another. Every write lands, and the audit trail is whole:
 * no false alarm of tampering. */
static void
test_concurrent_writers (void)
{
  g_autofree char *path = tmp_path ("concurrent.db");
  const char *verify[] = { "--database", path, "--verify-records", NULL };
  Writer learners = { path, FALSE, 0 }, answers = { path, TRUE, 0 };
  g_autoptr(ThStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  GThread *threads[2];
  int status;

  store = th_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  threads[0] = g_thread_new ("learners", write_in_thread, &learners);
  threads[1] = g_thread_new ("answers", write_in_thread, &answers);
  g_thread_join (threads[0]);
  g_thread_join (threads[1]);

  g_assert_cmpuint (learners.written, ==, CONCURRENT_WRITES);
  g_assert_cmpuint (answers.written, ==, CONCURRENT_WRITES);
  assert_query_int (path, "SELECT count(*) FROM answers", CONCURRENT_WRITES);
  assert_query_int (path, "SELECT count(*) FROM learners", CONCURRENT_WRITES + 1);

  th_test_run_threshold (NULL, verify, &out, &err, &status);
  g_test_message ("%s%s", out, err);
  g_assert_cmpint (status, ==, 0);
}

static gpointer
begin_in_thread (gpointer store)
{
  th_store_add_learner (store, "From elsewhere", NULL, NULL);
  return NULL;
}

/* A store used from a thread that did not open it stops at once, before
 * SQLite sees anything; a reader refuses to write even on its own thread. */
static void
test_one_owner (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ThStore) store = th_store_open (g_getenv ("THRESHOLD_TEST_DB"), NULL);

      g_thread_join (g_thread_new ("elsewhere", begin_in_thread, store));
      return;
    }
  {
    g_autofree char *path = tmp_path ("owner.db");

    g_setenv ("THRESHOLD_TEST_DB", path, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed ();
    g_test_trap_assert_stderr ("*owner == g_thread_self*");
  }
}

static void
test_reader_reads_while_owner_writes (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = NULL;
  g_autoptr(ThStore) reader = NULL;
  g_autoptr(GListModel) learners = NULL;

  if (g_test_subprocess ())
    {
      reader = th_store_open_reader (g_getenv ("THRESHOLD_TEST_DB"), NULL);
      th_store_add_learner (reader, "Never", NULL, NULL);
      return;
    }

  path = tmp_path ("reader.db");
  store = th_store_open (path, &error);
  th_store_add_learner (store, "Ama", NULL, &error);
  reader = th_store_open_reader (path, &error);
  g_assert_no_error (error);
  g_assert_true (th_store_begin_batch (store, &error));
  th_store_add_learner (store, "Bea", NULL, &error);
  /* The owner's transaction is open: the reader sees what was committed. */
  learners = th_store_list_learners (reader, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, 1);
  g_assert_true (th_store_commit_batch (store, &error));
  g_clear_object (&learners);
  learners = th_store_list_learners (reader, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, 2);

  g_setenv ("THRESHOLD_TEST_DB", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*!self->read_only*");
}

/* A database on a read-only medium: a plain error, the file untouched. */
static void
test_read_only_file (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      if (geteuid () == 0)
        g_assert_cmpint (setgid (65534) | setuid (65534), ==, 0);
      g_assert_null (th_store_open (g_getenv ("THRESHOLD_TEST_LOCKED"), &error));
      g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_READ_ONLY);
      g_printerr ("%s", error->message);
      return;
    }
  {
    g_autofree char *dir = tmp_path ("read-only-medium");
    g_autofree char *path = g_build_filename (dir, "threshold.db", NULL);
    g_autofree char *before = NULL, *after = NULL;
    gsize before_len, after_len;
    ThStore *store;

    store = open_with_records (path);
    g_assert_finalize_object (store);
    g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
    g_assert_cmpint (g_chmod (path, 0444), ==, 0);
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    g_assert_cmpint (g_chmod (tmp_dir, 0755), ==, 0);
    g_setenv ("THRESHOLD_TEST_LOCKED", path, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stderr ("*cannot write to*");
    g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
    g_assert_cmpmem (before, before_len, after, after_len);
    g_chmod (dir, 0755);
  }
}

/* Makes an index disagree with its table, as a torn page might: opening
 * (which reads only the header and the schema) still works; SQLite's
 * full check does not pass. */
static void
break_index (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint (TRUNCATE);"
                                     "PRAGMA writable_schema = ON;"
                                     "UPDATE sqlite_schema SET sql = 'CREATE INDEX learners_by_name ON learners "
                                     "(created_at, id) WHERE archived = 0' WHERE name = 'learners_by_name';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The daily check finds what opening cannot: no backup is made over the
 * good ones, and the next start sets the file aside and says why. */
static void
test_integrity_checked_with_backup (void)
{
  g_autofree char *path = tmp_path ("checked/threshold.db");
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
  g_autoptr(GDateTime) tuesday = g_date_time_add_days (monday, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL, *good = NULL;
  ThStore *store = open_with_records (path);

  first = th_store_backup_if_due (path, monday, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_finalize_object (store);

  break_index (path);
  store = th_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  second = th_store_backup_if_due (path, tuesday, 3, &error);
  g_assert_null (second);
  g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "missing from index learners_by_name"));
  g_clear_error (&error);
  good = th_store_find_good_backup (path);
  g_assert_cmpstr (good, ==, first);

  store = th_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "the daily check found: row 1 missing from index"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Restored from the backup, it opens, and the note is gone. */
  g_assert_true (th_store_restore (good, path, &error));
  store = th_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (th_store_verify (store, &error));
  g_assert_finalize_object (store);
}

static void
test_backup_once_a_day (void)
{
  g_autofree char *path = tmp_path ("daily/threshold.db");
  g_autofree char *backups = tmp_path ("daily/backups");
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  ThStore *store = open_with_records (path);
  guint count = 0;
  g_autoptr(GDir) dir = NULL;

  for (int day = 0; day < 6; day++)
    {
      g_autoptr(GDateTime) morning = g_date_time_add_days (start, day);
      g_autoptr(GDateTime) evening = g_date_time_add_hours (morning, 8);
      g_autofree char *first = th_store_backup_if_due (path, morning, 3, &error);
      g_autofree char *second = th_store_backup_if_due (path, evening, 3, &error);

      g_assert_no_error (error);
      g_assert_nonnull (first);
      g_assert_null (second);
    }
  dir = g_dir_open (backups, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    count++;
  g_assert_cmpuint (count, ==, 3);
  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  if (!g_test_subprocess ())
    tmp_dir = th_test_make_tmp_dir ();

  g_test_add_func ("/core/store/create-private", test_create_private);
  g_test_add_func ("/core/store/reopen-keeps-records", test_reopen_keeps_records);
  g_test_add_func ("/core/store/migrate-from-every-version", test_migrate_from_every_version);
  g_test_add_func ("/core/store/progress-summary", test_progress_summary);
  g_test_add_func ("/core/store/newer-version-refused-untouched", test_newer_version_refused_untouched);
  g_test_add_func ("/core/store/sigkill-loses-no-committed-answer", test_sigkill_loses_no_committed_answer);
  g_test_add_data_func ("/core/store/damage/garbage", overwrite_with_garbage, check_damage);
  g_test_add_data_func ("/core/store/damage/truncated", truncate_to_half, check_damage);
  g_test_add_data_func ("/core/store/damage/text-file", replace_with_text, check_damage);
  g_test_add_func ("/core/store/fresh-after-damage", test_fresh_after_damage);
  g_test_add_func ("/core/store/tampering-detected", test_tampering_detected);
  g_test_add_func ("/core/store/audit-trail-append-only", test_audit_trail_append_only);
  g_test_add_func ("/core/store/read-only-folder", test_read_only_folder);
  g_test_add_func ("/core/store/full-disk-keeps-answers", test_full_disk_keeps_answers);
  g_test_add_func ("/core/store/learner-profiles", test_learner_profiles);
  g_test_add_func ("/core/store/module-statuses", test_module_statuses);
  g_test_add_func ("/core/store/batch", test_batch);
  g_test_add_func ("/core/store/two-writers", test_two_writers);
  g_test_add_func ("/core/store/concurrent-writers", test_concurrent_writers);
  g_test_add_func ("/core/store/one-owner", test_one_owner);
  g_test_add_func ("/core/store/reader-reads-while-owner-writes", test_reader_reads_while_owner_writes);
  g_test_add_func ("/core/store/read-only-file", test_read_only_file);
  g_test_add_func ("/core/store/backup-once-a-day", test_backup_once_a_day);
  g_test_add_func ("/core/store/integrity-checked-with-backup", test_integrity_checked_with_backup);

  result = g_test_run ();
  if (tmp_dir != NULL)
    th_test_rmtree (tmp_dir);
  return result;
}
