/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TH_STORE_ERROR (th_store_error_quark ())

typedef enum
{
  TH_STORE_ERROR_NEWER_VERSION,  /* written by a newer Threshold: left untouched */
  TH_STORE_ERROR_DAMAGED,        /* not a database, truncated or failing its checks */
  TH_STORE_ERROR_READ_ONLY,
  TH_STORE_ERROR_FULL,
  TH_STORE_ERROR_FAILED,
} ThStoreError;

#define TH_TYPE_STORE (th_store_get_type ())

G_DECLARE_FINAL_TYPE (ThStore, th_store, TH, STORE, GObject)

GQuark      th_store_error_quark          (void);
char       *th_store_dup_default_path     (void);
int         th_store_get_latest_version   (void);
ThStore    *th_store_open                 (const char  *path,
                                           GError     **error);
const char *th_store_get_path             (ThStore     *self);
int         th_store_get_version          (ThStore     *self);
gint64      th_store_add_learner          (ThStore     *self,
                                           const char  *display_name,
                                           GError     **error);
GPtrArray  *th_store_list_learner_names   (ThStore     *self,
                                           GError     **error);

G_END_DECLS
