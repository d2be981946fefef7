/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-lrs"

#include "config.h"

#include <glib/gi18n.h>

#include "th-lrs-module.h"
#include "th-plugin.h"

G_DEFINE_QUARK (th-lrs-error-quark, th_lrs_error)

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
  static ThPluginSpec spec = { "THRESHOLD_LRS_MODULE", "lrs", LRS_MODULE_NAME, "th_lrs_module_query", FALSE, NULL };
  const ThLrsFuncs *funcs = g_once (&once, th_plugin_load, &spec);

  if (funcs == NULL)
    g_set_error (error, TH_LRS_ERROR, TH_LRS_ERROR_FAILED,
                 _("Threshold cannot reach a Learning Record Store: its module is missing (%s)"), spec.problem);
  return funcs;
}
