/* test-database.c: opening, migrating and refusing files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tsu-database.h"

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-db-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static int
pragma_int (TsuDatabase *db,
            const char  *sql)
{
  sqlite3_stmt *stmt = tsu_database_prepare (db, sql, NULL);
  int value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
test_create (void)
{
  g_autofree char *path = temp_path ("sub/folder/new.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuDatabase) db = tsu_database_open (path, &error);
  GStatBuf st;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (tsu_database_is_empty (db));
  g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, TSU_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (db, "PRAGMA application_id"), ==, TSU_DATABASE_APPLICATION_ID);
  g_assert_cmpint (pragma_int (db, "PRAGMA foreign_keys"), ==, 1);

  stmt = tsu_database_prepare (db, "PRAGMA journal_mode", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_reset (stmt);

  /* Sensitive records: the file is the owner's alone. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_reopen (void)
{
  g_autofree char *path = temp_path ("reopen.db");
  g_autoptr(GError) error = NULL;
  TsuDatabase *db = tsu_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (tsu_database_exec (db,
    "INSERT INTO organizations (name, reading, sort_key, search_key) VALUES ('抱樸', 'ほうぼく', x'00', 'x')",
    &error));
  g_assert_no_error (error);
  g_object_unref (db);

  db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (tsu_database_is_empty (db));
  /* The sort key was recomputed from the reading on reopening only when
   * ICU changed, so the placeholder key stays. */
  g_object_unref (db);
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuDatabase) db = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  db = tsu_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TSU_STORE_ERROR, code);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_text_file (void)
{
  g_autofree char *path = temp_path ("notes.db");

  g_assert_true (g_file_set_contents (path, "これはデータベースではありません\n", -1, NULL));
  assert_refused_untouched (path, TSU_STORE_ERROR_NOT_TSUNAGU);
}

static void
test_refuse_other_sqlite (void)
{
  g_autofree char *path = temp_path ("other.sqlite");
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE t (x); INSERT INTO t VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  assert_refused_untouched (path, TSU_STORE_ERROR_NOT_TSUNAGU);
}

static void
test_refuse_newer (void)
{
  g_autofree char *path = temp_path ("newer.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;"
                                          " CREATE TABLE future (x);",
                                          TSU_DATABASE_APPLICATION_ID,
                                          TSU_DATABASE_SCHEMA_VERSION + 1);
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  assert_refused_untouched (path, TSU_STORE_ERROR_TOO_NEW);
}

static void
test_refuse_truncated (void)
{
  g_autofree char *path = temp_path ("truncated.db");
  g_autofree char *good = temp_path ("good.db");
  g_autofree char *contents = NULL;
  gsize length;

  g_object_unref (tsu_database_open (good, NULL));
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 200);
  g_assert_true (g_file_set_contents (path, contents, 60, NULL));
  assert_refused_untouched (path, TSU_STORE_ERROR_NOT_TSUNAGU);
}

static void
test_transactions_nest (void)
{
  g_autofree char *path = temp_path ("nest.db");
  g_autoptr(TsuDatabase) db = tsu_database_open (path, NULL);

  g_assert_true (tsu_database_begin (db, NULL));
  g_assert_true (tsu_database_exec (db, "INSERT INTO settings VALUES ('a', '1')", NULL));
  g_assert_true (tsu_database_begin (db, NULL));
  g_assert_true (tsu_database_exec (db, "INSERT INTO settings VALUES ('b', '2')", NULL));
  tsu_database_rollback (db);
  g_assert_true (tsu_database_commit (db, NULL));

  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM settings WHERE key IN ('a', 'b')"), ==, 1);
}

static void
test_backup (void)
{
  g_autofree char *path = temp_path ("live.db");
  g_autofree char *copy = temp_path ("copy.db");
  g_autoptr(TsuDatabase) db = tsu_database_open (path, NULL);
  g_autoptr(TsuDatabase) restored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tsu_database_exec (db, "INSERT INTO settings VALUES ('marker', 'x')", NULL));
  g_assert_true (tsu_database_backup (db, copy, &error));
  g_assert_no_error (error);

  restored = tsu_database_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (restored, "SELECT count(*) FROM settings WHERE key = 'marker'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/reopen", test_reopen);
  g_test_add_func ("/database/refuse-text-file", test_refuse_text_file);
  g_test_add_func ("/database/refuse-other-sqlite", test_refuse_other_sqlite);
  g_test_add_func ("/database/refuse-newer", test_refuse_newer);
  g_test_add_func ("/database/refuse-truncated", test_refuse_truncated);
  g_test_add_func ("/database/transactions-nest", test_transactions_nest);
  g_test_add_func ("/database/backup", test_backup);

  return g_test_run ();
}
