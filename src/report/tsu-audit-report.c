/* tsu-audit-report.c: the audit trail as a workbook.
 *
 * The trail grows with every save and is never pruned, so it is not
 * loaded: tsu_audit_foreach() reads it twice, first to measure the
 * columns and count the rows, then to write them, and the worksheet is
 * written in libxlsxwriter's constant_memory mode, which flushes each row
 * to a temporary file as the next one starts. Rows therefore go strictly
 * top to bottom, each row's height set before the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "tsu-attendee.h"
#include "tsu-audit-report.h"
#include "tsu-budget-line.h"
#include "tsu-case.h"
#include "tsu-event.h"
#include "tsu-organization.h"
#include "tsu-referral.h"
#include "tsu-report-file.h"
#include "tsu-xlsx-style.h"

typedef enum
{
  COL_WHEN,
  COL_USER,
  COL_TABLE,
  COL_ROW_ID,
  COL_ACTION,
  COL_FIELD,
  COL_OLD,
  COL_NEW,
  N_COLUMNS
} Column;

#define TITLE_ROW  0
#define INFO_ROW   1
#define HEADER_ROW 2
#define FIRST_ROW  3

/* Excel's autofilter button covers the end of a header. */
#define BUTTON_WIDTH 2.5
#define MIN_WIDTH    6.0
/* A long old or new value wraps rather than making the sheet too wide to
 * print; a very long one is cut at this many lines of height. */
#define MAX_LINES    15
/* Excel refuses longer cell texts. */
#define MAX_CELL_CHARS 32000

static const double max_widths[N_COLUMNS] = { 27, 14, 16, 9, 10, 28, 40, 40 };

