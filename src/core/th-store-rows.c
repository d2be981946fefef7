/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-store"

#include "config.h"

#include <glib/gi18n.h>

#include "th-audit-trail.h"
#include "th-store-private.h"

/* What every part of the store uses: statements on the owner's connection,
 * reads whose failure is an error, and changes recorded with their audit
 * record in one transaction. */

char *
th_store_dup_now_text (ThStore *self)
{
  g_autoptr(GDateTime) now = th_store_dup_now (self);

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

sqlite3_stmt *
th_store_prepare (ThStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  th_store_assert_owner (self);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    th_store_set_error_from_db (self, rc, error);
  return stmt;
}

/* Ends a read: SQLITE_DONE is success, anything else an error. */
gboolean
th_store_finish_read (ThStore       *self,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW || th_store_set_error_from_db (self, rc, error);
}

/* Runs @sql, with ?1 bound to @id if it has a parameter, and hands each
 * row to @func. */
gboolean
th_store_read_rows (ThStore         *self,
                    const char      *sql,
                    gint64           id,
                    ThStoreRowFunc   func,
                    gpointer         user_data,
                    GError         **error)
{
  sqlite3_stmt *stmt = th_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return th_store_step_rows (self, stmt, func, user_data, error);
}

/* Hands each row of the prepared @stmt to @func, then finalizes it; a
 * step that fails is an error, never the end of the rows. */
gboolean
th_store_step_rows (ThStore         *self,
                    sqlite3_stmt    *stmt,
                    ThStoreRowFunc   func,
                    gpointer         user_data,
                    GError         **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, user_data);
  return th_store_finish_read (self, stmt, rc, error);
}

/* Fills the members of @target that @columns name from @row's columns,
 * one column each, in order. */
void
th_store_fill_row (sqlite3_stmt        *row,
                   const ThStoreColumn *columns,
                   guint                n_columns,
                   gpointer             target)
{
  for (guint i = 0; i < n_columns; i++)
    {
      gpointer member = (char *) target + columns[i].offset;

      switch (columns[i].kind)
        {
        case TH_STORE_COLUMN_INT:
          *(int *) member = sqlite3_column_int (row, i);
          break;
        case TH_STORE_COLUMN_INT64:
          *(gint64 *) member = sqlite3_column_int64 (row, i);
          break;
        case TH_STORE_COLUMN_TEXT:
          *(const char **) member = (const char *) sqlite3_column_text (row, i);
          break;
        case TH_STORE_COLUMN_DUP_TEXT:
          *(char **) member = g_strdup ((const char *) sqlite3_column_text (row, i));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

void
th_store_forward_row (sqlite3_stmt *row,
                      gpointer      user_data)
{
  ThStoreForward *forward = user_data;

  th_store_fill_row (row, forward->columns, forward->n_columns, forward->row);
  forward->func (forward->row, forward->user_data);
}

typedef struct
{
  const ThStoreRowType *type;
  GPtrArray            *rows;
} DupRows;

static void
dup_row (sqlite3_stmt *row,
         gpointer      user_data)
{
  DupRows *dup = user_data;
  gpointer target = g_malloc0 (dup->type->size);

  th_store_fill_row (row, dup->type->columns, dup->type->n_columns, target);
  g_ptr_array_add (dup->rows, target);
}

/**
 * th_store_dup_rows:
 *
 * th_store_read_rows(), each row read into a new struct of @type.
 *
 * Returns: (transfer full): the structs, in the rows' order; %NULL on
 *   @error
 */
GPtrArray *
th_store_dup_rows (ThStore               *self,
                   const char            *sql,
                   gint64                 id,
                   const ThStoreRowType  *type,
                   GError               **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (type->free_func);
  DupRows dup = { type, rows };

  if (!th_store_read_rows (self, sql, id, dup_row, &dup, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* Steps @stmt to its end, finalizes it, and records the row it inserted
 * or changed in the audit trail. */
gint64
th_store_run_audited (ThStore       *self,
                      sqlite3_stmt  *stmt,
                      const char    *table,
                      gint64         row_id,
                      ThAuditAction  action,
                      GError       **error)
{
  g_autoptr(GError) audit_error = NULL;
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      th_store_set_error_from_db (self, rc, error);
      return 0;
    }
  /* An update that matched no row changed nothing worth recording. */
  if (action == TH_AUDIT_UPDATE && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, TH_STORE_ERROR, TH_STORE_ERROR_NOT_FOUND,
                           _("There is no such record to change"));
      return 0;
    }
  if (action == TH_AUDIT_INSERT)
    row_id = sqlite3_last_insert_rowid (self->db);
  if (!th_audit_trail_append (self->db, table, row_id, action, &audit_error))
    {
      /* A full disk or a read-only file says so, wherever it struck. */
      int code = sqlite3_extended_errcode (self->db);

      if (th_store_error_kind (code) != TH_STORE_ERROR_FAILED)
        th_store_set_error_from_db (self, code, error);
      else
        g_propagate_error (error, g_steal_pointer (&audit_error));
      return 0;
    }
  return row_id;
}

/* Wraps one audited statement in its own transaction. */
gint64
th_store_commit_audited (ThStore       *self,
                         sqlite3_stmt  *stmt,
                         const char    *table,
                         gint64         row_id,
                         ThAuditAction  action,
                         GError       **error)
{
  gint64 id;

  if (stmt == NULL)
    return 0;
  if (!th_store_begin (self, error))
    {
      sqlite3_finalize (stmt);
      return 0;
    }
  id = th_store_run_audited (self, stmt, table, row_id, action, error);
  if (id == 0 || !th_store_commit (self, error))
    {
      th_store_rollback (self);
      return 0;
    }
  return id;
}

#define MAX_NAME_LENGTH 80
gboolean
th_store_invalid (GError     **error,
                  const char  *message)
{
  g_set_error_literal (error, TH_STORE_ERROR, TH_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* A name is shown in lists, reports and certificates: printable text of
 * a sensible length, without leading or trailing spaces. */
char *
th_store_clean_name (const char  *name,
                     GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (!g_utf8_validate (trimmed, -1, NULL))
    return th_store_invalid (error, _("The name is not valid text")), NULL;
  if (*trimmed == '\0')
    return th_store_invalid (error, _("Enter a name")), NULL;
  if (g_utf8_strlen (trimmed, -1) > MAX_NAME_LENGTH)
    return th_store_invalid (error, _("The name is too long: keep it under 80 characters")), NULL;
  for (const char *c = trimmed; *c != '\0'; c = g_utf8_next_char (c))
    if (g_unichar_iscntrl (g_utf8_get_char (c)))
      return th_store_invalid (error, _("The name cannot contain control characters")), NULL;
  return g_steal_pointer (&trimmed);
}
