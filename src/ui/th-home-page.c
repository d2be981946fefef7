/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-home-page"

#include "config.h"

#include <glib/gi18n.h>

#include "th-accessibility.h"
#include "th-catalog-model.h"
#include "th-content-problem.h"
#include "th-home-page.h"
#include "th-completion-matrix.h"

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
  guint           default_months;
};

G_DEFINE_FINAL_TYPE (ThHomePage, th_home_page, GTK_TYPE_WIDGET)

enum {
  MODULE_ACTIVATED,
  REFRESHER_REQUESTED,
  RESUME_REQUESTED,
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
format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_time);

  /* TRANSLATORS: a date in words, which reads the same in every country,
   * as in "12 July 2026"; see g_date_time_format() for the codes */
  return local ? g_date_time_format (local, C_("date format", "%-d %B %Y")) : g_strdup ("");
}

/* What the learning path says of a module: the core judged the cell; a
 * cell that could not be read is said to be unknown, never "not started". */
static char *
describe_status (ThMatrixCell   *cell,
                 ThModuleStatus *status)
{
  g_autofree char *date = NULL;

  if (cell == NULL)
    return g_strdup (_("Progress unavailable"));
  switch (cell->state)
    {
    case TH_CELL_OVERDUE:
      return g_strdup (_("Refresher due"));
    case TH_CELL_DUE_SOON:
      date = format_date (cell->expires_at);
      /* TRANSLATORS: a refresher is due by this date */
      return g_strdup_printf (_("Refresher due soon · by %s"), date);
    case TH_CELL_PASSED:
      date = format_date (cell->completed_at);
      /* TRANSLATORS: a module's status: its score and the date it was passed */
      return g_strdup_printf (_("Passed · %d%% · %s"), cell->percent, date);
    case TH_CELL_IN_PROGRESS:
      return g_strdup (status && status->has_open_attempt ? _("In progress · answers saved")
                                                          : C_("module status", "In progress"));
    case TH_CELL_NOT_PASSED:
      date = format_date (cell->tried_at);
      /* TRANSLATORS: a module's status: tried, not passed; the score and
       * the date of the latest attempt */
      return g_strdup_printf (_("Not passed yet · %d%% · %s"), cell->percent, date);
    case TH_CELL_NOT_STARTED:
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

static GtkWidget *
create_module_row (ThHomePage     *self,
                   ThModule       *module,
                   ThMatrixCell   *cell,
                   ThModuleStatus *status)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = describe_status (cell, status);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), th_module_get_title (module));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), th_module_get_summary (module));
  if (cell != NULL && th_matrix_cell_is_current (cell))
    gtk_widget_add_css_class (label, "success");
  else if (cell == NULL || cell->state == TH_CELL_OVERDUE)
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

/* Onboarding, as the core counts it; unknown when the records could not
 * be read. */
static void
show_progress (ThHomePage         *self,
               ThCompletionMatrix *matrix,
               ThMatrixRow        *row,
               const GError       *error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  guint required, passed;

  if (row == NULL)
    {
      text = g_strdup_printf (_("Your progress cannot be read: %s"),
                              error ? error->message : _("this profile is not in the records"));
      gtk_label_set_text (self->progress_label, text);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      return;
    }
  missing = th_completion_matrix_dup_missing (matrix, row);
  required = th_completion_matrix_count_required (matrix);
  passed = required - missing->len;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u required module passed",
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
fill_groups (ThHomePage  *self,
             ThMatrixRow *row,
             GHashTable  *statuses)
{
  GListModel *modules = th_catalog_get_modules (self->catalog);

  clear_box (self->groups);
  g_clear_object (&self->resumable);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      GtkListBox *list = NULL;

      /* The matrix's columns are the catalog's modules, in its order. */
      for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
        {
          g_autoptr(ThModule) module = g_list_model_get_item (modules, i);
          ThModuleStatus *status = statuses ? g_hash_table_lookup (statuses, th_module_get_id (module)) : NULL;
          ThMatrixCell *cell = row ? th_matrix_row_get_cell (row, i) : NULL;

          if (th_module_get_kind (module) != groups[g].kind ||
              (groups[g].kind == TH_MODULE_KIND_THEME && th_module_get_level (module) != groups[g].level))
            continue;
          if (list == NULL)
            list = add_group (self, _(groups[g].title));
          gtk_list_box_append (list, create_module_row (self, module, cell, status));
          if (status && status->has_open_attempt && self->resumable == NULL)
            self->resumable = g_object_ref (module);
        }
    }
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
fill_due (ThHomePage  *self,
          ThMatrixRow *row)
{
  GListModel *modules = th_catalog_get_modules (self->catalog);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->due_list))) != NULL)
    gtk_list_box_remove (self->due_list, child);
  for (guint i = 0; row != NULL && i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(ThModule) module = g_list_model_get_item (modules, i);

      if (th_matrix_row_get_cell (row, i)->state == TH_CELL_OVERDUE)
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

/* Straight back to the moment to answer, not to the lesson before it. */
static void
on_resume_clicked (ThHomePage *self)
{
  if (self->resumable != NULL)
    g_signal_emit (self, signals[RESUME_REQUESTED], 0, self->resumable);
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
  signals[RESUME_REQUESTED] =
    g_signal_new ("resume-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
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
  g_autoptr(ThCompletionMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  ThMatrixRow *row = NULL;

  g_return_if_fail (TH_IS_HOME_PAGE (self));
  g_return_if_fail (TH_IS_CATALOG (catalog));

  g_set_object (&self->store, store);
  g_set_object (&self->catalog, catalog);
  g_set_object (&self->learner, learner);
  self->default_months = default_months;

  adw_window_title_set_subtitle (self->title, learner ? th_learner_get_display_name (learner) : NULL);
  if (store != NULL && learner != NULL)
    {
      gint64 id = th_learner_get_id (learner);

      matrix = th_completion_matrix_load_learner (store, catalog, default_months, id, &error);
      statuses = matrix ? th_store_dup_module_statuses (store, id, &error) : NULL;
      row = statuses ? th_completion_matrix_find_row (matrix, id) : NULL;
    }
  fill_due (self, row);
  fill_groups (self, row, statuses);
  show_progress (self, matrix, row, error);
  fill_problems (self);
}
