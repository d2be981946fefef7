/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-password-row"

#include "config.h"

#include "th-accessibility.h"
#include "th-password-row.h"

/* A row for a PIN or a passphrase that a screen reader knows for one. In
 * GTK 4.8 only a GtkPasswordEntry has the password role, which tells a
 * screen reader not to speak each key: libadwaita 1.2's
 * AdwPasswordEntryRow is announced as a plain text field. So this row
 * holds a GtkPasswordEntry, named by the row's title; the row itself is no
 * focus stop, as in an entry row. It is a GtkEditable that hands
 * everything to its entry. */
struct _ThPasswordRow
{
  AdwActionRow  parent_instance;

  /* owned by the row, as its suffix */
  GtkWidget    *entry;
};

static void th_password_row_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ThPasswordRow, th_password_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE,
                                                      th_password_row_editable_init))

enum {
  PROP_0,
  N_PROPS
};

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
name_entry (ThPasswordRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title ? title : "", -1);
}

static void
on_entry_activate (ThPasswordRow *self)
{
  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0);
}

/* The eye that shows the text, and the Caps Lock warning, are images
 * GTK 4.8 calls "GtkImage". */
static void
name_images (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child))
        th_accessibility_name_by_tooltip (child);
      name_images (child);
    }
}

static GtkEditable *
th_password_row_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (TH_PASSWORD_ROW (editable)->entry);
}

static void
th_password_row_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = th_password_row_get_delegate;
}

static void
th_password_row_dispose (GObject *object)
{
  ThPasswordRow *self = (ThPasswordRow *)object;

  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  self->entry = NULL;

  G_OBJECT_CLASS (th_password_row_parent_class)->dispose (object);
}

static void
th_password_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (!gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
th_password_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  if (!gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
th_password_row_class_init (ThPasswordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = th_password_row_dispose;
  object_class->get_property = th_password_row_get_property;
  object_class->set_property = th_password_row_set_property;

  gtk_editable_install_properties (object_class, N_PROPS);

  /**
   * ThPasswordRow::entry-activated:
   *
   * Return was pressed in the entry.
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
th_password_row_init (ThPasswordRow *self)
{
  self->entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (self->entry), TRUE);
  gtk_widget_set_valign (self->entry, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->entry);
  gtk_editable_init_delegate (GTK_EDITABLE (self));
  name_images (self->entry);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate), self);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  name_entry (self);
  g_signal_connect (self, "notify::title", G_CALLBACK (name_entry), NULL);
}

GtkWidget *
th_password_row_new (void)
{
  return g_object_new (TH_TYPE_PASSWORD_ROW, NULL);
}
