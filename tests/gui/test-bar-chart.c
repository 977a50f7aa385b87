/* test-bar-chart.c: the bar chart's data, drawing (checked at the bars'
 * computed positions, not against a reference image), export, tooltip and
 * the empty chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tsu-bar-chart.h"

#define WIDTH  800
#define HEIGHT 400

static const char * const categories[] = {
  "北九州市孤独・孤立対策等連携協議会事務局機能の移行に関する検証",
  "支援現場見学バスツアー",
  "人材確保・育成のためのケーススタディ",
  NULL
};
static const double budget[] = { 500000, 1158120, 0 };
static const double paid[] = { 250000, 1158120, 0 };
static const GdkRGBA budget_rgba = { 0.21, 0.52, 0.89, 1.0 };
static const GdkRGBA paid_rgba = { 0.90, 0.38, 0.0, 1.0 };

static TsuBarChart *
budget_chart (void)
{
  TsuBarChart *chart = TSU_BAR_CHART (g_object_ref_sink (tsu_bar_chart_new ()));

  tsu_bar_chart_set_title (chart, "令和5年度 予算と支払");
  tsu_bar_chart_set_value_label (chart, "円");
  tsu_bar_chart_set_categories (chart, categories);
  tsu_bar_chart_add_series (chart, "予算", &budget_rgba, budget, G_N_ELEMENTS (budget));
  tsu_bar_chart_add_series (chart, "支払済", &paid_rgba, paid, G_N_ELEMENTS (paid));
  return chart;
}

static char *
yen (double   value,
     gpointer user_data)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", value < 0 ? -value : value);
  GString *out = g_string_new (value < 0 ? "-" : "");
  size_t n = strlen (digits);

  for (size_t i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* Draws on white, as an export does. */
static cairo_surface_t *
render (TsuBarChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tsu_bar_chart_draw (chart, cr, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          int             *r,
          int             *g,
          int             *b)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);

  *r = (p >> 16) & 0xff;
  *g = (p >> 8) & 0xff;
  *b = p & 0xff;
}

static void
assert_colour (cairo_surface_t *surface,
               int              x,
               int              y,
               const GdkRGBA   *rgba)
{
  int r, g, b;

  pixel_at (surface, x, y, &r, &g, &b);
  g_assert_cmpint (ABS (r - (int) (rgba->red * 255 + 0.5)), <=, 2);
  g_assert_cmpint (ABS (g - (int) (rgba->green * 255 + 0.5)), <=, 2);
  g_assert_cmpint (ABS (b - (int) (rgba->blue * 255 + 0.5)), <=, 2);
}

static void
assert_white (cairo_surface_t *surface,
              int              x,
              int              y)
{
  int r, g, b;

  pixel_at (surface, x, y, &r, &g, &b);
  /* Grid lines are light grey; anything else would be a bar. */
  g_assert_cmpint (MIN (r, MIN (g, b)), >=, 200);
}

/* ---- tests ------------------------------------------------------------- */

