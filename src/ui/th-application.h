/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TH_TYPE_APPLICATION (th_application_get_type ())

G_DECLARE_FINAL_TYPE (ThApplication, th_application, TH, APPLICATION, AdwApplication)

#include "th-store.h"

ThApplication *th_application_new       (void);
ThStore       *th_application_get_store (ThApplication *self);

G_END_DECLS
