/* tsu-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include "tsu-history.h"

/* "2026-11-24T10:03:12" and its NUL. */
#define CHANGED_AT_SIZE 20

G_LOCK_DEFINE_STATIC (now_cache);

/* The local time now, to the second. An import writes a history row for
 * every field of every record, a million in a big file: the text is made
 * again only when the second changes. */
static void
format_now (char out[CHANGED_AT_SIZE])
{
  static time_t cached_second = -1;
  static char cached_text[CHANGED_AT_SIZE];
  time_t now = time (NULL);

  G_LOCK (now_cache);
  if (now != cached_second)
    {
      g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now);
      g_autofree char *text = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");

      g_strlcpy (cached_text, text, sizeof cached_text);
      cached_second = now;
    }
  memcpy (out, cached_text, CHANGED_AT_SIZE);
  G_UNLOCK (now_cache);
}

void
tsu_history_entry_free (TsuHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->changed_at);
  g_free (entry->user);
  g_free (entry->record);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

gboolean
tsu_history_add (TsuDatabase  *db,
                 gint64        case_id,
                 const char   *record,
                 gint64        record_id,
                 const char   *field,
                 const char   *old_value,
                 const char   *new_value,
                 GError      **error)
{
  char changed_at[CHANGED_AT_SIZE];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (record != NULL && field != NULL, FALSE);

  format_now (changed_at);
  stmt = tsu_database_prepare (db,
                               "INSERT INTO history (case_id, changed_at, user, record, record_id, field,"
                               " old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, changed_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, record, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, record_id);
  sqlite3_bind_text (stmt, 6, field, -1, SQLITE_TRANSIENT);
  tsu_bind_text (stmt, 7, old_value);
  tsu_bind_text (stmt, 8, new_value);
  return tsu_database_step_done (db, stmt, error);
}

/* "INSERT … VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8), (?1, …, ?9, ?10, ?11)…"
 * for @n rows: the record's columns shared, then field, old and new value
 * of each row. */
static char *
dup_insert_sql (guint n)
{
  GString *sql = g_string_new ("INSERT INTO history (case_id, changed_at, user, record, record_id, field,"
                               " old_value, new_value) VALUES ");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s(?1, ?2, ?3, ?4, ?5, ?%u, ?%u, ?%u)", i > 0 ? ", " : "",
                            6 + 3 * i, 7 + 3 * i, 8 + 3 * i);
  return g_string_free (sql, FALSE);
}

/* Statements for up to this many rows at once; more go in several. */
#define MAX_ROWS_AT_ONCE 16

gboolean
tsu_history_add_fields (TsuDatabase        *db,
                        gint64              case_id,
                        const char         *record,
                        gint64              record_id,
                        const char * const *fields,
                        const char * const *old_values,
                        const char * const *new_values,
                        guint               n,
                        GError            **error)
{
  static char *insert_sql[MAX_ROWS_AT_ONCE + 1];
  char changed_at[CHANGED_AT_SIZE];

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (n == 0 || (fields != NULL && old_values != NULL && new_values != NULL), FALSE);

  format_now (changed_at);
  for (guint done = 0; done < n;)
    {
      guint rows = MIN (n - done, MAX_ROWS_AT_ONCE);
      sqlite3_stmt *stmt;

      /* One statement for a record's rows rather than one each: an
       * import writes some ten rows for every case and referral. */
      if (g_once_init_enter (&insert_sql[rows]))
        g_once_init_leave (&insert_sql[rows], dup_insert_sql (rows));
      stmt = tsu_database_prepare (db, insert_sql[rows], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_text (stmt, 2, changed_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, g_get_user_name (), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, record, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, record_id);
      for (guint i = 0; i < rows; i++)
        {
          g_return_val_if_fail (fields[done + i] != NULL, FALSE);
          sqlite3_bind_text (stmt, 6 + 3 * i, fields[done + i], -1, SQLITE_STATIC);
          tsu_bind_text (stmt, 7 + 3 * i, old_values[done + i]);
          tsu_bind_text (stmt, 8 + 3 * i, new_values[done + i]);
        }
      if (!tsu_database_step_done (db, stmt, error))
        return FALSE;
      done += rows;
    }
  return TRUE;
}

GPtrArray *
tsu_history_load_for_case (TsuDatabase  *db,
                           gint64        case_id,
                           GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_history_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  /* Rows are written in order, so the id is the order of the changes
   * even within one second. */
  stmt = tsu_database_prepare (db,
                               "SELECT changed_at, user, record, record_id, field, old_value, new_value"
                               " FROM history WHERE case_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TsuHistoryEntry *entry = g_new0 (TsuHistoryEntry, 1);

      entry->changed_at = tsu_column_dup_text (stmt, 0);
      entry->user = tsu_column_dup_text (stmt, 1);
      entry->record = tsu_column_dup_text (stmt, 2);
      entry->record_id = sqlite3_column_int64 (stmt, 3);
      entry->field = tsu_column_dup_text (stmt, 4);
      entry->old_value = tsu_column_dup_text (stmt, 5);
      entry->new_value = tsu_column_dup_text (stmt, 6);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
