/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "th-lesson.h"
#include "th-quiz.h"

G_BEGIN_DECLS

typedef enum
{
  TH_MODULE_KIND_PRINCIPLE,
  TH_MODULE_KIND_THEME,
  TH_MODULE_KIND_OTHER,
} ThModuleKind;

typedef enum
{
  TH_MODULE_LEVEL_NONE,
  TH_MODULE_LEVEL_PATIENT_PROVIDER,
  TH_MODULE_LEVEL_ORGANIZATION,
  TH_MODULE_LEVEL_BEYOND_CLINIC,
} ThModuleLevel;

#define TH_TYPE_MODULE (th_module_get_type ())

G_DECLARE_FINAL_TYPE (ThModule, th_module, TH, MODULE, GObject)

const char    *th_module_get_id           (ThModule     *self);
ThModuleKind   th_module_get_kind         (ThModule     *self);
const char    *th_module_kind_to_id       (ThModuleKind  kind);
ThModuleLevel  th_module_get_level        (ThModule     *self);
guint          th_module_get_order        (ThModule     *self);
gboolean       th_module_get_required     (ThModule     *self);
const char    *th_module_get_title        (ThModule     *self);
const char    *th_module_get_summary      (ThModule     *self);
const char    *th_module_get_path         (ThModule     *self);
guint          th_module_get_line         (ThModule     *self);
GPtrArray     *th_module_get_pages        (ThModule     *self);
GPtrArray     *th_module_get_key_points   (ThModule     *self);
GPtrArray     *th_module_get_sources      (ThModule     *self);
const ThQuiz  *th_module_get_quiz         (ThModule     *self);
int            th_module_compare          (ThModule     *a,
                                           ThModule     *b);

G_END_DECLS
