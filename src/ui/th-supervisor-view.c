/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-supervisor-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "th-accessibility.h"
#include "th-cell-text.h"
#include "th-matrix-slots.h"
#include "th-module-strip.h"
#include "th-report.h"
#include "th-supervisor-view.h"

/* Every learner against every module at a glance. A column view creates
 * widgets only for the rows on screen, so ten thousand learners scroll as
 * easily as ten. */
struct _ThSupervisorView
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *toolbar;
  AdwWindowTitle     *title;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *filter_dropdown;
  GtkStack           *rows_stack;
  GtkColumnView      *column_view;
  GtkLabel           *count_label;

  /* owned references */
  ThCompletionMatrix *matrix;
  GPtrArray          *modules;         /* of ThModule, the columns' */
  ThMatrixPhrases    *phrases;         /* what the strips say of them */
  ThCellFont         *cell_font;
  GtkSortListModel   *sorted;          /* everyone, in the columns' order */
  GPtrArray          *everyone;        /* the same, of ThMatrixRow */
  GPtrArray          *shown;           /* those the filter and search let through */
  ThMatrixSlots      *slots;           /* where the view shows them */
  guint               more_rows_tick;  /* while some rows wait for a slot */
  guint               frames_waited;
  char               *folded_search;   /* or NULL for every name */
};

G_DEFINE_FINAL_TYPE (ThSupervisorView, th_supervisor_view, GTK_TYPE_WIDGET)

enum {
  LEARNER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A first page counts everyone it stands for, until a search or another
 * filter looks only at its rows, as it does until everyone comes. */
static void
update_count (ThSupervisorView *self)
{
  guint n = self->shown->len;
  g_autofree char *text = NULL;

  if (self->matrix != NULL && th_completion_matrix_is_first_page (self->matrix) && self->folded_search == NULL &&
      gtk_drop_down_get_selected (self->filter_dropdown) == TH_MATRIX_FILTER_CURRENT)
    n = th_completion_matrix_get_n_current (self->matrix);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u learner", "%u learners", n), n);

  gtk_label_set_text (self->count_label, text);
}

/* A frame at a time, once the first rows are drawn. */
static gboolean
show_more_rows (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  ThSupervisorView *self = user_data;

  /* The first tick comes in the frame that draws the first rows. */
  if (self->frames_waited++ == 0 || th_matrix_slots_show_more (self->slots))
    return G_SOURCE_CONTINUE;
  self->more_rows_tick = 0;
  return G_SOURCE_REMOVE;
}

/**
 * th_supervisor_view_get_screenful:
 *
 * Returns: as many rows as the view shows at once, each at least a strip
 *   high; before the view has a height, a tall screen's worth
 */
guint
th_supervisor_view_get_screenful (ThSupervisorView *self)
{
  int height;

  g_return_val_if_fail (TH_IS_SUPERVISOR_VIEW (self), 0);

  height = gtk_widget_get_height (GTK_WIDGET (self->column_view));
  return height > 0 ? (guint) (height / th_module_strip_get_min_height ()) + 2 : 48;
}

/* A screenful of slots at a time: the first frame of a long list makes
 * no widgets out of sight. */
static void
show_slots (ThSupervisorView *self,
            GPtrArray        *rows)
{
  th_matrix_slots_set_screenful (self->slots, th_supervisor_view_get_screenful (self));
  if (!th_matrix_slots_show (self->slots, rows) || self->more_rows_tick != 0)
    return;
  self->frames_waited = 0;
  self->more_rows_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), show_more_rows, self, NULL);
}

/* Shows the @candidates (of ThMatrixRow) that the drop-down's filter
 * (listed in ThMatrixFilter's order) and the search let through. Not a
 * GtkFilterListModel: GTK 4.8 reads every row of the model after a change,
 * and a filter model finds each one by counting through a bitset. */
