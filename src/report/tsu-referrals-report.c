/* tsu-referrals-report.c: the referral statistics of a fiscal year as a
 * workbook and a printout.
 *
 * What leaves the program here is anonymous: counts, and with
 * include_cases one row per referral by case code. Notes and override
 * reasons are never read into any cell: both are free text that may
 * name the person or their circumstances.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <xlsxwriter.h>

#include "tsu-referral-stats.h"
#include "tsu-referral.h"
#include "tsu-referrals-report.h"
#include "tsu-report-file.h"
#include "tsu-xlsx-style.h"

void
tsu_referrals_report_options_init (TsuReferralsReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->date_style = tsu_report_default_date_style ();
  options->council_name = NULL;
  options->include_cases = FALSE;
}

static char *
dup_title (int                              year,
           const TsuReferralsReportOptions *options)
{
  g_autofree char *fiscal_year = tsu_fiscal_year_format (year, options->date_style);

  /* Translators: title of the referral statistics; %s is the fiscal year:
   * "令和5年度 つなぎ（紹介）の統計" */
  return g_strdup_printf (_("%s Referral Statistics"), fiscal_year);
}

static const char *
anonymity_note (void)
{
  /* Translators: note under the title of the referral statistics */
  return _("Anonymised: people appear only as case codes; notes are never exported.");
}

/* "2023年4月" or "令和5年4月" for month @index (0 is April) of fiscal year
 * @year; Japanese in every language, like the dates. */
static char *
dup_month_label (int          year,
                 guint        index,
                 TsuDateStyle style)
{
  int month = (int) (index + 3) % 12 + 1;
  int calendar_year = index < 9 ? year : year + 1;

  if (style == TSU_DATE_STYLE_WAREKI)
    {
      GDate date;
      const char *era;
      int era_year;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, month, calendar_year);
      era = tsu_date_get_era (&date, &era_year);
      if (era != NULL)
        {
          /* 令和元年5月: the first year of an era is 元年. Months of 2019
           * before May belong to 平成31年, which the first day shows. */
          if (era_year == 1)
            return g_strdup_printf ("%s元年%d月", era, month);
          return g_strdup_printf ("%s%d年%d月", era, era_year, month);
        }
    }
  return g_strdup_printf ("%d年%d月", calendar_year, month);
}

static char *
dup_median_text (double days)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (days < 0)
    return g_strdup ("—");
  g_ascii_formatd (number, sizeof number, "%.1f", days);
  /* Translators: the median number of days from a referral to its
   * connection ("12.5日") */
  return g_strdup_printf (_("%s days"), number);
}

static const char *
header_status (void)
{
  /* Translators: header of the referral statistics (状態) */
  return C_("referrals", "Status");
}

static const char *
header_referrals (void)
{
  /* Translators: header of the referral statistics: number of referrals
   * (紹介件数) */
  return C_("referrals", "Referrals");
}

static const char *
header_connected (void)
{
  /* Translators: header of the referral statistics (つながった) */
  return C_("referrals", "Connected");
}

static const char *
header_not_connected (void)
{
  /* Translators: header of the referral statistics (つながらなかった) */
  return C_("referrals", "Not connected");
}

static const char *
header_cases (void)
{
  /* Translators: header of the referral statistics: number of cases
   * (ケース数) */
  return C_("referrals", "Cases");
}

static const char *
total_label (void)
{
  /* Translators: the total row of a table of the referral statistics (計) */
  return C_("referrals", "Total");
}

static const char *
section_summary (void)
{
  /* Translators: section of the referral statistics (概要) */
  return C_("referrals", "Summary");
}

static const char *
section_status (void)
{
  /* Translators: section of the referral statistics (状態別 紹介件数) */
  return C_("referrals", "Referrals by status");
}

static const char *
section_ward (void)
{
  /* Translators: section of the referral statistics (区別 紹介件数) */
  return C_("referrals", "Referrals by ward of the case");
}

static const char *
section_concern (void)
{
  /* Translators: section of the referral statistics (相談内容別 ケース数) */
  return C_("referrals", "Cases by concern");
}

