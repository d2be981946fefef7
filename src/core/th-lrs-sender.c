/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-lrs"

#include "config.h"

#include <glib/gi18n.h>

#include "th-lrs-sender.h"
#include "th-store-statements.h"
#include "th-task.h"

#define ROUND_SECONDS     (10 * 60)   /* between automatic rounds */
#define FIRST_RETRY       30
#define LAST_RETRY        (30 * 60)

struct _ThLrsSender
{
  GObject    parent_instance;

  char      *database;
  ThCatalog *catalog;

  guint      timeout;        /* of the next automatic round, or 0 */
  guint      retry;          /* seconds until the next try after a failure, or 0 */
  gboolean   running;        /* an automatic round is under way */
  GCancellable *cancellable; /* of the automatic rounds */
};

G_DEFINE_FINAL_TYPE (ThLrsSender, th_lrs_sender, G_TYPE_OBJECT)

enum { ROUND_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
th_lrs_sender_dispose (GObject *object)
{
  ThLrsSender *self = TH_LRS_SENDER (object);

  th_lrs_sender_stop (self);
  g_clear_object (&self->catalog);
  G_OBJECT_CLASS (th_lrs_sender_parent_class)->dispose (object);
}

static void
th_lrs_sender_finalize (GObject *object)
{
  ThLrsSender *self = TH_LRS_SENDER (object);

  g_free (self->database);
  G_OBJECT_CLASS (th_lrs_sender_parent_class)->finalize (object);
}

static void
th_lrs_sender_class_init (ThLrsSenderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = th_lrs_sender_dispose;
  object_class->finalize = th_lrs_sender_finalize;

  /**
   * ThLrsSender::round-finished:
   * @report: (type gpointer): the round's ThSyncReport
   * @error: (type gpointer) (nullable): the GError that ended it early
   *
   * Emitted on the main thread after each automatic round.
   */
  signals[ROUND_FINISHED] = g_signal_new ("round-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_POINTER);
}

static void
th_lrs_sender_init (ThLrsSender *self)
{
}

/**
 * th_lrs_sender_new:
 * @database: the progress database's path: each round opens it anew on
 *   its worker
 */
ThLrsSender *
th_lrs_sender_new (const char *database,
                   ThCatalog  *catalog)
{
  ThLrsSender *self = g_object_new (TH_TYPE_LRS_SENDER, NULL);

  self->database = g_strdup (database);
  self->catalog = g_object_ref (catalog);
  return self;
}

typedef struct _Round Round;

/* What a worker does with the LRS module once it is loaded. */
typedef void (*RoundStep) (const ThLrsFuncs  *lrs,
                           Round             *round,
                           GCancellable      *cancellable,
                           GError           **error);

/* What a round needs, copied for its worker. */
struct _Round
{
  RoundStep    step;
  char        *database;
  ThCatalog   *catalog;
  char        *endpoint;   /* for a check; NULL for a round */
  char        *key;
  char        *secret;
  ThSyncReport report;
};

static void
round_free (Round *round)
{
  g_free (round->database);
  g_clear_object (&round->catalog);
  g_free (round->endpoint);
  g_free (round->key);
  if (round->secret != NULL)
    memset (round->secret, 0, strlen (round->secret));
  g_free (round->secret);
  g_free (round);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Round, round_free)

/* Only a supervisor's workstation reads the organisation's records back:
 * the others would show every colleague's profile at the front desk. */
static gboolean
reads_back (ThStore  *store,
            GError  **error)
{
  g_autofree char *fetch = th_store_dup_setting (store, TH_STORE_LRS_FETCH_KEY, error);

  return g_strcmp0 (fetch, "1") == 0;
}

/* Ends a worker's task: with @error, or done. */
static void
return_outcome (GTask  *task,
                GError *error)
{
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, GINT_TO_POINTER (TRUE), NULL);
}

/* Loads the LRS module on the worker and runs the round's step with it. */
static void
run_step (GTask        *task,
          gpointer      source_object,
          gpointer      task_data,
          GCancellable *cancellable)
{
  Round *round = task_data;
  g_autoptr(GError) error = NULL;
  const ThLrsFuncs *lrs = th_lrs_module_get (&error);

  if (lrs != NULL)
    round->step (lrs, round, cancellable, &error);
  return_outcome (task, g_steal_pointer (&error));
}

/* Runs @step on a worker with @round, which the task then owns. */
static void
run_task (ThLrsSender         *self,
          Round               *round,
          gpointer             source_tag,
          RoundStep            step,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  round->step = step;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, round, (GDestroyNotify) round_free);
  th_task_run_in_thread (task, run_step);
}

