/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-insights-page"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "th-accessibility.h"
#include "th-insights-page.h"
#include "th-insights-task.h"
#include "th-record-scope.h"
#include "th-report.h"
#include "th-tag-chart.h"

/* What the team finds hard, for a lead's next huddle: per principle and
 * theme, the moments most often answered below their best, and each
 * module's attempts, over a period. Read on a worker thread whenever the
 * period changes; a read that fails says so, and never passes for a
 * period without answers. */
struct _ThInsightsPage
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkWidget      *toolbar;
  AdwWindowTitle *title;
  GtkDropDown    *period_dropdown;
  GtkWidget      *days_box;
  GtkEntry       *since_entry;
  GtkEntry       *until_entry;
  GtkLabel       *days_error;
  GtkSwitch      *archived_switch;
  GtkToggleButton *numbers_toggle;
  GtkStack       *state_stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkLabel       *summary_label;
  ThTagChart     *principles_chart;
  ThTagChart     *themes_chart;
  GtkListBox     *principles_numbers;
  GtkListBox     *themes_numbers;
  GtkListBox     *moment_list;
  GtkWidget      *no_moments_label;
  GtkListBox     *module_list;

  /* owned references */
  ThStore        *store;
  ThCatalog      *catalog;
  ThInsights     *insights;     /* as shown, or NULL */
  GCancellable   *loading;      /* while a read is under way */
  char           *since;        /* the period of the insights shown */
  char           *until;
  gboolean        archived;
};

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
  char           *since;
  char           *until;
  gboolean        archived;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_free (load->since);
  g_free (load->until);
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
  gboolean was_loading = self->loading != NULL;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, loading);
  if (loading != NULL)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  if (was_loading != (loading != NULL))
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

static GtkWidget *
create_section_label (const char *heading,
                      const char *markup)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_markup (GTK_LABEL (text), markup);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

/* What opens under a moment: the situation, the weaker choice the team
 * took most often, and its feedback, in the content's own markup. */
static GtkWidget *
create_moment_content (const ThMomentInsight *moment)
{
  GtkWidget *holder = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *situation = moment->scenario->prompt
    ? g_strdup_printf ("%s\n\n<i>%s</i>", moment->scenario->situation, moment->scenario->prompt)
    : g_strdup (moment->scenario->situation);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), create_section_label (_("The situation"), situation));
  gtk_box_append (GTK_BOX (box), create_section_label (_("The weaker choice taken most often"),
                                                       moment->common->text));
  gtk_box_append (GTK_BOX (box), create_section_label (_("Its feedback"), moment->common->feedback));
  /* The text is selectable and takes the focus itself: the row holding
   * it is no stop of its own. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
  gtk_widget_set_focusable (holder, FALSE);
  return holder;
}

static GtkWidget *
create_moment_row (const ThMomentInsight *moment)
{
  GtkWidget *row = adw_expander_row_new ();
  const char *module = moment->module ? th_module_get_title (moment->module) : moment->module_id;
  g_autofree char *subtitle =
    /* TRANSLATORS: a moment's module, then how many answers took its most
     * common weaker choice; the plural follows the second number */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u of %u answer took its most common weaker choice",
                                  "%s · %u of %u answers took its most common weaker choice", moment->answers),
                     module, moment->common_count, moment->answers);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), moment->scenario->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  /* libadwaita 1.2 names only the row's header: the row says which
   * moment it is too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, moment->scenario->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  th_accessibility_track_expanded (ADW_EXPANDER_ROW (row));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_moment_content (moment));
  return row;
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
      gtk_list_box_append (self->moment_list, create_moment_row (moment));
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->moment_list), shown > 0);
  gtk_widget_set_visible (self->no_moments_label, shown == 0);
}

/* "12 attempts · 75% passed at the first attempt · median score 80% ·
 * 3 of 4 refreshers passed". */
static char *
describe_module (const ThModuleInsight *module)
{
  g_autofree char *attempts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attempt", "%u attempts",
                                                            module->attempts), module->attempts);
  /* TRANSLATORS: a share, as in "75%" */
  g_autofree char *first_rate = module->first_attempts
    ? g_strdup_printf (_("%u%%"), (guint) (100.0 * module->first_passed / module->first_attempts + 0.5))
    : g_strdup ("—");
  g_autofree char *median = module->attempts ? g_strdup_printf (_("%u%%"), module->median_percent)
                                             : g_strdup ("—");
  g_autofree char *refreshers = module->refreshers == 0 ? g_strdup (_("no refreshers taken"))
    /* TRANSLATORS: the plural follows the second number, the refreshers taken */
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u refresher passed", "%u of %u refreshers passed",
                                    module->refreshers), module->refreshers_passed, module->refreshers);

  /* TRANSLATORS: a module's attempts; the share of learners who passed at
   * their first attempt ("75%", or "—" with none); the median score;
   * and the refreshers passed */
  return g_strdup_printf (_("%s · passed at the first attempt: %s · median score: %s · %s"),
                          attempts, first_rate, median, refreshers);
}

