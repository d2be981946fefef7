/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-cell-text"

#include "config.h"

#include "th-cell-text.h"

/* One line of text in a cell of a long list, such as a learner's name in
 * the matrix: what GtkInscription is for, but sized and laid out in the
 * view's font (ThCellFont) instead of a context of its own. Too long a
 * text ends in an ellipsis, and its tooltip and a screen reader give it
 * whole. */
struct _ThCellText
{
  GtkWidget    parent_instance;

  ThCellFont  *font;
  PangoLayout *layout;
  char        *text;
  guint        min_chars;
  guint        nat_chars;
};

G_DEFINE_FINAL_TYPE (ThCellText, th_cell_text, GTK_TYPE_WIDGET)

static void
th_cell_text_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  ThCellText *self = TH_CELL_TEXT (widget);

  /* GTK asks again when the font changes; the shared font has measured
   * it anew by then. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int char_width = th_cell_font_get_char_width (self->font);

      *minimum = (int) self->min_chars * char_width;
      *natural = (int) MAX (self->min_chars, self->nat_chars) * char_width;
    }
  else
    *minimum = *natural = th_cell_font_get_line_height (self->font);
}

static void
th_cell_text_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  pango_layout_set_width (TH_CELL_TEXT (widget)->layout, width * PANGO_SCALE);
}

static void
th_cell_text_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  ThCellText *self = TH_CELL_TEXT (widget);
  int height;
  GdkRGBA colour;

  if (self->text == NULL)
    return;
  pango_layout_get_pixel_size (self->layout, NULL, &height);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (gtk_widget_get_height (widget) - height) / 2.f));
  gtk_snapshot_append_layout (snapshot, self->layout, &colour);
  gtk_snapshot_restore (snapshot);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  ThCellText *self)
{
  if (self->text == NULL || !pango_layout_is_ellipsized (self->layout))
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

static void
th_cell_text_dispose (GObject *object)
{
  ThCellText *self = (ThCellText *)object;

  g_clear_object (&self->font);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (th_cell_text_parent_class)->dispose (object);
}

static void
th_cell_text_class_init (ThCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_cell_text_dispose;
  widget_class->measure = th_cell_text_measure;
  widget_class->size_allocate = th_cell_text_size_allocate;
  widget_class->snapshot = th_cell_text_snapshot;
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
th_cell_text_init (ThCellText *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}

/**
 * th_cell_text_new:
 * @font: the view's font
 * @min_chars: how many characters the cell is wide at least
 * @nat_chars: and how many it would like to be
 */
GtkWidget *
th_cell_text_new (ThCellFont *font,
                  guint       min_chars,
                  guint       nat_chars)
{
  ThCellText *self;

  g_return_val_if_fail (TH_IS_CELL_FONT (font), NULL);

  self = g_object_new (TH_TYPE_CELL_TEXT, NULL);
  self->font = g_object_ref (font);
  self->layout = th_cell_font_create_layout (font);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  self->min_chars = min_chars;
  self->nat_chars = nat_chars;
  return GTK_WIDGET (self);
}

const char *
th_cell_text_get_text (ThCellText *self)
{
  g_return_val_if_fail (TH_IS_CELL_TEXT (self), NULL);
  return self->text;
}

void
th_cell_text_set_text (ThCellText *self,
                       const char *text)
{
  g_return_if_fail (TH_IS_CELL_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  pango_layout_set_text (self->layout, text ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
