/* tsu-import-events.h: the events, sessions and attendees files of the
 * CSV import (private to the store: tsu_import_csv() hands these kinds
 * over).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-import.h"

G_BEGIN_DECLS

/* tsu_import_csv() for events, sessions and attendees, with the same
 * contract: NULL with @error only when the file cannot be read or the
 * database fails; bad rows are in the result's problems. */
TsuImportResult *tsu_import_events_csv    (TsuDatabase     *db,
                                           const char      *path,
                                           TsuImportFlags   flags,
                                           GError         **error);
TsuImportResult *tsu_import_sessions_csv  (TsuDatabase     *db,
                                           const char      *path,
                                           TsuImportFlags   flags,
                                           GError         **error);
TsuImportResult *tsu_import_attendees_csv (TsuDatabase     *db,
                                           const char      *path,
                                           TsuImportFlags   flags,
                                           GError         **error);

G_END_DECLS
