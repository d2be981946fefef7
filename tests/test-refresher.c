/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "th-catalog.h"
#include "th-quiz-session.h"
#include "th-refresher.h"
#include "th-test-util.h"

/* Refreshers with a fixed clock and seed: when completions fall due, and
 * which moments a refresher asks about. */

static ThCatalog *catalog;

static GDateTime *
date (int year,
      int month,
      int day)
{
  return g_date_time_new_utc (year, month, day, 9, 0, 0);
}

static void
test_expiry_and_due_soon (void)
{
  g_autoptr(GDateTime) completed = date (2025, 1, 15);
  static const struct { int y, m, d; ThDueState state; } cases[] = {
    { 2025, 6, 1, TH_DUE_CURRENT },
    { 2025, 12, 15, TH_DUE_CURRENT },   /* 31 days before the year is up */
    { 2025, 12, 16, TH_DUE_SOON },      /* 30 days before */
    { 2026, 1, 14, TH_DUE_SOON },
    { 2026, 1, 15, TH_DUE_EXPIRED },    /* exactly 12 months */
    { 2027, 3, 1, TH_DUE_EXPIRED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = date (cases[i].y, cases[i].m, cases[i].d);
      g_autoptr(GDateTime) expires = NULL;

      g_assert_cmpint (th_refresher_get_due_state (completed, 12, now, &expires), ==, cases[i].state);
      g_assert_cmpint (g_date_time_get_year (expires), ==, 2026);
      g_assert_cmpint (g_date_time_get_month (expires), ==, 1);
    }
}

/* The whole-number expiry the matrix uses agrees with GLib's calendar on
 * every day of six years, leap days and month ends included. */
static void
test_expiry_matches_calendar (void)
{
  static const guint periods[] = { 1, 6, 11, 12, 13, 24, 36 };
  g_autoptr(GDateTime) day = g_date_time_new_utc (2023, 1, 1, 13, 45, 30);

  while (g_date_time_get_year (day) < 2029)
    {
      GDateTime *next;

      for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
        {
          g_autoptr(GDateTime) expected = g_date_time_add_months (day, (int) periods[i]);

          g_assert_cmpint (th_refresher_get_expiry (g_date_time_to_unix (day), periods[i]), ==,
                           g_date_time_to_unix (expected));
        }
      next = g_date_time_add_days (day, 1);
      g_date_time_unref (day);
      day = next;
    }
}

static void
test_period_overrides (void)
{
  g_autofree char *dir = th_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "periods.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);
  g_autoptr(GDateTime) completed = date (2025, 1, 15);
  g_autoptr(GDateTime) now = date (2025, 8, 1);

  /* Nothing set: the installation's default. */
  g_assert_cmpuint (th_store_get_refresher_months (store, "humanism", 12, NULL), ==, 12);
  /* The organisation's period, then one module's own. */
  g_assert_true (th_store_set_refresher_months (store, NULL, 24, &error));
  g_assert_cmpuint (th_store_get_refresher_months (store, "humanism", 12, NULL), ==, 24);
  g_assert_true (th_store_set_refresher_months (store, "humanism", 6, &error));
  g_assert_cmpuint (th_store_get_refresher_months (store, "humanism", 12, NULL), ==, 6);
  g_assert_cmpuint (th_store_get_refresher_months (store, "autonomy", 12, NULL), ==, 24);
  g_assert_cmpuint (th_store_get_own_refresher_months (store, "humanism", NULL), ==, 6);
  g_assert_cmpuint (th_store_get_own_refresher_months (store, "autonomy", NULL), ==, 0);

  g_assert_cmpint (th_refresher_get_due_state (completed, 6, now, NULL), ==, TH_DUE_EXPIRED);
  g_assert_cmpint (th_refresher_get_due_state (completed, 24, now, NULL), ==, TH_DUE_CURRENT);

  g_assert_false (th_store_set_refresher_months (store, "humanism", 0, &error));
  g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Back to the organisation's period, as a recorded change. */
  g_assert_true (th_store_follow_refresher_months (store, "humanism", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (th_store_get_refresher_months (store, "humanism", 12, NULL), ==, 24);
  g_assert_cmpuint (th_store_get_own_refresher_months (store, "humanism", NULL), ==, 0);
  g_assert_null (th_store_verify (store, NULL));
  th_test_rmtree (dir);
}

static GHashTable *
history_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static void
remember (GHashTable *history,
          const char *scenario_id,
          double      ratio)
{
  double *value = g_new (double, 1);

  *value = ratio;
  g_hash_table_insert (history, (gpointer) scenario_id, value);
}

static const ThQuiz *
humanism_quiz (void)
{
  return th_module_get_quiz (th_catalog_find_module (catalog, "humanism"));
}

static guint
count_entries (const ThQuiz *quiz)
{
  guint n = 0;

  for (guint i = 0; i < quiz->scenarios->len; i++)
    n += !((ThScenario *) quiz->scenarios->pdata[i])->follow_up;
  return n;
}

/* The learner answered every branch best but two (one poorly, one never
 * seen); over many draws, those two come up far more often. */
static void
test_favours_missed_and_unseen (void)
{
  const ThQuiz *quiz = humanism_quiz ();
  g_autoptr(GHashTable) history = history_new ();
  const char *missed = NULL, *unseen = NULL;
  guint missed_count = 0, unseen_count = 0, other_count = 0, others = 0;

  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      if (scenario->follow_up)
        remember (history, scenario->id, 1.0);
      else if (missed == NULL)
        remember (history, missed = scenario->id, 0.0);
      else if (unseen == NULL)
        unseen = scenario->id;
      else
        remember (history, scenario->id, 1.0), others++;
    }

  for (guint32 seed = 0; seed < 400; seed++)
    {
      g_auto(GStrv) chosen = th_refresher_select (quiz, 3, history, NULL, seed);

      g_assert_cmpuint (g_strv_length (chosen), ==, 3);
      for (guint i = 0; chosen[i] != NULL; i++)
        {
          if (g_str_equal (chosen[i], missed))
            missed_count++;
          else if (g_str_equal (chosen[i], unseen))
            unseen_count++;
          else
            other_count++;
        }
    }
  g_test_message ("missed %u, unseen %u, each other %.1f", missed_count, unseen_count,
                  (double) other_count / others);
  g_assert_cmpfloat (missed_count, >, 2.0 * other_count / others);
  g_assert_cmpfloat (unseen_count, >, 2.0 * other_count / others);
}

static void
test_repeatable_and_never_the_same_twice (void)
{
  const ThQuiz *quiz = humanism_quiz ();
  g_autofree char *previous = NULL;

  for (guint32 seed = 0; seed < 200; seed++)
    {
      g_auto(GStrv) chosen = th_refresher_select (quiz, 3, NULL, previous, seed);
      g_auto(GStrv) again = th_refresher_select (quiz, 3, NULL, previous, seed);
      g_autofree char *set = g_strjoinv (" ", chosen);

      g_assert_true (g_strv_equal ((const char * const *) chosen, (const char * const *) again));
      g_assert_cmpstr (set, !=, previous);
      g_free (previous);
      previous = g_steal_pointer (&set);
    }
}

/* A refresher asks whole branches: it names entry scenarios, and taking
 * it walks their follow-ups like the full quiz does. */
static void
test_branches_kept_whole (void)
{
  const ThQuiz *quiz = humanism_quiz ();
  guint entries = count_entries (quiz);

  for (guint32 seed = 0; seed < 50; seed++)
    {
      g_auto(GStrv) chosen = th_refresher_select (quiz, 3, NULL, NULL, seed);
      g_autoptr(ThQuizRun) run = th_quiz_run_new (quiz, (const char * const *) chosen, 0);
      guint moments = 0;

      for (guint i = 0; chosen[i] != NULL; i++)
        g_assert_false (th_quiz_find_scenario (quiz, chosen[i])->follow_up);
      g_assert_cmpuint (th_quiz_run_get_n_entries (run), ==, 3);

      /* Always the first choice: follow-ups come with their branch. */
      while (!th_quiz_run_is_finished (run))
        {
          const ThScenario *scenario = th_quiz_run_get_current (run);
          const char *first[] = { ((ThChoice *) scenario->choices->pdata[0])->id, NULL };
          g_auto(ThAnswer) answer = { 0 };

          g_assert_true (th_quiz_run_check_choice (run, first, &answer, NULL));
          th_quiz_run_commit (run, &answer);
          moments++;
        }
      g_assert_cmpuint (moments, >=, 3);
    }
  g_assert_cmpuint (entries, >, 3);
}

static GDateTime *fake_now;

static GDateTime *
fake_clock (gpointer user_data)
{
  return g_date_time_ref (fake_now);
}

static void
answer_all_best (ThQuizSession *session)
{
  ThQuizRun *run = th_quiz_session_get_run (session);

  while (!th_quiz_run_is_finished (run))
    {
      const ThScenario *scenario = th_quiz_run_get_current (run);
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
      g_auto(GStrv) chosen = NULL;
      int best = th_scenario_get_max_score (scenario);

      for (guint i = 0; i < scenario->choices->len; i++)
        {
          ThChoice *choice = g_ptr_array_index (scenario->choices, i);
          if (scenario->multiple ? choice->score > 0 : choice->score == best)
            g_strv_builder_add (ids, choice->id);
        }
      chosen = g_strv_builder_end (ids);
      g_assert_nonnull (th_quiz_session_answer (session, (const char * const *) chosen, NULL));
    }
}

static ThDueState
due_state (ThStore *store)
{
  g_autoptr(GHashTable) statuses = th_store_dup_module_statuses (store, 1, NULL);
  ThModuleStatus *status = g_hash_table_lookup (statuses, "humanism");
  g_autoptr(GDateTime) completed = g_date_time_new_from_iso8601 (status->completed_at, NULL);

  return th_refresher_get_due_state (completed, th_store_get_refresher_months (store, "humanism", 12, NULL),
                                     fake_now, NULL);
}

static void
test_renewal_on_pass (void)
{
  g_autofree char *dir = th_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "renew.db", NULL);
  ThModule *module = th_catalog_find_module (catalog, "humanism");
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);
  ThQuizSession *session;

  fake_now = date (2025, 3, 1);
  th_store_set_clock (store, fake_clock, NULL);
  th_store_add_learner (store, "Ines", NULL, &error);
  session = th_quiz_session_start (store, 1, module, TH_ATTEMPT_FULL, NULL, &error);
  answer_all_best (session);
  g_assert_true (th_quiz_session_finish (session, NULL, &error));
  g_assert_finalize_object (session);
  g_assert_cmpint (due_state (store), ==, TH_DUE_CURRENT);

  g_date_time_unref (fake_now);
  fake_now = date (2026, 4, 1);
  g_assert_cmpint (due_state (store), ==, TH_DUE_EXPIRED);

  session = th_quiz_session_start_refresher (store, 1, module, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (th_quiz_run_get_n_entries (th_quiz_session_get_run (session)), ==,
                    th_module_get_quiz (module)->refresher_size);
  answer_all_best (session);
  g_assert_true (th_quiz_session_finish (session, NULL, &error));
  g_assert_finalize_object (session);

  g_assert_cmpint (due_state (store), ==, TH_DUE_CURRENT);
  g_assert_null (th_store_verify (store, NULL));
  g_clear_pointer (&fake_now, g_date_time_unref);
  th_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  catalog = th_test_load_curriculum ();

  g_test_add_func ("/core/refresher/expiry-and-due-soon", test_expiry_and_due_soon);
  g_test_add_func ("/core/refresher/expiry-matches-calendar", test_expiry_matches_calendar);
  g_test_add_func ("/core/refresher/period-overrides", test_period_overrides);
  g_test_add_func ("/core/refresher/favours-missed-and-unseen", test_favours_missed_and_unseen);
  g_test_add_func ("/core/refresher/repeatable-and-never-the-same-twice", test_repeatable_and_never_the_same_twice);
  g_test_add_func ("/core/refresher/branches-kept-whole", test_branches_kept_whole);
  g_test_add_func ("/core/refresher/renewal-on-pass", test_renewal_on_pass);

  result = g_test_run ();
  g_clear_object (&catalog);
  return result;
}
