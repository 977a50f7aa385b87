/* tsu-import-budget.c: the budget and payments files of the CSV import
 * (CLI.md, "CSV files"), all or nothing, through the shared machinery of
 * tsu-import-private.h.
 *
 * A budget line is named by its fiscal year and its name (事業名称): a
 * line already in the database is a bad row unless the import updates.
 * A payment names its line the same way, and the line must be in the
 * database already (the budget file is imported first). Payments have
 * no key of their own: one with the same line, date and amount as a
 * payment already recorded is taken to be that payment, so that a file
 * imported twice is refused instead of paying everything twice; with
 * --update such a row changes the payment's memo.
 *
 * A payment that takes its line past the budget is not an error (the
 * window asks for a confirmation; a file cannot answer one): it is
 * imported and noted in the result's warnings, which the command line
 * prints on stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-amount.h"
#include "tsu-budget-line.h"
#include "tsu-date.h"
#include "tsu-event.h"
#include "tsu-import-budget.h"
#include "tsu-import-private.h"
#include "tsu-payment.h"

enum
{
  BUDGET_FISCAL_YEAR,
  BUDGET_NAME,
  BUDGET_DESCRIPTION,
  BUDGET_PURPOSE,
  BUDGET_TIMING,
  BUDGET_CONTRACTOR,
  BUDGET_AMOUNT,
  BUDGET_PILLARS,
  BUDGET_FUNDING,
  N_BUDGET_COLUMNS
};

/* Japanese names are fixed by the CSV contract, not translations; the
 * seed's own headings (発注先(予算配分), 予算) are accepted too. */
static const TsuImportColumn budget_columns[N_BUDGET_COLUMNS] = {
  [BUDGET_FISCAL_YEAR] = { "fiscal_year", { "年度", NULL }, TRUE },
  [BUDGET_NAME]        = { "name", { "事業名称", "事業名", NULL }, TRUE },
  [BUDGET_DESCRIPTION] = { "description", { "事業内容", NULL }, FALSE },
  [BUDGET_PURPOSE]     = { "purpose", { "目的・期待される効果", "目的", NULL }, FALSE },
  [BUDGET_TIMING]      = { "timing", { "実施時期", NULL }, FALSE },
  [BUDGET_CONTRACTOR]  = { "contractor", { "発注先", "委託先", NULL }, TRUE },
  [BUDGET_AMOUNT]      = { "amount", { "予算配分", "予算額", NULL }, TRUE },
  [BUDGET_PILLARS]     = { "pillars", { "基本方針", NULL }, FALSE },
  [BUDGET_FUNDING]     = { "funding", { "財源", NULL }, FALSE },
};

enum
{
  PAYMENT_FISCAL_YEAR,
  PAYMENT_BUDGET_LINE,
  PAYMENT_PAID_ON,
  PAYMENT_AMOUNT,
  PAYMENT_MEMO,
  N_PAYMENT_COLUMNS
};

static const TsuImportColumn payment_columns[N_PAYMENT_COLUMNS] = {
  [PAYMENT_FISCAL_YEAR] = { "fiscal_year", { "年度", NULL }, TRUE },
  [PAYMENT_BUDGET_LINE] = { "budget_line", { "事業名称", "予算事業", NULL }, TRUE },
  [PAYMENT_PAID_ON]     = { "paid_on", { "支払日", NULL }, TRUE },
  [PAYMENT_AMOUNT]      = { "amount", { "金額", "支払額", NULL }, TRUE },
  [PAYMENT_MEMO]        = { "memo", { "摘要", "メモ", NULL }, FALSE },
};

G_STATIC_ASSERT (N_BUDGET_COLUMNS <= TSU_IMPORT_MAX_COLUMNS);
G_STATIC_ASSERT (N_PAYMENT_COLUMNS <= TSU_IMPORT_MAX_COLUMNS);

/* Hash table values that may be NULL: "looked up, none there". */
static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* The column's name as the file writes it, for messages that name the
 * field ("予算配分: …"). */
static const char *
column_name (TsuImport *imp,
             int        column)
{
  return imp->header[column] ? imp->header[column] : imp->columns[column].name;
}

/* The fiscal year of the row, or 0 (reported) when the cell is empty or
 * not a fiscal year. */
static int
parse_fiscal_year (TsuImport    *imp,
                   TsuCsvRecord *record,
                   int           column)
{
  const char *text = tsu_import_cell (imp, record, column);
  g_autoptr(GError) local_error = NULL;
  int year = 0;

  if (*text == '\0')
    {
      tsu_import_problem (imp, record->line, column,
                          _("Enter the fiscal year, like 2023, 2023年度, R5 or 令和5年度."));
      return 0;
    }
  if (!tsu_fiscal_year_parse (text, &year, &local_error))
    {
      tsu_import_problem (imp, record->line, column, "%s", local_error->message);
      return 0;
    }
  return year;
}

