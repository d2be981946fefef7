/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-xapi-profile.h"

G_BEGIN_DECLS

/* Shared by th-xapi-profile.c, which builds statements, and
 * th-xapi-reader.c, which reads them back. */

/* Each record kind's verb: ADL's where one exists, the organisation's
 * own (under the activity base) for a sign-off and its revocation. A
 * finished attempt is passed or failed. */
#define ADL_VERB "http://adlnet.gov/expapi/verbs/"
#define ADL_ACTIVITY "http://adlnet.gov/expapi/activities/"

struct _ThXapiProfile
{
  char      *home_page;
  char      *workstation;   /* prefix of the accounts of learners without one */
  char      *base;          /* of Threshold's activities, verbs and extensions */
  ThCatalog *catalog;       /* (nullable): names the activities */
};

G_END_DECLS
