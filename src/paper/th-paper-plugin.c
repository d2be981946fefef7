/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-paper"

#include "config.h"

#include <gmodule.h>

#include "th-huddle-sheet.h"
#include "th-paper-module.h"
#include "th-transcript.h"

/* The module's one entry point: what the core asks of it (th-paper-module.h). */

G_MODULE_EXPORT const ThPaperFuncs *th_paper_module_query (void);

const ThPaperFuncs *
th_paper_module_query (void)
{
  static const ThPaperFuncs funcs = { th_transcript_write_pdf, th_huddle_sheet_write_pdf };

  return &funcs;
}
