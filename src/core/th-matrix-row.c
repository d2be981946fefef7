/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-matrix-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "th-matrix-row.h"
#include "th-refresher.h"

/* One learner's row of the completion matrix: a cell per module and their
 * onboarding. Rows are objects so list views can recycle their widgets. */
struct _ThMatrixRow
{
  GObject            parent_instance;

  gint64             learner_id;
  char              *display_name;
  char              *folded_name;   /* for search */
  char              *sort_key;      /* the folded name's collation key */
  gboolean           archived;
  ThMatrixCell      *cells;
  guint              n_cells;
  ThOnboardingState  onboarding;
  char              *signed_off_by;
  char              *signed_off_at;
};

G_DEFINE_FINAL_TYPE (ThMatrixRow, th_matrix_row, G_TYPE_OBJECT)

static void
th_matrix_row_finalize (GObject *object)
{
  ThMatrixRow *self = (ThMatrixRow *)object;

  g_free (self->display_name);
  g_free (self->folded_name);
  g_free (self->sort_key);
  g_free (self->cells);
  g_free (self->signed_off_by);
  g_free (self->signed_off_at);

  G_OBJECT_CLASS (th_matrix_row_parent_class)->finalize (object);
}

static void
th_matrix_row_class_init (ThMatrixRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = th_matrix_row_finalize;
}

static void
th_matrix_row_init (ThMatrixRow *self)
{
}

ThMatrixRow *
th_matrix_row_new (gint64      learner_id,
                   const char *display_name,
                   gboolean    archived,
                   guint       n_cells)
{
  ThMatrixRow *self = g_object_new (TH_TYPE_MATRIX_ROW, NULL);

  self->learner_id = learner_id;
  self->display_name = g_strdup (display_name);
  self->archived = archived;
  self->cells = g_new0 (ThMatrixCell, n_cells);
  self->n_cells = n_cells;
  return self;
}

/**
 * th_matrix_row_make_keys:
 *
 * Works out what the row is searched and sorted by, once: folding and
 * collating at every comparison made sorting ten thousand names take
 * 150 ms. To be called before the row is compared or searched; another
 * thread may, while the loading thread fills the row's cells, as long as
 * the row is not yet shared.
 */
void
th_matrix_row_make_keys (ThMatrixRow *self)
{
  g_return_if_fail (TH_IS_MATRIX_ROW (self));

  g_free (self->folded_name);
  g_free (self->sort_key);
  self->folded_name = g_utf8_casefold (self->display_name, -1);
  self->sort_key = g_utf8_collate_key (self->folded_name, -1);
}

gint64
th_matrix_row_get_learner_id (ThMatrixRow *self)
{
  g_return_val_if_fail (TH_IS_MATRIX_ROW (self), 0);
  return self->learner_id;
}

const char *
th_matrix_row_get_display_name (ThMatrixRow *self)
{
  g_return_val_if_fail (TH_IS_MATRIX_ROW (self), NULL);
  return self->display_name;
}

gboolean
th_matrix_row_get_archived (ThMatrixRow *self)
{
  g_return_val_if_fail (TH_IS_MATRIX_ROW (self), FALSE);
  return self->archived;
}

ThMatrixCell *
th_matrix_row_get_cell (ThMatrixRow *self,
                        guint        column)
{
  g_return_val_if_fail (TH_IS_MATRIX_ROW (self), NULL);
  g_return_val_if_fail (column < self->n_cells, NULL);
  return &self->cells[column];
}

guint
th_matrix_row_get_n_cells (ThMatrixRow *self)
{
  g_return_val_if_fail (TH_IS_MATRIX_ROW (self), 0);
  return self->n_cells;
}

ThOnboardingState
th_matrix_row_get_onboarding (ThMatrixRow *self)
{
  g_return_val_if_fail (TH_IS_MATRIX_ROW (self), TH_ONBOARDING_IN_PROGRESS);
  return self->onboarding;
}

void
th_matrix_row_set_onboarding (ThMatrixRow       *self,
                              ThOnboardingState  state)
{
  g_return_if_fail (TH_IS_MATRIX_ROW (self));
  self->onboarding = state;
}

const char *
th_matrix_row_get_signed_off_by (ThMatrixRow *self)
{
  g_return_val_if_fail (TH_IS_MATRIX_ROW (self), NULL);
  return self->signed_off_by;
}

const char *
th_matrix_row_get_signed_off_at (ThMatrixRow *self)
{
  g_return_val_if_fail (TH_IS_MATRIX_ROW (self), NULL);
  return self->signed_off_at;
}

void
th_matrix_row_set_sign_off (ThMatrixRow *self,
                            const char  *supervisor,
                            const char  *signed_at)
{
  g_return_if_fail (TH_IS_MATRIX_ROW (self));

  g_free (self->signed_off_by);
  g_free (self->signed_off_at);
  self->signed_off_by = g_strdup (supervisor);
  self->signed_off_at = g_strdup (signed_at);
}

static gboolean
has_state (ThMatrixRow *self,
           ThCellState  state)
{
  for (guint i = 0; i < self->n_cells; i++)
    if (self->cells[i].state == state)
      return TRUE;
  return FALSE;
}

