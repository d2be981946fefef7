/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-window"

#include "config.h"

#include "th-organisation-records.h"
#include "th-refresher-periods.h"
#include "th-unlock-dialog.h"
#include "th-window-private.h"

static void
home_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ThWindow *self = (ThWindow *)widget;

  g_assert (TH_IS_WINDOW (self));

  th_window_show_home (self);
}

/* Unlocked already, this only goes back to the supervisor's view. */
static void
supervisor_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ThWindow *self = (ThWindow *)widget;

  g_assert (TH_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  if (self->supervisor_id != 0)
    th_window_show_supervisor_view (self);
  else
    th_window_unlock (self);
}

/* The team's insights, a page of supervisor mode. */
static void
insights_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ThWindow *self = (ThWindow *)widget;

  g_assert (TH_IS_WINDOW (self));

  th_window_show_insights (self);
}

static void
add_supervisor_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ThWindow *self = (ThWindow *)widget;
  ThUnlockDialog *dialog;

  g_assert (TH_IS_WINDOW (self));

  if (self->supervisor_id == 0)
    return;
  dialog = th_unlock_dialog_new_for_adding (GTK_WINDOW (self), self->store);
  th_window_present_supervisor_window (self, GTK_WINDOW (dialog));
}

/* The matrix shows the new expiries once the periods are set, and the
 * records fetched from other workstations once the organisation's
 * records are seen to. */
static void
on_supervisor_window_closed (ThWindow *self)
{
  g_assert (TH_IS_WINDOW (self));

  th_window_show_supervisor_view (self);
}

static void
refresher_periods_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ThWindow *self = (ThWindow *)widget;
  ThRefresherPeriods *periods;

  g_assert (TH_IS_WINDOW (self));

  if (self->supervisor_id == 0 || self->catalog == NULL)
    return;
  periods = th_refresher_periods_new (GTK_WINDOW (self), self->store, self->catalog,
                                      th_window_default_months (self));
  g_signal_connect_object (periods, "destroy", G_CALLBACK (on_supervisor_window_closed), self,
                           G_CONNECT_SWAPPED);
  th_window_present_supervisor_window (self, GTK_WINDOW (periods));
}

/* The organisation's Learning Record Store, and what became of the
 * records sent to it. */
static void
organisation_records_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ThWindow *self = (ThWindow *)widget;
  ThOrganisationRecords *records;

  g_assert (TH_IS_WINDOW (self));

  if (self->supervisor_id == 0 || self->sender == NULL)
    return;
  records = th_organisation_records_new (GTK_WINDOW (self), self->store, self->sender);
  g_signal_connect_object (records, "destroy", G_CALLBACK (on_supervisor_window_closed), self,
                           G_CONNECT_SWAPPED);
  th_window_present_supervisor_window (self, GTK_WINDOW (records));
}

/* Locking, and switching profile, which locks the desk too. */
static void
lock_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ThWindow *self = (ThWindow *)widget;

  g_assert (TH_IS_WINDOW (self));

  th_window_lock (self);
}

/* The shortcuts window is built when asked for and destroyed when closed.
 * One made ahead and kept hidden (as GtkApplication does with
 * gtk/help-overlay.ui) has no accessible object path: GTK 4.8 hands it to
 * an AT-SPI client that asks the application for a child past its shown
 * windows, and crashes. */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ThWindow *self = (ThWindow *)widget;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  g_assert (TH_IS_WINDOW (self));

  builder = gtk_builder_new_from_resource ("/io/github/threshold/Threshold/th-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (self));
  gtk_window_set_hide_on_close (shortcuts, FALSE);
  gtk_window_present (shortcuts);
}

/* Called from class_init: the window's actions and their keys. */
void
th_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.home", NULL, home_activated);
  gtk_widget_class_install_action (widget_class, "win.switch-profile", NULL,
                                   lock_activated);
  gtk_widget_class_install_action (widget_class, "win.supervisor", NULL, supervisor_activated);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_activated);
  gtk_widget_class_install_action (widget_class, "win.insights", NULL, insights_activated);
  gtk_widget_class_install_action (widget_class, "win.add-supervisor", NULL,
                                   add_supervisor_activated);
  gtk_widget_class_install_action (widget_class, "win.refresher-periods", NULL,
                                   refresher_periods_activated);
  gtk_widget_class_install_action (widget_class, "win.organisation-records", NULL,
                                   organisation_records_activated);
  /* Its key, Ctrl+?, is the application's: set in its startup. */
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.home", NULL);
}
