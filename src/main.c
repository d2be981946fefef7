/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "threshold"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <locale.h>

#include "th-command-line.h"
#include "th-plugin.h"
#include "th-ui-main.h"

static int
run_window (const char                 *argv0,
            const ThCommandLineOptions *options)
{
  /* THRESHOLD_UI_MODULE, then ui/ beside the program, then installed */
  g_autofree char *path = th_dup_module_path ("THRESHOLD_UI_MODULE", "ui", UI_MODULE_NAME);
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  ThUiMainFunc ui_main;

  if (module == NULL || !g_module_symbol (module, "th_ui_main", (gpointer *) &ui_main))
    {
      g_printerr (_("The window cannot be opened: %s\n"), g_module_error ());
      return 1;
    }
  /* Never unloaded: the types it registers live as long as the process. */
  g_module_make_resident (module);
  return ui_main (argv0, options);
}

int
main (int   argc,
      char *argv[])
{
  ThCommandLineOptions options = { 0 };
  const char *localedir = g_getenv ("THRESHOLD_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  /* A build tree's catalogues (meson devenv sets this); the installed ones
   * otherwise. */
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name ("Threshold");

  status = th_command_line_run (argc, argv, &options);
  if (status < 0)
    status = run_window (argv[0], &options);
  th_command_line_options_clear (&options);
  return status;
}
