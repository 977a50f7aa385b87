/* tsu-table-print.h: a titled table laid out on A4 pages with Pango and
 * cairo. The same pages go to the GTK print dialog and to headless PDF
 * files, so what the tests read is what the printer gets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

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
/* One cell per column; text wraps within its cell and a row is never
 * split across pages. */
void           tsu_table_print_add_row    (TsuTablePrint      *self,
                                           const char * const *cells);
/* A heading row spanning the table ("行政関係者"). */
void           tsu_table_print_add_section (TsuTablePrint *self,
                                            const char    *heading);
void           tsu_table_print_set_landscape (TsuTablePrint *self,
                                              gboolean       landscape);
gboolean       tsu_table_print_get_landscape (TsuTablePrint *self);

/* Lays the rows out for pages of @width × @height points (the printable
 * area) and returns the number of pages. */
guint          tsu_table_print_paginate   (TsuTablePrint *self,
                                           cairo_t       *cr,
                                           double         width,
                                           double         height);
/* Draws page @page (from 0) after paginate(), with "n / N" at the foot. */
void           tsu_table_print_draw_page  (TsuTablePrint *self,
                                           cairo_t       *cr,
                                           guint          page);
/* Paginates on A4 and writes every page to a PDF file. */
gboolean       tsu_table_print_write_pdf  (TsuTablePrint *self,
                                           const char    *path,
                                           GError       **error);

G_END_DECLS
