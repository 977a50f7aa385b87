/* test-import-budget.c: CSV import of budget lines and payments, all or
 * nothing, with every bad row reported by file, line and column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tsu-budget-line.h"
#include "tsu-event.h"
#include "tsu-import.h"
#include "tsu-payment.h"

typedef struct
{
  char        *dir;
  TsuDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("tsu-import-budget-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->db = tsu_database_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->db);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *bytes,
            gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, bytes, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
write_csv (Fixture    *f,
           const char *name,
           const char *text)
{
  return write_file (f, name, text, -1);
}

static TsuImportResult *
import (Fixture        *f,
        TsuImportKind   kind,
        const char     *path,
        TsuImportFlags  flags)
{
  g_autoptr(GError) error = NULL;
  TsuImportResult *result = tsu_import_csv (f->db, kind, path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
assert_clean (TsuImportResult *result)
{
  for (guint i = 0; i < result->problems->len; i++)
    g_test_message ("unexpected: %s", (const char *) g_ptr_array_index (result->problems, i));
  g_assert_cmpuint (result->problems->len, ==, 0);
}

/* Each expected "LINE: column NAME: " is reported once, after the file's
 * path, with a message containing @also when given; nothing else is. */
static void
assert_problems (TsuImportResult    *result,
                 const char         *path,
                 const char * const *expected,
                 const char         *also)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < result->problems->len; i++)
    g_test_message ("reported: %s", (const char *) g_ptr_array_index (result->problems, i));
  for (guint e = 0; e < n; e++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s:%s", path, expected[e]);
      guint matches = 0;

      for (guint i = 0; i < result->problems->len; i++)
        {
          const char *line = g_ptr_array_index (result->problems, i);

          if (g_str_has_prefix (line, prefix) && strlen (line) > strlen (prefix)
              && (also == NULL || strstr (line + strlen (prefix), also) != NULL))
            matches++;
        }
      if (matches != 1)
        g_error ("expected one problem starting “%s”, found %u", prefix, matches);
    }
  g_assert_cmpuint (result->problems->len, ==, n);
}

static GPtrArray *
lines_of (Fixture *f,
          int      year)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *lines = tsu_budget_line_load_for_fiscal_year (f->db, year, &error);

  g_assert_no_error (error);
  return lines;
}

static TsuBudgetLine *
line_named (Fixture    *f,
            int         year,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  TsuBudgetLine *line = tsu_budget_line_find_by_name (f->db, year, name, &error);

  g_assert_no_error (error);
  if (line == NULL)
    g_error ("no line “%s” in %d", name, year);
  return line;
}

static const char budget_en[] =
  "fiscal_year,name,description,purpose,timing,contractor,amount,pillars,funding\r\n"
  "2023,支援現場見学バスツアー,実際の支援現場を視察・体験する,参加団体の連携強化,2023.12.14,北九州市社会福祉協議会,1158120,4,national\r\n"
  "2023年度,支援者向け能力向上研修会,研修会を実施する。,支援者の能力向上,2024.2.5 2024.2.6,北九州市社会福祉協議会,\"1,158,120\",1;2;3,国庫\r\n"
  "R5,孤独・孤立ノベルティ作成,,,—,株式会社成田屋,\"￥1,158,120\",①③,city\r\n"
  "令和5,いのちをつなぐネットワーク推進会議,,,2023.11.14,株式会社コムディア,\"1,158,120円\",\"1、3\",市費\r\n"
  "令和5年度,人材確保・育成のためのケーススタディ,,,,北九州市社会福祉協議会,\"１，１５８，１２０\",,\r\n"
  "2024,支援現場見学バスツアー,,,,北九州市社会福祉協議会,0,,\r\n";

/* English names, every form of fiscal year, amount, pillars and funding
 * CLI.md allows; the same name in another year is another line. */
