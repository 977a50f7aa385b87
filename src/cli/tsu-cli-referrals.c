/* tsu-cli-referrals.c: the referral tracker's sub-commands of CLI.md —
 * the anonymised statistics of a fiscal year on stdout, as a workbook
 * and as a printout, and the referral network as a picture.
 *
 * Notes never leave the program: none of these writes them, and
 * --include-cases adds case rows without them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-cli.h"
#include "tsu-cli-referrals.h"
#include "tsu-date.h"
#include "tsu-referral-network.h"
#include "tsu-referral-stats.h"
#include "tsu-referrals-report.h"

typedef struct
{
  const char  *command;        /* "export", "print" or "report" */
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

/* The statistics take --fiscal-year (and --include-cases); the options
 * of other WHATs are a mistake here. */
static const char * const not_for_referrals[] = {
  "--kind", "--include-former", "--event", "--blank-rows", NULL
};
static const char * const not_for_network[] = {
  "--kind", "--include-former", "--event", "--blank-rows", "--include-cases", NULL
};

static int
check_options (Request            *request,
               const char         *what,
               const char * const *not_for)
{
  for (guint i = 0; not_for[i] != NULL; i++)
    if (option (request, not_for[i]) != NULL)
      return usage_error (request, _("The option %s does not apply to %s."), not_for[i], what);
  return TSU_EXIT_OK;
}

/* A year that cannot be read is a mistake on the command line, not in an
 * input file. */
static int
check_year (Request *request,
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

/* The statistics as a workbook (@pdf FALSE) or a printout. */
static int
write_statistics (Request  *request,
                  gboolean  pdf)
{
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autoptr(GError) error = NULL;
  TsuReferralsReportOptions options;
  const char *output = option (request, "--output");
  const char *suffix = pdf ? ".pdf" : ".xlsx";
  int status;
  int year = 0;
  gboolean ok;

  if (output == NULL)
    return usage_error (request, pdf ? _("Name the PDF file to write with --output FILE.pdf.")
                                     : _("Name the workbook to write with --output FILE.xlsx."));
  if (!has_suffix (output, suffix))
    return usage_error (request, pdf ? _("The printout is written as PDF: the output must end in .pdf.")
                                     : _("The referral statistics are exported as an Excel workbook: the output must end in .xlsx."));
  if ((status = check_options (request, "referrals", not_for_referrals)) != TSU_EXIT_OK
      || (status = check_year (request, &year)) != TSU_EXIT_OK)
    return status;

  db = tsu_cli_open_database (request->database_path);
  if (db == NULL)
    return TSU_EXIT_DATABASE;
  tsu_referrals_report_options_init (&options);
  options.include_cases = option (request, "--include-cases") != NULL;
  if (pdf)
    {
      print = tsu_referrals_report_new_printout (db, year, &options, &error);
      ok = print != NULL && tsu_table_print_write_pdf (print, output, &error);
    }
  else
    ok = tsu_referrals_report_export_xlsx (db, year, &options, output, &error);
  if (!ok)
    return tsu_cli_fail (error);
  return TSU_EXIT_OK;
}

static int
write_network (Request *request)
{
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(TsuReferralNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  const char *output = option (request, "--output");
  int status;
  int year = 0;

  if (output == NULL)
    return usage_error (request, _("Name the file to write with --output FILE.pdf, FILE.png or FILE.svg."));
  /* The picture's format follows the suffix; another one is a mistake
   * on the command line, found before anything is opened. */
  if (!has_suffix (output, ".pdf") && !has_suffix (output, ".png") && !has_suffix (output, ".svg"))
    return usage_error (request, _("The referral network is written as PDF, PNG or SVG: the output must end in .pdf, .png or .svg."));
  if ((status = check_options (request, "referral-network", not_for_network)) != TSU_EXIT_OK
      || (status = check_year (request, &year)) != TSU_EXIT_OK)
    return status;

  db = tsu_cli_open_database (request->database_path);
  if (db == NULL)
    return TSU_EXIT_DATABASE;
  network = tsu_referral_network_new (db, year, &error);
  if (network == NULL || !tsu_referral_network_write (network, output, &error))
    return tsu_cli_fail (error);
  return TSU_EXIT_OK;
}

int
tsu_cli_referrals_export (const char *database_path,
                          const char *what,
                          GHashTable *options)
{
  Request request = { "export", database_path, options };

  g_return_val_if_fail (what != NULL, TSU_EXIT_USAGE);
  g_return_val_if_fail (options != NULL, TSU_EXIT_USAGE);

  if (strcmp (what, "referrals") != 0)
    return TSU_CLI_NOT_HANDLED;
  return write_statistics (&request, FALSE);
}

int
tsu_cli_referrals_print (const char *database_path,
                         const char *what,
                         GHashTable *options)
{
  Request request = { "print", database_path, options };

  g_return_val_if_fail (what != NULL, TSU_EXIT_USAGE);
  g_return_val_if_fail (options != NULL, TSU_EXIT_USAGE);

  if (strcmp (what, "referrals") == 0)
    return write_statistics (&request, TRUE);
  if (strcmp (what, "referral-network") == 0)
    return write_network (&request);
  return TSU_CLI_NOT_HANDLED;
}

int
tsu_cli_referrals_report (const char *database_path,
                          GHashTable *options)
{
  Request request = { "report", database_path, options };
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TsuReferralStats stats;
  const char *format = option (&request, "--format");
  gboolean csv = FALSE;
  int status;
  int year = 0;

  g_return_val_if_fail (options != NULL, TSU_EXIT_USAGE);

  if (format != NULL)
    {
      if (g_ascii_strcasecmp (format, "csv") == 0)
        csv = TRUE;
      else if (g_ascii_strcasecmp (format, "json") != 0)
        return usage_error (&request, _("Unknown format “%s”: write json or csv."), format);
    }
  if ((status = check_year (&request, &year)) != TSU_EXIT_OK)
    return status;

  db = tsu_cli_open_database (request.database_path);
  if (db == NULL)
    return TSU_EXIT_DATABASE;
  memset (&stats, 0, sizeof stats);
  if (!tsu_referral_stats_compute (db, year, &stats, &error))
    return tsu_cli_fail (error);
  text = csv ? tsu_referral_stats_to_csv (&stats) : tsu_referral_stats_to_json (&stats);
  g_print ("%s", text);
  /* A script reading lines wants the last one ended. */
  if (*text != '\0' && !g_str_has_suffix (text, "\n"))
    g_print ("\n");
  return TSU_EXIT_OK;
}

gboolean
tsu_cli_referrals_print_imported (const char *kind,
                                  guint       added,
                                  guint       updated)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (strcmp (kind, "referrals") != 0)
    return FALSE;
  g_print (ngettext ("%u referral added, %u updated.\n",
                     "%u referrals added, %u updated.\n", added),
           added, updated);
  return TRUE;
}
