/* tsu-budget-report.h: the budget sheet finance wants (予算配分の表) as a
 * workbook and a printout, laid out like the table in seed 000.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"
#include "tsu-date.h"
#include "tsu-table-print.h"

G_BEGIN_DECLS

typedef struct
{
  TsuDateStyle  date_style;
  /* NULL: the "council-name" setting when its schema is installed. */
  const char   *council_name;
} TsuBudgetReportOptions;

void           tsu_budget_report_options_init  (TsuBudgetReportOptions       *options);

/* Sheet 1: 事業名称, 事業内容, 目的・期待される効果, 実施時期, 発注先, 予算配分
 * with the title 令和N年度 … and a 計 row (SUM formula, value stored);
 * sheet 2: subtotals by contractor and by pillar (SUMIF); sheet 3: the
 * payments with real date cells. A4 landscape, one page wide, header rows
 * repeated. */
gboolean       tsu_budget_report_export_xlsx   (TsuDatabase                  *db,
                                                int                           year,
                                                const TsuBudgetReportOptions *options,
                                                const char                   *path,
                                                GError                      **error);
/* The same table for the print dialog or tsu_table_print_write_pdf(). */
TsuTablePrint *tsu_budget_report_new_printout  (TsuDatabase                  *db,
                                                int                           year,
                                                const TsuBudgetReportOptions *options,
                                                GError                      **error);

G_END_DECLS