static void
show_matching (ThSupervisorView *self,
               GPtrArray        *candidates)
{
  ThMatrixFilter filter = gtk_drop_down_get_selected (self->filter_dropdown);
  GPtrArray *rows = g_ptr_array_new_full (candidates->len, g_object_unref);

  for (guint i = 0; i < candidates->len; i++)
    if (th_matrix_row_matches (candidates->pdata[i], filter, self->folded_search))
      g_ptr_array_add (rows, g_object_ref (candidates->pdata[i]));
  /* Nobody: the slots keep their rows behind the page that says so, and
   * GTK its widgets for them, or the next filter would make them all
   * again. */
  if (rows->len > 0)
    show_slots (self, rows);
  gtk_stack_set_visible_child_name (self->rows_stack, rows->len > 0 ? "rows" : "nobody");
  /* GTK 4.8 still shows a screen reader what a stack hides. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_STATE_HIDDEN, rows->len == 0, -1);
  g_ptr_array_unref (self->shown);
  self->shown = rows;
  update_count (self);
}

/* Locked, or another matrix coming: no slot keeps a row of this one. */
static void
forget_rows (ThSupervisorView *self)
{
  g_clear_object (&self->sorted);
  g_ptr_array_set_size (self->everyone, 0);
  g_ptr_array_set_size (self->shown, 0);
  show_slots (self, self->shown);
  update_count (self);
}

/* A new order, or a new matrix. */
static void
read_everyone (ThSupervisorView *self)
{
  GListModel *sorted = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (sorted);

  g_ptr_array_set_size (self->everyone, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->everyone, g_list_model_get_item (sorted, i));
  show_matching (self, self->everyone);
}

/* Whether every name containing @after also contains @before (either
 * %NULL for any name): a search that grows only hides rows, so only those
 * shown need looking at again. */
static gboolean
search_narrows (const char *before,
                const char *after)
{
  return after != NULL && (before == NULL || strstr (after, before) != NULL);
}

static void
on_search_changed (ThSupervisorView *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *before = g_steal_pointer (&self->folded_search);

  if (*search != '\0')
    self->folded_search = g_utf8_casefold (search, -1);
  /* The entry says so again when typing pauses, with the same text. */
  if (g_strcmp0 (before, self->folded_search) == 0)
    return;
  show_matching (self, search_narrows (before, self->folded_search) ? self->shown : self->everyone);
}

static void
on_filter_changed (ThSupervisorView *self)
{
  show_matching (self, self->everyone);
}

/* Lighter than a label, and GTK 4.8 makes two hundred rows of them. */
static void
setup_text (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ThSupervisorView         *self)
{
  gtk_list_item_set_child (item, th_cell_text_new (self->cell_font, 12, 20));
}

static void
setup_strip (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ThSupervisorView         *self)
{
  gtk_list_item_set_child (item, th_module_strip_new (self->phrases, self->cell_font));
}

/* What a column shows of the row in @slot, in its cell's @child; also a
 * handler of the slot's notify::row, hence its signature. */
typedef void (*ShowSlotFunc) (GtkWidget    *child,
                              GParamSpec   *pspec,
                              ThMatrixSlot *slot);

static void
show_strip (GtkWidget    *strip,
            GParamSpec   *pspec,
            ThMatrixSlot *slot)
{
  th_module_strip_set_row (TH_MODULE_STRIP (strip), th_matrix_slot_get_row (slot));
}

static void
show_name (GtkWidget    *label,
           GParamSpec   *pspec,
           ThMatrixSlot *slot)
{
  ThMatrixRow *row = th_matrix_slot_get_row (slot);

  th_cell_text_set_text (TH_CELL_TEXT (label), th_matrix_row_get_display_name (row));
  /* The row, which a keyboard user opens, is named by the learner. */
  th_accessibility_set_cell_row (label, th_matrix_row_get_display_name (row),
                                 th_onboarding_state_describe (th_matrix_row_get_onboarding (row)));
}

static void
show_onboarding (GtkWidget    *label,
                 GParamSpec   *pspec,
                 ThMatrixSlot *slot)
{
  ThMatrixRow *row = th_matrix_slot_get_row (slot);

  th_cell_text_set_text (TH_CELL_TEXT (label), th_onboarding_state_describe (th_matrix_row_get_onboarding (row)));
}

static void
bind_slot (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ShowSlotFunc              show)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  ThMatrixSlot *slot = gtk_list_item_get_item (item);

  show (child, NULL, slot);
  /* The slot shows another row after a filter, a search or a sort. */
  g_signal_connect_object (slot, "notify::row", G_CALLBACK (show), child, G_CONNECT_SWAPPED);
}

