/* SPDX-License-Identifier: GPL-3.0-or-later */
/* generate-records: writes a large, realistic progress database through the
 * store's own API, for the benchmarks.
 *
 *   generate-records --learners N --output FILE [--seed S] [--batch B]
 *
 * Each learner gets a name (a few a PIN), an organisation account
 * (distinct for distinct seeds) and a history shaped like a
 * clinic's: most have passed most of the fifteen modules, some failed a
 * quiz and passed on a retry, some did refreshers, some left an attempt
 * open. About 50 answers per learner on average, so 10,000 learners make
 * about 500,000 answers. The same seed writes the same records.
 *
 * Dates are real too: the store's clock is set to each moment of the
 * story. Learners were hired over the four years before --until (default:
 * today, 00:00 UTC), take a module every few days, sit refreshers about a
 * year later, and most who finish every module are signed off; so the
 * matrix has current, due and overdue completions. Scenario ids are
 * synthetic ("s1", "s2"…), not those of the shipped quizzes. */
#define G_LOG_DOMAIN "generate-records"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "th-store-statements.h"

static const char * const module_ids[] = {
  "humanism", "pragmatism", "individualism", "autonomy", "incrementalism",
  "accountability", "learner-and-informer", "pragmatic-measures", "collaborative-teams",
  "stigma-free-culture", "welcoming-space", "low-threshold-care", "beyond-the-clinic",
  "referral-networks", "leading-harm-reduction",
};

#define N_MODULES      G_N_ELEMENTS (module_ids)
#define MAX_SCORE      3     /* of one answer, as in the shipped quizzes */
#define PASS_PERCENT   80
#define MAX_ATTEMPTS   4     /* at one module before a learner gives up for now */
#define HISTORY_DAYS   (4 * 365)
#define SIGN_OFF_SHARE 0.8   /* of the learners who finished every module */

static const char * const first_names[] = {
  "Maria", "James", "Aisha", "Wei", "Sofia", "Daniel", "Fatima", "Jorge", "Emily", "Kwame",
  "Ana", "Michael", "Priya", "Luis", "Grace", "Ahmed", "Olivia", "Tomás", "Hannah", "Yusuf",
  "Chloe", "Dmitri", "Keisha", "Hiroshi", "Rosa", "Samuel", "Leila", "Carlos", "Nadia", "Ethan",
  "Amara", "Jamal", "Ingrid", "Mateo", "Zoe", "Andre", "Mei", "Patrick", "Lucía", "Omar",
};

static const char * const last_names[] = {
  "Garcia", "Smith", "Okafor", "Chen", "Rossi", "Johnson", "Haddad", "Hernández", "Brown",
  "Mensah", "Silva", "Williams", "Patel", "Martínez", "Kim", "Hassan", "Taylor", "Novak",
  "Jones", "Yilmaz", "Nguyen", "Ivanova", "Davis", "Tanaka", "López", "Wilson", "Karimi",
  "Moreno", "Petrov", "Miller", "Adeyemi", "Washington", "Larsen", "Castro", "O'Brien",
  "Walker", "Wong", "Murphy", "Díaz", "Ali",
};

typedef struct
{
  guint64 learners;
  guint64 pins;
  guint64 attempts;
  guint64 open_attempts;
  guint64 refreshers;
  guint64 answers;
  guint64 completions;
  guint64 sign_offs;
} Counts;

typedef struct
{
  /* owned references */
  ThStore   *store;
  GRand     *rand;
  GDateTime *now;        /* the story's present moment: the store's clock */
  GDateTime *until;      /* the end of the history */

  gint64     supervisor;
  guint32    seed;
  Counts     counts;
  GHashTable *names;     /* the name key of every learner so far */
} Generator;

typedef struct
{
  guint64      learners;
  char        *output;
  guint32      seed;
  guint        batch;
  char        *until;
} Options;

