/* tsu-xlsx-style.h: what every workbook of Tsunagu shares — the Japanese
 * font and cell formats, column widths and row heights for Japanese text,
 * A4 page setup, the council's name in titles, and writing the file under
 * a temporary name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

#include "tsu-date.h"

G_BEGIN_DECLS

/* Excel's height of one line of 游ゴシック 11 pt, in points. */
#define TSU_XLSX_LINE_HEIGHT 18.75

typedef struct
{
  lxw_format *title;   /* 14 pt bold */
  lxw_format *info;    /* plain, no border: subtitles and notes */
  lxw_format *header;  /* bold, shaded, bordered, centred, wrapping */
  lxw_format *text;    /* bordered, top-aligned, wrapping */
  lxw_format *date;    /* bordered; 2023/12/14 or 令和5年12月14日 */
  lxw_format *number;  /* bordered integer, right-aligned */
  lxw_format *total_label;  /* bold text above a rule: 計 */
  lxw_format *total_number; /* bold integer above a rule */
} TsuXlsxFormats;

/* A new format in the workbooks' font (游ゴシック 11 pt). */
lxw_format   *tsu_xlsx_new_format      (lxw_workbook     *workbook);
void          tsu_xlsx_formats_init    (TsuXlsxFormats   *formats,
                                        lxw_workbook     *workbook,
                                        TsuDateStyle      date_style);

/* The width of @text in Excel column units (wide characters count as
 * two); of several lines, the longest. */
double        tsu_xlsx_text_width      (const char       *text);
/* How many lines @text takes in a column @width wide, a little
 * pessimistically. Excel and LibreOffice do not grow rows to wrapped text
 * when they open a file, so workbooks set each row's height themselves. */
guint         tsu_xlsx_count_lines     (const char       *text,
                                        double            width);

/* A string, or a blank cell that keeps the borders. */
void          tsu_xlsx_write_text      (lxw_worksheet    *sheet,
                                        lxw_row_t         row,
                                        lxw_col_t         col,
                                        const char       *text,
                                        lxw_format       *format);
/* An ISO date as a date cell; other text as text in @text_format. */
void          tsu_xlsx_write_date      (lxw_worksheet    *sheet,
                                        lxw_row_t         row,
                                        lxw_col_t         col,
                                        const char       *iso,
                                        lxw_format       *date_format,
                                        lxw_format       *text_format);

/* A row of @n column headers in @formats->header, as high as the header
 * that wraps to the most lines in its column @widths[c]. */
void          tsu_xlsx_write_headers   (lxw_worksheet        *sheet,
                                        lxw_row_t             row,
                                        const char * const   *headers,
                                        const double         *widths,
                                        guint                 n,
                                        const TsuXlsxFormats *formats);
/* '予算配分'!$F$3:$F$11 (rows and columns from 0), for formulas on
 * another sheet. The name is always quoted: a translated sheet name may
 * hold spaces or quotes. */
char         *tsu_xlsx_dup_range       (const char           *sheet_name,
                                        lxw_col_t             column,
                                        lxw_row_t             first_row,
                                        lxw_row_t             last_row);

/* A4 landscape, one page wide, rows @first_repeat–@last_repeat on every
 * page, "1 / 3" at the foot. */
void          tsu_xlsx_setup_page      (lxw_worksheet    *sheet,
                                        lxw_row_t         first_repeat,
                                        lxw_row_t         last_repeat);

/* A workbook at @temp_path (from tsu_report_file_begin()) with @title in
 * its properties; on failure removes @temp_path and sets @error. */
lxw_workbook *tsu_xlsx_workbook_new    (const char       *temp_path,
                                        const char       *title,
                                        GError          **error);
/* The same with libxlsxwriter's constant_memory: every row is written out
 * when the next one starts, so rows must come in order; for exports of any
 * length. */
lxw_workbook *tsu_xlsx_workbook_new_streaming (const char  *temp_path,
                                               const char  *title,
                                               GError     **error);
/* Writes the workbook and renames it to @path; on failure removes
 * @temp_path and sets @error. */
gboolean      tsu_xlsx_workbook_finish (lxw_workbook     *workbook,
                                        const char       *temp_path,
                                        const char       *path,
                                        GError          **error);

/* @council_name when not NULL, else the "council-name" setting when its
 * schema is installed, else "". */
char         *tsu_report_dup_council_name (const char    *council_name);
/* The "date-style" setting (和暦 unless the user chose 西暦, or when the
 * schema is not installed): the default of every report's options, and
 * what the editor windows show dates in. */
TsuDateStyle  tsu_report_default_date_style (void);

G_END_DECLS
