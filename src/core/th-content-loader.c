/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-content-loader"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "th-content-loader.h"
#include "th-content-problem.h"
#include "th-core-resources.h"
#include "th-language-check.h"
#include "th-module-private.h"
#include "th-quiz-form.h"

#define SCHEMA_RESOURCE "/io/github/threshold/Threshold/core/threshold-module.rng"
#define XML_NS "http://www.w3.org/XML/1998/namespace"

/* No network, no DTD, no entity substitution, no XInclude: a module file
 * can never make the loader read anything but itself. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

/* See check_width () and find_crowded_tag (). */
#define MAX_CHILD_ELEMENTS 1000
#define MAX_ATTRIBUTES     100

struct _ThContentLoader
{
  GObject       parent_instance;

  /* owned references */
  xmlRelaxNGPtr schema;
  GStrv         languages;
};

G_DEFINE_FINAL_TYPE (ThContentLoader, th_content_loader, G_TYPE_OBJECT)

/* The state of loading one file. */
typedef struct
{
  ThContentLoader *loader;
  const char      *path;
  GPtrArray       *problems;
  const char      *module_lang;
  xmlDocPtr        doc;              /* while it is being validated */
  gboolean         in_language_demo;
  guint            n_errors;
} Parse;

static void
report (Parse      *p,
        guint       line,
        ThSeverity  severity,
        const char *format,
        ...) G_GNUC_PRINTF (4, 5);

static void
report (Parse      *p,
        guint       line,
        ThSeverity  severity,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (severity == TH_SEVERITY_ERROR)
    p->n_errors++;
  g_ptr_array_add (p->problems, th_content_problem_new (p->path, line, severity, message));
}

static xmlNode *
find_element (xmlNode    *node,
              const char *name)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, name) == 0)
        return node;
      if ((found = find_element (node->children, name)) != NULL)
        return found;
    }
  return NULL;
}

/* libxml2 reports some schema errors as "Element NAME …" with no line;
 * the first element of that name is the best place to point an author. */
static int
guess_line (xmlDocPtr   doc,
            const char *message)
{
  g_autofree char *name = NULL;
  xmlNode *node;

  if (!g_str_has_prefix (message, "Element "))
    return 0;
  name = g_strndup (message + 8, strcspn (message + 8, " :"));
  node = find_element (xmlDocGetRootElement (doc), name);
  return node ? (int) xmlGetLineNo (node) : 0;
}

static void
on_xml_error (void        *data,
              xmlErrorPtr  error)
{
  Parse *p = data;
  /* libxml2 quotes names as it found them, even bytes that are not UTF-8;
   * a problem ends up in a GTK label, which must have UTF-8. */
  g_autofree char *message = g_utf8_make_valid (error->message ? error->message : "", -1);
  ThSeverity severity = error->level == XML_ERR_WARNING ? TH_SEVERITY_WARNING : TH_SEVERITY_ERROR;
  int line = error->line;

  /* Stopping at a DOCTYPE is reported by refuse_doctype (). */
  if (error->code == XML_ERR_USER_STOP)
    return;

  /* Some schema errors carry their element, some only its name. */
  if (line <= 0 && error->node != NULL)
    line = xmlGetLineNo (error->node);
  if (line <= 0 && p->doc != NULL)
    line = guess_line (p->doc, message);

  /* One problem, one line of output. */
  g_strdelimit (message, "\n", ' ');
  report (p, MAX (line, 0), severity, "%s", g_strstrip (message));
}

/* Called when the parser meets <!DOCTYPE>, before any of its declarations
 * are read: stopping here is what keeps external entities and entity
 * expansion bombs out. */
static void
refuse_doctype (void          *ctx,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Parse *p = ctxt->_private;

  report (p, xmlSAX2GetLineNumber (ctxt), TH_SEVERITY_ERROR,
          _("document type declarations (<!DOCTYPE>) are not allowed in module files"));
  xmlStopParser (ctxt);
}

/* Called after the XML declaration, before any element. The parser reads
 * UTF-8 whatever the file declares (see parse_document ()), so another
 * declared encoding is refused here. libxml2 keeps such a declaration in
 * the input, except UTF-16 and UTF-8, which it keeps in the context. */
