/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "th-lrs-sender.h"
#include "th-store-statements.h"
#include "th-test-util.h"
#include "th-xapi-exchange.h"

/* The organisation's records without a network: every record becomes a
 * statement in its own transaction, a file of statements carries one
 * workstation's records to another exactly (the same CSV), twice adds
 * nothing, and a bad file changes nothing. The real LRS is tests/test-lrs.py's. */

static char *tmp_dir;
static ThCatalog *catalog;

static char *
db_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static ThStore *
open_store (const char *name)
{
  g_autofree char *path = db_path (name);
  g_autoptr(GError) error = NULL;
  ThStore *store = th_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static ThXapiProfile *
profile_for (ThStore *store)
{
  g_autoptr(GError) error = NULL;
  ThXapiProfile *profile = th_xapi_profile_new_for_store (store, catalog, &error);

  g_assert_no_error (error);
  return profile;
}

static void
answer_all (ThStore    *store,
            gint64      attempt,
            const char *choice,
            int         score)
{
  g_autoptr(GError) error = NULL;

  th_store_record_answer (store, attempt, "marcus-arrives", choice, score, 3, &error);
  g_assert_no_error (error);
  th_store_record_answer (store, attempt, "marcus-waiting", choice, score, 3, &error);
  g_assert_no_error (error);
}

/* A workstation's records: a learner with an account and one without,
 * a failed attempt and a pass, a refresher, an attempt left open, a
 * sign-off and a revoked one. */
static ThStore *
make_workstation (const char *name,
                  const char *prefix)
{
  ThStore *store = open_store (name);
  g_autoptr(GError) error = NULL;
  g_autofree char *ana_name = g_strconcat (prefix, " Ana Lopez", NULL);
  g_autofree char *ben_name = g_strconcat (prefix, " Ben Okafor", NULL);
  g_autofree char *account = g_strconcat (prefix, "-alopez", NULL);
  gint64 ana, ben, attempt, supervisor, sign_off;

  ana = th_store_add_learner (store, ana_name, NULL, &error);
  g_assert_no_error (error);
  ben = th_store_add_learner (store, ben_name, "4321", &error);
  g_assert_no_error (error);
  g_assert_true (th_store_set_learner_account (store, ana, account, &error));

  attempt = th_store_start_attempt (store, ana, "humanism", TH_ATTEMPT_FULL, NULL, 7, &error);
  answer_all (store, attempt, "c", 0);
  g_assert_true (th_store_finish_attempt (store, attempt, 0, 6, FALSE, &error));
  attempt = th_store_start_attempt (store, ana, "humanism", TH_ATTEMPT_FULL, NULL, 9, &error);
  answer_all (store, attempt, "b", 3);
  g_assert_true (th_store_finish_attempt (store, attempt, 6, 6, TRUE, &error));
  attempt = th_store_start_attempt (store, ana, "humanism", TH_ATTEMPT_REFRESHER, "marcus-arrives", 3, &error);
  answer_all (store, attempt, "b", 3);
  g_assert_true (th_store_finish_attempt (store, attempt, 6, 6, TRUE, &error));
  attempt = th_store_start_attempt (store, ben, "pragmatism", TH_ATTEMPT_FULL, NULL, 0, &error);
  th_store_record_answer (store, attempt, "bev-huddle", "a", 1, 3, &error);
  g_assert_no_error (error);

  supervisor = th_store_add_supervisor (store, "Rosa Mendes", "a long passphrase", 0, &error);
  g_assert_no_error (error);
  sign_off = th_store_record_sign_off (store, ana, supervisor, "Ready for the front desk", &error);
  g_assert_no_error (error);
  g_assert_true (th_store_revoke_sign_off (store, sign_off, supervisor, "Signed by mistake", &error));
  th_store_record_sign_off (store, ana, supervisor, NULL, &error);
  g_assert_no_error (error);
  return store;
}

static char *
export_csv (const char *name)
{
  g_autofree char *path = db_path (name);
  g_autofree char *csv = g_strconcat (path, ".csv", NULL);
  g_autofree char *out = NULL, *err = NULL;
  char *contents = NULL;
  int status;

  th_test_run_threshold (NULL, (const char *[]) { "--database", path, "--export-csv", csv, NULL },
                         &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  return contents;
}

static char *
export_statements (ThStore    *store,
                   const char *file_name,
                   guint      *count)
{
  g_autoptr(ThXapiProfile) profile = profile_for (store);
  g_autofree char *path = db_path (file_name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (th_xapi_export_file (store, profile, file, count, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static int
compare_lines (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The statements of an export, one a line, in an order of their own:
 * a file merged elsewhere holds them in the order they were merged. */
static char *
dup_sorted (const char *exported)
{
  g_auto(GStrv) lines = g_strsplit (exported, "\n", -1);
  guint n = g_strv_length (lines);

  for (guint i = 0; i < n; i++)
    if (g_str_has_suffix (lines[i], ","))
      lines[i][strlen (lines[i]) - 1] = '\0';
  qsort (lines, n, sizeof (char *), compare_lines);
  return g_strjoinv ("\n", lines);
}

static gboolean
import_file (ThStore        *store,
             const char     *file_name,
             ThImportCounts *counts,
             GError        **error)
{
  g_autoptr(ThXapiProfile) profile = profile_for (store);
  g_autofree char *path = db_path (file_name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return th_xapi_import_file (store, profile, file, counts, error);
}

static guint
count_waiting (ThStore *store)
{
  g_auto(ThStatementCounts) counts = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (th_store_count_statements (store, &counts, &error));
  return counts.waiting;
}

/* Each record has its statement from the moment it is written, in the
 * same transaction: a batch abandoned leaves neither. */
static void
test_outbox_with_record (void)
{
  g_autoptr(ThStore) store = open_store ("outbox.db");
  g_autoptr(GError) error = NULL;
  gint64 learner, attempt;

  learner = th_store_add_learner (store, "Cy Park", NULL, &error);
  g_assert_cmpuint (count_waiting (store), ==, 1);
  attempt = th_store_start_attempt (store, learner, "humanism", TH_ATTEMPT_FULL, NULL, 0, &error);
  th_store_record_answer (store, attempt, "marcus-arrives", "b", 3, 3, &error);
  g_assert_cmpuint (count_waiting (store), ==, 3);

  g_assert_true (th_store_begin_batch (store, &error));
  th_store_record_answer (store, attempt, "marcus-waiting", "a", 3, 3, &error);
  th_store_abandon_batch (store);
  g_assert_no_error (error);
  g_assert_cmpuint (count_waiting (store), ==, 3);

  g_assert_true (th_store_finish_attempt (store, attempt, 3, 3, TRUE, &error));
  /* finished and completed */
  g_assert_cmpuint (count_waiting (store), ==, 5);

  /* Records a supervisor deletes leave nothing waiting. */
  g_assert_true (th_store_delete_learner (store, learner, &error));
  g_assert_cmpuint (count_waiting (store), ==, 0);
}

/* The same records always make the same statements. */
static void
test_export_stable (void)
{
  g_autoptr(ThStore) store = make_workstation ("stable.db", "S");
  g_autofree char *first = NULL, *second = NULL;
  guint count = 0;

  first = export_statements (store, "stable-1.json", &count);
  second = export_statements (store, "stable-2.json", NULL);
  g_assert_true (g_str_equal (first, second));
  /* 2 profiles; 4 attempts begun, 3 finished; 7 answers; 2 completions;
   * 2 sign-offs and a revocation */
  g_assert_cmpuint (count, ==, 2 + 4 + 3 + 7 + 2 + 2 + 1);
  g_assert_nonnull (strstr (first, "\"response\":\"b\""));
  g_assert_nonnull (strstr (first, "http://adlnet.gov/expapi/verbs/failed"));
  g_assert_nonnull (strstr (first, "/xapi/threshold/verbs/revoked-sign-off"));
  g_assert_nonnull (strstr (first, "\"name\":\"S-alopez\""));
}

/* A file from one workstation gives a fresh database the same CSV, and
 * the same statements back; importing it again changes nothing. */
static void
test_file_round_trip (void)
{
  g_autoptr(ThStore) a = make_workstation ("a.db", "A");
  g_autoptr(ThStore) fresh = open_store ("fresh.db");
  g_autofree char *exported = export_statements (a, "a.json", NULL);
  g_autofree char *again = NULL, *csv_a = NULL, *csv_fresh = NULL, *problem = NULL;
  g_autoptr(GError) error = NULL;
  ThImportCounts counts;

  g_assert_true (import_file (fresh, "a.json", &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 21);
  g_assert_cmpuint (counts.unmatched + counts.foreign + counts.malformed, ==, 0);

  csv_a = export_csv ("a.db");
  csv_fresh = export_csv ("fresh.db");
  g_assert_cmpstr (csv_fresh, ==, csv_a);
  again = export_statements (fresh, "fresh.json", NULL);
  {
    g_autofree char *sorted_again = dup_sorted (again), *sorted_exported = dup_sorted (exported);

    g_assert_true (g_str_equal (sorted_again, sorted_exported));
  }

  g_assert_true (import_file (fresh, "a.json", &counts, &error));
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.already_here, ==, 21);
  g_clear_pointer (&csv_fresh, g_free);
  csv_fresh = export_csv ("fresh.db");
  g_assert_cmpstr (csv_fresh, ==, csv_a);

  problem = th_store_verify (fresh, &error);
  g_assert_no_error (error);
  g_assert_null (problem);
  /* Imported from a file, they go on to the LRS from here; none was
   * sent from here yet. */
  g_assert_cmpuint (count_waiting (fresh), ==, 21);
  {
    g_auto(ThStatementCounts) counts_here = { 0 };

    g_assert_true (th_store_count_statements (fresh, &counts_here, &error));
    g_assert_cmpuint (counts_here.imported, ==, 21);
    g_assert_cmpuint (counts_here.sent, ==, 0);
    g_assert_null (counts_here.last_sent_at);
  }
}

/* The same account on two workstations is one person; a profile made
 * here is never changed by what comes from elsewhere. */
static void
test_account_is_one_person (void)
{
  g_autoptr(ThStore) a = make_workstation ("person-a.db", "A");
  g_autoptr(ThStore) here = open_store ("person-here.db");
  g_autofree char *exported = export_statements (a, "person-a.json", NULL);
  g_autoptr(GListModel) learners = NULL;
  g_autoptr(GError) error = NULL;
  ThImportCounts counts;
  gint64 local;

  local = th_store_add_learner (here, "Ana L.", NULL, &error);
  g_assert_true (th_store_set_learner_account (here, local, "A-alopez", &error));
  g_assert_true (import_file (here, "person-a.json", &counts, &error));
  g_assert_no_error (error);
  /* Ana's profile statement finds her here: only Ben's profile is new. */
  g_assert_cmpuint (counts.already_here, ==, 1);
  learners = th_store_list_learners (here, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, 2);
  {
    ThLearnerRecords records = { 0 };
    g_autofree char *origin = NULL;
    gint64 ben = th_store_find_learner (here, "A Ben Okafor", &error);

    g_assert_true (th_store_count_learner_records (here, local, &records, &error));
    g_assert_cmpuint (records.attempts, ==, 3);
    g_assert_cmpuint (records.sign_offs, ==, 2);
    g_assert_null (th_store_dup_learner_origin (here, local, &error));
    origin = th_store_dup_learner_origin (here, ben, &error);
    g_assert_nonnull (strstr (origin, "person-a.json"));
  }
  g_assert_no_error (error);
}

static void
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = db_path (name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static gint64
count_rows (ThStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (th_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A malformed or hostile file is refused with its name, and leaves the
 * records as they were, even when good statements come before the bad. */
static void
test_bad_files_change_nothing (void)
{
  g_autoptr(ThStore) a = make_workstation ("bad-a.db", "B");
  g_autoptr(ThStore) here = open_store ("bad-here.db");
  g_autofree char *good = export_statements (a, "bad-good.json", NULL);
  g_autoptr(GString) nested = g_string_new (NULL);
  g_autofree char *truncated = g_strndup (good, strlen (good) / 2);
  g_autofree char *broken = NULL;
  char *key;
  const char *files[] = { "not-json", "object", "nested", "truncated", "broken", "empty" };
  gint64 audit_before = count_rows (here, "audit");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '[');
  /* A good file whose first answer lost its place in its attempt */
  broken = g_strdup (good);
  key = strstr (broken, "answer-seq");
  memcpy (key, "answer-sXq", strlen ("answer-seq"));
  write_file ("not-json", "this is not JSON");
  write_file ("object", "{\"statements\": []}");
  write_file ("nested", nested->str);
  write_file ("truncated", truncated);
  write_file ("broken", broken);
  write_file ("empty", "");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      ThImportCounts counts;

      g_assert_false (import_file (here, files[i], &counts, &error));
      g_assert_nonnull (error);
      g_test_message ("%s: %s", files[i], error->message);
      g_assert_nonnull (strstr (error->message, files[i]));
    }
  g_assert_cmpint (count_rows (here, "learners"), ==, 0);
  g_assert_cmpint (count_rows (here, "attempts"), ==, 0);
  g_assert_cmpint (count_rows (here, "audit"), ==, audit_before);
}

/* Statements that are not Threshold's are counted and passed over. */
static void
test_foreign_counted (void)
{
  g_autoptr(ThStore) here = open_store ("foreign.db");
  g_autoptr(GError) error = NULL;
  ThImportCounts counts;

  write_file ("foreign.json",
              "[{\"id\":\"0b1d6e2a-9a0e-4c2f-8b84-3a7f0d6e1c11\","
              "\"actor\":{\"mbox\":\"mailto:someone@example.org\"},"
              "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
              "\"object\":{\"id\":\"https://example.org/video\"}},"
              "{\"id\":\"1b1d6e2a-9a0e-4c2f-8b84-3a7f0d6e1c11\","
              "\"actor\":{\"mbox\":\"mailto:someone@example.org\"},"
              "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
              "\"object\":{\"id\":\"https://example.org/another-course\"}}]");
  g_assert_true (import_file (here, "foreign.json", &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.foreign, ==, 2);
  g_assert_cmpuint (counts.added, ==, 0);
}

/* A statement from the LRS that no record here can take (a name no
 * profile may have) is passed over; the rest of the round is merged. */
static void
test_unusable_statement_passed_over (void)
{
  g_autoptr(ThStore) a = make_workstation ("unusable-a.db", "U");
  g_autoptr(ThStore) here = open_store ("unusable-here.db");
  g_autofree char *exported = export_statements (a, "unusable.json", NULL);
  g_autoptr(ThXapiProfile) profile = profile_for (here);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *statements;
  JsonObject *first;
  ThImportCounts counts;

  g_assert_true (json_parser_load_from_data (parser, exported, -1, &error));
  statements = json_node_get_array (json_parser_get_root (parser));
  first = json_array_get_object_element (statements, 0);
  json_object_set_string_member (json_object_get_object_member (first, "actor"), "name", "   ");
  g_assert_true (th_xapi_import_array (here, profile, statements, "https://lrs.example.org/", TRUE, &counts,
                                       &error));
  g_assert_no_error (error);
  /* Only that statement is passed over: Ana's profile comes with her
   * first attempt, which names her. */
  g_assert_cmpuint (counts.unmatched, ==, 1);
  g_assert_cmpuint (counts.added, ==, 20);
  g_assert_cmpint (count_rows (here, "learners"), ==, 2);
}

/* A merged profile (with its account) can be deleted, and merged again. */
static void
test_delete_merged_learner (void)
{
  g_autoptr(ThStore) a = make_workstation ("delete-a.db", "D");
  g_autoptr(ThStore) here = open_store ("delete-here.db");
  g_autofree char *exported = export_statements (a, "delete.json", NULL);
  g_autoptr(GError) error = NULL;
  ThImportCounts counts;
  gint64 ana;

  g_assert_true (import_file (here, "delete.json", &counts, &error));
  ana = th_store_find_learner (here, "D Ana Lopez", &error);
  g_assert_cmpint (ana, >, 0);
  g_assert_true (th_store_delete_learner (here, ana, &error));
  g_assert_no_error (error);
  g_assert_true (import_file (here, "delete.json", &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (th_store_find_learner (here, "D Ana Lopez", &error), >, 0);
}

/* A profile made with an account has it; one whose account another
 * profile holds is not made at all. */
static void
test_add_with_account (void)
{
  g_autoptr(ThStore) store = open_store ("with-account.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  gint64 ana;

  ana = th_store_add_learner_with_account (store, "Ana Lopez", NULL, " alopez@clinic.example.org ", &error);
  g_assert_no_error (error);
  account = th_store_dup_learner_account (store, ana, &error);
  g_assert_cmpstr (account, ==, "alopez@clinic.example.org");
  g_assert_cmpint (th_store_add_learner_with_account (store, "Another Ana", NULL, "alopez@clinic.example.org",
                                                      &error), ==, 0);
  g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_NAME_TAKEN);
  g_clear_error (&error);
  g_assert_cmpint (th_store_find_learner (store, "Another Ana", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "learners"), ==, 1);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* The sender's rounds run on workers with connections of their own and
 * load the LRS module there: with no LRS set up a round does nothing and
 * says so; a check against an address where nothing answers says it
 * cannot be reached. */
static void
test_sender_on_workers (void)
{
  g_autoptr(ThStore) store = make_workstation ("sender.db", "W");
  g_autoptr(ThLrsSender) sender = th_lrs_sender_new (th_store_get_path (store), catalog);
  g_autoptr(GAsyncResult) synced = NULL, checked = NULL;
  g_autoptr(GError) error = NULL;
  ThSyncReport report;

  th_lrs_sender_sync_async (sender, NULL, on_done, &synced);
  g_assert_true (th_lrs_sender_sync_finish (sender, wait_for_result (&synced), &report, &error));
  g_assert_no_error (error);
  g_assert_false (report.set_up);
  g_assert_cmpuint (report.sent, ==, 0);
  g_assert_cmpuint (count_waiting (store), ==, 21);

  th_lrs_sender_check_async (sender, "http://127.0.0.1:9/xapi/", "key", "secret", NULL, on_done, &checked);
  g_assert_false (th_lrs_sender_check_finish (sender, wait_for_result (&checked), &error));
  g_assert_error (error, TH_LRS_ERROR, TH_LRS_ERROR_UNREACHABLE);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = th_test_make_tmp_dir ();
  catalog = th_test_load_curriculum ();

  g_test_add_func ("/core/xapi/outbox-with-record", test_outbox_with_record);
  g_test_add_func ("/core/xapi/export-stable", test_export_stable);
  g_test_add_func ("/core/xapi/file-round-trip", test_file_round_trip);
  g_test_add_func ("/core/xapi/account-is-one-person", test_account_is_one_person);
  g_test_add_func ("/core/xapi/bad-files-change-nothing", test_bad_files_change_nothing);
  g_test_add_func ("/core/xapi/foreign-counted", test_foreign_counted);
  g_test_add_func ("/core/xapi/unusable-statement-passed-over", test_unusable_statement_passed_over);
  g_test_add_func ("/core/xapi/delete-merged-learner", test_delete_merged_learner);
  g_test_add_func ("/core/xapi/add-with-account", test_add_with_account);
  g_test_add_func ("/core/xapi/sender-on-workers", test_sender_on_workers);

  status = g_test_run ();
  g_object_unref (catalog);
  th_test_rmtree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
