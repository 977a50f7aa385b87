/* test-budget.c: amounts, budget lines and payments in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tsu-amount.h"
#include "tsu-audit.h"
#include "tsu-budget-line.h"
#include "tsu-date.h"
#include "tsu-event.h"
#include "tsu-payment.h"

static TsuDatabase *
new_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-budget-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  TsuDatabase *db = tsu_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

static void
test_amount_parse (void)
{
  static const struct { const char *text; gint64 yen; } good[] = {
    { "1158120", 1158120 }, { "1,158,120", 1158120 }, { "￥1,158,120", 1158120 },
    { "¥1,158,120", 1158120 }, { "1,158,120円", 1158120 }, { "１，１５８，１２０", 1158120 },
    { "１１５８１２０円", 1158120 }, { " 0 ", 0 }, { "999,999,999,999", 999999999999 },
  };
  static const char * const bad[] = {
    "-5", "−5", "1.5", "1,158,120.00", "abc", "", "   ", "12a", "1,000,000,000,000",
    "1158120ドル", "▲500",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 yen = -1;
      g_autoptr(GError) error = NULL;

      g_assert_true (tsu_amount_parse (good[i].text, "予算配分", &yen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (yen, ==, good[i].yen);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 yen = 7;
      g_autoptr(GError) error = NULL;

      g_assert_false (tsu_amount_parse (bad[i], "予算配分", &yen, &error));
      g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
      /* The message names the field, and nothing was written. */
      g_assert_true (g_str_has_prefix (error->message, "予算配分"));
      g_assert_cmpint (yen, ==, 7);
    }

  {
    g_autofree char *a = tsu_amount_format (7099480);
    g_autofree char *b = tsu_amount_format (0);
    g_autofree char *c = tsu_amount_format (-1500);

    g_assert_cmpstr (a, ==, "7,099,480");
    g_assert_cmpstr (b, ==, "0");
    g_assert_cmpstr (c, ==, "-1,500");
  }
}

