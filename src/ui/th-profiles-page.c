/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-profiles-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "th-accessibility.h"
#include "th-password-row.h"
#include "th-profiles-page.h"
#include "th-store-statements.h"

/* Who is at the workstation: pick a profile, or make one. A profile with
 * a PIN asks for it before it opens. */
struct _ThProfilesPage
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkWidget      *toolbar;
  GtkListBox     *learner_list;
  GtkWidget      *learner_group;
  GtkSearchEntry *search_entry;
  AdwEntryRow    *name_row;
  ThPasswordRow  *pin_row;
  AdwEntryRow    *account_row;
  GtkLabel       *error_label;

  /* owned references */
  ThStore        *store;
  GListModel     *learners;     /* the first MAX_ROWS + 1, or everyone */
  GtkSliceListModel *shown;
  guint           grow_idle;
  gboolean        all_listed;
  GtkCustomFilter *filter;
};

G_DEFINE_FINAL_TYPE (ThProfilesPage, th_profiles_page, GTK_TYPE_WIDGET)

enum {
  LEARNER_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_learner_row (gpointer item,
                    gpointer user_data)
{
  ThLearner *learner = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), th_learner_get_display_name (learner));
  if (th_learner_get_has_pin (learner))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Protected by a PIN"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "learner", g_object_ref (learner), g_object_unref);
  return row;
}

static void
show_error (ThProfilesPage *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_pin_response (AdwMessageDialog *dialog,
                 const char       *response,
                 ThProfilesPage   *self)
{
  ThLearner *learner = g_object_get_data (G_OBJECT (dialog), "learner");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "open"))
    return;
  if (th_store_check_pin (self->store, th_learner_get_id (learner), gtk_editable_get_text (entry), &error))
    g_signal_emit (self, signals[LEARNER_CHOSEN], 0, learner);
  else if (error != NULL)
    show_error (self, error->message);
  else
    show_error (self, _("That PIN is not right. Try again."));
}

/* GTK 4.8 warns of an invalid GtkPasswordEntry, and reads freed memory,
 * when a dialog goes while its password entry has the focus: whether it
 * is answered or closed with the lock. The focus leaves it first. */
static void
drop_focus (GtkWindow *dialog)
{
  gtk_window_set_focus (dialog, NULL);
}

static void
ask_pin (ThProfilesPage *self,
         ThLearner      *learner)
{
  GtkWidget *entry = gtk_password_entry_new ();
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Enter Your PIN"), NULL));
  adw_message_dialog_format_body (dialog, _("The profile of %s is protected by a PIN."),
                                  th_learner_get_display_name (learner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("PIN"), -1);
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "activates-default", TRUE, NULL);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Open"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  g_object_set_data_full (G_OBJECT (dialog), "learner", g_object_ref (learner), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_pin_response), self);
  g_signal_connect (dialog, "unmap", G_CALLBACK (drop_focus), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Opens @learner's profile: after its PIN, if it has one. */
static void
choose_learner (ThProfilesPage *self,
                ThLearner      *learner)
{
  show_error (self, NULL);
  if (th_learner_get_has_pin (learner))
    ask_pin (self, learner);
  else
    g_signal_emit (self, signals[LEARNER_CHOSEN], 0, learner);
}

static void
on_row_activated (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  ThProfilesPage *self)
{
  choose_learner (self, g_object_get_data (G_OBJECT (row), "learner"));
}

static void
on_taken_response (AdwMessageDialog *dialog,
                   const char       *response,
                   ThProfilesPage   *self)
{
  ThLearner *learner = g_object_get_data (G_OBJECT (dialog), "learner");

  g_assert (TH_IS_PROFILES_PAGE (self));

  if (learner != NULL && g_str_equal (response, "open"))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->account_row), "");
      choose_learner (self, learner);
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* @name reads as another profile's (@message says whose): offer to open
 * that profile, as picking it would, or to change the name. An archived
 * profile only a supervisor brings back. */
static void
offer_taken_profile (ThProfilesPage *self,
                     const char     *name,
                     const char     *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ThLearner) learner = NULL;
  AdwMessageDialog *dialog;
  gboolean archived = FALSE;

  learner = th_store_dup_learner_by_name_key (self->store, name, &archived, &error);
  if (learner == NULL)
    {
      show_error (self, error ? error->message : message);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("This Name Is Taken"), message));
  adw_message_dialog_add_response (dialog, "change", _("_Change the Name"));
  adw_message_dialog_set_close_response (dialog, "change");
  if (!archived)
    {
      /* The name's own underscores are not mnemonics. */
      g_autoptr(GString) escaped = g_string_new (th_learner_get_display_name (learner));
      g_autofree char *label = NULL;

      g_string_replace (escaped, "_", "__", 0);
      label = g_strdup_printf (_("_Open “%s”"), escaped->str);
      adw_message_dialog_add_response (dialog, "open", label);
      adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "open");
      g_object_set_data_full (G_OBJECT (dialog), "learner", g_steal_pointer (&learner), g_object_unref);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_taken_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_clicked (ThProfilesPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));
  const char *account = gtk_editable_get_text (GTK_EDITABLE (self->account_row));
  g_autoptr(ThLearner) learner = NULL;
  gint64 id;

  if (self->store == NULL)
    return;
  id = th_store_add_learner_with_account (self->store, name, pin, account, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      if (g_error_matches (error, TH_STORE_ERROR, TH_STORE_ERROR_NAME_TAKEN))
        offer_taken_profile (self, name, error->message);
      return;
    }
  learner = th_learner_new (id, name, *pin != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->account_row), "");
  show_error (self, NULL);
  th_profiles_page_reload (self);
  g_signal_emit (self, signals[LEARNER_CHOSEN], 0, learner);
}

