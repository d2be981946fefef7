/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "th-application.h"
#include "th-lrs-secret.h"
#include "th-organisation-records.h"
#include "th-password-row.h"
#include "th-store-statements.h"
#include "th-test-util.h"
#include "th-ui-test-util.h"
#include "th-unlock-dialog.h"

/* A supervisor connects the workstation to the organisation's Learning
 * Record Store through the real widgets, against a real LRS on loopback
 * (tests/lrs) and a real keyring (gnome-keyring, in the test's own session
 * bus): a wrong secret is refused and saves nothing; the right one goes to
 * the keyring, the records to the LRS, another workstation's come back,
 * and the next start sends on its own with the secret from the keyring. */

#define SUPERVISOR "Dana Whitfield"
#define PASSPHRASE "kind words open doors"
#define HOME_PAGE  "https://clinic.example.org"
#define REFUSAL "refused (HTTP 400): Problem in 'statements.0.actor'"
#define CREDENTIALS_REFUSED "The Learning Record Store at * does not accept this key and secret (HTTP 401). *"

static char *tmp_dir;
static char *lrs_dir;
static GSubprocess *keyring;
static char *endpoint, *key, *secret;
/* What the database had waiting before the application started, and what
 * another workstation sent to the LRS before. */
static guint made;
static guint made_elsewhere;

/* Services */

static gboolean
bus_name_owned (GDBusConnection *bus,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", name),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* The Secret Service, in the test's own session bus (meson runs the test
 * under dbus-run-session): gnome-keyring, which makes the login keyring
 * with the password on its standard input and unlocks it, so nothing
 * prompts. Waited for by name, so that no call starts a second one
 * through D-Bus activation. */
static gboolean
start_keyring (void)
{
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *runtime = g_build_filename (tmp_dir, "runtime", NULL);
  g_autofree char *log = g_build_filename (tmp_dir, "keyring.log", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  GOutputStream *input;

  if (daemon == NULL)
    return FALSE;
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  keyring = g_subprocess_launcher_spawn (launcher, &error, daemon, "--foreground", "--unlock",
                                         "--components=secrets", NULL);
  g_assert_no_error (error);
  input = g_subprocess_get_stdin_pipe (keyring);
  g_output_stream_write_all (input, "threshold-test", strlen ("threshold-test"), NULL, NULL, &error);
  g_output_stream_close (input, NULL, NULL);
  g_assert_no_error (error);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  for (guint tries = 0; tries < 400 && !bus_name_owned (bus, "org.freedesktop.secrets"); tries++)
    g_usleep (25 * 1000);
  if (!bus_name_owned (bus, "org.freedesktop.secrets"))
    g_error ("gnome-keyring-daemon did not take the Secret Service's name; see %s", log);
  return TRUE;
}

static void
stop_keyring (void)
{
  if (keyring == NULL)
    return;
  g_subprocess_send_signal (keyring, SIGTERM);
  g_subprocess_wait (keyring, NULL, NULL);
  g_clear_object (&keyring);
}

/* Runs tests/lrs/lrs.sh @command; its output. */
static char *
run_lrs (const char *command,
         const char *dir)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  /* Should the test die before it stops the LRS, the LRS stops itself. */
  g_subprocess_launcher_setenv (launcher, "LRS_TTL_SECONDS", "600", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("THRESHOLD_LRS_SCRIPT"), command, dir, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("tests/lrs/lrs.sh %s failed (its reasons are above)", command);
  return out;
}

static char *
dup_field (char       **lines,
           const char  *name)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], name) && lines[i][strlen (name)] == '=')
      return g_strdup (lines[i] + strlen (name) + 1);
  g_error ("lrs.sh start printed no %s", name);
  return NULL;
}

static void
start_lrs (void)
{
  g_autofree char *installed = run_lrs ("install", NULL);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  lrs_dir = g_build_filename (tmp_dir, "lrs", NULL);
  out = run_lrs ("start", lrs_dir);
  lines = g_strsplit (out, "\n", -1);
  endpoint = dup_field (lines, "endpoint");
  key = dup_field (lines, "key");
  secret = dup_field (lines, "secret");
}

/* Both, once, for every test; %FALSE (the test skipped) without a
 * Secret Service to run. */
static gboolean
have_services (void)
{
  static int started = -1;

  if (started < 0)
    {
      started = start_keyring ();
      if (started)
        start_lrs ();
    }
  if (!started)
    g_test_skip ("gnome-keyring-daemon is not installed (build-aux/dev installs it)");
  return started;
}

