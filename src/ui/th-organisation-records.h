/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-lrs-sender.h"
#include "th-store.h"

G_BEGIN_DECLS

#define TH_TYPE_ORGANISATION_RECORDS (th_organisation_records_get_type ())

G_DECLARE_FINAL_TYPE (ThOrganisationRecords, th_organisation_records, TH, ORGANISATION_RECORDS, AdwWindow)

ThOrganisationRecords *th_organisation_records_new (GtkWindow   *parent,
                                                    ThStore     *store,
                                                    ThLrsSender *sender);

G_END_DECLS
