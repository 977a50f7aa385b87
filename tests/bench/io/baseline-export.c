/* baseline-export.c: the baseline of "export referrals --include-cases" —
 * the same cells written straight from SQLite with libxlsxwriter in its
 * constant_memory mode, which is the library's own limit: no GObject, no
 * list in memory, each row flushed as the next one starts.
 *
 *   baseline-export DATABASE FISCAL_YEAR OUTPUT.xlsx [COUNCIL]
 *
 * COUNCIL is the council's name the program's settings give (the
 * benchmarks run with the schema's default); none when left out.
 * Both sheets of the real workbook, cell for cell as Tsunagu writes them
 * with LANG=C.UTF-8 (English labels, 和暦 dates, the benchmark's locale):
 * "Statistics", from the same three aggregate queries as
 * tsu-referral-stats.c, and "Referrals", one row per referral of the
 * fiscal year with its case, in the same order. Formats, widths, frozen
 * panes, filter and page setup as well, so that both files are the same
 * size; only the heights of rows whose text wraps are left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define LINE_HEIGHT 18.75
#define ANONYMISED "Anonymised: people appear only as case codes; notes are never exported."

static const char * const statuses[] = {
  "sent", "accepted", "declined", "connected", "not-connected", "withdrawn",
};
static const char * const status_labels[] = {
  "Sent", "Accepted", "Declined", "Connected", "Not connected", "Withdrawn",
};
static const char * const reasons[] = {
  "unreachable", "refused", "no-capacity", "ineligible", "no-longer-needed", "other",
};
static const char * const reason_labels[] = {
  "The person could not be reached", "The person did not want it", "No capacity",
  "Not eligible", "No longer needed", "Other",
};
static const char * const age_bands[] = {
  "under-20", "20s", "30s", "40s", "50s", "60s", "70s", "80-plus", "unknown",
};
static const char * const age_band_labels[] = {
  "Under 20", "20s", "30s", "40s", "50s", "60s", "70s", "80 and over", "Unknown",
};
static const char * const wards[] = {
  "門司区", "小倉北区", "小倉南区", "若松区", "八幡東区", "八幡西区", "戸畑区",
};
static const char * const concern_labels[] = {
  "Poverty", "Employment", "Housing", "Hikikomori", "Children and child-rearing",
  "Young people", "Older people", "Dementia", "Disability", "Foreign residents",
  "Suicide risk", "Food", "Violence and abuse", "Other",
};
#define N_STATUSES 6
#define N_WARDS 7
#define N_CONCERNS 14

static const char * const month_labels[] = {
  "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月",
};

typedef struct
{
  lxw_format *title, *info, *header, *text, *date, *number, *total_label, *total_number;
  lxw_format *percent, *decimal, *section;
} Formats;

static lxw_format *
new_format (lxw_workbook *workbook)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, "游ゴシック");
  format_set_font_charset (format, 128);
  format_set_font_family (format, 3);
  format_set_font_size (format, 11);
  return format;
}

static lxw_format *
new_cell_format (lxw_workbook *workbook)
{
  lxw_format *format = new_format (workbook);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_border_color (format, 0xB0B0B0);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

static void
init_formats (Formats      *f,
              lxw_workbook *workbook)
{
  f->title = new_format (workbook);
  format_set_bold (f->title);
  format_set_font_size (f->title, 14);
  f->info = new_format (workbook);
  f->header = new_format (workbook);
  format_set_bold (f->header);
  format_set_bg_color (f->header, 0xDDEBF7);
  format_set_border (f->header, LXW_BORDER_THIN);
  format_set_border_color (f->header, 0x808080);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_align (f->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (f->header);
  f->text = new_cell_format (workbook);
  format_set_text_wrap (f->text);
  f->date = new_cell_format (workbook);
  format_set_align (f->date, LXW_ALIGN_LEFT);
  format_set_num_format (f->date, "[$-411]ggge\"年\"m\"月\"d\"日\"");
  f->number = new_cell_format (workbook);
  format_set_num_format (f->number, "#,##0");
  f->total_label = new_cell_format (workbook);
  format_set_bold (f->total_label);
  format_set_top (f->total_label, LXW_BORDER_DOUBLE);
  format_set_top_color (f->total_label, 0x808080);
  f->total_number = new_cell_format (workbook);
  format_set_bold (f->total_number);
  format_set_num_format (f->total_number, "#,##0");
  format_set_top (f->total_number, LXW_BORDER_DOUBLE);
  format_set_top_color (f->total_number, 0x808080);
  f->percent = new_format (workbook);
  format_set_border (f->percent, LXW_BORDER_THIN);
  format_set_border_color (f->percent, 0xB0B0B0);
  format_set_num_format (f->percent, "0.0%");
  format_set_align (f->percent, LXW_ALIGN_RIGHT);
  f->decimal = new_format (workbook);
  format_set_border (f->decimal, LXW_BORDER_THIN);
  format_set_border_color (f->decimal, 0xB0B0B0);
  format_set_num_format (f->decimal, "0.0");
  format_set_align (f->decimal, LXW_ALIGN_RIGHT);
  f->section = new_format (workbook);
  format_set_bold (f->section);
}

static void
fail (sqlite3 *db)
{
  fprintf (stderr, "baseline-export: %s\n", sqlite3_errmsg (db));
  exit (1);
}

static int
lookup (const char         *text,
        const char * const *codes,
        int                 n)
{
  for (int i = 0; text != NULL && i < n; i++)
    if (strcmp (text, codes[i]) == 0)
      return i;
  return -1;
}

static void
write_date (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *iso,
            Formats       *f)
{
  lxw_datetime date = { 0 };

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &date.year, &date.month, &date.day) != 3)
    {
      worksheet_write_blank (sheet, row, col, f->text);
      return;
    }
  worksheet_write_datetime (sheet, row, col, &date, f->date);
}

static void
write_text (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            Formats       *f)
{
  if (text == NULL || *text == '\0')
    worksheet_write_blank (sheet, row, col, f->text);
  else
    worksheet_write_string (sheet, row, col, text, f->text);
}

/* "令和5年", "令和元年", "平成30年" of @year (after 1989). */
static void
era_year (char   *out,
          size_t  size,
          int     year,
          int     reiwa_if_2019)
{
  if (year > 2019 || (year == 2019 && reiwa_if_2019))
    year == 2019 ? snprintf (out, size, "令和元年") : snprintf (out, size, "令和%d年", year - 2018);
  else
    snprintf (out, size, "平成%d年", year - 1988);
}

