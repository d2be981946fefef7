/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "th-quiz-check.h"
#include "th-quiz-form.h"

/* Every quiz here is built by hand, with no XML: each rule is checked on
 * the quiz alone, a good case beside a bad one. A scenario's choices sit
 * on the lines after its own, as in a module file. */

static ThScenario *
add_scenario (ThQuiz     *quiz,
              const char *id,
              guint       line)
{
  ThScenario *scenario = th_scenario_new ();

  scenario->id = g_strdup (id);
  scenario->line = line;
  g_ptr_array_add (quiz->scenarios, scenario);
  return scenario;
}

static ThChoice *
add_choice (ThScenario *scenario,
            const char *id,
            int         score,
            const char *text)
{
  ThChoice *choice = th_choice_new ();

  choice->id = g_strdup (id);
  choice->score = score;
  choice->text = g_strdup (text);
  choice->line = scenario->line + 1 + scenario->choices->len;
  g_ptr_array_add (scenario->choices, choice);
  return choice;
}

/* A single-answer scenario that passes every rule: three choices, one best
 * with a score above 0, and the best not the longest. */
static ThScenario *
add_good_scenario (ThQuiz     *quiz,
                   const char *id,
                   guint       line)
{
  ThScenario *scenario = add_scenario (quiz, id, line);

  add_choice (scenario, "a", 2, "Welcome them in.");
  add_choice (scenario, "b", 1, "Ask them to wait outside for a while.");
  add_choice (scenario, "c", 0, "Send them home to come another day.");
  return scenario;
}

/* A select-all-that-apply scenario that passes every rule. */
static ThScenario *
add_good_multiple (ThQuiz     *quiz,
                   const char *id,
                   guint       line)
{
  ThScenario *scenario = add_scenario (quiz, id, line);

  scenario->multiple = TRUE;
  add_choice (scenario, "a", 1, "person who uses drugs");
  add_choice (scenario, "b", -1, "addict");
  return scenario;
}

static void
set_next (ThScenario *scenario,
          guint       index,
          const char *next)
{
  ThChoice *choice = g_ptr_array_index (scenario->choices, index);

  g_free (choice->next);
  choice->next = g_strdup (next);
}

/* The problems of @quiz as "LINE SEVERITY MESSAGE" lines, in the order
 * reported, so one assertion covers their text, line, severity and count. */
static char *
check (const ThQuiz *quiz)
{
  g_autoptr(GPtrArray) problems = th_quiz_check (quiz);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      ThContentProblem *problem = g_ptr_array_index (problems, i);

      /* The caller names the file: the quiz knows none. */
      g_assert_null (problem->file);
      g_string_append_printf (out, "%u %s %s\n", problem->line,
                              problem->severity == TH_SEVERITY_ERROR ? "error" : "warning",
                              problem->message);
    }
  return g_string_free (out, FALSE);
}

static void
test_good_quiz (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *problems = NULL;
  ThScenario *first = add_good_scenario (quiz, "late", 10);

  set_next (first, 0, "late-2");
  add_good_scenario (quiz, "late-2", 20)->follow_up = TRUE;
  add_good_multiple (quiz, "words", 30);

  problems = check (quiz);
  g_assert_cmpstr (problems, ==, "");
}

static void
test_empty_quiz (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *problems = check (quiz);

  g_assert_cmpstr (problems, ==, "");
}

static void
test_scenario_ids_unique (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;

  add_good_scenario (quiz, "s1", 10);
  add_good_scenario (quiz, "s2", 20);
  good = check (quiz);
  g_assert_cmpstr (good, ==, "");

  add_good_scenario (quiz, "s1", 30);
  bad = check (quiz);
  g_assert_cmpstr (bad, ==, "30 error the scenario id “s1” is used twice\n");
}

static void
test_choice_ids_unique (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  ThScenario *scenario;

  /* The same choice id in two scenarios is fine. */
  add_good_scenario (quiz, "s1", 10);
  scenario = add_good_scenario (quiz, "s2", 20);
  good = check (quiz);
  g_assert_cmpstr (good, ==, "");

  add_choice (scenario, "b", -1, "Tell them the clinic is closed to them.");
  bad = check (quiz);
  g_assert_cmpstr (bad, ==, "24 error the choice id “b” is used twice\n");
}

