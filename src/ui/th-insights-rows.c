/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-insights-page"

#include "config.h"

#include <glib/gi18n.h>

#include "th-accessibility.h"
#include "th-insights-rows.h"
#include "th-text-rows.h"

/* The rows of the Insights page's lists: a moment the team most often
 * answers below its best, opening on what a huddle would talk over, and
 * a module with its attempts. */

static GtkWidget *
create_section_label (const char *heading,
                      const char *markup)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (heading);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), th_text_rows_create_label (markup));
  return box;
}

/* What opens under a moment: the situation, the weaker choice the team
 * took most often, and its feedback, in the content's own markup. */
static GtkWidget *
create_moment_content (const ThMomentInsight *moment)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *situation = moment->scenario->prompt
    ? g_strdup_printf ("%s\n\n<i>%s</i>", moment->scenario->situation, moment->scenario->prompt)
    : g_strdup (moment->scenario->situation);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), create_section_label (_("The situation"), situation));
  gtk_box_append (GTK_BOX (box), create_section_label (_("The weaker choice taken most often"),
                                                       moment->common->text));
  gtk_box_append (GTK_BOX (box), create_section_label (_("Its feedback"), moment->common->feedback));
  return th_text_rows_create_holder (box);
}

/* "12 attempts · 75% passed at the first attempt · median score 80% ·
 * 3 of 4 refreshers passed". */
static char *
describe_module (const ThModuleInsight *module)
{
  g_autofree char *attempts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attempt", "%u attempts",
                                                            module->attempts), module->attempts);
  /* TRANSLATORS: a share, as in "75%" */
  g_autofree char *first_rate = module->first_attempts
    ? g_strdup_printf (_("%u%%"), (guint) (100.0 * module->first_passed / module->first_attempts + 0.5))
    : g_strdup ("—");
  g_autofree char *median = module->attempts ? g_strdup_printf (_("%u%%"), module->median_percent)
                                             : g_strdup ("—");
  g_autofree char *refreshers = module->refreshers == 0 ? g_strdup (_("no refreshers taken"))
    /* TRANSLATORS: the plural follows the second number, the refreshers taken */
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u refresher passed", "%u of %u refreshers passed",
                                    module->refreshers), module->refreshers_passed, module->refreshers);

  /* TRANSLATORS: a module's attempts; the share of learners who passed at
   * their first attempt ("75%", or "—" with none); the median score;
   * and the refreshers passed */
  return g_strdup_printf (_("%s · passed at the first attempt: %s · median score: %s · %s"),
                          attempts, first_rate, median, refreshers);
}

/* A moment, its module and how often its weaker choice was taken. */
GtkWidget *
th_insights_rows_create_moment (const ThMomentInsight *moment)
{
  GtkWidget *row = adw_expander_row_new ();
  const char *module = moment->module ? th_module_get_title (moment->module) : moment->module_id;
  g_autofree char *subtitle =
    /* TRANSLATORS: a moment's module, then how many answers took its most
     * common weaker choice; the plural follows the second number */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u of %u answer took its most common weaker choice",
                                  "%s · %u of %u answers took its most common weaker choice", moment->answers),
                     module, moment->common_count, moment->answers);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), moment->scenario->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  /* libadwaita 1.2 names only the row's header: the row says which
   * moment it is too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, moment->scenario->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  th_accessibility_track_expanded (ADW_EXPANDER_ROW (row));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_moment_content (moment));
  return row;
}

/* A module, by title, with its attempts, first-attempt passes, median
 * score and refreshers. */
GtkWidget *
th_insights_rows_create_module (const ThModuleInsight *module)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_module (module);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 module->module ? th_module_get_title (module->module) : module->module_id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}
