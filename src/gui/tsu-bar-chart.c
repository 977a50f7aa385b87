/* tsu-bar-chart.c: grouped vertical bars drawn with cairo and Pango.
 *
 * The same code draws on screen (snapshot) and on any cairo context
 * (tsu_bar_chart_draw, PNG/PDF export, tests). Everything that depends on
 * text size is computed by chart_layout_compute() from a PangoContext, so
 * the drawing, the bar rectangles and the tooltip agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "tsu-bar-chart.h"

/* Fixed font for drawing off-screen, so an export does not depend on the
 * desktop; the CJK face first so Japanese uses Japanese glyph shapes. */
#define OFFSCREEN_FONT "Noto Sans CJK JP, Noto Sans, sans-serif 10"

#define PAD            12.0   /* around the whole chart */
#define TICK_GAP        8.0   /* between tick labels and the plot */
#define SWATCH         12.0   /* legend colour square */
#define MAX_BAR_W      56.0   /* bars of few categories stay slim */
#define LABEL_LINES     3     /* category labels wrap to this many lines */

typedef struct
{
  char    *name;
  GdkRGBA  rgba;
  double  *values;   /* one per category */
} Series;

/* A step line: ys[i] from xs[i] to xs[i + 1], the last to the right edge. */
typedef struct
{
  char    *name;
  GdkRGBA  rgba;
  double  *xs;
  double  *ys;
  guint    n_points;
} Line;

struct _TsuBarChart
{
  GtkWidget  parent_instance;

  char      *title;
  char      *value_label;
  GStrv      categories;
  guint      n_categories;
  GPtrArray *series;   /* of Series* */
  gboolean   stacked;
  GPtrArray *lines;    /* of Line* */

  gboolean   has_target;
  double     target;
  char      *target_label;
  GdkRGBA    target_rgba;

  GArray    *x_ticks;  /* of double; NULL: chosen by the chart */

  TsuBarChartFormatFunc format_func;
  gpointer              format_data;
  GDestroyNotify        format_destroy;
  TsuBarChartFormatFunc x_format_func;
  gpointer              x_format_data;
  GDestroyNotify        x_format_destroy;
};

G_DEFINE_FINAL_TYPE (TsuBarChart, tsu_bar_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VALUE_LABEL,
  PROP_STACKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_free (series->values);
  g_free (series);
}

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->name);
  g_free (line->xs);
  g_free (line->ys);
  g_free (line);
}

/* Lines without categories run along a continuous x axis (dates, say). */
static gboolean
is_continuous (TsuBarChart *self)
{
  return self->n_categories == 0 && self->lines->len > 0;
}

/* Legend entries: the series, then the lines, then the target. */
typedef enum
{
  ENTRY_SERIES,
  ENTRY_LINE,
  ENTRY_TARGET,
} EntryKind;

static guint
n_legend_entries (TsuBarChart *self)
{
  return self->series->len + self->lines->len + (self->has_target ? 1 : 0);
}

static EntryKind
legend_entry (TsuBarChart    *self,
              guint           i,
              const char    **name,
              const GdkRGBA **rgba)
{
  if (i < self->series->len)
    {
      Series *series = g_ptr_array_index (self->series, i);

      *name = series->name;
      *rgba = &series->rgba;
      return ENTRY_SERIES;
    }
  i -= self->series->len;
  if (i < self->lines->len)
    {
      Line *line = g_ptr_array_index (self->lines, i);

      *name = line->name;
      *rgba = &line->rgba;
      return ENTRY_LINE;
    }
  *name = self->target_label;
  *rgba = &self->target_rgba;
  return ENTRY_TARGET;
}

/* ---- layout ------------------------------------------------------------ */

typedef struct
{
  PangoLayout *layout;
  double       x, y;          /* top-left of the text (legend: of the swatch) */
} PlacedText;

typedef struct
{
  int          width, height;
  gboolean     empty;

  PangoLayout *title;
  double       title_y;
  PangoLayout *no_data;
  double       no_data_x, no_data_y;

  GArray      *legend;        /* of PlacedText, one per series */
  PangoLayout *value_label;
  double       value_label_y;

  double       plot_x, plot_y, plot_w, plot_h;
  double       axis_min, axis_max, step;
  guint        n_ticks;
  GPtrArray   *tick_layouts;

  double       group_w;
  double       bar_w;         /* including the gap between the bars */
  double       bar_gap;
  GPtrArray   *category_layouts;
  gboolean     rotated;       /* labels at 45° because the groups are narrow */
  guint        label_every;   /* with rotated labels, only every n-th one */
  double       label_y;
  double       line_h;

  /* A continuous x axis (lines without categories). */
  gboolean     continuous;
  double       x_min, x_max;
  GArray      *x_ticks;       /* of double, one per category layout */
} ChartLayout;

static void
chart_layout_clear (ChartLayout *lay)
{
  g_clear_object (&lay->title);
  g_clear_object (&lay->no_data);
  g_clear_object (&lay->value_label);
  if (lay->legend != NULL)
    {
      for (guint i = 0; i < lay->legend->len; i++)
        g_object_unref (g_array_index (lay->legend, PlacedText, i).layout);
      g_array_unref (lay->legend);
    }
  g_clear_pointer (&lay->tick_layouts, g_ptr_array_unref);
  g_clear_pointer (&lay->category_layouts, g_ptr_array_unref);
  g_clear_pointer (&lay->x_ticks, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChartLayout, chart_layout_clear)

/* The context's font scaled and weighted: the title is larger and bold,
 * ticks and category labels slightly smaller than the body. */
static PangoFontDescription *
derived_font (PangoContext *context,
              double        scale,
              PangoWeight   weight)
{
  const PangoFontDescription *base = pango_context_get_font_description (context);
  PangoFontDescription *desc = base ? pango_font_description_copy (base)
                                    : pango_font_description_from_string ("sans 10");
  int size = pango_font_description_get_size (desc);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size * scale);
  else
    pango_font_description_set_size (desc, (int) (size * scale));
  pango_font_description_set_weight (desc, weight);
  return desc;
}

static PangoLayout *
make_layout (PangoContext               *context,
             const PangoFontDescription *font,
             const char                 *text)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

/* Off-screen text: a fixed font at 96 dpi without metric hinting, so PNG
 * and PDF exports have the same geometry. Created per call because Pango's
 * default font map belongs to the calling thread (exports may run in one). */
static PangoContext *
offscreen_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *font = pango_font_description_from_string (OFFSCREEN_FONT);

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_font_description (context, font);
  pango_context_set_language (context, pango_language_from_string ("ja"));
  cairo_font_options_destroy (options);
  pango_font_description_free (font);
  return context;
}

/* The context the geometry is measured with: the widget's while it is on
 * screen, the off-screen one otherwise. */
