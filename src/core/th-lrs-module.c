/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-lrs"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "th-lrs-module.h"

G_DEFINE_QUARK (th-lrs-error-quark, th_lrs_error)

/**
 * th_dup_module_path:
 * @variable: the environment variable that names the module (meson
 *   devenv and the tests set it)
 * @subdir: the module's folder beside the program, in a build tree
 *
 * Returns: (transfer full): where a module of Threshold's is: @variable,
 *   then @subdir beside the program, then where it is installed
 */
char *
th_dup_module_path (const char *variable,
                    const char *subdir,
                    const char *name)
{
  const char *asked = g_getenv (variable);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self ? g_path_get_dirname (self) : NULL;
  g_autofree char *beside = dir ? g_build_filename (dir, subdir, name, NULL) : NULL;

  if (asked != NULL && *asked != '\0')
    return g_strdup (asked);
  if (beside != NULL && g_file_test (beside, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&beside);
  return g_build_filename (PKGLIBDIR, name, NULL);
}

static gpointer
load_module (gpointer data)
{
  g_autofree char *path = th_dup_module_path ("THRESHOLD_LRS_MODULE", "lrs", LRS_MODULE_NAME);
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  ThLrsModuleQueryFunc query;

  if (module == NULL || !g_module_symbol (module, "th_lrs_module_query", (gpointer *) &query))
    {
      *(char **) data = g_strdup (g_module_error ());
      return NULL;
    }
  /* Never unloaded: its types live as long as the process. */
  g_module_make_resident (module);
  return (gpointer) query ();
}

/**
 * th_lrs_module_get:
 *
 * Loads the module once, from whichever thread asks first.
 *
 * Returns: (transfer none): the module's functions, or %NULL with @error
 *   set when it cannot be loaded
 */
const ThLrsFuncs *
th_lrs_module_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  static char *problem;
  const ThLrsFuncs *funcs = g_once (&once, load_module, &problem);

  if (funcs == NULL)
    g_set_error (error, TH_LRS_ERROR, TH_LRS_ERROR_FAILED,
                 _("Threshold cannot reach a Learning Record Store: its module is missing (%s)"), problem);
  return funcs;
}
