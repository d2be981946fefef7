/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-summary-view"

#include "config.h"

#include <glib/gi18n.h>

#include "th-accessibility.h"
#include "th-summary-view.h"
#include "th-text-rows.h"

/* The end of a quiz: the result against the pass mark, what improved,
 * every answer with its feedback, and a retry for a learner who has not
 * passed yet. */
struct _ThSummaryView
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkWidget      *toolbar;
  AdwStatusPage  *status_page;
  GtkLabel       *improvement_label;
  GtkListBox     *review_list;
  GtkButton      *retry_button;
  GtkWidget      *home_button;

  /* owned references */
  ThQuizSession  *session;
};

G_DEFINE_FINAL_TYPE (ThSummaryView, th_summary_view, GTK_TYPE_WIDGET)

enum {
  RETRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_review_row (const ThAnswer *answer)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *points =
    /* TRANSLATORS: an answer's score; the plural follows the second
     * number, the most the answer could score */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d point", "%d of %d points", answer->max_score),
                     answer->score, answer->max_score);
  /* TRANSLATORS: which answer of the quiz this is: the scenario, counted
   * from the first, and the question within it */
  g_autofree char *place = g_strdup_printf (_("Scenario %u · question %u"), answer->branch, answer->moment);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", place, points);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), answer->scenario->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* libadwaita 1.2 names only the row's header: the row is named and
   * described too, so that a screen reader's list of rows says which
   * scenario and question each is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  answer->scenario->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  th_accessibility_track_expanded (ADW_EXPANDER_ROW (row));

  for (guint i = 0; answer->choice_ids[i] != NULL; i++)
    {
      const ThChoice *choice = th_scenario_find_choice (answer->scenario, answer->choice_ids[i]);
      g_autofree char *markup = g_strdup_printf ("<b>%s</b>\n%s\n\n%s", _("Your answer"),
                                                 choice->text, choice->feedback);
      GtkWidget *feedback = th_text_rows_create_label (markup);

      gtk_widget_set_margin_top (feedback, 12);
      gtk_widget_set_margin_bottom (feedback, 12);
      gtk_widget_set_margin_start (feedback, 12);
      gtk_widget_set_margin_end (feedback, 12);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), th_text_rows_create_holder (feedback));
    }
  return row;
}

static char *
describe_improvement (const ThImprovement *improvement)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (improvement == NULL || !improvement->has_previous)
    return g_string_free (g_steal_pointer (&text), FALSE);

  if (improvement->percent > improvement->previous_percent)
    g_string_append_printf (text, _("Up from %u%% last time."), improvement->previous_percent);
  else
    g_string_append_printf (text, _("Last time: %u%%."), improvement->previous_percent);
  if (improvement->now_best->len > 0)
    {
      g_ptr_array_add (improvement->now_best, NULL);
      {
        g_autofree char *list = g_strjoinv ("; ", (GStrv) improvement->now_best->pdata);
        g_string_append (text, " ");
        g_string_append_printf (text, _("This time you chose the best response in: %s."), list);
      }
      g_ptr_array_remove_index (improvement->now_best, improvement->now_best->len - 1);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_retry_clicked (ThSummaryView *self)
{
  g_signal_emit (self, signals[RETRY], 0, th_quiz_session_get_module (self->session));
}

static void
th_summary_view_dispose (GObject *object)
{
  ThSummaryView *self = (ThSummaryView *)object;

  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (th_summary_view_parent_class)->dispose (object);
}

static void
th_summary_view_class_init (ThSummaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_summary_view_dispose;

  signals[RETRY] =
    g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TH_TYPE_MODULE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-summary-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ThSummaryView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ThSummaryView, status_page);
  gtk_widget_class_bind_template_child (widget_class, ThSummaryView, improvement_label);
  gtk_widget_class_bind_template_child (widget_class, ThSummaryView, review_list);
  gtk_widget_class_bind_template_child (widget_class, ThSummaryView, retry_button);
  gtk_widget_class_bind_template_child (widget_class, ThSummaryView, home_button);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
}

static void
th_summary_view_init (ThSummaryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  th_accessibility_fix_mnemonic_names (GTK_WIDGET (self));

  /* The status page scrolls in a window of its own, which takes the focus
   * when nothing in it can: a Tab stop with nothing to say. This page
   * scrolls as a whole already. (Not focusable alone is not enough: in GTK
   * 4.8 the scrolled window then still claims the focus, and Tab is stuck.) */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->status_page)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      gtk_widget_set_can_focus (child, FALSE);
}

void
th_summary_view_show (ThSummaryView       *self,
                      ThQuizSession       *session,
                      const ThImprovement *improvement)
{
  ThQuizRun *run = th_quiz_session_get_run (session);
  gboolean passed = th_quiz_run_get_passed (run);
  g_autofree char *result = NULL, *improved = NULL, *description = NULL;
  GtkWidget *focus;
  GPtrArray *answers = th_quiz_run_get_answers (run);
  GtkWidget *child;

  g_return_if_fail (TH_IS_SUMMARY_VIEW (self));

  g_set_object (&self->session, session);
  result = g_strdup_printf (_("You scored %u%%. The pass mark is %u%%."),
                            th_quiz_run_get_percent (run), th_quiz_run_get_pass_mark (run));
  adw_status_page_set_title (self->status_page, passed ? _("Passed") : _("Not Passed Yet"));
  adw_status_page_set_description (self->status_page, result);
  adw_status_page_set_icon_name (self->status_page,
                                 passed ? "emblem-ok-symbolic" : "view-refresh-symbolic");

  improved = describe_improvement (improvement);
  gtk_label_set_text (self->improvement_label, improved);
  gtk_widget_set_visible (GTK_WIDGET (self->improvement_label), *improved != '\0');

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_list))) != NULL)
    gtk_list_box_remove (self->review_list, child);
  for (guint i = 0; i < answers->len; i++)
    gtk_list_box_append (self->review_list, create_review_row (g_ptr_array_index (answers, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), !passed);

  /* The focus goes to the first thing to do next, described by the result,
   * so that a screen reader reads the result out as the page opens. */
  focus = passed ? self->home_button : GTK_WIDGET (self->retry_button);
  description = g_strdup_printf ("%s. %s%s%s", adw_status_page_get_title (self->status_page), result,
                                 *improved != '\0' ? " " : "", improved);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retry_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  passed ? "" : description, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->home_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  passed ? description : "", -1);
  gtk_widget_grab_focus (focus);
}
