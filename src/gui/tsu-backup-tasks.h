/* tsu-backup-tasks.h: backups, restores and reading a backup's counts in
 * a worker thread, each on an SQLite connection of its own, so that the
 * window stays responsive while a large file is copied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tsu-backup.h"
#include "tsu-date.h"

G_BEGIN_DECLS

/* Copies the database at @database_path to @destination. The copy is
 * written under a temporary name beside @destination and renamed when
 * complete, so that a failure (a full disk) leaves no half-written file
 * and a file already there is only replaced by a whole backup. */
void           tsu_backup_task_copy_async         (gpointer             source_object,
                                                   const char          *database_path,
                                                   const char          *destination,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       tsu_backup_task_copy_finish        (GAsyncResult        *result,
                                                   GError             **error);

/* tsu_backup_info_load() with the counts, in a thread. */
void           tsu_backup_task_load_info_async    (gpointer             source_object,
                                                   const char          *backup_path,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
TsuBackupInfo *tsu_backup_task_load_info_finish   (GAsyncResult        *result,
                                                   GError             **error);

/* tsu_database_restore() of the database at @database_path from
 * @backup_path, taking the before-restore backup into @folder. Returns
 * the restored backup's info (its date, its counts). */
void           tsu_backup_task_restore_async      (gpointer             source_object,
                                                   const char          *database_path,
                                                   const char          *backup_path,
                                                   const char          *folder,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
TsuBackupInfo *tsu_backup_task_restore_finish     (GAsyncResult        *result,
                                                   GError             **error);

/* "令和8年11月24日 10:15" (or 西暦) for a backup's time. */
char          *tsu_backup_format_time             (GDateTime           *taken_at,
                                                   TsuDateStyle         style);
/* Why a backup was taken, for people: "Daily backup", "Before a
 * restore", … */
char          *tsu_backup_describe_reason         (const char          *reason);
/* "Organizations 11, people 25, …" of a backup whose counts are loaded. */
char          *tsu_backup_describe_counts         (const TsuBackupInfo *info);

G_END_DECLS
