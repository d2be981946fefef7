/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-matrix-slots"

#include "config.h"

#include "th-matrix-slots.h"

/* The matrix on screen as a list of slots (see ThMatrixSlot): a new filter,
 * search or order puts other rows in the same slots, and the list itself
 * changes only by the slots it gains or loses at its end. */
struct _ThMatrixSlots
{
  GObject    parent_instance;

  GPtrArray *slots;   /* of ThMatrixSlot */
};

static void th_matrix_slots_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ThMatrixSlots, th_matrix_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, th_matrix_slots_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return TH_TYPE_MATRIX_SLOT;
}

static guint
get_n_items (GListModel *model)
{
  return TH_MATRIX_SLOTS (model)->slots->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  ThMatrixSlots *self = TH_MATRIX_SLOTS (model);

  return position < self->slots->len ? g_object_ref (self->slots->pdata[position]) : NULL;
}

static void
th_matrix_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
th_matrix_slots_finalize (GObject *object)
{
  ThMatrixSlots *self = (ThMatrixSlots *)object;

  g_ptr_array_unref (self->slots);

  G_OBJECT_CLASS (th_matrix_slots_parent_class)->finalize (object);
}

static void
th_matrix_slots_class_init (ThMatrixSlotsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = th_matrix_slots_finalize;
}

static void
th_matrix_slots_init (ThMatrixSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
}

ThMatrixSlots *
th_matrix_slots_new (void)
{
  return g_object_new (TH_TYPE_MATRIX_SLOTS, NULL);
}

/**
 * th_matrix_slots_show:
 * @rows: (element-type ThMatrixRow): what to show, in order
 */
void
th_matrix_slots_show (ThMatrixSlots *self,
                      GPtrArray     *rows)
{
  guint before;

  g_return_if_fail (TH_IS_MATRIX_SLOTS (self));

  before = self->slots->len;
  /* Slots beyond the rows go first, so that none shows a row twice. */
  if (rows->len < before)
    {
      g_ptr_array_remove_range (self->slots, rows->len, before - rows->len);
      g_list_model_items_changed (G_LIST_MODEL (self), rows->len, before - rows->len, 0);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      if (i >= self->slots->len)
        g_ptr_array_add (self->slots, g_object_new (TH_TYPE_MATRIX_SLOT, NULL));
      th_matrix_slot_set_row (self->slots->pdata[i], rows->pdata[i]);
    }
  if (rows->len > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, rows->len - before);
}
