/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "th-audit-trail.h"
#include "th-store.h"

G_BEGIN_DECLS

/* Where the latest finished attempt of a learner at a module stands:
 * when it ended and its score, for the learner and module in scope as t. */
#define TH_STORE_TRIED_SQL(column) \
  "(SELECT " column " FROM attempts AS f WHERE f.learner_id = t.learner_id" \
  "   AND f.module_id = t.module_id AND f.finished_at IS NOT NULL ORDER BY f.id DESC LIMIT 1)"
#define TH_STORE_TRIED_AT_SQL TH_STORE_TRIED_SQL ("unixepoch (f.finished_at)")
#define TH_STORE_TRIED_PERCENT_SQL \
  TH_STORE_TRIED_SQL ("CASE WHEN f.max_score > 0 THEN 100 * max (f.score, 0) / f.max_score ELSE 0 END")

/* Each learner's standing in each module they started, worked out from
 * the records: what the progress table must always hold. Its first four
 * columns are those of version 5; the others came with version 8. */
#define TH_STORE_PROGRESS_SQL \
  "(SELECT learner_id, module_id, completed_at, score_percent, open_attempt, tried_at, tried_percent FROM (" \
  "   SELECT a.learner_id, a.module_id, unixepoch (c.completed_at) AS completed_at, c.score_percent," \
  "     a.open_attempt, a.tried_at, a.tried_percent," \
  "     row_number () OVER (PARTITION BY a.learner_id, a.module_id" \
  "                         ORDER BY unixepoch (c.completed_at) DESC, c.id DESC) AS latest" \
  "   FROM (SELECT learner_id, module_id, max (finished_at IS NULL) AS open_attempt," \
  "           " TH_STORE_TRIED_AT_SQL " AS tried_at, " TH_STORE_TRIED_PERCENT_SQL " AS tried_percent" \
  "         FROM attempts AS t GROUP BY learner_id, module_id) AS a" \
  "   LEFT JOIN completions AS c ON c.learner_id = a.learner_id AND c.module_id = a.module_id)" \
  " WHERE latest = 1)"

/* Whether attempt x is its learner's first finished full attempt at its
 * module, and its score in percent. */
#define TH_STORE_FIRST_SQL(x) \
  "(" x ".kind = 'full' AND NOT EXISTS (SELECT 1 FROM attempts AS p WHERE p.learner_id = " x ".learner_id" \
  " AND p.module_id = " x ".module_id AND p.kind = 'full' AND p.finished_at IS NOT NULL AND p.id < " x ".id))"
#define TH_STORE_PERCENT_SQL(x) \
  "(CASE WHEN " x ".max_score > 0 THEN 100 * max (" x ".score, 0) / " x ".max_score ELSE 0 END)"

/* What the insights' monthly tallies must hold, worked out from the
 * records, in their tables' column order. */
#define TH_STORE_ANSWER_TALLY_SQL \
  "(SELECT substr (a.answered_at, 1, 7) AS month, t.module_id, a.scenario_id, a.choice_ids, a.score," \
  "   a.max_score, count(*) AS n FROM answers AS a JOIN attempts AS t ON t.id = a.attempt_id" \
  "   GROUP BY 1, 2, 3, 4, 5, 6)"
#define TH_STORE_ATTEMPT_TALLY_SQL \
  "(SELECT substr (t.finished_at, 1, 7) AS month, t.module_id, t.kind = 'refresher' AS refresher," \
  "   " TH_STORE_FIRST_SQL ("t") " AS first, ifnull (t.passed, 0) AS passed, " TH_STORE_PERCENT_SQL ("t") \
  "   AS percent, count(*) AS n FROM attempts AS t WHERE t.finished_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6)"

struct _ThStore
{
  GObject  parent_instance;

  /* owned references */
  sqlite3 *db;
  char    *path;
  guint    depth;   /* of nested transactions: the outer ones are batches */

  /* the one thread that may use the connection: the one that opened it */
  GThread *owner;
  gboolean read_only;

  /* when records say they happened: the real time, but for generated
   * history and tests */
  ThClockFunc clock;
  gpointer    clock_data;
};

/* A connection belongs to the thread that opened it: a worker that
 * reads opens a reader of its own (th_store_open_reader). */
#define th_store_assert_owner(self) g_assert ((self)->owner == g_thread_self ())

gboolean  th_store_set_error_from_db (ThStore      *self,
                                      int           code,
                                      GError      **error);
gboolean  th_store_exec              (ThStore      *self,
                                      const char   *sql,
                                      GError      **error);
