/* tsu-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-record-private.h"

gboolean
tsu_record_set_text (GObject     *object,
                     char       **field,
                     const char  *value,
                     GParamSpec  *pspec)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  if (g_strcmp0 (*field, trimmed) == 0)
    return FALSE;
  g_free (*field);
  *field = g_steal_pointer (&trimmed);
  if (pspec != NULL)
    g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

void
tsu_record_texts_init (char  **texts,
                       guint   n)
{
  for (guint i = 0; i < n; i++)
    texts[i] = g_strdup ("");
}

void
tsu_record_texts_free (char  **texts,
                       guint   n)
{
  for (guint i = 0; i < n; i++)
    g_free (texts[i]);
}

void
tsu_record_texts_copy (char        **dest,
                       char * const *src,
                       guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      g_free (dest[i]);
      dest[i] = g_strdup (src[i]);
    }
}

void
tsu_record_texts_read (char         **texts,
                       guint          n,
                       sqlite3_stmt  *stmt,
                       int            first_column)
{
  for (guint i = 0; i < n; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, first_column + (int) i);

      g_free (texts[i]);
      texts[i] = g_strdup (text ? text : "");
    }
}

void
tsu_record_texts_bind (sqlite3_stmt *stmt,
                       int           first_index,
                       char * const *texts,
                       guint         n)
{
  for (guint i = 0; i < n; i++)
    tsu_bind_text (stmt, first_index + (int) i, texts[i]);
}

gboolean
tsu_record_get_text_property (char * const *texts,
                              guint         n,
                              guint         first_prop_id,
                              guint         prop_id,
                              GValue       *value)
{
  if (prop_id < first_prop_id || prop_id >= first_prop_id + n)
    return FALSE;
  g_value_set_string (value, texts[prop_id - first_prop_id]);
  return TRUE;
}

GPtrArray *
tsu_record_load_rows (TsuDatabase       *db,
                      sqlite3_stmt      *stmt,
                      TsuRecordReadRow   read_row,
                      GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));
  /* The message is taken before the reset, which keeps the step's. */
  if (rc != SQLITE_DONE)
    tsu_database_set_error (db, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&rows);
}

gboolean
tsu_record_check_problems (GPtrArray  *problems,
                           GError    **error)
{
  TsuFieldProblem *first;

  if (problems->len == 0)
    return TRUE;
  first = g_ptr_array_index (problems, 0);
  g_set_error_literal (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID, first->message);
  return FALSE;
}

void
tsu_record_set_conflict_error (GError     **error,
                               const char  *name)
{
  g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT,
               _("“%s” was changed or deleted by someone else since you opened it. Reload it and make your change again."),
               name);
}

gboolean
tsu_record_exec_for_id (TsuDatabase  *db,
                        const char   *sql,
                        gint64        id,
                        const char   *table,
                        GError      **error)
{
  sqlite3_stmt *stmt = tsu_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tsu_database_step_done (db, stmt, error))
    return FALSE;
  tsu_database_emit_changed (db, table);
  return TRUE;
}
