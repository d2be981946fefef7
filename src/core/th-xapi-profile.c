/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-xapi"

#include "config.h"

#include <glib/gi18n.h>

#include "th-module.h"
#include "th-quiz.h"
#include "th-xapi-profile.h"

/* Each record kind's verb: ADL's where one exists, the organisation's
 * own (under the activity base) for a sign-off and its revocation. A
 * finished attempt is passed or failed. */
#define ADL_VERB "http://adlnet.gov/expapi/verbs/"
#define ADL_ACTIVITY "http://adlnet.gov/expapi/activities/"

struct _ThXapiProfile
{
  char      *home_page;
  char      *workstation;   /* prefix of the accounts of learners without one */
  char      *base;          /* of Threshold's activities, verbs and extensions */
  ThCatalog *catalog;       /* (nullable): names the activities */
};

G_DEFINE_QUARK (th-xapi-error-quark, th_xapi_error)

ThXapiProfile *
th_xapi_profile_new (const char *home_page,
                     const char *workstation_id,
                     ThCatalog  *catalog)
{
  ThXapiProfile *self = g_new0 (ThXapiProfile, 1);
  g_autofree char *home = g_strdup (home_page && *home_page ? home_page : TH_XAPI_UNSET_HOME_PAGE);

  while (g_str_has_suffix (home, "/"))
    home[strlen (home) - 1] = '\0';
  self->home_page = g_steal_pointer (&home);
  self->workstation = g_strconcat (workstation_id, "/", NULL);
  self->base = g_strconcat (self->home_page, "/xapi/threshold", NULL);
  self->catalog = catalog ? g_object_ref (catalog) : NULL;
  return self;
}

/**
 * th_xapi_profile_new_for_store:
 *
 * The profile of the organisation and workstation @store's settings name.
 */
ThXapiProfile *
th_xapi_profile_new_for_store (ThStore    *store,
                               ThCatalog  *catalog,
                               GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *home = th_store_dup_setting (store, TH_STORE_HOME_PAGE_KEY, &local_error);
  g_autofree char *workstation = NULL;

  if (local_error == NULL)
    workstation = th_store_dup_setting (store, TH_STORE_WORKSTATION_ID_KEY, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return th_xapi_profile_new (home, workstation ? workstation : "", catalog);
}

void
th_xapi_profile_free (ThXapiProfile *self)
{
  g_free (self->home_page);
  g_free (self->workstation);
  g_free (self->base);
  g_clear_object (&self->catalog);
  g_free (self);
}

const char *
th_xapi_profile_get_activity_base (ThXapiProfile *self)
{
  return self->base;
}

static char *
iri (ThXapiProfile *self,
     const char    *path)
{
  return g_strconcat (self->base, path, NULL);
}

/* Building */

static void
add_language_map (JsonBuilder *builder,
                  const char  *member,
                  const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "en-US");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
}

static void
collect_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              user_data,
              GError              **error)
{
  g_string_append_len (user_data, text, length);
}

/* The text of content markup, without its tags. */
static char *
dup_plain (const char *markup)
{
  static const GMarkupParser parser = { NULL, NULL, collect_text, NULL, NULL };
  GString *plain = g_string_new (NULL);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, plain, NULL);

  if (!g_markup_parse_context_parse (context, "<t>", -1, NULL) ||
      !g_markup_parse_context_parse (context, markup, -1, NULL) ||
      !g_markup_parse_context_parse (context, "</t>", -1, NULL))
    g_string_assign (plain, markup);
  return g_string_free (plain, FALSE);
}

static void
add_agent (ThXapiProfile *self,
           JsonBuilder   *builder,
           const char    *member,
           const char    *name,
           const char    *account)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "objectType");
  json_builder_add_string_value (builder, "Agent");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "account");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "homePage");
  json_builder_add_string_value (builder, self->home_page);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, account);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_actor (ThXapiProfile           *self,
           JsonBuilder             *builder,
           const ThStatementRecord *record)
{
  g_autofree char *local = NULL;

  if (record->account == NULL)
    local = g_strdup_printf ("%s%" G_GINT64_FORMAT, self->workstation, record->learner_id);
  add_agent (self, builder, "actor", record->learner_name, record->account ? record->account : local);
}

