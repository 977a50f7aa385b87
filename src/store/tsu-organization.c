/* tsu-organization.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-date.h"
#include "tsu-kana.h"
#include "tsu-organization.h"
#include "tsu-record-private.h"

/* Text fields share one storage array; their order matches both the
 * property ids and the columns selected by COLUMNS below. */
typedef enum
{
  TEXT_LEGAL_FORM,
  TEXT_NAME,
  TEXT_READING,
  TEXT_WARD,
  TEXT_ADDRESS,
  TEXT_PHONE,
  TEXT_EMAIL,
  TEXT_WEBSITE,
  TEXT_HOURS,
  TEXT_JOINED_ON,
  TEXT_LEFT_ON,
  TEXT_NOTES,
  N_TEXTS
} TextField;

static const char * const text_property_names[N_TEXTS] = {
  "legal-form", "name", "reading", "ward", "address", "phone", "email",
  "website", "hours", "joined-on", "left-on", "notes",
};

#define COLUMNS "id, version, kind, fields, legal_form, name, reading, ward, address, " \
                "phone, email, website, hours, joined_on, left_on, notes"
#define FIRST_TEXT_COLUMN 4

struct _TsuOrganization
{
  GObject              parent_instance;

  gint64               id;
  gint64               version;
  TsuOrganizationKind  kind;
  GStrv                fields;
  char                *text[N_TEXTS];
  char                *search_key;   /* cached, cleared when a name changes */
};

