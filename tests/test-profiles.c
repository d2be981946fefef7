/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "th-store.h"
#include "th-test-util.h"
#include "th-store-statements.h"
#include "th-ui-test-util.h"

/* The profiles page: one person, one profile. A name that reads as
 * another profile's is refused, naming it, with the offer to open it. */

static char *tmp_dir;

static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  for (guint tries = 0; tries < 200; tries++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
            return ADW_MESSAGE_DIALOG (window);
        }
      th_ui_spin (25);
    }
  g_error ("No dialog “%s” appeared", heading);
  return NULL;
}

static void
type_into (GtkWindow  *window,
           const char *title,
           const char *text)
{
  GtkWidget *row = th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_PREFERENCES_ROW, title);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Tries to add a profile called @name, which is taken. */
static AdwMessageDialog *
add_taken (GtkWindow  *window,
           const char *name)
{
  type_into (window, "Your name", name);
  th_ui_click (GTK_WIDGET (window), "Add Profile");
  return wait_for_dialog ("This Name Is Taken");
}

static void
check_name_taken (GtkWindow *window)
{
  AdwMessageDialog *dialog;
  GtkWidget *pin_entry;

  type_into (window, "Your name", "Ana Torres");
  type_into (window, "PIN (optional, 4 to 12 characters)", "2468");
  type_into (window, "Staff ID or work e-mail (optional)", "atorres");
  th_ui_click (GTK_WIDGET (window), "Add Profile");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "The Six Principles");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-profile", NULL);

  /* Changing the name instead: back in the name field, nothing added. */
  dialog = add_taken (window, "ANA  TORRES");
  th_ui_click (GTK_WIDGET (dialog), "Change the Name");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Your name"));

  /* The message names the profile; the offer opens it, PIN first. */
  dialog = add_taken (window, "ana torres");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "There is already a profile called “Ana Torres”"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "middle initial"));
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "There is already a profile called “Ana Torres”*"));
  th_ui_click (GTK_WIDGET (dialog), "Open “Ana Torres”");
  /* The PIN is asked for; locking the desk meanwhile takes the question
   * away, and the offer is made again. */
  wait_for_dialog ("Enter Your PIN");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-profile", NULL);
  th_ui_spin (50);
  dialog = add_taken (window, "ana torres");
  th_ui_click (GTK_WIDGET (dialog), "Open “Ana Torres”");
  dialog = wait_for_dialog ("Enter Your PIN");
  pin_entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (pin_entry), "2468");
  th_ui_click (GTK_WIDGET (dialog), "Open");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "The Six Principles");
  g_assert_nonnull (th_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "Ana Torres"));

  /* An archived profile only a supervisor brings back: no offer to open. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-profile", NULL);
  dialog = add_taken (window, "Bo Li");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "archived profile called “Bó Li”"));
  g_assert_false (adw_message_dialog_has_response (dialog, "open"));
  th_ui_click (GTK_WIDGET (dialog), "Change the Name");
}

static void
test_name_taken (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "taken.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) learners = NULL;
  ThStore *store = th_store_open (path, &error);
  gint64 archived = th_store_add_learner (store, "Bó Li", NULL, &error);

  g_assert_true (th_store_set_learner_archived (store, archived, TRUE, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  th_ui_run_application (path, NULL, check_name_taken);

  /* One Ana Torres, with the account she gave, and the archived profile. */
  store = th_store_open (path, &error);
  learners = th_store_list_learners (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, 1);
  {
    ThLearner *ana = g_list_model_get_item (learners, 0);
    g_autofree char *account = th_store_dup_learner_account (store, th_learner_get_id (ana), &error);

    g_assert_cmpstr (account, ==, "atorres");
    g_object_unref (ana);
  }
  g_clear_object (&learners);
  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmp_dir = th_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  th_ui_test_init ();

  g_test_add_func ("/ui/profiles/name-taken", test_name_taken);

  result = g_test_run ();
  th_test_rmtree (tmp_dir);
  return result;
}
