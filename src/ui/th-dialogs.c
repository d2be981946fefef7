/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "th-dialogs.h"

/**
 * th_dialogs_show_error:
 *
 * Says what went wrong in a message dialog over @widget's window.
 */
void
th_dialogs_show_error (GtkWidget  *widget,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Every save action installed, by both its names: an action's callback
 * is told only its name. */
static GHashTable *save_actions;

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  GtkWidget       *widget)
{
  const ThSaveAction *action = g_object_get_data (G_OBJECT (chooser), "th-save-action");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      action->save (widget, path);
    }
  g_object_unref (chooser);
}

/* Asks where to save, with the desktop's own chooser, then has the
 * action write there. */
static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const ThSaveAction *action = g_hash_table_lookup (save_actions, action_name);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_(action->title), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _(action->file_name));
  g_object_set_data (G_OBJECT (chooser), "th-save-action", (gpointer) action);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_to_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const ThSaveAction *action = g_hash_table_lookup (save_actions, action_name);

  action->save (widget, g_variant_get_bytestring (parameter));
}

/**
 * th_dialogs_class_install_save_action:
 * @action: (transfer none): kept, so static
 *
 * Installs @action's names on @widget_class, for its class_init.
 */
void
th_dialogs_class_install_save_action (GtkWidgetClass     *widget_class,
                                      const ThSaveAction *action)
{
  if (save_actions == NULL)
    save_actions = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (save_actions, (gpointer) action->action_name, (gpointer) action);
  gtk_widget_class_install_action (widget_class, action->action_name, NULL, save_as_activated);
  if (action->path_action_name == NULL)
    return;
  g_hash_table_insert (save_actions, (gpointer) action->path_action_name, (gpointer) action);
  gtk_widget_class_install_action (widget_class, action->path_action_name, "ay", save_to_activated);
}
