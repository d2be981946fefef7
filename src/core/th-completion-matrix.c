/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-completion-matrix"

#include "config.h"

#include <string.h>

#include "th-completion-matrix.h"
#include "th-refresher.h"

/* A column and its module's id. */
typedef struct
{
  const char *id;
  guint       column;
} ColumnKey;

/* Every learner against every module, from four queries over the whole
 * store rather than one per learner, so ten thousand learners load at
 * once. */
struct _ThCompletionMatrix
{
  GObject     parent_instance;

  /* owned references */
  GPtrArray  *modules;    /* of ThModule: the columns, in learning-path order */
  GHashTable *columns;    /* module id → column + 1 */
  ColumnKey  *by_id_text; /* the columns in their module ids' order, as the
                           * store gives each learner's progress */
  guint      *months;     /* refresher period per column */
  GListStore *rows;       /* of ThMatrixRow, by name */
  GPtrArray  *by_id;      /* of ThMatrixRow, by learner id */
  gint64      now;        /* Unix time */
  gint64      only;       /* the one learner read, or 0 for everyone */
  guint       first;      /* for a first page, the rows it has; or 0 */
  guint       n_current;  /* learners not archived, page or not */
};

G_DEFINE_FINAL_TYPE (ThCompletionMatrix, th_completion_matrix, G_TYPE_OBJECT)

static void
th_completion_matrix_finalize (GObject *object)
{
  ThCompletionMatrix *self = (ThCompletionMatrix *)object;

  g_ptr_array_unref (self->modules);
  g_hash_table_unref (self->columns);
  g_free (self->by_id_text);
  g_free (self->months);
  g_clear_object (&self->rows);
  g_ptr_array_unref (self->by_id);

  G_OBJECT_CLASS (th_completion_matrix_parent_class)->finalize (object);
}

static void
th_completion_matrix_class_init (ThCompletionMatrixClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = th_completion_matrix_finalize;
}

static void
th_completion_matrix_init (ThCompletionMatrix *self)
{
  self->modules = g_ptr_array_new_with_free_func (g_object_unref);
  self->columns = g_hash_table_new (g_str_hash, g_str_equal);
  self->rows = g_list_store_new (TH_TYPE_MATRIX_ROW);
  self->by_id = g_ptr_array_new_with_free_func (g_object_unref);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (((const ColumnKey *) a)->id, ((const ColumnKey *) b)->id);
}

static gboolean
add_columns (ThCompletionMatrix  *self,
             ThStore             *store,
             ThCatalog           *catalog,
             guint                default_months,
             GError             **error)
{
  guint n = th_catalog_get_n_modules (catalog);

  self->months = g_new0 (guint, n);
  self->by_id_text = g_new0 (ColumnKey, n);
  for (guint i = 0; i < n; i++)
    {
      ThModule *module = th_catalog_get_module (catalog, i);

      g_ptr_array_add (self->modules, g_object_ref (module));
      g_hash_table_insert (self->columns, (gpointer) th_module_get_id (module), GUINT_TO_POINTER (i + 1));
      self->by_id_text[i] = (ColumnKey) { th_module_get_id (module), i };
      self->months[i] = th_store_get_refresher_months (store, th_module_get_id (module), default_months, error);
      if (self->months[i] == 0)
        return FALSE;
    }
  qsort (self->by_id_text, n, sizeof (ColumnKey), compare_keys);
  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return th_matrix_row_compare_names (*(ThMatrixRow **) a, *(ThMatrixRow **) b);
}

typedef struct
{
  ThCompletionMatrix *self;
  GPtrArray          *rows;
} Adding;

static void
add_row (const ThLearnerRow *learner,
         gpointer            user_data)
{
  Adding *adding = user_data;
  ThMatrixRow *row = th_matrix_row_new (learner->learner_id, learner->display_name, learner->archived,
                                        adding->self->modules->len);

  g_ptr_array_add (adding->self->by_id, row);
  g_ptr_array_add (adding->rows, g_object_ref (row));
}

/* The row of @learner_id, by halving: rows are in id order. */
static ThMatrixRow *
row_by_id (ThCompletionMatrix *self,
           gint64              learner_id)
{
  guint low = 0, high = self->by_id->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      gint64 id = th_matrix_row_get_learner_id (self->by_id->pdata[middle]);

      if (id == learner_id)
        return self->by_id->pdata[middle];
      if (id < learner_id)
        low = middle + 1;
      else
        high = middle;
    }
  return NULL;
}

typedef struct
{
  ThCompletionMatrix *self;
  guint               next;      /* the row the walk has reached */
  gint64              learner;   /* whose progress came last */
  guint               expected;  /* in by_id_text, the next module likely */
} Marking;

