/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The statistics every benchmark reports, and the RESULT line
 * run-benchmarks.sh gathers:
 *   RESULT <tab> label <tab> metric <tab> median <tab> min <tab> max <tab> n */

#include "config.h"

#include <stdio.h>

#include "bench-samples.h"

double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

void
bench_add_sample (GArray *samples,
                  double  value)
{
  g_array_append_val (samples, value);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest rank: the smallest sample with at least @percent of the samples
 * at or below it. */
double
bench_percentile (GArray *samples,
                  double  percent)
{
  guint rank;

  g_assert (samples->len > 0);
  g_array_sort (samples, compare_doubles);
  rank = (guint) MAX (1.0, (percent / 100.0) * samples->len + 0.999999);
  return g_array_index (samples, double, MIN (rank, samples->len) - 1);
}

double
bench_median (GArray *samples)
{
  g_assert (samples->len > 0);
  g_array_sort (samples, compare_doubles);
  if (samples->len % 2 == 1)
    return g_array_index (samples, double, samples->len / 2);
  return (g_array_index (samples, double, samples->len / 2 - 1) +
          g_array_index (samples, double, samples->len / 2)) / 2.0;
}

double
bench_minimum (GArray *samples)
{
  return bench_percentile (samples, 0);
}

double
bench_maximum (GArray *samples)
{
  return bench_percentile (samples, 100);
}

void
bench_print_result (const char *label,
                    const char *metric,
                    GArray     *samples)
{
  printf ("RESULT\t%s\t%s\t%.3f\t%.3f\t%.3f\t%u\n", label, metric, bench_median (samples),
          bench_minimum (samples), bench_maximum (samples), samples->len);
}