static void
test_budget_english (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) next = NULL;
  static const char * const names[] = {
    "支援現場見学バスツアー", "支援者向け能力向上研修会", "孤独・孤立ノベルティ作成",
    "いのちをつなぐネットワーク推進会議", "人材確保・育成のためのケーススタディ",
  };
  static const guint pillars[] = { 0x8, 0x7, 0x5, 0x5, 0 };
  static const TsuFunding funding[] = {
    TSU_FUNDING_NATIONAL, TSU_FUNDING_NATIONAL, TSU_FUNDING_CITY, TSU_FUNDING_CITY, TSU_FUNDING_NATIONAL,
  };

  path = write_csv (f, "budget.csv", budget_en);
  result = import (f, TSU_IMPORT_BUDGET, path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 6);
  g_assert_cmpuint (result->updated, ==, 0);

  lines = lines_of (f, 2023);
  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < lines->len; i++)
    {
      TsuBudgetLine *line = g_ptr_array_index (lines, i);

      /* In the file's order, every amount form the same yen. */
      g_assert_cmpstr (tsu_budget_line_get_name (line), ==, names[i]);
      g_assert_cmpint (tsu_budget_line_get_fiscal_year (line), ==, 2023);
      g_assert_cmpint (tsu_budget_line_get_amount (line), ==, 1158120);
      g_assert_cmpuint (tsu_budget_line_get_pillars (line), ==, pillars[i]);
      g_assert_cmpint (tsu_budget_line_get_funding (line), ==, funding[i]);
      g_assert_false (tsu_budget_line_get_draft (line));
    }
  g_assert_cmpstr (tsu_budget_line_get_timing (g_ptr_array_index (lines, 1)), ==, "2024.2.5 2024.2.6");
  g_assert_cmpstr (tsu_budget_line_get_contractor (g_ptr_array_index (lines, 2)), ==, "株式会社成田屋");
  g_assert_cmpstr (tsu_budget_line_get_description (g_ptr_array_index (lines, 0)), ==, "実際の支援現場を視察・体験する");
  g_assert_cmpstr (tsu_budget_line_get_purpose (g_ptr_array_index (lines, 0)), ==, "参加団体の連携強化");

  next = lines_of (f, 2024);
  g_assert_cmpuint (next->len, ==, 1);
  g_assert_cmpint (tsu_budget_line_get_amount (g_ptr_array_index (next, 0)), ==, 0);
}

static const char budget_ja[] =
  "年度,事業名称,事業内容,目的・期待される効果,実施時期,発注先,予算配分,基本方針,財源\r\n"
  "令和5年度,支援現場見学バスツアー,実際の支援現場を視察・体験する,参加団体の連携強化,2023.12.14,北九州市社会福祉協議会,\"1,158,120\",④,国庫\r\n"
  "令和5年度,孤独・孤立ノベルティ作成,ノベルティを作成する。,孤独・孤立対策の普及・啓発,—,株式会社成田屋,465000円,①③,市費\r\n";

static void
check_japanese_lines (Fixture *f)
{
  g_autoptr(GPtrArray) lines = lines_of (f, 2023);
  TsuBudgetLine *line;

  g_assert_cmpuint (lines->len, ==, 2);
  line = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (tsu_budget_line_get_name (line), ==, "支援現場見学バスツアー");
  g_assert_cmpstr (tsu_budget_line_get_contractor (line), ==, "北九州市社会福祉協議会");
  g_assert_cmpint (tsu_budget_line_get_amount (line), ==, 1158120);
  g_assert_cmpuint (tsu_budget_line_get_pillars (line), ==, 0x8);
  g_assert_cmpint (tsu_budget_line_get_funding (line), ==, TSU_FUNDING_NATIONAL);
  line = g_ptr_array_index (lines, 1);
  g_assert_cmpstr (tsu_budget_line_get_purpose (line), ==, "孤独・孤立対策の普及・啓発");
  g_assert_cmpint (tsu_budget_line_get_amount (line), ==, 465000);
  g_assert_cmpint (tsu_budget_line_get_funding (line), ==, TSU_FUNDING_CITY);
}

/* Japanese column names, in UTF-8 with a byte-order mark as Excel saves
 * "CSV UTF-8". */
static void
test_budget_japanese_bom (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", budget_ja, NULL);
  g_autofree char *path = write_csv (f, "budget-ja.csv", text);
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_BUDGET, path, TSU_IMPORT_FLAGS_NONE);

  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 2);
  check_japanese_lines (f);
}

