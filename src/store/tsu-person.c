/* tsu-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-kana.h"
#include "tsu-person.h"
#include "tsu-record-private.h"

typedef enum
{
  TEXT_NAME,
  TEXT_READING,
  TEXT_TITLE,
  TEXT_PHONE,
  TEXT_EMAIL,
  N_TEXTS
} TextField;

static const char * const text_property_names[N_TEXTS] = {
  "name", "reading", "title", "phone", "email",
};

#define COLUMNS "id, version, organization_id, is_primary, name, reading, title, phone, email"
#define FIRST_TEXT_COLUMN 4

struct _TsuPerson
{
  GObject   parent_instance;

  gint64    id;
  gint64    version;
  gint64    organization_id;
  gboolean  primary;
  char     *text[N_TEXTS];
};

G_DEFINE_TYPE (TsuPerson, tsu_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_TEXTS - 1,
  PROP_ID,
  PROP_ORGANIZATION_ID,
  PROP_PRIMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tsu_person_finalize (GObject *object)
{
  TsuPerson *self = TSU_PERSON (object);

  tsu_record_texts_free (self->text, N_TEXTS);

  G_OBJECT_CLASS (tsu_person_parent_class)->finalize (object);
}

static void
set_text (TsuPerson  *self,
          TextField   field,
          const char *value)
{
  tsu_record_set_text (G_OBJECT (self), &self->text[field], value,
                       properties[PROP_FIRST_TEXT + field]);
}

static void
tsu_person_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TsuPerson *self = TSU_PERSON (object);

  if (tsu_record_get_text_property (self->text, N_TEXTS, PROP_FIRST_TEXT, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ORGANIZATION_ID:
      g_value_set_int64 (value, self->organization_id);
      break;
    case PROP_PRIMARY:
      g_value_set_boolean (value, self->primary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_person_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TsuPerson *self = TSU_PERSON (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_ORGANIZATION_ID:
      tsu_person_set_organization_id (self, g_value_get_int64 (value));
      break;
    case PROP_PRIMARY:
      tsu_person_set_primary (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_person_class_init (TsuPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tsu_person_finalize;
  object_class->get_property = tsu_person_get_property;
  object_class->set_property = tsu_person_set_property;

  for (guint i = 0; i < N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_int64 ("organization-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRIMARY] =
    g_param_spec_boolean ("primary", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tsu_person_init (TsuPerson *self)
{
  tsu_record_texts_init (self->text, N_TEXTS);
}

TsuPerson *
tsu_person_new (gint64 organization_id)
{
  TsuPerson *self = g_object_new (TSU_TYPE_PERSON, NULL);

  self->organization_id = organization_id;
  return self;
}

TsuPerson *
tsu_person_copy (TsuPerson *self)
{
  TsuPerson *copy;

  g_return_val_if_fail (TSU_IS_PERSON (self), NULL);

  copy = tsu_person_new (self->organization_id);
  copy->id = self->id;
  copy->version = self->version;
  copy->primary = self->primary;
  tsu_record_texts_copy (copy->text, self->text, N_TEXTS);
  return copy;
}

#define TEXT_ACCESSORS(lower, UPPER) \
  TSU_RECORD_TEXT_ACCESSORS (TsuPerson, tsu_person, TSU_IS_PERSON, lower, TEXT_##UPPER)

TEXT_ACCESSORS (name, NAME)
TEXT_ACCESSORS (reading, READING)
TEXT_ACCESSORS (title, TITLE)
TEXT_ACCESSORS (phone, PHONE)
TEXT_ACCESSORS (email, EMAIL)

gint64
tsu_person_get_id (TsuPerson *self)
{
  g_return_val_if_fail (TSU_IS_PERSON (self), 0);
  return self->id;
}

gint64
tsu_person_get_version (TsuPerson *self)
{
  g_return_val_if_fail (TSU_IS_PERSON (self), 0);
  return self->version;
}

gint64
tsu_person_get_organization_id (TsuPerson *self)
{
  g_return_val_if_fail (TSU_IS_PERSON (self), 0);
  return self->organization_id;
}

void
tsu_person_set_organization_id (TsuPerson *self,
                                gint64     organization_id)
{
  g_return_if_fail (TSU_IS_PERSON (self));
  if (self->organization_id == organization_id)
    return;
  self->organization_id = organization_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION_ID]);
}

gboolean
tsu_person_get_primary (TsuPerson *self)
{
  g_return_val_if_fail (TSU_IS_PERSON (self), FALSE);
  return self->primary;
}

void
tsu_person_set_primary (TsuPerson *self,
                        gboolean   primary)
{
  g_return_if_fail (TSU_IS_PERSON (self));
  primary = !!primary;
  if (self->primary == primary)
    return;
  self->primary = primary;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY]);
}

GPtrArray *
tsu_person_validate (TsuPerson *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  const char *email;

  g_return_val_if_fail (TSU_IS_PERSON (self), problems);

  if (self->organization_id == 0)
    g_ptr_array_add (problems, tsu_field_problem_new ("organization-id", _("Choose the organisation the person belongs to.")));
  if (*self->text[TEXT_NAME] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("name", _("Enter the person’s name.")));
  if (*self->text[TEXT_READING] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("reading", _("Enter the reading of the name in kana: lists are sorted by it.")));
  else if (!tsu_kana_is_reading (self->text[TEXT_READING]))
    g_ptr_array_add (problems, tsu_field_problem_new ("reading", _("Write the reading in kana (hiragana or katakana), not in kanji.")));

  email = self->text[TEXT_EMAIL];
  if (*email != '\0')
    {
      const char *at = strchr (email, '@');

      if (at == NULL || at == email || strchr (at + 1, '.') == NULL
          || strpbrk (email, " \t,;") != NULL || !g_str_is_ascii (email))
        g_ptr_array_add (problems, tsu_field_problem_new ("email", _("This is not an e-mail address (like name@example.jp).")));
    }
  return problems;
}

static gpointer
read_row (sqlite3_stmt *stmt)
{
  TsuPerson *self = tsu_person_new (sqlite3_column_int64 (stmt, 2));

  self->id = sqlite3_column_int64 (stmt, 0);
  self->version = sqlite3_column_int64 (stmt, 1);
  self->primary = sqlite3_column_int (stmt, 3) != 0;
  tsu_record_texts_read (self->text, N_TEXTS, stmt, FIRST_TEXT_COLUMN);
  return self;
}

GPtrArray *
tsu_person_load_for_organization (TsuDatabase  *db,
                                  gint64        organization_id,
                                  GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  stmt = tsu_database_prepare (db,
                               "SELECT " COLUMNS " FROM people"
                               " WHERE organization_id = ? AND deleted_at IS NULL"
                               " ORDER BY is_primary DESC, sort_key, name, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organization_id);
  return tsu_record_load_rows (db, stmt, read_row, error);
}

TsuPerson *
tsu_person_find_by_name (TsuDatabase  *db,
                         gint64        organization_id,
                         const char   *name,
                         GError      **error)
{
  g_autoptr(GPtrArray) people = tsu_person_load_for_organization (db, organization_id, error);
  g_autofree char *key = tsu_kana_normalize (name);

  if (people == NULL)
    return NULL;
  for (guint i = 0; i < people->len; i++)
    {
      TsuPerson *person = g_ptr_array_index (people, i);
      g_autofree char *other = tsu_kana_normalize (person->text[TEXT_NAME]);

      if (strcmp (key, other) == 0)
        return g_object_ref (person);
    }
  return NULL;
}

gboolean
tsu_person_save (TsuPerson    *self,
                 TsuDatabase  *db,
                 GError      **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *search_key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_PERSON (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  problems = tsu_person_validate (self);
  if (!tsu_record_check_problems (problems, error))
    return FALSE;

  {
    g_autofree char *joined = g_strjoin (" ", self->text[TEXT_NAME], self->text[TEXT_READING], NULL);
    search_key = tsu_kana_normalize (joined);
  }

  if (!tsu_database_begin (db, error))
    return FALSE;

  if (self->primary)
    {
      stmt = tsu_database_prepare (db,
                                   "UPDATE people SET is_primary = 0, version = version + 1"
                                   " WHERE organization_id = ? AND id != ? AND is_primary", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, self->organization_id);
      sqlite3_bind_int64 (stmt, 2, self->id);
      if (!tsu_database_step_done (db, stmt, error))
        goto fail;
    }

  if (self->id == 0)
    stmt = tsu_database_prepare (db,
      "INSERT INTO people (organization_id, is_primary, name, reading, title, phone, email,"
      " search_key, sort_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, tsu_sort_key (?4))", error);
  else
    stmt = tsu_database_prepare (db,
      "UPDATE people SET organization_id = ?1, is_primary = ?2, name = ?3, reading = ?4,"
      " title = ?5, phone = ?6, email = ?7, search_key = ?8, sort_key = tsu_sort_key (?4),"
      " version = version + 1, updated_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now')"
      " WHERE id = ?9 AND version = ?10 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, self->organization_id);
  sqlite3_bind_int (stmt, 2, self->primary);
  tsu_record_texts_bind (stmt, 3, self->text, N_TEXTS);
  sqlite3_bind_text (stmt, 8, search_key, -1, SQLITE_TRANSIENT);
  if (self->id != 0)
    {
      sqlite3_bind_int64 (stmt, 9, self->id);
      sqlite3_bind_int64 (stmt, 10, self->version);
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
      tsu_record_set_conflict_error (error, self->text[TEXT_NAME]);
      goto fail;
    }
  else
    self->version++;

  if (!tsu_database_commit (db, error))
    return FALSE;
  tsu_database_emit_changed (db, "people");
  return TRUE;

fail:
  tsu_database_rollback (db);
  return FALSE;
}

gboolean
tsu_person_delete (TsuDatabase  *db,
                   gint64        id,
                   GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  return tsu_record_exec_for_id (db,
                                 "UPDATE people SET deleted_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now'),"
                                 " version = version + 1 WHERE id = ?",
                                 id, "people", error);
}
