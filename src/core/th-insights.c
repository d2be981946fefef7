/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-insights"

#include "config.h"

#include <string.h>

#include "th-insights.h"

/* What the team finds hard, from every answer and attempt in a scope:
 * per principle and theme (and per quarter), per moment, per module. The
 * store groups the answers; the curriculum says what each choice honours
 * and works against. */
struct _ThInsights
{
  GObject     parent_instance;

  /* owned references */
  ThCatalog  *catalog;
  ThTagTally  tallies[TH_N_TAGS];
  GHashTable *by_quarter;    /* quarter → ThTagTally[TH_N_TAGS] */
  GHashTable *moments;       /* "module\x1fscenario" → Moment */
  GHashTable *modules;       /* module id → ThModuleInsight */
  GPtrArray  *moment_list;   /* of ThMomentInsight, most often weaker first */
  GPtrArray  *module_list;   /* of ThModuleInsight, in learning-path order */
  GHashTable *percents;      /* module id → guint[101]: attempts by score */
  guint       n_answers;
};

/* The answers that read the same, counted before they are looked at: a
 * team gives the same answers again and again. */
typedef struct
{
  ThAnswerGroupRow row;   /* its strings live in the key */
  char            *key;
} AnswerGroup;

G_DEFINE_FINAL_TYPE (ThInsights, th_insights, G_TYPE_OBJECT)

/* A moment as it is counted: its insight and each weaker choice's count. */
typedef struct
{
  ThMomentInsight  insight;
  GHashTable      *weaker;   /* choice id → count */
} Moment;

static void
moment_free (Moment *moment)
{
  g_hash_table_unref (moment->weaker);
  g_free (moment);
}

static void
module_insight_free (ThModuleInsight *insight)
{
  g_free (insight->module_id);
  g_free (insight);
}

static void
th_insights_finalize (GObject *object)
{
  ThInsights *self = (ThInsights *)object;

  g_clear_object (&self->catalog);
  g_hash_table_unref (self->by_quarter);
  g_hash_table_unref (self->moments);
  g_ptr_array_unref (self->moment_list);
  g_ptr_array_unref (self->module_list);
  g_hash_table_unref (self->modules);
  g_hash_table_unref (self->percents);

  G_OBJECT_CLASS (th_insights_parent_class)->finalize (object);
}

static void
th_insights_class_init (ThInsightsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = th_insights_finalize;
}

static void
th_insights_init (ThInsights *self)
{
  self->by_quarter = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->moments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) moment_free);
  self->modules = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) module_insight_free);
  self->moment_list = g_ptr_array_new ();
  self->module_list = g_ptr_array_new ();
  self->percents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static ThModuleInsight *
module_insight (ThInsights *self,
                const char *module_id)
{
  ThModuleInsight *insight = g_hash_table_lookup (self->modules, module_id);

  if (insight == NULL)
    {
      insight = g_new0 (ThModuleInsight, 1);
      insight->module_id = g_strdup (module_id);
      insight->module = th_catalog_find_module (self->catalog, module_id);
      g_hash_table_insert (self->modules, insight->module_id, insight);
    }
  return insight;
}

static ThTagTally *
quarter_tallies (ThInsights *self,
                 const char *quarter)
{
  ThTagTally *tallies = g_hash_table_lookup (self->by_quarter, quarter);

  if (tallies == NULL)
    {
      tallies = g_new0 (ThTagTally, TH_N_TAGS);
      g_hash_table_insert (self->by_quarter, g_strdup (quarter), tallies);
    }
  return tallies;
}

static void
count_tags (ThInsights             *self,
            const ThChoice         *choice,
            const ThAnswerGroupRow *row)
{
  ThTagTally *in_quarter = quarter_tallies (self, row->quarter);

  for (guint tag = 0; tag < TH_N_TAGS; tag++)
    {
      guint honours = (choice->honours >> tag) & 1, breaks = (choice->breaks >> tag) & 1;

      self->tallies[tag].honoured += honours * row->count;
      self->tallies[tag].broken += breaks * row->count;
      in_quarter[tag].honoured += honours * row->count;
      in_quarter[tag].broken += breaks * row->count;
    }
}