static void
add_verb (ThXapiProfile           *self,
          JsonBuilder             *builder,
          const ThStatementRecord *record)
{
  const char *display = record->kind == TH_STATEMENT_FINISHED ? (record->passed ? "passed" : "failed")
                      : record->kind == TH_STATEMENT_REVOKED ? "revoked-sign-off"
                      : th_statement_kind_to_id (record->kind);
  g_autofree char *id = record->kind >= TH_STATEMENT_SIGNED_OFF
                      ? g_strconcat (self->base, "/verbs/", display, NULL)
                      : g_strconcat (ADL_VERB, display, NULL);

  json_builder_set_member_name (builder, "verb");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  add_language_map (builder, "display", display);
  json_builder_end_object (builder);
}

static void
add_choices (JsonBuilder      *builder,
             const ThScenario *scenario)
{
  json_builder_set_member_name (builder, "choices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < scenario->choices->len; i++)
    {
      const ThChoice *choice = g_ptr_array_index (scenario->choices, i);
      g_autofree char *text = dup_plain (choice->text);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, choice->id);
      add_language_map (builder, "description", text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static const ThScenario *
find_scenario (ThModule   *module,
               const char *scenario_id)
{
  const ThQuiz *quiz = module ? th_module_get_quiz (module) : NULL;

  return quiz && scenario_id ? th_quiz_find_scenario (quiz, scenario_id) : NULL;
}

/* What the statement is about: the curriculum, a module, one moment of a
 * module's quiz, or the learner's onboarding. */
static void
add_object (ThXapiProfile           *self,
            JsonBuilder             *builder,
            const ThStatementRecord *record)
{
  ThModule *module = self->catalog && record->module_id ? th_catalog_find_module (self->catalog, record->module_id)
                                                         : NULL;
  const ThScenario *scenario = NULL;
  g_autofree char *id = NULL;
  const char *type, *name;

  switch (record->kind)
    {
    case TH_STATEMENT_REGISTERED:
      id = g_strdup (self->base), type = ADL_ACTIVITY "course";
      name = "Threshold: harm-reduction-informed care";
      break;
    case TH_STATEMENT_SIGNED_OFF:
    case TH_STATEMENT_REVOKED:
      id = iri (self, "/onboarding"), type = ADL_ACTIVITY "assessment", name = "Onboarding";
      break;
    case TH_STATEMENT_ANSWERED:
      scenario = find_scenario (module, record->scenario_id);
      id = g_strdup_printf ("%s/modules/%s/moments/%s", self->base, record->module_id, record->scenario_id);
      type = ADL_ACTIVITY "cmi.interaction";
      name = scenario ? scenario->title : record->scenario_id;
      break;
    case TH_STATEMENT_ATTEMPTED:
    case TH_STATEMENT_FINISHED:
    case TH_STATEMENT_COMPLETED:
    default:
      id = g_strdup_printf ("%s/modules/%s", self->base, record->module_id);
      type = ADL_ACTIVITY "module";
      name = module ? th_module_get_title (module) : record->module_id;
      break;
    }
  json_builder_set_member_name (builder, "object");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "objectType");
  json_builder_add_string_value (builder, "Activity");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "definition");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  add_language_map (builder, "name", name);
  if (record->kind == TH_STATEMENT_ANSWERED)
    {
      json_builder_set_member_name (builder, "interactionType");
      json_builder_add_string_value (builder, "choice");
      if (scenario != NULL)
        add_choices (builder, scenario);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_score (JsonBuilder *builder,
           int          raw,
           int          max)
{
  json_builder_set_member_name (builder, "score");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "raw");
  json_builder_add_int_value (builder, CLAMP (raw, 0, MAX (max, 0)));
  json_builder_set_member_name (builder, "min");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "max");
  json_builder_add_int_value (builder, MAX (max, 0));
  json_builder_set_member_name (builder, "scaled");
  json_builder_add_double_value (builder, max > 0 ? (double) CLAMP (raw, 0, max) / max : 0.0);
  json_builder_end_object (builder);
}

static void
add_result (JsonBuilder             *builder,
            const ThStatementRecord *record)
{
  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  if (record->kind == TH_STATEMENT_ANSWERED)
    {
      g_auto(GStrv) ids = g_strsplit (record->choice_ids, " ", -1);
      g_autofree char *response = g_strjoinv ("[,]", ids);

      json_builder_set_member_name (builder, "response");
      json_builder_add_string_value (builder, response);
      add_score (builder, record->score, record->max_score);
    }
  else if (record->kind == TH_STATEMENT_FINISHED)
    {
      json_builder_set_member_name (builder, "success");
      json_builder_add_boolean_value (builder, record->passed);
      add_score (builder, record->score, record->max_score);
    }
  else
    {
      json_builder_set_member_name (builder, "success");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "completion");
      json_builder_add_boolean_value (builder, TRUE);
      add_score (builder, record->percent, 100);
    }
  json_builder_end_object (builder);
}

