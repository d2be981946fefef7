/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-refresher"

#include "config.h"

#include "th-refresher.h"

/* When a completion needs refreshing, and which moments a refresher asks
 * about. Both take their clock and their randomness from the caller, so a
 * test can fix them. */

#define SECONDS_PER_DAY 86400

/* Days since 1970-01-01 of a proleptic Gregorian date and back, in whole
 * numbers (H. Hinnant's civil-date algorithms): the matrix works out a
 * hundred thousand expiries, too many to make a GDateTime for each. */
static gint64
days_from_civil (gint64 year,
                 guint  month,
                 guint  day)
{
  gint64 era, year_of_era, day_of_year, day_of_era;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  year_of_era = year - era * 400;
  day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

static void
civil_from_days (gint64  days,
                 gint64 *year,
                 guint  *month,
                 guint  *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 day_of_era = z - era * 146097;
  gint64 year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  gint64 day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  gint64 mp = (5 * day_of_year + 2) / 153;

  *day = (guint) (day_of_year - (153 * mp + 2) / 5 + 1);
  *month = (guint) (mp < 10 ? mp + 3 : mp - 9);
  *year = year_of_era + era * 400 + (*month <= 2);
}

static guint
days_in_month (gint64 year,
               guint  month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : days[month - 1];
}

/**
 * th_refresher_get_expiry:
 * @completed_at: Unix time of the completion
 *
 * When a completion made at @completed_at expires: @months later, on the
 * same day of the month or the month's last day if it has fewer (as
 * g_date_time_add_months() counts), at the same time of day, in UTC.
 *
 * Returns: the Unix time of the expiry
 */
gint64
th_refresher_get_expiry (gint64 completed_at,
                         guint  months)
{
  gint64 days = completed_at / SECONDS_PER_DAY - (completed_at % SECONDS_PER_DAY < 0);
  gint64 seconds = completed_at - days * SECONDS_PER_DAY;
  gint64 year, total;
  guint month, day;

  civil_from_days (days, &year, &month, &day);
  total = year * 12 + (month - 1) + months;
  year = total / 12;
  month = (guint) (total % 12) + 1;
  day = MIN (day, days_in_month (year, month));
  return days_from_civil (year, month, day) * SECONDS_PER_DAY + seconds;
}

/**
 * th_refresher_get_due_state_at:
 * @completed_at: Unix time of the completion
 * @now: Unix time
 * @expires_at: (out) (optional): Unix time the completion expires
 *
 * A completion expires @months after it was made: from then on a refresher
 * is due; in the 30 days before, it is due soon.
 */
ThDueState
th_refresher_get_due_state_at (gint64  completed_at,
                               guint   months,
                               gint64  now,
                               gint64 *expires_at)
{
  gint64 expiry = th_refresher_get_expiry (completed_at, months);

  if (expires_at != NULL)
    *expires_at = expiry;
  if (now >= expiry)
    return TH_DUE_EXPIRED;
  if (now >= expiry - TH_REFRESHER_DUE_SOON_DAYS * SECONDS_PER_DAY)
    return TH_DUE_SOON;
  return TH_DUE_CURRENT;
}

/**
 * th_refresher_get_due_state:
 * @expires_at: (out) (optional) (transfer full): when the completion
 *   expires
 *
 * th_refresher_get_due_state_at() for GDateTimes.
 */
ThDueState
th_refresher_get_due_state (GDateTime  *completed_at,
                            guint       months,
                            GDateTime  *now,
                            GDateTime **expires_at)
{
  gint64 expiry;
  ThDueState state = th_refresher_get_due_state_at (g_date_time_to_unix (completed_at), months,
                                                    g_date_time_to_unix (now), &expiry);

  if (expires_at != NULL)
    *expires_at = g_date_time_new_from_unix_utc (expiry);
  return state;
}

static void
collect_branch (const ThQuiz *quiz,
                guint         index,
                GPtrArray    *ids)
{
  const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, index);

  /* The loader refuses loops without an exit, but a loop with one may
   * revisit: count each moment once. */
  if (g_ptr_array_find_with_equal_func (ids, scenario->id, g_str_equal, NULL))
    return;
  g_ptr_array_add (ids, scenario->id);
  for (guint i = 0; i < scenario->choices->len; i++)
    {
      const ThChoice *choice = g_ptr_array_index (scenario->choices, i);
      int next = choice->next ? th_quiz_find_scenario_index (quiz, choice->next) : -1;

      if (next >= 0)
        collect_branch (quiz, next, ids);
    }
}