static void
start_document (void *ctx)
{
  xmlParserCtxtPtr ctxt = ctx;
  Parse *p = ctxt->_private;
  const xmlChar *declared = ctxt->input->encoding ? ctxt->input->encoding : ctxt->encoding;

  if (declared != NULL && g_ascii_strcasecmp ((const char *) declared, "UTF-8") != 0)
    {
      report (p, 1, TH_SEVERITY_ERROR,
              _("module files must be UTF-8, but this one declares “%s”"), declared);
      xmlStopParser (ctxt);
      return;
    }
  xmlSAX2StartDocument (ctx);
}

/* The one bound on a module's size, whether it comes from a file or not. */
static gboolean
check_size (Parse  *p,
            gint64  size)
{
  g_autofree char *bytes = NULL;

  if (size <= TH_CONTENT_MAX_FILE_SIZE)
    return TRUE;
  /* A number, not G_GINT64_FORMAT in the message: xgettext cannot see
   * through the macro, and the message would go untranslated. */
  bytes = g_strdup_printf ("%" G_GINT64_FORMAT, size);
  report (p, 0, TH_SEVERITY_ERROR, _("the file is %s bytes; a module may be at most %d bytes"),
          bytes, TH_CONTENT_MAX_FILE_SIZE);
  return FALSE;
}

/* Opens a module file and measures it, refusing anything but a regular
 * file: a FIFO would block the loader and a device may never end. Opening
 * with O_NONBLOCK keeps a FIFO from blocking before it is refused. */
static int
open_module_file (Parse *p)
{
  GStatBuf st;
  int fd = g_open (p->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);

  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      report (p, 0, TH_SEVERITY_ERROR, _("cannot be read: %s"), g_strerror (saved_errno));
      if (fd >= 0)
        close (fd);
      return -1;
    }
  if (!S_ISREG (st.st_mode))
    report (p, 0, TH_SEVERITY_ERROR, _("cannot be read: it is not a regular file"));
  else if (check_size (p, st.st_size))
    return fd;
  close (fd);
  return -1;
}

/* Reads no more than a module may hold (and one chunk beyond, to notice),
 * so a file that grows while it is read cannot make the loader read on. */
static GBytes *
read_bounded (Parse *p,
              int    fd)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 chunk[8192];

  while (data->len <= TH_CONTENT_MAX_FILE_SIZE)
    {
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          report (p, 0, TH_SEVERITY_ERROR, _("cannot be read: %s"), g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        return g_byte_array_free_to_bytes (g_steal_pointer (&data));
      g_byte_array_append (data, chunk, n);
    }
  report (p, 0, TH_SEVERITY_ERROR, _("the file grew past %d bytes while it was read"),
          TH_CONTENT_MAX_FILE_SIZE);
  return NULL;
}

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* libxml2 2.9 compares each attribute of a tag with all those before it,
 * and keeps them in a list it walks to the end of to add one: a tag with
 * 150,000 attributes, as fit in 1 MiB, took over eight minutes. No module
 * needs more than a few, so such a tag is looked for before parsing. Each
 * attribute is an '=', maybe space, and a quote, and no '<' comes inside a
 * tag, so counting those since the last '<' can only overcount. This reads
 * the bytes as UTF-8, which is how parse_document () has libxml2 read them. */
static const char *
find_crowded_tag (const char *c,
                  const char *end)
{
  guint n = 0;

  for (; c < end; c++)
    {
      const char *after = c + 1;

      if (*c == '<')
        n = 0;
      if (*c != '=')
        continue;
      while (after < end && is_xml_space (*after))
        after++;
      if (after < end && (*after == '"' || *after == '\'') && ++n > MAX_ATTRIBUTES)
        return c;
    }
  return NULL;
}

static gboolean
check_crowded_tags (Parse      *p,
                    const char *contents,
                    gsize       length)
{
  const char *crowded = find_crowded_tag (contents, contents + length);
  guint line = 1;

  if (crowded == NULL)
    return TRUE;
  for (const char *c = contents; (c = memchr (c, '\n', crowded - c)) != NULL; c++)
    line++;
  report (p, line, TH_SEVERITY_ERROR, _("a tag here has more than %d attributes"), MAX_ATTRIBUTES);
  return FALSE;
}

