/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "th-application.h"
#include "th-catalog-model.h"
#include "th-catalog.h"
#include "th-cell-text.h"
#include "th-password-row.h"
#include "th-matrix-phrases.h"
#include "th-matrix-slot.h"
#include "th-module-strip.h"
#include "th-refresher-periods.h"
#include "th-supervisor-view.h"
#include "th-test-util.h"
#include "th-ui-test-util.h"
#include "th-unlock-dialog.h"

#define AUTONOMY "Autonomy: the plan is negotiated, the decision is theirs"

/* A supervisor at the shared workstation, through the real widgets: sets
 * up supervisor mode, finds a learner, opens their records, signs off
 * their onboarding, saves the report for HR and locks up. */

static char *tmp_dir;
static char *db_path;
static char *csv_path;

/* Two learners: one who passed every required module, one who started. */
static void
prepare_records (void)
{
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  g_autoptr(ThCatalog) catalog = th_catalog_new (loader);
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (db_path, &error);
  GListModel *modules;
  gint64 amara, ben;

  th_catalog_add_standard_paths (catalog, NULL);
  modules = th_catalog_get_modules (catalog);
  amara = th_store_add_learner (store, "Amara Okafor", NULL, &error);
  ben = th_store_add_learner (store, "Ben Ruiz", NULL, &error);
  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(ThModule) module = g_list_model_get_item (modules, i);
      gint64 attempt;

      if (!th_module_get_required (module))
        continue;
      attempt = th_store_start_attempt (store, amara, th_module_get_id (module), TH_ATTEMPT_FULL, NULL, 0, &error);
      th_store_finish_attempt (store, attempt, 10, 10, TRUE, &error);
    }
  th_store_start_attempt (store, ben, "humanism", TH_ATTEMPT_FULL, NULL, 0, &error);
  g_assert_no_error (error);
}

static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  for (guint tries = 0; tries < 200; tries++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
            return ADW_MESSAGE_DIALOG (window);
        }
      th_ui_spin (25);
    }
  g_error ("No dialog “%s” appeared", heading);
  return NULL;
}

