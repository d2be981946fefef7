/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-refresher-periods"

#include "config.h"

#include <glib/gi18n.h>

#include "th-catalog-model.h"
#include "th-module.h"
#include "th-refresher-periods.h"

/* Where a supervisor sets how long a completion lasts: for every module,
 * and for single modules. Each change is recorded as it is made, in the
 * audit trail like every setting. */
struct _ThRefresherPeriods
{
  AdwWindow             parent_instance;

  /* template widgets */
  AdwToastOverlay      *toasts;
  AdwActionRow         *organisation_row;
  AdwPreferencesGroup  *modules_group;

  /* owned references */
  ThStore              *store;
  GtkWidget            *organisation_spin;
  GPtrArray            *module_spins;   /* of GtkSpinButton, with "module-id" and
                                           "follow" (its button) data */
  guint                 default_months;
  gboolean              unreadable;     /* a period could not be read */
};

G_DEFINE_FINAL_TYPE (ThRefresherPeriods, th_refresher_periods, ADW_TYPE_WINDOW)

static void on_value_changed (GtkSpinButton *spin, ThRefresherPeriods *self);

static GtkWidget *
add_spin (AdwActionRow *row,
          guint         months)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 120, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), months);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, spin);
  /* The row names the field it activates, for a screen reader too. */
  adw_action_row_set_activatable_widget (row, spin);
  return spin;
}

/* A period that cannot be read is said so, once, and nothing can be set
 * from a value that was never read. */
static void
refuse_unreadable (ThRefresherPeriods *self,
                   GError             *error,
                   GtkWidget          *spin)
{
  gtk_widget_set_sensitive (spin, FALSE);
  if (self->unreadable)
    return;
  self->unreadable = TRUE;
  adw_toast_overlay_add_toast (self->toasts,
                               adw_toast_new_format (_("The refresher periods cannot be read: %s"),
                                                     error->message));
}

/* The period @module_id has (the organisation's for %NULL), or 0 when it
 * cannot be read. */
static guint
read_period (ThRefresherPeriods *self,
             const char         *module_id,
             GtkWidget          *spin)
{
  g_autoptr(GError) error = NULL;
  guint months = th_store_get_refresher_months (self->store, module_id, self->default_months, &error);

  if (months == 0)
    refuse_unreadable (self, error, spin);
  return months;
}

/* A module's period as the records have it, and whether it is its own. */
static void
show_module_period (ThRefresherPeriods *self,
                    GtkSpinButton      *spin)
{
  const char *module_id = g_object_get_data (G_OBJECT (spin), "module-id");
  GtkWidget *follow = g_object_get_data (G_OBJECT (spin), "follow");
  g_autoptr(GError) error = NULL;
  guint months = read_period (self, module_id, GTK_WIDGET (spin));
  guint own = months > 0 ? th_store_get_own_refresher_months (self->store, module_id, &error) : 0;

  if (error != NULL)
    refuse_unreadable (self, error, GTK_WIDGET (spin));
  if (months == 0 || error != NULL)
    {
      gtk_widget_set_sensitive (follow, FALSE);
      return;
    }
  g_signal_handlers_block_by_func (spin, on_value_changed, self);
  gtk_spin_button_set_value (spin, months);
  g_signal_handlers_unblock_by_func (spin, on_value_changed, self);
  gtk_widget_set_sensitive (follow, own > 0);
}

/* The modules that follow the organisation's period show the new one. */
static void
show_module_periods (ThRefresherPeriods *self)
{
  for (guint i = 0; i < self->module_spins->len; i++)
    show_module_period (self, self->module_spins->pdata[i]);
}