static xmlDocPtr
parse_document (Parse      *p,
                const char *contents,
                gsize       length)
{
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  xmlDocPtr doc;

  ctxt->_private = p;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->startDocument = start_document;
  xmlSetStructuredErrorFunc (p, on_xml_error);
  /* Read as UTF-8 whatever the file declares: no converter ever sees what
   * a module holds, and the bytes parsed are the bytes find_crowded_tag ()
   * counted. start_document () refuses another declared encoding. */
  doc = xmlCtxtReadMemory (ctxt, contents, (int) length, p->path, "UTF-8", PARSE_OPTIONS);
  xmlSetStructuredErrorFunc (NULL, NULL);

  if (doc != NULL && (!ctxt->wellFormed || p->n_errors > 0))
    g_clear_pointer (&doc, xmlFreeDoc);
  if (doc == NULL && p->n_errors == 0)
    report (p, 1, TH_SEVERITY_ERROR, _("the file is not well-formed XML"));
  xmlFreeParserCtxt (ctxt);

  return doc;
}

/* libxml2's RELAX NG validator takes time quadratic in the children of an
 * element with mixed content: 1 MiB of "a<em/>" in one paragraph took four
 * minutes. No module needs an element this wide, so wider ones are refused
 * before the schema sees them. The recursion is as deep as the document,
 * which the parser keeps to 256 levels. */
static gboolean
check_width (Parse   *p,
             xmlNode *node)
{
  gboolean ok = TRUE;

  for (; node != NULL; node = node->next)
    {
      gulong n_children;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      n_children = xmlChildElementCount (node);
      if (n_children > MAX_CHILD_ELEMENTS)
        {
          report (p, xmlGetLineNo (node), TH_SEVERITY_ERROR,
                  _("<%s> has %lu elements in it; an element may hold at most %d"),
                  node->name, n_children, MAX_CHILD_ELEMENTS);
          ok = FALSE;
        }
      else if (!check_width (p, node->children))
        ok = FALSE;
    }
  return ok;
}

static gboolean
validate_document (Parse     *p,
                   xmlDocPtr  doc)
{
  xmlRelaxNGValidCtxtPtr vctxt;
  guint errors_before = p->n_errors;
  int result;

  if (!check_width (p, xmlDocGetRootElement (doc)))
    return FALSE;

  vctxt = xmlRelaxNGNewValidCtxt (p->loader->schema);
  p->doc = doc;
  xmlRelaxNGSetValidStructuredErrors (vctxt, on_xml_error, p);
  xmlSetStructuredErrorFunc (p, on_xml_error);
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlSetStructuredErrorFunc (NULL, NULL);
  p->doc = NULL;
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (result != 0 && p->n_errors == errors_before)
    report (p, 1, TH_SEVERITY_ERROR, _("the file does not follow the module schema"));
  return result == 0;
}

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
is_translation (Parse   *p,
                xmlNode *node)
{
  g_autofree char *lang = node_lang (node);

  return lang != NULL && g_ascii_strcasecmp (lang, p->module_lang) != 0;
}

/* Lower is better; languages the user did not ask for rank last. */
static guint
language_rank (Parse      *p,
               const char *lang)
{
  g_autofree char *wanted = g_strdelimit (g_strdup (lang), "-", '_');
  GStrv languages = p->loader->languages;

  for (guint i = 0; languages[i] != NULL; i++)
    if (g_ascii_strcasecmp (languages[i], wanted) == 0)
      return i;
  return G_MAXUINT;
}

/* @original is an element in the module's language. Its translations are
 * the siblings of the same name that follow it with an xml:lang. Returns
 * the variant the user reads best, and moves *@cursor past the others. */
