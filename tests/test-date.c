/* test-date.c: 西暦, 和暦 and fiscal years.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tsu-database.h"
#include "tsu-date.h"

static void
assert_parses (const char *text,
               const char *iso)
{
  GDate date;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;

  g_assert_true (tsu_date_parse (text, &date, &error));
  g_assert_no_error (error);
  result = tsu_date_to_iso (&date);
  g_assert_cmpstr (result, ==, iso);
}

static void
assert_refused (const char *text)
{
  GDate date;
  g_autoptr(GError) error = NULL;

  g_assert_false (tsu_date_parse (text, &date, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
}

static void
test_parse (void)
{
  assert_parses ("2023-12-14", "2023-12-14");
  assert_parses ("2023/12/14", "2023-12-14");
  assert_parses ("2023/1/5", "2023-01-05");
  assert_parses ("R5.12.14", "2023-12-14");
  assert_parses ("r5.12.14", "2023-12-14");
  assert_parses ("令和5年12月14日", "2023-12-14");
  assert_parses ("令和元年5月1日", "2019-05-01");
  assert_parses ("平成31年4月30日", "2019-04-30");
  assert_parses ("２０２３年１２月１４日", "2023-12-14");
  assert_parses (" 2024-02-29 ", "2024-02-29");

  assert_refused ("");
  assert_refused ("2023-02-30");
  assert_refused ("2023-13-01");
  assert_refused ("14/12/2023x");
  assert_refused ("令和元年4月1日");  /* still 平成 */
  assert_refused ("tomorrow");
  assert_refused ("23-12-14");
}

static void
test_format (void)
{
  GDate date;
  g_autofree char *wareki = NULL;
  g_autofree char *gregorian = NULL;
  g_autofree char *first = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 14, 12, 2023);
  wareki = tsu_date_format (&date, TSU_DATE_STYLE_WAREKI);
  gregorian = tsu_date_format (&date, TSU_DATE_STYLE_GREGORIAN);
  g_assert_cmpstr (wareki, ==, "令和5年12月14日");
  g_assert_cmpstr (gregorian, ==, "2023年12月14日");

  g_date_set_dmy (&date, 1, 5, 2019);
  first = tsu_date_format (&date, TSU_DATE_STYLE_WAREKI);
  g_assert_cmpstr (first, ==, "令和元年5月1日");
}

static void
test_fiscal_year (void)
{
  static const struct { const char *text; int year; } cases[] = {
    { "2024", 2024 }, { "2024年度", 2024 }, { "R6", 2024 }, { "令和6", 2024 },
    { "令和6年度", 2024 }, { "令和元年度", 2019 }, { "R5", 2023 }, { "２０２３", 2023 },
  };
  GDate date;
  int year;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (tsu_fiscal_year_parse (cases[i].text, &year, NULL));
      g_assert_cmpint (year, ==, cases[i].year);
    }
  g_assert_false (tsu_fiscal_year_parse ("next year", &year, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, 3, 2024);
  g_assert_cmpint (tsu_fiscal_year_of (&date), ==, 2023);
  g_date_set_dmy (&date, 1, 4, 2024);
  g_assert_cmpint (tsu_fiscal_year_of (&date), ==, 2024);

  {
    g_autofree char *r5 = tsu_fiscal_year_format (2023, TSU_DATE_STYLE_WAREKI);
    g_autofree char *r1 = tsu_fiscal_year_format (2019, TSU_DATE_STYLE_WAREKI);
    g_autofree char *h30 = tsu_fiscal_year_format (2018, TSU_DATE_STYLE_WAREKI);
    g_autofree char *g = tsu_fiscal_year_format (2023, TSU_DATE_STYLE_GREGORIAN);

    g_assert_cmpstr (r5, ==, "令和5年度");
    g_assert_cmpstr (r1, ==, "令和元年度");
    g_assert_cmpstr (h30, ==, "平成30年度");
    g_assert_cmpstr (g, ==, "2023年度");
  }
}

static void
test_date_time (void)
{
  static const struct { const char *text; const char *iso; } good[] = {
    { "2023-07-19 15:00", "2023-07-19T15:00" },
    { "2023/7/19 9:05", "2023-07-19T09:05" },
    { "令和5年7月19日 15時00分", "2023-07-19T15:00" },
    { "R5.7.19 15時", "2023-07-19T15:00" },
    { "2023-07-19T15:00", "2023-07-19T15:00" },
    { "2023-07-19", "2023-07-19" },
    { "２０２３－０７－１９　１５：００", "2023-07-19T15:00" },
  };
  static const char * const bad[] = { "2023-07-19 25:00", "2023-07-19 15:61", "2023-07-19 noon", "", "15:00" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *iso = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (tsu_date_time_parse (good[i].text, &iso, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, good[i].iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *iso = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (tsu_date_time_parse (bad[i], &iso, &error));
      g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
      g_assert_null (iso);
    }

  {
    g_autofree char *a = tsu_date_time_format_iso ("2023-07-19T15:00", TSU_DATE_STYLE_WAREKI);
    g_autofree char *b = tsu_date_time_format_iso ("2023-07-19", TSU_DATE_STYLE_GREGORIAN);

    g_assert_cmpstr (a, ==, "令和5年7月19日 15:00");
    g_assert_cmpstr (b, ==, "2023年7月19日");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/fiscal-year", test_fiscal_year);
  g_test_add_func ("/date/date-time", test_date_time);

  return g_test_run ();
}
