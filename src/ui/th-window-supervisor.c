/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-window"

#include "config.h"

#include <glib/gi18n.h>

#include "th-completion-matrix.h"
#include "th-insights-page.h"
#include "th-learner-detail.h"
#include "th-supervisor-view.h"
#include "th-unlock-dialog.h"
#include "th-window-private.h"

/* The supervisor's session: a passphrase opens it, the lock or time
 * without input closes it, and closing forgets every learner's records so
 * that whoever comes next to the desk sees none. */

/* Supervisor mode locks itself after this long without input. */
#define LOCK_AFTER_SECONDS (5 * 60)

/* A read of the matrix on its way; one begun before the last lock is
 * dropped when it comes in. */
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

  g_assert (TH_IS_WINDOW (self));

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
  th_completion_matrix_load_async (self->store, self->catalog, th_window_default_months (self),
                                   NULL, on_matrix_loaded, load);
}

static void
present_supervisor_view (ThWindow *self)
{
  if (self->supervisor_id == 0)
    return;
  th_supervisor_view_show (TH_SUPERVISOR_VIEW (th_window_page (self, "supervisor")), self->matrix,
                           self->supervisor_name);
  gtk_stack_set_visible_child_name (self->stack, "supervisor");
}

static void
on_first_page_loaded (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  MatrixLoad *load = user_data;
  g_autoptr(ThWindow) self = load->self;
  g_autoptr(ThCompletionMatrix) page = th_completion_matrix_load_finish (result, NULL);
  gboolean current = load->generation == self->matrix_generation;

  g_free (load);
  /* Locked meanwhile, everyone came first, or the page could not be read
   * (the whole read says why, if it cannot be read either). */
  if (!current || page == NULL || !self->matrix_loading || self->matrix_ready != present_supervisor_view)
    return;
  th_supervisor_view_show (TH_SUPERVISOR_VIEW (th_window_page (self, "supervisor")), page,
                           self->supervisor_name);
  gtk_stack_set_visible_child_name (self->stack, "supervisor");
}

/* While everyone is read for a view with nothing to show yet, a
 * screenful: the first learners by name, read on their own in a fraction
 * of the time. The whole matrix then takes its place. */
static void
show_first_page_meanwhile (ThWindow *self)
{
  ThSupervisorView *view = TH_SUPERVISOR_VIEW (th_window_page (self, "supervisor"));
  MatrixLoad *load;

  if (!self->matrix_loading || self->matrix_ready != present_supervisor_view || th_supervisor_view_has_rows (view))
    return;
  load = g_new (MatrixLoad, 1);
  load->self = g_object_ref (self);
  load->generation = self->matrix_generation;
  th_completion_matrix_load_first_async (self->store, self->catalog, th_window_default_months (self),
                                         th_supervisor_view_get_screenful (view), NULL, on_first_page_loaded, load);
}

void
th_window_show_supervisor_view (ThWindow *self)
{
  if (self->supervisor_id == 0)
    return;
  if (!th_window_have_catalog (self, th_window_show_supervisor_view))
    return;
  load_matrix (self, present_supervisor_view);
  show_first_page_meanwhile (self);
}

/* What the team finds hard, read afresh each time it is shown. */
void
th_window_show_insights (ThWindow *self)
{
  if (self->supervisor_id == 0)
    return;
  if (!th_window_have_catalog (self, th_window_show_insights))
    return;
  th_insights_page_show (TH_INSIGHTS_PAGE (th_window_page (self, "insights")), self->store, self->catalog);
  gtk_stack_set_visible_child_name (self->stack, "insights");
}

/* Just unlocked: the matrix read while the passphrase was typed and
 * checked, if it is in; otherwise as soon as it is. */
static void
show_prefetched_supervisor_view (ThWindow *self)
{
  if (self->matrix_loading)
    {
      self->matrix_ready = present_supervisor_view;
      show_first_page_meanwhile (self);
    }
  else if (self->matrix != NULL)
    present_supervisor_view (self);
  else
    th_window_show_supervisor_view (self);
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
  GtkWidget *insights = gtk_stack_get_child_by_name (self->stack, "insights");

  self->supervisor_id = 0;
  g_clear_pointer (&self->supervisor_name, g_free);
  g_clear_object (&self->matrix);
  self->when_catalog = NULL;
  close_dialogs (self);
  if (view != NULL)
    th_supervisor_view_clear (TH_SUPERVISOR_VIEW (view));
  if (detail != NULL)
    th_learner_detail_clear (TH_LEARNER_DETAIL (detail));
  if (insights != NULL)
    th_insights_page_clear (TH_INSIGHTS_PAGE (insights));
  /* A matrix still being read is dropped when it comes in. */
  self->matrix_generation++;
  self->matrix_loading = FALSE;
  self->matrix_stale = FALSE;
  self->matrix_ready = NULL;
}

void
th_window_lock (ThWindow *self)
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

  g_assert (TH_IS_WINDOW (self));

  if (g_get_monotonic_time () - self->last_input < (gint64) LOCK_AFTER_SECONDS * G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;
  self->lock_timeout = 0;
  th_window_lock (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_input (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          ThWindow                 *self)
{
  g_assert (TH_IS_WINDOW (self));

  self->last_input = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static void
on_unlocked (ThUnlockDialog *dialog,
             gint64          supervisor_id,
             const char     *name,
             ThWindow       *self)
{
  g_assert (TH_IS_WINDOW (self));

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

/* Asks for a supervisor's passphrase; the session begins once it is
 * checked. */
void
th_window_unlock (ThWindow *self)
{
  ThUnlockDialog *dialog;

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
void
th_window_present_supervisor_window (ThWindow  *self,
                                     GtkWindow *dialog)
{
  GtkEventController *input = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
  g_signal_connect_object (input, "event", G_CALLBACK (on_input), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (dialog), input);
  gtk_window_present (dialog);
}

void
th_window_on_learner_activated (ThWindow *self,
                                gint64    learner_id)
{
  g_assert (TH_IS_WINDOW (self));

  if (self->supervisor_id == 0)
    return;
  self->detail_learner = learner_id;
  th_learner_detail_show (TH_LEARNER_DETAIL (th_window_page (self, "learner-detail")), self->store,
                          self->catalog, self->matrix, learner_id, self->supervisor_id,
                          th_window_default_months (self));
  gtk_stack_set_visible_child_name (self->stack, "learner-detail");
}

void
th_window_on_learner_deleted (ThWindow *self)
{
  g_assert (TH_IS_WINDOW (self));

  th_window_show_supervisor_view (self);
}

static void
show_detail_again (ThWindow *self)
{
  th_window_on_learner_activated (self, self->detail_learner);
}

void
th_window_on_learner_changed (ThWindow *self)
{
  g_assert (TH_IS_WINDOW (self));

  /* A confirmation answered after the desk locked reads nothing. */
  if (self->supervisor_id != 0)
    load_matrix (self, show_detail_again);
}

/* Any input on the window keeps the desk from locking itself. */
void
th_window_supervisor_init (ThWindow *self)
{
  GtkEventController *input = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
  g_signal_connect (input, "event", G_CALLBACK (on_input), self);
  gtk_widget_add_controller (GTK_WIDGET (self), input);
}
