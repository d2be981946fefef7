/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "th-content-loader.h"
#include "th-content-problem.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static ThContentLoader *loader;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const char * const languages[] = { "es_MX", "es", "en", "C", NULL };

  /* GLib 2.74 still has its own slice allocator, which hides use after free
   * and leaks from AddressSanitizer. It reads G_SLICE before main (), so
   * setting it takes running again, for a reproducer replayed by hand. */
  if (g_strcmp0 (g_getenv ("G_SLICE"), "always-malloc") != 0)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      execv ("/proc/self/exe", *argv);
      g_printerr ("Could not run again with G_SLICE=always-malloc: %s\n", g_strerror (errno));
    }
  /* A critical or warning means the loader broke an invariant: a finding. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  /* Translations are picked by language, so ask for one the seeds have. */
  loader = th_content_loader_new ();
  th_content_loader_set_languages (loader, languages);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ThModule) module = NULL;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) th_content_problem_free);
  bytes = g_bytes_new_static (data, size);
  module = th_content_loader_load_bytes (loader, "fuzz.xml", bytes, problems);

  /* Every refusal must say why, in text a GTK label can show. */
  if (module == NULL && problems->len == 0)
    abort ();
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = th_content_problem_format (g_ptr_array_index (problems, i));

      if (!g_utf8_validate (line, -1, NULL))
        abort ();
    }
  /* A module let through has its branches measured, a walk of its own. */
  if (module != NULL)
    th_quiz_get_branch_depth (th_module_get_quiz (module), 0);
  return 0;
}
