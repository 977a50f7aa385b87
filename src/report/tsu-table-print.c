/* tsu-table-print.c: a titled table laid out on A4 pages with Pango and
 * cairo, shared by the print dialog and the PDF export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tsu-report-file.h"
#include "tsu-table-print.h"

/* Noto Sans CJK JP comes with fonts-noto-cjk; fontconfig falls back to
 * another Japanese font where it is missing. */
#define FONT_FAMILY     "Noto Sans CJK JP"
#define BODY_SIZE       9.0
#define TITLE_SIZE      14.0
#define SMALL_SIZE      8.5

/* Points. */
#define PAGE_MARGIN     40.0    /* about 14 mm, inside any printer's limits */
#define CELL_PAD_X      3.5
#define CELL_PAD_Y      2.5
#define TITLE_GAP       2.0
#define TABLE_GAP       8.0
#define FOOTER_GAP      6.0

typedef enum
{
  ROW_DATA,
  ROW_TOTAL,
  ROW_SECTION,
} RowKind;

typedef struct
{
  char           *header;
  double          weight;
  PangoAlignment  alignment;
  gboolean        no_wrap;
} Column;

typedef struct
{
  RowKind  kind;
  char   **cells;    /* n_columns entries for data rows, 1 for sections */
} Row;

/* Where a page begins: at the top of @row, or, when a row taller than a
 * page goes on from the page before, @offset points down its text. The
 * page ends where the next one begins. */
typedef struct
{
  guint  row;
  double offset;
} PageStart;

struct _TsuTablePrint
{
  GObject parent_instance;

  char         *title;
  char         *subtitle;
  GDate         date;
  TsuDateStyle  date_style;
  gboolean      landscape;
  double        min_row_height;

  GPtrArray    *columns;   /* Column */
  GPtrArray    *rows;      /* Row */

  /* Set by paginate(). */
  PangoContext *context;
  double        width;
  double        height;
  double       *column_x;      /* n_columns + 1 edges */
  double       *row_heights;   /* one per row */
  double        header_height; /* the column header row */
  double        band_height;   /* title, subtitle and gap */
  double        footer_height;
  GArray       *page_starts;   /* PageStart, one per page */
};

G_DEFINE_FINAL_TYPE (TsuTablePrint, tsu_table_print, G_TYPE_OBJECT)

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->header);
  g_free (column);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static void
clear_layout (TsuTablePrint *self)
{
  g_clear_object (&self->context);
  g_clear_pointer (&self->column_x, g_free);
  g_clear_pointer (&self->row_heights, g_free);
  g_array_set_size (self->page_starts, 0);
}

static void
tsu_table_print_finalize (GObject *object)
{
  TsuTablePrint *self = TSU_TABLE_PRINT (object);

  clear_layout (self);
  g_array_unref (self->page_starts);
  g_ptr_array_unref (self->columns);
  g_ptr_array_unref (self->rows);
  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (tsu_table_print_parent_class)->finalize (object);
}

static void
tsu_table_print_class_init (TsuTablePrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tsu_table_print_finalize;
}

static void
tsu_table_print_init (TsuTablePrint *self)
{
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (PageStart));
  g_date_clear (&self->date, 1);
  self->date_style = TSU_DATE_STYLE_GREGORIAN;
}

TsuTablePrint *
tsu_table_print_new (const char *title,
                     const char *subtitle)
{
  TsuTablePrint *self = g_object_new (TSU_TYPE_TABLE_PRINT, NULL);

  self->title = g_strdup (title ? title : "");
  self->subtitle = g_strdup (subtitle ? subtitle : "");
  return self;
}

void
tsu_table_print_add_column (TsuTablePrint *self,
                            const char    *header,
                            double         weight)
{
  Column *column;

  g_return_if_fail (TSU_IS_TABLE_PRINT (self));
  g_return_if_fail (weight > 0);
  /* Rows already added hold one cell per column. */
  g_return_if_fail (self->rows->len == 0);

  column = g_new0 (Column, 1);
  column->header = g_strdup (header ? header : "");
  column->weight = weight;
  column->alignment = PANGO_ALIGN_LEFT;
  g_ptr_array_add (self->columns, column);
}

void
tsu_table_print_set_column_alignment (TsuTablePrint  *self,
                                      guint           column,
                                      PangoAlignment  alignment)
{
  g_return_if_fail (TSU_IS_TABLE_PRINT (self));
  g_return_if_fail (column < self->columns->len);

  ((Column *) g_ptr_array_index (self->columns, column))->alignment = alignment;
}

