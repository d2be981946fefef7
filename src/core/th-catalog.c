/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "th-catalog.h"
#include "th-catalog-private.h"
#include "th-content-problem.h"

struct _ThCatalog
{
  GObject          parent_instance;

  /* owned references */
  ThContentLoader *loader;
  GPtrArray       *modules;   /* of ThModule, in learning-path order */
  GHashTable      *origins;   /* module id → ThContentOrigin */
  GPtrArray       *problems;  /* of ThContentProblem */
  guint            n_files;
};

G_DEFINE_FINAL_TYPE (ThCatalog, th_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (th-catalog-model, th_catalog_model)

static void
th_catalog_finalize (GObject *object)
{
  ThCatalog *self = (ThCatalog *)object;

  g_clear_object (&self->loader);
  g_ptr_array_unref (self->modules);
  g_hash_table_unref (self->origins);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (th_catalog_parent_class)->finalize (object);
}

static void
th_catalog_class_init (ThCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_catalog_finalize;
}

static void
th_catalog_init (ThCatalog *self)
{
  self->modules = g_ptr_array_new_with_free_func (g_object_unref);
  self->origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) th_content_problem_free);
}

ThCatalog *
th_catalog_new (ThContentLoader *loader)
{
  ThCatalog *self = g_object_new (TH_TYPE_CATALOG, NULL);

  self->loader = g_object_ref (loader);
  return self;
}

/* Where @module goes in learning-path order: after its equals, as
 * g_list_store_insert_sorted () put it. */
static guint
sorted_position (ThCatalog *self,
                 ThModule  *module)
{
  guint low = 0, high = self->modules->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (th_module_compare (g_ptr_array_index (self->modules, middle), module) <= 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static void
note (ThCatalog  *self,
      ThModule   *module,
      ThSeverity  severity,
      char       *message)
{
  g_ptr_array_add (self->problems,
                   th_content_problem_new (th_module_get_path (module),
                                           th_module_get_line (module),
                                           severity, message));
  g_free (message);
}

/* Ids are unique across every file: a clinic module may replace a bundled
 * one (and is said to), anything else with a known id is refused. */
static void
add_module (ThCatalog       *self,
            ThModule        *module,
            ThContentOrigin  origin)
{
  const char *id = th_module_get_id (module);
  ThModule *existing = th_catalog_find_module (self, id);
  guint position;

  if (existing != NULL)
    {
      gboolean replaces = origin == TH_CONTENT_ORIGIN_CLINIC &&
        GPOINTER_TO_INT (g_hash_table_lookup (self->origins, id)) == TH_CONTENT_ORIGIN_BUNDLED;

      if (!replaces)
        {
          note (self, module, TH_SEVERITY_ERROR,
                g_strdup_printf (_("the module id “%s” is already used by %s"),
                                 id, th_module_get_path (existing)));
          return;
        }
      note (self, module, TH_SEVERITY_INFO,
            g_strdup_printf (_("replaces the bundled module “%s” from %s"),
                             id, th_module_get_path (existing)));
      g_ptr_array_find (self->modules, existing, &position);
      g_ptr_array_remove_index (self->modules, position);
    }

  g_hash_table_insert (self->origins, g_strdup (id), GINT_TO_POINTER (origin));
  g_ptr_array_insert (self->modules, sorted_position (self, module), g_object_ref (module));
}

static void
add_file (ThCatalog       *self,
          const char      *path,
          ThContentOrigin  origin)
{
  g_autoptr(ThModule) module = NULL;

  self->n_files++;
  module = th_content_loader_load_file (self->loader, path, self->problems);
  if (module != NULL)
    add_module (self, module, origin);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
add_directory (ThCatalog       *self,
               const char      *path,
               GDir            *dir,
               ThContentOrigin  origin)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));

  /* A fixed order, so that which of two duplicates wins does not depend on
   * the file system. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      add_file (self, file, origin);
    }
}

/**
 * th_catalog_add_path:
 * @path: a module file, or a directory whose `*.xml` files are modules
 *
 * Loads what @path holds. Problems are collected, never fatal: one bad file
 * does not keep the others from loading.
 */
void
th_catalog_add_path (ThCatalog       *self,
                     const char      *path,
                     ThContentOrigin  origin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;

  g_return_if_fail (TH_IS_CATALOG (self));
  g_return_if_fail (path != NULL);
  /* th_catalog_get_modules () made its list model of what was loaded. */
  g_return_if_fail (g_object_get_qdata (G_OBJECT (self), th_catalog_model_quark ()) == NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      add_file (self, path, origin);
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    g_ptr_array_add (self->problems,
                     th_content_problem_new (path, 0, TH_SEVERITY_ERROR, error->message));
  else
    add_directory (self, path, dir, origin);
}

/* The bundled modules: $THRESHOLD_CONTENT_DIR when running from a build
 * tree (meson devenv sets it), the installed copy otherwise. */
char *
th_catalog_dup_bundled_dir (void)
{
  const char *dir = g_getenv ("THRESHOLD_CONTENT_DIR");

  return g_strdup (dir != NULL && *dir != '\0' ? dir : CONTENT_DIR);
}

/* Where a clinic puts its own modules. */
char *
th_catalog_dup_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "threshold", "content", NULL);
}

