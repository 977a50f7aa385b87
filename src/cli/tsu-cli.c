/* tsu-cli.c: the headless sub-commands of CLI.md.
 *
 * The syntax is small and fixed by CLI.md, with options that belong to
 * one sub-command each, so it is parsed by hand rather than with
 * GOptionContext, which knows nothing of sub-commands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-cli.h"
#include "tsu-cli-budget.h"
#include "tsu-cli-events.h"
#include "tsu-cli-referrals.h"
#include "tsu-audit-report.h"
#include "tsu-backup.h"
#include "tsu-database.h"
#include "tsu-demo.h"
#include "tsu-import.h"
#include "tsu-members-report.h"
#include "tsu-organization.h"

typedef struct
{
  const char  *database_path;  /* NULL: the default */
  const char  *command;        /* "import", "export", … */
  GHashTable  *options;        /* "--output" → "file.xlsx", "--update" → "" */
  GPtrArray   *operands;       /* what is not an option */
} Cli;

typedef struct
{
  const char *name;
  const char *usage;             /* translated when printed */
  const char *value_options[6];  /* options that take a value */
  const char *flag_options[4];
  int       (*run) (Cli *cli);
} Command;

static const char * const print_only[] = { "sign-in", "referral-network", NULL };

static int usage_error (Cli        *cli,
                        const char *format,
                        ...) G_GNUC_PRINTF (2, 3);

static int
usage_error (Cli        *cli,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("tsunagu: %s\n", message);
  if (cli != NULL && cli->command != NULL)
    g_printerr (_("Try “tsunagu %s --help” for more information.\n"), cli->command);
  else
    g_printerr (_("Try “tsunagu --help” for more information.\n"));
  return TSU_EXIT_USAGE;
}

/* What an error means for the exit status: the database could not be
 * opened or written (3), or the input or output was at fault (1). */
int
tsu_cli_exit_status_for (const GError *error)
{
  if (error->domain == TSU_STORE_ERROR)
    {
      switch ((TsuStoreError) error->code)
        {
        case TSU_STORE_ERROR_NOT_TSUNAGU:
        case TSU_STORE_ERROR_TOO_NEW:
        case TSU_STORE_ERROR_CANNOT_OPEN:
        case TSU_STORE_ERROR_READ_ONLY:
        case TSU_STORE_ERROR_BUSY:
        case TSU_STORE_ERROR_FAILED:
        case TSU_STORE_ERROR_DAMAGED:
        case TSU_STORE_ERROR_NO_SPACE:
          return TSU_EXIT_DATABASE;
        case TSU_STORE_ERROR_INVALID:
        case TSU_STORE_ERROR_NOT_FOUND:
        case TSU_STORE_ERROR_CONFLICT:
        default:
          return TSU_EXIT_BAD_INPUT;
        }
    }
  return TSU_EXIT_BAD_INPUT;
}

int
tsu_cli_fail (const GError *error)
{
  g_printerr ("tsunagu: %s\n", error->message);
  return tsu_cli_exit_status_for (error);
}

TsuDatabase *
tsu_cli_open_database (const char *path)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GError) error = NULL;
  TsuDatabase *db;

  if (path == NULL)
    path = default_path = tsu_database_default_path ();
  db = tsu_database_open (path, &error);
  if (db == NULL)
    {
      g_printerr ("tsunagu: %s\n", error->message);
      return NULL;
    }
  if (tsu_database_is_on_network_share (db))
    g_printerr ("tsunagu: %s\n",
                _("Warning: the database is on a network share. If two computers write to it at the same time, "
                  "the file can be damaged; keep it on one computer's own disk, or make sure only one computer "
                  "has it open."));
  return db;
}

/* Whatever the reason, the database is what failed. */
static TsuDatabase *
open_database (Cli  *cli,
               int  *status)
{
  TsuDatabase *db = tsu_cli_open_database (cli->database_path);

  if (db == NULL)
    *status = TSU_EXIT_DATABASE;
  return db;
}