G_DEFINE_TYPE (TsuOrganization, tsu_organization, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_TEXTS - 1,
  PROP_ID,
  PROP_KIND,
  PROP_FIELDS,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_codes[] = { "member", "government", "partner" };

const char *
tsu_organization_kind_to_code (TsuOrganizationKind kind)
{
  g_return_val_if_fail (kind <= TSU_ORGANIZATION_KIND_PARTNER, "member");
  return kind_codes[kind];
}

const char *
tsu_organization_kind_to_label (TsuOrganizationKind kind)
{
  switch (kind)
    {
    case TSU_ORGANIZATION_KIND_GOVERNMENT:
      /* Translators: city departments that attend the council */
      return _("City department");
    case TSU_ORGANIZATION_KIND_PARTNER:
      /* Translators: organisations that cooperate without being members */
      return _("Partner");
    case TSU_ORGANIZATION_KIND_MEMBER:
    default:
      /* Translators: an organisation that is a member of the council */
      return _("Member");
    }
}

gboolean
tsu_organization_kind_from_text (const char          *text,
                                 TsuOrganizationKind *kind)
{
  /* Japanese labels as the CSV contract spells them, whatever the locale. */
  static const char * const japanese[] = { "参加団体", "行政", "協力団体" };
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  for (guint i = 0; i < G_N_ELEMENTS (kind_codes); i++)
    {
      if (g_ascii_strcasecmp (trimmed, kind_codes[i]) == 0
          || strcmp (trimmed, japanese[i]) == 0
          || strcmp (trimmed, tsu_organization_kind_to_label (i)) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char * const *
tsu_organization_common_fields (void)
{
  static const char *fields[16];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      guint i = 0;

      fields[i++] = _("Homeless support");
      fields[i++] = _("Food bank");
      fields[i++] = _("Children and youth");
      fields[i++] = _("Child phone line");
      fields[i++] = _("Disability");
      fields[i++] = _("Hikikomori");
      fields[i++] = _("Dementia");
      fields[i++] = _("Elderly");
      fields[i++] = _("Foreign residents");
      fields[i++] = _("Suicide prevention");
      fields[i++] = _("Employment of ex-offenders");
      fields[i++] = _("Community welfare");
      fields[i++] = NULL;
      g_once_init_leave (&initialized, 1);
    }
  return fields;
}

static void
tsu_organization_finalize (GObject *object)
{
  TsuOrganization *self = TSU_ORGANIZATION (object);

  tsu_record_texts_free (self->text, N_TEXTS);
  g_strfreev (self->fields);
  g_free (self->search_key);

  G_OBJECT_CLASS (tsu_organization_parent_class)->finalize (object);
}

static void
tsu_organization_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TsuOrganization *self = TSU_ORGANIZATION (object);

  if (tsu_record_get_text_property (self->text, N_TEXTS, PROP_FIRST_TEXT, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_FIELDS:
      g_value_set_boxed (value, self->fields);
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, tsu_organization_dup_display_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_text (TsuOrganization *self,
          TextField        field,
          const char      *value)
{
  /* The cache goes before anyone hears of the change. */
  if (!tsu_record_set_text (G_OBJECT (self), &self->text[field], value, NULL))
    return;
  if (field == TEXT_NAME || field == TEXT_READING || field == TEXT_LEGAL_FORM)
    {
      g_clear_pointer (&self->search_key, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + field]);
}

static void
tsu_organization_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TsuOrganization *self = TSU_ORGANIZATION (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND:
      tsu_organization_set_kind (self, g_value_get_int (value));
      break;
    case PROP_FIELDS:
      tsu_organization_set_fields (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_organization_class_init (TsuOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tsu_organization_finalize;
  object_class->get_property = tsu_organization_get_property;
  object_class->set_property = tsu_organization_set_property;

  for (guint i = 0; i < N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      TSU_ORGANIZATION_KIND_MEMBER, TSU_ORGANIZATION_KIND_PARTNER,
                      TSU_ORGANIZATION_KIND_MEMBER,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELDS] =
    g_param_spec_boxed ("fields", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tsu_organization_init (TsuOrganization *self)
{
  self->kind = TSU_ORGANIZATION_KIND_MEMBER;
  self->fields = g_new0 (char *, 1);
  tsu_record_texts_init (self->text, N_TEXTS);
}

TsuOrganization *
tsu_organization_new (void)
{
  return g_object_new (TSU_TYPE_ORGANIZATION, NULL);
}

TsuOrganization *
tsu_organization_copy (TsuOrganization *self)
{
  TsuOrganization *copy;

  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), NULL);

  copy = tsu_organization_new ();
  copy->id = self->id;
  copy->version = self->version;
  copy->kind = self->kind;
  g_strfreev (copy->fields);
  copy->fields = g_strdupv (self->fields);
  tsu_record_texts_copy (copy->text, self->text, N_TEXTS);
  return copy;
}

#define TEXT_ACCESSORS(lower, UPPER) \
  TSU_RECORD_TEXT_ACCESSORS (TsuOrganization, tsu_organization, TSU_IS_ORGANIZATION, lower, TEXT_##UPPER)

TEXT_ACCESSORS (legal_form, LEGAL_FORM)
TEXT_ACCESSORS (name, NAME)
TEXT_ACCESSORS (reading, READING)
TEXT_ACCESSORS (ward, WARD)
TEXT_ACCESSORS (address, ADDRESS)
TEXT_ACCESSORS (phone, PHONE)
TEXT_ACCESSORS (email, EMAIL)
TEXT_ACCESSORS (website, WEBSITE)
TEXT_ACCESSORS (hours, HOURS)
TEXT_ACCESSORS (joined_on, JOINED_ON)
TEXT_ACCESSORS (left_on, LEFT_ON)
TEXT_ACCESSORS (notes, NOTES)

gint64
tsu_organization_get_id (TsuOrganization *self)
{
  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), 0);
  return self->id;
}

gint64
tsu_organization_get_version (TsuOrganization *self)
{
  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), 0);
  return self->version;
}

TsuOrganizationKind
tsu_organization_get_kind (TsuOrganization *self)
{
  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), TSU_ORGANIZATION_KIND_MEMBER);
  return self->kind;
}

void
tsu_organization_set_kind (TsuOrganization     *self,
                           TsuOrganizationKind  kind)
{
  g_return_if_fail (TSU_IS_ORGANIZATION (self));
  g_return_if_fail (kind <= TSU_ORGANIZATION_KIND_PARTNER);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char * const *
tsu_organization_get_fields (TsuOrganization *self)
{
  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), NULL);
  return (const char * const *) self->fields;
}

void
tsu_organization_set_fields (TsuOrganization    *self,
                             const char * const *fields)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (TSU_IS_ORGANIZATION (self));

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      g_autofree char *field = g_strstrip (g_strdup (fields[i]));

      if (*field != '\0' && !g_ptr_array_find_with_equal_func (kept, field, g_str_equal, NULL))
        g_ptr_array_add (kept, g_steal_pointer (&field));
    }
  g_ptr_array_add (kept, NULL);

  g_strfreev (self->fields);
  self->fields = (GStrv) g_ptr_array_steal (kept, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELDS]);
}

