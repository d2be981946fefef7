/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "th-catalog.h"
#include "th-completion-matrix.h"
#include "th-learner.h"
#include "th-lrs-sender.h"
#include "th-profiles-page.h"
#include "th-store.h"
#include "th-unlock-gate.h"
#include "th-window.h"

G_BEGIN_DECLS

typedef void (*MatrixReady) (ThWindow *self);

/* The main window: who is learning, their learning path, a lesson, a quiz
 * and its result, one at a time. The pages show; this decides which.
 * th-window.c moves between the pages, th-window-supervisor.c keeps the
 * supervisor's session, th-window-records.c sends the organisation's
 * records and th-window-actions.c holds the window's actions. */
struct _ThWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  GtkStack             *stack;
  ThProfilesPage       *profiles_page;

  /* borrowed references */
  AdwWindowTitle       *loading_title;       /* of the "loading" page, once made */

  /* owned references */
  ThCatalog            *catalog;
  ThStore              *store;
  ThLearner            *learner;
  GSettings            *settings;
  ThCompletionMatrix   *matrix;
  ThLrsSender          *sender;              /* once the store and the curriculum are in */

  /* supervisor mode, while unlocked */
  gint64                supervisor_id;
  char                 *supervisor_name;
  gint64                detail_learner;
  gboolean              matrix_loading;
  gboolean              matrix_stale;        /* asked for again while loading */
  MatrixReady           matrix_ready;
  guint                 matrix_generation;   /* moves on at each lock */

  /* what to show once the curriculum, read at start on a worker thread,
   * is in */
  void                (*when_catalog) (ThWindow *self);
  gint64                last_input;
  guint                 lock_timeout;
  ThUnlockGate          gate;
};

/* th-window.c: the pages */
GtkWidget *th_window_page                      (ThWindow       *self,
                                                const char     *name);
guint      th_window_default_months            (ThWindow       *self);
gboolean   th_window_have_catalog              (ThWindow       *self,
                                                void          (*then) (ThWindow *self));
void       th_window_show_home                 (ThWindow       *self);

/* th-window-supervisor.c: the supervisor's session */
void       th_window_supervisor_init           (ThWindow       *self);
void       th_window_unlock                    (ThWindow       *self);
void       th_window_lock                      (ThWindow       *self);
void       th_window_show_supervisor_view      (ThWindow       *self);
void       th_window_show_insights             (ThWindow       *self);
void       th_window_present_supervisor_window (ThWindow       *self,
                                                GtkWindow      *dialog);
void       th_window_on_learner_activated      (ThWindow       *self,
                                                gint64          learner_id);
void       th_window_on_learner_changed        (ThWindow       *self);
void       th_window_on_learner_deleted        (ThWindow       *self);

/* th-window-records.c: the organisation's records */
void       th_window_records_update            (ThWindow       *self);
void       th_window_records_stop              (ThWindow       *self);

/* th-window-actions.c */
void       th_window_class_actions_init        (GtkWidgetClass *widget_class);

G_END_DECLS
