/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "th-catalog.h"
#include "th-quiz-session.h"
#include "th-test-util.h"

/* The example module's quiz: "late" (single; choice a, 2 points, leads to
 * the follow-up "late-2"; b, 0 points, does not), "late-2" (a 1, b 0) and
 * "words" (select all: a +1, b -1, c +1). Pass mark 60%. */
static ThModule *
load_example (ThCatalog **catalog)
{
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  g_autofree char *path = g_build_filename (g_getenv ("THRESHOLD_FIXTURES"), "content",
                                            "good", "example.xml", NULL);

  *catalog = th_catalog_new (loader);
  th_catalog_add_path (*catalog, path, TH_CONTENT_ORIGIN_BUNDLED);
  return th_catalog_find_module (*catalog, "example-welcome");
}

static void
answer (ThQuizRun  *run,
        const char *expected_scenario,
        const char *choices)
{
  g_auto(GStrv) ids = g_strsplit (choices, " ", -1);
  g_auto(ThAnswer) given = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (th_quiz_run_get_current (run)->id, ==, expected_scenario);
  g_assert_true (th_quiz_run_check_choice (run, (const char * const *) ids, &given, &error));
  g_assert_no_error (error);
  th_quiz_run_commit (run, &given);
}

static void
test_best_path_passes (void)
{
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);
  g_autoptr(ThQuizRun) run = th_quiz_run_new (th_module_get_quiz (module), NULL, 0);

  answer (run, "late", "a");
  answer (run, "late-2", "a");
  g_assert_false (th_quiz_run_get_passed (run));   /* not over yet */
  answer (run, "words", "a c");

  g_assert_true (th_quiz_run_is_finished (run));
  g_assert_null (th_quiz_run_get_current (run));
  g_assert_cmpint (th_quiz_run_get_score (run), ==, 5);
  g_assert_cmpint (th_quiz_run_get_max_score (run), ==, 5);
  g_assert_cmpuint (th_quiz_run_get_percent (run), ==, 100);
  g_assert_true (th_quiz_run_get_passed (run));
}

/* Choice b of "late" has no next: the follow-up is skipped, and the
 * follow-up's points do not count against the learner. */
static void
test_branch_skipped_and_fail (void)
{
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);
  g_autoptr(ThQuizRun) run = th_quiz_run_new (th_module_get_quiz (module), NULL, 0);

  answer (run, "late", "b");
  answer (run, "words", "a b");
  g_assert_true (th_quiz_run_is_finished (run));
  g_assert_cmpuint (th_quiz_run_get_answers (run)->len, ==, 2);
  g_assert_cmpint (th_quiz_run_get_score (run), ==, 0);
  g_assert_cmpint (th_quiz_run_get_max_score (run), ==, 4);
  g_assert_false (th_quiz_run_get_passed (run));
}

static void
test_pass_mark_boundary (void)
{
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);
  g_autoptr(ThQuizRun) exact = th_quiz_run_new (th_module_get_quiz (module), NULL, 0);
  g_autoptr(ThQuizRun) below = th_quiz_run_new (th_module_get_quiz (module), NULL, 0);

  /* 3 of 5 is exactly the 60% pass mark. */
  answer (exact, "late", "a");
  answer (exact, "late-2", "b");
  answer (exact, "words", "a c b");
  g_assert_cmpint (th_quiz_run_get_score (exact), ==, 3);
  g_assert_true (th_quiz_run_get_passed (exact));

  /* 2 of 4 is 50%. */
  answer (below, "late", "b");
  answer (below, "words", "a c");
  g_assert_cmpint (th_quiz_run_get_score (below), ==, 2);
  g_assert_false (th_quiz_run_get_passed (below));
}

static void
test_select_all_scoring (void)
{
  static const struct { const char *choices; int score; } cases[] = {
    { "a c", 2 }, { "c", 1 }, { "a b", 0 }, { "b", 0 }, { "a b c", 1 },
  };
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ThQuizRun) run = th_quiz_run_new (th_module_get_quiz (module), NULL, 0);
      ThAnswer *last;

      answer (run, "late", "b");
      answer (run, "words", cases[i].choices);
      last = g_ptr_array_index (th_quiz_run_get_answers (run), 1);
      g_assert_cmpint (last->score, ==, cases[i].score);
      g_assert_cmpint (last->max_score, ==, 2);
    }
}

