/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-window"

#include "config.h"

#include <glib/gi18n.h>

#include "th-content-problem.h"
#include "th-window.h"

struct _ThWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  GtkListBox           *module_list;
  GtkListBox           *problem_list;
  GtkWidget            *problem_group;

  /* owned references */
  ThCatalog            *catalog;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (ThWindow, th_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_module_row (gpointer item,
                   gpointer user_data)
{
  ThModule *module = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), th_module_get_title (module));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), th_module_get_summary (module));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

static void
add_problem_rows (ThWindow *self)
{
  GPtrArray *problems = th_catalog_get_problems (self->catalog);
  guint shown = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      ThContentProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *where = g_path_get_basename (problem->file);
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
th_window_dispose (GObject *object)
{
  ThWindow *self = (ThWindow *)object;

  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (th_window_parent_class)->dispose (object);
}

static void
th_window_class_init (ThWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ThWindow, module_list);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, problem_list);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, problem_group);
}

static void
th_window_init (ThWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

ThWindow *
th_window_new (ThApplication *application,
               ThCatalog     *catalog)
{
  ThWindow *self;

  g_return_val_if_fail (TH_IS_CATALOG (catalog), NULL);

  self = g_object_new (TH_TYPE_WINDOW, "application", application, NULL);
  self->catalog = g_object_ref (catalog);
  gtk_list_box_bind_model (self->module_list, th_catalog_get_modules (catalog),
                           create_module_row, self, NULL);
  add_problem_rows (self);
  return self;
}

/**
 * th_window_get_module_list:
 *
 * Returns: (transfer none): the list of modules on the learning path
 */
GtkListBox *
th_window_get_module_list (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);
  return self->module_list;
}

/**
 * th_window_get_problem_list:
 *
 * Returns: (transfer none): the list of module files that could not be
 *   loaded, with why
 */
GtkListBox *
th_window_get_problem_list (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);
  return self->problem_list;
}

void
th_window_show_error (ThWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (TH_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