static Moment *
find_moment (ThInsights *self,
             ThModule   *module,
             const char *module_id,
             const char *scenario_id)
{
  g_autofree char *key = g_strconcat (module_id, "\x1f", scenario_id, NULL);
  const ThScenario *scenario;
  Moment *moment = g_hash_table_lookup (self->moments, key);

  if (moment != NULL)
    return moment;
  scenario = th_quiz_find_scenario (th_module_get_quiz (module), scenario_id);
  if (scenario == NULL)
    return NULL;
  moment = g_new0 (Moment, 1);
  moment->insight.module_id = th_module_get_id (module);
  moment->insight.module = module;
  moment->insight.scenario = scenario;
  moment->weaker = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (self->moments, g_steal_pointer (&key), moment);
  return moment;
}

/* A group of answers: counted for its module always (so the counts add up
 * to the records), and for tags and moments where the curriculum still
 * knows the moment. */
static void
add_answers (const ThAnswerGroupRow *row,
             gpointer                user_data)
{
  ThInsights *self = user_data;
  ThModuleInsight *insight = module_insight (self, row->module_id);
  g_auto(GStrv) ids = NULL;
  Moment *moment;

  self->n_answers += row->count;
  insight->answers += row->count;
  if (insight->module == NULL ||
      (moment = find_moment (self, insight->module, row->module_id, row->scenario_id)) == NULL)
    return;

  moment->insight.answers += row->count;
  if (row->score < row->max_score)
    moment->insight.weaker += row->count;
  ids = g_strsplit (row->choice_ids, " ", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const ThChoice *choice = th_scenario_find_choice (moment->insight.scenario, ids[i]);
      gboolean weaker;

      if (choice == NULL)
        continue;
      count_tags (self, choice, row);
      weaker = moment->insight.scenario->multiple
        ? choice->score <= 0 : choice->score < th_scenario_get_max_score (moment->insight.scenario);
      if (weaker)
        g_hash_table_insert (moment->weaker, choice->id,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (moment->weaker, choice->id))
                                               + row->count));
    }
}

static void
add_attempts (const ThAttemptGroupRow *row,
              gpointer                 user_data)
{
  ThInsights *self = user_data;
  ThModuleInsight *insight = module_insight (self, row->module_id);
  guint *percents = g_hash_table_lookup (self->percents, row->module_id);

  if (percents == NULL)
    {
      percents = g_new0 (guint, 101);
      g_hash_table_insert (self->percents, g_strdup (row->module_id), percents);
    }
  percents[CLAMP (row->percent, 0, 100)] += row->count;
  insight->attempts += row->count;
  if (row->refresher)
    {
      insight->refreshers += row->count;
      insight->refreshers_passed += row->passed ? row->count : 0;
    }
  else if (row->first)
    {
      insight->first_attempts += row->count;
      insight->first_passed += row->passed ? row->count : 0;
    }
}

static void
answer_group_free (AnswerGroup *group)
{
  g_free (group->key);
  g_free (group);
}

/* Appends @field and the unit separator, which no id or quarter holds. */
static void
append_field (GString    *key,
              const char *field)
{
  g_string_append (key, field);
  g_string_append_c (key, '\x1f');
}

/* Appends a score, as a byte each way of a 16-bit range: printf would
 * cost more than the rest of the key (no score comes near). */
static void
append_score (GString *key,
              int      score)
{
  guint16 value = (guint16) CLAMP (score + 0x4000, 1, 0x7fff);

  g_string_append_c (key, (char) (0x80 | (value >> 8)));
  g_string_append_c (key, (char) (0x80 | (value & 0xff)));
}

/* The key of @row's group: its fields, each ended by a unit separator. */
static void
write_group_key (GString                *key,
                 const ThAnswerGroupRow *row)
{
  g_string_truncate (key, 0);
  append_field (key, row->module_id);
  append_field (key, row->scenario_id);
  append_field (key, row->choice_ids);
  append_score (key, row->score);
  append_score (key, row->max_score);
  append_field (key, row->quarter);
}