/* Fiscal years turn on 1 April; the era on 2019-05-01 does not move them. */
static void
test_fiscal_year_boundaries (void)
{
  static const struct { const char *iso; int year; const char *wareki; } cases[] = {
    { "2024-03-31", 2023, "令和5年度" },
    { "2024-04-01", 2024, "令和6年度" },
    { "2019-04-30", 2019, "令和元年度" },
    { "2019-05-01", 2019, "令和元年度" },
    { "2019-03-31", 2018, "平成30年度" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      g_autofree char *label = NULL;

      g_assert_true (tsu_date_from_iso (cases[i].iso, &date));
      g_assert_cmpint (tsu_fiscal_year_of (&date), ==, cases[i].year);
      label = tsu_fiscal_year_format (tsu_fiscal_year_of (&date), TSU_DATE_STYLE_WAREKI);
      g_assert_cmpstr (label, ==, cases[i].wareki);
    }
  {
    GDate date;
    g_autofree char *last_heisei = NULL;

    g_assert_true (tsu_date_from_iso ("2019-04-30", &date));
    last_heisei = tsu_date_format (&date, TSU_DATE_STYLE_WAREKI);
    g_assert_cmpstr (last_heisei, ==, "平成31年4月30日");
  }
}

static TsuBudgetLine *
add_line (TsuDatabase *db,
          int          year,
          const char  *name,
          const char  *contractor,
          gint64       amount)
{
  TsuBudgetLine *line = tsu_budget_line_new (year);
  g_autoptr(GError) error = NULL;

  tsu_budget_line_set_name (line, name);
  tsu_budget_line_set_contractor (line, contractor);
  tsu_budget_line_set_amount (line, amount);
  g_assert_true (tsu_budget_line_save (line, db, &error));
  g_assert_no_error (error);
  return line;
}

static void
add_payment (TsuDatabase   *db,
             TsuBudgetLine *line,
             const char    *paid_on,
             gint64         amount)
{
  g_autoptr(TsuPayment) payment = tsu_payment_new (tsu_budget_line_get_id (line));
  g_autoptr(GError) error = NULL;

  tsu_payment_set_paid_on (payment, paid_on);
  tsu_payment_set_amount (payment, amount);
  g_assert_true (tsu_payment_save (payment, db, &error));
  g_assert_no_error (error);
}

static void
test_lines_and_payments (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuBudgetLine) tour = add_line (db, 2023, "支援現場見学バスツアー", "北九州市社会福祉協議会", 1158120);
  g_autoptr(TsuBudgetLine) zero = add_line (db, 2023, "人材確保・育成のためのケーススタディ", "北九州市社会福祉協議会", 0);
  g_autoptr(TsuBudgetLine) novelty = add_line (db, 2023, "孤独・孤立ノベルティ作成", "株式会社成田屋", 465000);
  g_autoptr(TsuBudgetLine) duplicate = tsu_budget_line_new (2023);
  g_autoptr(TsuPayment) over = tsu_payment_new (tsu_budget_line_get_id (tour));
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GArray) years = NULL;
  g_auto(GStrv) contractors = NULL;
  g_autoptr(GError) error = NULL;
  TsuBudgetLine *loaded;

  g_assert_cmpuint (tsu_budget_line_get_position (novelty), ==, 3);

  tsu_budget_line_set_name (duplicate, "支援現場見学バスツアー");
  tsu_budget_line_set_contractor (duplicate, "x");
  g_assert_false (tsu_budget_line_save (duplicate, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  add_payment (db, tour, "2024-01-31", 1000000);
  tsu_payment_set_paid_on (over, "2024-02-29");
  tsu_payment_set_amount (over, 158120);
  g_assert_false (tsu_payment_would_overspend (over, db, NULL));
  tsu_payment_set_amount (over, 158121);
  g_assert_true (tsu_payment_would_overspend (over, db, NULL));

  lines = tsu_budget_line_load_for_fiscal_year (db, 2023, NULL);
  g_assert_cmpuint (lines->len, ==, 3);
  loaded = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (tsu_budget_line_get_name (loaded), ==, "支援現場見学バスツアー");
  g_assert_cmpint (tsu_budget_line_get_paid (loaded), ==, 1000000);
  g_assert_cmpint (tsu_budget_line_get_remaining (loaded), ==, 158120);
  g_assert_cmpint (tsu_budget_line_get_amount (g_ptr_array_index (lines, 1)), ==, 0);

  payments = tsu_payment_load_for_fiscal_year (db, 2023, NULL);
  g_assert_cmpuint (payments->len, ==, 1);

  /* Delete a payment and undo: the same id again. */
  {
    g_autoptr(TsuPayment) payment = g_object_ref (g_ptr_array_index (payments, 0));
    g_autoptr(GPtrArray) after = NULL;

    g_assert_true (tsu_payment_delete (db, tsu_payment_get_id (payment), NULL));
    after = tsu_payment_load_for_line (db, tsu_budget_line_get_id (tour), NULL);
    g_assert_cmpuint (after->len, ==, 0);
    g_assert_true (tsu_database_undo_change (db, tsu_database_get_last_change (db), NULL));
    g_clear_pointer (&after, g_ptr_array_unref);
    after = tsu_payment_load_for_line (db, tsu_budget_line_get_id (tour), NULL);
    g_assert_cmpuint (after->len, ==, 1);
    g_assert_cmpint (tsu_payment_get_id (g_ptr_array_index (after, 0)), ==, tsu_payment_get_id (payment));
  }

  /* Copy into the next year as drafts, once. */
  g_assert_cmpint (tsu_budget_line_copy_year (db, 2023, 2024, NULL), ==, 3);
  g_assert_cmpint (tsu_budget_line_copy_year (db, 2023, 2024, NULL), ==, 0);
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = tsu_budget_line_load_for_fiscal_year (db, 2024, NULL);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_true (tsu_budget_line_get_draft (g_ptr_array_index (lines, 0)));
  g_assert_cmpint (tsu_budget_line_get_paid (g_ptr_array_index (lines, 0)), ==, 0);

  years = tsu_budget_line_list_fiscal_years (db, NULL);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2024);

  contractors = tsu_contractor_list (db, NULL);
  g_assert_cmpuint (g_strv_length (contractors), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) contractors, "株式会社成田屋"));

  /* Soft delete and undo. */
  g_assert_true (tsu_budget_line_delete (db, tsu_budget_line_get_id (zero), NULL));
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = tsu_budget_line_load_for_fiscal_year (db, 2023, NULL);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_true (tsu_database_undo_change (db, tsu_database_get_last_change (db), NULL));
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = tsu_budget_line_load_for_fiscal_year (db, 2023, NULL);
  g_assert_cmpuint (lines->len, ==, 3);
}

static void
test_funding (void)
{
  TsuFunding funding;

  g_assert_true (tsu_funding_from_text ("国庫", &funding));
  g_assert_cmpint (funding, ==, TSU_FUNDING_NATIONAL);
  g_assert_true (tsu_funding_from_text ("city", &funding));
  g_assert_cmpint (funding, ==, TSU_FUNDING_CITY);
  g_assert_false (tsu_funding_from_text ("prefecture", &funding));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/budget/amount-parse", test_amount_parse);
  g_test_add_func ("/budget/fiscal-year-boundaries", test_fiscal_year_boundaries);
  g_test_add_func ("/budget/lines-and-payments", test_lines_and_payments);
  g_test_add_func ("/budget/funding", test_funding);

  return g_test_run ();
}