/* The column of @module_id, plus one, or 0 if it has none. A learner's
 * progress comes in module id order, so the module after the last one
 * found is tried first: a comparison instead of a hash for most rows. */
static guint
find_column (Marking    *marking,
             const char *module_id)
{
  ThCompletionMatrix *self = marking->self;
  guint n = self->modules->len;
  guint column;

  if (marking->expected < n && strcmp (self->by_id_text[marking->expected].id, module_id) == 0)
    return self->by_id_text[marking->expected++].column + 1;
  column = GPOINTER_TO_UINT (g_hash_table_lookup (self->columns, module_id));
  for (guint i = 0; column != 0 && i < n; i++)
    if (self->by_id_text[i].column == column - 1)
      marking->expected = i + 1;
  return column;
}

/* Both the progress rows and the matrix's rows come in learner id order,
 * so they are walked side by side. */
static void
mark_cell (const ThProgressRow *progress,
           gpointer             user_data)
{
  Marking *marking = user_data;
  ThCompletionMatrix *self = marking->self;
  ThMatrixRow *row;
  ThMatrixCell *cell;
  guint column;

  if (progress->learner_id != marking->learner)
    {
      marking->learner = progress->learner_id;
      marking->expected = 0;
    }
  column = find_column (marking, progress->module_id);
  while (marking->next < self->by_id->len &&
         th_matrix_row_get_learner_id (self->by_id->pdata[marking->next]) < progress->learner_id)
    marking->next++;
  row = marking->next < self->by_id->len ? self->by_id->pdata[marking->next] : NULL;
  /* A module not loaded (a clinic's, since removed) has no column. */
  if (row == NULL || th_matrix_row_get_learner_id (row) != progress->learner_id || column == 0)
    return;
  cell = th_matrix_row_get_cell (row, column - 1);
  if (progress->completed_at != 0)
    th_matrix_cell_set_completion (cell, progress->completed_at, progress->percent,
                                   self->months[column - 1], self->now);
  else if (!progress->open_attempt && progress->tried_at != 0)
    th_matrix_cell_set_not_passed (cell, progress->tried_at, progress->tried_percent);
  else
    cell->state = TH_CELL_IN_PROGRESS;
}

static void
mark_sign_off (const ThSignOffRow *sign_off,
               gpointer            user_data)
{
  ThMatrixRow *row = row_by_id (user_data, sign_off->learner_id);

  if (row != NULL)
    th_matrix_row_set_sign_off (row, sign_off->supervisor, sign_off->signed_at);
}

/* Signed off stands until revoked; otherwise an expired required module
 * makes it overdue, all required ones current make it ready, and none
 * begun (an optional one aside) is not yet in progress. */
static ThOnboardingState
onboarding_of (ThCompletionMatrix *self,
               ThMatrixRow        *row)
{
  gboolean complete = TRUE, started = FALSE;

  if (th_matrix_row_get_signed_off_at (row) != NULL)
    return TH_ONBOARDING_SIGNED_OFF;
  for (guint i = 0; i < self->modules->len; i++)
    {
      ThMatrixCell *cell = th_matrix_row_get_cell (row, i);

      if (!th_module_get_required (self->modules->pdata[i]))
        continue;
      if (cell->state == TH_CELL_OVERDUE)
        return TH_ONBOARDING_OVERDUE;
      complete &= th_matrix_cell_is_current (cell);
      started |= cell->state != TH_CELL_NOT_STARTED;
    }
  if (complete)
    return TH_ONBOARDING_AWAITING_SIGN_OFF;
  return started ? TH_ONBOARDING_IN_PROGRESS : TH_ONBOARDING_NOT_STARTED;
}

/* Runs on a thread of its own while the loading thread reads everyone's
 * progress into the cells: making the sort and search keys is a fifth of
 * reading the matrix, and the other core has nothing to do meanwhile. */
static gpointer
make_keys (gpointer rows)
{
  for (guint i = 0; i < ((GPtrArray *) rows)->len; i++)
    th_matrix_row_make_keys (((GPtrArray *) rows)->pdata[i]);
  return NULL;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = th_matrix_row_get_learner_id (*(ThMatrixRow **) a);
  gint64 y = th_matrix_row_get_learner_id (*(ThMatrixRow **) b);

  return (x > y) - (x < y);
}

/* A first page: the first current learners in the view's first order,
 * each one's progress read alone. The keys are made first, as they choose
 * the page. */
