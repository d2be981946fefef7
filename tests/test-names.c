/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "th-learner.h"
#include "th-store-private.h"
#include "th-test-util.h"

/* One person, one profile: no two profiles' names read the same, whatever
 * their case, spaces or accents, archived profiles included. */

/* The version that gave each name its key (test-store.c has it too). */
#define NAME_KEYS_VERSION 9

static char *tmp_dir;

static ThStore *
store_new (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  ThStore *store = th_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
assert_verified (ThStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = th_store_verify (store, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (problem, ==, NULL);
}

/* The name @name is refused as taken, and the error names @taken. */
static void
assert_taken (GError     **error,
              const char  *taken)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", taken);

  g_assert_error (*error, TH_STORE_ERROR, TH_STORE_ERROR_NAME_TAKEN);
  g_assert_nonnull (strstr ((*error)->message, quoted));
  /* It says how two people who share a name are told apart. */
  g_assert_nonnull (strstr ((*error)->message, "middle initial"));
  g_clear_error (error);
}

static gint64
matching_id (ThStore    *store,
             const char *name,
             gboolean   *archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ThLearner) learner = th_store_dup_learner_by_name_key (store, name, archived, &error);

  g_assert_no_error (error);
  return learner ? th_learner_get_id (learner) : 0;
}

static void
test_key_folds (void)
{
  static const char * const same[] = {
    "Ana Torres", "ana  torres", " ANA TORRES ", "Ána Tórres", "ana\u00A0torres", "ana\ttorres",
    "Ana Torres\u200B", "ＡＮＡ ＴＯＲＲＥＳ", "An\u0303a Torres",
  };
  g_autofree char *sharp_s = th_learner_dup_name_key ("Straße");
  g_autofree char *strasse = th_learner_dup_name_key ("STRASSE");
  g_autofree char *team = th_learner_dup_name_key ("Ana Torres (front desk)");

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *key = th_learner_dup_name_key (same[i]);

      g_assert_cmpstr (key, ==, "ana torres");
    }
  g_assert_cmpstr (sharp_s, ==, strasse);
  g_assert_cmpstr (team, ==, "ana torres (front desk)");
}

/* Case, spaces and accents folded: each is caught, and the error and the
 * look-up both name the profile it matches. */
