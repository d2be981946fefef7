/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The six principles (Hawk et al. 2017) and the eight themes
 * (Chang, Lindenfeld, Hagan 2023) that a choice's feedback can name. */
typedef enum
{
  TH_TAG_HUMANISM,
  TH_TAG_PRAGMATISM,
  TH_TAG_INDIVIDUALISM,
  TH_TAG_AUTONOMY,
  TH_TAG_INCREMENTALISM,
  TH_TAG_ACCOUNTABILITY,
  TH_TAG_LEARNER_AND_INFORMER,
  TH_TAG_PRAGMATIC_MEASURES,
  TH_TAG_COLLABORATIVE_TEAMS,
  TH_TAG_STIGMA_FREE_CULTURE,
  TH_TAG_WELCOMING_SPACE,
  TH_TAG_LOW_THRESHOLD_CARE,
  TH_TAG_BEYOND_THE_CLINIC,
  TH_TAG_REFERRAL_NETWORKS,
  TH_N_TAGS
} ThTag;

/* A set of tags, one bit per ThTag. */
typedef guint32 ThTagSet;

const char *th_tag_to_id       (ThTag        tag);
const char *th_tag_get_title   (ThTag        tag);
gboolean    th_tag_from_id     (const char  *id,
                                ThTag       *tag);
ThTagSet    th_tag_set_parse   (const char  *list);
GPtrArray  *th_tag_set_titles  (ThTagSet     set);

G_END_DECLS
