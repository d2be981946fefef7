/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-unlock-gate"

#include "config.h"

#include "th-unlock-gate.h"

/* Whole seconds to wait before the next try is allowed, 0 if none. */
guint
th_unlock_gate_get_wait (const ThUnlockGate *gate,
                         gint64              now)
{
  if (now >= gate->not_before)
    return 0;
  return (guint) ((gate->not_before - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

void
th_unlock_gate_record (ThUnlockGate *gate,
                       gboolean      success,
                       gint64        now)
{
  guint seconds;

  if (success)
    {
      gate->failures = 0;
      gate->not_before = 0;
      return;
    }
  gate->failures++;
  seconds = gate->failures > 7 ? TH_UNLOCK_GATE_MAX_WAIT_SECONDS
                               : MIN (1u << (gate->failures - 1), TH_UNLOCK_GATE_MAX_WAIT_SECONDS);
  gate->not_before = now + (gint64) seconds * G_USEC_PER_SEC;
}
