/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-window"

#include "config.h"

#include <glib/gi18n.h>

#include "th-completion-matrix.h"
#include "th-home-page.h"
#include "th-learner-detail.h"
#include "th-lesson-view.h"
#include "th-profiles-page.h"
#include "th-quiz-view.h"
#include "th-refresher-periods.h"
#include "th-summary-view.h"
#include "th-supervisor-view.h"
#include "th-unlock-dialog.h"
#include "th-window.h"

/* Supervisor mode locks itself after this long without input. */
#define LOCK_AFTER_SECONDS (5 * 60)

typedef void (*MatrixReady) (ThWindow *self);

/* The main window: who is learning, their learning path, a lesson, a quiz
 * and its result, one at a time. The pages show; this decides which. */
struct _ThWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  GtkStack             *stack;
  ThProfilesPage       *profiles_page;

  /* owned references */
  ThCatalog            *catalog;
  ThStore              *store;
  ThLearner            *learner;
  GSettings            *settings;
  ThCompletionMatrix   *matrix;

  /* supervisor mode, while unlocked */
  gint64                supervisor_id;
  char                 *supervisor_name;
  gint64                detail_learner;
  gboolean              matrix_loading;
  gboolean              matrix_stale;        /* asked for again while loading */
  MatrixReady           matrix_ready;
  guint                 matrix_generation;   /* moves on at each lock */

  /* what to show once the curriculum, read at start on a worker thread,
   * is in */
  void                (*when_catalog) (ThWindow *self);
  gint64                last_input;
  guint                 lock_timeout;
  ThUnlockGate          gate;
};

G_DEFINE_FINAL_TYPE (ThWindow, th_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *page (ThWindow *self, const char *name);

static guint
default_months (ThWindow *self)
{
  return g_settings_get_uint (self->settings, "refresher-months");
}

/* TRUE if the curriculum is in; otherwise @then runs when it is. */
static gboolean
have_catalog (ThWindow  *self,
              void     (*then) (ThWindow *self))
{
  self->when_catalog = self->catalog ? NULL : then;
  return self->catalog != NULL;
}

static void
show_home (ThWindow *self)
{
  if (self->learner == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "profiles");
      return;
    }
  if (!have_catalog (self, show_home))
    return;
  th_home_page_show (TH_HOME_PAGE (page (self, "home")), self->store, self->catalog, self->learner,
                     default_months (self));
  gtk_stack_set_visible_child_name (self->stack, "home");
}

static void
on_learner_chosen (ThWindow  *self,
                   ThLearner *learner)
{
  g_set_object (&self->learner, learner);
  show_home (self);
}

static gboolean
has_open_attempt (ThWindow *self,
                  ThModule *module)
{
  return self->store && self->learner &&
         th_store_find_open_attempt (self->store, th_learner_get_id (self->learner),
                                     th_module_get_id (module), NULL, NULL, NULL) != 0;
}

static void
on_module_activated (ThWindow *self,
                     ThModule *module)
{
  th_lesson_view_show (TH_LESSON_VIEW (page (self, "lesson")), module, has_open_attempt (self, module));
  gtk_stack_set_visible_child_name (self->stack, "lesson");
}

/* Resumes the learner's unfinished attempt at @module, or starts one. */
static void
start_quiz (ThWindow *self,
            ThModule *module,
            gboolean  resume)
{
  g_autoptr(ThQuizSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gint64 learner_id;

  if (self->store == NULL || self->learner == NULL)
    return;
  learner_id = th_learner_get_id (self->learner);
  if (resume)
    session = th_quiz_session_resume (self->store, learner_id, module, &error);
  if (session == NULL && error == NULL)
    session = th_quiz_session_start (self->store, learner_id, module, TH_ATTEMPT_FULL, NULL, &error);
  if (session == NULL)
    {
      th_window_show_error (self, _("The Quiz Cannot Start"), error->message);
      return;
    }
  th_quiz_view_show (TH_QUIZ_VIEW (page (self, "quiz")), session);
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "summary"))
    gtk_stack_set_visible_child_name (self->stack, "quiz");
}

