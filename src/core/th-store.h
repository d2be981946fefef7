/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "th-learner.h"

G_BEGIN_DECLS

#define TH_STORE_ERROR (th_store_error_quark ())

typedef enum
{
  TH_STORE_ERROR_NEWER_VERSION,  /* written by a newer Threshold: left untouched */
  TH_STORE_ERROR_DAMAGED,        /* not a database, truncated or failing its checks: moved aside */
  TH_STORE_ERROR_READ_ONLY,
  TH_STORE_ERROR_FULL,
  TH_STORE_ERROR_NOT_FOUND,
  TH_STORE_ERROR_INVALID,        /* a value the records cannot take, e.g. an empty name */
  TH_STORE_ERROR_FAILED,
  TH_STORE_ERROR_NAME_TAKEN,     /* another profile's name reads the same (th_learner_dup_name_key) */
} ThStoreError;

typedef enum
{
  TH_ATTEMPT_FULL,
  TH_ATTEMPT_REFRESHER,
} ThAttemptKind;

/* An answer as it was recorded. */
typedef struct
{
  char *scenario_id;
  char *choice_ids;   /* separated by spaces */
  int   score;
  int   max_score;
} ThStoredAnswer;

/* An attempt, finished or not (finished_at is NULL while it is open). */
typedef struct
{
  gint64   id;
  char    *module_id;
  gboolean refresher;
  char    *started_at;
  char    *finished_at;
  int      score;
  int      max_score;
  gboolean passed;
} ThAttemptResult;

typedef enum
{
  TH_MODULE_STATE_NOT_STARTED,
  TH_MODULE_STATE_IN_PROGRESS,
  TH_MODULE_STATE_PASSED,
} ThModuleState;

/* Where a learner stands with one module. */
typedef struct
{
  ThModuleState  state;
  int            percent;       /* of the latest completion */
  char          *completed_at;  /* of the latest completion, ISO 8601 UTC */
  gboolean       has_open_attempt;
} ThModuleStatus;

/* A supervisor, as the unlock screen lists them. */
typedef struct
{
  gint64  id;
  char   *display_name;
  gint64  learner_id;    /* their own learner profile, or 0 */
} ThSupervisor;

/* A learner's current onboarding sign-off. */
typedef struct
{
  gint64  id;
  char   *supervisor;
  char   *signed_at;
  char   *note;
} ThSignOff;

void th_supervisor_free     (ThSupervisor    *supervisor);
void th_sign_off_free       (ThSignOff       *sign_off);
void th_module_status_free  (ThModuleStatus  *status);
void th_stored_answer_free  (ThStoredAnswer  *answer);
void th_attempt_result_free (ThAttemptResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThAttemptResult, th_attempt_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThSupervisor, th_supervisor_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThSignOff, th_sign_off_free)

/* Rows of the whole store, for the completion matrix; the strings are
 * valid during the call only. */
typedef struct
{
  gint64      learner_id;
  const char *display_name;
  gboolean    archived;
} ThLearnerRow;

typedef struct
{
  gint64      learner_id;
  const char *module_id;
  gint64      completed_at;   /* Unix time of the latest completion, or 0 */
  int         percent;        /* of that completion */
  gboolean    open_attempt;   /* an attempt is under way */
  gint64      tried_at;       /* Unix time the latest finished attempt ended, or 0 */
  int         tried_percent;  /* its score */
} ThProgressRow;

typedef struct
{
  gint64      learner_id;
  const char *supervisor;
  const char *signed_at;
} ThSignOffRow;

/* What the team's insights read: answers grouped by what was chosen and
 * the quarter it was chosen in, and finished attempts grouped by what
 * they were; a group of a negative count is taken away (an archived
 * learner's, from a month's tally). */
typedef struct
{
  const char *module_id;
  const char *scenario_id;
  const char *choice_ids;     /* separated by spaces */
  int         score;
  int         max_score;
  const char *quarter;        /* "2026-Q2" */
  int         count;
} ThAnswerGroupRow;

typedef struct
{
  const char *module_id;
  gboolean    refresher;
  gboolean    first;          /* the learner's first finished full attempt at the module */
  gboolean    passed;
  int         percent;
  int         count;
} ThAttemptGroupRow;

/* Which records the insights read: a period of days (ISO dates, either
 * may be NULL), whether archived learners count, and everyone's or one
 * learner's. */
typedef struct
{
  const char *since;          /* first day, inclusive */
  const char *until;          /* last day, inclusive */
  gboolean    archived;
  gint64      learner_id;     /* one learner's records (archived or not), or 0 for everyone */
} ThRecordScope;

