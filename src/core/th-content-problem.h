/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TH_SEVERITY_INFO,      /* worth saying, e.g. a clinic module replaces a bundled one */
  TH_SEVERITY_WARNING,   /* loads, but an author should look (language) */
  TH_SEVERITY_ERROR,     /* the file is not loaded */
} ThSeverity;

typedef struct
{
  char       *file;
  guint       line;      /* 0 when the problem is with the whole file */
  ThSeverity  severity;
  char       *message;
} ThContentProblem;

ThContentProblem *th_content_problem_new    (const char             *file,
                                             guint                   line,
                                             ThSeverity              severity,
                                             const char             *message);
void              th_content_problem_add    (GPtrArray              *problems,
                                             const char             *file,
                                             guint                   line,
                                             ThSeverity              severity,
                                             const char             *format,
                                             ...) G_GNUC_PRINTF (5, 6);
void              th_content_problem_free   (ThContentProblem       *problem);
char             *th_content_problem_format (const ThContentProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThContentProblem, th_content_problem_free)

G_END_DECLS
