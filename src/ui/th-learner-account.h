/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-store.h"

G_BEGIN_DECLS

#define TH_TYPE_LEARNER_ACCOUNT (th_learner_account_get_type ())

G_DECLARE_FINAL_TYPE (ThLearnerAccount, th_learner_account, TH, LEARNER_ACCOUNT, AdwPreferencesGroup)

void th_learner_account_show  (ThLearnerAccount *self,
                               ThStore          *store,
                               gint64            learner_id);
void th_learner_account_clear (ThLearnerAccount *self);

G_END_DECLS
