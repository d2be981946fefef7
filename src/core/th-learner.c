/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-learner"

#include "config.h"

#include "th-learner.h"

/* A learner profile as the profile list shows it; the records stay in
 * the store. */
struct _ThLearner
{
  GObject   parent_instance;

  gint64    id;
  char     *display_name;
  gboolean  has_pin;
};

G_DEFINE_FINAL_TYPE (ThLearner, th_learner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
th_learner_finalize (GObject *object)
{
  ThLearner *self = (ThLearner *)object;

  g_free (self->display_name);

  G_OBJECT_CLASS (th_learner_parent_class)->finalize (object);
}

static void
th_learner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ThLearner *self = TH_LEARNER (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_learner_class_init (ThLearnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_learner_finalize;
  object_class->get_property = th_learner_get_property;

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
th_learner_init (ThLearner *self)
{
}

ThLearner *
th_learner_new (gint64      id,
                const char *display_name,
                gboolean    has_pin)
{
  ThLearner *self = g_object_new (TH_TYPE_LEARNER, NULL);

  self->id = id;
  self->display_name = g_strdup (display_name);
  self->has_pin = has_pin;
  return self;
}

gint64
th_learner_get_id (ThLearner *self)
{
  g_return_val_if_fail (TH_IS_LEARNER (self), 0);
  return self->id;
}

const char *
th_learner_get_display_name (ThLearner *self)
{
  g_return_val_if_fail (TH_IS_LEARNER (self), NULL);
  return self->display_name;
}

gboolean
th_learner_get_has_pin (ThLearner *self)
{
  g_return_val_if_fail (TH_IS_LEARNER (self), FALSE);
  return self->has_pin;
}
