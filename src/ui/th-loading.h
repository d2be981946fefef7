/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean th_loading_replace (GCancellable **current,
                             GCancellable  *next,
                             GtkSpinner    *spinner);

G_END_DECLS
