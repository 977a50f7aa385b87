/* tsu-xlsx-style.c: formats, sizes and file handling shared by the
 * workbooks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tsu-report-file.h"
#include "tsu-xlsx-style.h"

lxw_format *
tsu_xlsx_new_format (lxw_workbook *workbook)
{
  lxw_format *format;

  g_return_val_if_fail (workbook != NULL, NULL);

  format = workbook_add_format (workbook);
  /* 游ゴシック is Excel's own default font for Japanese since Office 2016
   * and ships with every Windows from 8.1 and with macOS, so the sheet
   * looks like one the secretariat made by hand; ＭＳ Ｐゴシック would
   * look dated, and Noto Sans CJK JP is missing from office PCs.
   * LibreOffice substitutes a Japanese font where it is absent. */
  format_set_font_name (format, "游ゴシック");
  format_set_font_charset (format, 128);  /* SHIFTJIS_CHARSET */
  format_set_font_family (format, 3);
  format_set_font_size (format, 11);
  return format;
}

static lxw_format *
new_cell_format (lxw_workbook *workbook)
{
  lxw_format *format = tsu_xlsx_new_format (workbook);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_border_color (format, 0xB0B0B0);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

void
tsu_xlsx_formats_init (TsuXlsxFormats *formats,
                       lxw_workbook   *workbook,
                       TsuDateStyle    date_style)
{
  g_return_if_fail (formats != NULL);
  g_return_if_fail (workbook != NULL);

  formats->title = tsu_xlsx_new_format (workbook);
  format_set_bold (formats->title);
  format_set_font_size (formats->title, 14);

  formats->info = tsu_xlsx_new_format (workbook);

  formats->header = tsu_xlsx_new_format (workbook);
  format_set_bold (formats->header);
  format_set_bg_color (formats->header, 0xDDEBF7);
  format_set_border (formats->header, LXW_BORDER_THIN);
  format_set_border_color (formats->header, 0x808080);
  format_set_align (formats->header, LXW_ALIGN_CENTER);
  format_set_align (formats->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (formats->header);

  formats->text = new_cell_format (workbook);
  /* Wrapping only shows where a text is wider than its column, which
   * each workbook caps. */
  format_set_text_wrap (formats->text);

  formats->date = new_cell_format (workbook);
  format_set_align (formats->date, LXW_ALIGN_LEFT);
  if (date_style == TSU_DATE_STYLE_WAREKI)
    /* 令和5年12月14日. [$-411] (Japanese) makes ggg the era name and e the
     * year in it; every Excel since 2007 and LibreOffice understand it. The
     * newer [$-ja-JP-x-gannen] would print 元年, but older Excel rejects
     * the whole file over it. */
    format_set_num_format (formats->date, "[$-411]ggge\"年\"m\"月\"d\"日\"");
  else
    format_set_num_format (formats->date, "yyyy/mm/dd");

  formats->number = new_cell_format (workbook);
  format_set_num_format (formats->number, "#,##0");

  formats->total_label = new_cell_format (workbook);
  format_set_bold (formats->total_label);
  format_set_top (formats->total_label, LXW_BORDER_DOUBLE);
  format_set_top_color (formats->total_label, 0x808080);

  formats->total_number = new_cell_format (workbook);
  format_set_bold (formats->total_number);
  format_set_num_format (formats->total_number, "#,##0");
  format_set_top (formats->total_number, LXW_BORDER_DOUBLE);
  format_set_top_color (formats->total_number, 0x808080);
}

double
tsu_xlsx_text_width (const char *text)
{
  double width = 0;
  double line = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          width = MAX (width, line);
          line = 0;
          continue;
        }
      /* Ambiguous-width characters (・, ○, ①) are wide in Japanese fonts;
       * 游ゴシック's Latin letters are a little wider than Calibri's. */
      line += g_unichar_iswide_cjk (c) ? 2.1 : 1.05;
    }
  return MAX (width, line);
}

guint
tsu_xlsx_count_lines (const char *text,
                      double      width)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  double usable = MAX (width - 1.5, 1.0);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += MAX (1, (guint) ceil (tsu_xlsx_text_width (lines[i]) / usable));
  return MAX (n, 1);
}

void
tsu_xlsx_write_text (lxw_worksheet *sheet,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     const char    *text,
                     lxw_format    *format)
{
  if (text == NULL || *text == '\0')
    /* Keep the borders on empty cells. */
    worksheet_write_blank (sheet, row, col, format);
  else
    worksheet_write_string (sheet, row, col, text, format);
}

void
tsu_xlsx_write_date (lxw_worksheet *sheet,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     const char    *iso,
                     lxw_format    *date_format,
                     lxw_format    *text_format)
{
  GDate date;
  lxw_datetime datetime = { 0 };

  if (!tsu_date_from_iso (iso, &date))
    {
      tsu_xlsx_write_text (sheet, row, col, iso, text_format);
      return;
    }
  datetime.year = g_date_get_year (&date);
  datetime.month = g_date_get_month (&date);
  datetime.day = g_date_get_day (&date);
  worksheet_write_datetime (sheet, row, col, &datetime, date_format);
}

