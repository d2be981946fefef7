/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-lrs"

#include "config.h"

#include <glib/gi18n.h>

#include "th-lrs-secret.h"
#include "th-lrs-sync.h"
#include "th-store-statements.h"

/* A statement is marked sent only after the LRS took it; a crash between
 * the two sends it again with the same id, which the LRS holds as the
 * same statement. A batch the LRS refuses is sent again one by one, so
 * that only what it refuses is set aside, with its reason. */

#define BATCH_SIZE 200
#define FETCH_PAGE "500"

typedef struct
{
  ThXapiProfile *profile;
  GString       *body;
  GPtrArray     *ids;
  GPtrArray     *statements;   /* each alone, in case the batch is refused */
} Batch;

static void
add_to_batch (const ThStatementRecord *record,
              gpointer                 user_data)
{
  Batch *batch = user_data;
  char *text = th_xapi_profile_dup_json (batch->profile, record);

  g_string_append (batch->body, batch->ids->len ? "," : "[");
  g_string_append (batch->body, text);
  g_ptr_array_add (batch->ids, g_strdup (record->id));
  g_ptr_array_add (batch->statements, text);
}

static void
batch_clear (Batch *batch)
{
  g_string_free (batch->body, TRUE);
  g_ptr_array_unref (batch->ids);
  g_ptr_array_unref (batch->statements);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Batch, batch_clear)

/* Sends a refused batch's statements one at a time. */
static gboolean
send_singly (ThStore        *store,
             ThLrsClient    *client,
             Batch          *batch,
             ThSyncReport   *report,
             GCancellable   *cancellable,
             GError        **error)
{
  for (guint i = 0; i < batch->ids->len; i++)
    {
      const char *id = g_ptr_array_index (batch->ids, i);
      g_autofree char *single = g_strconcat ("[", (char *) g_ptr_array_index (batch->statements, i), "]", NULL);
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autoptr(GError) refusal = NULL;

      g_ptr_array_add (one, (gpointer) id);
      if (th_lrs_client_post (client, single, cancellable, &refusal))
        {
          if (!th_store_mark_statements_sent (store, one, error))
            return FALSE;
          report->sent++;
        }
      else if (g_error_matches (refusal, TH_LRS_ERROR, TH_LRS_ERROR_REFUSED))
        {
          if (!th_store_refuse_statement (store, id, refusal->message, error))
            return FALSE;
          report->refused++;
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&refusal));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * th_lrs_sync_send:
 * @report: (inout): counts what was sent and refused
 *
 * Sends the outbox in batches until it is empty. An LRS that cannot be
 * reached, or refuses the credentials, stops the round with @error set;
 * what it took before is marked sent.
 */
gboolean
th_lrs_sync_send (ThStore        *store,
                  ThXapiProfile  *profile,
                  ThLrsClient    *client,
                  ThSyncReport   *report,
                  GCancellable   *cancellable,
                  GError        **error)
{
  for (;;)
    {
      g_auto(Batch) batch = { profile, g_string_new (NULL), g_ptr_array_new_with_free_func (g_free),
                              g_ptr_array_new_with_free_func (g_free) };
      g_autoptr(GError) refusal = NULL;

      if (!th_store_read_statements (store, TRUE, BATCH_SIZE, add_to_batch, &batch, error))
        return FALSE;
      if (batch.ids->len == 0)
        return TRUE;
      g_string_append_c (batch.body, ']');
      if (th_lrs_client_post (client, batch.body->str, cancellable, &refusal))
        {
          if (!th_store_mark_statements_sent (store, batch.ids, error))
            return FALSE;
          report->sent += batch.ids->len;
        }
      else if (g_error_matches (refusal, TH_LRS_ERROR, TH_LRS_ERROR_REFUSED))
        {
          if (!send_singly (store, client, &batch, report, cancellable, error))
            return FALSE;
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&refusal));
          return FALSE;
        }
    }
}

/* The secret for @endpoint and @key: from the environment for scripts
 * and tests, else from the keyring. */
char *
th_lrs_sync_dup_secret (const char    *endpoint,
                        const char    *key,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *secret;

  if (g_getenv ("THRESHOLD_LRS_SECRET") != NULL)
    return g_strdup (g_getenv ("THRESHOLD_LRS_SECRET"));
  secret = th_lrs_secret_lookup (endpoint, key, cancellable, &local_error);
  if (secret == NULL && local_error == NULL)
    g_set_error (&local_error, TH_LRS_ERROR, TH_LRS_ERROR_CREDENTIALS,
                 _("The keyring holds no secret for the Learning Record Store at %s: enter it again under "
                   "Organisation Records"), endpoint);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return secret;
}

/**
 * th_lrs_sync_open_client:
 *
 * The client for the LRS the database's settings name, or the
 * environment's (THRESHOLD_LRS_ENDPOINT and THRESHOLD_LRS_KEY) for
 * scripts and tests.
 *
 * Returns: (transfer full) (nullable): the client; %NULL without @error
 *   when no LRS is set up
 */
