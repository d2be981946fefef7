/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "th-catalog.h"
#include "th-insights.h"
#include "th-report.h"
#include "th-test-util.h"

/* The team's insights on a hand-made set of answers to the example module
 * (tests/fixtures/content/good/example.xml), whose tags are:
 *   late:   a (2) honours humanism, low-threshold-care; b (0) breaks
 *           low-threshold-care; c (1) honours low-threshold-care
 *   late-2: a (1) honours pragmatism; b, c (0) nothing
 *   words:  select all; a, c (+1) nothing; b (-1) breaks stigma-free-culture
 * Every figure below is counted from the answers by hand. */

static char *tmp_dir;
static ThCatalog *catalog;
static GDateTime *now;

static GDateTime *
clock_now (gpointer user_data)
{
  return g_date_time_ref (now);
}

static void
at (int month,
    int day)
{
  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_new_utc (2026, month, day, 10, 0, 0);
}

/* One attempt: each answer "moment:choices:score:max", then finished. */
static void
attempt (ThStore             *store,
         gint64               learner,
         ThAttemptKind        kind,
         const char * const  *answers,
         gboolean             passed)
{
  g_autoptr(GError) error = NULL;
  gint64 id = th_store_start_attempt (store, learner, "example-welcome", kind, NULL, 0, &error);
  int score = 0, max = 0;

  for (guint i = 0; answers[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (answers[i], ":", 4);

      th_store_record_answer (store, id, parts[0], parts[1], atoi (parts[2]), atoi (parts[3]), &error);
      score += atoi (parts[2]);
      max += atoi (parts[3]);
    }
  th_store_finish_attempt (store, id, score, max, passed, &error);
  g_assert_no_error (error);
}

static ThStore *
make_records (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  ThStore *store = th_store_open (path, &error);
  gint64 ana, ben, cy;

  th_store_set_clock (store, clock_now, NULL);
  at (1, 10);
  ana = th_store_add_learner (store, "Ana", NULL, &error);
  ben = th_store_add_learner (store, "Ben", NULL, &error);
  cy = th_store_add_learner (store, "Cy", NULL, &error);
  at (1, 15);
  attempt (store, ana, TH_ATTEMPT_FULL, (const char *[]) { "late:b:0:2", "words:a b:0:2", NULL }, FALSE);
  at (4, 10);
  attempt (store, ana, TH_ATTEMPT_FULL, (const char *[]) { "late:a:2:2", "late-2:a:1:1", "words:a c:2:2", NULL },
           TRUE);
  at (4, 12);
  attempt (store, ben, TH_ATTEMPT_FULL, (const char *[]) { "late:c:1:2", "words:a c:2:2", NULL }, TRUE);
  at (5, 1);
  attempt (store, ben, TH_ATTEMPT_REFRESHER, (const char *[]) { "late:b:0:2", NULL }, FALSE);
  at (4, 20);
  attempt (store, cy, TH_ATTEMPT_FULL, (const char *[]) { "late:b:0:2", NULL }, FALSE);
  g_assert_true (th_store_set_learner_archived (store, cy, TRUE, &error));
  g_assert_no_error (error);
  return store;
}

static void
assert_tally (ThTagTally tally,
              guint      honoured,
              guint      broken)
{
  g_assert_cmpuint (tally.honoured, ==, honoured);
  g_assert_cmpuint (tally.broken, ==, broken);
}

static ThMomentInsight *
moment (ThInsights *insights,
        guint       i)
{
  return g_ptr_array_index (th_insights_get_moments (insights), i);
}

static ThModuleInsight *
example_module (ThInsights *insights)
{
  GPtrArray *modules = th_insights_get_modules (insights);

  for (guint i = 0; i < modules->len; i++)
    if (g_str_equal (((ThModuleInsight *) modules->pdata[i])->module_id, "example-welcome"))
      return modules->pdata[i];
  g_assert_not_reached ();
}

/* Everyone not archived, every day. */
static void
test_counts (void)
{
  g_autoptr(ThStore) store = make_records ("counts.db");
  ThRecordScope scope = { NULL, NULL, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(ThInsights) insights = th_insights_load (store, catalog, &scope, &error);
  g_auto(GStrv) quarters = NULL;
  ThModuleInsight *module;

  g_assert_no_error (error);
  g_assert_cmpuint (th_insights_get_n_answers (insights), ==, 8);

  /* Per principle and theme, each chosen choice counted. */
  assert_tally (*th_insights_get_tally (insights, TH_TAG_HUMANISM), 1, 0);
  assert_tally (*th_insights_get_tally (insights, TH_TAG_LOW_THRESHOLD_CARE), 2, 2);
  assert_tally (*th_insights_get_tally (insights, TH_TAG_PRAGMATISM), 1, 0);
  assert_tally (*th_insights_get_tally (insights, TH_TAG_STIGMA_FREE_CULTURE), 0, 1);
  assert_tally (*th_insights_get_tally (insights, TH_TAG_AUTONOMY), 0, 0);

  /* By quarter: January's attempt, then April's and May's. */
  quarters = th_insights_dup_quarters (insights);
  g_assert_cmpuint (g_strv_length (quarters), ==, 2);
  g_assert_cmpstr (quarters[0], ==, "2026-Q1");
  g_assert_cmpstr (quarters[1], ==, "2026-Q2");
  assert_tally (th_insights_get_tally_in (insights, TH_TAG_LOW_THRESHOLD_CARE, "2026-Q1"), 0, 1);
  assert_tally (th_insights_get_tally_in (insights, TH_TAG_LOW_THRESHOLD_CARE, "2026-Q2"), 2, 1);
  assert_tally (th_insights_get_tally_in (insights, TH_TAG_STIGMA_FREE_CULTURE, "2026-Q1"), 0, 1);
  assert_tally (th_insights_get_tally_in (insights, TH_TAG_HUMANISM, "2026-Q1"), 0, 0);

  /* Per moment, the most often answered below its best first, with the
   * weaker choice most often taken. */
  g_assert_cmpuint (th_insights_get_moments (insights)->len, ==, 3);
  g_assert_cmpstr (moment (insights, 0)->scenario->id, ==, "late");
  g_assert_cmpuint (moment (insights, 0)->answers, ==, 4);
  g_assert_cmpuint (moment (insights, 0)->weaker, ==, 3);
  g_assert_cmpstr (moment (insights, 0)->common->id, ==, "b");
  g_assert_cmpuint (moment (insights, 0)->common_count, ==, 2);
  g_assert_cmpstr (moment (insights, 1)->scenario->id, ==, "words");
  g_assert_cmpuint (moment (insights, 1)->answers, ==, 3);
  g_assert_cmpuint (moment (insights, 1)->weaker, ==, 1);
  g_assert_cmpstr (moment (insights, 1)->common->id, ==, "b");
  g_assert_cmpstr (moment (insights, 2)->scenario->id, ==, "late-2");
  g_assert_null (moment (insights, 2)->common);

  /* Per module: four finished attempts (0%, 100%, 75%, 0%), two first
   * full attempts of which one passed, one refresher not passed. */
  module = example_module (insights);
  g_assert_cmpuint (module->answers, ==, 8);
  g_assert_cmpuint (module->attempts, ==, 4);
  g_assert_cmpuint (module->first_attempts, ==, 2);
  g_assert_cmpuint (module->first_passed, ==, 1);
  g_assert_cmpuint (module->median_percent, ==, 0);
  g_assert_cmpuint (module->refreshers, ==, 1);
  g_assert_cmpuint (module->refreshers_passed, ==, 0);
}

/* Archived learners when asked for; a period of days. */
static void
test_scope (void)
{
  g_autoptr(ThStore) store = make_records ("scope.db");
  ThRecordScope with_archived = { NULL, NULL, TRUE };
  ThRecordScope april = { "2026-04-01", "2026-04-30", FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(ThInsights) all = th_insights_load (store, catalog, &with_archived, &error);
  g_autoptr(ThInsights) in_april = th_insights_load (store, catalog, &april, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (th_insights_get_n_answers (all), ==, 9);
  assert_tally (*th_insights_get_tally (all, TH_TAG_LOW_THRESHOLD_CARE), 2, 3);
  g_assert_cmpuint (moment (all, 0)->common_count, ==, 3);

  /* April: Ana's second attempt and Ben's first; not May's refresher, not
   * January, and not the archived Cy. */
  g_assert_cmpuint (th_insights_get_n_answers (in_april), ==, 5);
  g_assert_cmpuint (example_module (in_april)->attempts, ==, 2);
  assert_tally (*th_insights_get_tally (in_april, TH_TAG_LOW_THRESHOLD_CARE), 2, 0);
  assert_tally (*th_insights_get_tally (in_april, TH_TAG_HUMANISM), 1, 0);
}

static guint
count_answers_in_database (ThStore *store)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open (th_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM answers AS a JOIN attempts AS t "
                                           "ON t.id = a.attempt_id JOIN learners AS l ON l.id = t.learner_id "
                                           "WHERE l.archived = 0", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The CSV: a section per module whose answer counts add up to the answers
 * in the database, per principle and theme, per moment. */
static void
test_csv (void)
{
  g_autoptr(ThStore) store = make_records ("csv.db");
  g_autofree char *path = g_build_filename (tmp_dir, "insights.csv", NULL);
  ThRecordScope scope = { NULL, NULL, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(ThInsights) insights = th_insights_load (store, catalog, &scope, &error);
  g_autofree char *text = NULL;
  g_auto(GStrv) sections = NULL, module_lines = NULL;
  guint sum = 0;

  g_assert_true (th_report_write_insights_csv (insights, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  sections = g_strsplit (text, "\r\n\r\n", -1);
  g_assert_cmpuint (g_strv_length (sections), ==, 3);
  g_assert_true (g_str_has_prefix (sections[0], "\xEF\xBB\xBFModule ID,Module,Answers,"));
  module_lines = g_strsplit (sections[0], "\r\n", -1);
  for (guint i = 1; module_lines[i] != NULL && *module_lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (module_lines[i], ",", -1);
      sum += (guint) atoi (fields[g_strv_length (fields) - 7]);
    }
  g_assert_cmpuint (sum, ==, count_answers_in_database (store));
  g_assert_nonnull (strstr (sections[1], "low-threshold-care,Low-threshold care,all,2,2"));
  g_assert_nonnull (strstr (sections[1], "low-threshold-care,Low-threshold care,2026-Q1,0,1"));
  g_assert_true (g_str_has_prefix (sections[2], "Module ID,Moment ID,Moment,Answers"));
  g_assert_nonnull (strstr (sections[2], "example-welcome,late,Twenty minutes late,4,3,"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ThContentLoader) loader = NULL;
  g_autofree char *example = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = th_test_make_tmp_dir ();
  loader = th_content_loader_new ();
  catalog = th_catalog_new (loader);
  example = g_build_filename (g_getenv ("THRESHOLD_FIXTURES"), "content", "good", "example.xml", NULL);
  th_catalog_add_path (catalog, example, TH_CONTENT_ORIGIN_BUNDLED);

  g_test_add_func ("/core/insights/counts", test_counts);
  g_test_add_func ("/core/insights/scope", test_scope);
  g_test_add_func ("/core/insights/csv", test_csv);

  result = g_test_run ();
  g_clear_object (&catalog);
  g_clear_pointer (&now, g_date_time_unref);
  th_test_rmtree (tmp_dir);
  return result;
}