/* ---- the statistics sheet ------------------------------------------- */

typedef struct
{
  unsigned cases, foreign, referrals;
  unsigned by_concern[N_CONCERNS];
  unsigned by_status[N_STATUSES];
  unsigned ward_referrals[N_WARDS], ward_connected[N_WARDS], ward_not_connected[N_WARDS];
  unsigned by_month[12];
  double   median;
} Stats;

static void
compute_stats (sqlite3    *db,
               const char *first,
               const char *last,
               Stats      *s)
{
  sqlite3_stmt *stmt;
  double *days = NULL;
  size_t n_days = 0, size = 0;

  memset (s, 0, sizeof *s);
  if (sqlite3_prepare_v2 (db,
        "SELECT count (*), coalesce (sum (foreign_resident), 0),"
        " coalesce (sum ((concerns >> 0) & 1), 0), coalesce (sum ((concerns >> 1) & 1), 0),"
        " coalesce (sum ((concerns >> 2) & 1), 0), coalesce (sum ((concerns >> 3) & 1), 0),"
        " coalesce (sum ((concerns >> 4) & 1), 0), coalesce (sum ((concerns >> 5) & 1), 0),"
        " coalesce (sum ((concerns >> 6) & 1), 0), coalesce (sum ((concerns >> 7) & 1), 0),"
        " coalesce (sum ((concerns >> 8) & 1), 0), coalesce (sum ((concerns >> 9) & 1), 0),"
        " coalesce (sum ((concerns >> 10) & 1), 0), coalesce (sum ((concerns >> 11) & 1), 0),"
        " coalesce (sum ((concerns >> 12) & 1), 0), coalesce (sum ((concerns >> 13) & 1), 0)"
        " FROM cases WHERE received_on BETWEEN ?1 AND ?2", -1, &stmt, NULL) != SQLITE_OK)
    fail (db);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      s->cases = sqlite3_column_int (stmt, 0);
      s->foreign = sqlite3_column_int (stmt, 1);
      for (int i = 0; i < N_CONCERNS; i++)
        s->by_concern[i] = sqlite3_column_int (stmt, 2 + i);
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db,
        "SELECT r.status, c.ward, CAST (substr (r.referred_on, 6, 2) AS INTEGER), count (*)"
        " FROM referrals r JOIN cases c ON c.id = r.case_id"
        " WHERE r.referred_on BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3", -1, &stmt, NULL) != SQLITE_OK)
    fail (db);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int status = lookup ((const char *) sqlite3_column_text (stmt, 0), statuses, N_STATUSES);
      int ward = lookup ((const char *) sqlite3_column_text (stmt, 1), wards, N_WARDS);
      int month = sqlite3_column_int (stmt, 2);
      unsigned count = sqlite3_column_int (stmt, 3);

      s->referrals += count;
      if (status >= 0)
        s->by_status[status] += count;
      if (month >= 1 && month <= 12)
        s->by_month[(month + 8) % 12] += count;
      if (ward >= 0)
        {
          s->ward_referrals[ward] += count;
          if (status == 3)
            s->ward_connected[ward] += count;
          else if (status == 4)
            s->ward_not_connected[ward] += count;
        }
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db,
        "SELECT julianday (closed_on) - julianday (referred_on) FROM referrals"
        " WHERE status = 'connected' AND closed_on IS NOT NULL AND referred_on BETWEEN ?1 AND ?2"
        " ORDER BY 1", -1, &stmt, NULL) != SQLITE_OK)
    fail (db);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (n_days == size)
        days = realloc (days, (size = size ? size * 2 : 1024) * sizeof *days);
      days[n_days++] = sqlite3_column_double (stmt, 0);
    }
  sqlite3_finalize (stmt);
  s->median = n_days == 0 ? -1 : n_days % 2 ? days[n_days / 2]
                                            : (days[n_days / 2 - 1] + days[n_days / 2]) / 2;
  free (days);
}