ThLrsClient *
th_lrs_sync_open_client (ThStore       *store,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *endpoint = g_strdup (g_getenv ("THRESHOLD_LRS_ENDPOINT"));
  g_autofree char *key = g_strdup (g_getenv ("THRESHOLD_LRS_KEY"));
  g_autofree char *secret = NULL;
  ThLrsClient *client;

  if (!th_store_read_setting (store, TH_STORE_LRS_ENDPOINT_KEY, &endpoint, error) || endpoint == NULL ||
      !th_store_read_setting (store, TH_STORE_LRS_KEY_KEY, &key, error) ||
      (secret = th_lrs_sync_dup_secret (endpoint, key, cancellable, error)) == NULL)
    return NULL;
  client = th_lrs_client_new (endpoint, key, secret, error);
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  return client;
}

/* The later of two "stored" times, as the LRS wrote them. */
static const char *
later (const char *a,
       const char *b)
{
  g_autoptr(GDateTime) x = a ? g_date_time_new_from_iso8601 (a, NULL) : NULL;
  g_autoptr(GDateTime) y = b ? g_date_time_new_from_iso8601 (b, NULL) : NULL;

  if (y == NULL)
    return a;
  return x == NULL || g_date_time_compare (y, x) > 0 ? b : a;
}

static char *
first_page (ThXapiProfile *profile,
            const char    *since)
{
  g_autofree char *activity = g_uri_escape_string (th_xapi_profile_get_activity_base (profile), NULL, FALSE);
  g_autofree char *after = since ? g_uri_escape_string (since, NULL, FALSE) : NULL;

  return g_strconcat ("statements?activity=", activity, "&related_activities=true&ascending=true&limit=",
                      FETCH_PAGE, after ? "&since=" : "", after, NULL);
}

/* Reads every page from @resource on, into @all; *@stored is the latest
 * time the LRS stored one of them. */
static gboolean
fetch_pages (ThLrsClient    *client,
             const char     *resource,
             JsonArray      *all,
             char          **stored,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autofree char *next = g_strdup (resource);

  while (next != NULL && *next != '\0')
    {
      g_autoptr(JsonNode) page = th_lrs_client_get (client, next, cancellable, error);
      JsonObject *object = page && JSON_NODE_HOLDS_OBJECT (page) ? json_node_get_object (page) : NULL;
      JsonArray *statements = object && json_object_has_member (object, "statements") &&
                              JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "statements"))
                              ? json_object_get_array_member (object, "statements") : NULL;

      if (page == NULL)
        return FALSE;
      if (statements == NULL)
        {
          g_set_error_literal (error, TH_LRS_ERROR, TH_LRS_ERROR_FAILED,
                               _("The Learning Record Store answered without a list of statements"));
          return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (statements); i++)
        {
          JsonNode *statement = json_array_get_element (statements, i);
          JsonObject *fields = JSON_NODE_HOLDS_OBJECT (statement) ? json_node_get_object (statement) : NULL;
          const char *at = fields && json_object_has_member (fields, "stored")
                           ? json_object_get_string_member_with_default (fields, "stored", NULL) : NULL;

          json_array_add_element (all, json_node_copy (statement));
          if (later (*stored, at) != *stored)
            {
              g_free (*stored);
              *stored = g_strdup (at);
            }
        }
      g_free (next);
      next = g_strdup (json_object_get_string_member_with_default (object, "more", NULL));
    }
  return TRUE;
}

/**
 * th_lrs_sync_fetch:
 * @report: (inout): counts what was fetched and merged
 *
 * Fetches the statements of Threshold's activities stored since the last
 * round and merges them; the next round asks only for later ones.
 */
gboolean
th_lrs_sync_fetch (ThStore        *store,
                   ThXapiProfile  *profile,
                   ThLrsClient    *client,
                   ThSyncReport   *report,
                   GCancellable   *cancellable,
                   GError        **error)
{
  /* Where the last round stopped, for this LRS: another one is read from
   * its beginning. */
  g_autofree char *key = g_strconcat (TH_STORE_LRS_FETCHED_KEY, " ", th_lrs_client_get_endpoint (client), NULL);
  g_autofree char *since = NULL, *stored = NULL, *first = NULL;
  g_autoptr(JsonArray) all = json_array_new ();
  g_autoptr(GError) local_error = NULL;

  since = th_store_dup_setting (store, key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  stored = g_strdup (since);
  first = first_page (profile, since);
  if (!fetch_pages (client, first, all, &stored, cancellable, error) ||
      !th_xapi_import_array (store, profile, all, th_lrs_client_get_endpoint (client), TRUE, &report->merged, error))
    return FALSE;
  report->fetched += json_array_get_length (all);
  return g_strcmp0 (stored, since) == 0 || th_store_set_setting (store, key, stored, error);
}
