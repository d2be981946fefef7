/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-report"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "th-day-texts.h"
#include "th-paper.h"
#include "th-transcript.h"

/* A learner's transcript for HR and for the learner: every module with
 * its status, score and dates, the sign-off, and a certificate page once
 * signed off. */

typedef struct
{
  ThPaper    *paper;
  ThDayTexts  days;
} Transcript;

/* The module's title on the left, its status on the right, the row as
 * tall as the taller of the two. */
static void
draw_module (Transcript   *transcript,
             ThModule     *module,
             ThMatrixCell *cell)
{
  ThPaper *paper = transcript->paper;
  ThDayTexts *days = &transcript->days;
  double width = th_paper_get_line_width (paper);
  double column = width * 0.58;
  double title_height, status_height;
  g_autofree char *title = th_module_get_required (module)
    ? g_markup_escape_text (th_module_get_title (module), -1)
    : g_markup_printf_escaped (_("%s (optional)"), th_module_get_title (module));
  g_autofree char *status = cell->completed_at
    ? g_markup_printf_escaped (_("%s · %u%% · %s (renew by %s)"), th_cell_state_describe (cell->state),
                               cell->percent, th_day_texts_get (days, cell->completed_at),
                               th_day_texts_get (days, cell->expires_at))
    : cell->state == TH_CELL_NOT_PASSED
    /* TRANSLATORS: "Not passed yet", the score of the latest attempt, its day */
    ? g_markup_printf_escaped (_("%s · %u%% · %s"), th_cell_state_describe (cell->state),
                               cell->percent, th_day_texts_get (days, cell->tried_at))
    : g_markup_escape_text (th_cell_state_describe (cell->state), -1);

  th_paper_ensure_room (paper, 40);
  title_height = th_paper_draw (paper, title, "Sans 10", paper->margin, column - 10, 0);
  status_height = th_paper_draw (paper, status, "Sans 10", paper->margin + column, width - column, 0);
  th_paper_advance (paper, MAX (title_height, status_height));
}

/* Who signed off onboarding and when, or where it stands; on the last
 * page when it fits there. */
static void
draw_sign_off (Transcript  *transcript,
               ThMatrixRow *row)
{
  ThPaper *paper = transcript->paper;
  const char *at = th_matrix_row_get_signed_off_at (row);
  g_autofree char *line = at != NULL
    ? g_strdup_printf (_("Onboarding signed off by %s on %s."), th_matrix_row_get_signed_off_by (row),
                       th_day_texts_get_iso (&transcript->days, at))
    : g_strdup (th_onboarding_state_describe (th_matrix_row_get_onboarding (row)));
  g_autofree char *escaped = g_markup_escape_text (line, -1);

  th_paper_ensure_room (paper, th_paper_measure (paper, escaped, "Sans Bold 11",
                                                 th_paper_get_line_width (paper), 0));
  th_paper_draw_line (paper, escaped, "Sans Bold 11");
}

static void
draw_transcript (Transcript  *transcript,
                 GPtrArray   *modules,
                 ThMatrixRow *row)
{
  ThPaper *paper = transcript->paper;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *printed = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *line = g_strdup_printf (_("Printed %s"), printed);

  th_paper_draw_text (paper, _("Training Transcript"), "Sans Bold 20");
  th_paper_draw_text (paper, th_matrix_row_get_display_name (row), "Sans Bold 14");
  th_paper_draw_text (paper, line, "Sans 9");
  paper->y += 12;
  for (guint i = 0; i < modules->len; i++)
    draw_module (transcript, modules->pdata[i], th_matrix_row_get_cell (row, i));

  paper->y += 12;
  draw_sign_off (transcript, row);
}

/* A page of its own, centred a third of the way down whatever the paper. */
static void
draw_certificate (Transcript  *transcript,
                  ThMatrixRow *row)
{
  ThPaper *paper = transcript->paper;
  const char *day = th_day_texts_get_iso (&transcript->days, th_matrix_row_get_signed_off_at (row));
  g_autofree char *by = g_strdup_printf (_("Signed off by %s on %s"),
                                         th_matrix_row_get_signed_off_by (row), day);

  th_paper_new_page (paper);
  paper->y = paper->height / 3;
  pango_layout_set_alignment (paper->layout, PANGO_ALIGN_CENTER);
  th_paper_draw_text (paper, _("Certificate of Completion"), "Serif Bold 28");
  paper->y += 24;
  th_paper_draw_text (paper, th_matrix_row_get_display_name (row), "Serif Bold 22");
  paper->y += 12;
  th_paper_draw_text (paper, _("has completed onboarding in harm-reduction-informed care: the six principles "
                               "and the eight themes of the Threshold curriculum."), "Serif 13");
  paper->y += 36;
  th_paper_draw_text (paper, by, "Serif Italic 12");
}

/**
 * th_transcript_write_pdf:
 *
 * th_report_write_transcript_full(), drawn.
 */
gboolean
th_transcript_write_pdf (ThCompletionMatrix  *matrix,
                         gint64               learner_id,
                         const char          *author,
                         const char          *path,
                         GError             **error)
{
  ThMatrixRow *row;
  g_autofree char *title = NULL;
  ThPaperInfo info = { NULL, _("Training in harm-reduction-informed care: modules, scores and sign-off"),
                       author };
  Transcript transcript = { NULL, { NULL, NULL } };
  cairo_status_t status;

  row = th_completion_matrix_find_row (matrix, learner_id);
  if (row == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, learner_id);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no learner %s"), number);
      return FALSE;
    }

  /* TRANSLATORS: the title of a transcript's PDF, with the learner's name */
  info.title = title = g_strdup_printf (_("Training transcript of %s"), th_matrix_row_get_display_name (row));
  transcript.paper = th_paper_new (path, &info);
  th_day_texts_init (&transcript.days);
  draw_transcript (&transcript, th_completion_matrix_get_modules (matrix), row);
  if (th_matrix_row_get_signed_off_at (row) != NULL)
    draw_certificate (&transcript, row);
  th_day_texts_clear (&transcript.days);

  status = th_paper_finish (transcript.paper);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the transcript to %s: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