static void
check_supervising (GtkWindow *window)
{
  GtkWindow *dialog;
  GtkWidget *view, *search;
  AdwMessageDialog *sign_off;
  g_autofree char *csv = NULL;

  th_ui_click (GTK_WIDGET (window), "Supervisor Mode");
  dialog = th_ui_wait_for_toplevel (TH_TYPE_UNLOCK_DIALOG);
  th_ui_fill_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Your name", "Dana Whitfield");
  th_ui_fill_row (GTK_WIDGET (dialog), TH_TYPE_PASSWORD_ROW, "Passphrase", "kind words open doors");
  th_ui_fill_row (GTK_WIDGET (dialog), TH_TYPE_PASSWORD_ROW, "Passphrase again", "kind words open doors");
  th_ui_click (GTK_WIDGET (dialog), "Set Up");

  /* The matrix: both learners, then one after a search. */
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "2 learners");
  search = th_ui_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "amara");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 learner");
  view = th_ui_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  th_ui_wait_for (view, TH_TYPE_CELL_TEXT, "Amara Okafor");
  g_assert_nonnull (th_ui_find (view, TH_TYPE_CELL_TEXT, "Awaiting sign-off"));
  g_signal_emit_by_name (view, "activate", 0);

  /* Their records, and the sign-off. */
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL,
                  "Every required module is passed and current: ready for sign-off.");
  th_ui_click (GTK_WIDGET (window), "Sign Off Onboarding…");
  sign_off = wait_for_dialog ("Sign Off Onboarding?");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (sign_off)),
                         "Completed orientation week");
  adw_message_dialog_response (sign_off, "sign");
  /* The records are read again on a worker thread, however long it takes. */
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Revoke Sign-Off…");

  /* The report for HR, through the same code the save dialog ends in. */
  /* Back to everyone: the search is kept until cleared. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.supervisor", NULL);
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 learner");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "2 learners");
  gtk_widget_activate_action (th_ui_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL),
                              "supervisor.export-csv-to", "^ay", csv_path);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "Amara Okafor,onboarding,Onboarding (every required module),yes,Signed off,"));
  g_assert_nonnull (strstr (csv, "Dana Whitfield"));

  /* Ben's records deleted, after a confirmation naming what goes. */
  view = th_ui_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "ben");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 learner");
  g_signal_emit_by_name (view, "activate", 0);
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Attempts");
  gtk_widget_activate_action (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Attempts"),
                              "learner.delete", NULL);
  {
    AdwMessageDialog *confirm = wait_for_dialog ("Delete the Records of Ben Ruiz?");

    g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm),
                              "for good: 1 attempt, 0 answers, 0 completions and 0 sign-offs."));
    adw_message_dialog_response (confirm, "delete");
  }
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 learner");

  /* A second supervisor, added by the first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-supervisor", NULL);
  dialog = th_ui_wait_for_toplevel (TH_TYPE_UNLOCK_DIALOG);
  th_ui_fill_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Your name", "Luis Ortega");
  th_ui_fill_row (GTK_WIDGET (dialog), TH_TYPE_PASSWORD_ROW, "Passphrase", "listen first always");
  th_ui_fill_row (GTK_WIDGET (dialog), TH_TYPE_PASSWORD_ROW, "Passphrase again", "listen first always");
  /* It closes itself once the new supervisor is recorded. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  th_ui_click (GTK_WIDGET (dialog), "Add");
  for (guint tries = 0; tries < 200 && dialog != NULL; tries++)
    th_ui_spin (25);
  g_assert_null (dialog);
  {
    ThStore *store = th_application_get_store (TH_APPLICATION (gtk_window_get_application (window)));
    g_autoptr(GPtrArray) supervisors = th_store_list_supervisors (store, NULL);

    g_assert_cmpuint (supervisors->len, ==, 2);
  }

  /* The refresher periods: the organisation's for every module that has
   * none of its own, and one module's own. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresher-periods", NULL);
  {
    GtkWindow *periods = th_ui_wait_for_toplevel (TH_TYPE_REFRESHER_PERIODS);
    ThStore *store = th_application_get_store (TH_APPLICATION (gtk_window_get_application (window)));
    GtkWidget *every = th_ui_find (th_ui_find (GTK_WIDGET (periods), ADW_TYPE_ACTION_ROW,
                                               "Months before a refresher"), GTK_TYPE_SPIN_BUTTON, NULL);
    GtkWidget *humanism = th_ui_find (th_ui_find (GTK_WIDGET (periods), ADW_TYPE_ACTION_ROW,
                                                  "Humanism: respect without moral judgment"),
                                      GTK_TYPE_SPIN_BUTTON, NULL);
    GtkWidget *autonomy = th_ui_find (th_ui_find (GTK_WIDGET (periods), ADW_TYPE_ACTION_ROW, AUTONOMY),
                                      GTK_TYPE_SPIN_BUTTON, NULL);

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (humanism), 6);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (every), 24);
    g_assert_cmpuint (th_store_get_refresher_months (store, "humanism", 12, NULL), ==, 6);
    g_assert_cmpuint (th_store_get_refresher_months (store, "autonomy", 12, NULL), ==, 24);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (autonomy)), ==, 24);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (humanism)), ==, 6);
    /* And back to the organisation's. */
    g_assert_true (GTK_IS_BUTTON (gtk_widget_get_next_sibling (humanism)));
    g_assert_true (gtk_widget_is_sensitive (gtk_widget_get_next_sibling (humanism)));
    g_signal_emit_by_name (gtk_widget_get_next_sibling (humanism), "clicked");
    g_assert_false (gtk_widget_is_sensitive (gtk_widget_get_next_sibling (humanism)));
    g_assert_cmpuint (th_store_get_refresher_months (store, "humanism", 12, NULL), ==, 24);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (humanism)), ==, 24);
    /* A number typed but not entered is kept when the window closes. */
    gtk_editable_set_text (GTK_EDITABLE (autonomy), "18");
    gtk_window_close (periods);
    g_assert_cmpuint (th_store_get_own_refresher_months (store, "autonomy", NULL), ==, 18);
  }
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 learner");

  /* Locked: back at the profiles, and the hidden matrix holds no one's
   * records, so an export left open cannot write them. */
  view = th_ui_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresher-periods", NULL);
  {
    GtkWindow *periods = th_ui_wait_for_toplevel (TH_TYPE_REFRESHER_PERIODS);

    GtkWidget *every = th_ui_find (th_ui_find (GTK_WIDGET (periods), ADW_TYPE_ACTION_ROW,
                                               "Months before a refresher"), GTK_TYPE_SPIN_BUTTON, NULL);

    /* A supervisor's window left open closes with the lock, and what was
     * being typed in it is dropped. */
    gtk_editable_set_text (GTK_EDITABLE (every), "36");
    g_object_add_weak_pointer (G_OBJECT (periods), (gpointer *) &periods);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
    g_assert_null (periods);
    g_assert_cmpuint (th_store_get_refresher_months (th_application_get_store (TH_APPLICATION (
                        gtk_window_get_application (window))), "humanism", 12, NULL), ==, 24);
  }
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Profiles on This Computer");
  g_assert_null (th_ui_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL));
  g_assert_null (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_assert_true (g_unlink (csv_path) == 0);
  gtk_widget_activate_action (view, "supervisor.export-csv-to", "^ay", csv_path);
  g_assert_false (g_file_test (csv_path, G_FILE_TEST_EXISTS));
}