/* The statements the LRS holds, as it answers anyone who asks. */
static JsonArray *
dup_lrs_statements (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (endpoint, "statements?limit=1000", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autofree char *pair = g_strconcat (key, ":", secret, NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *authorization = g_strconcat ("Basic ", encoded, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  soup_message_headers_append (soup_message_get_request_headers (message), "Authorization", authorization);
  soup_message_headers_append (soup_message_get_request_headers (message), "X-Experience-API-Version", "1.0.3");
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  return json_array_ref (json_object_get_array_member (root, "statements"));
}

/* Records */

/* Two learners, one of whom answered a quiz's first moment and passed,
 * and a supervisor. Returns how many statements wait to be sent. */
static guint
prepare_records (const char *path)
{
  g_autoptr(ThCatalog) catalog = th_test_load_curriculum ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);
  ThModule *module = th_catalog_find_module (catalog, "humanism");
  const ThScenario *scenario = th_module_get_quiz (module)->scenarios->pdata[0];
  const ThChoice *choice = scenario->choices->pdata[0];
  g_auto(ThStatementCounts) counts = { 0 };
  gint64 amara, attempt;

  amara = th_store_add_learner (store, "Amara Okafor", NULL, &error);
  th_store_add_learner (store, "Ben Ruiz", NULL, &error);
  attempt = th_store_start_attempt (store, amara, "humanism", TH_ATTEMPT_FULL, NULL, 0, &error);
  th_store_record_answer (store, attempt, scenario->id, choice->id, choice->score,
                          th_scenario_get_max_score (scenario), &error);
  th_store_finish_attempt (store, attempt, 10, 10, TRUE, &error);
  th_store_add_supervisor (store, SUPERVISOR, PASSPHRASE, 0, &error);
  g_assert_no_error (error);
  g_assert_true (th_store_count_statements (store, &counts, &error));
  g_assert_cmpuint (counts.sent, ==, 0);
  g_assert_cmpuint (counts.waiting, >=, 5);
  return counts.waiting;
}

/* Another workstation of the organisation, with a learner of its own,
 * sends its records from the command line. Returns how many it sent. */
static guint
send_from_elsewhere (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "elsewhere.db", NULL);
  g_autofree char *database = g_strconcat ("--database=", path, NULL);
  g_autofree char *env_endpoint = g_strconcat ("THRESHOLD_LRS_ENDPOINT=", endpoint, NULL);
  g_autofree char *env_key = g_strconcat ("THRESHOLD_LRS_KEY=", key, NULL);
  g_autofree char *env_secret = g_strconcat ("THRESHOLD_LRS_SECRET=", secret, NULL);
  const char *env[] = { env_endpoint, env_key, env_secret, NULL };
  const char *args[] = { database, "--sync", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_auto(ThStatementCounts) counts = { 0 };
  g_autoptr(GError) error = NULL;
  int status;

  {
    g_autoptr(ThStore) store = th_store_open (path, &error);

    th_store_add_learner (store, "Dee Walker", NULL, &error);
    th_store_set_setting (store, TH_STORE_HOME_PAGE_KEY, HOME_PAGE, &error);
    g_assert_no_error (error);
  }
  th_test_run_threshold (env, args, &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  {
    g_autoptr(ThStore) store = th_store_open (path, &error);

    g_assert_true (th_store_count_statements (store, &counts, &error));
  }
  g_assert_cmpuint (counts.waiting, ==, 0);
  g_assert_cmpuint (counts.sent, >, 0);
  return counts.sent;
}

/* The application's own connection to its records. */
static ThStore *
app_store (GtkWindow *window)
{
  return th_application_get_store (TH_APPLICATION (gtk_window_get_application (window)));
}

static void
assert_store_counts (GtkWindow *window,
                     guint      waiting_now,
                     guint      sent)
{
  ThStore *store = app_store (window);
  g_auto(ThStatementCounts) counts = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (th_store_count_statements (store, &counts, &error));
  g_assert_cmpuint (counts.waiting, ==, waiting_now);
  g_assert_cmpuint (counts.sent, ==, sent);
}

static guint
store_sent (GtkWindow *window)
{
  ThStore *store = app_store (window);
  g_auto(ThStatementCounts) counts = { 0 };

  g_assert_true (th_store_count_statements (store, &counts, NULL));
  return counts.sent;
}

static char *
dup_setting (GtkWindow  *window,
             const char *name)
{
  ThStore *store = app_store (window);
  g_autoptr(GError) error = NULL;
  char *value = th_store_dup_setting (store, name, &error);

  g_assert_no_error (error);
  return value;
}

/* The widgets */

static void
unlock (GtkWindow *window)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.supervisor", NULL);
  dialog = th_ui_wait_for_toplevel (TH_TYPE_UNLOCK_DIALOG);
  th_ui_fill_row (GTK_WIDGET (dialog), TH_TYPE_PASSWORD_ROW, "Passphrase", PASSPHRASE);
  th_ui_click (GTK_WIDGET (dialog), "Unlock");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "* learners");
}

static GtkWidget *
open_records (GtkWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.organisation-records", NULL);
  return GTK_WIDGET (th_ui_wait_for_toplevel (TH_TYPE_ORGANISATION_RECORDS));
}

/* Waits until the row titled @title shows @count. */
static void
wait_for_count (GtkWidget  *records,
                const char *title,
                guint       count)
{
  GtkWidget *row = th_ui_wait_for (records, ADW_TYPE_ACTION_ROW, title);
  g_autofree char *number = g_strdup_printf ("%u", count);

  th_ui_wait_for (row, GTK_TYPE_LABEL, number);
}

/* Clicks @label, checks that it cannot be clicked again while its worker
 * runs, and waits (30 seconds at most) for it to be back. */
static void
click_and_wait (GtkWidget  *root,
                const char *label)
{
  GtkWidget *button = th_ui_wait_for (root, GTK_TYPE_BUTTON, label);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_next_sibling (button)));
  for (guint tries = 0; tries < 1200 && !gtk_widget_is_sensitive (button); tries++)
    th_ui_spin (25);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (button)));
}

