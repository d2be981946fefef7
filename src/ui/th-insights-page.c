/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-insights-page"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "th-accessibility.h"
#include "th-insights-page-private.h"
#include "th-insights-rows.h"
#include "th-insights-task.h"
#include "th-loading.h"
#include "th-record-scope.h"

G_DEFINE_FINAL_TYPE (ThInsightsPage, th_insights_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_INSIGHTS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The drop-down's periods, in its order. */
enum {
  PERIOD_ALL,
  PERIOD_3_MONTHS,
  PERIOD_12_MONTHS,
  PERIOD_THIS_YEAR,
  PERIOD_DAYS,
};

/* The moments listed, most often answered below their best first. */
#define N_MOMENTS 10

/* A read under way, and the period it reads. */
typedef struct
{
  ThInsightsPage *self;
  ThRecordScope  *scope;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  th_record_scope_free (load->scope);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

/* The text of @entry, or NULL if it is empty. */
static const char *
entry_day (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return *text != '\0' ? text : NULL;
}

/* The days the drop-down (or the entries) name, counted back from the
 * store's today; FALSE with a message when the entries do not read. */
static gboolean
choose_days (ThInsightsPage  *self,
             char           **since,
             char           **until,
             const char     **problem)
{
  g_autoptr(GDateTime) now = th_store_dup_now (self->store);
  g_autoptr(GDateTime) start = NULL;
  const char *first, *last;

  *since = *until = NULL;
  switch (gtk_drop_down_get_selected (self->period_dropdown))
    {
    case PERIOD_3_MONTHS:
    case PERIOD_12_MONTHS:
      start = g_date_time_add_months (now, gtk_drop_down_get_selected (self->period_dropdown)
                                           == PERIOD_3_MONTHS ? -3 : -12);
      *since = g_date_time_format (start, "%Y-%m-%d");
      return TRUE;
    case PERIOD_THIS_YEAR:
      *since = g_date_time_format (now, "%Y-01-01");
      return TRUE;
    case PERIOD_DAYS:
      first = entry_day (self->since_entry);
      last = entry_day (self->until_entry);
      if ((first != NULL && !th_record_scope_is_day (first)) || (last != NULL && !th_record_scope_is_day (last)))
        *problem = _("Give each day as year, month and day, as in 2026-01-31.");
      else if (first != NULL && last != NULL && g_strcmp0 (first, last) > 0)
        *problem = _("The first day comes after the last day.");
      else
        {
          *since = g_strdup (first);
          *until = g_strdup (last);
          return TRUE;
        }
      return FALSE;
    default:
      return TRUE;
    }
}

static void
set_loading (ThInsightsPage *self,
             GCancellable   *loading)
{
  if (th_loading_replace (&self->loading, loading, self->spinner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_insights (ThInsightsPage *self,
              ThInsights     *insights)
{
  if (!g_set_object (&self->insights, insights))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.save-huddle-sheet", insights != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.save-csv", insights != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSIGHTS]);
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_moments (ThInsightsPage *self)
{
  GPtrArray *moments = th_insights_get_moments (self->insights);
  guint shown = 0;

  remove_rows (self->moment_list);
  for (guint i = 0; i < moments->len && shown < N_MOMENTS; i++)
    {
      const ThMomentInsight *moment = moments->pdata[i];

      if (moment->common == NULL || moment->common_count == 0)
        continue;
      gtk_list_box_append (self->moment_list, th_insights_rows_create_moment (moment));
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->moment_list), shown > 0);
  gtk_widget_set_visible (self->no_moments_label, shown == 0);
}

static void
fill_modules (ThInsightsPage *self)
{
  GPtrArray *modules = th_insights_get_modules (self->insights);

  remove_rows (self->module_list);
  for (guint i = 0; i < modules->len; i++)
    gtk_list_box_append (self->module_list, th_insights_rows_create_module (modules->pdata[i]));
}

static void
show_insights (ThInsightsPage *self)
{
  guint n = th_insights_get_n_answers (self->insights);
  g_autofree char *period = th_record_scope_dup_period (self->scope);
  g_autofree char *answers = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u answer from the team.", "%u answers from the team.", n), n);
  g_autofree char *summary = g_strconcat (answers, " ", self->scope->archived ? _("Archived learners are included.")
                                                                              : _("Archived learners are left out."),
                                          NULL);

  adw_window_title_set_subtitle (self->title, period);
  gtk_label_set_text (self->summary_label, summary);
  th_tag_chart_set_insights (self->principles_chart, self->insights);
  th_tag_chart_set_insights (self->themes_chart, self->insights);
  th_tag_chart_fill_numbers (self->principles_chart, self->principles_numbers);
  th_tag_chart_fill_numbers (self->themes_chart, self->themes_numbers);
  fill_moments (self);
  fill_modules (self);
  gtk_stack_set_visible_child_name (self->state_stack, n > 0 ? "insights" : "empty");
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  ThInsightsPage *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(ThInsights) insights = th_insights_task_load_finish (result, &error);

  /* A read given up for another, or by the lock, shows nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, NULL);
  th_record_scope_free (self->scope);
  self->scope = g_steal_pointer (&load->scope);
  set_insights (self, insights);
  if (insights == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }
  show_insights (self);
}

/* Reads the insights of the period chosen, on a worker thread. */
static void
reload (ThInsightsPage *self)
{
  g_autoptr(GCancellable) loading = NULL;
  ThRecordScope scope = { NULL, NULL, gtk_switch_get_active (self->archived_switch), 0 };
  const char *problem = NULL;
  g_autofree char *since = NULL, *until = NULL;
  Load *load;

  if (self->store == NULL)
    return;
  if (!choose_days (self, &since, &until, &problem))
    {
      gtk_label_set_text (self->days_error, problem);
      gtk_widget_set_visible (GTK_WIDGET (self->days_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->days_error), FALSE);
  scope.since = since;
  scope.until = until;
  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->scope = th_record_scope_dup (&scope);
  loading = g_cancellable_new ();
  set_loading (self, loading);
  set_insights (self, NULL);
  gtk_stack_set_visible_child_name (self->state_stack, "loading");
  th_insights_task_load_async (self->store, self->catalog, &scope, loading, on_loaded, load);
}

static void
on_period_changed (ThInsightsPage *self)
{
  gboolean days = gtk_drop_down_get_selected (self->period_dropdown) == PERIOD_DAYS;

  g_assert (TH_IS_INSIGHTS_PAGE (self));

  gtk_widget_set_visible (self->days_box, days);
  /* Days of one's own are read once given: Enter, or Show. */
  if (days)
    gtk_widget_grab_focus (GTK_WIDGET (self->since_entry));
  else
    reload (self);
}

static void
on_days_applied (ThInsightsPage *self)
{
  g_assert (TH_IS_INSIGHTS_PAGE (self));

  reload (self);
}

static void
on_archived_changed (ThInsightsPage *self)
{
  g_assert (TH_IS_INSIGHTS_PAGE (self));

  reload (self);
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  reload (TH_INSIGHTS_PAGE (widget));
}

static void
th_insights_page_dispose (GObject *object)
{
  ThInsightsPage *self = (ThInsightsPage *)object;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->insights);

  G_OBJECT_CLASS (th_insights_page_parent_class)->dispose (object);
}

static void
th_insights_page_finalize (GObject *object)
{
  ThInsightsPage *self = (ThInsightsPage *)object;

  th_record_scope_free (self->scope);

  G_OBJECT_CLASS (th_insights_page_parent_class)->finalize (object);
}

static void
th_insights_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ThInsightsPage *self = TH_INSIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_INSIGHTS:
      g_value_set_object (value, self->insights);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_insights_page_class_init (ThInsightsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_insights_page_dispose;
  object_class->finalize = th_insights_page_finalize;
  object_class->get_property = th_insights_page_get_property;

  properties[PROP_INSIGHTS] =
    g_param_spec_object ("insights", NULL, NULL, TH_TYPE_INSIGHTS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TH_TYPE_TAG_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-insights-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, title);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, days_box);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, since_entry);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, until_entry);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, days_error);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, archived_switch);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, numbers_toggle);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, principles_chart);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, themes_chart);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, principles_numbers);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, themes_numbers);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, moment_list);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, no_moments_label);
  gtk_widget_class_bind_template_child (widget_class, ThInsightsPage, module_list);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_days_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_archived_changed);

  gtk_widget_class_install_action (widget_class, "insights.reload", NULL, reload_activated);
  th_insights_page_class_export_init (widget_class);
}

