/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "th-module.h"

G_BEGIN_DECLS

/* Private to the core: builds a ThModule from a tree the module schema has
 * already checked, picking each text's variant in the reader's language. */

ThModule *th_module_builder_build (xmlDocPtr           doc,
                                   const char         *path,
                                   const char * const *languages,
                                   GPtrArray          *problems);

G_END_DECLS
