/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-audit-trail"

#include "config.h"

#include <glib/gi18n.h>

#include "th-audit-trail.h"

/* What is recorded of a row: every column, quoted so that NULL, numbers and
 * text stay distinct. The same expression writes the record and checks
 * it, so they cannot drift apart. */
static const struct {
  const char *table;
  const char *state;
} audited[] = {
  { "learners",
    "quote(display_name)||'|'||quote(pin_hash)||'|'||quote(created_at)||'|'||quote(archived)" },
  { "attempts",
    "quote(learner_id)||'|'||quote(module_id)||'|'||quote(kind)||'|'||quote(scenario_set)||'|'||"
    "quote(started_at)||'|'||"
    "quote(finished_at)||'|'||quote(score)||'|'||quote(max_score)||'|'||quote(passed)" },
  { "attempt_seeds",
    "quote(seed)" },
  { "learner_name_keys",
    "quote(key)" },
  { "learner_accounts",
    "quote(account)" },
  { "imports",
    "quote(statement_id)||'|'||quote(origin)||'|'||quote(imported_at)" },
  { "answers",
    "quote(attempt_id)||'|'||quote(seq)||'|'||quote(scenario_id)||'|'||quote(choice_ids)||'|'||"
    "quote(score)||'|'||quote(max_score)||'|'||quote(answered_at)" },
  { "completions",
    "quote(learner_id)||'|'||quote(module_id)||'|'||quote(attempt_id)||'|'||"
    "quote(completed_at)||'|'||quote(score_percent)" },
  /* Nothing wrote sign-offs before supervisor_id came with version 3. */
  { "signoffs",
    "quote(learner_id)||'|'||quote(supervisor)||'|'||quote(signed_at)||'|'||quote(note)||'|'||"
    "quote(revoked_at)||'|'||quote(revoked_by)||'|'||quote(revoke_reason)||'|'||"
    "quote(supervisor_id)" },
  { "supervisors",
    "quote(display_name)||'|'||quote(passphrase_hash)||'|'||quote(learner_id)||'|'||"
    "quote(created_at)||'|'||quote(archived)" },
  { "settings",
    "quote(key)||'|'||quote(value)" },
};

G_DEFINE_QUARK (th-audit-trail-error-quark, th_audit_trail_error)

static const char * const action_names[] = { "insert", "update", "delete" };

