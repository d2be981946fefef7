/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-matrix-slot"

#include "config.h"

#include "th-matrix-slot.h"

/* A place in the matrix on screen, holding whichever learner's row the
 * filter, the search and the order put there. GTK 4.8's list views make
 * new widgets for every new item and throw away those of items gone, two
 * hundred rows of them; a slot keeps its widgets, which show the next row
 * when told (notify::row). */
struct _ThMatrixSlot
{
  GObject      parent_instance;

  ThMatrixRow *row;
};

G_DEFINE_FINAL_TYPE (ThMatrixSlot, th_matrix_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
th_matrix_slot_dispose (GObject *object)
{
  ThMatrixSlot *self = (ThMatrixSlot *)object;

  g_clear_object (&self->row);

  G_OBJECT_CLASS (th_matrix_slot_parent_class)->dispose (object);
}

static void
th_matrix_slot_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ThMatrixSlot *self = TH_MATRIX_SLOT (object);

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_object (value, self->row);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_matrix_slot_class_init (ThMatrixSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = th_matrix_slot_dispose;
  object_class->get_property = th_matrix_slot_get_property;

  properties[PROP_ROW] =
    g_param_spec_object ("row", NULL, NULL, TH_TYPE_MATRIX_ROW,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
th_matrix_slot_init (ThMatrixSlot *self)
{
}

/**
 * th_matrix_slot_get_row:
 *
 * Returns: (transfer none) (nullable): the row shown here
 */
ThMatrixRow *
th_matrix_slot_get_row (ThMatrixSlot *self)
{
  g_return_val_if_fail (TH_IS_MATRIX_SLOT (self), NULL);
  return self->row;
}

void
th_matrix_slot_set_row (ThMatrixSlot *self,
                        ThMatrixRow  *row)
{
  g_return_if_fail (TH_IS_MATRIX_SLOT (self));

  if (g_set_object (&self->row, row))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW]);
}
