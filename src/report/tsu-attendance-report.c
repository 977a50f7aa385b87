/* tsu-attendance-report.c: the year's attendance summary (事業・会議
 * 参加者数): every event of a fiscal year with its programme and head
 * counts, totals by kind of event and by pillar of the national plan.
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
#include "tsu-report-file.h"
#include "tsu-xlsx-style.h"

#define N_PILLARS 4

/* One event with its programme and its head count.
 *
 * The head count rule: an event whose programme items were counted
 * (a training's sessions, a tour's stops, a meeting's parts) counts the
 * sum of those counts — 延べ人数, as the council reports a two-day
 * training of six sessions — leaving out items not counted yet; an event
 * without counted items counts its attendees marked attended. */
typedef struct
{
  TsuEvent  *event;
  GPtrArray *sessions;      /* TsuEventSession, in programme order */
  gboolean   from_sessions; /* some session has a head count */
  guint      head_count;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->event);
  g_clear_pointer (&entry->sessions, g_ptr_array_unref);
  g_free (entry);
}

static GPtrArray *
load_entries (TsuDatabase  *db,
              int           year,
              GError      **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  events = tsu_event_load_for_fiscal_year (db, year, error);
  if (events == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func (entry_free);
  for (guint i = 0; i < events->len; i++)
    {
      TsuEvent *event = g_ptr_array_index (events, i);
      Entry *entry = g_new0 (Entry, 1);

      entry->event = g_object_ref (event);
      g_ptr_array_add (entries, entry);
      entry->sessions = tsu_event_session_load_for_event (db, tsu_event_get_id (event), error);
      if (entry->sessions == NULL)
        return NULL;

      for (guint s = 0; s < entry->sessions->len; s++)
        {
          int count = tsu_event_session_get_head_count (g_ptr_array_index (entry->sessions, s));

          if (count >= 0)
            {
              entry->from_sessions = TRUE;
              entry->head_count += count;
            }
        }
      if (!entry->from_sessions)
        {
          guint counts[TSU_N_ATTENDEE_STATUSES] = { 0 };

          if (!tsu_attendee_count_by_status (db, tsu_event_get_id (event), counts, error))
            return NULL;
          entry->head_count = counts[TSU_ATTENDEE_STATUS_ATTENDED];
        }
    }
  return g_steal_pointer (&entries);
}

static char *
dup_title (int                          year,
           const TsuEventReportOptions *options)
{
  g_autofree char *fiscal_year = tsu_fiscal_year_format (year, options->date_style);

  /* Translators: title of the year's attendance summary; %s is the fiscal
   * year: "令和5年度 事業・会議 参加者数" */
  return g_strdup_printf (_("%s Events and Meetings: Attendance"), fiscal_year);
}

static const char *
rule_note (void)
{
  /* Translators: note under the title of the attendance summary: how an
   * event's head count is taken */
  return _("Head count of an event: the sum of its sessions’ head counts "
           "where they were counted, otherwise the number of attendees "
           "marked attended.");
}

/* "①" for pillar @index from 0. */
static char *
dup_pillar_mark (guint index)
{
  return tsu_pillars_to_text (1u << index);
}

static char *
dup_session_title (TsuEventSession *session)
{
  g_autofree char *mark = NULL;
  guint position = tsu_event_session_get_position (session);

  if (position >= 1 && position <= 20)
    {
      char buffer[8];

      buffer[g_unichar_to_utf8 (0x2460 + position - 1, buffer)] = '\0';
      mark = g_strdup (buffer);
    }
  else
    mark = g_strdup_printf ("(%u)", position);
  /* U+3000 indents the programme under its event. */
  return g_strdup_printf ("\u3000%s %s", mark, tsu_event_session_get_title (session));
}

/* The printout. */

static char *
dup_events_text (guint n)
{
  /* Translators: number of events in a row of totals: "3件" */
  return g_strdup_printf (ngettext ("%u event", "%u events", n), n);
}

static void
add_print_row (TsuTablePrint *print,
               const char    *number,
               const char    *kind,
               const char    *pillars,
               const char    *date,
               const char    *title,
               const char    *count)
{
  const char *cells[6] = { number, kind, pillars, date, title, count };

  tsu_table_print_add_row (print, cells);
}

TsuTablePrint *
tsu_attendance_report_new_printout (TsuDatabase                  *db,
                                    int                           year,
                                    const TsuEventReportOptions  *options,
                                    GError                      **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autofree char *title = NULL;
  g_autofree char *council = NULL;
  g_autofree char *subtitle = NULL;
  guint kind_events[TSU_N_EVENT_KINDS] = { 0 };
  guint kind_counts[TSU_N_EVENT_KINDS] = { 0 };
  guint pillar_events[N_PILLARS] = { 0 };
  guint pillar_counts[N_PILLARS] = { 0 };
  guint total = 0;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entries = load_entries (db, year, error);
  if (entries == NULL)
    return NULL;

  title = dup_title (year, options);
  council = tsu_report_dup_council_name (options->council_name);
  g_strstrip (council);
  if (*council != '\0')
    subtitle = g_strdup_printf ("%s\n%s", council, rule_note ());
  else
    subtitle = g_strdup (rule_note ());
  print = tsu_table_print_new (title, subtitle);
  tsu_table_print_set_date (print, NULL, options->date_style);

  /* Translators: column of the printed attendance summary: row number */
  tsu_table_print_add_column (print, C_("attendance", "No."), 0.5);
  /* Translators: column of the printed attendance summary: meeting,
   * tour, training … (区分) */
  tsu_table_print_add_column (print, C_("attendance", "Kind"), 1.1);
  /* Translators: column of the printed attendance summary: the pillars
   * ①–④ of the national plan the event serves (基本方針) */
  tsu_table_print_add_column (print, C_("attendance", "Pillars"), 0.9);
  /* Translators: column of the printed attendance summary (開催日) */
  tsu_table_print_add_column (print, C_("attendance", "Date"), 2.8);
  /* Translators: column of the printed attendance summary: the event and,
   * under it, its sessions (事業名・プログラム) */
  tsu_table_print_add_column (print, C_("attendance", "Event and programme"), 4.0);
  /* Translators: column of the printed attendance summary (参加者数) */
  tsu_table_print_add_column (print, C_("attendance", "Head count"), 0.9);
  tsu_table_print_set_column_alignment (print, 0, PANGO_ALIGN_RIGHT);
  tsu_table_print_set_column_alignment (print, 2, PANGO_ALIGN_CENTER);
  tsu_table_print_set_column_alignment (print, 5, PANGO_ALIGN_RIGHT);
  /* ワークショップ broken after ワーク reads as two words. */
  tsu_table_print_set_column_no_wrap (print, 1, TRUE);
  tsu_table_print_set_column_no_wrap (print, 5, TRUE);

  if (entries->len == 0)
    /* Translators: the only row of the attendance summary of a year
     * without events */
    add_print_row (print, NULL, NULL, NULL, NULL, _("No events in this fiscal year."), NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      TsuEvent *event = entry->event;
      TsuEventKind kind = tsu_event_get_kind (event);
      guint pillars = tsu_event_get_pillars (event);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *pillars_text = tsu_pillars_to_text (pillars);
      g_autofree char *when = tsu_event_dup_when_text (event, options->date_style);
      g_autofree char *display = tsu_event_dup_display_title (event);
      g_autofree char *count = g_strdup_printf ("%u", entry->head_count);

      add_print_row (print, number, tsu_event_kind_to_label (kind), pillars_text,
                     when, display, count);
      for (guint s = 0; s < entry->sessions->len; s++)
        {
          TsuEventSession *session = g_ptr_array_index (entry->sessions, s);
          g_autofree char *session_title = dup_session_title (session);
          g_autofree char *session_when = NULL;
          g_autofree char *session_count = NULL;
          int head_count = tsu_event_session_get_head_count (session);

          if (*tsu_event_session_get_starts_at (session) != '\0')
            session_when = tsu_date_time_format_iso (tsu_event_session_get_starts_at (session),
                                                     options->date_style);
          /* An item not counted yet shows a dash, not a 0 that would read
           * as nobody came. */
          session_count = head_count >= 0 ? g_strdup_printf ("%d", head_count) : g_strdup ("—");
          add_print_row (print, NULL, NULL, NULL, session_when, session_title, session_count);
        }

      total += entry->head_count;
      kind_events[kind]++;
      kind_counts[kind] += entry->head_count;
      for (guint p = 0; p < N_PILLARS; p++)
        if (pillars & (1u << p))
          {
            pillar_events[p]++;
            pillar_counts[p] += entry->head_count;
          }
    }

  {
    g_autofree char *total_text = g_strdup_printf ("%u", total);
    /* Translators: the total row of the attendance summary (合計) */
    const char *cells[6] = { NULL, NULL, NULL, NULL, C_("attendance", "Total"), total_text };

    tsu_table_print_add_total_row (print, cells);
  }

  /* Translators: section of the attendance summary: totals per kind of
   * event (区分別) */
  tsu_table_print_add_section (print, C_("attendance", "By kind"));
  for (guint k = 0; k < TSU_N_EVENT_KINDS; k++)
    {
      g_autofree char *events = dup_events_text (kind_events[k]);
      g_autofree char *count = g_strdup_printf ("%u", kind_counts[k]);

      if (kind_events[k] == 0)
        continue;
      add_print_row (print, NULL, tsu_event_kind_to_label (k), NULL, NULL, events, count);
    }

  /* Translators: section of the attendance summary: totals per pillar of
   * the national plan (基本方針別) */
  tsu_table_print_add_section (print, C_("attendance", "By pillar"));
  for (guint p = 0; p < N_PILLARS; p++)
    {
      g_autofree char *mark = dup_pillar_mark (p);
      g_autofree char *events = dup_events_text (pillar_events[p]);
      g_autofree char *count = g_strdup_printf ("%u", pillar_counts[p]);

      add_print_row (print, NULL, NULL, mark, NULL, events, count);
    }

  return g_steal_pointer (&print);
}

/* The workbook. */

/* Columns of the listing. */
enum
{
  COL_NUMBER,
  COL_KIND,
  COL_DATE,
  COL_TITLE,
  COL_HEAD_COUNT,
  COL_SESSION_COUNT,
  COL_PILLAR_1,  /* …to COL_PILLAR_1 + N_PILLARS - 1 */
  N_COLUMNS = COL_PILLAR_1 + N_PILLARS
};

#define TITLE_ROW  0
#define INFO_ROW   1
#define HEADER_ROW 2
#define FIRST_ROW  3

static char
column_letter (guint column)
{
  g_assert (column < 26);
  return 'A' + column;
}

/* '事業一覧'!$B$4:$B$20 (rows from 0). Quoted always: a translated
 * sheet name may hold spaces. */
static char *
dup_range (const char *sheet_name,
           guint       column,
           lxw_row_t   first,
           lxw_row_t   last)
{
  g_autofree char *quoted = NULL;
  g_auto(GStrv) parts = g_strsplit (sheet_name, "'", -1);

  quoted = g_strjoinv ("''", parts);
  return g_strdup_printf ("'%s'!$%c$%u:$%c$%u", quoted,
                          column_letter (column), (guint) first + 1,
                          column_letter (column), (guint) last + 1);
}

static const char *
listing_header (guint column)
{
  switch (column)
    {
    case COL_NUMBER:        return C_("attendance", "No.");
    case COL_KIND:          return C_("attendance", "Kind");
    case COL_DATE:          return C_("attendance", "Date");
    case COL_TITLE:         return C_("attendance", "Event and programme");
    case COL_HEAD_COUNT:    return C_("attendance", "Head count");
    /* Translators: header of the attendance workbook: the head count of
     * each session, under its event (内訳) */
    case COL_SESSION_COUNT: return C_("attendance", "Per session");
    default:
      g_assert_not_reached ();
    }
}

static char *
dup_pillar_header (guint index)
{
  g_autofree char *mark = dup_pillar_mark (index);

  /* Translators: header of a column of the attendance workbook that
   * marks the events serving pillar %s (①–④) of the national plan:
   * "基本方針①" */
  return g_strdup_printf (C_("attendance", "Pillar %s"), mark);
}

static const double listing_widths[N_COLUMNS] = {
  [COL_NUMBER] = 5,
  [COL_KIND] = 15,
  [COL_DATE] = 17,
  [COL_TITLE] = 52,
  [COL_HEAD_COUNT] = 10,
  [COL_SESSION_COUNT] = 10,
  [COL_PILLAR_1] = 10,
  [COL_PILLAR_1 + 1] = 10,
  [COL_PILLAR_1 + 2] = 10,
  [COL_PILLAR_1 + 3] = 10,
};

static void
write_headers (lxw_worksheet        *sheet,
               lxw_row_t             row,
               const char * const   *headers,
               const double         *widths,
               guint                 n,
               TsuXlsxFormats       *formats)
{
  guint lines = 1;

  for (guint c = 0; c < n; c++)
    {
      worksheet_write_string (sheet, row, c, headers[c], formats->header);
      lines = MAX (lines, tsu_xlsx_count_lines (headers[c], widths[c]));
    }
  worksheet_set_row (sheet, row, lines * TSU_XLSX_LINE_HEIGHT, NULL);
}

/* Writes the listing; returns the last data row in @last_row (the
 * formulas' ranges end there). */
static void
write_listing (lxw_worksheet               *sheet,
               GPtrArray                   *entries,
               const char                  *title,
               TsuXlsxFormats              *formats,
               lxw_row_t                   *last_row_out)
{
  const char *headers[N_COLUMNS];
  g_autoptr(GPtrArray) pillar_headers = g_ptr_array_new_with_free_func (g_free);
  lxw_row_t row = FIRST_ROW;
  lxw_row_t last_row;
  guint total = 0;

  worksheet_write_string (sheet, TITLE_ROW, 0, title, formats->title);
  worksheet_write_string (sheet, INFO_ROW, 0, rule_note (), formats->info);
  worksheet_set_default_row (sheet, TSU_XLSX_LINE_HEIGHT, LXW_FALSE);
  worksheet_set_row (sheet, TITLE_ROW, 24, NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (c >= COL_PILLAR_1)
        {
          g_ptr_array_add (pillar_headers, dup_pillar_header (c - COL_PILLAR_1));
          headers[c] = g_ptr_array_index (pillar_headers, pillar_headers->len - 1);
        }
      else
        headers[c] = listing_header (c);
      worksheet_set_column (sheet, c, c, listing_widths[c], NULL);
    }
  write_headers (sheet, HEADER_ROW, headers, listing_widths, N_COLUMNS, formats);

  if (entries->len == 0)
    {
      for (guint c = 0; c < N_COLUMNS; c++)
        worksheet_write_blank (sheet, row, c, formats->text);
      worksheet_write_string (sheet, row, COL_TITLE, _("No events in this fiscal year."), formats->text);
      row++;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      TsuEvent *event = entry->event;
      guint pillars = tsu_event_get_pillars (event);
      g_autofree char *display = tsu_event_dup_display_title (event);
      lxw_row_t event_row = row++;

      worksheet_write_number (sheet, event_row, COL_NUMBER, i + 1, formats->number);
      worksheet_write_string (sheet, event_row, COL_KIND,
                              tsu_event_kind_to_label (tsu_event_get_kind (event)), formats->text);
      tsu_xlsx_write_date (sheet, event_row, COL_DATE, tsu_event_get_starts_at (event),
                           formats->date, formats->text);
      worksheet_write_string (sheet, event_row, COL_TITLE, display, formats->text);
      worksheet_set_row (sheet, event_row,
                         tsu_xlsx_count_lines (display, listing_widths[COL_TITLE]) * TSU_XLSX_LINE_HEIGHT,
                         NULL);
      worksheet_write_blank (sheet, event_row, COL_SESSION_COUNT, formats->number);
      for (guint p = 0; p < N_PILLARS; p++)
        {
          g_autofree char *mark = dup_pillar_mark (p);

          /* The mark itself, so that SUMIF matches it exactly: wildcards
           * in criteria behave differently between Excel and LibreOffice
           * settings. */
          tsu_xlsx_write_text (sheet, event_row, COL_PILLAR_1 + p,
                               (pillars & (1u << p)) ? mark : NULL, formats->text);
        }

      for (guint s = 0; s < entry->sessions->len; s++)
        {
          TsuEventSession *session = g_ptr_array_index (entry->sessions, s);
          g_autofree char *session_title = dup_session_title (session);
          int head_count = tsu_event_session_get_head_count (session);
          lxw_row_t session_row = row++;

          for (guint c = 0; c < N_COLUMNS; c++)
            worksheet_write_blank (sheet, session_row, c, formats->text);
          tsu_xlsx_write_date (sheet, session_row, COL_DATE,
                               tsu_event_session_get_starts_at (session),
                               formats->date, formats->text);
          worksheet_write_string (sheet, session_row, COL_TITLE, session_title, formats->text);
          worksheet_write_blank (sheet, session_row, COL_HEAD_COUNT, formats->number);
          if (head_count >= 0)
            worksheet_write_number (sheet, session_row, COL_SESSION_COUNT, head_count, formats->number);
          else
            worksheet_write_blank (sheet, session_row, COL_SESSION_COUNT, formats->number);
          worksheet_set_row (sheet, session_row,
                             tsu_xlsx_count_lines (session_title, listing_widths[COL_TITLE]) * TSU_XLSX_LINE_HEIGHT,
                             NULL);
        }

      if (entry->from_sessions)
        {
          /* The sum of the counts below, as a formula, so that a count
           * corrected in the sheet carries through to the totals. */
          g_autofree char *formula =
            g_strdup_printf ("=SUM(%c%u:%c%u)",
                             column_letter (COL_SESSION_COUNT), (guint) event_row + 2,
                             column_letter (COL_SESSION_COUNT), (guint) row);

          worksheet_write_formula_num (sheet, event_row, COL_HEAD_COUNT, formula,
                                       formats->number, entry->head_count);
        }
      else
        worksheet_write_number (sheet, event_row, COL_HEAD_COUNT, entry->head_count, formats->number);
      total += entry->head_count;
    }
  last_row = row - 1;

  {
    g_autofree char *formula =
      g_strdup_printf ("=SUM(%c%u:%c%u)",
                       column_letter (COL_HEAD_COUNT), FIRST_ROW + 1,
                       column_letter (COL_HEAD_COUNT), (guint) last_row + 1);

    for (guint c = 0; c < N_COLUMNS; c++)
      worksheet_write_blank (sheet, row, c, formats->total_label);
    worksheet_write_string (sheet, row, COL_TITLE, C_("attendance", "Total"), formats->total_label);
    worksheet_write_formula_num (sheet, row, COL_HEAD_COUNT, formula, formats->total_number, total);
  }

  worksheet_freeze_panes (sheet, FIRST_ROW, 0);
  tsu_xlsx_setup_page (sheet, TITLE_ROW, HEADER_ROW);
  *last_row_out = last_row;
}

/* Totals by kind and by pillar as COUNTIF and SUMIF over the listing,
 * each with its value computed here stored, so that a reader that does
 * not calculate (a viewer, openpyxl) shows the same numbers. */
static void
write_totals (lxw_worksheet  *sheet,
              GPtrArray      *entries,
              const char     *title,
              const char     *listing_name,
              lxw_row_t       last_row,
              TsuXlsxFormats *formats)
{
  static const double widths[3] = { 18, 10, 12 };
  const char *kind_headers[3] = {
    C_("attendance", "Kind"),
    /* Translators: header of the totals of the attendance workbook:
     * number of events (件数) */
    C_("attendance", "Events"),
    C_("attendance", "Head count"),
  };
  const char *pillar_headers[3] = {
    /* Translators: header of the totals of the attendance workbook (基本方針) */
    C_("attendance", "Pillars"),
    C_("attendance", "Events"),
    C_("attendance", "Head count"),
  };
  g_autofree char *kind_range = dup_range (listing_name, COL_KIND, FIRST_ROW, last_row);
  g_autofree char *count_range = dup_range (listing_name, COL_HEAD_COUNT, FIRST_ROW, last_row);
  guint kind_events[TSU_N_EVENT_KINDS] = { 0 };
  guint kind_counts[TSU_N_EVENT_KINDS] = { 0 };
  guint pillar_events[N_PILLARS] = { 0 };
  guint pillar_counts[N_PILLARS] = { 0 };
  guint all_events = 0;
  guint all_counts = 0;
  lxw_row_t row = HEADER_ROW;
  lxw_row_t first_kind_row;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      TsuEventKind kind = tsu_event_get_kind (entry->event);
      guint pillars = tsu_event_get_pillars (entry->event);

      kind_events[kind]++;
      kind_counts[kind] += entry->head_count;
      all_events++;
      all_counts += entry->head_count;
      for (guint p = 0; p < N_PILLARS; p++)
        if (pillars & (1u << p))
          {
            pillar_events[p]++;
            pillar_counts[p] += entry->head_count;
          }
    }

  worksheet_write_string (sheet, TITLE_ROW, 0, title, formats->title);
  worksheet_set_default_row (sheet, TSU_XLSX_LINE_HEIGHT, LXW_FALSE);
  worksheet_set_row (sheet, TITLE_ROW, 24, NULL);
  for (guint c = 0; c < 3; c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);

  /* By kind: every kind, 0 where there is none, so that the sheet has the
   * same shape every year. */
  write_headers (sheet, row++, kind_headers, widths, 3, formats);
  first_kind_row = row;
  for (guint k = 0; k < TSU_N_EVENT_KINDS; k++, row++)
    {
      g_autofree char *count_formula = g_strdup_printf ("=COUNTIF(%s,A%u)", kind_range, (guint) row + 1);
      g_autofree char *sum_formula = g_strdup_printf ("=SUMIF(%s,A%u,%s)", kind_range, (guint) row + 1,
                                                      count_range);

      worksheet_write_string (sheet, row, 0, tsu_event_kind_to_label (k), formats->text);
      worksheet_write_formula_num (sheet, row, 1, count_formula, formats->number, kind_events[k]);
      worksheet_write_formula_num (sheet, row, 2, sum_formula, formats->number, kind_counts[k]);
    }
  {
    g_autofree char *events_formula = g_strdup_printf ("=SUM(B%u:B%u)", (guint) first_kind_row + 1, (guint) row);
    g_autofree char *count_formula = g_strdup_printf ("=SUM(C%u:C%u)", (guint) first_kind_row + 1, (guint) row);

    worksheet_write_string (sheet, row, 0, C_("attendance", "Total"), formats->total_label);
    worksheet_write_formula_num (sheet, row, 1, events_formula, formats->total_number, all_events);
    worksheet_write_formula_num (sheet, row, 2, count_formula, formats->total_number, all_counts);
    row += 2;
  }

  /* By pillar: no total, since an event serving two pillars counts under
   * both. */
  write_headers (sheet, row++, pillar_headers, widths, 3, formats);
  for (guint p = 0; p < N_PILLARS; p++, row++)
    {
      g_autofree char *mark = dup_pillar_mark (p);
      g_autofree char *pillar_range = dup_range (listing_name, COL_PILLAR_1 + p, FIRST_ROW, last_row);
      g_autofree char *count_formula = g_strdup_printf ("=COUNTIF(%s,A%u)", pillar_range, (guint) row + 1);
      g_autofree char *sum_formula = g_strdup_printf ("=SUMIF(%s,A%u,%s)", pillar_range, (guint) row + 1,
                                                      count_range);

      worksheet_write_string (sheet, row, 0, mark, formats->text);
      worksheet_write_formula_num (sheet, row, 1, count_formula, formats->number, pillar_events[p]);
      worksheet_write_formula_num (sheet, row, 2, sum_formula, formats->number, pillar_counts[p]);
    }
  /* Translators: note under the totals by pillar of the attendance
   * workbook */
  worksheet_write_string (sheet, row, 0,
                          _("An event serving several pillars counts under each of them."),
                          formats->info);

  tsu_xlsx_setup_page (sheet, TITLE_ROW, TITLE_ROW);
}

