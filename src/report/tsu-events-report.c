/* tsu-events-report.c: the printouts and the workbook of one event — the
 * attendee list (出席者名簿), the sign-in sheet (受付簿) and the minutes
 * (議事録). The year's attendance summary is in tsu-attendance-report.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "tsu-attendee.h"
#include "tsu-event-session.h"
#include "tsu-event.h"
#include "tsu-events-report.h"
#include "tsu-minutes.h"
#include "tsu-report-file.h"
#include "tsu-xlsx-style.h"

/* Rows of a sign-in sheet are at least this high, in points: room to
 * sign by hand (about 1 cm). */
#define SIGN_IN_ROW_HEIGHT 28.0

void
tsu_event_report_options_init (TsuEventReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->date_style = tsu_report_default_date_style ();
  options->council_name = NULL;
  options->blank_rows = 5;
}

static TsuEvent *
load_event (TsuDatabase  *db,
            gint64        event_id,
            GError      **error)
{
  GError *local_error = NULL;
  TsuEvent *event = tsu_event_load_by_id (db, event_id, &local_error);

  if (event == NULL && local_error == NULL)
    g_set_error_literal (&local_error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                         _("The event no longer exists."));
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return event;
}

/* "<council> <event> <list>", as the council heads its papers:
 * "北九州市孤独・孤立対策等連携協議会　第5回 連携協議会　出席者名簿". */
static char *
dup_event_title (const TsuEventReportOptions *options,
                 TsuEvent                    *event,
                 const char                  *list_name)
{
  g_autofree char *council = tsu_report_dup_council_name (options->council_name);
  g_autofree char *display = tsu_event_dup_display_title (event);
  g_autofree char *event_part = NULL;

  /* Translators: the council's name, then the list's name:
   * "北九州市孤独・孤立対策等連携協議会　参加団体名簿" */
  event_part = g_strdup_printf (_("%s — %s"), display, list_name);
  g_strstrip (council);
  /* The council's own meetings are named after it ("第5回 北九州市孤独・
   * 孤立対策等連携協議会"): the name once is enough. */
  if (*council == '\0' || strstr (display, council) != NULL)
    return g_steal_pointer (&event_part);
  return g_strdup_printf (_("%s — %s"), council, event_part);
}

/* "Date: …　Venue: …" for the top of a printout or workbook. */
static char *
dup_when_where (const TsuEventReportOptions *options,
                TsuEvent                    *event)
{
  g_autofree char *when = tsu_event_dup_when_text (event, options->date_style);
  const char *venue = tsu_event_get_venue (event);
  /* Translators: when an event is, at the top of its printouts (日時) */
  g_autofree char *when_text = g_strdup_printf (_("Date: %s"), when);
  g_autofree char *where_text = NULL;

  if (venue == NULL || *venue == '\0')
    return g_steal_pointer (&when_text);
  /* Translators: where an event is, at the top of its printouts (会場) */
  where_text = g_strdup_printf (_("Venue: %s"), venue);
  /* U+3000 reads as a gap in Japanese and as a wide space elsewhere. */
  return g_strdup_printf ("%s\u3000%s", when_text, where_text);
}

static const char *
group_heading (TsuAttendeeGroup group)
{
  switch (group)
    {
    case TSU_ATTENDEE_GROUP_GOVERNMENT:
      /* Translators: section of a printed list: city officials (行政関係者) */
      return _("City officials");
    case TSU_ATTENDEE_GROUP_OTHER:
      /* Translators: section of an attendee list: partners and people from
       * outside the council (その他) */
      return C_("attendee list", "Others");
    case TSU_ATTENDEE_GROUP_MEMBER:
    default:
      /* Translators: section of a printed list (参加団体) */
      return _("Member organizations");
    }
}

static const char *
honorifics_omitted (void)
{
  /* Translators: printed under the title of lists of people and
   * organisations: 敬称略・五十音順 */
  return _("Honorifics omitted, in kana order");
}