static gboolean
add_first_rows (ThCompletionMatrix  *self,
                ThStore             *store,
                GPtrArray           *rows,
                GError             **error)
{
  make_keys (rows);
  g_ptr_array_sort (rows, compare_rows);
  g_ptr_array_set_size (self->by_id, 0);
  for (guint i = 0; i < rows->len; i++)
    if (!th_matrix_row_get_archived (rows->pdata[i]) && self->by_id->len < self->first)
      {
        g_list_store_append (self->rows, rows->pdata[i]);
        g_ptr_array_add (self->by_id, g_object_ref (rows->pdata[i]));
      }
  g_ptr_array_sort (self->by_id, compare_ids);
  for (guint i = 0; i < self->by_id->len; i++)
    {
      Marking marking = { self, i, 0, 0 };

      if (!th_store_read_progress_rows (store, th_matrix_row_get_learner_id (self->by_id->pdata[i]),
                                        mark_cell, &marking, error))
        return FALSE;
    }
  return th_store_read_sign_off_rows (store, 0, mark_sign_off, self, error);
}

static gboolean
add_rows (ThCompletionMatrix  *self,
          ThStore             *store,
          GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  Adding adding = { self, rows };
  Marking marking = { self, 0, 0, 0 };
  GThread *keys;
  gboolean read;

  if (!th_store_read_learner_rows (store, self->only, add_row, &adding, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    self->n_current += !th_matrix_row_get_archived (rows->pdata[i]);
  if (self->first > 0)
    return add_first_rows (self, store, rows, error);
  keys = g_thread_try_new ("th-matrix-keys", make_keys, rows, NULL);
  if (keys == NULL)
    make_keys (rows);
  read = th_store_read_progress_rows (store, self->only, mark_cell, &marking, error) &&
         th_store_read_sign_off_rows (store, self->only, mark_sign_off, self, error);
  if (keys != NULL)
    g_thread_join (keys);
  if (!read)
    return FALSE;
  /* In the order the view sorts by first, so its sort finds them sorted. */
  g_ptr_array_sort (rows, compare_rows);
  /* One splice: a list view sees one change, not ten thousand. */
  g_list_store_splice (self->rows, 0, 0, rows->pdata, rows->len);
  return TRUE;
}

static ThCompletionMatrix *
load (ThStore    *store,
      ThCatalog  *catalog,
      guint       default_months,
      gint64      only,
      guint       first,
      GDateTime  *now,
      GError    **error)
{
  g_autoptr(ThCompletionMatrix) self = g_object_new (TH_TYPE_COMPLETION_MATRIX, NULL);
  gboolean read;
  guint n;

  self->only = only;
  self->first = first;
  self->now = g_date_time_to_unix (now);

  if (!th_store_begin_reading (store, error))
    return NULL;
  read = add_columns (self, store, catalog, default_months, error) && add_rows (self, store, error);
  th_store_end_reading (store);
  if (!read)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ThMatrixRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      th_matrix_row_set_onboarding (row, onboarding_of (self, row));
    }
  return g_steal_pointer (&self);
}

/**
 * th_completion_matrix_load:
 *
 * Reads every learner's standing in every loaded module, as of the
 * store's clock.
 *
 * Returns: (transfer full): the matrix, or %NULL with @error set
 */
ThCompletionMatrix *
th_completion_matrix_load (ThStore    *store,
                           ThCatalog  *catalog,
                           guint       default_months,
                           GError    **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (TH_IS_STORE (store), NULL);
  g_return_val_if_fail (TH_IS_CATALOG (catalog), NULL);

  now = th_store_dup_now (store);
  return load (store, catalog, default_months, 0, 0, now, error);
}

/**
 * th_completion_matrix_load_learner:
 *
 * Reads only @learner_id's row, as a transcript needs: a matrix with one
 * row, or none if there is no such learner.
 *
 * Returns: (transfer full): the matrix, or %NULL with @error set
 */
ThCompletionMatrix *
th_completion_matrix_load_learner (ThStore    *store,
                                   ThCatalog  *catalog,
                                   guint       default_months,
                                   gint64      learner_id,
                                   GError    **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (TH_IS_STORE (store), NULL);
  g_return_val_if_fail (TH_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (learner_id > 0, NULL);

  now = th_store_dup_now (store);
  return load (store, catalog, default_months, learner_id, 0, now, error);
}
/* What the worker reads besides the catalog: the store's clock when it
 * was asked, and how much of the matrix. */
typedef struct
{
  GDateTime *now;
  guint      default_months;
  guint      first;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_date_time_unref (data->now);
  g_free (data);
}

static GObject *
load_on_worker (ThStore   *reader,
                gpointer   catalog,
                gpointer   data,
                GError   **error)
{
  const LoadData *asked = data;

  return (GObject *) load (reader, catalog, asked->default_months, 0, asked->first, asked->now, error);
}

/**
 * th_completion_matrix_load_async:
 *
 * Reads the matrix on a worker thread, with a read-only connection of its
 * own: with many learners it takes longer than a frame. The time to judge
 * expiry by is the store's clock now; the catalog is only read.
 */
void
th_completion_matrix_load_async (ThStore             *store,
                                 ThCatalog           *catalog,
                                 guint                default_months,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  th_completion_matrix_load_first_async (store, catalog, default_months, 0, cancellable, callback, user_data);
}

/**
 * th_completion_matrix_load_first_async:
 * @n_rows: how many rows a first page has at most; 0 for everyone
 *
 * As th_completion_matrix_load_async(), a first page of the matrix: the
 * first @n_rows learners not archived, by name, in full, and how many are
 * not archived (th_completion_matrix_get_n_current()). A screenful comes
 * in a fraction of the time everyone takes. Finish with
 * th_completion_matrix_load_finish().
 */
void
th_completion_matrix_load_first_async (ThStore             *store,
                                       ThCatalog           *catalog,
                                       guint                default_months,
                                       guint                n_rows,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadData *data = g_new0 (LoadData, 1);

  g_return_if_fail (TH_IS_STORE (store));
  g_return_if_fail (TH_IS_CATALOG (catalog));

  data->now = th_store_dup_now (store);
  data->default_months = default_months;
  data->first = n_rows;
  g_task_set_source_tag (task, th_completion_matrix_load_async);
  th_store_load_on_worker (store, task, G_OBJECT (catalog), load_on_worker, data, (GDestroyNotify) load_data_free);
}

/**
 * th_completion_matrix_is_first_page:
 *
 * Returns: whether @self is a first page (th_completion_matrix_load_first_async())
 */
gboolean
th_completion_matrix_is_first_page (ThCompletionMatrix *self)
{
  g_return_val_if_fail (TH_IS_COMPLETION_MATRIX (self), FALSE);
  return self->first > 0;
}

/**
 * th_completion_matrix_get_n_current:
 *
 * Returns: how many learners are not archived, whether or not @self has
 *   all their rows
 */
guint
th_completion_matrix_get_n_current (ThCompletionMatrix *self)
{
  g_return_val_if_fail (TH_IS_COMPLETION_MATRIX (self), 0);
  return self->n_current;
}

/**
 * th_completion_matrix_load_finish:
 *
 * Returns: (transfer full): the matrix, or %NULL with @error set
 */
ThCompletionMatrix *
th_completion_matrix_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return th_store_load_finish (result, error);
}

/**
 * th_completion_matrix_dup_missing:
 *
 * Returns: (transfer full) (element-type ThModule): the required modules
 *   @row has not passed, or whose completion is no longer current; empty
 *   when onboarding can be signed off
 */
GPtrArray *
th_completion_matrix_dup_missing (ThCompletionMatrix *self,
                                  ThMatrixRow        *row)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (TH_IS_COMPLETION_MATRIX (self), missing);
  g_return_val_if_fail (TH_IS_MATRIX_ROW (row), missing);

  for (guint i = 0; i < self->modules->len; i++)
    if (th_module_get_required (self->modules->pdata[i]) &&
        !th_matrix_cell_is_current (th_matrix_row_get_cell (row, i)))
      g_ptr_array_add (missing, g_object_ref (self->modules->pdata[i]));
  return missing;
}

