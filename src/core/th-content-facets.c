/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-content-facets"

#include "config.h"

#include <string.h>
#include <libxml/schemasInternals.h>
#include <libxml/xmlschemastypes.h>

#include "th-content-facets.h"

#define RNG_NS        "http://relaxng.org/ns/structure/1.0"
#define XSD_NS        "http://www.w3.org/2001/XMLSchema"
#define XSD_DATATYPES "http://www.w3.org/2001/XMLSchema-datatypes"

/* The facets of one <data> that the values of the attributes of one name
 * are checked with. */
typedef struct
{
  xmlNode          *data;       /* while the schema is read */
  char             *attribute;
  xmlSchemaTypePtr  type;       /* libxml2's own: not to free */
  GPtrArray        *facets;     /* of xmlSchemaFacetPtr */
  GPtrArray        *texts;      /* the facets' values, which they borrow */
} Rule;

struct _ThContentFacets
{
  GPtrArray *rules;   /* of Rule */
};

/* Types whose values hold no space when they pass the check below, and
 * that need no more than the value to be checked (unlike an ID). */
static const char * const supported_types[] = {
  "token", "string", "normalizedString", "integer", "positiveInteger",
  "nonNegativeInteger", "decimal",
};

static void
rule_free (Rule *rule)
{
  g_free (rule->attribute);
  g_ptr_array_unref (rule->facets);
  g_ptr_array_unref (rule->texts);
  g_free (rule);
}

static gboolean
is_rng (xmlNode    *node,
        const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, (const xmlChar *) RNG_NS) &&
         xmlStrEqual (node->name, (const xmlChar *) name);
}

static gboolean
has_one_element (xmlNode *node)
{
  return xmlChildElementCount (node) == 1;
}

/* The names of @schema's RELAX NG elements called @name. */
static void
find_rng (xmlNode    *node,
          const char *name,
          GPtrArray  *found)
{
  for (; node != NULL; node = node->next)
    {
      if (is_rng (node, name))
        g_ptr_array_add (found, node);
      find_rng (node->children, name, found);
    }
}

/* The name of the attribute @node is all the content of, or NULL: an
 * attribute in a namespace, or named otherwise than by a plain name="",
 * is beyond what this checks. */
