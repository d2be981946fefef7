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
  xmlBufferPtr        content;   /* reused by node_content () */
  GString            *text;      /* reused by extract_text () */
  GPtrArray          *scratch;   /* values copied out of an odd tree */
} Build;

/* Reading the tree. The schema has already checked its shape, so these
 * helpers need not defend against missing elements. */

/* An attribute's value borrowed from the tree, without the two copies of
 * xmlGetProp () + g_strdup (): this runs for every attribute at start. The
 * parser gives a value one text child; another shape is copied, and kept
 * until the build ends. */
static const char *
attr_value (Build   *b,
            xmlAttr *attr)
{
  xmlNode *text;
  xmlChar *copy;

  if (attr == NULL)
    return NULL;
  text = attr->children;
  if (text != NULL && text->next == NULL && text->type == XML_TEXT_NODE)
    return (const char *) text->content;
  copy = xmlNodeListGetString (attr->doc, attr->children, 1);
  g_ptr_array_add (b->scratch, copy ? copy : xmlStrdup ((const xmlChar *) ""));
  return g_ptr_array_index (b->scratch, b->scratch->len - 1);
}

static const char *
get_prop (Build      *b,
          xmlNode    *node,
          const char *name)
{
  return attr_value (b, xmlHasProp (node, (const xmlChar *) name));
}

static char *
dup_prop (Build      *b,
          xmlNode    *node,
          const char *name)
{
  return g_strdup (get_prop (b, node, name));
}

/* A positiveInteger has no upper bound: clamp it, where a cast would wrap
 * refresher-size="4294967296" round to 0. */
static guint
prop_uint (Build      *b,
           xmlNode    *node,
           const char *name,
           guint       fallback)
{
  const char *value = get_prop (b, node, name);
  guint64 number;

  if (value == NULL)
    return fallback;
  number = g_ascii_strtoull (value, NULL, 10);
  return (guint) MIN (number, G_MAXUINT);
}

static gboolean
prop_is_true (Build      *b,
              xmlNode    *node,
              const char *name)
{
  const char *value = get_prop (b, node, name);

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

static const char *
node_lang (Build   *b,
           xmlNode *node)
{
  return attr_value (b, xmlHasNsProp (node, (const xmlChar *) "lang", (const xmlChar *) XML_NS));
}

static gboolean
is_translation (Build   *b,
                xmlNode *node)
{
  const char *lang = node_lang (b, node);

  return lang != NULL && g_ascii_strcasecmp (lang, b->module_lang) != 0;
}

/* Whether the xml:lang @lang ("pt-BR") names the locale @language
 * ("pt_BR"), in any case, without copying @lang to change its '-'. */
static gboolean
is_language (const char *lang,
             const char *language)
{
  for (; *lang != '\0'; lang++, language++)
    {
      char c = *lang == '-' ? '_' : *lang;

      if (g_ascii_tolower (c) != g_ascii_tolower (*language))
        return FALSE;
    }
  return *language == '\0';
}

/* Lower is better; languages the user did not ask for rank last. */
static guint
language_rank (Build      *b,
               const char *lang)
{
  const char * const *languages = b->languages;

  for (guint i = 0; languages[i] != NULL; i++)
    if (is_language (lang, languages[i]))
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
      guint rank = language_rank (b, node_lang (b, sibling));

      if (rank < best_rank)
        {
          best = sibling;
          best_rank = rank;
        }
      *cursor = sibling;
    }
  return best;
}

/* @node's text as xmlNodeGetContent () has it, borrowed: from the tree
 * when it is one text node, as most are, else from a buffer reused until
 * the next call. */
static const char *
node_content (Build   *b,
              xmlNode *node)
{
  xmlNode *text = node->children;

  if (text == NULL)
    return "";
  if (text->next == NULL && text->type == XML_TEXT_NODE)
    return text->content ? (const char *) text->content : "";
  xmlBufferEmpty (b->content);
  xmlNodeBufGetContent (b->content, node);
  return (const char *) xmlBufferContent (b->content);
}

