/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "th-lrs-module.h"

G_BEGIN_DECLS

/* A Learning Record Store spoken to with xAPI 1.0.3 over HTTP(S), basic
 * authentication, one request at a time and blocking: use it on a
 * worker thread. */

#define TH_TYPE_LRS_CLIENT (th_lrs_client_get_type ())

G_DECLARE_FINAL_TYPE (ThLrsClient, th_lrs_client, TH, LRS_CLIENT, GObject)

ThLrsClient *th_lrs_client_new        (const char    *endpoint,
                                       const char    *key,
                                       const char    *secret,
                                       GError       **error);
const char  *th_lrs_client_get_endpoint (ThLrsClient *self);
gboolean     th_lrs_client_check      (ThLrsClient   *self,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean     th_lrs_client_post       (ThLrsClient   *self,
                                       const char    *statements,
                                       GCancellable  *cancellable,
                                       GError       **error);
JsonNode    *th_lrs_client_get        (ThLrsClient   *self,
                                       const char    *resource,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
