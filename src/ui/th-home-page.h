/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-catalog.h"
#include "th-learner.h"
#include "th-store.h"

G_BEGIN_DECLS

#define TH_TYPE_HOME_PAGE (th_home_page_get_type ())

G_DECLARE_FINAL_TYPE (ThHomePage, th_home_page, TH, HOME_PAGE, GtkWidget)

void th_home_page_show (ThHomePage *self,
                        ThStore    *store,
                        ThCatalog  *catalog,
                        ThLearner  *learner,
                        guint       default_months);

G_END_DECLS