static PangoContext *
geometry_context_new (TsuBarChart *self)
{
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    return g_object_ref (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  return offscreen_context_new ();
}

static gboolean
chart_is_empty (TsuBarChart *self)
{
  if (self->lines->len > 0)
    return FALSE;
  return self->n_categories == 0 || self->series->len == 0;
}

static double
nice_step (double raw)
{
  double mag = pow (10.0, floor (log10 (raw)));
  double norm = raw / mag;

  if (norm <= 1.0)
    return mag;
  if (norm <= 2.0)
    return 2.0 * mag;
  if (norm <= 5.0)
    return 5.0 * mag;
  return 10.0 * mag;
}

/* The step after @step on the 1, 2, 5 × 10^n ladder. */
static double
next_step (double step)
{
  double mag = pow (10.0, floor (log10 (step) + 1e-9));
  double norm = round (step / mag);

  if (norm < 1.5)
    return 2.0 * mag;
  if (norm < 3.5)
    return 5.0 * mag;
  return 10.0 * mag;
}

static double
tick_value (const ChartLayout *lay,
            guint              i)
{
  double v = lay->axis_min + i * lay->step;

  /* 0.1 + 0.2 style residue must not print as "-0" or 1e-17. */
  if (fabs (v) < lay->step * 1e-9)
    v = 0.0;
  return v;
}

static void
data_range (TsuBarChart *self,
            double      *lo,
            double      *hi)
{
  *lo = 0.0;
  *hi = 0.0;
  if (self->stacked)
    for (guint c = 0; c < self->n_categories; c++)
      {
        double below = 0.0, above = 0.0;

        for (guint s = 0; s < self->series->len; s++)
          {
            double v = ((Series *) g_ptr_array_index (self->series, s))->values[c];

            if (v < 0)
              below += v;
            else
              above += v;
          }
        *lo = MIN (*lo, below);
        *hi = MAX (*hi, above);
      }
  else
    for (guint s = 0; s < self->series->len; s++)
      {
        Series *series = g_ptr_array_index (self->series, s);

        for (guint c = 0; c < self->n_categories; c++)
          {
            *lo = MIN (*lo, series->values[c]);
            *hi = MAX (*hi, series->values[c]);
          }
      }
  for (guint l = 0; l < self->lines->len; l++)
    {
      Line *line = g_ptr_array_index (self->lines, l);

      for (guint i = 0; i < line->n_points; i++)
        {
          *lo = MIN (*lo, line->ys[i]);
          *hi = MAX (*hi, line->ys[i]);
        }
    }
  if (self->has_target)
    {
      *lo = MIN (*lo, self->target);
      *hi = MAX (*hi, self->target);
    }
}

/* Round ticks covering the data and zero; a step
 * whose labels the format func writes alike ("0", "0", "1" for 0, 0.5, 1
 * with "%.0f") is widened. */
static void
compute_ticks (TsuBarChart *self,
               ChartLayout *lay,
               double       plot_h)
{
  double lo, hi, target;

  data_range (self, &lo, &hi);
  if (hi - lo <= 0.0)
    hi = 1.0;
  /* The densest 1-2-5 step with ticks at least 40 pixels apart: the data
   * then fill most of the height. */
  target = CLAMP (floor (plot_h / 40.0), 1.0, 10.0);
  lay->step = nice_step ((hi - lo) / target);

  for (int attempt = 0; attempt < 12; attempt++)
    {
      gboolean distinct = TRUE;
      g_autofree char *previous = NULL;

      lay->axis_min = floor (lo / lay->step + 1e-9) * lay->step;
      lay->axis_max = ceil (hi / lay->step - 1e-9) * lay->step;
      if (lay->axis_max <= lay->axis_min)
        lay->axis_max = lay->axis_min + lay->step;
      lay->n_ticks = (guint) round ((lay->axis_max - lay->axis_min) / lay->step) + 1;

      for (guint i = 0; i < lay->n_ticks && distinct; i++)
        {
          char *text = tsu_bar_chart_format_value (self, tick_value (lay, i));

          distinct = previous == NULL || g_strcmp0 (previous, text) != 0;
          g_free (previous);
          previous = text;
        }
      if (distinct && lay->n_ticks - 1 <= target)
        break;
      lay->step = next_step (lay->step);
    }
}

#define LEGEND_GAP 18.0   /* between legend items */

/* Creates the legend's texts; item.x holds each text's width until
 * legend_flow() places the items. Returns the width on one row. */
static double
legend_measure (TsuBarChart                *self,
                ChartLayout                *lay,
                PangoContext               *context,
                const PangoFontDescription *font,
                double                     *row_h)
{
  double avail = lay->width - 2 * PAD;
  double total = 0;

  *row_h = SWATCH;
  lay->legend = g_array_new (FALSE, TRUE, sizeof (PlacedText));
  for (guint s = 0; s < n_legend_entries (self); s++)
    {
      const char *name;
      const GdkRGBA *rgba;
      PlacedText item;
      PangoRectangle logical;

      legend_entry (self, s, &name, &rgba);
      item = (PlacedText) { make_layout (context, font, name ? name : ""), 0, 0 };

      pango_layout_set_ellipsize (item.layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (item.layout, (int) MAX (1.0, avail - SWATCH - 6) * PANGO_SCALE);
      /* The natural width: the ellipsizing width is only a cap. */
      pango_layout_get_pixel_extents (item.layout, NULL, &logical);
      item.x = MIN (logical.width, avail - SWATCH - 6);
      *row_h = MAX (*row_h, layout_height (item.layout));
      total += (s > 0 ? LEGEND_GAP : 0) + SWATCH + 6 + item.x;
      g_array_append_val (lay->legend, item);
    }
  return total;
}

/* Flows the legend into rows between @left and @right, each row flush
 * left or right, from *@y down. */
static void
legend_flow (ChartLayout *lay,
             double       left,
             double       right,
             gboolean     flush_right,
             double       row_h,
             double      *y)
{
  double avail = right - left;
  guint row_start = 0;
  double row_w = 0;

  for (guint s = 0; s <= lay->legend->len; s++)
    {
      double item_w = 0;

      if (s < lay->legend->len)
        item_w = SWATCH + 6 + g_array_index (lay->legend, PlacedText, s).x;
      if (s == lay->legend->len || (s > row_start && row_w + LEGEND_GAP + item_w > avail))
        {
          double x = flush_right ? right - row_w : left;

          for (guint i = row_start; i < s; i++)
            {
              PlacedText *item = &g_array_index (lay->legend, PlacedText, i);
              double text_w = item->x;

              item->x = x;
              item->y = *y;
              x += SWATCH + 6 + text_w + LEGEND_GAP;
            }
          if (s > row_start)
            *y += row_h + 4;
          row_start = s;
          row_w = 0;
        }
      if (s < lay->legend->len)
        row_w += (row_w > 0 ? LEGEND_GAP : 0) + item_w;
    }
}

/* Returns the widest tick label's width. */
static double
make_tick_layouts (TsuBarChart                *self,
                   ChartLayout                *lay,
                   PangoContext               *context,
                   const PangoFontDescription *font)
{
  double widest = 0;

  g_clear_pointer (&lay->tick_layouts, g_ptr_array_unref);
  lay->tick_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < lay->n_ticks; i++)
    {
      g_autofree char *text = tsu_bar_chart_format_value (self, tick_value (lay, i));
      PangoLayout *layout = make_layout (context, font, text);

      widest = MAX (widest, layout_width (layout));
      g_ptr_array_add (lay->tick_layouts, layout);
    }
  return widest;
}

static double
x_to_px (const ChartLayout *lay,
         double             x)
{
  if (lay->continuous)
    return lay->plot_x + lay->plot_w * (x - lay->x_min) / (lay->x_max - lay->x_min);
  return lay->plot_x + x * lay->group_w;
}

/* The x range of the lines, and one label per x tick (the caller's, or
 * five evenly spaced), every n-th shown when they would touch. */
static void
continuous_x_labels (TsuBarChart                *self,
                     ChartLayout                *lay,
                     PangoContext               *context,
                     const PangoFontDescription *font)
{
  double widest = 0;

  lay->x_min = G_MAXDOUBLE;
  lay->x_max = -G_MAXDOUBLE;
  for (guint l = 0; l < self->lines->len; l++)
    {
      Line *line = g_ptr_array_index (self->lines, l);

      if (line->n_points == 0)
        continue;
      lay->x_min = MIN (lay->x_min, line->xs[0]);
      lay->x_max = MAX (lay->x_max, line->xs[line->n_points - 1]);
    }
  if (lay->x_min > lay->x_max)
    lay->x_min = lay->x_max = 0.0;
  if (lay->x_max - lay->x_min <= 0.0)
    {
      lay->x_min -= 1.0;
      lay->x_max += 1.0;
    }

  lay->x_ticks = g_array_new (FALSE, FALSE, sizeof (double));
  if (self->x_ticks != NULL)
    {
      for (guint i = 0; i < self->x_ticks->len; i++)
        {
          double x = g_array_index (self->x_ticks, double, i);

          if (x >= lay->x_min && x <= lay->x_max)
            g_array_append_val (lay->x_ticks, x);
        }
    }
  else
    for (guint i = 0; i < 5; i++)
      {
        double x = lay->x_min + (lay->x_max - lay->x_min) * i / 4.0;

        g_array_append_val (lay->x_ticks, x);
      }

  for (guint i = 0; i < lay->x_ticks->len; i++)
    {
      g_autofree char *text = tsu_bar_chart_format_x (self, g_array_index (lay->x_ticks, double, i));
      PangoLayout *layout = make_layout (context, font, text);

      widest = MAX (widest, layout_width (layout));
      g_ptr_array_add (lay->category_layouts, layout);
    }
  /* Labels centred on their ticks need their width plus a gap apart. */
  if (lay->x_ticks->len > 1)
    {
      double spacing = lay->plot_w / MAX (1.0, (double) lay->x_ticks->len);

      lay->label_every = (guint) MAX (1.0, ceil ((widest + 12) / MAX (spacing, 1.0)));
    }
}

static void
chart_layout_compute (TsuBarChart  *self,
                      PangoContext *context,
                      int           width,
                      int           height,
                      ChartLayout  *lay)
{
  g_autoptr(PangoFontDescription) title_font = derived_font (context, 1.25, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoFontDescription) body_font = derived_font (context, 1.0, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoFontDescription) small_font = derived_font (context, 0.9, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoLayout) probe = NULL;
  double y = PAD, tick_h, label_area, tick_w = 0, bottom;

  memset (lay, 0, sizeof *lay);
  lay->width = width;
  lay->height = height;
  lay->empty = chart_is_empty (self);

  if (self->title != NULL && *self->title != '\0')
    {
      lay->title = make_layout (context, title_font, self->title);
      pango_layout_set_width (lay->title, (int) MAX (1.0, width - 2 * PAD) * PANGO_SCALE);
      pango_layout_set_ellipsize (lay->title, PANGO_ELLIPSIZE_END);
    }

  if (lay->empty)
    {
      g_autoptr(PangoFontDescription) font = derived_font (context, 1.1, PANGO_WEIGHT_NORMAL);

      if (lay->title != NULL)
        {
          lay->title_y = y;
          y += layout_height (lay->title) + 8;
        }
      lay->no_data = make_layout (context, font, _("No data"));
      lay->no_data_x = (width - layout_width (lay->no_data)) / 2;
      lay->no_data_y = y + (height - y - layout_height (lay->no_data)) / 2;
      return;
    }

  /* The title flush left and the legend flush right on one row when they
   * fit, which leaves the plot more height; otherwise one under the other. */
  {
    double legend_row_h;
    double legend_w = legend_measure (self, lay, context, body_font, &legend_row_h);

    if (lay->title == NULL)
      {
        legend_flow (lay, PAD, width - PAD, TRUE, legend_row_h, &y);
      }
    else
      {
        PangoRectangle logical;
        double title_h = layout_height (lay->title);

        pango_layout_get_pixel_extents (lay->title, NULL, &logical);
        if (logical.width + 2 * LEGEND_GAP + legend_w <= width - 2 * PAD)
          {
            double row_h = MAX (title_h, legend_row_h);
            double legend_y = y + (row_h - legend_row_h) / 2;

            lay->title_y = y + (row_h - title_h) / 2;
            legend_flow (lay, PAD, width - PAD, TRUE, legend_row_h, &legend_y);
            y += row_h + 4;
          }
        else
          {
            lay->title_y = y;
            y += title_h + 4;
            legend_flow (lay, PAD, width - PAD, FALSE, legend_row_h, &y);
          }
      }
    y += 4;
  }

  if (self->value_label != NULL && *self->value_label != '\0')
    {
      lay->value_label = make_layout (context, small_font, self->value_label);
      lay->value_label_y = y;
      y += layout_height (lay->value_label) + 2;
    }

  probe = make_layout (context, small_font, "国Ag0");
  tick_h = layout_height (probe);
  lay->line_h = tick_h;
  lay->plot_y = y + tick_h / 2;

  /* Category labels take at most LABEL_LINES lines and a third of what is
   * left, so a short widget still shows its bars. */
  label_area = MAX (tick_h, MIN (LABEL_LINES * tick_h, (height - PAD - lay->plot_y) / 3));
  compute_ticks (self, lay, height - PAD - label_area - 6 - lay->plot_y);

  tick_w = make_tick_layouts (self, lay, context, small_font);

  lay->plot_x = PAD + tick_w + TICK_GAP;
  lay->plot_w = MAX (1.0, width - PAD - lay->plot_x);
  lay->continuous = is_continuous (self);
  lay->group_w = lay->continuous ? lay->plot_w : lay->plot_w / self->n_categories;
  lay->label_every = 1;
  lay->category_layouts = g_ptr_array_new_with_free_func (g_object_unref);

  if (lay->continuous)
    {
      continuous_x_labels (self, lay, context, small_font);
      bottom = tick_h;
      goto labels_done;
    }

  /* Wrapped horizontal labels need room for about four characters a
   * line; narrower groups get one line each at 45°. */
  lay->rotated = lay->group_w - 6 < 4 * tick_h;
  /* …unless every label fits on one line anyway (months: "4月"). */
  if (lay->rotated)
    {
      double widest = 0;

      for (guint c = 0; c < self->n_categories; c++)
        {
          g_autoptr(PangoLayout) layout = make_layout (context, small_font, self->categories[c]);

          widest = MAX (widest, layout_width (layout));
        }
      lay->rotated = widest > lay->group_w - 6;
    }
  bottom = 0;
  if (!lay->rotated)
    {
      int lines = (int) MAX (1.0, floor (label_area / tick_h));

      for (guint c = 0; c < self->n_categories; c++)
        {
          PangoLayout *layout = make_layout (context, small_font, self->categories[c]);

          pango_layout_set_width (layout, (int) (lay->group_w - 6) * PANGO_SCALE);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          bottom = MAX (bottom, layout_height (layout));
          g_ptr_array_add (lay->category_layouts, layout);
        }
    }
  else
    {
      /* Neighbouring 45° lines are group_w × sin 45° apart; closer than a
       * line of text they would touch, so some are left out. */
      double spacing = lay->group_w * G_SQRT2 / 2;

      lay->label_every = (guint) MAX (1.0, ceil (tick_h / MAX (spacing, 0.1)));
      for (guint c = 0; c < self->n_categories; c++)
        {
          PangoLayout *layout = make_layout (context, small_font, self->categories[c]);
          double anchor_x = lay->plot_x + (c + 0.5) * lay->group_w;
          /* The text ends under its group and runs down to the left: no
           * longer than the label area allows nor past the left edge. */
          double max_len = MIN ((label_area * 1.6 - tick_h) * G_SQRT2,
                                (anchor_x - PAD) * G_SQRT2 - tick_h);
          double len;

          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_width (layout, (int) MAX (tick_h, max_len) * PANGO_SCALE);
          pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          len = MIN (layout_width (layout), MAX (tick_h, max_len));
          bottom = MAX (bottom, (len + tick_h) * G_SQRT2 / 2);
          g_ptr_array_add (lay->category_layouts, layout);
        }
    }

labels_done:
  lay->plot_h = MAX (1.0, height - PAD - bottom - 6 - lay->plot_y);
  lay->label_y = lay->plot_y + lay->plot_h + 6;
  /* The ticks were chosen for an estimated height; turned labels may have
   * taken more. The widths hardly change (same digits), so the plot keeps
   * its left edge. */
  compute_ticks (self, lay, lay->plot_h);
  make_tick_layouts (self, lay, context, small_font);

  {
    guint n_series = self->stacked ? 1 : MAX (self->series->len, 1);
    double inner = lay->group_w * 0.76;

    lay->bar_w = MIN (inner / n_series, MAX_BAR_W);
    lay->bar_gap = n_series > 1 ? MIN (4.0, floor (lay->bar_w * 0.12)) : 0.0;
  }
}

static double
value_to_y (const ChartLayout *lay,
            double             value)
{
  return lay->plot_y + lay->plot_h * (lay->axis_max - value) / (lay->axis_max - lay->axis_min);
}

/* Pixel-aligned, so tests and tooltips see exactly what is painted.
 * @y0 is the zero line, @y1 the value's end. */
static void
bar_geometry (TsuBarChart       *self,
              const ChartLayout *lay,
              guint              series,
              guint              category,
              double            *x,
              double            *w,
              double            *y0,
              double            *y1)
{
  Series *s = g_ptr_array_index (self->series, series);
  guint n_series = self->stacked ? 1 : self->series->len;
  guint slot = self->stacked ? 0 : series;
  double value = s->values[category];
  double base = 0.0;
  double group_x = lay->plot_x + category * lay->group_w;
  double start = group_x + (lay->group_w - n_series * lay->bar_w) / 2;
  double left = round (start + slot * lay->bar_w + lay->bar_gap / 2);
  double right = round (start + (slot + 1) * lay->bar_w - lay->bar_gap / 2);

  /* Stacked: on the series before it of the same sign. */
  if (self->stacked)
    for (guint below = 0; below < series; below++)
      {
        double v = ((Series *) g_ptr_array_index (self->series, below))->values[category];

        if ((v < 0) == (value < 0))
          base += v;
      }

  *x = left;
  *w = MAX (1.0, right - left);
  *y0 = round (value_to_y (lay, base));
  *y1 = round (value_to_y (lay, base + value));
  /* A small value still shows; only zero has no height. */
  if (value != 0.0 && *y1 == *y0)
    *y1 = value > 0 ? *y0 - 1 : *y0 + 1;
}

/* ---- drawing ----------------------------------------------------------- */

static void
set_colour (cairo_t       *cr,
            const GdkRGBA *rgba,
            double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Rounds the corners at the value's end, not at the zero line. */
static void
bar_path (cairo_t *cr,
          double   x,
          double   w,
          double   y0,
          double   y1)
{
  double r = MIN (3.0, MIN (w / 4, fabs (y1 - y0)));

  if (r < 1.0)
    {
      cairo_rectangle (cr, x, MIN (y0, y1), w, fabs (y1 - y0));
      return;
    }
  cairo_move_to (cr, x, y0);
  if (y1 < y0)
    {
      cairo_line_to (cr, x, y1 + r);
      cairo_arc (cr, x + r, y1 + r, r, G_PI, 1.5 * G_PI);
      cairo_line_to (cr, x + w - r, y1);
      cairo_arc (cr, x + w - r, y1 + r, r, 1.5 * G_PI, 2 * G_PI);
    }
  else
    {
      cairo_line_to (cr, x, y1 - r);
      cairo_arc_negative (cr, x + r, y1 - r, r, G_PI, 0.5 * G_PI);
      cairo_line_to (cr, x + w - r, y1);
      cairo_arc_negative (cr, x + w - r, y1 - r, r, 0.5 * G_PI, 0);
    }
  cairo_line_to (cr, x + w, y0);
  cairo_close_path (cr);
}

static void
set_line_style (cairo_t  *cr,
                gboolean  dashed)
{
  static const double dash[] = { 6.0, 4.0 };

  cairo_set_line_width (cr, dashed ? 1.5 : 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, dashed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, dash, dashed ? G_N_ELEMENTS (dash) : 0, 0);
}

/* The step lines, each with a light area under it, then the target. */
static void
draw_lines (TsuBarChart       *self,
            cairo_t           *cr,
            const ChartLayout *lay)
{
  double right = lay->plot_x + lay->plot_w;

  cairo_save (cr);
  cairo_rectangle (cr, lay->plot_x - 2, lay->plot_y - 2, lay->plot_w + 4, lay->plot_h + 4);
  cairo_clip (cr);
  for (guint l = 0; l < self->lines->len; l++)
    {
      Line *line = g_ptr_array_index (self->lines, l);
      double zero = value_to_y (lay, 0.0);
      double end;

      if (line->n_points == 0)
        continue;
      end = lay->continuous ? right : x_to_px (lay, line->xs[line->n_points - 1]);
      cairo_new_path (cr);
      cairo_move_to (cr, x_to_px (lay, line->xs[0]), value_to_y (lay, line->ys[0]));
      for (guint i = 1; i < line->n_points; i++)
        {
          double x = x_to_px (lay, line->xs[i]);

          cairo_line_to (cr, x, value_to_y (lay, line->ys[i - 1]));
          cairo_line_to (cr, x, value_to_y (lay, line->ys[i]));
        }
      cairo_line_to (cr, end, value_to_y (lay, line->ys[line->n_points - 1]));

      {
        cairo_path_t *path = cairo_copy_path (cr);

        cairo_line_to (cr, end, zero);
        cairo_line_to (cr, x_to_px (lay, line->xs[0]), zero);
        cairo_close_path (cr);
        set_colour (cr, &line->rgba, 0.15);
        cairo_fill (cr);
        cairo_append_path (cr, path);
        cairo_path_destroy (path);
      }
      gdk_cairo_set_source_rgba (cr, &line->rgba);
      set_line_style (cr, FALSE);
      cairo_stroke (cr);
    }
  if (self->has_target)
    {
      double y = round (value_to_y (lay, self->target)) + 0.5;

      gdk_cairo_set_source_rgba (cr, &self->target_rgba);
      set_line_style (cr, TRUE);
      cairo_move_to (cr, lay->plot_x, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_with_context (TsuBarChart   *self,
                   cairo_t       *cr,
                   PangoContext  *context,
                   const GdkRGBA *fg,
                   int            width,
                   int            height)
{
  g_auto(ChartLayout) lay = { 0 };

  chart_layout_compute (self, context, width, height, &lay);

  cairo_save (cr);

  if (lay.title != NULL)
    {
      set_colour (cr, fg, 1.0);
      show_layout (cr, lay.title, PAD, lay.title_y);
    }

  if (lay.empty)
    {
      set_colour (cr, fg, 0.55);
      show_layout (cr, lay.no_data, lay.no_data_x, lay.no_data_y);
      cairo_restore (cr);
      return;
    }

  /* Legend */
  for (guint s = 0; s < lay.legend->len; s++)
    {
      PlacedText *item = &g_array_index (lay.legend, PlacedText, s);
      double text_h = layout_height (item->layout);
      double row_h = MAX (SWATCH, text_h);
      const char *name;
      const GdkRGBA *rgba;
      EntryKind kind = legend_entry (self, s, &name, &rgba);

      gdk_cairo_set_source_rgba (cr, rgba);
      if (kind == ENTRY_SERIES)
        {
          bar_path (cr, item->x, SWATCH, item->y + (row_h + SWATCH) / 2, item->y + (row_h - SWATCH) / 2);
          cairo_fill (cr);
        }
      else
        {
          cairo_save (cr);
          set_line_style (cr, kind == ENTRY_TARGET);
          cairo_move_to (cr, item->x, item->y + row_h / 2);
          cairo_line_to (cr, item->x + SWATCH, item->y + row_h / 2);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      set_colour (cr, fg, 0.9);
      show_layout (cr, item->layout, item->x + SWATCH + 6, item->y + (row_h - text_h) / 2);
    }

  if (lay.value_label != NULL)
    {
      set_colour (cr, fg, 0.7);
      show_layout (cr, lay.value_label, PAD, lay.value_label_y);
    }

  /* Grid and tick labels */
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < lay.n_ticks; i++)
    {
      double v = tick_value (&lay, i);
      double y = round (value_to_y (&lay, v));
      PangoLayout *layout = g_ptr_array_index (lay.tick_layouts, i);

      set_colour (cr, fg, v == 0.0 ? 0.0 : 0.12);
      cairo_move_to (cr, lay.plot_x, y + 0.5);
      cairo_line_to (cr, lay.plot_x + lay.plot_w, y + 0.5);
      cairo_stroke (cr);

      set_colour (cr, fg, 0.7);
      show_layout (cr, layout,
                   lay.plot_x - TICK_GAP - layout_width (layout),
                   y - layout_height (layout) / 2);
    }

  /* Bars */
  for (guint c = 0; c < self->n_categories; c++)
    for (guint s = 0; s < self->series->len; s++)
      {
        Series *series = g_ptr_array_index (self->series, s);
        double x, w, y0, y1;

        bar_geometry (self, &lay, s, c, &x, &w, &y0, &y1);
        if (y0 == y1)
          continue;
        gdk_cairo_set_source_rgba (cr, &series->rgba);
        /* Stacked segments meet square. */
        if (self->stacked)
          cairo_rectangle (cr, x, MIN (y0, y1), w, fabs (y1 - y0));
        else
          bar_path (cr, x, w, y0, y1);
        cairo_fill (cr);
      }

  /* The zero line over the bars' feet, so zero and negative bars read
   * against it. */
  {
    double y0 = round (value_to_y (&lay, 0.0));

    set_colour (cr, fg, 0.55);
    cairo_move_to (cr, lay.plot_x, y0 + 0.5);
    cairo_line_to (cr, lay.plot_x + lay.plot_w, y0 + 0.5);
    cairo_stroke (cr);
  }

  draw_lines (self, cr, &lay);

  /* Category labels, or the x ticks' labels */
  set_colour (cr, fg, 0.85);
  for (guint i = 0; lay.continuous && i < lay.x_ticks->len; i += lay.label_every)
    {
      PangoLayout *layout = g_ptr_array_index (lay.category_layouts, i);
      double x = x_to_px (&lay, g_array_index (lay.x_ticks, double, i));
      double w = layout_width (layout);

      /* Kept inside the chart at the ends. */
      x = CLAMP (x - w / 2, PAD, lay.width - PAD - w);
      show_layout (cr, layout, x, lay.label_y);
    }
  for (guint c = 0; c < self->n_categories; c++)
    {
      PangoLayout *layout = g_ptr_array_index (lay.category_layouts, c);
      double centre = lay.plot_x + (c + 0.5) * lay.group_w;

      if (!lay.rotated)
        {
          show_layout (cr, layout, centre - (lay.group_w - 6) / 2, lay.label_y);
          continue;
        }
      if (c % lay.label_every != 0)
        continue;
      {
        PangoRectangle logical;

        pango_layout_get_pixel_extents (layout, NULL, &logical);
        cairo_save (cr);
        /* The top-right corner of the text sits under the group's centre. */
        cairo_translate (cr, centre + lay.line_h * 0.35, lay.label_y);
        cairo_rotate (cr, -G_PI / 4);
        cairo_move_to (cr, -(logical.x + logical.width), 0);
        pango_cairo_show_layout (cr, layout);
        cairo_restore (cr);
      }
    }

  cairo_restore (cr);
}

static const GdkRGBA offscreen_fg = { 0.18, 0.2, 0.21, 1.0 };

void
tsu_bar_chart_draw (TsuBarChart *self,
                    cairo_t     *cr,
                    int          width,
                    int          height)
{
  PangoContext *context;

  g_return_if_fail (TSU_IS_BAR_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;
  context = offscreen_context_new ();
  draw_with_context (self, cr, context, &offscreen_fg, width, height);
  g_object_unref (context);
}

static void
tsu_bar_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  TsuBarChart *self = TSU_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  /* gtk_widget_get_color () is 4.10; the style context is what 4.8 has. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_with_context (self, cr, gtk_widget_get_pango_context (widget), &fg, width, height);
  cairo_destroy (cr);
}

/* ---- export ------------------------------------------------------------ */

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
tsu_bar_chart_save (TsuBarChart *self,
                    const char  *path,
                    int          width,
                    int          height,
                    GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean pdf;

  g_return_val_if_fail (TSU_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (width <= 0 || height <= 0 || width > 20000 || height > 20000)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A chart of %d × %d pixels cannot be saved."), width, height);
      return FALSE;
    }

  /* Drawn into memory first and written with g_file_set_contents, which
   * replaces the file whole and reports errors in the user's language. */
  bytes = g_byte_array_new ();
  pdf = g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF");
  if (pdf)
    surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  cr = cairo_create (surface);
  /* An export is read on paper or in other programs: white, not the
   * window's background. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tsu_bar_chart_draw (self, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (pdf)
        cairo_surface_finish (surface);
      else
        status = cairo_surface_write_to_png_stream (surface, append_to_bytes, bytes);
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The chart could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  if (!g_file_set_contents (path, (const char *) bytes->data, bytes->len, error))
    {
      g_prefix_error (error, _("The chart could not be saved: "));
      return FALSE;
    }
  return TRUE;
}

/* ---- hit testing ------------------------------------------------------- */

gboolean
tsu_bar_chart_get_bar_rect (TsuBarChart  *self,
                            guint         series,
                            guint         category,
                            int           width,
                            int           height,
                            GdkRectangle *rect)
{
  PangoContext *context;
  g_auto(ChartLayout) lay = { 0 };
  double x, w, y0, y1;

  g_return_val_if_fail (TSU_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (chart_is_empty (self) || series >= self->series->len
      || category >= self->n_categories || width <= 0 || height <= 0)
    return FALSE;

  context = geometry_context_new (self);
  chart_layout_compute (self, context, width, height, &lay);
  g_object_unref (context);
  bar_geometry (self, &lay, series, category, &x, &w, &y0, &y1);
  rect->x = (int) x;
  rect->width = (int) w;
  rect->y = (int) MIN (y0, y1);
  rect->height = (int) fabs (y1 - y0);
  return TRUE;
}

static double
px_to_x (const ChartLayout *lay,
         double             px)
{
  if (lay->continuous)
    return lay->x_min + (px - lay->plot_x) / lay->plot_w * (lay->x_max - lay->x_min);
  return (px - lay->plot_x) / lay->group_w;
}

/* The step line's value at @x: that of the last point at or before it. */
static gboolean
line_value_at (const Line *line,
               double      x,
               double     *value)
{
  gboolean found = FALSE;

  for (guint i = 0; i < line->n_points && line->xs[i] <= x; i++)
    {
      *value = line->ys[i];
      found = TRUE;
    }
  return found;
}

typedef enum
{
  HIT_BAR,
  HIT_LINE,
  HIT_TARGET,
} HitKind;

typedef struct
{
  HitKind kind;
  guint   series;     /* or line */
  guint   category;
  double  x;          /* a line's x */
  double  value;      /* a line's value there */
} Hit;

/* How near, in pixels, the pointer must be to a line over bars. */
#define LINE_REACH 6.0

/* Lines and the target: the one nearest the pointer, at any distance
 * when there are no bars, else within LINE_REACH. */
static gboolean
hit_lines (TsuBarChart       *self,
           const ChartLayout *lay,
           double             px,
           double             py,
           Hit               *hit,
           GdkRectangle      *area)
{
  double x = px_to_x (lay, px);
  double best = self->n_categories > 0 && self->series->len > 0 ? LINE_REACH : G_MAXDOUBLE;
  gboolean found = FALSE;

  if (px < lay->plot_x || px > lay->plot_x + lay->plot_w)
    return FALSE;
  for (guint l = 0; l < self->lines->len; l++)
    {
      Line *line = g_ptr_array_index (self->lines, l);
      double value;

      if (!line_value_at (line, x, &value)
          || (!lay->continuous && x > line->xs[line->n_points - 1]))
        continue;
      if (fabs (value_to_y (lay, value) - py) <= best)
        {
          best = fabs (value_to_y (lay, value) - py);
          *hit = (Hit) { HIT_LINE, l, 0, x, value };
          found = TRUE;
        }
    }
  if (self->has_target && fabs (value_to_y (lay, self->target) - py) <= MIN (best, LINE_REACH))
    {
      *hit = (Hit) { HIT_TARGET, 0, 0, x, self->target };
      found = TRUE;
    }
  if (found)
    {
      /* A column one pixel wide: moving along the line asks again. */
      area->x = (int) px;
      area->width = 1;
      area->y = (int) lay->plot_y;
      area->height = (int) lay->plot_h;
    }
  return found;
}

/* The bar under @x, @y; failing that, the bar whose column holds the
 * point (in a stack, the nearest segment), so zero and tiny bars have a
 * tooltip too. */
static gboolean
hit_bars (TsuBarChart       *self,
          const ChartLayout *lay,
          double             px,
          double             py,
          Hit               *hit,
          GdkRectangle      *area)
{
  for (guint c = 0; c < self->n_categories; c++)
    {
      double nearest = G_MAXDOUBLE;
      gboolean found = FALSE;

      for (guint s = 0; s < self->series->len; s++)
        {
          double x, w, y0, y1, distance;

          bar_geometry (self, lay, s, c, &x, &w, &y0, &y1);
          if (px < x || px >= x + w)
            continue;
          if (!self->stacked)
            {
              *hit = (Hit) { HIT_BAR, s, c, 0, 0 };
              area->x = (int) x;
              area->width = (int) w;
              area->y = (int) lay->plot_y;
              area->height = (int) lay->plot_h;
              return TRUE;
            }
          /* Inside a segment is distance 0; empty segments come last. */
          if (py >= MIN (y0, y1) && py < MAX (y0, y1))
            distance = 0;
          else
            distance = MIN (fabs (py - y0), fabs (py - y1)) + (y0 == y1 ? 1e6 : 0);
          if (distance < nearest)
            {
              nearest = distance;
              *hit = (Hit) { HIT_BAR, s, c, 0, 0 };
              /* One pixel high: moving onto the next segment asks again. */
              area->x = (int) x;
              area->width = (int) w;
              area->y = (int) py;
              area->height = 1;
              found = TRUE;
            }
        }
      if (found)
        return TRUE;
    }
  return FALSE;
}

static gboolean
hit_test (TsuBarChart  *self,
          PangoContext *context,
          double        px,
          double        py,
          int           width,
          int           height,
          Hit          *hit,
          GdkRectangle *area)
{
  g_auto(ChartLayout) lay = { 0 };

  if (chart_is_empty (self) || width <= 0 || height <= 0)
    return FALSE;
  chart_layout_compute (self, context, width, height, &lay);
  if (py < lay.plot_y || py > lay.plot_y + lay.plot_h)
    return FALSE;
  if (hit_lines (self, &lay, px, py, hit, area))
    return TRUE;
  return !lay.continuous && hit_bars (self, &lay, px, py, hit, area);
}

static char *
describe_hit (TsuBarChart *self,
              const Hit   *hit)
{
  if (hit->kind == HIT_BAR)
    {
      Series *s = g_ptr_array_index (self->series, hit->series);
      g_autofree char *value = tsu_bar_chart_format_value (self, s->values[hit->category]);
      g_autofree char *total = NULL;
      double sum = 0;

      if (!self->stacked || self->series->len < 2)
        /* TRANSLATORS: a bar chart's tooltip: category — series: value, e.g.
         * "Bus tour — Paid: 1,158,120" */
        return g_strdup_printf (_("%s — %s: %s"), self->categories[hit->category],
                                s->name ? s->name : "", value);
      for (guint i = 0; i < self->series->len; i++)
        sum += ((Series *) g_ptr_array_index (self->series, i))->values[hit->category];
      total = tsu_bar_chart_format_value (self, sum);
      /* TRANSLATORS: tooltip of a stacked bar: category — series: value
       * (the category's total), e.g. "May — Meetings: 45 (total 48)" */
      return g_strdup_printf (_("%s — %s: %s (total %s)"), self->categories[hit->category],
                              s->name ? s->name : "", value, total);
    }
  if (hit->kind == HIT_LINE)
    {
      Line *line = g_ptr_array_index (self->lines, hit->series);
      g_autofree char *value = tsu_bar_chart_format_value (self, hit->value);
      g_autofree char *where = NULL;

      if (is_continuous (self))
        where = tsu_bar_chart_format_x (self, hit->x);
      else
        where = g_strdup (self->categories[(guint) CLAMP (hit->x, 0, self->n_categories - 1)]);
      return g_strdup_printf (_("%s — %s: %s"), where, line->name ? line->name : "", value);
    }
  {
    g_autofree char *value = tsu_bar_chart_format_value (self, self->target);

    /* TRANSLATORS: tooltip of a chart's target line: its name: value,
     * e.g. "Target: 30" */
    return g_strdup_printf (C_("chart target", "%s: %s"), self->target_label ? self->target_label : "", value);
  }
}

char *
tsu_bar_chart_query_text (TsuBarChart *self,
                          double       x,
                          double       y,
                          int          width,
                          int          height)
{
  PangoContext *context;
  GdkRectangle area;
  Hit hit;
  gboolean found;

  g_return_val_if_fail (TSU_IS_BAR_CHART (self), NULL);

  context = geometry_context_new (self);
  found = hit_test (self, context, x, y, width, height, &hit, &area);
  g_object_unref (context);
  return found ? describe_hit (self, &hit) : NULL;
}

gboolean
tsu_bar_chart_value_to_point (TsuBarChart *self,
                              double       x,
                              double       value,
                              int          width,
                              int          height,
                              double      *px,
                              double      *py)
{
  PangoContext *context;
  g_auto(ChartLayout) lay = { 0 };

  g_return_val_if_fail (TSU_IS_BAR_CHART (self), FALSE);

  if (chart_is_empty (self) || width <= 0 || height <= 0)
    return FALSE;
  context = geometry_context_new (self);
  chart_layout_compute (self, context, width, height, &lay);
  g_object_unref (context);
  if (px != NULL)
    *px = x_to_px (&lay, x);
  if (py != NULL)
    *py = value_to_y (&lay, value);
  return TRUE;
}

static gboolean
tsu_bar_chart_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  TsuBarChart *self = TSU_BAR_CHART (widget);
  g_autofree char *text = NULL;
  GdkRectangle area;
  Hit hit;

  if (keyboard_mode)
    return FALSE;
  if (!hit_test (self, gtk_widget_get_pango_context (widget), x, y,
                 gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                 &hit, &area))
    return FALSE;
  text = describe_hit (self, &hit);
  gtk_tooltip_set_text (tooltip, text);
  /* Moving onto the next bar asks again instead of keeping this text. */
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

/* ---- accessibility ----------------------------------------------------- */

char *
tsu_bar_chart_dup_summary (TsuBarChart *self)
{
  GString *text;

  g_return_val_if_fail (TSU_IS_BAR_CHART (self), NULL);

  if (chart_is_empty (self))
    return g_strdup (_("No data"));

  text = g_string_new (NULL);
  for (guint c = 0; c < self->n_categories; c++)
    {
      if (c > 0)
        g_string_append (text, "; ");
      g_string_append (text, self->categories[c]);
      g_string_append (text, " — ");
      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = g_ptr_array_index (self->series, s);
          g_autofree char *value = tsu_bar_chart_format_value (self, series->values[c]);

          if (s > 0)
            g_string_append (text, ", ");
          /* TRANSLATORS: one value in a chart's spoken summary: series: value */
          g_string_append_printf (text, C_("bar chart", "%s: %s"), series->name ? series->name : "", value);
        }
    }
  /* A line is told by its points (where it changes). */
  for (guint l = 0; l < self->lines->len; l++)
    {
      Line *line = g_ptr_array_index (self->lines, l);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, line->name ? line->name : "");
      g_string_append (text, " — ");
      for (guint i = 0; i < line->n_points; i++)
        {
          g_autofree char *value = tsu_bar_chart_format_value (self, line->ys[i]);
          g_autofree char *where = is_continuous (self)
                                   ? tsu_bar_chart_format_x (self, line->xs[i])
                                   : g_strdup_printf ("%g", line->xs[i]);

          if (i > 0)
            g_string_append (text, ", ");
          g_string_append_printf (text, C_("bar chart", "%s: %s"), where, value);
        }
    }
  if (self->has_target)
    {
      g_autofree char *value = tsu_bar_chart_format_value (self, self->target);

      g_string_append (text, "; ");
      g_string_append_printf (text, C_("chart target", "%s: %s"),
                              self->target_label ? self->target_label : "", value);
    }
  return g_string_free (text, FALSE);
}

static void
update_accessible (TsuBarChart *self)
{
  g_autofree char *summary = tsu_bar_chart_dup_summary (self);
  const char *label = self->title != NULL && *self->title != '\0' ? self->title : _("Bar chart");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

static void
data_changed (TsuBarChart *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- public API -------------------------------------------------------- */

/* g_set_str () is GLib 2.76. */
static gboolean
replace_string (char       **slot,
                const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

GtkWidget *
tsu_bar_chart_new (void)
{
  return g_object_new (TSU_TYPE_BAR_CHART, NULL);
}

void
tsu_bar_chart_set_title (TsuBarChart *self,
                         const char  *title)
{
  g_return_if_fail (TSU_IS_BAR_CHART (self));

  if (replace_string (&self->title, title))
    {
      data_changed (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

const char *
tsu_bar_chart_get_title (TsuBarChart *self)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), NULL);

  return self->title;
}

void
tsu_bar_chart_set_value_label (TsuBarChart *self,
                               const char  *label)
{
  g_return_if_fail (TSU_IS_BAR_CHART (self));

  if (replace_string (&self->value_label, label))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_LABEL]);
    }
}

const char *
tsu_bar_chart_get_value_label (TsuBarChart *self)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), NULL);

  return self->value_label;
}

void
tsu_bar_chart_set_categories (TsuBarChart        *self,
                              const char * const *categories)
{
  g_return_if_fail (TSU_IS_BAR_CHART (self));

  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **) categories);
  self->n_categories = self->categories ? g_strv_length (self->categories) : 0;
  g_ptr_array_set_size (self->series, 0);
  g_ptr_array_set_size (self->lines, 0);
  data_changed (self);
}

void
tsu_bar_chart_set_stacked (TsuBarChart *self,
                           gboolean     stacked)
{
  g_return_if_fail (TSU_IS_BAR_CHART (self));

  stacked = !!stacked;
  if (self->stacked == stacked)
    return;
  self->stacked = stacked;
  data_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);
}

