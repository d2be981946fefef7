/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "threshold"

#include "config.h"

#include <glib/gi18n.h>

#include "th-plugin.h"
#include "th-records-module.h"

G_DEFINE_QUARK (th-records-error-quark, th_records_error)

/**
 * th_records_module_get:
 *
 * Loads the module once. Its functions serve the modules loaded after it
 * (the window's, the LRS's, the PDF writer's).
 *
 * Returns: (transfer none): the module's functions, or %NULL with @error
 *   set when it cannot be loaded
 */
const ThRecordsFuncs *
th_records_module_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  static ThPluginSpec spec = { "THRESHOLD_RECORDS_MODULE", "records", RECORDS_MODULE_NAME,
                               "th_records_module_query", TRUE, NULL };
  const ThRecordsFuncs *funcs = g_once (&once, th_plugin_load, &spec);

  if (funcs == NULL)
    g_set_error (error, TH_RECORDS_ERROR, TH_RECORDS_ERROR_MODULE,
                 _("Threshold cannot read its records: its module is missing (%s)"), spec.problem);
  return funcs;
}
