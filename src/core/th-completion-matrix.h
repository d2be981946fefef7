/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "th-catalog.h"
#include "th-matrix-row.h"
#include "th-store.h"

G_BEGIN_DECLS

#define TH_TYPE_COMPLETION_MATRIX (th_completion_matrix_get_type ())

G_DECLARE_FINAL_TYPE (ThCompletionMatrix, th_completion_matrix, TH, COMPLETION_MATRIX, GObject)

ThCompletionMatrix *th_completion_matrix_load        (ThStore            *store,
                                                      ThCatalog          *catalog,
                                                      guint               default_months,
                                                      GError            **error);
ThCompletionMatrix *th_completion_matrix_load_learner (ThStore          *store,
                                                      ThCatalog          *catalog,
                                                      guint               default_months,
                                                      gint64              learner_id,
                                                      GError            **error);
void                th_completion_matrix_load_async  (ThStore            *store,
                                                      ThCatalog          *catalog,
                                                      guint               default_months,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
void                th_completion_matrix_load_first_async (ThStore            *store,
                                                           ThCatalog          *catalog,
                                                           guint               default_months,
                                                           guint               n_rows,
                                                           GCancellable       *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer            user_data);
ThCompletionMatrix *th_completion_matrix_load_finish (GAsyncResult       *result,
                                                      GError            **error);
gboolean            th_completion_matrix_is_first_page (ThCompletionMatrix *self);
guint               th_completion_matrix_get_n_current (ThCompletionMatrix *self);
GListModel         *th_completion_matrix_get_rows    (ThCompletionMatrix *self);
GPtrArray          *th_completion_matrix_dup_missing (ThCompletionMatrix *self,
                                                      ThMatrixRow        *row);
guint               th_completion_matrix_count_required (ThCompletionMatrix *self);
GPtrArray          *th_completion_matrix_get_modules (ThCompletionMatrix *self);
ThMatrixRow        *th_completion_matrix_find_row    (ThCompletionMatrix *self,
                                                      gint64              learner_id);

G_END_DECLS
