/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-quiz.h"

G_BEGIN_DECLS

/* What the form of a quiz's choices gives away: a pass should need
 * knowledge, not an eye for the longest or most careful wording. */

/* Fewer choices than this in a single-answer moment make guessing pay. */
#define TH_QUIZ_FORM_MIN_CHOICES 3

guint            th_choice_get_text_length       (const ThChoice   *choice);
const ThChoice  *th_scenario_get_best_choice     (const ThScenario *scenario);
gboolean         th_scenario_best_is_longest     (const ThScenario *scenario);
guint            th_quiz_count_best_longest      (const ThQuiz     *quiz,
                                                  guint            *n_single);

G_END_DECLS