static void
test_invalid_choices_refused (void)
{
  static const char * const none[] = { NULL };
  static const char * const unknown[] = { "z", NULL };
  static const char * const two[] = { "a", "b", NULL };
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);
  g_autoptr(ThQuizRun) run = th_quiz_run_new (th_module_get_quiz (module), NULL, 0);
  const char * const *bad[] = { none, unknown, two };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(ThAnswer) given = { 0 };
      g_autoptr(GError) error = NULL;

      g_assert_false (th_quiz_run_check_choice (run, bad[i], &given, &error));
      g_assert_error (error, TH_QUIZ_RUN_ERROR, TH_QUIZ_RUN_ERROR_INVALID_CHOICE);
    }
  g_assert_cmpstr (th_quiz_run_get_current (run)->id, ==, "late");
}

static void
test_entry_subset (void)
{
  static const char * const entries[] = { "words", NULL };
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);
  g_autoptr(ThQuizRun) run = th_quiz_run_new (th_module_get_quiz (module), entries, 0);

  g_assert_cmpuint (th_quiz_run_get_n_entries (run), ==, 1);
  answer (run, "words", "a c");
  g_assert_true (th_quiz_run_is_finished (run));
}

static const ThAnswer *
session_answer (ThQuizSession *session,
                const char    *choices)
{
  g_auto(GStrv) ids = g_strsplit (choices, " ", -1);
  g_autoptr(GError) error = NULL;
  const ThAnswer *given = th_quiz_session_answer (session, (const char * const *) ids, &error);

  g_assert_no_error (error);
  return given;
}

/* Answers are in the store the moment they are given: a session dropped
 * half-way (as by a crash) resumes with every one of them. */
