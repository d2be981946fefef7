/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-quiz-run"

#include "config.h"

#include <glib/gi18n.h>

#include "th-quiz-run.h"

/* The rules of taking a quiz, without storage or display: which moment
 * comes next, what a choice scores, and the result. */
struct _ThQuizRun
{
  GObject       parent_instance;

  /* borrowed references: the quiz belongs to its module */
  const ThQuiz *quiz;

  /* owned references */
  GArray       *entries;   /* of guint: indices of the scenarios that start a branch */
  GPtrArray    *answers;   /* of ThAnswer */
  guint         entry;     /* position in entries of the branch under way */
  int           current;   /* index of the scenario shown, or -1 at the end */
  guint         moment;    /* the place of the current one in its branch, from 1 */
  guint32       seed;      /* shuffles the choices; 0 keeps the file's order */
};

G_DEFINE_FINAL_TYPE (ThQuizRun, th_quiz_run, G_TYPE_OBJECT)
G_DEFINE_QUARK (th-quiz-run-error-quark, th_quiz_run_error)

void
th_answer_clear (ThAnswer *answer)
{
  g_clear_pointer (&answer->choice_ids, g_strfreev);
}

void
th_answer_free (ThAnswer *answer)
{
  if (answer == NULL)
    return;
  th_answer_clear (answer);
  g_free (answer);
}

/**
 * th_answer_count_moment:
 * @scenario: (nullable): the scenario of an answer read back from the
 *   store, or %NULL if the content no longer has it
 * @branch: (inout): the branch of the answer before, 0 before the first
 * @moment: (inout): the moment of the answer before
 *
 * Counts the answers of a stored attempt, taken in order, as the run
 * counted them when they were given: a follow-up goes on with the branch
 * of the answer before it; any other scenario starts the next branch.
 */
void
th_answer_count_moment (const ThScenario *scenario,
                        guint            *branch,
                        guint            *moment)
{
  g_return_if_fail (branch != NULL && moment != NULL);

  if (scenario != NULL && scenario->follow_up && *branch > 0)
    *moment += 1;
  else
    {
      *branch += 1;
      *moment = 1;
    }
}

static void
th_quiz_run_finalize (GObject *object)
{
  ThQuizRun *self = (ThQuizRun *)object;

  g_array_unref (self->entries);
  g_ptr_array_unref (self->answers);

  G_OBJECT_CLASS (th_quiz_run_parent_class)->finalize (object);
}

static void
th_quiz_run_class_init (ThQuizRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_quiz_run_finalize;
}

static void
th_quiz_run_init (ThQuizRun *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (guint));
  self->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) th_answer_free);
}

static void
add_entry (ThQuizRun *self,
           guint      index)
{
  const ThScenario *scenario = g_ptr_array_index (self->quiz->scenarios, index);

  if (!scenario->follow_up)
    g_array_append_val (self->entries, index);
}

/**
 * th_quiz_run_new:
 * @quiz: a quiz that passed the loader's checks
 * @entry_ids: (nullable): the scenarios that start a branch, in order; %NULL
 *   for every one of them (a refresher passes its own selection)
 * @seed: the attempt's seed for the order of the choices; 0 for the order
 *   of the file
 */
ThQuizRun *
th_quiz_run_new (const ThQuiz       *quiz,
                 const char * const *entry_ids,
                 guint32             seed)
{
  ThQuizRun *self;

  g_return_val_if_fail (quiz != NULL, NULL);

  self = g_object_new (TH_TYPE_QUIZ_RUN, NULL);
  self->quiz = quiz;
  self->seed = seed;
  if (entry_ids == NULL)
    for (guint i = 0; i < quiz->scenarios->len; i++)
      add_entry (self, i);
  else
    for (guint i = 0; entry_ids[i] != NULL; i++)
      {
        int index = th_quiz_find_scenario_index (quiz, entry_ids[i]);
        if (index >= 0)
          add_entry (self, index);
      }
  self->current = self->entries->len > 0 ? (int) g_array_index (self->entries, guint, 0) : -1;
  self->moment = 1;
  return self;
}