static const char *
section_month (void)
{
  /* Translators: section of the referral statistics (月別 紹介件数) */
  return C_("referrals", "Referrals by month");
}

static const char *
concern_note (void)
{
  /* Translators: note under the cases by concern */
  return C_("referrals", "A case with several concerns counts under each of them.");
}

static const char *
label_cases (void)
{
  /* Translators: a row of the summary of the referral statistics:
   * cases received in the year (受付ケース数) */
  return C_("referrals", "Cases received");
}

static const char *
label_referrals (void)
{
  /* Translators: a row of the summary of the referral statistics:
   * referrals made in the year (紹介件数) */
  return C_("referrals", "Referrals made");
}

static const char *
label_rate (void)
{
  /* Translators: a row of the summary of the referral statistics
   * (つながった率 = つながった ÷ (つながった + つながらなかった)) */
  return C_("referrals", "Connection rate (connected ÷ (connected + not connected))");
}

static const char *
label_foreign (void)
{
  /* Translators: a row of the summary of the referral statistics: cases
   * of foreign residents (外国籍等のケース) */
  return C_("referrals", "Cases of foreign residents");
}

static const char *
label_median (void)
{
  /* Translators: a row of the summary of the referral statistics
   * (紹介からつながるまでの日数の中央値) */
  return C_("referrals", "Median days from referral to connection");
}

static gboolean
load_stats (TsuDatabase       *db,
            int                year,
            TsuReferralStats  *stats,
            GError           **error)
{
  memset (stats, 0, sizeof *stats);
  return tsu_referral_stats_compute (db, year, stats, error);
}

/* The printout. */

static void
add_print_row (TsuTablePrint *print,
               gboolean       total,
               const char    *label,
               const char    *a,
               const char    *b,
               const char    *c)
{
  const char *cells[4] = { label, a, b, c };

  if (total)
    tsu_table_print_add_total_row (print, cells);
  else
    tsu_table_print_add_row (print, cells);
}

static void
add_count_row (TsuTablePrint *print,
               gboolean       total,
               const char    *label,
               guint          count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  add_print_row (print, total, label, text, NULL, NULL);
}

