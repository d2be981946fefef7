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
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;

  /* Locked, or read again, while the file chooser was open. */
  if (self->insights == NULL)
    return;
  if ((author = th_report_dup_author (self->store, &error)) == NULL ||
      !th_report_write_insights_pdf (self->insights, self->scope, author, path, &error))
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

static const ThSaveAction save_huddle_sheet = {
  "insights.save-huddle-sheet", "insights.save-huddle-sheet-to",
  N_("Save the Huddle Sheet"), N_("huddle-sheet.pdf"), write_huddle_sheet,
};

static const ThSaveAction save_csv = {
  "insights.save-csv", "insights.save-csv-to",
  N_("Save the Insights as CSV"), N_("team-insights.csv"), write_csv,
};

/* The page's saving actions: to a file chosen, or (for tests) to a path. */
void
th_insights_page_class_export_init (GtkWidgetClass *widget_class)
{
  th_dialogs_class_install_save_action (widget_class, &save_huddle_sheet);
  th_dialogs_class_install_save_action (widget_class, &save_csv);
}
