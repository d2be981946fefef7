/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-command-line.h"
#include "th-store.h"

G_BEGIN_DECLS

/* The commands of the records module (th-records-module.h). */

int      th_command_line_run_records      (const ThCommands           *commands,
                                           const ThCommandLineOptions *options);
guint    th_command_line_refresher_months (void);

ThStore *th_command_line_open_store       (const ThCommandLineOptions *options,
                                           gboolean                    existing);

int th_command_line_verify_records (const ThCommandLineOptions *options);
int th_command_line_backup         (const ThCommandLineOptions *options,
                                    const char                 *dest);
int th_command_line_export_csv     (const ThCommandLineOptions *options,
                                    const char                 *path);
int th_command_line_export_insights (const ThCommandLineOptions *options,
                                     const char                 *path,
                                     const char                 *since,
                                     const char                 *until);
int th_command_line_export_xapi    (const ThCommandLineOptions *options,
                                    const char                 *path);
int th_command_line_import_xapi    (const ThCommandLineOptions *options,
                                    const char                 *path);
int th_command_line_sync           (const ThCommandLineOptions *options);
int th_command_line_export_transcript (const ThCommandLineOptions *options,
                                       const char                 *learner,
                                       const char                 *path);

G_END_DECLS
