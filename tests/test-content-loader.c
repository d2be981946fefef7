/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "th-catalog-model.h"
#include "th-catalog.h"
#include "th-content-problem.h"
#include "th-language-check.h"
#include "th-module.h"

static char *
fixture (const char *first,
         ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_getenv ("THRESHOLD_FIXTURES"));
  g_ptr_array_add (parts, "content");
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static ThCatalog *
catalog_new (const char * const *languages)
{
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  static const char * const english[] = { "en", "C", NULL };

  th_content_loader_set_languages (loader, languages ? languages : english);
  return th_catalog_new (loader);
}

/* The first problem of @severity reported for the file called @name. */
static ThContentProblem *
problem_for (ThCatalog  *catalog,
             const char *name,
             ThSeverity  severity)
{
  GPtrArray *problems = th_catalog_get_problems (catalog);
  ThContentProblem *found = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      ThContentProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *base = g_path_get_basename (problem->file);

      if (g_str_equal (base, name) && problem->severity == severity)
        {
          found = problem;
          break;
        }
    }
  g_assert_nonnull (found);
  return found;
}

static void
test_load_example (void)
{
  g_autoptr(ThCatalog) catalog = catalog_new (NULL);
  g_autofree char *path = fixture ("good", "example.xml", NULL);
  ThModule *module;
  const ThQuiz *quiz;
  const ThScenario *first, *words;
  const ThChoice *choice;
  ThPage *page;

  th_catalog_add_path (catalog, path, TH_CONTENT_ORIGIN_BUNDLED);
  g_assert_cmpuint (th_catalog_count (catalog, TH_SEVERITY_ERROR), ==, 0);

  module = th_catalog_find_module (catalog, "example-welcome");
  g_assert_nonnull (module);
  g_assert_cmpint (th_module_get_kind (module), ==, TH_MODULE_KIND_OTHER);
  g_assert_false (th_module_get_required (module));
  g_assert_cmpuint (th_module_get_order (module), ==, 90);
  g_assert_cmpstr (th_module_get_title (module), ==, "Welcoming a late arrival");

  page = g_ptr_array_index (th_module_get_pages (module), 0);
  g_assert_cmpstr (page->heading, ==, "The idea");
  g_assert_cmpuint (page->blocks->len, ==, 3);
  g_assert_cmpstr (((ThBlock *) page->blocks->pdata[0])->markup, ==,
                   "Care starts with how a person is <i>received</i>.");
  g_assert_cmpint (((ThBlock *) page->blocks->pdata[2])->kind, ==, TH_BLOCK_QUOTE);
  g_assert_cmpstr (((ThBlock *) page->blocks->pdata[2])->where, ==, "Table 2");

  quiz = th_module_get_quiz (module);
  g_assert_cmpuint (quiz->pass_mark, ==, 60);
  g_assert_cmpuint (quiz->refresher_size, ==, 2);
  g_assert_cmpuint (quiz->scenarios->len, ==, 3);

  first = g_ptr_array_index (quiz->scenarios, 0);
  g_assert_cmpstr (first->setting, ==, "free-standing-clinic");
  g_assert_cmpuint (th_quiz_get_branch_depth (quiz, 0), ==, 2);
  choice = g_ptr_array_index (first->choices, 0);
  g_assert_cmpstr (choice->next, ==, "late-2");
  g_assert_cmpuint (choice->honours, ==, (1u << TH_TAG_HUMANISM) | (1u << TH_TAG_LOW_THRESHOLD_CARE));

  words = g_ptr_array_index (quiz->scenarios, 2);
  g_assert_true (words->multiple);
  g_assert_cmpint (th_scenario_get_max_score (words), ==, 2);
  g_assert_true (((ThChoice *) words->choices->pdata[1])->language_to_avoid);
}

