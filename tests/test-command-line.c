/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "th-store.h"
#include "th-test-util.h"

static char *tmp_dir;

/* No display: the command line must work on a server or over SSH. */
static char *
run (const char *content_dir,
     const char * const *args,
     char      **err,
     int        *status)
{
  g_autofree char *content = g_strdup_printf ("THRESHOLD_CONTENT_DIR=%s", content_dir);
  g_autofree char *data_home = g_strdup_printf ("XDG_DATA_HOME=%s", tmp_dir);
  const char *env[] = { "DISPLAY", "WAYLAND_DISPLAY", content, data_home, NULL };
  char *out = NULL;

  th_test_run_threshold (env, args, &out, err, status);
  return out;
}

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("THRESHOLD_FIXTURES"), "content", name, NULL);
}

static void
test_help_lists_every_option (void)
{
  static const char * const options[] = {
    "--help", "--version", "--list-modules", "--validate", "--database", "--content-dir",
    "--verify-records", "--backup", "--export-csv", "--export-transcript", "--output",
    "--export-insights", "--since", "--until",
  };
  const char *args[] = { "--help", NULL };
  g_autofree char *good = fixture ("good");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  out = run (good, args, &err, &status);
  g_assert_cmpint (status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (out, options[i]));
}

static void
test_version (void)
{
  const char *args[] = { "--version", NULL };
  g_autofree char *good = fixture ("good");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  out = run (good, args, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "threshold " PACKAGE_VERSION "\n");
}

static void
test_list_modules_without_display (void)
{
  const char *args[] = { "--list-modules", NULL };
  g_autofree char *good = fixture ("good");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  out = run (good, args, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==,
                   "example-welcome\tother\tWelcoming a late arrival\n"
                   "language-warning\tother\tWelcoming a late arrival\n");
}

static void
test_user_content_dir_without_rebuild (void)
{
  const char *args[] = { "--list-modules", NULL };
  g_autofree char *good = fixture ("good");
  g_autofree char *user_dir = g_build_filename (tmp_dir, "threshold", "content", NULL);
  g_autofree char *added = g_build_filename (user_dir, "ours.xml", NULL);
  g_autofree char *source = g_build_filename (good, "example.xml", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  parts = g_strsplit (contents, "id=\"example-welcome\"", 2);
  edited = g_strjoinv ("id=\"our-clinic-intake\"", parts);
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (added, edited, -1, NULL));

  out = run (good, args, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "our-clinic-intake\tother\t"));

  g_unlink (added);
}

static void
test_validate_reports_and_fails (void)
{
  g_autofree char *bad = fixture ("bad");
  g_autofree char *good = fixture ("good");
  g_autofree char *malformed = g_build_filename (bad, "malformed.xml:5: error:", NULL);
  const char *bad_args[] = { "--validate", bad, good, NULL };
  const char *good_args[] = { "--validate", good, NULL };
  g_autofree char *err = NULL, *err2 = NULL;
  g_autofree char *out = NULL, *out2 = NULL;
  int status;

  out = run (good, bad_args, &err, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, malformed));
  g_assert_nonnull (strstr (out, "14 files checked, 2 modules valid, 13 errors, 1 warning"));

  out2 = run (good, good_args, &err2, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out2, "0 errors"));
}

static void
test_unexpected_argument (void)
{
  const char *args[] = { "nonsense", NULL };
  g_autofree char *good = fixture ("good");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  out = run (good, args, &err, &status);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "nonsense"));
}

static char *
make_records (const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(ThStore) store = th_store_open (path, &error);
  gint64 learner, attempt;

  g_assert_no_error (error);
  learner = th_store_add_learner (store, "Mateo", NULL, &error);
  attempt = th_store_start_attempt (store, learner, "autonomy", TH_ATTEMPT_FULL, NULL, 0, &error);
  th_store_record_answer (store, attempt, "first", "b", 3, 3, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_verify_records_catches_sqlite3_edit (void)
{
  g_autofree char *good = fixture ("good");
  g_autofree char *path = make_records ("verify.db");
  const char *verify[] = { "--database", path, "--verify-records", NULL };
  const char *edit[] = { "sqlite3", path, "UPDATE answers SET score = 0;", NULL };
  g_autoptr(GSubprocess) sqlite = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  int status;

  out = run (good, verify, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "all records are intact"));

  sqlite = g_subprocess_newv (edit, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (sqlite, NULL, &error));

  out2 = run (good, verify, &err2, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out2, "answers row 1 differs from its audit record"));
}

