/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-organisation-records"

#include "config.h"

#include <glib/gi18n.h>

#include "th-accessibility.h"
#include "th-organisation-records.h"
#include "th-password-row.h"
#include "th-store-statements.h"

/* At most this many refused statements are listed; the count says how
 * many there are in all. */
#define MAX_REFUSED_ROWS 50

/* Where a supervisor connects the workstation to the organisation's
 * Learning Record Store, and sees what became of its records. The
 * connection is tried and the records are sent on workers, by the sender
 * the main window keeps; the settings are written here, on the main
 * thread. The secret goes to the keyring, never to the records. */
struct _ThOrganisationRecords
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwEntryRow    *home_page_row;
  GtkLabel       *home_page_status;
  AdwEntryRow    *endpoint_row;
  AdwEntryRow    *key_row;
  ThPasswordRow  *secret_row;
  GtkSwitch      *fetch_switch;
  GtkButton      *check_button;
  GtkSpinner     *check_spinner;
  GtkLabel       *check_status;
  AdwActionRow   *waiting_row;
  GtkLabel       *waiting_label;
  AdwActionRow   *sent_row;
  GtkLabel       *sent_label;
  AdwExpanderRow *refused_row;
  GtkLabel       *refused_label;
  AdwActionRow   *imported_row;
  GtkLabel       *imported_label;
  GtkLabel       *records_error;
  GtkButton      *sync_button;
  GtkSpinner     *sync_spinner;
  GtkLabel       *sync_status;

  /* owned references */
  ThStore        *store;          /* NULL once the window is closed */
  ThLrsSender    *sender;
  GCancellable   *cancellable;    /* of the check and the round under way */
  GPtrArray      *refused_rows;   /* the rows in refused_row */
};

G_DEFINE_FINAL_TYPE (ThOrganisationRecords, th_organisation_records, ADW_TYPE_WINDOW)

typedef enum
{
  STATUS_BUSY,
  STATUS_DONE,
  STATUS_ERROR,
} StatusKind;

/* @text beside what it answers. GTK 4.8 has no announcements: @described
 * (the button that takes the focus back, or the field) carries the words
 * too, so that a screen reader says them with its name. */
static void
show_status (GtkLabel   *label,
             GtkWidget  *described,
             StatusKind  kind,
             const char *text)
{
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  if (kind == STATUS_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else if (kind == STATUS_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (label), "success");
  gtk_accessible_update_property (GTK_ACCESSIBLE (described), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* While a worker tries: the button cannot start another, and spins. */
static void
set_busy (ThOrganisationRecords *self,
          GtkButton             *button,
          GtkSpinner            *spinner,
          gboolean               busy)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (spinner), busy);
  gtk_spinner_set_spinning (spinner, busy);
  /* The focus left the button when it went insensitive: it comes back,
   * and with it the result, described. */
  if (!busy && (focus == NULL || focus == GTK_WIDGET (button)))
    gtk_widget_grab_focus (GTK_WIDGET (button));
}

static char *
dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  /* TRANSLATORS: a date and time that reads one way in every country, as
   * in "12 July 2026, 14:05"; see g_date_time_format() for the codes */
  return local ? g_date_time_format (local, C_("date and time format", "%-d %B %Y, %H:%M")) : NULL;
}

static const char *
describe_kind (ThStatementKind kind)
{
  switch (kind)
    {
    case TH_STATEMENT_REGISTERED:
      return _("A profile made");
    case TH_STATEMENT_ATTEMPTED:
      return _("A quiz begun");
    case TH_STATEMENT_ANSWERED:
      return _("An answer");
    case TH_STATEMENT_FINISHED:
      return _("A quiz finished");
    case TH_STATEMENT_COMPLETED:
      return _("A module passed");
    case TH_STATEMENT_SIGNED_OFF:
      return _("An onboarding sign-off");
    case TH_STATEMENT_REVOKED:
      return _("A sign-off revoked");
    default:
      return th_statement_kind_to_id (kind);
    }
}

/* Shows @count on @row, and gives it to a screen reader with the row's
 * @detail, if any. */
static void
show_count (AdwActionRow *row,
            GtkLabel     *label,
            guint         count,
            const char   *detail)
{
  g_autofree char *number = g_strdup_printf ("%u", count);
  g_autofree char *description = detail ? g_strdup_printf ("%s · %s", number, detail) : NULL;

  gtk_label_set_text (label, number);
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description ? description : number, -1);
}

