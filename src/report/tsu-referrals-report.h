/* tsu-referrals-report.h: the anonymised referral statistics of a fiscal
 * year as a workbook and a printout. Notes never leave the program.
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
  const char   *council_name;   /* NULL: the setting */
  /* Adds one row per referral: case code, dates, organisations, ward,
   * concerns, status — never notes. */
  gboolean      include_cases;
} TsuReferralsReportOptions;

void           tsu_referrals_report_options_init (TsuReferralsReportOptions       *options);
/* Statistics as tables with SUM formulas for totals and the connection
 * rate as a formula, values stored. */
gboolean       tsu_referrals_report_export_xlsx  (TsuDatabase                     *db,
                                                  int                              year,
                                                  const TsuReferralsReportOptions *options,
                                                  const char                      *path,
                                                  GError                         **error);
TsuTablePrint *tsu_referrals_report_new_printout (TsuDatabase                     *db,
                                                  int                              year,
                                                  const TsuReferralsReportOptions *options,
                                                  GError                         **error);

G_END_DECLS