/* How many of the modules are required for onboarding. */
guint
th_completion_matrix_count_required (ThCompletionMatrix *self)
{
  guint required = 0;

  g_return_val_if_fail (TH_IS_COMPLETION_MATRIX (self), 0);

  for (guint i = 0; i < self->modules->len; i++)
    required += th_module_get_required (self->modules->pdata[i]);
  return required;
}

/**
 * th_completion_matrix_get_rows:
 *
 * Returns: (transfer none): the rows, a #ThMatrixRow per learner, by name
 */
GListModel *
th_completion_matrix_get_rows (ThCompletionMatrix *self)
{
  g_return_val_if_fail (TH_IS_COMPLETION_MATRIX (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/**
 * th_completion_matrix_get_modules:
 *
 * Returns: (transfer none) (element-type ThModule): the columns
 */
GPtrArray *
th_completion_matrix_get_modules (ThCompletionMatrix *self)
{
  g_return_val_if_fail (TH_IS_COMPLETION_MATRIX (self), NULL);
  return self->modules;
}

/**
 * th_completion_matrix_find_row:
 *
 * Returns: (transfer none) (nullable): @learner_id's row
 */
ThMatrixRow *
th_completion_matrix_find_row (ThCompletionMatrix *self,
                               gint64              learner_id)
{
  g_return_val_if_fail (TH_IS_COMPLETION_MATRIX (self), NULL);
  return row_by_id (self, learner_id);
}
