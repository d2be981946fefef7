/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TH_CELL_NOT_STARTED,
  TH_CELL_IN_PROGRESS,
  TH_CELL_PASSED,
  TH_CELL_DUE_SOON,
  TH_CELL_OVERDUE,
  TH_CELL_NOT_PASSED,     /* attempts finished, none passed, none under way */
} ThCellState;

typedef enum
{
  TH_ONBOARDING_NOT_STARTED,   /* no required module begun */
  TH_ONBOARDING_IN_PROGRESS,
  TH_ONBOARDING_AWAITING_SIGN_OFF,
  TH_ONBOARDING_SIGNED_OFF,
  TH_ONBOARDING_OVERDUE,
} ThOnboardingState;

/* Which learners the matrix shows, in the order a supervisor picks them. */
typedef enum
{
  TH_MATRIX_FILTER_CURRENT,            /* everyone not archived */
  TH_MATRIX_FILTER_OVERDUE,
  TH_MATRIX_FILTER_AWAITING_SIGN_OFF,
  TH_MATRIX_FILTER_SIGNED_OFF,
  TH_MATRIX_FILTER_ARCHIVED,
  TH_MATRIX_FILTER_NOT_PASSED,         /* a module tried and not passed yet */
} ThMatrixFilter;

/* One learner's standing in one module. */
typedef struct
{
  ThCellState state;
  guint8      percent;
  gint64      completed_at;   /* Unix time of the latest completion, or 0 */
  gint64      expires_at;     /* Unix time it expires, or 0 */
  gint64      tried_at;       /* not passed: when the attempt ended, or 0 */
} ThMatrixCell;

void                th_matrix_cell_set_completion (ThMatrixCell      *cell,
                                                   gint64             completed_at,
                                                   int                percent,
                                                   guint              months,
                                                   gint64             now);
void                th_matrix_cell_set_not_passed (ThMatrixCell      *cell,
                                                   gint64             tried_at,
                                                   int                percent);
gboolean            th_matrix_cell_is_current     (const ThMatrixCell *cell);

#define TH_TYPE_MATRIX_ROW (th_matrix_row_get_type ())

G_DECLARE_FINAL_TYPE (ThMatrixRow, th_matrix_row, TH, MATRIX_ROW, GObject)

ThMatrixRow        *th_matrix_row_new             (gint64             learner_id,
                                                   const char        *display_name,
                                                   gboolean           archived,
                                                   guint              n_cells);
void                th_matrix_row_make_keys       (ThMatrixRow       *self);
gint64              th_matrix_row_get_learner_id  (ThMatrixRow       *self);
const char         *th_matrix_row_get_display_name (ThMatrixRow      *self);
gboolean            th_matrix_row_get_archived    (ThMatrixRow       *self);
ThMatrixCell       *th_matrix_row_get_cell        (ThMatrixRow       *self,
                                                   guint              column);
guint               th_matrix_row_get_n_cells     (ThMatrixRow       *self);
ThOnboardingState   th_matrix_row_get_onboarding  (ThMatrixRow       *self);
void                th_matrix_row_set_onboarding  (ThMatrixRow       *self,
                                                   ThOnboardingState  state);
const char         *th_matrix_row_get_signed_off_by (ThMatrixRow     *self);
const char         *th_matrix_row_get_signed_off_at (ThMatrixRow     *self);
void                th_matrix_row_set_sign_off    (ThMatrixRow       *self,
                                                   const char        *supervisor,
                                                   const char        *signed_at);
gboolean            th_matrix_row_has_overdue     (ThMatrixRow       *self);
int                 th_matrix_row_compare_names   (ThMatrixRow       *a,
                                                   ThMatrixRow       *b);
gboolean            th_matrix_row_matches         (ThMatrixRow       *self,
                                                   ThMatrixFilter     filter,
                                                   const char        *folded_search);
const char         *th_cell_state_describe        (ThCellState        state);
const char         *th_onboarding_state_describe  (ThOnboardingState  state);

G_END_DECLS