static char *
dup_rate_text (double rate)
{
  if (rate < 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", rate * 100);
}

TsuTablePrint *
tsu_referrals_report_new_printout (TsuDatabase                      *db,
                                   int                               year,
                                   const TsuReferralsReportOptions  *options,
                                   GError                          **error)
{
  g_autoptr(TsuTablePrint) print = NULL;
  g_autofree char *title = NULL;
  g_autofree char *council = NULL;
  g_autofree char *subtitle = NULL;
  TsuReferralStats stats;
  guint sum;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_stats (db, year, &stats, error))
    return NULL;

  title = dup_title (year, options);
  council = tsu_report_dup_council_name (options->council_name);
  g_strstrip (council);
  if (*council != '\0')
    subtitle = g_strdup_printf ("%s\n%s", council, anonymity_note ());
  else
    subtitle = g_strdup (anonymity_note ());
  print = tsu_table_print_new (title, subtitle);
  tsu_table_print_set_date (print, NULL, options->date_style);

  /* Translators: first column of the printed referral statistics (項目) */
  tsu_table_print_add_column (print, C_("referrals", "Item"), 3.0);
  /* Translators: column of the printed referral statistics: referrals or
   * cases, as the section says (件数) */
  tsu_table_print_add_column (print, C_("referrals", "Number"), 1.2);
  tsu_table_print_add_column (print, header_connected (), 1.2);
  tsu_table_print_add_column (print, header_not_connected (), 1.4);
  for (guint c = 1; c < 4; c++)
    {
      tsu_table_print_set_column_alignment (print, c, PANGO_ALIGN_RIGHT);
      tsu_table_print_set_column_no_wrap (print, c, TRUE);
    }

  tsu_table_print_add_section (print, section_summary ());
  add_count_row (print, FALSE, label_cases (), stats.cases);
  add_count_row (print, FALSE, label_referrals (), stats.referrals);
  {
    g_autofree char *rate = dup_rate_text (stats.connection_rate);
    g_autofree char *median = dup_median_text (stats.median_days_to_connect);

    add_print_row (print, FALSE, label_rate (), rate, NULL, NULL);
    add_count_row (print, FALSE, label_foreign (), stats.foreign_residents);
    add_print_row (print, FALSE, label_median (), median, NULL, NULL);
  }

  tsu_table_print_add_section (print, section_status ());
  sum = 0;
  for (guint s = 0; s < TSU_N_REFERRAL_STATUSES; s++)
    {
      add_count_row (print, FALSE, tsu_referral_status_to_label (s), stats.by_status[s]);
      sum += stats.by_status[s];
    }
  add_count_row (print, TRUE, total_label (), sum);

  tsu_table_print_add_section (print, section_ward ());
  {
    guint sums[3] = { 0 };

    for (guint w = 0; w < TSU_N_WARDS; w++)
      {
        g_autofree char *a = g_strdup_printf ("%u", stats.ward_referrals[w]);
        g_autofree char *b = g_strdup_printf ("%u", stats.ward_connected[w]);
        g_autofree char *c = g_strdup_printf ("%u", stats.ward_not_connected[w]);

        add_print_row (print, FALSE, tsu_ward_to_name (w), a, b, c);
        sums[0] += stats.ward_referrals[w];
        sums[1] += stats.ward_connected[w];
        sums[2] += stats.ward_not_connected[w];
      }
    {
      g_autofree char *a = g_strdup_printf ("%u", sums[0]);
      g_autofree char *b = g_strdup_printf ("%u", sums[1]);
      g_autofree char *c = g_strdup_printf ("%u", sums[2]);

      add_print_row (print, TRUE, total_label (), a, b, c);
    }
  }

  tsu_table_print_add_section (print, section_concern ());
  sum = 0;
  for (guint c = 0; c < TSU_N_CONCERNS; c++)
    {
      add_count_row (print, FALSE, tsu_concern_to_label (c), stats.by_concern[c]);
      sum += stats.by_concern[c];
    }
  add_count_row (print, TRUE, total_label (), sum);
  add_print_row (print, FALSE, concern_note (), NULL, NULL, NULL);

  tsu_table_print_add_section (print, section_month ());
  sum = 0;
  for (guint m = 0; m < 12; m++)
    {
      g_autofree char *label = dup_month_label (year, m, options->date_style);

      add_count_row (print, FALSE, label, stats.by_month[m]);
      sum += stats.by_month[m];
    }
  add_count_row (print, TRUE, total_label (), sum);

  return g_steal_pointer (&print);
}

/* The workbook. */

#define TITLE_ROW 0
#define INFO_ROW  1

static const double stats_widths[4] = { 44, 12, 12, 14 };

typedef struct
{
  lxw_worksheet  *sheet;
  TsuXlsxFormats *formats;
  lxw_format     *percent;
  lxw_format     *decimal;
  lxw_format     *section;
  lxw_row_t       row;
} Writer;

static void
write_section (Writer     *writer,
               const char *heading)
{
  worksheet_write_string (writer->sheet, writer->row, 0, heading, writer->section);
  writer->row++;
}

static void
write_header_row (Writer             *writer,
                  const char * const *headers,
                  guint               n)
{
  tsu_xlsx_write_headers (writer->sheet, writer->row, headers, stats_widths, n, writer->formats);
  writer->row++;
}

/* A label and @n counts; rows whose label wraps are made taller. */
static void
write_count_row (Writer      *writer,
                 const char  *label,
                 const guint *counts,
                 guint        n)
{
  guint lines = tsu_xlsx_count_lines (label, stats_widths[0]);

  worksheet_write_string (writer->sheet, writer->row, 0, label, writer->formats->text);
  for (guint c = 0; c < n; c++)
    worksheet_write_number (writer->sheet, writer->row, c + 1, counts[c], writer->formats->number);
  if (lines > 1)
    worksheet_set_row (writer->sheet, writer->row, lines * TSU_XLSX_LINE_HEIGHT, NULL);
  writer->row++;
}

