/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "th-catalog.h"

G_BEGIN_DECLS

void      th_test_rmtree        (const char  *path);
char     *th_test_make_tmp_dir  (void);
void      th_test_run_threshold (const char * const *env,
                                 const char * const *args,
                                 char              **out,
                                 char              **err,
                                 int                *status);

ThCatalog *th_test_load_curriculum (void);

void      th_test_hide_table    (const char  *database,
                                 const char  *table,
                                 gboolean     hidden);

G_END_DECLS
