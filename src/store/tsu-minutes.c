/* tsu-minutes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-minutes.h"

const char *
tsu_remark_kind_to_mark (TsuRemarkKind kind)
{
  return kind == TSU_REMARK_CITY ? "◇" : "◆";
}

TsuRemark *
tsu_remark_new (TsuRemarkKind  kind,
                const char    *organization,
                const char    *text)
{
  TsuRemark *remark = g_new0 (TsuRemark, 1);

  remark->kind = kind;
  remark->organization = organization && *organization ? g_strdup (organization) : NULL;
  remark->text = g_strdup (text ? text : "");
  return remark;
}

void
tsu_remark_free (TsuRemark *remark)
{
  if (remark == NULL)
    return;
  g_free (remark->organization);
  g_free (remark->text);
  g_free (remark);
}

TsuAgendaItem *
tsu_agenda_item_new (const char *title,
                     const char *summary)
{
  TsuAgendaItem *item = g_new0 (TsuAgendaItem, 1);

  item->title = g_strdup (title ? title : "");
  item->summary = summary && *summary ? g_strdup (summary) : NULL;
  item->remarks = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_remark_free);
  return item;
}

void
tsu_agenda_item_free (TsuAgendaItem *item)
{
  if (item == NULL)
    return;
  g_free (item->title);
  g_free (item->summary);
  g_ptr_array_unref (item->remarks);
  g_free (item);
}

GPtrArray *
tsu_minutes_load (TsuDatabase  *db,
                  gint64        event_id,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_agenda_item_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  stmt = tsu_database_prepare (db,
                               "SELECT id, title, summary FROM agenda_items"
                               " WHERE event_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (items, tsu_agenda_item_new ((const char *) sqlite3_column_text (stmt, 1),
                                                   (const char *) sqlite3_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto fail;

  stmt = tsu_database_prepare (db,
                               "SELECT kind, organization, text FROM remarks"
                               " WHERE agenda_item_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      TsuAgendaItem *item = g_ptr_array_index (items, i);

      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *kind = (const char *) sqlite3_column_text (stmt, 0);

          g_ptr_array_add (item->remarks,
                           tsu_remark_new (g_strcmp0 (kind, "city") == 0 ? TSU_REMARK_CITY : TSU_REMARK_MEMBER,
                                           (const char *) sqlite3_column_text (stmt, 1),
                                           (const char *) sqlite3_column_text (stmt, 2)));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        goto fail;
    }
  return g_steal_pointer (&items);

fail:
  tsu_database_set_error (db, error);
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
tsu_minutes_save (TsuDatabase  *db,
                  gint64        event_id,
                  GPtrArray    *items,
                  GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  for (guint i = 0; i < items->len; i++)
    {
      TsuAgendaItem *item = g_ptr_array_index (items, i);

      if (is_blank (item->title))
        {
          g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                       _("Agenda item %u has no title."), i + 1);
          return FALSE;
        }
      for (guint j = 0; j < item->remarks->len; j++)
        if (is_blank (((TsuRemark *) g_ptr_array_index (item->remarks, j))->text))
          {
            g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                         _("Remark %u of agenda item %u is empty."), j + 1, i + 1);
            return FALSE;
          }
    }

  if (!tsu_database_begin (db, error))
    return FALSE;

  stmt = tsu_database_prepare (db, "DELETE FROM agenda_items WHERE event_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!tsu_database_step_done (db, stmt, error))
    goto fail;

  for (guint i = 0; i < items->len; i++)
    {
      TsuAgendaItem *item = g_ptr_array_index (items, i);
      gint64 item_id;

      stmt = tsu_database_prepare (db,
                                   "INSERT INTO agenda_items (event_id, position, title, summary)"
                                   " VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int (stmt, 2, i + 1);
      tsu_bind_text (stmt, 3, item->title);
      tsu_bind_text (stmt, 4, item->summary);
      if (!tsu_database_step_done (db, stmt, error))
        goto fail;
      item_id = sqlite3_last_insert_rowid (tsu_database_get_handle (db));

      stmt = tsu_database_prepare (db,
                                   "INSERT INTO remarks (agenda_item_id, position, kind, organization, text)"
                                   " VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      for (guint j = 0; j < item->remarks->len; j++)
        {
          TsuRemark *remark = g_ptr_array_index (item->remarks, j);

          sqlite3_bind_int64 (stmt, 1, item_id);
          sqlite3_bind_int (stmt, 2, j + 1);
          sqlite3_bind_text (stmt, 3, remark->kind == TSU_REMARK_CITY ? "city" : "member", -1, SQLITE_STATIC);
          tsu_bind_text (stmt, 4, remark->kind == TSU_REMARK_CITY ? NULL : remark->organization);
          tsu_bind_text (stmt, 5, remark->text);
          if (!tsu_database_step_done (db, stmt, error))
            goto fail;
        }
    }

  if (!tsu_database_commit (db, error))
    return FALSE;
  tsu_database_emit_changed (db, "minutes");
  return TRUE;

fail:
  tsu_database_rollback (db);
  return FALSE;
}
