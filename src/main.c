/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "threshold"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "th-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ThApplication) app = NULL;
  const char *localedir = g_getenv ("THRESHOLD_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* A build tree's catalogues (meson devenv sets this); the installed ones
   * otherwise. */
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name ("Threshold");
  app = th_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