GStrv
tsu_organization_parse_fields (const char *text)
{
  g_autofree char *unified = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (text == NULL)
    return g_new0 (char *, 1);
  /* "、" and "；" (full-width) separate lists as much as ";" does. */
  {
    GString *s = g_string_new (text);

    g_string_replace (s, "、", ";", 0);
    g_string_replace (s, "；", ";", 0);
    unified = g_string_free (s, FALSE);
  }
  parts = g_strsplit (unified, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

char *
tsu_organization_dup_fields_text (TsuOrganization *self)
{
  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), NULL);
  return g_strjoinv ("、", self->fields);
}

gboolean
tsu_organization_has_field (TsuOrganization *self,
                            const char      *field)
{
  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), FALSE);
  return g_strv_contains ((const char * const *) self->fields, field);
}

char *
tsu_organization_dup_display_name (TsuOrganization *self)
{
  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), NULL);

  if (*self->text[TEXT_LEGAL_FORM] == '\0')
    return g_strdup (self->text[TEXT_NAME]);
  return g_strconcat (self->text[TEXT_LEGAL_FORM], " ", self->text[TEXT_NAME], NULL);
}

const char *
tsu_organization_get_search_key (TsuOrganization *self)
{
  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), NULL);

  if (self->search_key == NULL)
    {
      g_autofree char *joined = g_strjoin (" ", self->text[TEXT_LEGAL_FORM],
                                           self->text[TEXT_NAME],
                                           self->text[TEXT_READING], NULL);
      self->search_key = tsu_kana_normalize (joined);
    }
  return self->search_key;
}

gboolean
tsu_organization_is_current (TsuOrganization *self,
                             const char      *today_iso)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), FALSE);

  if (*self->text[TEXT_LEFT_ON] == '\0')
    return TRUE;
  if (today_iso == NULL)
    today_iso = today = tsu_date_today_iso ();
  /* ISO dates compare as text. */
  return strcmp (self->text[TEXT_LEFT_ON], today_iso) > 0;
}

static gboolean
looks_like_email (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && strchr (at + 1, '@') == NULL
         && strchr (at + 1, '.') != NULL && at[strlen (at) - 1] != '.'
         && strpbrk (email, " \t\r\n,;") == NULL && g_str_is_ascii (email);
}

GPtrArray *
tsu_organization_validate (TsuOrganization *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  GDate joined, left;
  gboolean has_joined, has_left;

  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), problems);

  if (*self->text[TEXT_NAME] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("name", _("Enter the name of the organisation.")));
  if (*self->text[TEXT_READING] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("reading", _("Enter the reading of the name in kana: lists are sorted by it.")));
  else if (!tsu_kana_is_reading (self->text[TEXT_READING]))
    g_ptr_array_add (problems, tsu_field_problem_new ("reading", _("Write the reading in kana (hiragana or katakana), not in kanji.")));
  if (*self->text[TEXT_EMAIL] != '\0' && !looks_like_email (self->text[TEXT_EMAIL]))
    g_ptr_array_add (problems, tsu_field_problem_new ("email", _("This is not an e-mail address (like name@example.jp).")));

  has_joined = tsu_date_from_iso (self->text[TEXT_JOINED_ON], &joined);
  has_left = tsu_date_from_iso (self->text[TEXT_LEFT_ON], &left);
  if (*self->text[TEXT_JOINED_ON] != '\0' && !has_joined)
    g_ptr_array_add (problems, tsu_field_problem_new ("joined-on", _("The join date is not a valid date.")));
  if (*self->text[TEXT_LEFT_ON] != '\0' && !has_left)
    g_ptr_array_add (problems, tsu_field_problem_new ("left-on", _("The leave date is not a valid date.")));
  if (has_joined && has_left && g_date_compare (&left, &joined) < 0)
    g_ptr_array_add (problems, tsu_field_problem_new ("left-on", _("The leave date is before the join date.")));

  return problems;
}

