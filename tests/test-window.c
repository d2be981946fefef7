/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "th-application.h"
#include "th-home-page.h"
#include "th-insights-page.h"
#include "th-learner-account.h"
#include "th-lesson-view.h"
#include "th-profiles-page.h"
#include "th-quiz-view.h"
#include "th-learner-detail.h"
#include "th-learner-strengths.h"
#include "th-password-row.h"
#include "th-summary-view.h"
#include "th-supervisor-view.h"
#include "th-tag-chart.h"
#include "th-catalog.h"
#include "th-test-util.h"
#include "th-ui-test-util.h"

static char *tmp_dir;

static char *
database (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static guint
count_rows_of (GtkWidget *root,
               GType      type)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  n += G_TYPE_CHECK_INSTANCE_TYPE (root, type);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows_of (child, type);
  return n;
}

static void
check_shipped_modules (GtkWindow *window)
{
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  g_autoptr(ThCatalog) catalog = th_catalog_new (loader);

  th_catalog_add_standard_paths (catalog, NULL);
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Threshold");

  th_ui_create_profile (window, "Nia");
  /* Every module is a row of the learning path, under its group. */
  g_assert_cmpuint (count_rows_of (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW), ==,
                    th_catalog_get_n_modules (catalog));
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Themes: Beyond the Clinic"));
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "0 of 14 required modules passed"));
  g_assert_null (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Modules That Could Not Be Loaded"));
}

static void
test_window_lists_modules (void)
{
  g_autofree char *path = database ("lists.db");

  th_ui_run_application (path, NULL, check_shipped_modules);
}

static void
check_bad_files_listed (GtkWindow *window)
{
  th_ui_create_profile (window, "Nia");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Modules That Could Not Be Loaded"));
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "malformed.xml:5"));
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "dangling-next.xml:32"));
  /* The good modules are still there. */
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "A stigma-free culture"));
}

static void
test_window_shows_bad_files (void)
{
  g_autofree char *path = database ("bad.db");
  g_autofree char *bad = g_build_filename (g_getenv ("THRESHOLD_FIXTURES"), "content", "bad", NULL);
  g_autofree char *arg = g_strdup_printf ("--content-dir=%s", bad);

  th_ui_run_application (path, arg, check_bad_files_listed);
}

static void
check_clinic_module_shown (GtkWindow *window)
{
  th_ui_create_profile (window, "Nia");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Welcoming a late arrival"));
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "More Modules"));
}

/* A module dropped into the user's content folder shows up at the next
 * start, with no rebuild. */
static void
test_window_shows_clinic_module (void)
{
  g_autofree char *path = database ("clinic.db");
  g_autofree char *source = g_build_filename (g_getenv ("THRESHOLD_FIXTURES"), "content",
                                              "good", "example.xml", NULL);
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "threshold", "content", NULL);
  g_autofree char *target = g_build_filename (user_dir, "clinic.xml", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, contents, -1, NULL));

  th_ui_run_application (path, NULL, check_clinic_module_shown);
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
check_damage_offered_and_fresh_start (GtkWindow *window)
{
  ThApplication *app = TH_APPLICATION (gtk_window_get_application (window));
  AdwMessageDialog *dialog = find_dialog ("Progress Records Were Damaged");

  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "moved, unchanged, to"));
  g_assert_null (th_application_get_store (app));

  adw_message_dialog_response (dialog, "fresh");
  g_assert_nonnull (th_application_get_store (app));
  /* And the learner can carry on. */
  th_ui_create_profile (window, "Nia");
}

/* A damaged database is set aside and reported; the learner can carry on
 * with fresh records. */
static void
test_window_reports_damaged_database (void)
{
  g_autofree char *path = database ("damaged.db");

  g_assert_true (g_file_set_contents (path, "not a database", -1, NULL));
  th_ui_run_application (path, NULL, check_damage_offered_and_fresh_start);
}

/* A template naming a widget that libadwaita 1.2 lacks fails only when
 * the widget is made: make each one. */
static void
test_templates_build (void)
{
  const GType types[] = {
    TH_TYPE_PROFILES_PAGE, TH_TYPE_HOME_PAGE, TH_TYPE_LESSON_VIEW, TH_TYPE_QUIZ_VIEW,
    TH_TYPE_SUMMARY_VIEW, TH_TYPE_SUPERVISOR_VIEW, TH_TYPE_LEARNER_DETAIL, TH_TYPE_PASSWORD_ROW,
    TH_TYPE_INSIGHTS_PAGE, TH_TYPE_LEARNER_STRENGTHS, TH_TYPE_TAG_CHART, TH_TYPE_LEARNER_ACCOUNT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_finalize_object (widget);
    }
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static void
check_about_and_shortcuts (GtkWindow *window)
{
  GtkApplication *app = gtk_window_get_application (window);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "win.show-help-overlay");
  GtkWindow *about, *shortcuts;

  /* No shortcuts window waits hidden: one that was never shown has no
   * accessible object path, and an AT-SPI client that asks for it crashes
   * GTK 4.8. It is made when asked for, on Ctrl+?. */
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (accels != NULL && g_strv_contains ((const char * const *) accels, "<Control>question"));

  g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (window)), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Threshold");
  gtk_window_destroy (about);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_window_close (shortcuts);
  /* Closed, it is gone, not hidden. */
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
}

