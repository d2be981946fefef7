/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-module-builder"

#include "config.h"

#include <glib/gi18n.h>

#include "th-content-problem.h"
#include "th-language-check.h"
#include "th-module-builder.h"
#include "th-module-private.h"

/* Problems of the module, in its file. */
#define report(b, line, severity, ...) \
  th_content_problem_add ((b)->problems, (b)->path, (line), (severity), __VA_ARGS__)

#define XML_NS "http://www.w3.org/XML/1998/namespace"

/* The state of building one module. */
typedef struct
{
  const char         *path;
  GPtrArray          *problems;
  const char * const *languages;
  const char         *module_lang;
  gboolean            in_language_demo;
} Build;

/* Reading the tree. The schema has already checked its shape, so these
 * helpers need not defend against missing elements. */

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* A positiveInteger has no upper bound: clamp it, where a cast would wrap
 * refresher-size="4294967296" round to 0. */
static guint
prop_uint (xmlNode    *node,
           const char *name,
           guint       fallback)
{
  g_autofree char *value = prop (node, name);
  guint64 number;

  if (value == NULL)
    return fallback;
  number = g_ascii_strtoull (value, NULL, 10);
  return (guint) MIN (number, G_MAXUINT);
}

static gboolean
prop_is_true (xmlNode    *node,
              const char *name)
{
  g_autofree char *value = prop (node, name);

  return g_strcmp0 (value, "true") == 0 || g_strcmp0 (value, "1") == 0;
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return g_strcmp0 ((const char *) node->name, name) == 0;
}

static xmlNode *
next_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  return node;
}

#define foreach_element(child, parent) \
  for (xmlNode *child = next_element ((parent)->children); child; child = next_element (child->next))

static char *
node_lang (xmlNode *node)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) "lang", (const xmlChar *) XML_NS);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
is_translation (Build   *b,
                xmlNode *node)
{
  g_autofree char *lang = node_lang (node);

  return lang != NULL && g_ascii_strcasecmp (lang, b->module_lang) != 0;
}

/* Lower is better; languages the user did not ask for rank last. */
static guint
language_rank (Build      *b,
               const char *lang)
{
  g_autofree char *wanted = g_strdelimit (g_strdup (lang), "-", '_');
  const char * const *languages = b->languages;

  for (guint i = 0; languages[i] != NULL; i++)
    if (g_ascii_strcasecmp (languages[i], wanted) == 0)
      return i;
  return G_MAXUINT;
}

/* @original is an element in the module's language. Its translations are
 * the siblings of the same name that follow it with an xml:lang. Returns
 * the variant the user reads best, and moves *@cursor past the others. */
static xmlNode *
pick_variant (Build    *b,
              xmlNode  *original,
              xmlNode **cursor)
{
  xmlNode *best = original;
  guint best_rank = language_rank (b, b->module_lang);

  *cursor = original;
  for (xmlNode *sibling = next_element (original->next);
       sibling != NULL && is (sibling, (const char *) original->name) && is_translation (b, sibling);
       sibling = next_element (sibling->next))
    {
      g_autofree char *lang = node_lang (sibling);
      guint rank = language_rank (b, lang);

      if (rank < best_rank)
        {
          best = sibling;
          best_rank = rank;
        }
      *cursor = sibling;
    }
  return best;
}

/* Checks @node's text with the words to avoid in @language, its own. */
static void
check_language (Build      *b,
                xmlNode    *node,
                const char *language)
{
  xmlChar *content;
  g_autofree char *term = NULL;
  const char *instead = NULL;

  if (b->in_language_demo)
    return;

  content = xmlNodeGetContent (node);
  term = th_language_check_find ((const char *) content, language, &instead);
  xmlFree (content);

  if (term != NULL)
    report (b, xmlGetLineNo (node), TH_SEVERITY_WARNING,
            _("“%s” is language the curriculum teaches staff to avoid; say “%s” instead, "
              "or mark the choice demonstrates=\"language-to-avoid\""), term, instead);
}

