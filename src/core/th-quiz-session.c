/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-quiz-session"

#include "config.h"

#include <glib/gi18n.h>

#include "th-quiz-session.h"
#include "th-refresher.h"

/* A learner taking a quiz, with every answer stored the moment it is
 * given: the run moves on only once the store has the answer, so a crash
 * at any point loses nothing the learner saw confirmed. */
struct _ThQuizSession
{
  GObject    parent_instance;

  /* owned references */
  ThStore   *store;
  ThModule  *module;
  ThQuizRun *run;
  gint64     learner_id;
  gint64     attempt_id;
  gboolean   refresher;
};

G_DEFINE_FINAL_TYPE (ThQuizSession, th_quiz_session, G_TYPE_OBJECT)

void
th_improvement_free (ThImprovement *improvement)
{
  if (improvement == NULL)
    return;
  g_ptr_array_unref (improvement->now_best);
  g_free (improvement);
}

static void
th_quiz_session_finalize (GObject *object)
{
  ThQuizSession *self = (ThQuizSession *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->module);
  g_clear_object (&self->run);

  G_OBJECT_CLASS (th_quiz_session_parent_class)->finalize (object);
}

static void
th_quiz_session_class_init (ThQuizSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_quiz_session_finalize;
}

static void
th_quiz_session_init (ThQuizSession *self)
{
}

static ThQuizSession *
session_new (ThStore            *store,
             gint64              learner_id,
             ThModule           *module,
             gint64              attempt_id,
             const char * const *entry_ids,
             guint32             choice_seed)
{
  ThQuizSession *self = g_object_new (TH_TYPE_QUIZ_SESSION, NULL);

  self->store = g_object_ref (store);
  self->module = g_object_ref (module);
  self->learner_id = learner_id;
  self->attempt_id = attempt_id;
  self->run = th_quiz_run_new (th_module_get_quiz (module), entry_ids, choice_seed);
  return self;
}

/**
 * th_quiz_session_start:
 * @entry_ids: (nullable): the branches to take, for a refresher; %NULL for
 *   the whole quiz
 *
 * Starts a new attempt, recorded at once, with a seed of its own for the
 * order of the choices.
 */
ThQuizSession *
th_quiz_session_start (ThStore             *store,
                       gint64               learner_id,
                       ThModule            *module,
                       ThAttemptKind        kind,
                       const char * const  *entry_ids,
                       GError             **error)
{
  g_autofree char *set = entry_ids ? g_strjoinv (" ", (GStrv) entry_ids) : NULL;
  /* Never 0, which keeps the file's order. */
  guint32 choice_seed = (guint32) g_random_int_range (1, G_MAXINT32);
  ThQuizSession *self;
  gint64 attempt_id;

  g_return_val_if_fail (TH_IS_STORE (store), NULL);
  g_return_val_if_fail (TH_IS_MODULE (module), NULL);

  attempt_id = th_store_start_attempt (store, learner_id, th_module_get_id (module), kind, set,
                                       choice_seed, error);
  if (attempt_id == 0)
    return NULL;
  self = session_new (store, learner_id, module, attempt_id, entry_ids, choice_seed);
  self->refresher = kind == TH_ATTEMPT_REFRESHER;
  return self;
}

/**
 * th_quiz_session_start_refresher:
 * @seed: makes the selection repeatable (tests fix it; the app draws one)
 *
 * Starts a refresher: the quiz's refresher size of whole branches,
 * favouring those the learner has not seen or answered poorly, never the
 * same set as their last refresher. Passing it renews the completion.
 */
ThQuizSession *
th_quiz_session_start_refresher (ThStore   *store,
                                 gint64     learner_id,
                                 ThModule  *module,
                                 guint32    seed,
                                 GError   **error)
{
  const ThQuiz *quiz = th_module_get_quiz (module);
  const char *module_id = th_module_get_id (module);
  g_autoptr(GHashTable) history = NULL;
  g_autofree char *last_set = NULL;
  g_auto(GStrv) entries = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TH_IS_STORE (store), NULL);
  g_return_val_if_fail (TH_IS_MODULE (module), NULL);

  history = th_store_dup_scenario_history (store, learner_id, module_id, error);
  if (history == NULL)
    return NULL;
  last_set = th_store_dup_last_scenario_set (store, learner_id, module_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  entries = th_refresher_select (quiz, quiz->refresher_size, history, last_set, seed);
  return th_quiz_session_start (store, learner_id, module, TH_ATTEMPT_REFRESHER,
                                (const char * const *) entries, error);
}

/* Plays the stored answers through the run; content edited since may have
 * dropped a scenario, in which case the replay stops where it no longer
 * fits and the learner goes on from there. */
static void
replay (ThQuizSession *self,
        GPtrArray     *stored)
{
  for (guint i = 0; i < stored->len; i++)
    {
      ThStoredAnswer *previous = g_ptr_array_index (stored, i);
      const ThScenario *current = th_quiz_run_get_current (self->run);
      g_auto(GStrv) choices = g_strsplit (previous->choice_ids, " ", -1);
      ThAnswer answer = { 0 };

      if (current == NULL || g_strcmp0 (current->id, previous->scenario_id) != 0 ||
          !th_quiz_run_check_choice (self->run, (const char * const *) choices, &answer, NULL))
        {
          g_warning ("Stopped replaying attempt %" G_GINT64_FORMAT " at answer %u: the module changed",
                     self->attempt_id, i + 1);
          return;
        }
      th_quiz_run_commit (self->run, &answer);
    }
}

/**
 * th_quiz_session_resume:
 *
 * Picks up the learner's unfinished attempt at @module where it stopped.
 *
 * Returns: (transfer full) (nullable): the session, or %NULL if there is
 *   nothing to resume (or on @error)
 */