/* The total row under the rows @first..writer->row - 1: SUM formulas with
 * the values computed here stored, so that a reader that does not
 * calculate shows the same numbers. */
static void
write_total_row (Writer      *writer,
                 lxw_row_t    first,
                 const guint *sums,
                 guint        n)
{
  worksheet_write_string (writer->sheet, writer->row, 0, total_label (), writer->formats->total_label);
  for (guint c = 0; c < n; c++)
    {
      char letter = 'B' + c;
      g_autofree char *formula = g_strdup_printf ("=SUM(%c%u:%c%u)", letter, (guint) first + 1,
                                                  letter, (guint) writer->row);

      worksheet_write_formula_num (writer->sheet, writer->row, c + 1, formula,
                                   writer->formats->total_number, sums[c]);
    }
  writer->row++;
}

static void
write_statistics (lxw_worksheet                   *sheet,
                  lxw_workbook                    *workbook,
                  const TsuReferralStats          *stats,
                  int                              year,
                  const TsuReferralsReportOptions *options,
                  const char                      *title,
                  TsuXlsxFormats                  *formats)
{
  Writer writer = { sheet, formats, NULL, NULL, NULL, 0 };
  g_autofree char *council = tsu_report_dup_council_name (options->council_name);
  g_autofree char *info = NULL;
  lxw_row_t rate_row, first, connected_row, not_connected_row;
  /* Rows go out strictly top to bottom (constant_memory), but the rate in
   * the summary is a formula over the status table below it: where that
   * table's rows fall is fixed by the layout. Summary: its heading, five
   * rows and a blank one; then the status table's heading and header. */
  const lxw_row_t status_first = INFO_ROW + 2 + 1 + 5 + 1 + 1 + 1;
  guint sums[3];

  writer.percent = tsu_xlsx_new_format (workbook);
  format_set_border (writer.percent, LXW_BORDER_THIN);
  format_set_border_color (writer.percent, 0xB0B0B0);
  format_set_num_format (writer.percent, "0.0%");
  format_set_align (writer.percent, LXW_ALIGN_RIGHT);
  writer.decimal = tsu_xlsx_new_format (workbook);
  format_set_border (writer.decimal, LXW_BORDER_THIN);
  format_set_border_color (writer.decimal, 0xB0B0B0);
  format_set_num_format (writer.decimal, "0.0");
  format_set_align (writer.decimal, LXW_ALIGN_RIGHT);
  writer.section = tsu_xlsx_new_format (workbook);
  format_set_bold (writer.section);

  g_strstrip (council);
  info = *council != '\0' ? g_strdup_printf ("%s\u3000%s", council, anonymity_note ())
                          : g_strdup (anonymity_note ());
  worksheet_set_default_row (sheet, TSU_XLSX_LINE_HEIGHT, LXW_FALSE);
  worksheet_set_row (sheet, TITLE_ROW, 24, NULL);
  worksheet_write_string (sheet, TITLE_ROW, 0, title, formats->title);
  worksheet_write_string (sheet, INFO_ROW, 0, info, formats->info);
  for (guint c = 0; c < 4; c++)
    worksheet_set_column (sheet, c, c, stats_widths[c], NULL);
  writer.row = INFO_ROW + 2;

  connected_row = status_first + TSU_REFERRAL_CONNECTED;
  not_connected_row = status_first + TSU_REFERRAL_NOT_CONNECTED;

  write_section (&writer, section_summary ());
  {
    guint value;

    value = stats->cases;
    write_count_row (&writer, label_cases (), &value, 1);
    value = stats->referrals;
    write_count_row (&writer, label_referrals (), &value, 1);
    rate_row = writer.row++;
    worksheet_set_row (sheet, rate_row,
                       tsu_xlsx_count_lines (label_rate (), stats_widths[0]) * TSU_XLSX_LINE_HEIGHT, NULL);
    worksheet_write_string (sheet, rate_row, 0, label_rate (), formats->text);
    /* The rate as a formula over the status table, so that a corrected
     * count carries through; a dash while nothing has closed. */
    {
      g_autofree char *formula =
        g_strdup_printf ("=IF(B%u+B%u=0,\"—\",B%u/(B%u+B%u))",
                         (guint) connected_row + 1, (guint) not_connected_row + 1,
                         (guint) connected_row + 1,
                         (guint) connected_row + 1, (guint) not_connected_row + 1);

      if (stats->connection_rate >= 0)
        worksheet_write_formula_num (sheet, rate_row, 1, formula, writer.percent, stats->connection_rate);
      else
        worksheet_write_formula_str (sheet, rate_row, 1, formula, writer.percent, "—");
    }
    value = stats->foreign_residents;
    write_count_row (&writer, label_foreign (), &value, 1);
    worksheet_write_string (sheet, writer.row, 0, label_median (), formats->text);
    if (stats->median_days_to_connect >= 0)
      worksheet_write_number (sheet, writer.row, 1, stats->median_days_to_connect, writer.decimal);
    else
      worksheet_write_string (sheet, writer.row, 1, "—", writer.decimal);
    writer.row += 2;
  }

  /* By status. */
  write_section (&writer, section_status ());
  {
    const char *headers[2] = { header_status (), header_referrals () };

    write_header_row (&writer, headers, 2);
  }
  first = writer.row;
  g_warn_if_fail (first == status_first);
  sums[0] = 0;
  for (guint s = 0; s < TSU_N_REFERRAL_STATUSES; s++)
    {
      write_count_row (&writer, tsu_referral_status_to_label (s), &stats->by_status[s], 1);
      sums[0] += stats->by_status[s];
    }
  write_total_row (&writer, first, sums, 1);
  writer.row++;

  /* By ward. */
  write_section (&writer, section_ward ());
  {
    const char *headers[4] = {
      /* Translators: header of the referral statistics (区) */
      C_("referrals", "Ward"),
      header_referrals (), header_connected (), header_not_connected (),
    };

    write_header_row (&writer, headers, 4);
  }
  first = writer.row;
  memset (sums, 0, sizeof sums);
  for (guint w = 0; w < TSU_N_WARDS; w++)
    {
      guint counts[3] = { stats->ward_referrals[w], stats->ward_connected[w], stats->ward_not_connected[w] };

      write_count_row (&writer, tsu_ward_to_name (w), counts, 3);
      for (guint c = 0; c < 3; c++)
        sums[c] += counts[c];
    }
  write_total_row (&writer, first, sums, 3);
  writer.row++;

  /* By concern. */
  write_section (&writer, section_concern ());
  {
    const char *headers[2] = {
      /* Translators: header of the referral statistics (相談内容) */
      C_("referrals", "Concern"),
      header_cases (),
    };

    write_header_row (&writer, headers, 2);
  }
  first = writer.row;
  sums[0] = 0;
  for (guint c = 0; c < TSU_N_CONCERNS; c++)
    {
      write_count_row (&writer, tsu_concern_to_label (c), &stats->by_concern[c], 1);
      sums[0] += stats->by_concern[c];
    }
  write_total_row (&writer, first, sums, 1);
  worksheet_write_string (sheet, writer.row, 0, concern_note (), formats->info);
  writer.row += 2;

  /* By month. */
  write_section (&writer, section_month ());
  {
    const char *headers[2] = {
      /* Translators: header of the referral statistics (月) */
      C_("referrals", "Month"),
      header_referrals (),
    };

    write_header_row (&writer, headers, 2);
  }
  first = writer.row;
  sums[0] = 0;
  for (guint m = 0; m < 12; m++)
    {
      g_autofree char *label = dup_month_label (year, m, options->date_style);

      write_count_row (&writer, label, &stats->by_month[m], 1);
      sums[0] += stats->by_month[m];
    }
  write_total_row (&writer, first, sums, 1);

  tsu_xlsx_setup_page (sheet, TITLE_ROW, TITLE_ROW);
  worksheet_freeze_panes (sheet, INFO_ROW + 1, 0);
}

