/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-quiz-view"

#include "config.h"

#include <glib/gi18n.h>

#include "th-accessibility.h"
#include "th-quiz-view.h"

/* One moment of a scenario quiz at a time: the situation, the choices,
 * and once the learner answers, the feedback for what they chose. The
 * answer is stored before the feedback shows. */
struct _ThQuizView
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkWidget      *toolbar;
  AdwWindowTitle *title;
  GtkScrolledWindow *scroller;
  GtkLabel       *context_label;
  GtkLabel       *scenario_label;
  GtkLabel       *situation_label;
  GtkLabel       *prompt_label;
  GtkListBox     *choice_list;
  GtkLabel       *error_label;
  GtkBox         *feedback_box;
  GtkButton      *check_button;
  GtkButton      *continue_button;

  /* owned references */
  ThQuizSession  *session;
  GPtrArray      *buttons;   /* of GtkCheckButton, in choice order */

  /* borrowed references */
  GList          *feedback_labels;
};

G_DEFINE_FINAL_TYPE (ThQuizView, th_quiz_view, GTK_TYPE_WIDGET)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
setting_title (const char *setting)
{
  if (g_strcmp0 (setting, "free-standing-clinic") == 0)
    return _("Free-standing clinic");
  if (g_strcmp0 (setting, "hospital-clinic") == 0)
    return _("Clinic in a hospital system");
  if (g_strcmp0 (setting, "syringe-services-clinic") == 0)
    return _("Clinic in a syringe services program");
  return NULL;
}

static const char *
place_title (const char *place)
{
  static const struct { const char *id; const char *title; } places[] = {
    { "front-desk", N_("Front desk") }, { "waiting-room", N_("Waiting room") },
    { "exam-room", N_("Exam room") }, { "team-huddle", N_("Team huddle") },
    { "phone", N_("Phone call") }, { "charting", N_("Charting") },
    { "hiring-interview", N_("Hiring interview") }, { "supervision", N_("Supervision") },
    { "community", N_("In the community") }, { "meeting", N_("Meeting") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_strcmp0 (place, places[i].id) == 0)
      return _(places[i].title);
  return NULL;
}

static void
set_markup_or_hide (GtkLabel   *label,
                    const char *markup)
{
  gtk_label_set_markup (label, markup ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (label), markup != NULL);
}

static void
show_context (ThQuizView       *self,
              const ThScenario *scenario)
{
  ThQuizRun *run = th_quiz_session_get_run (self->session);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *place = place_title (scenario->place);
  const char *setting = setting_title (scenario->setting);
  guint n_scenarios = th_quiz_run_get_n_entries (run);

  /* TRANSLATORS: where the learner is: the scenario out of all of them,
   * and the question within it (a scenario may go on for several); the
   * plural follows the number of scenarios */
  g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "Scenario %u of %u · question %u",
                                      "Scenario %u of %u · question %u", n_scenarios),
                   th_quiz_run_get_entry_index (run) + 1, n_scenarios,
                   th_quiz_run_get_moment_in_branch (run));
  if (scenario->follow_up)
    g_string_append_printf (text, " · %s", _("What happens next"));
  if (place != NULL)
    g_string_append_printf (text, " · %s", place);
  if (setting != NULL)
    g_string_append_printf (text, " · %s", setting);
  gtk_label_set_text (self->context_label, text->str);
}

/* A choice of a select-all scenario is a check box; one of a single answer
 * is a radio button. GTK 4.8 keeps the check box role for a button put in
 * a group, so the role is given as the button is made. */