static void
type_connection (GtkWidget  *records,
                 const char *typed_secret)
{
  th_ui_fill_row (records, ADW_TYPE_ENTRY_ROW, "Address", endpoint);
  th_ui_fill_row (records, ADW_TYPE_ENTRY_ROW, "Key", key);
  th_ui_fill_row (records, TH_TYPE_PASSWORD_ROW, "Secret", typed_secret);
}

/* Wrong secrets */

static char *wrong_path;

static void
check_wrong_secret (GtkWindow *window)
{
  GtkWidget *records, *refused;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  unlock (window);
  records = open_records (window);
  wait_for_count (records, "Waiting to be sent", made);
  wait_for_count (records, "Sent", 0);
  /* What the LRS refused, with its kind and the LRS's reason. */
  refused = th_ui_wait_for (records, ADW_TYPE_EXPANDER_ROW, "Refused by the Learning Record Store");
  th_ui_wait_for (refused, GTK_TYPE_LABEL, "1");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (refused), TRUE);
  th_ui_wait_for (th_ui_wait_for (refused, ADW_TYPE_ACTION_ROW, "A profile made"), GTK_TYPE_LABEL, REFUSAL);

  /* Refused by the LRS: said so, and nothing is saved, in the records or
   * the keyring. */
  type_connection (records, "not the secret");
  click_and_wait (records, "Test Connection");
  g_assert_nonnull (th_ui_find (records, GTK_TYPE_LABEL, CREDENTIALS_REFUSED));
  g_assert_null (th_ui_find (records, GTK_TYPE_LABEL, "Connected"));
  g_assert_null (dup_setting (window, TH_STORE_LRS_ENDPOINT_KEY));
  g_assert_null (dup_setting (window, TH_STORE_LRS_KEY_KEY));
  kept = th_lrs_secret_lookup (endpoint, key, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (kept);

  /* The secret changed at the LRS after it was kept: a round is refused,
   * says why, and marks nothing sent. */
  g_assert_true (th_lrs_secret_store (endpoint, key, "an old secret", NULL, &error));
  g_assert_true (th_store_set_setting (app_store (window), TH_STORE_LRS_ENDPOINT_KEY, endpoint, &error));
  g_assert_true (th_store_set_setting (app_store (window), TH_STORE_LRS_KEY_KEY, key, &error));
  click_and_wait (records, "Send and Fetch Now");
  g_assert_nonnull (th_ui_find (records, GTK_TYPE_LABEL, CREDENTIALS_REFUSED));
  wait_for_count (records, "Waiting to be sent", made);
  wait_for_count (records, "Sent", 0);
  assert_store_counts (window, made, 0);
  gtk_window_close (GTK_WINDOW (records));
}

static void
keep_first_id (const ThStatementRecord *record,
               gpointer                 user_data)
{
  char **id = user_data;

  if (*id == NULL)
    *id = g_strdup (record->id);
}

/* The LRS refused the first record (a profile made) once, with its
 * reason: set aside, and no longer waiting. */
