/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "th-record-scope.h"

/**
 * th_record_scope_is_day:
 *
 * Returns: whether @day is a day as the insights take it: YYYY-MM-DD
 */
gboolean
th_record_scope_is_day (const char *day)
{
  g_autofree char *midnight = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (day == NULL || strlen (day) != 10)
    return FALSE;
  midnight = g_strconcat (day, "T00:00:00Z", NULL);
  when = g_date_time_new_from_iso8601 (midnight, NULL);
  return when != NULL;
}

/**
 * th_record_scope_dup:
 *
 * Returns: (transfer full): a copy of @scope that owns its days, to keep
 *   past the call (on a worker, say); free it with th_record_scope_free()
 */
ThRecordScope *
th_record_scope_dup (const ThRecordScope *scope)
{
  ThRecordScope *copy = g_memdup2 (scope, sizeof *scope);

  copy->since = g_strdup (scope->since);
  copy->until = g_strdup (scope->until);
  return copy;
}

/* Frees a th_record_scope_dup(), whose days are its own. */
void
th_record_scope_free (ThRecordScope *scope)
{
  if (scope == NULL)
    return;
  g_free ((char *) scope->since);
  g_free ((char *) scope->until);
  g_free (scope);
}

/**
 * th_record_scope_dup_period:
 * @scope: (nullable): the records
 *
 * Returns: (transfer full): the period in words: "From 2026-01-01 to
 *   2026-03-31", or "All records"
 */
char *
th_record_scope_dup_period (const ThRecordScope *scope)
{
  const char *since = scope ? scope->since : NULL;
  const char *until = scope ? scope->until : NULL;

  if (since != NULL && until != NULL)
    return g_strdup_printf (_("From %s to %s"), since, until);
  if (since != NULL)
    /* TRANSLATORS: a period with no end: every record since the day */
    return g_strdup_printf (_("From %s on"), since);
  if (until != NULL)
    /* TRANSLATORS: a period with no start: every record up to the day */
    return g_strdup_printf (_("Up to %s"), until);
  return g_strdup (_("All records"));
}
