/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "th-application.h"
#include "th-catalog-model.h"
#include "th-catalog.h"
#include "th-insights-page.h"
#include "th-learner-strengths.h"
#include "th-password-row.h"
#include "th-tag-chart.h"
#include "th-test-util.h"
#include "th-ui-test-util.h"
#include "th-unlock-dialog.h"

#define PASSPHRASE "kind words open doors"
#define MODULE_TITLE "Humanism: respect without moral judgment"
#define MOMENT_TITLE "A rough morning at the front desk"
/* The opening words of the feedback of marcus-arrives's choice c. */
#define C_FEEDBACK "You may be trying to help the nurse*"

/* A lead at the shared workstation, through the real widgets: opens the
 * team's insights, narrows the period, opens the moment the team most
 * often gets wrong, saves the huddle sheet, and looks at one learner's
 * strengths. The answers are made by hand at known days, on the
 * humanism module's first moment (content/principle-humanism.xml):
 *   marcus-arrives: b (3 of 3) honours humanism, welcoming-space and
 *                   low-threshold-care; c (0) works against humanism
 *                   and stigma-free-culture.
 * Two years ago Amara and Ben each chose c; ten days ago Amara chose b,
 * Ben c, and Cleo, archived since, b. */

static char *tmp_dir;
static char *db_path;
static char *pdf_path;
static char *csv_path;
static GDateTime *record_time;
static char *old_day;

static GDateTime *
clock_now (gpointer user_data)
{
  return g_date_time_ref (record_time);
}

static void
at_days_ago (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_clear_pointer (&record_time, g_date_time_unref);
  record_time = g_date_time_add_days (now, -days);
}

/* One finished attempt at the humanism module with one answer. */
static void
answer_once (ThStore    *store,
             gint64      learner,
             const char *choice,
             int         score)
{
  g_autoptr(GError) error = NULL;
  gint64 attempt = th_store_start_attempt (store, learner, "humanism", TH_ATTEMPT_FULL, NULL, 0, &error);

  th_store_record_answer (store, attempt, "marcus-arrives", choice, score, 3, &error);
  th_store_finish_attempt (store, attempt, score, 3, score == 3, &error);
  g_assert_no_error (error);
}

static void
prepare_records (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (db_path, &error);
  gint64 amara, ben, cleo;

  g_assert_no_error (error);
  th_store_set_clock (store, clock_now, NULL);
  at_days_ago (2 * 365 + 30);
  old_day = g_date_time_format (record_time, "%Y-%m-%d");
  amara = th_store_add_learner (store, "Amara Okafor", NULL, &error);
  ben = th_store_add_learner (store, "Ben Ruiz", NULL, &error);
  cleo = th_store_add_learner (store, "Cleo Diaz", NULL, &error);
  th_store_add_supervisor (store, "Dana Whitfield", PASSPHRASE, 0, &error);
  g_assert_no_error (error);
  answer_once (store, amara, "c", 0);
  answer_once (store, ben, "c", 0);
  at_days_ago (10);
  answer_once (store, amara, "b", 3);
  answer_once (store, ben, "c", 0);
  answer_once (store, cleo, "b", 3);
  g_assert_true (th_store_set_learner_archived (store, cleo, TRUE, &error));
  g_assert_no_error (error);
}

static void
unlock (GtkWindow *window)
{
  GtkWindow *dialog;

  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Profiles on This Computer");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.supervisor", NULL);
  dialog = th_ui_wait_for_toplevel (TH_TYPE_UNLOCK_DIALOG);
  th_ui_fill_row (GTK_WIDGET (dialog), TH_TYPE_PASSWORD_ROW, "Passphrase", PASSPHRASE);
  th_ui_click (GTK_WIDGET (dialog), "Unlock");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "2 learners");
}

/* The page, once its read is in. */
static ThInsightsPage *
wait_for_insights (GtkWindow *window)
{
  ThInsightsPage *page = TH_INSIGHTS_PAGE (th_ui_wait_for (GTK_WIDGET (window), TH_TYPE_INSIGHTS_PAGE, NULL));

  for (guint tries = 0; tries < 400 && th_insights_page_get_loading (page); tries++)
    th_ui_spin (10);
  g_assert_false (th_insights_page_get_loading (page));
  return page;
}