gboolean
tsu_bar_chart_get_stacked (TsuBarChart *self)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), FALSE);

  return self->stacked;
}

void
tsu_bar_chart_add_line (TsuBarChart   *self,
                        const char    *name,
                        const GdkRGBA *rgba,
                        const double  *xs,
                        const double  *ys,
                        guint          n_points)
{
  Line *line;

  g_return_if_fail (TSU_IS_BAR_CHART (self));
  g_return_if_fail (rgba != NULL);
  g_return_if_fail (xs != NULL && ys != NULL);
  g_return_if_fail (n_points > 0);

  line = g_new0 (Line, 1);
  line->name = g_strdup (name);
  line->rgba = *rgba;
  line->xs = g_new (double, n_points);
  line->ys = g_new (double, n_points);
  line->n_points = n_points;
  for (guint i = 0; i < n_points; i++)
    {
      /* Out of order points would draw backwards: each is kept at or
       * after the one before it. */
      line->xs[i] = isfinite (xs[i]) ? xs[i] : 0.0;
      if (i > 0 && line->xs[i] < line->xs[i - 1])
        line->xs[i] = line->xs[i - 1];
      line->ys[i] = isfinite (ys[i]) ? ys[i] : 0.0;
    }
  g_ptr_array_add (self->lines, line);
  data_changed (self);
}

