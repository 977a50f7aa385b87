/* tsu-budget-report.c: the budget sheet finance wants (予算配分の表) as a
 * workbook and a printout, laid out like the table in seed 000: one row
 * per commissioned project with its contractor and amount, and a 計 row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <xlsxwriter.h>

#include "tsu-amount.h"
#include "tsu-budget-line.h"
#include "tsu-budget-report.h"
#include "tsu-event.h"
#include "tsu-payment.h"
#include "tsu-report-file.h"
#include "tsu-xlsx-style.h"

#define N_PILLARS 4

void
tsu_budget_report_options_init (TsuBudgetReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->date_style = tsu_report_default_date_style ();
  options->council_name = NULL;
}

/* The year's lines in table order and the payments against them. */
typedef struct
{
  GPtrArray  *lines;       /* TsuBudgetLine */
  GPtrArray  *payments;    /* TsuPayment, by date */
  gint64      total;
  /* Looked up for every line and payment: a year of hundreds of lines
   * and thousands of payments would otherwise be searched through for
   * each of them. */
  GHashTable *line_names;  /* line id (gint64 *) → its name */
  GHashTable *paid;        /* casefolded line name → gint64 * paid */
} Budget;

static void
budget_clear (Budget *budget)
{
  g_clear_pointer (&budget->lines, g_ptr_array_unref);
  g_clear_pointer (&budget->payments, g_ptr_array_unref);
  g_clear_pointer (&budget->line_names, g_hash_table_unref);
  g_clear_pointer (&budget->paid, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Budget, budget_clear)

static gboolean
budget_load (Budget       *budget,
             TsuDatabase  *db,
             int           year,
             GError      **error)
{
  budget->lines = tsu_budget_line_load_for_fiscal_year (db, year, error);
  if (budget->lines == NULL)
    return FALSE;
  budget->payments = tsu_payment_load_for_fiscal_year (db, year, error);
  if (budget->payments == NULL)
    return FALSE;
  budget->total = 0;
  budget->line_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < budget->lines->len; i++)
    {
      TsuBudgetLine *line = g_ptr_array_index (budget->lines, i);
      gint64 id = tsu_budget_line_get_id (line);

      budget->total += tsu_budget_line_get_amount (line);
      g_hash_table_insert (budget->line_names, g_memdup2 (&id, sizeof id),
                           (gpointer) tsu_budget_line_get_name (line));
    }
  /* What the SUMIF over the payments sheet gives each name: the paid sums
   * by the name of the line paid against, compared as SUMIF compares
   * (ignoring case). The values stored beside the formulas must be the
   * ones a spreadsheet computes. */
  budget->paid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < budget->payments->len; i++)
    {
      TsuPayment *payment = g_ptr_array_index (budget->payments, i);
      gint64 id = tsu_payment_get_budget_line_id (payment);
      const char *name = g_hash_table_lookup (budget->line_names, &id);
      g_autofree char *key = g_utf8_casefold (name != NULL ? name : "", -1);
      gint64 *paid = g_hash_table_lookup (budget->paid, key);

      if (paid == NULL)
        {
          paid = g_new0 (gint64, 1);
          g_hash_table_insert (budget->paid, g_steal_pointer (&key), paid);
        }
      *paid += tsu_payment_get_amount (payment);
    }
  return TRUE;
}

/* The name of the line a payment was made against; "" when the line is
 * not in the year's table (deleted). */
static const char *
payment_line_name (Budget     *budget,
                   TsuPayment *payment)
{
  gint64 id = tsu_payment_get_budget_line_id (payment);
  const char *name = g_hash_table_lookup (budget->line_names, &id);

  return name != NULL ? name : "";
}

/* Titles. */

static const char *
table_name (void)
{
  /* Translators: name of the budget table, after the fiscal year and the
   * council's name in its title (事業一覧（予算配分）) */
  return C_("budget title", "Projects and Budget Allocation");
}

/* "令和5年度 北九州市孤独・孤立対策等連携協議会 事業一覧（予算配分）", as
 * the secretariat heads the table; without the council when it has no
 * name set. */
