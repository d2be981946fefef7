/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-completion-matrix.h"

G_BEGIN_DECLS

gboolean th_transcript_write_pdf (ThCompletionMatrix  *matrix,
                                  gint64               learner_id,
                                  const char          *author,
                                  const char          *path,
                                  GError             **error);

G_END_DECLS