static const char *
column_header (Column column)
{
  switch (column)
    {
    /* Translators: columns of the exported audit trail (変更履歴) */
    case COL_WHEN: return C_("audit", "Date and Time");
    case COL_USER: return C_("audit", "User");
    case COL_TABLE: return C_("audit", "Record Type");
    case COL_ROW_ID: return C_("audit", "Record ID");
    case COL_ACTION: return C_("audit", "Action");
    case COL_FIELD: return C_("audit", "Field");
    case COL_OLD: return C_("audit", "Before");
    case COL_NEW: return C_("audit", "After");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

void
tsu_audit_report_options_init (TsuAuditReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->date_style = tsu_report_default_date_style ();
  options->council_name = NULL;
}

/* 2023-12-14, 2023-12-14T15:00 or 2023-12-14T15:00:00 that is a real date. */
static gboolean
is_iso_date_time (const char *value)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:dd";
  size_t length = strlen (value);
  GDate date;
  char day[11];

  if (length != 10 && length != 16 && length != 19)
    return FALSE;
  for (size_t i = 0; i < length; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (value[i]) : value[i] != pattern[i])
      return FALSE;
  memcpy (day, value, 10);
  day[10] = '\0';
  return tsu_date_from_iso (day, &date);
}

typedef enum
{
  VALUE_BOOLEAN,
  VALUE_ORGANIZATION_KIND,
  VALUE_EVENT_KIND,
  VALUE_EVENT_STATUS,
  VALUE_ATTENDEE_STATUS,
  VALUE_FUNDING,
  VALUE_REFERRAL_STATUS,
  VALUE_REFERRAL_REASON,
  VALUE_AGE_BAND,
  VALUE_CONSENT,
  VALUE_LEGAL_BASIS,
  VALUE_CONTACT,
  VALUE_CONCERNS,
} ValueKind;

/* Columns that hold a code or a flag, shown as the words the program
 * uses elsewhere ("会員", "出席", "はい") rather than "member", 1. */
static const struct
{
  const char *table;
  const char *column;
  ValueKind   kind;
} coded_columns[] = {
  { "organizations", "kind", VALUE_ORGANIZATION_KIND },
  { "people", "is_primary", VALUE_BOOLEAN },
  { "events", "kind", VALUE_EVENT_KIND },
  { "events", "status", VALUE_EVENT_STATUS },
  { "attendees", "status", VALUE_ATTENDEE_STATUS },
  { "attendees", "walk_in", VALUE_BOOLEAN },
  { "budget_lines", "funding", VALUE_FUNDING },
  { "budget_lines", "draft", VALUE_BOOLEAN },
  { "cases", "age_band", VALUE_AGE_BAND },
  { "cases", "foreign_resident", VALUE_BOOLEAN },
  { "cases", "consent", VALUE_CONSENT },
  { "cases", "legal_basis", VALUE_LEGAL_BASIS },
  { "cases", "contact", VALUE_CONTACT },
  { "cases", "concerns", VALUE_CONCERNS },
  { "cases", "support_meeting", VALUE_BOOLEAN },
  { "referrals", "status", VALUE_REFERRAL_STATUS },
  { "referrals", "reason", VALUE_REFERRAL_REASON },
};

/* The label of a coded value, or NULL to show it as stored. */
static char *
dup_value_label (ValueKind   kind,
                 const char *value)
{
  switch (kind)
    {
    case VALUE_BOOLEAN:
      if (g_str_equal (value, "0") || g_str_equal (value, "1"))
        return g_strdup (g_str_equal (value, "1") ? _("Yes") : _("No"));
      return NULL;
    case VALUE_ORGANIZATION_KIND:
      {
        TsuOrganizationKind v;

        return tsu_organization_kind_from_text (value, &v) ? g_strdup (tsu_organization_kind_to_label (v)) : NULL;
      }
    case VALUE_EVENT_KIND:
      {
        TsuEventKind v;

        return tsu_event_kind_from_text (value, &v) ? g_strdup (tsu_event_kind_to_label (v)) : NULL;
      }
    case VALUE_EVENT_STATUS:
      {
        TsuEventStatus v;

        return tsu_event_status_from_text (value, &v) ? g_strdup (tsu_event_status_to_label (v)) : NULL;
      }
    case VALUE_ATTENDEE_STATUS:
      {
        TsuAttendeeStatus v;

        return tsu_attendee_status_from_text (value, &v) ? g_strdup (tsu_attendee_status_to_label (v)) : NULL;
      }
    case VALUE_FUNDING:
      {
        TsuFunding v;

        return tsu_funding_from_text (value, &v) ? g_strdup (tsu_funding_to_label (v)) : NULL;
      }
    case VALUE_REFERRAL_STATUS:
      {
        TsuReferralStatus v;

        return tsu_referral_status_from_text (value, &v) ? g_strdup (tsu_referral_status_to_label (v)) : NULL;
      }
    case VALUE_REFERRAL_REASON:
      {
        TsuReferralReason v;

        return tsu_referral_reason_from_text (value, &v) && v != TSU_REASON_NONE
               ? g_strdup (tsu_referral_reason_to_label (v)) : NULL;
      }
    case VALUE_AGE_BAND:
      {
        TsuAgeBand v;

        return tsu_age_band_from_text (value, &v) ? g_strdup (tsu_age_band_to_label (v)) : NULL;
      }
    case VALUE_CONSENT:
      {
        TsuConsent v;

        return tsu_consent_from_text (value, &v) ? g_strdup (tsu_consent_to_label (v)) : NULL;
      }
    case VALUE_LEGAL_BASIS:
      {
        TsuLegalBasis v;

        return tsu_legal_basis_from_text (value, &v) && v != TSU_LEGAL_BASIS_NONE
               ? g_strdup (tsu_legal_basis_to_label (v)) : NULL;
      }
    case VALUE_CONTACT:
      {
        TsuContact v;

        return tsu_contact_from_text (value, &v) ? g_strdup (tsu_contact_to_label (v)) : NULL;
      }
    case VALUE_CONCERNS:
      {
        char *end = NULL;
        guint64 mask = g_ascii_strtoull (value, &end, 10);

        /* Stored as a bit mask. */
        if (end == value || *end != '\0' || mask > G_MAXUINT)
          return NULL;
        return tsu_concerns_to_text ((guint) mask, FALSE);
      }
    default:
      return NULL;
    }
}

char *
tsu_audit_dup_shown_value (const char   *table,
                           const char   *column,
                           const char   *value,
                           TsuDateStyle  date_style)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  if (value == NULL || *value == '\0')
    return NULL;
  /* Not even whether it was long or short: only that it is there. */
  if (tsu_audit_column_is_private (table, column))
    return g_strdup (TSU_AUDIT_HIDDEN);
  if (is_iso_date_time (value))
    return tsu_date_time_format_iso (value, date_style);
  for (guint i = 0; i < G_N_ELEMENTS (coded_columns); i++)
    if (g_str_equal (coded_columns[i].table, table) && g_str_equal (coded_columns[i].column, column))
      {
        char *label = dup_value_label (coded_columns[i].kind, value);

        if (label != NULL)
          return label;
        break;
      }
  return g_strdup (value);
}