static char *
dup_title (int                           year,
           const TsuBudgetReportOptions *options,
           gboolean                      with_council,
           const char                   *name)
{
  g_autofree char *fiscal_year = tsu_fiscal_year_format (year, options->date_style);
  g_autofree char *council = NULL;

  if (with_council)
    {
      council = tsu_report_dup_council_name (options->council_name);
      g_strstrip (council);
    }
  if (council != NULL && *council != '\0')
    /* Translators: title of a budget sheet: the fiscal year, the
     * council's name and the sheet's name: "令和5年度 〇〇協議会 事業一覧
     * （予算配分）" */
    return g_strdup_printf (C_("budget title", "%s %s — %s"), fiscal_year, council, name);
  /* Translators: title of a budget sheet: the fiscal year and the sheet's
   * name: "令和5年度 事業一覧（予算配分）" */
  return g_strdup_printf (C_("budget title", "%s — %s"), fiscal_year, name);
}

static const char *
unit_note (void)
{
  /* Translators: note above the amounts of the budget sheet (単位：円) */
  return C_("budget sheet", "Amounts in yen");
}

static const char *
empty_note (void)
{
  /* Translators: the only row of the budget table of a year without lines */
  return _("No budget lines in this fiscal year.");
}

/* The columns of the table, as in seed 000. */
enum
{
  COL_NAME,
  COL_DESCRIPTION,
  COL_PURPOSE,
  COL_TIMING,
  COL_CONTRACTOR,
  COL_AMOUNT,
  N_TABLE_COLUMNS,
  /* Hidden helpers of the workbook: the mark ① where the line serves
   * pillar ①, so that a SUMIF matches it exactly (wildcards in criteria
   * depend on settings in LibreOffice). */
  COL_PILLAR_1 = N_TABLE_COLUMNS,
  N_BUDGET_COLUMNS = COL_PILLAR_1 + N_PILLARS
};

static const char *
table_header (guint column)
{
  switch (column)
    {
    /* Translators: header of the budget table (事業名称) */
    case COL_NAME:        return C_("budget sheet", "Project");
    /* Translators: header of the budget table (事業内容) */
    case COL_DESCRIPTION: return C_("budget sheet", "Description");
    /* Translators: header of the budget table (目的・期待される効果) */
    case COL_PURPOSE:     return C_("budget sheet", "Purpose and expected effect");
    /* Translators: header of the budget table: when the project runs,
     * free text (実施時期) */
    case COL_TIMING:      return C_("budget sheet", "Timing");
    /* Translators: header of the budget table (発注先) */
    case COL_CONTRACTOR:  return C_("budget sheet", "Contractor");
    /* Translators: header of the budget table: the amount allocated to
     * the project (予算配分) */
    case COL_AMOUNT:      return C_("budget sheet", "Budget");
    default:
      g_assert_not_reached ();
    }
}

static const char *
total_label (void)
{
  /* Translators: the total row of the budget sheets (計) */
  return C_("budget sheet", "Total");
}

static char *
dup_pillar_mark (guint index)
{
  return tsu_pillars_to_text (1u << index);
}

/* The printout. */

TsuTablePrint *
tsu_budget_report_new_printout (TsuDatabase                   *db,
                                int                            year,
                                const TsuBudgetReportOptions  *options,
                                GError                       **error)
{
  g_auto(Budget) budget = { 0 };
  g_autoptr(TsuTablePrint) print = NULL;
  g_autofree char *title = NULL;
  g_autofree char *council = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *total = NULL;
  /* Weights that read like the seed: a wide 事業内容. */
  static const double weights[N_TABLE_COLUMNS] = { 2.2, 5.6, 2.0, 1.2, 2.3, 1.2 };
  const char *cells[N_TABLE_COLUMNS] = { NULL };

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!budget_load (&budget, db, year, error))
    return NULL;

  /* The council under the title rather than in it: the printout's
   * title is repeated on every page and should stay on one line. */
  title = dup_title (year, options, FALSE, table_name ());
  council = tsu_report_dup_council_name (options->council_name);
  g_strstrip (council);
  if (*council != '\0')
    subtitle = g_strdup_printf ("%s\n%s", council, unit_note ());
  else
    subtitle = g_strdup (unit_note ());
  print = tsu_table_print_new (title, subtitle);
  tsu_table_print_set_date (print, NULL, options->date_style);
  tsu_table_print_set_landscape (print, TRUE);

  for (guint c = 0; c < N_TABLE_COLUMNS; c++)
    tsu_table_print_add_column (print, table_header (c), weights[c]);
  tsu_table_print_set_column_alignment (print, COL_AMOUNT, PANGO_ALIGN_RIGHT);
  tsu_table_print_set_column_no_wrap (print, COL_AMOUNT, TRUE);

  if (budget.lines->len == 0)
    {
      cells[COL_DESCRIPTION] = empty_note ();
      tsu_table_print_add_row (print, cells);
    }

  for (guint i = 0; i < budget.lines->len; i++)
    {
      TsuBudgetLine *line = g_ptr_array_index (budget.lines, i);
      g_autofree char *amount = tsu_amount_format (tsu_budget_line_get_amount (line));

      cells[COL_NAME] = tsu_budget_line_get_name (line);
      cells[COL_DESCRIPTION] = tsu_budget_line_get_description (line);
      cells[COL_PURPOSE] = tsu_budget_line_get_purpose (line);
      cells[COL_TIMING] = tsu_budget_line_get_timing (line);
      cells[COL_CONTRACTOR] = tsu_budget_line_get_contractor (line);
      cells[COL_AMOUNT] = amount;
      tsu_table_print_add_row (print, cells);
    }

  total = tsu_amount_format (budget.total);
  memset (cells, 0, sizeof cells);
  cells[COL_CONTRACTOR] = total_label ();
  cells[COL_AMOUNT] = total;
  tsu_table_print_add_total_row (print, cells);

  return g_steal_pointer (&print);
}