static void
fill_modules (ThInsightsPage *self)
{
  GPtrArray *modules = th_insights_get_modules (self->insights);

  remove_rows (self->module_list);
  for (guint i = 0; i < modules->len; i++)
    {
      const ThModuleInsight *module = modules->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = describe_module (module);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     module->module ? th_module_get_title (module->module) : module->module_id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->module_list, row);
    }
}

static void
show_insights (ThInsightsPage *self)
{
  guint n = th_insights_get_n_answers (self->insights);
  ThRecordScope scope = { self->since, self->until, self->archived, 0 };
  g_autofree char *period = th_record_scope_dup_period (&scope);
  g_autofree char *answers = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u answer from the team.", "%u answers from the team.", n), n);
  g_autofree char *summary = g_strconcat (answers, " ", self->archived ? _("Archived learners are included.")
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
  g_free (self->since);
  g_free (self->until);
  self->since = g_steal_pointer (&load->since);
  self->until = g_steal_pointer (&load->until);
  self->archived = load->archived;
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
  char *since, *until;
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
  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->since = since;
  load->until = until;
  load->archived = scope.archived;
  scope.since = since;
  scope.until = until;
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
show_error (ThInsightsPage *self,
            const char     *heading,
            const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The huddle sheet of the insights shown, for their period. */
static void
write_huddle_sheet (ThInsightsPage *self,
                    const char     *path)
{
  ThRecordScope scope = { self->since, self->until, self->archived, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;

  /* Locked, or read again, while the file chooser was open. */
  if (self->insights == NULL)
    return;
  if ((author = th_report_dup_author (self->store, &error)) == NULL ||
      !th_report_write_insights_pdf (self->insights, &scope, author, path, &error))
    show_error (self, _("The Huddle Sheet Could Not Be Saved"), error->message);
}

static void
write_csv (ThInsightsPage *self,
           const char     *path)
{
  g_autoptr(GError) error = NULL;

  if (self->insights == NULL)
    return;
  if (!th_report_write_insights_csv (self->insights, path, &error))
    show_error (self, _("The Insights Could Not Be Saved"), error->message);
}

/* The paths come from the file chooser; tests give one directly. */
static void
save_huddle_sheet_to_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  write_huddle_sheet (TH_INSIGHTS_PAGE (widget), g_variant_get_bytestring (parameter));
}

static void
save_csv_to_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  write_csv (TH_INSIGHTS_PAGE (widget), g_variant_get_bytestring (parameter));
}

typedef void (*WriteFunc) (ThInsightsPage *self, const char *path);

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ThInsightsPage  *self)
{
  WriteFunc write = g_object_get_data (G_OBJECT (chooser), "th-write");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      write (self, path);
    }
  g_object_unref (chooser);
}

static void
choose_file (ThInsightsPage *self,
             const char     *title,
             const char     *name,
             WriteFunc       write)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "th-write", write);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_huddle_sheet_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  choose_file (TH_INSIGHTS_PAGE (widget), _("Save the Huddle Sheet"), _("huddle-sheet.pdf"), write_huddle_sheet);
}

static void
save_csv_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_file (TH_INSIGHTS_PAGE (widget), _("Save the Insights as CSV"), _("team-insights.csv"), write_csv);
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

  g_free (self->since);
  g_free (self->until);

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
  gtk_widget_class_install_action (widget_class, "insights.save-huddle-sheet", NULL,
                                   save_huddle_sheet_activated);
  gtk_widget_class_install_action (widget_class, "insights.save-huddle-sheet-to", "ay",
                                   save_huddle_sheet_to_activated);
  gtk_widget_class_install_action (widget_class, "insights.save-csv", NULL, save_csv_activated);
  gtk_widget_class_install_action (widget_class, "insights.save-csv-to", "ay", save_csv_to_activated);
}

static void
th_insights_page_init (ThInsightsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
