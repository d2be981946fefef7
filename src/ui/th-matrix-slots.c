/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-matrix-slots"

#include "config.h"

#include "th-matrix-slots.h"

/* The matrix on screen as a list of slots (see ThMatrixSlot): a new filter,
 * search or order puts other rows in the same slots, and the list itself
 * changes only by the slots it gains or loses at its end.
 *
 * GTK 4.8 makes widgets for the first two hundred items of a new list at
 * once, and for every item a short list gains: a frame of a quarter of a
 * second for ten thousand learners, though a screen shows twenty. So a
 * list that would gain many slots gains a screenful (as the view says,
 * th_matrix_slots_set_screenful()), and the rest a few dozen a frame
 * (th_matrix_slots_show_more()); past GTK's two hundred, slots cost no
 * widgets and come all at once. */
struct _ThMatrixSlots
{
  GObject    parent_instance;

  GPtrArray *slots;   /* of ThMatrixSlot */
  GPtrArray *rows;    /* of ThMatrixRow: all to show, the first in slots */
  guint      screenful;
};

#define ALL_AT_ONCE 256
#define IN_A_FRAME  48

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
  g_ptr_array_unref (self->rows);

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
  self->rows = g_ptr_array_new ();
  self->screenful = 48;
}

ThMatrixSlots *
th_matrix_slots_new (void)
{
  return g_object_new (TH_TYPE_MATRIX_SLOTS, NULL);
}

/* Puts the first @n rows in slots. */
static void
fill_slots (ThMatrixSlots *self,
            guint          n)
{
  guint before = self->slots->len;

  /* Slots beyond the rows go first, so that none shows a row twice. */
  if (n < before)
    {
      g_ptr_array_remove_range (self->slots, n, before - n);
      g_list_model_items_changed (G_LIST_MODEL (self), n, before - n, 0);
    }
  for (guint i = 0; i < n; i++)
    {
      if (i >= self->slots->len)
        g_ptr_array_add (self->slots, g_object_new (TH_TYPE_MATRIX_SLOT, NULL));
      th_matrix_slot_set_row (self->slots->pdata[i], self->rows->pdata[i]);
    }
  if (n > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, n - before);
}

/* Every row, or @step more than now if that would make widgets. */
static gboolean
fill_more (ThMatrixSlots *self,
           guint          step)
{
  guint n = self->rows->len;

  if (self->slots->len < ALL_AT_ONCE && n > self->slots->len + step)
    n = self->slots->len + step;
  fill_slots (self, n);
  return self->slots->len < self->rows->len;
}

/* How many rows fill the view, or a few more: the slots a list gains at a
 * time. */
void
th_matrix_slots_set_screenful (ThMatrixSlots *self,
                               guint          rows)
{
  g_return_if_fail (TH_IS_MATRIX_SLOTS (self));
  g_return_if_fail (rows > 0);

  self->screenful = rows;
}

/**
 * th_matrix_slots_show:
 * @rows: (element-type ThMatrixRow): what to show, in order
 *
 * Returns: whether some rows wait for th_matrix_slots_show_more()
 */
gboolean
th_matrix_slots_show (ThMatrixSlots *self,
                      GPtrArray     *rows)
{
  g_return_val_if_fail (TH_IS_MATRIX_SLOTS (self), FALSE);

  g_ptr_array_unref (self->rows);
  self->rows = g_ptr_array_ref (rows);
  return fill_more (self, self->screenful);
}

/**
 * th_matrix_slots_show_more:
 *
 * Shows a few dozen more of the rows, or all of them once GTK makes no
 * more widgets for them.
 *
 * Returns: whether some rows still wait
 */
gboolean
th_matrix_slots_show_more (ThMatrixSlots *self)
{
  g_return_val_if_fail (TH_IS_MATRIX_SLOTS (self), FALSE);
  return fill_more (self, MAX (self->screenful, IN_A_FRAME));
}
