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
  GHashTable   *layouts;   /* text → a PangoLayout of it */
};

G_DEFINE_FINAL_TYPE (ThCellFont, th_cell_font, G_TYPE_OBJECT)

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
  g_hash_table_remove_all (self->layouts);
}

static void
th_cell_font_finalize (GObject *object)
{
  ThCellFont *self = (ThCellFont *)object;

  g_object_unref (self->context);
  g_hash_table_unref (self->layouts);

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
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
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

/**
 * th_cell_font_get_layout:
 * @text: a short text that many cells show, such as a status mark
 *
 * Shaping text is most of the cost of drawing a cell: the strips of a
 * screenful show a few hundred marks, out of a few hundred different ones.
 *
 * Returns: (transfer none): @text laid out in the cells' font, once for
 *   every cell that shows it
 */
PangoLayout *
th_cell_font_get_layout (ThCellFont *self,
                         const char *text)
{
  PangoLayout *layout;

  g_return_val_if_fail (TH_IS_CELL_FONT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  ensure_measured (self);
  layout = g_hash_table_lookup (self->layouts, text);
  if (layout == NULL)
    {
      layout = pango_layout_new (self->context);
      pango_layout_set_text (layout, text, -1);
      g_hash_table_insert (self->layouts, g_strdup (text), layout);
    }
  return layout;
}

/* The size of @text in pixels, laid out once however many cells ask. */
void
th_cell_font_measure (ThCellFont *self,
                      const char *text,
                      int        *width,
                      int        *height)
{
  g_return_if_fail (TH_IS_CELL_FONT (self));
  pango_layout_get_pixel_size (th_cell_font_get_layout (self, text), width, height);
}
