/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "th-matrix-row.h"

G_BEGIN_DECLS

#define TH_TYPE_MATRIX_SLOT (th_matrix_slot_get_type ())

G_DECLARE_FINAL_TYPE (ThMatrixSlot, th_matrix_slot, TH, MATRIX_SLOT, GObject)

ThMatrixRow *th_matrix_slot_get_row (ThMatrixSlot *self);
void         th_matrix_slot_set_row (ThMatrixSlot *self,
                                     ThMatrixRow  *row);

G_END_DECLS