static GtkWidget *
create_refused_row (const ThRefusedStatement *refused)
{
  GtkWidget *row = adw_action_row_new ();

  /* The LRS's words are not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), describe_kind (refused->kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), refused->reason ? refused->reason : "");
  gtk_widget_set_tooltip_text (row, refused->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  refused->reason ? refused->reason : "", -1);
  return row;
}

static void
show_refused (ThOrganisationRecords *self,
              guint                  count,
              GPtrArray             *refused)
{
  g_autofree char *number = g_strdup_printf ("%u", count);

  for (guint i = 0; i < self->refused_rows->len; i++)
    adw_expander_row_remove (self->refused_row, self->refused_rows->pdata[i]);
  g_ptr_array_set_size (self->refused_rows, 0);
  for (guint i = 0; i < refused->len && i < MAX_REFUSED_ROWS; i++)
    {
      GtkWidget *row = create_refused_row (refused->pdata[i]);

      adw_expander_row_add_row (self->refused_row, row);
      g_ptr_array_add (self->refused_rows, row);
    }
  gtk_label_set_text (self->refused_label, number);
  adw_expander_row_set_subtitle (self->refused_row, count > 0 ? _("Open the list to see why")
                                                              : _("None"));
  adw_expander_row_set_enable_expansion (self->refused_row, count > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->refused_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->refused_row)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, number, -1);
}

static void
show_counts (ThOrganisationRecords   *self,
             const ThStatementCounts *counts,
             GPtrArray               *refused)
{
  g_autofree char *when = format_time (counts->last_sent_at);
  /* TRANSLATORS: when the records were last sent, as in "Last sent on
   * 12 July 2026, 14:05" */
  g_autofree char *last = when ? g_strdup_printf (_("Last sent on %s"), when) : g_strdup (_("Nothing sent yet"));

  show_count (self->waiting_row, self->waiting_label, counts->waiting, NULL);
  show_count (self->sent_row, self->sent_label, counts->sent, last);
  adw_action_row_set_subtitle (self->sent_row, last);
  show_count (self->imported_row, self->imported_label, counts->imported, NULL);
  show_refused (self, counts->refused, refused);
}

/* What the records say now. Counts that cannot be read are an error to
 * show, never zeros. */
static void
refresh_records (ThOrganisationRecords *self)
{
  g_auto(ThStatementCounts) counts = { 0 };
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (th_store_count_statements (self->store, &counts, &error))
    refused = th_store_dup_refused_statements (self->store, &error);
  if (refused != NULL)
    show_counts (self, &counts, refused);
  else
    message = g_strdup_printf (_("The records cannot be read: %s"), error->message);
  gtk_label_set_text (self->records_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->records_error), message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_row), refused != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->sent_row), refused != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->refused_row), refused != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->imported_row), refused != NULL);
}

/* The organisation's home page */

/* An http(s) address with a host: the base of every account and activity
 * id in the statements. */
static gboolean
check_home_page (const char  *text,
                 GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  if (scheme != NULL && (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0) &&
      host != NULL && *host != '\0')
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The home page must be a web address that begins with https:// or http://, "
                         "such as https://clinic.example.org"));
  return FALSE;
}

static void
on_home_page_apply (ThOrganisationRecords *self)
{
  g_autofree char *text = dup_text (self->home_page_row);
  g_autoptr(GError) error = NULL;
  GtkWidget *row = GTK_WIDGET (self->home_page_row);

  if (check_home_page (text, &error) &&
      th_store_set_setting (self->store, TH_STORE_HOME_PAGE_KEY, text, &error))
    {
      gtk_widget_remove_css_class (row, "error");
      show_status (self->home_page_status, row, STATUS_DONE, _("Home page saved"));
      return;
    }
  gtk_widget_add_css_class (row, "error");
  show_status (self->home_page_status, row, STATUS_ERROR, error->message);
}

/* The connection */

/* What was tried, kept to be saved as it was tried. */
typedef struct
{
  ThOrganisationRecords *self;
  char                  *endpoint;
  char                  *key;
} Check;

static void
check_free (Check *check)
{
  g_object_unref (check->self);
  g_free (check->endpoint);
  g_free (check->key);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Check, check_free)

/* Should the second write fail, the address and key saved make a pair the
 * keyring holds no secret for: no round sends with it, and the error says
 * so. */
