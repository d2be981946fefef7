/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-report"

#include "config.h"

#include "th-day-texts.h"

/* Shared by the CSV report (in the core) and the PDF transcript (in the
 * paper module). */

void
th_day_texts_init (ThDayTexts *days)
{
  days->zone = g_time_zone_new_local ();
  days->texts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
}

void
th_day_texts_clear (ThDayTexts *days)
{
  g_clear_pointer (&days->zone, g_time_zone_unref);
  g_clear_pointer (&days->texts, g_hash_table_unref);
}

/* The local day of @unix_time, or "" for none. */
const char *
th_day_texts_get (ThDayTexts *days,
                  gint64      unix_time)
{
  int interval;
  gint64 local, day;
  char *text;

  if (unix_time == 0)
    return "";
  interval = g_time_zone_find_interval (days->zone, G_TIME_TYPE_UNIVERSAL, unix_time);
  local = unix_time + g_time_zone_get_offset (days->zone, interval);
  day = local / 86400 - (local % 86400 < 0);
  text = g_hash_table_lookup (days->texts, GINT_TO_POINTER ((int) day));
  if (text == NULL)
    {
      g_autoptr(GDateTime) midnight = g_date_time_new_from_unix_utc (day * 86400);

      text = g_date_time_format (midnight, "%Y-%m-%d");
      g_hash_table_insert (days->texts, GINT_TO_POINTER ((int) day), text);
    }
  return text;
}

/* The local day of an ISO 8601 time, or "" for none. */
const char *
th_day_texts_get_iso (ThDayTexts *days,
                      const char *iso)
{
  g_autoptr(GDateTime) when = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  return th_day_texts_get (days, when ? g_date_time_to_unix (when) : 0);
}