static void
on_value_changed (GtkSpinButton      *spin,
                  ThRefresherPeriods *self)
{
  const char *module_id = g_object_get_data (G_OBJECT (spin), "module-id");
  g_autoptr(GError) error = NULL;

  /* Closing: what was typed was written on close-request. */
  if (self->store == NULL)
    return;
  if (!th_store_set_refresher_months (self->store, module_id, (guint) gtk_spin_button_get_value_as_int (spin),
                                      &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  if (module_id == NULL)
    show_module_periods (self);
  else
    show_module_period (self, spin);
}

static void
on_follow_clicked (GtkButton          *button,
                   ThRefresherPeriods *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (button), "spin");
  g_autoptr(GError) error = NULL;

  if (!th_store_follow_refresher_months (self->store, g_object_get_data (G_OBJECT (spin), "module-id"),
                                         &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  show_module_period (self, spin);
}

/* The button that gives a module back the organisation's period. */
static GtkWidget *
add_follow_button (ThRefresherPeriods *self,
                   AdwActionRow       *row,
                   GtkWidget          *spin)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  const char *tip = _("Use the period for every module");
  /* TRANSLATORS: what a screen reader says for the button that gives a
   * module ("%s", its title) the period set for every module */
  g_autofree char *name = g_strdup_printf (_("Use the period for every module for “%s”"),
                                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "spin", spin);
  g_signal_connect (button, "clicked", G_CALLBACK (on_follow_clicked), self);
  adw_action_row_add_suffix (row, button);
  return button;
}

static void
add_module_rows (ThRefresherPeriods *self,
                 ThCatalog          *catalog)
{
  GListModel *modules = th_catalog_get_modules (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(ThModule) module = g_list_model_get_item (modules, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), th_module_get_title (module));
      spin = add_spin (ADW_ACTION_ROW (row), self->default_months);
      g_object_set_data_full (G_OBJECT (spin), "module-id", g_strdup (th_module_get_id (module)), g_free);
      g_object_set_data (G_OBJECT (spin), "follow", add_follow_button (self, ADW_ACTION_ROW (row), spin));
      show_module_period (self, GTK_SPIN_BUTTON (spin));
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_value_changed), self);
      g_ptr_array_add (self->module_spins, spin);
      adw_preferences_group_add (self->modules_group, row);
    }
}

/* A number typed but not yet entered is written before the window goes. */
static gboolean
on_close_request (ThRefresherPeriods *self)
{
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->organisation_spin));
  for (guint i = 0; i < self->module_spins->len; i++)
    gtk_spin_button_update (self->module_spins->pdata[i]);
  return FALSE;
}

static void
th_refresher_periods_dispose (GObject *object)
{
  ThRefresherPeriods *self = (ThRefresherPeriods *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->module_spins, g_ptr_array_unref);

  G_OBJECT_CLASS (th_refresher_periods_parent_class)->dispose (object);
}

static void
th_refresher_periods_class_init (ThRefresherPeriodsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_refresher_periods_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-refresher-periods.ui");
  gtk_widget_class_bind_template_child (widget_class, ThRefresherPeriods, toasts);
  gtk_widget_class_bind_template_child (widget_class, ThRefresherPeriods, organisation_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_bind_template_child (widget_class, ThRefresherPeriods, modules_group);
}

static void
th_refresher_periods_init (ThRefresherPeriods *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->module_spins = g_ptr_array_new ();
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
}

/**
 * th_refresher_periods_new:
 * @default_months: the installation's period, when the records set none
 */
ThRefresherPeriods *
th_refresher_periods_new (GtkWindow *parent,
                          ThStore   *store,
                          ThCatalog *catalog,
                          guint      default_months)
{
  ThRefresherPeriods *self;
  GtkWidget *spin;
  guint months;

  g_return_val_if_fail (TH_IS_STORE (store), NULL);
  g_return_val_if_fail (TH_IS_CATALOG (catalog), NULL);

  self = g_object_new (TH_TYPE_REFRESHER_PERIODS, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->default_months = default_months;
  spin = add_spin (self->organisation_row, default_months);
  self->organisation_spin = spin;
  months = read_period (self, NULL, spin);
  if (months > 0)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), months);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_value_changed), self);
  add_module_rows (self, catalog);
  return self;
}
