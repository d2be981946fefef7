/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-xapi-exchange.h"

G_BEGIN_DECLS

/* Speaking to the organisation's Learning Record Store needs HTTP and
 * TLS (libsoup) and the keyring (libsecret), a dozen libraries that
 * neither the window's start nor most commands need: they live in a
 * module (src/lrs) loaded the first time a round or a check runs. */

#define TH_LRS_ERROR (th_lrs_error_quark ())

typedef enum
{
  TH_LRS_ERROR_ADDRESS,       /* not an http(s) address */
  TH_LRS_ERROR_UNREACHABLE,   /* no answer: try again later */
  TH_LRS_ERROR_CREDENTIALS,   /* 401 or 403 */
  TH_LRS_ERROR_CERTIFICATE,
  TH_LRS_ERROR_REFUSED,       /* 400 or 409: the statements, not the connection */
  TH_LRS_ERROR_FAILED,        /* any other answer, or the module missing */
} ThLrsError;

/* What a round did, even when it ended early. */
typedef struct
{
  gboolean       set_up;      /* an LRS is set up: the round ran */
  guint          sent;
  guint          refused;
  guint          fetched;
  ThImportCounts merged;
} ThSyncReport;

typedef struct
{
  /* One round: the outbox sent and, if @fetch, the organisation's
   * statements merged, with the LRS the settings (or the environment)
   * name and its secret from the keyring (or the environment). */
  gboolean (*round) (ThStore        *store,
                     ThXapiProfile  *profile,
                     gboolean        fetch,
                     ThSyncReport   *report,
                     GCancellable   *cancellable,
                     GError        **error);
  /* Tries a connection; with a new @secret that works, keeps it in the
   * keyring. A %NULL or empty @secret is the keyring's. */
  gboolean (*check) (const char     *endpoint,
                     const char     *key,
                     const char     *secret,
                     GCancellable   *cancellable,
                     GError        **error);
} ThLrsFuncs;

typedef const ThLrsFuncs *(*ThLrsModuleQueryFunc) (void);

GQuark            th_lrs_error_quark  (void);
const ThLrsFuncs *th_lrs_module_get   (GError **error);

G_END_DECLS