static GtkWidget *
create_choice (ThQuizView     *self,
               const ThChoice *choice,
               gboolean        multiple,
               GtkCheckButton *group)
{
  GtkWidget *button = g_object_new (GTK_TYPE_CHECK_BUTTON,
                                    "accessible-role", multiple ? GTK_ACCESSIBLE_ROLE_CHECKBOX
                                                                : GTK_ACCESSIBLE_ROLE_RADIO,
                                    NULL);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_markup (GTK_LABEL (label), choice->text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_bottom (button, 6);
  gtk_widget_set_margin_start (button, 6);
  gtk_widget_set_margin_end (button, 6);
  g_object_set_data_full (G_OBJECT (button), "choice-id", g_strdup (choice->id), g_free);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (self->choice_list, row);
  g_ptr_array_add (self->buttons, button);
  return button;
}

static void
clear_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static void
show_current (ThQuizView *self)
{
  ThQuizRun *run = th_quiz_session_get_run (self->session);
  const ThScenario *scenario = th_quiz_run_get_current (run);
  g_autoptr(GPtrArray) choices = NULL;
  GtkWidget *first = NULL;

  g_assert (scenario != NULL);
  show_context (self, scenario);
  gtk_label_set_text (self->scenario_label, scenario->title);
  gtk_label_set_markup (self->situation_label, scenario->situation);
  set_markup_or_hide (self->prompt_label, scenario->multiple
                      ? _("Choose every response that fits.") : scenario->prompt);

  clear_children (GTK_WIDGET (self->choice_list));
  clear_children (GTK_WIDGET (self->feedback_box));
  g_clear_pointer (&self->feedback_labels, g_list_free);
  g_ptr_array_set_size (self->buttons, 0);
  choices = th_quiz_run_dup_choice_order (run, scenario);
  for (guint i = 0; i < choices->len; i++)
    {
      GtkWidget *button = create_choice (self, g_ptr_array_index (choices, i), scenario->multiple,
                                         scenario->multiple ? NULL : GTK_CHECK_BUTTON (first));
      if (first == NULL)
        first = button;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->choice_list), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->check_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->continue_button), FALSE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (first);
}

static GStrv
selected_ids (ThQuizView *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->buttons, i);

      if (gtk_check_button_get_active (button))
        g_strv_builder_add (ids, g_object_get_data (G_OBJECT (button), "choice-id"));
    }
  return g_strv_builder_end (ids);
}

static char *
describe_tags (const ThChoice *choice)
{
  g_autoptr(GPtrArray) honours = th_tag_set_titles (choice->honours);
  g_autoptr(GPtrArray) breaks = th_tag_set_titles (choice->breaks);
  g_autoptr(GString) text = g_string_new (NULL);

  g_ptr_array_add (honours, NULL);
  g_ptr_array_add (breaks, NULL);
  if (honours->len > 1)
    {
      g_autofree char *list = g_strjoinv (", ", (GStrv) honours->pdata);
      g_string_append_printf (text, _("Honors: %s"), list);
    }
  if (breaks->len > 1)
    {
      g_autofree char *list = g_strjoinv (", ", (GStrv) breaks->pdata);
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, _("Works against: %s"), list);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
add_feedback_label (ThQuizView *self,
                    const char *text,
                    gboolean    markup,
                    const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  self->feedback_labels = g_list_append (self->feedback_labels, label);
  if (markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->feedback_box, label);
  return label;
}

static const char *
verdict (const ThScenario *scenario,
         const ThChoice   *choice,
         gboolean          chosen)
{
  if (scenario->multiple)
    {
      if (choice->score > 0)
        return chosen ? _("You chose this, and it fits") : _("This fits too");
      return chosen ? _("You chose this, but it does not fit") : _("Rightly left out");
    }
  if (choice->score >= th_scenario_get_max_score (scenario))
    return _("The best response");
  return choice->score > 0 ? _("Partly helpful") : _("Not the best response");
}

static void
add_choice_feedback (ThQuizView       *self,
                     const ThScenario *scenario,
                     const ThChoice   *choice,
                     gboolean          chosen)
{
  g_autofree char *tags = describe_tags (choice);

  add_feedback_label (self, verdict (scenario, choice, chosen), FALSE, "heading");
  if (scenario->multiple)
    add_feedback_label (self, choice->text, TRUE, "dim-label");
  add_feedback_label (self, choice->feedback, TRUE, NULL);
  if (*tags != '\0')
    add_feedback_label (self, tags, FALSE, "dim-label");
}

/* Single answers show the chosen choice's feedback; select-all answers
 * show every choice, since what was rightly left out teaches too. */
static void
show_feedback (ThQuizView     *self,
               const ThAnswer *answer)
{
  const ThScenario *scenario = answer->scenario;
  g_autoptr(GPtrArray) choices = th_quiz_run_dup_choice_order (th_quiz_session_get_run (self->session),
                                                               scenario);
  g_autofree char *score =
    /* TRANSLATORS: an answer's score; the plural follows the second
     * number, the most the answer could score */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d point", "%d of %d points", answer->max_score),
                     answer->score, answer->max_score);
  g_autoptr(GString) description = g_string_new (NULL);

  clear_children (GTK_WIDGET (self->feedback_box));
  g_clear_pointer (&self->feedback_labels, g_list_free);
  add_feedback_label (self, _("Feedback"), FALSE, "title-4");
  add_feedback_label (self, score, FALSE, "dim-label");
  for (guint i = 0; i < choices->len; i++)
    {
      const ThChoice *choice = g_ptr_array_index (choices, i);
      gboolean chosen = g_strv_contains ((const char * const *) answer->choice_ids, choice->id);

      if (scenario->multiple || chosen)
        add_choice_feedback (self, scenario, choice, chosen);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), TRUE);

  /* GTK 4.8 has no announcements: the button that takes focus next is
   * described by the feedback, so a screen reader reads it out. GTK 4.8
   * makes no description of a described-by relation, so the text of the
   * feedback is the description itself. */
  for (GList *l = self->feedback_labels; l != NULL; l = l->next)
    {
      if (description->len > 0)
        g_string_append_c (description, '\n');
      g_string_append (description, gtk_label_get_text (GTK_LABEL (l->data)));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->continue_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
}