void
tsu_table_print_set_column_no_wrap (TsuTablePrint *self,
                                    guint          column,
                                    gboolean       no_wrap)
{
  g_return_if_fail (TSU_IS_TABLE_PRINT (self));
  g_return_if_fail (column < self->columns->len);

  ((Column *) g_ptr_array_index (self->columns, column))->no_wrap = !!no_wrap;
  clear_layout (self);
}

guint
tsu_table_print_get_n_columns (TsuTablePrint *self)
{
  g_return_val_if_fail (TSU_IS_TABLE_PRINT (self), 0);

  return self->columns->len;
}

static void
add_row (TsuTablePrint      *self,
         RowKind             kind,
         const char * const *cells)
{
  Row *row = g_new0 (Row, 1);
  guint n = self->columns->len;

  row->kind = kind;
  row->cells = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    row->cells[i] = g_strdup (cells[i] ? cells[i] : "");
  g_ptr_array_add (self->rows, row);
  clear_layout (self);
}

void
tsu_table_print_add_row (TsuTablePrint      *self,
                         const char * const *cells)
{
  g_return_if_fail (TSU_IS_TABLE_PRINT (self));
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->columns->len > 0);

  add_row (self, ROW_DATA, cells);
}

void
tsu_table_print_add_total_row (TsuTablePrint      *self,
                               const char * const *cells)
{
  g_return_if_fail (TSU_IS_TABLE_PRINT (self));
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->columns->len > 0);

  add_row (self, ROW_TOTAL, cells);
}

void
tsu_table_print_add_section (TsuTablePrint *self,
                             const char    *heading)
{
  Row *row;

  g_return_if_fail (TSU_IS_TABLE_PRINT (self));

  row = g_new0 (Row, 1);
  row->kind = ROW_SECTION;
  row->cells = g_new0 (char *, 2);
  row->cells[0] = g_strdup (heading ? heading : "");
  g_ptr_array_add (self->rows, row);
  clear_layout (self);
}

guint
tsu_table_print_get_n_rows (TsuTablePrint *self)
{
  g_return_val_if_fail (TSU_IS_TABLE_PRINT (self), 0);

  return self->rows->len;
}

void
tsu_table_print_set_landscape (TsuTablePrint *self,
                               gboolean       landscape)
{
  g_return_if_fail (TSU_IS_TABLE_PRINT (self));

  self->landscape = !!landscape;
}

gboolean
tsu_table_print_get_landscape (TsuTablePrint *self)
{
  g_return_val_if_fail (TSU_IS_TABLE_PRINT (self), FALSE);

  return self->landscape;
}

