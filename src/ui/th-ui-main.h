/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-command-line.h"

G_BEGIN_DECLS

/* The entry point of the window's module (libthreshold-ui). */
typedef int (*ThUiMainFunc) (const char                 *argv0,
                             const ThCommandLineOptions *options);

int th_ui_main (const char                 *argv0,
                const ThCommandLineOptions *options);

G_END_DECLS
