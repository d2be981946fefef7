/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-catalog.h"
#include "th-insights.h"
#include "th-store.h"

G_BEGIN_DECLS

#define TH_TYPE_INSIGHTS_PAGE (th_insights_page_get_type ())

G_DECLARE_FINAL_TYPE (ThInsightsPage, th_insights_page, TH, INSIGHTS_PAGE, GtkWidget)

void        th_insights_page_show         (ThInsightsPage *self,
                                           ThStore        *store,
                                           ThCatalog      *catalog);
void        th_insights_page_clear        (ThInsightsPage *self);
ThInsights *th_insights_page_get_insights (ThInsightsPage *self);
gboolean    th_insights_page_get_loading  (ThInsightsPage *self);

G_END_DECLS