static void
test_resume_partly_answered (void)
{
  g_autofree char *dir = th_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "quiz.db", NULL);
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);
  gint64 learner = th_store_add_learner (store, "Amara", NULL, &error);
  ThQuizSession *session;
  ThQuizRun *run;

  session = th_quiz_session_start (store, learner, module, TH_ATTEMPT_FULL, NULL, &error);
  g_assert_no_error (error);
  session_answer (session, "a");
  session_answer (session, "a");
  g_assert_finalize_object (session);

  session = th_quiz_session_resume (store, learner, module, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  run = th_quiz_session_get_run (session);
  g_assert_cmpuint (th_quiz_run_get_answers (run)->len, ==, 2);
  g_assert_cmpstr (th_quiz_run_get_current (run)->id, ==, "words");
  g_assert_cmpint (th_quiz_run_get_score (run), ==, 3);
  session_answer (session, "a c");
  g_assert_true (th_quiz_session_finish (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (session);

  /* Finished: nothing left to resume. */
  g_assert_null (th_quiz_session_resume (store, learner, module, &error));
  g_assert_no_error (error);
  th_test_rmtree (dir);
}

static void
assert_place (ThQuizRun *run,
              guint      entry_index,
              guint      moment)
{
  g_assert_cmpuint (th_quiz_run_get_entry_index (run), ==, entry_index);
  g_assert_cmpuint (th_quiz_run_get_moment_in_branch (run), ==, moment);
}

/* The counter counts what the learner answers: "late" and its follow-up
 * "late-2" are moments 1 and 2 of the first branch, "words" moment 1 of
 * the second; without the follow-up, "words" still starts the second. */
static void
test_moment_in_branch (void)
{
  static const guint expected[][2] = { { 1, 1 }, { 1, 2 }, { 2, 1 } };
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);
  g_autoptr(ThQuizRun) run = th_quiz_run_new (th_module_get_quiz (module), NULL, 0);
  g_autoptr(ThQuizRun) skipped = th_quiz_run_new (th_module_get_quiz (module), NULL, 0);
  GPtrArray *answers;

  g_assert_cmpuint (th_quiz_run_get_n_entries (run), ==, 2);
  assert_place (run, 0, 1);
  answer (run, "late", "a");
  assert_place (run, 0, 2);
  answer (run, "late-2", "a");
  assert_place (run, 1, 1);
  answer (run, "words", "a c");
  g_assert_cmpuint (th_quiz_run_get_moment_in_branch (run), ==, 0);

  answers = th_quiz_run_get_answers (run);
  g_assert_cmpuint (answers->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < answers->len; i++)
    {
      const ThAnswer *given = g_ptr_array_index (answers, i);

      g_assert_cmpuint (given->branch, ==, expected[i][0]);
      g_assert_cmpuint (given->moment, ==, expected[i][1]);
    }

  answer (skipped, "late", "b");
  assert_place (skipped, 1, 1);
  answer (skipped, "words", "a");
  g_assert_cmpuint (((ThAnswer *) th_quiz_run_get_answers (skipped)->pdata[1])->branch, ==, 2);
}

/* A resumed attempt goes on at the moment it stopped, and the answers
 * read back from the store count as the run counted them: a follow-up
 * goes on with its branch, a scenario the content lost starts a new one. */
static void
test_moment_counted_from_store (void)
{
  static const guint expected[][2] = { { 1, 1 }, { 1, 2 }, { 2, 1 } };
  g_autofree char *dir = th_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "quiz.db", NULL);
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);
  const ThQuiz *quiz = th_module_get_quiz (module);
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);
  gint64 learner = th_store_add_learner (store, "Amara", NULL, &error);
  g_autoptr(GPtrArray) stored = NULL;
  ThQuizSession *session;
  guint branch = 0, moment = 0;

  session = th_quiz_session_start (store, learner, module, TH_ATTEMPT_FULL, NULL, &error);
  g_assert_no_error (error);
  session_answer (session, "a");
  g_assert_finalize_object (session);
  session = th_quiz_session_resume (store, learner, module, &error);
  g_assert_no_error (error);
  assert_place (th_quiz_session_get_run (session), 0, 2);
  session_answer (session, "a");
  session_answer (session, "a c");

  stored = th_store_list_answers (store, th_quiz_session_get_attempt_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < stored->len; i++)
    {
      ThStoredAnswer *answer = g_ptr_array_index (stored, i);

      th_answer_count_moment (th_quiz_find_scenario (quiz, answer->scenario_id), &branch, &moment);
      g_assert_cmpuint (branch, ==, expected[i][0]);
      g_assert_cmpuint (moment, ==, expected[i][1]);
    }
  th_answer_count_moment (th_quiz_find_scenario (quiz, "late-2"), &branch, &moment);
  g_assert_cmpuint (moment, ==, 2);
  th_answer_count_moment (NULL, &branch, &moment);
  g_assert_cmpuint (branch, ==, 3);
  g_assert_cmpuint (moment, ==, 1);
  g_assert_finalize_object (session);
  th_test_rmtree (dir);
}

static void
test_history_and_improvement (void)
{
  g_autofree char *dir = th_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "quiz.db", NULL);
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);
  gint64 learner = th_store_add_learner (store, "Amara", NULL, &error);
  g_autoptr(ThImprovement) first = NULL, second = NULL;
  g_autoptr(ThAttemptResult) last = NULL;
  ThQuizSession *session;

  session = th_quiz_session_start (store, learner, module, TH_ATTEMPT_FULL, NULL, &error);
  session_answer (session, "b");
  session_answer (session, "c");
  g_assert_true (th_quiz_session_finish (session, &first, &error));
  g_assert_false (first->has_previous);
  g_assert_cmpuint (first->percent, ==, 25);
  g_assert_finalize_object (session);

  last = th_store_dup_last_result (store, learner, "example-welcome", &error);
  g_assert_false (last->passed);
  g_assert_cmpint (last->score, ==, 1);

  session = th_quiz_session_start (store, learner, module, TH_ATTEMPT_FULL, NULL, &error);
  session_answer (session, "a");
  session_answer (session, "a");
  session_answer (session, "a c");
  g_assert_true (th_quiz_session_finish (session, &second, &error));
  g_assert_no_error (error);
  g_assert_true (second->has_previous);
  g_assert_cmpuint (second->previous_percent, ==, 25);
  g_assert_cmpuint (second->percent, ==, 100);
  /* Best now and not before: the late arrival, its follow-up, and charting. */
  g_assert_cmpuint (second->now_best->len, ==, 3);
  g_assert_cmpstr (second->now_best->pdata[0], ==, "Twenty minutes late");
  g_assert_finalize_object (session);

  g_clear_pointer (&last, th_attempt_result_free);
  last = th_store_dup_last_result (store, learner, "example-welcome", &error);
  g_assert_true (last->passed);
  g_assert_null (th_store_verify (store, &error));
  th_test_rmtree (dir);
}