/* The cells of the row of @field (NULL: the entry changed no field that
 * is shown) of @entry, as text; the date-time and id are written as a
 * date and a number but measured as this text. */
static void
fill_cells (const TsuAuditEntry *entry,
            const TsuAuditField *field,
            TsuDateStyle         date_style,
            char                *cells[N_COLUMNS])
{
  char *when = tsu_date_time_format_iso (entry->changed_at, date_style);

  /* Seconds too: two saves in one minute are told apart. */
  if (entry->changed_at != NULL && strlen (entry->changed_at) >= 19)
    {
      cells[COL_WHEN] = g_strdup_printf ("%s%s", when, entry->changed_at + 16);
      g_free (when);
    }
  else
    cells[COL_WHEN] = when;
  cells[COL_USER] = g_strdup (entry->user);
  cells[COL_TABLE] = g_strdup (tsu_audit_table_label (entry->table));
  cells[COL_ROW_ID] = g_strdup_printf ("%" G_GINT64_FORMAT, entry->row_id);
  cells[COL_ACTION] = g_strdup (tsu_audit_action_label (entry->action));
  if (field == NULL)
    {
      cells[COL_FIELD] = NULL;
      cells[COL_OLD] = NULL;
      cells[COL_NEW] = NULL;
      return;
    }
  cells[COL_FIELD] = g_strdup (tsu_audit_column_label (entry->table, field->column));
  cells[COL_OLD] = tsu_audit_dup_shown_value (entry->table, field->column, field->old_value, date_style);
  cells[COL_NEW] = tsu_audit_dup_shown_value (entry->table, field->column, field->new_value, date_style);
  for (guint c = COL_OLD; c <= COL_NEW; c++)
    if (cells[c] != NULL && g_utf8_strlen (cells[c], -1) > MAX_CELL_CHARS)
      {
        char *cut = g_utf8_substring (cells[c], 0, MAX_CELL_CHARS);

        g_free (cells[c]);
        cells[c] = g_strconcat (cut, "…", NULL);
        g_free (cut);
      }
}

static void
clear_cells (char *cells[N_COLUMNS])
{
  for (guint c = 0; c < N_COLUMNS; c++)
    g_clear_pointer (&cells[c], g_free);
}

typedef struct
{
  const TsuAuditReportOptions *options;
  /* The first pass. */
  double          widths[N_COLUMNS];
  guint64         n_rows;
  gint64          last_id;
  /* The second. */
  lxw_worksheet  *sheet;
  TsuXlsxFormats  formats;
  lxw_format     *when_format;
  lxw_format     *id_format;
  lxw_row_t       row;
  gboolean        done;     /* stopped at an entry added since the first */
} Writer;

typedef void (*RowFunc) (Writer              *writer,
                         const TsuAuditEntry *entry,
                         char                *cells[N_COLUMNS]);

/* Calls @func with the cells of each row of @entry. */
static void
foreach_row (Writer              *writer,
             const TsuAuditEntry *entry,
             RowFunc              func)
{
  char *cells[N_COLUMNS] = { NULL };
  guint n = entry->fields != NULL ? entry->fields->len : 0;

  if (n == 0)
    {
      fill_cells (entry, NULL, writer->options->date_style, cells);
      func (writer, entry, cells);
      clear_cells (cells);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      fill_cells (entry, g_ptr_array_index (entry->fields, i), writer->options->date_style, cells);
      func (writer, entry, cells);
      clear_cells (cells);
    }
}