static void
refuse_first (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);
  g_autofree char *id = NULL;

  g_assert_true (th_store_read_statements (store, TRUE, 1, keep_first_id, &id, &error));
  g_assert_nonnull (id);
  g_assert_true (th_store_refuse_statement (store, id, REFUSAL, &error));
}

static void
test_wrong_secret (void)
{
  if (!have_services ())
    return;
  made = prepare_records (wrong_path) - 1;
  refuse_first (wrong_path);
  th_ui_run_application (wrong_path, NULL, check_wrong_secret);
}

/* Sending */

static char *records_path;

/* The home page, refused until it is a web address. */
static void
check_home_page (GtkWindow *window,
                 GtkWidget *records)
{
  GtkWidget *row = th_ui_wait_for (records, ADW_TYPE_ENTRY_ROW, "Home page");
  g_autofree char *saved = NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), "clinic.example.org");
  g_signal_emit_by_name (row, "apply");
  th_ui_wait_for (records, GTK_TYPE_LABEL, "The home page must be a web address that begins with https://*");
  g_assert_null (dup_setting (window, TH_STORE_HOME_PAGE_KEY));
  gtk_editable_set_text (GTK_EDITABLE (row), HOME_PAGE);
  g_signal_emit_by_name (row, "apply");
  th_ui_wait_for (records, GTK_TYPE_LABEL, "Home page saved");
  saved = dup_setting (window, TH_STORE_HOME_PAGE_KEY);
  g_assert_cmpstr (saved, ==, HOME_PAGE);
}

/* Every statement reached the LRS, each naming the organisation. */
static void
assert_lrs_holds (guint count)
{
  g_autoptr(JsonArray) statements = dup_lrs_statements ();

  g_assert_cmpuint (json_array_get_length (statements), ==, count);
  for (guint i = 0; i < count; i++)
    {
      JsonObject *actor = json_object_get_object_member (json_array_get_object_element (statements, i), "actor");
      JsonObject *account = json_object_get_object_member (actor, "account");

      g_assert_cmpstr (json_object_get_string_member (account, "homePage"), ==, HOME_PAGE);
    }
}

static void
check_sending (GtkWindow *window)
{
  g_autofree char *kept = NULL, *saved_endpoint = NULL, *saved_key = NULL, *saved_fetch = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *records, *fetch;

  unlock (window);
  records = open_records (window);
  wait_for_count (records, "Waiting to be sent", made);
  th_ui_wait_for (records, ADW_TYPE_ACTION_ROW, "Sent");
  g_assert_nonnull (th_ui_find (records, GTK_TYPE_LABEL, "Nothing sent yet"));
  check_home_page (window, records);

  type_connection (records, secret);
  click_and_wait (records, "Test Connection");
  g_assert_nonnull (th_ui_find (records, GTK_TYPE_LABEL, "Connected"));
  saved_endpoint = dup_setting (window, TH_STORE_LRS_ENDPOINT_KEY);
  saved_key = dup_setting (window, TH_STORE_LRS_KEY_KEY);
  g_assert_cmpstr (saved_endpoint, ==, endpoint);
  g_assert_cmpstr (saved_key, ==, key);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (th_ui_find (records, TH_TYPE_PASSWORD_ROW, "Secret"))), ==, "");
  kept = th_lrs_secret_lookup (endpoint, key, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, secret);

  /* Sent, and nothing fetched: this is no supervisor's workstation yet. */
  click_and_wait (records, "Send and Fetch Now");
  line = g_strdup_printf ("Sent %u, refused 0, fetched 0 (0 new)", made);
  g_assert_nonnull (th_ui_find (records, GTK_TYPE_LABEL, line));
  wait_for_count (records, "Waiting to be sent", 0);
  wait_for_count (records, "Sent", made);
  wait_for_count (records, "Fetched from other workstations", 0);
  g_assert_nonnull (th_ui_find (records, GTK_TYPE_LABEL, "Last sent on *"));
  assert_store_counts (window, 0, made);
  assert_lrs_holds (made + made_elsewhere);

  /* A supervisor's workstation reads the organisation's records back. */
  fetch = th_ui_find (th_ui_find (records, ADW_TYPE_ACTION_ROW, "Fetch the organisation’s records"),
                      GTK_TYPE_SWITCH, NULL);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (fetch)));
  gtk_switch_set_active (GTK_SWITCH (fetch), TRUE);
  saved_fetch = dup_setting (window, TH_STORE_LRS_FETCH_KEY);
  g_assert_cmpstr (saved_fetch, ==, "1");
  click_and_wait (records, "Send and Fetch Now");
  g_free (line);
  line = g_strdup_printf ("Sent 0, refused 0, fetched * (%u new)", made_elsewhere);
  g_assert_nonnull (th_ui_find (records, GTK_TYPE_LABEL, line));
  wait_for_count (records, "Fetched from other workstations", made_elsewhere);
  wait_for_count (records, "Waiting to be sent", 0);
  /* What came from the LRS counts as sent too (the store marks it so). */
  wait_for_count (records, "Sent", store_sent (window));
  gtk_window_close (GTK_WINDOW (records));
  /* The learner from elsewhere is in the matrix. */
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "3 learners");
}

