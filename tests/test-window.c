/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "th-application.h"
#include "th-catalog.h"
#include "th-test-util.h"
#include "th-window.h"

static char *tmp_dir;

static guint
count_modules (void)
{
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  g_autoptr(ThCatalog) catalog = th_catalog_new (loader);

  th_catalog_add_standard_paths (catalog, NULL);
  return g_list_model_get_n_items (th_catalog_get_modules (catalog));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static gboolean
check_window (gpointer user_data)
{
  GApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkListBox *list;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  g_assert_true (TH_IS_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Threshold");
  list = th_window_get_module_list (TH_WINDOW (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_cmpuint (count_rows (list), ==, count_modules ());
  g_assert_cmpuint (count_rows (list), >, 0);

  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static gboolean
time_out (gpointer user_data)
{
  g_error ("The window did not show its module list in time");
  return G_SOURCE_REMOVE;
}

/* Starts the real application, as the desktop would, and looks at what
 * its first window shows. */
static void
test_window_lists_modules (void)
{
  g_autoptr(ThApplication) app = th_application_new ();
  g_autofree char *database = g_build_filename (tmp_dir, "threshold.db", NULL);
  char *argv[] = { "threshold", "--database", database, NULL };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_timeout_add (50, check_window, app);
  g_timeout_add_seconds (60, time_out, NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (g_file_test (database, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmp_dir = th_test_make_tmp_dir ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/window/lists-modules", test_window_lists_modules);

  result = g_test_run ();
  th_test_rmtree (tmp_dir);
  return result;
}
