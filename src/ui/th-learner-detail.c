/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-learner-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "th-accessibility.h"
#include "th-learner-detail.h"
#include "th-learner-strengths.h"
#include "th-onboarding.h"
#include "th-quiz-run.h"
#include "th-report.h"
#include "th-store-statements.h"

/* One learner, for a supervisor: onboarding and its sign-off, their
 * strengths by principle and theme, every attempt with every answer and
 * its feedback, and what can be done about the profile. */
struct _ThLearnerDetail
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *toolbar;
  AdwWindowTitle     *title;
  GtkLabel           *onboarding_label;
  GtkButton          *sign_off_button;
  GtkButton          *revoke_button;
  GtkButton          *archive_button;
  AdwEntryRow        *account_row;
  GtkLabel           *account_status;
  ThLearnerStrengths *strengths;
  GtkListBox         *attempt_list;

  /* owned references */
  ThStore            *store;
  ThCatalog          *catalog;
  ThCompletionMatrix *matrix;
  gint64              learner_id;
  gint64              supervisor_id;
  guint               default_months;
};

G_DEFINE_FINAL_TYPE (ThLearnerDetail, th_learner_detail, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  /* TRANSLATORS: a date and time that reads one way in every country, as
   * in "12 July 2026, 14:05"; see g_date_time_format() for the codes */
  return local ? g_date_time_format (local, C_("date and time format", "%-d %B %Y, %H:%M")) : g_strdup ("");
}

static GtkWidget *
create_answer_row (const ThScenario *scenario,
                   ThStoredAnswer   *answer,
                   guint             branch,
                   guint             moment)
{
  g_auto(GStrv) ids = g_strsplit (answer->choice_ids, " ", -1);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *points =
    /* TRANSLATORS: an answer's score; the plural follows the second
     * number, the most the answer could score */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d point", "%d of %d points", answer->max_score),
                     answer->score, answer->max_score);
  /* TRANSLATORS: which answer of the quiz this is: the scenario, counted
   * from the first, and the question within it */
  g_autofree char *place = g_strdup_printf (_("Scenario %u · question %u"), branch, moment);
  g_autofree char *heading = g_markup_printf_escaped ("<b>%s</b>\n%s · %s\n",
                                                      scenario ? scenario->title : answer->scenario_id,
                                                      place, points);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *holder = gtk_list_box_row_new ();

  g_string_append (markup, heading);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const ThChoice *choice = scenario ? th_scenario_find_choice (scenario, ids[i]) : NULL;

      if (choice != NULL)
        g_string_append_printf (markup, "%s\n<i>%s</i>\n", choice->text, choice->feedback);
      else
        {
          g_autofree char *escaped = g_markup_escape_text (ids[i], -1);
          g_string_append_printf (markup, "%s\n", escaped);
        }
    }
  gtk_label_set_markup (GTK_LABEL (label), g_strstrip (markup->str));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  /* The text is selectable and takes the focus itself: the row that holds
   * it is no stop of its own, nameless and doing nothing. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
  gtk_widget_set_focusable (holder, FALSE);
  return holder;
}

/* Said where the answers would be, so no one takes an attempt for empty. */
static GtkWidget *
create_read_error_row (const char *reason)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *text = g_strdup_printf (_("The answers cannot be read: %s"), reason);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

