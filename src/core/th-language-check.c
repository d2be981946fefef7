/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-language-check"

#include "config.h"

#include "th-language-check.h"

#include <string.h>

/* Words the curriculum teaches staff to avoid (NIDA, "Words Matter"; the
 * table in CONTENT.md). "clean" and "dirty" are flagged only beside the
 * nouns they stigmatize, so "a clean exam room" passes, and the name of the
 * National Institute on Drug Abuse, cited for that very advice, passes too. */
static const char pattern[] =
  "\\b(?:"
  "addicts?|junkies?|junkie|crackheads?|(?:drug|substance) abusers?|abusers?"
  "|(?<!institute on )(?:drug|substance|opioid|alcohol) abuse|drug users?"
  "|(?:clean|dirty) (?:urine|tox|toxicology|screens?|tests?|results?|samples?"
  "|needles?|syringes?|works)"
  "|(?:urine|tox|test|result|screen) (?:was|is|came back) (?:clean|dirty)"
  "|drug[- ]seeking|non-?compliant|needle exchanges?|replacement therapy"
  ")\\b";

static GRegex *
get_regex (void)
{
  static gsize initialized;
  static GRegex *regex;

  if (g_once_init_enter (&initialized))
    {
      regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_once_init_leave (&initialized, 1);
    }
  return regex;
}

/* Every term above contains one of these; text with none of them cannot
 * match, and most text has none, so the regex seldom needs to run. */
static gboolean
might_match (const char *text)
{
  static const char * const stems[] = {
    "addict", "junkie", "crackhead", "abuse", "user", "clean", "dirty", "seeking",
    "compliant", "exchange", "replacement",
  };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    if (strstr (lower, stems[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Returns the first stigmatizing term in @text, or NULL. */
char *
th_language_check_find (const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (!might_match (text) || !g_regex_match (get_regex (), text, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 0);
}
