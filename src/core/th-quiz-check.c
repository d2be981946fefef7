/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-quiz-check"

#include "config.h"

#include <glib/gi18n.h>

#include "th-quiz-check.h"
#include "th-quiz-form.h"

/* A problem of the quiz alone: the caller knows its file. */
#define report(problems, line, severity, ...) \
  th_content_problem_add ((problems), NULL, (line), (severity), __VA_ARGS__)

/* Scenario ids to index + 1; the first of a repeated id wins, as in
 * th_quiz_find_scenario_index (). Following a next through this rather
 * than along the quiz keeps the checks linear: on a long chain of
 * follow-ups, as a 1 MiB file can hold, they took minutes. */
static GHashTable *
index_scenarios (const ThQuiz *quiz)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = quiz->scenarios->len; i > 0; i--)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i - 1);
      g_hash_table_insert (index, scenario->id, GUINT_TO_POINTER (i));
    }
  return index;
}

/* The index of the scenario @choice leads to, or -1. */
static int
next_index (GHashTable     *index,
            const ThChoice *choice)
{
  if (choice->next == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (index, choice->next)) - 1;
}

static void
check_choices (GPtrArray        *problems,
               const ThQuiz     *quiz,
               GHashTable       *index,
               const ThScenario *scenario)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  int best = G_MININT;
  guint n_best = 0;

  for (guint i = 0; i < scenario->choices->len; i++)
    {
      const ThChoice *choice = g_ptr_array_index (scenario->choices, i);
      int next = next_index (index, choice);
      const ThScenario *target = next >= 0 ? g_ptr_array_index (quiz->scenarios, next) : NULL;

      /* A whole sentence for each kind of id, as a translation needs. */
      if (!g_hash_table_add (ids, choice->id))
        report (problems, choice->line, TH_SEVERITY_ERROR, _("the choice id “%s” is used twice"), choice->id);
      if (choice->next != NULL && scenario->multiple)
        report (problems, choice->line, TH_SEVERITY_ERROR,
                _("choice “%s” has next=, but a select-all-that-apply scenario cannot branch"),
                choice->id);
      else if (choice->next != NULL && target == NULL)
        report (problems, choice->line, TH_SEVERITY_ERROR,
                _("choice “%s” leads to the scenario “%s”, which does not exist in this quiz"),
                choice->id, choice->next);
      else if (target != NULL && !target->follow_up)
        report (problems, choice->line, TH_SEVERITY_ERROR,
                _("choice “%s” leads to “%s”, which is not marked follow-up=\"true\""),
                choice->id, choice->next);

      if (choice->score > best)
        best = choice->score, n_best = 1;
      else if (choice->score == best)
        n_best++;
    }

  if (scenario->multiple && th_scenario_get_max_score (scenario) <= 0)
    report (problems, scenario->line, TH_SEVERITY_ERROR,
            _("scenario “%s” has no choice with a positive score, so no answer can be right"),
            scenario->id);
  else if (!scenario->multiple && (best <= 0 || n_best != 1))
    report (problems, scenario->line, TH_SEVERITY_ERROR,
            _("scenario “%s” needs exactly one best choice (one highest score, above 0)"),
            scenario->id);
}

/* Marks what the quiz can reach: every entry scenario in turn, and the
 * follow-ups their choices lead to. */
static void
mark_reachable (const ThQuiz *quiz,
                GHashTable   *index,
                guint         start,
                gboolean     *reached)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  /* A stack of our own rather than recursion: a chain of follow-ups can be
   * as long as the quiz. */
  g_array_append_val (stack, start);
  while (stack->len > 0)
    {
      guint i = g_array_index (stack, guint, stack->len - 1);
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      g_array_set_size (stack, stack->len - 1);
      if (reached[i])
        continue;
      reached[i] = TRUE;
      for (guint j = 0; j < scenario->choices->len; j++)
        {
          int next = next_index (index, g_ptr_array_index (scenario->choices, j));

          if (next >= 0 && !reached[next])
            g_array_append_val (stack, next);
        }
    }
}

/* For each scenario, the scenarios with a choice that leads to it. */
static GPtrArray *
find_predecessors (const ThQuiz *quiz,
                   GHashTable   *index)
{
  GPtrArray *predecessors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < quiz->scenarios->len; i++)
    g_ptr_array_add (predecessors, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      for (guint j = 0; j < scenario->choices->len; j++)
        {
          int next = next_index (index, g_ptr_array_index (scenario->choices, j));

          if (next >= 0)
            g_array_append_val (g_ptr_array_index (predecessors, next), i);
        }
    }
  return predecessors;
}