static void
test_next_exists (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  ThScenario *first = add_good_scenario (quiz, "s1", 10);

  add_good_scenario (quiz, "s2", 20)->follow_up = TRUE;
  set_next (first, 0, "s2");
  good = check (quiz);
  g_assert_cmpstr (good, ==, "");

  set_next (first, 1, "nowhere");
  bad = check (quiz);
  g_assert_cmpstr (bad, ==,
                   "12 error choice “b” leads to the scenario “nowhere”, which does not exist "
                   "in this quiz\n");
}

static void
test_next_is_follow_up (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  ThScenario *first = add_good_scenario (quiz, "s1", 10);
  ThScenario *second = add_good_scenario (quiz, "s2", 20);

  set_next (first, 0, "s2");
  second->follow_up = TRUE;
  good = check (quiz);
  g_assert_cmpstr (good, ==, "");

  second->follow_up = FALSE;
  bad = check (quiz);
  g_assert_cmpstr (bad, ==,
                   "11 error choice “a” leads to “s2”, which is not marked follow-up=\"true\"\n");
}

static void
test_multiple_does_not_branch (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  ThScenario *first = add_good_scenario (quiz, "s1", 10);
  ThScenario *words = add_good_multiple (quiz, "words", 20);

  set_next (first, 0, "s2");
  add_good_scenario (quiz, "s2", 30)->follow_up = TRUE;
  good = check (quiz);
  g_assert_cmpstr (good, ==, "");

  set_next (words, 0, "s2");
  bad = check (quiz);
  g_assert_cmpstr (bad, ==,
                   "21 error choice “a” has next=, but a select-all-that-apply scenario cannot "
                   "branch\n");
}

static void
test_first_not_follow_up (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  ThScenario *first = add_good_scenario (quiz, "s1", 10);

  add_good_scenario (quiz, "s2", 20)->follow_up = TRUE;
  set_next (first, 0, "s2");
  good = check (quiz);
  g_assert_cmpstr (good, ==, "");

  /* The same quiz with its follow-up moved to the front. */
  g_ptr_array_insert (quiz->scenarios, 0, g_ptr_array_steal_index (quiz->scenarios, 1));
  bad = check (quiz);
  g_assert_cmpstr (bad, ==,
                   "20 error the quiz starts with “s2”, which is a follow-up; the first "
                   "scenario must not be\n");
}

static void
test_follow_up_reachable (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  ThScenario *first = add_good_scenario (quiz, "s1", 10);

  add_good_scenario (quiz, "s2", 20)->follow_up = TRUE;
  set_next (first, 2, "s2");
  good = check (quiz);
  g_assert_cmpstr (good, ==, "");

  set_next (first, 2, NULL);
  bad = check (quiz);
  g_assert_cmpstr (bad, ==, "20 error scenario “s2” can never be reached: no choice leads to it\n");
}

static void
test_loop_has_way_out (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  ThScenario *first = add_good_scenario (quiz, "s1", 10);
  ThScenario *second = add_good_scenario (quiz, "s2", 20);
  ThScenario *third = add_good_scenario (quiz, "s3", 30);

  /* s2 and s3 lead into each other; one choice of s3 ends the branch. */
  second->follow_up = third->follow_up = TRUE;
  set_next (first, 0, "s2");
  for (guint i = 0; i < 3; i++)
    {
      set_next (second, i, "s3");
      set_next (third, i, i == 2 ? NULL : "s2");
    }
  good = check (quiz);
  g_assert_cmpstr (good, ==, "");

  set_next (third, 2, "s2");
  bad = check (quiz);
  g_assert_cmpstr (bad, ==,
                   "20 error scenario “s2” is in a loop with no way out: every choice leads "
                   "back into it\n"
                   "30 error scenario “s3” is in a loop with no way out: every choice leads "
                   "back into it\n");
}

static void
test_single_has_one_best (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *good = NULL;
  g_autofree char *tie = NULL;
  g_autofree char *none = NULL;
  ThScenario *scenario = add_good_scenario (quiz, "s1", 10);
  ThChoice *a = g_ptr_array_index (scenario->choices, 0);
  ThChoice *b = g_ptr_array_index (scenario->choices, 1);
  ThChoice *c = g_ptr_array_index (scenario->choices, 2);

  good = check (quiz);
  g_assert_cmpstr (good, ==, "");

  b->score = a->score;
  tie = check (quiz);
  g_assert_cmpstr (tie, ==,
                   "10 error scenario “s1” needs exactly one best choice (one highest score, "
                   "above 0)\n");

  /* One highest score, but not above 0. */
  a->score = 0;
  b->score = -1;
  c->score = -2;
  none = check (quiz);
  g_assert_cmpstr (none, ==, tie);
}

