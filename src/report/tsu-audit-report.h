/* tsu-audit-report.h: the audit trail as a workbook, one row per changed
 * field, and how a logged value is shown to people.
 *
 * Free text about a person in need (case and referral notes, consent
 * overrides: tsu_audit_column_is_private()) never leaves the program: it
 * is written as TSU_AUDIT_HIDDEN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-audit.h"
#include "tsu-database.h"
#include "tsu-date.h"

G_BEGIN_DECLS

typedef struct
{
  TsuDateStyle  date_style;
  const char   *council_name;   /* NULL: the setting */
} TsuAuditReportOptions;

void      tsu_audit_report_options_init (TsuAuditReportOptions       *options);

/* Every entry of the trail, oldest first: 日時 (a date-time cell), 利用者,
 * 記録の種類, 記録ID, 操作, 項目, 変更前, 変更後. Streamed (the trail is
 * read twice, once for the column widths, and the sheet is written with
 * libxlsxwriter's constant_memory), so a trail of any length fits in
 * memory; entries added while it is written are left out. */
gboolean  tsu_audit_report_export_xlsx  (TsuDatabase                 *db,
                                         const TsuAuditReportOptions *options,
                                         const char                  *path,
                                         GError                     **error);

/* A value of @column of @table as people see it: TSU_AUDIT_HIDDEN for a
 * private column, a date ("2023-12-14", "2023-12-14T15:00") in
 * @date_style, a code or flag as its label ("member" → 会員, 1 → はい),
 * else as stored; NULL for an empty value. */
char     *tsu_audit_dup_shown_value     (const char                  *table,
                                         const char                  *column,
                                         const char                  *value,
                                         TsuDateStyle                 date_style);

G_END_DECLS