static void
test_data (void)
{
  g_autoptr(TsuBarChart) chart = budget_chart ();
  GdkRGBA rgba;
  int minimum, natural;

  g_assert_cmpstr (tsu_bar_chart_get_title (chart), ==, "令和5年度 予算と支払");
  g_assert_cmpstr (tsu_bar_chart_get_value_label (chart), ==, "円");
  g_assert_cmpuint (tsu_bar_chart_get_n_categories (chart), ==, 3);
  g_assert_cmpuint (tsu_bar_chart_get_n_series (chart), ==, 2);
  g_assert_cmpstr (tsu_bar_chart_get_category (chart, 1), ==, "支援現場見学バスツアー");
  g_assert_cmpstr (tsu_bar_chart_get_series_name (chart, 1), ==, "支払済");
  g_assert_cmpfloat (tsu_bar_chart_get_value (chart, 0, 1), ==, 1158120);
  g_assert_cmpfloat (tsu_bar_chart_get_value (chart, 1, 0), ==, 250000);
  g_assert_cmpfloat (tsu_bar_chart_get_value (chart, 1, 2), ==, 0);
  g_assert_true (tsu_bar_chart_get_series_color (chart, 1, &rgba));
  g_assert_true (gdk_rgba_equal (&rgba, &paid_rgba));
  g_assert_false (tsu_bar_chart_get_series_color (chart, 2, &rgba));

  /* The title is also a property (for .ui files). */
  g_object_set (chart, "title", "Other", NULL);
  g_assert_cmpstr (tsu_bar_chart_get_title (chart), ==, "Other");

  /* Default format, then the caller's. */
  {
    g_autofree char *plain = tsu_bar_chart_format_value (chart, 1158120);
    g_autofree char *minus_zero = tsu_bar_chart_format_value (chart, -0.2);
    g_autofree char *formatted = NULL;

    g_assert_cmpstr (plain, ==, "1158120");
    g_assert_cmpstr (minus_zero, ==, "0");
    tsu_bar_chart_set_format_func (chart, yen, NULL, NULL);
    formatted = tsu_bar_chart_format_value (chart, 1158120);
    g_assert_cmpstr (formatted, ==, "1,158,120");
  }

  /* The summary screen readers get names every value. */
  {
    g_autofree char *summary = tsu_bar_chart_dup_summary (chart);

    g_assert_nonnull (strstr (summary, "支援現場見学バスツアー — 予算: 1,158,120, 支払済: 1,158,120"));
  }

  /* New categories drop the old series. */
  tsu_bar_chart_set_categories (chart, (const char * const []) { "x", NULL });
  g_assert_cmpuint (tsu_bar_chart_get_n_categories (chart), ==, 1);
  g_assert_cmpuint (tsu_bar_chart_get_n_series (chart), ==, 0);

  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >=, 320);
  g_assert_cmpint (natural, >=, minimum);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >=, 200);
  g_assert_true (gtk_widget_get_hexpand (GTK_WIDGET (chart)));
  g_assert_true (gtk_widget_get_vexpand (GTK_WIDGET (chart)));
}

static void
test_bars (void)
{
  g_autoptr(TsuBarChart) chart = budget_chart ();
  cairo_surface_t *surface = render (chart);
  GdkRectangle budget0, paid0, budget1, paid1, budget2, paid2;

  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 0, 0, WIDTH, HEIGHT, &budget0));
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 1, 0, WIDTH, HEIGHT, &paid0));
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 0, 1, WIDTH, HEIGHT, &budget1));
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 1, 1, WIDTH, HEIGHT, &paid1));
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 0, 2, WIDTH, HEIGHT, &budget2));
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 1, 2, WIDTH, HEIGHT, &paid2));
  g_assert_false (tsu_bar_chart_get_bar_rect (chart, 2, 0, WIDTH, HEIGHT, &budget0));
  g_assert_false (tsu_bar_chart_get_bar_rect (chart, 0, 3, WIDTH, HEIGHT, &budget0));

  /* Heights follow the values: the larger is taller, half the value is
   * half the height, equal values are equal, zero has no height. */
  g_assert_cmpint (budget1.height, >, budget0.height);
  g_assert_cmpint (ABS (2 * paid0.height - budget0.height), <=, 2);
  g_assert_cmpint (budget1.height, ==, paid1.height);
  g_assert_cmpint (budget2.height, ==, 0);
  g_assert_cmpint (paid2.height, ==, 0);
  /* All bars stand on the same zero line, side by side, inside the image. */
  g_assert_cmpint (budget0.y + budget0.height, ==, paid0.y + paid0.height);
  g_assert_cmpint (budget1.y + budget1.height, ==, budget2.y);
  g_assert_cmpint (budget0.x + budget0.width, <=, paid0.x);
  g_assert_cmpint (paid0.x + paid0.width, <=, budget1.x);
  g_assert_cmpint (budget0.x, >, 0);
  g_assert_cmpint (paid2.x + paid2.width, <, WIDTH);
  g_assert_cmpint (budget1.y, >, 0);
  g_assert_cmpint (budget2.y, <, HEIGHT);

  /* The painted pixels are the series' colours where the bars are, and
   * background just above the shorter bar. */
  assert_colour (surface, budget0.x + budget0.width / 2, budget0.y + budget0.height / 2, &budget_rgba);
  assert_colour (surface, paid0.x + paid0.width / 2, paid0.y + paid0.height / 2, &paid_rgba);
  assert_colour (surface, budget1.x + budget1.width / 2, budget1.y + 4, &budget_rgba);
  assert_colour (surface, paid1.x + paid1.width / 2, paid1.y + paid1.height - 3, &paid_rgba);
  assert_white (surface, paid0.x + paid0.width / 2, paid0.y - 6);
  assert_white (surface, budget2.x + budget2.width / 2, budget2.y - 6);
  assert_white (surface, paid2.x + paid2.width / 2, paid2.y - 6);

  cairo_surface_destroy (surface);
}

