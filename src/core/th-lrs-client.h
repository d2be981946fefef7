/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A Learning Record Store spoken to with xAPI 1.0.3 over HTTP(S), basic
 * authentication, one request at a time and blocking: use it on a
 * worker thread. */

#define TH_LRS_ERROR (th_lrs_error_quark ())

typedef enum
{
  TH_LRS_ERROR_ADDRESS,       /* not an http(s) address */
  TH_LRS_ERROR_UNREACHABLE,   /* no answer: try again later */
  TH_LRS_ERROR_CREDENTIALS,   /* 401 or 403 */
  TH_LRS_ERROR_CERTIFICATE,
  TH_LRS_ERROR_REFUSED,       /* 400 or 409: the statements, not the connection */
  TH_LRS_ERROR_FAILED,        /* any other answer */
} ThLrsError;

#define TH_TYPE_LRS_CLIENT (th_lrs_client_get_type ())

G_DECLARE_FINAL_TYPE (ThLrsClient, th_lrs_client, TH, LRS_CLIENT, GObject)

GQuark       th_lrs_error_quark       (void);
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
