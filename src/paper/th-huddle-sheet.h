/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-insights.h"

G_BEGIN_DECLS

gboolean th_huddle_sheet_write_pdf (ThInsights          *insights,
                                    const ThRecordScope *scope,
                                    const char          *author,
                                    const char          *path,
                                    GError             **error);

G_END_DECLS
