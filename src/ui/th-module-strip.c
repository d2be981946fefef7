/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-module-strip"

#include "config.h"

#include <glib/gi18n.h>

#include "th-module.h"
#include "th-module-strip.h"

/* One learner's standing in every module, drawn as a row of small cells:
 * the module's short name over a status mark, on a colour, each with a
 * tooltip. One widget rather than a column per module, because GTK 4.8
 * builds about two hundred rows of the matrix whatever is on screen, and
 * seventeen cells a row took most of a second to make. A screen reader
 * hears every module and its status in words, in order. */
struct _ThModuleStrip
{
  GtkWidget    parent_instance;

  /* owned references */
  GPtrArray   *modules;   /* of ThModule, the cells' order */
  ThMatrixRow *row;
  ThCellFont  *font;      /* the view's */
  PangoLayout *layout;    /* in that font */
  int          cell_width;    /* from the font, at the last size request */
  int          cell_height;
};

G_DEFINE_FINAL_TYPE (ThModuleStrip, th_module_strip, GTK_TYPE_WIDGET)

/* At the default font; larger text makes larger cells. */
#define MIN_CELL_WIDTH  44
#define MIN_CELL_HEIGHT 38
#define CELL_GAP        2
#define MARGIN          2

/* "LHR" for "Leading Harm Reduction": at most three, capitalised. */
static char *
initials (const char *title)
{
  g_auto(GStrv) words = g_strsplit (title, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL && g_utf8_strlen (out->str, -1) < 3; i++)
    if (words[i][0] != '\0')
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (words[i])));
  return g_string_free (out, FALSE);
}

/* "P1", "T8": what a cell is headed with. */
static char *
short_name (ThModule *module)
{
  switch (th_module_get_kind (module))
    {
    case TH_MODULE_KIND_PRINCIPLE:
      return g_strdup_printf ("P%u", th_module_get_order (module));
    case TH_MODULE_KIND_THEME:
      return g_strdup_printf ("T%u", th_module_get_order (module));
    case TH_MODULE_KIND_OTHER:
    default:
      return initials (th_module_get_title (module));
    }
}

/* "Principle 1": what a screen reader calls a cell. */
static char *
spoken_name (ThModule *module)
{
  switch (th_module_get_kind (module))
    {
    case TH_MODULE_KIND_PRINCIPLE:
      /* TRANSLATORS: a module of the completion matrix, shown as "P1" */
      return g_strdup_printf (_("Principle %u"), th_module_get_order (module));
    case TH_MODULE_KIND_THEME:
      /* TRANSLATORS: a module of the completion matrix, shown as "T1" */
      return g_strdup_printf (_("Theme %u"), th_module_get_order (module));
    case TH_MODULE_KIND_OTHER:
    default:
      return g_strdup (th_module_get_title (module));
    }
}

/* The status as a mark: the legend under the matrix says what each is. */
static char *
status_mark (ThMatrixCell *cell)
{
  switch (cell->state)
    {
    case TH_CELL_PASSED:
      return g_strdup_printf ("✓%u", cell->percent);
    case TH_CELL_DUE_SOON:
      return g_strdup_printf ("↻%u", cell->percent);
    case TH_CELL_OVERDUE:
      return g_strdup ("!");
    case TH_CELL_IN_PROGRESS:
      return g_strdup ("…");
    case TH_CELL_NOT_PASSED:
      return g_strdup_printf ("✗%u", cell->percent);
    case TH_CELL_NOT_STARTED:
    default:
      return g_strdup ("–");
    }
}

