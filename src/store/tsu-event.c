/* tsu-event.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-event.h"
#include "tsu-record-private.h"

typedef enum
{
  TEXT_KEY,
  TEXT_TITLE,
  TEXT_STARTS_AT,
  TEXT_ENDS_AT,
  TEXT_VENUE,
  TEXT_ORGANIZER,
  TEXT_BUDGET_LINE,
  TEXT_NOTES,
  N_TEXTS
} TextField;

static const char * const text_property_names[N_TEXTS] = {
  "key", "title", "starts-at", "ends-at", "venue", "organizer", "budget-line", "notes",
};

#define COLUMNS "id, version, kind, number, pillars, status, capacity, " \
                "key, title, starts_at, ends_at, venue, organizer, budget_line, notes, " \
                "sign_in_printed_at"
#define FIRST_TEXT_COLUMN 7
#define SIGN_IN_PRINTED_COLUMN (FIRST_TEXT_COLUMN + N_TEXTS)

struct _TsuEvent
{
  GObject         parent_instance;

  gint64          id;
  gint64          version;
  TsuEventKind    kind;
  guint           number;
  guint           pillars;
  TsuEventStatus  status;
  guint           capacity;
  char           *text[N_TEXTS];
  /* Not edited: set by tsu_event_mark_sign_in_printed(). */
  char           *sign_in_printed_at;
};

