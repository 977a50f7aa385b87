/* tsu-members-report.c: the member directory (参加団体名簿) as an Excel
 * workbook and as a printout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "tsu-members-report.h"
#include "tsu-person.h"
#include "tsu-report-file.h"
#include "tsu-xlsx-style.h"

/* One organisation of the list with its representative. */
typedef struct
{
  TsuOrganization *org;
  TsuPerson       *contact;  /* nullable */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->org);
  g_clear_object (&entry->contact);
  g_free (entry);
}

/* Members first, then partners, then the city departments (行政), as the
 * council's minutes list them. */
static const TsuOrganizationKind kind_order[] = {
  TSU_ORGANIZATION_KIND_MEMBER,
  TSU_ORGANIZATION_KIND_PARTNER,
  TSU_ORGANIZATION_KIND_GOVERNMENT,
};

void
tsu_members_report_options_init (TsuMembersReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->all_kinds = FALSE;
  options->kind = TSU_ORGANIZATION_KIND_MEMBER;
  options->include_former = FALSE;
  options->date_style = tsu_report_default_date_style ();
  options->council_name = NULL;
  options->today_iso = NULL;
}

static char *
dup_today_iso (const TsuMembersReportOptions *options)
{
  GDate date;

  if (options->today_iso != NULL && tsu_date_from_iso (options->today_iso, &date))
    return tsu_date_to_iso (&date);
  return tsu_date_today_iso ();
}

/* The representative: the primary contact, or else the first person the
 * organisation has, so the column is not empty for want of a tick. */
static TsuPerson *
load_contact (TsuDatabase      *db,
              TsuOrganization  *org,
              GError          **error)
{
  g_autoptr(GPtrArray) people = NULL;

  people = tsu_person_load_for_organization (db, tsu_organization_get_id (org), error);
  if (people == NULL)
    return NULL;
  if (people->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (people, 0));
}

/* The organisations the options select, grouped by kind (kind_order), each
 * group 五十音順. Returns NULL with @error on a database failure. */