static void
test_backup_on_demand (void)
{
  g_autofree char *good = fixture ("good");
  g_autofree char *path = make_records ("source.db");
  g_autofree char *copy = g_build_filename (tmp_dir, "copy.db", NULL);
  const char *backup[] = { "--database", path, "--backup", copy, NULL };
  const char *verify[] = { "--database", copy, "--verify-records", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  int status;

  out = run (good, backup, &err, &status);
  g_assert_cmpint (status, ==, 0);
  out2 = run (good, verify, &err2, &status);
  g_assert_cmpint (status, ==, 0);
}

static void
test_verify_missing_database (void)
{
  g_autofree char *good = fixture ("good");
  g_autofree char *path = g_build_filename (tmp_dir, "nowhere.db", NULL);
  const char *verify[] = { "--database", path, "--verify-records", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status;

  out = run (good, verify, &err, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "There is no progress database"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_exports (void)
{
  g_autofree char *good = fixture ("good");
  g_autofree char *content = g_strdup (g_getenv ("THRESHOLD_CONTENT_DIR"));
  g_autofree char *path = make_records ("exports.db");
  g_autofree char *csv = g_build_filename (tmp_dir, "everyone.csv", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "mateo.pdf", NULL);
  const char *csv_args[] = { "--database", path, "--export-csv", csv, NULL };
  const char *pdf_args[] = { "--database", path, "--export-transcript", "Mateo", "--output", pdf, NULL };
  const char *nobody[] = { "--database", path, "--export-transcript", "Nobody", "--output", pdf, NULL };
  const char *no_output[] = { "--database", path, "--export-transcript", "Mateo", NULL };
  const char *unwritable[] = { "--database", path, "--export-csv", "/nonexistent/folder/x.csv", NULL };
  g_autofree char *contents = NULL;
  int status;

  {
    g_autofree char *out = NULL, *err = NULL;
    out = run (content, csv_args, &err, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "Learner,Module ID,Module,"));
    g_assert_nonnull (strstr (contents, "\r\nMateo,autonomy,"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    out = run (content, pdf_args, &err, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    out = run (content, nobody, &err, &status);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "There is no learner “Nobody”"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    out = run (content, no_output, &err, &status);
    g_assert_cmpint (status, ==, 2);
    g_assert_nonnull (strstr (err, "--output"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    out = run (good, unwritable, &err, &status);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "Cannot write the report"));
  }
}

/* The team's insights, for a period, as CSV or as a PDF huddle sheet;
 * any other kind of file is refused. */
static void
test_export_insights (void)
{
  g_autofree char *content = g_strdup (g_getenv ("THRESHOLD_CONTENT_DIR"));
  g_autofree char *path = make_records ("insights.db");
  g_autofree char *csv = g_build_filename (tmp_dir, "huddle.csv", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "huddle.pdf", NULL);
  g_autofree char *txt = g_build_filename (tmp_dir, "huddle.txt", NULL);
  const char *good_args[] = { "--database", path, "--export-insights", csv, "--since", "2020-01-01",
                              "--until", "2099-12-31", NULL };
  const char *as_pdf[] = { "--database", path, "--export-insights", pdf, "--since", "2020-01-01", NULL };
  const char *as_txt[] = { "--database", path, "--export-insights", txt, NULL };
  const char *bad_day[] = { "--database", path, "--export-insights", csv, "--since", "last week", NULL };
  const char *unwritable[] = { "--database", path, "--export-insights", "/nonexistent/folder/h.pdf", NULL };
  g_autofree char *contents = NULL;
  int status;

  {
    g_autofree char *out = NULL, *err = NULL;
    out = run (content, good_args, &err, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "Module ID,Module,Answers,"));
    g_assert_nonnull (strstr (contents, "\r\nautonomy,"));
    g_assert_nonnull (strstr (contents, "Principle or theme ID,"));
    g_assert_nonnull (strstr (contents, "Module ID,Moment ID,Moment,"));
  }
  {
    g_autofree char *out = NULL, *err = NULL, *pdf_contents = NULL;
    out = run (content, as_pdf, &err, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_get_contents (pdf, &pdf_contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (pdf_contents, "%PDF-"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    out = run (content, as_txt, &err, &status);
    g_assert_cmpint (status, ==, 2);
    g_assert_nonnull (strstr (err, ".pdf"));
    g_assert_nonnull (strstr (err, ".csv"));
    g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    out = run (content, bad_day, &err, &status);
    g_assert_cmpint (status, ==, 2);
    g_assert_nonnull (strstr (err, "YYYY-MM-DD"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    out = run (content, unwritable, &err, &status);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "Cannot write the insights: /nonexistent/folder/h.pdf"));
  }
}

static void
test_help_in_spanish (void)
{
  g_autofree char *good = fixture ("good");
  g_autofree char *content = g_strdup_printf ("THRESHOLD_CONTENT_DIR=%s", good);
  const char *env[] = { "LANGUAGE=es", "DISPLAY", content, NULL };
  const char *args[] = { "--help", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status;

  th_test_run_threshold (env, args, &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Usar ARCHIVO como base de datos de progreso"));
}

/* Options with a missing or wrong value, and a PDF nowhere writable:
 * each a plain message and a non-zero status. */
static void
test_bad_option_values (void)
{
  g_autofree char *good = fixture ("good");
  g_autofree char *content = g_strdup (g_getenv ("THRESHOLD_CONTENT_DIR"));
  g_autofree char *path = make_records ("bad-values.db");
  const char *missing[] = { "--list-modules", "--database", NULL };
  const char *unknown[] = { "--no-such-option", NULL };
  const char *pdf[] = { "--database", path, "--export-transcript", "Mateo",
                        "--output", "/nonexistent/folder/t.pdf", NULL };
  int status;

  {
    g_autofree char *out = NULL, *err = NULL;
    out = run (good, missing, &err, &status);
    g_assert_cmpint (status, !=, 0);
    g_assert_nonnull (strstr (err, "--database"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    out = run (good, unknown, &err, &status);
    g_assert_cmpint (status, !=, 0);
    g_assert_nonnull (strstr (err, "--no-such-option"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    out = run (content, pdf, &err, &status);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "Cannot write the transcript"));
  }
}

/* The libraries the dynamic linker loaded for @args, as LD_DEBUG=libs
 * reports them; no display. */
static char *
loaded_libraries (const char * const *args,
                  int                *status)
{
  g_autofree char *content = g_strdup_printf ("THRESHOLD_CONTENT_DIR=%s", g_getenv ("THRESHOLD_CONTENT_DIR"));
  g_autofree char *data_home = g_strdup_printf ("XDG_DATA_HOME=%s", tmp_dir);
  const char *env[] = { "DISPLAY", "WAYLAND_DISPLAY", "LD_DEBUG=libs", content, data_home, NULL };
  g_autofree char *out = NULL;
  char *err = NULL;

  th_test_run_threshold (env, args, &out, &err, status);
  return err;
}

/* Checking and listing modules loads no toolkit and not the records:
 * GTK and libadwaita come with the window's module, which only opening
 * the window loads; SQLite, libsodium, JSON-GLib and GIO with the records
 * module, which only the commands that read or write records (and the
 * window) load. */
static void
test_command_line_loads_no_toolkit (void)
{
  g_autofree char *path = make_records ("lean.db");
  static const char * const commands[][3] = {
    { "--validate", NULL, NULL }, { "--help", NULL, NULL }, { "--list-modules", NULL, NULL },
    { "--version", NULL, NULL },
  };
  static const char * const toolkit[] = { "libgtk-4.so", "libadwaita-1.so" };
  static const char * const records[] = {
    "libthreshold-records.so", "libsqlite3.so", "libsodium.so", "libjson-glib-1.0.so", "libgio-2.0.so",
  };
  const char *window[] = { NULL };
  const char *verify[] = { "--database", path, "--verify-records", NULL };
  g_autofree char *opened = NULL, *verified = NULL;
  int status;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *loaded = loaded_libraries (commands[i], &status);

      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (loaded, "libxml2.so"));
      for (guint j = 0; j < G_N_ELEMENTS (toolkit); j++)
        g_assert_null (strstr (loaded, toolkit[j]));
      for (guint j = 0; j < G_N_ELEMENTS (records); j++)
        g_assert_null (strstr (loaded, records[j]));
    }
  /* The checks above can tell: without a command the window is opened,
   * with its toolkit (and, with no display here, it fails), and verifying
   * the records loads them. */
  opened = loaded_libraries (window, &status);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (opened, "libgtk-4.so"));
  verified = loaded_libraries (verify, &status);
  g_assert_cmpint (status, ==, 0);
  for (guint j = 0; j < G_N_ELEMENTS (records); j++)
    g_assert_nonnull (strstr (verified, records[j]));
}

/* Nor does it load Cairo and Pango, and the fonts, shaping and images
 * they bring: they come with the paper module, which only writing a PDF
 * loads. */
static void
test_command_line_loads_no_drawing (void)
{
  g_autofree char *path = make_records ("drawing.db");
  g_autofree char *pdf = g_build_filename (tmp_dir, "drawing.pdf", NULL);
  const char *commands[][4] = {
    { "--validate", NULL }, { "--help", NULL }, { "--list-modules", NULL }, { "--version", NULL },
    { "--database", path, "--verify-records", NULL },
  };
  const char *transcript[] = { "--database", path, "--export-transcript", "Mateo", "--output", pdf, NULL };
  g_autofree char *drawn = NULL;
  int status;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *loaded = loaded_libraries (commands[i], &status);

      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (loaded, "libglib-2.0.so"));
      g_assert_null (strstr (loaded, "libcairo"));
      g_assert_null (strstr (loaded, "libpango"));
      g_assert_null (strstr (loaded, "libthreshold-paper.so"));
    }
  /* A PDF still comes out, and the check above can tell the libraries
   * that drew it. */
  drawn = loaded_libraries (transcript, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (drawn, "libthreshold-paper.so"));
  g_assert_nonnull (strstr (drawn, "libcairo.so"));
  g_assert_nonnull (strstr (drawn, "libpangocairo-1.0.so"));
}

/* Without the records module, a command that needs it says which file is
 * missing, and one that does not, still runs. */
static void
test_records_without_module (void)
{
  g_autofree char *path = make_records ("no-records.db");
  g_autofree char *content = g_strdup_printf ("THRESHOLD_CONTENT_DIR=%s", g_getenv ("THRESHOLD_CONTENT_DIR"));
  const char *env[] = { "DISPLAY", "WAYLAND_DISPLAY", content,
                        "THRESHOLD_RECORDS_MODULE=/nonexistent/libthreshold-records.so", NULL };
  const char *verify[] = { "--database", path, "--verify-records", NULL };
  const char *validate[] = { "--validate", NULL };
  g_autofree char *out = NULL, *err = NULL, *valid = NULL, *quiet = NULL;
  int status;

  th_test_run_threshold (env, verify, &out, &err, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "cannot read its records"));
  g_assert_nonnull (strstr (err, "/nonexistent/libthreshold-records.so"));

  th_test_run_threshold (env, validate, &valid, &quiet, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (valid, "0 errors"));
}

/* Without its module a PDF is not written, and the error says which file
 * is missing, for whoever packaged Threshold. */
static void
test_pdf_without_module (void)
{
  g_autofree char *path = make_records ("no-paper.db");
  g_autofree char *pdf = g_build_filename (tmp_dir, "no-paper.pdf", NULL);
  g_autofree char *content = g_strdup_printf ("THRESHOLD_CONTENT_DIR=%s", g_getenv ("THRESHOLD_CONTENT_DIR"));
  const char *env[] = { "DISPLAY", "WAYLAND_DISPLAY", content,
                        "THRESHOLD_PAPER_MODULE=/nonexistent/libthreshold-paper.so", NULL };
  const char *args[] = { "--database", path, "--export-transcript", "Mateo", "--output", pdf, NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status;

  th_test_run_threshold (env, args, &out, &err, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent/libthreshold-paper.so"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmp_dir = th_test_make_tmp_dir ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help-lists-every-option", test_help_lists_every_option);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/list-modules-without-display", test_list_modules_without_display);
  g_test_add_func ("/cli/user-content-dir-without-rebuild", test_user_content_dir_without_rebuild);
  g_test_add_func ("/cli/validate-reports-and-fails", test_validate_reports_and_fails);
  g_test_add_func ("/cli/unexpected-argument", test_unexpected_argument);
  g_test_add_func ("/cli/verify-records-catches-sqlite3-edit", test_verify_records_catches_sqlite3_edit);
  g_test_add_func ("/cli/backup-on-demand", test_backup_on_demand);
  g_test_add_func ("/cli/verify-missing-database", test_verify_missing_database);
  g_test_add_func ("/cli/exports", test_exports);
  g_test_add_func ("/cli/export-insights", test_export_insights);
  g_test_add_func ("/cli/help-in-spanish", test_help_in_spanish);
  g_test_add_func ("/cli/bad-option-values", test_bad_option_values);
  g_test_add_func ("/cli/command-line-loads-no-toolkit", test_command_line_loads_no_toolkit);
  g_test_add_func ("/cli/command-line-loads-no-drawing", test_command_line_loads_no_drawing);
  g_test_add_func ("/cli/pdf-without-module", test_pdf_without_module);
  g_test_add_func ("/cli/records-without-module", test_records_without_module);

  result = g_test_run ();
  th_test_rmtree (tmp_dir);
  return result;
}
