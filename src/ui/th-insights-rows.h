/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-insights.h"

G_BEGIN_DECLS

GtkWidget *th_insights_rows_create_moment (const ThMomentInsight *moment);
GtkWidget *th_insights_rows_create_module (const ThModuleInsight *module);

G_END_DECLS
