/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*ThUiCheck) (GtkWindow *window);

void       th_ui_test_init            (void);
void       th_ui_run_application      (const char  *database,
                                       const char  *extra_arg,
                                       ThUiCheck    check);
void       th_ui_spin                 (guint        milliseconds);
GtkWidget *th_ui_find                 (GtkWidget   *root,
                                       GType        type,
                                       const char  *text);
GtkWidget *th_ui_wait_for             (GtkWidget   *root,
                                       GType        type,
                                       const char  *text);
void       th_ui_click                (GtkWidget   *root,
                                       const char  *label);
GtkWindow *th_ui_wait_for_toplevel    (GType        type);
void       th_ui_fill_row             (GtkWidget   *root,
                                       GType        type,
                                       const char  *title,
                                       const char  *text);
char      *th_ui_widget_text          (GtkWidget   *widget);
void       th_ui_save_png             (GtkWindow   *window,
                                       const char  *path);
void       th_ui_create_profile       (GtkWindow   *window,
                                       const char  *name);

G_END_DECLS
