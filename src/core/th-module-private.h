/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-module.h"

G_BEGIN_DECLS

/* Filled in by the content loader; read through the getters elsewhere. */
struct _ThModule
{
  GObject        parent_instance;

  char          *id;
  ThModuleKind   kind;
  ThModuleLevel  level;
  guint          order;
  gboolean       required;
  char          *title;
  char          *summary;
  char          *path;
  guint          line;
  GPtrArray     *pages;       /* of ThPage */
  GPtrArray     *key_points;  /* of markup strings */
  GPtrArray     *sources;     /* of ThSource */
  ThQuiz        *quiz;
};

ThModule *th_module_new (const char *path);

G_END_DECLS