/* "Attended 23 / Registered 25": everyone not cancelled registered. */
static char *
dup_counts_text (TsuDatabase  *db,
                 gint64        event_id,
                 GError      **error)
{
  guint counts[TSU_N_ATTENDEE_STATUSES] = { 0 };
  guint registered;

  if (!tsu_attendee_count_by_status (db, event_id, counts, error))
    return NULL;
  registered = counts[TSU_ATTENDEE_STATUS_REGISTERED]
               + counts[TSU_ATTENDEE_STATUS_ATTENDED]
               + counts[TSU_ATTENDEE_STATUS_ABSENT];
  /* Translators: head counts at the top of an attendee list:
   * "出席 23名 / 申込 25名" */
  return g_strdup_printf (_("Attended %u / Registered %u"),
                          counts[TSU_ATTENDEE_STATUS_ATTENDED], registered);
}

/* The attendee list. */

TsuTablePrint *
tsu_attendees_report_new_printout (TsuDatabase                  *db,
                                   gint64                        event_id,
                                   const TsuEventReportOptions  *options,
                                   GError                      **error)
{
  g_autoptr(TsuEvent) event = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when_where = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *subtitle = NULL;
  int group = -1;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  event = load_event (db, event_id, error);
  if (event == NULL)
    return NULL;
  attendees = tsu_attendee_load_for_event (db, event_id, FALSE, error);
  if (attendees == NULL)
    return NULL;
  counts = dup_counts_text (db, event_id, error);
  if (counts == NULL)
    return NULL;

  /* Translators: name of the printed attendee list (出席者名簿) */
  title = dup_event_title (options, event, _("Attendee List"));
  when_where = dup_when_where (options, event);
  subtitle = g_strdup_printf ("%s\n%s\u3000%s", when_where, counts, honorifics_omitted ());
  print = tsu_table_print_new (title, subtitle);
  tsu_table_print_set_date (print, NULL, options->date_style);

  /* Translators: column of a printed attendee list: row number */
  tsu_table_print_add_column (print, C_("attendee list", "No."), 0.55);
  /* Translators: column of a printed attendee list (所属) */
  tsu_table_print_add_column (print, C_("attendee list", "Affiliation"), 3.8);
  /* Translators: column of a printed attendee list (役職) */
  tsu_table_print_add_column (print, C_("attendee list", "Title"), 2.0);
  /* Translators: column of a printed attendee list (氏名) */
  tsu_table_print_add_column (print, C_("attendee list", "Name"), 1.7);
  /* Translators: column of a printed attendee list: registered,
   * attended, absent (状態) */
  tsu_table_print_add_column (print, C_("attendee list", "Status"), 0.8);
  tsu_table_print_set_column_alignment (print, 0, PANGO_ALIGN_RIGHT);
  tsu_table_print_set_column_alignment (print, 4, PANGO_ALIGN_CENTER);
  /* A name split over two lines reads as two people. */
  tsu_table_print_set_column_no_wrap (print, 3, TRUE);
  tsu_table_print_set_column_no_wrap (print, 4, TRUE);

  for (guint i = 0; i < attendees->len; i++)
    {
      TsuAttendee *attendee = g_ptr_array_index (attendees, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *cells[5];

      /* The store has them in list order; a heading where a group
       * begins. Numbers run on through the groups, so the last is the
       * head count. */
      if ((int) tsu_attendee_get_group (attendee) != group)
        {
          group = tsu_attendee_get_group (attendee);
          tsu_table_print_add_section (print, group_heading (group));
        }
      cells[0] = number;
      cells[1] = tsu_attendee_get_affiliation (attendee);
      cells[2] = tsu_attendee_get_title (attendee);
      cells[3] = tsu_attendee_get_name (attendee);
      cells[4] = tsu_attendee_status_to_label (tsu_attendee_get_status (attendee));
      tsu_table_print_add_row (print, cells);
    }

  return g_steal_pointer (&print);
}

/* The sign-in sheet. */

TsuTablePrint *
tsu_sign_in_report_new_printout (TsuDatabase                  *db,
                                 gint64                        event_id,
                                 const TsuEventReportOptions  *options,
                                 GError                      **error)
{
  g_autoptr(TsuEvent) event = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when_where = NULL;
  int group = -1;
  guint number = 0;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  event = load_event (db, event_id, error);
  if (event == NULL)
    return NULL;
  attendees = tsu_attendee_load_for_event (db, event_id, FALSE, error);
  if (attendees == NULL)
    return NULL;

  /* Translators: name of the printed sign-in sheet at the reception desk
   * (受付簿) */
  title = dup_event_title (options, event, _("Sign-in Sheet"));
  when_where = dup_when_where (options, event);
  print = tsu_table_print_new (title, when_where);
  tsu_table_print_set_date (print, NULL, options->date_style);

  /* Translators: column of the printed sign-in sheet: row number */
  tsu_table_print_add_column (print, C_("sign-in sheet", "No."), 0.55);
  /* Translators: column of the printed sign-in sheet (所属) */
  tsu_table_print_add_column (print, C_("sign-in sheet", "Affiliation"), 3.4);
  /* Translators: column of the printed sign-in sheet (氏名) */
  tsu_table_print_add_column (print, C_("sign-in sheet", "Name"), 1.8);
  /* Translators: column of the printed sign-in sheet: left empty for the
   * attendee to sign (署名) */
  tsu_table_print_add_column (print, C_("sign-in sheet", "Signature"), 2.8);
  /* Translators: column of the printed sign-in sheet (備考) */
  tsu_table_print_add_column (print, C_("sign-in sheet", "Notes"), 1.2);
  tsu_table_print_set_column_alignment (print, 0, PANGO_ALIGN_RIGHT);
  tsu_table_print_set_column_no_wrap (print, 2, TRUE);
  tsu_table_print_set_min_row_height (print, SIGN_IN_ROW_HEIGHT);

  for (guint i = 0; i < attendees->len; i++)
    {
      TsuAttendee *attendee = g_ptr_array_index (attendees, i);
      g_autofree char *number_text = g_strdup_printf ("%u", ++number);
      const char *cells[5] = { NULL };

      /* The groups help the desk find a name on a long sheet. */
      if ((int) tsu_attendee_get_group (attendee) != group)
        {
          group = tsu_attendee_get_group (attendee);
          tsu_table_print_add_section (print, group_heading (group));
        }
      cells[0] = number_text;
      cells[1] = tsu_attendee_get_affiliation (attendee);
      cells[2] = tsu_attendee_get_name (attendee);
      tsu_table_print_add_row (print, cells);
    }

  if (options->blank_rows > 0)
    /* Translators: section of the sign-in sheet with empty rows for
     * people who come without registering (当日受付) */
    tsu_table_print_add_section (print, C_("sign-in sheet", "Walk-ins"));
  for (guint i = 0; i < options->blank_rows; i++)
    {
      /* Numbered on, so the last number on the sheet is the head count. */
      g_autofree char *number_text = g_strdup_printf ("%u", ++number);
      const char *cells[5] = { number_text, NULL, NULL, NULL, NULL };

      tsu_table_print_add_row (print, cells);
    }

  return g_steal_pointer (&print);
}

/* The minutes. */

TsuTablePrint *
tsu_minutes_report_new_printout (TsuDatabase                  *db,
                                 gint64                        event_id,
                                 const TsuEventReportOptions  *options,
                                 GError                      **error)
{
  g_autoptr(TsuEvent) event = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when_where = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  event = load_event (db, event_id, error);
  if (event == NULL)
    return NULL;
  items = tsu_minutes_load (db, event_id, error);
  if (items == NULL)
    return NULL;

  /* Translators: name of the printed minutes of a meeting (議事録) */
  title = dup_event_title (options, event, _("Minutes"));
  when_where = dup_when_where (options, event);
  subtitle = g_strdup_printf ("%s\n%s\u3000%s", when_where,
                              /* Translators: legend of the marks in printed
                               * minutes (◆・・・参加団体) */
                              _("◆ member organizations"),
                              /* Translators: legend of the marks in printed
                               * minutes (◇・・・行政からの回答等) */
                              _("◇ answers of the city"));
  print = tsu_table_print_new (title, subtitle);
  tsu_table_print_set_date (print, NULL, options->date_style);

  tsu_table_print_add_column (print, "", 0.45);
  /* Translators: column of the printed minutes: what was explained and
   * said (議事内容) */
  tsu_table_print_add_column (print, C_("minutes", "Proceedings"), 9.5);
  tsu_table_print_set_column_alignment (print, 0, PANGO_ALIGN_CENTER);

  if (items->len == 0)
    {
      /* Translators: the only line of printed minutes when none were
       * written */
      const char *cells[2] = { NULL, _("No minutes have been recorded for this event.") };

      tsu_table_print_add_row (print, cells);
    }

  for (guint i = 0; i < items->len; i++)
    {
      TsuAgendaItem *item = g_ptr_array_index (items, i);
      /* Translators: heading of an agenda item in printed minutes:
       * "（1）行政からの説明「…」" */
      g_autofree char *heading = g_strdup_printf (C_("minutes", "(%u) %s"), i + 1, item->title);

      tsu_table_print_add_section (print, heading);
      if (item->summary != NULL && *item->summary != '\0')
        {
          const char *cells[2] = { NULL, item->summary };

          tsu_table_print_add_row (print, cells);
        }
      for (guint r = 0; item->remarks != NULL && r < item->remarks->len; r++)
        {
          TsuRemark *remark = g_ptr_array_index (item->remarks, r);
          g_autofree char *text = NULL;
          const char *cells[2];

          /* Who spoke for a member; the city's answers go unsigned, as in
           * the council's minutes. */
          if (remark->kind == TSU_REMARK_MEMBER
              && remark->organization != NULL && *remark->organization != '\0')
            /* Translators: a member's remark in printed minutes, after
             * the organisation: "（抱樸）…" */
            text = g_strdup_printf (C_("minutes", "(%s) %s"), remark->organization, remark->text);
          else
            text = g_strdup (remark->text);
          cells[0] = tsu_remark_kind_to_mark (remark->kind);
          cells[1] = text;
          tsu_table_print_add_row (print, cells);
        }
    }

  return g_steal_pointer (&print);
}

/* The attendee workbook. */

enum
{
  COL_NUMBER,
  COL_GROUP,
  COL_AFFILIATION,
  COL_TITLE,
  COL_NAME,
  COL_READING,
  COL_STATUS,
  COL_SESSIONS,
  N_COLUMNS
};

#define TITLE_ROW  0
#define INFO_ROW   1
#define HEADER_ROW 2
#define FIRST_ROW  3

#define MIN_WIDTH    5.0
#define BUTTON_WIDTH 2.5

static const double max_widths[N_COLUMNS] = {
  [COL_NUMBER] = 6,
  [COL_GROUP] = 22,
  [COL_AFFILIATION] = 36,
  [COL_TITLE] = 20,
  [COL_NAME] = 16,
  [COL_READING] = 20,
  [COL_STATUS] = 12,
  [COL_SESSIONS] = 20,
};

static const char *
column_header (guint column)
{
  switch (column)
    {
    case COL_NUMBER:      return C_("attendee list", "No.");
    /* Translators: header of the attendee workbook: member organisation,
     * other or city official (区分) */
    case COL_GROUP:       return C_("attendee list", "Group");
    case COL_AFFILIATION: return C_("attendee list", "Affiliation");
    case COL_TITLE:       return C_("attendee list", "Title");
    case COL_NAME:        return C_("attendee list", "Name");
    /* Translators: header of the attendee workbook: the kana reading of
     * the name (よみがな) */
    case COL_READING:     return C_("attendee list", "Reading");
    case COL_STATUS:      return C_("attendee list", "Status");
    /* Translators: header of the attendee workbook: which sessions of
     * the programme the person attended, as ①③ (出席プログラム) */
    case COL_SESSIONS:    return C_("attendee list", "Sessions attended");
    default:
      g_assert_not_reached ();
    }
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* "①③": the positions of the sessions attended, in programme order. */
static char *
dup_sessions_text (TsuDatabase  *db,
                   TsuAttendee  *attendee,
                   GHashTable   *positions,
                   GError      **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *text = g_string_new (NULL);

  ids = tsu_attendee_load_session_ids (db, tsu_attendee_get_id (attendee), error);
  if (ids == NULL)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, &id));

      if (position > 0)
        g_array_append_val (numbers, position);
    }
  g_array_sort (numbers, compare_uint);
  for (guint i = 0; i < numbers->len; i++)
    {
      guint n = g_array_index (numbers, guint, i);

      if (n <= 20)
        /* ① is U+2460; circled numbers go up to ⑳. */
        g_string_append_unichar (text, 0x2460 + n - 1);
      else
        g_string_append_printf (text, "(%u)", n);
    }
  return g_string_free (text, FALSE);
}