static xmlNode *
pick_variant (Parse    *p,
              xmlNode  *original,
              xmlNode **cursor)
{
  xmlNode *best = original;
  guint best_rank = language_rank (p, p->module_lang);

  *cursor = original;
  for (xmlNode *sibling = next_element (original->next);
       sibling != NULL && is (sibling, (const char *) original->name) && is_translation (p, sibling);
       sibling = next_element (sibling->next))
    {
      g_autofree char *lang = node_lang (sibling);
      guint rank = language_rank (p, lang);

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
check_language (Parse      *p,
                xmlNode    *node,
                const char *language)
{
  xmlChar *content;
  g_autofree char *term = NULL;
  const char *instead = NULL;

  if (p->in_language_demo)
    return;

  content = xmlNodeGetContent (node);
  term = th_language_check_find ((const char *) content, language, &instead);
  xmlFree (content);

  if (term != NULL)
    report (p, xmlGetLineNo (node), TH_SEVERITY_WARNING,
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
read_text (Parse     *p,
           xmlNode  **cursor,
           gboolean   markup)
{
  xmlNode *original = *cursor;
  xmlNode *variant = pick_variant (p, original, cursor);

  check_language (p, original, p->module_lang);
  for (xmlNode *node = original; node != *cursor; )
    {
      g_autofree char *lang = NULL;

      node = next_element (node->next);
      lang = node_lang (node);
      check_language (p, node, lang);
    }
  return extract_text (variant, markup);
}

/* Sets *@field from the first variant group only; later groups of the same
 * element (which the schema allows) are translations or repeats. */
static void
read_text_once (Parse     *p,
                xmlNode  **cursor,
                char     **field,
                gboolean   markup)
{
  g_autofree char *text = read_text (p, cursor, markup);

  if (*field == NULL)
    *field = g_steal_pointer (&text);
}

/* Every child loop goes through here so that a translation standing alone,
 * after an element of another name, is reported once and skipped. */
static gboolean
is_orphan_translation (Parse   *p,
                       xmlNode *node)
{
  g_autofree char *lang = NULL;

  if (!is_translation (p, node))
    return FALSE;

  lang = node_lang (node);
  report (p, xmlGetLineNo (node), TH_SEVERITY_ERROR,
          _("this <%s xml:lang=\"%s\"> does not follow the <%s> it translates"),
          node->name, lang, node->name);
  return TRUE;
}

static ThBlock *
read_list (Parse   *p,
           xmlNode *list)
{
  ThBlock *block = th_block_new (TH_BLOCK_LIST);

  for (xmlNode *item = next_element (list->children); item; item = next_element (item->next))
    {
      if (!is_orphan_translation (p, item))
        g_ptr_array_add (block->items, read_text (p, &item, TRUE));
    }
  return block;
}

static ThBlock *
read_block (Parse    *p,
            xmlNode **cursor)
{
  xmlNode *node = *cursor;
  ThBlock *block;

  if (is (node, "list"))
    {
      node = pick_variant (p, node, cursor);
      return read_list (p, node);
    }

  block = th_block_new (is (node, "quote") ? TH_BLOCK_QUOTE : TH_BLOCK_PARAGRAPH);
  if (block->kind == TH_BLOCK_QUOTE)
    {
      block->source_id = prop (node, "source");
      block->where = prop (node, "where");
    }
  block->markup = read_text (p, cursor, TRUE);
  return block;
}

static ThPage *
read_page (Parse   *p,
           xmlNode *node)
{
  ThPage *page = th_page_new ();

  page->id = prop (node, "id");
  for (xmlNode *child = next_element (node->children); child; child = next_element (child->next))
    {
      if (is_orphan_translation (p, child))
        continue;
      if (is (child, "heading"))
        read_text_once (p, &child, &page->heading, FALSE);
      else
        g_ptr_array_add (page->blocks, read_block (p, &child));
    }
  return page;
}

static ThChoice *
read_choice (Parse   *p,
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

  p->in_language_demo = choice->language_to_avoid;
  for (xmlNode *child = next_element (node->children); child; child = next_element (child->next))
    {
      if (is_orphan_translation (p, child))
        continue;
      read_text_once (p, &child, is (child, "text") ? &choice->text : &choice->feedback, TRUE);
    }
  p->in_language_demo = FALSE;
  return choice;
}

static ThScenario *
read_scenario (Parse   *p,
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
      if (is_orphan_translation (p, child))
        continue;
      if (is (child, "title"))
        read_text_once (p, &child, &scenario->title, FALSE);
      else if (is (child, "situation"))
        read_text_once (p, &child, &scenario->situation, TRUE);
      else if (is (child, "prompt"))
        read_text_once (p, &child, &scenario->prompt, TRUE);
      else if (is (child, "choice"))
        g_ptr_array_add (scenario->choices, read_choice (p, child));
    }
  return scenario;
}

static ThQuiz *
read_quiz (Parse   *p,
           xmlNode *node)
{
  ThQuiz *quiz = th_quiz_new ();

  quiz->pass_mark = prop_uint (node, "pass-mark", 0);
  quiz->refresher_size = prop_uint (node, "refresher-size", 3);
  foreach_element (child, node)
    g_ptr_array_add (quiz->scenarios, read_scenario (p, child));
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
read_module_body (Parse    *p,
                  ThModule *module,
                  xmlNode  *root)
{
  foreach_element (child, root)
    {
      if (is_orphan_translation (p, child))
        continue;
      if (is (child, "title"))
        read_text_once (p, &child, &module->title, FALSE);
      else if (is (child, "summary"))
        read_text_once (p, &child, &module->summary, FALSE);
      else if (is (child, "lesson"))
        foreach_element (page, child)
          g_ptr_array_add (module->pages, read_page (p, page));
      else if (is (child, "key-points"))
        foreach_element (point, child)
          {
            if (!is_orphan_translation (p, point))
              g_ptr_array_add (module->key_points, read_text (p, &point, TRUE));
          }
      else if (is (child, "sources"))
        foreach_element (source, child)
          {
            g_autofree char *id = prop (source, "id");
            g_autofree char *citation = extract_text (source, FALSE);

            g_ptr_array_add (module->sources, th_source_new (id, citation));
          }
      else if (is (child, "quiz"))
        module->quiz = read_quiz (p, child);
    }
}

/* Checks the schema cannot express. */

typedef enum
{
  ID_OF_SOURCE,
  ID_OF_PAGE,
  ID_OF_SCENARIO,
  ID_OF_CHOICE,
} IdKind;

/* A whole sentence for each kind, as a translation needs: the word alone
 * may take another gender, or another place, in the sentence. */
static void
check_unique (Parse      *p,
              GHashTable *seen,
              const char *id,
              guint       line,
              IdKind      kind)
{
  if (g_hash_table_contains (seen, id))
    switch (kind)
      {
      case ID_OF_SOURCE:
        report (p, line, TH_SEVERITY_ERROR, _("the source id “%s” is used twice"), id);
        break;
      case ID_OF_PAGE:
        report (p, line, TH_SEVERITY_ERROR, _("the page id “%s” is used twice"), id);
        break;
      case ID_OF_SCENARIO:
        report (p, line, TH_SEVERITY_ERROR, _("the scenario id “%s” is used twice"), id);
        break;
      case ID_OF_CHOICE:
      default:
        report (p, line, TH_SEVERITY_ERROR, _("the choice id “%s” is used twice"), id);
        break;
      }
  g_hash_table_add (seen, (gpointer) id);
}

static void
check_lesson (Parse    *p,
              ThModule *module)
{
  g_autoptr(GHashTable) pages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < module->sources->len; i++)
    {
      ThSource *source = g_ptr_array_index (module->sources, i);
      check_unique (p, sources, source->id, 0, ID_OF_SOURCE);
    }

  for (guint i = 0; i < module->pages->len; i++)
    {
      ThPage *page = g_ptr_array_index (module->pages, i);

      check_unique (p, pages, page->id, 0, ID_OF_PAGE);
      for (guint j = 0; j < page->blocks->len; j++)
        {
          ThBlock *block = g_ptr_array_index (page->blocks, j);

          if (block->kind == TH_BLOCK_QUOTE && !g_hash_table_contains (sources, block->source_id))
            report (p, 0, TH_SEVERITY_ERROR,
                    _("a quotation on page “%s” names the source “%s”, which is not among "
                      "the module’s sources"), page->id, block->source_id);
        }
    }
}

/* Scenario ids to index + 1; the first of a repeated id wins, as in
 * th_quiz_find_scenario_index (). Following a next through this rather
 * than along the quiz keeps the checks linear: on a long chain of
 * follow-ups, as a 1 MiB file can hold, they took minutes. */
static GHashTable *
index_scenarios (ThQuiz *quiz)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = quiz->scenarios->len; i > 0; i--)
    {
      ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i - 1);
      g_hash_table_insert (index, scenario->id, GUINT_TO_POINTER (i));
    }
  return index;
}