void
tsu_table_print_set_date (TsuTablePrint *self,
                          const GDate   *date,
                          TsuDateStyle   style)
{
  g_return_if_fail (TSU_IS_TABLE_PRINT (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  if (date != NULL)
    self->date = *date;
  else
    g_date_clear (&self->date, 1);
  self->date_style = style;
}

void
tsu_table_print_set_min_row_height (TsuTablePrint *self,
                                    double         points)
{
  g_return_if_fail (TSU_IS_TABLE_PRINT (self));
  g_return_if_fail (points >= 0);

  self->min_row_height = points;
  clear_layout (self);
}

/* Layout helpers. */

static PangoLayout *
new_layout (TsuTablePrint  *self,
            const char     *text,
            double          size,
            gboolean        bold,
            double          width,
            PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      /* Japanese has no spaces: break between any characters, but keep
       * Latin words (e-mail addresses, URLs) whole where they fit. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static double
cell_width (TsuTablePrint *self,
            guint          column)
{
  return self->column_x[column + 1] - self->column_x[column] - 2 * CELL_PAD_X;
}

static gboolean
is_break_space (gunichar c)
{
  return c == ' ' || c == 0x3000;
}

static gboolean
is_break_after (gunichar c)
{
  /* 、 and commas separate the items of a list ("ホームレス支援、フードバンク"). */
  return c == 0x3001 || c == 0xFF0C || c == ',';
}

/* Japanese text may break between any two characters, so a wrapped
 * "社会福祉法人 北九州いのちの電話" or "…、ひきこもり" would split a name or
 * a word. This fills lines with whole pieces instead (the text cut at its
 * spaces and after 、), for new_cell_layout() to use when it costs no
 * extra line. NULL when the text has no such break. */
static char *
dup_broken_at_words (TsuTablePrint *self,
                     const char    *text,
                     gboolean       bold,
                     double         width)
{
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) piece = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);

  if (strchr (text, '\n') != NULL)
    return NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_break_space (c))
        {
          if (piece->len > 0)
            g_ptr_array_add (pieces, g_strdup (piece->str));
          g_string_truncate (piece, 0);
          continue;
        }
      g_string_append_unichar (piece, c);
      if (is_break_after (c))
        {
          g_ptr_array_add (pieces, g_strdup (piece->str));
          g_string_truncate (piece, 0);
        }
    }
  if (piece->len > 0)
    g_ptr_array_add (pieces, g_strdup (piece->str));
  if (pieces->len < 2)
    return NULL;

  for (guint i = 0; i < pieces->len; i++)
    {
      const char *next = g_ptr_array_index (pieces, i);
      g_autofree char *candidate = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      /* Pieces cut at a space get it back within a line. */
      gboolean spaced = line->len > 0
                        && !is_break_after (g_utf8_get_char (g_utf8_prev_char (line->str + line->len)));

      if (line->len == 0)
        {
          g_string_assign (line, next);
          continue;
        }
      candidate = g_strconcat (line->str, spaced ? " " : "", next, NULL);
      layout = new_layout (self, candidate, BODY_SIZE, bold, -1, PANGO_ALIGN_LEFT);
      if (layout_width (layout) <= width)
        {
          g_string_assign (line, candidate);
          continue;
        }
      g_string_append (out, line->str);
      g_string_append_c (out, '\n');
      g_string_assign (line, next);
    }
  g_string_append (out, line->str);
  return g_strdup (out->str);
}

static PangoLayout *
new_cell_layout (TsuTablePrint *self,
                 Row           *row,
                 guint          column)
{
  PangoLayout *layout;
  g_autofree char *broken = NULL;
  PangoAlignment alignment;
  gboolean bold = row->kind == ROW_TOTAL;
  double width;

  if (row->kind == ROW_SECTION)
    return new_layout (self, row->cells[0], BODY_SIZE + 0.5, TRUE,
                       self->width - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT);

  alignment = ((Column *) g_ptr_array_index (self->columns, column))->alignment;
  width = cell_width (self, column);
  layout = new_layout (self, row->cells[column], BODY_SIZE, bold, width, alignment);
  if (pango_layout_get_line_count (layout) > 1
      && (broken = dup_broken_at_words (self, row->cells[column], bold, width)) != NULL)
    {
      PangoLayout *at_words = new_layout (self, broken, BODY_SIZE, bold, width, alignment);

      if (pango_layout_get_line_count (at_words) <= pango_layout_get_line_count (layout))
        {
          g_object_unref (layout);
          return at_words;
        }
      g_object_unref (at_words);
    }
  return layout;
}

static PangoLayout *
new_header_layout (TsuTablePrint *self,
                   guint          column)
{
  Column *col = g_ptr_array_index (self->columns, column);

  return new_layout (self, col->header, BODY_SIZE, TRUE, cell_width (self, column),
                     PANGO_ALIGN_CENTER);
}

static char *
dup_date_text (TsuTablePrint *self)
{
  g_autofree char *date = NULL;
  GDate today;

  if (g_date_valid (&self->date))
    {
      date = tsu_date_format (&self->date, self->date_style);
    }
  else
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      date = tsu_date_format (&today, self->date_style);
    }
  /* Translators: printed at the top right of lists: "2026年11月24日現在" */
  return g_strdup_printf (_("As of %s"), date);
}

static double
date_width (TsuTablePrint *self)
{
  g_autofree char *text = dup_date_text (self);
  g_autoptr(PangoLayout) layout = new_layout (self, text, BODY_SIZE, FALSE, -1,
                                              PANGO_ALIGN_LEFT);

  return layout_width (layout);
}

static double
title_width (TsuTablePrint *self)
{
  /* The title wraps before it would run into the date. */
  return MAX (self->width - date_width (self) - 12.0, self->width / 2);
}

