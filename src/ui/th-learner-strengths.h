/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-catalog.h"
#include "th-store.h"

G_BEGIN_DECLS

#define TH_TYPE_LEARNER_STRENGTHS (th_learner_strengths_get_type ())

G_DECLARE_FINAL_TYPE (ThLearnerStrengths, th_learner_strengths, TH, LEARNER_STRENGTHS, GtkWidget)

void     th_learner_strengths_load        (ThLearnerStrengths *self,
                                           ThStore            *store,
                                           ThCatalog          *catalog,
                                           gint64              learner_id,
                                           const char         *display_name);
void     th_learner_strengths_clear       (ThLearnerStrengths *self);
gboolean th_learner_strengths_get_loading (ThLearnerStrengths *self);

G_END_DECLS
