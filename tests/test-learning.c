/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "th-application.h"
#include "th-catalog.h"
#include "th-test-util.h"
#include "th-ui-test-util.h"

/* A new hire's first morning, driven through the real widgets: a profile,
 * a lesson, a whole quiz with feedback after each answer, the result, and
 * the module shown as passed after a restart. Then a quiz cut off by
 * SIGKILL, resumed with every answer given before. */

#define MODULE_ID "humanism"

static char *tmp_dir;
static char *db_path;
static ThCatalog *catalog;

static ThModule *
module (void)
{
  return th_catalog_find_module (catalog, MODULE_ID);
}

/* The choices a learner who knows the material makes. */
static void
choose_best (GtkWindow        *window,
             const ThScenario *scenario)
{
  int best = th_scenario_get_max_score (scenario);

  for (guint i = 0; i < scenario->choices->len; i++)
    {
      const ThChoice *choice = g_ptr_array_index (scenario->choices, i);
      g_autofree char *text = NULL;
      GtkWidget *button;

      if (scenario->multiple ? choice->score <= 0 : choice->score != best)
        continue;
      pango_parse_markup (choice->text, -1, 0, NULL, &text, NULL, NULL);
      button = th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_CHECK_BUTTON, text);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
    }
}

static const ThScenario *
current_scenario (GtkWindow *window)
{
  const ThQuiz *quiz = th_module_get_quiz (module ());

  /* The scenario whose title is on screen. */
  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      if (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, scenario->title) != NULL)
        return scenario;
    }
  return NULL;
}

/* The ids of the choices on screen, top to bottom, joined by commas. */
static void
collect_choice_ids (GtkWidget *widget,
                    GString   *ids)
{
  const char *id = GTK_IS_CHECK_BUTTON (widget) ? g_object_get_data (G_OBJECT (widget), "choice-id") : NULL;

  if (id != NULL && gtk_widget_get_mapped (widget))
    g_string_append_printf (ids, "%s%s", ids->len > 0 ? "," : "", id);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_choice_ids (child, ids);
}

static char *
shown_choice_ids (GtkWindow *window)
{
  GString *ids = g_string_new (NULL);

  collect_choice_ids (GTK_WIDGET (window), ids);
  return g_string_free (ids, FALSE);
}

/* The order the store's seed gives the open attempt's current moment. */
static char *
stored_choice_ids (GtkWindow *window)
{
  ThStore *store = th_application_get_store (TH_APPLICATION (gtk_window_get_application (window)));
  g_autoptr(GPtrArray) order = NULL;
  GString *ids = g_string_new (NULL);
  guint32 seed = 0;

  g_assert_cmpint (th_store_find_open_attempt (store, 1, MODULE_ID, NULL, &seed, NULL), >, 0);
  g_assert_cmpuint (seed, !=, 0);
  order = th_scenario_dup_choice_order (current_scenario (window), seed);
  for (guint i = 0; i < order->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", ((ThChoice *) order->pdata[i])->id);
  return g_string_free (ids, FALSE);
}

/* Answers the moment on screen with its best choice and checks that the
 * feedback appears at once. Returns FALSE after the last moment. */
static gboolean
answer_current (GtkWindow *window)
{
  const ThScenario *scenario = current_scenario (window);
  gboolean last;

  g_assert_nonnull (scenario);
  choose_best (window, scenario);
  th_ui_click (GTK_WIDGET (window), "Check Answer");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Feedback");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                scenario->multiple ? "You chose this, and it fits" : "The best response"));

  last = th_ui_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "See Results") != NULL;
  th_ui_click (GTK_WIDGET (window), last ? "See Results" : "Continue");
  return !last;
}

static void
open_module (GtkWindow *window)
{
  GtkWidget *row = th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, th_module_get_title (module ()));

  gtk_widget_activate (row);
}

static void
page_through_lesson (GtkWindow *window)
{
  GPtrArray *pages = th_module_get_pages (module ());

  for (guint i = 0; i < pages->len; i++)
    {
      ThPage *page = g_ptr_array_index (pages, i);
      g_autofree char *position = g_strdup_printf ("Page %u of %u", i + 1, pages->len);

      th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, page->heading);
      g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, position));
      th_ui_click (GTK_WIDGET (window), "Next");
    }
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Key Points");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Sources"));
}

/* The counter over the moment on screen: the scenario, of all the
 * conversations the quiz has, and the question within it, one further
 * for each follow-up. */
static void
check_counter (GtkWindow *window,
               guint     *branch,
               guint     *moment)
{
  const ThQuiz *quiz = th_module_get_quiz (module ());
  const ThScenario *scenario = current_scenario (window);
  g_autofree char *counter = NULL, *pattern = NULL;
  guint n_branches = 0;

  for (guint i = 0; i < quiz->scenarios->len; i++)
    n_branches += ((ThScenario *) quiz->scenarios->pdata[i])->follow_up ? 0 : 1;
  *moment = scenario->follow_up ? *moment + 1 : 1;
  *branch += scenario->follow_up ? 0 : 1;
  counter = g_strdup_printf ("Scenario %u of %u · question %u", *branch, n_branches, *moment);
  pattern = g_strdup_printf ("%s · *", counter);
  g_assert_true (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, counter) != NULL ||
                 th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, pattern) != NULL);
}

