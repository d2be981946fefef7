/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-store.h"

G_BEGIN_DECLS

/* The organisation's records: each record as an xAPI statement with the
 * id kept beside it, the outbox of those not yet sent, and the statements
 * merged from other workstations (docs/xapi.md). */

#define TH_STORE_WORKSTATION_ID_KEY "workstation-id"
#define TH_STORE_HOME_PAGE_KEY      "organisation-home-page"
#define TH_STORE_LRS_ENDPOINT_KEY   "lrs-endpoint"
#define TH_STORE_LRS_KEY_KEY        "lrs-key"
#define TH_STORE_LRS_FETCHED_KEY    "lrs-fetched-until"   /* then a space and the LRS's address */
#define TH_STORE_LRS_FETCH_KEY      "lrs-fetch"   /* "1": the app reads the organisation's records back */

typedef enum
{
  TH_STATEMENT_REGISTERED,  /* a profile was made */
  TH_STATEMENT_ATTEMPTED,   /* an attempt began */
  TH_STATEMENT_ANSWERED,
  TH_STATEMENT_FINISHED,    /* an attempt ended: passed or failed */
  TH_STATEMENT_COMPLETED,
  TH_STATEMENT_SIGNED_OFF,
  TH_STATEMENT_REVOKED,     /* a sign-off was revoked */
} ThStatementKind;

/* One record, as a statement tells it; which fields count depends on the
 * kind. The strings belong to whoever hands the record over. */
typedef struct
{
  const char     *id;            /* the statement's UUID */
  ThStatementKind kind;
  const char     *timestamp;     /* when the record was made, ISO 8601 UTC */
  const char     *learner_name;
  const char     *account;       /* the organisation account, or NULL */
  gint64          learner_id;    /* here; 0 in a statement from elsewhere */
  const char     *registration;  /* the attempt's: its "attempted" statement id */
  const char     *module_id;
  gboolean        refresher;
  const char     *scenario_set;
  const char     *scenario_id;
  int             seq;           /* of the answer in its attempt */
  const char     *choice_ids;    /* separated by spaces */
  int             score;
  int             max_score;
  gboolean        passed;
  int             percent;       /* of a completion */
  const char     *supervisor;
  const char     *note;          /* a sign-off's note, or why it was revoked */
  const char     *signed_off_id; /* the sign-off a revocation revokes */
} ThStatementRecord;

typedef void (*ThStatementRecordFunc) (const ThStatementRecord *record,
                                       gpointer                 user_data);

typedef struct
{
  guint waiting;
  guint sent;
  guint refused;
  guint imported;
  char *last_sent_at;   /* or NULL */
} ThStatementCounts;

/* A statement an LRS refused, with its reason. */
typedef struct
{
  char            *id;
  ThStatementKind  kind;
  char            *reason;
} ThRefusedStatement;

/* What merging one statement did. */
typedef enum
{
  TH_IMPORT_ADDED,
  TH_IMPORT_ALREADY_HERE,  /* the same statement, or a record of this workstation */
  TH_IMPORT_UNMATCHED,     /* refers to a record that is not here */
} ThImportOutcome;

const char *th_statement_kind_to_id          (ThStatementKind kind);
gboolean    th_statement_kind_from_id        (const char     *id,
                                              ThStatementKind *kind);
void        th_statement_counts_clear        (ThStatementCounts *counts);
void        th_refused_statement_free        (ThRefusedStatement *refused);

char       *th_store_dup_setting             (ThStore        *self,
                                              const char     *key,
                                              GError        **error);
gboolean    th_store_read_setting            (ThStore        *self,
                                              const char     *key,
                                              char          **value,
                                              GError        **error);
gboolean    th_store_read_statements         (ThStore        *self,
                                              gboolean        waiting_only,
                                              guint           limit,
                                              ThStatementRecordFunc func,
                                              gpointer        user_data,
                                              GError        **error);
gboolean    th_store_mark_statements_sent    (ThStore        *self,
                                              GPtrArray      *ids,
                                              GError        **error);
gboolean    th_store_refuse_statement        (ThStore        *self,
                                              const char     *id,
                                              const char     *reason,
                                              GError        **error);
gboolean    th_store_count_statements        (ThStore        *self,
                                              ThStatementCounts *counts,
                                              GError        **error);
GPtrArray  *th_store_dup_refused_statements  (ThStore        *self,
                                              GError        **error);
char       *th_store_dup_learner_account     (ThStore        *self,
                                              gint64          learner_id,
                                              GError        **error);
gboolean    th_store_set_learner_account     (ThStore        *self,
                                              gint64          learner_id,
                                              const char     *account,
                                              GError        **error);
gint64      th_store_add_learner_with_account (ThStore     *self,
                                              const char     *display_name,
                                              const char     *pin,
                                              const char     *account,
                                              GError        **error);
char       *th_store_dup_learner_origin      (ThStore        *self,
                                              gint64          learner_id,
                                              GError        **error);
gboolean    th_store_import_statement        (ThStore        *self,
                                              const ThStatementRecord *record,
                                              const char     *origin,
                                              gboolean        sent,
                                              ThImportOutcome *outcome,
                                              GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThRefusedStatement, th_refused_statement_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ThStatementCounts, th_statement_counts_clear)

G_END_DECLS
