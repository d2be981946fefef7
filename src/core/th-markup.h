/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *th_markup_dup_plain (const char *markup);

G_END_DECLS
