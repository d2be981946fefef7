/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "th-module.h"
#include "th-quiz-run.h"
#include "th-store.h"

G_BEGIN_DECLS

/* What changed since the learner's previous finished attempt. */
typedef struct
{
  gboolean   has_previous;
  guint      previous_percent;
  guint      percent;
  GPtrArray *now_best;   /* titles of moments answered best now, not before */
} ThImprovement;

void th_improvement_free (ThImprovement *improvement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThImprovement, th_improvement_free)

#define TH_TYPE_QUIZ_SESSION (th_quiz_session_get_type ())

G_DECLARE_FINAL_TYPE (ThQuizSession, th_quiz_session, TH, QUIZ_SESSION, GObject)

ThQuizSession *th_quiz_session_start          (ThStore             *store,
                                               gint64               learner_id,
                                               ThModule            *module,
                                               ThAttemptKind        kind,
                                               const char * const  *entry_ids,
                                               GError             **error);
ThQuizSession *th_quiz_session_start_refresher (ThStore            *store,
                                               gint64              learner_id,
                                               ThModule           *module,
                                               guint32             seed,
                                               GError            **error);
ThQuizSession *th_quiz_session_resume         (ThStore             *store,
                                               gint64               learner_id,
                                               ThModule            *module,
                                               GError             **error);
ThQuizRun     *th_quiz_session_get_run        (ThQuizSession       *self);
ThModule      *th_quiz_session_get_module     (ThQuizSession       *self);
gint64         th_quiz_session_get_attempt_id (ThQuizSession       *self);
gboolean       th_quiz_session_is_refresher   (ThQuizSession       *self);
const ThAnswer *th_quiz_session_answer        (ThQuizSession       *self,
                                               const char * const  *choice_ids,
                                               GError             **error);
gboolean       th_quiz_session_finish         (ThQuizSession       *self,
                                               ThImprovement      **improvement,
                                               GError             **error);

G_END_DECLS