/* The cases sheet: one row per referral of the year. */

enum
{
  COL_CASE,
  COL_RECEIVED_ON,
  COL_REFERRED_ON,
  COL_CLOSED_ON,
  COL_FROM,
  COL_TO,
  COL_WARD,
  COL_AGE_BAND,
  COL_CONCERNS,
  COL_FOREIGN,
  COL_STATUS,
  COL_REASON,
  N_CASE_COLUMNS
};

#define CASES_HEADER_ROW 2
#define CASES_FIRST_ROW  3

static const double case_widths[N_CASE_COLUMNS] = {
  [COL_CASE] = 11,
  [COL_RECEIVED_ON] = 17,
  [COL_REFERRED_ON] = 17,
  [COL_CLOSED_ON] = 17,
  [COL_FROM] = 26,
  [COL_TO] = 26,
  [COL_WARD] = 10,
  [COL_AGE_BAND] = 10,
  [COL_CONCERNS] = 24,
  [COL_FOREIGN] = 9,
  [COL_STATUS] = 15,
  [COL_REASON] = 22,
};

static const char *
case_header (guint column)
{
  switch (column)
    {
    /* Translators: header of the referral rows of the workbook (ケース番号) */
    case COL_CASE:        return C_("referrals", "Case");
    /* Translators: header of the referral rows of the workbook (受付日) */
    case COL_RECEIVED_ON: return C_("referrals", "Received on");
    /* Translators: header of the referral rows of the workbook (紹介日) */
    case COL_REFERRED_ON: return C_("referrals", "Referred on");
    /* Translators: header of the referral rows of the workbook (終了日) */
    case COL_CLOSED_ON:   return C_("referrals", "Closed on");
    /* Translators: header of the referral rows of the workbook (紹介元) */
    case COL_FROM:        return C_("referrals", "From");
    /* Translators: header of the referral rows of the workbook (紹介先) */
    case COL_TO:          return C_("referrals", "To");
    case COL_WARD:        return C_("referrals", "Ward");
    /* Translators: header of the referral rows of the workbook (年代) */
    case COL_AGE_BAND:    return C_("referrals", "Age");
    /* Translators: header of the referral rows of the workbook (相談内容) */
    case COL_CONCERNS:    return C_("referrals", "Concerns");
    /* Translators: header of the referral rows of the workbook (外国籍等) */
    case COL_FOREIGN:     return C_("referrals", "Foreign resident");
    case COL_STATUS:      return header_status ();
    /* Translators: header of the referral rows of the workbook (理由) */
    case COL_REASON:      return C_("referrals", "Reason");
    default:
      g_assert_not_reached ();
    }
}

