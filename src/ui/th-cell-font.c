/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-cell-font"

#include "config.h"

#include "th-cell-font.h"

/* The font of a view's cells, measured once for all of them. A widget of
 * its own would give each cell a Pango context and ask it for the font's
 * metrics at every size request: a third of the cost of the two hundred
 * rows GTK 4.8 makes of a column view. The cells share the view's context,
 * which GTK keeps in step with its style, so what is measured here is
 * measured again only when the font changes. */
struct _ThCellFont
{
  GObject       parent_instance;

  PangoContext *context;   /* the view's */
  guint         serial;    /* of the context when last measured */
  int           char_width;
  int           line_height;
  GHashTable   *sizes;     /* text → its size, packed by pack_size() */
};

G_DEFINE_FINAL_TYPE (ThCellFont, th_cell_font, G_TYPE_OBJECT)

static gpointer
pack_size (int width,
           int height)
{
  return GSIZE_TO_POINTER ((gsize) width << 16 | (gsize) height);
}

/* Forgets what was measured in another font, size or direction. */
static void
ensure_measured (ThCellFont *self)
{
  PangoFontMetrics *metrics;

  if (self->char_width > 0 && self->serial == pango_context_get_serial (self->context))
    return;
  self->serial = pango_context_get_serial (self->context);
  metrics = pango_context_get_metrics (self->context, NULL, NULL);
  self->char_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics));
  self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                         pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);
  g_hash_table_remove_all (self->sizes);
}

static void
th_cell_font_finalize (GObject *object)
{
  ThCellFont *self = (ThCellFont *)object;

  g_object_unref (self->context);
  g_hash_table_unref (self->sizes);

  G_OBJECT_CLASS (th_cell_font_parent_class)->finalize (object);
}

static void
th_cell_font_class_init (ThCellFontClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = th_cell_font_finalize;
}

static void
th_cell_font_init (ThCellFont *self)
{
  self->sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * th_cell_font_new:
 * @widget: the view whose font the cells are drawn in
 */
ThCellFont *
th_cell_font_new (GtkWidget *widget)
{
  ThCellFont *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (TH_TYPE_CELL_FONT, NULL);
  self->context = g_object_ref (gtk_widget_get_pango_context (widget));
  return self;
}

/**
 * th_cell_font_create_layout:
 *
 * Returns: (transfer full): a layout in the cells' font, which follows it
 *   when it changes
 */
PangoLayout *
th_cell_font_create_layout (ThCellFont *self)
{
  g_return_val_if_fail (TH_IS_CELL_FONT (self), NULL);
  return pango_layout_new (self->context);
}

/* An average character's width, in pixels. */
int
th_cell_font_get_char_width (ThCellFont *self)
{
  g_return_val_if_fail (TH_IS_CELL_FONT (self), 0);
  ensure_measured (self);
  return self->char_width;
}

/* A line's height, in pixels. */
int
th_cell_font_get_line_height (ThCellFont *self)
{
  g_return_val_if_fail (TH_IS_CELL_FONT (self), 0);
  ensure_measured (self);
  return self->line_height;
}

/* The size of @text in pixels, laid out once however many cells ask. */
void
th_cell_font_measure (ThCellFont *self,
                      const char *text,
                      int        *width,
                      int        *height)
{
  gpointer size;

  g_return_if_fail (TH_IS_CELL_FONT (self));
  ensure_measured (self);
  if (!g_hash_table_lookup_extended (self->sizes, text, NULL, &size))
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
      int w, h;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      size = pack_size (w, h);
      g_hash_table_insert (self->sizes, g_strdup (text), size);
    }
  *width = (int) (GPOINTER_TO_SIZE (size) >> 16);
  *height = (int) (GPOINTER_TO_SIZE (size) & 0xffff);
}