static void
test_multiple_has_positive (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  ThScenario *words;

  add_good_scenario (quiz, "s1", 10);
  words = add_good_multiple (quiz, "words", 20);
  good = check (quiz);
  g_assert_cmpstr (good, ==, "");

  ((ThChoice *) g_ptr_array_index (words->choices, 0))->score = 0;
  bad = check (quiz);
  g_assert_cmpstr (bad, ==,
                   "20 error scenario “words” has no choice with a positive score, so no answer "
                   "can be right\n");
}

static void
test_form_enough_choices (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  ThScenario *scenario = add_good_scenario (quiz, "s1", 10);

  /* Two choices are enough where all that apply are selected. */
  add_good_multiple (quiz, "words", 20);
  good = check (quiz);
  g_assert_cmpstr (good, ==, "");

  g_ptr_array_remove_index (scenario->choices, 2);
  bad = check (quiz);
  g_assert_cmpstr (bad, ==,
                   "10 warning scenario “s1” offers 2 choices; give a single-answer moment at "
                   "least 3, so a guess does not pass\n");
}

static void
test_form_best_not_longest (void)
{
  g_autoptr(ThQuiz) quiz = th_quiz_new ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  ThScenario *second;
  ThChoice *best;

  /* Half the single-answer moments is not more than half. */
  add_good_scenario (quiz, "s1", 10);
  second = add_good_scenario (quiz, "s2", 20);
  best = g_ptr_array_index (second->choices, 0);
  g_free (best->text);
  best->text = g_strdup ("Welcome them in, and <em>ask</em> what would help them today.");
  add_good_multiple (quiz, "words", 30);
  good = check (quiz);
  g_assert_cmpstr (good, ==, "");

  /* A tie counts as longest: a learner picking the longest may pick it. */
  best = g_ptr_array_index (((ThScenario *) g_ptr_array_index (quiz->scenarios, 0))->choices, 0);
  g_free (best->text);
  best->text = g_strdup ("Ask them to wait outside for a while.");
  bad = check (quiz);
  g_assert_cmpstr (bad, ==,
                   "10 warning the best choice is the longest in 2 of the quiz’s 2 "
                   "single-answer moments; write the other choices as fully, so that length "
                   "gives nothing away\n");
}

/* Length is what a learner reads: characters, not bytes, and not the
 * markup around emphasis. */
static void
test_choice_text_length (void)
{
  g_autoptr(ThChoice) choice = th_choice_new ();

  choice->text = g_strdup ("Pregunte qué <i>necesita</i> hoy, señora.");
  g_assert_cmpuint (th_choice_get_text_length (choice), ==, g_utf8_strlen ("Pregunte qué necesita hoy, señora.", -1));
  g_free (choice->text);
  choice->text = g_strdup ("");
  g_assert_cmpuint (th_choice_get_text_length (choice), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/quiz-check/good-quiz", test_good_quiz);
  g_test_add_func ("/core/quiz-check/empty-quiz", test_empty_quiz);
  g_test_add_func ("/core/quiz-check/scenario-ids-unique", test_scenario_ids_unique);
  g_test_add_func ("/core/quiz-check/choice-ids-unique", test_choice_ids_unique);
  g_test_add_func ("/core/quiz-check/next-exists", test_next_exists);
  g_test_add_func ("/core/quiz-check/next-is-follow-up", test_next_is_follow_up);
  g_test_add_func ("/core/quiz-check/multiple-does-not-branch", test_multiple_does_not_branch);
  g_test_add_func ("/core/quiz-check/first-not-follow-up", test_first_not_follow_up);
  g_test_add_func ("/core/quiz-check/follow-up-reachable", test_follow_up_reachable);
  g_test_add_func ("/core/quiz-check/loop-has-way-out", test_loop_has_way_out);
  g_test_add_func ("/core/quiz-check/single-has-one-best", test_single_has_one_best);
  g_test_add_func ("/core/quiz-check/multiple-has-positive", test_multiple_has_positive);
  g_test_add_func ("/core/quiz-check/form-enough-choices", test_form_enough_choices);
  g_test_add_func ("/core/quiz-check/form-best-not-longest", test_form_best_not_longest);
  g_test_add_func ("/core/quiz-check/choice-text-length", test_choice_text_length);

  return g_test_run ();
}
