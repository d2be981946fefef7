/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-quiz"

#include "config.h"

#include "th-quiz.h"

ThChoice *
th_choice_new (void)
{
  return g_new0 (ThChoice, 1);
}

void
th_choice_free (ThChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->id);
  g_free (choice->next);
  g_free (choice->text);
  g_free (choice->feedback);
  g_free (choice);
}

ThScenario *
th_scenario_new (void)
{
  ThScenario *scenario = g_new0 (ThScenario, 1);

  scenario->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) th_choice_free);
  return scenario;
}

void
th_scenario_free (ThScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->id);
  g_free (scenario->setting);
  g_free (scenario->place);
  g_free (scenario->role);
  g_free (scenario->title);
  g_free (scenario->situation);
  g_free (scenario->prompt);
  g_ptr_array_unref (scenario->choices);
  g_free (scenario);
}

/* Single: the best choice's score. Multiple: every positive choice taken. */
int
th_scenario_get_max_score (const ThScenario *scenario)
{
  int max = 0;

  for (guint i = 0; i < scenario->choices->len; i++)
    {
      const ThChoice *choice = g_ptr_array_index (scenario->choices, i);

      if (scenario->multiple)
        max += MAX (choice->score, 0);
      else
        max = MAX (max, choice->score);
    }
  return max;
}

ThChoice *
th_scenario_find_choice (const ThScenario *scenario,
                         const char       *id)
{
  for (guint i = 0; i < scenario->choices->len; i++)
    {
      ThChoice *choice = g_ptr_array_index (scenario->choices, i);

      if (g_strcmp0 (choice->id, id) == 0)
        return choice;
    }
  return NULL;
}

ThQuiz *
th_quiz_new (void)
{
  ThQuiz *quiz = g_new0 (ThQuiz, 1);

  quiz->scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) th_scenario_free);
  return quiz;
}

void
th_quiz_free (ThQuiz *quiz)
{
  if (quiz == NULL)
    return;
  g_ptr_array_unref (quiz->scenarios);
  g_free (quiz);
}

int
th_quiz_find_scenario_index (const ThQuiz *quiz,
                             const char   *id)
{
  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      if (g_strcmp0 (scenario->id, id) == 0)
        return i;
    }
  return -1;
}

ThScenario *
th_quiz_find_scenario (const ThQuiz *quiz,
                       const char   *id)
{
  int index = th_quiz_find_scenario_index (quiz, id);

  return index < 0 ? NULL : g_ptr_array_index (quiz->scenarios, index);
}

static guint
branch_depth (const ThQuiz *quiz,
              guint         index,
              guint         budget)
{
  const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, index);
  guint deepest = 0;

  /* The budget bounds the walk on a quiz the checks have refused (loops). */
  if (budget == 0)
    return 0;

  for (guint i = 0; i < scenario->choices->len; i++)
    {
      const ThChoice *choice = g_ptr_array_index (scenario->choices, i);
      int next = choice->next ? th_quiz_find_scenario_index (quiz, choice->next) : -1;

      if (next >= 0)
        deepest = MAX (deepest, branch_depth (quiz, next, budget - 1));
    }
  return deepest + 1;
}

/* The number of moments on the longest path from the scenario at @index
 * through the follow-ups its choices lead to (1 for a scenario that does
 * not branch). */
guint
th_quiz_get_branch_depth (const ThQuiz *quiz,
                          guint         index)
{
  g_return_val_if_fail (index < quiz->scenarios->len, 0);
  return branch_depth (quiz, index, quiz->scenarios->len);
}