static void
generator_clear (Generator *gen)
{
  g_clear_object (&gen->store);
  g_clear_pointer (&gen->rand, g_rand_free);
  g_clear_pointer (&gen->now, g_date_time_unref);
  g_clear_pointer (&gen->until, g_date_time_unref);
  g_clear_pointer (&gen->names, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Generator, generator_clear)

static gboolean
chance (Generator *gen,
        double     probability)
{
  return g_rand_double (gen->rand) < probability;
}

static const char *
pick (Generator          *gen,
      const char * const *items,
      guint               n_items)
{
  return items[g_rand_int_range (gen->rand, 0, n_items)];
}

static GDateTime *
story_clock (gpointer user_data)
{
  Generator *gen = user_data;

  return g_date_time_ref (gen->now);
}

static void
set_now (Generator *gen,
         GDateTime *now)
{
  g_date_time_unref (gen->now);
  gen->now = now;
}

/* Moves the story on by between @min and @max seconds. */
static void
wait (Generator *gen,
      gint64     min,
      gint64     max)
{
  set_now (gen, g_date_time_add_seconds (gen->now, (double) g_rand_int_range (gen->rand, (gint32) min, (gint32) max)));
}

static gboolean
story_ended (Generator *gen)
{
  return g_date_time_compare (gen->now, gen->until) >= 0;
}

/* No two profiles read the same: a tenth, and each repeat, get an initial. */
static char *
make_name (Generator *gen)
{
  const char *first = pick (gen, first_names, G_N_ELEMENTS (first_names));
  const char *last = pick (gen, last_names, G_N_ELEMENTS (last_names));
  char *name = chance (gen, 0.1) ? NULL : g_strdup_printf ("%s %s", first, last);

  for (guint tries = 0; name == NULL || !g_hash_table_add (gen->names, th_learner_dup_name_key (name)); tries++)
    {
      g_free (name);
      name = tries < 8 ? g_strdup_printf ("%s %c. %s", first, 'A' + g_rand_int_range (gen->rand, 0, 26), last)
                       : g_strdup_printf ("%s %s (team %" G_GUINT64_FORMAT ")", first, last, gen->counts.learners + 1);
    }
  return name;
}

/* Scores for the answers of one attempt. A learner who knows the module
 * gives the best answer nearly every time; one who does not misses enough
 * to fall under the pass mark. */
static void
draw_scores (Generator *gen,
             gboolean   knows_it,
             int       *scores,
             guint      n)
{
  int total = 0;

  for (guint i = 0; i < n; i++)
    {
      if (knows_it)
        scores[i] = i == 0 && n >= 4 && chance (gen, 0.3) ? 2 : MAX_SCORE;
      else
        scores[i] = g_rand_int_range (gen->rand, 0, MAX_SCORE + 1);
      total += scores[i];
    }
  /* Not knowing it means failing: lower answers until under the mark. */
  for (guint i = 0; !knows_it && 100 * total >= PASS_PERCENT * MAX_SCORE * (int) n; i++)
    {
      total -= scores[i % n];
      scores[i % n] = 0;
    }
}

static const char *
choice_for_score (int score)
{
  static const char * const choices[] = { "c", "b", "d", "a" };

  return choices[CLAMP (score, 0, MAX_SCORE)];
}

static gboolean
record_answers (Generator  *gen,
                gint64      attempt,
                const int  *scores,
                guint       n,
                GError    **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *scenario = g_strdup_printf ("s%u", i + 1);

      wait (gen, 30, 180);
      if (th_store_record_answer (gen->store, attempt, scenario, choice_for_score (scores[i]),
                                  scores[i], MAX_SCORE, error) == 0)
        return FALSE;
      gen->counts.answers++;
    }
  return TRUE;
}

