/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "threshold"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <locale.h>

#include "th-command-line.h"
#include "th-ui-main.h"

/* The window's module: THRESHOLD_UI_MODULE (meson devenv and the tests
 * set it), then ui/ beside the program (a build tree), then where it is
 * installed. */
static char *
dup_ui_module_path (void)
{
  const char *asked = g_getenv ("THRESHOLD_UI_MODULE");
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self ? g_path_get_dirname (self) : NULL;
  g_autofree char *beside = dir ? g_build_filename (dir, "ui", UI_MODULE_NAME, NULL) : NULL;

  if (asked != NULL && *asked != '\0')
    return g_strdup (asked);
  if (beside != NULL && g_file_test (beside, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&beside);
  return g_build_filename (PKGLIBDIR, UI_MODULE_NAME, NULL);
}

static int
run_window (const char                 *argv0,
            const ThCommandLineOptions *options)
{
  g_autofree char *path = dup_ui_module_path ();
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
