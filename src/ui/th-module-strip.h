/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "th-cell-font.h"
#include "th-matrix-phrases.h"
#include "th-matrix-row.h"

G_BEGIN_DECLS

#define TH_TYPE_MODULE_STRIP (th_module_strip_get_type ())

G_DECLARE_FINAL_TYPE (ThModuleStrip, th_module_strip, TH, MODULE_STRIP, GtkWidget)

GtkWidget *th_module_strip_new            (ThMatrixPhrases *phrases,
                                           ThCellFont      *font);
void       th_module_strip_set_row        (ThModuleStrip   *self,
                                           ThMatrixRow     *row);
int        th_module_strip_get_min_height (void);

G_END_DECLS