/* The workbook. */

#define TITLE_ROW  0
#define HEADER_ROW 1
#define FIRST_ROW  2

typedef struct
{
  TsuXlsxFormats formats;
  lxw_format    *unit;       /* the unit note, right-aligned */
  const char    *table_sheet;
  const char    *payments_sheet;
  /* Rows of the table's lines and of the payments (from 0, inclusive):
   * the ranges of the formulas. Each sheet has at least one row there,
   * a note when it is empty, so that no range is reversed. */
  lxw_row_t      table_last;
  lxw_row_t      payments_last;
} Workbook;

static char *
cell_name (lxw_row_t row,
           lxw_col_t column)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (name, row, column);
  return g_strdup (name);
}

/* SUMIF(@range, @cell, @sum_range), or COUNTIF(@range, @cell) when
 * @sum_range is NULL. A criterion that SUMIF would read as a pattern or a
 * comparison (*, ?, ~, a leading = < >) or that is longer than the 255
 * characters it takes gets an exact comparison through SUMPRODUCT
 * instead, which Excel and LibreOffice compute the same. */
static char *
dup_match_formula (const char *range,
                   const char *cell,
                   const char *sum_range,
                   const char *criterion)
{
  gboolean literal = strpbrk (criterion, "*?~") == NULL
                     && strchr ("=<>", criterion[0]) == NULL
                     && g_utf8_strlen (criterion, -1) <= 255;

  if (literal && sum_range != NULL)
    return g_strdup_printf ("=SUMIF(%s,%s,%s)", range, cell, sum_range);
  if (literal)
    return g_strdup_printf ("=COUNTIF(%s,%s)", range, cell);
  if (sum_range != NULL)
    return g_strdup_printf ("=SUMPRODUCT((%s=%s)*%s)", range, cell, sum_range);
  return g_strdup_printf ("=SUMPRODUCT(--(%s=%s))", range, cell);
}

/* A total row: @label in @label_column, =SUM over @column of rows
 * @first–@last (from 0) with @value stored, the other cells of the first
 * @n_columns ruled like it. */
static void
write_total_row (lxw_worksheet *sheet,
                 Workbook      *wb,
                 lxw_row_t      row,
                 guint          n_columns,
                 lxw_col_t      label_column,
                 const char    *label,
                 lxw_col_t      column,
                 lxw_row_t      first,
                 lxw_row_t      last,
                 gint64         value)
{
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  g_autofree char *formula = NULL;

  lxw_rowcol_to_range (range, first, column, last, column);
  formula = g_strdup_printf ("=SUM(%s)", range);
  for (guint c = 0; c < n_columns; c++)
    worksheet_write_blank (sheet, row, c, wb->formats.total_label);
  worksheet_write_string (sheet, row, label_column, label, wb->formats.total_label);
  worksheet_write_formula_num (sheet, row, column, formula, wb->formats.total_number,
                               (double) value);
}

static void
write_title (lxw_worksheet *sheet,
             Workbook      *wb,
             const char    *title,
             lxw_col_t      unit_column)
{
  worksheet_set_default_row (sheet, TSU_XLSX_LINE_HEIGHT, LXW_FALSE);
  worksheet_write_string (sheet, TITLE_ROW, 0, title, wb->formats.title);
  worksheet_write_string (sheet, TITLE_ROW, unit_column, unit_note (), wb->unit);
  worksheet_set_row (sheet, TITLE_ROW, 24, NULL);
}

/* Sheet 1, 予算配分: the seed's table. */