static void
check_wrong_passphrase_slowed (GtkWindow *window)
{
  GtkWindow *dialog;

  /* One profile left, so the window opens on it; the menu's way in. */
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "The Six Principles");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.supervisor", NULL);
  dialog = th_ui_wait_for_toplevel (TH_TYPE_UNLOCK_DIALOG);
  g_assert_null (th_ui_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Your name"));
  th_ui_fill_row (GTK_WIDGET (dialog), TH_TYPE_PASSWORD_ROW, "Passphrase", "not the passphrase");
  th_ui_click (GTK_WIDGET (dialog), "Unlock");
  th_ui_wait_for (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "That passphrase is not right. Try again in 1 second.");
  /* Straight away again: told to wait, and nothing is checked. */
  th_ui_fill_row (GTK_WIDGET (dialog), TH_TYPE_PASSWORD_ROW, "Passphrase", "kind words open doors");
  th_ui_click (GTK_WIDGET (dialog), "Unlock");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Wait 1 more second before trying again."));
  gtk_window_destroy (dialog);
}

/* Records that cannot be read close doors: no offer to set supervisor mode
 * up anew, and no verdict on a learner whose records are unreadable. */
static void
check_unreadable (GtkWindow *window)
{
  GtkWindow *dialog;
  GtkWidget *view;

  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "The Six Principles");
  th_test_hide_table (db_path, "supervisors", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.supervisor", NULL);
  dialog = th_ui_wait_for_toplevel (TH_TYPE_UNLOCK_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Supervisor Mode Unavailable");
  th_ui_wait_for (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                  "Supervisor mode cannot be opened, because the supervisors could not be read: *");
  g_assert_null (th_ui_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Your name"));
  g_assert_null (th_ui_find (GTK_WIDGET (dialog), TH_TYPE_PASSWORD_ROW, NULL));
  g_assert_null (th_ui_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Set Up"));
  gtk_window_destroy (dialog);
  th_test_hide_table (db_path, "supervisors", FALSE);

  /* Unlocked; then a learner's attempts cannot be read. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.supervisor", NULL);
  dialog = th_ui_wait_for_toplevel (TH_TYPE_UNLOCK_DIALOG);
  th_ui_fill_row (GTK_WIDGET (dialog), TH_TYPE_PASSWORD_ROW, "Passphrase", "kind words open doors");
  th_ui_click (GTK_WIDGET (dialog), "Unlock");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 learner");
  th_test_hide_table (db_path, "attempts", TRUE);
  view = th_ui_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  g_signal_emit_by_name (view, "activate", 0);
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL,
                  "These records cannot be read, so nothing can be signed off or revoked: *");
  g_assert_null (th_ui_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Revoke Sign-Off…"));
  g_assert_null (th_ui_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Sign Off Onboarding…"));
  th_test_hide_table (db_path, "attempts", FALSE);
}

static void
test_supervising (void)
{
  prepare_records ();
  th_ui_run_application (db_path, NULL, check_supervising);
  th_ui_run_application (db_path, NULL, check_wrong_passphrase_slowed);
  th_ui_run_application (db_path, NULL, check_unreadable);
}

static char *not_passed_path;

/* One learner whose only attempt did not pass, and a supervisor. */
static void
prepare_not_passed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = th_store_open (not_passed_path, &error);
  gint64 cleo = th_store_add_learner (store, "Cleo Diaz", NULL, &error);
  gint64 attempt = th_store_start_attempt (store, cleo, "humanism", TH_ATTEMPT_FULL, NULL, 0, &error);

  th_store_finish_attempt (store, attempt, 3, 7, FALSE, &error);
  th_store_add_supervisor (store, "Dana Whitfield", "kind words open doors", 0, &error);
  g_assert_no_error (error);
}

/* The learner sees "Not passed yet" with the score, not "In progress". */
static void
check_not_passed_path (GtkWindow *window)
{
  GtkWidget *row = th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW,
                                   "Humanism: respect without moral judgment");

  g_assert_nonnull (th_ui_find (row, GTK_TYPE_LABEL, "Not passed yet · 42% · *"));
  g_assert_null (th_ui_find (row, GTK_TYPE_LABEL, "In progress*"));
}

/* The supervisor finds the learner under the filter of their own, and
 * their attempt says it did not pass. */
static void
check_not_passed_matrix (GtkWindow *window)
{
  GtkWindow *dialog;
  GtkWidget *dropdown, *view;

  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "The Six Principles");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.supervisor", NULL);
  dialog = th_ui_wait_for_toplevel (TH_TYPE_UNLOCK_DIALOG);
  th_ui_fill_row (GTK_WIDGET (dialog), TH_TYPE_PASSWORD_ROW, "Passphrase", "kind words open doors");
  th_ui_click (GTK_WIDGET (dialog), "Unlock");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 learner");
  dropdown = th_ui_find (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 3);   /* signed off: nobody */
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "0 learners");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 5);   /* not passed yet */
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 learner");
  view = th_ui_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  th_ui_wait_for (view, TH_TYPE_CELL_TEXT, "Cleo Diaz");
  g_signal_emit_by_name (view, "activate", 0);
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "Attempts");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "* · 3 of 7 points · not passed"));
}