/* The chart's words as a screen reader gets them: checked against what
 * the chart says it told it, which must hold @expected. */
static void
assert_described (ThTagChart *chart,
                  const char *expected)
{
  const char *text = th_tag_chart_get_text_alternative (chart);
  g_autofree char *mismatch = NULL;

  if (strstr (text, expected) == NULL)
    g_error ("The chart is described as “%s”, without “%s”", text, expected);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 text);
  g_assert_null (mismatch);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL));
}

static ThTagChart *
principles_chart (GtkWidget *root)
{
  ThTagChart *chart = TH_TAG_CHART (th_ui_wait_for (root, TH_TYPE_TAG_CHART, NULL));

  g_assert_cmpint (th_tag_chart_get_kind (chart), ==, TH_TAG_CHART_PRINCIPLES);
  return chart;
}

static ThTagChart *
themes_chart (GtkWidget *root)
{
  ThTagChart *chart = principles_chart (root);
  GtkWidget *next = GTK_WIDGET (chart);

  /* The next chart in reading order: past the principles' numbers. */
  while ((next = gtk_widget_get_next_sibling (next)) != NULL)
    if (TH_IS_TAG_CHART (next))
      return TH_TAG_CHART (next);
  g_assert_not_reached ();
}

static GtkWidget *
find_drop_down (ThInsightsPage *page)
{
  return th_ui_find (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, NULL);
}

/* Every record; with the archived; the last 12 months; days of one's
 * own, mistyped then right; and back to every record. */
