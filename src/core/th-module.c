/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-module"

#include "config.h"

#include "th-module-private.h"

G_DEFINE_FINAL_TYPE (ThModule, th_module, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
th_module_finalize (GObject *object)
{
  ThModule *self = (ThModule *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->path);
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->key_points);
  g_ptr_array_unref (self->sources);
  g_clear_pointer (&self->quiz, th_quiz_free);

  G_OBJECT_CLASS (th_module_parent_class)->finalize (object);
}

static void
th_module_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ThModule *self = TH_MODULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_module_class_init (ThModuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_module_finalize;
  object_class->get_property = th_module_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
th_module_init (ThModule *self)
{
  self->required = TRUE;
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) th_page_free);
  self->key_points = g_ptr_array_new_with_free_func (g_free);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) th_source_free);
}

ThModule *
th_module_new (const char *path)
{
  ThModule *self = g_object_new (TH_TYPE_MODULE, NULL);

  self->path = g_strdup (path);
  return self;
}

const char *
th_module_get_id (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), NULL);
  return self->id;
}

ThModuleKind
th_module_get_kind (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), TH_MODULE_KIND_OTHER);
  return self->kind;
}

const char *
th_module_kind_to_id (ThModuleKind kind)
{
  switch (kind)
    {
    case TH_MODULE_KIND_PRINCIPLE:
      return "principle";
    case TH_MODULE_KIND_THEME:
      return "theme";
    case TH_MODULE_KIND_OTHER:
    default:
      return "other";
    }
}

ThModuleLevel
th_module_get_level (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), TH_MODULE_LEVEL_NONE);
  return self->level;
}

guint
th_module_get_order (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), 0);
  return self->order;
}

gboolean
th_module_get_required (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), FALSE);
  return self->required;
}

const char *
th_module_get_title (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), NULL);
  return self->title;
}

const char *
th_module_get_summary (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), NULL);
  return self->summary;
}

const char *
th_module_get_path (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), NULL);
  return self->path;
}

guint
th_module_get_line (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), 0);
  return self->line;
}

GPtrArray *
th_module_get_pages (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), NULL);
  return self->pages;
}

GPtrArray *
th_module_get_key_points (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), NULL);
  return self->key_points;
}

GPtrArray *
th_module_get_sources (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), NULL);
  return self->sources;
}

const ThQuiz *
th_module_get_quiz (ThModule *self)
{
  g_return_val_if_fail (TH_IS_MODULE (self), NULL);
  return self->quiz;
}

/* The learning path's order: principles, then themes by number, then the
 * other modules, each group by its order and then by id. */
int
th_module_compare (ThModule *a,
                   ThModule *b)
{
  if (a->kind != b->kind)
    return (int) a->kind - (int) b->kind;
  if (a->order != b->order)
    return a->order < b->order ? -1 : 1;
  return g_strcmp0 (a->id, b->id);
}
