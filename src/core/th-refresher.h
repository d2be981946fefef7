/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "th-quiz.h"

G_BEGIN_DECLS

/* A completion is "due soon" this many days before it expires. */
#define TH_REFRESHER_DUE_SOON_DAYS 30
#define TH_REFRESHER_DEFAULT_MONTHS 12

typedef enum
{
  TH_DUE_CURRENT,
  TH_DUE_SOON,
  TH_DUE_EXPIRED,
} ThDueState;

ThDueState  th_refresher_get_due_state (GDateTime          *completed_at,
                                        guint               months,
                                        GDateTime          *now,
                                        GDateTime         **expires_at);
gint64      th_refresher_get_expiry    (gint64              completed_at,
                                        guint               months);
ThDueState  th_refresher_get_due_state_at (gint64           completed_at,
                                        guint               months,
                                        gint64              now,
                                        gint64             *expires_at);
GStrv       th_refresher_select        (const ThQuiz       *quiz,
                                        guint               size,
                                        GHashTable         *history,
                                        const char         *last_set,
                                        guint32             seed);

G_END_DECLS
