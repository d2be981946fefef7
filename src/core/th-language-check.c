/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-language-check"

#include "config.h"

#include "th-language-check.h"

#include <string.h>

/* Words the curriculum teaches staff to avoid, each with the words to use
 * instead, in the language of the text they are found in. */
typedef struct
{
  const char *pattern;   /* a PCRE alternative, with no capturing group */
  const char *instead;
} Term;

/* English: NIDA, "Words Matter". "clean" and "dirty" are flagged only
 * beside the nouns they stigmatize, so "a clean exam room" passes, and the
 * name of the National Institute on Drug Abuse, cited for that very
 * advice, passes too. */
static const Term english_terms[] = {
  { "addicts?|junkies?|junkie|crackheads?", "person who uses drugs" },
  { "(?:drug|substance) abusers?|abusers?", "person who uses drugs" },
  { "(?<!institute on )(?:drug|substance|opioid|alcohol) abuse", "substance use" },
  { "drug users?", "person who uses drugs" },
  { "(?:clean|dirty) (?:urine|tox|toxicology|screens?|tests?|results?|samples?)"
    "|(?:urine|tox|test|result|screen) (?:was|is|came back) (?:clean|dirty)",
    "negative or positive" },
  { "(?:clean|dirty) (?:needles?|syringes?|works)", "new or used" },
  { "drug[- ]seeking", "asking for a specific medication" },
  { "non-?compliant", "has not been able to follow the plan" },
  { "needle exchanges?", "syringe services program" },
  { "replacement therapy", "medication for opioid use disorder" },
};

/* Every English term contains one of these. */
static const char * const english_stems[] = {
  "addict", "junkie", "crackhead", "abuse", "user", "clean", "dirty", "seeking",
  "compliant", "exchange", "replacement",
};

/* Spanish: the same advice as the English. "limpio" and "sucio" are
 * flagged only for a test result ("la prueba salió limpia", "sucia para
 * fentanilo"), never for a room or a syringe, and "abuso" only of drugs,
 * never of a person; the
 * Spanish name of NIDA (Instituto Nacional sobre el Abuso de Drogas)
 * passes. */
static const Term spanish_terms[] = {
  { "(?:drog)?adict[oa]s?|toxicóman[oa]s?|yonquis?|yonkis?|drogatas?", "persona que usa drogas" },
  { "abusador(?:es|as?)? de (?:drogas|sustancias)", "persona que usa drogas" },
  { "(?<!sobre el )abuso de (?:sustancias|drogas|opioides|alcohol)", "consumo de sustancias" },
  { "(?:orinas?|muestras?|pruebas?|análisis|resultados?|controles|control|exámenes|examen|tests?)"
    " (?:de (?:orina|drogas|tóxicos|toxicología) )?"
    "(?:(?:salió|salieron|sale|salen|dio|dieron|resultó|resultaron|ha salido|han salido) )?"
    "(?:limpi|suci)[oa]s?"
    "|(?:limpi|suci)[oa]s? (?:para|de) (?:fentanilo|cocaína|heroína|opioides|opiáceos"
    "|metanfetaminas?|anfetaminas?|benzodiacepinas|drogas|sustancias|tóxicos)",
    "negativo o positivo" },
};

static const char * const spanish_stems[] = {
  "adict", "toxic", "yonqui", "yonki", "drogata", "abus", "limpi", "suci",
};

/* A byte per entry, small enough to stay in the cache; a stem's entry is
 * shared by about 1 in 4096/11 other four-letter groups. */
#define GRAM_TABLE_SIZE 4096

typedef struct
{
  const char         *language;   /* the primary subtag, as in xml:lang */
  const Term         *terms;
  guint               n_terms;
  const char * const *stems;
  guint               n_stems;
  gsize               initialized;
  GRegex             *regex;
  gsize               grams_ready;
  guint8              grams[GRAM_TABLE_SIZE];   /* see might_match () */
} Checker;

static Checker checkers[] = {
  { "en", english_terms, G_N_ELEMENTS (english_terms), english_stems, G_N_ELEMENTS (english_stems) },
  { "es", spanish_terms, G_N_ELEMENTS (spanish_terms), spanish_stems, G_N_ELEMENTS (spanish_stems) },
};

/* "es", "es-MX" and "es_MX" are Spanish; no language is English, the
 * language of a module that does not say. */
