/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "th-test-util.h"
#include "th-ui-test-util.h"

/* A Spanish-speaking desktop: the interface from the Spanish catalogue,
 * and the module that is translated in Spanish, element by element. */

static char *tmp_dir;

static void
check_spanish (GtkWindow *window)
{
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "¿Quién va a aprender?");
  th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Su nombre");
  gtk_editable_set_text (GTK_EDITABLE (th_ui_find (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Su nombre")),
                         "Lucía");
  th_ui_click (GTK_WIDGET (window), "Añadir perfil");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Ruta de aprendizaje");
  /* The humanism module is translated; the others fall back to English. */
  th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Humanismo: respeto sin juicios morales");
}

static void
test_interface_in_spanish (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "spanish.db", NULL);

  th_ui_run_application (path, NULL, check_spanish);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  /* As main() does, with the build tree's catalogues. */
  g_setenv ("LANGUAGE", "es", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("THRESHOLD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  th_ui_test_init ();
  tmp_dir = th_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  g_test_add_func ("/ui/spanish/interface", test_interface_in_spanish);

  result = g_test_run ();
  th_test_rmtree (tmp_dir);
  return result;
}