static gpointer
read_row (sqlite3_stmt *stmt)
{
  TsuOrganization *self = tsu_organization_new ();
  const char *kind = (const char *) sqlite3_column_text (stmt, 2);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->version = sqlite3_column_int64 (stmt, 1);
  if (!tsu_organization_kind_from_text (kind, &self->kind))
    self->kind = TSU_ORGANIZATION_KIND_MEMBER;
  g_strfreev (self->fields);
  self->fields = tsu_organization_parse_fields ((const char *) sqlite3_column_text (stmt, 3));
  tsu_record_texts_read (self->text, N_TEXTS, stmt, FIRST_TEXT_COLUMN);
  g_clear_pointer (&self->search_key, g_free);
  return self;
}

static GPtrArray *
load_rows (TsuDatabase  *db,
           const char   *sql,
           gint64        id,
           GError      **error)
{
  sqlite3_stmt *stmt = tsu_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return tsu_record_load_rows (db, stmt, read_row, error);
}

GPtrArray *
tsu_organization_load_all (TsuDatabase  *db,
                           GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  return load_rows (db,
                    "SELECT " COLUMNS " FROM organizations WHERE deleted_at IS NULL"
                    " ORDER BY sort_key, name, id",
                    0, error);
}

TsuOrganization *
tsu_organization_load_by_id (TsuDatabase  *db,
                             gint64        id,
                             GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  rows = load_rows (db, "SELECT " COLUMNS " FROM organizations WHERE id = ?", id, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                   _("The organisation no longer exists. Another user may have deleted it."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

TsuOrganization *
tsu_organization_find_by_name (TsuDatabase  *db,
                               const char   *name,
                               GError      **error)
{
  g_autofree char *bare = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  tsu_legal_form_split (name, NULL, &bare);
  key = tsu_kana_normalize (bare);
  if (*key == '\0')
    return NULL;

  /* The directory holds tens of organisations, so comparing normalised
   * names in C is simpler than keeping another normalised column. */
  all = tsu_organization_load_all (db, error);
  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      TsuOrganization *org = g_ptr_array_index (all, i);
      g_autofree char *org_bare = NULL;
      g_autofree char *org_key = NULL;

      tsu_legal_form_split (org->text[TEXT_NAME], NULL, &org_bare);
      org_key = tsu_kana_normalize (org_bare);
      if (strcmp (org_key, key) == 0)
        return g_object_ref (org);
    }
  return NULL;
}

GPtrArray *
tsu_organization_find_similar (TsuOrganization  *self,
                               TsuDatabase      *db,
                               GError          **error)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *similar;
  g_autofree char *name_key = NULL;
  g_autofree char *reading_key = NULL;
  g_autofree char *bare = NULL;

  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  all = tsu_organization_load_all (db, error);
  if (all == NULL)
    return NULL;

  tsu_legal_form_split (self->text[TEXT_NAME], NULL, &bare);
  name_key = tsu_kana_normalize (bare);
  reading_key = tsu_reading_strip_legal_form (self->text[TEXT_READING]);

  similar = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      TsuOrganization *other = g_ptr_array_index (all, i);
      g_autofree char *other_bare = NULL;
      g_autofree char *other_name = NULL;
      g_autofree char *other_reading = NULL;

      if (other->id == self->id && self->id != 0)
        continue;
      tsu_legal_form_split (other->text[TEXT_NAME], NULL, &other_bare);
      other_name = tsu_kana_normalize (other_bare);
      other_reading = tsu_reading_strip_legal_form (other->text[TEXT_READING]);
      if ((*name_key && strcmp (name_key, other_name) == 0)
          || (*reading_key && strcmp (reading_key, other_reading) == 0))
        g_ptr_array_add (similar, g_object_ref (other));
    }
  return similar;
}