static void
on_start_quiz (ThWindow *self,
               ThModule *module)
{
  start_quiz (self, module, TRUE);
}

/* An unfinished refresher (or quiz) is resumed; otherwise a new refresher
 * draws its own selection. */
static void
on_refresher_requested (ThWindow *self,
                        ThModule *module)
{
  g_autoptr(ThQuizSession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (has_open_attempt (self, module))
    {
      start_quiz (self, module, TRUE);
      return;
    }
  session = th_quiz_session_start_refresher (self->store, th_learner_get_id (self->learner),
                                             module, g_random_int (), &error);
  if (session == NULL)
    {
      th_window_show_error (self, _("The Refresher Cannot Start"), error->message);
      return;
    }
  th_quiz_view_show (TH_QUIZ_VIEW (page (self, "quiz")), session);
  gtk_stack_set_visible_child_name (self->stack, "quiz");
}

static void
on_retry (ThWindow *self,
          ThModule *module)
{
  start_quiz (self, module, FALSE);
}

static void
on_quiz_finished (ThWindow      *self,
                  ThQuizSession *session)
{
  g_autoptr(ThImprovement) improvement = NULL;
  g_autoptr(GError) error = NULL;

  if (!th_quiz_session_finish (session, &improvement, &error))
    {
      th_window_show_error (self, _("The Result Could Not Be Saved"), error->message);
      return;
    }
  th_summary_view_show (TH_SUMMARY_VIEW (page (self, "summary")), session, improvement);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

typedef struct
{
  ThWindow *self;
  guint     generation;
} MatrixLoad;

static void load_matrix (ThWindow *self, MatrixReady ready);

static void
on_matrix_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MatrixLoad *load = user_data;
  g_autoptr(ThWindow) self = load->self;
  g_autoptr(GError) error = NULL;
  ThCompletionMatrix *matrix = th_completion_matrix_load_finish (result, &error);
  MatrixReady ready = self->matrix_ready;
  gboolean current = load->generation == self->matrix_generation;

  g_free (load);
  if (!current)
    {
      /* Locked while it loaded: nothing to show, nothing to keep. */
      g_clear_object (&matrix);
      return;
    }
  self->matrix_loading = FALSE;
  self->matrix_ready = NULL;
  if (matrix == NULL)
    {
      self->matrix_stale = FALSE;
      /* A read ahead of unlocking says nothing; the next read will. */
      if (ready != NULL)
        th_window_show_error (self, _("The Records Cannot Be Read"), error->message);
      return;
    }
  if (self->matrix_stale)
    {
      self->matrix_stale = FALSE;
      g_object_unref (matrix);
      load_matrix (self, ready);
      return;
    }
  g_clear_object (&self->matrix);
  self->matrix = matrix;
  if (ready != NULL)
    ready (self);
}

/* Reads the matrix off the interface thread; then @ready, if given, shows
 * it. A read under way may predate what asks for this one: it is read
 * again when it comes in. */
static void
load_matrix (ThWindow    *self,
             MatrixReady  ready)
{
  MatrixLoad *load;

  self->matrix_ready = ready;
  if (self->matrix_loading)
    {
      self->matrix_stale = TRUE;
      return;
    }
  load = g_new (MatrixLoad, 1);
  load->self = g_object_ref (self);
  load->generation = self->matrix_generation;
  self->matrix_loading = TRUE;
  th_completion_matrix_load_async (self->store, self->catalog, default_months (self), NULL,
                                   on_matrix_loaded, load);
}

static void
present_supervisor_view (ThWindow *self)
{
  if (self->supervisor_id == 0)
    return;
  th_supervisor_view_show (TH_SUPERVISOR_VIEW (page (self, "supervisor")), self->matrix, self->supervisor_name);
  gtk_stack_set_visible_child_name (self->stack, "supervisor");
}

static void
show_supervisor_view (ThWindow *self)
{
  if (self->supervisor_id == 0)
    return;
  if (have_catalog (self, show_supervisor_view))
    load_matrix (self, present_supervisor_view);
}

/* Just unlocked: the matrix read while the passphrase was typed and
 * checked, if it is in; otherwise as soon as it is. */
static void
show_prefetched_supervisor_view (ThWindow *self)
{
  if (self->matrix_loading)
    self->matrix_ready = present_supervisor_view;
  else if (self->matrix != NULL)
    present_supervisor_view (self);
  else
    show_supervisor_view (self);
}

/* Every dialog over the window goes with the lock: left open, one would
 * let whoever comes next add a supervisor, change the periods, or read a
 * learner's records in a confirmation. */
static void
close_dialogs (ThWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == GTK_WINDOW (self))
        g_ptr_array_add (dialogs, g_object_ref (toplevel));
    }
  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_destroy (dialogs->pdata[i]);
}

