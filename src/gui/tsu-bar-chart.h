/* tsu-bar-chart.h: the one reusable chart drawn with cairo: categories
 * along one axis, one or more series of values as bars side by side or
 * stacked, step lines (over the categories or over a continuous x axis
 * such as days), a horizontal target line, a title, axis labels, a legend
 * and a tooltip for the value under the pointer. Used by the budget view
 * (budget against paid per line), the referral statistics and the
 * overview (members over time against the target, head counts, referrals,
 * budget use).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TSU_TYPE_BAR_CHART (tsu_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (TsuBarChart, tsu_bar_chart, TSU, BAR_CHART, GtkWidget)

GtkWidget  *tsu_bar_chart_new              (void);
void        tsu_bar_chart_set_title        (TsuBarChart        *self,
                                            const char         *title);
const char *tsu_bar_chart_get_title        (TsuBarChart        *self);
/* Label of the value axis, e.g. "円". */
void        tsu_bar_chart_set_value_label  (TsuBarChart        *self,
                                            const char         *label);
/* Replaces the categories (bars' labels) and clears the series and lines. */
void        tsu_bar_chart_set_categories   (TsuBarChart        *self,
                                            const char * const *categories);
/* Adds a series with one value per category, drawn in @rgba. */
void        tsu_bar_chart_add_series       (TsuBarChart        *self,
                                            const char         *name,
                                            const GdkRGBA      *rgba,
                                            const double       *values,
                                            guint               n_values);
guint       tsu_bar_chart_get_n_categories (TsuBarChart        *self);
guint       tsu_bar_chart_get_n_series     (TsuBarChart        *self);
double      tsu_bar_chart_get_value        (TsuBarChart        *self,
                                            guint               series,
                                            guint               category);
/* How values are written on the axis and in tooltips; default "%.0f".
 * The function gets the value and returns a new string. */
typedef char *(*TsuBarChartFormatFunc) (double value, gpointer user_data);
void        tsu_bar_chart_set_format_func  (TsuBarChart          *self,
                                            TsuBarChartFormatFunc func,
                                            gpointer              user_data,
                                            GDestroyNotify        destroy);
/* Draws the chart on any cairo context, for PNG/PDF export and tests. */
void        tsu_bar_chart_draw             (TsuBarChart        *self,
                                            cairo_t            *cr,
                                            int                 width,
                                            int                 height);
/* Writes a PNG (or PDF when @path ends in .pdf) of @width × @height. */
gboolean    tsu_bar_chart_save             (TsuBarChart        *self,
                                            const char         *path,
                                            int                 width,
                                            int                 height,
                                            GError            **error);

/* Bars of the series stacked in one bar per category instead of side by
 * side (negative values stack downwards). */
void        tsu_bar_chart_set_stacked      (TsuBarChart        *self,
                                            gboolean            stacked);
gboolean    tsu_bar_chart_get_stacked      (TsuBarChart        *self);

/* Adds a step line: the value is @ys[i] from @xs[i] to @xs[i + 1] (@xs
 * ascending). Without categories, x is a continuous axis spanning the
 * lines' points (e.g. Julian days; the last value runs on to the right
 * edge), labelled at the x ticks through the x format func; with
 * categories, x counts categories, category c centred at c + 0.5.
 * tsu_bar_chart_set_categories() clears the lines too. */
void        tsu_bar_chart_add_line         (TsuBarChart        *self,
                                            const char         *name,
                                            const GdkRGBA      *rgba,
                                            const double       *xs,
                                            const double       *ys,
                                            guint               n_points);
guint       tsu_bar_chart_get_n_lines      (TsuBarChart        *self);
const char *tsu_bar_chart_get_line_name    (TsuBarChart        *self,
                                            guint               line);
guint       tsu_bar_chart_get_line_n_points (TsuBarChart       *self,
                                            guint               line);
gboolean    tsu_bar_chart_get_line_point   (TsuBarChart        *self,
                                            guint               line,
                                            guint               point,
                                            double             *x,
                                            double             *y);
/* The line's value at @x (that of the last point at or before it); FALSE
 * before its first point. */
gboolean    tsu_bar_chart_get_line_value_at (TsuBarChart       *self,
                                            guint               line,
                                            double              x,
                                            double             *value);
/* A dashed horizontal line at @value, named @label in the legend and the
 * tooltip ("目標"). */
void        tsu_bar_chart_set_target       (TsuBarChart        *self,
                                            const char         *label,
                                            double              value,
                                            const GdkRGBA      *rgba);
void        tsu_bar_chart_clear_target     (TsuBarChart        *self);
gboolean    tsu_bar_chart_get_target       (TsuBarChart        *self,
                                            double             *value);
const char *tsu_bar_chart_get_target_label (TsuBarChart        *self);
/* Where the continuous x axis is labelled (NULL: five even steps). */
void        tsu_bar_chart_set_x_ticks      (TsuBarChart        *self,
                                            const double       *positions,
                                            guint               n_positions);
/* How x values of a continuous axis are written; default "%g". */
void        tsu_bar_chart_set_x_format_func (TsuBarChart         *self,
                                            TsuBarChartFormatFunc func,
                                            gpointer              user_data,
                                            GDestroyNotify        destroy);
char       *tsu_bar_chart_format_x         (TsuBarChart        *self,
                                            double              x);
/* The point of (@x, @value) in a chart of @width × @height, with the
 * geometry of tsu_bar_chart_get_bar_rect(); for tests. */
gboolean    tsu_bar_chart_value_to_point   (TsuBarChart        *self,
                                            double              x,
                                            double              value,
                                            int                 width,
                                            int                 height,
                                            double             *px,
                                            double             *py);

/* Additions for callers, tests and the tooltip. */
const char *tsu_bar_chart_get_value_label  (TsuBarChart        *self);
const char *tsu_bar_chart_get_category     (TsuBarChart        *self,
                                            guint               category);
const char *tsu_bar_chart_get_series_name  (TsuBarChart        *self,
                                            guint               series);
gboolean    tsu_bar_chart_get_series_color (TsuBarChart        *self,
                                            guint               series,
                                            GdkRGBA            *rgba);
/* @value written through the format func; a new string. */
char       *tsu_bar_chart_format_value     (TsuBarChart        *self,
                                            double              value);
/* Where the bar of @series in @category lies in a chart of @width ×
 * @height: as on screen while the widget is realized, otherwise as
 * tsu_bar_chart_draw draws it. A zero value has a zero height. FALSE when
 * the chart is empty or an index is out of range. */
gboolean    tsu_bar_chart_get_bar_rect     (TsuBarChart        *self,
                                            guint               series,
                                            guint               category,
                                            int                 width,
                                            int                 height,
                                            GdkRectangle       *rect);
/* The tooltip for the point @x, @y in a chart of @width × @height
 * ("category — series: value"), or NULL when no bar is there. Same
 * geometry as tsu_bar_chart_get_bar_rect. */
char       *tsu_bar_chart_query_text       (TsuBarChart        *self,
                                            double              x,
                                            double              y,
                                            int                 width,
                                            int                 height);
/* The text screen readers get as the chart's description. */
char       *tsu_bar_chart_dup_summary      (TsuBarChart        *self);

G_END_DECLS