/* The index of the scenario @choice leads to, or -1. */
static int
next_index (GHashTable     *index,
            const ThChoice *choice)
{
  if (choice->next == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (index, choice->next)) - 1;
}

static void
check_choices (Parse      *p,
               ThQuiz     *quiz,
               GHashTable *index,
               ThScenario *scenario)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  int best = G_MININT;
  guint n_best = 0;

  for (guint i = 0; i < scenario->choices->len; i++)
    {
      ThChoice *choice = g_ptr_array_index (scenario->choices, i);
      int next = next_index (index, choice);
      ThScenario *target = next >= 0 ? g_ptr_array_index (quiz->scenarios, next) : NULL;

      check_unique (p, ids, choice->id, choice->line, ID_OF_CHOICE);
      if (choice->next != NULL && scenario->multiple)
        report (p, choice->line, TH_SEVERITY_ERROR,
                _("choice “%s” has next=, but a select-all-that-apply scenario cannot branch"),
                choice->id);
      else if (choice->next != NULL && target == NULL)
        report (p, choice->line, TH_SEVERITY_ERROR,
                _("choice “%s” leads to the scenario “%s”, which does not exist in this quiz"),
                choice->id, choice->next);
      else if (target != NULL && !target->follow_up)
        report (p, choice->line, TH_SEVERITY_ERROR,
                _("choice “%s” leads to “%s”, which is not marked follow-up=\"true\""),
                choice->id, choice->next);

      if (choice->score > best)
        best = choice->score, n_best = 1;
      else if (choice->score == best)
        n_best++;
    }

  if (scenario->multiple && th_scenario_get_max_score (scenario) <= 0)
    report (p, scenario->line, TH_SEVERITY_ERROR,
            _("scenario “%s” has no choice with a positive score, so no answer can be right"),
            scenario->id);
  else if (!scenario->multiple && (best <= 0 || n_best != 1))
    report (p, scenario->line, TH_SEVERITY_ERROR,
            _("scenario “%s” needs exactly one best choice (one highest score, above 0)"),
            scenario->id);
}