/* What a locked desk forgets: the supervisor, every learner's records and
 * anything waiting to show them. */
static void
forget_supervision (ThWindow *self)
{
  GtkWidget *view = gtk_stack_get_child_by_name (self->stack, "supervisor");
  GtkWidget *detail = gtk_stack_get_child_by_name (self->stack, "learner-detail");

  self->supervisor_id = 0;
  g_clear_pointer (&self->supervisor_name, g_free);
  g_clear_object (&self->matrix);
  self->when_catalog = NULL;
  close_dialogs (self);
  if (view != NULL)
    th_supervisor_view_clear (TH_SUPERVISOR_VIEW (view));
  if (detail != NULL)
    th_learner_detail_clear (TH_LEARNER_DETAIL (detail));
  /* A matrix still being read is dropped when it comes in. */
  self->matrix_generation++;
  self->matrix_loading = FALSE;
  self->matrix_stale = FALSE;
  self->matrix_ready = NULL;
}

static void
lock (ThWindow *self)
{
  forget_supervision (self);
  g_clear_handle_id (&self->lock_timeout, g_source_remove);
  g_clear_object (&self->learner);
  th_profiles_page_reload (self->profiles_page);
  gtk_stack_set_visible_child_name (self->stack, "profiles");
}

static gboolean
check_idle (gpointer user_data)
{
  ThWindow *self = user_data;

  if (g_get_monotonic_time () - self->last_input < (gint64) LOCK_AFTER_SECONDS * G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;
  self->lock_timeout = 0;
  lock (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_input (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          ThWindow                 *self)
{
  self->last_input = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static void
on_unlocked (ThUnlockDialog *dialog,
             gint64          supervisor_id,
             const char     *name,
             ThWindow       *self)
{
  /* A learner's session ends when a supervisor takes over the desk. */
  g_clear_object (&self->learner);
  self->supervisor_id = supervisor_id;
  g_free (self->supervisor_name);
  self->supervisor_name = g_strdup (name);
  self->last_input = g_get_monotonic_time ();
  g_clear_handle_id (&self->lock_timeout, g_source_remove);
  self->lock_timeout = g_timeout_add_seconds (15, check_idle, self);
  show_prefetched_supervisor_view (self);
}

static void
supervisor_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  ThUnlockDialog *dialog;

  if (self->store == NULL)
    return;
  if (self->supervisor_id != 0)
    {
      show_supervisor_view (self);
      return;
    }
  /* Read while the passphrase is typed and checked (kept in memory only,
   * shown once unlocked, dropped on locking): with thousands of learners
   * it takes a moment. */
  g_clear_object (&self->matrix);
  if (self->catalog != NULL)
    load_matrix (self, NULL);
  dialog = th_unlock_dialog_new (GTK_WINDOW (self), self->store, &self->gate);
  g_signal_connect_object (dialog, "unlocked", G_CALLBACK (on_unlocked), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Presents a supervisor's @dialog, where typing also keeps the desk from
 * locking itself. */
static void
present_supervisor_window (ThWindow  *self,
                           GtkWindow *dialog)
{
  GtkEventController *input = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
  g_signal_connect_object (input, "event", G_CALLBACK (on_input), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (dialog), input);
  gtk_window_present (dialog);
}

static void
add_supervisor_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ThWindow *self = TH_WINDOW (widget);

  if (self->supervisor_id != 0)
    present_supervisor_window (self, GTK_WINDOW (th_unlock_dialog_new_for_adding (GTK_WINDOW (self), self->store)));
}

/* The matrix shows the new expiries once the periods are set. */
static void
on_periods_closed (ThWindow *self)
{
  show_supervisor_view (self);
}

static void
refresher_periods_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  ThRefresherPeriods *periods;

  if (self->supervisor_id == 0 || self->catalog == NULL)
    return;
  periods = th_refresher_periods_new (GTK_WINDOW (self), self->store, self->catalog, default_months (self));
  g_signal_connect_object (periods, "destroy", G_CALLBACK (on_periods_closed), self, G_CONNECT_SWAPPED);
  present_supervisor_window (self, GTK_WINDOW (periods));
}

static void
lock_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lock (TH_WINDOW (widget));
}

static void
on_learner_activated (ThWindow *self,
                      gint64    learner_id)
{
  if (self->supervisor_id == 0)
    return;
  self->detail_learner = learner_id;
  th_learner_detail_show (TH_LEARNER_DETAIL (page (self, "learner-detail")), self->store, self->catalog, self->matrix,
                          learner_id, self->supervisor_id, default_months (self));
  gtk_stack_set_visible_child_name (self->stack, "learner-detail");
}

static void
on_learner_deleted (ThWindow *self)
{
  show_supervisor_view (self);
}

static void
show_detail_again (ThWindow *self)
{
  on_learner_activated (self, self->detail_learner);
}

static void
on_learner_changed (ThWindow *self)
{
  /* A confirmation answered after the desk locked reads nothing. */
  if (self->supervisor_id != 0)
    load_matrix (self, show_detail_again);
}

static void
home_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  show_home (TH_WINDOW (widget));
}

static void
switch_profile_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  lock (TH_WINDOW (widget));
}