/* What the rows of the cases sheet repeat: labels (a catalogue lookup
 * each) and the number of lines a text takes in its column, worked out
 * once per value rather than once per row. */
typedef struct
{
  const char *text;
  guint       lines;
} Measured;

typedef struct
{
  lxw_worksheet  *sheet;
  TsuXlsxFormats *formats;
  lxw_row_t       row;
  const char     *age_bands[TSU_N_AGE_BANDS];
  const char     *statuses[TSU_N_REFERRAL_STATUSES];
  const char     *reasons[TSU_N_REASONS];
  const char     *yes;
  const char     *no;
  GHashTable     *concerns;    /* mask + 1 → Measured, text owned */
  GHashTable     *from_lines;  /* place → lines in the From column */
  GHashTable     *to_lines;    /* place → lines in the To column */
} CasesWriter;

static void
measured_free (Measured *measured)
{
  g_free ((char *) measured->text);
  g_free (measured);
}

static guint
place_lines (GHashTable *cache,
             const char *place,
             double      width)
{
  gpointer known = g_hash_table_lookup (cache, place);
  guint lines;

  if (known != NULL)
    return GPOINTER_TO_UINT (known);
  lines = tsu_xlsx_count_lines (place, width);
  g_hash_table_insert (cache, g_strdup (place), GUINT_TO_POINTER (lines));
  return lines;
}

