/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-core: the performance targets of the core, measured in-process on
 * this machine, each printed beside its target.
 *
 *   bench-core [--content DIR] [--database FILE] [--curriculum DIR]
 *              [--runs N] [--answers N] [--label TEXT]
 *
 * --content DIR   loading and checking a folder of modules (the synthetic
 *                 1,000 scenarios of generate-content.py): target < 70 ms
 * --database FILE a progress database (generate-records); measures opening
 *                 it and one learner's module statuses, listing the
 *                 learners, and answering through th_quiz_session_answer()
 *                 with its durable commit: target p95 < 50 ms. The answers
 *                 are really written: the database grows by --answers.
 *                 Then supervision: the completion matrix (< 50 ms), its
 *                 filters and sorts (< 50 ms), one learner's detail
 *                 (< 20 ms), the CSV of everyone and one PDF transcript.
 * --curriculum    the modules answered (default $THRESHOLD_CONTENT_DIR)
 *
 * Besides the table, each figure is printed on a line
 *   RESULT <tab> label <tab> metric <tab> median <tab> min <tab> max <tab> n
 * (p50/p95 for the answers) for run-benchmarks.sh to gather. */
#define G_LOG_DOMAIN "bench-core"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "bench-samples.h"
#include "th-catalog-model.h"
#include "th-catalog.h"
#include "th-completion-matrix.h"
#include "th-content-problem.h"
#include "th-insights.h"
#include "th-learner.h"
#include "th-quiz-session.h"
#include "th-report.h"
#include "th-store.h"

#define CONTENT_TARGET_MS 70.0
#define ANSWER_TARGET_MS  50.0
#define MATRIX_TARGET_MS  50.0
#define FILTER_TARGET_MS  50.0
#define DETAIL_TARGET_MS  20.0
#define INSIGHTS_TARGET_MS 200.0
#define CSV_TARGET_MS     500.0   /* the whole --export-csv, start to end */
#define PDF_TARGET_MS     200.0

typedef struct
{
  char  *content;
  guint  scenarios;
  char  *database;
  char  *curriculum;
  guint  runs;
  guint  answers;
  gboolean answers_only;
  char  *label;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->content);
  g_free (options->database);
  g_free (options->curriculum);
  g_free (options->label);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static void
print_result (const Options *options,
              const char    *metric,
              GArray        *samples)
{
  bench_print_result (options->label, metric, samples);
}

/* One line of the table: the figure, then its target and how they compare. */
static void
print_row (const char *what,
           double      figure,
           GArray     *samples,
           const char *target,
           double      target_ms)
{
  printf ("  %-44s %9.2f ms  (min %.2f, max %.2f, n %u)", what, figure,
          bench_minimum (samples), bench_maximum (samples), samples->len);
  if (target_ms > 0)
    printf ("   target %s   ratio %.2f   %s\n", target, figure / target_ms,
            figure < target_ms ? "MET" : "MISSED");
  else
    printf ("   %s\n", target);
}

/* (a) Content */

typedef struct
{
  guint modules;
  guint scenarios;
  guint errors;
  guint warnings;
} ContentCounts;

static ThCatalog *
load_folder (const char *dir)
{
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  ThCatalog *catalog = th_catalog_new (loader);

  th_catalog_add_path (catalog, dir, TH_CONTENT_ORIGIN_BUNDLED);
  return catalog;
}

static ContentCounts
count_content (ThCatalog *catalog)
{
  GListModel *modules = th_catalog_get_modules (catalog);
  ContentCounts counts = { 0 };

  counts.modules = g_list_model_get_n_items (modules);
  for (guint i = 0; i < counts.modules; i++)
    {
      g_autoptr(ThModule) module = g_list_model_get_item (modules, i);
      counts.scenarios += th_module_get_quiz (module)->scenarios->len;
    }
  counts.errors = th_catalog_count (catalog, TH_SEVERITY_ERROR);
  counts.warnings = th_catalog_count (catalog, TH_SEVERITY_WARNING);
  return counts;
}

