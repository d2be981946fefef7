/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-paper"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "th-paper.h"
#include "th-paper-module.h"

/* The pages every PDF of Threshold is written on: the transcript, the
 * certificate and the huddle sheet. A clinic prints them on the paper in
 * its drawer, which is the paper its locale names (LC_PAPER). */

#define MARGIN 56.0
#define LINE_GAP 6.0

static void
set_metadata (cairo_surface_t   *surface,
              const ThPaperInfo *info)
{
  const char *author = info->author && *info->author ? info->author : "Threshold";

  if (info->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, info->title);
  if (info->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, info->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Threshold " PACKAGE_VERSION);
}

/**
 * th_paper_new:
 *
 * Starts a PDF at @path on the locale's paper. A path that cannot be
 * written shows only when th_paper_finish() reports it: cairo draws on
 * nothing until then.
 */
ThPaper *
th_paper_new (const char        *path,
              const ThPaperInfo *info)
{
  ThPaperSize size = th_paper_size_for_locale ();
  cairo_surface_t *surface;
  ThPaper *paper;

  g_return_val_if_fail (path != NULL && info != NULL, NULL);

  surface = cairo_pdf_surface_create (path, size.width, size.height);
  paper = g_new0 (ThPaper, 1);
  set_metadata (surface, info);
  paper->cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  paper->layout = pango_cairo_create_layout (paper->cr);
  paper->width = size.width;
  paper->height = size.height;
  paper->margin = MARGIN;
  paper->y = MARGIN;
  cairo_set_source_rgb (paper->cr, 0.1, 0.1, 0.1);
  return paper;
}

/**
 * th_paper_finish:
 *
 * Writes the last page, closes the file and frees @paper.
 *
 * Returns: %CAIRO_STATUS_SUCCESS, or why the file could not be written
 */
cairo_status_t
th_paper_finish (ThPaper *paper)
{
  cairo_surface_t *surface = cairo_surface_reference (cairo_get_target (paper->cr));
  cairo_status_t status;

  g_object_unref (paper->layout);
  cairo_destroy (paper->cr);
  g_free (paper);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* The width between the margins. */
double
th_paper_get_line_width (ThPaper *paper)
{
  return paper->width - 2 * paper->margin;
}

/* Where the bottom margin begins. */
double
th_paper_get_bottom (ThPaper *paper)
{
  return paper->height - paper->margin;
}

void
th_paper_new_page (ThPaper *paper)
{
  cairo_show_page (paper->cr);
  paper->y = paper->margin;
}

/* Turns the page unless @needed points fit above the bottom margin. */
void
th_paper_ensure_room (ThPaper *paper,
                      double   needed)
{
  if (paper->y + needed > th_paper_get_bottom (paper))
    th_paper_new_page (paper);
}

/* Moves below something @height tall, and the gap after it. */
void
th_paper_advance (ThPaper *paper,
                  double   height)
{
  paper->y += height + LINE_GAP;
}

/* Sets up the layout for @markup; with @max_lines above 0, what does not
 * fit in that many lines ends in an ellipsis. */
static void
set_layout (ThPaper    *paper,
            const char *markup,
            const char *font,
            double      width,
            int         max_lines)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (paper->layout, description);
  pango_layout_set_width (paper->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_height (paper->layout, max_lines > 0 ? -max_lines : -1);
  pango_layout_set_ellipsize (paper->layout, max_lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_markup (paper->layout, markup, -1);
}

static double
layout_height (ThPaper *paper)
{
  int height;

  pango_layout_get_size (paper->layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* How tall @markup would be, drawn @width wide. */
double
th_paper_measure (ThPaper    *paper,
                  const char *markup,
                  const char *font,
                  double      width,
                  int         max_lines)
{
  set_layout (paper, markup, font, width, max_lines);
  return layout_height (paper);
}

/* How many lines @markup takes, drawn @width wide. */
int
th_paper_count_lines (ThPaper    *paper,
                      const char *markup,
                      const char *font,
                      double      width)
{
  set_layout (paper, markup, font, width, 0);
  return pango_layout_get_line_count (paper->layout);
}

/* Draws @markup at @x on the current line, wrapping at @width, without
 * moving down; returns its height. */
double
th_paper_draw (ThPaper    *paper,
               const char *markup,
               const char *font,
               double      x,
               double      width,
               int         max_lines)
{
  set_layout (paper, markup, font, width, max_lines);
  cairo_move_to (paper->cr, x, paper->y);
  pango_cairo_show_layout (paper->cr, paper->layout);
  return layout_height (paper);
}

/* Draws @markup between the margins and moves below it. */
void
th_paper_draw_line (ThPaper    *paper,
                    const char *markup,
                    const char *font)
{
  th_paper_advance (paper, th_paper_draw (paper, markup, font, paper->margin,
                                          th_paper_get_line_width (paper), 0));
}

void
th_paper_draw_text (ThPaper    *paper,
                    const char *text,
                    const char *font)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  th_paper_draw_line (paper, escaped, font);
}