guint
tsu_bar_chart_get_n_lines (TsuBarChart *self)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), 0);

  return self->lines->len;
}

const char *
tsu_bar_chart_get_line_name (TsuBarChart *self,
                             guint        line)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);

  return ((Line *) g_ptr_array_index (self->lines, line))->name;
}

guint
tsu_bar_chart_get_line_n_points (TsuBarChart *self,
                                 guint        line)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (line < self->lines->len, 0);

  return ((Line *) g_ptr_array_index (self->lines, line))->n_points;
}

gboolean
tsu_bar_chart_get_line_point (TsuBarChart *self,
                              guint        line,
                              guint        point,
                              double      *x,
                              double      *y)
{
  Line *l;

  g_return_val_if_fail (TSU_IS_BAR_CHART (self), FALSE);

  if (line >= self->lines->len)
    return FALSE;
  l = g_ptr_array_index (self->lines, line);
  if (point >= l->n_points)
    return FALSE;
  if (x != NULL)
    *x = l->xs[point];
  if (y != NULL)
    *y = l->ys[point];
  return TRUE;
}

gboolean
tsu_bar_chart_get_line_value_at (TsuBarChart *self,
                                 guint        line,
                                 double       x,
                                 double      *value)
{
  double v = 0;

  g_return_val_if_fail (TSU_IS_BAR_CHART (self), FALSE);

  if (line >= self->lines->len || !line_value_at (g_ptr_array_index (self->lines, line), x, &v))
    return FALSE;
  if (value != NULL)
    *value = v;
  return TRUE;
}

