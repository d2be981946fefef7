/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "th-catalog.h"

G_BEGIN_DECLS

GListModel *th_catalog_get_modules (ThCatalog *self);

G_END_DECLS
