/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-tag-chart.h"

G_BEGIN_DECLS

/* The principles or the themes as the answers show them: a bar for each,
 * the choices that honour it beside those that work against it, with the
 * numbers; and a small line of the share that honours it, quarter by
 * quarter. Drawn in the style's own colours, light or dark; a screen
 * reader is told the same in words. th-tag-chart.c draws the chart;
 * th-tag-chart-text.c says it in words, and lists its numbers. */
struct _ThTagChart
{
  GtkWidget       parent_instance;

  /* owned references */
  ThInsights     *insights;
  GStrv           quarters;
  char           *text_alternative;

  ThTagChartKind  kind;
};

/* th-tag-chart.c: the tags shown, and their counts */
void       th_tag_chart_tag_range   (ThTagChart *self,
                                     ThTag      *first,
                                     ThTag      *last);
ThTagTally th_tag_chart_tally_of    (ThTagChart *self,
                                     ThTag       tag);

/* th-tag-chart-text.c: the chart in words */
void       th_tag_chart_update_text (ThTagChart *self);

G_END_DECLS
