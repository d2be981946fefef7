/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The dialogs pages share: an error said in a message dialog, and a file
 * to save chosen with the desktop's own chooser. */

typedef void (*ThSaveFunc) (GtkWidget  *widget,
                            const char *path);

void th_dialogs_show_error (GtkWidget  *widget,
                            const char *heading,
                            const char *body);
void th_dialogs_save_as    (GtkWidget  *widget,
                            const char *title,
                            const char *name,
                            ThSaveFunc  save);

G_END_DECLS