static void
count_row (lxw_worksheet  *sheet,
           lxw_row_t       row,
           const char     *label,
           const unsigned *counts,
           int             n,
           Formats        *f)
{
  worksheet_write_string (sheet, row, 0, label, f->text);
  for (int c = 0; c < n; c++)
    worksheet_write_number (sheet, row, c + 1, counts[c], f->number);
}

static void
total_row (lxw_worksheet  *sheet,
           lxw_row_t       row,
           lxw_row_t       first,
           const unsigned *sums,
           int             n,
           Formats        *f)
{
  worksheet_write_string (sheet, row, 0, "Total", f->total_label);
  for (int c = 0; c < n; c++)
    {
      char formula[64];

      snprintf (formula, sizeof formula, "=SUM(%c%u:%c%u)", 'B' + c, first + 1, 'B' + c, row);
      worksheet_write_formula_num (sheet, row, c + 1, formula, f->total_number, sums[c]);
    }
}

static void
header_row (lxw_worksheet      *sheet,
            lxw_row_t           row,
            const char * const *headers,
            int                 n,
            Formats            *f)
{
  for (int c = 0; c < n; c++)
    worksheet_write_string (sheet, row, c, headers[c], f->header);
  worksheet_set_row (sheet, row, LINE_HEIGHT, NULL);
}

