/* tsu-backup.h: copies of a database taken with SQLite's online backup
 * API, so that a crash, a mistaken import or a damaged disk costs at most
 * a day.
 *
 * Automatic backups go into a folder ("backups" beside the database unless
 * the user chose another) and are named after the database and the local
 * time: "tsunagu-2026-11-24T101500.db", with a suffix for the reason
 * ("-before-v5", "-before-restore"). They are rotated: of all the backups
 * of one database in the folder, the newest of each of the last 14 days
 * that have one and the newest of each of the last 12 months are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_BACKUP_KEEP_DAILY_DEFAULT   14
#define TSU_BACKUP_KEEP_MONTHLY_DEFAULT 12

typedef struct
{
  char      *path;
  GDateTime *taken_at;      /* local time, from the name */
  char      *reason;        /* NULL for a daily backup, "before-v5", … */
  gint64     modified;      /* the file's modification time, µs since 1970:
                             * orders backups taken in the same second */
  /* Filled by tsu_backup_info_load_counts(), -1 before. */
  gint64     organizations;
  gint64     people;
  gint64     events;
  gint64     budget_lines;
  gint64     cases;
  gint64     referrals;
  int        schema_version;
} TsuBackupInfo;

void           tsu_backup_info_free        (TsuBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsuBackupInfo, tsu_backup_info_free)

/* Reads what a backup holds, read-only; fails with TSU_STORE_ERROR_NOT_TSUNAGU
 * for a file that is not a Tsunagu database or is damaged, and with
 * TSU_STORE_ERROR_TOO_NEW for one of a newer version. Also works for any
 * Tsunagu file that was not made by Tsunagu's backups (taken_at is then the
 * file's modification time). */
TsuBackupInfo *tsu_backup_info_load        (const char    *path,
                                            GError       **error);

/* The default folder of a database's backups: "backups" beside it. */
char          *tsu_backup_default_folder   (const char    *database_path);

/* The backups of @database_path in @folder (NULL: the default), newest
 * first, counts not loaded. An absent folder is an empty list. */
GPtrArray     *tsu_backup_list             (const char    *database_path,
                                            const char    *folder,
                                            GError       **error);
/* The newest backup's path, or NULL; for messages about a damaged file. */
char          *tsu_backup_find_newest      (const char    *database_path,
                                            const char    *folder);

/* Takes a backup into @folder (NULL: the default) now, named with the
 * current time and @reason (NULL for a daily backup); returns its path. */
char          *tsu_backup_take             (TsuDatabase   *db,
                                            const char    *folder,
                                            const char    *reason,
                                            GError       **error);

/* Deletes the backups rotation no longer keeps (see above); 0 keeps the
 * defaults. */
gboolean       tsu_backup_rotate           (const char    *database_path,
                                            const char    *folder,
                                            guint          keep_daily,
                                            guint          keep_monthly,
                                            GError       **error);

/* Copies a backup to a new file beside @database_path
 * ("tsunagu-restored-2026-11-24T101500.db") and returns its path: what is
 * offered when the database itself is damaged, so that the damaged file is
 * never written over. */
char          *tsu_backup_copy_beside      (const char    *backup_path,
                                            const char    *database_path,
                                            GError       **error);

/* Replaces the content of the open database with the backup's: checks the
 * backup first, takes a "before-restore" backup of the current state into
 * @folder, then copies the backup in through SQLite (so another copy of
 * the program with the file open sees either the old or the new content,
 * never a mix) and brings it up to this version's schema. */
gboolean       tsu_database_restore        (TsuDatabase   *db,
                                            const char    *backup_path,
                                            const char    *folder,
                                            GError       **error);

G_END_DECLS