/* Points the group's strings into its own copy of the key. */
static AnswerGroup *
answer_group_new (GString                *key,
                  const ThAnswerGroupRow *row)
{
  AnswerGroup *group = g_new0 (AnswerGroup, 1);
  const char **texts[] = { &group->row.module_id, &group->row.scenario_id, &group->row.choice_ids };
  char *field;

  group->key = g_strndup (key->str, key->len);
  group->row = *row;
  group->row.count = 0;
  field = group->key;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      char *end = strchr (field, '\x1f');

      *end = '\0';
      *texts[i] = field;
      field = end + 1;
    }
  /* past the two scores, the quarter */
  group->row.quarter = field + 4;
  group->key[key->len - 1] = '\0';
  return group;
}

typedef struct
{
  GHashTable *groups;   /* key → AnswerGroup */
  GString    *key;
} Grouping;

static void
group_answers (const ThAnswerGroupRow *row,
               gpointer                user_data)
{
  Grouping *grouping = user_data;
  AnswerGroup *group;

  write_group_key (grouping->key, row);
  group = g_hash_table_lookup (grouping->groups, grouping->key->str);
  if (group == NULL)
    {
      group = answer_group_new (grouping->key, row);
      /* The key is cut into fields: the table keeps a whole copy. */
      g_hash_table_insert (grouping->groups, g_strndup (grouping->key->str, grouping->key->len), group);
    }
  group->row.count += row->count;
}

/* Reads the answers in @scope, grouped, into the tallies. */
static gboolean
read_answers (ThInsights           *self,
              ThStore              *store,
              const ThRecordScope  *scope,
              GError              **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) answer_group_free);
  g_autoptr(GString) key = g_string_new (NULL);
  Grouping grouping = { groups, key };
  GHashTableIter iter;
  gpointer group;

  if (!th_store_read_answer_groups (store, scope, group_answers, &grouping, error))
    return FALSE;
  g_hash_table_iter_init (&iter, groups);
  /* A tally and what is taken away from it may leave nothing. */
  while (g_hash_table_iter_next (&iter, NULL, &group))
    if (((AnswerGroup *) group)->row.count > 0)
      add_answers (&((AnswerGroup *) group)->row, self);
  return TRUE;
}

/* The lower median of @n scores counted by percent. */
static guint
lower_median (const guint *percents,
              guint        n)
{
  guint seen = 0;

  for (guint percent = 0; percent <= 100; percent++)
    if ((seen += percents[percent]) > (n - 1) / 2)
      return percent;
  return 100;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static int
compare_module_ids (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return strcmp ((*(ThModuleInsight * const *) a)->module_id, (*(ThModuleInsight * const *) b)->module_id);
}

static int
compare_moments (gconstpointer a,
                 gconstpointer b)
{
  const ThMomentInsight *x = *(ThMomentInsight **) a, *y = *(ThMomentInsight **) b;
  int by_weaker = (y->weaker > x->weaker) - (y->weaker < x->weaker);

  if (by_weaker != 0)
    return by_weaker;
  return g_strcmp0 (x->scenario->title, y->scenario->title);
}

/* The most common weaker choice of each moment, the moments in order, the
 * modules in the learning path's order and their medians. */
static void
finish (ThInsights *self)
{
  guint n_modules = th_catalog_get_n_modules (self->catalog);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->moments);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Moment *moment = value;
      GHashTableIter choices;
      gpointer id, count;

      g_hash_table_iter_init (&choices, moment->weaker);
      while (g_hash_table_iter_next (&choices, &id, &count))
        if (GPOINTER_TO_UINT (count) > moment->insight.common_count ||
            (GPOINTER_TO_UINT (count) == moment->insight.common_count &&
             g_strcmp0 (id, moment->insight.common ? moment->insight.common->id : NULL) < 0))
          {
            moment->insight.common = th_scenario_find_choice (moment->insight.scenario, id);
            moment->insight.common_count = GPOINTER_TO_UINT (count);
          }
      g_ptr_array_add (self->moment_list, &moment->insight);
    }
  g_ptr_array_sort (self->moment_list, compare_moments);

  for (guint i = 0; i < n_modules; i++)
    module_insight (self, th_module_get_id (th_catalog_get_module (self->catalog, i)));
  g_hash_table_iter_init (&iter, self->modules);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ThModuleInsight *insight = value;
      guint *percents = g_hash_table_lookup (self->percents, insight->module_id);

      if (percents != NULL && insight->attempts > 0)
        insight->median_percent = lower_median (percents, insight->attempts);
    }
  /* Loaded modules in their order, then any no longer loaded, by id. */
  for (guint i = 0; i < n_modules; i++)
    {
      const char *id = th_module_get_id (th_catalog_get_module (self->catalog, i));

      g_ptr_array_add (self->module_list, g_hash_table_lookup (self->modules, id));
    }
  {
    guint loaded = self->module_list->len;

    g_hash_table_iter_init (&iter, self->modules);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      if (((ThModuleInsight *) value)->module == NULL)
        g_ptr_array_add (self->module_list, value);
    g_qsort_with_data (self->module_list->pdata + loaded, self->module_list->len - loaded,
                       sizeof (gpointer), compare_module_ids, NULL);
  }
}