/* session id → position, for dup_sessions_text(). */
static GHashTable *
load_session_positions (TsuDatabase  *db,
                        gint64        event_id,
                        GError      **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  GHashTable *positions;

  sessions = tsu_event_session_load_for_event (db, event_id, error);
  if (sessions == NULL)
    return NULL;
  positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < sessions->len; i++)
    {
      TsuEventSession *session = g_ptr_array_index (sessions, i);
      gint64 *id = g_new (gint64, 1);

      *id = tsu_event_session_get_id (session);
      g_hash_table_insert (positions, id,
                           GUINT_TO_POINTER (tsu_event_session_get_position (session)));
    }
  return positions;
}

static GStrv
dup_cells (TsuDatabase  *db,
           TsuAttendee  *attendee,
           guint         number,
           GHashTable   *positions,
           GError      **error)
{
  GStrv cells = g_new0 (char *, N_COLUMNS + 1);

  cells[COL_SESSIONS] = dup_sessions_text (db, attendee, positions, error);
  if (cells[COL_SESSIONS] == NULL)
    {
      g_strfreev (cells);
      return NULL;
    }
  cells[COL_NUMBER] = g_strdup_printf ("%u", number);
  cells[COL_GROUP] = g_strdup (group_heading (tsu_attendee_get_group (attendee)));
  cells[COL_AFFILIATION] = g_strdup (tsu_attendee_get_affiliation (attendee));
  cells[COL_TITLE] = g_strdup (tsu_attendee_get_title (attendee));
  cells[COL_NAME] = g_strdup (tsu_attendee_get_name (attendee));
  cells[COL_READING] = g_strdup (tsu_attendee_get_reading (attendee));
  cells[COL_STATUS] = g_strdup (tsu_attendee_status_to_label (tsu_attendee_get_status (attendee)));
  /* g_strdup (NULL) leaves holes; the array must stay a full row. */
  for (guint c = 0; c < N_COLUMNS; c++)
    if (cells[c] == NULL)
      cells[c] = g_strdup ("");
  return cells;
}

