/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TH_TYPE_PASSWORD_ROW (th_password_row_get_type ())

G_DECLARE_FINAL_TYPE (ThPasswordRow, th_password_row, TH, PASSWORD_ROW, AdwActionRow)

GtkWidget *th_password_row_new (void);

G_END_DECLS
