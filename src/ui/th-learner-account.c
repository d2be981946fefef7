/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-learner-account"

#include "config.h"

#include <glib/gi18n.h>

#include "th-learner-account.h"
#include "th-store-statements.h"

/* One learner's organisation account, for a supervisor to give or
 * change: the field, and under it what became of the last change. It is
 * the preferences group itself, not a widget around one, so that a screen
 * reader finds no extra container on the learner's page. */
struct _ThLearnerAccount
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  AdwEntryRow         *account_row;
  GtkLabel            *account_status;

  /* owned references */
  ThStore             *store;
  gint64               learner_id;
};

G_DEFINE_FINAL_TYPE (ThLearnerAccount, th_learner_account, ADW_TYPE_PREFERENCES_GROUP)

static void
set_error_style (GtkWidget *widget,
                 gboolean   is_error)
{
  if (is_error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/* @message under the account, an error or not; %NULL for none. A screen
 * reader hears it with the field: GTK 4.8 has no announcements. */
static void
show_account_status (ThLearnerAccount *self,
                     const char       *message,
                     gboolean          is_error)
{
  GtkWidget *label = GTK_WIDGET (self->account_status);

  gtk_label_set_text (self->account_status, message ? message : "");
  gtk_widget_set_visible (label, message != NULL);
  set_error_style (label, is_error);
  set_error_style (GTK_WIDGET (self->account_row), is_error);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->account_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->account_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The account as the records have it, and where a profile made on
 * another workstation came from. One that cannot be read is said so, and
 * cannot be changed unseen. */
static void
show_account (ThLearnerAccount *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *account = th_store_dup_learner_account (self->store, self->learner_id, &error);
  g_autofree char *origin = NULL;
  g_autofree char *message = NULL;

  if (error == NULL)
    origin = th_store_dup_learner_origin (self->store, self->learner_id, &error);
  gtk_editable_set_text (GTK_EDITABLE (self->account_row), account ? account : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->account_row), error == NULL);
  if (error != NULL)
    message = g_strdup_printf (_("The organisation account cannot be read: %s"), error->message);
  else if (origin != NULL)
    message = g_strdup_printf (_("This profile was made on another workstation; its records came from %s"),
                               origin);
  show_account_status (self, message, error != NULL);
}

static void
on_account_apply (ThLearnerAccount *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (TH_IS_LEARNER_ACCOUNT (self));

  if (!th_store_set_learner_account (self->store, self->learner_id,
                                     gtk_editable_get_text (GTK_EDITABLE (self->account_row)), &error))
    {
      show_account_status (self, error->message, TRUE);
      return;
    }
  show_account (self);
  show_account_status (self, _("Organisation account saved"), FALSE);
}

static void
th_learner_account_dispose (GObject *object)
{
  ThLearnerAccount *self = (ThLearnerAccount *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (th_learner_account_parent_class)->dispose (object);
}

static void
th_learner_account_class_init (ThLearnerAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_learner_account_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-learner-account.ui");
  gtk_widget_class_bind_template_child (widget_class, ThLearnerAccount, account_row);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerAccount, account_status);
  gtk_widget_class_bind_template_callback (widget_class, on_account_apply);
}

static void
th_learner_account_init (ThLearnerAccount *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Shows the account of learner @learner_id in @store, as the records
 * have it now. */
void
th_learner_account_show (ThLearnerAccount *self,
                         ThStore          *store,
                         gint64            learner_id)
{
  g_return_if_fail (TH_IS_LEARNER_ACCOUNT (self));
  g_return_if_fail (TH_IS_STORE (store));

  g_set_object (&self->store, store);
  self->learner_id = learner_id;
  show_account (self);
}

/* Supervisor mode locked: no one's account is shown. */
void
th_learner_account_clear (ThLearnerAccount *self)
{
  g_return_if_fail (TH_IS_LEARNER_ACCOUNT (self));

  self->learner_id = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->account_row), "");
  show_account_status (self, NULL, FALSE);
}
