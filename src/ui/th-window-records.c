/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-window"

#include "config.h"

#include "th-store-statements.h"
#include "th-window-private.h"

/* The organisation's records: one sender for the window's store sends
 * what waits to the organisation's Learning Record Store and fetches the
 * other workstations' records, on workers, every few minutes once a store
 * is set up. Nothing here waits for the network. */

/* Records fetched from other workstations show in the matrix on show. */
static void
on_round_finished (ThLrsSender  *sender,
                   ThSyncReport *report,
                   GError       *error,
                   ThWindow     *self)
{
  g_assert (TH_IS_WINDOW (self));

  if (report->merged.added > 0 && self->supervisor_id != 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "supervisor") == 0)
    th_window_show_supervisor_view (self);
}

void
th_window_records_stop (ThWindow *self)
{
  if (self->sender == NULL)
    return;
  /* A round that ends after this reports to no one. */
  g_signal_handlers_disconnect_by_data (self->sender, self);
  th_lrs_sender_stop (self->sender);
  g_clear_object (&self->sender);
}

/* A new sender for the store and curriculum the window has now, sending
 * if a Learning Record Store is set up. Called whenever either changes. */
void
th_window_records_update (ThWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;

  th_window_records_stop (self);
  if (self->store == NULL || self->catalog == NULL)
    return;
  self->sender = th_lrs_sender_new (th_store_get_path (self->store), self->catalog);
  g_signal_connect (self->sender, "round-finished", G_CALLBACK (on_round_finished), self);
  endpoint = th_store_dup_setting (self->store, TH_STORE_LRS_ENDPOINT_KEY, &error);
  if (error != NULL)
    g_warning ("The settings of the Learning Record Store cannot be read: %s", error->message);
  if (endpoint != NULL)
    th_lrs_sender_start (self->sender);
}
