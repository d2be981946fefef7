/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-accessibility"

#include "config.h"

#include "th-accessibility.h"

/* Work-arounds for what GTK 4.8 tells screen readers wrongly. */

/* GTK 4.8 names a button whose label has a mnemonic twice over, the first
 * time with the underscore: a screen reader says "_Next Next". Its label
 * child names it already, so the raw label goes. */
static void
drop_mnemonic_name (GtkWidget  *button,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  if (gtk_button_get_use_underline (GTK_BUTTON (button)) && gtk_button_get_label (GTK_BUTTON (button)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/**
 * th_accessibility_fix_mnemonic_names:
 *
 * Fixes the names of every button in @widget's tree, now and whenever a
 * label changes. Call it on a page once built, and on buttons made later.
 */
void
th_accessibility_fix_mnemonic_names (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget))
    {
      drop_mnemonic_name (widget, NULL, NULL);
      g_signal_connect (widget, "notify::label", G_CALLBACK (drop_mnemonic_name), NULL);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    th_accessibility_fix_mnemonic_names (child);
}

static void
update_name_from_tooltip (GtkWidget  *widget,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    tooltip, -1);
}

/**
 * th_accessibility_name_by_tooltip:
 *
 * Names @widget by its tooltip, now and whenever the tooltip changes. GTK
 * 4.8 does not: a toolkit's icon (the eye that shows a password) is
 * called "GtkImage" otherwise.
 */
void
th_accessibility_name_by_tooltip (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  update_name_from_tooltip (widget, NULL, NULL);
  g_signal_connect (widget, "notify::tooltip-text", G_CALLBACK (update_name_from_tooltip), NULL);
}
