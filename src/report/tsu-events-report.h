/* tsu-events-report.h: printouts and workbooks of the event planner:
 * the attendee list (出席者名簿), the sign-in sheet (受付簿), the minutes
 * (議事録) and the year's attendance summary.
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
  /* Empty rows at the end of a sign-in sheet, for walk-ins (default 5). */
  guint         blank_rows;
} TsuEventReportOptions;

void           tsu_event_report_options_init     (TsuEventReportOptions       *options);

/* 出席者名簿 of one event: title, date, venue and counts on top; members
 * 敬称略・五十音順, then others, then city departments; cancelled left out. */
TsuTablePrint *tsu_attendees_report_new_printout (TsuDatabase                 *db,
                                                  gint64                       event_id,
                                                  const TsuEventReportOptions *options,
                                                  GError                     **error);
gboolean       tsu_attendees_report_export_xlsx  (TsuDatabase                 *db,
                                                  gint64                       event_id,
                                                  const TsuEventReportOptions *options,
                                                  const char                  *path,
                                                  GError                     **error);
/* 受付簿: number, affiliation, name, an empty signature column and
 * options->blank_rows empty rows. */
TsuTablePrint *tsu_sign_in_report_new_printout   (TsuDatabase                 *db,
                                                  gint64                       event_id,
                                                  const TsuEventReportOptions *options,
                                                  GError                     **error);
/* 議事録 of a meeting. */
TsuTablePrint *tsu_minutes_report_new_printout   (TsuDatabase                 *db,
                                                  gint64                       event_id,
                                                  const TsuEventReportOptions *options,
                                                  GError                     **error);
/* Every event of fiscal year @year with its sessions and head counts;
 * totals by kind and by pillar (SUM / SUMIF formulas in the workbook). */
TsuTablePrint *tsu_attendance_report_new_printout (TsuDatabase                 *db,
                                                   int                          year,
                                                   const TsuEventReportOptions *options,
                                                   GError                     **error);
gboolean       tsu_attendance_report_export_xlsx  (TsuDatabase                 *db,
                                                   int                          year,
                                                   const TsuEventReportOptions *options,
                                                   const char                  *path,
                                                   GError                     **error);

G_END_DECLS
