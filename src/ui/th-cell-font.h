/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TH_TYPE_CELL_FONT (th_cell_font_get_type ())

G_DECLARE_FINAL_TYPE (ThCellFont, th_cell_font, TH, CELL_FONT, GObject)

ThCellFont  *th_cell_font_new             (GtkWidget  *widget);
PangoLayout *th_cell_font_create_layout   (ThCellFont *self);
PangoLayout *th_cell_font_get_layout      (ThCellFont *self,
                                           const char *text);
int          th_cell_font_get_char_width  (ThCellFont *self);
int          th_cell_font_get_line_height (ThCellFont *self);
void         th_cell_font_measure         (ThCellFont *self,
                                           const char *text,
                                           int        *width,
                                           int        *height);

G_END_DECLS
