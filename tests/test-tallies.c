/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "th-insights-task.h"
#include "th-test-util.h"

/* The insights read whole months from tallies the triggers keep, the
 * days around them one by one, and take archived learners away. Here a
 * random history (learners hired over two years, attempts passed and
 * failed, refreshers, some archived, one deleted) is read for many
 * periods, and every module's figures are checked against the records
 * counted directly with SQL. */

#define MODULES 3

static const char * const modules[MODULES] = { "humanism", "pragmatism", "autonomy" };
static char *tmp_dir;
static ThCatalog *catalog;
static GDateTime *now;

static GDateTime *
clock_now (gpointer user_data)
{
  return g_date_time_ref (now);
}

static void
set_day (GDateTime *start,
         int        days,
         int        seconds)
{
  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_add_seconds (start, 86400.0 * days + seconds);
}

/* One attempt of a few answers, finished (or, now and then, left open). */
static void
attempt (ThStore    *store,
         GRand      *rand,
         gint64      learner,
         const char *module,
         gboolean    refresher)
{
  g_autoptr(GError) error = NULL;
  gint64 id = th_store_start_attempt (store, learner, module, refresher ? TH_ATTEMPT_REFRESHER : TH_ATTEMPT_FULL,
                                      NULL, 0, &error);
  int n = g_rand_int_range (rand, 1, 4), score = 0;

  g_assert_no_error (error);
  for (int i = 0; i < n; i++)
    {
      int points = g_rand_int_range (rand, 0, 4);

      th_store_record_answer (store, id, g_rand_boolean (rand) ? "marcus-arrives" : "marcus-waiting",
                              points == 3 ? "b" : "a", points, 3, &error);
      g_assert_no_error (error);
      score += points;
    }
  if (g_rand_int_range (rand, 0, 10) == 0)
    return;
  g_assert_true (th_store_finish_attempt (store, id, score, 3 * n, 100 * score >= 80 * 3 * n, &error));
}

static ThStore *
make_history (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  ThStore *store = th_store_open (path, &error);

  g_assert_no_error (error);
  th_store_set_clock (store, clock_now, NULL);
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *learner_name = g_strdup_printf ("Learner %d", i);
      int day = g_rand_int_range (rand, 0, 600);
      gint64 learner;

      set_day (start, day, 0);
      learner = th_store_add_learner (store, learner_name, NULL, &error);
      g_assert_no_error (error);
      for (int k = 0; k < 6; k++)
        {
          day += g_rand_int_range (rand, 0, 40);
          set_day (start, day, g_rand_int_range (rand, 0, 86400));
          attempt (store, rand, learner, modules[g_rand_int_range (rand, 0, MODULES)], k > 3);
        }
      if (i % 7 == 3)
        g_assert_true (th_store_set_learner_archived (store, learner, TRUE, &error));
      if (i == 11)
        g_assert_true (th_store_delete_learner (store, learner, &error));
      g_assert_no_error (error);
    }
  return store;
}