static void
check_periods (ThInsightsPage *page)
{
  GtkWidget *root = GTK_WIDGET (page);
  GtkWidget *drop_down = find_drop_down (page);
  GtkWidget *archived = th_ui_find (root, GTK_TYPE_SWITCH, NULL);
  GtkWidget *since, *until;

  th_ui_wait_for (root, GTK_TYPE_LABEL, "4 answers from the team. Archived learners are left out.");
  assert_described (principles_chart (root), "Humanism: 1 choice honours it, 3 work against it");
  assert_described (themes_chart (root), "Stigma-free culture: 0 choices honour it, 3 work against it (");
  assert_described (themes_chart (root), "; Welcoming space: 1 choice honours it, 0 work against it; ");
  /* Two quarters with answers: the trend is told too. */
  assert_described (principles_chart (root), "Humanism: 1 choice honours it, 3 work against it "
                                              "(share that honours it by quarter: ");

  gtk_switch_set_active (GTK_SWITCH (archived), TRUE);
  wait_for_insights (GTK_WINDOW (gtk_widget_get_root (root)));
  th_ui_wait_for (root, GTK_TYPE_LABEL, "5 answers from the team. Archived learners are included.");
  assert_described (principles_chart (root), "Humanism: 2 choices honour it, 3 work against it");
  gtk_switch_set_active (GTK_SWITCH (archived), FALSE);
  wait_for_insights (GTK_WINDOW (gtk_widget_get_root (root)));

  /* The last 12 months: not two years ago. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 2);
  wait_for_insights (GTK_WINDOW (gtk_widget_get_root (root)));
  th_ui_wait_for (root, GTK_TYPE_LABEL, "2 answers from the team. Archived learners are left out.");
  assert_described (principles_chart (root), "Humanism: 1 choice honours it, 1 works against it");
  th_ui_wait_for (root, GTK_TYPE_LABEL, "From * on");

  /* Between two days: the day two years ago alone. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 4);
  since = th_ui_wait_for (root, GTK_TYPE_ENTRY, NULL);
  until = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (since));
  g_assert_true (GTK_IS_ENTRY (until));
  gtk_editable_set_text (GTK_EDITABLE (since), "last spring");
  g_signal_emit_by_name (since, "activate");
  th_ui_wait_for (root, GTK_TYPE_LABEL, "Give each day as year, month and day, as in 2026-01-31.");
  gtk_editable_set_text (GTK_EDITABLE (since), old_day);
  gtk_editable_set_text (GTK_EDITABLE (until), old_day);
  th_ui_click (root, "Show");
  wait_for_insights (GTK_WINDOW (gtk_widget_get_root (root)));
  g_assert_null (th_ui_find (root, GTK_TYPE_LABEL, "Give each day as*"));
  th_ui_wait_for (root, GTK_TYPE_LABEL, "2 answers from the team. Archived learners are left out.");
  assert_described (principles_chart (root), "Humanism: 0 choices honour it, 2 work against it");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 0);
  wait_for_insights (GTK_WINDOW (gtk_widget_get_root (root)));
  th_ui_wait_for (root, GTK_TYPE_LABEL, "4 answers from the team. Archived learners are left out.");
}

/* The numbers on demand, the moment, the module. */
static void
check_content (ThInsightsPage *page)
{
  GtkWidget *root = GTK_WIDGET (page);
  GtkWidget *row;

  g_assert_null (th_ui_find (root, ADW_TYPE_ACTION_ROW, "Humanism"));
  th_ui_click (root, "Show Numbers");
  row = th_ui_wait_for (root, ADW_TYPE_ACTION_ROW, "Humanism");
  g_assert_true (g_pattern_match_simple ("1 choice honours it, 3 work against it · by quarter: *-Q* 0%, *-Q* 50%",
                                         adw_action_row_get_subtitle (ADW_ACTION_ROW (row))));
  th_ui_click (root, "Show Numbers");
  g_assert_null (th_ui_find (root, ADW_TYPE_ACTION_ROW, "Humanism"));

  row = th_ui_wait_for (root, ADW_TYPE_EXPANDER_ROW, MOMENT_TITLE);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   MODULE_TITLE " · 3 of 4 answers took its most common weaker choice");
  g_assert_null (th_ui_find (root, GTK_TYPE_LABEL, C_FEEDBACK));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  th_ui_wait_for (row, GTK_TYPE_LABEL, C_FEEDBACK);
  th_ui_wait_for (row, GTK_TYPE_LABEL, "Lean in and ask quietly:*");
  th_ui_wait_for (row, GTK_TYPE_LABEL, "It is 10:15 on a Tuesday*");

  /* Four finished attempts (0%, 0%, 100%, 0%); both first attempts, two
   * years ago, did not pass. */
  row = th_ui_wait_for (root, ADW_TYPE_ACTION_ROW, MODULE_TITLE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "4 attempts · passed at the first attempt: 0% · median score: 0% · no refreshers taken");
  row = th_ui_wait_for (root, ADW_TYPE_ACTION_ROW, "Pragmatism:*");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "0 attempts · passed at the first attempt: — · median score: — · no refreshers taken");
}

static void
check_saving (ThInsightsPage *page)
{
  g_autofree char *pdf = NULL, *csv = NULL;
  gsize length = 0;

  gtk_widget_activate_action (GTK_WIDGET (page), "insights.save-huddle-sheet-to", "^ay", pdf_path);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));
  gtk_widget_activate_action (GTK_WIDGET (page), "insights.save-csv-to", "^ay", csv_path);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "humanism,Humanism,all,1,3\r\n"));
}

/* A read that fails is said to fail, not shown as an empty period. */
static void
check_unreadable (ThInsightsPage *page)
{
  GtkWidget *root = GTK_WIDGET (page);

  th_test_hide_table (db_path, "answers", TRUE);
  th_test_hide_table (db_path, "answer_tally", TRUE);
  gtk_widget_activate_action (root, "insights.reload", NULL);
  wait_for_insights (GTK_WINDOW (gtk_widget_get_root (root)));
  th_ui_wait_for (root, GTK_TYPE_LABEL, "The Answers Cannot Be Read");
  g_assert_null (th_ui_find (root, GTK_TYPE_LABEL, "No Answers in This Period"));
  g_assert_null (th_insights_page_get_insights (page));
  /* Nothing to save. */
  g_assert_true (g_unlink (pdf_path) == 0);
  gtk_widget_activate_action (root, "insights.save-huddle-sheet-to", "^ay", pdf_path);
  g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  th_test_hide_table (db_path, "answers", FALSE);
  th_test_hide_table (db_path, "answer_tally", FALSE);
  th_ui_click (root, "Try Again");
  wait_for_insights (GTK_WINDOW (gtk_widget_get_root (root)));
  th_ui_wait_for (root, GTK_TYPE_LABEL, "4 answers from the team. Archived learners are left out.");
}