static void
test_not_passed (void)
{
  prepare_not_passed ();
  th_ui_run_application (not_passed_path, NULL, check_not_passed_path);
  th_ui_run_application (not_passed_path, NULL, check_not_passed_matrix);
}

/* The names the matrix shows, in its order, joined by commas. */
static char *
dup_shown_names (GtkColumnView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ThMatrixSlot) slot = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "," : "",
                              th_matrix_row_get_display_name (th_matrix_slot_get_row (slot)));
    }
  return g_strdup (names->str);
}

static void
assert_rows (GtkColumnView *view,
             const char    *expected)
{
  g_autofree char *shown = dup_shown_names (view);

  g_assert_cmpstr (shown, ==, expected);
}

static void
assert_search_shows (GtkColumnView *view,
                     GtkWidget     *entry,
                     const char    *text,
                     const char    *expected)
{
  g_autofree char *shown = NULL;
  const char *current = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *same = text;
  int position = 0;
  GtkWidget *nobody;

  /* Typed as a person types: back to what the two texts share, then on. */
  while (*same != '\0' && g_utf8_get_char (same) == g_utf8_get_char (current))
    {
      same = g_utf8_next_char (same);
      current = g_utf8_next_char (current);
      position++;
    }
  gtk_editable_delete_text (GTK_EDITABLE (entry), position, -1);
  gtk_editable_insert_text (GTK_EDITABLE (entry), same, -1, &position);
  /* Rather than wait for the pause the entry waits for. */
  g_signal_emit_by_name (entry, "search-changed");
  /* Nobody matching is said in words, not shown as an empty table. */
  nobody = th_ui_find (gtk_widget_get_ancestor (GTK_WIDGET (view), TH_TYPE_SUPERVISOR_VIEW),
                       ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_true ((nobody != NULL) == (*expected == '\0'));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)) == (nobody == NULL));
  shown = nobody != NULL ? g_strdup ("") : dup_shown_names (view);
  g_assert_cmpstr (shown, ==, expected);
  /* And drawn: the widgets kept from before show their new rows. */
  if (*expected != '\0')
    {
      g_auto(GStrv) names = g_strsplit (expected, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        th_ui_wait_for (GTK_WIDGET (view), TH_TYPE_CELL_TEXT, names[i]);
    }
}

static void
on_matrix_loaded (GObject      *store,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(ThCompletionMatrix **) user_data = th_completion_matrix_load_finish (result, &error);
  g_assert_no_error (error);
}

