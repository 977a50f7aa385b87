/* tsu-import-events.c: the events, sessions and attendees files of the
 * CSV import (CLI.md, "CSV files"), all or nothing.
 *
 * The header and row machinery follows tsu-import.c: columns are named in
 * English or Japanese, every bad row is reported as
 * "FILE:LINE: column NAME: …", and one file is one transaction.
 *
 * Attendees name their organisation as free text. A name that matches
 * the directory (with or without its legal form) links the attendee to
 * that organisation, and to the person of that name when there is one;
 * any other name — a ward counter such as 門司区役所, a hospital, a
 * company — is kept as the attendee's outside affiliation, so that
 * people from outside can be imported without adding their employers to
 * the directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tsu-attendee.h"
#include "tsu-csv.h"
#include "tsu-date.h"
#include "tsu-event.h"
#include "tsu-event-session.h"
#include "tsu-import-events.h"
#include "tsu-import-private.h"
#include "tsu-kana.h"
#include "tsu-organization.h"
#include "tsu-person.h"

enum
{
  EVENT_KEY,
  EVENT_KIND,
  EVENT_NUMBER,
  EVENT_TITLE,
  EVENT_STARTS_AT,
  EVENT_ENDS_AT,
  EVENT_VENUE,
  EVENT_ORGANIZER,
  EVENT_PILLARS,
  EVENT_STATUS,
  EVENT_BUDGET_LINE,
  N_EVENT_COLUMNS
};

/* Japanese names are fixed by the CSV contract, not translations. */
static const TsuImportColumn event_columns[N_EVENT_COLUMNS] = {
  [EVENT_KEY]         = { "key", { "キー", NULL }, TRUE },
  [EVENT_KIND]        = { "kind", { "種別", NULL }, TRUE },
  [EVENT_NUMBER]      = { "number", { "回", NULL }, FALSE },
  [EVENT_TITLE]       = { "title", { "名称", NULL }, TRUE },
  [EVENT_STARTS_AT]   = { "starts_at", { "開始", "開始日時", NULL }, TRUE },
  [EVENT_ENDS_AT]     = { "ends_at", { "終了", "終了日時", NULL }, FALSE },
  [EVENT_VENUE]       = { "venue", { "会場", NULL }, FALSE },
  [EVENT_ORGANIZER]   = { "organizer", { "実施主体", NULL }, FALSE },
  [EVENT_PILLARS]     = { "pillars", { "基本方針", NULL }, FALSE },
  [EVENT_STATUS]      = { "status", { "状態", NULL }, FALSE },
  [EVENT_BUDGET_LINE] = { "budget_line", { "予算事業", NULL }, FALSE },
};

enum
{
  SESSION_EVENT,
  SESSION_POSITION,
  SESSION_TITLE,
  SESSION_LECTURER,
  SESSION_STARTS_AT,
  SESSION_ENDS_AT,
  SESSION_PLACE,
  SESSION_HEAD_COUNT,
  N_SESSION_COLUMNS
};

static const TsuImportColumn session_columns[N_SESSION_COLUMNS] = {
  [SESSION_EVENT]      = { "event", { "キー", NULL }, TRUE },
  [SESSION_POSITION]   = { "position", { "順", NULL }, TRUE },
  [SESSION_TITLE]      = { "title", { "名称", NULL }, TRUE },
  [SESSION_LECTURER]   = { "lecturer", { "講師", NULL }, FALSE },
  [SESSION_STARTS_AT]  = { "starts_at", { "開始", "開始日時", NULL }, FALSE },
  [SESSION_ENDS_AT]    = { "ends_at", { "終了", "終了日時", NULL }, FALSE },
  [SESSION_PLACE]      = { "place", { "場所", NULL }, FALSE },
  [SESSION_HEAD_COUNT] = { "head_count", { "参加者数", NULL }, FALSE },
};

enum
{
  ATTENDEE_EVENT,
  ATTENDEE_ORGANIZATION,
  ATTENDEE_NAME,
  ATTENDEE_READING,
  ATTENDEE_TITLE,
  ATTENDEE_STATUS,
  N_ATTENDEE_COLUMNS
};

