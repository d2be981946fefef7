/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-home-page"

#include "config.h"

#include <glib/gi18n.h>

#include "th-accessibility.h"
#include "th-content-problem.h"
#include "th-home-page.h"
#include "th-refresher.h"

/* The learning path: the modules in their groups, each with where the
 * learner stands, and the way back into an unfinished quiz. */
struct _ThHomePage
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkWidget      *toolbar;
  AdwWindowTitle *title;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkWidget      *resume_card;
  GtkLabel       *resume_label;
  GtkWidget      *resume_button;
  GtkBox         *groups;
  GtkListBox     *due_list;
  GtkWidget      *due_group;
  GtkListBox     *problem_list;
  GtkWidget      *problem_group;

  /* owned references */
  ThStore        *store;
  ThCatalog      *catalog;
  ThLearner      *learner;
  ThModule       *resumable;
  GDateTime      *now;
  guint           default_months;
};

G_DEFINE_FINAL_TYPE (ThHomePage, th_home_page, GTK_TYPE_WIDGET)

enum {
  MODULE_ACTIVATED,
  REFRESHER_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Groups of the learning path, in the order shown. */
static const struct {
  ThModuleKind  kind;
  ThModuleLevel level;
  const char   *title;
} groups[] = {
  { TH_MODULE_KIND_PRINCIPLE, TH_MODULE_LEVEL_NONE, N_("The Six Principles") },
  { TH_MODULE_KIND_THEME, TH_MODULE_LEVEL_PATIENT_PROVIDER, N_("Themes: Patient and Provider") },
  { TH_MODULE_KIND_THEME, TH_MODULE_LEVEL_ORGANIZATION, N_("Themes: The Organization") },
  { TH_MODULE_KIND_THEME, TH_MODULE_LEVEL_BEYOND_CLINIC, N_("Themes: Beyond the Clinic") },
  { TH_MODULE_KIND_OTHER, TH_MODULE_LEVEL_NONE, N_("More Modules") },
};

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%x") : g_strdup ("");
}

/* Where a passed module stands against its refresher period. */
static ThDueState
due_state (ThHomePage     *self,
           ThModule       *module,
           ThModuleStatus *status,
           GDateTime     **expires_at)
{
  g_autoptr(GDateTime) completed = g_date_time_new_from_iso8601 (status->completed_at, NULL);
  guint months = th_store_get_refresher_months (self->store, th_module_get_id (module),
                                                self->default_months);

  g_return_val_if_fail (completed != NULL, TH_DUE_EXPIRED);
  return th_refresher_get_due_state (completed, months, self->now, expires_at);
}

static char *
describe_passed (ThHomePage     *self,
                 ThModule       *module,
                 ThModuleStatus *status)
{
  g_autoptr(GDateTime) expires = NULL;
  g_autofree char *date = format_date (status->completed_at);
  g_autofree char *by = NULL;

  switch (due_state (self, module, status, &expires))
    {
    case TH_DUE_EXPIRED:
      return g_strdup (_("Refresher due"));
    case TH_DUE_SOON:
      by = g_date_time_format (expires, "%x");
      /* TRANSLATORS: a refresher is due by this date */
      return g_strdup_printf (_("Refresher due soon · by %s"), by);
    case TH_DUE_CURRENT:
    default:
      /* TRANSLATORS: a module's status: its score and the date it was passed */
      return g_strdup_printf (_("Passed · %d%% · %s"), status->percent, date);
    }
}

static char *
describe_status (ThHomePage     *self,
                 ThModule       *module,
                 ThModuleStatus *status)
{
  if (status == NULL)
    return g_strdup (C_("module status", "Not started"));
  switch (status->state)
    {
    case TH_MODULE_STATE_PASSED:
      return describe_passed (self, module, status);
    case TH_MODULE_STATE_IN_PROGRESS:
      return g_strdup (status->has_open_attempt ? _("In progress · answers saved")
                                                : C_("module status", "In progress"));
    case TH_MODULE_STATE_NOT_STARTED:
    default:
      return g_strdup (C_("module status", "Not started"));
    }
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  ThHomePage    *self)
{
  g_signal_emit (self, signals[MODULE_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "module"));
}

