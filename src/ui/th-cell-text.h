/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-cell-font.h"

G_BEGIN_DECLS

#define TH_TYPE_CELL_TEXT (th_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (ThCellText, th_cell_text, TH, CELL_TEXT, GtkWidget)

GtkWidget  *th_cell_text_new      (ThCellFont *font,
                                   guint       min_chars,
                                   guint       nat_chars);
const char *th_cell_text_get_text (ThCellText *self);
void        th_cell_text_set_text (ThCellText *self,
                                   const char *text);

G_END_DECLS