/* The next start: a new record goes by itself, with the secret from the
 * keyring, and the window shows it gone. */
static void
check_automatic_round (GtkWindow *window)
{
  GtkWidget *records;

  unlock (window);
  records = open_records (window);
  /* The first round starts five seconds after the window opens. */
  for (guint tries = 0; tries < 800 && !th_ui_find (records, GTK_TYPE_LABEL, "Sent *, refused 0, fetched *");
       tries++)
    th_ui_spin (25);
  wait_for_count (records, "Waiting to be sent", 0);
  wait_for_count (records, "Fetched from other workstations", made_elsewhere);
  wait_for_count (records, "Sent", store_sent (window));
  assert_lrs_holds (made + made_elsewhere + 1);
  gtk_window_close (GTK_WINDOW (records));
}

/* A learner's organisation account: saved, and refused for a second
 * profile. */
static void
check_account (GtkWindow *window)
{
  ThStore *store = app_store (window);
  g_autofree char *account = NULL;
  GtkWidget *search, *view, *row;

  unlock (window);
  search = th_ui_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "amara");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 learner");
  view = th_ui_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  g_signal_emit_by_name (view, "activate", 0);
  row = th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Organisation account");
  /* Nothing to apply until something is typed. */
  g_assert_null (th_ui_find (row, GTK_TYPE_BUTTON, NULL));
  gtk_editable_set_text (GTK_EDITABLE (row), " amara.okafor@clinic.example.org ");
  g_signal_emit_by_name (row, "apply");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Organisation account saved");
  account = th_store_dup_learner_account (store, th_store_find_learner (store, "Amara Okafor", NULL), NULL);
  g_assert_cmpstr (account, ==, "amara.okafor@clinic.example.org");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.supervisor", NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "ben");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 learner");
  g_signal_emit_by_name (view, "activate", 0);
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Ben Ruiz");
  row = th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Organisation account");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_null (th_ui_find (row, GTK_TYPE_BUTTON, NULL));
  gtk_editable_set_text (GTK_EDITABLE (row), "amara.okafor@clinic.example.org");
  g_signal_emit_by_name (row, "apply");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL,
                  "Another profile already has the account “amara.okafor@clinic.example.org”");
  g_clear_pointer (&account, g_free);
  account = th_store_dup_learner_account (store, th_store_find_learner (store, "Ben Ruiz", NULL), NULL);
  g_assert_null (account);
}

/* One more record, made while the application was closed. */
static void
add_learner (const char *path,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (th_store_add_learner (store, name, NULL, &error), >, 0);
}

static void
test_send_and_fetch (void)
{
  if (!have_services ())
    return;
  made = prepare_records (records_path);
  made_elsewhere = send_from_elsewhere ();
  th_ui_run_application (records_path, NULL, check_sending);
  add_learner (records_path, "Cleo Diaz");
  th_ui_run_application (records_path, NULL, check_automatic_round);
  th_ui_run_application (records_path, NULL, check_account);
}

/* A template naming a widget that libadwaita 1.2 lacks fails only when
 * the window is made. */
static void
test_template_builds (void)
{
  GtkWindow *records = g_object_ref (g_object_new (TH_TYPE_ORGANISATION_RECORDS, NULL));

  gtk_window_destroy (records);
  g_assert_finalize_object (records);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  th_ui_test_init ();
  tmp_dir = th_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  /* The secret comes from the keyring, as on a workstation. */
  g_unsetenv ("THRESHOLD_LRS_SECRET");
  wrong_path = g_build_filename (tmp_dir, "wrong.db", NULL);
  records_path = g_build_filename (tmp_dir, "records.db", NULL);

  g_test_add_func ("/ui/organisation/template-builds", test_template_builds);
  g_test_add_func ("/ui/organisation/wrong-secret", test_wrong_secret);
  g_test_add_func ("/ui/organisation/send-and-fetch", test_send_and_fetch);

  result = g_test_run ();
  if (lrs_dir != NULL)
    g_free (run_lrs ("stop", lrs_dir));
  stop_keyring ();
  th_test_rmtree (tmp_dir);
  return result;
}
