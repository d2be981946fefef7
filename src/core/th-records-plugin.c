/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "threshold"

#include "config.h"

#include <gmodule.h>

#include "th-command-line-records.h"
#include "th-records-module.h"

/* The records module's one entry point: what the program asks of it
 * (th-records-module.h). */

G_MODULE_EXPORT const ThRecordsFuncs *th_records_module_query (void);

const ThRecordsFuncs *
th_records_module_query (void)
{
  static const ThRecordsFuncs funcs = { th_command_line_run_records, th_command_line_refresher_months };

  return &funcs;
}