static gboolean
is_current (ThHomePage     *self,
            ThModule       *module,
            ThModuleStatus *status)
{
  return status && status->state == TH_MODULE_STATE_PASSED &&
         due_state (self, module, status, NULL) != TH_DUE_EXPIRED;
}

static GtkWidget *
create_module_row (ThHomePage     *self,
                   ThModule       *module,
                   ThModuleStatus *status)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = describe_status (self, module, status);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), th_module_get_title (module));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), th_module_get_summary (module));
  if (is_current (self, module, status))
    gtk_widget_add_css_class (label, "success");
  else if (status && status->state == TH_MODULE_STATE_PASSED)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The status is part of what a screen reader says for the row. GTK 4.8
   * turns no described-by relation into a description: it is given as one. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  g_object_set_data_full (G_OBJECT (row), "module", g_object_ref (module), g_object_unref);
  return row;
}

static GtkListBox *
add_group (ThHomePage *self,
           const char *title)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  heading, NULL, -1);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_box_append (self->groups, heading);
  gtk_box_append (self->groups, list);
  return GTK_LIST_BOX (list);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
show_progress (ThHomePage *self,
               guint       passed,
               guint       required)
{
  g_autofree char *text = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u of %u required module passed",
                 "%u of %u required modules passed", required), passed, required);

  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, required ? (double) passed / required : 0);
}

static void
show_resume (ThHomePage *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->resume_card, self->resumable != NULL);
  if (self->resumable == NULL)
    return;
  text = g_strdup_printf (_("You have an unfinished quiz in “%s”. Your answers so far are saved."),
                          th_module_get_title (self->resumable));
  gtk_label_set_text (self->resume_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->resume_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
fill_groups (ThHomePage *self,
             GHashTable *statuses)
{
  GListModel *modules = th_catalog_get_modules (self->catalog);
  guint passed = 0, required = 0;

  clear_box (self->groups);
  g_clear_object (&self->resumable);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      GtkListBox *list = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
        {
          g_autoptr(ThModule) module = g_list_model_get_item (modules, i);
          ThModuleStatus *status = statuses ? g_hash_table_lookup (statuses, th_module_get_id (module)) : NULL;

          if (th_module_get_kind (module) != groups[g].kind ||
              (groups[g].kind == TH_MODULE_KIND_THEME && th_module_get_level (module) != groups[g].level))
            continue;
          if (list == NULL)
            list = add_group (self, _(groups[g].title));
          gtk_list_box_append (list, create_module_row (self, module, status));

          /* Onboarding counts what is passed and still current. */
          required += th_module_get_required (module);
          passed += th_module_get_required (module) && is_current (self, module, status);
          if (status && status->has_open_attempt && self->resumable == NULL)
            self->resumable = g_object_ref (module);
        }
    }
  show_progress (self, passed, required);
  show_resume (self);
}

static void
on_refresher_clicked (GtkButton  *button,
                      ThHomePage *self)
{
  g_signal_emit (self, signals[REFRESHER_REQUESTED], 0, g_object_get_data (G_OBJECT (button), "module"));
}

static GtkWidget *
create_due_row (ThHomePage *self,
                ThModule   *module)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Start Refresher"));
  g_autofree char *description = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), th_module_get_title (module));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("A short quiz on what this module teaches, "
                                                       "focused on what you missed before"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  /* Which module the button refreshes, said as its description. */
  th_accessibility_fix_mnemonic_names (button);
  description = g_strdup_printf ("%s. %s", th_module_get_title (module),
                                 adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  g_object_set_data_full (G_OBJECT (button), "module", g_object_ref (module), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_refresher_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

/* What is due, each a step from being refreshed. */
static void
fill_due (ThHomePage *self,
          GHashTable *statuses)
{
  GListModel *modules = th_catalog_get_modules (self->catalog);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->due_list))) != NULL)
    gtk_list_box_remove (self->due_list, child);
  for (guint i = 0; statuses != NULL && i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(ThModule) module = g_list_model_get_item (modules, i);
      ThModuleStatus *status = g_hash_table_lookup (statuses, th_module_get_id (module));

      if (status && status->state == TH_MODULE_STATE_PASSED &&
          due_state (self, module, status, NULL) == TH_DUE_EXPIRED)
        {
          gtk_list_box_append (self->due_list, create_due_row (self, module));
          shown++;
        }
    }
  gtk_widget_set_visible (self->due_group, shown > 0);
}

