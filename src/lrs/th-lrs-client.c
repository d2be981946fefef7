/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-lrs"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "th-json-depth.h"
#include "th-lrs-client.h"

/* What the client says about an LRS's answer never holds the secret:
 * only the address, the status and the LRS's own words. */

#define XAPI_VERSION "1.0.3"
#define TIMEOUT_SECONDS 30
#define MAX_REASON 400

struct _ThLrsClient
{
  GObject      parent_instance;

  SoupSession *session;
  GUri        *endpoint;        /* ends with a slash: resources are relative to it */
  char        *address;         /* the endpoint, without user information, for messages */
  char        *authorization;   /* "Basic …" */
};

G_DEFINE_FINAL_TYPE (ThLrsClient, th_lrs_client, G_TYPE_OBJECT)

static void
th_lrs_client_finalize (GObject *object)
{
  ThLrsClient *self = TH_LRS_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->endpoint, g_uri_unref);
  g_clear_pointer (&self->address, g_free);
  if (self->authorization != NULL)
    memset (self->authorization, 0, strlen (self->authorization));
  g_clear_pointer (&self->authorization, g_free);
  G_OBJECT_CLASS (th_lrs_client_parent_class)->finalize (object);
}

static void
th_lrs_client_class_init (ThLrsClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = th_lrs_client_finalize;
}

static void
th_lrs_client_init (ThLrsClient *self)
{
  self->session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS, "user-agent",
                                                 "Threshold/" PACKAGE_VERSION, NULL);
}

/**
 * th_lrs_client_new:
 * @endpoint: the LRS's xAPI address, as its administrator gives it (the
 *   resource "statements" is under it)
 *
 * Returns: (transfer full): a client, or %NULL with @error set when
 *   @endpoint is not an http or https address
 */
ThLrsClient *
th_lrs_client_new (const char  *endpoint,
                   const char  *key,
                   const char  *secret,
                   GError     **error)
{
  g_autoptr(ThLrsClient) self = g_object_new (TH_TYPE_LRS_CLIENT, NULL);
  g_autofree char *text = g_str_has_suffix (endpoint, "/") ? g_strdup (endpoint)
                                                           : g_strconcat (endpoint, "/", NULL);
  g_autofree char *pair = g_strconcat (key ? key : "", ":", secret ? secret : "", NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  const char *scheme;

  self->endpoint = g_uri_parse (text, G_URI_FLAGS_ENCODED, NULL);
  scheme = self->endpoint ? g_uri_get_scheme (self->endpoint) : NULL;
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (self->endpoint) == NULL || *g_uri_get_host (self->endpoint) == '\0')
    {
      g_set_error (error, TH_LRS_ERROR, TH_LRS_ERROR_ADDRESS,
                   _("“%s” is not the address of a Learning Record Store: it should look like "
                     "https://lrs.example.org/xapi/"), endpoint);
      return NULL;
    }
  self->address = g_uri_to_string_partial (self->endpoint, G_URI_HIDE_USERINFO);
  self->authorization = g_strconcat ("Basic ", encoded, NULL);
  memset (pair, 0, strlen (pair));
  return g_steal_pointer (&self);
}

const char *
th_lrs_client_get_endpoint (ThLrsClient *self)
{
  return self->address;
}

