/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     th_task_run_in_thread      (GTask            *task,
                                     GTaskThreadFunc   func);
gpointer th_task_propagate_pointer  (GTask            *task,
                                     GError          **error);

G_END_DECLS