/* The same file as Excel's plain "CSV" writes it in Japan: Shift_JIS. */
static void
test_budget_japanese_cp932 (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *bytes = g_convert (budget_ja, -1, "CP932", "UTF-8", NULL, &length, &error);
  g_autofree char *path = NULL;
  g_autoptr(TsuImportResult) result = NULL;

  g_assert_no_error (error);
  path = write_file (f, "budget-cp932.csv", bytes, (gssize) length);
  result = import (f, TSU_IMPORT_BUDGET, path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  check_japanese_lines (f);
}

/* Every refused amount is reported on its row with the column's name, as
 * the file writes it; nothing is imported. */
static void
test_budget_bad_amounts (Fixture       *f,
                         gconstpointer  data)
{
  static const char text[] =
    "年度,事業名称,発注先,予算配分\n"
    "2023,良い行,A社,100\n"                      /* 2: fine, but not imported */
    "2023,負の額,A社,\"-1,000\"\n"               /* 3 */
    "2023,端数,A社,1000.5\n"                     /* 4 */
    "2023,文字,A社,未定\n"                       /* 5 */
    "2023,大きすぎ,A社,\"1,000,000,000,000\"\n"  /* 6 */
    "2023,空,A社,\n";                            /* 7 */
  static const char * const expected[] = {
    "3: column 予算配分: ", "4: column 予算配分: ", "5: column 予算配分: ",
    "6: column 予算配分: ", "7: column 予算配分: ", NULL
  };
  g_autofree char *path = write_csv (f, "bad-amounts.csv", text);
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_BUDGET, path, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(GPtrArray) lines = NULL;

  /* The message itself names the field too (tsu_amount_parse()). */
  assert_problems (result, path, expected, "予算配分");
  lines = lines_of (f, 2023);
  g_assert_cmpuint (lines->len, ==, 0);

  /* In an English file the column is "amount". */
  {
    static const char en[] = "fiscal_year,name,contractor,amount\n2023,x,A社,-5\n";
    static const char * const expected_en[] = { "2: column amount: ", NULL };
    g_autofree char *en_path = write_csv (f, "bad-amount-en.csv", en);
    g_autoptr(TsuImportResult) en_result = import (f, TSU_IMPORT_BUDGET, en_path, TSU_IMPORT_FLAGS_NONE);

    assert_problems (en_result, en_path, expected_en, "amount");
  }
}

/* Other bad cells, each on its own column; a bad file changes nothing. */
static void
test_budget_bad_rows (Fixture       *f,
                      gconstpointer  data)
{
  static const char text[] =
    "fiscal_year,name,contractor,amount,pillars,funding\n"
    "平成,x,A社,1,,\n"       /* 2 */
    "2023,,A社,1,,\n"        /* 3 */
    "2023,y,,1,,\n"          /* 4 */
    "2023,z,A社,1,5,\n"      /* 5 */
    "2023,w,A社,1,,県費\n";  /* 6 */
  static const char * const expected[] = {
    "2: column fiscal_year: ", "3: column name: ", "4: column contractor: ",
    "5: column pillars: ", "6: column funding: ", NULL
  };
  g_autofree char *path = write_csv (f, "bad-rows.csv", text);
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_BUDGET, path, TSU_IMPORT_FLAGS_NONE);

  assert_problems (result, path, expected, NULL);
  g_assert_cmpuint (result->added, ==, 0);
}

/* A line of the same fiscal year and name is a bad row, in the database
 * or earlier in the file, unless --update; then it changes the columns
 * the file has and keeps the line's place. */
