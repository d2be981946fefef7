/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-window"

#include "config.h"

#include <glib/gi18n.h>

#include "th-home-page.h"
#include "th-insights-page.h"
#include "th-learner-detail.h"
#include "th-lesson-view.h"
#include "th-profiles-page.h"
#include "th-quiz-view.h"
#include "th-summary-view.h"
#include "th-supervisor-view.h"
#include "th-window-private.h"

G_DEFINE_FINAL_TYPE (ThWindow, th_window, ADW_TYPE_APPLICATION_WINDOW)

guint
th_window_default_months (ThWindow *self)
{
  return g_settings_get_uint (self->settings, "refresher-months");
}

/* TRUE if the curriculum is in; otherwise @then runs when it is. */
gboolean
th_window_have_catalog (ThWindow  *self,
                        void     (*then) (ThWindow *self))
{
  self->when_catalog = self->catalog ? NULL : then;
  return self->catalog != NULL;
}

/* The learning path while the curriculum is still being read: whose it
 * is and that the modules are on their way, with nothing to press that
 * would lead elsewhere. Made the first time it is needed, so that a start
 * on the profiles page builds none of it. */
static GtkWidget *
create_loading_page (ThWindow *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  self->loading_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Learning Path"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->loading_title));
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Loading the Modules…"));
  gtk_widget_set_vexpand (status, TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Loading the Modules…"), -1);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), spinner);
  gtk_box_append (GTK_BOX (page), header);
  gtk_box_append (GTK_BOX (page), status);
  return page;
}

static void
show_loading (ThWindow *self)
{
  if (self->loading_title == NULL)
    gtk_stack_add_named (self->stack, create_loading_page (self), "loading");
  adw_window_title_set_subtitle (self->loading_title, th_learner_get_display_name (self->learner));
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
th_window_show_home (ThWindow *self)
{
  if (self->learner == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "profiles");
      return;
    }
  if (!th_window_have_catalog (self, th_window_show_home))
    {
      show_loading (self);
      return;
    }
  th_home_page_show (TH_HOME_PAGE (th_window_page (self, "home")), self->store, self->catalog,
                     self->learner, th_window_default_months (self));
  gtk_stack_set_visible_child_name (self->stack, "home");
}

static void
on_learner_chosen (ThWindow  *self,
                   ThLearner *learner)
{
  g_assert (TH_IS_WINDOW (self));

  g_set_object (&self->learner, learner);
  th_window_show_home (self);
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
  g_assert (TH_IS_WINDOW (self));

  th_lesson_view_show (TH_LESSON_VIEW (th_window_page (self, "lesson")), module,
                       has_open_attempt (self, module));
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
  th_quiz_view_show (TH_QUIZ_VIEW (th_window_page (self, "quiz")), session);
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "summary"))
    gtk_stack_set_visible_child_name (self->stack, "quiz");
}

/* The lesson's Resume and Take the Quiz, and the learning path's Resume
 * Quiz, which goes straight to the moment to answer. */
static void
on_start_quiz (ThWindow *self,
               ThModule *module)
{
  g_assert (TH_IS_WINDOW (self));

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

  g_assert (TH_IS_WINDOW (self));

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
  th_quiz_view_show (TH_QUIZ_VIEW (th_window_page (self, "quiz")), session);
  gtk_stack_set_visible_child_name (self->stack, "quiz");
}

static void
on_retry (ThWindow *self,
          ThModule *module)
{
  g_assert (TH_IS_WINDOW (self));

  start_quiz (self, module, FALSE);
}

static void
on_quiz_finished (ThWindow      *self,
                  ThQuizSession *session)
{
  g_autoptr(ThImprovement) improvement = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (TH_IS_WINDOW (self));

  if (!th_quiz_session_finish (session, &improvement, &error))
    {
      th_window_show_error (self, _("The Result Could Not Be Saved"), error->message);
      return;
    }
  th_summary_view_show (TH_SUMMARY_VIEW (th_window_page (self, "summary")), session, improvement);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

/* A workstation with one profile and no PIN opens straight onto it: on
 * its learning path, loading if need be, from the first frame on, so
 * that no click lands on a profiles page about to go. */
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

/* The pages after the profiles are made when first shown: building all
 * seven kept the first window waiting for six it does not show. */
static const struct
{
  const char *name;
  GType     (*get_type) (void);
  struct { const char *signal; GCallback handler; } signals[3];
} lazy_pages[] = {
  { "home", th_home_page_get_type, { { "module-activated", G_CALLBACK (on_module_activated) },
                                     { "refresher-requested", G_CALLBACK (on_refresher_requested) },
                                     { "resume-requested", G_CALLBACK (on_start_quiz) } } },
  { "lesson", th_lesson_view_get_type, { { "start-quiz", G_CALLBACK (on_start_quiz) } } },
  { "quiz", th_quiz_view_get_type, { { "finished", G_CALLBACK (on_quiz_finished) } } },
  { "summary", th_summary_view_get_type, { { "retry", G_CALLBACK (on_retry) } } },
  { "supervisor", th_supervisor_view_get_type,
    { { "learner-activated", G_CALLBACK (th_window_on_learner_activated) } } },
  { "learner-detail", th_learner_detail_get_type,
    { { "changed", G_CALLBACK (th_window_on_learner_changed) },
      { "deleted", G_CALLBACK (th_window_on_learner_deleted) } } },
  { "insights", th_insights_page_get_type, { { NULL, NULL } } },
};

/* The page called @name, made now if it is the first time. */
GtkWidget *
th_window_page (ThWindow   *self,
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
  th_window_records_stop (self);
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

  th_window_class_actions_init (widget_class);
}

static void
th_window_init (ThWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  th_window_supervisor_init (self);

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

/* The curriculum, once read; until then the profiles page needs none,
 * and the learning path says it is loading. */
void
th_window_set_catalog (ThWindow  *self,
                       ThCatalog *catalog)
{
  void (*then) (ThWindow *self) = self->when_catalog;

  g_return_if_fail (TH_IS_WINDOW (self));
  g_return_if_fail (TH_IS_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
  self->when_catalog = NULL;
  th_window_records_update (self);
  if (then != NULL)
    then (self);
}

/* Called when the store opens, and again if it is recovered. */
void
th_window_set_store (ThWindow *self,
                     ThStore  *store)
{
  g_return_if_fail (TH_IS_WINDOW (self));

  g_set_object (&self->store, store);
  g_clear_object (&self->learner);
  th_window_records_update (self);
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