/* The same in words, for a screen reader and the tooltip. */
static char *
status_words (ThMatrixCell *cell)
{
  switch (cell->state)
    {
    case TH_CELL_PASSED:
      return g_strdup_printf (C_("module status", "Passed, %u%%"), cell->percent);
    case TH_CELL_DUE_SOON:
      return g_strdup_printf (C_("module status", "Due soon, %u%%"), cell->percent);
    case TH_CELL_OVERDUE:
      return g_strdup (C_("module status", "Overdue"));
    case TH_CELL_IN_PROGRESS:
      return g_strdup (C_("module status", "In progress"));
    case TH_CELL_NOT_PASSED:
      return g_strdup_printf (C_("module status", "Not passed yet, %u%%"), cell->percent);
    case TH_CELL_NOT_STARTED:
    default:
      return g_strdup (C_("module status", "Not started"));
    }
}

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
  int width, height;

  pango_layout_set_text (self->layout, text, -1);
  pango_layout_get_pixel_size (self->layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) (x + (self->cell_width - CELL_GAP - width) / 2.0),
                                                          (float) y));
  gtk_snapshot_append_layout (snapshot, self->layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
th_module_strip_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ThModuleStrip *self = TH_MODULE_STRIP (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  double top;
  GdkRGBA text, dim;

  if (self->row == NULL)
    return;
  top = (gtk_widget_get_height (widget) - self->cell_height) / 2.0;
  gtk_style_context_get_color (style, &text);
  dim = text;
  dim.alpha *= 0.55f;

  for (guint i = 0; i < self->modules->len; i++)
    {
      ThMatrixCell *cell = th_matrix_row_get_cell (self->row, i);
      double x = i * self->cell_width;
      g_autofree char *name = short_name (self->modules->pdata[i]);
      g_autofree char *mark = status_mark (cell);
      GdkRGBA fill;

      if (cell_colour (widget, cell->state, &fill))
        {
          GskRoundedRect box;

          gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT ((float) x, (float) top,
                                                                       self->cell_width - CELL_GAP, self->cell_height), 4);
          gtk_snapshot_push_rounded_clip (snapshot, &box);
          gtk_snapshot_append_color (snapshot, &fill, &box.bounds);
          gtk_snapshot_pop (snapshot);
        }
      draw_text (self, snapshot, name, x, top + 1, &dim);
      draw_text (self, snapshot, mark, x, top + self->cell_height / 2.0 - 1, &text);
    }
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
    *minimum = *natural = self->modules ? (int) self->modules->len * self->cell_width : 0;
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
  g_autofree char *name = NULL, *words = NULL, *text = NULL;
  guint i;

  if (self->row == NULL || self->cell_width == 0)
    return FALSE;
  i = (guint) MAX (x, 0) / (guint) self->cell_width;
  if (i >= self->modules->len)
    return FALSE;
  name = spoken_name (self->modules->pdata[i]);
  words = status_words (th_matrix_row_get_cell (self->row, i));
  /* TRANSLATORS: a cell's tooltip: "Principle 1 — Humanism: Passed, 95%" */
  text = g_strdup_printf (C_("matrix cell", "%s — %s: %s"), name,
                          th_module_get_title (self->modules->pdata[i]), words);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* "Principle 1: Passed, 95%; Principle 2: Not started; …" */
static void
update_accessible_label (ThModuleStrip *self)
{
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; i < self->modules->len; i++)
    {
      g_autofree char *name = spoken_name (self->modules->pdata[i]);
      g_autofree char *words = status_words (th_matrix_row_get_cell (self->row, i));

      if (i > 0)
        /* TRANSLATORS: between the modules a screen reader reads out */
        g_string_append (label, C_("matrix cell", "; "));
      /* TRANSLATORS: what a screen reader says for one module of a
       * learner: the module ("Principle 1"), then the status */
      g_string_append_printf (label, C_("matrix cell", "%s: %s"), name, words);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
}

static void
th_module_strip_dispose (GObject *object)
{
  ThModuleStrip *self = (ThModuleStrip *)object;

  g_clear_pointer (&self->modules, g_ptr_array_unref);
  g_clear_object (&self->row);
  g_clear_object (&self->font);
  g_clear_object (&self->layout);

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
 * @modules: (element-type ThModule): the matrix's modules, in its order
 * @font: the view's font
 */
GtkWidget *
th_module_strip_new (GPtrArray  *modules,
                     ThCellFont *font)
{
  ThModuleStrip *self = g_object_new (TH_TYPE_MODULE_STRIP, NULL);

  self->modules = g_ptr_array_ref (modules);
  self->font = g_object_ref (font);
  self->layout = th_cell_font_create_layout (font);
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
