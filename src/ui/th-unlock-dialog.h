/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-store.h"
#include "th-unlock-gate.h"

G_BEGIN_DECLS

#define TH_TYPE_UNLOCK_DIALOG (th_unlock_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ThUnlockDialog, th_unlock_dialog, TH, UNLOCK_DIALOG, AdwWindow)

ThUnlockDialog *th_unlock_dialog_new            (GtkWindow    *parent,
                                                 ThStore      *store,
                                                 ThUnlockGate *gate);
ThUnlockDialog *th_unlock_dialog_new_for_adding (GtkWindow    *parent,
                                                 ThStore      *store);

G_END_DECLS