gboolean
th_matrix_row_has_overdue (ThMatrixRow *self)
{
  g_return_val_if_fail (TH_IS_MATRIX_ROW (self), FALSE);

  return has_state (self, TH_CELL_OVERDUE);
}

/**
 * th_matrix_row_compare_names:
 *
 * Orders rows by name as the user's language does, ignoring case; two
 * people of the same name keep the order they were added in.
 */
int
th_matrix_row_compare_names (ThMatrixRow *a,
                             ThMatrixRow *b)
{
  int by_name = strcmp (a->sort_key, b->sort_key);

  if (by_name != 0)
    return by_name;
  return (a->learner_id > b->learner_id) - (a->learner_id < b->learner_id);
}

/**
 * th_matrix_row_matches:
 * @folded_search: (nullable): what the name must contain, folded with
 *   g_utf8_casefold(), or %NULL for any name
 *
 * Whether the row shows under @filter. Archived learners show only under
 * %TH_MATRIX_FILTER_ARCHIVED.
 */
gboolean
th_matrix_row_matches (ThMatrixRow    *self,
                       ThMatrixFilter  filter,
                       const char     *folded_search)
{
  g_return_val_if_fail (TH_IS_MATRIX_ROW (self), FALSE);

  if (folded_search != NULL && strstr (self->folded_name, folded_search) == NULL)
    return FALSE;
  if (filter == TH_MATRIX_FILTER_ARCHIVED || self->archived)
    return filter == TH_MATRIX_FILTER_ARCHIVED && self->archived;
  switch (filter)
    {
    case TH_MATRIX_FILTER_OVERDUE:
      return self->onboarding == TH_ONBOARDING_OVERDUE || th_matrix_row_has_overdue (self);
    case TH_MATRIX_FILTER_AWAITING_SIGN_OFF:
      return self->onboarding == TH_ONBOARDING_AWAITING_SIGN_OFF;
    case TH_MATRIX_FILTER_SIGNED_OFF:
      return self->onboarding == TH_ONBOARDING_SIGNED_OFF;
    case TH_MATRIX_FILTER_NOT_PASSED:
      return has_state (self, TH_CELL_NOT_PASSED);
    case TH_MATRIX_FILTER_CURRENT:
    case TH_MATRIX_FILTER_ARCHIVED:
    default:
      return TRUE;
    }
}

/**
 * th_matrix_cell_set_completion:
 * @completed_at: Unix time of the learner's latest completion
 * @months: the module's refresher period
 * @now: Unix time to judge by
 *
 * The one rule of a completion's standing: passed, due soon in its last
 * 30 days, and overdue once @months have gone by. Every screen and report
 * reads it from a cell set here.
 */
void
th_matrix_cell_set_completion (ThMatrixCell *cell,
                               gint64        completed_at,
                               int           percent,
                               guint         months,
                               gint64        now)
{
  switch (th_refresher_get_due_state_at (completed_at, months, now, &cell->expires_at))
    {
    case TH_DUE_EXPIRED:
      cell->state = TH_CELL_OVERDUE;
      break;
    case TH_DUE_SOON:
      cell->state = TH_CELL_DUE_SOON;
      break;
    case TH_DUE_CURRENT:
    default:
      cell->state = TH_CELL_PASSED;
      break;
    }
  cell->percent = (guint8) CLAMP (percent, 0, 100);
  cell->completed_at = completed_at;
}

/* Tried, finished, and not passed: said as such, with the score and the
 * day, never as "in progress". */
void
th_matrix_cell_set_not_passed (ThMatrixCell *cell,
                               gint64        tried_at,
                               int           percent)
{
  cell->state = TH_CELL_NOT_PASSED;
  cell->percent = (guint8) CLAMP (percent, 0, 100);
  cell->tried_at = tried_at;
}

/* Passed and still current: what onboarding needs of a required module. */
gboolean
th_matrix_cell_is_current (const ThMatrixCell *cell)
{
  return cell->state == TH_CELL_PASSED || cell->state == TH_CELL_DUE_SOON;
}

const char *
th_cell_state_describe (ThCellState state)
{
  switch (state)
    {
    case TH_CELL_IN_PROGRESS:
      return C_("module status", "In progress");
    case TH_CELL_NOT_PASSED:
      return C_("module status", "Not passed yet");
    case TH_CELL_PASSED:
      return C_("module status", "Passed");
    case TH_CELL_DUE_SOON:
      return C_("module status", "Due soon");
    case TH_CELL_OVERDUE:
      return C_("module status", "Overdue");
    case TH_CELL_NOT_STARTED:
    default:
      return C_("module status", "Not started");
    }
}

const char *
th_onboarding_state_describe (ThOnboardingState state)
{
  switch (state)
    {
    case TH_ONBOARDING_AWAITING_SIGN_OFF:
      return C_("onboarding status", "Awaiting sign-off");
    case TH_ONBOARDING_SIGNED_OFF:
      return C_("onboarding status", "Signed off");
    case TH_ONBOARDING_OVERDUE:
      return C_("onboarding status", "Overdue");
    case TH_ONBOARDING_NOT_STARTED:
      return C_("onboarding status", "Not started");
    case TH_ONBOARDING_IN_PROGRESS:
    default:
      return C_("onboarding status", "In progress");
    }
}
