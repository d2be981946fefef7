/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-insights-page"

#include "config.h"

#include <glib/gi18n.h>

#include "th-dialogs.h"
#include "th-insights-page-private.h"
#include "th-record-scope.h"
#include "th-report.h"

/* The huddle sheet of the insights shown, for their period. */
static void
write_huddle_sheet (GtkWidget  *widget,
                    const char *path)
{
  ThInsightsPage *self = TH_INSIGHTS_PAGE (widget);
  ThRecordScope scope = { self->since, self->until, self->archived, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;

  /* Locked, or read again, while the file chooser was open. */
  if (self->insights == NULL)
    return;
  if ((author = th_report_dup_author (self->store, &error)) == NULL ||
      !th_report_write_insights_pdf (self->insights, &scope, author, path, &error))
    th_dialogs_show_error (widget, _("The Huddle Sheet Could Not Be Saved"), error->message);
}

static void
write_csv (GtkWidget  *widget,
           const char *path)
{
  ThInsightsPage *self = TH_INSIGHTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->insights == NULL)
    return;
  if (!th_report_write_insights_csv (self->insights, path, &error))
    th_dialogs_show_error (widget, _("The Insights Could Not Be Saved"), error->message);
}

/* The paths come from the file chooser; tests give one directly. */
static void
save_huddle_sheet_to_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  write_huddle_sheet (widget, g_variant_get_bytestring (parameter));
}

static void
save_csv_to_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  write_csv (widget, g_variant_get_bytestring (parameter));
}

static void
save_huddle_sheet_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  th_dialogs_save_as (widget, _("Save the Huddle Sheet"), _("huddle-sheet.pdf"), write_huddle_sheet);
}

static void
save_csv_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  th_dialogs_save_as (widget, _("Save the Insights as CSV"), _("team-insights.csv"), write_csv);
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