static void
test_negative (void)
{
  g_autoptr(TsuBarChart) chart = TSU_BAR_CHART (g_object_ref_sink (tsu_bar_chart_new ()));
  const double values[] = { 30, -10 };
  cairo_surface_t *surface;
  GdkRectangle up, down;

  tsu_bar_chart_set_categories (chart, (const char * const []) { "up", "down", NULL });
  tsu_bar_chart_add_series (chart, "change", &budget_rgba, values, 2);
  surface = render (chart);

  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 0, 0, WIDTH, HEIGHT, &up));
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 0, 1, WIDTH, HEIGHT, &down));
  /* The negative bar hangs from the zero line the positive one stands on. */
  g_assert_cmpint (down.y, ==, up.y + up.height);
  g_assert_cmpint (ABS (up.height - 3 * down.height), <=, 3);
  assert_colour (surface, down.x + down.width / 2, down.y + down.height / 2, &budget_rgba);
  assert_white (surface, down.x + down.width / 2, down.y + down.height + 6);

  cairo_surface_destroy (surface);
}

static void
test_tooltip (void)
{
  g_autoptr(TsuBarChart) chart = budget_chart ();
  GdkRectangle rect;
  char *text;

  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 1, 0, WIDTH, HEIGHT, &rect));
  text = tsu_bar_chart_query_text (chart, rect.x + rect.width / 2.0, rect.y + rect.height / 2.0, WIDTH, HEIGHT);
  g_assert_cmpstr (text, ==, "北九州市孤独・孤立対策等連携協議会事務局機能の移行に関する検証 — 支払済: 250000");
  g_free (text);

  tsu_bar_chart_set_format_func (chart, yen, NULL, NULL);
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 0, 1, WIDTH, HEIGHT, &rect));
  text = tsu_bar_chart_query_text (chart, rect.x + 1, rect.y + rect.height - 1, WIDTH, HEIGHT);
  g_assert_cmpstr (text, ==, "支援現場見学バスツアー — 予算: 1,158,120");
  g_free (text);

  /* A zero bar still answers in its column. */
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 1, 2, WIDTH, HEIGHT, &rect));
  text = tsu_bar_chart_query_text (chart, rect.x + rect.width / 2.0, rect.y - 10, WIDTH, HEIGHT);
  g_assert_cmpstr (text, ==, "人材確保・育成のためのケーススタディ — 支払済: 0");
  g_free (text);

  /* Nothing in the corner, nor below the plot. */
  g_assert_null (tsu_bar_chart_query_text (chart, 2, 2, WIDTH, HEIGHT));
  g_assert_null (tsu_bar_chart_query_text (chart, rect.x + 1, HEIGHT - 2, WIDTH, HEIGHT));
}