/* The content folder disappears while a quiz is under way (a USB stick
 * pulled, a share gone): what was loaded stays, and the quiz finishes. */
static void
test_content_folder_vanishes (void)
{
  g_autofree char *dir = th_test_make_tmp_dir ();
  g_autofree char *content = g_build_filename (dir, "content", NULL);
  g_autofree char *copy = g_build_filename (content, "example.xml", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("THRESHOLD_FIXTURES"), "content",
                                              "good", "example.xml", NULL);
  g_autofree char *path = g_build_filename (dir, "quiz.db", NULL);
  g_autofree char *text = NULL;
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  g_autoptr(ThCatalog) catalog = th_catalog_new (loader);
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);
  g_autoptr(ThQuizSession) session = NULL;
  ThModule *module;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_assert_cmpint (g_mkdir_with_parents (content, 0700), ==, 0);
  g_assert_true (g_file_set_contents (copy, text, -1, NULL));
  th_catalog_add_path (catalog, content, TH_CONTENT_ORIGIN_BUNDLED);
  module = th_catalog_find_module (catalog, "example-welcome");
  session = th_quiz_session_start (store, th_store_add_learner (store, "Ida", NULL, &error),
                                   module, TH_ATTEMPT_FULL, NULL, &error);
  session_answer (session, "a");

  th_test_rmtree (content);
  g_assert_false (g_file_test (content, G_FILE_TEST_EXISTS));
  session_answer (session, "a");
  session_answer (session, "a c");
  g_assert_true (th_quiz_session_finish (session, NULL, &error));
  g_assert_no_error (error);
  th_test_rmtree (dir);
}

/* The ids of @order's choices, joined by spaces. */
static char *
join_ids (GPtrArray *order)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < order->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", ((ThChoice *) order->pdata[i])->id);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
order_of (const ThScenario *scenario,
          guint32           seed)
{
  g_autoptr(GPtrArray) order = th_scenario_dup_choice_order (scenario, seed);

  return join_ids (order);
}

/* The order is a function of the seed alone: the same seed gives the same
 * order every time, seed 0 gives the file's, and other seeds other orders. */
static void
test_choice_order_follows_seed (void)
{
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);
  const ThScenario *late = th_quiz_find_scenario (th_module_get_quiz (module), "late");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *file_order = order_of (late, 0);

  g_assert_cmpstr (file_order, ==, "a b c");
  for (guint32 seed = 1; seed <= 200; seed++)
    {
      g_autofree char *once = order_of (late, seed);
      g_autofree char *again = order_of (late, seed);

      g_assert_cmpstr (once, ==, again);
      g_hash_table_add (seen, g_steal_pointer (&once));
    }
  /* Three choices can be put in six orders; two hundred seeds reach all. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 6);
}

/* Over a few thousand seeds the best choice lands in each place about
 * equally often, in every moment of the example. */
static void
test_choice_order_even (void)
{
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);
  const ThQuiz *quiz = th_module_get_quiz (module);
  const guint n_seeds = 6000;

  for (guint s = 0; s < quiz->scenarios->len; s++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, s);
      const ThChoice *best = g_ptr_array_index (scenario->choices, 0);
      guint places[3] = { 0 };

      g_assert_cmpuint (scenario->choices->len, ==, G_N_ELEMENTS (places));
      for (guint32 seed = 1; seed <= n_seeds; seed++)
        {
          g_autoptr(GPtrArray) order = th_scenario_dup_choice_order (scenario, seed);
          guint place;

          g_assert_true (g_ptr_array_find (order, best, &place));
          places[place]++;
        }
      /* 2,000 expected in each; a fair shuffle strays by about 37 (one
       * standard deviation), so 10% is far outside chance. */
      for (guint i = 0; i < G_N_ELEMENTS (places); i++)
        g_assert_cmpuint (places[i], >, n_seeds / 3 * 9 / 10);
    }
}