/* What a transport failure means to the person at the workstation. */
static void
set_transport_error (ThLrsClient  *self,
                     GError       *cause,
                     GError      **error)
{
  const char *address = self->address;

  if (cause->domain == G_TLS_ERROR)
    g_set_error (error, TH_LRS_ERROR, TH_LRS_ERROR_CERTIFICATE,
                 _("The Learning Record Store at %s did not prove who it is (its certificate: %s). "
                   "Ask whoever runs it to check the certificate."), address, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else
    g_set_error (error, TH_LRS_ERROR, TH_LRS_ERROR_UNREACHABLE,
                 _("The Learning Record Store at %s cannot be reached (%s). The records wait here and "
                   "are sent when it can."), address, cause->message);
}

/* The LRS's own words about a refusal, short and printable. */
static char *
dup_reason (GBytes *body)
{
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  g_autofree char *text = g_utf8_make_valid (data ? data : "", MIN (size, MAX_REASON));

  return g_strstrip (g_strdelimit (g_steal_pointer (&text), "\r\n\t", ' '));
}

/* Sends @message; TRUE for a 2xx answer, whose body is *@body. */
static gboolean
exchange (ThLrsClient   *self,
          SoupMessage   *message,
          GBytes       **body,
          GCancellable  *cancellable,
          GError       **error)
{
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);
  const char *address = self->address;
  g_autoptr(GError) cause = NULL;
  g_autofree char *reason = NULL;
  guint status;

  soup_message_headers_replace (headers, "X-Experience-API-Version", XAPI_VERSION);
  soup_message_headers_replace (headers, "Authorization", self->authorization);
  *body = soup_session_send_and_read (self->session, message, cancellable, &cause);
  if (*body == NULL)
    {
      set_transport_error (self, cause, error);
      return FALSE;
    }
  status = soup_message_get_status (message);
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return TRUE;
  reason = dup_reason (*body);
  g_clear_pointer (body, g_bytes_unref);
  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    g_set_error (error, TH_LRS_ERROR, TH_LRS_ERROR_CREDENTIALS,
                 _("The Learning Record Store at %s does not accept this key and secret (HTTP %u). "
                   "Check them with whoever runs it."), address, status);
  else if (status == SOUP_STATUS_BAD_REQUEST || status == SOUP_STATUS_CONFLICT)
    g_set_error (error, TH_LRS_ERROR, TH_LRS_ERROR_REFUSED, _("refused (HTTP %u): %s"), status, reason);
  else
    g_set_error (error, TH_LRS_ERROR, TH_LRS_ERROR_FAILED,
                 _("The Learning Record Store at %s answered HTTP %u: %s"), address, status, reason);
  return FALSE;
}

static SoupMessage *
new_message (ThLrsClient *self,
             const char  *method,
             const char  *resource)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (self->endpoint, resource, G_URI_FLAGS_ENCODED, NULL);

  return uri ? soup_message_new_from_uri (method, uri) : NULL;
}

/**
 * th_lrs_client_post:
 * @statements: a JSON array of statements
 *
 * Posts @statements. An LRS takes a batch whole or not at all: a
 * refusal (%TH_LRS_ERROR_REFUSED, with the LRS's reason) is the batch's.
 */
gboolean
th_lrs_client_post (ThLrsClient   *self,
                    const char    *statements,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(SoupMessage) message = new_message (self, "POST", "statements");
  g_autoptr(GBytes) request = g_bytes_new (statements, strlen (statements));
  g_autoptr(GBytes) body = NULL;

  soup_message_set_request_body_from_bytes (message, "application/json", request);
  return exchange (self, message, &body, cancellable, error);
}

/**
 * th_lrs_client_get:
 * @resource: relative to the endpoint ("statements?…"), or the absolute
 *   path of a "more" link
 *
 * Returns: (transfer full): the JSON the LRS answered, or %NULL with
 *   @error set
 */
JsonNode *
th_lrs_client_get (ThLrsClient   *self,
                   const char    *resource,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(SoupMessage) message = new_message (self, "GET", resource);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) body = NULL;
  gsize size;
  const char *data;

  if (message == NULL)
    {
      g_set_error (error, TH_LRS_ERROR, TH_LRS_ERROR_FAILED, _("The Learning Record Store gave a bad link: %s"),
                   resource);
      return NULL;
    }
  if (!exchange (self, message, &body, cancellable, error))
    return NULL;
  data = g_bytes_get_data (body, &size);
  if (!th_json_depth_within (data, size, TH_JSON_MAX_DEPTH) ||
      !json_parser_load_from_data (parser, data ? data : "", size, NULL) || json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, TH_LRS_ERROR, TH_LRS_ERROR_FAILED,
                           _("The Learning Record Store answered with something that is not JSON"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/**
 * th_lrs_client_check:
 *
 * Asks the LRS for one statement: proves the address, the certificate
 * and the credentials, with a message for whichever is wrong.
 */
gboolean
th_lrs_client_check (ThLrsClient   *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(JsonNode) answer = th_lrs_client_get (self, "statements?limit=1", cancellable, error);

  return answer != NULL;
}