static const char *
option (Cli        *cli,
        const char *name)
{
  return g_hash_table_lookup (cli->options, name);
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

static const char *
operand (Cli   *cli,
         guint  index)
{
  return index < cli->operands->len ? g_ptr_array_index (cli->operands, index) : NULL;
}

/* demo */

static int
run_demo (Cli *cli)
{
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int status = TSU_EXIT_OK;

  if (cli->operands->len > 0)
    return usage_error (cli, _("“demo” takes no arguments."));
  db = open_database (cli, &status);
  if (db == NULL)
    return status;
  if (!tsu_demo_fill (db, &error))
    return tsu_cli_fail (error);
  g_print (_("The demo data is in %s.\n"), tsu_database_get_path (db));
  return TSU_EXIT_OK;
}

/* import */

static int
run_import (Cli *cli)
{
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *kind_text = operand (cli, 0);
  const char *file = operand (cli, 1);
  TsuImportFlags flags = TSU_IMPORT_FLAGS_NONE;
  TsuImportKind kind;
  int status = TSU_EXIT_OK;

  if (kind_text == NULL)
    return usage_error (cli, _("Name what to import: organizations, people, events, sessions, attendees, budget, payments or referrals."));
  if (!tsu_import_kind_from_text (kind_text, &kind))
    return usage_error (cli, _("Unknown kind “%s”: write organizations, people, events, sessions, attendees, budget, payments or referrals."), kind_text);
  if (file == NULL)
    return usage_error (cli, _("Name the CSV file to import."));
  if (cli->operands->len > 2)
    return usage_error (cli, _("Import one file at a time."));
  if (option (cli, "--update"))
    flags |= TSU_IMPORT_FLAGS_UPDATE;

  /* Check the file before the database is opened, and maybe created,
   * for nothing. */
  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("%s: there is no such file."), file);

      g_printerr ("tsunagu: %s\n", message);
      return TSU_EXIT_BAD_INPUT;
    }

  db = open_database (cli, &status);
  if (db == NULL)
    return status;
  result = tsu_import_csv (db, kind, file, flags, &error);
  if (result == NULL)
    return tsu_cli_fail (error);
  if (result->problems->len > 0)
    {
      for (guint i = 0; i < result->problems->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (result->problems, i));
      g_printerr ("tsunagu: %s\n", _("Nothing was imported. Correct the rows above and import the file again."));
      return TSU_EXIT_BAD_INPUT;
    }
  /* Imported, but worth a look: a payment past its line's budget. */
  for (guint i = 0; result->warnings != NULL && i < result->warnings->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (result->warnings, i));

  if (kind == TSU_IMPORT_ORGANIZATIONS)
    g_print (ngettext ("%u organisation added, %u updated.\n",
                       "%u organisations added, %u updated.\n", result->added),
             result->added, result->updated);
  else if (!tsu_cli_events_print_imported (kind_text, result->added, result->updated)
           && !tsu_cli_budget_print_imported (kind_text, result->added, result->updated)
           && !tsu_cli_referrals_print_imported (kind_text, result->added, result->updated))
    g_print (ngettext ("%u person added, %u updated.\n",
                       "%u people added, %u updated.\n", result->added),
             result->added, result->updated);
  return TSU_EXIT_OK;
}

/* export and print */

static int
members_options (Cli                     *cli,
                 TsuMembersReportOptions *options)
{
  const char *kind = option (cli, "--kind");

  tsu_members_report_options_init (options);
  if (kind != NULL)
    {
      if (g_ascii_strcasecmp (kind, "all") == 0 || strcmp (kind, "すべて") == 0)
        options->all_kinds = TRUE;
      else if (!tsu_organization_kind_from_text (kind, &options->kind))
        return usage_error (cli, _("Unknown kind “%s”: write member, government, partner or all."), kind);
    }
  options->include_former = option (cli, "--include-former") != NULL;
  return TSU_EXIT_OK;
}

static int
check_what (Cli        *cli,
            const char *what)
{
  if (what == NULL)
    return usage_error (cli, _("Name what to write, for example members."));
  if (cli->operands->len > 1)
    return usage_error (cli, _("Unexpected argument “%s”."), (const char *) g_ptr_array_index (cli->operands, 1));
  return TSU_EXIT_OK;
}

/* The options of other WHATs are known, so that "export attendees
 * --event K" says "not available"; with members they are a mistake. */
static int
reject_options (Cli                *cli,
                const char         *what,
                const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (option (cli, names[i]) != NULL)
      return usage_error (cli, _("The option %s does not apply to %s."), names[i], what);
  return TSU_EXIT_OK;
}

static const char * const not_for_members[] = {
  "--event", "--fiscal-year", "--blank-rows", "--include-cases", NULL
};
static const char * const not_for_organizations[] = {
  "--kind", "--include-former", "--event", "--fiscal-year", "--blank-rows", "--include-cases", NULL
};