/* One attempt from start to finish; *@passed says how it went. */
static gboolean
take_attempt (Generator      *gen,
              gint64          learner,
              const char     *module_id,
              ThAttemptKind   kind,
              gboolean        knows_it,
              gboolean       *passed,
              GError        **error)
{
  const char *set = kind == TH_ATTEMPT_REFRESHER ? "s1 s2 s3" : NULL;
  guint n = kind == TH_ATTEMPT_REFRESHER ? 3 : (guint) g_rand_int_range (gen->rand, 3, 5);
  int scores[8];
  int total = 0;
  gint64 attempt;

  g_assert (n <= G_N_ELEMENTS (scores));
  attempt = th_store_start_attempt (gen->store, learner, module_id, kind, set, 0, error);
  if (attempt == 0)
    return FALSE;
  gen->counts.attempts++;

  draw_scores (gen, knows_it, scores, n);
  if (!record_answers (gen, attempt, scores, n, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    total += scores[i];

  *passed = 100 * total >= PASS_PERCENT * MAX_SCORE * (int) n;
  if (!th_store_finish_attempt (gen->store, attempt, total, MAX_SCORE * (int) n, *passed, error))
    return FALSE;
  gen->counts.completions += *passed;
  return TRUE;
}

/* Attempts at a module until the learner passes it: about one in five
 * fails the first time. */
static gboolean
pass_module (Generator   *gen,
             gint64       learner,
             const char  *module_id,
             gboolean    *done,
             GError     **error)
{
  gboolean passed = FALSE;

  for (guint i = 0; i < MAX_ATTEMPTS && !passed && !story_ended (gen); i++)
    {
      gboolean knows_it = chance (gen, i == 0 ? 0.8 : 0.9);

      if (!take_attempt (gen, learner, module_id, TH_ATTEMPT_FULL, knows_it, &passed, error))
        return FALSE;
      wait (gen, 3600, 3 * 86400);
    }
  *done = passed;
  return TRUE;
}

/* Quit half-way, or the application was closed: the attempt stays open
 * with the answers given so far, for the learner to resume. */
static gboolean
leave_open (Generator   *gen,
            gint64       learner,
            const char  *module_id,
            GError     **error)
{
  guint n = (guint) g_rand_int_range (gen->rand, 1, 3);
  int scores[2];
  gint64 attempt;

  attempt = th_store_start_attempt (gen->store, learner, module_id, TH_ATTEMPT_FULL, NULL, 0, error);
  if (attempt == 0)
    return FALSE;
  gen->counts.attempts++;
  gen->counts.open_attempts++;
  draw_scores (gen, TRUE, scores, n);
  return record_answers (gen, attempt, scores, n, error);
}

static gboolean
take_refreshers (Generator   *gen,
                 gint64       learner,
                 guint        n_passed,
                 GError     **error)
{
  guint n = (guint) g_rand_int_range (gen->rand, 1, 3);

  for (guint i = 0; i < n; i++)
    {
      const char *module_id = module_ids[g_rand_int_range (gen->rand, 0, n_passed)];
      gboolean passed;

      /* About a year on, as the default refresher period asks. */
      wait (gen, 300 * 86400, 400 * 86400);
      if (story_ended (gen))
        return TRUE;

      if (!take_attempt (gen, learner, module_id, TH_ATTEMPT_REFRESHER, chance (gen, 0.9),
                         &passed, error))
        return FALSE;
      gen->counts.refreshers++;
    }
  return TRUE;
}

/* How far along the learning path a learner is: most staff finished
 * onboarding long ago, some are part-way, a few have just started. */
static guint
draw_progress (Generator *gen)
{
  double where = g_rand_double (gen->rand);

  if (where < 0.75)
    return (guint) g_rand_int_range (gen->rand, 13, N_MODULES + 1);
  if (where < 0.92)
    return (guint) g_rand_int_range (gen->rand, 4, 13);
  return (guint) g_rand_int_range (gen->rand, 0, 4);
}

static gboolean
sign_off (Generator  *gen,
          gint64      learner,
          GError    **error)
{
  wait (gen, 86400, 14 * 86400);
  if (story_ended (gen))
    return TRUE;
  if (th_store_record_sign_off (gen->store, learner, gen->supervisor, "Onboarding reviewed", error) == 0)
    return FALSE;
  gen->counts.sign_offs++;
  return TRUE;
}

/* Each learner's organisation account: a staff ID, the seed's own range
 * so that distinct seeds make distinct people. */
static gboolean
add_account (Generator  *gen,
             gint64      learner,
             GError    **error)
{
  g_autofree char *account = g_strdup_printf ("staff-%u-%06" G_GINT64_FORMAT, gen->seed, learner);

  return th_store_set_learner_account (gen->store, learner, account, error);
}

static gboolean
add_learner (Generator  *gen,
             GError    **error)
{
  g_autofree char *name = make_name (gen);
  g_autofree char *pin = NULL;
  guint n_passed = draw_progress (gen);
  gint64 learner;

  /* A PIN costs an argon2 hash, as it does in the application. */
  if (chance (gen, 0.05))
    pin = g_strdup_printf ("%04d", g_rand_int_range (gen->rand, 0, 10000));
  /* Hired some time in the history; the newest have barely started. */
  set_now (gen, g_date_time_add_seconds (gen->until, -86400.0 * g_rand_int_range (gen->rand, 1, HISTORY_DAYS)));
  learner = th_store_add_learner (gen->store, name, pin, error);
  if (learner == 0 || !add_account (gen, learner, error))
    return FALSE;
  gen->counts.learners++;
  gen->counts.pins += pin != NULL;

  for (guint m = 0; m < n_passed; m++)
    {
      gboolean passed;

      if (!pass_module (gen, learner, module_ids[m], &passed, error))
        return FALSE;
      if (!passed)
        {
          n_passed = m;
          break;
        }
    }
  if (n_passed < N_MODULES && chance (gen, 0.3) && !story_ended (gen) &&
      !leave_open (gen, learner, module_ids[n_passed], error))
    return FALSE;
  if (n_passed == N_MODULES && chance (gen, SIGN_OFF_SHARE) && !sign_off (gen, learner, error))
    return FALSE;
  if (n_passed >= 13 && chance (gen, 0.3) && !take_refreshers (gen, learner, n_passed, error))
    return FALSE;
  return TRUE;
}

/* One transaction per batch of learners: each change is still its own
 * savepoint with its audit record, but the file is synced once a batch. */
static gboolean
generate (Generator      *gen,
          const Options  *options,
          GError        **error)
{
  /* Progress is for a person watching, not for a log. */
  gboolean progress = isatty (STDERR_FILENO);

  /* Before any learner: the history's sign-offs are all by this one. */
  set_now (gen, g_date_time_add_days (gen->until, -HISTORY_DAYS - 1));
  gen->supervisor = th_store_add_supervisor (gen->store, "Clinic Supervisor", "benchmark passphrase", 0, error);
  if (gen->supervisor == 0)
    return FALSE;
  for (guint64 done = 0; done < options->learners; )
    {
      guint64 end = MIN (done + options->batch, options->learners);

      if (!th_store_begin_batch (gen->store, error))
        return FALSE;
      for (; done < end; done++)
        if (!add_learner (gen, error))
          return FALSE;
      if (!th_store_commit_batch (gen->store, error))
        return FALSE;
      if (progress && (done % 1000 == 0 || done == options->learners))
        g_printerr ("\r%" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " learners", done, options->learners);
    }
  if (progress)
    g_printerr ("\n");
  return TRUE;
}

static gboolean
parse_count (const char  *option,
             const char  *text,
             guint64      min,
             guint64      max,
             guint64     *value,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (text == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s is required", option);
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, min, max, value, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s must be a whole number from %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT
                   ", not “%s”", option, min, max, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_options (int       *argc,
               char    ***argv,
               Options   *options,
               GError   **error)
{
  g_autofree char *learners = NULL, *seed = NULL, *batch = NULL;
  const GOptionEntry entries[] = {
    { "learners", 'n', 0, G_OPTION_ARG_STRING, &learners, "How many learners to write", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output, "The database to create", "FILE" },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed, "Seed of the random choices (default 1)", "S" },
    { "batch", 'b', 0, G_OPTION_ARG_STRING, &batch, "Learners per transaction (default 100)", "B" },
    { "until", 'u', 0, G_OPTION_ARG_STRING, &options->until,
      "The end of the history, YYYY-MM-DD (default today)", "DATE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- write a large progress database");
  guint64 value;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "unexpected argument “%s”", (*argv)[1]);
      return FALSE;
    }
  if (!parse_count ("--learners", learners, 1, 10000000, &options->learners, error))
    return FALSE;
  if (!parse_count ("--seed", seed ? seed : "1", 0, G_MAXUINT32, &value, error))
    return FALSE;
  options->seed = (guint32) value;
  if (!parse_count ("--batch", batch ? batch : "100", 1, 100000, &value, error))
    return FALSE;
  options->batch = (guint) value;
  if (options->output == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "--output is required");
      return FALSE;
    }
  /* Adding to an existing database would mix two histories. */
  if (g_file_test (options->output, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   "%s already exists; remove it or choose another file", options->output);
      return FALSE;
    }
  return TRUE;
}

/* Midnight UTC of @text (YYYY-MM-DD), or of today: the same seed and day
 * write the same records. */
static GDateTime *
parse_until (const char  *text,
             GError     **error)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  g_autofree char *stamp = NULL;
  GDateTime *until;

  if (text == NULL)
    return g_date_time_new_utc (g_date_time_get_year (today), g_date_time_get_month (today),
                                g_date_time_get_day_of_month (today), 0, 0, 0);
  stamp = g_strconcat (text, "T00:00:00Z", NULL);
  until = g_date_time_new_from_iso8601 (stamp, NULL);
  if (until == NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 "--until must be a date as YYYY-MM-DD, not “%s”", text);
  return until;
}

