/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "th-catalog.h"
#include "th-store-statements.h"

G_BEGIN_DECLS

/* How Threshold's records read as xAPI 1.0.3 statements, and back: the
 * verbs, activities and extensions of docs/xapi.md, under the
 * organisation's home page. */

#define TH_XAPI_ERROR (th_xapi_error_quark ())

typedef enum
{
  TH_XAPI_ERROR_MALFORMED,   /* not a statement, or a Threshold statement missing what it must say */
} ThXapiError;

/* The home page a workstation uses until the organisation sets its own:
 * a reserved name (RFC 2606), so it can never be someone's address. */
#define TH_XAPI_UNSET_HOME_PAGE "https://threshold.invalid"

typedef struct _ThXapiProfile ThXapiProfile;

/* A statement read back: the record it tells of, and what holds its
 * strings. */
typedef struct
{
  ThStatementRecord record;
  JsonNode         *node;
  GStringChunk     *strings;
} ThXapiStatement;

GQuark          th_xapi_error_quark              (void);
ThXapiProfile  *th_xapi_profile_new              (const char       *home_page,
                                                  const char       *workstation_id,
                                                  ThCatalog        *catalog);
ThXapiProfile  *th_xapi_profile_new_for_store    (ThStore          *store,
                                                  ThCatalog        *catalog,
                                                  GError          **error);
void            th_xapi_profile_free             (ThXapiProfile    *self);
const char     *th_xapi_profile_get_activity_base (ThXapiProfile   *self);
char           *th_xapi_profile_dup_json         (ThXapiProfile    *self,
                                                  const ThStatementRecord *record);
ThXapiStatement *th_xapi_profile_parse           (ThXapiProfile    *self,
                                                  JsonNode         *node,
                                                  GError          **error);
void            th_xapi_statement_free           (ThXapiStatement  *statement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThXapiProfile, th_xapi_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThXapiStatement, th_xapi_statement_free)

G_END_DECLS