gboolean  th_store_begin             (ThStore      *self,
                                      GError      **error);
gboolean  th_store_commit            (ThStore      *self,
                                      GError      **error);
void      th_store_rollback          (ThStore      *self);

/* Shared by th-store-records.c and th-store-supervision.c */
typedef void (*ThStoreRowFunc) (sqlite3_stmt *row,
                                gpointer      user_data);

gboolean      th_store_read_rows   (ThStore        *self,
                                    const char     *sql,
                                    gint64          id,
                                    ThStoreRowFunc  func,
                                    gpointer        user_data,
                                    GError        **error);
gboolean      th_store_step_rows   (ThStore        *self,
                                    sqlite3_stmt   *stmt,
                                    ThStoreRowFunc  func,
                                    gpointer        user_data,
                                    GError        **error);

/* How one column of a row lands in a struct, for th_store_fill_row():
 * the columns come in the order of the table that describes them. */
typedef enum
{
  TH_STORE_COLUMN_INT,       /* an int or a gboolean */
  TH_STORE_COLUMN_INT64,
  TH_STORE_COLUMN_TEXT,      /* a const char *, valid until the next step */
  TH_STORE_COLUMN_DUP_TEXT,  /* a char * the struct owns */
} ThStoreColumnKind;

typedef struct
{
  ThStoreColumnKind kind;
  gsize             offset;  /* G_STRUCT_OFFSET () of the member */
} ThStoreColumn;

void          th_store_fill_row    (sqlite3_stmt        *row,
                                    const ThStoreColumn *columns,
                                    guint                n_columns,
                                    gpointer             target);

/* A struct that th_store_dup_rows() reads a row into: its columns, its
 * size, and how it is freed. */
typedef struct
{
  const ThStoreColumn *columns;
  guint                n_columns;
  gsize                size;
  GDestroyNotify       free_func;
} ThStoreRowType;

GPtrArray    *th_store_dup_rows    (ThStore              *self,
                                    const char           *sql,
                                    gint64                id,
                                    const ThStoreRowType *type,
                                    GError              **error);

/* Hands each row to a typed callback (a ThLearnerRowFunc and the like,
 * cast), as @row filled by th_store_fill_row(): th_store_forward_row() is
 * its ThStoreRowFunc. */
typedef void (*ThStoreForwardFunc) (gconstpointer row,
                                    gpointer      user_data);

typedef struct
{
  const ThStoreColumn *columns;
  guint                n_columns;
  gpointer             row;
  ThStoreForwardFunc   func;
  gpointer             user_data;
} ThStoreForward;

void          th_store_forward_row (sqlite3_stmt  *row,
                                    gpointer       forward);

sqlite3_stmt *th_store_prepare     (ThStore       *self,
                                    const char    *sql,
                                    GError       **error);
gboolean      th_store_finish_read (ThStore       *self,
                                    sqlite3_stmt  *stmt,
                                    int            rc,
                                    GError       **error);
gint64        th_store_run_audited (ThStore       *self,
                                    sqlite3_stmt  *stmt,
                                    const char    *table,
                                    gint64         row_id,
                                    ThAuditAction  action,
                                    GError       **error);
gint64        th_store_commit_audited (ThStore    *self,
                                    sqlite3_stmt  *stmt,
                                    const char    *table,
                                    gint64         row_id,
                                    ThAuditAction  action,
                                    GError       **error);
char         *th_store_dup_now_text (ThStore      *self);
char         *th_store_clean_name  (const char    *name,
                                    GError       **error);
gboolean      th_store_invalid     (GError       **error,
                                    const char    *message);

/* Shared by th-store-learners.c and th-store-imports.c */
gint64    th_store_insert_learner_from (ThStore     *self,
                                        const char  *display_name,
                                        const char  *created_at,
                                        GError     **error);

/* Shared by th-store.c, th-store-schema.c and th-store-backup.c */
ThStoreError th_store_error_kind     (int           code);
ThStoreError th_store_errno_kind     (int           saved);
gboolean  th_store_ensure_file       (const char   *path,
                                      GError      **error);
int       th_store_query_int         (sqlite3      *db,
                                      const char   *sql,
                                      int          *value);
gboolean  th_store_migrate           (ThStore      *self,
                                      int           from,
                                      int           to,
                                      GError      **error);
char     *th_store_move_aside        (const char   *path,
                                      GError      **error);
char     *th_store_dup_damage_note_path (const char *path);

/* For the migration tests: a store whose schema stops at @version. */
ThStore  *th_store_open_at_version   (const char   *path,
                                      int           version,
                                      GError      **error);

G_END_DECLS