/* "export members" and "print members" differ only in what they write. */
static int
write_members (Cli         *cli,
               const char  *output,
               gboolean   (*write) (TsuDatabase                   *db,
                                    const TsuMembersReportOptions *options,
                                    const char                    *path,
                                    GError                       **error))
{
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  TsuMembersReportOptions options;
  int status;

  if ((status = reject_options (cli, "members", not_for_members)) != TSU_EXIT_OK
      || (status = members_options (cli, &options)) != TSU_EXIT_OK)
    return status;
  db = open_database (cli, &status);
  if (db == NULL)
    return status;
  if (!write (db, &options, output, &error))
    return tsu_cli_fail (error);
  return TSU_EXIT_OK;
}

static int
run_export (Cli *cli)
{
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *what = operand (cli, 0);
  const char *output = option (cli, "--output");
  int status;

  if ((status = check_what (cli, what)) != TSU_EXIT_OK)
    return status;

  if (strcmp (what, "members") == 0)
    {
      if (output == NULL)
        return usage_error (cli, _("Name the workbook to write with --output FILE.xlsx."));
      if (!has_suffix (output, ".xlsx"))
        return usage_error (cli, _("The member directory is exported as an Excel workbook: the output must end in .xlsx."));
      return write_members (cli, output, tsu_members_report_export_xlsx);
    }

  if (strcmp (what, "organizations") == 0)
    {
      if (output == NULL)
        return usage_error (cli, _("Name the file to write with --output FILE.csv."));
      if (!has_suffix (output, ".csv"))
        return usage_error (cli, _("Organisations are exported in the import format: the output must end in .csv."));
      if ((status = reject_options (cli, what, not_for_organizations)) != TSU_EXIT_OK)
        return status;
      db = open_database (cli, &status);
      if (db == NULL)
        return status;
      if (!tsu_export_organizations_csv (db, output, &error))
        return tsu_cli_fail (error);
      return TSU_EXIT_OK;
    }

  if (strcmp (what, "audit") == 0)
    {
      TsuAuditReportOptions options;

      if (output == NULL)
        return usage_error (cli, _("Name the workbook to write with --output FILE.xlsx."));
      if (!has_suffix (output, ".xlsx"))
        return usage_error (cli, _("The audit trail is exported as an Excel workbook: the output must end in .xlsx."));
      if ((status = reject_options (cli, what, not_for_organizations)) != TSU_EXIT_OK)
        return status;
      db = open_database (cli, &status);
      if (db == NULL)
        return status;
      tsu_audit_report_options_init (&options);
      if (!tsu_audit_report_export_xlsx (db, &options, output, &error))
        return tsu_cli_fail (error);
      return TSU_EXIT_OK;
    }

  status = tsu_cli_events_export (cli->database_path, what, cli->options);
  if (status != TSU_CLI_NOT_HANDLED)
    return status;
  status = tsu_cli_budget_export (cli->database_path, what, cli->options);
  if (status != TSU_CLI_NOT_HANDLED)
    return status;
  status = tsu_cli_referrals_export (cli->database_path, what, cli->options);
  if (status != TSU_CLI_NOT_HANDLED)
    return status;

  if (g_strv_contains (print_only, what))
    return usage_error (cli, _("“%s” can only be printed: use “tsunagu print %s”."), what, what);
  return usage_error (cli, _("Unknown export “%s”: write members, organizations, attendees, attendance, budget, referrals or audit."), what);
}

static int
run_print (Cli *cli)
{
  const char *what = operand (cli, 0);
  const char *output = option (cli, "--output");
  int status;

  if ((status = check_what (cli, what)) != TSU_EXIT_OK)
    return status;

  if (strcmp (what, "members") == 0)
    {
      if (output == NULL)
        return usage_error (cli, _("Name the PDF file to write with --output FILE.pdf."));
      if (!has_suffix (output, ".pdf"))
        return usage_error (cli, _("The printout is written as PDF: the output must end in .pdf."));
      return write_members (cli, output, tsu_members_report_print_pdf);
    }

  status = tsu_cli_events_print (cli->database_path, what, cli->options);
  if (status != TSU_CLI_NOT_HANDLED)
    return status;
  status = tsu_cli_budget_print (cli->database_path, what, cli->options);
  if (status != TSU_CLI_NOT_HANDLED)
    return status;
  status = tsu_cli_referrals_print (cli->database_path, what, cli->options);
  if (status != TSU_CLI_NOT_HANDLED)
    return status;

  if (strcmp (what, "organizations") == 0)
    return usage_error (cli, _("Organisations are printed as the member directory: use “tsunagu print members”."));
  return usage_error (cli, _("Unknown printout “%s”: write members, attendees, sign-in, attendance, budget, referrals or referral-network."), what);
}

