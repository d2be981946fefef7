/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Local days as text, each worked out once: a report of everyone shows
 * two dates for each of a hundred thousand cells, on a few thousand
 * distinct days. */
typedef struct
{
  GTimeZone  *zone;
  GHashTable *texts;   /* local day number → "YYYY-MM-DD" */
} ThDayTexts;

void        th_day_texts_init   (ThDayTexts *days);
void        th_day_texts_clear  (ThDayTexts *days);
const char *th_day_texts_get    (ThDayTexts *days,
                                 gint64      unix_time);
const char *th_day_texts_get_iso (ThDayTexts *days,
                                  const char *iso);

G_END_DECLS