void
tsu_xlsx_write_headers (lxw_worksheet        *sheet,
                        lxw_row_t             row,
                        const char * const   *headers,
                        const double         *widths,
                        guint                 n,
                        const TsuXlsxFormats *formats)
{
  guint lines = 1;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (headers != NULL && widths != NULL);
  g_return_if_fail (formats != NULL);

  for (guint c = 0; c < n; c++)
    {
      worksheet_write_string (sheet, row, c, headers[c], formats->header);
      lines = MAX (lines, tsu_xlsx_count_lines (headers[c], widths[c]));
    }
  worksheet_set_row (sheet, row, lines * TSU_XLSX_LINE_HEIGHT, NULL);
}

char *
tsu_xlsx_dup_range (const char *sheet_name,
                    lxw_col_t   column,
                    lxw_row_t   first_row,
                    lxw_row_t   last_row)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *quoted = NULL;
  char range[LXW_MAX_CELL_RANGE_LENGTH];

  g_return_val_if_fail (sheet_name != NULL, NULL);

  /* A quote inside a quoted sheet name is doubled. */
  parts = g_strsplit (sheet_name, "'", -1);
  quoted = g_strjoinv ("''", parts);
  lxw_rowcol_to_range_abs (range, first_row, column, last_row, column);
  return g_strdup_printf ("'%s'!%s", quoted, range);
}

void
tsu_xlsx_setup_page (lxw_worksheet *sheet,
                     lxw_row_t      first_repeat,
                     lxw_row_t      last_repeat)
{
  g_return_if_fail (sheet != NULL);

  worksheet_set_paper (sheet, 9);  /* A4 */
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, first_repeat, last_repeat);
  worksheet_set_margins (sheet, 0.4, 0.4, 0.6, 0.6);
  worksheet_center_horizontally (sheet);
  worksheet_set_footer (sheet, "&C&P / &N");
}

static lxw_workbook *
new_workbook (const char  *temp_path,
              const char  *title,
              gboolean     streaming,
              GError     **error)
{
  lxw_workbook_options workbook_options = { 0 };
  lxw_doc_properties properties = { 0 };
  g_autofree char *folder = g_path_get_dirname (temp_path);
  lxw_workbook *workbook;

  g_return_val_if_fail (temp_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Streaming (constant_memory) writes each row as it is finished, to a
   * temporary file beside the destination rather than in /tmp, which may
   * be a small RAM disk. Without it rows may be written out of order
   * (totals first, row heights after the cells). */
  workbook_options.constant_memory = streaming ? LXW_TRUE : LXW_FALSE;
  if (streaming)
    workbook_options.tmpdir = folder;
  workbook = workbook_new_opt (temp_path, &workbook_options);
  if (workbook == NULL)
    {
      tsu_report_file_abort (temp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not create the workbook: out of memory."));
      return NULL;
    }

  properties.title = (char *) title;
  properties.author = (char *) "Tsunagu";
  workbook_set_properties (workbook, &properties);
  return workbook;
}

lxw_workbook *
tsu_xlsx_workbook_new (const char  *temp_path,
                       const char  *title,
                       GError     **error)
{
  return new_workbook (temp_path, title, FALSE, error);
}

lxw_workbook *
tsu_xlsx_workbook_new_streaming (const char  *temp_path,
                                 const char  *title,
                                 GError     **error)
{
  return new_workbook (temp_path, title, TRUE, error);
}

gboolean
tsu_xlsx_workbook_finish (lxw_workbook  *workbook,
                          const char    *temp_path,
                          const char    *path,
                          GError       **error)
{
  lxw_error status;

  g_return_val_if_fail (workbook != NULL, FALSE);
  g_return_val_if_fail (temp_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_autofree char *display = g_filename_display_name (path);

      tsu_report_file_abort (temp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name, then libxlsxwriter's
                    * reason (in English) */
                   _("Could not write “%s”: %s"), display, lxw_strerror (status));
      return FALSE;
    }

  return tsu_report_file_commit (temp_path, path, error);
}

/* The command line may run where the schema is not installed, and
 * g_settings_new() would abort there: NULL then. */
static GSettings *
lookup_settings (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

char *
tsu_report_dup_council_name (const char *council_name)
{
  g_autoptr(GSettings) settings = NULL;

  if (council_name != NULL)
    return g_strdup (council_name);
  settings = lookup_settings ("council-name");
  return settings ? g_settings_get_string (settings, "council-name") : g_strdup ("");
}

TsuDateStyle
tsu_report_default_date_style (void)
{
  g_autoptr(GSettings) settings = lookup_settings ("date-style");

  /* Without settings, the era style the council's own papers use. */
  if (settings == NULL)
    return TSU_DATE_STYLE_WAREKI;
  return g_settings_get_enum (settings, "date-style") == 0 ? TSU_DATE_STYLE_GREGORIAN
                                                           : TSU_DATE_STYLE_WAREKI;
}