static const double table_widths[N_BUDGET_COLUMNS] = {
  [COL_NAME] = 24,
  [COL_DESCRIPTION] = 50,
  [COL_PURPOSE] = 22,
  [COL_TIMING] = 13,
  [COL_CONTRACTOR] = 24,
  [COL_AMOUNT] = 13,
  [COL_PILLAR_1] = 5,
  [COL_PILLAR_1 + 1] = 5,
  [COL_PILLAR_1 + 2] = 5,
  [COL_PILLAR_1 + 3] = 5,
};

static void
write_table (lxw_worksheet *sheet,
             Workbook      *wb,
             Budget        *budget,
             const char    *title)
{
  const char *headers[N_BUDGET_COLUMNS];
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (g_free);
  lxw_row_col_options hidden = { .hidden = 1 };
  lxw_row_t row = FIRST_ROW;

  write_title (sheet, wb, title, COL_AMOUNT);
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    {
      if (c >= COL_PILLAR_1)
        {
          g_ptr_array_add (marks, dup_pillar_mark (c - COL_PILLAR_1));
          headers[c] = g_ptr_array_index (marks, c - COL_PILLAR_1);
          /* Hidden: the printed table reads like the seed's. */
          worksheet_set_column_opt (sheet, c, c, table_widths[c], NULL, &hidden);
        }
      else
        {
          headers[c] = table_header (c);
          worksheet_set_column (sheet, c, c, table_widths[c], NULL);
        }
    }
  tsu_xlsx_write_headers (sheet, HEADER_ROW, headers, table_widths, N_BUDGET_COLUMNS,
                          &wb->formats);

  if (budget->lines->len == 0)
    {
      for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
        worksheet_write_blank (sheet, row, c, wb->formats.text);
      worksheet_write_blank (sheet, row, COL_AMOUNT, wb->formats.number);
      worksheet_write_string (sheet, row, COL_NAME, empty_note (), wb->formats.text);
      worksheet_set_row (sheet, row,
                         tsu_xlsx_count_lines (empty_note (), table_widths[COL_NAME])
                         * TSU_XLSX_LINE_HEIGHT, NULL);
      row++;
    }

  for (guint i = 0; i < budget->lines->len; i++, row++)
    {
      TsuBudgetLine *line = g_ptr_array_index (budget->lines, i);
      guint pillars = tsu_budget_line_get_pillars (line);
      const char *texts[N_TABLE_COLUMNS] = {
        [COL_NAME] = tsu_budget_line_get_name (line),
        [COL_DESCRIPTION] = tsu_budget_line_get_description (line),
        [COL_PURPOSE] = tsu_budget_line_get_purpose (line),
        [COL_TIMING] = tsu_budget_line_get_timing (line),
        [COL_CONTRACTOR] = tsu_budget_line_get_contractor (line),
      };
      guint lines = 1;

      for (guint c = 0; c < COL_AMOUNT; c++)
        {
          tsu_xlsx_write_text (sheet, row, c, texts[c], wb->formats.text);
          lines = MAX (lines, tsu_xlsx_count_lines (texts[c], table_widths[c]));
        }
      worksheet_write_number (sheet, row, COL_AMOUNT,
                              (double) tsu_budget_line_get_amount (line), wb->formats.number);
      for (guint p = 0; p < N_PILLARS; p++)
        {
          g_autofree char *mark = dup_pillar_mark (p);

          tsu_xlsx_write_text (sheet, row, COL_PILLAR_1 + p,
                               (pillars & (1u << p)) ? mark : NULL, wb->formats.text);
        }
      /* Excel and LibreOffice do not grow rows to wrapped text when they
       * open a file. */
      worksheet_set_row (sheet, row, lines * TSU_XLSX_LINE_HEIGHT, NULL);
    }
  wb->table_last = row - 1;

  write_total_row (sheet, wb, row, N_TABLE_COLUMNS, COL_CONTRACTOR, total_label (),
                   COL_AMOUNT, FIRST_ROW, wb->table_last, budget->total);

  worksheet_freeze_panes (sheet, FIRST_ROW, 0);
  tsu_xlsx_setup_page (sheet, TITLE_ROW, HEADER_ROW);
}

/* Sheet 2, 集計: subtotals by contractor, by pillar, and budget against
 * paid per line, as formulas over sheets 1 and 3 with the values computed
 * here stored, so that a reader that does not calculate (a viewer,
 * openpyxl) shows the same numbers. */

#define SUMMARY_COLUMNS 4

