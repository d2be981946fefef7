/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-completion-matrix.h"

G_BEGIN_DECLS

#define TH_TYPE_SUPERVISOR_VIEW (th_supervisor_view_get_type ())

G_DECLARE_FINAL_TYPE (ThSupervisorView, th_supervisor_view, TH, SUPERVISOR_VIEW, GtkWidget)

void th_supervisor_view_show (ThSupervisorView   *self,
                              ThCompletionMatrix *matrix,
                              const char         *supervisor_name);

void     th_supervisor_view_clear         (ThSupervisorView *self);
gboolean th_supervisor_view_has_rows      (ThSupervisorView *self);
guint    th_supervisor_view_get_screenful (ThSupervisorView *self);

G_END_DECLS
