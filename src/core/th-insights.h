/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "th-catalog.h"
#include "th-store.h"
#include "th-tag.h"

G_BEGIN_DECLS

/* How often the team chose what honours a principle or theme, and what
 * works against it. A select-all answer counts each choice it took. */
typedef struct
{
  guint honoured;
  guint broken;
} ThTagTally;

/* A moment of a quiz, and what the team answered there. */
typedef struct
{
  const char       *module_id;
  ThModule         *module;       /* nullable: a module no longer loaded */
  const ThScenario *scenario;
  guint             answers;
  guint             weaker;       /* answers below the moment's best */
  const ThChoice   *common;       /* the weaker choice most often taken, or NULL */
  guint             common_count;
} ThMomentInsight;

/* A module: its answers and attempts. */
typedef struct
{
  char     *module_id;
  ThModule *module;               /* nullable: a module no longer loaded */
  guint     answers;
  guint     attempts;             /* finished */
  guint     first_attempts;       /* learners' first finished full attempts */
  guint     first_passed;
  guint     median_percent;       /* of the finished attempts */
  guint     refreshers;           /* finished refreshers */
  guint     refreshers_passed;
} ThModuleInsight;

#define TH_TYPE_INSIGHTS (th_insights_get_type ())

G_DECLARE_FINAL_TYPE (ThInsights, th_insights, TH, INSIGHTS, GObject)

ThInsights        *th_insights_load              (ThStore             *store,
                                                  ThCatalog           *catalog,
                                                  const ThRecordScope *scope,
                                                  GError             **error);
guint              th_insights_get_n_answers     (ThInsights          *self);
const ThTagTally  *th_insights_get_tally         (ThInsights          *self,
                                                  ThTag                tag);
GStrv              th_insights_dup_quarters      (ThInsights          *self);
ThTagTally         th_insights_get_tally_in      (ThInsights          *self,
                                                  ThTag                tag,
                                                  const char          *quarter);
GPtrArray         *th_insights_get_moments       (ThInsights          *self);
GPtrArray         *th_insights_get_modules       (ThInsights          *self);

G_END_DECLS