/**
 * th_catalog_add_standard_paths:
 * @extra_dirs: (nullable): more folders of a clinic's modules
 *
 * Loads everything the application shows: the bundled modules, the user's
 * content folder and @extra_dirs, in that order.
 */
void
th_catalog_add_standard_paths (ThCatalog          *self,
                               const char * const *extra_dirs)
{
  g_autofree char *bundled = th_catalog_dup_bundled_dir ();
  g_autofree char *user = th_catalog_dup_user_dir ();

  g_return_if_fail (TH_IS_CATALOG (self));

  th_catalog_add_path (self, bundled, TH_CONTENT_ORIGIN_BUNDLED);
  if (g_file_test (user, G_FILE_TEST_IS_DIR))
    th_catalog_add_path (self, user, TH_CONTENT_ORIGIN_CLINIC);
  for (guint i = 0; extra_dirs != NULL && extra_dirs[i] != NULL; i++)
    th_catalog_add_path (self, extra_dirs[i], TH_CONTENT_ORIGIN_CLINIC);
}

guint
th_catalog_get_n_modules (ThCatalog *self)
{
  g_return_val_if_fail (TH_IS_CATALOG (self), 0);
  return self->modules->len;
}

/**
 * th_catalog_get_module:
 * @position: from 0, in learning-path order
 *
 * Returns: (transfer none): the module at @position
 */
ThModule *
th_catalog_get_module (ThCatalog *self,
                       guint      position)
{
  g_return_val_if_fail (TH_IS_CATALOG (self), NULL);
  g_return_val_if_fail (position < self->modules->len, NULL);
  return g_ptr_array_index (self->modules, position);
}

/**
 * th_catalog_find_module:
 *
 * Returns: (transfer none) (nullable): the module with @id
 */
ThModule *
th_catalog_find_module (ThCatalog  *self,
                        const char *id)
{
  g_return_val_if_fail (TH_IS_CATALOG (self), NULL);

  for (guint i = 0; i < self->modules->len; i++)
    {
      ThModule *module = g_ptr_array_index (self->modules, i);

      if (g_strcmp0 (th_module_get_id (module), id) == 0)
        return module;
    }
  return NULL;
}

/**
 * th_catalog_get_problems:
 *
 * Returns: (transfer none) (element-type ThContentProblem): every problem
 *   found so far, in the order found
 */
GPtrArray *
th_catalog_get_problems (ThCatalog *self)
{
  g_return_val_if_fail (TH_IS_CATALOG (self), NULL);
  return self->problems;
}

guint
th_catalog_get_n_files (ThCatalog *self)
{
  g_return_val_if_fail (TH_IS_CATALOG (self), 0);
  return self->n_files;
}

/* The number of problems of @severity. */
guint
th_catalog_count (ThCatalog *self,
                  int        severity)
{
  guint count = 0;

  g_return_val_if_fail (TH_IS_CATALOG (self), 0);

  for (guint i = 0; i < self->problems->len; i++)
    {
      ThContentProblem *problem = g_ptr_array_index (self->problems, i);
      count += (int) problem->severity == severity;
    }
  return count;
}