/* A half-written database is worse than none: the benchmarks would
 * measure whatever was left. */
static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static void
print_counts (const Counts *counts,
              const char   *path,
              double        seconds)
{
  printf ("%s: %" G_GUINT64_FORMAT " learners (%" G_GUINT64_FORMAT " with a PIN), "
          "%" G_GUINT64_FORMAT " attempts (%" G_GUINT64_FORMAT " refreshers, %" G_GUINT64_FORMAT
          " open), %" G_GUINT64_FORMAT " answers (%.1f per learner), %" G_GUINT64_FORMAT
          " completions, %" G_GUINT64_FORMAT " sign-offs, in %.1f s\n",
          path, counts->learners, counts->pins, counts->attempts, counts->refreshers,
          counts->open_attempts, counts->answers,
          (double) counts->answers / (double) MAX (counts->learners, 1),
          counts->completions, counts->sign_offs, seconds);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Generator) gen = { 0 };
  Options options = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  setlocale (LC_ALL, "");
  if (!parse_options (&argc, &argv, &options, &error))
    {
      g_printerr ("generate-records: %s (see --help)\n", error->message);
      g_free (options.output);
      g_free (options.until);
      return 2;
    }

  gen.rand = g_rand_new_with_seed (options.seed);
  gen.seed = options.seed;
  gen.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen.until = parse_until (options.until, &error);
  if (gen.until != NULL)
    {
      gen.now = g_date_time_ref (gen.until);
      gen.store = th_store_open (options.output, &error);
    }
  if (gen.store != NULL)
    th_store_set_clock (gen.store, story_clock, &gen);
  if (gen.store == NULL || !generate (&gen, &options, &error))
    {
      g_printerr ("generate-records: %s\n", error->message);
      generator_clear (&gen);
      if (gen.until != NULL)
        remove_database (options.output);
      g_free (options.output);
      g_free (options.until);
      return 1;
    }

  print_counts (&gen.counts, options.output, (g_get_monotonic_time () - start) / 1e6);
  g_free (options.output);
  g_free (options.until);
  return 0;
}