G_DEFINE_TYPE (TsuEvent, tsu_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_TEXTS - 1,
  PROP_ID,
  PROP_KIND,
  PROP_NUMBER,
  PROP_PILLARS,
  PROP_STATUS,
  PROP_CAPACITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_codes[] = {
  "meeting", "tour", "training", "workshop", "case-study", "other",
};
/* The Japanese labels of CLI.md, accepted on input whatever the locale. */
static const char * const kind_japanese[] = {
  "会議", "見学会", "研修", "ワークショップ", "ケーススタディ", "その他",
};
static const char * const status_codes[] = { "planned", "held", "cancelled" };
static const char * const status_japanese[] = { "予定", "実施済", "中止" };

G_STATIC_ASSERT (G_N_ELEMENTS (kind_codes) == TSU_N_EVENT_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (status_codes) == TSU_N_EVENT_STATUSES);

const char *
tsu_event_kind_to_code (TsuEventKind kind)
{
  g_return_val_if_fail (kind < TSU_N_EVENT_KINDS, "other");
  return kind_codes[kind];
}

const char *
tsu_event_kind_to_label (TsuEventKind kind)
{
  switch (kind)
    {
    case TSU_EVENT_KIND_MEETING:
      /* Translators: a kind of event: a council meeting */
      return _("Meeting");
    case TSU_EVENT_KIND_TOUR:
      /* Translators: a kind of event: a tour of support sites */
      return _("Site tour");
    case TSU_EVENT_KIND_TRAINING:
      return _("Training");
    case TSU_EVENT_KIND_WORKSHOP:
      return _("Workshop");
    case TSU_EVENT_KIND_CASE_STUDY:
      return _("Case study");
    case TSU_EVENT_KIND_OTHER:
    case TSU_N_EVENT_KINDS:
    default:
      return _("Other");
    }
}

static gboolean
lookup (const char         *text,
        const char * const *codes,
        const char * const *japanese,
        guint               n,
        const char *      (*label) (guint),
        guint              *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  for (guint i = 0; i < n; i++)
    {
      if (g_ascii_strcasecmp (trimmed, codes[i]) == 0
          || strcmp (trimmed, japanese[i]) == 0
          || strcmp (trimmed, label (i)) == 0)
        {
          *value = i;
          return TRUE;
        }
    }
  return FALSE;
}

static const char *
kind_label (guint kind)
{
  return tsu_event_kind_to_label (kind);
}

static const char *
status_label (guint status)
{
  return tsu_event_status_to_label (status);
}

gboolean
tsu_event_kind_from_text (const char   *text,
                          TsuEventKind *kind)
{
  guint value;

  if (!lookup (text, kind_codes, kind_japanese, TSU_N_EVENT_KINDS, kind_label, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
tsu_event_status_to_code (TsuEventStatus status)
{
  g_return_val_if_fail (status < TSU_N_EVENT_STATUSES, "planned");
  return status_codes[status];
}

const char *
tsu_event_status_to_label (TsuEventStatus status)
{
  switch (status)
    {
    case TSU_EVENT_STATUS_HELD:
      /* Translators: the event has taken place */
      return _("Held");
    case TSU_EVENT_STATUS_CANCELLED:
      return _("Cancelled");
    case TSU_EVENT_STATUS_PLANNED:
    case TSU_N_EVENT_STATUSES:
    default:
      return _("Planned");
    }
}

gboolean
tsu_event_status_from_text (const char     *text,
                            TsuEventStatus *status)
{
  guint value;

  if (!lookup (text, status_codes, status_japanese, TSU_N_EVENT_STATUSES, status_label, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

gboolean
tsu_pillars_parse (const char  *text,
                   guint       *pillars,
                   GError     **error)
{
  g_autofree char *nfkc = NULL;
  guint mask = 0;

  /* NFKC turns ①–④ into 1–4 and full-width digits into ASCII. */
  nfkc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);
  if (nfkc == NULL)
    nfkc = g_strdup ("");

  for (const char *p = nfkc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '1' && c <= '4')
        mask |= 1u << (c - '1');
      else if (!(g_unichar_isspace (c) || c == ';' || c == ',' || c == 0x3001 /* 、 */
                 || c == 0x30FB /* ・ */))
        {
          g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                       /* Translators: %s is what the user typed */
                       _("“%s” is not a list of policy pillars. Write numbers from 1 to 4, like 1;4 or ①④."),
                       text);
          return FALSE;
        }
    }
  *pillars = mask;
  return TRUE;
}

char *
tsu_pillars_to_text (guint pillars)
{
  static const char * const circled[] = { "①", "②", "③", "④" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (circled); i++)
    if (pillars & (1u << i))
      g_string_append (text, circled[i]);
  return g_string_free (text, FALSE);
}

static void
tsu_event_finalize (GObject *object)
{
  TsuEvent *self = TSU_EVENT (object);

  tsu_record_texts_free (self->text, N_TEXTS);
  g_free (self->sign_in_printed_at);

  G_OBJECT_CLASS (tsu_event_parent_class)->finalize (object);
}

static void
set_text (TsuEvent   *self,
          TextField   field,
          const char *value)
{
  tsu_record_set_text (G_OBJECT (self), &self->text[field], value,
                       properties[PROP_FIRST_TEXT + field]);
}

static void
tsu_event_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TsuEvent *self = TSU_EVENT (object);

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
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_PILLARS:
      g_value_set_uint (value, self->pillars);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_CAPACITY:
      g_value_set_uint (value, self->capacity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_event_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TsuEvent *self = TSU_EVENT (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_KIND:
      tsu_event_set_kind (self, g_value_get_int (value));
      break;
    case PROP_NUMBER:
      tsu_event_set_number (self, g_value_get_uint (value));
      break;
    case PROP_PILLARS:
      tsu_event_set_pillars (self, g_value_get_uint (value));
      break;
    case PROP_STATUS:
      tsu_event_set_status (self, g_value_get_int (value));
      break;
    case PROP_CAPACITY:
      tsu_event_set_capacity (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_event_class_init (TsuEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tsu_event_finalize;
  object_class->get_property = tsu_event_get_property;
  object_class->set_property = tsu_event_set_property;

  for (guint i = 0; i < N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, NULL, flags);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, TSU_N_EVENT_KINDS - 1, 0, flags);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_PILLARS] =
    g_param_spec_uint ("pillars", NULL, NULL, 0, TSU_PILLARS_ALL, 0, flags);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, TSU_N_EVENT_STATUSES - 1, 0, flags);
  properties[PROP_CAPACITY] =
    g_param_spec_uint ("capacity", NULL, NULL, 0, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tsu_event_init (TsuEvent *self)
{
  tsu_record_texts_init (self->text, N_TEXTS);
}

TsuEvent *
tsu_event_new (void)
{
  return g_object_new (TSU_TYPE_EVENT, NULL);
}

TsuEvent *
tsu_event_copy (TsuEvent *self)
{
  TsuEvent *copy;

  g_return_val_if_fail (TSU_IS_EVENT (self), NULL);

  copy = tsu_event_new ();
  copy->id = self->id;
  copy->version = self->version;
  copy->kind = self->kind;
  copy->number = self->number;
  copy->pillars = self->pillars;
  copy->status = self->status;
  copy->capacity = self->capacity;
  tsu_record_texts_copy (copy->text, self->text, N_TEXTS);
  copy->sign_in_printed_at = g_strdup (self->sign_in_printed_at);
  return copy;
}

#define TEXT_ACCESSORS(lower, UPPER) \
  TSU_RECORD_TEXT_ACCESSORS (TsuEvent, tsu_event, TSU_IS_EVENT, lower, TEXT_##UPPER)

TEXT_ACCESSORS (key, KEY)
TEXT_ACCESSORS (title, TITLE)
TEXT_ACCESSORS (starts_at, STARTS_AT)
TEXT_ACCESSORS (ends_at, ENDS_AT)
TEXT_ACCESSORS (venue, VENUE)
TEXT_ACCESSORS (organizer, ORGANIZER)
TEXT_ACCESSORS (budget_line, BUDGET_LINE)
TEXT_ACCESSORS (notes, NOTES)

#define NUMBER_ACCESSORS(type, lower, PROP, max)           \
  type                                                     \
  tsu_event_get_##lower (TsuEvent *self)                   \
  {                                                        \
    g_return_val_if_fail (TSU_IS_EVENT (self), 0);         \
    return self->lower;                                    \
  }                                                        \
  void                                                     \
  tsu_event_set_##lower (TsuEvent *self,                   \
                         type      value)                  \
  {                                                        \
    g_return_if_fail (TSU_IS_EVENT (self));                \
    g_return_if_fail (value <= max);                       \
    if (self->lower == value)                              \
      return;                                              \
    self->lower = value;                                   \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

NUMBER_ACCESSORS (TsuEventKind, kind, PROP_KIND, TSU_N_EVENT_KINDS - 1)
NUMBER_ACCESSORS (guint, number, PROP_NUMBER, G_MAXINT)
NUMBER_ACCESSORS (guint, pillars, PROP_PILLARS, TSU_PILLARS_ALL)
NUMBER_ACCESSORS (TsuEventStatus, status, PROP_STATUS, TSU_N_EVENT_STATUSES - 1)
NUMBER_ACCESSORS (guint, capacity, PROP_CAPACITY, G_MAXINT)

gint64
tsu_event_get_id (TsuEvent *self)
{
  g_return_val_if_fail (TSU_IS_EVENT (self), 0);
  return self->id;
}

const char *
tsu_event_get_sign_in_printed_at (TsuEvent *self)
{
  g_return_val_if_fail (TSU_IS_EVENT (self), "");
  return self->sign_in_printed_at != NULL ? self->sign_in_printed_at : "";
}

gboolean
tsu_event_mark_sign_in_printed (TsuDatabase  *db,
                                gint64        id,
                                GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  /* Not an edit of the event: the row version stays, so an editor open
   * on the event does not report a conflict when it saves. UTC, like
   * every other time the database keeps. */
  return tsu_record_exec_for_id (db,
                                 "UPDATE events SET sign_in_printed_at ="
                                 " strftime ('%Y-%m-%dT%H:%M:%S', 'now')"
                                 " WHERE id = ? AND deleted_at IS NULL",
                                 id, "events", error);
}

gint64
tsu_event_get_version (TsuEvent *self)
{
  g_return_val_if_fail (TSU_IS_EVENT (self), 0);
  return self->version;
}

int
tsu_event_get_fiscal_year (TsuEvent *self)
{
  GDate date;

  g_return_val_if_fail (TSU_IS_EVENT (self), 0);
  if (!tsu_date_from_iso (self->text[TEXT_STARTS_AT], &date))
    return 0;
  return tsu_fiscal_year_of (&date);
}

char *
tsu_event_dup_display_title (TsuEvent *self)
{
  g_return_val_if_fail (TSU_IS_EVENT (self), NULL);

  if (self->number == 0)
    return g_strdup (self->text[TEXT_TITLE]);
  /* Translators: 第%u回 is the ordinal of a meeting, then its title */
  return g_strdup_printf (_("No. %u %s"), self->number, self->text[TEXT_TITLE]);
}

static gboolean
has_time (const char *iso)
{
  return strlen (iso) >= 16 && iso[10] == 'T';
}

char *
tsu_event_dup_when_text (TsuEvent     *self,
                         TsuDateStyle  style)
{
  const char *starts, *ends;
  g_autofree char *start_text = NULL;

  g_return_val_if_fail (TSU_IS_EVENT (self), NULL);

  starts = self->text[TEXT_STARTS_AT];
  ends = self->text[TEXT_ENDS_AT];
  start_text = tsu_date_time_format_iso (starts, style);
  if (*ends == '\0')
    return g_steal_pointer (&start_text);

  /* Same day: only the end time follows ("15:00〜16:30"). */
  if (strncmp (starts, ends, 10) == 0)
    {
      if (has_time (ends))
        return g_strdup_printf ("%s〜%.5s", start_text, ends + 11);
      return g_steal_pointer (&start_text);
    }
  /* Same year: the end without its year ("令和6年2月5日〜2月6日"). */
  if (strncmp (starts, ends, 4) == 0)
    {
      GDate end;

      if (tsu_date_from_iso (ends, &end))
        {
          g_autofree char *end_text = g_strdup_printf ("%u月%u日", g_date_get_month (&end),
                                                       g_date_get_day (&end));
          if (has_time (ends))
            return g_strdup_printf ("%s〜%s %.5s", start_text, end_text, ends + 11);
          return g_strdup_printf ("%s〜%s", start_text, end_text);
        }
    }
  {
    g_autofree char *end_text = tsu_date_time_format_iso (ends, style);
    return g_strdup_printf ("%s〜%s", start_text, end_text);
  }
}

GPtrArray *
tsu_event_validate (TsuEvent *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  GDate start, end;
  gboolean has_start;

  g_return_val_if_fail (TSU_IS_EVENT (self), problems);

  if (*self->text[TEXT_KEY] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("key", _("Enter a short key for the event, like 2023-council-5.")));
  else if (strpbrk (self->text[TEXT_KEY], " \t\r\n,;\"") != NULL)
    g_ptr_array_add (problems, tsu_field_problem_new ("key", _("The key may not contain spaces, commas, semicolons or quotes.")));
  if (*self->text[TEXT_TITLE] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("title", _("Enter the title of the event.")));

  has_start = tsu_date_from_iso (self->text[TEXT_STARTS_AT], &start);
  if (!has_start)
    g_ptr_array_add (problems, tsu_field_problem_new ("starts-at", _("Enter the date the event starts.")));
  if (*self->text[TEXT_ENDS_AT] != '\0')
    {
      if (!tsu_date_from_iso (self->text[TEXT_ENDS_AT], &end))
        g_ptr_array_add (problems, tsu_field_problem_new ("ends-at", _("The end is not a valid date.")));
      else if (has_start && strcmp (self->text[TEXT_ENDS_AT], self->text[TEXT_STARTS_AT]) < 0)
        g_ptr_array_add (problems, tsu_field_problem_new ("ends-at", _("The event ends before it starts.")));
    }
  return problems;
}

static gpointer
read_row (sqlite3_stmt *stmt)
{
  TsuEvent *self = tsu_event_new ();
  TsuEventKind kind = TSU_EVENT_KIND_OTHER;
  TsuEventStatus status = TSU_EVENT_STATUS_PLANNED;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->version = sqlite3_column_int64 (stmt, 1);
  tsu_event_kind_from_text ((const char *) sqlite3_column_text (stmt, 2), &kind);
  self->kind = kind;
  self->number = sqlite3_column_int (stmt, 3);
  self->pillars = sqlite3_column_int (stmt, 4) & TSU_PILLARS_ALL;
  tsu_event_status_from_text ((const char *) sqlite3_column_text (stmt, 5), &status);
  self->status = status;
  self->capacity = sqlite3_column_int (stmt, 6);
  tsu_record_texts_read (self->text, N_TEXTS, stmt, FIRST_TEXT_COLUMN);
  self->sign_in_printed_at = g_strdup ((const char *) sqlite3_column_text (stmt, SIGN_IN_PRINTED_COLUMN));
  return self;
}

static GPtrArray *
load_rows (TsuDatabase  *db,
           const char   *sql,
           const char   *first,
           const char   *second,
           gint64        id,
           GError      **error)
{
  sqlite3_stmt *stmt = tsu_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  if (first != NULL)
    sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return tsu_record_load_rows (db, stmt, read_row, error);
}

GPtrArray *
tsu_event_load_all (TsuDatabase  *db,
                    GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  return load_rows (db,
                    "SELECT " COLUMNS " FROM events WHERE deleted_at IS NULL"
                    " ORDER BY starts_at, number, id",
                    NULL, NULL, 0, error);
}

GPtrArray *
tsu_event_load_for_fiscal_year (TsuDatabase  *db,
                                int           year,
                                GError      **error)
{
  g_autofree char *first = g_strdup_printf ("%04d-04-01", year);
  g_autofree char *after = g_strdup_printf ("%04d-04-01", year + 1);

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  /* ISO texts compare as dates; "2024-03-31T15:00" < "2024-04-01". */
  return load_rows (db,
                    "SELECT " COLUMNS " FROM events WHERE deleted_at IS NULL"
                    " AND starts_at >= ?1 AND starts_at < ?2 ORDER BY starts_at, number, id",
                    first, after, 0, error);
}

TsuEvent *
tsu_event_load_by_id (TsuDatabase  *db,
                      gint64        id,
                      GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  rows = load_rows (db, "SELECT " COLUMNS " FROM events WHERE id = ?", NULL, NULL, id, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                   _("The event no longer exists. Another user may have deleted it."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

TsuEvent *
tsu_event_find_by_key (TsuDatabase  *db,
                       const char   *key,
                       GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (key ? key : ""));

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  rows = load_rows (db, "SELECT " COLUMNS " FROM events WHERE key = ? AND deleted_at IS NULL",
                    trimmed, NULL, 0, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, 0));
}

gboolean
tsu_event_save (TsuEvent     *self,
                TsuDatabase  *db,
                GError      **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_EVENT (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  problems = tsu_event_validate (self);
  if (!tsu_record_check_problems (problems, error))
    return FALSE;

  if (!tsu_database_begin (db, error))
    return FALSE;

  /* A deleted event keeps its key until purged, so undo can bring it back;
   * a new event may not take it meanwhile. */
  stmt = tsu_database_prepare (db, "SELECT count(*) FROM events WHERE key = ? AND id != ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, self->text[TEXT_KEY], -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, self->id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    {
      sqlite3_reset (stmt);
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                   _("Another event already has the key “%s”."), self->text[TEXT_KEY]);
      goto fail;
    }
  sqlite3_reset (stmt);

  if (self->id == 0)
    stmt = tsu_database_prepare (db,
      "INSERT INTO events (kind, number, pillars, status, capacity, key, title, starts_at,"
      " ends_at, venue, organizer, budget_line, notes)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  else
    stmt = tsu_database_prepare (db,
      "UPDATE events SET kind = ?1, number = ?2, pillars = ?3, status = ?4, capacity = ?5,"
      " key = ?6, title = ?7, starts_at = ?8, ends_at = ?9, venue = ?10, organizer = ?11,"
      " budget_line = ?12, notes = ?13, version = version + 1,"
      " updated_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now')"
      " WHERE id = ?14 AND version = ?15 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_text (stmt, 1, kind_codes[self->kind], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, self->number);
  sqlite3_bind_int (stmt, 3, self->pillars);
  sqlite3_bind_text (stmt, 4, status_codes[self->status], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, self->capacity);
  tsu_record_texts_bind (stmt, 6, self->text, N_TEXTS);
  if (self->id != 0)
    {
      sqlite3_bind_int64 (stmt, 14, self->id);
      sqlite3_bind_int64 (stmt, 15, self->version);
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
  tsu_database_emit_changed (db, "events");
  return TRUE;

fail:
  tsu_database_rollback (db);
  return FALSE;
}

gboolean
tsu_event_delete (TsuDatabase  *db,
                  gint64        id,
                  GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  /* The programme, attendees and minutes stay in place: they are only
   * reached through the event, which is hidden while deleted. */
  return tsu_record_exec_for_id (db,
                                 "UPDATE events SET deleted_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now'),"
                                 " version = version + 1 WHERE id = ? AND deleted_at IS NULL",
                                 id, "events", error);
}
