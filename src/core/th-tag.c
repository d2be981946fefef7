/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-tag"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "th-tag.h"

static const struct {
  const char *id;
  const char *title;
} tags[TH_N_TAGS] = {
  { "humanism", N_("Humanism") },
  { "pragmatism", N_("Pragmatism") },
  { "individualism", N_("Individualism") },
  { "autonomy", N_("Autonomy") },
  { "incrementalism", N_("Incrementalism") },
  { "accountability", N_("Accountability") },
  { "learner-and-informer", N_("Provider as learner and informer") },
  { "pragmatic-measures", N_("Pragmatic measures of success") },
  { "collaborative-teams", N_("Collaborative care teams") },
  { "stigma-free-culture", N_("Stigma-free culture") },
  { "welcoming-space", N_("Welcoming space") },
  { "low-threshold-care", N_("Low-threshold care") },
  { "beyond-the-clinic", N_("Beyond the clinic") },
  { "referral-networks", N_("Referral networks") },
};

const char *
th_tag_to_id (ThTag tag)
{
  g_return_val_if_fail (tag < TH_N_TAGS, NULL);
  return tags[tag].id;
}

const char *
th_tag_get_title (ThTag tag)
{
  g_return_val_if_fail (tag < TH_N_TAGS, NULL);
  return _(tags[tag].title);
}

gboolean
th_tag_from_id (const char *id,
                ThTag      *tag)
{
  for (guint i = 0; i < TH_N_TAGS; i++)
    {
      if (g_strcmp0 (id, tags[i].id) == 0)
        {
          *tag = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
tag_from_name (const char *name,
               gsize       length,
               ThTag      *tag)
{
  for (guint i = 0; i < TH_N_TAGS; i++)
    {
      if (strncmp (name, tags[i].id, length) == 0 && tags[i].id[length] == '\0')
        {
          *tag = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The schema has already checked each name, so unknown ones are skipped.
 * The names are read where they are, not split into copies: this runs for
 * every choice of every module at start. */
ThTagSet
th_tag_set_parse (const char *list)
{
  const char *separators = " \t\n\r";
  ThTagSet set = 0;

  if (list == NULL)
    return 0;
  for (const char *name = list; *name != '\0'; )
    {
      gsize length = strcspn (name, separators);
      ThTag tag;

      if (length > 0 && tag_from_name (name, length, &tag))
        set |= 1u << tag;
      name += length;
      name += strspn (name, separators);
    }
  return set;
}

GPtrArray *
th_tag_set_titles (ThTagSet set)
{
  GPtrArray *titles = g_ptr_array_new ();

  for (guint i = 0; i < TH_N_TAGS; i++)
    if (set & (1u << i))
      g_ptr_array_add (titles, (gpointer) th_tag_get_title (i));
  return titles;
}