typedef void (*ThAnswerGroupRowFunc)     (const ThAnswerGroupRow     *row,
                                          gpointer                    user_data);
typedef void (*ThAttemptGroupRowFunc)    (const ThAttemptGroupRow    *row,
                                          gpointer                    user_data);

typedef void (*ThLearnerRowFunc)  (const ThLearnerRow  *row,
                                   gpointer             user_data);
typedef void (*ThProgressRowFunc) (const ThProgressRow *row,
                                   gpointer             user_data);
typedef void (*ThSignOffRowFunc)  (const ThSignOffRow  *row,
                                   gpointer             user_data);

/* Returns the current time, in UTC, as a new reference. */
typedef GDateTime *(*ThClockFunc) (gpointer user_data);

#define TH_TYPE_STORE (th_store_get_type ())

G_DECLARE_FINAL_TYPE (ThStore, th_store, TH, STORE, GObject)

/* Loads something from a worker's own reader (th_store_load_on_worker()),
 * and from the object and data the caller gave. */
typedef GObject *(*ThStoreLoadFunc) (ThStore   *reader,
                                     gpointer   object,
                                     gpointer   data,
                                     GError   **error);

GQuark      th_store_error_quark          (void);
char       *th_store_dup_default_path     (void);
int         th_store_get_latest_version   (void);
ThStore    *th_store_open                 (const char     *path,
                                           GError        **error);
void        th_store_load_on_worker       (ThStore        *self,
                                           GTask          *task,
                                           GObject        *object,
                                           ThStoreLoadFunc load,
                                           gpointer        data,
                                           GDestroyNotify  data_free);
gpointer    th_store_load_finish          (GAsyncResult   *result,
                                           GError        **error);
ThStore    *th_store_open_reader          (const char     *path,
                                           GError        **error);
const char *th_store_get_path             (ThStore        *self);
void        th_store_set_clock            (ThStore        *self,
                                           ThClockFunc     clock,
                                           gpointer        user_data);
GDateTime  *th_store_dup_now              (ThStore        *self);
int         th_store_get_version          (ThStore        *self);
char       *th_store_verify               (ThStore        *self,
                                           GError        **error);
gboolean    th_store_begin_batch          (ThStore        *self,
                                           GError        **error);
gboolean    th_store_commit_batch         (ThStore        *self,
                                           GError        **error);
void        th_store_abandon_batch        (ThStore        *self);

/* Backups, beside the database in backups/ */
gboolean    th_store_backup               (ThStore        *self,
                                           const char     *dest,
                                           GError        **error);
char       *th_store_backup_if_due        (const char     *path,
                                           GDateTime      *now,
                                           guint           keep,
                                           GError        **error);
char       *th_store_find_good_backup     (const char     *path);
gboolean    th_store_restore              (const char     *backup,
                                           const char     *path,
                                           GError        **error);

/* What the completion matrix and the insights read (th-store-progress.c) */
gboolean    th_store_begin_reading        (ThStore            *self,
                                           GError            **error);
void        th_store_end_reading          (ThStore            *self);
gboolean    th_store_read_learner_rows    (ThStore            *self,
                                           gint64              only,
                                           ThLearnerRowFunc    func,
                                           gpointer            user_data,
                                           GError            **error);
gboolean    th_store_read_progress_rows   (ThStore            *self,
                                           gint64              only,
                                           ThProgressRowFunc   func,
                                           gpointer            user_data,
                                           GError            **error);
gboolean    th_store_read_sign_off_rows   (ThStore            *self,
                                           gint64              only,
                                           ThSignOffRowFunc    func,
                                           gpointer            user_data,
                                           GError            **error);

gboolean    th_store_read_answer_groups   (ThStore                  *self,
                                           const ThRecordScope      *scope,
                                           ThAnswerGroupRowFunc      func,
                                           gpointer                  user_data,
                                           GError                  **error);
gboolean    th_store_read_attempt_groups  (ThStore                  *self,
                                           const ThRecordScope      *scope,
                                           ThAttemptGroupRowFunc     func,
                                           gpointer                  user_data,
                                           GError                  **error);

/* Records (th-store-learners.c, th-store-attempts.c, th-store-settings.c) */
gint64      th_store_add_learner          (ThStore        *self,
                                           const char     *display_name,
                                           const char     *pin,
                                           GError        **error);
gint64      th_store_find_learner         (ThStore        *self,
                                           const char     *id_or_name,
                                           GError        **error);
GListModel *th_store_list_learners        (ThStore        *self,
                                           guint           limit,
                                           GError        **error);
gboolean    th_store_rename_learner       (ThStore        *self,
                                           gint64          learner_id,
                                           const char     *display_name,
                                           GError        **error);
