/* tsu-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tsu-backup.h"
#include "tsu-database-private.h"

void
tsu_backup_info_free (TsuBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->taken_at, g_date_time_unref);
  g_free (info->reason);
  g_free (info);
}

char *
tsu_backup_default_folder (const char *database_path)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);
  folder = g_path_get_dirname (database_path);
  return g_build_filename (folder, "backups", NULL);
}

/* "tsunagu" for ".../tsunagu.db": the backups of a database are named
 * after it, so that databases sharing a folder keep theirs apart. */
static char *
database_stem (const char *database_path)
{
  g_autofree char *base = g_path_get_basename (database_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* Parses "STEM-2026-11-24T101500[-reason].db"; NULL for any other name. */
static TsuBackupInfo *
parse_backup_name (const char *folder,
                   const char *name,
                   const char *stem)
{
  gsize stem_length = strlen (stem);
  const char *rest;
  int year, month, day, hour, minute, second, consumed = 0;
  g_autofree char *tail = NULL;
  TsuBackupInfo *info;

  if (!g_str_has_prefix (name, stem) || name[stem_length] != '-' || !g_str_has_suffix (name, ".db"))
    return NULL;
  rest = name + stem_length + 1;
  if (sscanf (rest, "%4d-%2d-%2dT%2d%2d%2d%n", &year, &month, &day, &hour, &minute, &second, &consumed) != 6
      || consumed != 17)
    return NULL;
  tail = g_strndup (rest + 17, strlen (rest + 17) - 3);
  if (*tail != '\0' && *tail != '-')
    return NULL;

  info = g_new0 (TsuBackupInfo, 1);
  info->taken_at = g_date_time_new_local (year, month, day, hour, minute, second);
  if (info->taken_at == NULL)
    {
      g_free (info);
      return NULL;
    }
  info->path = g_build_filename (folder, name, NULL);
  info->reason = *tail == '-' ? g_strdup (tail + 1) : NULL;
  {
    g_autoptr(GFile) file = g_file_new_for_path (info->path);
    g_autoptr(GFileInfo) file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                        G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);

    if (file_info != NULL)
      info->modified = (gint64) g_file_info_get_attribute_uint64 (file_info, G_FILE_ATTRIBUTE_TIME_MODIFIED)
                       * G_USEC_PER_SEC
                       + g_file_info_get_attribute_uint32 (file_info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  }
  info->organizations = info->people = info->events = -1;
  info->budget_lines = info->cases = info->referrals = -1;
  return info;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const TsuBackupInfo *x = *(TsuBackupInfo * const *) a;
  const TsuBackupInfo *y = *(TsuBackupInfo * const *) b;
  int order = g_date_time_compare (y->taken_at, x->taken_at);

  if (order == 0)
    order = (y->modified > x->modified) - (y->modified < x->modified);
  return order != 0 ? order : g_strcmp0 (y->path, x->path);
}

GPtrArray *
tsu_backup_list (const char  *database_path,
                 const char  *folder,
                 GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_backup_info_free);
  g_autofree char *default_folder = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (database_path != NULL, NULL);

  if (folder == NULL || *folder == '\0')
    folder = default_folder = tsu_backup_default_folder (database_path);
  stem = database_stem (database_path);

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      g_autofree char *display = NULL;

      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      display = g_filename_display_name (folder);
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                   _("The backup folder “%s” cannot be read: %s"), display, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      TsuBackupInfo *info = parse_backup_name (folder, name, stem);

      if (info != NULL)
        g_ptr_array_add (backups, info);
    }
  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

char *
tsu_backup_find_newest (const char *database_path,
                        const char *folder)
{
  g_autoptr(GPtrArray) backups = tsu_backup_list (database_path, folder, NULL);

  if (backups == NULL || backups->len == 0)
    return NULL;
  return g_strdup (((TsuBackupInfo *) g_ptr_array_index (backups, 0))->path);
}

static gint64
count_rows (sqlite3    *handle,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static const char *
query_text (sqlite3    *handle,
            const char *sql,
            char      **out)
{
  sqlite3_stmt *stmt = NULL;

  *out = NULL;
  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    *out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return *out;
}

TsuBackupInfo *
tsu_backup_info_load (const char  *path,
                      GError     **error)
{
  g_autoptr(TsuBackupInfo) info = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  g_autofree char *application_id = NULL;
  g_autofree char *user_version = NULL;
  g_autofree char *check = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *uri_immutable = NULL;
  char header[16] = { 0 };
  FILE *file;
  size_t got;
  sqlite3 *handle = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” cannot be read: %s"), display, g_strerror (saved_errno));
      return NULL;
    }
  got = fread (header, 1, sizeof header, file);
  fclose (file);
  if (got != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_TSUNAGU,
                   _("“%s” is not a Tsunagu database."), display);
      return NULL;
    }

  folder = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  {
    /* Any stem will do: what matters is the time in the name. */
    const char *dash = strchr (name, '-');
    g_autofree char *stem = NULL;

    while (dash != NULL && info == NULL)
      {
        stem = (g_free (stem), g_strndup (name, dash - name));
        info = parse_backup_name (folder, name, stem);
        dash = strchr (dash + 1, '-');
      }
  }
  if (info == NULL)
    {
      GStatBuf st;

      info = g_new0 (TsuBackupInfo, 1);
      info->path = g_strdup (path);
      info->taken_at = g_stat (path, &st) == 0 ? g_date_time_new_from_unix_local (st.st_mtime)
                                              : g_date_time_new_now_local ();
    }

  /* immutable: a backup is not being written, and so no -wal or -shm
   * file is left beside it. A URI needs an absolute path: the command
   * line names backups relative to the working folder. */
  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, NULL);
  uri_immutable = g_strconcat (uri, "?immutable=1", NULL);
  if (uri == NULL
      || sqlite3_open_v2 (uri_immutable, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK
      || query_text (handle, "PRAGMA application_id", &application_id) == NULL
      || g_ascii_strtoll (application_id, NULL, 10) != TSU_DATABASE_APPLICATION_ID)
    {
      sqlite3_close_v2 (handle);
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_TSUNAGU,
                   _("“%s” is not a Tsunagu database."), display);
      return NULL;
    }
  query_text (handle, "PRAGMA user_version", &user_version);
  info->schema_version = user_version ? (int) g_ascii_strtoll (user_version, NULL, 10) : 0;
  if (info->schema_version > TSU_DATABASE_SCHEMA_VERSION)
    {
      sqlite3_close_v2 (handle);
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Tsunagu and cannot be used by this one."),
                   display);
      return NULL;
    }
  if (query_text (handle, "PRAGMA quick_check", &check) == NULL || g_strcmp0 (check, "ok") != 0)
    {
      sqlite3_close_v2 (handle);
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be used."), display);
      return NULL;
    }
  info->organizations = count_rows (handle, "organizations");
  info->people = count_rows (handle, "people");
  info->events = count_rows (handle, "events");
  info->budget_lines = count_rows (handle, "budget_lines");
  info->cases = count_rows (handle, "cases");
  info->referrals = count_rows (handle, "referrals");
  sqlite3_close_v2 (handle);
  return g_steal_pointer (&info);
}