static void
fill_problems (ThHomePage *self)
{
  GPtrArray *problems = th_catalog_get_problems (self->catalog);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problem_list))) != NULL)
    gtk_list_box_remove (self->problem_list, child);
  for (guint i = 0; i < problems->len; i++)
    {
      ThContentProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *where = g_filename_display_basename (problem->file);
      g_autofree char *title = problem->line > 0
        ? g_strdup_printf ("%s:%u", where, problem->line) : g_strdup (where);
      GtkWidget *row;

      if (problem->severity != TH_SEVERITY_ERROR)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
      gtk_list_box_append (self->problem_list, row);
      shown++;
    }
  gtk_widget_set_visible (self->problem_group, shown > 0);
}

static void
on_resume_clicked (ThHomePage *self)
{
  if (self->resumable != NULL)
    g_signal_emit (self, signals[MODULE_ACTIVATED], 0, self->resumable);
}

static void
th_home_page_dispose (GObject *object)
{
  ThHomePage *self = (ThHomePage *)object;

  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->learner);
  g_clear_object (&self->resumable);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (th_home_page_parent_class)->dispose (object);
}

static void
th_home_page_class_init (ThHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_home_page_dispose;

  signals[MODULE_ACTIVATED] =
    g_signal_new ("module-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TH_TYPE_MODULE);
  signals[REFRESHER_REQUESTED] =
    g_signal_new ("refresher-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TH_TYPE_MODULE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-home-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ThHomePage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ThHomePage, title);
  gtk_widget_class_bind_template_child (widget_class, ThHomePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ThHomePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ThHomePage, resume_card);
  gtk_widget_class_bind_template_child (widget_class, ThHomePage, resume_label);
  gtk_widget_class_bind_template_child (widget_class, ThHomePage, resume_button);
  gtk_widget_class_bind_template_child (widget_class, ThHomePage, groups);
  gtk_widget_class_bind_template_child (widget_class, ThHomePage, due_list);
  gtk_widget_class_bind_template_child (widget_class, ThHomePage, due_group);
  gtk_widget_class_bind_template_child (widget_class, ThHomePage, problem_list);
  gtk_widget_class_bind_template_child (widget_class, ThHomePage, problem_group);
  gtk_widget_class_bind_template_callback (widget_class, on_resume_clicked);
}

static void
th_home_page_init (ThHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  th_accessibility_fix_mnemonic_names (GTK_WIDGET (self));
  th_accessibility_name_menus (GTK_WIDGET (self));
}

/* Shows @learner's learning path as the store has it now; completions
 * expire after @default_months unless the records set another period. */
void
th_home_page_show (ThHomePage *self,
                   ThStore    *store,
                   ThCatalog  *catalog,
                   ThLearner  *learner,
                   guint       default_months)
{
  g_autoptr(GHashTable) statuses = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TH_IS_HOME_PAGE (self));
  g_return_if_fail (TH_IS_CATALOG (catalog));

  g_set_object (&self->store, store);
  g_set_object (&self->catalog, catalog);
  g_set_object (&self->learner, learner);
  self->default_months = default_months;
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = store ? th_store_dup_now (store) : g_date_time_new_now_utc ();

  adw_window_title_set_subtitle (self->title, learner ? th_learner_get_display_name (learner) : NULL);
  if (store != NULL && learner != NULL)
    statuses = th_store_get_module_statuses (store, th_learner_get_id (learner), &error);
  if (error != NULL)
    g_warning ("%s", error->message);
  fill_due (self, statuses);
  fill_groups (self, statuses);
  fill_problems (self);
}
