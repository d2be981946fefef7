/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Slows down guessing: after each wrong passphrase the next try must wait
 * twice as long (1, 2, 4 … up to 60 seconds); a right one resets it. Times
 * are monotonic microseconds, given by the caller so tests can fix them. */
typedef struct
{
  guint  failures;
  gint64 not_before;
} ThUnlockGate;

#define TH_UNLOCK_GATE_MAX_WAIT_SECONDS 60

guint th_unlock_gate_get_wait    (const ThUnlockGate *gate,
                                  gint64              now);
void  th_unlock_gate_record      (ThUnlockGate       *gate,
                                  gboolean            success,
                                  gint64              now);

G_END_DECLS
