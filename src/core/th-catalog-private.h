/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The key the catalog keeps its list model under (th-catalog-model.c). */
GQuark th_catalog_model_quark (void);

G_END_DECLS
