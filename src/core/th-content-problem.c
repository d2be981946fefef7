/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-content-problem"

#include "config.h"

#include <glib/gi18n.h>

#include "th-content-problem.h"

ThContentProblem *
th_content_problem_new (const char *file,
                        guint       line,
                        ThSeverity  severity,
                        const char *message)
{
  ThContentProblem *problem = g_new0 (ThContentProblem, 1);

  problem->file = g_strdup (file);
  problem->line = line;
  problem->severity = severity;
  problem->message = g_strdup (message);
  return problem;
}

/* Formats a problem and adds it to @problems. */
void
th_content_problem_add (GPtrArray  *problems,
                        const char *file,
                        guint       line,
                        ThSeverity  severity,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, th_content_problem_new (file, line, severity, message));
}

void
th_content_problem_free (ThContentProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}

static const char *
severity_label (ThSeverity severity)
{
  switch (severity)
    {
    case TH_SEVERITY_INFO:
      return _("note");
    case TH_SEVERITY_WARNING:
      return _("warning");
    case TH_SEVERITY_ERROR:
    default:
      return _("error");
    }
}

/* The "file:line: severity: message" form that editors and compilers use,
 * so an author's editor can jump to it. */
char *
th_content_problem_format (const ThContentProblem *problem)
{
  if (problem->line > 0)
    return g_strdup_printf ("%s:%u: %s: %s", problem->file, problem->line,
                            severity_label (problem->severity), problem->message);
  return g_strdup_printf ("%s: %s: %s", problem->file,
                          severity_label (problem->severity), problem->message);
}