static gboolean
save_connection (ThOrganisationRecords  *self,
                 Check                  *check,
                 GError                **error)
{
  return th_store_set_setting (self->store, TH_STORE_LRS_KEY_KEY, check->key, error) &&
         th_store_set_setting (self->store, TH_STORE_LRS_ENDPOINT_KEY, check->endpoint, error);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Check) check = user_data;
  ThOrganisationRecords *self = check->self;
  g_autoptr(GError) error = NULL;
  gboolean connected = th_lrs_sender_check_finish (TH_LRS_SENDER (source), result, &error);

  /* Closed while it ran (by hand or by the lock): nothing is saved. */
  if (self->store == NULL)
    return;
  if (connected && save_connection (self, check, &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
      show_status (self->check_status, GTK_WIDGET (self->check_button), STATUS_DONE, _("Connected"));
      /* The rounds start again soon, with what was saved. */
      th_lrs_sender_start (self->sender);
    }
  else
    show_status (self->check_status, GTK_WIDGET (self->check_button), STATUS_ERROR, error->message);
  set_busy (self, self->check_button, self->check_spinner, FALSE);
}

static void
on_check_clicked (ThOrganisationRecords *self)
{
  g_autofree char *endpoint = dup_text (self->endpoint_row);
  g_autofree char *key = dup_text (self->key_row);
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  Check *check;

  if (*endpoint == '\0' || *key == '\0')
    {
      show_status (self->check_status, GTK_WIDGET (self->check_button), STATUS_ERROR,
                   _("Enter the address and the key of the Learning Record Store"));
      return;
    }
  check = g_new0 (Check, 1);
  check->self = g_object_ref (self);
  check->endpoint = g_steal_pointer (&endpoint);
  check->key = g_steal_pointer (&key);
  show_status (self->check_status, GTK_WIDGET (self->check_button), STATUS_BUSY,
               _("Trying the connection…"));
  set_busy (self, self->check_button, self->check_spinner, TRUE);
  /* An empty secret is the one in the keyring. */
  th_lrs_sender_check_async (self->sender, check->endpoint, check->key, *secret ? secret : NULL,
                             self->cancellable, on_checked, check);
}

/* Whether this workstation reads the organisation's records back: a
 * supervisor's does, a shared desk's should not show every colleague. */
static void
on_fetch_toggled (ThOrganisationRecords *self)
{
  gboolean active = gtk_switch_get_active (self->fetch_switch);
  g_autoptr(GError) error = NULL;

  if (th_store_set_setting (self->store, TH_STORE_LRS_FETCH_KEY, active ? "1" : "0", &error))
    return;
  show_status (self->check_status, GTK_WIDGET (self->fetch_switch), STATUS_ERROR, error->message);
  g_signal_handlers_block_by_func (self->fetch_switch, on_fetch_toggled, self);
  gtk_switch_set_active (self->fetch_switch, !active);
  g_signal_handlers_unblock_by_func (self->fetch_switch, on_fetch_toggled, self);
}

static void
show_fetch_setting (ThOrganisationRecords *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fetch = th_store_dup_setting (self->store, TH_STORE_LRS_FETCH_KEY, &error);
  g_autofree char *message = NULL;

  g_signal_handlers_block_by_func (self->fetch_switch, on_fetch_toggled, self);
  gtk_switch_set_active (self->fetch_switch, g_strcmp0 (fetch, "1") == 0);
  g_signal_handlers_unblock_by_func (self->fetch_switch, on_fetch_toggled, self);
  /* Not read: not to be flipped from a value no one saw. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->fetch_switch), error == NULL);
  if (error == NULL)
    return;
  message = g_strdup_printf (_("The settings cannot be read: %s"), error->message);
  show_status (self->check_status, GTK_WIDGET (self->fetch_switch), STATUS_ERROR, message);
}

/* Sending and fetching */

static void
show_report (ThOrganisationRecords *self,
             const ThSyncReport    *report,
             const GError          *error)
{
  g_autofree char *line = NULL;

  if (error != NULL)
    {
      show_status (self->sync_status, GTK_WIDGET (self->sync_button), STATUS_ERROR, error->message);
      return;
    }
  /* TRANSLATORS: what one round with the Learning Record Store did: how
   * many records it sent, how many of them the store refused, how many
   * it fetched, and how many of those were new here */
  line = g_strdup_printf (_("Sent %u, refused %u, fetched %u (%u new)"),
                          report->sent, report->refused, report->fetched, report->merged.added);
  show_status (self->sync_status, GTK_WIDGET (self->sync_button), STATUS_DONE, line);
}

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ThOrganisationRecords) self = user_data;
  g_autoptr(GError) error = NULL;
  ThSyncReport report = { 0 };

  th_lrs_sender_sync_finish (TH_LRS_SENDER (source), result, &report, &error);
  if (self->store == NULL)
    return;
  show_report (self, &report, error);
  set_busy (self, self->sync_button, self->sync_spinner, FALSE);
  refresh_records (self);
}