/* Whether the @length bytes at @text hold anything markup must escape. */
static gboolean
needs_escape (const char *text,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    switch (text[i])
      {
      case '<': case '>': case '&': case '\'': case '"':
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

static void
append_collapsed (GString    *out,
                  const char *text,
                  gboolean    escape)
{
  const char *c = text;

  /* Word by word rather than byte by byte: this runs over every text of
   * every module at start. */
  while (*c != '\0')
    {
      const char *word = c;

      if (g_ascii_isspace (*c))
        {
          while (g_ascii_isspace (*c))
            c++;
          g_string_append_c (out, ' ');
          continue;
        }
      while (*c != '\0' && !g_ascii_isspace (*c))
        c++;
      if (escape && needs_escape (word, c - word))
        {
          g_autofree char *escaped = g_markup_escape_text (word, c - word);
          g_string_append (out, escaped);
        }
      else
        g_string_append_len (out, word, c - word);
    }
}

/* Text with emphasis as Pango markup, or as plain text. */
static char *
extract_text (xmlNode  *node,
              gboolean  markup)
{
  GString *out = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        append_collapsed (out, (const char *) child->content, markup);
      else if (child->type == XML_ELEMENT_NODE && is (child, "em"))
        {
          xmlChar *content = xmlNodeGetContent (child);

          g_string_append (out, markup ? "<i>" : "");
          append_collapsed (out, (const char *) content, markup);
          g_string_append (out, markup ? "</i>" : "");
          xmlFree (content);
        }
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* Reads a translatable text element: checks the wording of the original
 * and of each translation, each in its own language, and returns the text
 * of the variant in the user's language. */
static char *
read_text (Build     *b,
           xmlNode  **cursor,
           gboolean   markup)
{
  xmlNode *original = *cursor;
  xmlNode *variant = pick_variant (b, original, cursor);

  check_language (b, original, b->module_lang);
  for (xmlNode *node = original; node != *cursor; )
    {
      g_autofree char *lang = NULL;

      node = next_element (node->next);
      lang = node_lang (node);
      check_language (b, node, lang);
    }
  return extract_text (variant, markup);
}

/* Sets *@field from the first variant group only; later groups of the same
 * element (which the schema allows) are translations or repeats. */
static void
read_text_once (Build     *b,
                xmlNode  **cursor,
                char     **field,
                gboolean   markup)
{
  g_autofree char *text = read_text (b, cursor, markup);

  if (*field == NULL)
    *field = g_steal_pointer (&text);
}

/* Every child loop goes through here so that a translation standing alone,
 * after an element of another name, is reported once and skipped. */
static gboolean
is_orphan_translation (Build   *b,
                       xmlNode *node)
{
  g_autofree char *lang = NULL;

  if (!is_translation (b, node))
    return FALSE;

  lang = node_lang (node);
  report (b, xmlGetLineNo (node), TH_SEVERITY_ERROR,
          _("this <%s xml:lang=\"%s\"> does not follow the <%s> it translates"),
          node->name, lang, node->name);
  return TRUE;
}

static ThBlock *
read_list (Build   *b,
           xmlNode *list)
{
  ThBlock *block = th_block_new (TH_BLOCK_LIST);

  for (xmlNode *item = next_element (list->children); item; item = next_element (item->next))
    {
      if (!is_orphan_translation (b, item))
        g_ptr_array_add (block->items, read_text (b, &item, TRUE));
    }
  return block;
}

static ThBlock *
read_block (Build    *b,
            xmlNode **cursor)
{
  xmlNode *node = *cursor;
  ThBlock *block;

  if (is (node, "list"))
    {
      node = pick_variant (b, node, cursor);
      return read_list (b, node);
    }

  block = th_block_new (is (node, "quote") ? TH_BLOCK_QUOTE : TH_BLOCK_PARAGRAPH);
  if (block->kind == TH_BLOCK_QUOTE)
    {
      block->source_id = prop (node, "source");
      block->where = prop (node, "where");
    }
  block->markup = read_text (b, cursor, TRUE);
  return block;
}

static ThPage *
read_page (Build   *b,
           xmlNode *node)
{
  ThPage *page = th_page_new ();

  page->id = prop (node, "id");
  for (xmlNode *child = next_element (node->children); child; child = next_element (child->next))
    {
      if (is_orphan_translation (b, child))
        continue;
      if (is (child, "heading"))
        read_text_once (b, &child, &page->heading, FALSE);
      else
        g_ptr_array_add (page->blocks, read_block (b, &child));
    }
  return page;
}

static ThChoice *
read_choice (Build   *b,
             xmlNode *node)
{
  ThChoice *choice = th_choice_new ();
  g_autofree char *score = prop (node, "score");
  g_autofree char *honours = prop (node, "honours");
  g_autofree char *breaks = prop (node, "breaks");
  g_autofree char *demonstrates = prop (node, "demonstrates");

  choice->id = prop (node, "id");
  choice->score = (int) g_ascii_strtoll (score, NULL, 10);
  choice->next = prop (node, "next");
  choice->honours = th_tag_set_parse (honours);
  choice->breaks = th_tag_set_parse (breaks);
  choice->language_to_avoid = g_strcmp0 (demonstrates, "language-to-avoid") == 0;
  choice->fixed = prop_is_true (node, "fixed");
  choice->line = xmlGetLineNo (node);

  b->in_language_demo = choice->language_to_avoid;
  for (xmlNode *child = next_element (node->children); child; child = next_element (child->next))
    {
      if (is_orphan_translation (b, child))
        continue;
      read_text_once (b, &child, is (child, "text") ? &choice->text : &choice->feedback, TRUE);
    }
  b->in_language_demo = FALSE;
  return choice;
}

static ThScenario *
read_scenario (Build   *b,
               xmlNode *node)
{
  ThScenario *scenario = th_scenario_new ();
  g_autofree char *select = prop (node, "select");

  scenario->id = prop (node, "id");
  scenario->multiple = g_strcmp0 (select, "multiple") == 0;
  scenario->follow_up = prop_is_true (node, "follow-up");
  scenario->setting = prop (node, "setting");
  scenario->place = prop (node, "place");
  scenario->role = prop (node, "role");
  scenario->line = xmlGetLineNo (node);

  foreach_element (child, node)
    {
      if (is_orphan_translation (b, child))
        continue;
      if (is (child, "title"))
        read_text_once (b, &child, &scenario->title, FALSE);
      else if (is (child, "situation"))
        read_text_once (b, &child, &scenario->situation, TRUE);
      else if (is (child, "prompt"))
        read_text_once (b, &child, &scenario->prompt, TRUE);
      else if (is (child, "choice"))
        g_ptr_array_add (scenario->choices, read_choice (b, child));
    }
  return scenario;
}

static ThQuiz *
read_quiz (Build   *b,
           xmlNode *node)
{
  ThQuiz *quiz = th_quiz_new ();

  quiz->pass_mark = prop_uint (node, "pass-mark", 0);
  quiz->refresher_size = prop_uint (node, "refresher-size", 3);
  foreach_element (child, node)
    g_ptr_array_add (quiz->scenarios, read_scenario (b, child));
  return quiz;
}

static void
read_module_attributes (ThModule *module,
                        xmlNode  *root)
{
  g_autofree char *kind = prop (root, "kind");
  g_autofree char *level = prop (root, "level");
  g_autofree char *required = prop (root, "required");

  module->id = prop (root, "id");
  module->line = xmlGetLineNo (root);
  module->kind = g_str_equal (kind, "principle") ? TH_MODULE_KIND_PRINCIPLE
               : g_str_equal (kind, "theme") ? TH_MODULE_KIND_THEME
               : TH_MODULE_KIND_OTHER;
  module->level = g_strcmp0 (level, "patient-provider") == 0 ? TH_MODULE_LEVEL_PATIENT_PROVIDER
                : g_strcmp0 (level, "organization") == 0 ? TH_MODULE_LEVEL_ORGANIZATION
                : g_strcmp0 (level, "beyond-clinic") == 0 ? TH_MODULE_LEVEL_BEYOND_CLINIC
                : TH_MODULE_LEVEL_NONE;
  module->order = prop_uint (root, "order", 0);
  module->required = required == NULL || g_str_equal (required, "true") || g_str_equal (required, "1");
}

static void
read_module_body (Build    *b,
                  ThModule *module,
                  xmlNode  *root)
{
  foreach_element (child, root)
    {
      if (is_orphan_translation (b, child))
        continue;
      if (is (child, "title"))
        read_text_once (b, &child, &module->title, FALSE);
      else if (is (child, "summary"))
        read_text_once (b, &child, &module->summary, FALSE);
      else if (is (child, "lesson"))
        foreach_element (page, child)
          g_ptr_array_add (module->pages, read_page (b, page));
      else if (is (child, "key-points"))
        foreach_element (point, child)
          {
            if (!is_orphan_translation (b, point))
              g_ptr_array_add (module->key_points, read_text (b, &point, TRUE));
          }
      else if (is (child, "sources"))
        foreach_element (source, child)
          {
            g_autofree char *id = prop (source, "id");
            g_autofree char *citation = extract_text (source, FALSE);

            g_ptr_array_add (module->sources, th_source_new (id, citation));
          }
      else if (is (child, "quiz"))
        module->quiz = read_quiz (b, child);
    }
}

/**
 * th_module_builder_build:
 * @doc: a module that follows the schema, as th_content_reader_parse ()
 *   returns it
 * @path: the module's file, kept in the module and naming its problems
 * @languages: the languages to show, best first
 * @problems: (element-type ThContentProblem): receives every problem found
 *
 * Builds the module @doc holds, with each text in the language of
 * @languages it has best. Reports a translation that follows no original
 * (an error) and language to avoid (a warning); the checks across the
 * module are the caller's.
 *
 * Returns: (transfer full): the module, even when it has an error
 */
ThModule *
th_module_builder_build (xmlDocPtr           doc,
                         const char         *path,
                         const char * const *languages,
                         GPtrArray          *problems)
{
  Build b = { path, problems, languages, NULL, FALSE };
  xmlNode *root;
  ThModule *module;
  g_autofree char *lang = NULL;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (languages != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  root = xmlDocGetRootElement (doc);
  module = th_module_new (path);
  lang = node_lang (root);
  b.module_lang = lang ? lang : "en";
  read_module_attributes (module, root);
  read_module_body (&b, module, root);

  return module;
}
