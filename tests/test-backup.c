/* test-backup.c: automatic backups, rotation, restore, and files that
 * cannot be opened as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tsu-audit.h"
#include "tsu-backup.h"
#include "tsu-organization.h"

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-backup-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
add_organization (TsuDatabase *db,
                  const char  *name)
{
  g_autoptr(TsuOrganization) org = tsu_organization_new ();
  g_autoptr(GError) error = NULL;

  tsu_organization_set_name (org, name);
  tsu_organization_set_reading (org, "てすと");
  g_assert_true (tsu_organization_save (org, db, &error));
  g_assert_no_error (error);
}

static gint64
count_organizations (TsuDatabase *db)
{
  sqlite3_stmt *stmt = tsu_database_prepare (db, "SELECT count(*) FROM organizations", NULL);
  gint64 count;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* A database with one organisation, closed; no backups yet. */
static char *
make_database (void)
{
  char *path = temp_path ("tsunagu.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuDatabase) db = tsu_database_open (path, &error);

  g_assert_no_error (error);
  add_organization (db, "抱樸");
  return path;
}

static guint
count_backups (const char *path)
{
  g_autoptr(GPtrArray) backups = tsu_backup_list (path, NULL, NULL);

  return backups->len;
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Opening takes one backup a day, readable by the owner only. */
static void
test_daily (void)
{
  g_autofree char *path = make_database ();
  g_autofree char *folder = tsu_backup_default_folder (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(TsuBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  TsuDatabase *db;
  GStatBuf st;

  /* A new database has nothing to keep yet. */
  g_assert_cmpuint (count_backups (path), ==, 0);

  db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  backups = tsu_backup_list (path, NULL, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_null (((TsuBackupInfo *) g_ptr_array_index (backups, 0))->reason);

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (((TsuBackupInfo *) g_ptr_array_index (backups, 0))->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  info = tsu_backup_info_load (((TsuBackupInfo *) g_ptr_array_index (backups, 0))->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->organizations, ==, 1);
  g_assert_cmpint (info->referrals, ==, 0);
  g_assert_cmpint (info->schema_version, ==, TSU_DATABASE_SCHEMA_VERSION);

  /* Named relative to the working folder, as on the command line. */
  {
    g_autofree char *cwd = g_get_current_dir ();
    g_autofree char *name = g_path_get_basename (((TsuBackupInfo *) g_ptr_array_index (backups, 0))->path);
    g_autoptr(TsuBackupInfo) relative = NULL;

    g_assert_cmpint (g_chdir (folder), ==, 0);
    relative = tsu_backup_info_load (name, &error);
    g_assert_cmpint (g_chdir (cwd), ==, 0);
    g_assert_no_error (error);
    g_assert_cmpint (relative->organizations, ==, 1);
  }

  /* The same day, no second one. */
  db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  g_assert_cmpuint (count_backups (path), ==, 1);
}

/* Of many backups, the newest of each of the last 14 days and of the last
 * 12 months are kept; other files in the folder are left alone. */
static void
test_rotation (void)
{
  g_autofree char *path = temp_path ("tsunagu.db");
  g_autofree char *folder = tsu_backup_default_folder (path);
  g_autofree char *stranger = g_build_filename (folder, "notes.txt", NULL);
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 11, 24, 9, 0, 0);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (stranger, "keep me", -1, NULL));
  /* Two backups a day for 400 days. */
  for (int day = 0; day < 400; day++)
    for (int hour = 0; hour < 2; hour++)
      {
        g_autoptr(GDateTime) when = g_date_time_add_full (start, 0, 0, -day, -hour * 3, 0, 0);
        g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%dT%H%M%S");
        g_autofree char *name = g_strdup_printf ("tsunagu-%s.db", stamp);
        g_autofree char *file = g_build_filename (folder, name, NULL);

        g_assert_true (g_file_set_contents (file, "", 0, NULL));
      }
  g_assert_cmpuint (count_backups (path), ==, 800);

  g_assert_true (tsu_backup_rotate (path, NULL, 0, 0, &error));
  g_assert_no_error (error);
  kept = tsu_backup_list (path, NULL, NULL);
  /* 14 days (in November 2026), plus the newest of each of 11 earlier
   * months, the days already counting for November. */
  g_assert_cmpuint (kept->len, ==, 14 + 11);
  for (guint i = 0; i < 14; i++)
    {
      TsuBackupInfo *info = g_ptr_array_index (kept, i);

      g_assert_cmpint (g_date_time_get_day_of_month (info->taken_at), ==, 24 - (int) i);
      g_assert_cmpint (g_date_time_get_hour (info->taken_at), ==, 9);
    }
  {
    TsuBackupInfo *oldest = g_ptr_array_index (kept, kept->len - 1);

    g_assert_cmpint (g_date_time_get_year (oldest->taken_at), ==, 2025);
    g_assert_cmpint (g_date_time_get_month (oldest->taken_at), ==, 12);
    g_assert_cmpint (g_date_time_get_day_of_month (oldest->taken_at), ==, 31);
  }
  g_assert_true (g_file_test (stranger, G_FILE_TEST_EXISTS));
}

/* Restore brings the backup's content back, after keeping the current
 * state. */
static void
test_restore (void)
{
  g_autofree char *path = make_database ();
  g_autofree char *backup = NULL;
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  backup = tsu_backup_find_newest (path, NULL);
  g_assert_nonnull (backup);
  add_organization (db, "フードバンク北九州ライフアゲイン");
  g_assert_cmpint (count_organizations (db), ==, 2);

  g_assert_true (tsu_database_restore (db, backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_organizations (db), ==, 1);

  backups = tsu_backup_list (path, NULL, NULL);
  g_assert_cmpuint (backups->len, ==, 2);
  for (guint i = 0; i < backups->len; i++)
    {
      TsuBackupInfo *info = g_ptr_array_index (backups, i);
      g_autoptr(TsuBackupInfo) loaded = tsu_backup_info_load (info->path, &error);

      g_assert_no_error (error);
      /* The state before the restore, with both organisations. */
      g_assert_cmpint (loaded->organizations, ==, g_strcmp0 (info->reason, "before-restore") == 0 ? 2 : 1);
    }

  /* The database still works, trail and all. */
  add_organization (db, "北九州いのちの電話");
  g_assert_cmpint (count_organizations (db), ==, 2);
  g_assert_cmpint (tsu_database_get_last_change (db), >, 0);

  /* Not a backup: refused, nothing changed. */
  g_assert_false (tsu_database_restore (db, "/etc/passwd", NULL, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_TSUNAGU);
  g_assert_cmpint (count_organizations (db), ==, 2);
}

/* A database of an older version is backed up before it is migrated. */
static void
test_before_migration (void)
{
  g_autofree char *path = make_database ();
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  TsuDatabase *db;

  db = tsu_database_open_full (path, &(TsuOpenOptions) { .no_automatic_backup = TRUE }, &error);
  g_assert_no_error (error);
  /* A file of version 4: no audit trail, and events without the column of
   * version 6 (its audit triggers name it, so they go first). */
  g_assert_true (tsu_database_exec (db,
                                    "DROP TRIGGER audit_events_insert; DROP TRIGGER audit_events_update;"
                                    " DROP TRIGGER audit_events_delete;"
                                    " ALTER TABLE events DROP COLUMN sign_in_printed_at;"
                                    " DROP TABLE audit_log; PRAGMA user_version = 4", &error));
  g_object_unref (db);
  g_assert_cmpuint (count_backups (path), ==, 0);

  db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  backups = tsu_backup_list (path, NULL, NULL);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (((TsuBackupInfo *) g_ptr_array_index (backups, 0))->reason, ==, "before-v6");
}

/* A damaged database is refused untouched; the message names the newest
 * backup, and a copy of it can be opened instead. */
static void
test_damaged (void)
{
  g_autofree char *path = make_database ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  TsuDatabase *db;

  /* Fill a few pages, take the day's backup, then damage the file. */
  db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("団体%03d", i);

      add_organization (db, name);
    }
  g_assert_finalize_object (db);
  newest = tsu_backup_find_newest (path, NULL);
  g_assert_nonnull (newest);
  /* So that the next open checks every page again, as on a new day. */
  folder = g_path_get_dirname (newest);
  {
    g_autofree char *moved = g_build_filename (folder, "tsunagu-2020-01-01T000000.db", NULL);

    g_assert_cmpint (g_rename (newest, moved), ==, 0);
    g_free (newest);
    newest = g_steal_pointer (&moved);
  }
  {
    FILE *file = g_fopen (path, "r+b");

    g_assert_nonnull (file);
    /* The headers of a few b-tree pages, as a bad sector would. */
    for (int page = 2; page < 12; page++)
      {
        g_assert_cmpint (fseek (file, 4096 * page, SEEK_SET), ==, 0);
        for (int i = 0; i < 16; i++)
          fputc (0xA5, file);
      }
    fclose (file);
  }
  before = file_checksum (path);

  db = tsu_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "tsunagu-2020-01-01T000000.db"));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  g_clear_error (&error);
  copy = tsu_backup_copy_beside (newest, path, &error);
  g_assert_no_error (error);
  db = tsu_database_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_organizations (db), ==, 1);
  g_object_unref (db);
}

/* A full disk: the change is refused with a message that says so, and
 * what was saved before is intact. SQLite's page limit stands in for the
 * disk. */
static void
test_disk_full (void)
{
  g_autofree char *path = make_database ();
  g_autoptr(TsuDatabase) db = tsu_database_open (path, NULL);
  g_autoptr(TsuOrganization) org = tsu_organization_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (400000, 'x');
  sqlite3_stmt *stmt;
  int pages;

  stmt = tsu_database_prepare (db, "PRAGMA page_count", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  {
    g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %d", pages + 2);

    g_assert_true (tsu_database_exec (db, limit, NULL));
  }

  tsu_organization_set_name (org, "とても長い備考の団体");
  tsu_organization_set_reading (org, "ながい");
  tsu_organization_set_notes (org, huge);
  g_assert_false (tsu_organization_save (org, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NO_SPACE);
  g_assert_cmpint (count_organizations (db), ==, 1);
}

/* A read-only folder: a clear message, nothing written. Root may write
 * anywhere, so then the check runs as nobody in a child process. */
static void
test_read_only_folder (void)
{
  g_autofree char *path = make_database ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *before = file_checksum (path);
  pid_t child;
  int status = 0;

  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  child = fork ();
  if (child == 0)
    {
      g_autoptr(GError) error = NULL;
      TsuDatabase *db;

      /* The child leaves by _exit(): free what it inherited and will not
       * use, or Valgrind counts it as lost and changes the exit status. */
      g_clear_pointer (&folder, g_free);
      g_clear_pointer (&before, g_free);
      if (geteuid () == 0 && setuid (65534) != 0)
        _exit (2);
      db = tsu_database_open (path, &error);
      _exit (db == NULL && g_error_matches (error, TSU_STORE_ERROR, TSU_STORE_ERROR_READ_ONLY) ? 0 : 1);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_chmod (folder, 0700);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  {
    g_autofree char *after = file_checksum (path);

    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_network_file_systems (void)
{
  g_assert_true (tsu_file_system_is_network (0xFF534D42));  /* CIFS */
  g_assert_true (tsu_file_system_is_network (0xFE534D42));  /* SMB2 */
  g_assert_true (tsu_file_system_is_network (0x6969));      /* NFS */
  g_assert_false (tsu_file_system_is_network (0xEF53));     /* ext4 */
  g_assert_false (tsu_file_system_is_network (0x01021994)); /* tmpfs */
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/daily", test_daily);
  g_test_add_func ("/backup/rotation", test_rotation);
  g_test_add_func ("/backup/restore", test_restore);
  g_test_add_func ("/backup/before-migration", test_before_migration);
  g_test_add_func ("/backup/damaged", test_damaged);
  g_test_add_func ("/backup/disk-full", test_disk_full);
  g_test_add_func ("/backup/read-only-folder", test_read_only_folder);
  g_test_add_func ("/backup/network-file-systems", test_network_file_systems);

  return g_test_run ();
}
