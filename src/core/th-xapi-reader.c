/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-xapi"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "th-xapi-profile-private.h"

/* Statements read back into the records they tell of: only Threshold's
 * own kinds, under the organisation's activity base, with ids of a fixed
 * form; anything else is not Threshold's, and one of Threshold's that
 * lacks what its kind must say is malformed. */

/* The node at @path ("result.score.raw") under @object, or %NULL. */
static JsonNode *
member_node (JsonObject *object,
             const char *path)
{
  g_auto(GStrv) names = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (object == NULL)
        return NULL;
      node = json_object_get_member (object, names[i]);
      object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  return node;
}

static const char *
member_string (JsonObject *object,
               const char *path)
{
  JsonNode *node = member_node (object, path);

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static gboolean
member_number (JsonObject *object,
               const char *path,
               double     *value)
{
  JsonNode *node = member_node (object, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    *value = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

static const char *
extension (ThXapiProfile *self,
           JsonObject    *statement,
           const char    *name)
{
  JsonNode *extensions = member_node (statement, "context.extensions");
  g_autofree char *id = g_strconcat (self->base, "/extensions/", name, NULL);
  JsonNode *node;

  if (extensions == NULL || !JSON_NODE_HOLDS_OBJECT (extensions) ||
      (node = json_object_get_member (json_node_get_object (extensions), id)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Ids of modules, moments and choices: what content files may name. */
static gboolean
is_content_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 200)
    return FALSE;
  for (const char *c = id; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_' && *c != '.')
      return FALSE;
  return TRUE;
}

/* The kind of record @verb tells of, if it is one of Threshold's. */
static gboolean
kind_of_verb (ThXapiProfile   *self,
              const char      *verb,
              ThStatementKind *kind,
              gboolean        *passed)
{
  const char *name;

  *passed = FALSE;
  if (verb == NULL)
    return FALSE;
  if (g_str_has_prefix (verb, ADL_VERB))
    {
      name = verb + strlen (ADL_VERB);
      if ((*passed = g_str_equal (name, "passed")) || g_str_equal (name, "failed"))
        return *kind = TH_STATEMENT_FINISHED, TRUE;
      return th_statement_kind_from_id (name, kind) && *kind < TH_STATEMENT_FINISHED ? TRUE
             : g_str_equal (name, "completed") ? (*kind = TH_STATEMENT_COMPLETED, TRUE) : FALSE;
    }
  if (g_str_has_prefix (verb, self->base) && g_str_has_prefix (verb + strlen (self->base), "/verbs/"))
    {
      name = verb + strlen (self->base) + strlen ("/verbs/");
      if (g_str_equal (name, "signed-off"))
        return *kind = TH_STATEMENT_SIGNED_OFF, TRUE;
      if (g_str_equal (name, "revoked-sign-off"))
        return *kind = TH_STATEMENT_REVOKED, TRUE;
    }
  return FALSE;
}

/* Reads the module (and moment) the activity @id names into @record;
 * FALSE when it is not one of Threshold's activities for @record's kind. */
static gboolean
read_object (ThXapiProfile   *self,
             const char      *id,
             ThXapiStatement *statement)
{
  ThStatementRecord *record = &statement->record;
  g_auto(GStrv) parts = NULL;
  const char *rest;

  if (id == NULL || !g_str_has_prefix (id, self->base))
    return FALSE;
  rest = id + strlen (self->base);
  switch (record->kind)
    {
    case TH_STATEMENT_REGISTERED:
      return *rest == '\0';
    case TH_STATEMENT_SIGNED_OFF:
    case TH_STATEMENT_REVOKED:
      return g_str_equal (rest, "/onboarding");
    case TH_STATEMENT_ATTEMPTED:
    case TH_STATEMENT_ANSWERED:
    case TH_STATEMENT_FINISHED:
    case TH_STATEMENT_COMPLETED:
    default:
      break;
    }
  parts = g_strsplit (rest, "/", -1);
  if (g_strv_length (parts) != (record->kind == TH_STATEMENT_ANSWERED ? 5u : 3u) ||
      !g_str_equal (parts[1], "modules") || !is_content_id (parts[2]) ||
      (record->kind == TH_STATEMENT_ANSWERED && (!g_str_equal (parts[3], "moments") || !is_content_id (parts[4]))))
    return FALSE;
  record->module_id = g_string_chunk_insert (statement->strings, parts[2]);
  if (record->kind == TH_STATEMENT_ANSWERED)
    record->scenario_id = g_string_chunk_insert (statement->strings, parts[4]);
  return TRUE;
}

/* The statement's time: as it was written when it is already in UTC (so
 * that a record merged from a file becomes the same statement again),
 * else as the records write times. */
static const char *
read_timestamp (ThXapiStatement *statement,
                const char      *timestamp)
{
  g_autoptr(GDateTime) time = timestamp ? g_date_time_new_from_iso8601 (timestamp, NULL) : NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (time == NULL)
    return NULL;
  if (g_str_has_suffix (timestamp, "Z") && strlen (timestamp) < 40)
    return timestamp;
  utc = g_date_time_to_utc (time);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
  return g_string_chunk_insert (statement->strings, text);
}

static gboolean
read_choices (ThXapiStatement *statement,
              const char      *response)
{
  g_auto(GStrv) ids = response ? g_strsplit (response, "[,]", 64) : NULL;
  g_autofree char *joined = NULL;

  if (ids == NULL || ids[0] == NULL)
    return FALSE;
  for (guint i = 0; ids[i] != NULL; i++)
    if (!is_content_id (ids[i]))
      return FALSE;
  joined = g_strjoinv (" ", ids);
  statement->record.choice_ids = g_string_chunk_insert (statement->strings, joined);
  return TRUE;
}

static gboolean
read_score (JsonObject        *object,
            ThStatementRecord *record)
{
  double raw, max;

  if (!member_number (object, "result.score.raw", &raw) || !member_number (object, "result.score.max", &max) ||
      raw < 0 || max < 0 || raw > max || max > 100000)
    return FALSE;
  record->score = (int) raw;
  record->max_score = (int) max;
  return TRUE;
}

static gboolean
read_result (ThXapiProfile   *self,
             JsonObject      *object,
             ThXapiStatement *statement)
{
  ThStatementRecord *record = &statement->record;
  const char *seq = extension (self, object, "answer-seq");
  double scaled;

  switch (record->kind)
    {
    case TH_STATEMENT_ANSWERED:
      record->seq = seq ? (int) g_ascii_strtoll (seq, NULL, 10) : 0;
      return record->seq > 0 && read_score (object, record) &&
             read_choices (statement, member_string (object, "result.response"));
    case TH_STATEMENT_FINISHED:
      return read_score (object, record);
    case TH_STATEMENT_COMPLETED:
      if (!member_number (object, "result.score.scaled", &scaled) || scaled < 0 || scaled > 1)
        return FALSE;
      record->percent = (int) (scaled * 100 + 0.5);
      return TRUE;
    case TH_STATEMENT_REGISTERED:
    case TH_STATEMENT_ATTEMPTED:
    case TH_STATEMENT_SIGNED_OFF:
    case TH_STATEMENT_REVOKED:
    default:
      return TRUE;
    }
}

static gboolean
read_context (ThXapiProfile   *self,
              JsonObject      *object,
              ThXapiStatement *statement)
{
  ThStatementRecord *record = &statement->record;
  const char *kind = extension (self, object, "attempt-kind");

  switch (record->kind)
    {
    case TH_STATEMENT_ATTEMPTED:
      record->registration = record->id;
      break;
    case TH_STATEMENT_ANSWERED:
    case TH_STATEMENT_FINISHED:
    case TH_STATEMENT_COMPLETED:
      record->registration = member_string (object, "context.registration");
      if (record->registration == NULL || !g_uuid_string_is_valid (record->registration))
        return FALSE;
      break;
    case TH_STATEMENT_SIGNED_OFF:
    case TH_STATEMENT_REVOKED:
      record->supervisor = member_string (object, "context.instructor.name");
      record->note = extension (self, object, record->kind == TH_STATEMENT_REVOKED ? "reason" : "note");
      record->signed_off_id = member_string (object, "context.statement.id");
      return record->supervisor != NULL &&
             (record->kind == TH_STATEMENT_SIGNED_OFF || record->signed_off_id != NULL);
    case TH_STATEMENT_REGISTERED:
    default:
      return TRUE;
    }
  record->refresher = g_strcmp0 (kind, "refresher") == 0;
  record->scenario_set = extension (self, object, "scenario-set");
  return TRUE;
}

/* The learner the actor is: this workstation's own when the account is
 * one it gave. */
static gboolean
read_actor (ThXapiProfile     *self,
            JsonObject        *object,
            ThStatementRecord *record)
{
  const char *local;
  char *end;

  record->learner_name = member_string (object, "actor.name");
  record->account = member_string (object, "actor.account.name");
  if (record->learner_name == NULL || record->account == NULL || *record->account == '\0')
    return FALSE;
  if (*self->workstation != '/' && g_str_has_prefix (record->account, self->workstation))
    {
      local = record->account + strlen (self->workstation);
      record->learner_id = g_ascii_strtoll (local, &end, 10);
      if (*end != '\0' || record->learner_id <= 0)
        record->learner_id = 0;
    }
  return TRUE;
}

void
th_xapi_statement_free (ThXapiStatement *statement)
{
  g_clear_pointer (&statement->node, json_node_unref);
  g_clear_pointer (&statement->strings, g_string_chunk_free);
  g_free (statement);
}

/**
 * th_xapi_profile_parse:
 * @node: one statement, as an LRS or an export file gives it
 *
 * Reads a statement back into the record it tells of.
 *
 * Returns: (transfer full) (nullable): the record; %NULL without @error
 *   for a statement that is not one of Threshold's, and with @error for
 *   one of Threshold's that lacks what it must say
 */
ThXapiStatement *
th_xapi_profile_parse (ThXapiProfile  *self,
                       JsonNode       *node,
                       GError        **error)
{
  g_autoptr(ThXapiStatement) statement = g_new0 (ThXapiStatement, 1);
  ThStatementRecord *record = &statement->record;
  JsonObject *object;
  gboolean passed;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, TH_XAPI_ERROR, TH_XAPI_ERROR_MALFORMED, _("an item is not a statement"));
      return NULL;
    }
  statement->node = json_node_ref (node);
  statement->strings = g_string_chunk_new (256);
  object = json_node_get_object (node);
  if (!kind_of_verb (self, member_string (object, "verb.id"), &record->kind, &passed))
    return NULL;
  record->passed = passed;
  if (!read_object (self, member_string (object, "object.id"), statement))
    return NULL;
  record->id = member_string (object, "id");
  record->timestamp = read_timestamp (statement, member_string (object, "timestamp"));
  if (record->id == NULL || !g_uuid_string_is_valid (record->id) || record->timestamp == NULL ||
      !read_actor (self, object, record) || !read_result (self, object, statement) ||
      !read_context (self, object, statement))
    {
      g_set_error (error, TH_XAPI_ERROR, TH_XAPI_ERROR_MALFORMED,
                   _("statement %s is one of Threshold’s but lacks what its kind must say"),
                   record->id && g_utf8_validate (record->id, -1, NULL) ? record->id : "?");
      return NULL;
    }
  return g_steal_pointer (&statement);
}
