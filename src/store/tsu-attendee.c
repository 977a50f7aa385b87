/* tsu-attendee.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-attendee.h"
#include "tsu-kana.h"
#include "tsu-record-private.h"

typedef enum
{
  TEXT_AFFILIATION,
  TEXT_NAME,
  TEXT_READING,
  TEXT_TITLE,
  N_TEXTS
} TextField;

static const char * const text_property_names[N_TEXTS] = {
  "affiliation", "name", "reading", "title",
};

struct _TsuAttendee
{
  GObject            parent_instance;

  gint64             id;
  gint64             version;
  gint64             event_id;
  gint64             person_id;
  gint64             organization_id;
  TsuAttendeeStatus  status;
  gboolean           walk_in;
  TsuAttendeeGroup   group;
  char              *text[N_TEXTS];
  char              *search_key;    /* cached */
  /* The linked organisation's reading, so that the reception desk finds
   * people by a few kana of their organisation too. */
  char              *organization_reading;
};

G_DEFINE_TYPE (TsuAttendee, tsu_attendee, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_TEXTS - 1,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_ORGANIZATION_ID,
  PROP_STATUS,
  PROP_WALK_IN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_codes[] = { "registered", "attended", "absent", "cancelled" };
static const char * const status_japanese[] = { "申込", "出席", "欠席", "取消" };
G_STATIC_ASSERT (G_N_ELEMENTS (status_codes) == TSU_N_ATTENDEE_STATUSES);

const char *
tsu_attendee_status_to_code (TsuAttendeeStatus status)
{
  g_return_val_if_fail (status < TSU_N_ATTENDEE_STATUSES, "registered");
  return status_codes[status];
}

const char *
tsu_attendee_status_to_label (TsuAttendeeStatus status)
{
  switch (status)
    {
    case TSU_ATTENDEE_STATUS_ATTENDED:
      return _("Attended");
    case TSU_ATTENDEE_STATUS_ABSENT:
      return _("Absent");
    case TSU_ATTENDEE_STATUS_CANCELLED:
      /* Translators: the registration was withdrawn */
      return _("Withdrawn");
    case TSU_ATTENDEE_STATUS_REGISTERED:
    case TSU_N_ATTENDEE_STATUSES:
    default:
      return _("Registered");
    }
}

gboolean
tsu_attendee_status_from_text (const char        *text,
                               TsuAttendeeStatus *status)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  for (guint i = 0; i < TSU_N_ATTENDEE_STATUSES; i++)
    {
      if (g_ascii_strcasecmp (trimmed, status_codes[i]) == 0
          || strcmp (trimmed, status_japanese[i]) == 0
          || strcmp (trimmed, tsu_attendee_status_to_label (i)) == 0)
        {
          *status = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
tsu_attendee_finalize (GObject *object)
{
  TsuAttendee *self = TSU_ATTENDEE (object);

  tsu_record_texts_free (self->text, N_TEXTS);
  g_free (self->search_key);
  g_free (self->organization_reading);

  G_OBJECT_CLASS (tsu_attendee_parent_class)->finalize (object);
}

static void
set_text (TsuAttendee *self,
          TextField    field,
          const char  *value)
{
  /* The cache goes before anyone hears of the change. */
  if (!tsu_record_set_text (G_OBJECT (self), &self->text[field], value, NULL))
    return;
  g_clear_pointer (&self->search_key, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + field]);
}

static void
tsu_attendee_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TsuAttendee *self = TSU_ATTENDEE (object);

  if (tsu_record_get_text_property (self->text, N_TEXTS, PROP_FIRST_TEXT, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_ORGANIZATION_ID:
      g_value_set_int64 (value, self->organization_id);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_WALK_IN:
      g_value_set_boolean (value, self->walk_in);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_attendee_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TsuAttendee *self = TSU_ATTENDEE (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_PERSON_ID:
      tsu_attendee_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_ORGANIZATION_ID:
      tsu_attendee_set_organization_id (self, g_value_get_int64 (value));
      break;
    case PROP_STATUS:
      tsu_attendee_set_status (self, g_value_get_int (value));
      break;
    case PROP_WALK_IN:
      tsu_attendee_set_walk_in (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_attendee_class_init (TsuAttendeeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tsu_attendee_finalize;
  object_class->get_property = tsu_attendee_get_property;
  object_class->set_property = tsu_attendee_set_property;

  for (guint i = 0; i < N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, NULL, flags);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_int64 ("organization-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, TSU_N_ATTENDEE_STATUSES - 1, 0, flags);
  properties[PROP_WALK_IN] =
    g_param_spec_boolean ("walk-in", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tsu_attendee_init (TsuAttendee *self)
{
  self->group = TSU_ATTENDEE_GROUP_OTHER;
  tsu_record_texts_init (self->text, N_TEXTS);
}

TsuAttendee *
tsu_attendee_new (gint64 event_id)
{
  TsuAttendee *self = g_object_new (TSU_TYPE_ATTENDEE, NULL);

  self->event_id = event_id;
  return self;
}

TsuAttendee *
tsu_attendee_new_for_person (gint64           event_id,
                             TsuPerson       *person,
                             TsuOrganization *organization)
{
  TsuAttendee *self;
  g_autofree char *display = NULL;

  g_return_val_if_fail (TSU_IS_PERSON (person), NULL);
  g_return_val_if_fail (TSU_IS_ORGANIZATION (organization), NULL);

  self = tsu_attendee_new (event_id);
  self->person_id = tsu_person_get_id (person);
  self->organization_id = tsu_organization_get_id (organization);
  display = tsu_organization_dup_display_name (organization);
  self->organization_reading = g_strdup (tsu_organization_get_reading (organization));
  set_text (self, TEXT_AFFILIATION, display);
  set_text (self, TEXT_NAME, tsu_person_get_name (person));
  set_text (self, TEXT_READING, tsu_person_get_reading (person));
  set_text (self, TEXT_TITLE, tsu_person_get_title (person));
  switch (tsu_organization_get_kind (organization))
    {
    case TSU_ORGANIZATION_KIND_MEMBER:
      self->group = TSU_ATTENDEE_GROUP_MEMBER;
      break;
    case TSU_ORGANIZATION_KIND_GOVERNMENT:
      self->group = TSU_ATTENDEE_GROUP_GOVERNMENT;
      break;
    case TSU_ORGANIZATION_KIND_PARTNER:
    default:
      self->group = TSU_ATTENDEE_GROUP_OTHER;
      break;
    }
  return self;
}

TsuAttendee *
tsu_attendee_copy (TsuAttendee *self)
{
  TsuAttendee *copy;

  g_return_val_if_fail (TSU_IS_ATTENDEE (self), NULL);

  copy = tsu_attendee_new (self->event_id);
  copy->id = self->id;
  copy->version = self->version;
  copy->person_id = self->person_id;
  copy->organization_id = self->organization_id;
  copy->status = self->status;
  copy->walk_in = self->walk_in;
  copy->group = self->group;
  copy->organization_reading = g_strdup (self->organization_reading);
  tsu_record_texts_copy (copy->text, self->text, N_TEXTS);
  return copy;
}

#define TEXT_ACCESSORS(lower, UPPER) \
  TSU_RECORD_TEXT_ACCESSORS (TsuAttendee, tsu_attendee, TSU_IS_ATTENDEE, lower, TEXT_##UPPER)

TEXT_ACCESSORS (affiliation, AFFILIATION)
TEXT_ACCESSORS (name, NAME)
TEXT_ACCESSORS (reading, READING)
TEXT_ACCESSORS (title, TITLE)

#define VALUE_ACCESSORS(type, lower, PROP)                        \
  type                                                            \
  tsu_attendee_get_##lower (TsuAttendee *self)                    \
  {                                                               \
    g_return_val_if_fail (TSU_IS_ATTENDEE (self), 0);             \
    return self->lower;                                           \
  }                                                               \
  void                                                            \
  tsu_attendee_set_##lower (TsuAttendee *self,                    \
                            type         value)                   \
  {                                                               \
    g_return_if_fail (TSU_IS_ATTENDEE (self));                    \
    if (self->lower == value)                                     \
      return;                                                     \
    self->lower = value;                                          \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

VALUE_ACCESSORS (gint64, person_id, PROP_PERSON_ID)
VALUE_ACCESSORS (gint64, organization_id, PROP_ORGANIZATION_ID)
VALUE_ACCESSORS (TsuAttendeeStatus, status, PROP_STATUS)
VALUE_ACCESSORS (gboolean, walk_in, PROP_WALK_IN)

gint64
tsu_attendee_get_id (TsuAttendee *self)
{
  g_return_val_if_fail (TSU_IS_ATTENDEE (self), 0);
  return self->id;
}

gint64
tsu_attendee_get_version (TsuAttendee *self)
{
  g_return_val_if_fail (TSU_IS_ATTENDEE (self), 0);
  return self->version;
}

gint64
tsu_attendee_get_event_id (TsuAttendee *self)
{
  g_return_val_if_fail (TSU_IS_ATTENDEE (self), 0);
  return self->event_id;
}

TsuAttendeeGroup
tsu_attendee_get_group (TsuAttendee *self)
{
  g_return_val_if_fail (TSU_IS_ATTENDEE (self), TSU_ATTENDEE_GROUP_OTHER);
  return self->group;
}

const char *
tsu_attendee_get_search_key (TsuAttendee *self)
{
  g_return_val_if_fail (TSU_IS_ATTENDEE (self), NULL);

  if (self->search_key == NULL)
    {
      g_autofree char *joined = g_strjoin (" ", self->text[TEXT_NAME], self->text[TEXT_READING],
                                           self->text[TEXT_AFFILIATION],
                                           self->organization_reading ? self->organization_reading : "",
                                           NULL);
      self->search_key = tsu_kana_normalize (joined);
    }
  return self->search_key;
}

GPtrArray *
tsu_attendee_validate (TsuAttendee *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);

  g_return_val_if_fail (TSU_IS_ATTENDEE (self), problems);

  if (self->event_id == 0)
    g_ptr_array_add (problems, tsu_field_problem_new ("event-id", _("Choose the event.")));
  if (*self->text[TEXT_NAME] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("name", _("Enter the person’s name.")));
  if (*self->text[TEXT_READING] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("reading", _("Enter the reading of the name in kana: lists are sorted by it.")));
  else if (!tsu_kana_is_reading (self->text[TEXT_READING]))
    g_ptr_array_add (problems, tsu_field_problem_new ("reading", _("Write the reading in kana (hiragana or katakana), not in kanji.")));
  return problems;
}

/* Columns of the list query; the organisation's kind and name come from
 * the directory when the attendee is linked to it. */
#define SELECT_COLUMNS \
  "SELECT a.id, a.version, a.event_id, coalesce (a.person_id, 0), coalesce (a.organization_id, 0)," \
  " a.status, a.walk_in, a.name, a.reading, a.title, a.affiliation, o.kind, o.legal_form, o.name," \
  " o.reading" \
  " FROM attendees a LEFT JOIN organizations o ON o.id = a.organization_id"

static gpointer
read_row (sqlite3_stmt *stmt)
{
  TsuAttendee *self = tsu_attendee_new (sqlite3_column_int64 (stmt, 2));
  TsuAttendeeStatus status = TSU_ATTENDEE_STATUS_REGISTERED;
  const char *kind = (const char *) sqlite3_column_text (stmt, 11);
  const char *legal_form = (const char *) sqlite3_column_text (stmt, 12);
  const char *org_name = (const char *) sqlite3_column_text (stmt, 13);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->version = sqlite3_column_int64 (stmt, 1);
  self->person_id = sqlite3_column_int64 (stmt, 3);
  self->organization_id = sqlite3_column_int64 (stmt, 4);
  tsu_attendee_status_from_text ((const char *) sqlite3_column_text (stmt, 5), &status);
  self->status = status;
  self->walk_in = sqlite3_column_int (stmt, 6) != 0;
  tsu_record_texts_read (self->text + TEXT_NAME, 3, stmt, 7);

  g_free (self->text[TEXT_AFFILIATION]);
  if (org_name != NULL)
    self->text[TEXT_AFFILIATION] = legal_form && *legal_form
                                   ? g_strconcat (legal_form, " ", org_name, NULL)
                                   : g_strdup (org_name);
  else
    {
      const char *affiliation = (const char *) sqlite3_column_text (stmt, 10);
      self->text[TEXT_AFFILIATION] = g_strdup (affiliation ? affiliation : "");
    }

  self->organization_reading = g_strdup ((const char *) sqlite3_column_text (stmt, 14));

  if (g_strcmp0 (kind, "member") == 0)
    self->group = TSU_ATTENDEE_GROUP_MEMBER;
  else if (g_strcmp0 (kind, "government") == 0)
    self->group = TSU_ATTENDEE_GROUP_GOVERNMENT;
  else
    self->group = TSU_ATTENDEE_GROUP_OTHER;
  return self;
}

GPtrArray *
tsu_attendee_load_for_event (TsuDatabase  *db,
                             gint64        event_id,
                             gboolean      include_cancelled,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  /* Members, then others, then city departments, as the minutes list
   * them; within a group by the organisation's reading without its legal
   * form (outside affiliations by their own text), then people by reading. */
  stmt = tsu_database_prepare (db,
                               SELECT_COLUMNS
                               " WHERE a.event_id = ?1 AND (?2 OR a.status != 'cancelled')"
                               " ORDER BY CASE o.kind WHEN 'member' THEN 0 WHEN 'government' THEN 2 ELSE 1 END,"
                               " coalesce (o.sort_key, a.affiliation_key), coalesce (o.name, a.affiliation),"
                               " a.sort_key, a.name, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int (stmt, 2, include_cancelled);
  return tsu_record_load_rows (db, stmt, read_row, error);
}

gboolean
tsu_attendee_count_by_status (TsuDatabase  *db,
                              gint64        event_id,
                              guint         counts[TSU_N_ATTENDEE_STATUSES],
                              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  memset (counts, 0, sizeof (guint) * TSU_N_ATTENDEE_STATUSES);
  stmt = tsu_database_prepare (db,
                               "SELECT status, count(*) FROM attendees WHERE event_id = ? GROUP BY status",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TsuAttendeeStatus status;

      if (tsu_attendee_status_from_text ((const char *) sqlite3_column_text (stmt, 0), &status))
        counts[status] = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* The same person, or the same name with the same affiliation, may be
 * registered for an event only once. */
static gboolean
check_duplicate (TsuAttendee  *self,
                 TsuDatabase  *db,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean duplicate = FALSE;

  stmt = tsu_database_prepare (db,
                               "SELECT count(*) FROM attendees WHERE event_id = ?1 AND id != ?2"
                               " AND ((?3 != 0 AND person_id = ?3)"
                               "      OR (tsu_normalize (name) = tsu_normalize (?4)"
                               "          AND coalesce (organization_id, 0) = ?5"
                               "          AND (?5 != 0 OR tsu_normalize (coalesce (affiliation, ''))"
                               "                          = tsu_normalize (?6))))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->event_id);
  sqlite3_bind_int64 (stmt, 2, self->id);
  sqlite3_bind_int64 (stmt, 3, self->person_id);
  sqlite3_bind_text (stmt, 4, self->text[TEXT_NAME], -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, self->organization_id);
  sqlite3_bind_text (stmt, 6, self->text[TEXT_AFFILIATION], -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    duplicate = sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);

  if (duplicate)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                   _("%s is already registered for this event."), self->text[TEXT_NAME]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_row (TsuAttendee  *self,
           TsuDatabase  *db,
           GError      **error)
{
  sqlite3_stmt *stmt;

  if (self->id == 0)
    stmt = tsu_database_prepare (db,
      "INSERT INTO attendees (event_id, person_id, organization_id, status, walk_in,"
      " affiliation, name, reading, title, search_key, sort_key, affiliation_key, id)"
      " VALUES (?1, nullif (?2, 0), nullif (?3, 0), ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
      " tsu_sort_key (?8), tsu_organization_sort_key (?6), nullif (?11, 0))", error);
  else
    stmt = tsu_database_prepare (db,
      "UPDATE attendees SET event_id = ?1, person_id = nullif (?2, 0),"
      " organization_id = nullif (?3, 0), status = ?4, walk_in = ?5, affiliation = ?6,"
      " name = ?7, reading = ?8, title = ?9, search_key = ?10, sort_key = tsu_sort_key (?8),"
      " affiliation_key = tsu_organization_sort_key (?6), version = version + 1,"
      " updated_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now')"
      " WHERE id = ?11 AND version = ?12", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->event_id);
  sqlite3_bind_int64 (stmt, 2, self->person_id);
  sqlite3_bind_int64 (stmt, 3, self->organization_id);
  sqlite3_bind_text (stmt, 4, status_codes[self->status], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, self->walk_in);
  tsu_record_texts_bind (stmt, 6, self->text, N_TEXTS);
  sqlite3_bind_text (stmt, 10, tsu_attendee_get_search_key (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 11, self->id);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, 12, self->version);
  if (!tsu_database_step_done (db, stmt, error))
    return FALSE;

  if (self->id == 0)
    {
      self->id = sqlite3_last_insert_rowid (tsu_database_get_handle (db));
      self->version = 1;
    }
  else if (sqlite3_changes (tsu_database_get_handle (db)) == 0)
    {
      tsu_record_set_conflict_error (error, self->text[TEXT_NAME]);
      return FALSE;
    }
  else
    self->version++;
  return TRUE;
}

gboolean
tsu_attendee_save (TsuAttendee  *self,
                   TsuDatabase  *db,
                   GError      **error)
{
  g_autoptr(GPtrArray) problems = NULL;

  g_return_val_if_fail (TSU_IS_ATTENDEE (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  problems = tsu_attendee_validate (self);
  if (!tsu_record_check_problems (problems, error))
    return FALSE;

  if (!tsu_database_begin (db, error))
    return FALSE;
  if (!check_duplicate (self, db, error) || !write_row (self, db, error))
    {
      tsu_database_rollback (db);
      return FALSE;
    }
  if (!tsu_database_commit (db, error))
    return FALSE;
  tsu_database_emit_changed (db, "attendees");
  return TRUE;
}

gboolean
tsu_attendee_set_status_in_db (TsuAttendee        *self,
                               TsuDatabase        *db,
                               TsuAttendeeStatus   status,
                               GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 version = 0;

  g_return_val_if_fail (TSU_IS_ATTENDEE (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (status < TSU_N_ATTENDEE_STATUSES, FALSE);

  /* A transaction of its own, although it is one statement: the change
   * is stepped here rather than through tsu_database_step_done(), and
   * only a commit ends it as one change of the audit trail (its id for
   * the desk's Undo, TsuDatabase::change-committed for Ctrl+Z). */
  if (!tsu_database_begin (db, error))
    return FALSE;
  /* A status is one fact about one person: two reception desks marking
   * the same arrival agree, so the last write wins without a version
   * check. */
  stmt = tsu_database_prepare (db,
                               "UPDATE attendees SET status = ?, version = version + 1,"
                               " updated_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now')"
                               " WHERE id = ? RETURNING version", error);
  if (stmt == NULL)
    {
      tsu_database_rollback (db);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, status_codes[status], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      version = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      break;
    case SQLITE_DONE:
      sqlite3_reset (stmt);
      tsu_database_rollback (db);
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                   _("%s is no longer on the list. Another user may have removed them."),
                   self->text[TEXT_NAME]);
      return FALSE;
    default:
      tsu_database_set_error (db, error);
      sqlite3_reset (stmt);
      tsu_database_rollback (db);
      return FALSE;
    }
  if (!tsu_database_commit (db, error))
    return FALSE;

  self->version = version;
  tsu_attendee_set_status (self, status);
  tsu_database_emit_changed (db, "attendees");
  return TRUE;
}

gboolean
tsu_attendee_delete (TsuDatabase  *db,
                     gint64        id,
                     GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  return tsu_record_exec_for_id (db, "DELETE FROM attendees WHERE id = ?",
                                 id, "attendees", error);
}

GArray *
tsu_attendee_load_session_ids (TsuDatabase  *db,
                               gint64        attendee_id,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  stmt = tsu_database_prepare (db,
                               "SELECT s.id FROM attendee_sessions x"
                               " JOIN event_sessions s ON s.id = x.session_id"
                               " WHERE x.attendee_id = ? ORDER BY s.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attendee_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
tsu_attendee_set_session_ids (TsuDatabase   *db,
                              gint64         attendee_id,
                              const gint64  *session_ids,
                              guint          n_session_ids,
                              GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  if (!tsu_database_begin (db, error))
    return FALSE;
  stmt = tsu_database_prepare (db, "DELETE FROM attendee_sessions WHERE attendee_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, attendee_id);
  if (!tsu_database_step_done (db, stmt, error))
    goto fail;

  /* Only sessions of the attendee's own event may be linked. */
  stmt = tsu_database_prepare (db,
                               "INSERT OR IGNORE INTO attendee_sessions (attendee_id, session_id)"
                               " SELECT a.id, s.id FROM attendees a JOIN event_sessions s"
                               " ON s.event_id = a.event_id WHERE a.id = ? AND s.id = ?", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n_session_ids; i++)
    {
      sqlite3_bind_int64 (stmt, 1, attendee_id);
      sqlite3_bind_int64 (stmt, 2, session_ids[i]);
      if (!tsu_database_step_done (db, stmt, error))
        goto fail;
    }
  if (!tsu_database_commit (db, error))
    return FALSE;
  tsu_database_emit_changed (db, "attendees");
  return TRUE;

fail:
  tsu_database_rollback (db);
  return FALSE;
}