static ThLearnerStrengths *
wait_for_strengths (GtkWindow *window)
{
  ThLearnerStrengths *strengths =
    TH_LEARNER_STRENGTHS (th_ui_wait_for (GTK_WIDGET (window), TH_TYPE_LEARNER_STRENGTHS, NULL));

  for (guint tries = 0; tries < 400 && th_learner_strengths_get_loading (strengths); tries++)
    th_ui_spin (10);
  g_assert_false (th_learner_strengths_get_loading (strengths));
  return strengths;
}

/* Amara's own: c two years ago, b ten days ago. */
static void
check_strengths (GtkWindow *window)
{
  GtkWidget *search, *view;
  ThLearnerStrengths *strengths;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.supervisor", NULL);
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "2 learners");
  search = th_ui_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "amara");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 learner");
  view = th_ui_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  g_signal_emit_by_name (view, "activate", 0);
  strengths = wait_for_strengths (window);
  th_ui_wait_for (GTK_WIDGET (strengths), GTK_TYPE_LABEL, "Strengths by Principle and Theme");
  assert_described (principles_chart (GTK_WIDGET (strengths)), "Humanism: 1 choice honours it, 1 works against it");
  assert_described (themes_chart (GTK_WIDGET (strengths)), "Stigma-free culture: 0 choices honour it, "
                                                            "1 works against it");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
}

static void
check_insights (GtkWindow *window)
{
  ThInsightsPage *page;
  ThTagChart *chart;

  unlock (window);
  th_ui_click (GTK_WIDGET (window), "Team Insights");
  page = wait_for_insights (window);
  check_periods (page);
  check_content (page);
  check_saving (page);
  check_unreadable (page);
  check_strengths (window);

  /* Back to the insights, then locked: the page keeps none of them. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.insights", NULL);
  page = wait_for_insights (window);
  g_assert_nonnull (th_insights_page_get_insights (page));
  chart = principles_chart (GTK_WIDGET (page));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Profiles on This Computer");
  g_assert_null (th_insights_page_get_insights (page));
  g_assert_null (th_tag_chart_get_insights (chart));
  g_assert_nonnull (strstr (th_tag_chart_get_text_alternative (chart), "Humanism: 0 choices honour it, 0 work"));
}

static void
test_insights (void)
{
  prepare_records ();
  th_ui_run_application (db_path, NULL, check_insights);
}

/* A team of twelve over a year, getting better quarter by quarter, for
 * pictures of the page in light and dark. */
static void
prepare_team (const char *path)
{
  static const char *names[] = {
    "Amara Okafor", "Ben Ruiz", "Cleo Diaz", "Dev Patel", "Eli Novak", "Fatima Haddad",
    "Gus Lindqvist", "Hana Sato", "Ines Moreau", "Jon Baker", "Kemi Adeyemi", "Lior Cohen",
  };
  g_autoptr(ThCatalog) catalog = th_test_load_curriculum ();
  GListModel *modules = th_catalog_get_modules (catalog);
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20);

  th_store_set_clock (store, clock_now, NULL);
  at_days_ago (400);
  th_store_add_supervisor (store, "Dana Whitfield", PASSPHRASE, 0, &error);
  for (guint l = 0; l < G_N_ELEMENTS (names); l++)
    {
      gint64 learner = th_store_add_learner (store, names[l], NULL, &error);

      for (guint q = 0; q < 4; q++)
        for (guint m = 0; m < 4; m++)
          {
            g_autoptr(ThModule) module = g_list_model_get_item (modules, (l + m) % g_list_model_get_n_items (modules));
            const ThQuiz *quiz = th_module_get_quiz (module);
            gint64 attempt;
            int score = 0, max = 0;

            at_days_ago (330 - 90 * q - (int) g_rand_int_range (rand, 0, 60));
            attempt = th_store_start_attempt (store, learner, th_module_get_id (module), TH_ATTEMPT_FULL,
                                              NULL, 0, &error);
            for (guint s = 0; s < quiz->scenarios->len; s++)
              {
                const ThScenario *scenario = quiz->scenarios->pdata[s];
                gboolean best = g_rand_double (rand) < 0.35 + 0.15 * q;
                const ThChoice *choice = NULL;

                if (scenario->multiple || scenario->follow_up)
                  continue;
                for (guint c = 0; c < scenario->choices->len && choice == NULL; c++)
                  {
                    const ThChoice *candidate = scenario->choices->pdata[(c + s + l) % scenario->choices->len];

                    if ((candidate->score == th_scenario_get_max_score (scenario)) == best)
                      choice = candidate;
                  }
                th_store_record_answer (store, attempt, scenario->id, choice->id, choice->score,
                                        th_scenario_get_max_score (scenario), &error);
                score += choice->score;
                max += th_scenario_get_max_score (scenario);
              }
            th_store_finish_attempt (store, attempt, score, max, score * 100 >= max * 80, &error);
            g_assert_no_error (error);
          }
    }
}