static gint64
query (sqlite3    *db,
       const char *sql,
       const char *since,
       const char *before,
       gboolean    archived,
       const char *module)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, since, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, before, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, archived);
  sqlite3_bind_text (stmt, 4, module, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The records of the scope, counted directly. */
#define IN_SCOPE(when) \
  " JOIN learners AS l ON l.id = t.learner_id WHERE (?3 OR l.archived = 0) AND t.module_id = ?4" \
  " AND (?1 IS NULL OR " when " >= ?1) AND (?2 IS NULL OR " when " < ?2)"
#define FIRST \
  "(t.kind = 'full' AND NOT EXISTS (SELECT 1 FROM attempts AS p WHERE p.learner_id = t.learner_id" \
  " AND p.module_id = t.module_id AND p.kind = 'full' AND p.finished_at IS NOT NULL AND p.id < t.id))"

static void
check_module (sqlite3               *db,
              const ThModuleInsight *insight,
              const char            *since,
              const char            *before,
              gboolean               archived)
{
  const char *m = insight->module_id;

  g_assert_cmpint (insight->answers, ==,
                   query (db, "SELECT count(*) FROM answers AS a JOIN attempts AS t ON t.id = a.attempt_id"
                          IN_SCOPE ("a.answered_at"), since, before, archived, m));
  g_assert_cmpint (insight->attempts, ==,
                   query (db, "SELECT count(*) FROM attempts AS t" IN_SCOPE ("t.finished_at") " AND t.finished_at IS NOT NULL", since, before,
                          archived, m));
  g_assert_cmpint (insight->first_attempts, ==,
                   query (db, "SELECT count(*) FROM attempts AS t" IN_SCOPE ("t.finished_at") " AND t.finished_at IS NOT NULL" " AND " FIRST,
                          since, before, archived, m));
  g_assert_cmpint (insight->first_passed, ==,
                   query (db, "SELECT count(*) FROM attempts AS t" IN_SCOPE ("t.finished_at") " AND t.finished_at IS NOT NULL" " AND " FIRST
                          " AND t.passed = 1", since, before, archived, m));
  g_assert_cmpint (insight->refreshers_passed, ==,
                   query (db, "SELECT count(*) FROM attempts AS t" IN_SCOPE ("t.finished_at") " AND t.finished_at IS NOT NULL"
                          " AND t.kind = 'refresher' AND t.passed = 1", since, before, archived, m));
  /* the lower median: the score below which fewer than half the rest */
  g_assert_cmpint (insight->median_percent, ==,
                   query (db, "SELECT ifnull ((SELECT CASE WHEN t.max_score > 0 THEN 100 * max (t.score, 0) / "
                          "t.max_score ELSE 0 END AS percent FROM attempts AS t" IN_SCOPE ("t.finished_at") " AND t.finished_at IS NOT NULL"
                          " ORDER BY percent LIMIT 1 OFFSET (SELECT (count(*) - 1) / 2 FROM attempts AS t"
                          IN_SCOPE ("t.finished_at") " AND t.finished_at IS NOT NULL" ")), 0)", since, before, archived, m));
}

/* The day after @day, or NULL. */
static char *
dup_day_after (const char *day)
{
  g_autofree char *midnight = day ? g_strconcat (day, "T00:00:00Z", NULL) : NULL;
  g_autoptr(GDateTime) time = midnight ? g_date_time_new_from_iso8601 (midnight, NULL) : NULL;
  g_autoptr(GDateTime) after = time ? g_date_time_add_days (time, 1) : NULL;

  return after ? g_date_time_format (after, "%Y-%m-%d") : NULL;
}

static void
check_scope (ThStore    *store,
             sqlite3    *db,
             const char *since,
             const char *until,
             gboolean    archived)
{
  ThRecordScope scope = { since, until, archived, 0 };
  g_autofree char *before = dup_day_after (until);
  g_autoptr(GError) error = NULL;
  g_autoptr(ThInsights) insights = th_insights_load (store, catalog, &scope, &error);
  GPtrArray *list;
  guint answers = 0;

  g_assert_no_error (error);
  g_test_message ("from %s until %s, archived %s", since, until, archived ? "in" : "out");
  list = th_insights_get_modules (insights);
  for (guint i = 0; i < list->len; i++)
    {
      const ThModuleInsight *insight = g_ptr_array_index (list, i);

      check_module (db, insight, since, before, archived);
      answers += insight->answers;
    }
  g_assert_cmpuint (th_insights_get_n_answers (insights), ==, answers);
}

static void
test_tallies_match_records (void)
{
  g_autoptr(ThStore) store = make_history ("history.db");
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  const char *periods[][2] = {
    { NULL, NULL }, { "2025-03-01", "2025-05-31" }, { "2025-03-11", "2025-03-20" },
    { "2025-02-15", "2025-06-10" }, { "2025-06-01", NULL }, { NULL, "2025-04-30" }, { "2025-07-17", "2025-08-31" },
  };
  sqlite3 *db = NULL;

  g_assert_null (th_store_verify (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (th_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    for (int archived = 0; archived <= 1; archived++)
      check_scope (store, db, periods[i][0], periods[i][1], archived);
  /* and forty periods at random */
  for (int i = 0; i < 40; i++)
    {
      g_autoptr(GDateTime) from = g_date_time_add_days (start, g_rand_int_range (rand, 0, 800));
      g_autoptr(GDateTime) to = g_date_time_add_days (from, g_rand_int_range (rand, 0, 200));
      g_autofree char *since = g_date_time_format (from, "%Y-%m-%d");
      g_autofree char *until = g_date_time_format (to, "%Y-%m-%d");

      check_scope (store, db, since, until, g_rand_boolean (rand));
    }
  sqlite3_close (db);
}

/* A tally changed behind Threshold's back is found. */
static void
test_verify_finds_tally_edit (void)
{
  g_autoptr(ThStore) store = make_history ("edited.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (th_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE answer_tally SET n = n + 1 WHERE month = (SELECT min (month) "
                                     "FROM answer_tally)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  problem = th_store_verify (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (problem, "tallies"));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Read on a worker with a reader of its own, as the Insights page reads
 * them, the figures are those read here. */
static void
test_load_on_worker (void)
{
  g_autoptr(ThStore) store = make_history ("worker.db");
  ThRecordScope scope = { "2025-03-11", "2025-09-20", FALSE, 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ThInsights) here = th_insights_load (store, catalog, &scope, &error);
  g_autoptr(ThInsights) there = NULL;

  th_insights_task_load_async (store, catalog, &scope, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  there = th_insights_task_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (th_insights_get_n_answers (there), ==, th_insights_get_n_answers (here));
  g_assert_cmpuint (th_insights_get_n_answers (there), >, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = th_test_make_tmp_dir ();
  catalog = th_test_load_curriculum ();

  g_test_add_func ("/core/tallies/match-records", test_tallies_match_records);
  g_test_add_func ("/core/tallies/verify-finds-edit", test_verify_finds_tally_edit);
  g_test_add_func ("/core/tallies/load-on-worker", test_load_on_worker);

  status = g_test_run ();
  g_object_unref (catalog);
  g_clear_pointer (&now, g_date_time_unref);
  th_test_rmtree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