/**
 * th_quiz_run_get_current:
 *
 * Returns: (transfer none) (nullable): the moment to answer now, or %NULL
 *   when the quiz is over
 */
const ThScenario *
th_quiz_run_get_current (ThQuizRun *self)
{
  g_return_val_if_fail (TH_IS_QUIZ_RUN (self), NULL);
  return self->current < 0 ? NULL : g_ptr_array_index (self->quiz->scenarios, self->current);
}

/**
 * th_quiz_run_dup_choice_order:
 *
 * Returns: (transfer container) (element-type ThChoice): @scenario's
 *   choices in the order this attempt shows them
 */
GPtrArray *
th_quiz_run_dup_choice_order (ThQuizRun        *self,
                              const ThScenario *scenario)
{
  g_return_val_if_fail (TH_IS_QUIZ_RUN (self), NULL);
  return th_scenario_dup_choice_order (scenario, self->seed);
}

/* The chosen ids in the order shown, so every review lists them as the
 * learner saw them, whatever order they were ticked in. */
static GStrv
dup_in_shown_order (ThQuizRun           *self,
                    const ThScenario    *scenario,
                    const char * const  *choice_ids)
{
  g_autoptr(GPtrArray) order = th_quiz_run_dup_choice_order (self, scenario);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < order->len; i++)
    {
      const ThChoice *choice = g_ptr_array_index (order, i);

      if (g_strv_contains (choice_ids, choice->id))
        g_strv_builder_add (ids, choice->id);
    }
  return g_strv_builder_end (ids);
}

gboolean
th_quiz_run_is_finished (ThQuizRun *self)
{
  g_return_val_if_fail (TH_IS_QUIZ_RUN (self), TRUE);
  return self->current < 0;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, TH_QUIZ_RUN_ERROR, TH_QUIZ_RUN_ERROR_INVALID_CHOICE, message);
  return FALSE;
}

/* One choice for a single scenario; one or more, each once, for a
 * select-all-that-apply scenario. */
static gboolean
validate_choices (const ThScenario    *scenario,
                  const char * const  *choice_ids,
                  GError             **error)
{
  guint n = choice_ids ? g_strv_length ((GStrv) choice_ids) : 0;

  if (n == 0)
    return invalid (error, _("Choose an answer first"));
  if (!scenario->multiple && n > 1)
    return invalid (error, _("This question takes one answer"));
  for (guint i = 0; i < n; i++)
    {
      if (th_scenario_find_choice (scenario, choice_ids[i]) == NULL)
        return invalid (error, _("That answer is not one of this question’s choices"));
      for (guint j = 0; j < i; j++)
        if (g_str_equal (choice_ids[i], choice_ids[j]))
          return invalid (error, _("The same answer was given twice"));
    }
  return TRUE;
}

/**
 * th_quiz_run_check_choice:
 * @answer: (out caller-allocates): the scored answer, to pass to
 *   th_quiz_run_commit() once it is safely recorded
 *
 * Scores @choice_ids for the current moment without moving on, so that the
 * caller can store the answer first and move on only once it is stored.
 */
gboolean
th_quiz_run_check_choice (ThQuizRun           *self,
                          const char * const  *choice_ids,
                          ThAnswer            *answer,
                          GError             **error)
{
  const ThScenario *scenario;
  int score = 0;

  g_return_val_if_fail (TH_IS_QUIZ_RUN (self), FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);

  scenario = th_quiz_run_get_current (self);
  if (scenario == NULL)
    {
      g_set_error_literal (error, TH_QUIZ_RUN_ERROR, TH_QUIZ_RUN_ERROR_FINISHED,
                           _("The quiz is already over"));
      return FALSE;
    }
  if (!validate_choices (scenario, choice_ids, error))
    return FALSE;

  for (guint i = 0; choice_ids[i] != NULL; i++)
    score += th_scenario_find_choice (scenario, choice_ids[i])->score;

  answer->scenario = scenario;
  answer->choice_ids = dup_in_shown_order (self, scenario, choice_ids);
  answer->score = scenario->multiple ? MAX (score, 0) : score;
  answer->max_score = th_scenario_get_max_score (scenario);
  answer->branch = self->entry + 1;
  answer->moment = self->moment;
  return TRUE;
}

