/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-text-rows"

#include "config.h"

#include "th-text-rows.h"

/* Text to read in a list: an answer with its feedback, a situation. It
 * is selectable, so a keyboard reaches it and a screen reader reads it,
 * and the row around it stays out of the way. */

/* Wrapped, from the start of the line, and selectable. */
GtkWidget *
th_text_rows_create_label (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

/* A row for @child, selectable text: the text takes the focus itself, so
 * the row that holds it is no stop of its own, nameless and doing nothing. */
GtkWidget *
th_text_rows_create_holder (GtkWidget *child)
{
  GtkWidget *holder = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
  gtk_widget_set_focusable (holder, FALSE);
  return holder;
}