void
tsu_bar_chart_set_target (TsuBarChart   *self,
                          const char    *label,
                          double         value,
                          const GdkRGBA *rgba)
{
  g_return_if_fail (TSU_IS_BAR_CHART (self));
  g_return_if_fail (rgba != NULL);
  g_return_if_fail (isfinite (value));

  self->has_target = TRUE;
  self->target = value;
  self->target_rgba = *rgba;
  replace_string (&self->target_label, label);
  data_changed (self);
}

void
tsu_bar_chart_clear_target (TsuBarChart *self)
{
  g_return_if_fail (TSU_IS_BAR_CHART (self));

  if (!self->has_target)
    return;
  self->has_target = FALSE;
  g_clear_pointer (&self->target_label, g_free);
  data_changed (self);
}

gboolean
tsu_bar_chart_get_target (TsuBarChart *self,
                          double      *value)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), FALSE);

  if (self->has_target && value != NULL)
    *value = self->target;
  return self->has_target;
}

const char *
tsu_bar_chart_get_target_label (TsuBarChart *self)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), NULL);

  return self->target_label;
}

void
tsu_bar_chart_set_x_ticks (TsuBarChart  *self,
                           const double *positions,
                           guint         n_positions)
{
  g_return_if_fail (TSU_IS_BAR_CHART (self));
  g_return_if_fail (positions != NULL || n_positions == 0);

  g_clear_pointer (&self->x_ticks, g_array_unref);
  if (positions != NULL)
    {
      self->x_ticks = g_array_sized_new (FALSE, FALSE, sizeof (double), n_positions);
      g_array_append_vals (self->x_ticks, positions, n_positions);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
tsu_bar_chart_set_x_format_func (TsuBarChart          *self,
                                 TsuBarChartFormatFunc func,
                                 gpointer              user_data,
                                 GDestroyNotify        destroy)
{
  g_return_if_fail (TSU_IS_BAR_CHART (self));

  if (self->x_format_destroy != NULL)
    self->x_format_destroy (self->x_format_data);
  self->x_format_func = func;
  self->x_format_data = user_data;
  self->x_format_destroy = destroy;
  data_changed (self);
}

char *
tsu_bar_chart_format_x (TsuBarChart *self,
                        double       x)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), NULL);

  if (self->x_format_func != NULL)
    return self->x_format_func (x, self->x_format_data);
  return g_strdup_printf ("%g", x);
}

