/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "threshold"

#include "config.h"

#include <gmodule.h>

#include "th-plugin.h"

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

/* A shared module's symbols are global, for the modules that use it. A
 * program that has its code already (a test links it in) uses its own. */
static GModule *
open_module (const ThPluginSpec *plugin,
             const char         *path)
{
  GModule *program;
  gpointer query;

  if (!plugin->shared)
    return g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  program = g_module_open (NULL, G_MODULE_BIND_LAZY);
  if (program != NULL && g_module_symbol (program, plugin->query, &query))
    return program;
  g_clear_pointer (&program, g_module_close);
  return g_module_open (path, G_MODULE_BIND_LAZY);
}

/**
 * th_plugin_load:
 * @spec: (type ThPluginSpec): the module to load
 *
 * A #GThreadFunc for g_once(), so that a module is loaded once, from
 * whichever thread asks first.
 *
 * Returns: (transfer none): the module's table of functions, or %NULL
 *   with @spec's problem set
 */
gpointer
th_plugin_load (gpointer spec)
{
  ThPluginSpec *plugin = spec;
  g_autofree char *path = th_dup_module_path (plugin->variable, plugin->subdir, plugin->name);
  GModule *module = open_module (plugin, path);
  ThPluginQueryFunc query;

  if (module == NULL || !g_module_symbol (module, plugin->query, (gpointer *) &query))
    {
      plugin->problem = g_strdup (g_module_error ());
      return NULL;
    }
  /* Never unloaded: its types live as long as the process. */
  g_module_make_resident (module);
  return (gpointer) query ();
}