/* The content must load cleanly, or the time would be that of a failure. */
static gboolean
check_content (const Options *options,
               ThCatalog     *catalog)
{
  ContentCounts counts = count_content (catalog);
  GPtrArray *problems = th_catalog_get_problems (catalog);

  printf ("(a) content: %s: %u files, %u modules, %u scenarios, %u errors, %u warnings\n",
          options->content, th_catalog_get_n_files (catalog), counts.modules,
          counts.scenarios, counts.errors, counts.warnings);
  for (guint i = 0; i < MIN (problems->len, 5); i++)
    {
      g_autofree char *line = th_content_problem_format (g_ptr_array_index (problems, i));
      g_printerr ("  %s\n", line);
    }
  if (counts.errors > 0 || (options->scenarios > 0 && counts.scenarios != options->scenarios))
    {
      g_printerr ("bench-core: %s does not load cleanly with %u scenarios; "
                  "generate it again with generate-content.py\n", options->content, options->scenarios);
      return FALSE;
    }
  return TRUE;
}

static gboolean
bench_content (const Options *options)
{
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) schema = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(ThCatalog) first = load_folder (options->content);

  /* The first load, not counted, is also the check. */
  if (!check_content (options, first))
    return FALSE;

  for (guint i = 0; i < options->runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(ThContentLoader) loader = th_content_loader_new ();
      double schema_ms = bench_ms_since (start);
      g_autoptr(ThCatalog) catalog = th_catalog_new (loader);

      th_catalog_add_path (catalog, options->content, TH_CONTENT_ORIGIN_BUNDLED);
      bench_add_sample (total, bench_ms_since (start));
      bench_add_sample (schema, schema_ms);
    }
  /* The target is for the synthetic 1,000 scenarios. */
  if (options->scenarios == 1000)
    print_row ("load + check, in-process (median)", bench_median (total), total, "< 70 ms", CONTENT_TARGET_MS);
  else
    print_row ("load + check, in-process (median)", bench_median (total), total, "(no target for this folder)", 0);
  print_row ("  of which compiling the schema", bench_median (schema), schema, "(no target)", 0);
  print_result (options, "content_load_ms", total);
  print_result (options, "schema_compile_ms", schema);
  return TRUE;
}

/* (c) Opening the records */

/* A learner from the middle of the list, as a supervisor would pick. */
static gint64
pick_learner (ThStore  *store,
              guint    *n_learners,
              GError  **error)
{
  g_autoptr(GListModel) learners = th_store_list_learners (store, 0, error);
  g_autoptr(ThLearner) learner = NULL;

  if (learners == NULL)
    return 0;
  *n_learners = g_list_model_get_n_items (learners);
  if (*n_learners == 0)
    {
      g_set_error (error, TH_STORE_ERROR, TH_STORE_ERROR_NOT_FOUND, "the database has no learners");
      return 0;
    }
  learner = g_list_model_get_item (learners, *n_learners / 2);
  return th_learner_get_id (learner);
}

typedef struct
{
  GArray *open;
  GArray *statuses;
  GArray *list;
} OpenSamples;

static gboolean
time_open_once (const Options  *options,
                gint64          learner,
                OpenSamples    *samples,
                GError        **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(ThStore) store = th_store_open (options->database, error);
  g_autoptr(GHashTable) statuses = NULL;
  g_autoptr(GListModel) learners = NULL;

  if (store == NULL)
    return FALSE;
  bench_add_sample (samples->open, bench_ms_since (start));

  start = g_get_monotonic_time ();
  statuses = th_store_dup_module_statuses (store, learner, error);
  if (statuses == NULL)
    return FALSE;
  bench_add_sample (samples->statuses, bench_ms_since (start));

  start = g_get_monotonic_time ();
  learners = th_store_list_learners (store, 0, error);
  if (learners == NULL)
    return FALSE;
  bench_add_sample (samples->list, bench_ms_since (start));
  return TRUE;
}

