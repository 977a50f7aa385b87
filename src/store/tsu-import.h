/* tsu-import.h: CSV files from the secretariat's spreadsheets into the
 * store, all or nothing (see CLI.md, "CSV files").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

typedef enum
{
  TSU_IMPORT_ORGANIZATIONS,
  TSU_IMPORT_PEOPLE,
  TSU_IMPORT_EVENTS,
  TSU_IMPORT_SESSIONS,
  TSU_IMPORT_ATTENDEES,
  TSU_IMPORT_BUDGET,
  TSU_IMPORT_PAYMENTS,
  TSU_IMPORT_REFERRALS,
} TsuImportKind;

typedef enum
{
  TSU_IMPORT_FLAGS_NONE    = 0,
  TSU_IMPORT_FLAGS_UPDATE  = 1 << 0, /* rows naming existing records update them */
  TSU_IMPORT_FLAGS_DRY_RUN = 1 << 1, /* check and count, then roll back */
} TsuImportFlags;

typedef struct
{
  guint      added;
  guint      updated;
  /* One line per bad row and column, "FILE:LINE: column NAME: …";
   * empty when the file was fine. */
  GPtrArray *problems;
  /* Lines about rows that were imported but deserve a look, such as a
   * payment that takes a budget line past its budget, "FILE:LINE: …";
   * empty when there is nothing to say. */
  GPtrArray *warnings;
} TsuImportResult;

void             tsu_import_result_free    (TsuImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsuImportResult, tsu_import_result_free)

/* "organizations", "people", "events", "sessions", "attendees",
 * "budget", "payments" or "referrals"; FALSE for kinds not (yet) supported. */
gboolean         tsu_import_kind_from_text (const char      *text,
                                            TsuImportKind   *kind);

/* Reads @path (UTF-8 with or without BOM, or CP932) and imports every row
 * in one transaction. Returns NULL with @error only when the file cannot
 * be read or the database fails; bad rows are reported in the result's
 * problems and then nothing has been imported. */
TsuImportResult *tsu_import_csv            (TsuDatabase     *db,
                                            TsuImportKind    kind,
                                            const char      *path,
                                            TsuImportFlags   flags,
                                            GError         **error);

/* Writes every organisation in the organizations import format (UTF-8
 * with a byte-order mark, CRLF, English column names), 五十音順, so that
 * the list can go out to Excel and come back through tsu_import_csv(). */
gboolean         tsu_export_organizations_csv (TsuDatabase  *db,
                                               const char   *path,
                                               GError      **error);

G_END_DECLS