static const Measured *
concerns_text (CasesWriter *writer,
               guint        mask)
{
  Measured *measured = g_hash_table_lookup (writer->concerns, GUINT_TO_POINTER (mask + 1));

  if (measured == NULL)
    {
      measured = g_new0 (Measured, 1);
      measured->text = tsu_concerns_to_text (mask, FALSE);
      measured->lines = tsu_xlsx_count_lines (measured->text, case_widths[COL_CONCERNS]);
      g_hash_table_insert (writer->concerns, GUINT_TO_POINTER (mask + 1), measured);
    }
  return measured;
}

/* An ISO date as a date cell, read without a GDate: this runs three times
 * a row. Anything but a plain valid date goes the general way. */
static void
write_date (CasesWriter *writer,
            lxw_col_t    col,
            const char  *iso)
{
  lxw_datetime datetime = { 0 };
  const char *p = iso;

  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? p[i] != '-' : !g_ascii_isdigit (p[i]))
      {
        tsu_xlsx_write_date (writer->sheet, writer->row, col, iso, writer->formats->date, writer->formats->text);
        return;
      }
  datetime.year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
  datetime.month = (p[5] - '0') * 10 + (p[6] - '0');
  datetime.day = (p[8] - '0') * 10 + (p[9] - '0');
  if (p[10] != '\0' || !g_date_valid_dmy (datetime.day, datetime.month, datetime.year))
    {
      tsu_xlsx_write_date (writer->sheet, writer->row, col, iso, writer->formats->date, writer->formats->text);
      return;
    }
  worksheet_write_datetime (writer->sheet, writer->row, col, &datetime, writer->formats->date);
}

static gboolean
write_case_row (const TsuReferralRow  *referral,
                gpointer               user_data,
                GError               **error)
{
  CasesWriter *writer = user_data;
  lxw_worksheet *sheet = writer->sheet;
  lxw_format *text = writer->formats->text;
  const Measured *concerns = concerns_text (writer, referral->concerns);
  guint lines = concerns->lines;

  /* Before the cells: in constant_memory mode a row is written out when
   * the next one starts. */
  lines = MAX (lines, place_lines (writer->from_lines, referral->from, case_widths[COL_FROM]));
  lines = MAX (lines, place_lines (writer->to_lines, referral->to, case_widths[COL_TO]));
  if (lines > 1)
    worksheet_set_row (sheet, writer->row, lines * TSU_XLSX_LINE_HEIGHT, NULL);

  tsu_xlsx_write_text (sheet, writer->row, COL_CASE, referral->case_code, text);
  write_date (writer, COL_RECEIVED_ON, referral->received_on);
  write_date (writer, COL_REFERRED_ON, referral->referred_on);
  write_date (writer, COL_CLOSED_ON, referral->closed_on);
  tsu_xlsx_write_text (sheet, writer->row, COL_FROM, referral->from, text);
  tsu_xlsx_write_text (sheet, writer->row, COL_TO, referral->to, text);
  tsu_xlsx_write_text (sheet, writer->row, COL_WARD,
                       referral->ward < TSU_N_WARDS ? tsu_ward_to_name (referral->ward) : NULL, text);
  tsu_xlsx_write_text (sheet, writer->row, COL_AGE_BAND,
                       referral->age_band < TSU_N_AGE_BANDS ? writer->age_bands[referral->age_band] : NULL, text);
  tsu_xlsx_write_text (sheet, writer->row, COL_CONCERNS, concerns->text, text);
  tsu_xlsx_write_text (sheet, writer->row, COL_FOREIGN, referral->foreign_resident ? writer->yes : writer->no, text);
  tsu_xlsx_write_text (sheet, writer->row, COL_STATUS, writer->statuses[referral->status], text);
  tsu_xlsx_write_text (sheet, writer->row, COL_REASON,
                       referral->reason != TSU_REASON_NONE ? writer->reasons[referral->reason] : NULL, text);
  writer->row++;
  return TRUE;
}

/* One row per referral of the year, streamed from the database: a year
 * of any size is written in the same memory. */