/* report, backup, restore */

static int
run_report (Cli *cli)
{
  const char *what = operand (cli, 0);

  if (what == NULL)
    return usage_error (cli, _("Name the report: referrals."));
  if (cli->operands->len > 1)
    return usage_error (cli, _("Unexpected argument “%s”."), (const char *) g_ptr_array_index (cli->operands, 1));
  if (strcmp (what, "referrals") == 0)
    return tsu_cli_referrals_report (cli->database_path, cli->options);
  return usage_error (cli, _("Unknown report “%s”: write referrals."), what);
}

static int
run_backup (Cli *cli)
{
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *output = option (cli, "--output");
  int status = TSU_EXIT_OK;

  if (cli->operands->len > 0)
    return usage_error (cli, _("Unexpected argument “%s”."), (const char *) g_ptr_array_index (cli->operands, 0));
  if (output == NULL)
    return usage_error (cli, _("Name the backup file to write with --output FILE."));
  db = open_database (cli, &status);
  if (db == NULL)
    return status;
  if (!tsu_database_backup (db, output, &error))
    {
      g_printerr ("tsunagu: %s\n", error->message);
      /* The database was read; it is the copy that could not be made. */
      return g_error_matches (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN)
             ? TSU_EXIT_BAD_INPUT : tsu_cli_exit_status_for (error);
    }
  g_print (_("Backed up to %s.\n"), output);
  return TSU_EXIT_OK;
}