static gboolean
bench_open (const Options  *options,
            gint64          learner,
            guint           n_learners,
            GError        **error)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) statuses = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (double));
  OpenSamples samples = { open, statuses, list };
  g_autofree char *list_what = NULL;

  for (guint i = 0; i < options->runs; i++)
    if (!time_open_once (options, learner, &samples, error))
      return FALSE;

  printf ("(c) records: %s, %u learners, learner %" G_GINT64_FORMAT "\n",
          options->database, n_learners, learner);
  print_row ("th_store_open", bench_median (open), open, "(no target; on the start-up path)", 0);
  print_row ("th_store_dup_module_statuses, one learner", bench_median (statuses), statuses,
             "(no target; the home page)", 0);
  list_what = g_strdup_printf ("th_store_list_learners, all %u", n_learners);
  print_row (list_what, bench_median (list), list, "(no target)", 0);
  print_result (options, "store_open_ms", open);
  print_result (options, "module_statuses_ms", statuses);
  print_result (options, "list_learners_ms", list);
  return TRUE;
}

/* (b) Answering */

/* Picks as a learner might: any choice of a single-choice moment, every
 * choice that helps in a select-all-that-apply one. */
static GStrv
choose (const ThScenario *scenario,
        GRand            *rand)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!scenario->multiple)
    {
      guint i = (guint) g_rand_int_range (rand, 0, (gint32) scenario->choices->len);
      ThChoice *choice = g_ptr_array_index (scenario->choices, i);

      g_strv_builder_add (builder, choice->id);
      return g_strv_builder_end (builder);
    }
  for (guint i = 0; i < scenario->choices->len; i++)
    {
      ThChoice *choice = g_ptr_array_index (scenario->choices, i);

      if (choice->score > 0)
        g_strv_builder_add (builder, choice->id);
    }
  return g_strv_builder_end (builder);
}

/* Takes one whole quiz, timing each answer and the finish. */
static gboolean
take_quiz (ThStore   *store,
           gint64     learner,
           ThModule  *module,
           GRand     *rand,
           GArray    *answers,
           GArray    *finishes,
           GError   **error)
{
  g_autoptr(ThQuizSession) session = NULL;
  g_autoptr(ThImprovement) improvement = NULL;
  ThQuizRun *run;
  gint64 start;

  session = th_quiz_session_start (store, learner, module, TH_ATTEMPT_FULL, NULL, error);
  if (session == NULL)
    return FALSE;
  run = th_quiz_session_get_run (session);
  while (!th_quiz_run_is_finished (run))
    {
      g_auto(GStrv) choice_ids = choose (th_quiz_run_get_current (run), rand);

      start = g_get_monotonic_time ();
      if (th_quiz_session_answer (session, (const char * const *) choice_ids, error) == NULL)
        return FALSE;
      bench_add_sample (answers, bench_ms_since (start));
    }
  start = g_get_monotonic_time ();
  if (!th_quiz_session_finish (session, &improvement, error))
    return FALSE;
  bench_add_sample (finishes, bench_ms_since (start));
  return TRUE;
}

static ThCatalog *
load_curriculum (const Options  *options,
                 GError        **error)
{
  g_autofree char *dir = options->curriculum ? g_strdup (options->curriculum)
                                             : th_catalog_dup_bundled_dir ();
  ThCatalog *catalog = load_folder (dir);

  if (th_catalog_get_n_modules (catalog) == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "no modules in %s; give --curriculum or set THRESHOLD_CONTENT_DIR", dir);
      g_object_unref (catalog);
      return NULL;
    }
  return catalog;
}

