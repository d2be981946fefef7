/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "th-catalog.h"
#include "th-completion-matrix.h"
#include "th-insights.h"
#include "th-report.h"
#include "th-store-statements.h"
#include "th-test-util.h"

/* The team's insights on a hand-made set of answers to the example module
 * (tests/fixtures/content/good/example.xml), whose tags are:
 *   late:   a (2) honours humanism, low-threshold-care; b (0) breaks
 *           low-threshold-care; c (1) honours low-threshold-care
 *   late-2: a (1) honours pragmatism; b, c (0) nothing
 *   words:  select all; a, c (+1) nothing; b (-1) breaks stigma-free-culture
 * Every figure below is counted from the answers by hand. */

static char *tmp_dir;
static ThCatalog *catalog;
static GDateTime *now;

static GDateTime *
clock_now (gpointer user_data)
{
  return g_date_time_ref (now);
}

static void
at (int month,
    int day)
{
  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_new_utc (2026, month, day, 10, 0, 0);
}

/* One attempt: each answer "moment:choices:score:max", then finished. */
static void
attempt (ThStore             *store,
         gint64               learner,
         ThAttemptKind        kind,
         const char * const  *answers,
         gboolean             passed)
{
  g_autoptr(GError) error = NULL;
  gint64 id = th_store_start_attempt (store, learner, "example-welcome", kind, NULL, 0, &error);
  int score = 0, max = 0;

  for (guint i = 0; answers[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (answers[i], ":", 4);

      th_store_record_answer (store, id, parts[0], parts[1], atoi (parts[2]), atoi (parts[3]), &error);
      score += atoi (parts[2]);
      max += atoi (parts[3]);
    }
  th_store_finish_attempt (store, id, score, max, passed, &error);
  g_assert_no_error (error);
}

static ThStore *
make_records (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  ThStore *store = th_store_open (path, &error);
  gint64 ana, ben, cy;

  th_store_set_clock (store, clock_now, NULL);
  at (1, 10);
  ana = th_store_add_learner (store, "Ana", NULL, &error);
  ben = th_store_add_learner (store, "Ben", NULL, &error);
  cy = th_store_add_learner (store, "Cy", NULL, &error);
  at (1, 15);
  attempt (store, ana, TH_ATTEMPT_FULL, (const char *[]) { "late:b:0:2", "words:a b:0:2", NULL }, FALSE);
  at (4, 10);
  attempt (store, ana, TH_ATTEMPT_FULL, (const char *[]) { "late:a:2:2", "late-2:a:1:1", "words:a c:2:2", NULL },
           TRUE);
  at (4, 12);
  attempt (store, ben, TH_ATTEMPT_FULL, (const char *[]) { "late:c:1:2", "words:a c:2:2", NULL }, TRUE);
  at (5, 1);
  attempt (store, ben, TH_ATTEMPT_REFRESHER, (const char *[]) { "late:b:0:2", NULL }, FALSE);
  at (4, 20);
  attempt (store, cy, TH_ATTEMPT_FULL, (const char *[]) { "late:b:0:2", NULL }, FALSE);
  g_assert_true (th_store_set_learner_archived (store, cy, TRUE, &error));
  g_assert_no_error (error);
  return store;
}

static void
assert_tally (ThTagTally tally,
              guint      honoured,
              guint      broken)
{
  g_assert_cmpuint (tally.honoured, ==, honoured);
  g_assert_cmpuint (tally.broken, ==, broken);
}

static ThMomentInsight *
moment (ThInsights *insights,
        guint       i)
{
  return g_ptr_array_index (th_insights_get_moments (insights), i);
}

static ThModuleInsight *
example_module (ThInsights *insights)
{
  GPtrArray *modules = th_insights_get_modules (insights);

  for (guint i = 0; i < modules->len; i++)
    if (g_str_equal (((ThModuleInsight *) modules->pdata[i])->module_id, "example-welcome"))
      return modules->pdata[i];
  g_assert_not_reached ();
}

/* Everyone not archived, every day. */
static void
test_counts (void)
{
  g_autoptr(ThStore) store = make_records ("counts.db");
  ThRecordScope scope = { NULL, NULL, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(ThInsights) insights = th_insights_load (store, catalog, &scope, &error);
  g_auto(GStrv) quarters = NULL;
  ThModuleInsight *module;

  g_assert_no_error (error);
  g_assert_cmpuint (th_insights_get_n_answers (insights), ==, 8);

  /* Per principle and theme, each chosen choice counted. */
  assert_tally (*th_insights_get_tally (insights, TH_TAG_HUMANISM), 1, 0);
  assert_tally (*th_insights_get_tally (insights, TH_TAG_LOW_THRESHOLD_CARE), 2, 2);
  assert_tally (*th_insights_get_tally (insights, TH_TAG_PRAGMATISM), 1, 0);
  assert_tally (*th_insights_get_tally (insights, TH_TAG_STIGMA_FREE_CULTURE), 0, 1);
  assert_tally (*th_insights_get_tally (insights, TH_TAG_AUTONOMY), 0, 0);

  /* By quarter: January's attempt, then April's and May's. */
  quarters = th_insights_dup_quarters (insights);
  g_assert_cmpuint (g_strv_length (quarters), ==, 2);
  g_assert_cmpstr (quarters[0], ==, "2026-Q1");
  g_assert_cmpstr (quarters[1], ==, "2026-Q2");
  assert_tally (th_insights_get_tally_in (insights, TH_TAG_LOW_THRESHOLD_CARE, "2026-Q1"), 0, 1);
  assert_tally (th_insights_get_tally_in (insights, TH_TAG_LOW_THRESHOLD_CARE, "2026-Q2"), 2, 1);
  assert_tally (th_insights_get_tally_in (insights, TH_TAG_STIGMA_FREE_CULTURE, "2026-Q1"), 0, 1);
  assert_tally (th_insights_get_tally_in (insights, TH_TAG_HUMANISM, "2026-Q1"), 0, 0);

  /* Per moment, the most often answered below its best first, with the
   * weaker choice most often taken. */
  g_assert_cmpuint (th_insights_get_moments (insights)->len, ==, 3);
  g_assert_cmpstr (moment (insights, 0)->scenario->id, ==, "late");
  g_assert_cmpuint (moment (insights, 0)->answers, ==, 4);
  g_assert_cmpuint (moment (insights, 0)->weaker, ==, 3);
  g_assert_cmpstr (moment (insights, 0)->common->id, ==, "b");
  g_assert_cmpuint (moment (insights, 0)->common_count, ==, 2);
  g_assert_cmpstr (moment (insights, 1)->scenario->id, ==, "words");
  g_assert_cmpuint (moment (insights, 1)->answers, ==, 3);
  g_assert_cmpuint (moment (insights, 1)->weaker, ==, 1);
  g_assert_cmpstr (moment (insights, 1)->common->id, ==, "b");
  g_assert_cmpstr (moment (insights, 2)->scenario->id, ==, "late-2");
  g_assert_null (moment (insights, 2)->common);

  /* Per module: four finished attempts (0%, 100%, 75%, 0%), two first
   * full attempts of which one passed, one refresher not passed. */
  module = example_module (insights);
  g_assert_cmpuint (module->answers, ==, 8);
  g_assert_cmpuint (module->attempts, ==, 4);
  g_assert_cmpuint (module->first_attempts, ==, 2);
  g_assert_cmpuint (module->first_passed, ==, 1);
  g_assert_cmpuint (module->median_percent, ==, 0);
  g_assert_cmpuint (module->refreshers, ==, 1);
  g_assert_cmpuint (module->refreshers_passed, ==, 0);
}

/* Archived learners when asked for; a period of days. */
static void
test_scope (void)
{
  g_autoptr(ThStore) store = make_records ("scope.db");
  ThRecordScope with_archived = { NULL, NULL, TRUE };
  ThRecordScope april = { "2026-04-01", "2026-04-30", FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(ThInsights) all = th_insights_load (store, catalog, &with_archived, &error);
  g_autoptr(ThInsights) in_april = th_insights_load (store, catalog, &april, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (th_insights_get_n_answers (all), ==, 9);
  assert_tally (*th_insights_get_tally (all, TH_TAG_LOW_THRESHOLD_CARE), 2, 3);
  g_assert_cmpuint (moment (all, 0)->common_count, ==, 3);

  /* April: Ana's second attempt and Ben's first; not May's refresher, not
   * January, and not the archived Cy. */
  g_assert_cmpuint (th_insights_get_n_answers (in_april), ==, 5);
  g_assert_cmpuint (example_module (in_april)->attempts, ==, 2);
  assert_tally (*th_insights_get_tally (in_april, TH_TAG_LOW_THRESHOLD_CARE), 2, 0);
  assert_tally (*th_insights_get_tally (in_april, TH_TAG_HUMANISM), 1, 0);
}

static guint
count_answers_in_database (ThStore *store)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open (th_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM answers AS a JOIN attempts AS t "
                                           "ON t.id = a.attempt_id JOIN learners AS l ON l.id = t.learner_id "
                                           "WHERE l.archived = 0", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The CSV: a section per module whose answer counts add up to the answers
 * in the database, per principle and theme, per moment. */
static void
test_csv (void)
{
  g_autoptr(ThStore) store = make_records ("csv.db");
  g_autofree char *path = g_build_filename (tmp_dir, "insights.csv", NULL);
  ThRecordScope scope = { NULL, NULL, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(ThInsights) insights = th_insights_load (store, catalog, &scope, &error);
  g_autofree char *text = NULL;
  g_auto(GStrv) sections = NULL, module_lines = NULL;
  guint sum = 0;

  g_assert_true (th_report_write_insights_csv (insights, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  sections = g_strsplit (text, "\r\n\r\n", -1);
  g_assert_cmpuint (g_strv_length (sections), ==, 3);
  g_assert_true (g_str_has_prefix (sections[0], "\xEF\xBB\xBFModule ID,Module,Answers,"));
  module_lines = g_strsplit (sections[0], "\r\n", -1);
  for (guint i = 1; module_lines[i] != NULL && *module_lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (module_lines[i], ",", -1);
      sum += (guint) atoi (fields[g_strv_length (fields) - 7]);
    }
  g_assert_cmpuint (sum, ==, count_answers_in_database (store));
  g_assert_nonnull (strstr (sections[1], "low-threshold-care,Low-threshold care,all,2,2"));
  g_assert_nonnull (strstr (sections[1], "low-threshold-care,Low-threshold care,2026-Q1,0,1"));
  g_assert_true (g_str_has_prefix (sections[2], "Module ID,Moment ID,Moment,Answers"));
  g_assert_nonnull (strstr (sections[2], "example-welcome,late,Twenty minutes late,4,3,"));
}

/* Three moments answered below their best: Dee also takes the wait's
 * weaker b (and the late arrival's best a, which honours humanism and
 * low-threshold care). Then the late arrival (3 of 5 below the best, b
 * twice), Charting and The wait (1 each). */
static ThStore *
make_huddle_records (const char *name)
{
  ThStore *store = make_records (name);
  g_autoptr(GError) error = NULL;
  gint64 dee;

  at (4, 25);
  dee = th_store_add_learner (store, "Dee", NULL, &error);
  attempt (store, dee, TH_ATTEMPT_FULL, (const char *[]) { "late:a:2:2", "late-2:b:0:1", NULL }, FALSE);
  g_assert_no_error (error);
  return store;
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

/* The PDF's words in the order they were drawn, one space between them,
 * so a name wrapped over two lines still reads as one. */
static char *
pdf_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autofree char *text = run_tool (argv);
  g_auto(GStrv) words = g_strsplit_set (text, " \n\f", -1);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (joined, "%s%s", joined->len ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return run_tool (argv);
}

#define assert_has(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("\"%s\" is missing from \"%s\"", (needle), (haystack)); \
  } G_STMT_END

static guint
count_pages (const char *info)
{
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The huddle sheet holds the period, every principle and theme with its
 * numbers, and the three moments with their weaker choice and feedback,
 * on at most two pages; its metadata names it and the organisation. */
static void
test_huddle_sheet (void)
{
  g_autoptr(ThStore) store = make_huddle_records ("huddle.db");
  g_autofree char *path = g_build_filename (tmp_dir, "huddle.pdf", NULL);
  ThRecordScope scope = { "2026-01-01", "2026-06-30", FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(ThInsights) insights = th_insights_load (store, catalog, &scope, &error);
  g_autofree char *text = NULL, *info = NULL;

  g_assert_true (th_report_write_insights_pdf (insights, &scope, "https://clinic.example.org", path, &error));
  g_assert_no_error (error);
  text = pdf_words (path);
  info = pdf_info (path);

  assert_has (text, "Period: From 2026-01-01 to 2026-06-30");
  assert_has (text, "10 answers from the team. Archived learners are left out.");
  for (guint tag = 0; tag < TH_N_TAGS; tag++)
    assert_has (text, th_tag_get_title (tag));
  assert_has (text, "Low-threshold care 3 honour it · 2 work against it");
  assert_has (text, "Humanism 2 honour it · 0 work against it");
  assert_has (text, "Autonomy not met in these answers");

  assert_has (text, "Three moments to discuss");
  assert_has (text, "1. Twenty minutes late");
  assert_has (text, "Welcoming a late arrival · 3 of 5 answers below the best");
  assert_has (text, "Chosen 2 times: \"The schedule is full now;");
  assert_has (text, "Its feedback: A strict rule can cost the visit entirely.");
  assert_has (text, "2. Charting");
  assert_has (text, "Its feedback: This label defines a person by a behavior;");
  assert_has (text, "3. The wait");
  assert_has (text, "Chosen 1 time: Hand over the intake forms");

  assert_has (info, "Title:           Team huddle sheet: From 2026-01-01 to 2026-06-30\n");
  assert_has (info, "Author:          https://clinic.example.org\n");
  assert_has (info, "Creator:         Threshold " PACKAGE_VERSION "\n");
  assert_has (info, "Subject:");
  g_assert_cmpuint (count_pages (info), <=, 2);
}

/* A period without answers, and every record: said plainly. */
static void
test_huddle_sheet_empty (void)
{
  g_autoptr(ThStore) store = make_records ("huddle-empty.db");
  g_autofree char *path = g_build_filename (tmp_dir, "huddle-empty.pdf", NULL);
  ThRecordScope scope = { "2020-01-01", "2020-12-31", FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(ThInsights) insights = th_insights_load (store, catalog, &scope, &error);
  g_autofree char *text = NULL, *info = NULL;

  g_assert_true (th_report_write_insights_pdf (insights, &scope, NULL, path, &error));
  g_assert_no_error (error);
  text = pdf_words (path);
  info = pdf_info (path);
  assert_has (text, "0 answers from the team.");
  assert_has (text, "Pragmatism not met in these answers");
  assert_has (text, "In this period no moment was answered below its best.");
  assert_has (info, "Author:          Threshold\n");
  g_assert_cmpuint (count_pages (info), ==, 1);

  g_clear_pointer (&text, g_free);
  g_assert_true (th_report_write_insights_pdf (insights, NULL, NULL, path, &error));
  text = pdf_words (path);
  assert_has (text, "Period: All records");

  g_assert_false (th_report_write_insights_pdf (insights, NULL, NULL, "/nonexistent/folder/h.pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
}

/* The author is the organisation the records name, or Threshold. */
static void
test_report_author (void)
{
  g_autoptr(ThStore) store = make_records ("author.db");
  g_autoptr(ThCompletionMatrix) matrix = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "ana.pdf", NULL);
  g_autofree char *author = NULL, *info = NULL;
  g_autoptr(GError) error = NULL;

  author = th_report_dup_author (store, &error);
  g_assert_cmpstr (author, ==, "Threshold");
  g_clear_pointer (&author, g_free);
  g_assert_true (th_store_set_setting (store, TH_STORE_HOME_PAGE_KEY, "https://clinic.example.org", &error));
  author = th_report_dup_author (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (author, ==, "https://clinic.example.org");

  matrix = th_completion_matrix_load (store, catalog, 12, &error);
  g_assert_no_error (error);
  g_assert_true (th_report_write_transcript_full (matrix, 1, author, path, &error));
  g_assert_no_error (error);
  info = pdf_info (path);
  assert_has (info, "Title:           Training transcript of Ana\n");
  assert_has (info, "Author:          https://clinic.example.org\n");
  assert_has (info, "Creator:         Threshold " PACKAGE_VERSION "\n");
}

/* A locale whose paper is Letter for the command line to run in:
 * en_US.UTF-8 if the machine has it, or else compiled into the test's
 * folder with localedef (no root needed), which the child finds through
 * LOCPATH. Returns FALSE when neither is possible. */
static gboolean
find_letter_locale (char **locpath)
{
  locale_t installed = newlocale (LC_PAPER_MASK, "en_US.UTF-8", (locale_t) 0);
  g_autofree char *dir = g_build_filename (tmp_dir, "locales", NULL);
  g_autofree char *target = g_build_filename (dir, "en_US.UTF-8", NULL);
  g_autofree char *paper = g_build_filename (target, "LC_PAPER", NULL);
  const char *argv[] = { "localedef", "-i", "en_US", "-f", "UTF-8", target, NULL };

  *locpath = NULL;
  if (installed != (locale_t) 0)
    {
      freelocale (installed);
      return TRUE;
    }
  g_mkdir_with_parents (dir, 0755);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  if (!g_file_test (paper, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  *locpath = g_steal_pointer (&dir);
  return TRUE;
}

/* Runs threshold with @locale_env (and LOCPATH when set) on @db, and
 * returns what pdfinfo says of the PDF it wrote. */
static char *
export_in_locale (const char * const *locale_env,
                  const char          *locpath,
                  const char * const  *args)
{
  g_autofree char *content = g_strdup_printf ("THRESHOLD_CONTENT_DIR=%s/content/good", g_getenv ("THRESHOLD_FIXTURES"));
  g_autofree char *where = locpath ? g_strdup_printf ("LOCPATH=%s", locpath) : g_strdup ("LOCPATH");
  g_autoptr(GPtrArray) env = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  int status;

  g_ptr_array_add (env, content);
  g_ptr_array_add (env, where);
  for (guint i = 0; locale_env[i] != NULL; i++)
    g_ptr_array_add (env, (gpointer) locale_env[i]);
  g_ptr_array_add (env, NULL);
  th_test_run_threshold ((const char * const *) env->pdata, args, &out, &err, &status);
  if (status != 0)
    g_error ("threshold failed: %s", err);
  return pdf_info (args[g_strv_length ((char **) args) - 1]);
}

#define A4 "Page size:       595.28 x 841.89 pts (A4)\n"
#define LETTER "Page size:       612 x 792 pts (letter)\n"

/* The huddle sheet and the transcript on the locale's paper: Letter
 * where LC_PAPER is the United States', A4 elsewhere. */
static void
test_paper_size (void)
{
  g_autoptr(ThStore) store = make_huddle_records ("paper.db");
  g_autofree char *pdf = g_build_filename (tmp_dir, "paper.pdf", NULL);
  const char *db = th_store_get_path (store);
  const char *huddle[] = { "--database", db, "--export-insights", pdf, NULL };
  const char *transcript[] = { "--database", db, "--export-transcript", "Ana", "--output", pdf, NULL };
  const char *c_utf8[] = { "LC_ALL=C.UTF-8", NULL };
  const char *us[] = { "LC_ALL=en_US.UTF-8", NULL };
  const char *us_paper_only[] = { "LC_ALL", "LANG=C", "LC_PAPER=en_US.UTF-8", NULL };
  g_autofree char *locpath = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (th_store_set_setting (store, TH_STORE_HOME_PAGE_KEY, "https://clinic.example.org", &error));
  {
    g_autofree char *info = export_in_locale (c_utf8, NULL, huddle);
    assert_has (info, A4);
    assert_has (info, "Author:          https://clinic.example.org\n");
  }
  {
    g_autofree char *info = export_in_locale (c_utf8, NULL, transcript);
    assert_has (info, A4);
    assert_has (info, "Title:           Training transcript of Ana\n");
  }

  if (!find_letter_locale (&locpath))
    {
      g_test_skip ("en_US.UTF-8 is not installed and cannot be compiled (localedef and the "
                   "Debian package locales are needed): Letter paper not checked");
      return;
    }
  {
    g_autofree char *info = export_in_locale (us, locpath, huddle);
    assert_has (info, LETTER);
    g_assert_cmpuint (count_pages (info), <=, 2);
  }
  {
    g_autofree char *info = export_in_locale (us_paper_only, locpath, transcript);
    assert_has (info, LETTER);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ThContentLoader) loader = NULL;
  g_autofree char *example = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = th_test_make_tmp_dir ();
  loader = th_content_loader_new ();
  catalog = th_catalog_new (loader);
  example = g_build_filename (g_getenv ("THRESHOLD_FIXTURES"), "content", "good", "example.xml", NULL);
  th_catalog_add_path (catalog, example, TH_CONTENT_ORIGIN_BUNDLED);

  g_test_add_func ("/core/insights/counts", test_counts);
  g_test_add_func ("/core/insights/scope", test_scope);
  g_test_add_func ("/core/insights/csv", test_csv);
  g_test_add_func ("/core/insights/huddle-sheet", test_huddle_sheet);
  g_test_add_func ("/core/insights/huddle-sheet-empty", test_huddle_sheet_empty);
  g_test_add_func ("/core/insights/report-author", test_report_author);
  g_test_add_func ("/core/insights/paper-size", test_paper_size);

  result = g_test_run ();
  g_clear_object (&catalog);
  g_clear_pointer (&now, g_date_time_unref);
  th_test_rmtree (tmp_dir);
  return result;
}