gboolean
tsu_attendance_report_export_xlsx (TsuDatabase                  *db,
                                   int                           year,
                                   const TsuEventReportOptions  *options,
                                   const char                   *path,
                                   GError                      **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *title = NULL;
  TsuXlsxFormats formats;
  lxw_workbook *workbook;
  lxw_worksheet *listing;
  lxw_worksheet *totals;
  lxw_row_t last_row;
  /* Translators: name of the worksheet listing the year's events with
   * head counts (事業一覧); at most 31 characters, no []:*?/\ */
  const char *listing_name = C_("worksheet", "Events");

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entries = load_entries (db, year, error);
  if (entries == NULL)
    return FALSE;

  temp_path = tsu_report_file_begin (path, error);
  if (temp_path == NULL)
    return FALSE;
  title = dup_title (year, options);
  workbook = tsu_xlsx_workbook_new (temp_path, title, error);
  if (workbook == NULL)
    return FALSE;
  tsu_xlsx_formats_init (&formats, workbook, options->date_style);

  listing = workbook_add_worksheet (workbook, listing_name);
  /* Translators: name of the worksheet of totals by kind and pillar
   * (集計); at most 31 characters, no []:*?/\ */
  totals = workbook_add_worksheet (workbook, C_("worksheet", "Totals"));
  write_listing (listing, entries, title, &formats, &last_row);
  write_totals (totals, entries, title, listing_name, last_row, &formats);

  return tsu_xlsx_workbook_finish (workbook, temp_path, path, error);
}
