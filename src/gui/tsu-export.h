/* tsu-export.h: the views' "Export to Excel" flow, written once: a save
 * dialog, the writing in a thread on a connection of its own, then a
 * toast to open the file or a dialog saying why it failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"

G_BEGIN_DECLS

/* Runs in a worker thread: writes the workbook at @path from @database,
 * a connection opened for this thread alone. */
typedef gboolean (*TsuExportWriteFunc) (TsuDatabase  *database,
                                        const char   *path,
                                        gpointer      data,
                                        GError      **error);

/* Called in the main thread with TRUE when the writing starts and FALSE
 * when it has ended (whether or not it worked), so @widget can refuse a
 * second export meanwhile. */
typedef void (*TsuExportBusyFunc) (GtkWidget *widget,
                                   gboolean   busy);

/* Asks where to save an Excel workbook, suggesting @suggested_name in the
 * user's Documents folder, adds ".xlsx" when the name has none, then
 * calls @write with @data in a thread on a new connection to the file of
 * @database. Failure shows @error_heading and the message. @data is freed
 * with @data_free in every case, also when the user cancels. */
void tsu_export_workbook (GtkWidget          *widget,
                          TsuDatabase        *database,
                          const char         *suggested_name,
                          const char         *error_heading,
                          TsuExportWriteFunc  write,
                          gpointer            data,
                          GDestroyNotify      data_free,
                          TsuExportBusyFunc   busy);

/* The whole audit trail (tsu-audit-report.h) through
 * tsu_export_workbook(): what the window's "Export Audit Trail…" does. */
void tsu_export_audit_trail (GtkWidget          *widget,
                             TsuDatabase        *database);

G_END_DECLS