static PangoContext *
new_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Cairo units are points: 1 pt font = 1 unit. */
  pango_cairo_context_set_resolution (context, 72.0);
  /* Unhinted metrics lay out the same on screen, PDF and printer. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("ja"));
  return context;
}

/* The widest cell of a column on one line, with its padding. */
static double
natural_width (TsuTablePrint *self,
               guint          column)
{
  double widest = 0;

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      g_autoptr(PangoLayout) layout = NULL;

      if (row->kind == ROW_SECTION)
        continue;
      layout = new_layout (self, row->cells[column], BODY_SIZE, row->kind == ROW_TOTAL,
                           -1, PANGO_ALIGN_LEFT);
      widest = MAX (widest, layout_width (layout));
    }
  return widest + 2 * CELL_PAD_X + 1.0;
}

/* Columns share the width by weight; a no-wrap column widens to its
 * widest cell, and the others give up that room in proportion. */
static void
layout_columns (TsuTablePrint *self)
{
  guint n = self->columns->len;
  g_autofree double *widths = g_new0 (double, n);
  double total_weight = 0;
  double extra = 0;
  double others = 0;
  double x = 0;

  for (guint i = 0; i < n; i++)
    total_weight += ((Column *) g_ptr_array_index (self->columns, i))->weight;
  for (guint i = 0; i < n; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      widths[i] = self->width * column->weight / total_weight;
      if (column->no_wrap)
        {
          double natural = MIN (natural_width (self, i), self->width / 2);

          if (natural > widths[i])
            {
              extra += natural - widths[i];
              widths[i] = natural;
            }
        }
      else
        others += widths[i];
    }
  if (others > 0 && extra > 0)
    for (guint i = 0; i < n; i++)
      if (!((Column *) g_ptr_array_index (self->columns, i))->no_wrap)
        widths[i] *= MAX (others - extra, others / 4) / others;

  self->column_x = g_new0 (double, n + 1);
  for (guint i = 0; i < n; i++)
    {
      self->column_x[i] = x;
      x += widths[i];
    }
  self->column_x[n] = self->width;
}

/* The height of row @r drawn from @from down to @to (points into its text;
 * G_MAXDOUBLE for its end): the whole row, or the part of a split row on
 * one page, with its padding on each page. */
static double
slice_height (TsuTablePrint *self,
              guint          r,
              double         from,
              double         to)
{
  double text_height = self->row_heights[r] - 2 * CELL_PAD_Y;

  if (from == 0 && to == G_MAXDOUBLE)
    return self->row_heights[r];
  return MIN (to, text_height) - from + 2 * CELL_PAD_Y;
}

/* Where the part of a split row that begins at @from (points into its
 * text) must end for it to fit above @limit: at the top of the first line,
 * in any cell, that would reach below @limit. A line goes on the page its
 * top falls on, so no line is ever cut through and each one is printed
 * exactly once; cells whose lines are not level with that top leave at
 * most a line's gap at the foot. Returns G_MAXDOUBLE when the rest fits
 * and @from when not even one line does (unless @at_least_one_line: an
 * empty page lower than a line must still make progress). */
static double
find_cut (PangoLayout * const *layouts,
          guint                n_layouts,
          double               from,
          double               limit,
          gboolean             at_least_one_line)
{
  double cut = G_MAXDOUBLE;
  double next = G_MAXDOUBLE;   /* the top of the line after @from */

  for (guint c = 0; c < n_layouts; c++)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layouts[c]);

      do
        {
          PangoRectangle rect;
          double top, bottom;

          pango_layout_iter_get_line_extents (iter, NULL, &rect);
          top = (double) rect.y / PANGO_SCALE;
          bottom = (double) (rect.y + rect.height) / PANGO_SCALE;
          if (top > from)
            next = MIN (next, top);
          if (top >= from && bottom > limit)
            {
              cut = MIN (cut, top);
              break;
            }
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  if (cut <= from && at_least_one_line)
    return next;
  return cut;
}

/* A row taller than a page's body would be cut off at the foot, losing
 * text, so it is split between lines instead: it starts in the room left
 * on the current page (@used of @room) and goes on over as many pages as
 * it needs. Returns the height it takes on its last page. */