static void
unbind_slot (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ShowSlotFunc              show)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), show, gtk_list_item_get_child (item));
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return th_matrix_row_compare_names ((ThMatrixRow *) a, (ThMatrixRow *) b);
}

static int
compare_onboarding (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return (int) th_matrix_row_get_onboarding ((ThMatrixRow *) a) -
         (int) th_matrix_row_get_onboarding ((ThMatrixRow *) b);
}

static GtkColumnViewColumn *
add_column (ThSupervisorView *self,
            const char       *title,
            GCallback         setup,
            ShowSlotFunc      show,
            GCompareDataFunc  compare)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_slot), show);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_slot), show);
  column = gtk_column_view_column_new (title, factory);
  if (compare != NULL)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

/* GTK 4.8 calls each column title "GtkColumnViewTitle" to a screen
 * reader: the title widgets, the header's children in the columns' order,
 * are named after their columns. */
static void
label_column_titles (ThSupervisorView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  GtkWidget *header, *title;

  header = th_accessibility_fix_column_view_header (self->column_view, _("Column titles"));
  title = header != NULL ? gtk_widget_get_first_child (header) : NULL;

  for (guint i = 0; title != NULL && i < g_list_model_get_n_items (columns);
       i++, title = gtk_widget_get_next_sibling (title))
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_column_view_column_get_title (column), -1);
    }
}

/* Whether the columns shown are those of @modules, in the same order. */
static gboolean
same_modules (ThSupervisorView *self,
              GPtrArray        *modules)
{
  if (self->modules == NULL || self->modules->len != modules->len)
    return FALSE;
  for (guint i = 0; i < modules->len; i++)
    if (self->modules->pdata[i] != modules->pdata[i])
      return FALSE;
  return TRUE;
}

static void
build_columns (ThSupervisorView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  GtkColumnViewColumn *name;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }

  g_clear_pointer (&self->modules, g_ptr_array_unref);
  self->modules = g_ptr_array_ref (th_completion_matrix_get_modules (self->matrix));
  g_clear_object (&self->phrases);
  self->phrases = th_matrix_phrases_new (self->modules);
  name = add_column (self, _("Learner"), G_CALLBACK (setup_text), show_name, compare_names);
  gtk_column_view_column_set_expand (name, TRUE);
  add_column (self, _("Onboarding"), G_CALLBACK (setup_text), show_onboarding, compare_onboarding);
  add_column (self, _("Modules"), G_CALLBACK (setup_strip), show_strip, NULL);
  gtk_column_view_sort_by_column (self->column_view, name, GTK_SORT_ASCENDING);
  label_column_titles (self);
}

static void
on_activate (GtkColumnView    *view,
             guint             position,
             ThSupervisorView *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(ThMatrixSlot) slot = g_list_model_get_item (model, position);

  g_signal_emit (self, signals[LEARNER_ACTIVATED], 0, th_matrix_row_get_learner_id (th_matrix_slot_get_row (slot)));
}

static void
export_to (ThSupervisorView *self,
           const char       *path)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  /* Locked while the file chooser was open: nothing to write. */
  if (self->matrix == NULL)
    return;
  if (th_report_write_csv (self->matrix, path, &error))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("The Report Could Not Be Saved"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The path comes from the file chooser; tests give one directly. */
static void
export_csv_to_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  export_to (TH_SUPERVISOR_VIEW (widget), g_variant_get_bytestring (parameter));
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     ThSupervisorView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      export_to (self, path);
    }
  g_object_unref (chooser);
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Completion Report"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("threshold-completion.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
th_supervisor_view_dispose (GObject *object)
{
  ThSupervisorView *self = (ThSupervisorView *)object;

  if (self->more_rows_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->more_rows_tick);
  self->more_rows_tick = 0;
  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_object (&self->matrix);
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  g_clear_object (&self->phrases);
  g_clear_object (&self->cell_font);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->everyone, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_object (&self->slots);
  g_clear_pointer (&self->folded_search, g_free);

  G_OBJECT_CLASS (th_supervisor_view_parent_class)->dispose (object);
}