/* Checks @node's text with the words to avoid in @language, its own. */
static void
check_language (Build      *b,
                xmlNode    *node,
                const char *language)
{
  g_autofree char *term = NULL;
  const char *instead = NULL;

  if (b->in_language_demo)
    return;
  term = th_language_check_find (node_content (b, node), language, &instead);
  if (term != NULL)
    report (b, xmlGetLineNo (node), TH_SEVERITY_WARNING,
            _("“%s” is language the curriculum teaches staff to avoid; say “%s” instead, "
              "or mark the choice demonstrates=\"language-to-avoid\""), term, instead);
}

/* What append_collapsed () cannot copy as it is: the end, whitespace,
 * which it collapses, and (for markup) what must be escaped. A table
 * rather than a switch: this looks at every byte of every text at start. */
enum { SPECIAL_END = 1, SPECIAL_SPACE = 2, SPECIAL_ESCAPE = 4 };

static const guint8 special[256] = {
  ['\0'] = SPECIAL_END,
  [' '] = SPECIAL_SPACE, ['\t'] = SPECIAL_SPACE, ['\n'] = SPECIAL_SPACE,
  ['\r'] = SPECIAL_SPACE, ['\f'] = SPECIAL_SPACE, ['\v'] = SPECIAL_SPACE,
  ['<'] = SPECIAL_ESCAPE, ['>'] = SPECIAL_ESCAPE, ['&'] = SPECIAL_ESCAPE,
  ['\''] = SPECIAL_ESCAPE, ['"'] = SPECIAL_ESCAPE,
};

/* Escapes the word from @word (in @out up to @c, where a character to
 * escape is) as a whole: g_markup_escape_text () also escapes the control
 * characters of a word it is given. Returns the word's end. */
static const char *
append_escaped_word (GString    *out,
                     const char *word,
                     const char *c)
{
  g_autofree char *escaped = NULL;

  g_string_truncate (out, out->len - (c - word));
  while (*c != '\0' && !g_ascii_isspace (*c))
    c++;
  escaped = g_markup_escape_text (word, c - word);
  g_string_append (out, escaped);
  return c;
}

/* Appends @text with each run of whitespace made one space, escaped for
 * markup if @escape. A single space between words is copied with them, so
 * prose goes in a few long appends rather than one per word: this runs over
 * every text of every module at start. Space at the very start is dropped,
 * as the caller's g_strstrip () would drop it. */
static void
append_collapsed (GString    *out,
                  const char *text,
                  gboolean    escape)
{
  guint8 stop = SPECIAL_END | SPECIAL_SPACE | (escape ? SPECIAL_ESCAPE : 0);
  const char *c = text;
  const char *word = text;

  while (*c != '\0')
    {
      const char *run = c;

      for (;; c++)
        {
          if (!(special[(guchar) *c] & stop))
            continue;
          if (*c != ' ' || c == run || (special[(guchar) c[1]] & SPECIAL_SPACE))
            break;
          word = c + 1;
        }
      g_string_append_len (out, run, c - run);
      if (g_ascii_isspace (*c))
        {
          while (g_ascii_isspace (*c))
            c++;
          word = c;
          if (out->len > 0)
            g_string_append_c (out, ' ');
        }
      else if (*c != '\0')
        c = append_escaped_word (out, word, c);
    }
}

/* Text with emphasis as Pango markup, or plain; copied at its own size. */
static char *
extract_text (Build    *b,
              xmlNode  *node,
              gboolean  markup)
{
  GString *out = b->text;

  g_string_truncate (out, 0);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        append_collapsed (out, (const char *) child->content, markup);
      else if (child->type == XML_ELEMENT_NODE && is (child, "em"))
        {
          g_string_append (out, markup ? "<i>" : "");
          append_collapsed (out, node_content (b, child), markup);
          g_string_append (out, markup ? "</i>" : "");
        }
    }
  return g_strstrip (g_strndup (out->str, out->len));
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
      node = next_element (node->next);
      check_language (b, node, node_lang (b, node));
    }
  return extract_text (b, variant, markup);
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
  if (!is_translation (b, node))
    return FALSE;

  report (b, xmlGetLineNo (node), TH_SEVERITY_ERROR,
          _("this <%s xml:lang=\"%s\"> does not follow the <%s> it translates"),
          node->name, node_lang (b, node), node->name);
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
      block->source_id = dup_prop (b, node, "source");
      block->where = dup_prop (b, node, "where");
    }
  block->markup = read_text (b, cursor, TRUE);
  return block;
}