static void
test_save (void)
{
  g_autoptr(TsuBarChart) chart = budget_chart ();
  g_autofree char *dir = g_dir_make_tmp ("test-bar-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "chart.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  gsize length;

  g_assert_nonnull (dir);
  g_assert_true (tsu_bar_chart_save (chart, png, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, HEIGHT);
  /* The file holds the chart: the tallest bar is where it should be. */
  {
    GdkRectangle rect;

    g_assert_true (tsu_bar_chart_get_bar_rect (chart, 0, 1, WIDTH, HEIGHT, &rect));
    assert_colour (surface, rect.x + rect.width / 2, rect.y + rect.height / 2, &budget_rgba);
  }
  cairo_surface_destroy (surface);
  g_clear_pointer (&contents, g_free);

  g_assert_true (tsu_bar_chart_save (chart, pdf, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_false (tsu_bar_chart_save (chart, bad, WIDTH, HEIGHT, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (tsu_bar_chart_save (chart, png, 0, HEIGHT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_empty (void)
{
  g_autoptr(TsuBarChart) chart = TSU_BAR_CHART (g_object_ref_sink (tsu_bar_chart_new ()));
  g_autofree char *summary = NULL;
  cairo_surface_t *surface;
  GdkRectangle rect;
  gboolean inked = FALSE;

  surface = render (chart);
  /* "No data" is written in the middle. */
  for (int y = HEIGHT / 2 - 12; y < HEIGHT / 2 + 12 && !inked; y++)
    for (int x = WIDTH / 2 - 60; x < WIDTH / 2 + 60 && !inked; x++)
      {
        int r, g, b;

        pixel_at (surface, x, y, &r, &g, &b);
        inked = r < 200;
      }
  g_assert_true (inked);
  cairo_surface_destroy (surface);

  g_assert_false (tsu_bar_chart_get_bar_rect (chart, 0, 0, WIDTH, HEIGHT, &rect));
  g_assert_null (tsu_bar_chart_query_text (chart, WIDTH / 2.0, HEIGHT / 2.0, WIDTH, HEIGHT));
  summary = tsu_bar_chart_dup_summary (chart);
  g_assert_cmpstr (summary, ==, "No data");

  /* Categories without series are still empty; tiny sizes do not crash. */
  tsu_bar_chart_set_categories (chart, categories);
  surface = render (chart);
  cairo_surface_destroy (surface);
  {
    cairo_surface_t *tiny = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 3, 3);
    cairo_t *cr = cairo_create (tiny);
    const double one[] = { 1, 2, 3 };

    tsu_bar_chart_add_series (chart, "s", &budget_rgba, one, 3);
    tsu_bar_chart_draw (chart, cr, 3, 3);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (tiny);
  }
}

static void
test_many_categories (void)
{
  g_autoptr(TsuBarChart) chart = TSU_BAR_CHART (g_object_ref_sink (tsu_bar_chart_new ()));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  double values[40];
  GdkRectangle first, last;

  /* Narrow groups turn the labels; the bars keep their place and size. */
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("包括的な支援体制の構築に向けた研修会 %u", i));
      values[i] = i + 1;
    }
  g_ptr_array_add (names, NULL);
  tsu_bar_chart_set_categories (chart, (const char * const *) names->pdata);
  tsu_bar_chart_add_series (chart, "件数", &paid_rgba, values, G_N_ELEMENTS (values));
  cairo_surface_destroy (render (chart));

  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 0, 0, WIDTH, HEIGHT, &first));
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 0, 39, WIDTH, HEIGHT, &last));
  g_assert_cmpint (last.height, >, 30 * first.height);
  g_assert_cmpint (last.x + last.width, <, WIDTH);
  g_assert_cmpint (last.height, >, HEIGHT / 4);
}

/* Stacked bars: one bar per category, each series on the ones before it;
 * the tooltip names the segment and the category's total. */
static void
test_stacked (void)
{
  g_autoptr(TsuBarChart) chart = TSU_BAR_CHART (g_object_ref_sink (tsu_bar_chart_new ()));
  const double meetings[] = { 45, 0, 10 };
  const double trainings[] = { 3, 20, 0 };
  cairo_surface_t *surface;
  GdkRectangle m0, t0, m1, t1, m2, t2;
  char *text;

  tsu_bar_chart_set_categories (chart, (const char * const []) { "4月", "5月", "6月", NULL });
  tsu_bar_chart_add_series (chart, "会議", &budget_rgba, meetings, 3);
  tsu_bar_chart_add_series (chart, "研修", &paid_rgba, trainings, 3);
  tsu_bar_chart_set_stacked (chart, TRUE);
  g_assert_true (tsu_bar_chart_get_stacked (chart));
  surface = render (chart);

  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 0, 0, WIDTH, HEIGHT, &m0));
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 1, 0, WIDTH, HEIGHT, &t0));
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 0, 1, WIDTH, HEIGHT, &m1));
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 1, 1, WIDTH, HEIGHT, &t1));
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 0, 2, WIDTH, HEIGHT, &m2));
  g_assert_true (tsu_bar_chart_get_bar_rect (chart, 1, 2, WIDTH, HEIGHT, &t2));
  /* Same column, the second segment on top of the first. */
  g_assert_cmpint (m0.x, ==, t0.x);
  g_assert_cmpint (m0.width, ==, t0.width);
  g_assert_cmpint (t0.y + t0.height, ==, m0.y);
  /* A zero segment has no height; the next sits on the zero line. */
  g_assert_cmpint (m1.height, ==, 0);
  g_assert_cmpint (t1.y + t1.height, ==, m0.y + m0.height);
  g_assert_cmpint (ABS (t1.height - 2 * m2.height), <=, 3);
  g_assert_cmpint (t2.height, ==, 0);
  /* The tallest stack (48) is the 45 and the 3 on it. */
  g_assert_cmpint (m0.height, >, 10 * t0.height);

  assert_colour (surface, m0.x + m0.width / 2, m0.y + m0.height / 2, &budget_rgba);
  assert_colour (surface, t1.x + t1.width / 2, t1.y + t1.height / 2, &paid_rgba);
  assert_white (surface, m2.x + m2.width / 2, m2.y - 6);

  text = tsu_bar_chart_query_text (chart, m0.x + m0.width / 2.0, m0.y + m0.height / 2.0, WIDTH, HEIGHT);
  g_assert_cmpstr (text, ==, "4月 — 会議: 45 (total 48)");
  g_free (text);
  text = tsu_bar_chart_query_text (chart, t1.x + t1.width / 2.0, t1.y + 2, WIDTH, HEIGHT);
  g_assert_cmpstr (text, ==, "5月 — 研修: 20 (total 20)");
  g_free (text);
  /* Above a stack, the nearest segment answers. */
  text = tsu_bar_chart_query_text (chart, m2.x + m2.width / 2.0, m2.y - 30, WIDTH, HEIGHT);
  g_assert_cmpstr (text, ==, "6月 — 会議: 10 (total 10)");
  g_free (text);

  cairo_surface_destroy (surface);
}