static const double summary_widths[SUMMARY_COLUMNS] = { 44, 14, 14, 14 };

/* Rows that wrap in the first column grow. */
static void
set_summary_row_height (lxw_worksheet *sheet,
                        lxw_row_t      row,
                        const char    *text)
{
  worksheet_set_row (sheet, row,
                     tsu_xlsx_count_lines (text, summary_widths[0]) * TSU_XLSX_LINE_HEIGHT,
                     NULL);
}

typedef struct
{
  const char *name;   /* as first written in the table */
  guint       count;
  gint64      sum;
} ContractorSum;

static lxw_row_t
write_by_contractor (lxw_worksheet *sheet,
                     Workbook      *wb,
                     Budget        *budget,
                     lxw_row_t      row)
{
  const char *headers[3] = {
    C_("budget sheet", "Contractor"),
    /* Translators: header of the budget subtotals: number of projects
     * (件数) */
    C_("budget sheet", "Projects"),
    C_("budget sheet", "Budget"),
  };
  g_autofree char *contractor_range = tsu_xlsx_dup_range (wb->table_sheet, COL_CONTRACTOR,
                                                          FIRST_ROW, wb->table_last);
  g_autofree char *amount_range = tsu_xlsx_dup_range (wb->table_sheet, COL_AMOUNT,
                                                      FIRST_ROW, wb->table_last);
  /* Distinct contractors in the order they first come in the table, as
   * COUNTIF and SUMIF tell them apart (ignoring case), with their
   * counts and sums. */
  g_autoptr(GPtrArray) contractors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lxw_row_t first;

  for (guint i = 0; i < budget->lines->len; i++)
    {
      TsuBudgetLine *line = g_ptr_array_index (budget->lines, i);
      const char *contractor = tsu_budget_line_get_contractor (line);
      g_autofree char *key = g_utf8_casefold (contractor != NULL ? contractor : "", -1);
      ContractorSum *found = g_hash_table_lookup (by_key, key);

      if (found == NULL)
        {
          found = g_new0 (ContractorSum, 1);
          found->name = contractor;
          g_ptr_array_add (contractors, found);
          g_hash_table_insert (by_key, g_steal_pointer (&key), found);
        }
      found->count++;
      found->sum += tsu_budget_line_get_amount (line);
    }

  tsu_xlsx_write_headers (sheet, row++, headers, summary_widths, 3, &wb->formats);
  first = row;
  for (guint k = 0; k < contractors->len; k++, row++)
    {
      ContractorSum *found = g_ptr_array_index (contractors, k);
      const char *contractor = found->name;
      g_autofree char *cell = cell_name (row, 0);
      g_autofree char *count_formula = dup_match_formula (contractor_range, cell, NULL, contractor);
      g_autofree char *sum_formula = dup_match_formula (contractor_range, cell, amount_range,
                                                        contractor);

      tsu_xlsx_write_text (sheet, row, 0, contractor, wb->formats.text);
      worksheet_write_formula_num (sheet, row, 1, count_formula, wb->formats.number, found->count);
      worksheet_write_formula_num (sheet, row, 2, sum_formula, wb->formats.number, (double) found->sum);
      set_summary_row_height (sheet, row, contractor);
    }
  if (contractors->len == 0)
    {
      tsu_xlsx_write_text (sheet, row, 0, empty_note (), wb->formats.text);
      worksheet_write_blank (sheet, row, 1, wb->formats.number);
      worksheet_write_blank (sheet, row, 2, wb->formats.number);
      row++;
    }
  {
    char range[LXW_MAX_CELL_RANGE_LENGTH];
    g_autofree char *formula = NULL;

    lxw_rowcol_to_range (range, first, 1, row - 1, 1);
    formula = g_strdup_printf ("=SUM(%s)", range);
    write_total_row (sheet, wb, row, 3, 0, total_label (), 2, first, row - 1, budget->total);
    worksheet_write_formula_num (sheet, row, 1, formula, wb->formats.total_number,
                                 budget->lines->len);
  }
  return row + 2;
}