/* The pages after the profiles are made when first shown: building all
 * seven kept the first window waiting for six it does not show. */
static const struct
{
  const char *name;
  GType     (*get_type) (void);
  struct { const char *signal; GCallback handler; } signals[2];
} lazy_pages[] = {
  { "home", th_home_page_get_type, { { "module-activated", G_CALLBACK (on_module_activated) },
                                     { "refresher-requested", G_CALLBACK (on_refresher_requested) } } },
  { "lesson", th_lesson_view_get_type, { { "start-quiz", G_CALLBACK (on_start_quiz) } } },
  { "quiz", th_quiz_view_get_type, { { "finished", G_CALLBACK (on_quiz_finished) } } },
  { "summary", th_summary_view_get_type, { { "retry", G_CALLBACK (on_retry) } } },
  { "supervisor", th_supervisor_view_get_type, { { "learner-activated", G_CALLBACK (on_learner_activated) } } },
  { "learner-detail", th_learner_detail_get_type, { { "changed", G_CALLBACK (on_learner_changed) },
                                                    { "deleted", G_CALLBACK (on_learner_deleted) } } },
};

/* The page called @name, made now if it is the first time. */
static GtkWidget *
page (ThWindow   *self,
      const char *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->stack, name);

  for (guint i = 0; child == NULL && i < G_N_ELEMENTS (lazy_pages); i++)
    {
      if (!g_str_equal (lazy_pages[i].name, name))
        continue;
      child = g_object_new (lazy_pages[i].get_type (), NULL);
      for (guint j = 0; j < G_N_ELEMENTS (lazy_pages[i].signals) && lazy_pages[i].signals[j].signal; j++)
        g_signal_connect_swapped (child, lazy_pages[i].signals[j].signal, lazy_pages[i].signals[j].handler, self);
      gtk_stack_add_named (self->stack, child, name);
    }
  g_assert (child != NULL);
  return child;
}

