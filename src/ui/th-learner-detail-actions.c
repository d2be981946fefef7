/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-learner-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "th-dialogs.h"
#include "th-learner-detail-private.h"
#include "th-onboarding.h"
#include "th-report.h"

/* Asks for one line of text (a note, a reason, a name) with @heading. */
static AdwMessageDialog *
ask_text (ThLearnerDetail *self,
          const char      *heading,
          const char      *body,
          const char      *label,
          const char      *initial,
          const char      *response,
          const char      *response_label,
          GCallback        callback)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body));
  gtk_editable_set_text (GTK_EDITABLE (entry), initial ? initial : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  g_signal_connect (dialog, "response", callback, self);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static const char *
dialog_text (AdwMessageDialog *dialog)
{
  return gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)));
}

static void
on_sign_off_response (AdwMessageDialog *dialog,
                      const char       *response,
                      ThLearnerDetail  *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "sign"))
    return;
  if (th_onboarding_sign_off (self->store, self->catalog, self->learner_id, self->supervisor_id,
                              dialog_text (dialog), self->default_months, &error) == 0)
    th_dialogs_show_error (GTK_WIDGET (self), _("Onboarding Not Signed Off"), error->message);
  th_learner_detail_emit_changed (self);
}

static void
sign_off_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ask_text (TH_LEARNER_DETAIL (widget), _("Sign Off Onboarding?"),
            _("Your name, the time and your note are kept in the records."),
            _("Note"), NULL, "sign", _("_Sign Off"), G_CALLBACK (on_sign_off_response));
}

static void
on_revoke_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ThLearnerDetail  *self)
{
  g_autoptr(ThSignOff) sign_off = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "revoke"))
    return;
  sign_off = th_store_dup_sign_off (self->store, self->learner_id, &error);
  if (sign_off == NULL)
    {
      if (error != NULL)
        th_dialogs_show_error (GTK_WIDGET (self), _("Sign-Off Not Revoked"), error->message);
      th_learner_detail_emit_changed (self);
      return;
    }
  if (!th_store_revoke_sign_off (self->store, sign_off->id, self->supervisor_id,
                                 dialog_text (dialog), &error))
    th_dialogs_show_error (GTK_WIDGET (self), _("Sign-Off Not Revoked"), error->message);
  th_learner_detail_emit_changed (self);
}

static void
revoke_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ask_text (TH_LEARNER_DETAIL (widget), _("Revoke the Sign-Off?"),
            _("The sign-off stays in the records, marked revoked, with your reason."),
            _("Reason"), NULL, "revoke", _("_Revoke"), G_CALLBACK (on_revoke_response));
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ThLearnerDetail  *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "rename"))
    return;
  if (!th_store_rename_learner (self->store, self->learner_id, dialog_text (dialog), &error))
    th_dialogs_show_error (GTK_WIDGET (self), _("Profile Not Renamed"), error->message);
  th_learner_detail_emit_changed (self);
}

static void
rename_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ThLearnerDetail *self = TH_LEARNER_DETAIL (widget);
  ThMatrixRow *row = th_completion_matrix_find_row (self->matrix, self->learner_id);

  ask_text (self, _("Rename Profile"), NULL, _("Name"), th_matrix_row_get_display_name (row),
            "rename", _("_Rename"), G_CALLBACK (on_rename_response));
}

static void
archive_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ThLearnerDetail *self = TH_LEARNER_DETAIL (widget);
  ThMatrixRow *row = th_completion_matrix_find_row (self->matrix, self->learner_id);
  g_autoptr(GError) error = NULL;

  if (!th_store_set_learner_archived (self->store, self->learner_id,
                                      !th_matrix_row_get_archived (row), &error))
    th_dialogs_show_error (GTK_WIDGET (self), _("Profile Not Changed"), error->message);
  th_learner_detail_emit_changed (self);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ThLearnerDetail  *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!th_store_delete_learner (self->store, self->learner_id, &error))
    {
      th_dialogs_show_error (GTK_WIDGET (self), _("The Records Were Not Deleted"), error->message);
      return;
    }
  th_learner_detail_emit_deleted (self);
}

/* Names everything that would go, so no one deletes more than they mean. */
static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ThLearnerDetail *self = TH_LEARNER_DETAIL (widget);
  ThMatrixRow *row = th_completion_matrix_find_row (self->matrix, self->learner_id);
  ThLearnerRecords records = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL, *body = NULL;
  g_autofree char *attempts = NULL, *answers = NULL, *completions = NULL, *sign_offs = NULL;
  AdwMessageDialog *dialog;

  if (!th_store_count_learner_records (self->store, self->learner_id, &records, &error))
    {
      th_dialogs_show_error (GTK_WIDGET (self), _("The Records Cannot Be Read"), error->message);
      return;
    }
  heading = g_strdup_printf (_("Delete the Records of %s?"), th_matrix_row_get_display_name (row));
  attempts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attempt", "%u attempts", records.attempts),
                              records.attempts);
  answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer", "%u answers", records.answers),
                             records.answers);
  completions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u completion", "%u completions",
                                              records.completions), records.completions);
  sign_offs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sign-off", "%u sign-offs",
                                            records.sign_offs), records.sign_offs);
  /* TRANSLATORS: the four counts are "3 attempts", "12 answers",
   * "2 completions" and "1 sign-off", each with its own plural */
  body = g_strdup_printf (_("This removes the profile and its records for good: %s, %s, %s and %s. "
                            "Archiving keeps them and hides the profile instead. The audit trail will "
                            "show that these records were deleted."),
                          attempts, answers, completions, sign_offs);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete Records"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_transcript (GtkWidget  *widget,
                  const char *path)
{
  ThLearnerDetail *self = TH_LEARNER_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;

  /* Locked while the file chooser was open: nothing to write. */
  if (self->matrix == NULL)
    return;
  if ((author = th_report_dup_author (self->store, &error)) == NULL ||
      !th_report_write_transcript_full (self->matrix, self->learner_id, author, path, &error))
    th_dialogs_show_error (GTK_WIDGET (self), _("The Transcript Could Not Be Saved"), error->message);
}

static const ThSaveAction save_transcript = {
  "learner.transcript", NULL, N_("Save the Transcript"), N_("transcript.pdf"), write_transcript,
};

void
th_learner_detail_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "learner.sign-off", NULL, sign_off_activated);
  gtk_widget_class_install_action (widget_class, "learner.revoke", NULL, revoke_activated);
  gtk_widget_class_install_action (widget_class, "learner.rename", NULL, rename_activated);
  gtk_widget_class_install_action (widget_class, "learner.archive", NULL, archive_activated);
  th_dialogs_class_install_save_action (widget_class, &save_transcript);
  gtk_widget_class_install_action (widget_class, "learner.delete", NULL, delete_activated);
}
