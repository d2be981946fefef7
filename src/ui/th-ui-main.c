/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-ui-main"

#include "config.h"

#include <gmodule.h>

#include "th-application.h"
#include "th-ui-main.h"

/**
 * th_ui_main:
 * @argv0: the program's name, as the desktop started it
 * @options: what the command line said, read by th_command_line_run()
 *
 * Runs the application's window. The threshold program loads this module
 * only when no command was given, so that its command line never loads a
 * toolkit.
 *
 * Returns: the exit status
 */
G_MODULE_EXPORT int
th_ui_main (const char                 *argv0,
            const ThCommandLineOptions *options)
{
  g_autoptr(ThApplication) app = th_application_new (options);
  char *argv[] = { (char *) argv0, NULL };

  return g_application_run (G_APPLICATION (app), 1, argv);
}