static void
test_add_refused (void)
{
  static const char * const alike[] = { "ana  torres", " ANA TORRES ", "Ána Tórres", "ana torres" };
  g_autoptr(ThStore) store = store_new ("add.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) learners = NULL;
  gboolean archived = TRUE;
  gint64 ana, desk;

  ana = th_store_add_learner (store, "Ana Torres", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (alike); i++)
    {
      g_assert_cmpint (th_store_add_learner (store, alike[i], "2468", &error), ==, 0);
      assert_taken (&error, "Ana Torres");
      g_assert_cmpint (matching_id (store, alike[i], &archived), ==, ana);
      g_assert_false (archived);
    }
  /* Something the person adds tells two Ana Torres apart. */
  desk = th_store_add_learner (store, "Ana Torres (front desk)", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk, >, ana);
  g_assert_cmpint (matching_id (store, "ana torres (Front Desk)", NULL), ==, desk);
  g_assert_cmpint (matching_id (store, "Kofi", NULL), ==, 0);

  learners = th_store_list_learners (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, 2);
  assert_verified (store);
}

/* An archived profile keeps its name: a supervisor can bring it back. */
static void
test_archived_included (void)
{
  g_autoptr(ThStore) store = store_new ("archived.db");
  g_autoptr(GError) error = NULL;
  gboolean archived = FALSE;
  gint64 ana;

  ana = th_store_add_learner (store, "Ana Torres", NULL, &error);
  g_assert_true (th_store_set_learner_archived (store, ana, TRUE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (th_store_add_learner (store, "ANA TORRES", NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "archived"));
  assert_taken (&error, "Ana Torres");
  g_assert_cmpint (matching_id (store, "ana torres", &archived), ==, ana);
  g_assert_true (archived);
  assert_verified (store);
}

/* A rename is refused as an addition is; renaming a profile to its own
 * name in other letters is not. A name given up is free again. */
static void
test_rename (void)
{
  g_autoptr(ThStore) store = store_new ("rename.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) learners = NULL;
  g_autoptr(ThLearner) first = NULL;
  gint64 ana, desk;

  ana = th_store_add_learner (store, "ana torres", NULL, &error);
  desk = th_store_add_learner (store, "Ana Torres (front desk)", NULL, &error);
  g_assert_no_error (error);

  g_assert_false (th_store_rename_learner (store, desk, "Ána  Torres", &error));
  assert_taken (&error, "ana torres");
  g_assert_true (th_store_rename_learner (store, ana, "Ana Torres", &error));
  g_assert_no_error (error);
  g_assert_true (th_store_rename_learner (store, desk, "Ana M. Torres", &error));
  g_assert_no_error (error);
  g_assert_cmpint (th_store_add_learner (store, "Ana Torres (front desk)", NULL, &error), >, desk);
  g_assert_no_error (error);

  learners = th_store_list_learners (store, 1, &error);
  first = g_list_model_get_item (learners, 0);
  g_assert_cmpstr (th_learner_get_display_name (first), ==, "Ana M. Torres");
  assert_verified (store);
}

/* Deleting a profile gives up its name, with an audit record. */
static void
test_delete_frees_name (void)
{
  g_autoptr(ThStore) store = store_new ("delete.db");
  g_autoptr(GError) error = NULL;
  gint64 ana = th_store_add_learner (store, "Ana Torres", NULL, &error);

  g_assert_true (th_store_delete_learner (store, ana, &error));
  g_assert_cmpint (th_store_add_learner (store, "ana torres", NULL, &error), >, 0);
  g_assert_no_error (error);
  assert_verified (store);
}

/* Adds a learner to a store of an earlier version, as that version did. */
static gint64
add_learner_before_keys (ThStore    *store,
                         const char *name)
{
  sqlite3_stmt *stmt = th_store_prepare (store, "INSERT INTO learners (display_name) VALUES (?1)", NULL);

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  return th_store_commit_audited (store, stmt, "learners", 0, TH_AUDIT_INSERT, NULL);
}

/* A database that already holds names alike still opens, with every
 * profile and record; the first keeps the name, and a supervisor can
 * rename the others apart. */
static void
test_migrate_duplicates (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "duplicates.db", NULL);
  static const char * const names[] = { "Ana Torres", "ana torres", "Ana Torres", "Ána Tórres", "Kofi" };
  gint64 ids[G_N_ELEMENTS (names)];
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) learners = NULL;
  ThStore *store;

  store = th_store_open_at_version (path, NAME_KEYS_VERSION - 1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpint ((ids[i] = add_learner_before_keys (store, names[i])), >, 0);
  th_store_start_attempt (store, ids[2], "humanism", TH_ATTEMPT_FULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  store = th_store_open (path, &error);
  g_assert_no_error (error);
  assert_verified (store);
  learners = th_store_list_learners (store, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ThLearner) learner = g_list_model_get_item (learners, i);

      /* The same name, case aside, in the order the profiles were made. */
      g_assert_cmpint (th_learner_get_id (learner), ==, ids[i]);
    }
  g_assert_cmpint (th_store_find_open_attempt (store, ids[2], "humanism", NULL, NULL, &error), >, 0);
  /* The exact name of two is refused rather than guessed. */
  g_assert_cmpint (th_store_find_learner (store, "Ana Torres", &error), ==, 0);
  g_assert_error (error, TH_STORE_ERROR, TH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (th_store_add_learner (store, "ANA TORRES", NULL, &error), ==, 0);
  assert_taken (&error, "Ana Torres");
  g_assert_cmpint (matching_id (store, "ana torres", NULL), ==, ids[0]);
  g_assert_false (th_store_rename_learner (store, ids[3], "Ana Torres", &error));
  assert_taken (&error, "Ana Torres");
  g_assert_true (th_store_rename_learner (store, ids[1], "Ana Torres (front desk)", &error));
  g_assert_true (th_store_rename_learner (store, ids[3], "Ana B. Torres", &error));
  g_assert_no_error (error);
  g_assert_cmpint (matching_id (store, "ana torres (front desk)", NULL), ==, ids[1]);
  assert_verified (store);
  g_assert_finalize_object (store);
}

/* A name is checked by one look-up in the keys' index, not by folding
 * every name on the list. */
static void
test_lookup_uses_index (void)
{
  g_autoptr(ThStore) store = store_new ("plan.db");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = th_store_prepare (store, "EXPLAIN QUERY PLAN SELECT l.id FROM learner_name_keys AS k "
                                                "JOIN learners AS l ON l.id = k.id WHERE k.key = ?1", &error);
  g_autoptr(GString) plan = g_string_new (NULL);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "SEARCH k USING COVERING INDEX"));
  g_assert_null (strstr (plan->str, "SCAN"));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmp_dir = th_test_make_tmp_dir ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/names/key-folds", test_key_folds);
  g_test_add_func ("/core/names/add-refused", test_add_refused);
  g_test_add_func ("/core/names/archived-included", test_archived_included);
  g_test_add_func ("/core/names/rename", test_rename);
  g_test_add_func ("/core/names/delete-frees-name", test_delete_frees_name);
  g_test_add_func ("/core/names/migrate-duplicates", test_migrate_duplicates);
  g_test_add_func ("/core/names/lookup-uses-index", test_lookup_uses_index);

  result = g_test_run ();
  th_test_rmtree (tmp_dir);
  return result;
}
