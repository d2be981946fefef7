/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "th-test-util.h"

static void
rmtree_file (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        rmtree_file (child);
    }
  g_file_delete (file, NULL, NULL);
}

void
th_test_rmtree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  rmtree_file (file);
}

/* A fresh folder under the system's temporary folder. */
char *
th_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("threshold-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Runs the built `threshold` with @args, @env added to (or, as NAME
 * without "=", removed from) the test's environment. */
void
th_test_run_threshold (const char * const *env,
                       const char * const *args,
                       char              **out,
                       char              **err,
                       int                *status)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      if (pair[1] == NULL)
        g_subprocess_launcher_unsetenv (launcher, pair[0]);
      else
        g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  g_ptr_array_add (argv, (gpointer) g_getenv ("THRESHOLD_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
}

/* The shipped modules ($THRESHOLD_CONTENT_DIR), read in English whatever
 * the machine's language, as the core tests expect them. */
ThCatalog *
th_test_load_curriculum (void)
{
  static const char * const english[] = { "en", "C", NULL };
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  ThCatalog *catalog;

  th_content_loader_set_languages (loader, english);
  catalog = th_catalog_new (loader);
  th_catalog_add_path (catalog, g_getenv ("THRESHOLD_CONTENT_DIR"), TH_CONTENT_ORIGIN_BUNDLED);
  return catalog;
}

/* Renames @table of @database behind the application's back (or back,
 * when not @hidden): every read of it fails. */
void
th_test_hide_table (const char *database,
                    const char *table,
                    gboolean    hidden)
{
  g_autofree char *sql = hidden ? g_strdup_printf ("ALTER TABLE %s RENAME TO hidden_%s", table, table)
                                : g_strdup_printf ("ALTER TABLE hidden_%s RENAME TO %s", table, table);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}