static void
measure_row (Writer              *writer,
             const TsuAuditEntry *entry,
             char                *cells[N_COLUMNS])
{
  for (guint c = 0; c < N_COLUMNS; c++)
    writer->widths[c] = MAX (writer->widths[c], tsu_xlsx_text_width (cells[c]));
  writer->n_rows++;
}

static gboolean
measure_entry (const TsuAuditEntry  *entry,
               gpointer              user_data,
               GError              **error)
{
  Writer *writer = user_data;

  foreach_row (writer, entry, measure_row);
  writer->last_id = entry->id;
  return TRUE;
}

static void
write_when (Writer              *writer,
            const TsuAuditEntry *entry,
            const char          *text)
{
  lxw_datetime when = { 0 };
  const char *at = entry->changed_at;

  if (at == NULL
      || sscanf (at, "%4d-%2d-%2dT%2d:%2d:%lf", &when.year, &when.month, &when.day,
                 &when.hour, &when.min, &when.sec) != 6)
    {
      tsu_xlsx_write_text (writer->sheet, writer->row, COL_WHEN, text, writer->formats.text);
      return;
    }
  worksheet_write_datetime (writer->sheet, writer->row, COL_WHEN, &when, writer->when_format);
}

static void
write_row (Writer              *writer,
           const TsuAuditEntry *entry,
           char                *cells[N_COLUMNS])
{
  guint lines = 1;

  /* The date-time and the id are numbers: they never wrap. */
  for (guint c = COL_USER; c < N_COLUMNS; c++)
    if (c != COL_ROW_ID)
      lines = MAX (lines, tsu_xlsx_count_lines (cells[c], writer->widths[c]));
  /* Before the cells: in constant_memory mode a row is written out when
   * the next one starts. */
  worksheet_set_row (writer->sheet, writer->row, MIN (lines, MAX_LINES) * TSU_XLSX_LINE_HEIGHT, NULL);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (c == COL_WHEN)
        write_when (writer, entry, cells[c]);
      else if (c == COL_ROW_ID)
        worksheet_write_number (writer->sheet, writer->row, c, (double) entry->row_id, writer->id_format);
      else
        tsu_xlsx_write_text (writer->sheet, writer->row, c, cells[c], writer->formats.text);
    }
  writer->row++;
}

static gboolean
write_entry (const TsuAuditEntry  *entry,
             gpointer              user_data,
             GError              **error)
{
  Writer *writer = user_data;

  if (entry->id > writer->last_id)
    {
      writer->done = TRUE;
      return FALSE;
    }
  foreach_row (writer, entry, write_row);
  return TRUE;
}

static char *
dup_title (const TsuAuditReportOptions *options)
{
  g_autofree char *council = tsu_report_dup_council_name (options->council_name);

  g_strstrip (council);
  if (*council == '\0')
    return g_strdup (_("Audit Trail"));
  /* Translators: the council's name, then the list's name:
   * "北九州市孤独・孤立対策等連携協議会　参加団体名簿" */
  return g_strdup_printf (_("%s — %s"), council, _("Audit Trail"));
}

static char *
dup_info (const TsuAuditReportOptions *options,
          guint64                      n_rows)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%dT%H:%M");
  g_autofree char *when = tsu_date_time_format_iso (iso, options->date_style);
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, n_rows);
  g_autofree char *count = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *hidden = NULL;

  /* Translators: under the title of the exported audit trail; %s is the
   * number of rows */
  count = g_strdup_printf (ngettext ("%s changed field", "%s changed fields",
                                     (unsigned long) MIN (n_rows, G_MAXULONG)),
                           number);
  /* Translators: under the title of the exported audit trail; %s is a
   * date and time */
  exported = g_strdup_printf (_("Exported %s"), when);
  /* Translators: under the title of the exported audit trail; %s is "…" */
  hidden = g_strdup_printf (_("Case notes and reasons for referring without consent are shown as “%s”."),
                            TSU_AUDIT_HIDDEN);
  return g_strdup_printf ("%s\u3000%s\u3000%s", count, exported, hidden);
}

