/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *th_language_check_find (const char  *text,
                              const char  *language,
                              const char **instead);

G_END_DECLS