static gboolean
fail (sqlite3     *db,
      GError     **error)
{
  g_set_error (error, TH_AUDIT_TRAIL_ERROR, TH_AUDIT_TRAIL_ERROR_FAILED,
               _("The audit trail cannot be written: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static const char *
state_of (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (audited); i++)
    if (g_str_equal (audited[i].table, table))
      return audited[i].state;
  g_assert_not_reached ();
}

static char *
chain_hash (const char *previous,
            gint64      id,
            const char *at,
            const char *table,
            gint64      row_id,
            const char *action,
            const char *state)
{
  g_autofree char *text = g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%s\n%s\n%" G_GINT64_FORMAT "\n%s\n%s",
                                           previous, id, at, table, row_id, action, state);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* The text of the first column of the first row @sql returns, or NULL;
 * *@ok says whether the query itself worked. */
static char *
query_text (sqlite3    *db,
            const char *sql,
            gint64      bind,
            gboolean   *ok)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_int64 (stmt, 1, bind);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  *ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return text;
}

static gint64
last_id (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (db, "SELECT ifnull(max(id), 0) FROM audit", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

/**
 * th_audit_trail_append:
 *
 * Records the current state of @row_id of @table (or its removal). Call it
 * inside the transaction that changed the row, so both commit together.
 */
gboolean
th_audit_trail_append (sqlite3        *db,
                       const char     *table,
                       gint64          row_id,
                       ThAuditAction   action,
                       GError        **error)
{
  g_autofree char *state_sql = g_strdup_printf ("SELECT %s FROM %s WHERE rowid = ?1",
                                                state_of (table), table);
  g_autofree char *state = NULL, *previous = NULL, *at = NULL, *hash = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  sqlite3_stmt *stmt = NULL;
  gint64 id;
  gboolean ok;
  int rc;

  state = action == TH_AUDIT_DELETE ? g_strdup ("") : query_text (db, state_sql, row_id, &ok);
  if (state == NULL)
    return fail (db, error);
  previous = query_text (db, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", 0, &ok);
  if (!ok)
    return fail (db, error);
  /* Ids are given, not left to SQLite, so that a gap shows a cut trail. */
  id = 1 + last_id (db);
  at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
  hash = chain_hash (previous ? previous : "", id, at, table, row_id, action_names[action], state);

  rc = sqlite3_prepare_v2 (db, "INSERT INTO audit (id, at, tbl, row_id, action, state, hash) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, row_id);
      sqlite3_bind_text (stmt, 5, action_names[action], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, state, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, hash, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || fail (db, error);
}

/* Records every row of @table that has no record yet: used once, when a
 * migration brings rows written before the audit trail existed into it. */
gboolean
th_audit_trail_seal_table (sqlite3     *db,
                           const char  *table,
                           GError     **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT rowid FROM %s t WHERE NOT EXISTS "
    "(SELECT 1 FROM audit a WHERE a.tbl = '%s' AND a.row_id = t.rowid) ORDER BY rowid",
    table, table);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return fail (db, error);

  for (guint i = 0; i < ids->len; i++)
    if (!th_audit_trail_append (db, table, g_array_index (ids, gint64, i), TH_AUDIT_INSERT, error))
      return FALSE;
  return TRUE;
}

/* Walks the chain in order; returns where it first breaks, or NULL. */
static char *
verify_chain (sqlite3 *db)
{
  g_autofree char *previous = g_strdup ("");
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;
  gint64 expected_id = 1;

  sqlite3_prepare_v2 (db, "SELECT id, at, tbl, row_id, action, state, hash FROM audit ORDER BY id",
                      -1, &stmt, NULL);
  while (problem == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *hash = chain_hash (previous, id,
                                          (const char *) sqlite3_column_text (stmt, 1),
                                          (const char *) sqlite3_column_text (stmt, 2),
                                          sqlite3_column_int64 (stmt, 3),
                                          (const char *) sqlite3_column_text (stmt, 4),
                                          (const char *) sqlite3_column_text (stmt, 5));

      /* Numbers as text: a gettext message cannot hold G_GINT64_FORMAT. */
      g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, expected_id);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      if (id != expected_id)
        problem = g_strdup_printf (_("audit record %s is missing: the trail was cut outside "
                                     "Threshold"), expected);
      else if (g_strcmp0 (hash, (const char *) sqlite3_column_text (stmt, 6)) != 0)
        problem = g_strdup_printf (_("audit record %s does not match its hash: it was changed "
                                     "outside Threshold"), number);
      g_free (previous);
      previous = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      expected_id = id + 1;
    }
  sqlite3_finalize (stmt);
  return problem;
}

/* Each row of @table must match its latest record, and each recorded row
 * that was not deleted through Threshold must still exist. */
static char *
verify_table (sqlite3    *db,
              const char *table,
              const char *state)
{
  g_autofree char *changed_sql = g_strdup_printf (
    "SELECT rowid FROM %s t WHERE (SELECT state FROM audit a WHERE a.tbl = '%s' "
    "AND a.row_id = t.rowid ORDER BY a.id DESC LIMIT 1) IS NOT (%s) ORDER BY rowid LIMIT 1",
    table, table, state);
  g_autofree char *deleted_sql = g_strdup_printf (
    "SELECT a.row_id FROM audit a WHERE a.tbl = '%s' AND a.action != 'delete' "
    "AND a.id = (SELECT max(id) FROM audit b WHERE b.tbl = a.tbl AND b.row_id = a.row_id) "
    "AND NOT EXISTS (SELECT 1 FROM %s t WHERE t.rowid = a.row_id) ORDER BY a.row_id LIMIT 1",
    table, table);
  g_autofree char *changed = NULL, *deleted = NULL;
  gboolean ok;

  changed = query_text (db, changed_sql, 0, &ok);
  if (changed != NULL)
    return g_strdup_printf (_("%s row %s differs from its audit record: it was changed or "
                              "added outside Threshold"), table, changed);
  deleted = query_text (db, deleted_sql, 0, &ok);
  if (deleted != NULL)
    return g_strdup_printf (_("%s row %s is in the audit trail but no longer in the database: "
                              "it was deleted outside Threshold"), table, deleted);
  return NULL;
}

/**
 * th_audit_trail_verify:
 *
 * Returns: (transfer full) (nullable): a sentence saying where the records
 *   first break, or %NULL when every record is intact (or on @error)
 */
char *
th_audit_trail_verify (sqlite3  *db,
                       GError  **error)
{
  char *problem = verify_chain (db);

  for (guint i = 0; problem == NULL && i < G_N_ELEMENTS (audited); i++)
    problem = verify_table (db, audited[i].table, audited[i].state);
  return problem;
}
