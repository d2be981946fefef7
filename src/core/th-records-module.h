/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-command-line.h"

G_BEGIN_DECLS

/* The records: the progress database (SQLite), the reports, xAPI, and
 * with them GIO, libsodium and JSON-GLib. The threshold program holds only
 * what checking and listing modules needs; it loads the records module
 * for the commands that read or write records, and before the window's,
 * which uses it too. */

#define TH_RECORDS_ERROR (th_records_error_quark ())

typedef enum
{
  TH_RECORDS_ERROR_MODULE,
} ThRecordsError;

typedef struct
{
  int   (*run_command)      (const ThCommands           *commands,
                             const ThCommandLineOptions *options);
  guint (*refresher_months) (void);
} ThRecordsFuncs;

GQuark                th_records_error_quark (void);
const ThRecordsFuncs *th_records_module_get  (GError **error);

G_END_DECLS
