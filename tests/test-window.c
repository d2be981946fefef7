/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "th-application.h"
#include "th-catalog.h"
#include "th-test-util.h"
#include "th-window.h"

static char *tmp_dir;

typedef void (*WindowCheck) (ThWindow *window);

typedef struct
{
  GApplication *app;
  WindowCheck   check;
} Run;

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static gboolean
list_has_row (GtkListBox *list,
              const char *title)
{
  for (guint i = 0; i < count_rows (list); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_when_mapped (gpointer user_data)
{
  Run *run = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  g_assert_true (TH_IS_WINDOW (window));
  run->check (TH_WINDOW (window));
  g_application_quit (run->app);
  return G_SOURCE_REMOVE;
}

static void
destroy_windows (GtkApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (windows->data);
}

static gboolean
time_out (gpointer user_data)
{
  g_error ("The window did not show in time");
  return G_SOURCE_REMOVE;
}

/* Starts the real application, as the desktop would, with @extra_args,
 * and runs @check on its first window once it is on screen. */
static void
run_application_with (const char  *database,
                      const char  *extra_arg,
                      WindowCheck  check)
{
  ThApplication *app = th_application_new ();
  char *argv[] = { "threshold", "--database", (char *) database, (char *) extra_arg, NULL };
  Run run = { G_APPLICATION (app), check };
  guint timeout;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_timeout_add (50, check_when_mapped, &run);
  timeout = g_timeout_add_seconds (60, time_out, NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), extra_arg ? 4 : 3, argv), ==, 0);
  g_source_remove (timeout);
  g_assert_true (g_file_test (database, G_FILE_TEST_EXISTS));

  destroy_windows (GTK_APPLICATION (app));
  g_assert_finalize_object (app);
}

static void
run_application (const char  *extra_arg,
                 WindowCheck  check)
{
  g_autofree char *database = g_build_filename (tmp_dir, "threshold.db", NULL);

  run_application_with (database, extra_arg, check);
}

static void
check_shipped_modules (ThWindow *window)
{
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  g_autoptr(ThCatalog) catalog = th_catalog_new (loader);
  GtkListBox *list = th_window_get_module_list (window);

  th_catalog_add_standard_paths (catalog, NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Threshold");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_cmpuint (count_rows (list), >, 0);
  g_assert_cmpuint (count_rows (list), ==,
                    g_list_model_get_n_items (th_catalog_get_modules (catalog)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (th_window_get_problem_list (window))));
}

static void
test_window_lists_modules (void)
{
  run_application (NULL, check_shipped_modules);
}

static void
check_bad_files_listed (ThWindow *window)
{
  GtkListBox *problems = th_window_get_problem_list (window);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (problems)));
  g_assert_true (list_has_row (problems, "malformed.xml:5"));
  g_assert_true (list_has_row (problems, "dangling-next.xml:32"));
  /* The good modules are still there. */
  g_assert_cmpuint (count_rows (th_window_get_module_list (window)), >, 0);
}

static void
test_window_shows_bad_files (void)
{
  g_autofree char *bad = g_build_filename (g_getenv ("THRESHOLD_FIXTURES"), "content", "bad", NULL);
  g_autofree char *arg = g_strdup_printf ("--content-dir=%s", bad);

  run_application (arg, check_bad_files_listed);
}

static void
check_clinic_module_shown (ThWindow *window)
{
  g_assert_true (list_has_row (th_window_get_module_list (window), "Welcoming a late arrival"));
}

/* A module dropped into the user's content folder shows up at the next
 * start, with no rebuild. */
static void
test_window_shows_clinic_module (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("THRESHOLD_FIXTURES"), "content",
                                              "good", "example.xml", NULL);
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "threshold", "content", NULL);
  g_autofree char *target = g_build_filename (user_dir, "clinic.xml", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, contents, -1, NULL));

  run_application (NULL, check_clinic_module_shown);
  g_unlink (target);
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
check_damage_offered_and_fresh_start (ThWindow *window)
{
  ThApplication *app = TH_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  AdwMessageDialog *dialog = find_dialog ("Progress Records Were Damaged");

  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "moved, unchanged, to"));
  g_assert_null (th_application_get_store (app));

  adw_message_dialog_response (dialog, "fresh");
  g_assert_nonnull (th_application_get_store (app));
}

/* A damaged database is set aside and reported; the learner can carry on
 * with fresh records. */
static void
test_window_reports_damaged_database (void)
{
  g_autofree char *database = g_build_filename (tmp_dir, "damaged.db", NULL);

  g_assert_true (g_file_set_contents (database, "not a database", -1, NULL));
  run_application_with (database, NULL, check_damage_offered_and_fresh_start);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmp_dir = th_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/window/lists-modules", test_window_lists_modules);
  g_test_add_func ("/ui/window/shows-bad-files", test_window_shows_bad_files);
  g_test_add_func ("/ui/window/shows-clinic-module", test_window_shows_clinic_module);
  g_test_add_func ("/ui/window/reports-damaged-database", test_window_reports_damaged_database);

  result = g_test_run ();
  th_test_rmtree (tmp_dir);
  return result;
}