static void
th_supervisor_view_class_init (ThSupervisorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_supervisor_view_dispose;

  signals[LEARNER_ACTIVATED] =
    g_signal_new ("learner-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-supervisor-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ThSupervisorView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ThSupervisorView, title);
  gtk_widget_class_bind_template_child (widget_class, ThSupervisorView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ThSupervisorView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ThSupervisorView, rows_stack);
  gtk_widget_class_bind_template_child (widget_class, ThSupervisorView, column_view);
  gtk_widget_class_bind_template_child (widget_class, ThSupervisorView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "supervisor.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "supervisor.export-csv-to", "ay", export_csv_to_activated);
}

static void
th_supervisor_view_init (ThSupervisorView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  th_accessibility_fix_mnemonic_names (GTK_WIDGET (self));
  th_accessibility_name_menus (GTK_WIDGET (self));
  th_accessibility_name_drop_down (self->filter_dropdown);
  self->everyone = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->slots = th_matrix_slots_new ();
  self->cell_font = th_cell_font_new (GTK_WIDGET (self->column_view));
}

/* Shows @matrix, as read when supervisor mode opened or was refreshed.
 * The same modules keep their columns, the rows their widgets and the
 * supervisor their search, filter and order: only the learners change. */
void
th_supervisor_view_show (ThSupervisorView   *self,
                         ThCompletionMatrix *matrix,
                         const char         *supervisor_name)
{
  g_return_if_fail (TH_IS_SUPERVISOR_VIEW (self));
  g_return_if_fail (TH_IS_COMPLETION_MATRIX (matrix));

  g_set_object (&self->matrix, matrix);
  adw_window_title_set_subtitle (self->title, supervisor_name);
  /* A first page is not everyone's report. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervisor.export-csv",
                                 !th_completion_matrix_is_first_page (matrix));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervisor.export-csv-to",
                                 !th_completion_matrix_is_first_page (matrix));
  if (!same_modules (self, th_completion_matrix_get_modules (matrix)))
    {
      /* The old rows go first: new columns would otherwise be filled for
       * them, with the old matrix's modules. */
      gtk_column_view_set_model (self->column_view, NULL);
      forget_rows (self);
      build_columns (self);
    }

  /* Sorted before filtered: a new filter or search sorts nothing. */
  g_clear_object (&self->sorted);
  self->sorted = gtk_sort_list_model_new (g_object_ref (th_completion_matrix_get_rows (matrix)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (read_everyone), self, G_CONNECT_SWAPPED);
  read_everyone (self);
  if (gtk_column_view_get_model (self->column_view) == NULL)
    {
      /* Rows are opened, not chosen: nothing to select. */
      g_autoptr(GtkNoSelection) rows = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (rows));
    }
}

/**
 * th_supervisor_view_has_rows:
 *
 * Returns: whether the view shows a matrix (a first page or everyone)
 */
gboolean
th_supervisor_view_has_rows (ThSupervisorView *self)
{
  g_return_val_if_fail (TH_IS_SUPERVISOR_VIEW (self), FALSE);
  return self->matrix != NULL;
}

/* Supervisor mode locked: the view lets go of everyone's records. */
void
th_supervisor_view_clear (ThSupervisorView *self)
{
  g_return_if_fail (TH_IS_SUPERVISOR_VIEW (self));

  gtk_column_view_set_model (self->column_view, NULL);
  forget_rows (self);
  g_clear_object (&self->matrix);
  /* The next supervisor starts from everyone, in the first order. */
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  adw_window_title_set_subtitle (self->title, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->filter_dropdown, TH_MATRIX_FILTER_CURRENT);
}
