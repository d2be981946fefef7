/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-catalog.h"
#include "th-store.h"

G_BEGIN_DECLS

/* What the command line shares with the application window. */
typedef struct
{
  char  *database;        /* --database, or NULL for the default */
  GStrv  content_dirs;    /* --content-dir, repeatable */
  guint  default_months;  /* the installation's refresher period (set for the window) */
} ThCommandLineOptions;

void th_command_line_options_clear (ThCommandLineOptions *options);
int  th_command_line_run           (int                    argc,
                                    char                 **argv,
                                    ThCommandLineOptions  *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ThCommandLineOptions, th_command_line_options_clear)

ThCatalog *th_command_line_load_catalog (const ThCommandLineOptions *options);
ThStore   *th_command_line_open_store   (const ThCommandLineOptions *options,
                                         gboolean                    existing);

int th_command_line_list_modules (const ThCommandLineOptions *options);
int th_command_line_validate       (const ThCommandLineOptions *options,
                                    const char * const         *paths);
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