static const TsuImportColumn attendee_columns[N_ATTENDEE_COLUMNS] = {
  [ATTENDEE_EVENT]        = { "event", { "キー", NULL }, TRUE },
  [ATTENDEE_ORGANIZATION] = { "organization", { "団体名", "所属", NULL }, FALSE },
  [ATTENDEE_NAME]         = { "name", { "氏名", NULL }, TRUE },
  [ATTENDEE_READING]      = { "reading", { "よみ", "フリガナ", "読み", NULL }, TRUE },
  [ATTENDEE_TITLE]        = { "title", { "役職", NULL }, FALSE },
  [ATTENDEE_STATUS]       = { "status", { "状態", NULL }, FALSE },
};

G_STATIC_ASSERT (N_EVENT_COLUMNS <= TSU_IMPORT_MAX_COLUMNS);
G_STATIC_ASSERT (N_SESSION_COLUMNS <= TSU_IMPORT_MAX_COLUMNS);
G_STATIC_ASSERT (N_ATTENDEE_COLUMNS <= TSU_IMPORT_MAX_COLUMNS);

/* Hash table values that may be NULL: "looked up, none there". */
static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Values */

static gboolean
parse_whole_number (const char *text,
                    guint      *value)
{
  static const char * const prefixes[] = { "第", NULL };
  static const char * const suffixes[] = { "名", "人", "回", NULL };
  g_autofree char *nfkc = tsu_import_normalize (text);
  char *p = nfkc;
  char *end = NULL;
  guint64 number;

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (p, prefixes[i]))
      p += strlen (prefixes[i]);
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (p, suffixes[i]))
      p[strlen (p) - strlen (suffixes[i])] = '\0';
  if (!g_ascii_isdigit (*p))
    return FALSE;
  number = g_ascii_strtoull (p, &end, 10);
  if (*end != '\0' || number > G_MAXINT)
    return FALSE;
  *value = (guint) number;
  return TRUE;
}

/* "15:00" alone, for a session on the day its event starts. */
static gboolean
parse_time_only (const char *text,
                 int        *hour,
                 int        *minute)
{
  g_autofree char *nfkc = tsu_import_normalize (text);
  char tail[2] = "";

  return sscanf (nfkc, "%d:%d%1s", hour, minute, tail) == 2
         && *hour >= 0 && *hour <= 23 && *minute >= 0 && *minute <= 59;
}

/* An ISO date-time (or date) from the cell, NULL for an empty cell;
 * reported when it is neither. A time alone is taken on @day (an ISO
 * date) when there is one. */