static GtkWidget *
create_attempt_row (ThLearnerDetail *self,
                    ThAttemptResult *attempt)
{
  ThModule *module = th_catalog_find_module (self->catalog, attempt->module_id);
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *started = format_time (attempt->started_at);
  g_autofree char *title = g_strdup_printf ("%s%s", module ? th_module_get_title (module) : attempt->module_id,
                                            attempt->refresher ? _(" (refresher)") : "");
  g_autofree char *subtitle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = th_store_list_answers (self->store, attempt->id, &error);
  guint branch = 0, moment = 0;

  if (attempt->finished_at == NULL)
    subtitle = g_strdup_printf (_("%s · unfinished"), started);
  else
    /* TRANSLATORS: when an attempt started, its score and whether it
     * passed; the plural follows the most it could score */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d of %d point · %s",
                                             "%s · %d of %d points · %s", attempt->max_score),
                                started, attempt->score, attempt->max_score,
                                attempt->passed ? _("passed") : _("not passed"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  /* libadwaita 1.2 names only the row's header: the row is named and
   * described too, so that a screen reader's list of rows says which
   * attempt each is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  th_accessibility_track_expanded (ADW_EXPANDER_ROW (row));
  for (guint i = 0; answers && i < answers->len; i++)
    {
      ThStoredAnswer *answer = answers->pdata[i];
      const ThScenario *scenario = module ? th_quiz_find_scenario (th_module_get_quiz (module),
                                                                   answer->scenario_id) : NULL;

      th_answer_count_moment (scenario, &branch, &moment);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_answer_row (scenario, answer, branch, moment));
    }
  if (answers == NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_read_error_row (error->message));
  return row;
}

/* The learner's records, read together; any failure is an error to show,
 * never a verdict. */
static gboolean
read_records (ThLearnerDetail  *self,
              GPtrArray       **attempts,
              ThSignOff       **sign_off,
              GPtrArray       **missing,
              GError          **error)
{
  GError *local_error = NULL;

  *attempts = th_store_list_attempts (self->store, self->learner_id, error);
  if (*attempts == NULL)
    return FALSE;
  *sign_off = th_store_dup_sign_off (self->store, self->learner_id, &local_error);
  if (local_error == NULL)
    *missing = th_onboarding_list_missing (self->store, self->catalog, self->learner_id,
                                           self->default_months, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static char *
describe_onboarding (ThSignOff *sign_off,
                     GPtrArray *missing)
{
  g_autofree char *when = NULL;

  if (sign_off != NULL)
    {
      when = format_time (sign_off->signed_at);
      return g_strdup_printf (_("Onboarding signed off by %s on %s."), sign_off->supervisor, when);
    }
  if (missing->len > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u required module is not yet passed and current.",
                                         "%u required modules are not yet passed and current.",
                                         missing->len), missing->len);
  return g_strdup (_("Every required module is passed and current: ready for sign-off."));
}

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
show_account_status (ThLearnerDetail *self,
                     const char      *message,
                     gboolean         is_error)
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
show_account (ThLearnerDetail *self)
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
on_account_apply (ThLearnerDetail *self)
{
  g_autoptr(GError) error = NULL;

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
refresh (ThLearnerDetail *self)
{
  ThMatrixRow *row = th_completion_matrix_find_row (self->matrix, self->learner_id);
  g_autoptr(GPtrArray) attempts = NULL, missing = NULL;
  g_autoptr(ThSignOff) sign_off = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  gboolean read = read_records (self, &attempts, &sign_off, &missing, &error);
  GtkWidget *child;

  adw_window_title_set_title (self->title, th_matrix_row_get_display_name (row));
  status = read ? describe_onboarding (sign_off, missing)
                : g_strdup_printf (_("These records cannot be read, so nothing can be signed off "
                                     "or revoked: %s"), error->message);
  gtk_label_set_text (self->onboarding_label, status);
  /* Why it can be signed off, or not yet: GTK 4.8 does not describe a
   * button by a label ("described-by"), so the button carries the words. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sign_off_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status, -1);

  gtk_widget_set_visible (GTK_WIDGET (self->sign_off_button), read && sign_off == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_off_button), read && missing->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->revoke_button), read && sign_off != NULL);
  gtk_button_set_label (self->archive_button, th_matrix_row_get_archived (row)
                        ? _("_Restore Profile") : _("_Archive Profile"));
  show_account (self);
  th_learner_strengths_load (self->strengths, self->store, self->catalog, self->learner_id,
                             th_matrix_row_get_display_name (row));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attempt_list))) != NULL)
    gtk_list_box_remove (self->attempt_list, child);
  for (guint i = 0; attempts && i < attempts->len; i++)
    gtk_list_box_append (self->attempt_list, create_attempt_row (self, attempts->pdata[i]));
}

static void
show_error (ThLearnerDetail *self,
            const char      *heading,
            const char      *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

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
changed (ThLearnerDetail *self)
{
  /* The window reloads the matrix; this page shows the new records. */
  g_signal_emit (self, signals[CHANGED], 0);
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
    show_error (self, _("Onboarding Not Signed Off"), error->message);
  changed (self);
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
        show_error (self, _("Sign-Off Not Revoked"), error->message);
      changed (self);
      return;
    }
  if (!th_store_revoke_sign_off (self->store, sign_off->id, self->supervisor_id,
                                 dialog_text (dialog), &error))
    show_error (self, _("Sign-Off Not Revoked"), error->message);
  changed (self);
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
    show_error (self, _("Profile Not Renamed"), error->message);
  changed (self);
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
    show_error (self, _("Profile Not Changed"), error->message);
  changed (self);
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
      show_error (self, _("The Records Were Not Deleted"), error->message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0);
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
      show_error (self, _("The Records Cannot Be Read"), error->message);
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
write_transcript (ThLearnerDetail *self,
                  const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;

  /* Locked while the file chooser was open: nothing to write. */
  if (self->matrix == NULL)
    return;
  if ((author = th_report_dup_author (self->store, &error)) == NULL ||
      !th_report_write_transcript_full (self->matrix, self->learner_id, author, path, &error))
    show_error (self, _("The Transcript Could Not Be Saved"), error->message);
}

static void
on_transcript_response (GtkNativeDialog *chooser,
                        int              response,
                        ThLearnerDetail *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      write_transcript (self, path);
    }
  g_object_unref (chooser);
}

static void
transcript_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Transcript"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("transcript.pdf"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_transcript_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
th_learner_detail_dispose (GObject *object)
{
  ThLearnerDetail *self = (ThLearnerDetail *)object;

  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->matrix);

  G_OBJECT_CLASS (th_learner_detail_parent_class)->dispose (object);
}

static void
th_learner_detail_class_init (ThLearnerDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_learner_detail_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TH_TYPE_LEARNER_STRENGTHS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-learner-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, title);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, onboarding_label);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, sign_off_button);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, revoke_button);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, archive_button);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, strengths);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, attempt_list);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, account_row);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, account_status);
  gtk_widget_class_bind_template_callback (widget_class, on_account_apply);

  gtk_widget_class_install_action (widget_class, "learner.sign-off", NULL, sign_off_activated);
  gtk_widget_class_install_action (widget_class, "learner.revoke", NULL, revoke_activated);
  gtk_widget_class_install_action (widget_class, "learner.rename", NULL, rename_activated);
  gtk_widget_class_install_action (widget_class, "learner.archive", NULL, archive_activated);
  gtk_widget_class_install_action (widget_class, "learner.transcript", NULL, transcript_activated);
  gtk_widget_class_install_action (widget_class, "learner.delete", NULL, delete_activated);
}

