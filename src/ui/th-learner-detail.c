/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-learner-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "th-accessibility.h"
#include "th-learner-detail-private.h"
#include "th-onboarding.h"
#include "th-quiz-run.h"
#include "th-text-rows.h"

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
  GtkWidget *label;

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
  label = th_text_rows_create_label (g_strstrip (markup->str));
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return th_text_rows_create_holder (label);
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
  th_learner_account_show (self->account, self->store, self->learner_id);
  th_learner_strengths_load (self->strengths, self->store, self->catalog, self->learner_id,
                             th_matrix_row_get_display_name (row));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attempt_list))) != NULL)
    gtk_list_box_remove (self->attempt_list, child);
  for (guint i = 0; attempts && i < attempts->len; i++)
    gtk_list_box_append (self->attempt_list, create_attempt_row (self, attempts->pdata[i]));
}

/* The window reloads the matrix; this page shows the new records. */
void
th_learner_detail_emit_changed (ThLearnerDetail *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The learner's records are gone: the window goes back to everyone. */
void
th_learner_detail_emit_deleted (ThLearnerDetail *self)
{
  g_signal_emit (self, signals[DELETED], 0);
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

  g_type_ensure (TH_TYPE_LEARNER_ACCOUNT);
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
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, account);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, strengths);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerDetail, attempt_list);

  th_learner_detail_class_actions_init (widget_class);
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
  th_learner_account_clear (self->account);
  th_learner_strengths_clear (self->strengths);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attempt_list))) != NULL)
    gtk_list_box_remove (self->attempt_list, child);
}
