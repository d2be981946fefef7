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

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  GtkWidget       *widget)
{
  ThSaveFunc save = g_object_get_data (G_OBJECT (chooser), "th-save");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      save (widget, path);
    }
  g_object_unref (chooser);
}

/**
 * th_dialogs_save_as:
 * @name: the file name offered
 * @save: writes the file the person chose, with @widget
 *
 * Asks where to save, then has @save write there.
 */
void
th_dialogs_save_as (GtkWidget  *widget,
                    const char *title,
                    const char *name,
                    ThSaveFunc  save)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "th-save", save);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