static gboolean
bench_answers (const Options  *options,
               gint64          learner,
               GError        **error)
{
  g_autoptr(GArray) answers = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) finishes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(ThCatalog) catalog = load_curriculum (options, error);
  g_autoptr(ThStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  GListModel *modules;

  if (catalog == NULL || (store = th_store_open (options->database, error)) == NULL)
    return FALSE;
  modules = th_catalog_get_modules (catalog);
  for (guint i = 0; answers->len < options->answers; i++)
    {
      g_autoptr(ThModule) module = g_list_model_get_item (modules, i % g_list_model_get_n_items (modules));

      if (!take_quiz (store, learner, module, rand, answers, finishes, error))
        return FALSE;
    }

  printf ("(b) answering: learner %" G_GINT64_FORMAT ", %u answers in %u quizzes\n",
          learner, answers->len, finishes->len);
  print_row ("th_quiz_session_answer incl. commit, p50", bench_percentile (answers, 50), answers,
             "(no target)", 0);
  print_row ("th_quiz_session_answer incl. commit, p95", bench_percentile (answers, 95), answers,
             "< 50 ms", ANSWER_TARGET_MS);
  print_row ("th_quiz_session_finish", bench_median (finishes), finishes,
             "(no target; after the last answer)", 0);
  printf ("RESULT\t%s\tanswer_ms\t%.3f\t%.3f\t%.3f\t%u\tp95\t%.3f\n", options->label,
          bench_percentile (answers, 50), bench_minimum (answers), bench_maximum (answers), answers->len,
          bench_percentile (answers, 95));
  print_result (options, "finish_ms", finishes);
  return TRUE;
}

/* (d) Supervision */

/* Each step of the supervisor's path, timed --runs times. */
typedef gboolean (*Step) (gpointer data, GError **error);

static GArray *
time_step (const Options  *options,
           Step            step,
           gpointer        data,
           GError        **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < options->runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!step (data, error))
        return NULL;
      bench_add_sample (samples, bench_ms_since (start));
    }
  return g_steal_pointer (&samples);
}

typedef struct
{
  ThStore            *store;
  ThCatalog          *catalog;
  ThCompletionMatrix *matrix;
  GPtrArray          *rows;       /* the matrix's rows, to sort */
  gint64              learner;
  char               *csv;
  char               *pdf;
  guint               shown;      /* rows the last filter kept */
} Supervision;

static gboolean
load_matrix (gpointer   data,
             GError   **error)
{
  Supervision *sup = data;

  g_clear_object (&sup->matrix);
  sup->matrix = th_completion_matrix_load (sup->store, sup->catalog, 12, error);
  return sup->matrix != NULL;
}

/* The supervisor's filters in turn, as the drop-down and the search entry
 * apply them: each pass over every row is one filter change. */
static gboolean
filter_rows (gpointer   data,
             GError   **error)
{
  static const ThMatrixFilter filters[] = {
    TH_MATRIX_FILTER_OVERDUE, TH_MATRIX_FILTER_AWAITING_SIGN_OFF, TH_MATRIX_FILTER_ARCHIVED,
  };
  Supervision *sup = data;
  GListModel *rows = th_completion_matrix_get_rows (sup->matrix);
  guint n = g_list_model_get_n_items (rows);
  g_autofree char *search = g_utf8_casefold ("gar", -1);

  for (guint f = 0; f <= G_N_ELEMENTS (filters); f++)
    {
      sup->shown = 0;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ThMatrixRow) row = g_list_model_get_item (rows, i);

          if (f < G_N_ELEMENTS (filters))
            sup->shown += th_matrix_row_matches (row, filters[f], NULL);
          else
            sup->shown += th_matrix_row_matches (row, TH_MATRIX_FILTER_CURRENT, search);
        }
    }
  return TRUE;
}

static int
compare_names_descending (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  return th_matrix_row_compare_names (*(ThMatrixRow **) b, *(ThMatrixRow **) a);
}

/* From the matrix's order (by name) to the reverse, as a click on the
 * column header does. */
