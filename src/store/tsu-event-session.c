/* tsu-event-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-date.h"
#include "tsu-event-session.h"
#include "tsu-record-private.h"

typedef enum
{
  TEXT_TITLE,
  TEXT_LECTURER,
  TEXT_STARTS_AT,
  TEXT_ENDS_AT,
  TEXT_PLACE,
  N_TEXTS
} TextField;

static const char * const text_property_names[N_TEXTS] = {
  "title", "lecturer", "starts-at", "ends-at", "place",
};

#define COLUMNS "id, version, event_id, position, capacity, head_count, " \
                "title, lecturer, starts_at, ends_at, place"
#define FIRST_TEXT_COLUMN 6

struct _TsuEventSession
{
  GObject  parent_instance;

  gint64   id;
  gint64   version;
  gint64   event_id;
  guint    position;
  guint    capacity;
  int      head_count;
  char    *text[N_TEXTS];
};

G_DEFINE_TYPE (TsuEventSession, tsu_event_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_TEXTS - 1,
  PROP_ID,
  PROP_POSITION,
  PROP_CAPACITY,
  PROP_HEAD_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tsu_event_session_finalize (GObject *object)
{
  TsuEventSession *self = TSU_EVENT_SESSION (object);

  tsu_record_texts_free (self->text, N_TEXTS);

  G_OBJECT_CLASS (tsu_event_session_parent_class)->finalize (object);
}

static void
set_text (TsuEventSession *self,
          TextField        field,
          const char      *value)
{
  tsu_record_set_text (G_OBJECT (self), &self->text[field], value,
                       properties[PROP_FIRST_TEXT + field]);
}

static void
tsu_event_session_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TsuEventSession *self = TSU_EVENT_SESSION (object);

  if (tsu_record_get_text_property (self->text, N_TEXTS, PROP_FIRST_TEXT, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_CAPACITY:
      g_value_set_uint (value, self->capacity);
      break;
    case PROP_HEAD_COUNT:
      g_value_set_int (value, self->head_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_event_session_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TsuEventSession *self = TSU_EVENT_SESSION (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_POSITION:
      tsu_event_session_set_position (self, g_value_get_uint (value));
      break;
    case PROP_CAPACITY:
      tsu_event_session_set_capacity (self, g_value_get_uint (value));
      break;
    case PROP_HEAD_COUNT:
      tsu_event_session_set_head_count (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_event_session_class_init (TsuEventSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tsu_event_session_finalize;
  object_class->get_property = tsu_event_session_get_property;
  object_class->set_property = tsu_event_session_set_property;

  for (guint i = 0; i < N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, NULL, flags);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_CAPACITY] =
    g_param_spec_uint ("capacity", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_HEAD_COUNT] =
    g_param_spec_int ("head-count", NULL, NULL, TSU_HEAD_COUNT_UNKNOWN, G_MAXINT,
                      TSU_HEAD_COUNT_UNKNOWN, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tsu_event_session_init (TsuEventSession *self)
{
  self->head_count = TSU_HEAD_COUNT_UNKNOWN;
  tsu_record_texts_init (self->text, N_TEXTS);
}

TsuEventSession *
tsu_event_session_new (gint64 event_id)
{
  TsuEventSession *self = g_object_new (TSU_TYPE_EVENT_SESSION, NULL);

  self->event_id = event_id;
  return self;
}

TsuEventSession *
tsu_event_session_copy (TsuEventSession *self)
{
  TsuEventSession *copy;

  g_return_val_if_fail (TSU_IS_EVENT_SESSION (self), NULL);

  copy = tsu_event_session_new (self->event_id);
  copy->id = self->id;
  copy->version = self->version;
  copy->position = self->position;
  copy->capacity = self->capacity;
  copy->head_count = self->head_count;
  tsu_record_texts_copy (copy->text, self->text, N_TEXTS);
  return copy;
}

#define TEXT_ACCESSORS(lower, UPPER) \
  TSU_RECORD_TEXT_ACCESSORS (TsuEventSession, tsu_event_session, TSU_IS_EVENT_SESSION, lower, TEXT_##UPPER)

TEXT_ACCESSORS (title, TITLE)
TEXT_ACCESSORS (lecturer, LECTURER)
TEXT_ACCESSORS (starts_at, STARTS_AT)
TEXT_ACCESSORS (ends_at, ENDS_AT)
TEXT_ACCESSORS (place, PLACE)

#define NUMBER_ACCESSORS(type, lower, PROP)                   \
  type                                                             \
  tsu_event_session_get_##lower (TsuEventSession *self)            \
  {                                                                \
    g_return_val_if_fail (TSU_IS_EVENT_SESSION (self), 0);         \
    return self->lower;                                            \
  }                                                                \
  void                                                             \
  tsu_event_session_set_##lower (TsuEventSession *self,            \
                                 type             value)           \
  {                                                                \
    g_return_if_fail (TSU_IS_EVENT_SESSION (self));                \
    if (self->lower == value)                                      \
      return;                                                      \
    self->lower = value;                                           \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);  \
  }

NUMBER_ACCESSORS (guint, position, PROP_POSITION)
NUMBER_ACCESSORS (guint, capacity, PROP_CAPACITY)
NUMBER_ACCESSORS (int, head_count, PROP_HEAD_COUNT)

gint64
tsu_event_session_get_id (TsuEventSession *self)
{
  g_return_val_if_fail (TSU_IS_EVENT_SESSION (self), 0);
  return self->id;
}

gint64
tsu_event_session_get_version (TsuEventSession *self)
{
  g_return_val_if_fail (TSU_IS_EVENT_SESSION (self), 0);
  return self->version;
}

gint64
tsu_event_session_get_event_id (TsuEventSession *self)
{
  g_return_val_if_fail (TSU_IS_EVENT_SESSION (self), 0);
  return self->event_id;
}

GPtrArray *
tsu_event_session_validate (TsuEventSession *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  GDate date;

  g_return_val_if_fail (TSU_IS_EVENT_SESSION (self), problems);

  if (self->event_id == 0)
    g_ptr_array_add (problems, tsu_field_problem_new ("event-id", _("Choose the event the programme item belongs to.")));
  if (self->head_count < TSU_HEAD_COUNT_UNKNOWN)
    g_ptr_array_add (problems, tsu_field_problem_new ("head-count", _("The head count cannot be negative.")));
  if (self->position == 0)
    g_ptr_array_add (problems, tsu_field_problem_new ("position", _("The position in the programme must be 1 or more.")));
  if (*self->text[TEXT_TITLE] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("title", _("Enter the title of the programme item.")));
  if (*self->text[TEXT_STARTS_AT] != '\0' && !tsu_date_from_iso (self->text[TEXT_STARTS_AT], &date))
    g_ptr_array_add (problems, tsu_field_problem_new ("starts-at", _("The start is not a valid date.")));
  if (*self->text[TEXT_ENDS_AT] != '\0' && !tsu_date_from_iso (self->text[TEXT_ENDS_AT], &date))
    g_ptr_array_add (problems, tsu_field_problem_new ("ends-at", _("The end is not a valid date.")));
  else if (*self->text[TEXT_ENDS_AT] != '\0' && *self->text[TEXT_STARTS_AT] != '\0'
           && strcmp (self->text[TEXT_ENDS_AT], self->text[TEXT_STARTS_AT]) < 0)
    g_ptr_array_add (problems, tsu_field_problem_new ("ends-at", _("The programme item ends before it starts.")));
  return problems;
}

static gpointer
read_row (sqlite3_stmt *stmt)
{
  TsuEventSession *self = tsu_event_session_new (sqlite3_column_int64 (stmt, 2));

  self->id = sqlite3_column_int64 (stmt, 0);
  self->version = sqlite3_column_int64 (stmt, 1);
  self->position = sqlite3_column_int (stmt, 3);
  self->capacity = sqlite3_column_int (stmt, 4);
  self->head_count = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                     ? TSU_HEAD_COUNT_UNKNOWN : sqlite3_column_int (stmt, 5);
  tsu_record_texts_read (self->text, N_TEXTS, stmt, FIRST_TEXT_COLUMN);
  return self;
}

static GPtrArray *
load_rows (TsuDatabase  *db,
           const char   *sql,
           gint64        first,
           gint64        second,
           GError      **error)
{
  sqlite3_stmt *stmt = tsu_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, first);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, second);
  return tsu_record_load_rows (db, stmt, read_row, error);
}

GPtrArray *
tsu_event_session_load_for_event (TsuDatabase  *db,
                                  gint64        event_id,
                                  GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  return load_rows (db, "SELECT " COLUMNS " FROM event_sessions WHERE event_id = ? ORDER BY position",
                    event_id, 0, error);
}

TsuEventSession *
tsu_event_session_find_by_position (TsuDatabase  *db,
                                    gint64        event_id,
                                    guint         position,
                                    GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  rows = load_rows (db, "SELECT " COLUMNS " FROM event_sessions WHERE event_id = ? AND position = ?",
                    event_id, position, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, 0));
}

gboolean
tsu_event_session_save (TsuEventSession  *self,
                        TsuDatabase      *db,
                        GError          **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_EVENT_SESSION (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  problems = tsu_event_session_validate (self);
  if (!tsu_record_check_problems (problems, error))
    return FALSE;

  if (!tsu_database_begin (db, error))
    return FALSE;

  stmt = tsu_database_prepare (db,
                               "SELECT count(*) FROM event_sessions"
                               " WHERE event_id = ? AND position = ? AND id != ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, self->event_id);
  sqlite3_bind_int (stmt, 2, self->position);
  sqlite3_bind_int64 (stmt, 3, self->id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    {
      sqlite3_reset (stmt);
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                   _("The programme already has an item at position %u."), self->position);
      goto fail;
    }
  sqlite3_reset (stmt);

  if (self->id == 0)
    stmt = tsu_database_prepare (db,
      "INSERT INTO event_sessions (event_id, position, capacity, head_count, title, lecturer,"
      " starts_at, ends_at, place) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  else
    stmt = tsu_database_prepare (db,
      "UPDATE event_sessions SET event_id = ?1, position = ?2, capacity = ?3, head_count = ?4,"
      " title = ?5, lecturer = ?6, starts_at = ?7, ends_at = ?8, place = ?9,"
      " version = version + 1 WHERE id = ?10 AND version = ?11", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, self->event_id);
  sqlite3_bind_int (stmt, 2, self->position);
  sqlite3_bind_int (stmt, 3, self->capacity);
  if (self->head_count == TSU_HEAD_COUNT_UNKNOWN)
    sqlite3_bind_null (stmt, 4);
  else
    sqlite3_bind_int (stmt, 4, self->head_count);
  tsu_record_texts_bind (stmt, 5, self->text, N_TEXTS);
  if (self->id != 0)
    {
      sqlite3_bind_int64 (stmt, 10, self->id);
      sqlite3_bind_int64 (stmt, 11, self->version);
    }
  if (!tsu_database_step_done (db, stmt, error))
    goto fail;

  if (self->id == 0)
    {
      self->id = sqlite3_last_insert_rowid (tsu_database_get_handle (db));
      self->version = 1;
    }
  else if (sqlite3_changes (tsu_database_get_handle (db)) == 0)
    {
      tsu_record_set_conflict_error (error, self->text[TEXT_TITLE]);
      goto fail;
    }
  else
    self->version++;

  if (!tsu_database_commit (db, error))
    return FALSE;
  tsu_database_emit_changed (db, "event_sessions");
  return TRUE;

fail:
  tsu_database_rollback (db);
  return FALSE;
}

gboolean
tsu_event_session_delete (TsuDatabase  *db,
                          gint64        id,
                          GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  return tsu_record_exec_for_id (db, "DELETE FROM event_sessions WHERE id = ?",
                                 id, "event_sessions", error);
}

gboolean
tsu_event_session_move (TsuDatabase  *db,
                        gint64        id,
                        int           delta,
                        GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 event_id = 0, neighbour = 0;
  int position = 0, neighbour_position = 0;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  if (!tsu_database_begin (db, error))
    return FALSE;

  stmt = tsu_database_prepare (db, "SELECT event_id, position FROM event_sessions WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      event_id = sqlite3_column_int64 (stmt, 0);
      position = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  stmt = tsu_database_prepare (db,
                               delta < 0
                               ? "SELECT id, position FROM event_sessions WHERE event_id = ? AND position < ?"
                                 " ORDER BY position DESC LIMIT 1"
                               : "SELECT id, position FROM event_sessions WHERE event_id = ? AND position > ?"
                                 " ORDER BY position LIMIT 1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int (stmt, 2, position);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      neighbour = sqlite3_column_int64 (stmt, 0);
      neighbour_position = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  /* First or last already: nothing to do. */
  if (neighbour == 0)
    return tsu_database_commit (db, error);

  /* Swap through a position no programme reaches, as (event_id,
   * position) is unique. */
  stmt = tsu_database_prepare (db, "UPDATE event_sessions SET position = ?, version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, G_MAXINT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!tsu_database_step_done (db, stmt, error))
    goto fail;
  sqlite3_bind_int (stmt, 1, position);
  sqlite3_bind_int64 (stmt, 2, neighbour);
  if (!tsu_database_step_done (db, stmt, error))
    goto fail;
  sqlite3_bind_int (stmt, 1, neighbour_position);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!tsu_database_step_done (db, stmt, error))
    goto fail;

  if (!tsu_database_commit (db, error))
    return FALSE;
  tsu_database_emit_changed (db, "event_sessions");
  return TRUE;

fail:
  tsu_database_rollback (db);
  return FALSE;
}
