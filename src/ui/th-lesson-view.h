/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-module.h"

G_BEGIN_DECLS

#define TH_TYPE_LESSON_VIEW (th_lesson_view_get_type ())

G_DECLARE_FINAL_TYPE (ThLessonView, th_lesson_view, TH, LESSON_VIEW, GtkWidget)

void th_lesson_view_show (ThLessonView *self,
                          ThModule     *module,
                          gboolean      can_resume);

G_END_DECLS
