/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Timings in milliseconds, kept in a GArray of double. */
double bench_ms_since     (gint64      start);
void   bench_add_sample   (GArray     *samples,
                           double      value);
double bench_percentile   (GArray     *samples,
                           double      percent);
double bench_median       (GArray     *samples);
double bench_minimum      (GArray     *samples);
double bench_maximum      (GArray     *samples);
void   bench_print_result (const char *label,
                           const char *metric,
                           GArray     *samples);

G_END_DECLS