static double
paginate_tall_row (TsuTablePrint *self,
                   guint          r,
                   double         used,
                   double         room)
{
  Row *row = g_ptr_array_index (self->rows, r);
  guint n = row->kind == ROW_SECTION ? 1 : self->columns->len;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double from = 0;

  for (guint c = 0; c < n; c++)
    g_ptr_array_add (layouts, new_cell_layout (self, row, c));

  for (;;)
    {
      /* The text stays inside the cell's padding. */
      double limit = from + (room - used) - 2 * CELL_PAD_Y;
      double cut = find_cut ((PangoLayout * const *) layouts->pdata, n, from, limit,
                             used == 0);
      PageStart next = { r, cut };

      if (cut == G_MAXDOUBLE)
        return used + slice_height (self, r, from, G_MAXDOUBLE);
      if (cut <= from)
        {
          /* Not one more line fits on this page: start a new one there. */
          next.offset = from;
        }
      g_array_append_val (self->page_starts, next);
      from = next.offset;
      used = 0;
    }
}

guint
tsu_table_print_paginate (TsuTablePrint *self,
                          cairo_t       *cr,
                          double         width,
                          double         height)
{
  double used = 0;
  double room;
  PageStart start = { 0, 0 };

  g_return_val_if_fail (TSU_IS_TABLE_PRINT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);
  g_return_val_if_fail (self->columns->len > 0, 0);

  clear_layout (self);
  self->context = new_context (cr);
  self->width = width;
  self->height = height;

  layout_columns (self);

  /* The band at the top of each page and the page number at the foot. */
  {
    g_autoptr(PangoLayout) title = new_layout (self, self->title, TITLE_SIZE, TRUE,
                                               title_width (self), PANGO_ALIGN_LEFT);
    g_autoptr(PangoLayout) subtitle = new_layout (self, self->subtitle, BODY_SIZE, FALSE,
                                                  width, PANGO_ALIGN_LEFT);
    g_autoptr(PangoLayout) footer = new_layout (self, "1 / 1", SMALL_SIZE, FALSE, -1,
                                                PANGO_ALIGN_LEFT);

    self->band_height = layout_height (title) + TITLE_GAP + TABLE_GAP;
    if (*self->subtitle != '\0')
      self->band_height += layout_height (subtitle);
    self->footer_height = layout_height (footer) + FOOTER_GAP;
  }

  self->header_height = 0;
  for (guint c = 0; c < self->columns->len; c++)
    {
      g_autoptr(PangoLayout) layout = new_header_layout (self, c);

      self->header_height = MAX (self->header_height, layout_height (layout));
    }
  self->header_height += 2 * CELL_PAD_Y;

  self->row_heights = g_new0 (double, MAX (self->rows->len, 1));
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      double h = 0;
      guint n = row->kind == ROW_SECTION ? 1 : self->columns->len;

      for (guint c = 0; c < n; c++)
        {
          g_autoptr(PangoLayout) layout = new_cell_layout (self, row, c);

          h = MAX (h, layout_height (layout));
        }
      h += 2 * CELL_PAD_Y;
      if (row->kind != ROW_SECTION)
        h = MAX (h, self->min_row_height);
      self->row_heights[r] = h;
    }

  /* Rows that fit on a page never split: one that does not fit in what
   * is left of a page starts the next. A section heading goes with the
   * row after it. */
  room = height - self->band_height - self->footer_height - self->header_height;
  g_array_append_val (self->page_starts, start);
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      double need = self->row_heights[r];

      if (need > room)
        {
          used = paginate_tall_row (self, r, used, room);
          continue;
        }
      if (row->kind == ROW_SECTION && r + 1 < self->rows->len)
        need += self->row_heights[r + 1];
      if (used > 0 && used + need > room)
        {
          PageStart next = { r, 0 };

          g_array_append_val (self->page_starts, next);
          used = 0;
        }
      used += self->row_heights[r];
    }

  return self->page_starts->len;
}

guint
tsu_table_print_get_n_pages (TsuTablePrint *self)
{
  g_return_val_if_fail (TSU_IS_TABLE_PRINT (self), 0);

  return self->page_starts->len;
}

/* Drawing. */

#define GRID_GRAY    0.62
#define FRAME_GRAY   0.30
#define HEADER_FILL  0.88
#define SECTION_FILL 0.94

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Shows the lines of @layout whose tops lie in [@from, @to) (points into
 * the layout), moved up by @from: a split row's part on this page. */