/**
 * th_quiz_run_commit:
 * @answer: (transfer full): from th_quiz_run_check_choice(); emptied
 *
 * Keeps the answer and moves to the moment it leads to: the follow-up its
 * choice names, one moment further into the branch, or else the first
 * moment of the next branch.
 */
void
th_quiz_run_commit (ThQuizRun *self,
                    ThAnswer  *answer)
{
  const ThChoice *choice;
  int next = -1;

  g_return_if_fail (TH_IS_QUIZ_RUN (self));
  g_return_if_fail (answer->scenario == th_quiz_run_get_current (self));

  choice = th_scenario_find_choice (answer->scenario, answer->choice_ids[0]);
  if (!answer->scenario->multiple && choice->next != NULL)
    next = th_quiz_find_scenario_index (self->quiz, choice->next);

  if (next >= 0)
    self->moment++;
  else
    {
      self->moment = 1;
      if (++self->entry < self->entries->len)
        next = g_array_index (self->entries, guint, self->entry);
    }
  self->current = next;

  g_ptr_array_add (self->answers, g_memdup2 (answer, sizeof *answer));
  answer->choice_ids = NULL;
}

/**
 * th_quiz_run_get_answers:
 *
 * Returns: (transfer none) (element-type ThAnswer): the answers so far
 */
GPtrArray *
th_quiz_run_get_answers (ThQuizRun *self)
{
  g_return_val_if_fail (TH_IS_QUIZ_RUN (self), NULL);
  return self->answers;
}

/* The number of branches (entry scenarios) in this run. */
guint
th_quiz_run_get_n_entries (ThQuizRun *self)
{
  g_return_val_if_fail (TH_IS_QUIZ_RUN (self), 0);
  return self->entries->len;
}

/* Which branch is under way, counting from 0. */
guint
th_quiz_run_get_entry_index (ThQuizRun *self)
{
  g_return_val_if_fail (TH_IS_QUIZ_RUN (self), 0);
  return MIN (self->entry, self->entries->len);
}

/* The place of the current moment in its branch, counting from 1: the
 * answers given since the branch started, plus one. 0 once the quiz is
 * over. */
guint
th_quiz_run_get_moment_in_branch (ThQuizRun *self)
{
  g_return_val_if_fail (TH_IS_QUIZ_RUN (self), 0);
  return self->current < 0 ? 0 : self->moment;
}

int
th_quiz_run_get_score (ThQuizRun *self)
{
  int score = 0;

  g_return_val_if_fail (TH_IS_QUIZ_RUN (self), 0);
  for (guint i = 0; i < self->answers->len; i++)
    score += ((ThAnswer *) self->answers->pdata[i])->score;
  return score;
}

/* The most that could have been earned on the moments this learner saw. */
int
th_quiz_run_get_max_score (ThQuizRun *self)
{
  int max = 0;

  g_return_val_if_fail (TH_IS_QUIZ_RUN (self), 0);
  for (guint i = 0; i < self->answers->len; i++)
    max += ((ThAnswer *) self->answers->pdata[i])->max_score;
  return max;
}

guint
th_quiz_run_get_percent (ThQuizRun *self)
{
  int max = th_quiz_run_get_max_score (self);

  return max > 0 ? (guint) (100 * MAX (th_quiz_run_get_score (self), 0) / max) : 0;
}

guint
th_quiz_run_get_pass_mark (ThQuizRun *self)
{
  g_return_val_if_fail (TH_IS_QUIZ_RUN (self), 0);
  return self->quiz->pass_mark;
}

/* Compared in whole numbers, so 79.9% never rounds up to a pass of 80. */
gboolean
th_quiz_run_get_passed (ThQuizRun *self)
{
  int max = th_quiz_run_get_max_score (self);

  g_return_val_if_fail (TH_IS_QUIZ_RUN (self), FALSE);
  return th_quiz_run_is_finished (self) && max > 0 &&
         100 * (gint64) th_quiz_run_get_score (self) >= (gint64) self->quiz->pass_mark * max;
}
