/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-insights-page"

#include "config.h"

#include <glib/gi18n.h>

#include "th-insights-page-private.h"
#include "th-record-scope.h"
#include "th-report.h"

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

/* The page's saving actions: to a file chosen, or (for tests) to a path. */
void
th_insights_page_class_export_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "insights.save-huddle-sheet", NULL,
                                   save_huddle_sheet_activated);
  gtk_widget_class_install_action (widget_class, "insights.save-huddle-sheet-to", "ay",
                                   save_huddle_sheet_to_activated);
  gtk_widget_class_install_action (widget_class, "insights.save-csv", NULL, save_csv_activated);
  gtk_widget_class_install_action (widget_class, "insights.save-csv-to", "ay", save_csv_to_activated);
}