static gboolean
write_cases (lxw_worksheet   *sheet,
             TsuDatabase     *db,
             int              year,
             const char      *title,
             TsuXlsxFormats  *formats,
             GError         **error)
{
  g_autoptr(GHashTable) concerns = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                          (GDestroyNotify) measured_free);
  g_autoptr(GHashTable) from_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) to_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CasesWriter writer = { sheet, formats, CASES_FIRST_ROW };
  const char *headers[N_CASE_COLUMNS];

  for (guint i = 0; i < TSU_N_AGE_BANDS; i++)
    writer.age_bands[i] = tsu_age_band_to_label (i);
  for (guint i = 0; i < TSU_N_REFERRAL_STATUSES; i++)
    writer.statuses[i] = tsu_referral_status_to_label (i);
  for (guint i = 0; i < TSU_N_REASONS; i++)
    writer.reasons[i] = i != TSU_REASON_NONE ? tsu_referral_reason_to_label (i) : NULL;
  /* Translators: a foreign resident in the referral rows (はい) */
  writer.yes = C_("referrals", "Yes");
  /* Translators: not a foreign resident in the referral rows (いいえ) */
  writer.no = C_("referrals", "No");
  writer.concerns = concerns;
  writer.from_lines = from_lines;
  writer.to_lines = to_lines;

  worksheet_set_default_row (sheet, TSU_XLSX_LINE_HEIGHT, LXW_FALSE);
  worksheet_set_row (sheet, TITLE_ROW, 24, NULL);
  worksheet_write_string (sheet, TITLE_ROW, 0, title, formats->title);
  worksheet_write_string (sheet, INFO_ROW, 0, anonymity_note (), formats->info);
  for (guint c = 0; c < N_CASE_COLUMNS; c++)
    {
      headers[c] = case_header (c);
      worksheet_set_column (sheet, c, c, case_widths[c], NULL);
    }
  tsu_xlsx_write_headers (sheet, CASES_HEADER_ROW, headers, case_widths, N_CASE_COLUMNS, formats);

  if (!tsu_referral_foreach_in_fiscal_year (db, year, write_case_row, &writer, error))
    return FALSE;

  worksheet_freeze_panes (sheet, CASES_FIRST_ROW, 1);
  worksheet_autofilter (sheet, CASES_HEADER_ROW, 0, MAX (writer.row - 1, CASES_HEADER_ROW), N_CASE_COLUMNS - 1);
  tsu_xlsx_setup_page (sheet, CASES_HEADER_ROW, CASES_HEADER_ROW);
  return TRUE;
}

gboolean
tsu_referrals_report_export_xlsx (TsuDatabase                      *db,
                                  int                               year,
                                  const TsuReferralsReportOptions  *options,
                                  const char                       *path,
                                  GError                          **error)
{
  g_autofree char *temp_path = NULL;
  g_autofree char *title = NULL;
  TsuReferralStats stats;
  TsuXlsxFormats formats;
  lxw_workbook *workbook;
  lxw_worksheet *statistics;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!load_stats (db, year, &stats, error))
    return FALSE;

  temp_path = tsu_report_file_begin (path, error);
  if (temp_path == NULL)
    return FALSE;
  title = dup_title (year, options);
  /* Streaming, so that a year of any size takes the same memory: every
   * sheet is written strictly top to bottom. */
  workbook = tsu_xlsx_workbook_new_streaming (temp_path, title, error);
  if (workbook == NULL)
    return FALSE;
  tsu_xlsx_formats_init (&formats, workbook, options->date_style);

  /* Translators: name of the worksheet of referral statistics (統計); at
   * most 31 characters, no []:*?/\ */
  statistics = workbook_add_worksheet (workbook, C_("worksheet", "Statistics"));
  write_statistics (statistics, workbook, &stats, year, options, title, &formats);

  if (options->include_cases)
    {
      /* Translators: name of the worksheet of one row per referral
       * (紹介一覧); at most 31 characters, no []:*?/\ */
      lxw_worksheet *sheet = workbook_add_worksheet (workbook, C_("worksheet", "Referrals"));

      if (!write_cases (sheet, db, year, title, &formats, error))
        {
          workbook_close (workbook);
          tsu_report_file_abort (temp_path);
          return FALSE;
        }
    }

  return tsu_xlsx_workbook_finish (workbook, temp_path, path, error);
}
