/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-catalog.h"

G_BEGIN_DECLS

/* What the command line shares with the application window. */
typedef struct
{
  char  *database;        /* --database, or NULL for the default */
  GStrv  content_dirs;    /* --content-dir, repeatable */
  guint  default_months;  /* the installation's refresher period (set for the window) */
} ThCommandLineOptions;

/* What was asked for beside the options the window uses too. */
typedef struct
{
  gboolean  version;
  gboolean  list_modules;
  gboolean  validate;
  gboolean  verify_records;
  char     *backup;
  char     *csv;
  char     *transcript;
  char     *output;
  char     *insights;
  char     *since;
  char     *until;
  char     *export_xapi;
  char     *import_xapi;
  gboolean  sync;
  GStrv     paths;
} ThCommands;

void th_command_line_options_clear (ThCommandLineOptions *options);
int  th_command_line_run           (int                    argc,
                                    char                 **argv,
                                    ThCommandLineOptions  *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ThCommandLineOptions, th_command_line_options_clear)

ThCatalog *th_command_line_load_catalog (const ThCommandLineOptions *options);

int th_command_line_list_modules (const ThCommandLineOptions *options);
int th_command_line_validate       (const ThCommandLineOptions *options,
                                    const char * const         *paths);

G_END_DECLS