void
tsu_bar_chart_add_series (TsuBarChart   *self,
                          const char    *name,
                          const GdkRGBA *rgba,
                          const double  *values,
                          guint          n_values)
{
  Series *series;

  g_return_if_fail (TSU_IS_BAR_CHART (self));
  g_return_if_fail (rgba != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  if (n_values != self->n_categories)
    g_warning ("Bar chart series “%s” has %u values for %u categories",
               name ? name : "", n_values, self->n_categories);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->rgba = *rgba;
  /* One slot per category even with no categories yet, so indexing is
   * always safe; missing and non-finite values count as zero. */
  series->values = g_new0 (double, MAX (self->n_categories, 1));
  for (guint c = 0; c < MIN (n_values, self->n_categories); c++)
    series->values[c] = isfinite (values[c]) ? values[c] : 0.0;
  g_ptr_array_add (self->series, series);
  data_changed (self);
}

guint
tsu_bar_chart_get_n_categories (TsuBarChart *self)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), 0);

  return self->n_categories;
}

guint
tsu_bar_chart_get_n_series (TsuBarChart *self)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), 0);

  return self->series->len;
}

double
tsu_bar_chart_get_value (TsuBarChart *self,
                         guint        series,
                         guint        category)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), 0.0);
  g_return_val_if_fail (series < self->series->len, 0.0);
  g_return_val_if_fail (category < self->n_categories, 0.0);

  return ((Series *) g_ptr_array_index (self->series, series))->values[category];
}

