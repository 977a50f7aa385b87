/* tsu-backup-tasks.c: backups, restores and a backup's counts in a worker
 * thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "tsu-backup-tasks.h"

typedef struct
{
  char *database_path;
  char *path;       /* the destination, or the backup to read or restore */
  char *folder;     /* for the before-restore backup */
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_free (data->database_path);
  g_free (data->path);
  g_free (data->folder);
  g_free (data);
}

static GTask *
new_task (gpointer             source_object,
          const char          *database_path,
          const char          *path,
          const char          *folder,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  TaskData *data = g_new0 (TaskData, 1);

  data->database_path = g_strdup (database_path);
  data->path = g_strdup (path);
  data->folder = g_strdup (folder);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_set_source_tag (task, source_tag);
  return task;
}

/* A connection of the worker's own (SQLite handles are not shared between
 * threads); the window's connection has taken the day's backup already. */
static TsuDatabase *
open_second_connection (const char  *database_path,
                        const char  *folder,
                        GError     **error)
{
  TsuOpenOptions options = { 0 };

  options.backup_folder = folder;
  options.no_automatic_backup = TRUE;
  return tsu_database_open_full (database_path, &options, error);
}

/* ---- copy ------------------------------------------------------------- */

static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autofree char *folder = g_path_get_dirname (data->path);
  g_autoptr(TsuDatabase) database = NULL;
  GError *error = NULL;

  /* SQLite would only say "unable to open database file". */
  if (g_access (folder, W_OK) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_task_return_new_error (task, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                               /* Translators: %s is a folder, then why */
                               _("The folder “%s” cannot be written to (%s). Choose another folder for the backup."),
                               display, g_strerror (saved_errno));
      return;
    }

  database = open_second_connection (data->database_path, NULL, &error);
  if (database == NULL || !tsu_database_backup (database, data->path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
tsu_backup_task_copy_async (gpointer             source_object,
                            const char          *database_path,
                            const char          *destination,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (destination != NULL);

  task = new_task (source_object, database_path, destination, NULL,
                   cancellable, callback, user_data, tsu_backup_task_copy_async);
  g_task_run_in_thread (task, copy_thread);
}

gboolean
tsu_backup_task_copy_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- info ------------------------------------------------------------- */

static void
load_info_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  TsuBackupInfo *info = tsu_backup_info_load (data->path, &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) tsu_backup_info_free);
}

void
tsu_backup_task_load_info_async (gpointer             source_object,
                                 const char          *backup_path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (backup_path != NULL);

  task = new_task (source_object, NULL, backup_path, NULL,
                   cancellable, callback, user_data, tsu_backup_task_load_info_async);
  g_task_run_in_thread (task, load_info_thread);
}

TsuBackupInfo *
tsu_backup_task_load_info_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- restore ---------------------------------------------------------- */

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(TsuDatabase) database = NULL;
  g_autoptr(TsuBackupInfo) info = NULL;
  GError *error = NULL;

  /* Read first: the date and counts are what the window reports, and a
   * file that cannot be read is refused before anything is written. */
  info = tsu_backup_info_load (data->path, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  database = open_second_connection (data->database_path, data->folder, &error);
  if (database == NULL
      || !tsu_database_restore (database, data->path, data->folder, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&info), (GDestroyNotify) tsu_backup_info_free);
}

void
tsu_backup_task_restore_async (gpointer             source_object,
                               const char          *database_path,
                               const char          *backup_path,
                               const char          *folder,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (backup_path != NULL);

  task = new_task (source_object, database_path, backup_path, folder,
                   cancellable, callback, user_data, tsu_backup_task_restore_async);
  g_task_run_in_thread (task, restore_thread);
}

TsuBackupInfo *
tsu_backup_task_restore_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- words ------------------------------------------------------------ */

char *
tsu_backup_format_time (GDateTime    *taken_at,
                        TsuDateStyle  style)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (taken_at != NULL, NULL);

  iso = g_date_time_format (taken_at, "%Y-%m-%dT%H:%M");
  return tsu_date_time_format_iso (iso, style);
}

char *
tsu_backup_describe_reason (const char *reason)
{
  int version;
  char end;

  if (reason == NULL || reason[0] == '\0')
    return g_strdup (_("Daily backup"));
  if (g_str_equal (reason, "before-restore"))
    return g_strdup (_("Taken before a restore"));
  if (g_str_equal (reason, "manual"))
    return g_strdup (_("Taken with Back Up Now"));
  if (sscanf (reason, "before-v%d%c", &version, &end) == 1)
    /* Translators: %d is the new version of the file format */
    return g_strdup_printf (_("Taken before the upgrade to file version %d"), version);
  return g_strdup (reason);
}

char *
tsu_backup_describe_counts (const TsuBackupInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  /* Translators: what a backup holds; the numbers of records */
  return g_strdup_printf (_("Organizations %d, people %d, events %d, budget lines %d, cases %d, referrals %d"),
                          (int) info->organizations, (int) info->people, (int) info->events,
                          (int) info->budget_lines, (int) info->cases, (int) info->referrals);
}
