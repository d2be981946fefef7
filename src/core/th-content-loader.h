/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "th-module.h"

G_BEGIN_DECLS

/* A module file larger than this is refused unread. */
#define TH_CONTENT_MAX_FILE_SIZE (1024 * 1024)

#define TH_TYPE_CONTENT_LOADER (th_content_loader_get_type ())

G_DECLARE_FINAL_TYPE (ThContentLoader, th_content_loader, TH, CONTENT_LOADER, GObject)

ThContentLoader *th_content_loader_new           (void);
void             th_content_loader_set_languages (ThContentLoader    *self,
                                                  const char * const *languages);
ThModule        *th_content_loader_load_bytes    (ThContentLoader    *self,
                                                  const char         *name,
                                                  GBytes             *bytes,
                                                  GPtrArray          *problems);
ThModule        *th_content_loader_load_file     (ThContentLoader    *self,
                                                  const char         *path,
                                                  GPtrArray          *problems);

G_END_DECLS
