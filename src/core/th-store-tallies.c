/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include "th-store-private.h"

/* What the team's insights read. The whole months of a period come from
 * the monthly tallies the triggers of schema version 11 keep; the days of
 * the period outside its whole months, answer by answer; and, unless they
 * count, the archived learners' answers in those months are taken away
 * (few: one look-up by learner). One learner's come answer by answer. */

/* Where a scope's records come from: the tallies' months (first to last,
 * "YYYY-MM"), two ranges of days read record by record ([from, before),
 * either may be empty: NULL), and the range whose archived learners'
 * records are taken away. Bound as ?1 archived count, ?2 ?3 the months,
 * ?4 ?5 and ?6 ?7 the ranges, ?8 ?9 the range taken away, ?10 the learner. */
typedef struct
{
  char *first_month;
  char *last_month;
  char *ranges[4];
  char *away[2];
} Sources;

static void
sources_clear (Sources *sources)
{
  g_free (sources->first_month);
  g_free (sources->last_month);
  for (guint i = 0; i < G_N_ELEMENTS (sources->ranges); i++)
    g_free (sources->ranges[i]);
  for (guint i = 0; i < G_N_ELEMENTS (sources->away); i++)
    g_free (sources->away[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sources, sources_clear)

static GDateTime *
new_day (const char *day)
{
  g_autofree char *midnight = g_strconcat (day, "T00:00:00Z", NULL);

  return g_date_time_new_from_iso8601 (midnight, NULL);
}

/* The month @months after @day's, as "YYYY-MM". */
static char *
dup_month (GDateTime *day,
           int        months)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (g_date_time_get_year (day), g_date_time_get_month (day), 1,
                                                    0, 0, 0);
  g_autoptr(GDateTime) moved = g_date_time_add_months (first, months);

  return g_date_time_format (moved, "%Y-%m");
}

/* The whole months from @since's to the one before @before's, where
 * @since and @before (the day after the last) may be NULL. */
static void
find_sources (const ThRecordScope *scope,
              Sources             *sources)
{
  g_autoptr(GDateTime) since = scope->since ? new_day (scope->since) : NULL;
  g_autoptr(GDateTime) last = scope->until ? new_day (scope->until) : NULL;
  g_autoptr(GDateTime) before = last ? g_date_time_add_days (last, 1) : NULL;
  char *lowest = g_strdup (""), *highest = g_strdup ("9999");

  if (since == NULL)
    sources->first_month = g_strdup ("0000-00");
  else
    sources->first_month = dup_month (since, g_date_time_get_day_of_month (since) == 1 ? 0 : 1);
  sources->last_month = before ? dup_month (before, -1) : g_strdup ("9999-99");
  if (scope->learner_id != 0 || strcmp (sources->first_month, sources->last_month) > 0)
    {
      /* No whole month: every record of the period, one by one. */
      g_free (sources->first_month);
      sources->first_month = g_strdup ("9999-99");
      sources->ranges[0] = since ? g_date_time_format (since, "%Y-%m-%d") : g_steal_pointer (&lowest);
      sources->ranges[1] = before ? g_date_time_format (before, "%Y-%m-%d") : g_steal_pointer (&highest);
    }
  else
    {
      if (since != NULL && g_date_time_get_day_of_month (since) != 1)
        {
          sources->ranges[0] = g_date_time_format (since, "%Y-%m-%d");
          sources->ranges[1] = g_strconcat (sources->first_month, "-01", NULL);
        }
      if (before != NULL && g_date_time_get_day_of_month (before) != 1)
        {
          sources->ranges[2] = g_date_time_format (before, "%Y-%m-01");
          sources->ranges[3] = g_date_time_format (before, "%Y-%m-%d");
        }
      sources->away[0] = g_strconcat (sources->first_month, "-01", NULL);
      sources->away[1] = before ? g_date_time_format (before, "%Y-%m-01") : g_strdup ("9999");
    }
  g_free (lowest);
  g_free (highest);
}

static gboolean
read_sources (ThStore              *self,
              const char           *sql,
              const ThRecordScope  *scope,
              ThStoreRowFunc        func,
              gpointer              user_data,
              GError              **error)
{
  g_auto(Sources) sources = { 0 };
  sqlite3_stmt *stmt = th_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  find_sources (scope, &sources);
  sqlite3_bind_int (stmt, 1, scope->archived || scope->learner_id != 0);
  sqlite3_bind_text (stmt, 2, sources.first_month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sources.last_month, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < G_N_ELEMENTS (sources.ranges); i++)
    sqlite3_bind_text (stmt, 4 + i, sources.ranges[i], -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < G_N_ELEMENTS (sources.away); i++)
    sqlite3_bind_text (stmt, 8 + i, sources.away[i], -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 10, scope->learner_id);
  return th_store_step_rows (self, stmt, func, user_data, error);
}

/* The calendar quarter of a time or month, "2026-Q2". */
#define QUARTER_SQL(when) \
  "substr (" when ", 1, 4) || '-Q' || ((CAST (substr (" when ", 6, 2) AS INTEGER) + 2) / 3)"

/* The records one by one: of the period's days outside its whole months
 * (and the learner's, for one learner). */
#define ONE_BY_ONE_SQL(when) \
  " JOIN learners AS l ON l.id = t.learner_id WHERE (?1 OR l.archived = 0)" \
  " AND ((" when " >= ?4 AND " when " < ?5) OR (" when " >= ?6 AND " when " < ?7))" \
  " AND (?10 = 0 OR t.learner_id = ?10)"

/* The archived learners' records in the tallies' months: from the
 * learners (CROSS JOIN keeps that order), not from every record of the
 * months by time. */
#define TAKEN_AWAY_SQL(when) \
  " WHERE NOT ?1 AND l.archived = 1 AND " when " >= ?8 AND " when " < ?9"

static const ThStoreColumn answer_group_columns[] = {
  { TH_STORE_COLUMN_TEXT, G_STRUCT_OFFSET (ThAnswerGroupRow, module_id) },
  { TH_STORE_COLUMN_TEXT, G_STRUCT_OFFSET (ThAnswerGroupRow, scenario_id) },
  { TH_STORE_COLUMN_TEXT, G_STRUCT_OFFSET (ThAnswerGroupRow, choice_ids) },
  { TH_STORE_COLUMN_INT, G_STRUCT_OFFSET (ThAnswerGroupRow, score) },
  { TH_STORE_COLUMN_INT, G_STRUCT_OFFSET (ThAnswerGroupRow, max_score) },
  { TH_STORE_COLUMN_TEXT, G_STRUCT_OFFSET (ThAnswerGroupRow, quarter) },
  { TH_STORE_COLUMN_INT, G_STRUCT_OFFSET (ThAnswerGroupRow, count) },
};

/**
 * th_store_read_answer_groups:
 *
 * Hands @func the answers in @scope, grouped by module, moment, what was
 * chosen, its score and the calendar quarter it was given in. The same
 * group may come more than once, and with a negative count: add them up.
 */
gboolean
th_store_read_answer_groups (ThStore               *self,
                             const ThRecordScope   *scope,
                             ThAnswerGroupRowFunc   func,
                             gpointer               user_data,
                             GError               **error)
{
  ThAnswerGroupRow row;
  ThStoreForward forward = {
    answer_group_columns, G_N_ELEMENTS (answer_group_columns), &row, (ThStoreForwardFunc) func, user_data
  };

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  return read_sources (self,
                       "SELECT module_id, scenario_id, choice_ids, score, max_score, " QUARTER_SQL ("month") ", n"
                       " FROM answer_tally WHERE month >= ?2 AND month <= ?3 AND n != 0"
                       " UNION ALL"
                       " SELECT t.module_id, a.scenario_id, a.choice_ids, a.score, a.max_score,"
                       "  " QUARTER_SQL ("a.answered_at") ", 1"
                       " FROM answers AS a JOIN attempts AS t ON t.id = a.attempt_id"
                       ONE_BY_ONE_SQL ("a.answered_at")
                       " UNION ALL"
                       " SELECT t.module_id, a.scenario_id, a.choice_ids, a.score, a.max_score,"
                       "  " QUARTER_SQL ("a.answered_at") ", -1"
                       " FROM learners AS l CROSS JOIN attempts AS t ON t.learner_id = l.id"
                       " CROSS JOIN answers AS a ON a.attempt_id = t.id"
                       TAKEN_AWAY_SQL ("a.answered_at"),
                       scope, th_store_forward_row, &forward, error);
}

static const ThStoreColumn attempt_group_columns[] = {
  { TH_STORE_COLUMN_TEXT, G_STRUCT_OFFSET (ThAttemptGroupRow, module_id) },
  { TH_STORE_COLUMN_INT, G_STRUCT_OFFSET (ThAttemptGroupRow, refresher) },
  { TH_STORE_COLUMN_INT, G_STRUCT_OFFSET (ThAttemptGroupRow, first) },
  { TH_STORE_COLUMN_INT, G_STRUCT_OFFSET (ThAttemptGroupRow, passed) },
  { TH_STORE_COLUMN_INT, G_STRUCT_OFFSET (ThAttemptGroupRow, percent) },
  { TH_STORE_COLUMN_INT, G_STRUCT_OFFSET (ThAttemptGroupRow, count) },
};

/**
 * th_store_read_attempt_groups:
 *
 * Hands @func the attempts finished in @scope, grouped by module, kind,
 * whether each was its learner's first at the module, whether it passed,
 * and its score; as th_store_read_answer_groups(), add them up.
 */
gboolean
th_store_read_attempt_groups (ThStore                *self,
                              const ThRecordScope    *scope,
                              ThAttemptGroupRowFunc   func,
                              gpointer                user_data,
                              GError                **error)
{
  ThAttemptGroupRow row;
  ThStoreForward forward = {
    attempt_group_columns, G_N_ELEMENTS (attempt_group_columns), &row, (ThStoreForwardFunc) func, user_data
  };

  g_return_val_if_fail (TH_IS_STORE (self), FALSE);
  return read_sources (self,
                       "SELECT module_id, refresher, first, passed, percent, n"
                       " FROM attempt_tally WHERE month >= ?2 AND month <= ?3 AND n != 0"
                       " UNION ALL"
                       " SELECT t.module_id, t.kind = 'refresher', " TH_STORE_FIRST_SQL ("t") ","
                       "  ifnull (t.passed, 0), " TH_STORE_PERCENT_SQL ("t") ", 1 FROM attempts AS t"
                       ONE_BY_ONE_SQL ("t.finished_at")
                       " UNION ALL"
                       " SELECT t.module_id, t.kind = 'refresher', " TH_STORE_FIRST_SQL ("t") ","
                       "  ifnull (t.passed, 0), " TH_STORE_PERCENT_SQL ("t") ", -1"
                       " FROM learners AS l CROSS JOIN attempts AS t ON t.learner_id = l.id"
                       TAKEN_AWAY_SQL ("t.finished_at"),
                       scope, th_store_forward_row, &forward, error);
}