static void
write_statistics (lxw_worksheet *sheet,
                  const Stats   *s,
                  const char    *title,
                  const char    *council,
                  int            year,
                  Formats       *f)
{
  static const double widths[4] = { 44, 12, 12, 14 };
  lxw_row_t row = 3, first, connected_row;
  unsigned sums[3];
  char formula[128], label[32], info[512];

  worksheet_set_default_row (sheet, LINE_HEIGHT, LXW_FALSE);
  for (int c = 0; c < 4; c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);
  worksheet_set_row (sheet, 0, 24, NULL);
  worksheet_write_string (sheet, 0, 0, title, f->title);
  snprintf (info, sizeof info, "%s%s%s", council, *council ? "\u3000" : "", ANONYMISED);
  worksheet_write_string (sheet, 1, 0, info, f->info);

  /* The layout is fixed, so the status table's rows are known here. */
  connected_row = 15;
  worksheet_write_string (sheet, row++, 0, "Summary", f->section);
  count_row (sheet, row++, "Cases received", &s->cases, 1, f);
  count_row (sheet, row++, "Referrals made", &s->referrals, 1, f);
  worksheet_set_row (sheet, row, 2 * LINE_HEIGHT, NULL);
  worksheet_write_string (sheet, row, 0, "Connection rate (connected ÷ (connected + not connected))", f->text);
  snprintf (formula, sizeof formula, "=IF(B%u+B%u=0,\"—\",B%u/(B%u+B%u))", connected_row + 1,
            connected_row + 2, connected_row + 1, connected_row + 1, connected_row + 2);
  if (s->by_status[3] + s->by_status[4] > 0)
    worksheet_write_formula_num (sheet, row, 1, formula, f->percent,
                                 (double) s->by_status[3] / (s->by_status[3] + s->by_status[4]));
  else
    worksheet_write_formula_str (sheet, row, 1, formula, f->percent, "—");
  row++;
  count_row (sheet, row++, "Cases of foreign residents", &s->foreign, 1, f);
  worksheet_write_string (sheet, row, 0, "Median days from referral to connection", f->text);
  if (s->median >= 0)
    worksheet_write_number (sheet, row, 1, s->median, f->decimal);
  else
    worksheet_write_string (sheet, row, 1, "—", f->decimal);
  row += 2;

  worksheet_write_string (sheet, row++, 0, "Referrals by status", f->section);
  header_row (sheet, row++, (const char *[]) { "Status", "Referrals" }, 2, f);
  first = row;
  sums[0] = 0;
  for (int i = 0; i < N_STATUSES; i++)
    {
      count_row (sheet, row++, status_labels[i], &s->by_status[i], 1, f);
      sums[0] += s->by_status[i];
    }
  total_row (sheet, row++, first, sums, 1, f);
  row++;

  worksheet_write_string (sheet, row++, 0, "Referrals by ward of the case", f->section);
  header_row (sheet, row++, (const char *[]) { "Ward", "Referrals", "Connected", "Not connected" }, 4, f);
  first = row;
  memset (sums, 0, sizeof sums);
  for (int w = 0; w < N_WARDS; w++)
    {
      unsigned counts[3] = { s->ward_referrals[w], s->ward_connected[w], s->ward_not_connected[w] };

      count_row (sheet, row++, wards[w], counts, 3, f);
      for (int c = 0; c < 3; c++)
        sums[c] += counts[c];
    }
  total_row (sheet, row++, first, sums, 3, f);
  row++;

  worksheet_write_string (sheet, row++, 0, "Cases by concern", f->section);
  header_row (sheet, row++, (const char *[]) { "Concern", "Cases" }, 2, f);
  first = row;
  sums[0] = 0;
  for (int i = 0; i < N_CONCERNS; i++)
    {
      count_row (sheet, row++, concern_labels[i], &s->by_concern[i], 1, f);
      sums[0] += s->by_concern[i];
    }
  total_row (sheet, row++, first, sums, 1, f);
  worksheet_write_string (sheet, row, 0, "A case with several concerns counts under each of them.", f->info);
  row += 2;

  worksheet_write_string (sheet, row++, 0, "Referrals by month", f->section);
  header_row (sheet, row++, (const char *[]) { "Month", "Referrals" }, 2, f);
  first = row;
  sums[0] = 0;
  for (int m = 0; m < 12; m++)
    {
      int calendar_year = m < 9 ? year : year + 1;
      char era[32];

      /* 令和 began on 1 May 2019. */
      era_year (era, sizeof era, calendar_year, !(calendar_year == 2019 && m == 0));
      snprintf (label, sizeof label, "%s%s", era, month_labels[m]);
      count_row (sheet, row++, label, &s->by_month[m], 1, f);
      sums[0] += s->by_month[m];
    }
  total_row (sheet, row, first, sums, 1, f);

  worksheet_set_paper (sheet, 9);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 0, 0);
  worksheet_set_margins (sheet, 0.4, 0.4, 0.6, 0.6);
  worksheet_center_horizontally (sheet);
  worksheet_set_footer (sheet, "&C&P / &N");
  worksheet_freeze_panes (sheet, 2, 0);
}

/* ---- the referrals sheet -------------------------------------------- */

