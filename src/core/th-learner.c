/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-learner"

#include "config.h"

#include <string.h>

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

/* What survives of a character in a key: not accents and other marks,
 * nor invisible formatting such as a zero-width space. */
static gboolean
is_kept (gunichar c)
{
  return !g_unichar_ismark (c) && g_unichar_type (c) != G_UNICODE_FORMAT;
}

/**
 * th_learner_dup_name_key:
 * @display_name: a name, as valid UTF-8
 *
 * The form two names share when a person cannot tell them apart in a
 * list: case folded, accents and other marks dropped, compatibility forms
 * unified, and spaces trimmed and collapsed to one. "Ana  Torres",
 * " ANA TORRES " and "Ána Tórres" all give "ana torres". A key never
 * holds two spaces in a row, nor starts or ends with one.
 *
 * Returns: (transfer full): the key
 */
char *
th_learner_dup_name_key (const char *display_name)
{
  g_autofree char *decomposed = NULL, *folded = NULL, *unfolded = NULL;
  GString *key;
  gboolean space = FALSE;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (display_name, -1, NULL), NULL);

  /* Decomposed before folding and again after, as Unicode's NFKC_Casefold
   * does: a folded character can decompose further. */
  decomposed = g_utf8_normalize (display_name, -1, G_NORMALIZE_NFKD);
  folded = g_utf8_casefold (decomposed, -1);
  unfolded = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  key = g_string_sized_new (strlen (unfolded));
  for (const char *p = unfolded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = key->len > 0;
      else if (is_kept (c))
        {
          if (space)
            g_string_append_c (key, ' ');
          g_string_append_unichar (key, c);
          space = FALSE;
        }
    }
  return g_string_free (key, FALSE);
}
