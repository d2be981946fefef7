/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-learner.h"
#include "th-store.h"

G_BEGIN_DECLS

#define TH_TYPE_PROFILES_PAGE (th_profiles_page_get_type ())

G_DECLARE_FINAL_TYPE (ThProfilesPage, th_profiles_page, TH, PROFILES_PAGE, GtkWidget)

void th_profiles_page_set_store (ThProfilesPage *self,
                                 ThStore        *store);
void th_profiles_page_reload    (ThProfilesPage *self);

G_END_DECLS
