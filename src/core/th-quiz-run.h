/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "th-quiz.h"

G_BEGIN_DECLS

#define TH_QUIZ_RUN_ERROR (th_quiz_run_error_quark ())

typedef enum
{
  TH_QUIZ_RUN_ERROR_FINISHED,
  TH_QUIZ_RUN_ERROR_INVALID_CHOICE,
} ThQuizRunError;

/* One answered moment of a quiz, with its place in the run: the branch
 * (the conversation a scenario starts) and the moment within it, both
 * counted from 1. */
typedef struct
{
  const ThScenario *scenario;
  GStrv             choice_ids;
  int               score;
  int               max_score;
  guint             branch;
  guint             moment;
} ThAnswer;

#define TH_TYPE_QUIZ_RUN (th_quiz_run_get_type ())

G_DECLARE_FINAL_TYPE (ThQuizRun, th_quiz_run, TH, QUIZ_RUN, GObject)

GQuark            th_quiz_run_error_quark     (void);
ThQuizRun        *th_quiz_run_new             (const ThQuiz        *quiz,
                                               const char * const  *entry_ids,
                                               guint32              seed);
GPtrArray        *th_quiz_run_dup_choice_order (ThQuizRun          *self,
                                               const ThScenario    *scenario);
const ThScenario *th_quiz_run_get_current     (ThQuizRun           *self);
gboolean          th_quiz_run_is_finished     (ThQuizRun           *self);
gboolean          th_quiz_run_check_choice    (ThQuizRun           *self,
                                               const char * const  *choice_ids,
                                               ThAnswer            *answer,
                                               GError             **error);
void              th_quiz_run_commit          (ThQuizRun           *self,
                                               ThAnswer            *answer);
GPtrArray        *th_quiz_run_get_answers     (ThQuizRun           *self);
guint             th_quiz_run_get_n_entries   (ThQuizRun           *self);
guint             th_quiz_run_get_entry_index (ThQuizRun           *self);
guint             th_quiz_run_get_moment_in_branch (ThQuizRun      *self);
int               th_quiz_run_get_score       (ThQuizRun           *self);
int               th_quiz_run_get_max_score   (ThQuizRun           *self);
guint             th_quiz_run_get_percent     (ThQuizRun           *self);
gboolean          th_quiz_run_get_passed      (ThQuizRun           *self);
guint             th_quiz_run_get_pass_mark   (ThQuizRun           *self);

void              th_answer_free              (ThAnswer            *answer);
void              th_answer_clear             (ThAnswer            *answer);
void              th_answer_count_moment      (const ThScenario    *scenario,
                                               guint               *branch,
                                               guint               *moment);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ThAnswer, th_answer_clear)

G_END_DECLS
