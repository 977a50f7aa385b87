/* tsu-cli-events.c: the event planner's sub-commands of CLI.md —
 * attendee lists, sign-in sheets and the year's attendance, with events
 * named by their key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-cli.h"
#include "tsu-cli-events.h"
#include "tsu-date.h"
#include "tsu-event.h"
#include "tsu-events-report.h"

/* More empty rows than this is a typing slip, not a sign-in sheet. */
#define MAX_BLANK_ROWS 1000

typedef struct
{
  const char  *command;        /* "export" or "print" */
  const char  *database_path;
  GHashTable  *options;
} Request;

static int usage_error (Request    *request,
                        const char *format,
                        ...) G_GNUC_PRINTF (2, 3);

static int
usage_error (Request    *request,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("tsunagu: %s\n", message);
  g_printerr (_("Try “tsunagu %s --help” for more information.\n"), request->command);
  return TSU_EXIT_USAGE;
}

static const char *
option (Request    *request,
        const char *name)
{
  return g_hash_table_lookup (request->options, name);
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

/* Options of other WHATs are a mistake here. */
static int
reject_options (Request            *request,
                const char         *what,
                const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (option (request, names[i]) != NULL)
      return usage_error (request, _("The option %s does not apply to %s."), names[i], what);
  return TSU_EXIT_OK;
}

static const char * const not_for_event_lists[] = {
  "--kind", "--include-former", "--fiscal-year", "--blank-rows", "--include-cases", NULL
};
static const char * const not_for_sign_in[] = {
  "--kind", "--include-former", "--fiscal-year", "--include-cases", NULL
};
static const char * const not_for_attendance[] = {
  "--kind", "--include-former", "--event", "--blank-rows", "--include-cases", NULL
};

static int
check_output (Request    *request,
              const char *suffix)
{
  const char *output = option (request, "--output");

  if (output == NULL)
    {
      if (strcmp (suffix, ".xlsx") == 0)
        return usage_error (request, _("Name the workbook to write with --output FILE.xlsx."));
      return usage_error (request, _("Name the PDF file to write with --output FILE.pdf."));
    }
  if (!has_suffix (output, suffix))
    {
      if (strcmp (suffix, ".xlsx") == 0)
        return usage_error (request, _("This is exported as an Excel workbook: the output must end in .xlsx."));
      return usage_error (request, _("The printout is written as PDF: the output must end in .pdf."));
    }
  return TSU_EXIT_OK;
}

static int
check_event_option (Request *request)
{
  if (option (request, "--event") == NULL)
    return usage_error (request, _("Name the event with --event KEY, for example --event 2023-council-5."));
  return TSU_EXIT_OK;
}

static int
parse_fiscal_year_option (Request *request,
                          int     *year)
{
  const char *text = option (request, "--fiscal-year");
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return usage_error (request, _("Name the fiscal year with --fiscal-year, for example --fiscal-year 2023 or R5."));
  if (!tsu_fiscal_year_parse (text, year, &error))
    return usage_error (request, "%s", error->message);
  return TSU_EXIT_OK;
}

static int
parse_blank_rows_option (Request *request,
                         guint   *blank_rows)
{
  const char *text = option (request, "--blank-rows");
  g_autofree char *nfkc = NULL;
  char *end = NULL;
  guint64 value;

  if (text == NULL)
    return TSU_EXIT_OK;
  /* Full-width digits are what a Japanese input method types. */
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (nfkc == NULL || !g_ascii_isdigit (*nfkc)
      || (value = g_ascii_strtoull (nfkc, &end, 10), *end != '\0')
      || value > MAX_BLANK_ROWS)
    return usage_error (request, _("--blank-rows takes a whole number from 0 to %d, not “%s”."),
                        MAX_BLANK_ROWS, text);
  *blank_rows = (guint) value;
  return TSU_EXIT_OK;
}

static TsuDatabase *
open_database (Request *request,
               int     *status)
{
  TsuDatabase *db = tsu_cli_open_database (request->database_path);

  if (db == NULL)
    *status = TSU_EXIT_DATABASE;
  return db;
}

/* The event named by --event; an unknown key is bad input. */
static gint64
find_event (TsuDatabase *db,
            Request     *request,
            int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuEvent) event = NULL;
  g_autofree char *key = NULL;
  const char *text = option (request, "--event");

  key = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (key == NULL)
    key = g_strdup (text);
  g_strstrip (key);
  event = tsu_event_find_by_key (db, key, &error);
  if (error != NULL)
    {
      *status = tsu_cli_fail (error);
      return 0;
    }
  if (event == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no event with the key “%s”. The key is shown on the event’s page, for example 2023-council-5."), text);

      g_printerr ("tsunagu: %s\n", message);
      *status = TSU_EXIT_BAD_INPUT;
      return 0;
    }
  return tsu_event_get_id (event);
}

typedef enum
{
  OUTPUT_ATTENDEES_XLSX,
  OUTPUT_ATTENDEES_PDF,
  OUTPUT_SIGN_IN_PDF,
  OUTPUT_ATTENDANCE_XLSX,
  OUTPUT_ATTENDANCE_PDF,
} Output;

