/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-application"

#include "config.h"

#include <glib/gi18n.h>

#include "th-application.h"
#include "th-catalog.h"
#include "th-command-line.h"
#include "th-store.h"
#include "th-window.h"

struct _ThApplication
{
  AdwApplication        parent_instance;

  /* owned references */
  ThCommandLineOptions  options;
  ThCatalog            *catalog;
  ThStore              *store;
  GError               *store_error;
  guint                 catalog_idle;
};

G_DEFINE_FINAL_TYPE (ThApplication, th_application, ADW_TYPE_APPLICATION)

#define BACKUPS_KEPT 7

static void
catalog_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  ThCatalog *catalog = th_catalog_new (loader);

  th_catalog_add_standard_paths (catalog, task_data);
  g_task_return_pointer (task, catalog, g_object_unref);
}

/* The application is held weakly: quitting while the modules are read
 * must not keep it alive. */
static void
on_catalog_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(ThCatalog) catalog = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(ThApplication) self = g_weak_ref_get (weak);
  GtkWindow *window;

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL)
    return;
  g_set_object (&self->catalog, catalog);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    th_window_set_catalog (TH_WINDOW (window), self->catalog);
}

/* Reading and checking every module takes longer than the first window
 * needs: it starts once the window is up (an idle of low priority runs
 * after the first frame), on a worker thread, while the profiles page
 * shows. */
static gboolean
load_catalog (gpointer user_data)
{
  ThApplication *self = user_data;
  GWeakRef *weak = g_new (GWeakRef, 1);
  g_autoptr(GTask) task = NULL;

  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, NULL, on_catalog_loaded, weak);
  g_task_set_task_data (task, g_strdupv (self->options.content_dirs), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, catalog_in_thread);
  self->catalog_idle = 0;
  return G_SOURCE_REMOVE;
}

static char *
dup_database_path (ThApplication *self)
{
  return self->options.database ? g_strdup (self->options.database) : th_store_dup_default_path ();
}

static void
backup_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *made = th_store_backup_if_due (task_data, now, BACKUPS_KEPT, &error);

  if (error != NULL)
    g_warning ("No backup was made: %s", error->message);
  else if (made != NULL)
    g_debug ("Backed up the progress database to %s", made);
}

/* The daily check and backup read the whole file: a worker thread does
 * them, with connections of its own, so the window is never kept waiting. */
static void
start_backup (ThApplication *self)
{
  /* No source object: a backup still running at quit must not keep the
   * application alive; an unfinished copy is never taken for a backup. */
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, g_strdup (th_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, backup_in_thread);
}

static void
open_store (ThApplication *self)
{
  g_autofree char *path = dup_database_path (self);

  g_clear_error (&self->store_error);
  g_clear_object (&self->store);
  self->store = th_store_open (path, &self->store_error);
  if (self->store != NULL)
    start_backup (self);
}

static void
reopen_store (ThApplication *self,
              GtkWindow     *window)
{
  open_store (self);
  th_window_set_store (TH_WINDOW (window), self->store);
  if (self->store_error != NULL)
    th_window_show_error (TH_WINDOW (window), _("Progress Cannot Be Saved"),
                          self->store_error->message);
}

static void
on_damage_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ThApplication    *self)
{
  g_autofree char *path = dup_database_path (self);
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  g_autoptr(GError) error = NULL;

  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_str_equal (response, "restore") && !th_store_restore (backup, path, &error))
    {
      th_window_show_error (TH_WINDOW (window), _("The Backup Could Not Be Restored"), error->message);
      return;
    }
  reopen_store (self, window);
}

/* The damaged file is already set aside; the person at the desk chooses
 * between the newest good backup and empty records. */