static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            double       from,
            double       to)
{
  PangoLayoutIter *iter;

  if (from == 0 && to == G_MAXDOUBLE)
    {
      show_layout (cr, layout, x, y);
      return;
    }

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle rect;
      double top;

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      top = (double) rect.y / PANGO_SCALE;
      if (top >= from && top < to)
        {
          /* As pango_cairo_show_layout() places each line: at its
           * baseline, shifted by its alignment. */
          cairo_move_to (cr, x + (double) rect.x / PANGO_SCALE,
                         y - from + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   gray,
       double   line_width)
{
  cairo_set_source_rgb (cr, gray, gray, gray);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
column_lines (TsuTablePrint *self,
              cairo_t       *cr,
              double         y,
              double         h)
{
  cairo_set_source_rgb (cr, GRID_GRAY, GRID_GRAY, GRID_GRAY);
  cairo_set_line_width (cr, 0.4);
  for (guint c = 1; c < self->columns->len; c++)
    {
      cairo_move_to (cr, self->column_x[c], y);
      cairo_line_to (cr, self->column_x[c], y + h);
    }
  cairo_stroke (cr);
}

static void
fill_band (cairo_t *cr,
           double   x,
           double   y,
           double   w,
           double   h,
           double   gray)
{
  cairo_set_source_rgb (cr, gray, gray, gray);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

/* Draws row @r, or of a split row the part from @from to @to (see
 * slice_height()), at @y; returns the height taken. */
static double
draw_row (TsuTablePrint *self,
          cairo_t       *cr,
          guint          r,
          double         from,
          double         to,
          double         y)
{
  Row *row = g_ptr_array_index (self->rows, r);
  double h = slice_height (self, r, from, to);

  cairo_save (cr);
  /* Never over the footer, even on a page lower than one line. */
  cairo_rectangle (cr, 0, y, self->width, MIN (h, self->height - self->footer_height - y));
  cairo_clip (cr);

  if (row->kind == ROW_SECTION)
    {
      g_autoptr(PangoLayout) layout = new_cell_layout (self, row, 0);

      fill_band (cr, 0, y, self->width, h, SECTION_FILL);
      cairo_set_source_rgb (cr, 0, 0, 0);
      show_lines (cr, layout, CELL_PAD_X, y + CELL_PAD_Y, from, to);
    }
  else
    {
      for (guint c = 0; c < self->columns->len; c++)
        {
          g_autoptr(PangoLayout) layout = new_cell_layout (self, row, c);

          cairo_set_source_rgb (cr, 0, 0, 0);
          show_lines (cr, layout, self->column_x[c] + CELL_PAD_X, y + CELL_PAD_Y, from, to);
        }
      column_lines (self, cr, y, h);
    }
  cairo_restore (cr);

  if (row->kind == ROW_TOTAL && from == 0)
    hline (cr, 0, self->width, y, FRAME_GRAY, 0.9);
  hline (cr, 0, self->width, y + h,
         row->kind == ROW_SECTION ? FRAME_GRAY : GRID_GRAY,
         row->kind == ROW_SECTION ? 0.6 : 0.4);
  return h;
}

void
tsu_table_print_draw_page (TsuTablePrint *self,
                           cairo_t       *cr,
                           guint          page)
{
  g_autofree char *date_text = NULL;
  PageStart first, end;
  double y;
  double table_top;

  g_return_if_fail (TSU_IS_TABLE_PRINT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->context != NULL);
  g_return_if_fail (page < self->page_starts->len);

  /* The print dialog may hand out a new cairo context for each page. */
  pango_cairo_update_context (cr, self->context);

  first = g_array_index (self->page_starts, PageStart, page);
  if (page + 1 < self->page_starts->len)
    end = g_array_index (self->page_starts, PageStart, page + 1);
  else
    end = (PageStart) { self->rows->len, 0 };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* Title, date and subtitle. */
  {
    g_autoptr(PangoLayout) title = new_layout (self, self->title, TITLE_SIZE, TRUE,
                                               title_width (self), PANGO_ALIGN_LEFT);
    g_autoptr(PangoLayout) date = NULL;
    double title_h = layout_height (title);

    date_text = dup_date_text (self);
    date = new_layout (self, date_text, BODY_SIZE, FALSE, -1, PANGO_ALIGN_LEFT);
    show_layout (cr, title, 0, 0);
    /* The date sits on the title's last baseline, at the right edge. */
    show_layout (cr, date, self->width - layout_width (date),
                 title_h - layout_height (date) - 1.0);
    if (*self->subtitle != '\0')
      {
        g_autoptr(PangoLayout) subtitle = new_layout (self, self->subtitle, BODY_SIZE,
                                                      FALSE, self->width,
                                                      PANGO_ALIGN_LEFT);

        cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
        show_layout (cr, subtitle, 0, title_h + TITLE_GAP);
      }
  }

  /* The column headers, on every page. */
  y = table_top = self->band_height;
  fill_band (cr, 0, y, self->width, self->header_height, HEADER_FILL);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < self->columns->len; c++)
    {
      g_autoptr(PangoLayout) layout = new_header_layout (self, c);
      double h = layout_height (layout);

      /* Centred vertically when other headers wrap to more lines. */
      show_layout (cr, layout, self->column_x[c] + CELL_PAD_X,
                   y + (self->header_height - h) / 2);
    }
  column_lines (self, cr, y, self->header_height);
  y += self->header_height;
  hline (cr, 0, self->width, y, FRAME_GRAY, 0.8);

  /* The page's rows; the first may go on from the page before and the
   * last (when the next page begins part-way down it) on to the next. */
  for (guint r = first.row; r < end.row || (r == end.row && end.offset > 0); r++)
    y += draw_row (self, cr, r,
                   r == first.row ? first.offset : 0,
                   r == end.row ? end.offset : G_MAXDOUBLE,
                   y);

  if (self->rows->len == 0)
    {
      g_autoptr(PangoLayout) layout = new_layout (self, _("Nothing to list."), BODY_SIZE,
                                                  FALSE, self->width - 2 * CELL_PAD_X,
                                                  PANGO_ALIGN_CENTER);
      double h = layout_height (layout) + 2 * CELL_PAD_Y;

      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show_layout (cr, layout, CELL_PAD_X, y + CELL_PAD_Y);
      y += h;
    }

  /* The frame around header and rows. */
  y = MIN (y, self->height - self->footer_height);
  cairo_set_source_rgb (cr, FRAME_GRAY, FRAME_GRAY, FRAME_GRAY);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, 0, table_top, self->width, y - table_top);
  cairo_stroke (cr);

  /* "n / N" at the foot, in three pieces: the gaps are wide enough for
   * text extraction (pdftotext, screen readers) to see the spaces, which
   * a narrow space glyph is not. */
  {
    g_autofree char *n = g_strdup_printf ("%u", page + 1);
    g_autofree char *total = g_strdup_printf ("%u", self->page_starts->len);
    g_autoptr(PangoLayout) left = new_layout (self, n, SMALL_SIZE, FALSE, -1, PANGO_ALIGN_LEFT);
    g_autoptr(PangoLayout) slash = new_layout (self, "/", SMALL_SIZE, FALSE, -1, PANGO_ALIGN_LEFT);
    g_autoptr(PangoLayout) right = new_layout (self, total, SMALL_SIZE, FALSE, -1, PANGO_ALIGN_LEFT);
    double gap = SMALL_SIZE * 0.45;
    double x = (self->width - layout_width (slash)) / 2;
    double foot = self->height - layout_height (slash);

    cairo_set_source_rgb (cr, 0, 0, 0);
    show_layout (cr, slash, x, foot);
    show_layout (cr, left, x - gap - layout_width (left), foot);
    show_layout (cr, right, x + layout_width (slash) + gap, foot);
  }

  cairo_restore (cr);
}

gboolean
tsu_table_print_write_pdf (TsuTablePrint  *self,
                           const char     *path,
                           GError        **error)
{
  g_autofree char *temp_path = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double page_width, page_height;
  guint n_pages;

  g_return_val_if_fail (TSU_IS_TABLE_PRINT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->columns->len > 0, FALSE);

  page_width = self->landscape ? TSU_TABLE_PRINT_A4_HEIGHT : TSU_TABLE_PRINT_A4_WIDTH;
  page_height = self->landscape ? TSU_TABLE_PRINT_A4_WIDTH : TSU_TABLE_PRINT_A4_HEIGHT;

  temp_path = tsu_report_file_begin (path, error);
  if (temp_path == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create (temp_path, page_width, page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tsunagu");
  cr = cairo_create (surface);

  cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
  n_pages = tsu_table_print_paginate (self, cr,
                                      page_width - 2 * PAGE_MARGIN,
                                      page_height - 2 * PAGE_MARGIN);
  for (guint page = 0; page < n_pages; page++)
    {
      tsu_table_print_draw_page (self, cr, page);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      tsu_report_file_abort (temp_path);
      display = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return tsu_report_file_commit (temp_path, path, error);
}