static gboolean
sort_rows (gpointer   data,
           GError   **error)
{
  Supervision *sup = data;
  GListModel *rows = th_completion_matrix_get_rows (sup->matrix);
  guint n = g_list_model_get_n_items (rows);

  g_ptr_array_set_size (sup->rows, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sup->rows, g_list_model_get_item (rows, i));
  g_ptr_array_sort_with_data (sup->rows, compare_names_descending, NULL);
  return TRUE;
}

/* Everything the learner's page shows: attempts, each one's answers, the
 * sign-off. */
static gboolean
open_detail (gpointer   data,
             GError   **error)
{
  Supervision *sup = data;
  g_autoptr(GPtrArray) attempts = th_store_list_attempts (sup->store, sup->learner, error);
  g_autoptr(ThSignOff) sign_off = NULL;
  g_autoptr(GError) local_error = NULL;

  if (attempts == NULL)
    return FALSE;
  for (guint i = 0; i < attempts->len; i++)
    {
      ThAttemptResult *attempt = attempts->pdata[i];
      g_autoptr(GPtrArray) answers = th_store_list_answers (sup->store, attempt->id, error);

      if (answers == NULL)
        return FALSE;
    }
  sign_off = th_store_dup_sign_off (sup->store, sup->learner, &local_error);
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The team's insights over every answer, as the Insights page will read
 * them on a worker. */
static gboolean
load_insights (gpointer   data,
               GError   **error)
{
  Supervision *sup = data;
  ThRecordScope everyone = { NULL, NULL, FALSE };
  g_autoptr(ThInsights) insights = th_insights_load (sup->store, sup->catalog, &everyone, error);

  return insights != NULL;
}

static gboolean
write_csv (gpointer   data,
           GError   **error)
{
  Supervision *sup = data;

  return th_report_write_csv (sup->matrix, sup->csv, error);
}

static gboolean
write_transcript (gpointer   data,
                  GError   **error)
{
  Supervision *sup = data;

  return th_report_write_transcript (sup->matrix, sup->learner, sup->pdf, error);
}

static void
supervision_clear (Supervision *sup)
{
  g_clear_object (&sup->store);
  g_clear_object (&sup->catalog);
  g_clear_object (&sup->matrix);
  g_clear_pointer (&sup->rows, g_ptr_array_unref);
  if (sup->csv != NULL)
    g_unlink (sup->csv);
  if (sup->pdf != NULL)
    g_unlink (sup->pdf);
  g_clear_pointer (&sup->csv, g_free);
  g_clear_pointer (&sup->pdf, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Supervision, supervision_clear)

typedef struct
{
  const char *metric;
  const char *what;
  Step        step;
  const char *target;
  double      target_ms;
} SupervisionStep;

static gboolean
bench_supervision (const Options  *options,
                   gint64          learner,
                   GError        **error)
{
  static const SupervisionStep steps[] = {
    { "matrix_ms", "th_completion_matrix_load", load_matrix, "< 50 ms", MATRIX_TARGET_MS },
    { "filter_ms", "filter: overdue, awaiting, archived, \"gar\"", filter_rows,
      "< 50 ms each (all four here)", FILTER_TARGET_MS },
    { "sort_ms", "sort by name, descending", sort_rows, "< 50 ms", FILTER_TARGET_MS },
    { "detail_ms", "one learner's detail", open_detail, "< 20 ms", DETAIL_TARGET_MS },
    { "insights_ms", "th_insights_load, everyone", load_insights, "< 200 ms", INSIGHTS_TARGET_MS },
    { "csv_ms", "th_report_write_csv, everyone", write_csv,
      "(in-process; run-benchmarks times --export-csv < 500 ms)", 0 },
    { "transcript_ms", "th_report_write_transcript", write_transcript, "< 200 ms", PDF_TARGET_MS },
  };
  g_auto(Supervision) sup = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("bench-core-XXXXXX", error);

  if (dir == NULL)
    return FALSE;
  sup.csv = g_build_filename (dir, "everyone.csv", NULL);
  sup.pdf = g_build_filename (dir, "transcript.pdf", NULL);
  sup.rows = g_ptr_array_new_with_free_func (g_object_unref);
  sup.learner = learner;
  if ((sup.catalog = load_curriculum (options, error)) == NULL ||
      (sup.store = th_store_open (options->database, error)) == NULL)
    return FALSE;

  printf ("(d) supervision: learner %" G_GINT64_FORMAT "\n", learner);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GArray) samples = time_step (options, steps[i].step, &sup, error);

      if (samples == NULL)
        return FALSE;
      print_row (steps[i].what, bench_median (samples), samples, steps[i].target, steps[i].target_ms);
      print_result (options, steps[i].metric, samples);
    }
  supervision_clear (&sup);
  g_rmdir (dir);
  return TRUE;
}

