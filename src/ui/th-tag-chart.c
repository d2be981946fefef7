/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-tag-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "th-tag-chart-private.h"

G_DEFINE_FINAL_TYPE (ThTagChart, th_tag_chart, GTK_TYPE_WIDGET)
G_DEFINE_ENUM_TYPE (ThTagChartKind, th_tag_chart_kind,
                    G_DEFINE_ENUM_VALUE (TH_TAG_CHART_PRINCIPLES, "principles"),
                    G_DEFINE_ENUM_VALUE (TH_TAG_CHART_THEMES, "themes"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_INSIGHTS,
  PROP_TEXT_ALTERNATIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The geometry, in pixels. */
#define BAR_HEIGHT   10.0
#define LINE_GAP      4.0
#define ROW_GAP      14.0
#define TREND_WIDTH  88.0
#define TREND_GAP    20.0
#define SWATCH       10.0
#define LEGEND_GAP   12.0

/* What the chart is drawn with, from the widget's style. */
typedef struct
{
  GdkRGBA  fg;
  GdkRGBA  honoured;
  GdkRGBA  broken;
  double   line_height;
  double   width;
} Palette;

/* The first and last of the tags this chart shows. */
void
th_tag_chart_tag_range (ThTagChart *self,
                        ThTag      *first,
                        ThTag      *last)
{
  *first = self->kind == TH_TAG_CHART_PRINCIPLES ? TH_TAG_HUMANISM : TH_TAG_LEARNER_AND_INFORMER;
  *last = self->kind == TH_TAG_CHART_PRINCIPLES ? TH_TAG_ACCOUNTABILITY : TH_N_TAGS - 1;
}

static guint
count_tags (ThTagChart *self)
{
  ThTag first, last;

  th_tag_chart_tag_range (self, &first, &last);
  return last - first + 1;
}

/* The counts of @tag, all nought with no insights. */
ThTagTally
th_tag_chart_tally_of (ThTagChart *self,
                       ThTag       tag)
{
  ThTagTally none = { 0, 0 };

  return self->insights ? *th_insights_get_tally (self->insights, tag) : none;
}

/* The words change with the figures: th-tag-chart-text.c finds them. */
static void
update_accessible (ThTagChart *self)
{
  th_tag_chart_update_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_ALTERNATIVE]);
}

/* @name from the style (libadwaita's named colours), or the text colour
 * at @alpha if the style has none. */
static GdkRGBA
style_colour (GtkStyleContext *context,
              const char      *name,
              const GdkRGBA   *fg,
              double           alpha)
{
  GdkRGBA colour = *fg;

  if (!gtk_style_context_lookup_color (context, name, &colour))
    colour.alpha = fg->alpha * alpha;
  return colour;
}

static void
read_palette (ThTagChart *self,
              Palette    *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  int height;

  gtk_style_context_get_color (context, &palette->fg);
  palette->honoured = style_colour (context, "accent_color", &palette->fg, 0.9);
  palette->broken = style_colour (context, "error_color", &palette->fg, 0.5);
  pango_layout_get_pixel_size (layout, NULL, &height);
  palette->line_height = height;
  palette->width = gtk_widget_get_width (GTK_WIDGET (self));
}

/* Narrow, the bars and their numbers come first. */
static gboolean
shows_trend (const Palette *palette)
{
  return palette->width >= 5 * TREND_WIDTH;
}

static double
legend_height (double line_height)
{
  return line_height + LEGEND_GAP;
}

static double
row_height (double line_height)
{
  return line_height + LINE_GAP + BAR_HEIGHT + ROW_GAP;
}

