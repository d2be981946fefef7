/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "th-catalog-model.h"
#include "th-catalog.h"
#include "th-test-util.h"
#include "th-content-problem.h"
#include "th-quiz-form.h"
#include "th-quiz-run.h"

#include <string.h>

/* The shipped curriculum's shape, as the curriculum issue sets it: six
 * principles, eight themes in their three levels, an optional module for
 * supervisors, and quizzes rich enough to teach. */

static ThCatalog *catalog;

static void
test_no_problems (void)
{
  GPtrArray *problems = th_catalog_get_problems (catalog);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = th_content_problem_format (problems->pdata[i]);
      g_test_message ("%s", line);
    }
  /* Not even warnings: the content models the language it teaches. */
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_principles_and_themes (void)
{
  static const char * const principles[] = {
    "humanism", "pragmatism", "individualism", "autonomy", "incrementalism", "accountability",
  };
  static const struct { const char *id; ThModuleLevel level; } themes[] = {
    { "learner-and-informer", TH_MODULE_LEVEL_PATIENT_PROVIDER },
    { "pragmatic-measures", TH_MODULE_LEVEL_PATIENT_PROVIDER },
    { "collaborative-teams", TH_MODULE_LEVEL_PATIENT_PROVIDER },
    { "stigma-free-culture", TH_MODULE_LEVEL_ORGANIZATION },
    { "welcoming-space", TH_MODULE_LEVEL_ORGANIZATION },
    { "low-threshold-care", TH_MODULE_LEVEL_ORGANIZATION },
    { "beyond-the-clinic", TH_MODULE_LEVEL_BEYOND_CLINIC },
    { "referral-networks", TH_MODULE_LEVEL_BEYOND_CLINIC },
  };
  ThModule *leading;

  g_assert_cmpuint (th_catalog_get_n_modules (catalog), ==, 15);
  for (guint i = 0; i < G_N_ELEMENTS (principles); i++)
    {
      ThModule *module = th_catalog_find_module (catalog, principles[i]);

      g_assert_nonnull (module);
      g_assert_cmpint (th_module_get_kind (module), ==, TH_MODULE_KIND_PRINCIPLE);
      g_assert_cmpuint (th_module_get_order (module), ==, i + 1);
      g_assert_true (th_module_get_required (module));
    }
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      ThModule *module = th_catalog_find_module (catalog, themes[i].id);

      g_assert_nonnull (module);
      g_assert_cmpint (th_module_get_kind (module), ==, TH_MODULE_KIND_THEME);
      g_assert_cmpint (th_module_get_level (module), ==, themes[i].level);
      g_assert_cmpuint (th_module_get_order (module), ==, i + 1);
      g_assert_true (th_module_get_required (module));
    }
  leading = th_catalog_find_module (catalog, "leading-harm-reduction");
  g_assert_nonnull (leading);
  g_assert_false (th_module_get_required (leading));
}

static void
check_module (ThModule *module)
{
  const ThQuiz *quiz = th_module_get_quiz (module);
  guint entries = 0, deep_branches = 0, multiple = 0;

  g_test_message ("%s", th_module_get_id (module));
  g_assert_cmpuint (th_module_get_pages (module)->len, >=, 3);
  g_assert_cmpuint (th_module_get_key_points (module)->len, >=, 3);
  g_assert_cmpuint (th_module_get_sources (module)->len, >=, 1);

  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      for (guint j = 0; j < scenario->choices->len; j++)
        {
          const ThChoice *choice = g_ptr_array_index (scenario->choices, j);

          g_assert_nonnull (choice->feedback);
          g_assert_cmpuint (strlen (choice->feedback), >, 40);
          /* Feedback names the principles or themes at stake. */
          g_assert_cmpuint (choice->honours | choice->breaks, !=, 0);
        }
      multiple += scenario->multiple;
      if (scenario->follow_up)
        continue;
      entries++;
      deep_branches += th_quiz_get_branch_depth (quiz, i) >= 3;
    }
  g_assert_cmpuint (entries, >=, 6);
  g_assert_cmpuint (deep_branches, >=, 2);
  g_assert_cmpuint (multiple, >=, 1);
}

static void
test_every_module_teaches (void)
{
  GListModel *modules = th_catalog_get_modules (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(ThModule) module = g_list_model_get_item (modules, i);
      check_module (module);
    }
}

/* A test-wise learner who reads only the form of the choices: */
typedef enum
{
  FIRST_IN_FILE,
  LONGEST,
  SHORTEST,
} Strategy;

static const ThChoice *
pick (const ThScenario *scenario,
      Strategy          strategy)
{
  const ThChoice *picked = g_ptr_array_index (scenario->choices, 0);

  for (guint i = 1; strategy != FIRST_IN_FILE && i < scenario->choices->len; i++)
    {
      const ThChoice *choice = g_ptr_array_index (scenario->choices, i);
      guint length = th_choice_get_text_length (choice);
      guint best = th_choice_get_text_length (picked);

      if (strategy == LONGEST ? length > best : length < best)
        picked = choice;
    }
  return picked;
}

/* Plays the whole quiz, following the branches the picks lead to; a
 * select-all moment gets the one pick. */
static gboolean
passes (ThModule *module,
        Strategy  strategy)
{
  g_autoptr(ThQuizRun) run = th_quiz_run_new (th_module_get_quiz (module), NULL, 0);

  while (!th_quiz_run_is_finished (run))
    {
      const ThChoice *choice = pick (th_quiz_run_get_current (run), strategy);
      const char * const ids[] = { choice->id, NULL };
      g_auto(ThAnswer) answer = { 0 };
      g_autoptr(GError) error = NULL;

      g_assert_true (th_quiz_run_check_choice (run, ids, &answer, &error));
      th_quiz_run_commit (run, &answer);
    }
  g_test_message ("%s: %u%% by strategy %d", th_module_get_id (module),
                  th_quiz_run_get_percent (run), strategy);
  return th_quiz_run_get_passed (run);
}

static void
test_form_passes_nothing (void)
{
  GListModel *modules = th_catalog_get_modules (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(ThModule) module = g_list_model_get_item (modules, i);

      g_assert_false (passes (module, FIRST_IN_FILE));
      g_assert_false (passes (module, LONGEST));
      g_assert_false (passes (module, SHORTEST));
    }
}

/* Length gives nothing away: the best choice is the longest in at most
 * 40% of the single-answer moments, and in no module in more than half. */
static void
test_best_rarely_longest (void)
{
  GListModel *modules = th_catalog_get_modules (catalog);
  guint longest = 0, single = 0;

  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(ThModule) module = g_list_model_get_item (modules, i);
      guint n_single;
      guint n_longest = th_quiz_count_best_longest (th_module_get_quiz (module), &n_single);

      g_test_message ("%s: best is longest in %u of %u", th_module_get_id (module), n_longest, n_single);
      g_assert_cmpuint (2 * n_longest, <=, n_single);
      longest += n_longest;
      single += n_single;
    }
  g_assert_cmpuint (100 * longest, <=, 40 * single);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  catalog = th_test_load_curriculum ();

  g_test_add_func ("/content/curriculum/no-problems", test_no_problems);
  g_test_add_func ("/content/curriculum/principles-and-themes", test_principles_and_themes);
  g_test_add_func ("/content/curriculum/every-module-teaches", test_every_module_teaches);
  g_test_add_func ("/content/curriculum/form-passes-nothing", test_form_passes_nothing);
  g_test_add_func ("/content/curriculum/best-rarely-longest", test_best_rarely_longest);

  result = g_test_run ();
  g_clear_object (&catalog);
  return result;
}
