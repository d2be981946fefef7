/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-completion-matrix.h"
#include "th-insights.h"

G_BEGIN_DECLS

/* Writing a PDF needs Cairo and Pango, and through them two dozen
 * libraries (fonts, shaping, images, X11) that no other command needs:
 * they live in a module (src/paper) loaded the first time a PDF is
 * written. What needs no drawing, the paper the locale names, stays here. */

#define TH_PAPER_ERROR (th_paper_error_quark ())

typedef enum
{
  TH_PAPER_ERROR_MODULE,   /* the module is missing */
} ThPaperError;

/* The page size of the locale, in points. */
typedef struct
{
  double width;
  double height;
} ThPaperSize;

typedef struct
{
  /* The transcript of @learner_id, with its certificate once signed off
   * (th_report_write_transcript_full()). */
  gboolean (*write_transcript)   (ThCompletionMatrix  *matrix,
                                  gint64               learner_id,
                                  const char          *author,
                                  const char          *path,
                                  GError             **error);
  /* The insights' huddle sheet (th_report_write_insights_pdf()). */
  gboolean (*write_huddle_sheet) (ThInsights          *insights,
                                  const ThRecordScope *scope,
                                  const char          *author,
                                  const char          *path,
                                  GError             **error);
} ThPaperFuncs;

GQuark              th_paper_error_quark     (void);
ThPaperSize         th_paper_size_for_locale (void);
const ThPaperFuncs *th_paper_module_get      (GError **error);

G_END_DECLS