static void
sync_step (const ThLrsFuncs  *lrs,
           Round             *round,
           GCancellable      *cancellable,
           GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ThStore) store = th_store_open (round->database, error);
  g_autoptr(ThXapiProfile) profile = store ? th_xapi_profile_new_for_store (store, round->catalog, error) : NULL;
  gboolean fetch;

  if (profile == NULL)
    return;
  fetch = reads_back (store, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    lrs->round (store, profile, fetch, &round->report, cancellable, error);
}

/**
 * th_lrs_sender_sync_async:
 *
 * Sends the outbox and, where the settings ask for it
 * (%TH_STORE_LRS_FETCH_KEY), fetches the organisation's statements, on a
 * worker. A database with no LRS set up finishes at once with nothing
 * done.
 */
void
th_lrs_sender_sync_async (ThLrsSender         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Round *round = g_new0 (Round, 1);

  round->database = g_strdup (self->database);
  round->catalog = g_object_ref (self->catalog);
  run_task (self, round, th_lrs_sender_sync_async, sync_step, cancellable, callback, user_data);
}

/**
 * th_lrs_sender_sync_finish:
 * @report: (out): what the round sent, refused and fetched, even when it
 *   ended early
 */
gboolean
th_lrs_sender_sync_finish (ThLrsSender   *self,
                           GAsyncResult  *result,
                           ThSyncReport  *report,
                           GError       **error)
{
  Round *round = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) local_error = NULL;

  th_task_propagate_pointer (G_TASK (result), &local_error);
  *report = round->report;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
check_step (const ThLrsFuncs  *lrs,
            Round             *round,
            GCancellable      *cancellable,
            GError           **error)
{
  lrs->check (round->endpoint, round->key, round->secret, cancellable, error);
}

/**
 * th_lrs_sender_check_async:
 * @secret: (nullable): a new secret, or %NULL (or empty) for the one in
 *   the keyring
 *
 * Tries the connection on a worker; when it works with a new @secret,
 * keeps that secret in the keyring.
 */
void
th_lrs_sender_check_async (ThLrsSender         *self,
                           const char          *endpoint,
                           const char          *key,
                           const char          *secret,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Round *round = g_new0 (Round, 1);

  round->endpoint = g_strdup (endpoint);
  round->key = g_strdup (key);
  round->secret = g_strdup (secret);
  run_task (self, round, th_lrs_sender_check_async, check_step, cancellable, callback, user_data);
}

gboolean
th_lrs_sender_check_finish (ThLrsSender   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return th_task_propagate_pointer (G_TASK (result), error) != NULL;
}

/* Automatic rounds */

static void schedule (ThLrsSender *self, guint seconds);

static void
round_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ThLrsSender *self = TH_LRS_SENDER (source);
  g_autoptr(GError) error = NULL;
  ThSyncReport report;

  th_lrs_sender_sync_finish (self, result, &report, &error);
  self->running = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Unreachable: try again later and later. Anything else (the
   * credentials, a refusal of the whole) waits for the next round. */
  if (g_error_matches (error, TH_LRS_ERROR, TH_LRS_ERROR_UNREACHABLE))
    self->retry = self->retry ? MIN (self->retry * 2, LAST_RETRY) : FIRST_RETRY;
  else
    self->retry = 0;
  if (error != NULL)
    g_debug ("The round ended early: %s", error->message);
  g_signal_emit (self, signals[ROUND_FINISHED], 0, &report, error);
  schedule (self, self->retry ? self->retry : ROUND_SECONDS);
}

static gboolean
start_round (gpointer user_data)
{
  ThLrsSender *self = user_data;

  self->timeout = 0;
  self->running = TRUE;
  th_lrs_sender_sync_async (self, self->cancellable, round_done, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule (ThLrsSender *self,
          guint        seconds)
{
  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->cancellable != NULL && !self->running)
    self->timeout = g_timeout_add_seconds (seconds, start_round, self);
}

/**
 * th_lrs_sender_start:
 *
 * Starts the automatic rounds: one in a few seconds, then every ten
 * minutes, or sooner after a failure to reach the LRS. Calling it again
 * (after the settings change) starts a round soon.
 */
void
th_lrs_sender_start (ThLrsSender *self)
{
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  self->retry = 0;
  schedule (self, 5);
}

void
th_lrs_sender_stop (ThLrsSender *self)
{
  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* Seconds until the next try after a failure to reach the LRS, or 0. */
guint
th_lrs_sender_get_retry_seconds (ThLrsSender *self)
{
  return self->retry;
}