static void
test_about_and_shortcuts (void)
{
  g_autofree char *path = database ("about.db");

  th_ui_run_application (path, NULL, check_about_and_shortcuts);
}

/* What the window showed in its first frame: the page on show, and
 * whether the profiles page's name field was there to be clicked. */
static char *first_page;
static gboolean first_had_profiles;
static gboolean first_had_learner;

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  GtkWidget *stack = th_ui_find (window, GTK_TYPE_STACK, NULL);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  g_assert_nonnull (stack);
  first_page = g_strdup (gtk_stack_get_visible_child_name (GTK_STACK (stack)));
  first_had_profiles = th_ui_find (window, ADW_TYPE_ENTRY_ROW, "Your name") != NULL;
  first_had_learner = th_ui_find (window, GTK_TYPE_LABEL, "Learning Path") != NULL &&
                      th_ui_find (window, GTK_TYPE_LABEL, "Nia") != NULL;
}

static void
on_window_realized (GtkWidget *window)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  if (!GTK_IS_APPLICATION_WINDOW (window))
    return;
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), window, 0);
}

static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      /* Added while GtkWindow's init runs: it is not yet of its own type. */
      g_signal_connect (window, "realize", G_CALLBACK (on_window_realized), NULL);
    }
}

static void
check_opens_on_learning_path (GtkWindow *window)
{
  GtkWidget *row;

  /* Mapped is not yet drawn. */
  for (guint tries = 0; tries < 200 && first_page == NULL; tries++)
    th_ui_spin (10);
  /* Drawn first: the learning path, loading or not, never the profiles. */
  g_assert_nonnull (first_page);
  g_assert_true (g_str_equal (first_page, "loading") || g_str_equal (first_page, "home"));
  g_assert_false (first_had_profiles);
  g_assert_true (first_had_learner);

  /* Usable once the curriculum is in. */
  row = th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "A stigma-free culture");
  g_assert_true (gtk_widget_is_sensitive (row));
  g_assert_null (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Loading the Modules…"));
  gtk_widget_activate (row);
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Take the Quiz");
}

/* With one profile and no PIN, the window opens on its learning path from
 * the first frame: a click in the second the curriculum takes to read
 * cannot land on a profiles page about to go. */
static void
test_window_one_profile_first_frame (void)
{
  g_autofree char *path = database ("one.db");
  g_autoptr(GError) error = NULL;
  ThStore *store = th_store_open (path, &error);
  GListModel *toplevels = gtk_window_get_toplevels ();
  gulong handler;

  g_assert_no_error (error);
  g_assert_cmpint (th_store_add_learner (store, "Nia", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  handler = g_signal_connect (toplevels, "items-changed", G_CALLBACK (on_toplevels_changed), NULL);
  th_ui_run_application (path, NULL, check_opens_on_learning_path);
  g_signal_handler_disconnect (toplevels, handler);
  g_clear_pointer (&first_page, g_free);
}

static void
check_many_profiles (GtkWindow *window)
{
  GtkWidget *search = th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  /* The first list on the page is the profiles' (the PIN is a row too). */
  GtkWidget *profiles = th_ui_find (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, NULL);
  GtkWidget *row;

  /* Fifty rows at most, whatever the number of profiles: a dozen before
   * the first frame, the rest just after it. */
  for (guint tries = 0; tries < 100 && count_rows_of (profiles, ADW_TYPE_ACTION_ROW) < 50; tries++)
    th_ui_spin (20);
  g_assert_cmpuint (count_rows_of (profiles, ADW_TYPE_ACTION_ROW), ==, 50);
  g_assert_null (th_ui_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Learner 177"));

  gtk_editable_set_text (GTK_EDITABLE (search), "learner 177");
  row = th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Learner 177");
  g_assert_cmpuint (count_rows_of (profiles, ADW_TYPE_ACTION_ROW), ==, 1);
  gtk_widget_activate (row);
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "The Six Principles");
}

/* A workstation with hundreds of profiles opens as quickly as one with
 * two: the picker builds a few rows and searches for the rest. */
static void
test_window_many_profiles (void)
{
  g_autofree char *path = database ("many.db");
  g_autoptr(GError) error = NULL;
  ThStore *store = th_store_open (path, &error);

  g_assert_true (th_store_begin_batch (store, &error));
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Learner %03u", i);
      th_store_add_learner (store, name, NULL, &error);
    }
  g_assert_true (th_store_commit_batch (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  th_ui_run_application (path, NULL, check_many_profiles);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmp_dir = th_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  th_ui_test_init ();

  g_test_add_func ("/ui/window/templates-build", test_templates_build);
  g_test_add_func ("/ui/window/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/ui/window/lists-modules", test_window_lists_modules);
  g_test_add_func ("/ui/window/shows-bad-files", test_window_shows_bad_files);
  g_test_add_func ("/ui/window/shows-clinic-module", test_window_shows_clinic_module);
  g_test_add_func ("/ui/window/reports-damaged-database", test_window_reports_damaged_database);
  g_test_add_func ("/ui/window/many-profiles", test_window_many_profiles);
  g_test_add_func ("/ui/window/one-profile-first-frame", test_window_one_profile_first_frame);

  result = g_test_run ();
  th_test_rmtree (tmp_dir);
  return result;
}