static lxw_row_t
write_by_pillar (lxw_worksheet *sheet,
                 Workbook      *wb,
                 Budget        *budget,
                 lxw_row_t      row)
{
  const char *headers[3] = {
    /* Translators: header of the budget subtotals: the pillars ①–④ of
     * the national plan (基本方針) */
    C_("budget sheet", "Pillar"),
    C_("budget sheet", "Projects"),
    C_("budget sheet", "Budget"),
  };
  g_autofree char *amount_range = tsu_xlsx_dup_range (wb->table_sheet, COL_AMOUNT,
                                                      FIRST_ROW, wb->table_last);

  tsu_xlsx_write_headers (sheet, row++, headers, summary_widths, 3, &wb->formats);
  for (guint p = 0; p < N_PILLARS; p++, row++)
    {
      g_autofree char *mark = dup_pillar_mark (p);
      g_autofree char *cell = cell_name (row, 0);
      g_autofree char *pillar_range = tsu_xlsx_dup_range (wb->table_sheet, COL_PILLAR_1 + p,
                                                          FIRST_ROW, wb->table_last);
      g_autofree char *count_formula = dup_match_formula (pillar_range, cell, NULL, mark);
      g_autofree char *sum_formula = dup_match_formula (pillar_range, cell, amount_range, mark);
      guint count = 0;
      gint64 sum = 0;

      for (guint i = 0; i < budget->lines->len; i++)
        {
          TsuBudgetLine *line = g_ptr_array_index (budget->lines, i);

          if (tsu_budget_line_get_pillars (line) & (1u << p))
            {
              count++;
              sum += tsu_budget_line_get_amount (line);
            }
        }
      worksheet_write_string (sheet, row, 0, mark, wb->formats.text);
      worksheet_write_formula_num (sheet, row, 1, count_formula, wb->formats.number, count);
      worksheet_write_formula_num (sheet, row, 2, sum_formula, wb->formats.number, (double) sum);
    }
  /* No total: a line serving two pillars counts under both. */
  /* Translators: note under the budget subtotals by pillar */
  worksheet_write_string (sheet, row, 0,
                          _("A project serving several pillars counts under each of them."),
                          wb->formats.info);
  return row + 2;
}

/* The paid sum of @line as the SUMIF over the payments sheet computes
 * it: by the line's name. */
static gint64
paid_by_name (Budget        *budget,
              TsuBudgetLine *line)
{
  g_autofree char *key = g_utf8_casefold (tsu_budget_line_get_name (line), -1);
  gint64 *paid = g_hash_table_lookup (budget->paid, key);

  return paid != NULL ? *paid : 0;
}

static lxw_row_t
write_by_line (lxw_worksheet *sheet,
               Workbook      *wb,
               Budget        *budget,
               lxw_row_t      row)
{
  const char *headers[SUMMARY_COLUMNS] = {
    C_("budget sheet", "Project"),
    C_("budget sheet", "Budget"),
    /* Translators: header of the budget subtotals: paid so far (支払済) */
    C_("budget sheet", "Paid"),
    /* Translators: header of the budget subtotals: budget less paid (残額) */
    C_("budget sheet", "Remaining"),
  };
  /* Payments name their line in column B and hold the amount in C. */
  g_autofree char *name_range = tsu_xlsx_dup_range (wb->payments_sheet, 1, FIRST_ROW,
                                                    wb->payments_last);
  g_autofree char *paid_range = tsu_xlsx_dup_range (wb->payments_sheet, 2, FIRST_ROW,
                                                    wb->payments_last);
  g_autofree char *quoted_sheet = NULL;
  lxw_row_t first;
  gint64 all_paid = 0;

  {
    g_auto(GStrv) parts = g_strsplit (wb->table_sheet, "'", -1);

    quoted_sheet = g_strjoinv ("''", parts);
  }

  tsu_xlsx_write_headers (sheet, row++, headers, summary_widths, SUMMARY_COLUMNS, &wb->formats);
  first = row;
  for (guint i = 0; i < budget->lines->len; i++, row++)
    {
      TsuBudgetLine *line = g_ptr_array_index (budget->lines, i);
      const char *name = tsu_budget_line_get_name (line);
      gint64 amount = tsu_budget_line_get_amount (line);
      gint64 paid = paid_by_name (budget, line);
      char amount_cell[LXW_MAX_CELL_NAME_LENGTH];
      g_autofree char *name_cell = cell_name (row, 0);
      g_autofree char *budget_cell = cell_name (row, 1);
      g_autofree char *paid_cell = cell_name (row, 2);
      g_autofree char *budget_formula = NULL;
      g_autofree char *paid_formula = dup_match_formula (name_range, name_cell, paid_range, name);
      g_autofree char *remaining_formula = g_strdup_printf ("=%s-%s", budget_cell, paid_cell);

      /* The amount of sheet 1, so that a change there carries through. */
      lxw_rowcol_to_cell (amount_cell, FIRST_ROW + i, COL_AMOUNT);
      budget_formula = g_strdup_printf ("='%s'!%s", quoted_sheet, amount_cell);
      tsu_xlsx_write_text (sheet, row, 0, name, wb->formats.text);
      worksheet_write_formula_num (sheet, row, 1, budget_formula, wb->formats.number, (double) amount);
      worksheet_write_formula_num (sheet, row, 2, paid_formula, wb->formats.number, (double) paid);
      worksheet_write_formula_num (sheet, row, 3, remaining_formula, wb->formats.number,
                                   (double) (amount - paid));
      set_summary_row_height (sheet, row, name);
      all_paid += paid;
    }
  if (budget->lines->len == 0)
    {
      tsu_xlsx_write_text (sheet, row, 0, empty_note (), wb->formats.text);
      for (guint c = 1; c < SUMMARY_COLUMNS; c++)
        worksheet_write_blank (sheet, row, c, wb->formats.number);
      row++;
    }

  write_total_row (sheet, wb, row, SUMMARY_COLUMNS, 0, total_label (), 1, first, row - 1,
                   budget->total);
  for (guint c = 2; c < SUMMARY_COLUMNS; c++)
    {
      char range[LXW_MAX_CELL_RANGE_LENGTH];
      g_autofree char *formula = NULL;

      lxw_rowcol_to_range (range, first, c, row - 1, c);
      formula = g_strdup_printf ("=SUM(%s)", range);
      worksheet_write_formula_num (sheet, row, c, formula, wb->formats.total_number,
                                   (double) (c == 2 ? all_paid : budget->total - all_paid));
    }
  return row;
}