static gboolean
bench_records (const Options  *options,
               GError        **error)
{
  guint n_learners = 0;
  gint64 learner = 0;

  {
    g_autoptr(ThStore) store = th_store_open (options->database, error);

    if (store == NULL || (learner = pick_learner (store, &n_learners, error)) == 0)
      return FALSE;
  }
  /* Reading first: the answers change the database. */
  return (options->answers_only ||
          (bench_open (options, learner, n_learners, error) && bench_supervision (options, learner, error))) &&
         bench_answers (options, learner, error);
}

/* Options */

static gboolean
parse_count (const char  *option,
             const char  *text,
             guint        min,
             guint       *value,
             GError     **error)
{
  guint64 parsed;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, min, G_MAXINT, &parsed, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s must be a whole number of at least %u, not “%s”", option, min, text);
      return FALSE;
    }
  *value = (guint) parsed;
  return TRUE;
}

static gboolean
parse_options (int       *argc,
               char    ***argv,
               Options   *options,
               GError   **error)
{
  g_autofree char *runs = NULL, *answers = NULL, *scenarios = NULL;
  const GOptionEntry entries[] = {
    { "content", 'c', 0, G_OPTION_ARG_FILENAME, &options->content,
      "Time loading the modules in DIR", "DIR" },
    { "scenarios", 0, 0, G_OPTION_ARG_STRING, &scenarios,
      "How many scenarios DIR must hold (default 1000; 0: any)", "N" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &options->database,
      "Time opening, reading and answering with FILE", "FILE" },
    { "curriculum", 0, 0, G_OPTION_ARG_FILENAME, &options->curriculum,
      "The modules to answer (default $THRESHOLD_CONTENT_DIR)", "DIR" },
    { "runs", 'n', 0, G_OPTION_ARG_STRING, &runs, "Repetitions of each timing (default 7)", "N" },
    { "answers", 'a', 0, G_OPTION_ARG_STRING, &answers, "Answers to time (default 200)", "N" },
    { "label", 'l', 0, G_OPTION_ARG_STRING, &options->label, "Label of the RESULT lines", "TEXT" },
    { "answers-only", 0, 0, G_OPTION_ARG_NONE, &options->answers_only,
      "Time only the answers (tests/bench/answer-while-sending.sh)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the core against its targets");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "unexpected argument “%s”", (*argv)[1]);
      return FALSE;
    }
  options->runs = 7;
  options->answers = 200;
  options->scenarios = 1000;
  if (!parse_count ("--runs", runs, 5, &options->runs, error) ||
      !parse_count ("--answers", answers, 1, &options->answers, error) ||
      !parse_count ("--scenarios", scenarios, 0, &options->scenarios, error))
    return FALSE;
  if (options->content == NULL && options->database == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "give --content, --database or both");
      return FALSE;
    }
  if (options->label == NULL)
    options->label = g_strdup ("-");
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  if (!parse_options (&argc, &argv, &options, &error))
    {
      g_printerr ("bench-core: %s (see --help)\n", error->message);
      return 2;
    }

  if (options.content != NULL && !bench_content (&options))
    return 1;
  if (options.database != NULL && !bench_records (&options, &error))
    {
      g_printerr ("bench-core: %s\n", error->message);
      return 1;
    }
  return 0;
}
