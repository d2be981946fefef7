/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-tag-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "th-tag-chart-private.h"

/* The chart in words: what a screen reader is told, and the list of
 * numbers shown on demand. Both say the same figures the bars draw. */

/* "12 choices honour it" and "3 work against it", each with its plural. */
static char *
dup_honours (guint n)
{
  /* TRANSLATORS: how many of the choices made honour a principle or theme */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u choice honours it", "%u choices honour it", n), n);
}

static char *
dup_breaks (guint n)
{
  /* TRANSLATORS: how many of the choices made work against a principle
   * or theme; follows "12 choices honour it, " */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u works against it", "%u work against it", n), n);
}

static char *
dup_percent (guint honoured,
             guint broken)
{
  /* TRANSLATORS: a share of the choices, as in "80%" */
  return g_strdup_printf (_("%u%%"), (guint) (100.0 * honoured / (honoured + broken) + 0.5));
}

/* "2026-Q1 80%, 2026-Q2 90%": the quarters with answers for @tag, or
 * NULL with fewer than two. */
static char *
dup_trend (ThTagChart *self,
           ThTag       tag)
{
  g_autoptr(GString) trend = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; self->quarters && self->quarters[i]; i++)
    {
      ThTagTally in = th_insights_get_tally_in (self->insights, tag, self->quarters[i]);
      g_autofree char *percent = NULL;

      if (in.honoured + in.broken == 0)
        continue;
      percent = dup_percent (in.honoured, in.broken);
      if (n++ > 0)
        g_string_append (trend, ", ");
      /* TRANSLATORS: a quarter and the share of choices that honoured a
       * principle in it, as in "2026-Q2 80%" */
      g_string_append_printf (trend, _("%s %s"), self->quarters[i], percent);
    }
  return n >= 2 ? g_string_free (g_steal_pointer (&trend), FALSE) : NULL;
}

/* "Humanism: 12 choices honour it, 3 work against it", and the trend. */
static char *
describe_tag (ThTagChart *self,
              ThTag       tag)
{
  ThTagTally tally = th_tag_chart_tally_of (self, tag);
  g_autofree char *honours = dup_honours (tally.honoured);
  g_autofree char *breaks = dup_breaks (tally.broken);
  g_autofree char *trend = self->insights ? dup_trend (self, tag) : NULL;

  if (trend != NULL)
    /* TRANSLATORS: a principle, its counts, and the share of choices that
     * honoured it in each quarter */
    return g_strdup_printf (_("%s: %s, %s (share that honours it by quarter: %s)"),
                            th_tag_get_title (tag), honours, breaks, trend);
  /* TRANSLATORS: a principle and its counts, as in "Humanism: 12 choices
   * honour it, 3 work against it" */
  return g_strdup_printf (_("%s: %s, %s"), th_tag_get_title (tag), honours, breaks);
}

/* The chart in words, for a screen reader: its name and every figure.
 * The caller tells of the new text alternative. */
void
th_tag_chart_update_text (ThTagChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  ThTag first, last;

  th_tag_chart_tag_range (self, &first, &last);
  for (ThTag tag = first; tag <= last; tag++)
    {
      g_autofree char *line = describe_tag (self, tag);

      g_string_append (text, line);
      g_string_append (text, tag < last ? "; " : ".");
    }
  g_free (self->text_alternative);
  self->text_alternative = g_string_free (g_steal_pointer (&text), FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->kind == TH_TAG_CHART_PRINCIPLES
                                  ? _("Principles: choices that honour each, against choices that work against it")
                                  : _("Themes: choices that honour each, against choices that work against it"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text_alternative,
                                  -1);
}

/* The chart in words: every figure, as a screen reader is told it. */
const char *
th_tag_chart_get_text_alternative (ThTagChart *self)
{
  g_return_val_if_fail (TH_IS_TAG_CHART (self), NULL);
  return self->text_alternative;
}

/**
 * th_tag_chart_fill_numbers:
 * @list: a list to hold the numbers
 *
 * Puts the chart's numbers in @list, a row for each principle or theme,
 * in place of what it held: the figures on demand, for anyone who would
 * rather read them than the bars.
 */
void
th_tag_chart_fill_numbers (ThTagChart *self,
                           GtkListBox *list)
{
  ThTag first, last;
  GtkWidget *child;

  g_return_if_fail (TH_IS_TAG_CHART (self));
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  th_tag_chart_tag_range (self, &first, &last);
  for (ThTag tag = first; tag <= last; tag++)
    {
      ThTagTally tally = th_tag_chart_tally_of (self, tag);
      g_autofree char *honours = dup_honours (tally.honoured);
      g_autofree char *breaks = dup_breaks (tally.broken);
      g_autofree char *trend = self->insights ? dup_trend (self, tag) : NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* TRANSLATORS: "12 choices honour it, 3 work against it" */
      subtitle = g_strdup_printf (_("%s, %s"), honours, breaks);
      if (trend != NULL)
        {
          /* TRANSLATORS: the counts, then the share that honoured a
           * principle in each quarter */
          g_autofree char *with_trend = g_strdup_printf (_("%s · by quarter: %s"), subtitle, trend);
          g_free (subtitle);
          subtitle = g_steal_pointer (&with_trend);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), th_tag_get_title (tag));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* A stop for a screen reader to read; nothing to do. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (list, row);
    }
}