static char *
day_label (double   x,
           gpointer user_data)
{
  return g_strdup_printf ("day %.0f", x);
}

/* A step line over a continuous axis and a dashed target: the line's
 * pixels where its steps are, the tooltip for the value under the pointer
 * and for the target. */
static void
test_line_and_target (void)
{
  g_autoptr(TsuBarChart) chart = TSU_BAR_CHART (g_object_ref_sink (tsu_bar_chart_new ()));
  const double xs[] = { 0, 100, 250, 400 };
  const double ys[] = { 15, 18, 17, 20 };
  const double ticks[] = { 0, 200, 400 };
  g_autofree char *summary = NULL;
  cairo_surface_t *surface;
  double px, py, px2, py2, ty, value;
  char *text;

  tsu_bar_chart_set_title (chart, "参加団体数の推移");
  tsu_bar_chart_add_line (chart, "参加団体", &budget_rgba, xs, ys, 4);
  tsu_bar_chart_set_target (chart, "目標", 30, &paid_rgba);
  tsu_bar_chart_set_x_format_func (chart, day_label, NULL, NULL);
  tsu_bar_chart_set_x_ticks (chart, ticks, 3);

  g_assert_cmpuint (tsu_bar_chart_get_n_lines (chart), ==, 1);
  g_assert_cmpuint (tsu_bar_chart_get_n_categories (chart), ==, 0);
  g_assert_cmpstr (tsu_bar_chart_get_line_name (chart, 0), ==, "参加団体");
  g_assert_cmpuint (tsu_bar_chart_get_line_n_points (chart, 0), ==, 4);
  g_assert_true (tsu_bar_chart_get_line_point (chart, 0, 2, &px, &value));
  g_assert_cmpfloat (px, ==, 250);
  g_assert_cmpfloat (value, ==, 17);
  g_assert_false (tsu_bar_chart_get_line_point (chart, 0, 4, NULL, NULL));
  g_assert_true (tsu_bar_chart_get_line_value_at (chart, 0, 99, &value));
  g_assert_cmpfloat (value, ==, 15);
  g_assert_true (tsu_bar_chart_get_line_value_at (chart, 0, 1000, &value));
  g_assert_cmpfloat (value, ==, 20);
  g_assert_false (tsu_bar_chart_get_line_value_at (chart, 0, -1, &value));
  g_assert_true (tsu_bar_chart_get_target (chart, &value));
  g_assert_cmpfloat (value, ==, 30);
  g_assert_cmpstr (tsu_bar_chart_get_target_label (chart), ==, "目標");

  surface = render (chart);
  /* The line is drawn at 15 from day 0 to 100, at 18 after; the target
   * (30) is above both, and the axis reaches it. */
  g_assert_true (tsu_bar_chart_value_to_point (chart, 50, 15, WIDTH, HEIGHT, &px, &py));
  assert_colour (surface, (int) px, (int) round (py), &budget_rgba);
  g_assert_true (tsu_bar_chart_value_to_point (chart, 175, 18, WIDTH, HEIGHT, &px2, &py2));
  assert_colour (surface, (int) px2, (int) round (py2), &budget_rgba);
  g_assert_true (tsu_bar_chart_value_to_point (chart, 50, 30, WIDTH, HEIGHT, NULL, &ty));
  g_assert_cmpfloat (ty, >, 0);
  g_assert_cmpfloat (ty, <, py2);

  /* The value under the pointer, on the line or above it. */
  text = tsu_bar_chart_query_text (chart, px, py - 20, WIDTH, HEIGHT);
  g_assert_cmpstr (text, ==, "day 50 — 参加団体: 15");
  g_free (text);
  text = tsu_bar_chart_query_text (chart, px2, py2, WIDTH, HEIGHT);
  g_assert_nonnull (strstr (text, "参加団体: 18"));
  g_free (text);
  text = tsu_bar_chart_query_text (chart, px2, round (ty) + 1, WIDTH, HEIGHT);
  g_assert_cmpstr (text, ==, "目標: 30");
  g_free (text);
  g_assert_null (tsu_bar_chart_query_text (chart, 2, 2, WIDTH, HEIGHT));

  summary = tsu_bar_chart_dup_summary (chart);
  g_assert_nonnull (strstr (summary, "参加団体 — day 0: 15, day 100: 18"));
  g_assert_nonnull (strstr (summary, "目標: 30"));

  /* New categories clear the lines; the target stays until cleared. */
  tsu_bar_chart_set_categories (chart, categories);
  g_assert_cmpuint (tsu_bar_chart_get_n_lines (chart), ==, 0);
  tsu_bar_chart_clear_target (chart);
  g_assert_false (tsu_bar_chart_get_target (chart, NULL));

  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bar-chart/data", test_data);
  g_test_add_func ("/bar-chart/bars", test_bars);
  g_test_add_func ("/bar-chart/negative", test_negative);
  g_test_add_func ("/bar-chart/tooltip", test_tooltip);
  g_test_add_func ("/bar-chart/save", test_save);
  g_test_add_func ("/bar-chart/empty", test_empty);
  g_test_add_func ("/bar-chart/many-categories", test_many_categories);
  g_test_add_func ("/bar-chart/stacked", test_stacked);
  g_test_add_func ("/bar-chart/line-and-target", test_line_and_target);

  return g_test_run ();
}
