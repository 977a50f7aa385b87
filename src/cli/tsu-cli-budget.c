/* tsu-cli-budget.c: the budget ledger's sub-commands of CLI.md — the
 * budget sheet of a fiscal year as a workbook and as a printout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-budget-report.h"
#include "tsu-cli.h"
#include "tsu-cli-budget.h"
#include "tsu-date.h"

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

/* The budget sheet takes --fiscal-year alone; the options of other WHATs
 * are a mistake here. */
static const char * const not_for_budget[] = {
  "--kind", "--include-former", "--event", "--blank-rows", "--include-cases", NULL
};

static int
check_request (Request    *request,
               const char *suffix,
               int        *year)
{
  const char *output = option (request, "--output");
  const char *text = option (request, "--fiscal-year");
  g_autoptr(GError) error = NULL;

  if (output == NULL)
    {
      if (strcmp (suffix, ".xlsx") == 0)
        return usage_error (request, _("Name the workbook to write with --output FILE.xlsx."));
      return usage_error (request, _("Name the PDF file to write with --output FILE.pdf."));
    }
  if (!has_suffix (output, suffix))
    {
      if (strcmp (suffix, ".xlsx") == 0)
        return usage_error (request, _("The budget sheet is exported as an Excel workbook: the output must end in .xlsx."));
      return usage_error (request, _("The printout is written as PDF: the output must end in .pdf."));
    }
  for (guint i = 0; not_for_budget[i] != NULL; i++)
    if (option (request, not_for_budget[i]) != NULL)
      return usage_error (request, _("The option %s does not apply to %s."), not_for_budget[i], "budget");
  if (text == NULL)
    return usage_error (request, _("Name the fiscal year with --fiscal-year, for example --fiscal-year 2023 or R5."));
  /* A year that cannot be read is a mistake on the command line, not in
   * an input file. */
  if (!tsu_fiscal_year_parse (text, year, &error))
    return usage_error (request, "%s", error->message);
  return TSU_EXIT_OK;
}

static int
write_budget (Request  *request,
              gboolean  pdf,
              int       year)
{
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autoptr(GError) error = NULL;
  TsuBudgetReportOptions options;
  const char *db_path = request->database_path;
  const char *output = option (request, "--output");
  gboolean ok;

  db = tsu_cli_open_database (db_path);
  if (db == NULL)
    return TSU_EXIT_DATABASE;

  tsu_budget_report_options_init (&options);
  if (pdf)
    {
      print = tsu_budget_report_new_printout (db, year, &options, &error);
      ok = print != NULL && tsu_table_print_write_pdf (print, output, &error);
    }
  else
    ok = tsu_budget_report_export_xlsx (db, year, &options, output, &error);
  if (!ok)
    return tsu_cli_fail (error);
  return TSU_EXIT_OK;
}

int
tsu_cli_budget_export (const char *database_path,
                       const char *what,
                       GHashTable *options)
{
  Request request = { "export", database_path, options };
  int status;
  int year = 0;

  g_return_val_if_fail (what != NULL, TSU_EXIT_USAGE);
  g_return_val_if_fail (options != NULL, TSU_EXIT_USAGE);

  if (strcmp (what, "budget") != 0)
    return TSU_CLI_NOT_HANDLED;
  if ((status = check_request (&request, ".xlsx", &year)) != TSU_EXIT_OK)
    return status;
  return write_budget (&request, FALSE, year);
}

int
tsu_cli_budget_print (const char *database_path,
                      const char *what,
                      GHashTable *options)
{
  Request request = { "print", database_path, options };
  int status;
  int year = 0;

  g_return_val_if_fail (what != NULL, TSU_EXIT_USAGE);
  g_return_val_if_fail (options != NULL, TSU_EXIT_USAGE);

  if (strcmp (what, "budget") != 0)
    return TSU_CLI_NOT_HANDLED;
  if ((status = check_request (&request, ".pdf", &year)) != TSU_EXIT_OK)
    return status;
  return write_budget (&request, TRUE, year);
}

gboolean
tsu_cli_budget_print_imported (const char *kind,
                               guint       added,
                               guint       updated)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (strcmp (kind, "budget") == 0)
    g_print (ngettext ("%u budget line added, %u updated.\n",
                       "%u budget lines added, %u updated.\n", added),
             added, updated);
  else if (strcmp (kind, "payments") == 0)
    g_print (ngettext ("%u payment added, %u updated.\n",
                       "%u payments added, %u updated.\n", added),
             added, updated);
  else
    return FALSE;
  return TRUE;
}
