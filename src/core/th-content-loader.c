/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-content-loader"

#include "config.h"

#include <glib/gi18n.h>

#include "th-content-loader.h"
#include "th-content-problem.h"
#include "th-content-reader.h"
#include "th-module-builder.h"
#include "th-module-private.h"
#include "th-quiz-check.h"

/* Problems of the module, in its file. */
#define report(load, line, severity, ...) \
  th_content_problem_add ((load)->problems, (load)->path, (line), (severity), __VA_ARGS__)

struct _ThContentLoader
{
  GObject          parent_instance;

  /* owned references */
  ThContentReader *reader;
  GStrv            languages;
};

G_DEFINE_FINAL_TYPE (ThContentLoader, th_content_loader, G_TYPE_OBJECT)

/* The state of checking one module. */
typedef struct
{
  const char *path;
  GPtrArray  *problems;
} Load;

/* Checks the schema cannot express, across the module; the quiz's own are
 * th_quiz_check ()'s. */

static void
check_lesson (Load     *load,
              ThModule *module)
{
  g_autoptr(GHashTable) pages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < module->sources->len; i++)
    {
      ThSource *source = g_ptr_array_index (module->sources, i);
      /* A whole sentence for each kind of id, as a translation needs. */
      if (!g_hash_table_add (sources, source->id))
        report (load, 0, TH_SEVERITY_ERROR, _("the source id “%s” is used twice"), source->id);
    }

  for (guint i = 0; i < module->pages->len; i++)
    {
      ThPage *page = g_ptr_array_index (module->pages, i);

      if (!g_hash_table_add (pages, page->id))
        report (load, 0, TH_SEVERITY_ERROR, _("the page id “%s” is used twice"), page->id);
      for (guint j = 0; j < page->blocks->len; j++)
        {
          ThBlock *block = g_ptr_array_index (page->blocks, j);

          if (block->kind == TH_BLOCK_QUOTE && !g_hash_table_contains (sources, block->source_id))
            report (load, 0, TH_SEVERITY_ERROR,
                    _("a quotation on page “%s” names the source “%s”, which is not among "
                      "the module’s sources"), page->id, block->source_id);
        }
    }
}

/* The quiz's checks know no file: its problems are this module's. */
static void
check_quiz (Load         *load,
            const ThQuiz *quiz)
{
  g_autoptr(GPtrArray) found = th_quiz_check (quiz);

  for (guint i = 0; i < found->len; i++)
    {
      ThContentProblem *problem = g_ptr_array_index (found, i);

      report (load, problem->line, problem->severity, "%s", problem->message);
    }
}

/* The reader, the builder and the checks all add to @problems, which may
 * already hold other files' problems: only those from @first are this
 * module's. */
static gboolean
has_errors (GPtrArray *problems,
            guint      first)
{
  for (guint i = first; i < problems->len; i++)
    {
      ThContentProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == TH_SEVERITY_ERROR)
        return TRUE;
    }
  return FALSE;
}

static void
th_content_loader_finalize (GObject *object)
{
  ThContentLoader *self = (ThContentLoader *)object;

  g_clear_object (&self->reader);
  g_strfreev (self->languages);

  G_OBJECT_CLASS (th_content_loader_parent_class)->finalize (object);
}

static void
th_content_loader_class_init (ThContentLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_content_loader_finalize;
}

static void
th_content_loader_init (ThContentLoader *self)
{
  self->reader = th_content_reader_new ();
  self->languages = g_strdupv ((GStrv) g_get_language_names ());
}

ThContentLoader *
th_content_loader_new (void)
{
  return g_object_new (TH_TYPE_CONTENT_LOADER, NULL);
}

/* For tests and the command line: the languages to prefer, best first. */
void
th_content_loader_set_languages (ThContentLoader    *self,
                                 const char * const *languages)
{
  g_return_if_fail (TH_IS_CONTENT_LOADER (self));

  /* NULL goes back to the user's own languages. */
  g_strfreev (self->languages);
  self->languages = g_strdupv ((GStrv) (languages ? languages : g_get_language_names ()));
}

/**
 * th_content_loader_load_bytes:
 * @name: how problems name the module (its file, usually)
 * @bytes: the module's XML
 * @problems: (element-type ThContentProblem): receives every problem found
 *
 * Validates and checks one module held in memory.
 *
 * Returns: (transfer full) (nullable): the module, or %NULL if it has an
 *   error (the errors are in @problems)
 */
ThModule *
th_content_loader_load_bytes (ThContentLoader *self,
                              const char      *name,
                              GBytes          *bytes,
                              GPtrArray       *problems)
{
  Load load = { name, problems };
  g_autoptr(ThModule) module = NULL;
  xmlDocPtr doc;
  guint first;

  g_return_val_if_fail (TH_IS_CONTENT_LOADER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  first = problems->len;
  if ((doc = th_content_reader_parse (self->reader, name, bytes, problems)) == NULL)
    return NULL;
  module = th_module_builder_build (doc, name, (const char * const *) self->languages, problems);
  xmlFreeDoc (doc);
  check_lesson (&load, module);
  check_quiz (&load, module->quiz);

  return has_errors (problems, first) ? NULL : g_steal_pointer (&module);
}

/**
 * th_content_loader_load_file:
 * @problems: (element-type ThContentProblem): receives every problem found
 *
 * Reads, validates and checks one module file.
 *
 * Returns: (transfer full) (nullable): the module, or %NULL if the file has
 *   an error (the errors are in @problems)
 */
ThModule *
th_content_loader_load_file (ThContentLoader *self,
                             const char      *path,
                             GPtrArray       *problems)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TH_IS_CONTENT_LOADER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  bytes = th_content_reader_read_file (self->reader, path, problems);
  if (bytes == NULL)
    return NULL;

  return th_content_loader_load_bytes (self, path, bytes, problems);
}