ThQuizSession *
th_quiz_session_resume (ThStore     *store,
                        gint64       learner_id,
                        ThModule    *module,
                        GError     **error)
{
  g_autoptr(ThQuizSession) self = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *set = NULL;
  g_auto(GStrv) entry_ids = NULL;
  guint32 choice_seed = 0;
  gint64 attempt_id;

  g_return_val_if_fail (TH_IS_STORE (store), NULL);
  g_return_val_if_fail (TH_IS_MODULE (module), NULL);

  attempt_id = th_store_find_open_attempt (store, learner_id, th_module_get_id (module), &set,
                                           &choice_seed, error);
  if (attempt_id == 0)
    return NULL;
  stored = th_store_list_answers (store, attempt_id, error);
  if (stored == NULL)
    return NULL;

  entry_ids = set ? g_strsplit (set, " ", -1) : NULL;
  self = session_new (store, learner_id, module, attempt_id, (const char * const *) entry_ids,
                      choice_seed);
  /* Only refreshers keep a scenario set. */
  self->refresher = set != NULL;
  replay (self, stored);
  return g_steal_pointer (&self);
}

ThQuizRun *
th_quiz_session_get_run (ThQuizSession *self)
{
  g_return_val_if_fail (TH_IS_QUIZ_SESSION (self), NULL);
  return self->run;
}

ThModule *
th_quiz_session_get_module (ThQuizSession *self)
{
  g_return_val_if_fail (TH_IS_QUIZ_SESSION (self), NULL);
  return self->module;
}

gboolean
th_quiz_session_is_refresher (ThQuizSession *self)
{
  g_return_val_if_fail (TH_IS_QUIZ_SESSION (self), FALSE);
  return self->refresher;
}

gint64
th_quiz_session_get_attempt_id (ThQuizSession *self)
{
  g_return_val_if_fail (TH_IS_QUIZ_SESSION (self), 0);
  return self->attempt_id;
}

/**
 * th_quiz_session_answer:
 *
 * Scores the learner's choice, stores it, and only then moves on. If the
 * store fails (a full disk, say) the run stays on the same moment, so the
 * learner can answer again once the problem is fixed.
 *
 * Returns: (transfer none) (nullable): the answer as kept, or %NULL on @error
 */
const ThAnswer *
th_quiz_session_answer (ThQuizSession       *self,
                        const char * const  *choice_ids,
                        GError             **error)
{
  g_auto(ThAnswer) answer = { 0 };
  g_autofree char *joined = NULL;
  GPtrArray *answers;

  g_return_val_if_fail (TH_IS_QUIZ_SESSION (self), NULL);

  if (!th_quiz_run_check_choice (self->run, choice_ids, &answer, error))
    return NULL;
  joined = g_strjoinv (" ", answer.choice_ids);
  if (th_store_record_answer (self->store, self->attempt_id, answer.scenario->id, joined,
                              answer.score, answer.max_score, error) == 0)
    return NULL;

  th_quiz_run_commit (self->run, &answer);
  answers = th_quiz_run_get_answers (self->run);
  return g_ptr_array_index (answers, answers->len - 1);
}

static gboolean
answered_best (GPtrArray  *answers,
               const char *scenario_id)
{
  for (guint i = 0; i < answers->len; i++)
    {
      ThStoredAnswer *answer = g_ptr_array_index (answers, i);

      if (g_str_equal (answer->scenario_id, scenario_id))
        return answer->score >= answer->max_score;
    }
  return FALSE;
}

/* Compares this run with the learner's previous finished attempt. */
static ThImprovement *
describe_improvement (ThQuizSession    *self,
                      ThAttemptResult  *previous,
                      GError          **error)
{
  ThImprovement *improvement = g_new0 (ThImprovement, 1);
  GPtrArray *answers = th_quiz_run_get_answers (self->run);
  g_autoptr(GPtrArray) before = NULL;

  improvement->now_best = g_ptr_array_new_with_free_func (g_free);
  improvement->percent = th_quiz_run_get_percent (self->run);
  if (previous == NULL)
    return improvement;

  improvement->has_previous = TRUE;
  improvement->previous_percent = previous->max_score > 0
    ? (guint) (100 * MAX (previous->score, 0) / previous->max_score) : 0;
  before = th_store_list_answers (self->store, previous->id, error);
  for (guint i = 0; before != NULL && i < answers->len; i++)
    {
      ThAnswer *answer = g_ptr_array_index (answers, i);

      if (answer->score >= answer->max_score && !answered_best (before, answer->scenario->id))
        g_ptr_array_add (improvement->now_best, g_strdup (answer->scenario->title));
    }
  return improvement;
}

/**
 * th_quiz_session_finish:
 * @improvement: (out) (optional): what changed since the previous attempt
 *
 * Records the result once the run is over; a pass records the completion
 * in the same transaction.
 */
gboolean
th_quiz_session_finish (ThQuizSession  *self,
                        ThImprovement **improvement,
                        GError        **error)
{
  g_autoptr(ThAttemptResult) previous = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TH_IS_QUIZ_SESSION (self), FALSE);
  g_return_val_if_fail (th_quiz_run_is_finished (self->run), FALSE);

  /* Read before this attempt becomes the latest. */
  previous = th_store_dup_last_result (self->store, self->learner_id,
                                       th_module_get_id (self->module), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!th_store_finish_attempt (self->store, self->attempt_id,
                                th_quiz_run_get_score (self->run),
                                th_quiz_run_get_max_score (self->run),
                                th_quiz_run_get_passed (self->run), error))
    return FALSE;

  if (improvement != NULL)
    *improvement = describe_improvement (self, previous, NULL);
  return TRUE;
}