static void
test_translation_fallback (void)
{
  static const char * const spanish[] = { "es_MX", "es", "C", NULL };
  g_autoptr(ThCatalog) catalog = catalog_new (spanish);
  g_autofree char *path = fixture ("good", "example.xml", NULL);
  ThModule *module;
  ThPage *page;
  ThBlock *list;

  th_catalog_add_path (catalog, path, TH_CONTENT_ORIGIN_BUNDLED);
  module = th_catalog_find_module (catalog, "example-welcome");
  g_assert_cmpstr (th_module_get_title (module), ==, "Recibir a quien llega tarde");

  page = g_ptr_array_index (th_module_get_pages (module), 0);
  g_assert_cmpstr (page->heading, ==, "La idea");
  list = g_ptr_array_index (page->blocks, 1);
  g_assert_cmpuint (list->items->len, ==, 2);
  g_assert_cmpstr (list->items->pdata[0], ==, "Salude a la persona por su nombre.");
  /* Not translated: falls back to the original, element by element. */
  g_assert_cmpstr (list->items->pdata[1], ==, "Offer the next open slot.");
}

typedef struct
{
  const char *file;
  guint       line;
  const char *words;
} Expected;

static void
test_bad_files_reported (void)
{
  static const Expected expected[] = {
    { "malformed.xml", 5, "tag mismatch" },
    { "schema-violation.xml", 2, "failed to validate" },
    { "dangling-next.xml", 32, "“late-3”, which does not exist" },
    { "unreachable.xml", 45, "can never be reached" },
    { "no-best.xml", 28, "exactly one best choice" },
    { "loop.xml", 45, "no way out" },
    { "external-entity.xml", 2, "<!DOCTYPE>" },
    { "entity-bomb.xml", 2, "<!DOCTYPE>" },
    { "wrong-encoding.xml", 6, "UTF-8" },
    { "declared-latin1.xml", 1, "must be UTF-8" },
    { "empty.xml", 1, "empty" },
    { "orphan-translation.xml", 22, "does not follow" },
  };
  g_autoptr(ThCatalog) catalog = catalog_new (NULL);
  g_autofree char *bad = fixture ("bad", NULL);
  g_autofree char *good = fixture ("good", NULL);

  th_catalog_add_path (catalog, bad, TH_CONTENT_ORIGIN_BUNDLED);
  th_catalog_add_path (catalog, good, TH_CONTENT_ORIGIN_BUNDLED);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ThContentProblem *problem = problem_for (catalog, expected[i].file, TH_SEVERITY_ERROR);

      g_test_message ("%s:%u: %s", expected[i].file, problem->line, problem->message);
      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_nonnull (strstr (problem->message, expected[i].words));
    }

  /* None of the bad files loaded; the valid files beside them did. */
  g_assert_cmpuint (th_catalog_get_n_modules (catalog), ==, 2);
  g_assert_nonnull (th_catalog_find_module (catalog, "example-welcome"));
  g_assert_nonnull (th_catalog_find_module (catalog, "language-warning"));
  /* The dangling target also leaves its follow-up unreached: one more. */
  g_assert_cmpuint (th_catalog_count (catalog, TH_SEVERITY_ERROR), ==, G_N_ELEMENTS (expected) + 1);
}

static void
test_duplicate_id (void)
{
  g_autoptr(ThCatalog) catalog = catalog_new (NULL);
  g_autofree char *dir = fixture ("duplicate", NULL);
  ThContentProblem *problem;

  th_catalog_add_path (catalog, dir, TH_CONTENT_ORIGIN_BUNDLED);
  problem = problem_for (catalog, "b.xml", TH_SEVERITY_ERROR);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_nonnull (strstr (problem->message, "“twin” is already used by"));
  g_assert_cmpuint (th_catalog_get_n_modules (catalog), ==, 1);
  g_assert_true (g_str_has_suffix (th_module_get_path (th_catalog_find_module (catalog, "twin")),
                                   "a.xml"));
}