/* Marks what the quiz can reach: every entry scenario in turn, and the
 * follow-ups their choices lead to. */
static void
mark_reachable (ThQuiz     *quiz,
                GHashTable *index,
                guint       start,
                gboolean   *reached)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  /* A stack of our own rather than recursion: a chain of follow-ups can be
   * as long as the quiz. */
  g_array_append_val (stack, start);
  while (stack->len > 0)
    {
      guint i = g_array_index (stack, guint, stack->len - 1);
      ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      g_array_set_size (stack, stack->len - 1);
      if (reached[i])
        continue;
      reached[i] = TRUE;
      for (guint j = 0; j < scenario->choices->len; j++)
        {
          int next = next_index (index, g_ptr_array_index (scenario->choices, j));

          if (next >= 0 && !reached[next])
            g_array_append_val (stack, next);
        }
    }
}

/* For each scenario, the scenarios with a choice that leads to it. */
static GPtrArray *
find_predecessors (ThQuiz     *quiz,
                   GHashTable *index)
{
  GPtrArray *predecessors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < quiz->scenarios->len; i++)
    g_ptr_array_add (predecessors, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      for (guint j = 0; j < scenario->choices->len; j++)
        {
          int next = next_index (index, g_ptr_array_index (scenario->choices, j));

          if (next >= 0)
            g_array_append_val (g_ptr_array_index (predecessors, next), i);
        }
    }
  return predecessors;
}

