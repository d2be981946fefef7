/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void th_accessibility_fix_mnemonic_names (GtkWidget *widget);
void th_accessibility_name_by_tooltip    (GtkWidget *widget);

G_END_DECLS
