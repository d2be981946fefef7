/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-unlock-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "th-accessibility.h"
#include "th-password-row.h"
#include "th-secret.h"
#include "th-unlock-dialog.h"

/* Opens supervisor mode: the first supervisor sets a passphrase, later
 * ones unlock with theirs. Hashing takes a tenth of a second or more, so
 * it runs on a worker thread and the dialog stays responsive. */
struct _ThUnlockDialog
{
  AdwWindow      parent_instance;

  /* template widgets */
  AdwWindowTitle *title;
  GtkLabel       *explanation;
  AdwComboRow    *supervisor_row;
  AdwEntryRow    *name_row;
  ThPasswordRow  *passphrase_row;
  ThPasswordRow  *confirm_row;
  GtkLabel       *status_label;
  GtkButton      *unlock_button;

  /* borrowed references */
  ThUnlockGate   *gate;

  /* a supervisor adds another: the set-up form, with no unlocking */
  gboolean        adding;
  ThUnlockGate    own_gate;

  /* owned references */
  ThStore        *store;
  GPtrArray      *supervisors;  /* of ThSupervisor */
};

G_DEFINE_FINAL_TYPE (ThUnlockDialog, th_unlock_dialog, ADW_TYPE_WINDOW)

enum {
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker needs, its own: the dialog may close while it hashes.
 * The worker never touches the store: it hashes or checks, and the
 * dialog reads and writes the store on its own thread. */
typedef struct
{
  gint64   supervisor_id;
  char    *name;
  char    *passphrase;
  char    *hash;          /* read before checking; made when setting up */
  gboolean setting_up;
} Request;

static void
request_free (Request *request)
{
  g_free (request->name);
  if (request->passphrase != NULL)
    memset (request->passphrase, 0, strlen (request->passphrase));
  g_free (request->passphrase);
  g_free (request->hash);
  g_free (request);
}

/* Not when the supervisors could not be read: that is no reason to offer
 * a stranger a supervisor of their own. */
static gboolean
setting_up (ThUnlockDialog *self)
{
  return self->adding || (self->supervisors != NULL && self->supervisors->len == 0);
}

static void
show_status (ThUnlockDialog *self,
             const char     *message)
{
  gtk_label_set_text (self->status_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
set_busy (ThUnlockDialog *self,
          gboolean        busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), !busy);
}

/* Runs on a worker thread: argon2id, to set up or to check. */
static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;

  if (!request->setting_up)
    {
      g_task_return_boolean (task, request->hash != NULL &&
                                   th_secret_verify (request->hash, request->passphrase));
      return;
    }
  request->hash = th_secret_hash_passphrase (request->passphrase, &error);
  if (request->hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ThUnlockDialog *self = TH_UNLOCK_DIALOG (object);
  Request *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  guint wait;

  /* Closed while it hashed (the desk locked): nothing left to show. */
  if (self->store == NULL)
    return;
  set_busy (self, FALSE);
  if (ok && request->setting_up)
    request->supervisor_id = th_store_add_supervisor_with_hash (self->store, request->name,
                                                                request->hash, 0, &error);
  if (error != NULL)
    {
      show_status (self, error->message);
      return;
    }
  th_unlock_gate_record (self->gate, ok, g_get_monotonic_time ());
  if (ok)
    {
      if (!self->adding)
        g_signal_emit (self, signals[UNLOCKED], 0, request->supervisor_id, request->name);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  wait = th_unlock_gate_get_wait (self->gate, g_get_monotonic_time ());
  {
    g_autofree char *message = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "That passphrase is not right. Try again in %u second.",
                   "That passphrase is not right. Try again in %u seconds.", wait), wait);
    show_status (self, message);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
}

/* On the dialog's thread: what the worker needs, with the hash to check
 * against read from the store here. */
static Request *
read_request (ThUnlockDialog  *self,
              GError         **error)
{
  g_autoptr(Request) request = g_new0 (Request, 1);

  request->setting_up = setting_up (self);
  request->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
  if (request->setting_up)
    {
      request->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
      return g_steal_pointer (&request);
    }

  {
    ThSupervisor *chosen = g_ptr_array_index (self->supervisors,
                                              adw_combo_row_get_selected (self->supervisor_row));
    GError *local_error = NULL;

    request->supervisor_id = chosen->id;
    request->name = g_strdup (chosen->display_name);
    request->hash = th_store_dup_passphrase_hash (self->store, chosen->id, &local_error);
    if (local_error != NULL)
      {
        g_propagate_error (error, local_error);
        return NULL;
      }
  }
  return g_steal_pointer (&request);
}

static void
on_unlock_clicked (ThUnlockDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Request *request;
  guint wait = th_unlock_gate_get_wait (self->gate, g_get_monotonic_time ());

  if (wait > 0)
    {
      g_autofree char *message = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "Wait %u more second before trying again.",
                     "Wait %u more seconds before trying again.", wait), wait);
      show_status (self, message);
      return;
    }
  if (setting_up (self) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)),
                 gtk_editable_get_text (GTK_EDITABLE (self->confirm_row))) != 0)
    {
      show_status (self, _("The two passphrases are not the same"));
      return;
    }

  request = read_request (self, &error);
  if (request == NULL)
    {
      show_status (self, error->message);
      return;
    }
  show_status (self, NULL);
  set_busy (self, TRUE);
  task = g_task_new (self, NULL, on_checked, NULL);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, check_in_thread);
}

