/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-module-strip"

#include "config.h"

#include "th-module-strip.h"

/* One learner's standing in every module, drawn as a row of small cells:
 * the module's short name over a status mark, on a colour, each with a
 * tooltip. One widget rather than a column per module, because GTK 4.8
 * builds about two hundred rows of the matrix whatever is on screen, and
 * seventeen cells a row took most of a second to make. A screen reader
 * hears every module and its status in words, in order. The words and
 * marks come from the view's phrases, the shapes of the marks from its
 * font: both are made once for every strip. */
struct _ThModuleStrip
{
  GtkWidget        parent_instance;

  /* owned references */
  ThMatrixPhrases *phrases;   /* the view's */
  ThMatrixRow     *row;
  ThCellFont      *font;      /* the view's */
  int              cell_width;    /* from the font, at the last size request */
  int              cell_height;
};

G_DEFINE_FINAL_TYPE (ThModuleStrip, th_module_strip, GTK_TYPE_WIDGET)

/* At the default font; larger text makes larger cells. */
#define MIN_CELL_WIDTH  44
#define MIN_CELL_HEIGHT 38
#define CELL_GAP        2
#define MARGIN          2

/* libadwaita's named colours, so that the cells follow a dark style. */
static gboolean
cell_colour (GtkWidget    *widget,
             ThCellState   state,
             GdkRGBA      *colour)
{
  const char *name;

  switch (state)
    {
    case TH_CELL_PASSED:
      name = "success_color";
      break;
    case TH_CELL_DUE_SOON:
      name = "warning_color";
      break;
    case TH_CELL_OVERDUE:
      name = "error_color";
      break;
    case TH_CELL_IN_PROGRESS:
    case TH_CELL_NOT_PASSED:
      name = "accent_color";
      break;
    case TH_CELL_NOT_STARTED:
    default:
      return FALSE;
    }
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, colour))
    return FALSE;
  colour->alpha = state == TH_CELL_IN_PROGRESS ? 0.15f : 0.3f;
  return TRUE;
}

/* The cells sized to hold the widest mark on two lines in the view's
 * font, measured once for every strip. */
static void
update_cell_size (ThModuleStrip *self)
{
  int width, height;

  th_cell_font_measure (self->font, "↻100", &width, &height);
  self->cell_width = MAX (MIN_CELL_WIDTH, width + 10);
  self->cell_height = MAX (MIN_CELL_HEIGHT, 2 * height + 4);
}

static void
draw_text (ThModuleStrip *self,
           GtkSnapshot   *snapshot,
           const char    *text,
           double         x,
           double         y,
           const GdkRGBA *colour)
{
  PangoLayout *layout = th_cell_font_get_layout (self->font, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) (x + (self->cell_width - CELL_GAP - width) / 2.0),
                                                          (float) y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

/* The colours first, then the texts: the renderer draws a run of the same
 * kind of node in one go, and without a GPU every extra draw shows. For
 * the same reason the cells are square: a rounded clip apiece made a
 * fifth of the software renderer's work. */
static void
th_module_strip_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ThModuleStrip *self = TH_MODULE_STRIP (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  guint n = th_matrix_phrases_get_n_modules (self->phrases);
  double top;
  GdkRGBA text, dim, fill;

  if (self->row == NULL)
    return;
  top = (gtk_widget_get_height (widget) - self->cell_height) / 2.0;
  gtk_style_context_get_color (style, &text);
  dim = text;
  dim.alpha *= 0.55f;

  for (guint i = 0; i < n; i++)
    if (cell_colour (widget, th_matrix_row_get_cell (self->row, i)->state, &fill))
      gtk_snapshot_append_color (snapshot, &fill,
                                 &GRAPHENE_RECT_INIT ((float) (i * self->cell_width), (float) top,
                                                      self->cell_width - CELL_GAP, self->cell_height));
  for (guint i = 0; i < n; i++)
    draw_text (self, snapshot, th_matrix_phrases_get_short_name (self->phrases, i), i * self->cell_width,
               top + 1, &dim);
  for (guint i = 0; i < n; i++)
    draw_text (self, snapshot, th_matrix_phrases_get_mark (self->phrases, th_matrix_row_get_cell (self->row, i)),
               i * self->cell_width, top + self->cell_height / 2.0 - 1, &text);
}

static void
th_module_strip_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  ThModuleStrip *self = TH_MODULE_STRIP (widget);

  update_cell_size (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) th_matrix_phrases_get_n_modules (self->phrases) * self->cell_width;
  else
    *minimum = *natural = self->cell_height + MARGIN;
}

/* The tooltip of the cell under the pointer: the module in full and the
 * status in words. */
static gboolean
on_query_tooltip (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  ThModuleStrip *self)
{
  g_autofree char *text = NULL;
  guint i;

  if (self->row == NULL || self->cell_width == 0)
    return FALSE;
  i = (guint) MAX (x, 0) / (guint) self->cell_width;
  if (i >= th_matrix_phrases_get_n_modules (self->phrases))
    return FALSE;
  text = th_matrix_phrases_dup_tooltip (self->phrases, i, th_matrix_row_get_cell (self->row, i));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* "Principle 1: Passed, 95%; Principle 2: Not started; …" */
static void
update_accessible_label (ThModuleStrip *self)
{
  g_autoptr(GString) label = g_string_new (NULL);

  th_matrix_phrases_append_row (self->phrases, label, self->row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
}

static void
th_module_strip_dispose (GObject *object)
{
  ThModuleStrip *self = (ThModuleStrip *)object;

  g_clear_object (&self->phrases);
  g_clear_object (&self->row);
  g_clear_object (&self->font);

  G_OBJECT_CLASS (th_module_strip_parent_class)->dispose (object);
}

static void
th_module_strip_class_init (ThModuleStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_module_strip_dispose;
  widget_class->snapshot = th_module_strip_snapshot;
  widget_class->measure = th_module_strip_measure;
  gtk_widget_class_set_css_name (widget_class, "modulestrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
th_module_strip_init (ThModuleStrip *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}

/* How high a strip is at the least, whatever the font. */
int
th_module_strip_get_min_height (void)
{
  return MIN_CELL_HEIGHT + MARGIN;
}

/**
 * th_module_strip_new:
 * @phrases: the view's phrases for the matrix's modules
 * @font: the view's font
 */
GtkWidget *
th_module_strip_new (ThMatrixPhrases *phrases,
                     ThCellFont      *font)
{
  ThModuleStrip *self = g_object_new (TH_TYPE_MODULE_STRIP, NULL);

  self->phrases = g_object_ref (phrases);
  self->font = g_object_ref (font);
  return GTK_WIDGET (self);
}

void
th_module_strip_set_row (ThModuleStrip *self,
                         ThMatrixRow   *row)
{
  g_return_if_fail (TH_IS_MODULE_STRIP (self));
  g_return_if_fail (TH_IS_MATRIX_ROW (row));

  g_set_object (&self->row, row);
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
