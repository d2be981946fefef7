/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "th-store.h"
#include "th-test-util.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
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

  store = th_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (th_store_add_learner (store, "Ana Lucía", &error), >, 0);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  /* The second start finds the first one's database and its learner. */
  store = th_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (th_store_get_version (store), ==, th_store_get_latest_version ());
  names = th_store_list_learner_names (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "Ana Lucía");
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

static void
test_default_path (void)
{
  g_autofree char *path = th_store_dup_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "threshold",
                                                "threshold.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmp_dir = th_test_make_tmp_dir ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/store/create-private", test_create_private);
  g_test_add_func ("/core/store/reopen-keeps-records", test_reopen_keeps_records);
  g_test_add_func ("/core/store/newer-version-refused-untouched", test_newer_version_refused_untouched);
  g_test_add_func ("/core/store/default-path", test_default_path);

  result = g_test_run ();
  th_test_rmtree (tmp_dir);
  return result;
}