static void
th_learner_detail_init (ThLearnerDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  th_accessibility_fix_mnemonic_names (GTK_WIDGET (self));
  th_accessibility_name_menus (GTK_WIDGET (self));
}

void
th_learner_detail_show (ThLearnerDetail    *self,
                        ThStore            *store,
                        ThCatalog          *catalog,
                        ThCompletionMatrix *matrix,
                        gint64              learner_id,
                        gint64              supervisor_id,
                        guint               default_months)
{
  g_return_if_fail (TH_IS_LEARNER_DETAIL (self));
  g_return_if_fail (th_completion_matrix_find_row (matrix, learner_id) != NULL);

  g_set_object (&self->store, store);
  g_set_object (&self->catalog, catalog);
  g_set_object (&self->matrix, matrix);
  self->learner_id = learner_id;
  self->supervisor_id = supervisor_id;
  self->default_months = default_months;
  refresh (self);
}

/* Supervisor mode locked: the page lets go of everyone's records, and
 * shows none of them. */
void
th_learner_detail_clear (ThLearnerDetail *self)
{
  GtkWidget *child;

  g_return_if_fail (TH_IS_LEARNER_DETAIL (self));

  g_clear_object (&self->matrix);
  self->learner_id = 0;
  self->supervisor_id = 0;
  adw_window_title_set_title (self->title, "");
  gtk_label_set_text (self->onboarding_label, "");
  gtk_editable_set_text (GTK_EDITABLE (self->account_row), "");
  show_account_status (self, NULL, FALSE);
  th_learner_strengths_clear (self->strengths);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attempt_list))) != NULL)
    gtk_list_box_remove (self->attempt_list, child);
}
