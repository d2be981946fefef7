/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The dialogs pages share: an error said in a message dialog, and a file
 * to save chosen with the desktop's own chooser. */

typedef void (*ThSaveFunc) (GtkWidget  *widget,
                            const char *path);

/* A page's action that saves a file: @action_name asks where, with the
 * desktop's chooser, offering @file_name; @path_action_name, where there
 * is one, takes the path as a bytestring ("ay"), for tests. @title and
 * @file_name are marked with N_() and translated when asked. */
typedef struct
{
  const char *action_name;
  const char *path_action_name;
  const char *title;
  const char *file_name;
  ThSaveFunc  save;
} ThSaveAction;

void th_dialogs_show_error                (GtkWidget          *widget,
                                           const char         *heading,
                                           const char         *body);
void th_dialogs_class_install_save_action (GtkWidgetClass     *widget_class,
                                           const ThSaveAction *action);

G_END_DECLS
