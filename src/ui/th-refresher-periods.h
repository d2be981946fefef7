/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-catalog.h"
#include "th-store.h"

G_BEGIN_DECLS

#define TH_TYPE_REFRESHER_PERIODS (th_refresher_periods_get_type ())

G_DECLARE_FINAL_TYPE (ThRefresherPeriods, th_refresher_periods, TH, REFRESHER_PERIODS, AdwWindow)

ThRefresherPeriods *th_refresher_periods_new (GtkWindow *parent,
                                              ThStore   *store,
                                              ThCatalog *catalog,
                                              guint      default_months);

G_END_DECLS