/**
 * th_insights_load:
 * @scope: the period and whether archived learners count
 *
 * Reads the team's answers and attempts in @scope. Call it on a worker
 * with a reader of its own (th_store_open_reader()) for a large team.
 *
 * Returns: (transfer full): the insights, or %NULL with @error set
 */
ThInsights *
th_insights_load (ThStore              *store,
                  ThCatalog            *catalog,
                  const ThRecordScope  *scope,
                  GError              **error)
{
  g_autoptr(ThInsights) self = g_object_new (TH_TYPE_INSIGHTS, NULL);

  g_return_val_if_fail (TH_IS_STORE (store), NULL);
  g_return_val_if_fail (TH_IS_CATALOG (catalog), NULL);

  self->catalog = g_object_ref (catalog);
  if (!read_answers (self, store, scope, error) ||
      !th_store_read_attempt_groups (store, scope, add_attempts, self, error))
    return NULL;
  finish (self);
  return g_steal_pointer (&self);
}

guint
th_insights_get_n_answers (ThInsights *self)
{
  g_return_val_if_fail (TH_IS_INSIGHTS (self), 0);
  return self->n_answers;
}

const ThTagTally *
th_insights_get_tally (ThInsights *self,
                       ThTag       tag)
{
  g_return_val_if_fail (TH_IS_INSIGHTS (self), NULL);
  g_return_val_if_fail (tag < TH_N_TAGS, NULL);
  return &self->tallies[tag];
}

/**
 * th_insights_dup_quarters:
 *
 * Returns: (transfer full): the quarters answers were given in, oldest
 *   first ("2026-Q1")
 */
GStrv
th_insights_dup_quarters (ThInsights *self)
{
  g_autofree const char **keys = NULL;
  guint n;
  GStrv quarters;

  g_return_val_if_fail (TH_IS_INSIGHTS (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->by_quarter, &n);
  quarters = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    quarters[i] = g_strdup (keys[i]);
  /* "YYYY-Qn" sorts as text in time order. */
  g_qsort_with_data (quarters, n, sizeof (char *), compare_strings, NULL);
  return quarters;
}

/* The tally of @tag in @quarter, zero where no answer was given then. */
ThTagTally
th_insights_get_tally_in (ThInsights *self,
                          ThTag       tag,
                          const char *quarter)
{
  ThTagTally none = { 0, 0 };
  ThTagTally *tallies;

  g_return_val_if_fail (TH_IS_INSIGHTS (self), none);
  g_return_val_if_fail (tag < TH_N_TAGS, none);

  tallies = g_hash_table_lookup (self->by_quarter, quarter);
  return tallies ? tallies[tag] : none;
}

/**
 * th_insights_get_moments:
 *
 * Returns: (transfer none) (element-type ThMomentInsight): every moment
 *   answered, the most often answered below its best first
 */
GPtrArray *
th_insights_get_moments (ThInsights *self)
{
  g_return_val_if_fail (TH_IS_INSIGHTS (self), NULL);
  return self->moment_list;
}

/**
 * th_insights_get_modules:
 *
 * Returns: (transfer none) (element-type ThModuleInsight): every loaded
 *   module in the learning path's order, then any module answered that
 *   is no longer loaded
 */
GPtrArray *
th_insights_get_modules (ThInsights *self)
{
  g_return_val_if_fail (TH_IS_INSIGHTS (self), NULL);
  return self->module_list;
}