static char *
attribute_name (xmlNode *node)
{
  xmlChar *name;
  char *copy = NULL;

  if (!is_rng (node, "attribute") || !has_one_element (node) ||
      xmlHasProp (node, (const xmlChar *) "ns") != NULL)
    return NULL;
  name = xmlGetNoNsProp (node, (const xmlChar *) "name");
  if (name != NULL && *name != '\0' &&
      strspn ((const char *) name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        == strlen ((const char *) name))
    copy = g_strdup ((const char *) name);
  xmlFree (name);
  return copy;
}

/* An attribute of @node as a string of GLib's, or NULL. */
static char *
dup_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static int
facet_type (const char *name)
{
  static const struct { const char *name; int type; } types[] = {
    { "minInclusive", XML_SCHEMA_FACET_MININCLUSIVE },
    { "minExclusive", XML_SCHEMA_FACET_MINEXCLUSIVE },
    { "maxInclusive", XML_SCHEMA_FACET_MAXINCLUSIVE },
    { "maxExclusive", XML_SCHEMA_FACET_MAXEXCLUSIVE },
    { "totalDigits", XML_SCHEMA_FACET_TOTALDIGITS },
    { "fractionDigits", XML_SCHEMA_FACET_FRACTIONDIGITS },
    { "pattern", XML_SCHEMA_FACET_PATTERN },
    { "enumeration", XML_SCHEMA_FACET_ENUMERATION },
    { "length", XML_SCHEMA_FACET_LENGTH },
    { "maxLength", XML_SCHEMA_FACET_MAXLENGTH },
    { "minLength", XML_SCHEMA_FACET_MINLENGTH },
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (name, types[i].name))
      return types[i].type;
  return -1;
}

/* Compiles a <param> as libxml2's RELAX NG validator does for each value
 * (xmlRelaxNGSchemaFacetCheck ()), but once. */
static gboolean
add_facet (Rule       *rule,
           const char *type_name,
           xmlNode    *param)
{
  g_autofree char *name = dup_prop (param, "name");
  xmlChar *text = xmlNodeGetContent (param);
  xmlSchemaFacetPtr facet;
  int type = facet_type (name);

  g_ptr_array_add (rule->texts, text);
  if (type < 0 || text == NULL || (facet = xmlSchemaNewFacet ()) == NULL)
    return FALSE;
  facet->type = type;
  facet->value = text;
  g_ptr_array_add (rule->facets, facet);
  return xmlSchemaCheckFacet (facet, rule->type, NULL, (const xmlChar *) type_name) == 0;
}

static const xmlChar *
datatype_library (xmlNode *node)
{
  for (; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    {
      xmlAttr *library = xmlHasProp (node, (const xmlChar *) "datatypeLibrary");

      if (library != NULL && library->children != NULL)
        return library->children->content;
    }
  return NULL;
}

/* A rule for the values of @attribute, from @data and its <param>s. */
static Rule *
rule_new (xmlNode    *data,
          const char *attribute)
{
  g_autofree char *type = dup_prop (data, "type");
  Rule *rule = g_new0 (Rule, 1);
  gboolean ok = type != NULL && g_strv_contains ((const char * const *) supported_types, type) &&
                xmlStrEqual (datatype_library (data), (const xmlChar *) XSD_DATATYPES);

  rule->data = data;
  rule->attribute = g_strdup (attribute);
  rule->facets = g_ptr_array_new_with_free_func ((GDestroyNotify) xmlSchemaFreeFacet);
  rule->texts = g_ptr_array_new_with_free_func (xmlFree);
  rule->type = ok ? xmlSchemaGetPredefinedType ((const xmlChar *) type, (const xmlChar *) XSD_NS) : NULL;
  for (xmlNode *param = data->children; ok && param != NULL; param = param->next)
    if (param->type == XML_ELEMENT_NODE)
      ok = rule->type != NULL && is_rng (param, "param") && add_facet (rule, type, param);
  if (!ok)
    g_clear_pointer (&rule, rule_free);
  return rule;
}

static gboolean
add_rule (ThContentFacets *self,
          xmlNode         *data,
          xmlNode         *attribute)
{
  g_autofree char *name = attribute_name (attribute);
  Rule *rule;

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < self->rules->len; i++)
    {
      rule = g_ptr_array_index (self->rules, i);
      if (rule->data == data && g_str_equal (rule->attribute, name))
        return TRUE;
    }
  if ((rule = rule_new (data, name)) == NULL)
    return FALSE;
  g_ptr_array_add (self->rules, rule);
  return TRUE;
}

/* The attributes whose value @data is: its own, or those that refer to
 * the <define> it is all of. Any other place of a facet is beyond what
 * this checks. */
static gboolean
add_rules (ThContentFacets *self,
           xmlNode         *root,
           xmlNode         *data)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  g_autofree char *define = NULL;

  if (is_rng (data->parent, "attribute"))
    return add_rule (self, data, data->parent);
  if (!is_rng (data->parent, "define") || !has_one_element (data->parent) ||
      xmlHasProp (data->parent, (const xmlChar *) "combine") != NULL)
    return FALSE;
  if ((define = dup_prop (data->parent, "name")) == NULL)
    return FALSE;
  find_rng (root, "ref", refs);
  for (guint i = 0; i < refs->len; i++)
    {
      xmlNode *ref = g_ptr_array_index (refs, i);
      g_autofree char *name = dup_prop (ref, "name");

      if (g_strcmp0 (name, define) == 0 && !add_rule (self, data, ref->parent))
        return FALSE;
    }
  return TRUE;
}

