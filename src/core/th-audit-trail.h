/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The append-only record of every change to the audited tables. Each row
 * carries a SHA-256 hash chained to the row before it, and the state of the
 * changed row, so that an edit, insert or delete made with another tool
 * breaks either the chain or the match between a row and its record. */

#define TH_AUDIT_TRAIL_ERROR (th_audit_trail_error_quark ())

typedef enum
{
  TH_AUDIT_TRAIL_ERROR_FAILED,
} ThAuditTrailError;

typedef enum
{
  TH_AUDIT_INSERT,
  TH_AUDIT_UPDATE,
  TH_AUDIT_DELETE,
} ThAuditAction;

GQuark   th_audit_trail_error_quark (void);
gboolean th_audit_trail_append      (sqlite3        *db,
                                     const char     *table,
                                     gint64          row_id,
                                     ThAuditAction   action,
                                     GError        **error);
gboolean th_audit_trail_seal_table  (sqlite3        *db,
                                     const char     *table,
                                     GError        **error);
char    *th_audit_trail_verify      (sqlite3        *db,
                                     GError        **error);

G_END_DECLS
