/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TH_TYPE_LEARNER (th_learner_get_type ())

G_DECLARE_FINAL_TYPE (ThLearner, th_learner, TH, LEARNER, GObject)

ThLearner  *th_learner_new              (gint64      id,
                                         const char *display_name,
                                         gboolean    has_pin);
gint64      th_learner_get_id           (ThLearner  *self);
const char *th_learner_get_display_name (ThLearner  *self);
gboolean    th_learner_get_has_pin      (ThLearner  *self);

char       *th_learner_dup_name_key     (const char *display_name);

G_END_DECLS