guint
tsu_organization_count_current_members (TsuDatabase  *db,
                                        GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *today = tsu_date_today_iso ();
  guint count = 0;

  g_return_val_if_fail (TSU_IS_DATABASE (db), 0);

  stmt = tsu_database_prepare (db,
                               "SELECT count(*) FROM organizations"
                               " WHERE deleted_at IS NULL AND kind = 'member'"
                               " AND (left_on IS NULL OR left_on > ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  else
    tsu_database_set_error (db, error);
  sqlite3_reset (stmt);
  return count;
}

static void
bind_fields (TsuOrganization *self,
             sqlite3_stmt    *stmt)
{
  g_autofree char *fields = g_strjoinv (";", self->fields);

  sqlite3_bind_text (stmt, 1, tsu_organization_kind_to_code (self->kind), -1, SQLITE_STATIC);
  tsu_bind_text (stmt, 2, fields);
  tsu_record_texts_bind (stmt, 3, self->text, N_TEXTS);
  sqlite3_bind_text (stmt, 3 + N_TEXTS, tsu_organization_get_search_key (self), -1, SQLITE_TRANSIENT);
}

gboolean
tsu_organization_save (TsuOrganization  *self,
                       TsuDatabase      *db,
                       GError          **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_ORGANIZATION (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  problems = tsu_organization_validate (self);
  if (!tsu_record_check_problems (problems, error))
    return FALSE;

  if (!tsu_database_begin (db, error))
    return FALSE;

  if (self->id == 0)
    {
      stmt = tsu_database_prepare (db,
        "INSERT INTO organizations (kind, fields, legal_form, name, reading, ward, address,"
        " phone, email, website, hours, joined_on, left_on, notes, search_key, sort_key)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
        " tsu_organization_sort_key (?5))", error);
      if (stmt == NULL)
        goto fail;
      bind_fields (self, stmt);
      if (!tsu_database_step_done (db, stmt, error))
        goto fail;
      self->id = sqlite3_last_insert_rowid (tsu_database_get_handle (db));
      self->version = 1;
    }
  else
    {
      stmt = tsu_database_prepare (db,
        "UPDATE organizations SET kind = ?1, fields = ?2, legal_form = ?3, name = ?4,"
        " reading = ?5, ward = ?6, address = ?7, phone = ?8, email = ?9, website = ?10,"
        " hours = ?11, joined_on = ?12, left_on = ?13, notes = ?14, search_key = ?15,"
        " sort_key = tsu_organization_sort_key (?5), version = version + 1,"
        " updated_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now')"
        " WHERE id = ?16 AND version = ?17 AND deleted_at IS NULL", error);
      if (stmt == NULL)
        goto fail;
      bind_fields (self, stmt);
      sqlite3_bind_int64 (stmt, 16, self->id);
      sqlite3_bind_int64 (stmt, 17, self->version);
      if (!tsu_database_step_done (db, stmt, error))
        goto fail;
      if (sqlite3_changes (tsu_database_get_handle (db)) == 0)
        {
          tsu_record_set_conflict_error (error, self->text[TEXT_NAME]);
          goto fail;
        }
      self->version++;
    }

  if (!tsu_database_commit (db, error))
    return FALSE;
  tsu_database_emit_changed (db, "organizations");
  return TRUE;

fail:
  tsu_database_rollback (db);
  return FALSE;
}

gboolean
tsu_organization_delete (TsuDatabase  *db,
                         gint64        id,
                         GError      **error)
{
  static const char * const statements[] = {
    "UPDATE organizations SET deleted_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now'),"
    " updated_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now'), version = version + 1"
    " WHERE id = ? AND deleted_at IS NULL",
    "UPDATE people SET deleted_at = (SELECT deleted_at FROM organizations WHERE id = ?1)"
    " WHERE organization_id = ?1 AND deleted_at IS NULL",
  };

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  /* One transaction, so that undoing the change brings back the
   * organisation with the people it took along and no one else. */
  if (!tsu_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = tsu_database_prepare (db, statements[i], error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!tsu_database_step_done (db, stmt, error))
        goto fail;
    }
  if (!tsu_database_commit (db, error))
    return FALSE;
  tsu_database_emit_changed (db, "organizations");
  tsu_database_emit_changed (db, "people");
  return TRUE;

fail:
  tsu_database_rollback (db);
  return FALSE;
}
