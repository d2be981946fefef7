/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Threshold's own modules (the window, the LRS, the PDF writer): each
 * brings libraries that most commands never need, and is loaded the
 * first time it is asked for. */

/* Where a module is and what it answers to, for th_plugin_load(). */
typedef struct
{
  const char *variable;   /* the environment variable that names it */
  const char *subdir;     /* its folder beside the program, in a build tree */
  const char *name;       /* its file */
  const char *query;      /* the function that returns its table */
  gboolean    shared;     /* its functions serve the modules loaded after it */
  char       *problem;    /* (out): why it could not be loaded */
} ThPluginSpec;

typedef gconstpointer (*ThPluginQueryFunc) (void);

char     *th_dup_module_path (const char *variable,
                              const char *subdir,
                              const char *name);
gpointer  th_plugin_load     (gpointer    spec);

G_END_DECLS