static void
add_activity_list (JsonBuilder *builder,
                   const char  *member,
                   const char  *id)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "objectType");
  json_builder_add_string_value (builder, "Activity");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_extension (ThXapiProfile *self,
               JsonBuilder   *builder,
               const char    *name,
               const char    *value)
{
  g_autofree char *id = g_strconcat (self->base, "/extensions/", name, NULL);

  json_builder_set_member_name (builder, id);
  json_builder_add_string_value (builder, value);
}

/* The tags of the choices an answer chose: what they honour and what
 * they work against. */
static void
add_tag_extensions (ThXapiProfile           *self,
                    JsonBuilder             *builder,
                    const ThStatementRecord *record)
{
  ThModule *module = self->catalog ? th_catalog_find_module (self->catalog, record->module_id) : NULL;
  const ThScenario *scenario = find_scenario (module, record->scenario_id);
  g_auto(GStrv) ids = g_strsplit (record->choice_ids, " ", -1);
  ThTagSet sets[2] = { 0, 0 };
  static const char * const names[] = { "honours", "works-against" };

  if (scenario == NULL)
    return;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      ThChoice *choice = th_scenario_find_choice (scenario, ids[i]);

      if (choice != NULL)
        sets[0] |= choice->honours, sets[1] |= choice->breaks;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autofree char *id = g_strconcat (self->base, "/extensions/", names[i], NULL);

      json_builder_set_member_name (builder, id);
      json_builder_begin_array (builder);
      for (ThTag tag = 0; tag < TH_N_TAGS; tag++)
        if (sets[i] & (1u << tag))
          json_builder_add_string_value (builder, th_tag_to_id (tag));
      json_builder_end_array (builder);
    }
}

static void
add_context (ThXapiProfile           *self,
             JsonBuilder             *builder,
             const ThStatementRecord *record)
{
  g_autofree char *module = g_strdup_printf ("%s/modules/%s", self->base, record->module_id);
  gboolean attempt = record->registration != NULL;

  json_builder_set_member_name (builder, "context");
  json_builder_begin_object (builder);
  if (attempt)
    {
      json_builder_set_member_name (builder, "registration");
      json_builder_add_string_value (builder, record->registration);
    }
  if (record->kind == TH_STATEMENT_SIGNED_OFF || record->kind == TH_STATEMENT_REVOKED)
    {
      g_autofree char *account = g_strconcat ("supervisor/", record->supervisor, NULL);

      add_agent (self, builder, "instructor", record->supervisor, account);
    }
  if (record->kind == TH_STATEMENT_REVOKED && record->signed_off_id != NULL)
    {
      json_builder_set_member_name (builder, "statement");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "objectType");
      json_builder_add_string_value (builder, "StatementRef");
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, record->signed_off_id);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "contextActivities");
  json_builder_begin_object (builder);
  add_activity_list (builder, "category", self->base);
  if (record->kind == TH_STATEMENT_ANSWERED)
    add_activity_list (builder, "parent", module);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "extensions");
  json_builder_begin_object (builder);
  if (attempt)
    add_extension (self, builder, "attempt-kind", record->refresher ? "refresher" : "full");
  if (attempt && record->scenario_set != NULL)
    add_extension (self, builder, "scenario-set", record->scenario_set);
  if (record->kind == TH_STATEMENT_ANSWERED)
    {
      g_autofree char *seq = g_strdup_printf ("%d", record->seq);

      add_extension (self, builder, "answer-seq", seq);
      add_tag_extensions (self, builder, record);
    }
  if (record->note != NULL)
    add_extension (self, builder, record->kind == TH_STATEMENT_REVOKED ? "reason" : "note", record->note);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/**
 * th_xapi_profile_build:
 *
 * Returns: (transfer full): @record as an xAPI statement
 */
JsonNode *
th_xapi_profile_build (ThXapiProfile           *self,
                       const ThStatementRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, record->id);
  add_actor (self, builder, record);
  add_verb (self, builder, record);
  add_object (self, builder, record);
  if (record->kind == TH_STATEMENT_ANSWERED || record->kind == TH_STATEMENT_FINISHED ||
      record->kind == TH_STATEMENT_COMPLETED)
    add_result (builder, record);
  add_context (self, builder, record);
  json_builder_set_member_name (builder, "timestamp");
  json_builder_add_string_value (builder, record->timestamp);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Reading back */

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
