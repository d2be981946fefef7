/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-command-line.h"
#include "th-store.h"

G_BEGIN_DECLS

#define TH_TYPE_APPLICATION (th_application_get_type ())

G_DECLARE_FINAL_TYPE (ThApplication, th_application, TH, APPLICATION, AdwApplication)

ThApplication *th_application_new       (const ThCommandLineOptions *options);
ThStore       *th_application_get_store (ThApplication *self);

G_END_DECLS