static void
offer_recovery (ThApplication *self,
                GtkWindow     *window)
{
  g_autofree char *path = dup_database_path (self);
  g_autofree char *backup = th_store_find_good_backup (path);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Progress Records Were Damaged"),
                                                       self->store_error->message));
  adw_message_dialog_add_response (dialog, "fresh", _("Start With _Empty Records"));
  if (backup != NULL)
    {
      g_autofree char *name = g_path_get_basename (backup);

      adw_message_dialog_format_body (dialog, _("%s\n\nThe newest good backup is %s."),
                                      self->store_error->message, name);
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
      g_object_set_data_full (G_OBJECT (dialog), "backup", g_steal_pointer (&backup), g_free);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_damage_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
report_store_error (ThApplication *self,
                    GtkWindow     *window)
{
  if (g_error_matches (self->store_error, TH_STORE_ERROR, TH_STORE_ERROR_DAMAGED))
    offer_recovery (self, window);
  else
    th_window_show_error (TH_WINDOW (window), _("Progress Cannot Be Saved"),
                          self->store_error->message);
}

static void
th_application_startup (GApplication *app)
{
  ThApplication *self = TH_APPLICATION (app);

  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (th_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
  self->catalog_idle = g_idle_add_full (G_PRIORITY_LOW, load_catalog, self, NULL);
  open_store (self);
}

static void
th_application_activate (GApplication *app)
{
  ThApplication *self = TH_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (th_window_new (GTK_APPLICATION (self)));
      if (self->catalog != NULL)
        th_window_set_catalog (TH_WINDOW (window), self->catalog);
      th_window_set_store (TH_WINDOW (window), self->store);
      gtk_window_present (window);
      if (self->store_error != NULL)
        report_store_error (self, window);
    }
  gtk_window_present (window);
}

static void
th_application_finalize (GObject *object)
{
  ThApplication *self = (ThApplication *)object;

  g_clear_handle_id (&self->catalog_idle, g_source_remove);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  th_command_line_options_clear (&self->options);

  G_OBJECT_CLASS (th_application_parent_class)->finalize (object);
}

static void
th_application_class_init (ThApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = th_application_finalize;
  app_class->startup = th_application_startup;
  app_class->activate = th_application_activate;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* The curriculum's sources are credited where people look for credits. */
static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  static const char *developers[] = { "The Threshold developers", NULL };
  static const char *sources[] = {
    "Chang JE, Lindenfeld Z, Hagan H. Integrating Harm Reduction into Medical Care: "
      "Lessons from Three Models. J Am Board Fam Med 2023;36(3):449-461",
    "Lindenfeld Z, Hagan H, Chang JE. Exploring Barriers and Facilitators to Integrating "
      "a Harm Reduction Approach to Substance Use in Three Medical Settings. "
      "J Gen Intern Med 2023;38(15):3273-3282",
    "Hawk M, Coulter RWS, Egan JE, et al. Harm reduction principles for healthcare "
      "settings. Harm Reduct J 2017;14:70",
    NULL
  };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  adw_about_window_set_application_name (about, "Threshold");
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Threshold developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about, _("Harm-reduction-informed care, taught with lessons and "
                                          "scenario quizzes, for the staff of health clinics."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* TRANSLATORS: put your names here, one per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_credit_section (about, _("Curriculum Sources"), sources);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
th_application_init (ThApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}

/**
 * th_application_new:
 * @options: what the command line said of the database and the content,
 *   read by th_command_line_run()
 */
ThApplication *
th_application_new (const ThCommandLineOptions *options)
{
  ThApplication *self = g_object_new (TH_TYPE_APPLICATION,
                                      "application-id", APP_ID,
                                      "resource-base-path", "/io/github/threshold/Threshold",
                                      "flags", G_APPLICATION_DEFAULT_FLAGS,
                                      NULL);

  self->options.database = g_strdup (options->database);
  self->options.content_dirs = g_strdupv (options->content_dirs);
  self->options.default_months = options->default_months;
  return self;
}

/**
 * th_application_get_store:
 *
 * Returns: (transfer none) (nullable): the progress store, or %NULL while
 *   it cannot be opened
 */
ThStore *
th_application_get_store (ThApplication *self)
{
  g_return_val_if_fail (TH_IS_APPLICATION (self), NULL);
  return self->store;
}
