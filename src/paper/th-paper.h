/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* What a PDF says about itself, for a document manager or a search. */
typedef struct
{
  const char *title;
  const char *subject;
  const char *author;    /* the organisation; nullable: "Threshold" */
} ThPaperInfo;

/* A PDF being written, top to bottom, on pages of the locale's size. */
typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  double       width;    /* of the page, in points */
  double       height;
  double       margin;
  double       y;        /* where the next line goes */
} ThPaper;

ThPaper       *th_paper_new             (const char        *path,
                                         const ThPaperInfo *info);
cairo_status_t th_paper_finish          (ThPaper           *paper);

double         th_paper_get_line_width  (ThPaper           *paper);
double         th_paper_get_bottom      (ThPaper           *paper);
void           th_paper_new_page        (ThPaper           *paper);
void           th_paper_ensure_room     (ThPaper           *paper,
                                         double             needed);
void           th_paper_advance         (ThPaper           *paper,
                                         double             height);
double         th_paper_measure         (ThPaper           *paper,
                                         const char        *markup,
                                         const char        *font,
                                         double             width,
                                         int                max_lines);
int            th_paper_count_lines     (ThPaper           *paper,
                                         const char        *markup,
                                         const char        *font,
                                         double             width);
double         th_paper_draw            (ThPaper           *paper,
                                         const char        *markup,
                                         const char        *font,
                                         double             x,
                                         double             width,
                                         int                max_lines);
void           th_paper_draw_line       (ThPaper           *paper,
                                         const char        *markup,
                                         const char        *font);
void           th_paper_draw_text       (ThPaper           *paper,
                                         const char        *text,
                                         const char        *font);

G_END_DECLS