/* Reads the matrix on a worker, as supervisor mode does. */
static ThCompletionMatrix *
load_matrix (ThStore   *store,
             ThCatalog *catalog)
{
  ThCompletionMatrix *matrix = NULL;

  th_completion_matrix_load_async (store, catalog, 12, NULL, on_matrix_loaded, &matrix);
  while (matrix == NULL)
    g_main_context_iteration (NULL, TRUE);
  return matrix;
}

/* @view in a window of its own, @height tall, showing @matrix. */
static GtkWidget *
present_view (ThSupervisorView   *view,
              ThCompletionMatrix *matrix,
              int                 height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, height);
  gtk_window_present (GTK_WINDOW (window));
  th_supervisor_view_show (view, matrix, "Dana Whitfield");
  return window;
}

/* A store of its own, the bundled modules, and a view to show them in;
 * the test puts the view in a window (present_view()). */
typedef struct
{
  ThStore          *store;
  ThCatalog        *catalog;
  ThSupervisorView *view;
} Matrix;

static void
matrix_set_up (Matrix        *m,
               gconstpointer  file)
{
  g_autofree char *path = g_build_filename (tmp_dir, file, NULL);
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  g_autoptr(GError) error = NULL;

  m->store = th_store_open (path, &error);
  g_assert_no_error (error);
  m->catalog = th_catalog_new (loader);
  th_catalog_add_standard_paths (m->catalog, NULL);
  m->view = g_object_new (TH_TYPE_SUPERVISOR_VIEW, NULL);
}

static void
matrix_tear_down (Matrix        *m,
                  gconstpointer  file)
{
  g_object_unref (m->catalog);
  g_object_unref (m->store);
}

/* A search that grows looks again only at the rows shown, one that
 * shrinks or changes at everyone; the filter, the search and the order
 * work together whichever changes. */
static void
test_search_filter_sort (Matrix        *m,
                         gconstpointer  file)
{
  static const char * const names[] = {
    "Zoë Marsh", "amara Okafor", "Ben Ruiz", "Amir Haddad", "Mara Lind", "Tomás Ámaro", "Kamal Osei",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ThCompletionMatrix) matrix = NULL, again = NULL;
  GtkWidget *window, *entry, *dropdown, *first;
  ThSupervisorView *view = m->view;
  GtkColumnView *columns;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  gint64 kamal = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    kamal = th_store_add_learner (m->store, names[i], NULL, &error);
  th_store_set_learner_archived (m->store, kamal, TRUE, &error);
  g_assert_no_error (error);
  matrix = load_matrix (m->store, m->catalog);
  window = present_view (view, matrix, 600);
  columns = GTK_COLUMN_VIEW (th_ui_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
  entry = th_ui_find (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, NULL);
  dropdown = th_ui_find (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, NULL);

  /* By name as the language sorts, archived learners apart. */
  assert_search_shows (columns, entry, "", "amara Okafor,Amir Haddad,Ben Ruiz,Mara Lind,Tomás Ámaro,Zoë Marsh");
  /* Growing, letter by letter, in any case. */
  assert_search_shows (columns, entry, "A", "amara Okafor,Amir Haddad,Mara Lind,Tomás Ámaro,Zoë Marsh");
  assert_search_shows (columns, entry, "Ma", "amara Okafor,Mara Lind,Tomás Ámaro,Zoë Marsh");
  assert_search_shows (columns, entry, "mar", "amara Okafor,Mara Lind,Tomás Ámaro,Zoë Marsh");
  assert_search_shows (columns, entry, "mara", "amara Okafor,Mara Lind");
  /* Shrinking, and changing to a text that is neither. */
  assert_search_shows (columns, entry, "ma", "amara Okafor,Mara Lind,Tomás Ámaro,Zoë Marsh");
  assert_search_shows (columns, entry, "ámaro", "Tomás Ámaro");
  assert_search_shows (columns, entry, "ru", "Ben Ruiz");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (th_ui_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "1 learner"))),
                   ==, "1 learner");

  /* The order turned while searching, then the search cleared. */
  name_column = g_list_model_get_item (gtk_column_view_get_columns (columns), 0);
  assert_search_shows (columns, entry, "ma", "amara Okafor,Mara Lind,Tomás Ámaro,Zoë Marsh");
  gtk_column_view_sort_by_column (columns, name_column, GTK_SORT_DESCENDING);
  assert_rows (columns, "Zoë Marsh,Tomás Ámaro,Mara Lind,amara Okafor");
  assert_search_shows (columns, entry, "", "Zoë Marsh,Tomás Ámaro,Mara Lind,Ben Ruiz,Amir Haddad,amara Okafor");

  /* The archived learner under their own filter, and found by a search there. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), TH_MATRIX_FILTER_ARCHIVED);
  assert_rows (columns, "Kamal Osei");
  assert_search_shows (columns, entry, "ma", "Kamal Osei");
  assert_search_shows (columns, entry, "mar", "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), TH_MATRIX_FILTER_CURRENT);
  assert_rows (columns, "Zoë Marsh,Tomás Ámaro,Mara Lind,amara Okafor");
  th_ui_wait_for (GTK_WIDGET (view), GTK_TYPE_LABEL, "4 learners");

  /* Back from a learner's page, with someone new: the same order and
   * search, in the widgets already made. */
  first = th_ui_find (GTK_WIDGET (view), TH_TYPE_CELL_TEXT, "Zoë Marsh");
  th_store_add_learner (m->store, "Marta Diaz", NULL, &error);
  g_assert_no_error (error);
  again = load_matrix (m->store, m->catalog);
  th_supervisor_view_show (view, again, "Dana Whitfield");
  assert_rows (columns, "Zoë Marsh,Tomás Ámaro,Marta Diaz,Mara Lind,amara Okafor");
  th_ui_wait_for (GTK_WIDGET (view), TH_TYPE_CELL_TEXT, "Marta Diaz");
  g_assert_true (th_ui_find (GTK_WIDGET (view), TH_TYPE_CELL_TEXT, "Zoë Marsh") == first);

  /* Locked: nobody shown, and the next supervisor starts from everyone. */
  th_supervisor_view_clear (view);
  g_assert_null (gtk_column_view_get_model (columns));
  th_supervisor_view_show (view, again, "Luis Ortega");
  assert_rows (columns, "amara Okafor,Amir Haddad,Ben Ruiz,Mara Lind,Marta Diaz,Tomás Ámaro,Zoë Marsh");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Spins until the matrix shows @expected, a few seconds at most. */
