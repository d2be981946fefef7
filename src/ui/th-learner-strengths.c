/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-learner-strengths"

#include "config.h"

#include <glib/gi18n.h>

#include "th-accessibility.h"
#include "th-insights-task.h"
#include "th-learner-strengths.h"
#include "th-loading.h"
#include "th-tag-chart.h"

/* One learner's answers by principle and theme, for a supervisor's
 * one-to-one: the team's charts, over this learner's records only, read
 * on a worker thread. A read that fails says so; a learner with no
 * answers yet is told apart from one whose answers cannot be read. */
struct _ThLearnerStrengths
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkWidget       *content;
  GtkWidget       *state;
  GtkSpinner      *spinner;
  GtkLabel        *status;
  GtkWidget       *charts;
  GtkToggleButton *numbers_toggle;
  ThTagChart      *principles_chart;
  ThTagChart      *themes_chart;
  GtkListBox      *principles_numbers;
  GtkListBox      *themes_numbers;

  /* owned references */
  GCancellable    *loading;        /* while a read is under way */
  char            *display_name;
};

G_DEFINE_FINAL_TYPE (ThLearnerStrengths, th_learner_strengths, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* @text in place of the charts: what is being read, what could not be,
 * or that there is nothing yet. */
static void
show_status (ThLearnerStrengths *self,
             const char         *text,
             gboolean            is_error)
{
  gtk_label_set_text (self->status, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");
  gtk_widget_set_visible (self->state, TRUE);
  gtk_widget_set_visible (self->charts, FALSE);
}

static void
set_loading (ThLearnerStrengths *self,
             GCancellable       *loading)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading != NULL);
  if (th_loading_replace (&self->loading, loading, self->spinner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_insights (ThLearnerStrengths *self,
              ThInsights         *insights)
{
  th_tag_chart_set_insights (self->principles_chart, insights);
  th_tag_chart_set_insights (self->themes_chart, insights);
  th_tag_chart_fill_numbers (self->principles_chart, self->principles_numbers);
  th_tag_chart_fill_numbers (self->themes_chart, self->themes_numbers);
}

static void
show_insights (ThLearnerStrengths *self,
               ThInsights         *insights)
{
  g_autofree char *text = NULL;

  set_insights (self, insights);
  if (th_insights_get_n_answers (insights) > 0)
    {
      gtk_widget_set_visible (self->state, FALSE);
      gtk_widget_set_visible (self->charts, TRUE);
      return;
    }
  text = g_strdup_printf (_("%s has not answered a quiz yet. Their strengths show here once they have."),
                          self->display_name);
  show_status (self, text, FALSE);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ThLearnerStrengths) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ThInsights) insights = th_insights_task_load_finish (result, &error);
  g_autofree char *text = NULL;

  /* Given up for a newer read, or by the lock. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, NULL);
  if (insights != NULL)
    {
      show_insights (self, insights);
      return;
    }
  text = g_strdup_printf (_("The strengths cannot be read: %s"), error->message);
  show_status (self, text, TRUE);
}

static void
th_learner_strengths_dispose (GObject *object)
{
  ThLearnerStrengths *self = (ThLearnerStrengths *)object;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->content, gtk_widget_unparent);

  G_OBJECT_CLASS (th_learner_strengths_parent_class)->dispose (object);
}

static void
th_learner_strengths_finalize (GObject *object)
{
  ThLearnerStrengths *self = (ThLearnerStrengths *)object;

  g_free (self->display_name);

  G_OBJECT_CLASS (th_learner_strengths_parent_class)->finalize (object);
}

static void
th_learner_strengths_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ThLearnerStrengths *self = TH_LEARNER_STRENGTHS (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_learner_strengths_class_init (ThLearnerStrengthsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_learner_strengths_dispose;
  object_class->finalize = th_learner_strengths_finalize;
  object_class->get_property = th_learner_strengths_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TH_TYPE_TAG_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-learner-strengths.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerStrengths, content);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerStrengths, state);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerStrengths, spinner);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerStrengths, status);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerStrengths, charts);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerStrengths, numbers_toggle);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerStrengths, principles_chart);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerStrengths, themes_chart);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerStrengths, principles_numbers);
  gtk_widget_class_bind_template_child (widget_class, ThLearnerStrengths, themes_numbers);
}

static void
th_learner_strengths_init (ThLearnerStrengths *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  th_accessibility_fix_mnemonic_names (GTK_WIDGET (self));
}

/**
 * th_learner_strengths_load:
 * @display_name: what the learner is called, for the words said when
 *   they have no answers yet
 *
 * Reads @learner_id's answers, archived or not, over all their records,
 * on a worker thread; a read still under way is given up.
 */
void
th_learner_strengths_load (ThLearnerStrengths *self,
                           ThStore            *store,
                           ThCatalog          *catalog,
                           gint64              learner_id,
                           const char         *display_name)
{
  ThRecordScope scope = { NULL, NULL, TRUE, learner_id };
  g_autoptr(GCancellable) loading = g_cancellable_new ();

  g_return_if_fail (TH_IS_LEARNER_STRENGTHS (self));
  g_return_if_fail (TH_IS_STORE (store));
  g_return_if_fail (TH_IS_CATALOG (catalog));
  g_return_if_fail (learner_id > 0);

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  set_loading (self, loading);
  show_status (self, _("Reading this learner’s answers…"), FALSE);
  th_insights_task_load_async (store, catalog, &scope, loading, on_loaded, g_object_ref (self));
}

/* Supervisor mode locked: the learner's answers go, and any read under
 * way with them. */
void
th_learner_strengths_clear (ThLearnerStrengths *self)
{
  g_return_if_fail (TH_IS_LEARNER_STRENGTHS (self));

  set_loading (self, NULL);
  set_insights (self, NULL);
  g_clear_pointer (&self->display_name, g_free);
  gtk_toggle_button_set_active (self->numbers_toggle, FALSE);
  show_status (self, "", FALSE);
}

gboolean
th_learner_strengths_get_loading (ThLearnerStrengths *self)
{
  g_return_val_if_fail (TH_IS_LEARNER_STRENGTHS (self), FALSE);
  return self->loading != NULL;
}
