/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "th-learner-account.h"
#include "th-learner-detail.h"
#include "th-learner-strengths.h"

G_BEGIN_DECLS

/* One learner, for a supervisor: onboarding and its sign-off, their
 * organisation account, their strengths by principle and theme, every
 * attempt with every answer and its feedback, and what can be done about
 * the profile. th-learner-detail.c shows the records;
 * th-learner-detail-actions.c holds what can be done about them. */
struct _ThLearnerDetail
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *toolbar;
  AdwWindowTitle     *title;
  GtkLabel           *onboarding_label;
  GtkButton          *sign_off_button;
  GtkButton          *revoke_button;
  GtkButton          *archive_button;
  ThLearnerAccount   *account;
  ThLearnerStrengths *strengths;
  GtkListBox         *attempt_list;

  /* owned references */
  ThStore            *store;
  ThCatalog          *catalog;
  ThCompletionMatrix *matrix;
  gint64              learner_id;
  gint64              supervisor_id;
  guint               default_months;
};

/* th-learner-detail.c: the page's signals */
void th_learner_detail_emit_changed       (ThLearnerDetail *self);
void th_learner_detail_emit_deleted       (ThLearnerDetail *self);

/* th-learner-detail-actions.c */
void th_learner_detail_class_actions_init (GtkWidgetClass  *widget_class);

G_END_DECLS
