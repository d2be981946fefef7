/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-loading"

#include "config.h"

#include "th-loading.h"

/**
 * th_loading_replace:
 * @current: where a page keeps the read under way (owned, or %NULL)
 * @next: (nullable): the read that starts now, or %NULL when none does
 * @spinner: turns while a read is under way
 *
 * Pages read on a worker thread, one read at a time: a newer read, or
 * none, gives up the one before, whose answer then never shows.
 *
 * Returns: whether a read being under way changed, for the page to
 *   notify its "loading" property, which tests wait on
 */
gboolean
th_loading_replace (GCancellable **current,
                    GCancellable  *next,
                    GtkSpinner    *spinner)
{
  gboolean was_loading = *current != NULL;

  if (*current != NULL)
    g_cancellable_cancel (*current);
  g_set_object (current, next);
  if (next != NULL)
    gtk_spinner_start (spinner);
  else
    gtk_spinner_stop (spinner);
  return was_loading != (next != NULL);
}
