/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-completion-matrix.h"
#include "th-insights.h"

G_BEGIN_DECLS

char    *th_report_dup_author       (ThStore             *store,
                                     GError             **error);
gboolean th_report_write_csv        (ThCompletionMatrix  *matrix,
                                     const char          *path,
                                     GError             **error);
gboolean th_report_write_insights_csv (ThInsights       *insights,
                                       const char       *path,
                                       GError          **error);
gboolean th_report_write_insights_pdf (ThInsights          *insights,
                                       const ThRecordScope *scope,
                                       const char          *author,
                                       const char          *path,
                                       GError             **error);
gboolean th_report_write_transcript (ThCompletionMatrix  *matrix,
                                     gint64               learner_id,
                                     const char          *path,
                                     GError             **error);
gboolean th_report_write_transcript_full (ThCompletionMatrix  *matrix,
                                          gint64               learner_id,
                                          const char          *author,
                                          const char          *path,
                                          GError             **error);

G_END_DECLS