/* A scenario can end its branch if one of its choices has no next, or leads
 * to a scenario that can. Walks back from the scenarios that end, so each
 * choice is followed once. */
static void
mark_can_end (const ThQuiz *quiz,
              GHashTable   *index,
              gboolean     *can_end)
{
  g_autoptr(GPtrArray) predecessors = find_predecessors (quiz, index);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      for (guint j = 0; j < scenario->choices->len && !can_end[i]; j++)
        if (((const ThChoice *) g_ptr_array_index (scenario->choices, j))->next == NULL)
          {
            can_end[i] = TRUE;
            g_array_append_val (queue, i);
          }
    }
  for (guint q = 0; q < queue->len; q++)
    {
      GArray *from = g_ptr_array_index (predecessors, g_array_index (queue, guint, q));

      for (guint k = 0; k < from->len; k++)
        {
          guint i = g_array_index (from, guint, k);

          if (!can_end[i])
            {
              can_end[i] = TRUE;
              g_array_append_val (queue, i);
            }
        }
    }
}

static void
check_flow (GPtrArray    *problems,
            const ThQuiz *quiz,
            GHashTable   *index)
{
  guint n = quiz->scenarios->len;
  g_autofree gboolean *reached = g_new0 (gboolean, n);
  g_autofree gboolean *can_end = g_new0 (gboolean, n);
  const ThScenario *first = g_ptr_array_index (quiz->scenarios, 0);

  if (first->follow_up)
    report (problems, first->line, TH_SEVERITY_ERROR,
            _("the quiz starts with “%s”, which is a follow-up; the first scenario must not be"),
            first->id);

  for (guint i = 0; i < n; i++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);
      if (!scenario->follow_up)
        mark_reachable (quiz, index, i, reached);
    }
  mark_can_end (quiz, index, can_end);

  for (guint i = 0; i < n; i++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      if (!reached[i])
        report (problems, scenario->line, TH_SEVERITY_ERROR,
                _("scenario “%s” can never be reached: no choice leads to it"), scenario->id);
      else if (!can_end[i])
        report (problems, scenario->line, TH_SEVERITY_ERROR,
                _("scenario “%s” is in a loop with no way out: every choice leads back into it"),
                scenario->id);
    }
}

/* Warnings, not errors: a clinic's draft still loads, but its author
 * learns where the form of the choices would let a guess pass. */
static void
check_form (GPtrArray    *problems,
            const ThQuiz *quiz)
{
  const ThScenario *first = g_ptr_array_index (quiz->scenarios, 0);
  guint n_single, longest;

  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      if (!scenario->multiple && scenario->choices->len < TH_QUIZ_FORM_MIN_CHOICES)
        report (problems, scenario->line, TH_SEVERITY_WARNING,
                _("scenario “%s” offers %u choices; give a single-answer moment at least %d, "
                  "so a guess does not pass"),
                scenario->id, scenario->choices->len, TH_QUIZ_FORM_MIN_CHOICES);
    }

  longest = th_quiz_count_best_longest (quiz, &n_single);
  if (2 * longest > n_single)
    report (problems, first->line, TH_SEVERITY_WARNING,
            _("the best choice is the longest in %u of the quiz’s %u single-answer moments; "
              "write the other choices as fully, so that length gives nothing away"),
            longest, n_single);
}

/**
 * th_quiz_check:
 * @quiz: a quiz, from a module file or built by hand
 *
 * The checks on a quiz that its schema cannot express: unique scenario
 * and choice ids, branches that lead to follow-ups that exist, every
 * scenario reachable and every branch able to end, one best choice in a
 * single-answer scenario and a right one in a multiple one (errors), and
 * choices whose form gives the answer away (warnings).
 *
 * Returns: (transfer full) (element-type ThContentProblem): the
 *   problems, in the order of the quiz, each with no file (%NULL): the
 *   caller names it
 */
GPtrArray *
th_quiz_check (const ThQuiz *quiz)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) index = NULL;

  g_return_val_if_fail (quiz != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) th_content_problem_free);
  /* The schema asks for a scenario; with none there is no flow to check. */
  if (quiz->scenarios->len == 0)
    return g_steal_pointer (&problems);

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  index = index_scenarios (quiz);
  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      if (!g_hash_table_add (ids, scenario->id))
        report (problems, scenario->line, TH_SEVERITY_ERROR, _("the scenario id “%s” is used twice"),
                scenario->id);
      check_choices (problems, quiz, index, scenario);
    }
  /* With one best, positive choice per scenario, a learner who always picks
   * it scores 100%, so every pass mark the schema allows is reachable. */
  check_flow (problems, quiz, index);
  check_form (problems, quiz);

  return g_steal_pointer (&problems);
}