/* How much a branch is worth asking again: 4 for one never seen or last
 * answered with nothing right, down to 1 for one answered best throughout.
 * @history maps a scenario id to the learner's latest share of its points,
 * from 0 to 1. */
static double
branch_weight (const ThQuiz *quiz,
               guint         entry,
               GHashTable   *history)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  double worst = 1.0;
  gboolean seen = FALSE;

  collect_branch (quiz, entry, ids);
  for (guint i = 0; i < ids->len; i++)
    {
      gpointer ratio = history ? g_hash_table_lookup (history, ids->pdata[i]) : NULL;

      if (ratio != NULL)
        {
          seen = TRUE;
          worst = MIN (worst, *(double *) ratio);
        }
    }
  return seen ? 1.0 + 3.0 * (1.0 - CLAMP (worst, 0.0, 1.0)) : 4.0;
}

typedef struct
{
  guint  index;    /* of the entry scenario in the quiz */
  double weight;
  gboolean chosen;
} Candidate;

/* Draws @size candidates, each with a chance in proportion to its weight. */
static void
draw (GArray *candidates,
      guint   size,
      GRand  *rand)
{
  for (guint k = 0; k < size; k++)
    {
      double total = 0, point;

      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *c = &g_array_index (candidates, Candidate, i);
          total += c->chosen ? 0 : c->weight;
        }
      point = g_rand_double_range (rand, 0, total);
      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *c = &g_array_index (candidates, Candidate, i);

          if (c->chosen)
            continue;
          if (point < c->weight || i == candidates->len - 1)
            {
              c->chosen = TRUE;
              break;
            }
          point -= c->weight;
        }
    }
}

static gboolean
same_as (const ThQuiz *quiz,
         GArray       *candidates,
         GStrv         last)
{
  guint chosen = 0;

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, c->index);

      if (!c->chosen)
        continue;
      chosen++;
      if (!g_strv_contains ((const char * const *) last, scenario->id))
        return FALSE;
    }
  return chosen == g_strv_length (last);
}

/* Trades the weakest chosen branch for the strongest left out. */
static void
swap_one (GArray *candidates)
{
  Candidate *weakest = NULL, *strongest = NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      if (c->chosen && (weakest == NULL || c->weight < weakest->weight))
        weakest = c;
      if (!c->chosen && (strongest == NULL || c->weight > strongest->weight))
        strongest = c;
    }
  if (weakest != NULL && strongest != NULL)
    weakest->chosen = FALSE, strongest->chosen = TRUE;
}

/**
 * th_refresher_select:
 * @size: how many branches to ask
 * @history: (nullable): scenario id → the learner's latest share of its
 *   points (a pointer to a double)
 * @last_set: (nullable): the previous refresher's branches, separated by
 *   spaces
 * @seed: the same seed, history and last set give the same selection
 *
 * Picks the branches of a refresher: whole branching scenarios (each
 * entry scenario brings its follow-ups), favouring those never seen and
 * those answered poorly, never the same set as @last_set when the quiz has
 * more than @size branches.
 *
 * Returns: (transfer full): the entry scenario ids, in the quiz's order
 */
GStrv
th_refresher_select (const ThQuiz *quiz,
                     guint         size,
                     GHashTable   *history,
                     const char   *last_set,
                     guint32       seed)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_auto(GStrv) last = g_strsplit (last_set ? last_set : "", " ", -1);
  g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();

  g_return_val_if_fail (quiz != NULL, NULL);

  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      const ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);
      Candidate c = { i, 0, FALSE };

      if (scenario->follow_up)
        continue;
      c.weight = branch_weight (quiz, i, history);
      g_array_append_val (candidates, c);
    }

  size = MIN (size, candidates->len);
  draw (candidates, size, rand);
  if (size < candidates->len && same_as (quiz, candidates, last))
    swap_one (candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      if (c->chosen)
        g_strv_builder_add (chosen, ((ThScenario *) quiz->scenarios->pdata[c->index])->id);
    }
  return g_strv_builder_end (chosen);
}