static void
wait_for_rows (GtkColumnView *view,
               const char    *expected)
{
  for (guint tries = 0; tries < 500; tries++)
    {
      g_autofree char *shown = dup_shown_names (view);

      if (g_strcmp0 (shown, expected) == 0)
        return;
      th_ui_spin (10);
    }
  assert_rows (view, expected);
}

/* Hundreds of learners: a screenful is drawn first and the rest follow a
 * few dozen a frame, none missed and none twice, also when a search that
 * found a few is cleared; the count says everyone from the start. */
static void
test_many_learners (Matrix        *m,
                   gconstpointer  file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ThCompletionMatrix) matrix = NULL;
  g_autoptr(GString) everyone = g_string_new (NULL);
  ThSupervisorView *view = m->view;
  GtkColumnView *columns;
  GtkWidget *window, *entry;

  for (guint i = 1; i <= 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Learner %03u", i);

      th_store_add_learner (m->store, name, NULL, &error);
      g_assert_no_error (error);
      g_string_append_printf (everyone, "%s%s", i > 1 ? "," : "", name);
    }
  matrix = load_matrix (m->store, m->catalog);
  /* Tall enough for the nine rows searched for below. */
  window = present_view (view, matrix, 900);
  columns = GTK_COLUMN_VIEW (th_ui_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
  entry = th_ui_find (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (columns))), <, 300);
  g_assert_nonnull (th_ui_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "300 learners"));
  th_ui_wait_for (GTK_WIDGET (view), TH_TYPE_CELL_TEXT, "Learner 001");
  wait_for_rows (columns, everyone->str);

  assert_search_shows (columns, entry, "learner 00",
                       "Learner 001,Learner 002,Learner 003,Learner 004,Learner 005,"
                       "Learner 006,Learner 007,Learner 008,Learner 009");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "300 learners"));
  wait_for_rows (columns, everyone->str);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Reads a first page of @n_rows on a worker, as the window does while
 * everyone is read. */