/* A workstation may hold thousands of profiles: the list shows at most
 * this many rows, and the search finds the rest. Building a row per
 * learner took seconds at 10,000. */
#define MAX_ROWS 50
/* Rows made before the first frame; the rest follow just after it. */
#define FIRST_ROWS 12

static gboolean
learner_matches (gpointer item,
                 gpointer user_data)
{
  ThProfilesPage *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *name = NULL, *wanted = NULL;

  if (*search == '\0')
    return TRUE;
  name = g_utf8_casefold (th_learner_get_display_name (item), -1);
  wanted = g_utf8_casefold (search, -1);
  return strstr (name, wanted) != NULL;
}

static gboolean
show_all_rows (gpointer user_data)
{
  ThProfilesPage *self = user_data;

  self->grow_idle = 0;
  gtk_slice_list_model_set_size (self->shown, MAX_ROWS);
  return G_SOURCE_REMOVE;
}

static void
bind_learners (ThProfilesPage *self)
{
  g_autoptr(GtkFilterListModel) filtered = NULL;
  guint n = self->learners ? g_list_model_get_n_items (self->learners) : 0;

  if (self->learners == NULL)
    {
      gtk_list_box_bind_model (self->learner_list, NULL, NULL, NULL, NULL);
      gtk_widget_set_visible (self->learner_group, FALSE);
      return;
    }
  filtered = gtk_filter_list_model_new (g_object_ref (self->learners),
                                        g_object_ref (GTK_FILTER (self->filter)));
  g_clear_object (&self->shown);
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (filtered)), 0, FIRST_ROWS);
  gtk_list_box_bind_model (self->learner_list, G_LIST_MODEL (self->shown), create_learner_row, self, NULL);
  if (self->grow_idle == 0)
    self->grow_idle = g_idle_add_full (G_PRIORITY_LOW, show_all_rows, self, NULL);
  gtk_widget_set_visible (self->learner_group, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), n > MAX_ROWS);
}

/* Reads at most @limit profiles (0: all) and shows them. */
static void
list_learners (ThProfilesPage *self,
               guint           limit)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->learners);
  if (self->store != NULL)
    self->learners = th_store_list_learners (self->store, limit, &error);
  if (error != NULL)
    show_error (self, error->message);
  self->all_listed = self->learners != NULL && (limit == 0 || g_list_model_get_n_items (self->learners) < limit);
  bind_learners (self);
}

/* The first search reads every profile; until then only a page of them. */
static void
on_search_changed (ThProfilesPage *self)
{
  if (!self->all_listed && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    list_learners (self, 0);
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
th_profiles_page_dispose (GObject *object)
{
  ThProfilesPage *self = (ThProfilesPage *)object;

  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->learners);
  g_clear_object (&self->filter);
  g_clear_object (&self->shown);
  g_clear_handle_id (&self->grow_idle, g_source_remove);

  G_OBJECT_CLASS (th_profiles_page_parent_class)->dispose (object);
}

static void
th_profiles_page_class_init (ThProfilesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_profiles_page_dispose;

  /**
   * ThProfilesPage::learner-chosen:
   * @learner: the profile to open, its PIN checked
   */
  signals[LEARNER_CHOSEN] =
    g_signal_new ("learner-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TH_TYPE_LEARNER);

  g_type_ensure (TH_TYPE_PASSWORD_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-profiles-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ThProfilesPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ThProfilesPage, learner_list);
  gtk_widget_class_bind_template_child (widget_class, ThProfilesPage, learner_group);
  gtk_widget_class_bind_template_child (widget_class, ThProfilesPage, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_child (widget_class, ThProfilesPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ThProfilesPage, pin_row);
  gtk_widget_class_bind_template_child (widget_class, ThProfilesPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, ThProfilesPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
th_profiles_page_init (ThProfilesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filter = gtk_custom_filter_new (learner_matches, self, NULL);
  th_accessibility_fix_mnemonic_names (GTK_WIDGET (self));
}

void
th_profiles_page_set_store (ThProfilesPage *self,
                            ThStore        *store)
{
  g_return_if_fail (TH_IS_PROFILES_PAGE (self));

  if (g_set_object (&self->store, store))
    th_profiles_page_reload (self);
}

/* Lists the profiles again, as the store has them now: a page of them, so
 * that ten thousand open as fast as ten. One more than fits says whether
 * the search is needed. */
void
th_profiles_page_reload (ThProfilesPage *self)
{
  g_return_if_fail (TH_IS_PROFILES_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  list_learners (self, MAX_ROWS + 1);
}