static void
on_sync_clicked (ThOrganisationRecords *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = th_store_dup_setting (self->store, TH_STORE_LRS_ENDPOINT_KEY, &error);

  if (endpoint == NULL)
    {
      show_status (self->sync_status, GTK_WIDGET (self->sync_button), STATUS_ERROR,
                   error ? error->message
                         : _("No Learning Record Store is set up yet: enter its address, key and "
                             "secret, and test the connection"));
      return;
    }
  show_status (self->sync_status, GTK_WIDGET (self->sync_button), STATUS_BUSY, _("Sending and fetching…"));
  set_busy (self, self->sync_button, self->sync_spinner, TRUE);
  th_lrs_sender_sync_async (self->sender, self->cancellable, on_synced, g_object_ref (self));
}

/* A round of the window's own: its outcome, unless one started here is
 * under way and will say its own. */
static void
on_round_finished (ThLrsSender           *sender,
                   ThSyncReport          *report,
                   GError                *error,
                   ThOrganisationRecords *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->sync_button)))
    show_report (self, report, error);
  refresh_records (self);
}

/* The settings as they are. One that cannot be read is said so, and its
 * field is left empty. */
static void
show_setting (ThOrganisationRecords *self,
              AdwEntryRow           *row,
              const char            *key,
              GtkLabel              *status,
              GtkWidget             *described)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = th_store_dup_setting (self->store, key, &error);
  g_autofree char *message = NULL;

  if (value != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
  if (error == NULL)
    return;
  message = g_strdup_printf (_("The settings cannot be read: %s"), error->message);
  show_status (status, described, STATUS_ERROR, message);
}

/* GTK 4.8 reads freed memory when a window goes while a password entry
 * has the focus: the focus leaves it first. */
static void
drop_focus (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);
}

static void
th_organisation_records_dispose (GObject *object)
{
  ThOrganisationRecords *self = (ThOrganisationRecords *)object;

  /* A check or a round still running finds the window closed. */
  g_cancellable_cancel (self->cancellable);
  if (self->sender != NULL)
    g_signal_handlers_disconnect_by_data (self->sender, self);
  g_clear_object (&self->store);
  g_clear_object (&self->sender);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->refused_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (th_organisation_records_parent_class)->dispose (object);
}

static void
th_organisation_records_class_init (ThOrganisationRecordsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_organisation_records_dispose;

  g_type_ensure (TH_TYPE_PASSWORD_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-organisation-records.ui");
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, home_page_row);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, home_page_status);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, endpoint_row);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, key_row);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, secret_row);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, fetch_switch);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, check_button);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, check_status);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, waiting_row);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, sent_row);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, sent_label);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, refused_row);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, refused_label);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, imported_row);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, imported_label);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, records_error);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, sync_button);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, ThOrganisationRecords, sync_status);
  gtk_widget_class_bind_template_callback (widget_class, on_home_page_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_check_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_fetch_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
th_organisation_records_init (ThOrganisationRecords *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->refused_rows = g_ptr_array_new ();
  th_accessibility_fix_mnemonic_names (GTK_WIDGET (self));
  th_accessibility_track_expanded (self->refused_row);
  g_signal_connect (self, "unmap", G_CALLBACK (drop_focus), NULL);
}

/**
 * th_organisation_records_new:
 * @sender: the application's sender: it tries the connection, sends on
 *   request, and is started again once a connection is saved
 */
ThOrganisationRecords *
th_organisation_records_new (GtkWindow   *parent,
                             ThStore     *store,
                             ThLrsSender *sender)
{
  ThOrganisationRecords *self;

  g_return_val_if_fail (TH_IS_STORE (store), NULL);
  g_return_val_if_fail (TH_IS_LRS_SENDER (sender), NULL);

  self = g_object_new (TH_TYPE_ORGANISATION_RECORDS, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->sender = g_object_ref (sender);
  g_signal_connect (sender, "round-finished", G_CALLBACK (on_round_finished), self);
  show_setting (self, self->home_page_row, TH_STORE_HOME_PAGE_KEY, self->home_page_status,
                GTK_WIDGET (self->home_page_row));
  show_setting (self, self->endpoint_row, TH_STORE_LRS_ENDPOINT_KEY, self->check_status,
                GTK_WIDGET (self->check_button));
  show_setting (self, self->key_row, TH_STORE_LRS_KEY_KEY, self->check_status,
                GTK_WIDGET (self->check_button));
  show_fetch_setting (self);
  refresh_records (self);
  return self;
}