static Checker *
find_checker (const char *language)
{
  gsize length;

  if (language == NULL || *language == '\0')
    language = "en";
  length = strcspn (language, "-_");
  for (guint i = 0; i < G_N_ELEMENTS (checkers); i++)
    if (strlen (checkers[i].language) == length &&
        g_ascii_strncasecmp (checkers[i].language, language, length) == 0)
      return &checkers[i];
  return NULL;
}

/* One regex for all of a language's terms, with the term at index i in
 * capturing group i + 1. */
static GRegex *
get_regex (Checker *checker)
{
  if (g_once_init_enter (&checker->initialized))
    {
      g_autoptr(GString) pattern = g_string_new ("\\b(?:");

      for (guint i = 0; i < checker->n_terms; i++)
        g_string_append_printf (pattern, "%s(%s)", i > 0 ? "|" : "", checker->terms[i].pattern);
      g_string_append (pattern, ")\\b");
      checker->regex = g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (checker->regex != NULL);
      g_once_init_leave (&checker->initialized, 1);
    }
  return checker->regex;
}

/* ASCII only, as the stems are, and without a branch: g_ascii_tolower ()
 * is a call per byte. */
static inline guint32
lower (guchar c)
{
  return c | ((guchar) (c - 'A') < 26) << 5;
}

/* Four bytes with bit 5 set, as might_match () rolls them in: that
 * lower-cases letters in one step, and makes some other bytes look like
 * letters, which has_stem_at () then turns away. */
static inline guint
gram_key (guint32 window)
{
  return ((window | 0x20202020u) * 0x9E3779B1u) >> 20;
}

/* Every stem has at least four letters: a table of (a hash of) their first
 * four lets might_match () pass nearly every position with one look-up.
 * The stems are lower-case ASCII letters, which bit 5 leaves as they are. */
static const Checker *
get_grams (Checker *checker)
{
  if (g_once_init_enter (&checker->grams_ready))
    {
      for (guint i = 0; i < checker->n_stems; i++)
        {
          const guchar *stem = (const guchar *) checker->stems[i];
          guint key;

          g_assert (strlen ((const char *) stem) >= 4);
          key = gram_key (lower (stem[0]) << 24 | lower (stem[1]) << 16 |
                          lower (stem[2]) << 8 | lower (stem[3]));
          checker->grams[key] = 1;
        }
      g_once_init_leave (&checker->grams_ready, 1);
    }
  return checker;
}

/* Whether a stem starts at @c, in any ASCII case. */
static gboolean
has_stem_at (const Checker *checker,
             const guchar  *c)
{
  for (guint i = 0; i < checker->n_stems; i++)
    {
      const guchar *stem = (const guchar *) checker->stems[i];
      guint j = 0;

      while (stem[j] != '\0' && lower (c[j]) == stem[j])
        j++;
      if (stem[j] == '\0')
        return TRUE;
    }
  return FALSE;
}

/* Text with none of the stems cannot match, and most text has none, so
 * the regex seldom needs to run. One pass, with no lower-case copy and no
 * search per stem: this runs over every text of every module at start.
 * A hash may let a position through that has no stem, never the reverse. */
static gboolean
might_match (Checker    *checker,
             const char *text)
{
  const Checker *table = get_grams (checker);
  const guchar *start = (const guchar *) text;
  guint32 window = 0;

  for (const guchar *c = start; *c != '\0'; c++)
    {
      window = window << 8 | *c;
      if (table->grams[gram_key (window)] && c >= start + 3 && has_stem_at (table, c - 3))
        return TRUE;
    }
  return FALSE;
}

/**
 * th_language_check_find:
 * @text: text of a module
 * @language: (nullable): the language of @text, as its xml:lang says;
 *   %NULL for English
 * @instead: (out) (optional): the words to use instead, in @language
 *
 * Returns: (nullable): the first stigmatizing term in @text, or %NULL
 *   (always for a language the check does not know)
 */
char *
th_language_check_find (const char  *text,
                        const char  *language,
                        const char **instead)
{
  Checker *checker = find_checker (language);
  g_autoptr(GMatchInfo) match = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (checker == NULL || !might_match (checker, text) ||
      !g_regex_match (get_regex (checker), text, 0, &match))
    return NULL;
  for (guint i = 0; instead != NULL && i < checker->n_terms; i++)
    {
      int start = -1, end = -1;

      if (g_match_info_fetch_pos (match, i + 1, &start, &end) && start >= 0)
        {
          *instead = checker->terms[i].instead;
          break;
        }
    }
  return g_match_info_fetch (match, 0);
}