/* Replaces the first @from in the file at @source and writes it to @dest. */
static void
write_edited (const char *source,
              const char *dest,
              const char *from,
              const char *to)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *edited = NULL;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  parts = g_strsplit (contents, from, 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  edited = g_strjoinv (to, parts);
  g_assert_true (g_file_set_contents (dest, edited, -1, NULL));
}

static void
test_clinic_module_replaces_bundled (void)
{
  g_autoptr(ThCatalog) catalog = catalog_new (NULL);
  g_autofree char *bundled = fixture ("good", "example.xml", NULL);
  g_autofree char *clinic_dir = g_dir_make_tmp ("threshold-XXXXXX", NULL);
  g_autofree char *clinic = g_build_filename (clinic_dir, "ours.xml", NULL);
  ThContentProblem *problem;

  write_edited (bundled, clinic, "Welcoming a late arrival", "Our own welcome");
  th_catalog_add_path (catalog, bundled, TH_CONTENT_ORIGIN_BUNDLED);
  th_catalog_add_path (catalog, clinic_dir, TH_CONTENT_ORIGIN_CLINIC);

  g_assert_cmpuint (th_catalog_get_n_modules (catalog), ==, 1);
  g_assert_cmpstr (th_module_get_title (th_catalog_find_module (catalog, "example-welcome")),
                   ==, "Our own welcome");
  problem = problem_for (catalog, "ours.xml", TH_SEVERITY_INFO);
  g_assert_nonnull (strstr (problem->message, "replaces the bundled module"));
  g_assert_cmpuint (th_catalog_count (catalog, TH_SEVERITY_ERROR), ==, 0);

  g_unlink (clinic);
  g_rmdir (clinic_dir);
}

