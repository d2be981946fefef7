/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-catalog.h"
#include "th-completion-matrix.h"
#include "th-store.h"

G_BEGIN_DECLS

#define TH_TYPE_LEARNER_DETAIL (th_learner_detail_get_type ())

G_DECLARE_FINAL_TYPE (ThLearnerDetail, th_learner_detail, TH, LEARNER_DETAIL, GtkWidget)

void th_learner_detail_show (ThLearnerDetail    *self,
                             ThStore            *store,
                             ThCatalog          *catalog,
                             ThCompletionMatrix *matrix,
                             gint64              learner_id,
                             gint64              supervisor_id,
                             guint               default_months);

void th_learner_detail_clear (ThLearnerDetail    *self);

G_END_DECLS
