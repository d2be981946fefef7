/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "th-content-problem.h"
#include "th-quiz.h"

G_BEGIN_DECLS

/* The rules of a quiz that the module schema cannot express, on the quiz
 * alone: no XML and no file, so a quiz built by hand is checked the same. */

GPtrArray *th_quiz_check (const ThQuiz *quiz);

G_END_DECLS