static void
write_summary (lxw_worksheet *sheet,
               Workbook      *wb,
               Budget        *budget,
               const char    *title)
{
  lxw_row_t row = FIRST_ROW;

  write_title (sheet, wb, title, SUMMARY_COLUMNS - 1);
  for (guint c = 0; c < SUMMARY_COLUMNS; c++)
    worksheet_set_column (sheet, c, c, summary_widths[c], NULL);

  /* Translators: heading of the budget subtotals by contractor (発注先別) */
  worksheet_write_string (sheet, row++, 0, C_("budget sheet", "By contractor"), wb->formats.info);
  row = write_by_contractor (sheet, wb, budget, row);
  /* Translators: heading of the budget subtotals by pillar (基本方針別) */
  worksheet_write_string (sheet, row++, 0, C_("budget sheet", "By pillar"), wb->formats.info);
  row = write_by_pillar (sheet, wb, budget, row);
  /* Translators: heading of the budget against paid per project
   * (事業別 執行状況) */
  worksheet_write_string (sheet, row++, 0, C_("budget sheet", "Spending by project"), wb->formats.info);
  row = write_by_line (sheet, wb, budget, row);

  tsu_xlsx_setup_page (sheet, TITLE_ROW, TITLE_ROW);
  /* A year of ten or so lines overflows a landscape page by a few rows;
   * finance reads the subtotals better on one page, a little smaller.
   * Longer ones stay full size over several pages. */
  if (row < 40)
    worksheet_fit_to_pages (sheet, 1, 1);
}

/* Sheet 3, 支払: the payments with real date cells. */

enum
{
  PAY_DATE,
  PAY_LINE,
  PAY_AMOUNT,
  PAY_MEMO,
  N_PAY_COLUMNS
};

static const double payment_widths[N_PAY_COLUMNS] = { 18, 44, 14, 44 };

