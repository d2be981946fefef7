/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Private to the core: the content loader's guard at the door. It reads a
 * module's bytes within bounds, refuses DTDs, entities and encodings but
 * UTF-8, and validates against the module schema, so that what comes out
 * is a tree of the shape the schema promises. */

#define TH_TYPE_CONTENT_READER (th_content_reader_get_type ())

G_DECLARE_FINAL_TYPE (ThContentReader, th_content_reader, TH, CONTENT_READER, GObject)

ThContentReader *th_content_reader_new       (void);
GBytes          *th_content_reader_read_file (ThContentReader *self,
                                              const char      *path,
                                              GPtrArray       *problems);
xmlDocPtr        th_content_reader_parse     (ThContentReader *self,
                                              const char      *name,
                                              GBytes          *bytes,
                                              GPtrArray       *problems);

G_END_DECLS