static void
test_budget_duplicate_and_update (Fixture       *f,
                                  gconstpointer  data)
{
  static const char first[] =
    "fiscal_year,name,contractor,amount,pillars,timing\n"
    "2023,支援現場見学バスツアー,北九州市社会福祉協議会,1158120,4,2023.12.14\n"
    "2023,支援者向け能力向上研修会,北九州市社会福祉協議会,844340,1;2;3,2024.2.5\n";
  static const char again[] =
    "年度,事業名称,発注先,予算配分\n"
    "R5,支援現場見学バスツアー,北九州市社会福祉協議会,\"1,200,000\"\n"
    "R5,新しい事業,株式会社成田屋,10\n"
    "R5,新しい事業,株式会社成田屋,20\n";
  static const char * const expected[] = { "2: column 事業名称: ", "4: column 事業名称: ", NULL };
  static const char * const expected_update[] = { "4: column 事業名称: ", NULL };
  static const char update[] =
    "年度,事業名称,発注先,予算配分\n"
    "R5,支援現場見学バスツアー,北九州市社会福祉協議会,\"1,200,000\"\n"
    "R5,新しい事業,株式会社成田屋,10\n";
  g_autofree char *first_path = write_csv (f, "first.csv", first);
  g_autofree char *again_path = write_csv (f, "again.csv", again);
  g_autofree char *update_path = write_csv (f, "update.csv", update);
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(TsuBudgetLine) tour = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  result = import (f, TSU_IMPORT_BUDGET, first_path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  g_clear_pointer (&result, tsu_import_result_free);

  result = import (f, TSU_IMPORT_BUDGET, again_path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (result, again_path, expected, NULL);
  g_clear_pointer (&result, tsu_import_result_free);
  /* Even with --update a name twice in one file is a mistake. */
  result = import (f, TSU_IMPORT_BUDGET, again_path, TSU_IMPORT_FLAGS_UPDATE);
  assert_problems (result, again_path, expected_update, NULL);
  g_clear_pointer (&result, tsu_import_result_free);
  lines = lines_of (f, 2023);
  g_assert_cmpuint (lines->len, ==, 2);
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* A trial run counts and changes nothing. */
  result = import (f, TSU_IMPORT_BUDGET, update_path, TSU_IMPORT_FLAGS_UPDATE | TSU_IMPORT_FLAGS_DRY_RUN);
  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 1);
  g_assert_cmpuint (result->updated, ==, 1);
  g_clear_pointer (&result, tsu_import_result_free);
  tour = line_named (f, 2023, "支援現場見学バスツアー");
  g_assert_cmpint (tsu_budget_line_get_amount (tour), ==, 1158120);
  g_clear_object (&tour);

  result = import (f, TSU_IMPORT_BUDGET, update_path, TSU_IMPORT_FLAGS_UPDATE);
  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 1);
  g_assert_cmpuint (result->updated, ==, 1);

  lines = lines_of (f, 2023);
  g_assert_cmpuint (lines->len, ==, 3);
  tour = g_object_ref (g_ptr_array_index (lines, 0));
  g_assert_cmpstr (tsu_budget_line_get_name (tour), ==, "支援現場見学バスツアー");
  g_assert_cmpint (tsu_budget_line_get_amount (tour), ==, 1200000);
  /* Columns the update file leaves out are kept. */
  g_assert_cmpuint (tsu_budget_line_get_pillars (tour), ==, 0x8);
  g_assert_cmpstr (tsu_budget_line_get_timing (tour), ==, "2023.12.14");
  g_assert_cmpstr (tsu_budget_line_get_name (g_ptr_array_index (lines, 2)), ==, "新しい事業");
}

/* Payments */

static void
import_budget (Fixture *f)
{
  static const char text[] =
    "fiscal_year,name,contractor,amount\n"
    "2023,支援現場見学バスツアー,北九州市社会福祉協議会,1158120\n"
    "2023,支援者向け能力向上研修会,北九州市社会福祉協議会,844340\n"
    "2024,支援現場見学バスツアー,北九州市社会福祉協議会,1000000\n";
  g_autofree char *path = write_csv (f, "budget.csv", text);
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_BUDGET, path, TSU_IMPORT_FLAGS_NONE);

  assert_clean (result);
}

static gint64
paid (Fixture    *f,
      int         year,
      const char *name)
{
  g_autoptr(TsuBudgetLine) line = line_named (f, year, name);

  return tsu_budget_line_get_paid (line);
}

