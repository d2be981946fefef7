/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "th-tag.h"

G_BEGIN_DECLS

typedef struct
{
  char     *id;
  int       score;
  char     *next;               /* id of the follow-up scenario, or NULL */
  ThTagSet  honours;
  ThTagSet  breaks;
  gboolean  language_to_avoid;  /* shows stigmatizing words on purpose */
  gboolean  fixed;              /* keeps its place in the file when shuffled */
  char     *text;               /* markup */
  char     *feedback;           /* markup */
  guint     line;
} ThChoice;

typedef struct
{
  char      *id;
  gboolean   multiple;          /* select all that apply */
  gboolean   follow_up;         /* reached only through a choice's next */
  char      *setting;           /* site model, or NULL */
  char      *place;
  char      *role;
  char      *title;             /* plain text */
  char      *situation;         /* markup */
  char      *prompt;            /* markup, or NULL */
  GPtrArray *choices;           /* of ThChoice */
  guint      line;
} ThScenario;

typedef struct
{
  guint      pass_mark;         /* percent */
  guint      refresher_size;
  GPtrArray *scenarios;         /* of ThScenario, in file order */
} ThQuiz;

ThChoice   *th_choice_new                (void);
void        th_choice_free               (ThChoice         *choice);
ThScenario *th_scenario_new              (void);
void        th_scenario_free             (ThScenario       *scenario);
int         th_scenario_get_max_score    (const ThScenario *scenario);
ThChoice   *th_scenario_find_choice      (const ThScenario *scenario,
                                          const char       *id);
GPtrArray  *th_scenario_dup_choice_order (const ThScenario *scenario,
                                          guint32           seed);
ThQuiz     *th_quiz_new                  (void);
void        th_quiz_free                 (ThQuiz           *quiz);
ThScenario *th_quiz_find_scenario        (const ThQuiz     *quiz,
                                          const char       *id);
int         th_quiz_find_scenario_index  (const ThQuiz     *quiz,
                                          const char       *id);
guint       th_quiz_get_branch_depth     (const ThQuiz     *quiz,
                                          guint             index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThChoice, th_choice_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThScenario, th_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThQuiz, th_quiz_free)

G_END_DECLS
