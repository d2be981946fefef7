/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       th_accessibility_fix_mnemonic_names    (GtkWidget      *widget);
void       th_accessibility_name_by_tooltip       (GtkWidget      *widget);
void       th_accessibility_name_drop_down        (GtkDropDown    *drop_down);
void       th_accessibility_name_menus            (GtkWidget      *widget);
void       th_accessibility_track_expanded        (AdwExpanderRow *row);
void       th_accessibility_set_cell_row          (GtkWidget      *cell_child,
                                                   const char     *name,
                                                   const char     *description);
GtkWidget *th_accessibility_fix_column_view_header (GtkColumnView  *view,
                                                   const char     *name);

G_END_DECLS