static ThPage *
read_page (Build   *b,
           xmlNode *node)
{
  ThPage *page = th_page_new ();

  page->id = dup_prop (b, node, "id");
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
  const char *score = get_prop (b, node, "score");
  const char *honours = get_prop (b, node, "honours");
  const char *breaks = get_prop (b, node, "breaks");
  const char *demonstrates = get_prop (b, node, "demonstrates");

  choice->id = dup_prop (b, node, "id");
  choice->score = (int) g_ascii_strtoll (score, NULL, 10);
  choice->next = dup_prop (b, node, "next");
  choice->honours = th_tag_set_parse (honours);
  choice->breaks = th_tag_set_parse (breaks);
  choice->language_to_avoid = g_strcmp0 (demonstrates, "language-to-avoid") == 0;
  choice->fixed = prop_is_true (b, node, "fixed");
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
  const char *select = get_prop (b, node, "select");

  scenario->id = dup_prop (b, node, "id");
  scenario->multiple = g_strcmp0 (select, "multiple") == 0;
  scenario->follow_up = prop_is_true (b, node, "follow-up");
  scenario->setting = dup_prop (b, node, "setting");
  scenario->place = dup_prop (b, node, "place");
  scenario->role = dup_prop (b, node, "role");
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

  quiz->pass_mark = prop_uint (b, node, "pass-mark", 0);
  quiz->refresher_size = prop_uint (b, node, "refresher-size", 3);
  foreach_element (child, node)
    g_ptr_array_add (quiz->scenarios, read_scenario (b, child));
  return quiz;
}

static void
read_module_attributes (Build    *b,
                        ThModule *module,
                        xmlNode  *root)
{
  const char *kind = get_prop (b, root, "kind");
  const char *level = get_prop (b, root, "level");
  const char *required = get_prop (b, root, "required");

  module->id = dup_prop (b, root, "id");
  module->line = xmlGetLineNo (root);
  module->kind = g_str_equal (kind, "principle") ? TH_MODULE_KIND_PRINCIPLE
               : g_str_equal (kind, "theme") ? TH_MODULE_KIND_THEME
               : TH_MODULE_KIND_OTHER;
  module->level = g_strcmp0 (level, "patient-provider") == 0 ? TH_MODULE_LEVEL_PATIENT_PROVIDER
                : g_strcmp0 (level, "organization") == 0 ? TH_MODULE_LEVEL_ORGANIZATION
                : g_strcmp0 (level, "beyond-clinic") == 0 ? TH_MODULE_LEVEL_BEYOND_CLINIC
                : TH_MODULE_LEVEL_NONE;
  module->order = prop_uint (b, root, "order", 0);
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
            g_autofree char *citation = extract_text (b, source, FALSE);

            g_ptr_array_add (module->sources, th_source_new (get_prop (b, source, "id"), citation));
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
  Build b = { path, problems, languages, NULL, FALSE, NULL, NULL, NULL };
  xmlNode *root;
  ThModule *module;
  const char *lang;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (languages != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  root = xmlDocGetRootElement (doc);
  module = th_module_new (path);
  b.content = xmlBufferCreate ();
  b.text = g_string_sized_new (1024);
  b.scratch = g_ptr_array_new_with_free_func (xmlFree);
  lang = node_lang (&b, root);
  b.module_lang = lang ? lang : "en";
  read_module_attributes (&b, module, root);
  read_module_body (&b, module, root);
  xmlBufferFree (b.content);
  g_string_free (b.text, TRUE);
  g_ptr_array_unref (b.scratch);

  return module;
}
