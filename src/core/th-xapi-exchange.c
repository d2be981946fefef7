/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-xapi"

#include "config.h"

#include <glib/gi18n.h>

#include "th-json-depth.h"
#include "th-xapi-exchange.h"

/* A file of statements is read whole and checked before anything is
 * written, then merged in one batch: a file that fails leaves the
 * records as they were. */

/* Above the export of 10,000 learners' records (about 700 MB): a bound,
 * so that a hostile file cannot take all the memory. */
#define MAX_IMPORT_BYTES (1024 * 1024 * 1024)

typedef struct
{
  ThXapiProfile *profile;
  GString       *out;
  guint          count;
} Export;

static void
append_statement (const ThStatementRecord *record,
                  gpointer                 user_data)
{
  Export *export = user_data;
  g_autofree char *text = th_xapi_profile_dup_json (export->profile, record);

  g_string_append (export->out, export->count++ ? ",\n" : "[\n");
  g_string_append (export->out, text);
}

/**
 * th_xapi_export_file:
 * @count: (out) (optional): how many statements were written
 *
 * Writes every record as a JSON array of statements, the same ids every
 * time, replacing @file whole or not at all.
 */
gboolean
th_xapi_export_file (ThStore        *store,
                     ThXapiProfile  *profile,
                     GFile          *file,
                     guint          *count,
                     GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Export export = { profile, out, 0 };

  if (!th_store_read_statements (store, FALSE, 0, append_statement, &export, error))
    return FALSE;
  g_string_append (out, export.count ? "\n]\n" : "[]\n");
  if (count != NULL)
    *count = export.count;
  return g_file_replace_contents (file, out->str, out->len, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

/* The order records are made in: a profile before its attempts, an
 * attempt before its answers, a sign-off before its revocation; by time
 * within a kind. */
static int
compare_statements (gconstpointer a,
                    gconstpointer b)
{
  const ThStatementRecord *x = &(*(ThXapiStatement **) a)->record;
  const ThStatementRecord *y = &(*(ThXapiStatement **) b)->record;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return strcmp (x->timestamp, y->timestamp);
}

/* Reads @statements into records; those not Threshold's are counted.
 * A malformed one fails the whole when @strict (a file, which should be
 * Threshold's own), and is counted and passed over when not (an LRS,
 * which anyone may have written to). */
static GPtrArray *
parse_all (ThXapiProfile   *profile,
           JsonArray       *statements,
           gboolean         strict,
           ThImportCounts  *counts,
           GError         **error)
{
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) th_xapi_statement_free);
  guint n = json_array_get_length (statements);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) local_error = NULL;
      ThXapiStatement *statement = th_xapi_profile_parse (profile, json_array_get_element (statements, i),
                                                          &local_error);

      if (local_error != NULL && !strict)
        {
          g_debug ("Passed over: %s", local_error->message);
          counts->malformed++;
          continue;
        }
      if (local_error != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("Item %u: "), i + 1);
          return NULL;
        }
      if (statement == NULL)
        counts->foreign++;
      else
        g_ptr_array_add (parsed, statement);
    }
  g_ptr_array_sort (parsed, compare_statements);
  return g_steal_pointer (&parsed);
}

static void
count_outcome (ThImportCounts  *counts,
               ThImportOutcome  outcome)
{
  switch (outcome)
    {
    case TH_IMPORT_ADDED:
      counts->added++;
      break;
    case TH_IMPORT_ALREADY_HERE:
      counts->already_here++;
      break;
    case TH_IMPORT_UNMATCHED:
    default:
      counts->unmatched++;
      break;
    }
}

/**
 * th_xapi_import_array:
 * @origin: where the statements came from, for the audit trail
 * @sent: whether they came from the LRS, which has them already: a
 *   malformed one is then passed over; from a file, it fails the whole
 * @counts: (out): what merging did
 *
 * Merges @statements, all or none: a failure leaves the records as they
 * were.
 */
gboolean
th_xapi_import_array (ThStore         *store,
                      ThXapiProfile   *profile,
                      JsonArray       *statements,
                      const char      *origin,
                      gboolean         sent,
                      ThImportCounts  *counts,
                      GError         **error)
{
  g_autoptr(GPtrArray) parsed = NULL;

  *counts = (ThImportCounts) { 0 };
  if ((parsed = parse_all (profile, statements, !sent, counts, error)) == NULL)
    return FALSE;
  if (!th_store_begin_batch (store, error))
    return FALSE;
  for (guint i = 0; i < parsed->len; i++)
    {
      ThXapiStatement *statement = g_ptr_array_index (parsed, i);
      ThImportOutcome outcome;

      if (!th_store_import_statement (store, &statement->record, origin, sent, &outcome, error))
        {
          th_store_abandon_batch (store);
          return FALSE;
        }
      count_outcome (counts, outcome);
    }
  return th_store_commit_batch (store, error);
}

static JsonArray *
load_array (GFile        *file,
            GMappedFile **mapped,
            JsonParser   *parser,
            GError      **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;
  JsonNode *root;

  if ((*mapped = g_mapped_file_new (path, FALSE, error)) == NULL)
    return NULL;
  data = g_mapped_file_get_contents (*mapped);
  length = g_mapped_file_get_length (*mapped);
  if (length > MAX_IMPORT_BYTES)
    {
      g_set_error (error, TH_XAPI_ERROR, TH_XAPI_ERROR_MALFORMED,
                   _("%s is too large to be a file of statements"), name);
      return NULL;
    }
  if (!th_json_depth_within (data, length, TH_JSON_MAX_DEPTH))
    {
      g_set_error (error, TH_XAPI_ERROR, TH_XAPI_ERROR_MALFORMED,
                   _("%s is not a file of statements: it nests deeper than any statement"), name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data ? data : "", length, &local_error))
    {
      g_set_error (error, TH_XAPI_ERROR, TH_XAPI_ERROR_MALFORMED, _("%s is not a file of statements: %s"), name,
                   local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, TH_XAPI_ERROR, TH_XAPI_ERROR_MALFORMED,
                   _("%s is not a file of statements: it does not hold a JSON array"), name);
      return NULL;
    }
  return json_node_get_array (root);
}

/**
 * th_xapi_import_file:
 *
 * Merges a file th_xapi_export_file() wrote on another workstation; its
 * statements go on to the LRS from here. Importing it again adds nothing.
 */
gboolean
th_xapi_import_file (ThStore         *store,
                     ThXapiProfile   *profile,
                     GFile           *file,
                     ThImportCounts  *counts,
                     GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GMappedFile) mapped = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;
  JsonArray *statements;

  *counts = (ThImportCounts) { 0 };
  if ((statements = load_array (file, &mapped, parser, error)) == NULL)
    return FALSE;
  if (!th_xapi_import_array (store, profile, statements, name, FALSE, counts, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return FALSE;
    }
  return TRUE;
}