gboolean
tsu_audit_report_export_xlsx (TsuDatabase                  *db,
                              const TsuAuditReportOptions  *options,
                              const char                   *path,
                              GError                      **error)
{
  g_autofree char *temp_path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *headers[N_COLUMNS];
  Writer writer = { 0 };
  lxw_workbook *workbook;
  lxw_row_t last_row;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer.options = options;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      headers[c] = column_header (c);
      writer.widths[c] = tsu_xlsx_text_width (headers[c]) + BUTTON_WIDTH;
    }
  if (!tsu_audit_foreach (db, measure_entry, &writer, error))
    return FALSE;
  if (writer.n_rows > LXW_ROW_MAX - FIRST_ROW)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, writer.n_rows);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a number of rows */
                   _("The audit trail has %s rows, more than a worksheet can hold."), number);
      return FALSE;
    }
  for (guint c = 0; c < N_COLUMNS; c++)
    /* tsu_xlsx_count_lines() leaves 1.5 for the cell's padding. */
    writer.widths[c] = CLAMP (ceil (writer.widths[c] + 2), MIN_WIDTH, max_widths[c]);

  temp_path = tsu_report_file_begin (path, error);
  if (temp_path == NULL)
    return FALSE;
  title = dup_title (options);
  workbook = tsu_xlsx_workbook_new_streaming (temp_path, title, error);
  if (workbook == NULL)
    return FALSE;
  /* Translators: name of the worksheet of the exported audit trail; at
   * most 31 characters, no []:*?/\ */
  writer.sheet = workbook_add_worksheet (workbook, C_("worksheet", "Audit Trail"));
  tsu_xlsx_formats_init (&writer.formats, workbook, options->date_style);
  writer.when_format = tsu_xlsx_new_format (workbook);
  format_set_border (writer.when_format, LXW_BORDER_THIN);
  format_set_border_color (writer.when_format, 0xB0B0B0);
  format_set_align (writer.when_format, LXW_ALIGN_VERTICAL_TOP);
  format_set_align (writer.when_format, LXW_ALIGN_LEFT);
  if (options->date_style == TSU_DATE_STYLE_WAREKI)
    /* See tsu_xlsx_formats_init() for [$-411]. */
    format_set_num_format (writer.when_format, "[$-411]ggge\"年\"m\"月\"d\"日\" hh:mm:ss");
  else
    format_set_num_format (writer.when_format, "yyyy/mm/dd hh:mm:ss");
  /* A plain number: an id is no amount, no thousands separator. */
  writer.id_format = tsu_xlsx_new_format (workbook);
  format_set_border (writer.id_format, LXW_BORDER_THIN);
  format_set_border_color (writer.id_format, 0xB0B0B0);
  format_set_align (writer.id_format, LXW_ALIGN_VERTICAL_TOP);

  for (guint c = 0; c < N_COLUMNS; c++)
    worksheet_set_column (writer.sheet, c, c, writer.widths[c], NULL);
  worksheet_set_default_row (writer.sheet, TSU_XLSX_LINE_HEIGHT, LXW_FALSE);

  worksheet_set_row (writer.sheet, TITLE_ROW, 24, NULL);
  worksheet_write_string (writer.sheet, TITLE_ROW, 0, title, writer.formats.title);
  info = dup_info (options, writer.n_rows);
  worksheet_write_string (writer.sheet, INFO_ROW, 0, info, writer.formats.info);
  {
    double header_widths[N_COLUMNS];

    for (guint c = 0; c < N_COLUMNS; c++)
      header_widths[c] = writer.widths[c] - BUTTON_WIDTH;
    tsu_xlsx_write_headers (writer.sheet, HEADER_ROW, headers, header_widths, N_COLUMNS,
                            &writer.formats);
  }

  writer.row = FIRST_ROW;
  if (!tsu_audit_foreach (db, write_entry, &writer, &local_error) && !writer.done)
    {
      workbook_close (workbook);
      tsu_report_file_abort (temp_path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  last_row = writer.row > FIRST_ROW ? writer.row - 1 : HEADER_ROW;

  worksheet_freeze_panes (writer.sheet, FIRST_ROW, 0);
  worksheet_autofilter (writer.sheet, HEADER_ROW, 0, last_row, N_COLUMNS - 1);
  tsu_xlsx_setup_page (writer.sheet, HEADER_ROW, HEADER_ROW);

  return tsu_xlsx_workbook_finish (workbook, temp_path, path, error);
}