/* A choice the author fixed keeps its place whatever the seed; the others
 * still move around it. */
static void
test_choice_order_fixed (void)
{
  g_autoptr(ThScenario) scenario = th_scenario_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char * const ids[] = { "a", "b", "c", "none" };

  scenario->id = g_strdup ("pinned");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      ThChoice *choice = th_choice_new ();

      choice->id = g_strdup (ids[i]);
      choice->fixed = g_str_equal (ids[i], "none");
      g_ptr_array_add (scenario->choices, choice);
    }
  for (guint32 seed = 1; seed <= 300; seed++)
    {
      g_autofree char *order = order_of (scenario, seed);

      g_assert_true (g_str_has_suffix (order, " none"));
      g_hash_table_add (seen, g_steal_pointer (&order));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 6);
}

/* An attempt keeps its seed: resumed, it shows every moment in the order
 * it showed before, and a select-all answer is kept in that order. */
static void
test_resume_keeps_choice_order (void)
{
  g_autofree char *dir = th_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "quiz.db", NULL);
  g_autoptr(ThCatalog) catalog = NULL;
  ThModule *module = load_example (&catalog);
  const ThScenario *words = th_quiz_find_scenario (th_module_get_quiz (module), "words");
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);
  gint64 learner = th_store_add_learner (store, "Amara", NULL, &error);
  g_autoptr(GPtrArray) before = NULL, after = NULL, stored = NULL;
  g_autofree char *shown_before = NULL, *shown_after = NULL;
  const char *expected;
  ThQuizSession *session;
  const ThAnswer *given;

  session = th_quiz_session_start (store, learner, module, TH_ATTEMPT_FULL, NULL, &error);
  g_assert_no_error (error);
  session_answer (session, "b");
  before = th_quiz_run_dup_choice_order (th_quiz_session_get_run (session), words);
  shown_before = join_ids (before);
  g_assert_finalize_object (session);

  session = th_quiz_session_resume (store, learner, module, &error);
  g_assert_no_error (error);
  after = th_quiz_run_dup_choice_order (th_quiz_session_get_run (session), words);
  shown_after = join_ids (after);
  g_assert_cmpstr (shown_after, ==, shown_before);

  /* Ticked c before a, kept in the order shown. */
  given = th_quiz_session_answer (session, (const char * const[]) { "c", "a", NULL }, &error);
  g_assert_no_error (error);
  expected = strchr (shown_after, 'c') < strchr (shown_after, 'a') ? "c a" : "a c";
  g_assert_cmpint (given->choice_ids[0][0], ==, expected[0]);
  stored = th_store_list_answers (store, th_quiz_session_get_attempt_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((ThStoredAnswer *) stored->pdata[1])->choice_ids, ==, expected);
  g_assert_finalize_object (session);
  th_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/quiz/best-path-passes", test_best_path_passes);
  g_test_add_func ("/core/quiz/branch-skipped-and-fail", test_branch_skipped_and_fail);
  g_test_add_func ("/core/quiz/pass-mark-boundary", test_pass_mark_boundary);
  g_test_add_func ("/core/quiz/select-all-scoring", test_select_all_scoring);
  g_test_add_func ("/core/quiz/invalid-choices-refused", test_invalid_choices_refused);
  g_test_add_func ("/core/quiz/entry-subset", test_entry_subset);
  g_test_add_func ("/core/quiz/resume-partly-answered", test_resume_partly_answered);
  g_test_add_func ("/core/quiz/moment-in-branch", test_moment_in_branch);
  g_test_add_func ("/core/quiz/moment-counted-from-store", test_moment_counted_from_store);
  g_test_add_func ("/core/quiz/history-and-improvement", test_history_and_improvement);
  g_test_add_func ("/core/quiz/content-folder-vanishes", test_content_folder_vanishes);
  g_test_add_func ("/core/quiz/choice-order-follows-seed", test_choice_order_follows_seed);
  g_test_add_func ("/core/quiz/choice-order-even", test_choice_order_even);
  g_test_add_func ("/core/quiz/choice-order-fixed", test_choice_order_fixed);
  g_test_add_func ("/core/quiz/resume-keeps-choice-order", test_resume_keeps_choice_order);

  return g_test_run ();
}