static void
check_first_morning (GtkWindow *window)
{
  guint answered = 0, branch = 0, moment = 0, deepest = 0;

  th_ui_create_profile (window, "Jordan Reyes");
  open_module (window);
  page_through_lesson (window);
  th_ui_click (GTK_WIDGET (window), "Take the Quiz");

  do
    {
      check_counter (window, &branch, &moment);
      deepest = MAX (deepest, moment);
      answered++;
    }
  while (answer_current (window));
  /* Seven conversations; the best answers lead two of them on for three
   * questions: eleven in all, each counted. */
  g_assert_cmpuint (branch, ==, 7);
  g_assert_cmpuint (deepest, ==, 3);
  g_assert_cmpuint (answered, ==, 11);

  th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL);
  /* The results say the same of each answer. */
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Scenario 1 · question 3 · 3 of 3 points"));
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Scenario 7 · question 1 · *"));
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Passed"));
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "You scored 100%. The pass mark is 80%."));
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Your Answers"));
  g_assert_null (th_ui_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Try Again"));
  th_ui_click (GTK_WIDGET (window), "Back to the Learning Path");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 of 14 required modules passed");
}

static void
check_passed_after_restart (GtkWindow *window)
{
  GtkWidget *row;

  /* One profile without a PIN: the path opens straight away. */
  row = th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, th_module_get_title (module ()));
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 of 14 required modules passed"));
  g_assert_nonnull (th_ui_find (row, GTK_TYPE_LABEL, "Passed · 100% · *"));
}

static void
test_first_morning (void)
{
  th_ui_run_application (db_path, NULL, check_first_morning);
  th_ui_run_application (db_path, NULL, check_passed_after_restart);
}

static GDateTime *
thirteen_months_on (gpointer user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add_months (now, 13);
}

/* Answers every moment of the quiz on screen, best each time. */
static void
pass_quiz_on_screen (GtkWindow *window)
{
  while (answer_current (window))
    ;
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Passed");
  th_ui_click (GTK_WIDGET (window), "Back to the Learning Path");
}

static void
check_refresher (GtkWindow *window)
{
  ThApplication *app = TH_APPLICATION (gtk_window_get_application (window));
  GtkWidget *row;

  th_ui_create_profile (window, "Sam Okafor");
  open_module (window);
  th_ui_click (GTK_WIDGET (window), "Take the Quiz");
  pass_quiz_on_screen (window);
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 of 14 required modules passed");

  /* A year and a month later, the completion has expired. */
  th_store_set_clock (th_application_get_store (app), thirteen_months_on, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.home", NULL);
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Refreshers Due");
  row = th_ui_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, th_module_get_title (module ()));
  g_assert_nonnull (row);
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Refresher due"));
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "0 of 14 required modules passed"));

  /* One step to start it; passing it makes the module current again. */
  th_ui_click (GTK_WIDGET (window), "Start Refresher");
  pass_quiz_on_screen (window);
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 of 14 required modules passed");
  g_assert_null (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Refreshers Due"));
  g_assert_null (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Refresher due"));
  row = th_ui_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, th_module_get_title (module ()));
  g_assert_nonnull (th_ui_find (row, GTK_TYPE_LABEL, "Passed · 100% · *"));
}

static void
test_refresher_renews (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "refresher.db", NULL);

  th_ui_run_application (path, NULL, check_refresher);
}

#define ANSWERED_BEFORE_KILL 3

/* Runs in a child process: answers a few moments, says which, then waits
 * to be killed. */
static void
check_answer_then_hang (GtkWindow *window)
{
  g_autoptr(GString) line = g_string_new ("ANSWERED");
  g_autofree char *shown = NULL, *stored = NULL;

  th_ui_create_profile (window, "Kai");
  open_module (window);
  th_ui_click (GTK_WIDGET (window), "Take the Quiz");
  for (guint i = 0; i < ANSWERED_BEFORE_KILL; i++)
    {
      g_string_append_printf (line, " %s", current_scenario (window)->id);
      answer_current (window);
    }
  /* The next moment, which the restarted quiz must show, in the order
   * the attempt's stored seed gives. */
  shown = shown_choice_ids (window);
  stored = stored_choice_ids (window);
  g_assert_cmpstr (shown, ==, stored);
  g_string_append_printf (line, " NEXT %s ORDER %s\n", current_scenario (window)->id, shown);
  fputs (line->str, stdout);
  fflush (stdout);
  for (;;)
    th_ui_spin (1000);
}

static void
test_child_answers_then_hangs (void)
{
  th_ui_run_application (g_getenv ("THRESHOLD_TEST_DB"), NULL, check_answer_then_hang);
}

static char *expected_next;
static char *expected_order;

