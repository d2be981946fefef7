/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-xapi-profile.h"

G_BEGIN_DECLS

/* Statements as a file from one workstation to another, and the merging
 * of statements from anywhere: a file or the LRS. */

typedef struct
{
  guint added;
  guint already_here;
  guint unmatched;   /* Threshold's, but about a record not here */
  guint foreign;     /* not Threshold's: counted and skipped */
  guint malformed;   /* Threshold's, but lacking what they must say (from an LRS) */
} ThImportCounts;

gboolean th_xapi_export_file  (ThStore          *store,
                               ThXapiProfile    *profile,
                               GFile            *file,
                               guint            *count,
                               GError          **error);
gboolean th_xapi_import_array (ThStore          *store,
                               ThXapiProfile    *profile,
                               JsonArray        *statements,
                               const char       *origin,
                               gboolean          sent,
                               ThImportCounts   *counts,
                               GError          **error);
gboolean th_xapi_import_file  (ThStore          *store,
                               ThXapiProfile    *profile,
                               GFile            *file,
                               ThImportCounts   *counts,
                               GError          **error);

G_END_DECLS