/* Whether every facet in @root is one this can check, with its rule. */
static gboolean
collect_rules (ThContentFacets *self,
               xmlNode         *root)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();

  /* Grammars that are not all in this file are beyond what this checks. */
  find_rng (root, "include", others);
  find_rng (root, "externalRef", others);
  find_rng (root, "parentRef", others);
  if (others->len > 0)
    return FALSE;
  find_rng (root, "param", params);
  for (guint i = 0; i < params->len; i++)
    {
      xmlNode *param = g_ptr_array_index (params, i);

      if (!is_rng (param->parent, "data") || !add_rules (self, root, param->parent))
        return FALSE;
    }
  /* Only now that each has its rule do the facets go. */
  for (guint i = 0; i < params->len; i++)
    {
      xmlUnlinkNode (g_ptr_array_index (params, i));
      xmlFreeNode (g_ptr_array_index (params, i));
    }
  return TRUE;
}

/**
 * th_content_facets_new:
 * @schema: a RELAX NG schema, whose facets this takes out
 *
 * Returns: (transfer full) (nullable): the facets of @schema, or %NULL if
 *   one is where this cannot check it (@schema is then unchanged)
 */
ThContentFacets *
th_content_facets_new (xmlDocPtr schema)
{
  ThContentFacets *self = g_new0 (ThContentFacets, 1);

  g_return_val_if_fail (schema != NULL, NULL);

  xmlSchemaInitTypes ();
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  if (!collect_rules (self, xmlDocGetRootElement (schema)))
    g_clear_pointer (&self, th_content_facets_free);
  return self;
}

void
th_content_facets_free (ThContentFacets *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rules);
  g_free (self);
}

/* Whether @value passes @rule, as libxml2 checks it: its type, then each
 * facet. A value with space in it is not passed, whether or not the
 * validator would collapse the space first. */
static gboolean
passes (const Rule    *rule,
        const xmlChar *value)
{
  xmlSchemaValPtr parsed = NULL;
  gboolean ok;

  if (value[strcspn ((const char *) value, " \t\r\n")] != '\0')
    return FALSE;
  ok = xmlSchemaValPredefTypeNode (rule->type, value, &parsed, NULL) == 0;
  for (guint i = 0; ok && i < rule->facets->len; i++)
    ok = xmlSchemaValidateFacet (rule->type, g_ptr_array_index (rule->facets, i), value, parsed) == 0;
  if (parsed != NULL)
    xmlSchemaFreeValue (parsed);
  return ok;
}

/* The value as the validator reads it (xmlNodeListGetString ()), borrowed
 * when it is one text node, as the parser makes it. */
static const xmlChar *
attribute_value (xmlAttr  *attribute,
                 xmlChar **copy)
{
  xmlNode *text = attribute->children;

  if (text != NULL && text->next == NULL && text->type == XML_TEXT_NODE && text->content != NULL)
    return text->content;
  return *copy = xmlNodeListGetString (attribute->doc, attribute->children, 1);
}

static gboolean
attribute_passes (ThContentFacets *self,
                  xmlAttr         *attribute)
{
  xmlChar *copy = NULL;
  const xmlChar *value = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < self->rules->len; i++)
    {
      const Rule *rule = g_ptr_array_index (self->rules, i);

      if (!g_str_equal (rule->attribute, (const char *) attribute->name))
        continue;
      if (value == NULL)
        value = attribute_value (attribute, &copy);
      ok = value != NULL && passes (rule, value);
    }
  xmlFree (copy);
  return ok;
}

static gboolean
element_passes (ThContentFacets *self,
                xmlNode         *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
        if (attribute->ns == NULL && !attribute_passes (self, attribute))
          return FALSE;
      if (!element_passes (self, node->children))
        return FALSE;
    }
  return TRUE;
}

/**
 * th_content_facets_check:
 * @doc: a module
 *
 * Returns: whether every value of an attribute with facets passes them,
 *   and of every attribute of its name, wherever it is: so a module that
 *   passes, and follows the schema without its facets, follows the schema
 */
gboolean
th_content_facets_check (ThContentFacets *self,
                         xmlDocPtr        doc)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  return element_passes (self, xmlDocGetRootElement (doc));
}
