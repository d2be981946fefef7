/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-quiz-form"

#include "config.h"

#include "th-quiz-form.h"

/**
 * th_choice_get_text_length:
 *
 * The length of the choice's text as a learner reads it: characters
 * outside markup tags.
 */
guint
th_choice_get_text_length (const ThChoice *choice)
{
  gboolean in_tag = FALSE;
  guint length = 0;

  /* A character is a byte that does not continue one (the text is UTF-8,
   * as libxml2 gives it): a byte at a time, rather than a character at a
   * time through a table, as this runs over every choice at start. */
  for (const guchar *c = (const guchar *) choice->text; c != NULL && *c != '\0'; c++)
    {
      if (*c == '<')
        in_tag = TRUE;
      else if (*c == '>')
        in_tag = FALSE;
      else if (!in_tag && (*c & 0xC0) != 0x80)
        length++;
    }
  return length;
}

/**
 * th_scenario_get_best_choice:
 *
 * Returns: (transfer none) (nullable): the first choice with the highest
 *   score
 */
const ThChoice *
th_scenario_get_best_choice (const ThScenario *scenario)
{
  const ThChoice *best = NULL;

  for (guint i = 0; i < scenario->choices->len; i++)
    {
      const ThChoice *choice = g_ptr_array_index (scenario->choices, i);

      if (best == NULL || choice->score > best->score)
        best = choice;
    }
  return best;
}

/* Ties count as longest: a learner who picks the longest may pick it. */
gboolean
th_scenario_best_is_longest (const ThScenario *scenario)
{
  const ThChoice *best = th_scenario_get_best_choice (scenario);
  guint length;

  if (best == NULL)
    return FALSE;
  length = th_choice_get_text_length (best);
  for (guint i = 0; i < scenario->choices->len; i++)
    if (th_choice_get_text_length (g_ptr_array_index (scenario->choices, i)) > length)
      return FALSE;
  return TRUE;
}

/**
 * th_quiz_count_best_longest:
 * @n_single: (out): the number of single-answer moments
 *
 * Returns: in how many single-answer moments the best choice is the
 *   longest
 */
guint
th_quiz_count_best_longest (const ThQuiz *quiz,
                            guint        *n_single)
{
  guint longest = 0;

  *n_single = 0;
  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      if (scenario->multiple)
        continue;
      (*n_single)++;
      if (th_scenario_best_is_longest (scenario))
        longest++;
    }
  return longest;
}
