/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Private to the content reader: the facets (<param>) of the module
 * schema's attribute values, compiled once. libxml2's RELAX NG validator
 * compiles a facet again for every value it checks (a regular expression
 * for each id), a fifth of validating a module; the reader validates with
 * the schema without its facets, and checks the values here. */

typedef struct _ThContentFacets ThContentFacets;

ThContentFacets *th_content_facets_new   (xmlDocPtr        schema);
void             th_content_facets_free  (ThContentFacets *self);
gboolean         th_content_facets_check (ThContentFacets *self,
                                          xmlDocPtr        doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThContentFacets, th_content_facets_free)

G_END_DECLS
