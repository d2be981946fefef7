/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-insights-page.h"
#include "th-tag-chart.h"

G_BEGIN_DECLS

/* What the team finds hard, for a lead's next huddle: per principle and
 * theme, the moments most often answered below their best, and each
 * module's attempts, over a period. Read on a worker thread whenever the
 * period changes; a read that fails says so, and never passes for a
 * period without answers. th-insights-page.c reads and shows them;
 * th-insights-page-export.c saves them as a huddle sheet or a CSV file. */
struct _ThInsightsPage
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkWidget      *toolbar;
  AdwWindowTitle *title;
  GtkDropDown    *period_dropdown;
  GtkWidget      *days_box;
  GtkEntry       *since_entry;
  GtkEntry       *until_entry;
  GtkLabel       *days_error;
  GtkSwitch      *archived_switch;
  GtkToggleButton *numbers_toggle;
  GtkStack       *state_stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkLabel       *summary_label;
  ThTagChart     *principles_chart;
  ThTagChart     *themes_chart;
  GtkListBox     *principles_numbers;
  GtkListBox     *themes_numbers;
  GtkListBox     *moment_list;
  GtkWidget      *no_moments_label;
  GtkListBox     *module_list;

  /* owned references */
  ThStore        *store;
  ThCatalog      *catalog;
  ThInsights     *insights;     /* as shown, or NULL */
  GCancellable   *loading;      /* while a read is under way */
  ThRecordScope  *scope;        /* the period of the insights shown */
};

/* th-insights-page-export.c: saving what the page shows */
void th_insights_page_class_export_init (GtkWidgetClass *widget_class);

G_END_DECLS
