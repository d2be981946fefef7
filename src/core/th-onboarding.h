/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-catalog.h"
#include "th-store.h"

G_BEGIN_DECLS

GPtrArray *th_onboarding_list_missing (ThStore    *store,
                                       ThCatalog  *catalog,
                                       gint64      learner_id,
                                       guint       default_months,
                                       GError    **error);
gint64     th_onboarding_sign_off     (ThStore    *store,
                                       ThCatalog  *catalog,
                                       gint64      learner_id,
                                       gint64      supervisor_id,
                                       const char *note,
                                       guint       default_months,
                                       GError    **error);

G_END_DECLS
