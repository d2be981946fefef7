/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-quiz-session.h"

G_BEGIN_DECLS

#define TH_TYPE_SUMMARY_VIEW (th_summary_view_get_type ())

G_DECLARE_FINAL_TYPE (ThSummaryView, th_summary_view, TH, SUMMARY_VIEW, GtkWidget)

void th_summary_view_show (ThSummaryView       *self,
                           ThQuizSession       *session,
                           const ThImprovement *improvement);

G_END_DECLS