const char *
tsu_bar_chart_get_category (TsuBarChart *self,
                            guint        category)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (category < self->n_categories, NULL);

  return self->categories[category];
}

const char *
tsu_bar_chart_get_series_name (TsuBarChart *self,
                               guint        series)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return ((Series *) g_ptr_array_index (self->series, series))->name;
}

gboolean
tsu_bar_chart_get_series_color (TsuBarChart *self,
                                guint        series,
                                GdkRGBA     *rgba)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (rgba != NULL, FALSE);

  if (series >= self->series->len)
    return FALSE;
  *rgba = ((Series *) g_ptr_array_index (self->series, series))->rgba;
  return TRUE;
}

void
tsu_bar_chart_set_format_func (TsuBarChart          *self,
                               TsuBarChartFormatFunc func,
                               gpointer              user_data,
                               GDestroyNotify        destroy)
{
  g_return_if_fail (TSU_IS_BAR_CHART (self));

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  self->format_func = func;
  self->format_data = user_data;
  self->format_destroy = destroy;
  data_changed (self);
}

char *
tsu_bar_chart_format_value (TsuBarChart *self,
                            double       value)
{
  g_return_val_if_fail (TSU_IS_BAR_CHART (self), NULL);

  if (self->format_func != NULL)
    return self->format_func (value, self->format_data);
  /* + 0.0 turns -0 into 0; so does rounding -0.4 below. */
  value = round (value) + 0.0;
  return g_strdup_printf ("%.0f", value);
}

