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

static void
describe_choice (GtkDropDown *drop_down,
                 GParamSpec  *pspec,
                 GtkWidget   *button)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);

  if (GTK_IS_STRING_OBJECT (item))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    gtk_string_object_get_string (item), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * th_accessibility_name_drop_down:
 *
 * The button inside a GTK 4.8 drop-down is what takes the focus, and it is
 * called "GtkToggleButton": it is named by the drop-down's own label, and
 * described by the choice it shows.
 */
void
th_accessibility_name_drop_down (GtkDropDown *drop_down)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_TOGGLE_BUTTON (child))
        continue;
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      drop_down, NULL, -1);
      describe_choice (drop_down, NULL, child);
      g_signal_connect_object (drop_down, "notify::selected-item", G_CALLBACK (describe_choice),
                               child, 0);
    }
}

static void
update_expanded (AdwExpanderRow *row,
                 GParamSpec     *pspec,
                 gpointer        user_data)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED,
                               adw_expander_row_get_expanded (row), -1);
}

/**
 * th_accessibility_track_expanded:
 *
 * libadwaita 1.2 does not say whether an expander row is open: the row
 * says so itself, now and whenever it opens or closes.
 */
void
th_accessibility_track_expanded (AdwExpanderRow *row)
{
  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  update_expanded (row, NULL, NULL);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (update_expanded), NULL);
}

/**
 * th_accessibility_set_cell_row:
 * @cell_child: the widget a column view's factory put in a cell
 * @name: what the row is called, such as the person it is about
 * @description: (nullable): what a screen reader says after the name
 *
 * GTK 4.8 gives a column view's rows no way to be named: each one, the
 * focus stop a keyboard user opens, is called "GtkListItemWidget". The
 * row is the cell's parent, in GTK 4.8 as in later versions.
 */
void
th_accessibility_set_cell_row (GtkWidget  *cell_child,
                               const char *name,
                               const char *description)
{
  GtkWidget *cell, *row;

  g_return_if_fail (GTK_IS_WIDGET (cell_child));
  g_return_if_fail (name != NULL);

  cell = gtk_widget_get_parent (cell_child);
  row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  if (row == NULL || GTK_IS_COLUMN_VIEW (row))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * th_accessibility_name_menus:
 *
 * Names the menu of every menu button in @widget's tree after the button
 * (its tooltip): GTK 4.8 calls each one "GtkPopoverMenu".
 */
void
th_accessibility_name_menus (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_MENU_BUTTON (widget))
    {
      GtkPopover *menu = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));
      const char *name = gtk_widget_get_tooltip_text (widget);

      if (menu != NULL && name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    th_accessibility_name_menus (child);
}

/**
 * th_accessibility_fix_column_view_header:
 * @name: what the row of column titles is called
 *
 * GTK 4.8 says the row of column titles can take the focus, though Tab
 * never reaches it and it does nothing from the keyboard, and calls it
 * "GtkListItemWidget": it is made to tell the truth, and named. It is the
 * column view's child before the list of rows.
 *
 * Returns: (transfer none) (nullable): the row of column titles
 */
GtkWidget *
th_accessibility_fix_column_view_header (GtkColumnView *view,
                                         const char    *name)
{
  GtkWidget *header;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  header = gtk_widget_get_first_child (GTK_WIDGET (view));
  if (header == NULL || GTK_IS_LIST_VIEW (header))
    return NULL;
  gtk_widget_set_focusable (header, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return header;
}
