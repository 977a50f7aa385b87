/* tsu-members-report.h: the member directory as a workbook and a printout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"
#include "tsu-date.h"
#include "tsu-organization.h"
#include "tsu-table-print.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean             all_kinds;       /* --kind all */
  TsuOrganizationKind  kind;            /* used unless all_kinds */
  gboolean             include_former;  /* --include-former */
  TsuDateStyle         date_style;
  /* Printed before the list's name in titles; NULL: the "council-name"
   * setting when its schema is installed, else none. */
  const char          *council_name;
  /* ISO date the list is "as of": who has left, and the date printed;
   * NULL: today. */
  const char          *today_iso;
} TsuMembersReportOptions;

/* Defaults: current member organisations, the date-style setting, as of
 * today. */
void           tsu_members_report_options_init (TsuMembersReportOptions       *options);

/* .xlsx: Japanese headers (from the locale), 五十音順, frozen header row,
 * autofilter, fitting column widths, A4 landscape, header repeated. With
 * all kinds, members come first, then partners, then city departments.
 * Written under a temporary name and renamed, so a failure never leaves a
 * broken file at @path. */
gboolean       tsu_members_report_export_xlsx  (TsuDatabase                   *db,
                                                const TsuMembersReportOptions *options,
                                                const char                    *path,
                                                GError                       **error);
/* The printout, for the print dialog or tsu_table_print_write_pdf():
 * No., organisation, representative, fields, phone, address; with all
 * kinds one section each for members, partners and city departments. */
TsuTablePrint *tsu_members_report_new_printout (TsuDatabase                   *db,
                                                const TsuMembersReportOptions *options,
                                                GError                       **error);
gboolean       tsu_members_report_print_pdf    (TsuDatabase                   *db,
                                                const TsuMembersReportOptions *options,
                                                const char                    *path,
                                                GError                       **error);

G_END_DECLS