/* Yen from the cell; reported (the message names the column) when the
 * cell is empty or not an amount. */
static gboolean
parse_amount (TsuImport    *imp,
              TsuCsvRecord *record,
              int           column,
              gint64       *yen)
{
  g_autoptr(GError) local_error = NULL;

  *yen = 0;
  if (!tsu_amount_parse (tsu_import_cell (imp, record, column), column_name (imp, column), yen, &local_error))
    {
      tsu_import_problem (imp, record->line, column, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* "2023\nNAME": a line is named by its fiscal year and its name, trimmed
 * and in NFKC as tsu_budget_line_find_by_name() compares. */
static char *
line_key (int         year,
          const char *name)
{
  g_autofree char *normal = tsu_import_normalize (name);

  return g_strdup_printf ("%d\n%s", year, normal);
}

/* Budget lines */

typedef struct
{
  GHashTable *seen;  /* line key → first line of the file */
} BudgetData;

static gboolean
import_budget_row (TsuImport     *imp,
                   TsuCsvRecord  *record,
                   gpointer       user_data,
                   GError       **error)
{
  BudgetData *data = user_data;
  const char *name = tsu_import_cell (imp, record, BUDGET_NAME);
  g_autoptr(TsuBudgetLine) line = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  TsuFunding funding = TSU_FUNDING_NATIONAL;
  guint pillars = 0;
  gint64 amount = 0;
  gboolean is_update = FALSE;
  int year;

  year = parse_fiscal_year (imp, record, BUDGET_FISCAL_YEAR);
  tsu_import_require (imp, record, BUDGET_NAME, _("Enter the name of the project (事業名称)."));
  tsu_import_require (imp, record, BUDGET_CONTRACTOR, _("Enter the contractor (発注先)."));
  parse_amount (imp, record, BUDGET_AMOUNT, &amount);

  if (*tsu_import_cell (imp, record, BUDGET_PILLARS) != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      if (!tsu_pillars_parse (tsu_import_cell (imp, record, BUDGET_PILLARS), &pillars, &local_error))
        tsu_import_problem (imp, record->line, BUDGET_PILLARS, "%s",
                            local_error ? local_error->message : _("Write the policy pillars as numbers from 1 to 4, like 1;3 or ①③."));
    }

  if (*tsu_import_cell (imp, record, BUDGET_FUNDING) != '\0'
      && !tsu_funding_from_text (tsu_import_cell (imp, record, BUDGET_FUNDING), &funding))
    tsu_import_problem (imp, record->line, BUDGET_FUNDING,
                        _("“%s” is not a source of funds. Write national or city (国庫 or 市費)."),
                        tsu_import_cell (imp, record, BUDGET_FUNDING));

  if (year != 0 && *name != '\0')
    {
      g_autofree char *key = line_key (year, name);
      g_autofree char *year_text = tsu_fiscal_year_format (year, TSU_DATE_STYLE_WAREKI);
      gpointer first_line;

      if (g_hash_table_lookup_extended (data->seen, key, NULL, &first_line))
        tsu_import_problem (imp, record->line, BUDGET_NAME,
                            _("“%s” of %s is already on line %u of this file."),
                            name, year_text, GPOINTER_TO_UINT (first_line));
      else
        {
          g_autoptr(GError) local_error = NULL;

          line = tsu_budget_line_find_by_name (imp->db, year, name, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (line != NULL && !(imp->flags & TSU_IMPORT_FLAGS_UPDATE))
            {
              tsu_import_problem (imp, record->line, BUDGET_NAME,
                                  _("The budget of %s already has a line “%s”. Import with --update to change it."),
                                  year_text, name);
              g_clear_object (&line);
            }
          is_update = line != NULL;
          g_hash_table_insert (data->seen, g_steal_pointer (&key), GUINT_TO_POINTER (record->line));
        }
    }

  if (line == NULL)
    line = tsu_budget_line_new (year);

  /* An update changes the columns the file has, and only those; the
   * line keeps its place in the table. */
  tsu_budget_line_set_name (line, name);
  if (tsu_import_has_column (imp, BUDGET_DESCRIPTION))
    tsu_budget_line_set_description (line, tsu_import_cell (imp, record, BUDGET_DESCRIPTION));
  if (tsu_import_has_column (imp, BUDGET_PURPOSE))
    tsu_budget_line_set_purpose (line, tsu_import_cell (imp, record, BUDGET_PURPOSE));
  if (tsu_import_has_column (imp, BUDGET_TIMING))
    tsu_budget_line_set_timing (line, tsu_import_cell (imp, record, BUDGET_TIMING));
  tsu_budget_line_set_contractor (line, tsu_import_cell (imp, record, BUDGET_CONTRACTOR));
  tsu_budget_line_set_amount (line, amount);
  if (tsu_import_has_column (imp, BUDGET_PILLARS) || !is_update)
    tsu_budget_line_set_pillars (line, pillars);
  if (tsu_import_has_column (imp, BUDGET_FUNDING) || !is_update)
    tsu_budget_line_set_funding (line, funding);
  /* A line the file confirms is no longer a draft copied from last year. */
  tsu_budget_line_set_draft (line, FALSE);

  problems = tsu_budget_line_validate (line);
  tsu_import_report_field_problems (imp, record, problems);
  if (imp->row_bad)
    return TRUE;

  if (!tsu_budget_line_save (line, imp->db, error))
    return tsu_import_save_failed (imp, record, error);
  tsu_import_count_saved (imp, is_update);
  return TRUE;
}

/* Payments */

typedef struct
{
  GHashTable *lines;     /* line key → TsuBudgetLine, NULL for none */
  GHashTable *paid;      /* line id → gint64 paid so far, this file included */
  GHashTable *existing;  /* line id → GPtrArray of its recorded payments */
  GHashTable *seen;      /* "ID\nDATE\nAMOUNT" → first line of the file */
} PaymentsData;

/* The line the row names, looked up once per file; NULL (reported) when
 * the fiscal year has no line of that name. */
static TsuBudgetLine *
find_line (TsuImport     *imp,
           PaymentsData  *data,
           TsuCsvRecord  *record,
           int            year,
           GError       **error)
{
  const char *name = tsu_import_cell (imp, record, PAYMENT_BUDGET_LINE);
  g_autofree char *key = line_key (year, name);
  gpointer value;

  if (!g_hash_table_lookup_extended (data->lines, key, NULL, &value))
    {
      g_autoptr(GError) local_error = NULL;

      value = tsu_budget_line_find_by_name (imp->db, year, name, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_hash_table_insert (data->lines, g_steal_pointer (&key), value);
    }
  if (value == NULL)
    {
      g_autofree char *year_text = tsu_fiscal_year_format (year, TSU_DATE_STYLE_WAREKI);

      tsu_import_problem (imp, record->line, PAYMENT_BUDGET_LINE,
                          _("The budget of %s has no line called “%s”. Import the budget first."),
                          year_text, name);
    }
  return value;
}

/* A payment already recorded against @line_id on @paid_on for @amount,
 * or NULL. */
static TsuPayment *
find_recorded (TsuImport     *imp,
               PaymentsData  *data,
               gint64         line_id,
               const char    *paid_on,
               gint64         amount,
               GError       **error)
{
  GPtrArray *payments = g_hash_table_lookup (data->existing, &line_id);

  if (payments == NULL)
    {
      payments = tsu_payment_load_for_line (imp->db, line_id, error);
      if (payments == NULL)
        return NULL;
      g_hash_table_insert (data->existing, g_memdup2 (&line_id, sizeof line_id), payments);
    }
  for (guint i = 0; i < payments->len; i++)
    {
      TsuPayment *payment = g_ptr_array_index (payments, i);

      if (g_strcmp0 (tsu_payment_get_paid_on (payment), paid_on) == 0
          && tsu_payment_get_amount (payment) == amount)
        return payment;
    }
  return NULL;
}

/* Notes a payment that takes its line past the budget: imported all the
 * same, as CLI.md makes it no error and nobody is there to confirm. */
static void
check_overspend (TsuImport     *imp,
                 PaymentsData  *data,
                 TsuCsvRecord  *record,
                 TsuBudgetLine *line,
                 gint64         amount,
                 gint64         replaced)
{
  gint64 id = tsu_budget_line_get_id (line);
  gint64 *paid = g_hash_table_lookup (data->paid, &id);
  gint64 budget = tsu_budget_line_get_amount (line);

  if (paid == NULL)
    {
      paid = g_new (gint64, 1);
      *paid = tsu_budget_line_get_paid (line);
      g_hash_table_insert (data->paid, g_memdup2 (&id, sizeof id), paid);
    }
  *paid += amount - replaced;
  if (*paid > budget && amount > replaced)
    {
      g_autofree char *total = tsu_amount_format (*paid);
      g_autofree char *over = tsu_amount_format (*paid - budget);
      g_autofree char *budget_text = tsu_amount_format (budget);
      g_autofree char *message = g_strdup_printf (_("payments to “%s” now come to %s yen, %s yen more than its budget of %s yen; imported all the same."),
                                                  tsu_budget_line_get_name (line), total, over, budget_text);

      g_ptr_array_add (imp->result->warnings,
                       g_strdup_printf ("%s:%u: %s", imp->display, record->line, message));
    }
}

static gboolean
import_payment_row (TsuImport     *imp,
                    TsuCsvRecord  *record,
                    gpointer       user_data,
                    GError       **error)
{
  PaymentsData *data = user_data;
  g_autoptr(TsuPayment) payment = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *paid_on = NULL;
  TsuBudgetLine *line = NULL;
  gboolean is_update = FALSE;
  gint64 replaced = 0;
  gint64 amount = 0;
  gboolean amount_ok;
  int year;

  year = parse_fiscal_year (imp, record, PAYMENT_FISCAL_YEAR);
  if (*tsu_import_cell (imp, record, PAYMENT_BUDGET_LINE) == '\0')
    tsu_import_problem (imp, record->line, PAYMENT_BUDGET_LINE,
                        _("Enter the name of the budget line (事業名称) the payment is for."));
  else if (year != 0)
    {
      g_autoptr(GError) local_error = NULL;

      line = find_line (imp, data, record, year, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (*tsu_import_cell (imp, record, PAYMENT_PAID_ON) == '\0')
    tsu_import_problem (imp, record->line, PAYMENT_PAID_ON,
                        _("Enter the date of the payment, like 2024-01-31 or 令和6年1月31日."));
  else
    tsu_import_parse_date (imp, record, PAYMENT_PAID_ON, &paid_on);
  amount_ok = parse_amount (imp, record, PAYMENT_AMOUNT, &amount);

  if (line != NULL && paid_on != NULL && amount_ok)
    {
      gint64 line_id = tsu_budget_line_get_id (line);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\n%s\n%" G_GINT64_FORMAT, line_id, paid_on, amount);
      g_autofree char *amount_text = tsu_amount_format (amount);
      g_autoptr(GError) local_error = NULL;
      TsuPayment *recorded;
      gpointer first_line;

      if (g_hash_table_lookup_extended (data->seen, key, NULL, &first_line))
        tsu_import_problem (imp, record->line, PAYMENT_AMOUNT,
                            _("Line %u of this file already pays %s yen to “%s” on the same day."),
                            GPOINTER_TO_UINT (first_line), amount_text, tsu_budget_line_get_name (line));
      else
        {
          recorded = find_recorded (imp, data, line_id, paid_on, amount, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (recorded != NULL && !(imp->flags & TSU_IMPORT_FLAGS_UPDATE))
            tsu_import_problem (imp, record->line, PAYMENT_AMOUNT,
                                _("A payment of %s yen to “%s” on this day is already recorded. Import with --update to change its memo."),
                                amount_text, tsu_budget_line_get_name (line));
          else if (recorded != NULL)
            {
              payment = tsu_payment_copy (recorded);
              replaced = amount;
              is_update = TRUE;
            }
          g_hash_table_insert (data->seen, g_steal_pointer (&key), GUINT_TO_POINTER (record->line));
        }
    }

  if (payment == NULL)
    payment = tsu_payment_new (line ? tsu_budget_line_get_id (line) : 0);
  if (paid_on != NULL)
    tsu_payment_set_paid_on (payment, paid_on);
  tsu_payment_set_amount (payment, amount);
  if (tsu_import_has_column (imp, PAYMENT_MEMO))
    tsu_payment_set_memo (payment, tsu_import_cell (imp, record, PAYMENT_MEMO));

  problems = tsu_payment_validate (payment);
  /* The line was reported above already, in better words. */
  for (guint i = problems->len; i > 0; i--)
    {
      TsuFieldProblem *p = g_ptr_array_index (problems, i - 1);

      if (strcmp (p->field, "budget-line-id") == 0 && line == NULL)
        g_ptr_array_remove_index (problems, i - 1);
    }
  tsu_import_report_field_problems (imp, record, problems);
  if (imp->row_bad)
    return TRUE;

  if (!tsu_payment_save (payment, imp->db, error))
    return tsu_import_save_failed (imp, record, error);
  check_overspend (imp, data, record, line, amount, replaced);
  tsu_import_count_saved (imp, is_update);
  return TRUE;
}

/* Files */

TsuImportResult *
tsu_import_budget_csv (TsuDatabase     *db,
                       const char      *path,
                       TsuImportFlags   flags,
                       GError         **error)
{
  static const char * const tables[] = { "budget_lines", "contractors", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  BudgetData data = { seen };

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tsu_import_run_file (db, path, flags, budget_columns, N_BUDGET_COLUMNS,
                              import_budget_row, &data, tables, error);
}

TsuImportResult *
tsu_import_payments_csv (TsuDatabase     *db,
                         const char      *path,
                         TsuImportFlags   flags,
                         GError         **error)
{
  static const char * const tables[] = { "payments", NULL };
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_if_set);
  g_autoptr(GHashTable) paid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PaymentsData data = { lines, paid, existing, seen };

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tsu_import_run_file (db, path, flags, payment_columns, N_PAYMENT_COLUMNS,
                              import_payment_row, &data, tables, error);
}
