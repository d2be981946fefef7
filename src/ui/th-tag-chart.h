/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-insights.h"

G_BEGIN_DECLS

/* Which tags a chart shows: the six principles or the eight themes. */
typedef enum
{
  TH_TAG_CHART_PRINCIPLES,
  TH_TAG_CHART_THEMES,
} ThTagChartKind;

#define TH_TYPE_TAG_CHART_KIND (th_tag_chart_kind_get_type ())
GType th_tag_chart_kind_get_type (void);

#define TH_TYPE_TAG_CHART (th_tag_chart_get_type ())

G_DECLARE_FINAL_TYPE (ThTagChart, th_tag_chart, TH, TAG_CHART, GtkWidget)

GtkWidget      *th_tag_chart_new                  (ThTagChartKind  kind);
ThTagChartKind  th_tag_chart_get_kind             (ThTagChart     *self);
void            th_tag_chart_set_kind             (ThTagChart     *self,
                                                   ThTagChartKind  kind);
ThInsights     *th_tag_chart_get_insights         (ThTagChart     *self);
void            th_tag_chart_set_insights         (ThTagChart     *self,
                                                   ThInsights     *insights);
const char     *th_tag_chart_get_text_alternative (ThTagChart     *self);
void            th_tag_chart_fill_numbers         (ThTagChart     *self,
                                                   GtkListBox     *list);

G_END_DECLS