static ThCompletionMatrix *
load_first_page (ThStore   *store,
                 ThCatalog *catalog,
                 guint      n_rows)
{
  ThCompletionMatrix *page = NULL;

  th_completion_matrix_load_first_async (store, catalog, 12, n_rows, NULL, on_matrix_loaded, &page);
  while (page == NULL)
    g_main_context_iteration (NULL, TRUE);
  return page;
}

/* A first page shows its rows and counts everyone; a search meanwhile
 * looks at its rows, and is kept, over everyone, when everyone comes. The
 * report waits for everyone. */
static void
test_first_page (Matrix        *m,
                 gconstpointer  file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ThCompletionMatrix) page = NULL;
  g_autoptr(ThCompletionMatrix) matrix = NULL;
  ThSupervisorView *view = m->view;
  GtkColumnView *columns;
  GtkWidget *window, *entry, *export;

  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Learner %02u", i);

      th_store_add_learner (m->store, name, NULL, &error);
      g_assert_no_error (error);
    }
  page = load_first_page (m->store, m->catalog, 3);
  window = present_view (view, page, 600);
  columns = GTK_COLUMN_VIEW (th_ui_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
  entry = th_ui_find (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, NULL);
  export = th_ui_find (GTK_WIDGET (view), GTK_TYPE_BUTTON, "*Export CSV*");

  wait_for_rows (columns, "Learner 01,Learner 02,Learner 03");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "40 learners"));
  g_assert_false (gtk_widget_get_sensitive (export));
  assert_search_shows (columns, entry, "learner 0", "Learner 01,Learner 02,Learner 03");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "3 learners"));

  matrix = load_matrix (m->store, m->catalog);
  th_supervisor_view_show (view, matrix, "Dana Whitfield");
  wait_for_rows (columns, "Learner 01,Learner 02,Learner 03,Learner 04,Learner 05,"
                          "Learner 06,Learner 07,Learner 08,Learner 09");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "9 learners"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "40 learners"));
  g_assert_true (gtk_widget_get_sensitive (export));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The width a cell asks for. */
static int
requested_width (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return natural;
}

/* Larger text makes larger cells: the font the cells share follows the
 * settings, and every cell measures itself again. */
