/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-quiz-session.h"

G_BEGIN_DECLS

#define TH_TYPE_QUIZ_VIEW (th_quiz_view_get_type ())

G_DECLARE_FINAL_TYPE (ThQuizView, th_quiz_view, TH, QUIZ_VIEW, GtkWidget)

void th_quiz_view_show (ThQuizView    *self,
                        ThQuizSession *session);

G_END_DECLS
