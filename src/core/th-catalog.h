/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "th-content-loader.h"
#include "th-module.h"

G_BEGIN_DECLS

/* Bundled modules come first; a clinic's module with the same id replaces
 * a bundled one. */
typedef enum
{
  TH_CONTENT_ORIGIN_BUNDLED,
  TH_CONTENT_ORIGIN_CLINIC,
} ThContentOrigin;

#define TH_TYPE_CATALOG (th_catalog_get_type ())

G_DECLARE_FINAL_TYPE (ThCatalog, th_catalog, TH, CATALOG, GObject)

ThCatalog  *th_catalog_new          (ThContentLoader *loader);
void        th_catalog_add_path     (ThCatalog       *self,
                                     const char      *path,
                                     ThContentOrigin  origin);
void        th_catalog_add_standard_paths (ThCatalog          *self,
                                           const char * const *extra_dirs);
char       *th_catalog_dup_bundled_dir    (void);
char       *th_catalog_dup_user_dir       (void);
guint       th_catalog_get_n_modules (ThCatalog      *self);
ThModule   *th_catalog_get_module   (ThCatalog       *self,
                                     guint            position);
ThModule   *th_catalog_find_module  (ThCatalog       *self,
                                     const char      *id);
GPtrArray  *th_catalog_get_problems (ThCatalog       *self);
guint       th_catalog_get_n_files  (ThCatalog       *self);
guint       th_catalog_count        (ThCatalog       *self,
                                     int              severity);

G_END_DECLS