static GPtrArray *
load_entries (TsuDatabase                    *db,
              const TsuMembersReportOptions  *options,
              GError                        **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *today = dup_today_iso (options);

  all = tsu_organization_load_all (db, error);
  if (all == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func (entry_free);
  for (guint k = 0; k < G_N_ELEMENTS (kind_order); k++)
    {
      if (!options->all_kinds && options->kind != kind_order[k])
        continue;
      /* load_all() is already in reading order. */
      for (guint i = 0; i < all->len; i++)
        {
          TsuOrganization *org = g_ptr_array_index (all, i);
          GError *local_error = NULL;
          Entry *entry;

          if (tsu_organization_get_kind (org) != kind_order[k])
            continue;
          if (!options->include_former && !tsu_organization_is_current (org, today))
            continue;

          entry = g_new0 (Entry, 1);
          entry->org = g_object_ref (org);
          entry->contact = load_contact (db, org, &local_error);
          if (local_error != NULL)
            {
              entry_free (entry);
              g_propagate_error (error, local_error);
              return NULL;
            }
          g_ptr_array_add (entries, entry);
        }
    }
  return g_steal_pointer (&entries);
}

static char *
dup_council_name (const TsuMembersReportOptions *options)
{
  return tsu_report_dup_council_name (options->council_name);
}

static const char *
list_name (const TsuMembersReportOptions *options)
{
  if (options->all_kinds)
    /* Translators: title of the list of every organisation */
    return _("Directory of Members and Partners");

  switch (options->kind)
    {
    case TSU_ORGANIZATION_KIND_GOVERNMENT:
      /* Translators: title of the list of city departments */
      return _("Directory of City Officials");
    case TSU_ORGANIZATION_KIND_PARTNER:
      /* Translators: title of the list of partner organisations */
      return _("Directory of Partners");
    case TSU_ORGANIZATION_KIND_MEMBER:
    default:
      /* Translators: title of the member directory (参加団体名簿) */
      return _("Member Directory");
    }
}

static char *
dup_title (const TsuMembersReportOptions *options)
{
  g_autofree char *council = dup_council_name (options);

  g_strstrip (council);
  if (*council == '\0')
    return g_strdup (list_name (options));
  /* Translators: the council's name, then the list's name:
   * "北九州市孤独・孤立対策等連携協議会　参加団体名簿" */
  return g_strdup_printf (_("%s — %s"), council, list_name (options));
}

static const char *
section_heading (TsuOrganizationKind kind)
{
  switch (kind)
    {
    case TSU_ORGANIZATION_KIND_GOVERNMENT:
      /* Translators: section of a printed list: city officials (行政関係者) */
      return _("City officials");
    case TSU_ORGANIZATION_KIND_PARTNER:
      /* Translators: section of a printed list (協力団体) */
      return _("Partner organizations");
    case TSU_ORGANIZATION_KIND_MEMBER:
    default:
      /* Translators: section of a printed list (参加団体) */
      return _("Member organizations");
    }
}

static const char *
subtitle (void)
{
  /* Translators: printed under the title of lists of people and
   * organisations: 敬称略・五十音順 */
  return _("Honorifics omitted, in kana order");
}

static void
set_report_date (GDate                         *date,
                 const TsuMembersReportOptions *options)
{
  g_autofree char *today = dup_today_iso (options);

  g_date_clear (date, 1);
  if (!tsu_date_from_iso (today, date))
    g_date_set_time_t (date, time (NULL));
}

/* The printout. */

static char *
dup_contact_text (Entry *entry)
{
  const char *title;
  const char *name;

  if (entry->contact == NULL)
    return g_strdup ("");
  title = tsu_person_get_title (entry->contact);
  name = tsu_person_get_name (entry->contact);
  if (title == NULL || *title == '\0')
    return g_strdup (name ? name : "");
  /* The title above the name keeps a narrow column tidy. */
  return g_strdup_printf ("%s\n%s", title, name ? name : "");
}

static char *
dup_address_text (TsuOrganization *org)
{
  const char *address = tsu_organization_get_address (org);
  const char *ward = tsu_organization_get_ward (org);

  if (address != NULL && *address != '\0')
    return g_strdup (address);
  return g_strdup (ward ? ward : "");
}

TsuTablePrint *
tsu_members_report_new_printout (TsuDatabase                    *db,
                                 const TsuMembersReportOptions  *options,
                                 GError                        **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autofree char *title = NULL;
  TsuOrganizationKind section = TSU_ORGANIZATION_KIND_MEMBER;
  guint number = 0;
  GDate date;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entries = load_entries (db, options, error);
  if (entries == NULL)
    return NULL;

  title = dup_title (options);
  print = tsu_table_print_new (title, subtitle ());
  set_report_date (&date, options);
  tsu_table_print_set_date (print, &date, options->date_style);

  /* Portrait, as the secretariat's lists are: six columns fit at 9 pt with
   * the longer cells wrapping. */
  /* Translators: column of the printed member directory: row number */
  tsu_table_print_add_column (print, C_("member directory", "No."), 0.55);
  /* Translators: column of the printed member directory (団体名) */
  tsu_table_print_add_column (print, C_("member directory", "Organization"), 3.8);
  /* Translators: column of the printed member directory: the
   * representative or contact person (代表者・担当者) */
  tsu_table_print_add_column (print, C_("member directory", "Representative"), 1.9);
  /* Translators: column of the printed member directory (活動分野) */
  tsu_table_print_add_column (print, C_("member directory", "Fields of activity"), 2.3);
  /* Translators: column of the printed member directory (電話) */
  tsu_table_print_add_column (print, C_("member directory", "Phone"), 1.55);
  /* Translators: column of the printed member directory (住所) */
  tsu_table_print_add_column (print, C_("member directory", "Address"), 2.6);
  tsu_table_print_set_column_alignment (print, 0, PANGO_ALIGN_RIGHT);
  /* 093-555-0101 split over two lines is hard to dial. */
  tsu_table_print_set_column_no_wrap (print, 4, TRUE);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      TsuOrganizationKind kind = tsu_organization_get_kind (entry->org);
      g_autofree char *number_text = NULL;
      g_autofree char *name = tsu_organization_dup_display_name (entry->org);
      g_autofree char *contact = dup_contact_text (entry);
      g_autofree char *fields = tsu_organization_dup_fields_text (entry->org);
      g_autofree char *address = dup_address_text (entry->org);
      const char *cells[6];

      /* Each kind is its own numbered section when they are mixed. */
      if (options->all_kinds && (i == 0 || kind != section))
        {
          tsu_table_print_add_section (print, section_heading (kind));
          section = kind;
          number = 0;
        }

      number_text = g_strdup_printf ("%u", ++number);
      cells[0] = number_text;
      cells[1] = name;
      cells[2] = contact;
      cells[3] = fields;
      cells[4] = tsu_organization_get_phone (entry->org);
      cells[5] = address;
      tsu_table_print_add_row (print, cells);
    }

  return g_steal_pointer (&print);
}