static void
th_insights_page_init (ThInsightsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scope = th_record_scope_dup (&(ThRecordScope) { NULL, NULL, FALSE, 0 });
  th_accessibility_fix_mnemonic_names (GTK_WIDGET (self));
  th_accessibility_name_menus (GTK_WIDGET (self));
  th_accessibility_name_drop_down (self->period_dropdown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.save-huddle-sheet", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.save-csv", FALSE);
}

/* Shows the team's insights from @store, read again for the period
 * chosen: the records may have changed since the page was last shown. */
void
th_insights_page_show (ThInsightsPage *self,
                       ThStore        *store,
                       ThCatalog      *catalog)
{
  g_return_if_fail (TH_IS_INSIGHTS_PAGE (self));
  g_return_if_fail (TH_IS_STORE (store));
  g_return_if_fail (TH_IS_CATALOG (catalog));

  g_set_object (&self->store, store);
  g_set_object (&self->catalog, catalog);
  reload (self);
}

/* Supervisor mode locked: the page lets go of the team's records, drops
 * any read under way, and starts the next supervisor from all records. */
void
th_insights_page_clear (ThInsightsPage *self)
{
  g_return_if_fail (TH_IS_INSIGHTS_PAGE (self));

  set_loading (self, NULL);
  set_insights (self, NULL);
  g_clear_object (&self->store);
  th_tag_chart_set_insights (self->principles_chart, NULL);
  th_tag_chart_set_insights (self->themes_chart, NULL);
  remove_rows (self->principles_numbers);
  remove_rows (self->themes_numbers);
  remove_rows (self->moment_list);
  remove_rows (self->module_list);
  gtk_label_set_text (self->summary_label, "");
  adw_window_title_set_subtitle (self->title, NULL);
  /* Without a store, these read nothing. */
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_ALL);
  gtk_switch_set_active (self->archived_switch, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->since_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->until_entry), "");
  gtk_toggle_button_set_active (self->numbers_toggle, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->days_error), FALSE);
  gtk_stack_set_visible_child_name (self->state_stack, "loading");
}

ThInsights *
th_insights_page_get_insights (ThInsightsPage *self)
{
  g_return_val_if_fail (TH_IS_INSIGHTS_PAGE (self), NULL);
  return self->insights;
}

gboolean
th_insights_page_get_loading (ThInsightsPage *self)
{
  g_return_val_if_fail (TH_IS_INSIGHTS_PAGE (self), FALSE);
  return self->loading != NULL;
}