static int
run_restore (Cli *cli)
{
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(TsuBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  const char *backup = operand (cli, 0);
  int status = TSU_EXIT_OK;

  if (backup == NULL)
    return usage_error (cli, _("Name the backup file to restore."));
  if (cli->operands->len > 1)
    return usage_error (cli, _("Unexpected argument “%s”."), (const char *) g_ptr_array_index (cli->operands, 1));
  /* A backup that is not one is bad input; the database is not touched. */
  info = tsu_backup_info_load (backup, &error);
  if (info == NULL)
    {
      g_printerr ("tsunagu: %s\n", error->message);
      return TSU_EXIT_BAD_INPUT;
    }
  db = open_database (cli, &status);
  if (db == NULL)
    return status;
  if (!tsu_database_restore (db, backup, NULL, &error))
    return tsu_cli_fail (error);
  {
    g_autofree char *taken = g_date_time_format (info->taken_at, "%Y-%m-%d %H:%M");

    /* Translators: the date-time of the backup, then the counts */
    g_print (_("Restored the backup of %s: %d organisations, %d events, %d budget lines, %d cases, %d referrals.\n"),
             taken, (int) MAX (info->organizations, 0), (int) MAX (info->events, 0),
             (int) MAX (info->budget_lines, 0), (int) MAX (info->cases, 0), (int) MAX (info->referrals, 0));
    g_print (_("The state before the restore was backed up in %s.\n"), tsu_database_get_backup_folder (db));
  }
  return TSU_EXIT_OK;
}

static const Command commands[] = {
  { "demo",
    N_("Usage: tsunagu [--database FILE] demo\n"
       "\n"
       "Fills an empty database with the demo data: the member organisations\n"
       "and city departments of the council, with made-up contact people, and\n"
       "the events of fiscal year 2023 with their programmes, attendees and\n"
       "the minutes of the 5th council meeting, the budget of fiscal year\n"
       "2023 with a few payments, and about sixty made-up referral cases of\n"
       "fiscal year 2023 (no names, no personal notes).\n"
       "A database that already holds records is left unchanged.\n"),
    { NULL }, { NULL }, run_demo },
  { "import",
    N_("Usage: tsunagu [--database FILE] import KIND FILE.csv [--update]\n"
       "\n"
       "Imports a CSV file (UTF-8 or Shift_JIS, English or Japanese column\n"
       "names) in one go: if any row is wrong, every wrong row is listed and\n"
       "nothing is imported.\n"
       "\n"
       "KIND: organizations, people, events, sessions, attendees, budget, payments,\n"
       "      referrals\n"
       "  --update   rows naming existing records update them\n"
       "\n"
       "Events are named by their key (2023-council-5) in the sessions and\n"
       "attendees files: import the events first.\n"
       "Payments name their budget line by fiscal year and name: import the\n"
       "budget first. A payment that takes a line past its budget is imported\n"
       "with a warning.\n"
       "Referrals are one row per referral with the fields of its case, named\n"
       "by its code; rows of one case must agree on them. The organisations are\n"
       "matched by name (import them first) or are ward counters (門司区役所).\n"
       "A referral without consent or another legal basis is refused: a file\n"
       "cannot give the written override the window asks for.\n"),
    { NULL }, { "--update", NULL }, run_import },
  { "export",
    N_("Usage: tsunagu [--database FILE] export WHAT --output FILE [options]\n"
       "\n"
       "  members         the member directory as FILE.xlsx, 五十音順\n"
       "      --kind member|government|partner|all   (default member)\n"
       "      --include-former                       also those who left\n"
       "  organizations   every organisation as FILE.csv in the import format\n"
       "  attendees       the attendee list of one event as FILE.xlsx\n"
       "      --event KEY                            the event, e.g. 2023-council-5\n"
       "  attendance      the events of a fiscal year with head counts, FILE.xlsx\n"
       "      --fiscal-year Y                        2023, R5 or 令和5\n"
       "  budget          the budget sheet of a fiscal year, FILE.xlsx\n"
       "      --fiscal-year Y                        2023, R5 or 令和5\n"
       "  referrals       the anonymised referral statistics of a fiscal year, FILE.xlsx\n"
       "      --fiscal-year Y                        2023, R5 or 令和5\n"
       "      --include-cases                        add a row per referral (never notes)\n"
       "  audit           the audit trail: every change of every record, FILE.xlsx\n"
       "                  (notes about people in need show as …)\n"),
    { "--output", "--kind", "--event", "--fiscal-year", "--blank-rows", NULL },
    { "--include-former", "--include-cases", NULL }, run_export },
  { "print",
    N_("Usage: tsunagu [--database FILE] print WHAT --output FILE.pdf [options]\n"
       "\n"
       "  members   the member directory, 五十音順\n"
       "      --kind member|government|partner|all   (default member)\n"
       "      --include-former                       also those who left\n"
       "  attendees    the attendee list (出席者名簿) of one event\n"
       "      --event KEY                            the event, e.g. 2023-council-5\n"
       "  sign-in      the sign-in sheet (受付簿) of one event\n"
       "      --event KEY\n"
       "      --blank-rows N                         empty rows for walk-ins (default 5)\n"
       "  attendance   the events of a fiscal year with head counts\n"
       "      --fiscal-year Y                        2023, R5 or 令和5\n"
       "  budget       the budget sheet of a fiscal year\n"
       "      --fiscal-year Y                        2023, R5 or 令和5\n"
       "  referrals    the anonymised referral statistics of a fiscal year\n"
       "      --fiscal-year Y                        2023, R5 or 令和5\n"
       "      --include-cases                        add a row per referral (never notes)\n"
       "  referral-network   the network picture of a fiscal year; the output\n"
       "               may also be FILE.png or FILE.svg\n"
       "      --fiscal-year Y                        2023, R5 or 令和5\n"),
    { "--output", "--kind", "--event", "--fiscal-year", "--blank-rows", NULL },
    { "--include-former", "--include-cases", NULL }, run_print },
  { "report",
    N_("Usage: tsunagu [--database FILE] report referrals --fiscal-year Y [--format json|csv]\n"
       "\n"
       "Writes the anonymised referral statistics of a fiscal year to standard\n"
       "output: counts by status, ward, concern and month, the connection rate,\n"
       "foreign residents and the median days to a connection.\n"
       "  --fiscal-year Y    2023, R5 or 令和5\n"
       "  --format json|csv  (default json)\n"),
    { "--fiscal-year", "--format", NULL }, { NULL }, run_report },
  { "backup",
    N_("Usage: tsunagu [--database FILE] backup --output FILE\n"
       "\n"
       "Writes a consistent copy of the database, even while the window is open.\n"),
    { "--output", NULL }, { NULL }, run_backup },
  { "restore",
    N_("Usage: tsunagu [--database FILE] restore FILE\n"
       "\n"
       "Replaces the content of the database with that of a backup (made by\n"
       "“tsunagu backup” or taken automatically into the “backups” folder\n"
       "beside the database). The current content is backed up first.\n"),
    { NULL }, { NULL }, run_restore },
};

static void
print_usage (void)
{
  g_autofree char *path = tsu_database_default_path ();

  g_print (_("Usage:\n"
             "  tsunagu [--database FILE]                 open the window\n"
             "  tsunagu [--database FILE] demo            fill an empty database with the demo data\n"
             "  tsunagu [--database FILE] import KIND FILE.csv [--update]\n"
             "  tsunagu [--database FILE] export WHAT --output FILE.xlsx|FILE.csv [options]\n"
             "  tsunagu [--database FILE] print WHAT --output FILE.pdf [options]\n"
             "  tsunagu [--database FILE] report referrals --fiscal-year Y [--format json|csv]\n"
             "  tsunagu [--database FILE] backup --output FILE\n"
             "  tsunagu [--database FILE] restore FILE\n"
             "  tsunagu --version | --help | SUB-COMMAND --help\n"
             "\n"
             "Exit status: 0 done, 1 bad input (the database is unchanged), 2 usage,\n"
             "3 the database cannot be opened or written.\n"));
  g_print (_("The database is %s unless --database names another.\n"), path);
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static gboolean
in_list (const char * const *list,
         const char         *name)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Options of a sub-command may come before or after its operands, as
 * "--output FILE" or "--output=FILE". */
static int
parse_command_arguments (Cli           *cli,
                         const Command *command,
                         int            argc,
                         char         **argv,
                         gboolean      *help)
{
  gboolean only_operands = FALSE;

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      g_autofree char *name = NULL;
      const char *value = NULL;
      const char *equals;

      if (only_operands || arg[0] != '-' || strcmp (arg, "-") == 0)
        {
          g_ptr_array_add (cli->operands, (gpointer) arg);
          continue;
        }
      if (strcmp (arg, "--") == 0)
        {
          only_operands = TRUE;
          continue;
        }
      if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          *help = TRUE;
          return TSU_EXIT_OK;
        }

      equals = strchr (arg, '=');
      name = equals ? g_strndup (arg, (gsize) (equals - arg)) : g_strdup (arg);
      if (in_list (command->value_options, name))
        {
          if (equals)
            value = equals + 1;
          else if (i + 1 < argc)
            value = argv[++i];
          else
            return usage_error (cli, _("The option %s needs a value."), name);
          if (*value == '\0')
            return usage_error (cli, _("The option %s needs a value."), name);
        }
      else if (in_list (command->flag_options, name) && equals == NULL)
        value = "";
      else if (strcmp (name, "--database") == 0)
        return usage_error (cli, _("Give --database before the sub-command: tsunagu --database FILE %s …"), command->name);
      else
        return usage_error (cli, _("Unknown option %s."), arg);

      if (g_hash_table_contains (cli->options, name))
        return usage_error (cli, _("The option %s is given twice."), name);
      g_hash_table_insert (cli->options, g_steal_pointer (&name), (gpointer) value);
    }
  return TSU_EXIT_OK;
}