static void
test_oversized_file (void)
{
  g_autoptr(ThCatalog) catalog = catalog_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("threshold-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n<!--");
  ThContentProblem *problem;

  while (text->len <= TH_CONTENT_MAX_FILE_SIZE)
    g_string_append (text, " padding padding padding padding padding padding padding");
  g_string_append (text, "-->\n<module/>\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  th_catalog_add_path (catalog, dir, TH_CONTENT_ORIGIN_BUNDLED);
  problem = problem_for (catalog, "huge.xml", TH_SEVERITY_ERROR);
  g_assert_nonnull (strstr (problem->message, "at most"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_external_entity_not_read (void)
{
  g_autoptr(ThCatalog) catalog = catalog_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("threshold-XXXXXX", NULL);
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *path = g_build_filename (dir, "steal.xml", NULL);
  g_autofree char *bad = fixture ("bad", "external-entity.xml", NULL);
  g_autofree char *uri = NULL;
  GPtrArray *problems;

  /* Point the entity at a file of our own and check that nothing of it
   * reaches a module or a message. */
  g_assert_true (g_file_set_contents (secret, "SECRET-CONTENTS", -1, NULL));
  uri = g_filename_to_uri (secret, NULL, NULL);
  write_edited (bad, path, "file:///etc/passwd", uri);

  th_catalog_add_path (catalog, path, TH_CONTENT_ORIGIN_BUNDLED);
  g_assert_cmpuint (th_catalog_get_n_modules (catalog), ==, 0);
  problems = th_catalog_get_problems (catalog);
  for (guint i = 0; i < problems->len; i++)
    g_assert_null (strstr (((ThContentProblem *) problems->pdata[i])->message, "SECRET"));
  problem_for (catalog, "steal.xml", TH_SEVERITY_ERROR);

  g_unlink (secret);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_language_warning (void)
{
  g_autoptr(ThCatalog) catalog = catalog_new (NULL);
  g_autofree char *path = fixture ("good", "language.xml", NULL);
  g_autofree char *example = fixture ("good", "example.xml", NULL);
  ThContentProblem *problem;

  th_catalog_add_path (catalog, path, TH_CONTENT_ORIGIN_BUNDLED);
  problem = problem_for (catalog, "language.xml", TH_SEVERITY_WARNING);
  g_assert_cmpuint (problem->line, ==, 22);
  g_assert_nonnull (strstr (problem->message, "“addict”"));
  g_assert_nonnull (strstr (problem->message, "“person who uses drugs”"));
  /* A warning does not keep the module out. */
  g_assert_nonnull (th_catalog_find_module (catalog, "language-warning"));

  /* The example shows "addict" too, inside a choice marked as language to
   * avoid, and so passes without a warning. */
  g_clear_object (&catalog);
  catalog = catalog_new (NULL);
  th_catalog_add_path (catalog, example, TH_CONTENT_ORIGIN_BUNDLED);
  g_assert_cmpuint (th_catalog_get_problems (catalog)->len, ==, 0);
}

/* The form checks warn a clinic's author, and the module still loads: a
 * single-answer moment with two choices, and a quiz whose best choices
 * are the longest. */
static void
test_form_warnings (void)
{
  g_autofree char *example = fixture ("good", "example.xml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("threshold-XXXXXX", NULL);
  g_autofree char *two = g_build_filename (dir, "two.xml", NULL);
  g_autofree char *longest = g_build_filename (dir, "longest.xml", NULL);
  g_autoptr(ThCatalog) catalog = catalog_new (NULL);
  ThContentProblem *problem;

  /* The wait, with its third choice taken out. */
  write_edited (example, two,
                "      <choice id=\"c\" score=\"0\">\n"
                "        <text>Suggest they come back in an hour rather than sit in the waiting room.</text>\n"
                "        <feedback>A person sent away may not come back.</feedback>\n"
                "      </choice>\n", "");
  th_catalog_add_path (catalog, two, TH_CONTENT_ORIGIN_BUNDLED);
  problem = problem_for (catalog, "two.xml", TH_SEVERITY_WARNING);
  g_assert_cmpuint (problem->line, ==, 45);
  g_assert_nonnull (strstr (problem->message, "“late-2” offers 2 choices"));
  g_assert_cmpuint (th_catalog_get_problems (catalog)->len, ==, 1);
  g_assert_nonnull (th_catalog_find_module (catalog, "example-welcome"));

  /* The welcome said at more length than its moment's other choices: the
   * best is the longest in one moment of two, which is not yet more than
   * half. */
  g_clear_object (&catalog);
  catalog = catalog_new (NULL);
  write_edited (example, longest, "I am glad you made it.",
                "I am really glad you made it here today, and I mean that.");
  th_catalog_add_path (catalog, longest, TH_CONTENT_ORIGIN_BUNDLED);
  g_assert_cmpuint (th_catalog_get_problems (catalog)->len, ==, 0);

  /* And the wait's best too: two of two. */
  write_edited (longest, longest, "Offer a seat and water while they wait.",
                "Offer a seat and a glass of water, and tell them honestly how long the wait will be.");
  g_clear_object (&catalog);
  catalog = catalog_new (NULL);
  th_catalog_add_path (catalog, longest, TH_CONTENT_ORIGIN_BUNDLED);
  problem = problem_for (catalog, "longest.xml", TH_SEVERITY_WARNING);
  g_assert_cmpuint (problem->line, ==, 28);
  g_assert_nonnull (strstr (problem->message, "longest in 2 of the quiz’s 2 single-answer moments"));
  g_assert_cmpuint (th_catalog_get_problems (catalog)->len, ==, 1);
  g_assert_nonnull (th_catalog_find_module (catalog, "example-welcome"));

  g_unlink (two);
  g_unlink (longest);
  g_rmdir (dir);
}

/* Each text is checked in its own language: a Spanish translation with the
 * Spanish words, a module written in Spanish too, and English words in
 * Spanish text (or the other way round) are not taken for them. */
static void
test_language_warning_spanish (void)
{
  g_autofree char *source = fixture ("good", "language.xml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("threshold-XXXXXX", NULL);
  g_autofree char *translated = g_build_filename (dir, "translated.xml", NULL);
  g_autofree char *spanish = g_build_filename (dir, "spanish.xml", NULL);
  g_autoptr(ThCatalog) catalog = NULL;
  ThContentProblem *problem;

  /* The key point in English stays as it is: one warning, for “addict”. */
  write_edited (source, translated, "<item xml:lang=\"es\">Salude a la persona por su nombre.</item>",
                "<item xml:lang=\"es\">Salude al adicto por su nombre: la prueba de orina salió limpia.</item>");
  catalog = catalog_new (NULL);
  th_catalog_add_path (catalog, translated, TH_CONTENT_ORIGIN_BUNDLED);
  g_assert_cmpuint (th_catalog_count (catalog, TH_SEVERITY_WARNING), ==, 2);
  problem = g_ptr_array_index (th_catalog_get_problems (catalog), 0);
  g_assert_cmpuint (problem->line, ==, 15);
  g_assert_nonnull (strstr (problem->message, "“adicto”"));
  g_assert_nonnull (strstr (problem->message, "“persona que usa drogas”"));

  /* A module in Spanish: its untagged text is Spanish, so the English
   * “addict” passes and “toxicómano” does not. */
  write_edited (source, spanish, "required=\"false\" xml:lang=\"en\"", "required=\"false\" xml:lang=\"es\"");
  write_edited (spanish, spanish, "reason to turn", "reason to turn a toxicómano or");
  g_clear_object (&catalog);
  catalog = catalog_new (NULL);
  th_catalog_add_path (catalog, spanish, TH_CONTENT_ORIGIN_BUNDLED);
  g_assert_cmpuint (th_catalog_count (catalog, TH_SEVERITY_WARNING), ==, 1);
  problem = problem_for (catalog, "spanish.xml", TH_SEVERITY_WARNING);
  g_assert_cmpuint (problem->line, ==, 22);
  g_assert_nonnull (strstr (problem->message, "“toxicómano”"));

  g_unlink (translated);
  g_unlink (spanish);
  g_rmdir (dir);
}

static void
test_language_check (void)
{
  const struct {
    const char *text;
    const char *language;
    const char *term;
    const char *instead;
  } cases[] = {
    { "Turn no addict away.", NULL, "addict", "person who uses drugs" },
    { "The urine came back dirty.", "en-US", "urine came back dirty", "negative or positive" },
    { "National Institute on Drug Abuse", "en", NULL, NULL },
    { "Es TOXICÓMANO desde hace años.", "es", "TOXICÓMANO", "persona que usa drogas" },
    { "Dos drogadictas esperan.", "es-MX", "drogadictas", "persona que usa drogas" },
    { "Tiene un historial de abuso de sustancias.", "es_ES", "abuso de sustancias", "consumo de sustancias" },
    { "El análisis de orina dio sucio.", "es", "análisis de orina dio sucio", "negativo o positivo" },
    { "Pte. sucia para fentanilo.", "es", "sucia para fentanilo", "negativo o positivo" },
    /* What is not a label for a person or a result passes. */
    { "La sala de espera está limpia y las jeringas son nuevas.", "es", NULL, NULL },
    { "Jeringas limpias en cada visita.", "es", NULL, NULL },
    { "La adicción es un trastorno tratable.", "es", NULL, NULL },
    { "Denunció abuso de autoridad.", "es", NULL, NULL },
    { "Instituto Nacional sobre el Abuso de Drogas", "es", NULL, NULL },
    /* Each language's words only. */
    { "Un addict no es un término en español.", "es", NULL, NULL },
    { "Adicto is Spanish.", "en", NULL, NULL },
    { "Adicto is Spanish.", "fr", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *instead = NULL;
      g_autofree char *term = th_language_check_find (cases[i].text, cases[i].language, &instead);

      g_test_message ("%s (%s): %s", cases[i].text, cases[i].language, term);
      g_assert_cmpstr (term, ==, cases[i].term);
      g_assert_cmpstr (instead, ==, cases[i].instead);
    }
}

static void
test_shipped_content_valid (void)
{
  g_autoptr(ThCatalog) catalog = catalog_new (NULL);
  GPtrArray *problems;

  th_catalog_add_path (catalog, g_getenv ("THRESHOLD_CONTENT_DIR"), TH_CONTENT_ORIGIN_BUNDLED);
  problems = th_catalog_get_problems (catalog);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = th_content_problem_format (problems->pdata[i]);
      g_test_message ("%s", line);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (th_catalog_get_n_modules (catalog), >, 0);
}

/* The errors reported for the file called @name. */
static guint
count_errors_for (ThCatalog  *catalog,
                  const char *name)
{
  GPtrArray *problems = th_catalog_get_problems (catalog);
  guint count = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      ThContentProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *base = g_path_get_basename (problem->file);

      count += g_str_equal (base, name) && problem->severity == TH_SEVERITY_ERROR;
    }
  return count;
}

static gboolean
loaded_from (ThCatalog  *catalog,
             const char *name)
{
  GListModel *modules = th_catalog_get_modules (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(ThModule) module = g_list_model_get_item (modules, i);
      g_autofree char *base = g_path_get_basename (th_module_get_path (module));

      if (g_str_equal (base, name))
        return TRUE;
    }
  return FALSE;
}

/* What tests/fuzz found, minimized, and hand-made inputs like it. Each
 * file is refused with an error, or loads cleanly if its name ends in
 * "-loads.xml"; every message must be UTF-8, as labels show them. */
static void
test_fuzz_regressions (void)
{
  g_autoptr(ThCatalog) catalog = catalog_new (NULL);
  g_autofree char *path = fixture ("fuzz", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *problems;
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  th_catalog_add_path (catalog, path, TH_CONTENT_ORIGIN_BUNDLED);

  problems = th_catalog_get_problems (catalog);
  for (guint i = 0; i < problems->len; i++)
    g_assert_true (g_utf8_validate (((ThContentProblem *) problems->pdata[i])->message, -1, NULL));

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      guint errors;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      n_files++;
      errors = count_errors_for (catalog, name);
      g_test_message ("%s: %u errors", name, errors);
      if (g_str_has_suffix (name, "-loads.xml"))
        {
          g_assert_cmpuint (errors, ==, 0);
          g_assert_true (loaded_from (catalog, name));
        }
      else
        {
          g_assert_cmpuint (errors, >, 0);
          g_assert_false (loaded_from (catalog, name));
        }
    }
  g_assert_cmpuint (n_files, >, 0);
  g_assert_cmpuint (th_catalog_get_n_files (catalog), ==, n_files);
}

/* A module with as many scenarios as an element may hold, each but the last
 * leading to the next: the flow checks once took time cubic in this, and
 * th_quiz_get_branch_depth () exponential. */
static GBytes *
long_chain_module (guint n)
{
  GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<module xmlns=\"urn:x-threshold:module:1\" id=\"long-chain\""
                                " kind=\"other\" order=\"1\"><title>t</title><summary>s</summary>"
                                "<lesson><page id=\"p\"><heading>h</heading><p>p</p></page></lesson>"
                                "<key-points><point>k</point></key-points>"
                                "<sources><source id=\"s\">s</source></sources><quiz pass-mark=\"50\">\n");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *next = i + 1 < n ? g_strdup_printf (" next=\"s%u\"", i + 1) : g_strdup ("");

      g_string_append_printf (text, "<scenario id=\"s%u\"%s><title>t</title><situation>s</situation>",
                              i, i > 0 ? " follow-up=\"true\"" : "");
      /* Three choices, the best the shortest: no form warning either. */
      for (guint j = 0; j < 3; j++)
        g_string_append_printf (text, "<choice id=\"c%u\" score=\"%d\"%s><text>%s</text>"
                                "<feedback>f</feedback></choice>", j, 1 - (int) j, next,
                                j == 0 ? "t" : "tt");
      g_string_append (text, "</scenario>\n");
    }
  g_string_append (text, "</quiz></module>\n");
  return g_string_free_to_bytes (text);
}

static void
test_long_follow_up_chain (void)
{
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) th_content_problem_free);
  g_autoptr(GBytes) bytes = long_chain_module (1000);
  g_autoptr(ThModule) module = NULL;

  module = th_content_loader_load_bytes (loader, "long-chain.xml", bytes, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = th_content_problem_format (problems->pdata[i]);
      g_test_message ("%s", line);
    }
  g_assert_nonnull (module);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (th_module_get_quiz (module)->scenarios->len, ==, 1000);
  /* Every choice of each moment leads on: walking every path is 3^1000. */
  g_assert_cmpuint (th_quiz_get_branch_depth (th_module_get_quiz (module), 0), ==, 1000);

  /* One more is too wide, and refused before the schema sees it. */
  g_clear_object (&module);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = long_chain_module (1001);
  module = th_content_loader_load_bytes (loader, "long-chain.xml", bytes, problems);
  g_assert_null (module);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((ThContentProblem *) problems->pdata[0])->message, "at most 1000"));
}

/* A positiveInteger has no upper bound: a huge one is clamped, not wrapped
 * round to 0 (a refresher of no scenarios). */
static void
test_huge_numbers_clamped (void)
{
  g_autoptr(ThCatalog) catalog = catalog_new (NULL);
  g_autofree char *example = fixture ("good", "example.xml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("threshold-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  ThModule *module;

  write_edited (example, path, "refresher-size=\"2\"", "refresher-size=\"4294967296\"");
  th_catalog_add_path (catalog, path, TH_CONTENT_ORIGIN_BUNDLED);
  module = th_catalog_find_module (catalog, "example-welcome");
  g_assert_nonnull (module);
  g_assert_cmpuint (th_module_get_quiz (module)->refresher_size, ==, G_MAXUINT);

  g_unlink (path);
  g_rmdir (dir);
}

/* A FIFO would block the loader until something wrote to it, and a device
 * may never end: only regular files are read. */
static void
test_fifo_refused (void)
{
  g_autoptr(ThCatalog) catalog = catalog_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("threshold-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pipe.xml", NULL);
  ThContentProblem *problem;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  th_catalog_add_path (catalog, dir, TH_CONTENT_ORIGIN_BUNDLED);
  problem = problem_for (catalog, "pipe.xml", TH_SEVERITY_ERROR);
  g_assert_nonnull (strstr (problem->message, "not a regular file"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/content/load-example", test_load_example);
  g_test_add_func ("/core/content/translation-fallback", test_translation_fallback);
  g_test_add_func ("/core/content/bad-files-reported", test_bad_files_reported);
  g_test_add_func ("/core/content/duplicate-id", test_duplicate_id);
  g_test_add_func ("/core/content/clinic-module-replaces-bundled", test_clinic_module_replaces_bundled);
  g_test_add_func ("/core/content/oversized-file", test_oversized_file);
  g_test_add_func ("/core/content/external-entity-not-read", test_external_entity_not_read);
  g_test_add_func ("/core/content/language-warning", test_language_warning);
  g_test_add_func ("/core/content/language-warning-spanish", test_language_warning_spanish);
  g_test_add_func ("/core/content/form-warnings", test_form_warnings);
  g_test_add_func ("/core/content/language-check", test_language_check);
  g_test_add_func ("/core/content/shipped-content-valid", test_shipped_content_valid);
  g_test_add_func ("/core/content/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/core/content/long-follow-up-chain", test_long_follow_up_chain);
  g_test_add_func ("/core/content/huge-numbers-clamped", test_huge_numbers_clamped);
  g_test_add_func ("/core/content/fifo-refused", test_fifo_refused);

  return g_test_run ();
}
