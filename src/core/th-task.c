/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-task"

#include "config.h"

#include "th-task.h"

/* GTask hands a task's data to its worker and its result back to the
 * main thread under GLib's own locks. Debian's GLib is not built with
 * ThreadSanitizer, and its locks wait on futexes TSan cannot see, so a
 * ThreadSanitizer build is told of both hand-offs here; any other build
 * runs the task as it is. */

#if defined(__SANITIZE_THREAD__)
void __tsan_acquire (void *addr);
void __tsan_release (void *addr);
# define handed_over(task) __tsan_acquire (task)
# define hand_over(task)   __tsan_release (task)
#else
# define handed_over(task) ((void) (task))
# define hand_over(task)   ((void) (task))
#endif

static void
run_handed_over (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GTaskThreadFunc func = g_object_get_data (G_OBJECT (task), "th-task-func");

  handed_over (task);
  func (task, source_object, task_data, cancellable);
  hand_over (task);
}

/**
 * th_task_run_in_thread:
 *
 * g_task_run_in_thread(), with the hand-off to @func and back made
 * visible to ThreadSanitizer. Finish with th_task_propagate_pointer().
 */
void
th_task_run_in_thread (GTask           *task,
                       GTaskThreadFunc  func)
{
  g_object_set_data (G_OBJECT (task), "th-task-func", func);
  hand_over (task);
  g_task_run_in_thread (task, run_handed_over);
}

/* g_task_propagate_pointer(), on the thread that gets the result. */
gpointer
th_task_propagate_pointer (GTask   *task,
                           GError **error)
{
  handed_over (task);
  return g_task_propagate_pointer (task, error);
}