static void
test_payments_good (Fixture       *f,
                    gconstpointer  data)
{
  static const char en[] =
    "fiscal_year,budget_line,paid_on,amount,memo\n"
    "2023,支援現場見学バスツアー,2024-01-31,\"1,158,120\",完了払い\n"
    "R5,支援者向け能力向上研修会,2024/01/15,￥400000,前金払い\n"
    "令和5年度,支援者向け能力向上研修会,R6.3.29,\"100,000円\",\n";
  static const char ja[] =
    "年度,事業名称,支払日,金額,摘要\n"
    "2024,支援現場見学バスツアー,令和6年5月1日,１０,\n";
  g_autofree char *en_path = write_csv (f, "payments.csv", en);
  g_autofree char *ja_path = write_csv (f, "payments-ja.csv", ja);
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(TsuBudgetLine) training = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;

  import_budget (f);
  result = import (f, TSU_IMPORT_PAYMENTS, en_path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpuint (result->warnings->len, ==, 0);
  g_clear_pointer (&result, tsu_import_result_free);
  result = import (f, TSU_IMPORT_PAYMENTS, ja_path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 1);

  g_assert_cmpint (paid (f, 2023, "支援現場見学バスツアー"), ==, 1158120);
  g_assert_cmpint (paid (f, 2023, "支援者向け能力向上研修会"), ==, 500000);
  /* The same name in another year is another line. */
  g_assert_cmpint (paid (f, 2024, "支援現場見学バスツアー"), ==, 10);

  training = line_named (f, 2023, "支援者向け能力向上研修会");
  payments = tsu_payment_load_for_line (f->db, tsu_budget_line_get_id (training), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 2);
  g_assert_cmpstr (tsu_payment_get_paid_on (g_ptr_array_index (payments, 0)), ==, "2024-01-15");
  g_assert_cmpstr (tsu_payment_get_memo (g_ptr_array_index (payments, 0)), ==, "前金払い");
  g_assert_cmpstr (tsu_payment_get_paid_on (g_ptr_array_index (payments, 1)), ==, "2024-03-29");
  g_assert_cmpint (tsu_payment_get_amount (g_ptr_array_index (payments, 1)), ==, 100000);
}

/* The line must be in the database, in the fiscal year the row names. */
static void
test_payments_bad_rows (Fixture       *f,
                        gconstpointer  data)
{
  static const char text[] =
    "fiscal_year,budget_line,paid_on,amount\n"
    "2023,支援現場見学バスツアー,2024-01-31,1000\n"    /* 2: fine, not imported */
    "2023,ない事業,2024-01-31,1000\n"                  /* 3 */
    "2022,支援現場見学バスツアー,2023-01-31,1000\n"    /* 4: not in 2022 */
    "2023,支援現場見学バスツアー,いつか,1000\n"        /* 5 */
    "2023,支援現場見学バスツアー,,1000\n"              /* 6 */
    "2023,支援現場見学バスツアー,2024-02-01,-1\n"      /* 7 */
    "2023,支援現場見学バスツアー,2024-02-02,\n"        /* 8 */
    "2023,,2024-02-03,5\n";                            /* 9 */
  static const char * const expected[] = {
    "3: column budget_line: ", "4: column budget_line: ", "5: column paid_on: ",
    "6: column paid_on: ", "7: column amount: ", "8: column amount: ",
    "9: column budget_line: ", NULL
  };
  g_autofree char *path = write_csv (f, "bad-payments.csv", text);
  g_autoptr(TsuImportResult) result = NULL;

  import_budget (f);
  result = import (f, TSU_IMPORT_PAYMENTS, path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (result, path, expected, NULL);
  g_assert_cmpint (paid (f, 2023, "支援現場見学バスツアー"), ==, 0);
}

/* Paying past the budget cannot be confirmed from a file: the payment is
 * imported, and a warning names the line. */
static void
test_payments_overspend (Fixture       *f,
                         gconstpointer  data)
{
  static const char text[] =
    "fiscal_year,budget_line,paid_on,amount\n"
    "2023,支援者向け能力向上研修会,2024-01-15,800000\n"
    "2023,支援者向け能力向上研修会,2024-03-29,100000\n"
    "2023,支援現場見学バスツアー,2024-01-31,1158120\n";
  g_autofree char *path = write_csv (f, "overspend.csv", text);
  g_autoptr(TsuImportResult) result = NULL;
  const char *warning;

  import_budget (f);
  result = import (f, TSU_IMPORT_PAYMENTS, path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpuint (result->warnings->len, ==, 1);
  warning = g_ptr_array_index (result->warnings, 0);
  g_test_message ("%s", warning);
  g_assert_true (g_str_has_prefix (warning, path));
  g_assert_true (g_str_has_prefix (warning + strlen (path), ":3: "));
  g_assert_nonnull (strstr (warning, "支援者向け能力向上研修会"));
  g_assert_nonnull (strstr (warning, "900,000"));
  g_assert_nonnull (strstr (warning, "55,660"));
  g_assert_cmpint (paid (f, 2023, "支援者向け能力向上研修会"), ==, 900000);
}

/* A file imported twice would pay twice: a payment of the same line, day
 * and amount is refused, unless --update, which changes its memo. */
static void
test_payments_twice (Fixture       *f,
                     gconstpointer  data)
{
  static const char text[] =
    "fiscal_year,budget_line,paid_on,amount,memo\n"
    "2023,支援現場見学バスツアー,2024-01-31,1158120,完了払い\n";
  static const char changed[] =
    "fiscal_year,budget_line,paid_on,amount,memo\n"
    "2023,支援現場見学バスツアー,2024-01-31,1158120,完了払い（請求書No.12）\n";
  static const char * const expected[] = { "2: column amount: ", NULL };
  g_autofree char *path = write_csv (f, "payments.csv", text);
  g_autofree char *changed_path = write_csv (f, "payments-changed.csv", changed);
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(TsuBudgetLine) tour = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;

  import_budget (f);
  result = import (f, TSU_IMPORT_PAYMENTS, path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  g_clear_pointer (&result, tsu_import_result_free);
  result = import (f, TSU_IMPORT_PAYMENTS, path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (result, path, expected, NULL);
  g_clear_pointer (&result, tsu_import_result_free);
  g_assert_cmpint (paid (f, 2023, "支援現場見学バスツアー"), ==, 1158120);

  result = import (f, TSU_IMPORT_PAYMENTS, changed_path, TSU_IMPORT_FLAGS_UPDATE);
  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 0);
  g_assert_cmpuint (result->updated, ==, 1);
  g_assert_cmpuint (result->warnings->len, ==, 0);
  tour = line_named (f, 2023, "支援現場見学バスツアー");
  payments = tsu_payment_load_for_line (f->db, tsu_budget_line_get_id (tour), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpstr (tsu_payment_get_memo (g_ptr_array_index (payments, 0)), ==, "完了払い（請求書No.12）");
  g_assert_cmpint (tsu_budget_line_get_paid (tour), ==, 1158120);
}

/* Headers: a required column missing or an unknown one is reported on
 * the header alone. */
static void
test_headers (Fixture       *f,
              gconstpointer  data)
{
  static const char budget[] = "年度,事業名称,予算配分,備考\n2023,x,1\n";
  static const char payments[] = "fiscal_year,budget_line,amount\n2023,x,1\n";
  static const char * const expected_budget[] = { "1: column 備考: ", "1: column contractor: ", NULL };
  static const char * const expected_payments[] = { "1: column paid_on: ", NULL };
  g_autofree char *budget_path = write_csv (f, "h-budget.csv", budget);
  g_autofree char *payments_path = write_csv (f, "h-payments.csv", payments);
  g_autoptr(TsuImportResult) result = NULL;

  result = import (f, TSU_IMPORT_BUDGET, budget_path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (result, budget_path, expected_budget, NULL);
  g_clear_pointer (&result, tsu_import_result_free);
  result = import (f, TSU_IMPORT_PAYMENTS, payments_path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (result, payments_path, expected_payments, NULL);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/import-budget/english", test_budget_english);
  ADD ("/import-budget/japanese-bom", test_budget_japanese_bom);
  ADD ("/import-budget/japanese-cp932", test_budget_japanese_cp932);
  ADD ("/import-budget/bad-amounts", test_budget_bad_amounts);
  ADD ("/import-budget/bad-rows", test_budget_bad_rows);
  ADD ("/import-budget/duplicate-and-update", test_budget_duplicate_and_update);
  ADD ("/import-payments/good", test_payments_good);
  ADD ("/import-payments/bad-rows", test_payments_bad_rows);
  ADD ("/import-payments/overspend", test_payments_overspend);
  ADD ("/import-payments/twice", test_payments_twice);
  ADD ("/import-budget/headers", test_headers);
  return g_test_run ();
}
