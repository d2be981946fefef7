/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-catalog.h"
#include "th-store.h"

G_BEGIN_DECLS

#define TH_TYPE_WINDOW (th_window_get_type ())

G_DECLARE_FINAL_TYPE (ThWindow, th_window, TH, WINDOW, AdwApplicationWindow)

ThWindow *th_window_new        (GtkApplication *application);
void      th_window_set_catalog (ThWindow      *self,
                                ThCatalog      *catalog);
void      th_window_set_store  (ThWindow       *self,
                                ThStore        *store);
void      th_window_show_error (ThWindow       *self,
                                const char     *heading,
                                const char     *body);

G_END_DECLS