static void
set_colour (cairo_t       *cr,
            const GdkRGBA *colour,
            double         alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

/* Draws @text at @x, @y; returns its width. Over @max_width, it is cut
 * short with an ellipsis. */
static double
draw_text (ThTagChart    *self,
           cairo_t       *cr,
           const char    *text,
           const GdkRGBA *colour,
           double         alpha,
           double         x,
           double         y,
           double         max_width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  set_colour (cr, colour, alpha);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return width;
}

static double
text_width (ThTagChart *self,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The key to the colours, above the rows. */
static void
draw_legend (ThTagChart    *self,
             cairo_t       *cr,
             const Palette *palette)
{
  double x = 0, middle = palette->line_height / 2;

  set_colour (cr, &palette->honoured, 1);
  cairo_rectangle (cr, x, middle - SWATCH / 2, SWATCH, SWATCH);
  cairo_fill (cr);
  x += SWATCH + 6;
  x += draw_text (self, cr, _("Honours it"), &palette->fg, 0.75, x, 0, -1) + 18;

  set_colour (cr, &palette->broken, 1);
  cairo_rectangle (cr, x, middle - SWATCH / 2, SWATCH, SWATCH);
  cairo_fill (cr);
  x += SWATCH + 6;
  x += draw_text (self, cr, _("Works against it"), &palette->fg, 0.75, x, 0, -1) + 18;

  if (!shows_trend (palette) || palette->width - x < TREND_WIDTH)
    return;
  set_colour (cr, &palette->honoured, 1);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x, middle + 3);
  cairo_line_to (cr, x + 8, middle - 3);
  cairo_line_to (cr, x + 16, middle);
  cairo_stroke (cr);
  x += 22;
  draw_text (self, cr, _("Share that honours it, by quarter"), &palette->fg, 0.75, x, 0,
             palette->width - x);
}

/* The bar of one tag from @x to @x + @width, scaled to @most. */
static void
draw_bar (cairo_t       *cr,
          const Palette *palette,
          ThTagTally     tally,
          guint          most,
          double         y,
          double         width)
{
  double honoured = most ? width * tally.honoured / most : 0;
  double broken = most ? width * tally.broken / most : 0;

  set_colour (cr, &palette->fg, 0.08);
  cairo_rectangle (cr, 0, y, width, BAR_HEIGHT);
  cairo_fill (cr);
  set_colour (cr, &palette->honoured, 1);
  cairo_rectangle (cr, 0, y, honoured, BAR_HEIGHT);
  cairo_fill (cr);
  set_colour (cr, &palette->broken, 1);
  /* A hair of space between the two, so that they read apart. */
  cairo_rectangle (cr, honoured + (honoured > 0 ? 1 : 0), y, MAX (broken - 1, broken > 0 ? 1 : 0), BAR_HEIGHT);
  cairo_fill (cr);
}

/* The share that honours @tag in each quarter, from @x, @top to @bottom:
 * a point for each quarter with answers, joined up. */
static void
draw_trend (ThTagChart    *self,
            cairo_t       *cr,
            const Palette *palette,
            ThTag          tag,
            double         x,
            double         top,
            double         bottom)
{
  guint n = self->quarters ? g_strv_length (self->quarters) : 0;
  gboolean drawing = FALSE;
  double last_x = 0, last_y = 0;

  /* The top line is all honouring it, the bottom none. */
  set_colour (cr, &palette->fg, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, top + 0.5);
  cairo_line_to (cr, x + TREND_WIDTH, top + 0.5);
  cairo_move_to (cr, x, bottom - 0.5);
  cairo_line_to (cr, x + TREND_WIDTH, bottom - 0.5);
  cairo_stroke (cr);

  set_colour (cr, &palette->honoured, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      ThTagTally in = th_insights_get_tally_in (self->insights, tag, self->quarters[i]);
      double share, px, py;

      if (in.honoured + in.broken == 0)
        continue;
      share = (double) in.honoured / (in.honoured + in.broken);
      px = n > 1 ? x + 3 + (TREND_WIDTH - 6) * i / (n - 1) : x + TREND_WIDTH / 2;
      py = bottom - 3 - (bottom - top - 6) * share;
      if (drawing)
        cairo_line_to (cr, px, py);
      else
        cairo_move_to (cr, px, py);
      drawing = TRUE;
      last_x = px;
      last_y = py;
    }
  if (!drawing)
    return;
  cairo_stroke (cr);
  /* The latest quarter, marked. */
  cairo_arc (cr, last_x, last_y, 3, 0, 2 * G_PI);
  cairo_fill (cr);
}

static guint
most_answers (ThTagChart *self)
{
  ThTag first, last;
  guint most = 0;

  th_tag_chart_tag_range (self, &first, &last);
  for (ThTag tag = first; tag <= last; tag++)
    {
      ThTagTally tally = th_tag_chart_tally_of (self, tag);
      most = MAX (most, tally.honoured + tally.broken);
    }
  return most;
}

/* One row: the tag's title and numbers, its bar, and its trend. */
static void
draw_row (ThTagChart    *self,
          cairo_t       *cr,
          const Palette *palette,
          ThTag          tag,
          guint          most,
          double         y)
{
  ThTagTally tally = th_tag_chart_tally_of (self, tag);
  gboolean trend = shows_trend (palette);
  double bar_width = palette->width - (trend ? TREND_WIDTH + TREND_GAP : 0);
  /* TRANSLATORS: the numbers beside a principle's bar: choices that
   * honour it and choices that work against it */
  g_autofree char *numbers = g_strdup_printf (_("%u honour · %u against"), tally.honoured, tally.broken);
  double numbers_width = text_width (self, numbers);

  draw_text (self, cr, th_tag_get_title (tag), &palette->fg, 1, 0, y, MAX (bar_width - numbers_width - 12, 1));
  draw_text (self, cr, numbers, &palette->fg, 0.7, bar_width - numbers_width, y, -1);
  draw_bar (cr, palette, tally, most, y + palette->line_height + LINE_GAP, bar_width);
  if (trend && self->insights != NULL)
    draw_trend (self, cr, palette, tag, bar_width + TREND_GAP, y,
                y + palette->line_height + LINE_GAP + BAR_HEIGHT);
}

static void
th_tag_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  ThTagChart *self = TH_TAG_CHART (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  Palette palette;
  ThTag first, last;
  guint most = most_answers (self);
  double y;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  read_palette (self, &palette);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_legend (self, cr, &palette);
  y = legend_height (palette.line_height);
  th_tag_chart_tag_range (self, &first, &last);
  for (ThTag tag = first; tag <= last; tag++, y += row_height (palette.line_height))
    draw_row (self, cr, &palette, tag, most, y);
  cairo_destroy (cr);
}

static void
th_tag_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  ThTagChart *self = TH_TAG_CHART (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Ag");
  int line_height;

  pango_layout_get_pixel_size (layout, NULL, &line_height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 560;
      return;
    }
  *minimum = *natural = (int) (legend_height (line_height) + count_tags (self) * row_height (line_height)
                               - ROW_GAP);
}

/* A change to light or dark (or the accent) is drawn again; GTK sees
 * to a change of font. */
static void
th_tag_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (th_tag_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
th_tag_chart_finalize (GObject *object)
{
  ThTagChart *self = (ThTagChart *)object;

  g_clear_pointer (&self->quarters, g_strfreev);
  g_free (self->text_alternative);

  G_OBJECT_CLASS (th_tag_chart_parent_class)->finalize (object);
}

static void
th_tag_chart_dispose (GObject *object)
{
  ThTagChart *self = (ThTagChart *)object;

  g_clear_object (&self->insights);

  G_OBJECT_CLASS (th_tag_chart_parent_class)->dispose (object);
}

static void
th_tag_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ThTagChart *self = TH_TAG_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_INSIGHTS:
      g_value_set_object (value, self->insights);
      break;
    case PROP_TEXT_ALTERNATIVE:
      g_value_set_string (value, self->text_alternative);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_tag_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ThTagChart *self = TH_TAG_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      th_tag_chart_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_INSIGHTS:
      th_tag_chart_set_insights (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_tag_chart_class_init (ThTagChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_tag_chart_dispose;
  object_class->finalize = th_tag_chart_finalize;
  object_class->get_property = th_tag_chart_get_property;
  object_class->set_property = th_tag_chart_set_property;
  widget_class->snapshot = th_tag_chart_snapshot;
  widget_class->measure = th_tag_chart_measure;
  widget_class->css_changed = th_tag_chart_css_changed;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TH_TYPE_TAG_CHART_KIND, TH_TAG_CHART_PRINCIPLES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INSIGHTS] =
    g_param_spec_object ("insights", NULL, NULL, TH_TYPE_INSIGHTS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_ALTERNATIVE] =
    g_param_spec_string ("text-alternative", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "tagchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
th_tag_chart_init (ThTagChart *self)
{
  update_accessible (self);
}

GtkWidget *
th_tag_chart_new (ThTagChartKind kind)
{
  return g_object_new (TH_TYPE_TAG_CHART, "kind", kind, NULL);
}

ThTagChartKind
th_tag_chart_get_kind (ThTagChart *self)
{
  g_return_val_if_fail (TH_IS_TAG_CHART (self), TH_TAG_CHART_PRINCIPLES);
  return self->kind;
}

void
th_tag_chart_set_kind (ThTagChart     *self,
                       ThTagChartKind  kind)
{
  g_return_if_fail (TH_IS_TAG_CHART (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

ThInsights *
th_tag_chart_get_insights (ThTagChart *self)
{
  g_return_val_if_fail (TH_IS_TAG_CHART (self), NULL);
  return self->insights;
}

/* Shows @insights (nullable: nothing, every count nought). */
void
th_tag_chart_set_insights (ThTagChart *self,
                           ThInsights *insights)
{
  g_return_if_fail (TH_IS_TAG_CHART (self));
  g_return_if_fail (insights == NULL || TH_IS_INSIGHTS (insights));

  if (!g_set_object (&self->insights, insights))
    return;
  g_clear_pointer (&self->quarters, g_strfreev);
  if (insights != NULL)
    self->quarters = th_insights_dup_quarters (insights);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSIGHTS]);
}