int
tsu_cli_run (int    argc,
             char **argv,
             char **database_path)
{
  g_autoptr(GHashTable) options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) operands = g_ptr_array_new ();
  Cli cli = { NULL, NULL, options, operands };
  const Command *command;
  gboolean help = FALSE;
  int status;
  int i;

  g_return_val_if_fail (database_path != NULL, TSU_EXIT_USAGE);
  *database_path = NULL;

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (strcmp (arg, "--database") == 0)
        {
          if (i + 1 >= argc || *argv[i + 1] == '\0')
            return usage_error (&cli, _("The option %s needs a value."), "--database");
          cli.database_path = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--database="))
        {
          cli.database_path = arg + strlen ("--database=");
          if (*cli.database_path == '\0')
            return usage_error (&cli, _("The option %s needs a value."), "--database");
        }
      else if (strcmp (arg, "--version") == 0)
        {
          g_print ("tsunagu %s\n", PACKAGE_VERSION);
          return TSU_EXIT_OK;
        }
      else if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          print_usage ();
          return TSU_EXIT_OK;
        }
      else if (arg[0] == '-')
        return usage_error (&cli, _("Unknown option %s."), arg);
      else
        break;
    }

  if (i >= argc)
    {
      *database_path = g_strdup (cli.database_path);
      return TSU_CLI_OPEN_WINDOW;
    }

  cli.command = argv[i];
  command = find_command (cli.command);
  if (command == NULL)
    {
      cli.command = NULL;
      return usage_error (&cli, _("Unknown sub-command “%s”."), argv[i]);
    }

  status = parse_command_arguments (&cli, command, argc - i - 1, argv + i + 1, &help);
  if (status != TSU_EXIT_OK)
    return status;
  if (help)
    {
      g_print ("%s", _(command->usage));
      return TSU_EXIT_OK;
    }
  return command->run (&cli);
}
