/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "th-matrix-row.h"

G_BEGIN_DECLS

#define TH_TYPE_MATRIX_PHRASES (th_matrix_phrases_get_type ())

G_DECLARE_FINAL_TYPE (ThMatrixPhrases, th_matrix_phrases, TH, MATRIX_PHRASES, GObject)

ThMatrixPhrases *th_matrix_phrases_new            (GPtrArray          *modules);
guint            th_matrix_phrases_get_n_modules  (ThMatrixPhrases    *self);
const char      *th_matrix_phrases_get_short_name (ThMatrixPhrases    *self,
                                                   guint               module);
const char      *th_matrix_phrases_get_mark       (ThMatrixPhrases    *self,
                                                   const ThMatrixCell *cell);
void             th_matrix_phrases_append_row     (ThMatrixPhrases    *self,
                                                   GString            *out,
                                                   ThMatrixRow        *row);
char            *th_matrix_phrases_dup_tooltip    (ThMatrixPhrases    *self,
                                                   guint               module,
                                                   const ThMatrixCell *cell);

G_END_DECLS