/* A scenario can end its branch if one of its choices has no next, or leads
 * to a scenario that can. Walks back from the scenarios that end, so each
 * choice is followed once. */
static void
mark_can_end (ThQuiz     *quiz,
              GHashTable *index,
              gboolean   *can_end)
{
  g_autoptr(GPtrArray) predecessors = find_predecessors (quiz, index);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      for (guint j = 0; j < scenario->choices->len && !can_end[i]; j++)
        if (((ThChoice *) g_ptr_array_index (scenario->choices, j))->next == NULL)
          {
            can_end[i] = TRUE;
            g_array_append_val (queue, i);
          }
    }
  for (guint q = 0; q < queue->len; q++)
    {
      GArray *from = g_ptr_array_index (predecessors, g_array_index (queue, guint, q));

      for (guint k = 0; k < from->len; k++)
        {
          guint i = g_array_index (from, guint, k);

          if (!can_end[i])
            {
              can_end[i] = TRUE;
              g_array_append_val (queue, i);
            }
        }
    }
}

static void
check_flow (Parse      *p,
            ThQuiz     *quiz,
            GHashTable *index)
{
  guint n = quiz->scenarios->len;
  g_autofree gboolean *reached = g_new0 (gboolean, n);
  g_autofree gboolean *can_end = g_new0 (gboolean, n);
  ThScenario *first = g_ptr_array_index (quiz->scenarios, 0);

  if (first->follow_up)
    report (p, first->line, TH_SEVERITY_ERROR,
            _("the quiz starts with “%s”, which is a follow-up; the first scenario must not be"),
            first->id);

  for (guint i = 0; i < n; i++)
    {
      ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);
      if (!scenario->follow_up)
        mark_reachable (quiz, index, i, reached);
    }
  mark_can_end (quiz, index, can_end);

  for (guint i = 0; i < n; i++)
    {
      ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      if (!reached[i])
        report (p, scenario->line, TH_SEVERITY_ERROR,
                _("scenario “%s” can never be reached: no choice leads to it"), scenario->id);
      else if (!can_end[i])
        report (p, scenario->line, TH_SEVERITY_ERROR,
                _("scenario “%s” is in a loop with no way out: every choice leads back into it"),
                scenario->id);
    }
}

/* Warnings, not errors: a clinic's draft still loads, but its author
 * learns where the form of the choices would let a guess pass. */
static void
check_form (Parse  *p,
            ThQuiz *quiz)
{
  ThScenario *first = g_ptr_array_index (quiz->scenarios, 0);
  guint n_single, longest;

  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      if (!scenario->multiple && scenario->choices->len < TH_QUIZ_FORM_MIN_CHOICES)
        report (p, scenario->line, TH_SEVERITY_WARNING,
                _("scenario “%s” offers %u choices; give a single-answer moment at least %d, "
                  "so a guess does not pass"),
                scenario->id, scenario->choices->len, TH_QUIZ_FORM_MIN_CHOICES);
    }

  longest = th_quiz_count_best_longest (quiz, &n_single);
  if (2 * longest > n_single)
    report (p, first->line, TH_SEVERITY_WARNING,
            _("the best choice is the longest in %u of the quiz’s %u single-answer moments; "
              "write the other choices as fully, so that length gives nothing away"),
            longest, n_single);
}

static void
check_quiz (Parse  *p,
            ThQuiz *quiz)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) index = index_scenarios (quiz);

  for (guint i = 0; i < quiz->scenarios->len; i++)
    {
      ThScenario *scenario = g_ptr_array_index (quiz->scenarios, i);

      check_unique (p, ids, scenario->id, scenario->line, ID_OF_SCENARIO);
      check_choices (p, quiz, index, scenario);
    }
  /* With one best, positive choice per scenario, a learner who always picks
   * it scores 100%, so every pass mark the schema allows is reachable. */
  check_flow (p, quiz, index);
  check_form (p, quiz);
}

static ThModule *
build_module (Parse     *p,
              xmlDocPtr  doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(ThModule) module = th_module_new (p->path);
  g_autofree char *lang = node_lang (root);

  p->module_lang = lang ? lang : "en";
  read_module_attributes (module, root);
  read_module_body (p, module, root);
  check_lesson (p, module);
  check_quiz (p, module->quiz);
  p->module_lang = NULL;

  return p->n_errors > 0 ? NULL : g_steal_pointer (&module);
}

