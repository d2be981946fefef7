/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-content-reader"

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

#include "th-content-facets.h"
#include "th-content-loader.h"
#include "th-content-problem.h"
#include "th-content-reader.h"
#include "th-module-schema.h"

/* No network, no DTD, no entity substitution, no XInclude: a module file
 * can never make the loader read anything but itself. Short texts (the
 * space between elements) are kept in their node rather than allocated:
 * nothing changes the tree once it is parsed. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

/* See check_width () and find_crowded_tag (). */
#define MAX_CHILD_ELEMENTS 1000
#define MAX_ATTRIBUTES     100

struct _ThContentReader
{
  GObject          parent_instance;

  /* owned references */
  gsize            schema;         /* xmlRelaxNGPtr, parsed when first needed */
  xmlRelaxNGPtr    quick_schema;   /* the schema without its facets, or NULL */
  ThContentFacets *facets;         /* the facets, compiled once */
};

G_DEFINE_FINAL_TYPE (ThContentReader, th_content_reader, G_TYPE_OBJECT)

/* The state of reading one file. */
typedef struct
{
  const char *path;
  GPtrArray  *problems;
  xmlDocPtr   doc;        /* while it is being validated */
  guint       n_errors;
} Parse;

/* Problems of the file; the errors are counted, since an error keeps the
 * file out. */
#define report(p, line, severity, ...) \
  G_STMT_START { \
    if ((severity) == TH_SEVERITY_ERROR) \
      (p)->n_errors++; \
    th_content_problem_add ((p)->problems, (p)->path, (line), (severity), __VA_ARGS__); \
  } G_STMT_END

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

/* Whether the '=' at @c starts an attribute's value: maybe space, then a
 * quote. */
static gboolean
is_value_start (const char *c,
                const char *end)
{
  for (c++; c < end && is_xml_space (*c); c++)
    ;
  return c < end && (*c == '"' || *c == '\'');
}

/* libxml2 2.9 compares each attribute of a tag with all those before it,
 * and keeps them in a list it walks to the end of to add one: a tag with
 * 150,000 attributes, as fit in 1 MiB, took over eight minutes. No module
 * needs more than a few, so such a tag is looked for before parsing. Each
 * attribute is an '=', maybe space, and a quote, and no '<' comes inside a
 * tag, so counting those between two '<' can only overcount. This reads
 * the bytes as UTF-8, which is how parse_document () has libxml2 read them.
 * memchr () from '<' to '<' and '=' to '=', rather than a look at every
 * byte: this runs over every module at start. */