gboolean
tsu_members_report_print_pdf (TsuDatabase                    *db,
                              const TsuMembersReportOptions  *options,
                              const char                     *path,
                              GError                        **error)
{
  g_autoptr(TsuTablePrint) print = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  print = tsu_members_report_new_printout (db, options, error);
  if (print == NULL)
    return FALSE;
  return tsu_table_print_write_pdf (print, path, error);
}

/* The workbook. */

enum
{
  COL_LEGAL_FORM,
  COL_NAME,
  COL_READING,
  COL_KIND,
  COL_FIELDS,
  COL_WARD,
  COL_ADDRESS,
  COL_PHONE,
  COL_EMAIL,
  COL_WEBSITE,
  COL_HOURS,
  COL_JOINED,
  COL_LEFT,
  COL_NOTES,
  COL_CONTACT,
  COL_CONTACT_TITLE,
  N_COLUMNS
};

/* Rows of the sheet, from 0. */
#define TITLE_ROW  0
#define INFO_ROW   1
#define HEADER_ROW 2
#define FIRST_ROW  3

/* Column widths are in Excel's units, one digit of the workbook's
 * default font (Calibri 11, 7 pixels); a Japanese character of 游ゴシック
 * 11 pt takes about two. A column is as wide as its longest text up to
 * its cap; longer texts wrap within the cell. The caps keep the sixteen
 * columns readable when the sheet is fitted to one page wide. */
#define MIN_WIDTH  6.0

static const double max_widths[N_COLUMNS] = {
  [COL_LEGAL_FORM] = 14,
  [COL_NAME] = 32,
  [COL_READING] = 24,
  [COL_KIND] = 12,
  [COL_FIELDS] = 26,
  [COL_WARD] = 10,
  [COL_ADDRESS] = 28,
  [COL_PHONE] = 15,
  [COL_EMAIL] = 26,
  [COL_WEBSITE] = 26,
  [COL_HOURS] = 20,
  [COL_JOINED] = 17,
  [COL_LEFT] = 17,
  [COL_NOTES] = 30,
  [COL_CONTACT] = 16,
  [COL_CONTACT_TITLE] = 18,
};

/* A header wraps rather than widen its column beyond this, plus the
 * autofilter's drop-down button. */
