/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *th_text_rows_create_label  (const char *markup);
GtkWidget *th_text_rows_create_holder (GtkWidget  *child);

G_END_DECLS
