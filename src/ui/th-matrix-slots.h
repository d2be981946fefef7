/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "th-matrix-slot.h"

G_BEGIN_DECLS

#define TH_TYPE_MATRIX_SLOTS (th_matrix_slots_get_type ())

G_DECLARE_FINAL_TYPE (ThMatrixSlots, th_matrix_slots, TH, MATRIX_SLOTS, GObject)

ThMatrixSlots *th_matrix_slots_new       (void);
gboolean       th_matrix_slots_show      (ThMatrixSlots *self,
                                          GPtrArray     *rows);
gboolean       th_matrix_slots_show_more (ThMatrixSlots *self);
void           th_matrix_slots_set_screenful (ThMatrixSlots *self,
                                              guint          rows);

G_END_DECLS