gboolean
tsu_attendees_report_export_xlsx (TsuDatabase                  *db,
                                  gint64                        event_id,
                                  const TsuEventReportOptions  *options,
                                  const char                   *path,
                                  GError                      **error)
{
  g_autoptr(TsuEvent) event = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when_where = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *info = NULL;
  double widths[N_COLUMNS];
  TsuXlsxFormats formats;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_row_t last_row;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  event = load_event (db, event_id, error);
  if (event == NULL)
    return FALSE;
  attendees = tsu_attendee_load_for_event (db, event_id, FALSE, error);
  if (attendees == NULL)
    return FALSE;
  counts = dup_counts_text (db, event_id, error);
  if (counts == NULL)
    return FALSE;
  positions = load_session_positions (db, event_id, error);
  if (positions == NULL)
    return FALSE;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < attendees->len; i++)
    {
      GStrv cells = dup_cells (db, g_ptr_array_index (attendees, i), i + 1, positions, error);

      if (cells == NULL)
        return FALSE;
      g_ptr_array_add (rows, cells);
    }

  temp_path = tsu_report_file_begin (path, error);
  if (temp_path == NULL)
    return FALSE;
  title = dup_event_title (options, event, _("Attendee List"));
  workbook = tsu_xlsx_workbook_new (temp_path, title, error);
  if (workbook == NULL)
    return FALSE;
  /* Translators: name of the worksheet of an event's attendee list
   * (出席者名簿); at most 31 characters, no []:*?/\ */
  sheet = workbook_add_worksheet (workbook, C_("worksheet", "Attendees"));
  tsu_xlsx_formats_init (&formats, workbook, options->date_style);

  when_where = dup_when_where (options, event);
  info = g_strdup_printf ("%s\u3000%s\u3000%s", when_where, counts, honorifics_omitted ());
  worksheet_write_string (sheet, TITLE_ROW, 0, title, formats.title);
  worksheet_write_string (sheet, INFO_ROW, 0, info, formats.info);
  worksheet_set_default_row (sheet, TSU_XLSX_LINE_HEIGHT, LXW_FALSE);
  worksheet_set_row (sheet, TITLE_ROW, 24, NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      double widest = tsu_xlsx_text_width (column_header (c)) + BUTTON_WIDTH;

      for (guint i = 0; i < rows->len; i++)
        widest = MAX (widest, tsu_xlsx_text_width (((GStrv) g_ptr_array_index (rows, i))[c]));
      widths[c] = CLAMP (ceil (widest + 1), MIN_WIDTH, max_widths[c]);
      worksheet_set_column (sheet, c, c, widths[c], NULL);
    }

  {
    guint lines = 1;

    for (guint c = 0; c < N_COLUMNS; c++)
      {
        worksheet_write_string (sheet, HEADER_ROW, c, column_header (c), formats.header);
        lines = MAX (lines, tsu_xlsx_count_lines (column_header (c), widths[c] - BUTTON_WIDTH));
      }
    worksheet_set_row (sheet, HEADER_ROW, lines * TSU_XLSX_LINE_HEIGHT, NULL);
  }

  for (guint i = 0; i < rows->len; i++)
    {
      GStrv cells = g_ptr_array_index (rows, i);
      lxw_row_t row = FIRST_ROW + i;
      guint lines = 1;

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c == COL_NUMBER)
            {
              /* A number, so that sorting by it restores the list order. */
              worksheet_write_number (sheet, row, c, i + 1, formats.number);
              continue;
            }
          tsu_xlsx_write_text (sheet, row, c, cells[c], formats.text);
          lines = MAX (lines, tsu_xlsx_count_lines (cells[c], widths[c]));
        }
      worksheet_set_row (sheet, row, lines * TSU_XLSX_LINE_HEIGHT, NULL);
    }
  last_row = rows->len > 0 ? FIRST_ROW + rows->len - 1 : HEADER_ROW;

  worksheet_freeze_panes (sheet, FIRST_ROW, 0);
  worksheet_autofilter (sheet, HEADER_ROW, 0, last_row, N_COLUMNS - 1);
  tsu_xlsx_setup_page (sheet, TITLE_ROW, HEADER_ROW);

  return tsu_xlsx_workbook_finish (workbook, temp_path, path, error);
}