static void
on_check_clicked (ThQuizView *self)
{
  g_auto(GStrv) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  const ThAnswer *answer;

  answer = th_quiz_session_answer (self->session, (const char * const *) ids, &error);
  if (answer == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choice_list), FALSE);
  /* GTK 4.8 tells a screen reader that a widget is disabled only when the
   * widget itself is: each choice says it is answered and fixed. */
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->buttons, i), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->check_button), FALSE);
  gtk_button_set_label (self->continue_button,
                        th_quiz_run_is_finished (th_quiz_session_get_run (self->session))
                        ? _("See _Results") : _("_Continue"));
  gtk_widget_set_visible (GTK_WIDGET (self->continue_button), TRUE);
  show_feedback (self, answer);
  gtk_widget_grab_focus (GTK_WIDGET (self->continue_button));
}

static void
on_continue_clicked (ThQuizView *self)
{
  if (th_quiz_run_is_finished (th_quiz_session_get_run (self->session)))
    g_signal_emit (self, signals[FINISHED], 0, self->session);
  else
    show_current (self);
}

static void
th_quiz_view_dispose (GObject *object)
{
  ThQuizView *self = (ThQuizView *)object;

  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_object (&self->session);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_pointer (&self->feedback_labels, g_list_free);

  G_OBJECT_CLASS (th_quiz_view_parent_class)->dispose (object);
}

static void
th_quiz_view_class_init (ThQuizViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_quiz_view_dispose;

  /**
   * ThQuizView::finished:
   * @session: the session whose every moment is answered
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TH_TYPE_QUIZ_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-quiz-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ThQuizView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ThQuizView, title);
  gtk_widget_class_bind_template_child (widget_class, ThQuizView, scroller);
  gtk_widget_class_bind_template_child (widget_class, ThQuizView, context_label);
  gtk_widget_class_bind_template_child (widget_class, ThQuizView, scenario_label);
  gtk_widget_class_bind_template_child (widget_class, ThQuizView, situation_label);
  gtk_widget_class_bind_template_child (widget_class, ThQuizView, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, ThQuizView, choice_list);
  gtk_widget_class_bind_template_child (widget_class, ThQuizView, error_label);
  gtk_widget_class_bind_template_child (widget_class, ThQuizView, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, ThQuizView, check_button);
  gtk_widget_class_bind_template_child (widget_class, ThQuizView, continue_button);
  gtk_widget_class_bind_template_callback (widget_class, on_check_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_continue_clicked);
}

static void
th_quiz_view_init (ThQuizView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  th_accessibility_fix_mnemonic_names (GTK_WIDGET (self));
  self->buttons = g_ptr_array_new ();
}

/* Shows @session at the moment it is on (the first, or where a resumed
 * attempt stopped). */
void
th_quiz_view_show (ThQuizView    *self,
                   ThQuizSession *session)
{
  g_return_if_fail (TH_IS_QUIZ_VIEW (self));
  g_return_if_fail (TH_IS_QUIZ_SESSION (session));

  g_set_object (&self->session, session);
  adw_window_title_set_title (self->title, th_module_get_title (th_quiz_session_get_module (session)));
  adw_window_title_set_subtitle (self->title, th_quiz_session_is_refresher (session)
                                 ? _("Refresher") : _("Scenario Quiz"));
  if (th_quiz_run_is_finished (th_quiz_session_get_run (session)))
    g_signal_emit (self, signals[FINISHED], 0, session);
  else
    show_current (self);
}
