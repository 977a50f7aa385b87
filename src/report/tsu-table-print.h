/* tsu-table-print.h: a titled table laid out on A4 pages with Pango and
 * cairo. The same pages go to the GTK print dialog and to headless PDF
 * files, so what the tests read is what the printer gets.
 *
 * With GtkPrintOperation the caller must call
 * gtk_print_operation_set_unit (op, GTK_UNIT_POINTS): the layout works in
 * points (fonts are set at 72 dpi on the cairo context it is given). In
 * "begin-print" or "paginate" pass gtk_print_context_get_cairo_context(),
 * gtk_print_context_get_width() and _get_height() to
 * tsu_table_print_paginate() and set the returned page count with
 * gtk_print_operation_set_n_pages(); in "draw-page" call
 * tsu_table_print_draw_page().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "tsu-date.h"

G_BEGIN_DECLS

/* A4 in points. */
#define TSU_TABLE_PRINT_A4_WIDTH  595.28
#define TSU_TABLE_PRINT_A4_HEIGHT 841.89

#define TSU_TYPE_TABLE_PRINT (tsu_table_print_get_type ())
G_DECLARE_FINAL_TYPE (TsuTablePrint, tsu_table_print, TSU, TABLE_PRINT, GObject)

/* @title is printed on every page with @subtitle (e.g. "敬称略・五十音順")
 * and the date. */
TsuTablePrint *tsu_table_print_new        (const char    *title,
                                           const char    *subtitle);
/* Columns share the printable width in proportion to @weight. */
void           tsu_table_print_add_column (TsuTablePrint *self,
                                           const char    *header,
                                           double         weight);
/* Right-align amounts and counts, centre short codes; the default is
 * PANGO_ALIGN_LEFT. @column counts from 0 in the order of add_column(). */
void           tsu_table_print_set_column_alignment (TsuTablePrint  *self,
                                                     guint           column,
                                                     PangoAlignment  alignment);
/* A column of short codes, phone numbers or amounts that should not wrap:
 * it gets at least the width of its widest cell (up to half the page),
 * taken from the other columns. */
void           tsu_table_print_set_column_no_wrap (TsuTablePrint *self,
                                                   guint          column,
                                                   gboolean       no_wrap);
guint          tsu_table_print_get_n_columns (TsuTablePrint *self);
/* One cell per column; text wraps within its cell. A row is never split
 * across pages unless it is taller than a whole page, when it is split
 * between its lines so that nothing is lost. @cells holds exactly one entry per column added so
 * far (NULL for an empty cell); it need not be NULL-terminated. */
void           tsu_table_print_add_row    (TsuTablePrint      *self,
                                           const char * const *cells);
/* Like add_row(), in bold with a heavier rule above: a total (計). */
void           tsu_table_print_add_total_row (TsuTablePrint      *self,
                                              const char * const *cells);
/* A heading row spanning the table ("行政関係者"). It is never left alone
 * at the foot of a page. */
void           tsu_table_print_add_section (TsuTablePrint *self,
                                            const char    *heading);
guint          tsu_table_print_get_n_rows (TsuTablePrint *self);
void           tsu_table_print_set_landscape (TsuTablePrint *self,
                                              gboolean       landscape);
gboolean       tsu_table_print_get_landscape (TsuTablePrint *self);
/* The date printed at the top right of every page ("2026年11月24日現在");
 * by default today in the Gregorian style. NULL @date means today. */
void           tsu_table_print_set_date   (TsuTablePrint *self,
                                           const GDate   *date,
                                           TsuDateStyle   style);
/* Rows are at least @points high: room to sign in a 受付簿. */
void           tsu_table_print_set_min_row_height (TsuTablePrint *self,
                                                   double         points);

/* Lays the rows out for pages of @width × @height points (the printable
 * area) and returns the number of pages (at least 1). */
guint          tsu_table_print_paginate   (TsuTablePrint *self,
                                           cairo_t       *cr,
                                           double         width,
                                           double         height);
/* The page count of the last paginate(); 0 before. */
guint          tsu_table_print_get_n_pages (TsuTablePrint *self);
/* Draws page @page (from 0) after paginate(), with "n / N" at the foot. */
void           tsu_table_print_draw_page  (TsuTablePrint *self,
                                           cairo_t       *cr,
                                           guint          page);
/* Paginates on A4 (landscape if set) with margins and writes every page
 * to a PDF file. The file is written under a temporary name and renamed,
 * so a failure never leaves a broken file at @path. */
gboolean       tsu_table_print_write_pdf  (TsuTablePrint *self,
                                           const char    *path,
                                           GError       **error);

G_END_DECLS