static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, adw_style_manager_get_dark (style) ? "dark" : "light");
  g_autofree char *path = g_build_filename (g_getenv ("THRESHOLD_SCREENSHOTS_DIR"), file, NULL);

  th_ui_save_png (window, path);
}

static void
check_screenshots (GtkWindow *window)
{
  ThInsightsPage *page;
  GtkWidget *scrolled, *moment, *view;
  GtkAdjustment *adjustment;

  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Profiles on This Computer");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.supervisor", NULL);
  {
    GtkWindow *dialog = th_ui_wait_for_toplevel (TH_TYPE_UNLOCK_DIALOG);

    th_ui_fill_row (GTK_WIDGET (dialog), TH_TYPE_PASSWORD_ROW, "Passphrase", PASSPHRASE);
    th_ui_click (GTK_WIDGET (dialog), "Unlock");
  }
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "12 learners");
  th_ui_click (GTK_WIDGET (window), "Team Insights");
  page = wait_for_insights (window);
  th_ui_wait_for (GTK_WIDGET (page), TH_TYPE_TAG_CHART, NULL);
  save_screenshot (window, "insights");

  moment = th_ui_wait_for (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, NULL);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (moment), TRUE);
  scrolled = gtk_widget_get_ancestor (moment, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  th_ui_spin (200);
  {
    graphene_point_t top;

    g_assert_true (gtk_widget_compute_point (moment, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
    gtk_adjustment_set_value (adjustment, top.y - 80);
  }
  save_screenshot (window, "insights-moments");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.supervisor", NULL);
  view = th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  g_signal_emit_by_name (view, "activate", 0);
  wait_for_strengths (window);
  th_ui_spin (200);
  save_screenshot (window, "learner-strengths");
}

static void
test_screenshots (void)
{
  static const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Room for the charts and the moments. */
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 940);
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *name = g_strdup_printf ("screenshots-%u.db", i);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      prepare_team (path);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[i]);
      th_ui_run_application (path, NULL, check_screenshots);
    }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  /* The charts' words are checked as a screen reader is given them: in
   * GTK's test accessibility context (with "none", there is none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  th_ui_test_init ();
  tmp_dir = th_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  db_path = g_build_filename (tmp_dir, "insights.db", NULL);
  pdf_path = g_build_filename (tmp_dir, "huddle-sheet.pdf", NULL);
  csv_path = g_build_filename (tmp_dir, "insights.csv", NULL);

  g_test_add_func ("/ui/insights/team-and-learner", test_insights);
  /* Run by hand: THRESHOLD_SCREENSHOTS_DIR=/tmp/shots; see test-learning.c. */
  if (g_getenv ("THRESHOLD_SCREENSHOTS_DIR") != NULL)
    g_test_add_func ("/ui/insights/screenshots", test_screenshots);

  result = g_test_run ();
  g_clear_pointer (&record_time, g_date_time_unref);
  g_free (old_day);
  th_test_rmtree (tmp_dir);
  return result;
}