static gboolean
make_folder (const char  *folder,
             GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                   _("The backup folder “%s” cannot be created: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* A name not taken yet: a second backup in the same second gets "-2". */
static char *
unused_name (const char *folder,
             const char *stem,
             const char *middle,
             const char *reason)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H%M%S");

  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf ("-%u", n);
      g_autofree char *name = g_strdup_printf ("%s-%s%s%s%s%s.db", stem, middle, stamp,
                                               reason ? "-" : "", reason ? reason : "", suffix);
      char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

char *
tsu_backup_take (TsuDatabase  *db,
                 const char   *folder,
                 const char   *reason,
                 GError      **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  if (folder == NULL || *folder == '\0')
    folder = default_folder = tsu_backup_default_folder (tsu_database_get_path (db));
  if (!make_folder (folder, error))
    return NULL;
  stem = database_stem (tsu_database_get_path (db));
  path = unused_name (folder, stem, "", reason);
  if (!tsu_database_backup (db, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

gboolean
tsu_backup_rotate (const char  *database_path,
                   const char  *folder,
                   guint        keep_daily,
                   guint        keep_monthly,
                   GError     **error)
{
  g_autoptr(GPtrArray) backups = tsu_backup_list (database_path, folder, error);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (backups == NULL)
    return FALSE;
  if (keep_daily == 0)
    keep_daily = TSU_BACKUP_KEEP_DAILY_DEFAULT;
  if (keep_monthly == 0)
    keep_monthly = TSU_BACKUP_KEEP_MONTHLY_DEFAULT;

  /* Newest first: the first backup seen of a day or month is the one kept. */
  for (guint i = 0; i < backups->len; i++)
    {
      TsuBackupInfo *info = g_ptr_array_index (backups, i);
      char *day = g_date_time_format (info->taken_at, "%Y-%m-%d");
      char *month = g_date_time_format (info->taken_at, "%Y-%m");
      gboolean keep = FALSE;

      if (!g_hash_table_contains (days, day) && g_hash_table_size (days) < keep_daily)
        {
          g_hash_table_add (days, g_strdup (day));
          keep = TRUE;
        }
      if (!g_hash_table_contains (months, month) && g_hash_table_size (months) < keep_monthly)
        {
          g_hash_table_add (months, g_strdup (month));
          keep = TRUE;
        }
      /* A day or month already represented still counts as seen. */
      g_hash_table_add (days, day);
      g_hash_table_add (months, month);
      if (!keep && g_unlink (info->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (info->path);

          g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                       _("The old backup “%s” cannot be deleted: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

char *
tsu_backup_copy_beside (const char  *backup_path,
                        const char  *database_path,
                        GError     **error)
{
  g_autoptr(TsuBackupInfo) info = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (backup_path != NULL, NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  info = tsu_backup_info_load (backup_path, error);
  if (info == NULL)
    return NULL;
  folder = g_path_get_dirname (database_path);
  stem = database_stem (database_path);
  target = unused_name (folder, stem, "restored-", NULL);
  source = g_file_new_for_path (backup_path);
  destination = g_file_new_for_path (target);
  if (!g_file_copy (source, destination, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
    {
      g_autofree char *display = g_filename_display_name (target);

      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                   _("The copy “%s” cannot be written: %s"), display, local_error->message);
      return NULL;
    }
  g_chmod (target, 0600);
  return g_steal_pointer (&target);
}

gboolean
tsu_database_restore (TsuDatabase  *db,
                      const char   *backup_path,
                      const char   *folder,
                      GError      **error)
{
  g_autoptr(TsuBackupInfo) info = NULL;
  g_autofree char *before = NULL;
  sqlite3 *source = NULL;
  sqlite3_backup *copy;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  info = tsu_backup_info_load (backup_path, error);
  if (info == NULL)
    return FALSE;
  if (folder == NULL)
    folder = tsu_database_get_backup_folder (db);
  before = tsu_backup_take (db, folder, "before-restore", error);
  if (before == NULL)
    return FALSE;

  rc = sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (backup_path);

      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” cannot be read: %s"), display, sqlite3_errstr (rc));
      sqlite3_close_v2 (source);
      return FALSE;
    }
  /* Through SQLite, page by page under its write lock: another copy of the
   * program sees the old content or the new one, never a mix. */
  copy = sqlite3_backup_init (tsu_database_get_handle (db), "main", source, "main");
  if (copy == NULL)
    {
      tsu_database_set_error (db, error);
      sqlite3_close_v2 (source);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (copy, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (copy);
  sqlite3_close_v2 (source);
  if (rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      return FALSE;
    }

  if (!tsu_database_migrate (db, error))
    return FALSE;
  for (const char * const *table = (const char * const[]) {
         "organizations", "people", "events", "event_sessions", "attendees", "agenda_items",
         "budget_lines", "payments", "cases", "referrals", NULL };
       *table != NULL; table++)
    tsu_database_emit_changed (db, *table);
  return TRUE;
}