/* ---- GObject ----------------------------------------------------------- */

static void
tsu_bar_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 560;
    }
  else
    {
      *minimum = 200;
      *natural = 320;
    }
}

static void
tsu_bar_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tsu_bar_chart_parent_class)->css_changed (widget, change);
  /* Text and lines follow the style colour (dark mode). */
  gtk_widget_queue_draw (widget);
}

static void
tsu_bar_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TsuBarChart *self = TSU_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_VALUE_LABEL:
      g_value_set_string (value, self->value_label);
      break;
    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_bar_chart_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TsuBarChart *self = TSU_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      tsu_bar_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_VALUE_LABEL:
      tsu_bar_chart_set_value_label (self, g_value_get_string (value));
      break;
    case PROP_STACKED:
      tsu_bar_chart_set_stacked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_bar_chart_finalize (GObject *object)
{
  TsuBarChart *self = TSU_BAR_CHART (object);

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  if (self->x_format_destroy != NULL)
    self->x_format_destroy (self->x_format_data);
  g_free (self->title);
  g_free (self->target_label);
  g_clear_pointer (&self->x_ticks, g_array_unref);
  g_ptr_array_unref (self->lines);
  g_free (self->value_label);
  g_strfreev (self->categories);
  g_ptr_array_unref (self->series);

  G_OBJECT_CLASS (tsu_bar_chart_parent_class)->finalize (object);
}

static void
tsu_bar_chart_class_init (TsuBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tsu_bar_chart_get_property;
  object_class->set_property = tsu_bar_chart_set_property;
  object_class->finalize = tsu_bar_chart_finalize;

  widget_class->measure = tsu_bar_chart_measure;
  widget_class->snapshot = tsu_bar_chart_snapshot;
  widget_class->query_tooltip = tsu_bar_chart_query_tooltip;
  widget_class->css_changed = tsu_bar_chart_css_changed;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE_LABEL] =
    g_param_spec_string ("value-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "tsu-bar-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tsu_bar_chart_init (TsuBarChart *self)
{
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->lines = g_ptr_array_new_with_free_func (line_free);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}