static void
th_content_loader_finalize (GObject *object)
{
  ThContentLoader *self = (ThContentLoader *)object;

  g_clear_pointer (&self->schema, xmlRelaxNGFree);
  g_strfreev (self->languages);

  G_OBJECT_CLASS (th_content_loader_parent_class)->finalize (object);
}

static void
th_content_loader_class_init (ThContentLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_content_loader_finalize;
}

static void
th_content_loader_init (ThContentLoader *self)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlRelaxNGParserCtxtPtr ctxt;
  gsize size;
  const char *data;

  /* The schema ships inside the binary, so the loader always checks against
   * the version it was built for. */
  bytes = g_resource_lookup_data (th_core_get_resource (), SCHEMA_RESOURCE, 0, NULL);
  g_assert (bytes != NULL);
  data = g_bytes_get_data (bytes, &size);
  ctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  self->schema = xmlRelaxNGParse (ctxt);
  xmlRelaxNGFreeParserCtxt (ctxt);
  g_assert (self->schema != NULL);

  self->languages = g_strdupv ((GStrv) g_get_language_names ());
}

ThContentLoader *
th_content_loader_new (void)
{
  return g_object_new (TH_TYPE_CONTENT_LOADER, NULL);
}

/* For tests and the command line: the languages to prefer, best first. */
void
th_content_loader_set_languages (ThContentLoader    *self,
                                 const char * const *languages)
{
  g_return_if_fail (TH_IS_CONTENT_LOADER (self));

  /* NULL goes back to the user's own languages. */
  g_strfreev (self->languages);
  self->languages = g_strdupv ((GStrv) (languages ? languages : g_get_language_names ()));
}

/**
 * th_content_loader_load_bytes:
 * @name: how problems name the module (its file, usually)
 * @bytes: the module's XML
 * @problems: (element-type ThContentProblem): receives every problem found
 *
 * Validates and checks one module held in memory.
 *
 * Returns: (transfer full) (nullable): the module, or %NULL if it has an
 *   error (the errors are in @problems)
 */
ThModule *
th_content_loader_load_bytes (ThContentLoader *self,
                              const char      *name,
                              GBytes          *bytes,
                              GPtrArray       *problems)
{
  Parse p = { self, name, problems, NULL, NULL, FALSE, 0 };
  ThModule *module = NULL;
  const char *contents;
  xmlDocPtr doc;
  gsize length;

  g_return_val_if_fail (TH_IS_CONTENT_LOADER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  contents = g_bytes_get_data (bytes, &length);
  if (!check_size (&p, length))
    return NULL;
  if (length == 0)
    {
      report (&p, 1, TH_SEVERITY_ERROR, _("the file is empty"));
      return NULL;
    }
  if (!check_crowded_tags (&p, contents, length))
    return NULL;
  if ((doc = parse_document (&p, contents, length)) == NULL)
    return NULL;
  if (validate_document (&p, doc))
    module = build_module (&p, doc);
  xmlFreeDoc (doc);

  return module;
}

/**
 * th_content_loader_load_file:
 * @problems: (element-type ThContentProblem): receives every problem found
 *
 * Reads, validates and checks one module file.
 *
 * Returns: (transfer full) (nullable): the module, or %NULL if the file has
 *   an error (the errors are in @problems)
 */
ThModule *
th_content_loader_load_file (ThContentLoader *self,
                             const char      *path,
                             GPtrArray       *problems)
{
  Parse p = { self, path, problems, NULL, NULL, FALSE, 0 };
  g_autoptr(GBytes) bytes = NULL;
  int fd;

  g_return_val_if_fail (TH_IS_CONTENT_LOADER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if ((fd = open_module_file (&p)) < 0)
    return NULL;
  bytes = read_bounded (&p, fd);
  close (fd);
  if (bytes == NULL)
    return NULL;

  return th_content_loader_load_bytes (self, path, bytes, problems);
}
