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

/**
 * th_scenario_dup_choice_order:
 * @seed: the attempt's seed; 0 keeps the order of the file (attempts made
 *   before choices were shuffled were shown that order)
 *
 * The order in which an attempt shows the choices: a shuffle that depends
 * only on @seed and the scenario's id, so the same attempt always sees the
 * same order, on resuming and in every review, while each moment of it is
 * shuffled on its own. A choice marked fixed keeps its place.
 *
 * Returns: (transfer container) (element-type ThChoice): the choices
 */
GPtrArray *
th_scenario_dup_choice_order (const ThScenario *scenario,
                              guint32           seed)
{
  GPtrArray *order = g_ptr_array_copy (scenario->choices, NULL, NULL);
  g_autoptr(GArray) movable = g_array_new (FALSE, FALSE, sizeof (guint));
  guint32 seeds[2] = { seed, g_str_hash (scenario->id) };
  g_autoptr(GRand) rand = NULL;

  /* The copy would otherwise free the scenario's choices with itself. */
  g_ptr_array_set_free_func (order, NULL);
  if (seed == 0)
    return order;

  for (guint i = 0; i < order->len; i++)
    if (!((ThChoice *) order->pdata[i])->fixed)
      g_array_append_val (movable, i);

  /* Fisher–Yates over the places that are not fixed. GRand's Mersenne
   * Twister and g_str_hash's djb2 are both documented, so an order
   * stored today is the order shown by any later version. */
  rand = g_rand_new_with_seed_array (seeds, G_N_ELEMENTS (seeds));
  for (guint i = movable->len; i > 1; i--)
    {
      guint a = g_array_index (movable, guint, i - 1);
      guint b = g_array_index (movable, guint, g_rand_int_range (rand, 0, (gint32) i));
      gpointer swap = order->pdata[a];

      order->pdata[a] = order->pdata[b];
      order->pdata[b] = swap;
    }
  return order;
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

enum { UNSEEN, ON_PATH, DONE };

/* The most moments a walk from the scenario at @index can take, or
 * G_MAXUINT if it can reach a loop and so go round for ever. Each scenario
 * is walked from once, its result kept in @longest: walking every path
 * instead took 2^n steps on a chain of n moments whose choices all lead
 * on (and 4^n, when MAX () evaluated the walk twice). */
static guint
longest_walk (const ThQuiz *quiz,
              guint         index,
              guint8       *state,
              guint        *longest)
{
  const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, index);
  guint deepest = 0;

  if (state[index] == ON_PATH)
    return G_MAXUINT;
  if (state[index] == DONE)
    return longest[index];

  state[index] = ON_PATH;
  for (guint i = 0; i < scenario->choices->len; i++)
    {
      const ThChoice *choice = g_ptr_array_index (scenario->choices, i);
      int next = choice->next ? th_quiz_find_scenario_index (quiz, choice->next) : -1;

      if (next >= 0)
        {
          guint depth = longest_walk (quiz, next, state, longest);

          deepest = MAX (deepest, depth);
        }
    }
  state[index] = DONE;
  longest[index] = deepest == G_MAXUINT ? G_MAXUINT : deepest + 1;
  return longest[index];
}

/* The number of moments on the longest path from the scenario at @index
 * through the follow-ups its choices lead to (1 for a scenario that does
 * not branch). A path through a loop counts as many moments as the quiz
 * has scenarios. */
guint
th_quiz_get_branch_depth (const ThQuiz *quiz,
                          guint         index)
{
  guint n = quiz->scenarios->len;
  g_autofree guint8 *state = NULL;
  g_autofree guint *longest = NULL;

  g_return_val_if_fail (index < n, 0);

  state = g_new0 (guint8, n);
  longest = g_new0 (guint, n);
  return MIN (longest_walk (quiz, index, state, longest), n);
}
