/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* json-glib parses nested arrays and objects by recursion, without a
 * bound: a file or an answer of a hundred thousand "[" overflows the
 * stack. Everything Threshold reads as JSON is checked with this first. */

#define TH_JSON_MAX_DEPTH 64

gboolean th_json_depth_within (const char *data,
                               gsize       length,
                               guint       max_depth);

G_END_DECLS