static void
write_payments (lxw_worksheet *sheet,
                Workbook      *wb,
                Budget        *budget,
                const char    *title)
{
  const char *headers[N_PAY_COLUMNS] = {
    /* Translators: header of the budget's payments sheet (支払日) */
    C_("budget sheet", "Paid on"),
    C_("budget sheet", "Project"),
    /* Translators: header of the budget's payments sheet (金額) */
    C_("budget sheet", "Amount"),
    /* Translators: header of the budget's payments sheet (摘要) */
    C_("budget sheet", "Memo"),
  };
  lxw_row_t row = FIRST_ROW;
  gint64 total = 0;

  write_title (sheet, wb, title, PAY_MEMO);
  for (guint c = 0; c < N_PAY_COLUMNS; c++)
    worksheet_set_column (sheet, c, c, payment_widths[c], NULL);
  tsu_xlsx_write_headers (sheet, HEADER_ROW, headers, payment_widths, N_PAY_COLUMNS, &wb->formats);

  if (budget->payments->len == 0)
    {
      for (guint c = 0; c < N_PAY_COLUMNS; c++)
        worksheet_write_blank (sheet, row, c, wb->formats.text);
      worksheet_write_blank (sheet, row, PAY_AMOUNT, wb->formats.number);
      /* Translators: the only row of the payments sheet of a year
       * without payments */
      worksheet_write_string (sheet, row, PAY_LINE, _("No payments in this fiscal year."),
                              wb->formats.text);
      row++;
    }

  for (guint i = 0; i < budget->payments->len; i++, row++)
    {
      TsuPayment *payment = g_ptr_array_index (budget->payments, i);
      const char *name = payment_line_name (budget, payment);
      const char *memo = tsu_payment_get_memo (payment);
      guint lines;

      tsu_xlsx_write_date (sheet, row, PAY_DATE, tsu_payment_get_paid_on (payment),
                           wb->formats.date, wb->formats.text);
      tsu_xlsx_write_text (sheet, row, PAY_LINE, name, wb->formats.text);
      worksheet_write_number (sheet, row, PAY_AMOUNT, (double) tsu_payment_get_amount (payment),
                              wb->formats.number);
      tsu_xlsx_write_text (sheet, row, PAY_MEMO, memo, wb->formats.text);
      lines = MAX (tsu_xlsx_count_lines (name, payment_widths[PAY_LINE]),
                   tsu_xlsx_count_lines (memo, payment_widths[PAY_MEMO]));
      worksheet_set_row (sheet, row, lines * TSU_XLSX_LINE_HEIGHT, NULL);
      total += tsu_payment_get_amount (payment);
    }
  wb->payments_last = row - 1;

  write_total_row (sheet, wb, row, N_PAY_COLUMNS, PAY_LINE, total_label (), PAY_AMOUNT,
                   FIRST_ROW, wb->payments_last, total);

  worksheet_freeze_panes (sheet, FIRST_ROW, 0);
  tsu_xlsx_setup_page (sheet, TITLE_ROW, HEADER_ROW);
}

gboolean
tsu_budget_report_export_xlsx (TsuDatabase                   *db,
                               int                            year,
                               const TsuBudgetReportOptions  *options,
                               const char                    *path,
                               GError                       **error)
{
  g_auto(Budget) budget = { 0 };
  g_autofree char *temp_path = NULL;
  g_autofree char *table_title = NULL;
  g_autofree char *summary_title = NULL;
  g_autofree char *payments_title = NULL;
  Workbook wb = { 0 };
  lxw_workbook *workbook;
  lxw_worksheet *table;
  lxw_worksheet *summary;
  lxw_worksheet *payments;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!budget_load (&budget, db, year, error))
    return FALSE;

  table_title = dup_title (year, options, TRUE, table_name ());
  /* Translators: name of the budget subtotals sheet, in its title (予算集計) */
  summary_title = dup_title (year, options, TRUE, C_("budget title", "Budget Subtotals"));
  /* Translators: name of the budget's payments sheet, in its title (支払一覧) */
  payments_title = dup_title (year, options, TRUE, C_("budget title", "Payments"));

  temp_path = tsu_report_file_begin (path, error);
  if (temp_path == NULL)
    return FALSE;
  workbook = tsu_xlsx_workbook_new (temp_path, table_title, error);
  if (workbook == NULL)
    return FALSE;
  tsu_xlsx_formats_init (&wb.formats, workbook, options->date_style);
  wb.unit = tsu_xlsx_new_format (workbook);
  format_set_align (wb.unit, LXW_ALIGN_RIGHT);
  format_set_align (wb.unit, LXW_ALIGN_VERTICAL_BOTTOM);

  /* Translators: name of the worksheet of the budget table (予算配分); at
   * most 31 characters, no []:*?/\ */
  wb.table_sheet = C_("worksheet", "Budget");
  /* Translators: name of the worksheet of the budget's payments (支払);
   * at most 31 characters, no []:*?/\ */
  wb.payments_sheet = C_("worksheet", "Payments");
  table = workbook_add_worksheet (workbook, wb.table_sheet);
  /* Translators: name of the worksheet of totals (集計); at most 31
   * characters, no []:*?/\ */
  summary = workbook_add_worksheet (workbook, C_("worksheet", "Totals"));
  payments = workbook_add_worksheet (workbook, wb.payments_sheet);

  /* The summary's formulas name the rows of the other two sheets. */
  write_table (table, &wb, &budget, table_title);
  write_payments (payments, &wb, &budget, payments_title);
  write_summary (summary, &wb, &budget, summary_title);

  return tsu_xlsx_workbook_finish (workbook, temp_path, path, error);
}