static gboolean
parse_date_time (TsuImport     *imp,
                 TsuCsvRecord  *record,
                 int            column,
                 const char    *day,
                 char         **iso)
{
  const char *text = tsu_import_cell (imp, record, column);
  g_autoptr(GError) local_error = NULL;
  int hour, minute;

  *iso = NULL;
  if (*text == '\0')
    return TRUE;
  if (day != NULL && strlen (day) >= 10 && parse_time_only (text, &hour, &minute))
    {
      *iso = g_strdup_printf ("%.10sT%02d:%02d", day, hour, minute);
      return TRUE;
    }
  if (!tsu_date_time_parse (text, iso, &local_error))
    {
      tsu_import_problem (imp, record->line, column, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Events are named by their key in every file; looked up once. NULL
 * (reported on @column) when the key names no event. */
static TsuEvent *
find_event (TsuImport     *imp,
            TsuCsvRecord  *record,
            int            column,
            GError       **error)
{
  const char *text = tsu_import_cell (imp, record, column);
  g_autofree char *key = tsu_import_normalize (text);
  gpointer value;

  if (*key == '\0')
    {
      tsu_import_problem (imp, record->line, column, _("Enter the key of the event, like 2023-council-5."));
      return NULL;
    }
  if (!g_hash_table_lookup_extended (imp->events, key, NULL, &value))
    {
      g_autoptr(GError) local_error = NULL;

      value = tsu_event_find_by_key (imp->db, key, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_hash_table_insert (imp->events, g_strdup (key), value);
    }
  if (value == NULL)
    tsu_import_problem (imp, record->line, column,
                        _("There is no event with the key “%s”. Import the events first."), text);
  return value;
}

/* Events */

typedef struct
{
  GHashTable *seen;  /* normalised key → first line */
} EventsData;

static gboolean
import_event_row (TsuImport     *imp,
                  TsuCsvRecord  *record,
                  gpointer       user_data,
                  GError       **error)
{
  EventsData *data = user_data;
  const char *key_cell = tsu_import_cell (imp, record, EVENT_KEY);
  g_autofree char *key = tsu_import_normalize (key_cell);
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  g_autoptr(TsuEvent) event = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  TsuEventKind kind = TSU_EVENT_KIND_MEETING;
  TsuEventStatus status = TSU_EVENT_STATUS_PLANNED;
  guint number = 0;
  guint pillars = 0;
  gboolean is_update = FALSE;
  gpointer first_line;

  if (*key == '\0')
    tsu_import_problem (imp, record->line, EVENT_KEY, _("Enter a short key for the event, like 2023-council-5: the other files name the event by it."));
  else if (g_hash_table_lookup_extended (data->seen, key, NULL, &first_line))
    tsu_import_problem (imp, record->line, EVENT_KEY,
                        _("The key “%s” is already on line %u of this file."), key_cell, GPOINTER_TO_UINT (first_line));
  else
    {
      g_autoptr(GError) local_error = NULL;

      event = tsu_event_find_by_key (imp->db, key, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (event != NULL && !(imp->flags & TSU_IMPORT_FLAGS_UPDATE))
        {
          tsu_import_problem (imp, record->line, EVENT_KEY,
                              _("There is already an event with the key “%s”. Import with --update to change it."), key_cell);
          g_clear_object (&event);
        }
      is_update = event != NULL;
      g_hash_table_insert (data->seen, g_strdup (key), GUINT_TO_POINTER (record->line));
    }

  tsu_import_require (imp, record, EVENT_TITLE, _("Enter the title of the event."));
  if (*tsu_import_cell (imp, record, EVENT_KIND) == '\0')
    tsu_import_problem (imp, record->line, EVENT_KIND,
                        _("Enter the kind of event: meeting, tour, training, workshop, case-study or other (会議, 見学会, 研修, ワークショップ, ケーススタディ, その他)."));
  else if (!tsu_event_kind_from_text (tsu_import_cell (imp, record, EVENT_KIND), &kind))
    tsu_import_problem (imp, record->line, EVENT_KIND,
                        _("“%s” is not a kind of event. Write meeting, tour, training, workshop, case-study or other (会議, 見学会, 研修, ワークショップ, ケーススタディ, その他)."),
                        tsu_import_cell (imp, record, EVENT_KIND));

  if (*tsu_import_cell (imp, record, EVENT_NUMBER) != '\0'
      && !parse_whole_number (tsu_import_cell (imp, record, EVENT_NUMBER), &number))
    tsu_import_problem (imp, record->line, EVENT_NUMBER,
                        _("“%s” is not the number of a meeting. Write a whole number such as 5, or leave it empty."),
                        tsu_import_cell (imp, record, EVENT_NUMBER));

  if (*tsu_import_cell (imp, record, EVENT_STARTS_AT) == '\0')
    tsu_import_problem (imp, record->line, EVENT_STARTS_AT,
                        _("Enter when the event starts, like 2023-07-19 15:00, or the date alone for the whole day."));
  else
    parse_date_time (imp, record, EVENT_STARTS_AT, NULL, &starts_at);
  parse_date_time (imp, record, EVENT_ENDS_AT, starts_at, &ends_at);
  if (starts_at != NULL && ends_at != NULL && strcmp (ends_at, starts_at) < 0)
    tsu_import_problem (imp, record->line, EVENT_ENDS_AT, _("The event ends before it starts."));

  if (*tsu_import_cell (imp, record, EVENT_PILLARS) != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      if (!tsu_pillars_parse (tsu_import_cell (imp, record, EVENT_PILLARS), &pillars, &local_error))
        tsu_import_problem (imp, record->line, EVENT_PILLARS, "%s",
                            local_error ? local_error->message : _("Write the policy pillars as numbers from 1 to 4, like 1;3 or ①③."));
    }

  if (*tsu_import_cell (imp, record, EVENT_STATUS) != '\0'
      && !tsu_event_status_from_text (tsu_import_cell (imp, record, EVENT_STATUS), &status))
    tsu_import_problem (imp, record->line, EVENT_STATUS,
                        _("“%s” is not a status of an event. Write planned, held or cancelled (予定, 実施済, 中止)."),
                        tsu_import_cell (imp, record, EVENT_STATUS));

  if (event == NULL)
    event = tsu_event_new ();

  /* An update changes the columns the file has, and only those. */
  tsu_event_set_key (event, key);
  if (!imp->reported[EVENT_KIND])
    tsu_event_set_kind (event, kind);
  if (tsu_import_has_column (imp, EVENT_NUMBER) || !is_update)
    tsu_event_set_number (event, number);
  tsu_event_set_title (event, tsu_import_cell (imp, record, EVENT_TITLE));
  if (starts_at != NULL)
    tsu_event_set_starts_at (event, starts_at);
  if (tsu_import_has_column (imp, EVENT_ENDS_AT) || !is_update)
    tsu_event_set_ends_at (event, ends_at ? ends_at : "");
  if (tsu_import_has_column (imp, EVENT_VENUE))
    tsu_event_set_venue (event, tsu_import_cell (imp, record, EVENT_VENUE));
  if (tsu_import_has_column (imp, EVENT_ORGANIZER))
    tsu_event_set_organizer (event, tsu_import_cell (imp, record, EVENT_ORGANIZER));
  if (tsu_import_has_column (imp, EVENT_PILLARS) || !is_update)
    tsu_event_set_pillars (event, pillars);
  if (tsu_import_has_column (imp, EVENT_STATUS) || !is_update)
    tsu_event_set_status (event, status);
  if (tsu_import_has_column (imp, EVENT_BUDGET_LINE))
    tsu_event_set_budget_line (event, tsu_import_cell (imp, record, EVENT_BUDGET_LINE));

  problems = tsu_event_validate (event);
  tsu_import_report_field_problems (imp, record, problems);
  if (imp->row_bad)
    return TRUE;

  if (!tsu_event_save (event, imp->db, error))
    return tsu_import_save_failed (imp, record, error);
  tsu_import_count_saved (imp, is_update);
  return TRUE;
}

/* Sessions */

typedef struct
{
  GHashTable *seen;  /* "EVENT-ID:POSITION" → first line */
} SessionsData;

static gboolean
import_session_row (TsuImport     *imp,
                    TsuCsvRecord  *record,
                    gpointer       user_data,
                    GError       **error)
{
  SessionsData *data = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TsuEventSession) session = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  const char *position_cell = tsu_import_cell (imp, record, SESSION_POSITION);
  const char *day = NULL;
  TsuEvent *event;
  guint position = 0;
  guint head_count = 0;
  gboolean has_head_count = FALSE;
  gboolean is_update = FALSE;

  event = find_event (imp, record, SESSION_EVENT, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (event != NULL)
    day = tsu_event_get_starts_at (event);

  if (*position_cell == '\0')
    tsu_import_problem (imp, record->line, SESSION_POSITION,
                        _("Enter the place of the session in the programme: 1, 2, 3 …"));
  else if (!parse_whole_number (position_cell, &position) || position == 0)
    tsu_import_problem (imp, record->line, SESSION_POSITION,
                        _("“%s” is not a place in the programme. Write a whole number from 1: 1, 2, 3 …"), position_cell);
  else if (event != NULL)
    {
      gint64 event_id = tsu_event_get_id (event);
      g_autofree char *seen_key = g_strdup_printf ("%" G_GINT64_FORMAT ":%u", event_id, position);
      gpointer first_line;

      if (g_hash_table_lookup_extended (data->seen, seen_key, NULL, &first_line))
        tsu_import_problem (imp, record->line, SESSION_POSITION,
                            _("Session %u of “%s” is already on line %u of this file."),
                            position, tsu_import_cell (imp, record, SESSION_EVENT), GPOINTER_TO_UINT (first_line));
      else
        {
          session = tsu_event_session_find_by_position (imp->db, event_id, position, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (session != NULL && !(imp->flags & TSU_IMPORT_FLAGS_UPDATE))
            {
              tsu_import_problem (imp, record->line, SESSION_POSITION,
                                  _("“%s” already has a session %u. Import with --update to change it."),
                                  tsu_import_cell (imp, record, SESSION_EVENT), position);
              g_clear_object (&session);
            }
          is_update = session != NULL;
          g_hash_table_insert (data->seen, g_steal_pointer (&seen_key), GUINT_TO_POINTER (record->line));
        }
    }

  tsu_import_require (imp, record, SESSION_TITLE, _("Enter the title of the session."));
  parse_date_time (imp, record, SESSION_STARTS_AT, day, &starts_at);
  parse_date_time (imp, record, SESSION_ENDS_AT, starts_at ? starts_at : day, &ends_at);
  if (starts_at != NULL && ends_at != NULL && strcmp (ends_at, starts_at) < 0)
    tsu_import_problem (imp, record->line, SESSION_ENDS_AT, _("The session ends before it starts."));

  if (*tsu_import_cell (imp, record, SESSION_HEAD_COUNT) != '\0')
    {
      g_autofree char *nfkc = tsu_import_normalize (tsu_import_cell (imp, record, SESSION_HEAD_COUNT));

      if (parse_whole_number (tsu_import_cell (imp, record, SESSION_HEAD_COUNT), &head_count))
        has_head_count = TRUE;
      else if (nfkc[0] == '-' && g_ascii_isdigit (nfkc[1]))
        tsu_import_problem (imp, record->line, SESSION_HEAD_COUNT,
                            _("“%s”: a head count cannot be less than 0."), tsu_import_cell (imp, record, SESSION_HEAD_COUNT));
      else
        tsu_import_problem (imp, record->line, SESSION_HEAD_COUNT,
                            _("“%s” is not a head count. Write a whole number, 0 or more, or leave it empty when nobody counted."),
                            tsu_import_cell (imp, record, SESSION_HEAD_COUNT));
    }

  /* A row whose event is unknown has nothing to be saved under. */
  if (event == NULL)
    return TRUE;

  if (session == NULL)
    session = tsu_event_session_new (tsu_event_get_id (event));
  tsu_event_session_set_position (session, position);
  tsu_event_session_set_title (session, tsu_import_cell (imp, record, SESSION_TITLE));
  if (tsu_import_has_column (imp, SESSION_LECTURER))
    tsu_event_session_set_lecturer (session, tsu_import_cell (imp, record, SESSION_LECTURER));
  if (tsu_import_has_column (imp, SESSION_STARTS_AT))
    tsu_event_session_set_starts_at (session, starts_at ? starts_at : "");
  if (tsu_import_has_column (imp, SESSION_ENDS_AT))
    tsu_event_session_set_ends_at (session, ends_at ? ends_at : "");
  if (tsu_import_has_column (imp, SESSION_PLACE))
    tsu_event_session_set_place (session, tsu_import_cell (imp, record, SESSION_PLACE));
  if (tsu_import_has_column (imp, SESSION_HEAD_COUNT) || !is_update)
    tsu_event_session_set_head_count (session, has_head_count ? (int) head_count : TSU_HEAD_COUNT_UNKNOWN);

  problems = tsu_event_session_validate (session);
  tsu_import_report_field_problems (imp, record, problems);
  if (imp->row_bad)
    return TRUE;

  if (!tsu_event_session_save (session, imp->db, error))
    return tsu_import_save_failed (imp, record, error);
  tsu_import_count_saved (imp, is_update);
  return TRUE;
}

/* Attendees */

typedef struct
{
  GHashTable *organizations;  /* normalised name as written → TsuOrganization or no value */
  GHashTable *existing;       /* event id → (attendee key → TsuAttendee) */
  GHashTable *seen;           /* "EVENT-ID|ATTENDEE KEY" → first line */
} AttendeesData;

/* Who an attendee is within an event: the name and the organisation, or
 * the outside affiliation as written. */
static char *
attendee_key (const char *name,
              gint64      organization_id,
              const char *affiliation)
{
  g_autofree char *name_key = tsu_kana_normalize (name);

  if (organization_id > 0)
    return g_strdup_printf ("%s|o:%" G_GINT64_FORMAT, name_key, organization_id);
  else
    {
      g_autofree char *affiliation_key = tsu_kana_normalize (affiliation ? affiliation : "");

      return g_strdup_printf ("%s|t:%s", name_key, affiliation_key);
    }
}

static GHashTable *
existing_attendees (TsuImport      *imp,
                    AttendeesData  *data,
                    gint64          event_id,
                    GError        **error)
{
  GHashTable *by_key = g_hash_table_lookup (data->existing, &event_id);
  g_autoptr(GPtrArray) all = NULL;
  gint64 *id;

  if (by_key != NULL)
    return by_key;
  all = tsu_attendee_load_for_event (imp->db, event_id, TRUE, error);
  if (all == NULL)
    return NULL;
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      TsuAttendee *attendee = g_ptr_array_index (all, i);

      g_hash_table_insert (by_key,
                           attendee_key (tsu_attendee_get_name (attendee),
                                         tsu_attendee_get_organization_id (attendee),
                                         tsu_attendee_get_affiliation (attendee)),
                           g_object_ref (attendee));
    }
  id = g_new (gint64, 1);
  *id = event_id;
  g_hash_table_insert (data->existing, id, by_key);
  return by_key;
}

static TsuOrganization *
find_organization (TsuImport      *imp,
                   AttendeesData  *data,
                   const char     *name,
                   GError        **error)
{
  g_autofree char *key = tsu_kana_normalize (name);
  gpointer value;

  if (!g_hash_table_lookup_extended (data->organizations, key, NULL, &value))
    {
      value = tsu_organization_find_by_name (imp->db, name, error);
      if (value == NULL && error != NULL && *error != NULL)
        return NULL;
      g_hash_table_insert (data->organizations, g_steal_pointer (&key), value);
    }
  return value;
}

static gboolean
import_attendee_row (TsuImport     *imp,
                     TsuCsvRecord  *record,
                     gpointer       user_data,
                     GError       **error)
{
  AttendeesData *data = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TsuAttendee) attendee = NULL;
  g_autoptr(TsuPerson) person = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *org_name = tsu_import_cell (imp, record, ATTENDEE_ORGANIZATION);
  const char *name = tsu_import_cell (imp, record, ATTENDEE_NAME);
  const char *reading = tsu_import_cell (imp, record, ATTENDEE_READING);
  const char *title = tsu_import_cell (imp, record, ATTENDEE_TITLE);
  TsuAttendeeStatus status = TSU_ATTENDEE_STATUS_REGISTERED;
  TsuOrganization *org = NULL;
  TsuEvent *event;
  gboolean is_update = FALSE;

  event = find_event (imp, record, ATTENDEE_EVENT, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (*org_name != '\0')
    {
      org = find_organization (imp, data, org_name, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (org != NULL && *name != '\0')
    {
      person = tsu_person_find_by_name (imp->db, tsu_organization_get_id (org), name, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  tsu_import_require (imp, record, ATTENDEE_NAME, _("Enter the attendee’s name."));
  if (person == NULL)
    tsu_import_require (imp, record, ATTENDEE_READING, _("Enter the reading of the name in kana: lists are sorted by it."));
  if (*tsu_import_cell (imp, record, ATTENDEE_STATUS) != '\0'
      && !tsu_attendee_status_from_text (tsu_import_cell (imp, record, ATTENDEE_STATUS), &status))
    tsu_import_problem (imp, record->line, ATTENDEE_STATUS,
                        _("“%s” is not a status of an attendee. Write registered, attended, absent or cancelled (申込, 出席, 欠席, 取消)."),
                        tsu_import_cell (imp, record, ATTENDEE_STATUS));

  if (event == NULL)
    return TRUE;

  if (*name != '\0')
    {
      gint64 event_id = tsu_event_get_id (event);
      gint64 org_id = org ? tsu_organization_get_id (org) : 0;
      g_autofree char *key = attendee_key (name, org_id, org_name);
      g_autofree char *seen_key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s", event_id, key);
      gpointer first_line;

      if (g_hash_table_lookup_extended (data->seen, seen_key, NULL, &first_line))
        tsu_import_problem (imp, record->line, ATTENDEE_NAME,
                            _("“%s” is already on line %u of this file for the same event."),
                            name, GPOINTER_TO_UINT (first_line));
      else
        {
          GHashTable *existing = existing_attendees (imp, data, event_id, error);
          TsuAttendee *found;

          if (existing == NULL)
            return FALSE;
          found = g_hash_table_lookup (existing, key);
          if (found != NULL && !(imp->flags & TSU_IMPORT_FLAGS_UPDATE))
            tsu_import_problem (imp, record->line, ATTENDEE_NAME,
                                _("“%s” is already registered for “%s”. Import with --update to change them."),
                                name, tsu_import_cell (imp, record, ATTENDEE_EVENT));
          else if (found != NULL)
            {
              attendee = tsu_attendee_copy (found);
              is_update = TRUE;
            }
          g_hash_table_insert (data->seen, g_steal_pointer (&seen_key), GUINT_TO_POINTER (record->line));
        }
    }

  if (attendee == NULL)
    attendee = tsu_attendee_new (tsu_event_get_id (event));

  tsu_attendee_set_name (attendee, name);
  /* A person in the directory brings their reading and title when the
   * file leaves them out. */
  if (*reading == '\0' && person != NULL)
    reading = tsu_person_get_reading (person);
  if (*title == '\0' && person != NULL && !is_update)
    title = tsu_person_get_title (person);
  tsu_attendee_set_reading (attendee, reading);
  if (tsu_import_has_column (imp, ATTENDEE_TITLE) || !is_update)
    tsu_attendee_set_title (attendee, title);
  tsu_attendee_set_person_id (attendee, person ? tsu_person_get_id (person) : 0);
  tsu_attendee_set_organization_id (attendee, org ? tsu_organization_get_id (org) : 0);
  tsu_attendee_set_affiliation (attendee, org ? NULL : org_name);
  if (tsu_import_has_column (imp, ATTENDEE_STATUS) || !is_update)
    tsu_attendee_set_status (attendee, status);

  problems = tsu_attendee_validate (attendee);
  tsu_import_report_field_problems (imp, record, problems);
  if (imp->row_bad)
    return TRUE;

  if (!tsu_attendee_save (attendee, imp->db, error))
    return tsu_import_save_failed (imp, record, error);
  tsu_import_count_saved (imp, is_update);
  return TRUE;
}

TsuImportResult *
tsu_import_events_csv (TsuDatabase     *db,
                       const char      *path,
                       TsuImportFlags   flags,
                       GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EventsData data = { seen };
  static const char * const tables[] = { "events", NULL };

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tsu_import_run_file (db, path, flags, event_columns, N_EVENT_COLUMNS,
                              import_event_row, &data, tables, error);
}

TsuImportResult *
tsu_import_sessions_csv (TsuDatabase     *db,
                         const char      *path,
                         TsuImportFlags   flags,
                         GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SessionsData data = { seen };
  static const char * const tables[] = { "event_sessions", NULL };

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tsu_import_run_file (db, path, flags, session_columns, N_SESSION_COLUMNS,
                              import_session_row, &data, tables, error);
}

TsuImportResult *
tsu_import_attendees_csv (TsuDatabase     *db,
                          const char      *path,
                          TsuImportFlags   flags,
                          GError         **error)
{
  g_autoptr(GHashTable) organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_if_set);
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AttendeesData data = { organizations, existing, seen };
  static const char * const tables[] = { "attendees", NULL };

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tsu_import_run_file (db, path, flags, attendee_columns, N_ATTENDEE_COLUMNS,
                              import_attendee_row, &data, tables, error);
}