/* The supervisors could not be read: nothing opens, and nothing offers to
 * set supervisor mode up again. */
static void
refuse (ThUnlockDialog *self,
        const char     *reason)
{
  g_autofree char *message = g_strdup_printf (_("Supervisor mode cannot be opened, because the "
                                                "supervisors could not be read: %s"), reason);

  gtk_window_set_title (GTK_WINDOW (self), _("Supervisor Mode Unavailable"));
  adw_window_title_set_title (self->title, _("Supervisor Mode Unavailable"));
  gtk_label_set_text (self->explanation, message);
  gtk_widget_set_visible (GTK_WIDGET (self->supervisor_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->unlock_button), FALSE);
}

static void
fill (ThUnlockDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *title;

  self->supervisors = th_store_list_supervisors (self->store, &error);
  if (error != NULL && !self->adding)
    {
      refuse (self, error->message);
      return;
    }
  for (guint i = 0; self->supervisors && i < self->supervisors->len; i++)
    gtk_string_list_append (names, ((ThSupervisor *) self->supervisors->pdata[i])->display_name);
  adw_combo_row_set_model (self->supervisor_row, G_LIST_MODEL (names));

  gtk_widget_set_visible (GTK_WIDGET (self->supervisor_row), !setting_up (self));
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), setting_up (self));
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), setting_up (self));
  title = self->adding ? _("Add a Supervisor")
          : setting_up (self) ? _("Set Up Supervisor Mode")
          : _("Unlock Supervisor Mode");
  /* The window's title is what a screen reader says when it opens. */
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->title, title);
  gtk_label_set_text (self->explanation, self->adding
    ? _("The new supervisor chooses their own passphrase. They will see every learner’s records "
        "and can sign off onboarding.")
    : setting_up (self)
    ? _("Supervisor mode shows every learner’s records and signs off onboarding. Choose the "
        "passphrase that will guard it; only a hash of it is kept.")
    : _("Supervisor mode shows every learner’s records. Enter your passphrase."));
  gtk_button_set_label (self->unlock_button, self->adding ? _("_Add")
                                             : setting_up (self) ? _("_Set Up") : _("_Unlock"));
}

static void
th_unlock_dialog_dispose (GObject *object)
{
  ThUnlockDialog *self = (ThUnlockDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->supervisors, g_ptr_array_unref);

  G_OBJECT_CLASS (th_unlock_dialog_parent_class)->dispose (object);
}

static void
th_unlock_dialog_class_init (ThUnlockDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_unlock_dialog_dispose;

  /**
   * ThUnlockDialog::unlocked:
   * @supervisor_id: who unlocked
   * @name: their name
   */
  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  g_type_ensure (TH_TYPE_PASSWORD_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-unlock-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ThUnlockDialog, title);
  gtk_widget_class_bind_template_child (widget_class, ThUnlockDialog, explanation);
  gtk_widget_class_bind_template_child (widget_class, ThUnlockDialog, supervisor_row);
  gtk_widget_class_bind_template_child (widget_class, ThUnlockDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ThUnlockDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, ThUnlockDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, ThUnlockDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, ThUnlockDialog, unlock_button);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
th_unlock_dialog_init (ThUnlockDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  th_accessibility_fix_mnemonic_names (GTK_WIDGET (self));
}

ThUnlockDialog *
th_unlock_dialog_new (GtkWindow    *parent,
                      ThStore      *store,
                      ThUnlockGate *gate)
{
  ThUnlockDialog *self;

  g_return_val_if_fail (TH_IS_STORE (store), NULL);

  self = g_object_new (TH_TYPE_UNLOCK_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->gate = gate;
  fill (self);
  return self;
}

/* For a supervisor adding another: the set-up form, which closes once the
 * new supervisor is recorded. */
ThUnlockDialog *
th_unlock_dialog_new_for_adding (GtkWindow *parent,
                                 ThStore   *store)
{
  ThUnlockDialog *self;

  g_return_val_if_fail (TH_IS_STORE (store), NULL);

  self = g_object_new (TH_TYPE_UNLOCK_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->adding = TRUE;
  self->gate = &self->own_gate;
  fill (self);
  return self;
}
