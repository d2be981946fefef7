/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-xapi"

#include "config.h"

#include <glib/gi18n.h>

#include "th-markup.h"
#include "th-module.h"
#include "th-quiz.h"
#include "th-xapi-profile-private.h"

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
  g_autofree char *home = NULL, *workstation = NULL;

  if (!th_store_read_setting (store, TH_STORE_HOME_PAGE_KEY, &home, error) ||
      !th_store_read_setting (store, TH_STORE_WORKSTATION_ID_KEY, &workstation, error))
    return NULL;
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

/* A member holding a string. */
static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* A member holding an object, which the caller fills and ends. */
static void
begin_object (JsonBuilder *builder,
              const char  *member)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
}

/* An activity, named by its id, which the caller may add to and ends. */
static void
begin_activity (JsonBuilder *builder,
                const char  *id)
{
  json_builder_begin_object (builder);
  add_string (builder, "objectType", "Activity");
  add_string (builder, "id", id);
}

static void
add_language_map (JsonBuilder *builder,
                  const char  *member,
                  const char  *text)
{
  begin_object (builder, member);
  add_string (builder, "en-US", text);
  json_builder_end_object (builder);
}

/* The text of content markup, without its tags. */
static char *
dup_plain (const char *markup)
{
  char *plain = th_markup_dup_plain (markup);

  return plain ? plain : g_strdup (markup);
}

static void
add_agent (ThXapiProfile *self,
           JsonBuilder   *builder,
           const char    *member,
           const char    *name,
           const char    *account)
{
  begin_object (builder, member);
  add_string (builder, "objectType", "Agent");
  add_string (builder, "name", name);
  begin_object (builder, "account");
  add_string (builder, "homePage", self->home_page);
  add_string (builder, "name", account);
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

  begin_object (builder, "verb");
  add_string (builder, "id", id);
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
      add_string (builder, "id", choice->id);
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
  begin_activity (builder, id);
  begin_object (builder, "definition");
  add_string (builder, "type", type);
  add_language_map (builder, "name", name);
  if (record->kind == TH_STATEMENT_ANSWERED)
    {
      add_string (builder, "interactionType", "choice");
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
  begin_object (builder, "score");
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
  begin_object (builder, "result");
  if (record->kind == TH_STATEMENT_ANSWERED)
    {
      g_auto(GStrv) ids = g_strsplit (record->choice_ids, " ", -1);
      g_autofree char *response = g_strjoinv ("[,]", ids);

      add_string (builder, "response", response);
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
  begin_activity (builder, id);
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

  add_string (builder, id, value);
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

  begin_object (builder, "context");
  if (attempt)
    {
      add_string (builder, "registration", record->registration);
    }
  if (record->kind == TH_STATEMENT_SIGNED_OFF || record->kind == TH_STATEMENT_REVOKED)
    {
      g_autofree char *account = g_strconcat ("supervisor/", record->supervisor, NULL);

      add_agent (self, builder, "instructor", record->supervisor, account);
    }
  if (record->kind == TH_STATEMENT_REVOKED && record->signed_off_id != NULL)
    {
      begin_object (builder, "statement");
      add_string (builder, "objectType", "StatementRef");
      add_string (builder, "id", record->signed_off_id);
      json_builder_end_object (builder);
    }
  begin_object (builder, "contextActivities");
  add_activity_list (builder, "category", self->base);
  if (record->kind == TH_STATEMENT_ANSWERED)
    add_activity_list (builder, "parent", module);
  json_builder_end_object (builder);

  begin_object (builder, "extensions");
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
 * th_xapi_profile_dup_json:
 *
 * Returns: (transfer full): @record as an xAPI statement, in JSON on one
 *   line
 */
char *
th_xapi_profile_dup_json (ThXapiProfile           *self,
                          const ThStatementRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "id", record->id);
  add_actor (self, builder, record);
  add_verb (self, builder, record);
  add_object (self, builder, record);
  if (record->kind == TH_STATEMENT_ANSWERED || record->kind == TH_STATEMENT_FINISHED ||
      record->kind == TH_STATEMENT_COMPLETED)
    add_result (builder, record);
  add_context (self, builder, record);
  add_string (builder, "timestamp", record->timestamp);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