static void
th_window_dispose (GObject *object)
{
  ThWindow *self = (ThWindow *)object;

  /* A matrix or a curriculum still on its way finds nothing to show. */
  self->matrix_generation++;
  self->when_catalog = NULL;
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->learner);
  g_clear_object (&self->settings);
  g_clear_object (&self->matrix);
  g_clear_pointer (&self->supervisor_name, g_free);
  g_clear_handle_id (&self->lock_timeout, g_source_remove);

  G_OBJECT_CLASS (th_window_parent_class)->dispose (object);
}

static void
th_window_class_init (ThWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_window_dispose;

  g_type_ensure (TH_TYPE_PROFILES_PAGE);
  g_type_ensure (TH_TYPE_HOME_PAGE);
  g_type_ensure (TH_TYPE_LESSON_VIEW);
  g_type_ensure (TH_TYPE_QUIZ_VIEW);
  g_type_ensure (TH_TYPE_SUMMARY_VIEW);
  g_type_ensure (TH_TYPE_SUPERVISOR_VIEW);
  g_type_ensure (TH_TYPE_LEARNER_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ThWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, profiles_page);
  gtk_widget_class_bind_template_callback (widget_class, on_learner_chosen);

  gtk_widget_class_install_action (widget_class, "win.home", NULL, home_activated);
  gtk_widget_class_install_action (widget_class, "win.switch-profile", NULL, switch_profile_activated);
  gtk_widget_class_install_action (widget_class, "win.supervisor", NULL, supervisor_activated);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_activated);
  gtk_widget_class_install_action (widget_class, "win.add-supervisor", NULL, add_supervisor_activated);
  gtk_widget_class_install_action (widget_class, "win.refresher-periods", NULL, refresher_periods_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.home", NULL);
}

static void
th_window_init (ThWindow *self)
{
  GtkEventController *input = gtk_event_controller_legacy_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
  g_signal_connect (input, "event", G_CALLBACK (on_input), self);
  gtk_widget_add_controller (GTK_WIDGET (self), input);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

ThWindow *
th_window_new (GtkApplication *application)
{
  return g_object_new (TH_TYPE_WINDOW, "application", application, NULL);
}

/* The curriculum, once read; until then the profiles page needs none. */
void
th_window_set_catalog (ThWindow  *self,
                       ThCatalog *catalog)
{
  void (*then) (ThWindow *self) = self->when_catalog;

  g_return_if_fail (TH_IS_WINDOW (self));
  g_return_if_fail (TH_IS_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
  self->when_catalog = NULL;
  if (then != NULL)
    then (self);
}

/* A workstation with one profile and no PIN opens straight onto it. */
static void
choose_start_page (ThWindow *self)
{
  g_autoptr(GListModel) learners = self->store ? th_store_list_learners (self->store, 2, NULL) : NULL;
  g_autoptr(ThLearner) only = NULL;

  if (learners != NULL && g_list_model_get_n_items (learners) == 1)
    only = g_list_model_get_item (learners, 0);
  if (only != NULL && !th_learner_get_has_pin (only))
    on_learner_chosen (self, only);
  else
    gtk_stack_set_visible_child_name (self->stack, "profiles");
}

/* Called when the store opens, and again if it is recovered. */
void
th_window_set_store (ThWindow *self,
                     ThStore  *store)
{
  g_return_if_fail (TH_IS_WINDOW (self));

  g_set_object (&self->store, store);
  g_clear_object (&self->learner);
  th_profiles_page_set_store (self->profiles_page, store);
  choose_start_page (self);
}

void
th_window_show_error (ThWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (TH_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