static void
write_referrals (lxw_worksheet *sheet,
                 sqlite3       *db,
                 const char    *first,
                 const char    *last,
                 const char    *title,
                 Formats       *f)
{
  static const double widths[12] = { 11, 17, 17, 17, 26, 26, 10, 10, 24, 9, 15, 22 };
  static const char * const headers[12] = {
    "Case", "Received on", "Referred on", "Closed on", "From", "To", "Ward", "Age",
    "Concerns", "Foreign resident", "Status", "Reason",
  };
  sqlite3_stmt *stmt;
  lxw_row_t row = 3;

  worksheet_set_default_row (sheet, LINE_HEIGHT, LXW_FALSE);
  for (int c = 0; c < 12; c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);
  worksheet_set_row (sheet, 0, 24, NULL);
  worksheet_write_string (sheet, 0, 0, title, f->title);
  worksheet_write_string (sheet, 1, 0, ANONYMISED, f->info);
  worksheet_set_row (sheet, 2, 2 * LINE_HEIGHT, NULL);
  for (int c = 0; c < 12; c++)
    worksheet_write_string (sheet, 2, c, headers[c], f->header);

  if (sqlite3_prepare_v2 (db,
        "SELECT c.code, c.received_on, r.referred_on, r.closed_on, r.from_place, r.to_place,"
        " c.ward, c.age_band, c.concerns, c.foreign_resident, r.status, r.reason"
        " FROM referrals r JOIN cases c ON c.id = r.case_id"
        " WHERE r.referred_on BETWEEN ?1 AND ?2 ORDER BY r.referred_on, r.id", -1, &stmt, NULL) != SQLITE_OK)
    fail (db);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char concerns[512];
      unsigned mask = sqlite3_column_int (stmt, 8);
      int band = lookup ((const char *) sqlite3_column_text (stmt, 7), age_bands, 9);
      int status = lookup ((const char *) sqlite3_column_text (stmt, 10), statuses, N_STATUSES);
      int reason = lookup ((const char *) sqlite3_column_text (stmt, 11), reasons, 6);
      size_t length = 0;

      concerns[0] = '\0';
      for (int i = 0; i < N_CONCERNS; i++)
        if (mask & (1u << i))
          length += snprintf (concerns + length, sizeof concerns - length, "%s%s",
                              length > 0 ? ", " : "", concern_labels[i]);

      write_text (sheet, row, 0, (const char *) sqlite3_column_text (stmt, 0), f);
      write_date (sheet, row, 1, (const char *) sqlite3_column_text (stmt, 1), f);
      write_date (sheet, row, 2, (const char *) sqlite3_column_text (stmt, 2), f);
      write_date (sheet, row, 3, (const char *) sqlite3_column_text (stmt, 3), f);
      write_text (sheet, row, 4, (const char *) sqlite3_column_text (stmt, 4), f);
      write_text (sheet, row, 5, (const char *) sqlite3_column_text (stmt, 5), f);
      write_text (sheet, row, 6, (const char *) sqlite3_column_text (stmt, 6), f);
      write_text (sheet, row, 7, age_band_labels[band < 0 ? 8 : band], f);
      write_text (sheet, row, 8, concerns, f);
      write_text (sheet, row, 9, sqlite3_column_int (stmt, 9) ? "Yes" : "No", f);
      write_text (sheet, row, 10, status_labels[status < 0 ? 0 : status], f);
      write_text (sheet, row, 11, reason >= 0 ? reason_labels[reason] : NULL, f);
      row++;
    }
  if (sqlite3_finalize (stmt) != SQLITE_OK)
    fail (db);

  worksheet_freeze_panes (sheet, 3, 1);
  worksheet_autofilter (sheet, 2, 0, row > 3 ? row - 1 : 2, 11);
  worksheet_set_paper (sheet, 9);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 2, 2);
  worksheet_set_margins (sheet, 0.4, 0.4, 0.6, 0.6);
  worksheet_center_horizontally (sheet);
  worksheet_set_footer (sheet, "&C&P / &N");
}

int
main (int    argc,
      char **argv)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  lxw_doc_properties properties = { 0 };
  lxw_workbook *workbook;
  sqlite3 *db;
  Formats formats;
  Stats stats;
  char first[32], last[32], title[128];
  int year;

  if (argc != 4 && argc != 5)
    {
      fprintf (stderr, "usage: baseline-export DATABASE FISCAL_YEAR OUTPUT.xlsx [COUNCIL]\n");
      return 2;
    }
  year = atoi (argv[2]);
  snprintf (first, sizeof first, "%04d-04-01", year);
  snprintf (last, sizeof last, "%04d-03-31", year + 1);
  era_year (title, sizeof title, year, 1);
  strcat (title, "度 Referral Statistics");

  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    fail (db);
  compute_stats (db, first, last, &stats);

  workbook = workbook_new_opt (argv[3], &options);
  if (workbook == NULL)
    return 1;
  properties.title = title;
  properties.author = (char *) "Tsunagu";
  workbook_set_properties (workbook, &properties);
  init_formats (&formats, workbook);

  write_statistics (workbook_add_worksheet (workbook, "Statistics"), &stats, title,
                    argc == 5 ? argv[4] : "", year, &formats);
  write_referrals (workbook_add_worksheet (workbook, "Referrals"), db, first, last, title, &formats);

  sqlite3_close (db);
  if (workbook_close (workbook) != LXW_NO_ERROR)
    return 1;
  return 0;
}