#define HEADER_WIDTH 12.0
#define BUTTON_WIDTH 2.5
static const char *
column_header (guint column)
{
  switch (column)
    {
    /* Translators: header of the member directory workbook (法人格) */
    case COL_LEGAL_FORM:    return C_("member directory", "Legal form");
    /* Translators: header of the member directory workbook (団体名) */
    case COL_NAME:          return C_("member directory", "Name");
    /* Translators: header of the member directory workbook: the kana
     * reading of the name (よみがな) */
    case COL_READING:       return C_("member directory", "Reading");
    /* Translators: header of the member directory workbook: member,
     * partner or city department (区分) */
    case COL_KIND:          return C_("member directory", "Kind");
    case COL_FIELDS:        return C_("member directory", "Fields of activity");
    /* Translators: header of the member directory workbook: ward of the
     * city (区) */
    case COL_WARD:          return C_("member directory", "Ward");
    case COL_ADDRESS:       return C_("member directory", "Address");
    case COL_PHONE:         return C_("member directory", "Phone");
    /* Translators: header of the member directory workbook (メール) */
    case COL_EMAIL:         return C_("member directory", "E-mail");
    /* Translators: header of the member directory workbook (ウェブサイト) */
    case COL_WEBSITE:       return C_("member directory", "Web site");
    /* Translators: header of the member directory workbook: hours of
     * service (受付時間) */
    case COL_HOURS:         return C_("member directory", "Hours");
    /* Translators: header of the member directory workbook (加入日) */
    case COL_JOINED:        return C_("member directory", "Joined");
    /* Translators: header of the member directory workbook (退会日) */
    case COL_LEFT:          return C_("member directory", "Left");
    /* Translators: header of the member directory workbook (備考) */
    case COL_NOTES:         return C_("member directory", "Notes");
    /* Translators: header of the member directory workbook: the
     * representative or contact person (代表者・担当者) */
    case COL_CONTACT:       return C_("member directory", "Primary contact");
    /* Translators: header of the member directory workbook: the contact's
     * title (役職) */
    case COL_CONTACT_TITLE: return C_("member directory", "Title");
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  lxw_workbook   *workbook;
  lxw_worksheet  *sheet;
  TsuXlsxFormats  formats;
} Sheet;

#define LINE_HEIGHT TSU_XLSX_LINE_HEIGHT

static void
write_text (Sheet      *sheet,
            lxw_row_t   row,
            lxw_col_t   col,
            const char *text)
{
  tsu_xlsx_write_text (sheet->sheet, row, col, text, sheet->formats.text);
}

static void
write_date (Sheet      *sheet,
            lxw_row_t   row,
            lxw_col_t   col,
            const char *iso)
{
  tsu_xlsx_write_date (sheet->sheet, row, col, iso, sheet->formats.date, sheet->formats.text);
}

static gboolean
is_date_column (guint column)
{
  return column == COL_JOINED || column == COL_LEFT;
}

/* The cells of one organisation's row; dates as ISO text. */
static GStrv
dup_cells (Entry *entry)
{
  TsuOrganization *org = entry->org;
  GStrv cells = g_new0 (char *, N_COLUMNS + 1);

  cells[COL_LEGAL_FORM] = g_strdup (tsu_organization_get_legal_form (org));
  cells[COL_NAME] = g_strdup (tsu_organization_get_name (org));
  cells[COL_READING] = g_strdup (tsu_organization_get_reading (org));
  cells[COL_KIND] = g_strdup (tsu_organization_kind_to_label (tsu_organization_get_kind (org)));
  cells[COL_FIELDS] = tsu_organization_dup_fields_text (org);
  cells[COL_WARD] = g_strdup (tsu_organization_get_ward (org));
  cells[COL_ADDRESS] = g_strdup (tsu_organization_get_address (org));
  cells[COL_PHONE] = g_strdup (tsu_organization_get_phone (org));
  cells[COL_EMAIL] = g_strdup (tsu_organization_get_email (org));
  cells[COL_WEBSITE] = g_strdup (tsu_organization_get_website (org));
  cells[COL_HOURS] = g_strdup (tsu_organization_get_hours (org));
  cells[COL_JOINED] = g_strdup (tsu_organization_get_joined_on (org));
  cells[COL_LEFT] = g_strdup (tsu_organization_get_left_on (org));
  cells[COL_NOTES] = g_strdup (tsu_organization_get_notes (org));
  cells[COL_CONTACT] = g_strdup (entry->contact ? tsu_person_get_name (entry->contact) : NULL);
  cells[COL_CONTACT_TITLE] = g_strdup (entry->contact ? tsu_person_get_title (entry->contact) : NULL);
  /* g_strdup (NULL) leaves holes; the array must stay a full row. */
  for (guint c = 0; c < N_COLUMNS; c++)
    if (cells[c] == NULL)
      cells[c] = g_strdup ("");
  return cells;
}

gboolean
tsu_members_report_export_xlsx (TsuDatabase                    *db,
                                const TsuMembersReportOptions  *options,
                                const char                     *path,
                                GError                        **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date_text = NULL;
  double widths[N_COLUMNS];
  g_autofree char *info = NULL;
  lxw_row_t last_row;
  Sheet sheet = { 0 };
  GDate date;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entries = load_entries (db, options, error);
  if (entries == NULL)
    return FALSE;

  temp_path = tsu_report_file_begin (path, error);
  if (temp_path == NULL)
    return FALSE;

  title = dup_title (options);
  sheet.workbook = tsu_xlsx_workbook_new (temp_path, title, error);
  if (sheet.workbook == NULL)
    return FALSE;

  /* Translators: name of the worksheet of the member directory
   * (参加団体名簿); at most 31 characters, no []:*?/\ */
  sheet.sheet = workbook_add_worksheet (sheet.workbook, C_("worksheet", "Members"));
  tsu_xlsx_formats_init (&sheet.formats, sheet.workbook, options->date_style);

  /* Title, then the subtitle and the date, then the headers. */
  set_report_date (&date, options);
  {
    g_autofree char *formatted = tsu_date_format (&date, options->date_style);

    date_text = g_strdup_printf (_("As of %s"), formatted);
  }
  /* U+3000 reads as a gap in Japanese and as a wide space elsewhere. */
  info = g_strdup_printf ("%s\u3000%s", subtitle (), date_text);
  worksheet_write_string (sheet.sheet, TITLE_ROW, 0, title, sheet.formats.title);
  worksheet_write_string (sheet.sheet, INFO_ROW, 0, info, sheet.formats.info);
  /* 游ゴシック needs taller rows than Excel's default of 15 pt. */
  worksheet_set_default_row (sheet.sheet, LINE_HEIGHT, LXW_FALSE);
  worksheet_set_row (sheet.sheet, TITLE_ROW, 24, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (rows, dup_cells (g_ptr_array_index (entries, i)));

  /* Column widths from the headers and the texts. */
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      double widest = MIN (tsu_xlsx_text_width (column_header (c)), HEADER_WIDTH) + BUTTON_WIDTH;

      if (is_date_column (c))
        /* As wide as the date format, whatever the text. */
        widest = MAX (widest, options->date_style == TSU_DATE_STYLE_WAREKI ? 16 : 11);
      else
        for (guint i = 0; i < rows->len; i++)
          widest = MAX (widest, tsu_xlsx_text_width (((GStrv) g_ptr_array_index (rows, i))[c]));
      /* A little padding; longer text wraps within the cell. */
      widths[c] = CLAMP (ceil (widest + 1), MIN_WIDTH, max_widths[c]);
      worksheet_set_column (sheet.sheet, c, c, widths[c], NULL);
    }

  {
    guint lines = 1;

    for (guint c = 0; c < N_COLUMNS; c++)
      {
        worksheet_write_string (sheet.sheet, HEADER_ROW, c, column_header (c), sheet.formats.header);
        lines = MAX (lines, tsu_xlsx_count_lines (column_header (c), widths[c] - BUTTON_WIDTH));
      }
    worksheet_set_row (sheet.sheet, HEADER_ROW, lines * LINE_HEIGHT, NULL);
  }

  for (guint i = 0; i < rows->len; i++)
    {
      GStrv cells = g_ptr_array_index (rows, i);
      lxw_row_t row = FIRST_ROW + i;
      guint lines = 1;

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (is_date_column (c))
            {
              write_date (&sheet, row, c, cells[c]);
              continue;
            }
          write_text (&sheet, row, c, cells[c]);
          lines = MAX (lines, tsu_xlsx_count_lines (cells[c], widths[c]));
        }
      worksheet_set_row (sheet.sheet, row, lines * LINE_HEIGHT, NULL);
    }
  last_row = rows->len > 0 ? FIRST_ROW + rows->len - 1 : HEADER_ROW;

  worksheet_freeze_panes (sheet.sheet, FIRST_ROW, COL_NAME + 1);
  worksheet_autofilter (sheet.sheet, HEADER_ROW, 0, last_row, N_COLUMNS - 1);

  /* Printing: A4 landscape, one page wide, title and headers on every
   * page, "1 / 3" at the foot. */
  tsu_xlsx_setup_page (sheet.sheet, TITLE_ROW, HEADER_ROW);

  return tsu_xlsx_workbook_finish (sheet.workbook, temp_path, path, error);
}