static void
check_resumed (GtkWindow *window)
{
  ThApplication *app = TH_APPLICATION (gtk_window_get_application (window));
  ThStore *store = th_application_get_store (app);
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *shown = NULL, *stored_order = NULL;
  gint64 attempt;

  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL,
                  "You have an unfinished quiz in “Humanism: respect without moral judgment”. "
                  "Your answers so far are saved.");
  /* One press on the learning path's card goes straight to the moment
   * to answer, not to the lesson and a second Resume there. */
  th_ui_click (GTK_WIDGET (window), "Resume Quiz");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Check Answer");
  g_assert_null (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Page * of *"));
  g_assert_nonnull (current_scenario (window));
  g_assert_cmpstr (current_scenario (window)->id, ==, expected_next);
  shown = shown_choice_ids (window);
  stored_order = stored_choice_ids (window);
  g_assert_cmpstr (shown, ==, expected_order);
  g_assert_cmpstr (shown, ==, stored_order);

  attempt = th_store_find_open_attempt (store, 1, MODULE_ID, NULL, NULL, NULL);
  stored = th_store_list_answers (store, attempt, NULL);
  g_assert_cmpuint (stored->len, ==, ANSWERED_BEFORE_KILL);
}

/* Killed mid-quiz with SIGKILL: nothing confirmed is lost, and the quiz
 * picks up at the moment after the last answer. */
static void
test_killed_mid_quiz_resumes (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "killed.db", NULL);
  const char *argv[] = { g_get_prgname (), "-p", "/ui/learning/child-answers-then-hangs", NULL };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;
  char *line;

  g_subprocess_launcher_setenv (launcher, "THRESHOLD_TEST_DB", path, TRUE);
  argv[0] = g_getenv ("THRESHOLD_TEST_SELF");
  child = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, &error)) != NULL &&
         !g_str_has_prefix (line, "ANSWERED"))
    g_free (line);
  g_assert_nonnull (line);
  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, NULL);
  g_assert_false (g_subprocess_get_if_exited (child));

  words = g_strsplit (line, " ", -1);
  g_free (line);
  g_assert_cmpuint (g_strv_length (words), ==, ANSWERED_BEFORE_KILL + 5);
  expected_next = g_strdup (words[ANSWERED_BEFORE_KILL + 2]);
  expected_order = g_strdup (words[ANSWERED_BEFORE_KILL + 4]);
  th_ui_run_application (path, NULL, check_resumed);
  g_clear_pointer (&expected_next, g_free);
  g_clear_pointer (&expected_order, g_free);
}

static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *scheme = adw_style_manager_get_dark (style) ? "dark" : "light";
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, scheme);
  g_autofree char *path = g_build_filename (g_getenv ("THRESHOLD_SCREENSHOTS_DIR"), file, NULL);

  th_ui_save_png (window, path);
}

/* The same path as the first-morning test, stopping to take pictures. */
static void
check_screenshots (GtkWindow *window)
{
  const ThScenario *scenario;

  gtk_window_set_default_size (window, 900, 720);
  th_ui_create_profile (window, "Jordan Reyes");
  save_screenshot (window, "home");
  open_module (window);
  th_ui_click (GTK_WIDGET (window), "Next");
  save_screenshot (window, "lesson");
  th_ui_click (GTK_WIDGET (window), "Take the Quiz");
  scenario = current_scenario (window);
  choose_best (window, scenario);
  th_ui_click (GTK_WIDGET (window), "Check Answer");
  save_screenshot (window, "feedback");
  th_ui_click (GTK_WIDGET (window), "Continue");
  while (answer_current (window))
    ;
  th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL);
  save_screenshot (window, "summary");
}

static void
test_screenshots (void)
{
  static const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *name = g_strdup_printf ("screenshots-%u.db", i);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[i]);
      th_ui_run_application (path, NULL, check_screenshots);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  int result;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  th_ui_test_init ();
  tmp_dir = th_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  db_path = g_build_filename (tmp_dir, "learning.db", NULL);
  catalog = th_catalog_new (loader);
  th_catalog_add_standard_paths (catalog, NULL);

  g_test_add_func ("/ui/learning/first-morning", test_first_morning);
  g_test_add_func ("/ui/learning/killed-mid-quiz-resumes", test_killed_mid_quiz_resumes);
  g_test_add_func ("/ui/learning/refresher-renews", test_refresher_renews);
  /* Run by hand: THRESHOLD_SCREENSHOTS_DIR=data/screenshots, see README. */
  if (g_getenv ("THRESHOLD_SCREENSHOTS_DIR") != NULL)
    g_test_add_func ("/ui/learning/screenshots", test_screenshots);
  /* Only ever run as the child of the test above. */
  if (g_getenv ("THRESHOLD_TEST_DB") != NULL)
    g_test_add_func ("/ui/learning/child-answers-then-hangs", test_child_answers_then_hangs);

  result = g_test_run ();
  g_clear_object (&catalog);
  th_test_rmtree (tmp_dir);
  return result;
}