ThLearner  *th_store_dup_learner_by_name_key (ThStore     *self,
                                              const char  *display_name,
                                              gboolean    *archived,
                                              GError     **error);
gboolean    th_store_check_pin            (ThStore        *self,
                                           gint64          learner_id,
                                           const char     *pin,
                                           GError        **error);
GHashTable *th_store_dup_module_statuses  (ThStore        *self,
                                           gint64          learner_id,
                                           GError        **error);
gint64      th_store_start_attempt        (ThStore        *self,
                                           gint64          learner_id,
                                           const char     *module_id,
                                           ThAttemptKind   kind,
                                           const char     *scenario_set,
                                           guint32         choice_seed,
                                           GError        **error);
gint64      th_store_find_open_attempt    (ThStore        *self,
                                           gint64          learner_id,
                                           const char     *module_id,
                                           char          **scenario_set,
                                           guint32        *choice_seed,
                                           GError        **error);
GPtrArray  *th_store_list_answers         (ThStore        *self,
                                           gint64          attempt_id,
                                           GError        **error);
GPtrArray  *th_store_list_attempts        (ThStore        *self,
                                           gint64          learner_id,
                                           GError        **error);
ThAttemptResult *th_store_dup_last_result (ThStore        *self,
                                           gint64          learner_id,
                                           const char     *module_id,
                                           GError        **error);
gint64      th_store_record_answer        (ThStore        *self,
                                           gint64          attempt_id,
                                           const char     *scenario_id,
                                           const char     *choice_ids,
                                           int             score,
                                           int             max_score,
                                           GError        **error);
gboolean    th_store_finish_attempt       (ThStore        *self,
                                           gint64          attempt_id,
                                           int             score,
                                           int             max_score,
                                           gboolean        passed,
                                           GError        **error);
guint       th_store_get_refresher_months  (ThStore        *self,
                                           const char     *module_id,
                                           guint           default_months,
                                           GError        **error);
guint       th_store_get_own_refresher_months (ThStore     *self,
                                               const char  *module_id,
                                               GError     **error);
gboolean    th_store_follow_refresher_months (ThStore      *self,
                                              const char   *module_id,
                                              GError      **error);
gboolean    th_store_set_refresher_months  (ThStore        *self,
                                           const char     *module_id,
                                           guint           months,
                                           GError        **error);
GHashTable *th_store_dup_scenario_history (ThStore        *self,
                                           gint64          learner_id,
                                           const char     *module_id,
                                           GError        **error);
char       *th_store_dup_last_scenario_set (ThStore       *self,
                                           gint64          learner_id,
                                           const char     *module_id,
                                           GError        **error);
gboolean    th_store_set_setting          (ThStore        *self,
                                           const char     *key,
                                           const char     *value,
                                           GError        **error);

/* Supervision (th-store-supervision.c) */
gint64      th_store_add_supervisor       (ThStore        *self,
                                           const char     *display_name,
                                           const char     *passphrase,
                                           gint64          learner_id,
                                           GError        **error);
gint64      th_store_add_supervisor_with_hash (ThStore    *self,
                                           const char     *display_name,
                                           const char     *hash,
                                           gint64          learner_id,
                                           GError        **error);
GPtrArray  *th_store_list_supervisors     (ThStore        *self,
                                           GError        **error);
char       *th_store_dup_passphrase_hash  (ThStore        *self,
                                           gint64          supervisor_id,
                                           GError        **error);
gboolean    th_store_check_passphrase     (ThStore        *self,
                                           gint64          supervisor_id,
                                           const char     *passphrase,
                                           GError        **error);
gint64      th_store_record_sign_off      (ThStore        *self,
                                           gint64          learner_id,
                                           gint64          supervisor_id,
                                           const char     *note,
                                           GError        **error);
gboolean    th_store_revoke_sign_off      (ThStore        *self,
                                           gint64          sign_off_id,
                                           gint64          supervisor_id,
                                           const char     *reason,
                                           GError        **error);
ThSignOff  *th_store_dup_sign_off         (ThStore        *self,
                                           gint64          learner_id,
                                           GError        **error);
/* What deleting a learner's records would remove. */
typedef struct
{
  guint attempts;
  guint answers;
  guint completions;
  guint sign_offs;
} ThLearnerRecords;

gboolean    th_store_count_learner_records (ThStore        *self,
                                           gint64          learner_id,
                                           ThLearnerRecords *records,
                                           GError        **error);
gboolean    th_store_delete_learner       (ThStore        *self,
                                           gint64          learner_id,
                                           GError        **error);
gboolean    th_store_set_learner_archived (ThStore        *self,
                                           gint64          learner_id,
                                           gboolean        archived,
                                           GError        **error);

G_END_DECLS