static void
test_larger_text (Matrix        *m,
                 gconstpointer  file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ThCompletionMatrix) matrix = NULL;
  g_autofree char *font = NULL;
  ThSupervisorView *view = m->view;
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *window, *name, *strip;
  int name_width, strip_width;

  th_store_add_learner (m->store, "Amara Okafor", NULL, &error);
  g_assert_no_error (error);
  matrix = load_matrix (m->store, m->catalog);
  window = present_view (view, matrix, 600);
  name = th_ui_wait_for (GTK_WIDGET (view), TH_TYPE_CELL_TEXT, "Amara Okafor");
  strip = th_ui_wait_for (GTK_WIDGET (view), TH_TYPE_MODULE_STRIP, NULL);
  name_width = requested_width (name);
  strip_width = requested_width (strip);

  g_object_get (settings, "gtk-font-name", &font, NULL);
  g_object_set (settings, "gtk-font-name", "Sans 24", NULL);
  th_ui_spin (100);
  g_assert_cmpint (requested_width (name), >, name_width);
  g_assert_cmpint (requested_width (strip), >, strip_width);
  g_object_set (settings, "gtk-font-name", font, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first module of @kind in @catalog. */
static ThModule *
first_of_kind (ThCatalog    *catalog,
               ThModuleKind  kind)
{
  for (guint i = 0; i < th_catalog_get_n_modules (catalog); i++)
    if (th_module_get_kind (th_catalog_get_module (catalog, i)) == kind)
      return th_catalog_get_module (catalog, i);
  g_assert_not_reached ();
}

static void
set_cell (ThMatrixRow *row,
          guint        column,
          ThCellState  state,
          guint8       percent)
{
  ThMatrixCell *cell = th_matrix_row_get_cell (row, column);

  cell->state = state;
  cell->percent = percent;
}

/* That @row's two modules, a principle and a theme, are said to be
 * @first and @second. */
static void
assert_said (ThMatrixPhrases *phrases,
             GPtrArray       *modules,
             ThMatrixRow     *row,
             const char      *first,
             const char      *second)
{
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *expected = g_strdup_printf ("Principle %u: %s; Theme %u: %s",
                                               th_module_get_order (modules->pdata[0]), first,
                                               th_module_get_order (modules->pdata[1]), second);

  th_matrix_phrases_append_row (phrases, words, row);
  g_assert_cmpstr (words->str, ==, expected);
}

static void
assert_marks (ThMatrixPhrases *phrases,
              ThMatrixRow     *row,
              const char      *first,
              const char      *second)
{
  g_assert_cmpstr (th_matrix_phrases_get_mark (phrases, th_matrix_row_get_cell (row, 0)), ==, first);
  g_assert_cmpstr (th_matrix_phrases_get_mark (phrases, th_matrix_row_get_cell (row, 1)), ==, second);
}

/* What the strips say is made once and kept: a phrase kept for one
 * module, status or score is never said of another. */
static void
test_phrases (void)
{
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  g_autoptr(ThCatalog) catalog = th_catalog_new (loader);
  g_autoptr(GPtrArray) modules = g_ptr_array_new ();
  g_autoptr(ThMatrixPhrases) phrases = NULL;
  g_autoptr(ThMatrixRow) row = th_matrix_row_new (1, "Amara Okafor", FALSE, 2);
  g_autofree char *principle = NULL, *theme = NULL, *tooltip = NULL, *expected = NULL;
  ThModule *first;

  th_catalog_add_standard_paths (catalog, NULL);
  first = first_of_kind (catalog, TH_MODULE_KIND_PRINCIPLE);
  g_ptr_array_add (modules, first);
  g_ptr_array_add (modules, first_of_kind (catalog, TH_MODULE_KIND_THEME));
  phrases = th_matrix_phrases_new (modules);
  principle = g_strdup_printf ("P%u", th_module_get_order (modules->pdata[0]));
  theme = g_strdup_printf ("T%u", th_module_get_order (modules->pdata[1]));
  g_assert_cmpstr (th_matrix_phrases_get_short_name (phrases, 0), ==, principle);
  g_assert_cmpstr (th_matrix_phrases_get_short_name (phrases, 1), ==, theme);

  set_cell (row, 0, TH_CELL_PASSED, 95);
  set_cell (row, 1, TH_CELL_NOT_PASSED, 40);
  assert_said (phrases, modules, row, "Passed, 95%", "Not passed yet, 40%");
  assert_marks (phrases, row, "✓95", "✗40");

  /* The other module with the first one's status, another score. */
  set_cell (row, 0, TH_CELL_PASSED, 80);
  set_cell (row, 1, TH_CELL_PASSED, 95);
  assert_said (phrases, modules, row, "Passed, 80%", "Passed, 95%");
  assert_marks (phrases, row, "✓80", "✓95");

  /* A score the status does not show is not part of it. */
  set_cell (row, 0, TH_CELL_IN_PROGRESS, 37);
  set_cell (row, 1, TH_CELL_DUE_SOON, 37);
  assert_said (phrases, modules, row, "In progress", "Due soon, 37%");
  assert_marks (phrases, row, "…", "↻37");

  tooltip = th_matrix_phrases_dup_tooltip (phrases, 0, th_matrix_row_get_cell (row, 0));
  expected = g_strdup_printf ("Principle %u — %s: In progress", th_module_get_order (first), th_module_get_title (first));
  g_assert_cmpstr (tooltip, ==, expected);
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
  db_path = g_build_filename (tmp_dir, "supervision.db", NULL);
  csv_path = g_build_filename (tmp_dir, "completion.csv", NULL);
  not_passed_path = g_build_filename (tmp_dir, "not-passed.db", NULL);

  g_test_add_func ("/ui/supervision/supervising", test_supervising);
  g_test_add_func ("/ui/supervision/not-passed", test_not_passed);
  g_test_add_func ("/ui/supervision/phrases", test_phrases);
  g_test_add ("/ui/supervision/search-filter-sort", Matrix, "search.db", matrix_set_up, test_search_filter_sort,
              matrix_tear_down);
  g_test_add ("/ui/supervision/first-page", Matrix, "first.db", matrix_set_up, test_first_page,
              matrix_tear_down);
  g_test_add ("/ui/supervision/many-learners", Matrix, "many.db", matrix_set_up, test_many_learners,
              matrix_tear_down);
  g_test_add ("/ui/supervision/larger-text", Matrix, "larger.db", matrix_set_up, test_larger_text,
              matrix_tear_down);

  result = g_test_run ();
  th_test_rmtree (tmp_dir);
  return result;
}