static const char *
find_crowded_tag (const char *c,
                  const char *end)
{
  while (c < end)
    {
      const char *next = memchr (c + 1, '<', end - c - 1);
      guint n = 0;

      if (next == NULL)
        next = end;
      for (; (c = memchr (c, '=', next - c)) != NULL; c++)
        if (is_value_start (c, end) && ++n > MAX_ATTRIBUTES)
          return c;
      c = next;
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

static xmlRelaxNGPtr
parse_schema (xmlRelaxNGParserCtxtPtr ctxt)
{
  xmlRelaxNGPtr schema = xmlRelaxNGParse (ctxt);

  xmlRelaxNGFreeParserCtxt (ctxt);
  return schema;
}

/* The whole schema, whose verdict and messages are the ones given. Most
 * modules never need it (see is_quickly_valid ()): it is parsed once, when
 * first needed. */
static xmlRelaxNGPtr
get_schema (ThContentReader *self)
{
  if (g_once_init_enter (&self->schema))
    {
      xmlRelaxNGPtr schema = parse_schema (xmlRelaxNGNewMemParserCtxt (th_module_schema,
                                                                       (int) th_module_schema_length));

      g_assert (schema != NULL);
      g_once_init_leave (&self->schema, (gsize) schema);
    }
  return (xmlRelaxNGPtr) self->schema;
}

static void
count_error (void        *data,
             xmlErrorPtr  error)
{
  (*(guint *) data)++;
}

/* Whether @doc follows the schema without its facets, with no message,
 * and its values pass the facets: then it follows the whole schema, and
 * libxml2 need not compile a facet again for each value it checks. */
static gboolean
is_quickly_valid (ThContentReader *self,
                  xmlDocPtr        doc)
{
  xmlRelaxNGValidCtxtPtr vctxt;
  guint n_errors = 0;
  int result;

  if (self->quick_schema == NULL || !th_content_facets_check (self->facets, doc))
    return FALSE;
  vctxt = xmlRelaxNGNewValidCtxt (self->quick_schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, count_error, &n_errors);
  xmlSetStructuredErrorFunc (&n_errors, count_error);
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlRelaxNGFreeValidCtxt (vctxt);
  return result == 0 && n_errors == 0;
}

static gboolean
validate_document (ThContentReader *self,
                   Parse           *p,
                   xmlDocPtr        doc)
{
  xmlRelaxNGValidCtxtPtr vctxt;
  guint errors_before = p->n_errors;
  int result;

  if (!check_width (p, xmlDocGetRootElement (doc)))
    return FALSE;
  if (is_quickly_valid (self, doc))
    return TRUE;

  vctxt = xmlRelaxNGNewValidCtxt (get_schema (self));
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

static void
th_content_reader_finalize (GObject *object)
{
  ThContentReader *self = (ThContentReader *)object;

  if (self->schema != 0)
    xmlRelaxNGFree ((xmlRelaxNGPtr) self->schema);
  g_clear_pointer (&self->quick_schema, xmlRelaxNGFree);
  g_clear_pointer (&self->facets, th_content_facets_free);

  G_OBJECT_CLASS (th_content_reader_parent_class)->finalize (object);
}

static void
th_content_reader_class_init (ThContentReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_content_reader_finalize;
}

/* The schema without its facets, which are compiled into @self->facets;
 * NULL where one of them is beyond what ThContentFacets checks. */
static xmlRelaxNGPtr
parse_quick_schema (ThContentReader *self,
                    const char      *data,
                    gsize            size)
{
  xmlDocPtr doc = xmlReadMemory (data, (int) size, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  xmlRelaxNGPtr schema = NULL;

  g_assert (doc != NULL);
  if ((self->facets = th_content_facets_new (doc)) != NULL)
    schema = parse_schema (xmlRelaxNGNewDocParserCtxt (doc));
  xmlFreeDoc (doc);
  return schema;
}

static void
th_content_reader_init (ThContentReader *self)
{
  /* The schema is compiled into the program, so the reader always checks
   * against the version it was built for. */
  self->quick_schema = parse_quick_schema (self, th_module_schema, th_module_schema_length);
  if (self->quick_schema == NULL)
    get_schema (self);
}

ThContentReader *
th_content_reader_new (void)
{
  return g_object_new (TH_TYPE_CONTENT_READER, NULL);
}

/**
 * th_content_reader_read_file:
 * @path: the module file
 * @problems: (element-type ThContentProblem): receives every problem found
 *
 * Reads a module file, refusing anything but a regular file of at most
 * %TH_CONTENT_MAX_FILE_SIZE bytes.
 *
 * Returns: (transfer full) (nullable): the file's bytes, or %NULL if it
 *   cannot be read (the errors are in @problems)
 */
GBytes *
th_content_reader_read_file (ThContentReader *self,
                             const char      *path,
                             GPtrArray       *problems)
{
  Parse p = { path, problems, NULL, 0 };
  GBytes *bytes;
  int fd;

  g_return_val_if_fail (TH_IS_CONTENT_READER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if ((fd = open_module_file (&p)) < 0)
    return NULL;
  bytes = read_bounded (&p, fd);
  close (fd);

  return bytes;
}

/**
 * th_content_reader_parse:
 * @name: how problems name the module (its file, usually)
 * @bytes: the module's XML
 * @problems: (element-type ThContentProblem): receives every problem found
 *
 * Parses one module held in memory, with no DTD, entity or encoding but
 * UTF-8, and validates it against the module schema.
 *
 * Returns: (transfer full) (nullable): the document, free it with
 *   xmlFreeDoc (); or %NULL if it has an error (the errors are in @problems)
 */
xmlDocPtr
th_content_reader_parse (ThContentReader *self,
                         const char      *name,
                         GBytes          *bytes,
                         GPtrArray       *problems)
{
  Parse p = { name, problems, NULL, 0 };
  const char *contents;
  xmlDocPtr doc;
  gsize length;

  g_return_val_if_fail (TH_IS_CONTENT_READER (self), NULL);
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
  if (!validate_document (self, &p, doc))
    g_clear_pointer (&doc, xmlFreeDoc);

  return doc;
}
