/* tsu-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tsu-history.h"

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
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *changed_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (record != NULL && field != NULL, FALSE);

  stmt = tsu_database_prepare (db,
                               "INSERT INTO history (case_id, changed_at, user, record, record_id, field,"
                               " old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, changed_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, record, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, record_id);
  sqlite3_bind_text (stmt, 6, field, -1, SQLITE_TRANSIENT);
  tsu_bind_text (stmt, 7, old_value);
  tsu_bind_text (stmt, 8, new_value);
  return tsu_database_step_done (db, stmt, error);
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