static int
write_output (Request *request,
              Output   output,
              int      year,
              guint    blank_rows)
{
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autoptr(GError) error = NULL;
  TsuEventReportOptions options;
  const char *path = option (request, "--output");
  gint64 event_id = 0;
  int status = TSU_EXIT_OK;
  gboolean ok;

  tsu_event_report_options_init (&options);
  options.blank_rows = blank_rows;

  db = open_database (request, &status);
  if (db == NULL)
    return status;
  if (output != OUTPUT_ATTENDANCE_XLSX && output != OUTPUT_ATTENDANCE_PDF)
    {
      event_id = find_event (db, request, &status);
      if (event_id == 0)
        return status;
    }

  switch (output)
    {
    case OUTPUT_ATTENDEES_XLSX:
      ok = tsu_attendees_report_export_xlsx (db, event_id, &options, path, &error);
      break;
    case OUTPUT_ATTENDEES_PDF:
      print = tsu_attendees_report_new_printout (db, event_id, &options, &error);
      ok = print != NULL && tsu_table_print_write_pdf (print, path, &error);
      break;
    case OUTPUT_SIGN_IN_PDF:
      print = tsu_sign_in_report_new_printout (db, event_id, &options, &error);
      ok = print != NULL && tsu_table_print_write_pdf (print, path, &error);
      /* The overview reminds of events whose sheet was never printed. */
      ok = ok && tsu_event_mark_sign_in_printed (db, event_id, &error);
      break;
    case OUTPUT_ATTENDANCE_XLSX:
      ok = tsu_attendance_report_export_xlsx (db, year, &options, path, &error);
      break;
    case OUTPUT_ATTENDANCE_PDF:
      print = tsu_attendance_report_new_printout (db, year, &options, &error);
      ok = print != NULL && tsu_table_print_write_pdf (print, path, &error);
      break;
    default:
      g_return_val_if_reached (TSU_EXIT_USAGE);
    }
  if (!ok)
    return tsu_cli_fail (error);
  return TSU_EXIT_OK;
}

int
tsu_cli_events_export (const char *database_path,
                       const char *what,
                       GHashTable *options)
{
  Request request = { "export", database_path, options };
  int status;
  int year = 0;

  g_return_val_if_fail (what != NULL, TSU_EXIT_USAGE);
  g_return_val_if_fail (options != NULL, TSU_EXIT_USAGE);

  if (strcmp (what, "attendees") == 0)
    {
      if ((status = check_output (&request, ".xlsx")) != TSU_EXIT_OK
          || (status = reject_options (&request, what, not_for_event_lists)) != TSU_EXIT_OK
          || (status = check_event_option (&request)) != TSU_EXIT_OK)
        return status;
      return write_output (&request, OUTPUT_ATTENDEES_XLSX, 0, 0);
    }
  if (strcmp (what, "attendance") == 0)
    {
      if ((status = check_output (&request, ".xlsx")) != TSU_EXIT_OK
          || (status = reject_options (&request, what, not_for_attendance)) != TSU_EXIT_OK
          || (status = parse_fiscal_year_option (&request, &year)) != TSU_EXIT_OK)
        return status;
      return write_output (&request, OUTPUT_ATTENDANCE_XLSX, year, 0);
    }
  return TSU_CLI_NOT_HANDLED;
}

int
tsu_cli_events_print (const char *database_path,
                      const char *what,
                      GHashTable *options)
{
  Request request = { "print", database_path, options };
  TsuEventReportOptions defaults;
  int status;
  int year = 0;
  guint blank_rows;

  g_return_val_if_fail (what != NULL, TSU_EXIT_USAGE);
  g_return_val_if_fail (options != NULL, TSU_EXIT_USAGE);

  if (strcmp (what, "attendees") == 0)
    {
      if ((status = check_output (&request, ".pdf")) != TSU_EXIT_OK
          || (status = reject_options (&request, what, not_for_event_lists)) != TSU_EXIT_OK
          || (status = check_event_option (&request)) != TSU_EXIT_OK)
        return status;
      return write_output (&request, OUTPUT_ATTENDEES_PDF, 0, 0);
    }
  if (strcmp (what, "sign-in") == 0)
    {
      tsu_event_report_options_init (&defaults);
      blank_rows = defaults.blank_rows;
      if ((status = check_output (&request, ".pdf")) != TSU_EXIT_OK
          || (status = reject_options (&request, what, not_for_sign_in)) != TSU_EXIT_OK
          || (status = check_event_option (&request)) != TSU_EXIT_OK
          || (status = parse_blank_rows_option (&request, &blank_rows)) != TSU_EXIT_OK)
        return status;
      return write_output (&request, OUTPUT_SIGN_IN_PDF, 0, blank_rows);
    }
  if (strcmp (what, "attendance") == 0)
    {
      if ((status = check_output (&request, ".pdf")) != TSU_EXIT_OK
          || (status = reject_options (&request, what, not_for_attendance)) != TSU_EXIT_OK
          || (status = parse_fiscal_year_option (&request, &year)) != TSU_EXIT_OK)
        return status;
      return write_output (&request, OUTPUT_ATTENDANCE_PDF, year, 0);
    }
  return TSU_CLI_NOT_HANDLED;
}

gboolean
tsu_cli_events_print_imported (const char *kind,
                               guint       added,
                               guint       updated)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (strcmp (kind, "events") == 0)
    g_print (ngettext ("%u event added, %u updated.\n",
                       "%u events added, %u updated.\n", added),
             added, updated);
  else if (strcmp (kind, "sessions") == 0)
    g_print (ngettext ("%u session added, %u updated.\n",
                       "%u sessions added, %u updated.\n", added),
             added, updated);
  else if (strcmp (kind, "attendees") == 0)
    g_print (ngettext ("%u attendee added, %u updated.\n",
                       "%u attendees added, %u updated.\n", added),
             added, updated);
  else
    return FALSE;
  return TRUE;
}
