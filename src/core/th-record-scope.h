/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-store.h"

G_BEGIN_DECLS

/* A period of records as people give it and read it: the days of a
 * ThRecordScope, checked, and said in words. */

gboolean       th_record_scope_is_day     (const char          *day);
char          *th_record_scope_dup_period (const ThRecordScope *scope);
ThRecordScope *th_record_scope_dup        (const ThRecordScope *scope);
void           th_record_scope_free       (ThRecordScope       *scope);

G_END_DECLS
