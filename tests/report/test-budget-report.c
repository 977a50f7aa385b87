/* test-budget-report.c: the budget sheet, read back with openpyxl, after
 * a recalculation by LibreOffice, and as a printout through pdftotext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "report-test-util.h"
#include "tsu-budget-line.h"
#include "tsu-budget-report.h"
#include "tsu-payment.h"

#define COUNCIL "テスト協議会"
#define LIBREOFFICE "/usr/bin/libreoffice"

/* The FY2023 table of seed 000, section 4, as written there. */
typedef struct
{
  const char *name;
  const char *description;
  const char *purpose;
  const char *timing;
  const char *contractor;
  gint64      amount;
  guint       pillars;
} SeedLine;

static const SeedLine seed_lines[] = {
  { "北九州市孤独・孤立対策等連携協議会事務局機能の移行に関する検証",
    "孤独・孤立協議会の事務局機能の移行に関する可否や、移行する場合の範囲、方法等について成果をまとめる。",
    "協議会事務局機能の移行", "—", "NTTデータ経営研究所", 500000, 0x8 },
  { "支援現場見学バスツアー",
    "実際の支援現場を視察・体験するバスツアーを行い、各団体の取り組みを可視化することで、真の顔の見える関係づくり・信頼づくりを構築し、各団体間での相談者の適切なつなぎや参加団体同士の連携強化を図る。",
    "参加団体の連携強化", "2023.12.14", "北九州市社会福祉協議会", 1158120, 0x3 },
  { "支援者向け能力向上研修会",
    "孤独・孤立に係る相談支援に当たる人材向けの研修会を実施する。(協議会参加団体に限定しない)",
    "支援者の能力向上", "2024.2.5 2024.2.6", "北九州市社会福祉協議会", 844340, 0x2 },
  { "支援団体紹介動画作成等",
    "子どもから大人まで、悩みを抱える人が安心して支援団体等とつながることができる環境創出のため、孤独・孤立に関する普及啓発動画を作成する。",
    "参加団体の活動普及", "—", "北九州市社会福祉協議会", 1375220, 0x1 },
  { "孤独・孤立ノベルティ作成",
    "孤独・孤立の問題を自分事として捉え、この問題に対する正しい理解の促進を図るため、市民等に配布するノベルティを作成する。",
    "孤独・孤立対策の普及・啓発", "—", "株式会社成田屋", 465000, 0x1 },
  { "人材確保・育成のためのケーススタディ",
    "協議会参加団体の連携強化、支援の質の向上につなげるため、行政や団体が抱える困難ケースについてケーススタディを開催する。(2023.12は支援現場見学バスツアーとして実施。2024.3は検討中)",
    "参加団体の連携強化、能力向上", "2023.12、 2024.3", "北九州市社会福祉協議会", 0, 0x2 },
  { "いのちをつなぐネットワーク推進会議",
    "行政、民間企業・団体等の連携のもと、支援を必要としている市民が社会的に孤立することのないように、地域全体で見守り、必要な行政サービス等につなげていくことを目的とした「北九州市いのちをつなぐネットワーク推進会議」の実施。",
    "孤独・孤立対策の普及・啓発", "2023.11.14", "株式会社コムディア", 848200, 0x5 },
  { "包括的な支援体制の構築に向けた支援者向け研修会",
    "複雑化・複合化した困難を抱える人を支援するため、属性を問わない包括的な支援体制の構築を行うための研修会の企画・運営。",
    "包括的な支援体制整備", "2024.1.19", "株式会社アソウ・ヒューマニーセンター", 908600, 0x2 },
  { "「北九州市版お悩みハンドブック」機能改善",
    "「北九州市版 お悩みハンドブック」の、利用者数などのアクセス分析を行うことができるよう機能の改善を行う。",
    "孤独・孤立対策の普及・啓発", "—", "株式会社グラフィアー", 1000000, 0x1 },
};

/* Fixture. */

static TsuDatabase *
new_database (char **dir_out)
{
  g_autofree char *dir = report_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  TsuDatabase *db = tsu_database_open (path, &error);

  g_assert_no_error (error);
  *dir_out = g_steal_pointer (&dir);
  return db;
}

static gint64
add_line (TsuDatabase    *db,
          int             year,
          const SeedLine *seed)
{
  g_autoptr(TsuBudgetLine) line = tsu_budget_line_new (year);
  g_autoptr(GError) error = NULL;

  tsu_budget_line_set_name (line, seed->name);
  tsu_budget_line_set_description (line, seed->description);
  tsu_budget_line_set_purpose (line, seed->purpose);
  tsu_budget_line_set_timing (line, seed->timing);
  tsu_budget_line_set_contractor (line, seed->contractor);
  tsu_budget_line_set_amount (line, seed->amount);
  tsu_budget_line_set_pillars (line, seed->pillars);
  g_assert_true (tsu_budget_line_save (line, db, &error));
  g_assert_no_error (error);
  return tsu_budget_line_get_id (line);
}

static void
add_payment (TsuDatabase *db,
             gint64       line_id,
             const char  *paid_on,
             gint64       amount,
             const char  *memo)
{
  g_autoptr(TsuPayment) payment = tsu_payment_new (line_id);
  g_autoptr(GError) error = NULL;

  tsu_payment_set_paid_on (payment, paid_on);
  tsu_payment_set_amount (payment, amount);
  tsu_payment_set_memo (payment, memo);
  g_assert_true (tsu_payment_save (payment, db, &error));
  g_assert_no_error (error);
}

/* The seed's nine lines in FY2023 with three payments (1,158,120 +
 * 400,000 + 848,200 = 2,406,320 paid), added out of date order. */
static void
add_fy2023 (TsuDatabase *db)
{
  gint64 ids[G_N_ELEMENTS (seed_lines)];

  for (guint i = 0; i < G_N_ELEMENTS (seed_lines); i++)
    ids[i] = add_line (db, 2023, &seed_lines[i]);
  add_payment (db, ids[1], "2024-01-15", 1158120, "完了払");
  add_payment (db, ids[6], "2023-12-20", 848200, NULL);
  add_payment (db, ids[2], "2024-03-29", 400000, "前金払 研修会場費");
}

static void
init_options (TsuBudgetReportOptions *options,
              TsuDateStyle            style)
{
  tsu_budget_report_options_init (options);
  options->council_name = COUNCIL;
  options->date_style = style;
}

static char *
export_xlsx (TsuDatabase  *db,
             int           year,
             TsuDateStyle  style,
             const char   *dir,
             const char   *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  TsuBudgetReportOptions options;
  g_autoptr(GError) error = NULL;

  init_options (&options, style);
  g_assert_true (tsu_budget_report_export_xlsx (db, year, &options, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* What read-xlsx-sheets.py printed, by kind of fact. */

typedef struct
{
  GStrv       lines;
  GHashTable *cells; /* "SHEET\tA1" → the line's fields */
} Facts;

static void
facts_clear (Facts *facts)
{
  g_clear_pointer (&facts->lines, g_strfreev);
  g_clear_pointer (&facts->cells, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

static void
read_facts (Facts      *facts,
            const char *xlsx_path)
{
  facts->lines = report_test_run_xlsx_script (READ_XLSX_SHEETS_SCRIPT, xlsx_path);
  facts->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_strfreev);
  for (guint i = 0; facts->lines[i] != NULL; i++)
    {
      GStrv fields;

      if (!g_str_has_prefix (facts->lines[i], "cell\t"))
        continue;
      fields = g_strsplit (facts->lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 9);
      g_hash_table_insert (facts->cells, g_strdup_printf ("%s\t%s", fields[1], fields[2]), fields);
    }
}

/* Fields of a cell: 0 "cell", 1 sheet, 2 coordinate, 3 kind, 4 number
 * format, 5 wrap, 6 font, 7 value or formula, 8 stored value. */
enum { F_KIND = 3, F_FORMAT, F_WRAP, F_FONT, F_VALUE, F_STORED };

static GStrv
cell (Facts      *facts,
      guint       sheet,
      const char *coordinate)
{
  g_autofree char *key = g_strdup_printf ("%u\t%s", sheet, coordinate);
  GStrv fields = g_hash_table_lookup (facts->cells, key);

  if (fields == NULL)
    g_error ("no cell %s on sheet %u", coordinate, sheet);
  return fields;
}

static void
assert_text (Facts      *facts,
             guint       sheet,
             const char *coordinate,
             const char *text)
{
  GStrv fields = cell (facts, sheet, coordinate);

  g_assert_cmpstr (fields[F_KIND], ==, "str");
  g_assert_cmpstr (fields[F_VALUE], ==, text);
}

static void
assert_amount (Facts      *facts,
               guint       sheet,
               const char *coordinate,
               gint64      amount)
{
  GStrv fields = cell (facts, sheet, coordinate);
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, amount);

  g_assert_cmpstr (fields[F_KIND], ==, "int");
  g_assert_cmpstr (fields[F_FORMAT], ==, "#,##0");
  g_assert_cmpstr (fields[F_VALUE], ==, expected);
}

/* A formula @formula (NULL: any) whose stored value is @value. */
static void
assert_formula (Facts      *facts,
                guint       sheet,
                const char *coordinate,
                const char *formula,
                gint64      value)
{
  GStrv fields = cell (facts, sheet, coordinate);
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  g_assert_cmpstr (fields[F_KIND], ==, "formula");
  if (formula != NULL)
    g_assert_cmpstr (fields[F_VALUE], ==, formula);
  g_assert_cmpstr (fields[F_FORMAT], ==, "#,##0");
  /* openpyxl reads the stored number as int or float by its text. */
  if (g_strcmp0 (fields[F_STORED], expected) != 0)
    {
      g_autofree char *as_float = g_strdup_printf ("%s.0", expected);

      g_assert_cmpstr (fields[F_STORED], ==, as_float);
    }
}

/* The row (from 1) of the cell of column @column on @sheet holding
 * @text; fails when none or several. */
static guint
find_row (Facts      *facts,
          guint       sheet,
          const char *column,
          const char *text)
{
  GHashTableIter iter;
  gpointer key, value;
  guint found = 0;

  g_hash_table_iter_init (&iter, facts->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GStrv fields = value;
      const char *coordinate = fields[2];

      if ((guint) atoi (fields[1]) == sheet
          && g_str_has_prefix (coordinate, column)
          && g_ascii_isdigit (coordinate[strlen (column)])
          && g_strcmp0 (fields[F_VALUE], text) == 0)
        {
          g_assert_cmpuint (found, ==, 0);
          found = atoi (coordinate + strlen (column));
        }
    }
  if (found == 0)
    g_error ("“%s” is not in column %s of sheet %u", text, column, sheet);
  return found;
}

static gboolean
has_fact (Facts      *facts,
          const char *line)
{
  return g_strv_contains ((const char * const *) facts->lines, line);
}

static double
row_height (Facts *facts,
            guint  sheet,
            guint  row)
{
  g_autofree char *prefix = g_strdup_printf ("height\t%u\t%u\t", sheet, row);

  for (guint i = 0; facts->lines[i] != NULL; i++)
    if (g_str_has_prefix (facts->lines[i], prefix))
      return g_ascii_strtod (facts->lines[i] + strlen (prefix), NULL);
  return 0;
}

/* @pages_tall: 0 for as many as it takes. */
static void
assert_page_setup (Facts      *facts,
                   guint       sheet,
                   const char *title_rows,
                   guint       pages_tall)
{
  g_autofree char *expected = g_strdup_printf ("setup\t%u\tlandscape\t9\tTrue\t1\t%u\t%s\t&P / &N",
                                               sheet, pages_tall, title_rows);

  if (!has_fact (facts, expected))
    g_error ("page setup of sheet %u is not “%s”", sheet, expected);
}

static char *
coordinate (const char *column,
            guint       row)
{
  return g_strdup_printf ("%s%u", column, row);
}

/* The subtotal rows of sheet 2 for @text in column A: B (count) and C
 * (sum) formulas with these stored values. */
static void
assert_subtotal (Facts      *facts,
                 const char *text,
                 guint       count,
                 gint64      sum)
{
  guint row = find_row (facts, 1, "A", text);
  g_autofree char *b = coordinate ("B", row);
  g_autofree char *c = coordinate ("C", row);

  assert_formula (facts, 1, b, NULL, count);
  assert_formula (facts, 1, c, NULL, sum);
}

/* The workbook. */

static void
test_xlsx_fy2023 (void)
{
  static const char *headers[] = {
    "Project", "Description", "Purpose and expected effect", "Timing", "Contractor", "Budget",
  };
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autofree char *path = NULL;
  g_auto(Facts) facts = { 0 };
  guint row;

  add_fy2023 (db);
  path = export_xlsx (db, 2023, TSU_DATE_STYLE_GREGORIAN, dir, "budget.xlsx");
  read_facts (&facts, path);

  g_assert_true (has_fact (&facts, "sheet\t0\tBudget"));
  g_assert_true (has_fact (&facts, "sheet\t1\tTotals"));
  g_assert_true (has_fact (&facts, "sheet\t2\tPayments"));

  /* Sheet 1: title, the seed's six headers, the nine lines in order. */
  assert_text (&facts, 0, "A1", "2023年度 " COUNCIL " — Projects and Budget Allocation");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      g_autofree char *at = g_strdup_printf ("%c2", 'A' + c);

      assert_text (&facts, 0, at, headers[c]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (seed_lines); i++)
    {
      const SeedLine *seed = &seed_lines[i];
      const char *texts[] = { seed->name, seed->description, seed->purpose, seed->timing,
                              seed->contractor };

      for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
        {
          g_autofree char *at = g_strdup_printf ("%c%u", 'A' + c, i + 3);

          assert_text (&facts, 0, at, texts[c]);
          /* Wrapped, in the Japanese font. */
          g_assert_cmpstr (cell (&facts, 0, at)[F_WRAP], ==, "True");
          g_assert_cmpstr (cell (&facts, 0, at)[F_FONT], ==, "游ゴシック");
        }
      {
        g_autofree char *at = g_strdup_printf ("F%u", i + 3);

        assert_amount (&facts, 0, at, seed->amount);
      }
    }
  /* 計 and the SUM formula with its value stored. */
  assert_text (&facts, 0, "E12", "Total");
  assert_formula (&facts, 0, "F12", "=SUM(F3:F11)", 7099480);
  g_assert_false (g_hash_table_contains (facts.cells, "0\tA13"));

  /* A wide 事業内容; rows as high as their wrapped text, the longest
   * description taller than a short one. */
  /* (libxlsxwriter adds Excel's padding to the width it is given.) */
  g_assert_true (has_fact (&facts, "width\t0\tB\t50.7109375"));
  g_assert_cmpfloat (row_height (&facts, 0, 9), >=, 3 * 18.75);
  g_assert_cmpfloat (row_height (&facts, 0, 9), >, row_height (&facts, 0, 6));
  g_assert_cmpfloat (row_height (&facts, 0, 4), >=, 18.75);
  /* The pillar helper columns are hidden; the seed's six are not. */
  for (char c = 'G'; c <= 'J'; c++)
    {
      g_autofree char *fact = g_strdup_printf ("hidden\t0\t%c", c);

      g_assert_true (has_fact (&facts, fact));
    }
  for (char c = 'A'; c <= 'F'; c++)
    {
      g_autofree char *fact = g_strdup_printf ("hidden\t0\t%c", c);

      g_assert_false (has_fact (&facts, fact));
    }
  assert_text (&facts, 0, "G4", "①");
  assert_text (&facts, 0, "H4", "②");
  g_assert_false (g_hash_table_contains (facts.cells, "0\tI4"));

  /* Sheet 2: by contractor, in the order they come in the table. */
  assert_subtotal (&facts, "NTTデータ経営研究所", 1, 500000);
  assert_subtotal (&facts, "北九州市社会福祉協議会", 4, 1158120 + 844340 + 1375220 + 0);
  assert_subtotal (&facts, "株式会社成田屋", 1, 465000);
  assert_subtotal (&facts, "株式会社コムディア", 1, 848200);
  assert_subtotal (&facts, "株式会社アソウ・ヒューマニーセンター", 1, 908600);
  assert_subtotal (&facts, "株式会社グラフィアー", 1, 1000000);
  g_assert_cmpuint (find_row (&facts, 1, "A", "NTTデータ経営研究所"), <,
                    find_row (&facts, 1, "A", "北九州市社会福祉協議会"));
  row = find_row (&facts, 1, "A", "北九州市社会福祉協議会");
  {
    g_autofree char *at = coordinate ("C", row);
    g_autofree char *expected = g_strdup_printf ("=SUMIF('Budget'!$E$3:$E$11,A%u,'Budget'!$F$3:$F$11)", row);

    g_assert_cmpstr (cell (&facts, 1, at)[F_VALUE], ==, expected);
  }
  /* By pillar: over the hidden helper columns. */
  assert_subtotal (&facts, "①", 5, 1158120 + 1375220 + 465000 + 848200 + 1000000);
  assert_subtotal (&facts, "②", 4, 1158120 + 844340 + 0 + 908600);
  assert_subtotal (&facts, "③", 1, 848200);
  assert_subtotal (&facts, "④", 1, 500000);
  row = find_row (&facts, 1, "A", "③");
  {
    g_autofree char *at = coordinate ("C", row);
    g_autofree char *expected = g_strdup_printf ("=SUMIF('Budget'!$I$3:$I$11,A%u,'Budget'!$F$3:$F$11)", row);

    g_assert_cmpstr (cell (&facts, 1, at)[F_VALUE], ==, expected);
  }
  /* Budget against paid per line, and the totals. */
  row = find_row (&facts, 1, "A", "支援者向け能力向上研修会");
  {
    g_autofree char *b = coordinate ("B", row);
    g_autofree char *c = coordinate ("C", row);
    g_autofree char *d = coordinate ("D", row);

    assert_formula (&facts, 1, b, "='Budget'!F5", 844340);
    assert_formula (&facts, 1, c, NULL, 400000);
    assert_formula (&facts, 1, d, NULL, 444340);
  }
  row = find_row (&facts, 1, "A", "孤独・孤立ノベルティ作成");
  {
    g_autofree char *c = coordinate ("C", row);
    g_autofree char *d = coordinate ("D", row);

    assert_formula (&facts, 1, c, NULL, 0);
    assert_formula (&facts, 1, d, NULL, 465000);
  }
  /* Three total rows: contractors, then spending (budget, paid, left). */
  {
    guint n_totals = 0;

    for (guint i = 0; facts.lines[i] != NULL; i++)
      if (g_str_has_prefix (facts.lines[i], "cell\t1\tA") && g_str_has_suffix (facts.lines[i], "\tTotal\tTotal"))
        {
          g_auto(GStrv) fields = g_strsplit (facts.lines[i], "\t", -1);
          guint total_row = atoi (fields[2] + 1);
          g_autofree char *c = coordinate ("C", total_row);

          n_totals++;
          if (n_totals == 1)
            assert_formula (&facts, 1, c, NULL, 7099480);
          else
            {
              g_autofree char *b = coordinate ("B", total_row);
              g_autofree char *d = coordinate ("D", total_row);

              assert_formula (&facts, 1, b, NULL, 7099480);
              assert_formula (&facts, 1, c, NULL, 2406320);
              assert_formula (&facts, 1, d, NULL, 7099480 - 2406320);
            }
        }
    g_assert_cmpuint (n_totals, ==, 2);
  }

  /* Sheet 3: payments by date with date cells. */
  assert_text (&facts, 2, "A1", "2023年度 " COUNCIL " — Payments");
  assert_text (&facts, 2, "A2", "Paid on");
  g_assert_cmpstr (cell (&facts, 2, "A3")[F_KIND], ==, "date");
  g_assert_cmpstr (cell (&facts, 2, "A3")[F_VALUE], ==, "2023-12-20");
  g_assert_cmpstr (cell (&facts, 2, "A3")[F_FORMAT], ==, "yyyy/mm/dd");
  g_assert_cmpstr (cell (&facts, 2, "A5")[F_VALUE], ==, "2024-03-29");
  assert_text (&facts, 2, "B3", "いのちをつなぐネットワーク推進会議");
  assert_amount (&facts, 2, "C3", 848200);
  g_assert_false (g_hash_table_contains (facts.cells, "2\tD3"));
  assert_text (&facts, 2, "B4", "支援現場見学バスツアー");
  assert_text (&facts, 2, "D4", "完了払");
  assert_text (&facts, 2, "B6", "Total");
  assert_formula (&facts, 2, "C6", "=SUM(C3:C5)", 2406320);

  /* Every sheet: A4 landscape, one page wide, titles repeated, the
   * page number at the foot. */
  assert_page_setup (&facts, 0, "$1:$2", 0);
  /* The subtotals of nine lines on one page. */
  assert_page_setup (&facts, 1, "$1:$1", 1);
  assert_page_setup (&facts, 2, "$1:$2", 0);
  g_assert_true (has_fact (&facts, "freeze\t0\tA3"));
}

/* 令和 dates in the payments; the title names the year in the era. */
static void
test_xlsx_wareki (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autofree char *path = NULL;
  g_auto(Facts) facts = { 0 };

  add_fy2023 (db);
  path = export_xlsx (db, 2023, TSU_DATE_STYLE_WAREKI, dir, "budget.xlsx");
  read_facts (&facts, path);

  assert_text (&facts, 0, "A1", "令和5年度 " COUNCIL " — Projects and Budget Allocation");
  g_assert_cmpstr (cell (&facts, 2, "A3")[F_KIND], ==, "date");
  g_assert_cmpstr (cell (&facts, 2, "A3")[F_FORMAT], ==, "[$-411]ggge\"年\"m\"月\"d\"日\"");
}

/* A year without lines still has its 計 row, of 0. */
static void
test_xlsx_empty_year (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autofree char *path = NULL;
  g_auto(Facts) facts = { 0 };

  add_fy2023 (db);
  path = export_xlsx (db, 2025, TSU_DATE_STYLE_GREGORIAN, dir, "empty.xlsx");
  read_facts (&facts, path);

  assert_text (&facts, 0, "A1", "2025年度 " COUNCIL " — Projects and Budget Allocation");
  assert_text (&facts, 0, "F2", "Budget");
  assert_text (&facts, 0, "A3", "No budget lines in this fiscal year.");
  assert_text (&facts, 0, "E4", "Total");
  assert_formula (&facts, 0, "F4", "=SUM(F3)", 0);
  assert_text (&facts, 2, "B3", "No payments in this fiscal year.");
  assert_formula (&facts, 2, "C4", "=SUM(C3)", 0);
  /* None of the FY2023 lines. */
  for (guint i = 0; facts.lines[i] != NULL; i++)
    g_assert_null (strstr (facts.lines[i], "支援現場見学バスツアー"));
}

/* Recalculation by LibreOffice. */

static void
run_or_fail (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s%s", argv[0], error->message, out, err);
}

/* @path without the values stored for its formulas, converted by
 * LibreOffice: the values in the result are LibreOffice's own. */
static char *
recalculate (const char *path,
             const char *dir)
{
  g_autofree char *stripped = g_build_filename (dir, "stripped.xlsx", NULL);
  g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *profile_url = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *profile_arg = g_strconcat ("-env:UserInstallation=", profile_url, NULL);
  g_autofree char *out_dir = g_build_filename (dir, "recalculated", NULL);
  const char *strip_argv[] = { "/usr/bin/python3", READ_XLSX_SHEETS_SCRIPT, "--strip", path, stripped, NULL };
  /* A profile of its own: no clash with a running LibreOffice or another
   * test. */
  const char *convert_argv[] = {
    LIBREOFFICE, profile_arg, "--headless", "--norestore",
    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out_dir, stripped, NULL
  };
  char *result;

  if (!g_file_test (LIBREOFFICE, G_FILE_TEST_IS_EXECUTABLE))
    g_error (LIBREOFFICE " is missing: install the Debian package libreoffice-calc "
             "(build-aux/dev should)");
  run_or_fail (strip_argv);
  run_or_fail (convert_argv);
  result = g_build_filename (out_dir, "stripped.xlsx", NULL);
  if (!g_file_test (result, G_FILE_TEST_EXISTS))
    g_error ("LibreOffice wrote no %s", result);
  return result;
}

/* Every formula of @original has a value stored, and LibreOffice
 * computes the same value for it. */
static guint
assert_same_values (Facts *original,
                    Facts *recalculated)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  g_hash_table_iter_init (&iter, original->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GStrv fields = value;
      GStrv other = g_hash_table_lookup (recalculated->cells, key);
      double stored, computed;

      if (g_strcmp0 (fields[F_KIND], "formula") != 0)
        continue;
      if (other == NULL)
        g_error ("LibreOffice lost the formula in %s", (char *) key);
      stored = g_ascii_strtod (fields[F_STORED], NULL);
      computed = g_ascii_strtod (other[F_STORED], NULL);
      if (g_strcmp0 (other[F_STORED], "None") == 0 || stored != computed)
        g_error ("%s: %s stored %s, LibreOffice computes %s", (char *) key, fields[F_VALUE],
                 fields[F_STORED], other[F_STORED]);
      n++;
    }
  return n;
}

static void
test_xlsx_recalculates (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autofree char *path = NULL;
  g_autofree char *stripped_out = NULL;
  g_autofree char *converted = NULL;
  g_auto(Facts) facts = { 0 };
  g_auto(Facts) stripped = { 0 };
  g_auto(Facts) recalculated = { 0 };
  guint n;

  add_fy2023 (db);
  path = export_xlsx (db, 2023, TSU_DATE_STYLE_WAREKI, dir, "budget.xlsx");
  read_facts (&facts, path);
  converted = recalculate (path, dir);

  /* The copy LibreOffice read really had no values to copy. */
  stripped_out = g_build_filename (dir, "stripped.xlsx", NULL);
  read_facts (&stripped, stripped_out);
  g_assert_cmpstr (cell (&stripped, 0, "F12")[F_STORED], ==, "None");

  read_facts (&recalculated, converted);
  n = assert_same_values (&facts, &recalculated);
  /* 計, 6 contractors × 2 + 2 totals, 4 pillars × 2, 9 lines × 3 + 3
   * totals, the payments' total. */
  g_assert_cmpuint (n, ==, 1 + 14 + 8 + 30 + 1);
  g_assert_cmpstr (cell (&recalculated, 0, "F12")[F_STORED], ==, "7099480");
  /* Dates are still dates. */
  g_assert_cmpstr (cell (&recalculated, 2, "A3")[F_KIND], ==, "date");
}

/* Names a SUMIF would read as a pattern or a comparison, and two that
 * differ only in case (SUMIF ignores case): the stored subtotals are still
 * what a spreadsheet computes. */
static void
test_xlsx_awkward_names (void)
{
  static const SeedLine lines[] = {
    { "事業*A", "", "", "", "株式会社*テスト", 1000, 0x1 },
    { "事業?B", "", "", "", "=等号商会", 20000, 0x1 },
    { "事業C", "", "", "", "<山括弧>", 300000, 0 },
    { "事業D", "", "", "", "ABC Corp", 4000000, 0x4 },
    { "事業E", "", "", "", "abc corp", 50, 0x4 },
    { "事業F", "", "", "", "株式会社XテストY", 600, 0 },
  };
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autofree char *path = NULL;
  g_autofree char *converted = NULL;
  g_auto(Facts) facts = { 0 };
  g_auto(Facts) recalculated = { 0 };
  gint64 first = 0;
  guint row;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      gint64 id = add_line (db, 2024, &lines[i]);

      if (i == 0)
        first = id;
    }
  add_payment (db, first, "2024-06-01", 700, "一部");

  path = export_xlsx (db, 2024, TSU_DATE_STYLE_GREGORIAN, dir, "awkward.xlsx");
  read_facts (&facts, path);
  assert_formula (&facts, 0, "F9", "=SUM(F3:F8)", 4321650);

  /* The wildcard does not take in 株式会社XテストY. */
  assert_subtotal (&facts, "株式会社*テスト", 1, 1000);
  assert_subtotal (&facts, "=等号商会", 1, 20000);
  assert_subtotal (&facts, "<山括弧>", 1, 300000);
  assert_subtotal (&facts, "株式会社XテストY", 1, 600);
  /* One row for ABC Corp and abc corp. */
  assert_subtotal (&facts, "ABC Corp", 2, 4000050);
  for (guint i = 0; facts.lines[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (facts.lines[i], "cell\t1\t")
                    && strstr (facts.lines[i], "\tabc corp\tabc corp") != NULL);
  row = find_row (&facts, 1, "A", "事業*A");
  {
    g_autofree char *c = coordinate ("C", row);

    assert_formula (&facts, 1, c, NULL, 700);
    g_assert_nonnull (strstr (cell (&facts, 1, c)[F_VALUE], "SUMPRODUCT"));
  }

  converted = recalculate (path, dir);
  read_facts (&recalculated, converted);
  g_assert_cmpuint (assert_same_values (&facts, &recalculated), >, 20);
}

/* The printout. */

static void
test_printout (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) pieces = NULL;
  TsuBudgetReportOptions options;
  double width, height;

  add_fy2023 (db);
  init_options (&options, TSU_DATE_STYLE_WAREKI);
  print = tsu_budget_report_new_printout (db, 2023, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (print);
  g_assert_cmpuint (tsu_table_print_get_n_columns (print), ==, 6);
  g_assert_true (tsu_table_print_get_landscape (print));

  path = g_build_filename (dir, "budget.pdf", NULL);
  g_assert_true (tsu_table_print_write_pdf (print, path, &error));
  g_assert_no_error (error);
  report_test_pdf_size (path, &width, &height);
  g_assert_cmpfloat (width, >, height);

  pages = report_test_pdf_pages (path);
  all = g_strjoinv ("\n", pages);
  g_assert_nonnull (strstr (all, "令和5年度 — Projects and Budget Allocation"));
  g_assert_nonnull (strstr (all, COUNCIL));
  for (const char * const *h = (const char * const[]) { "Project", "Description", "Purpose and", "effect",
                                                         "Timing", "Contractor", "Budget", NULL };
       *h != NULL; h++)
    g_assert_nonnull (strstr (all, *h));
  /* Amounts as the secretariat writes them, and the total. */
  g_assert_nonnull (strstr (all, "7,099,480"));
  g_assert_nonnull (strstr (all, "1,158,120"));
  g_assert_nonnull (strstr (all, "Total"));
  g_assert_null (strstr (all, "7099480"));

  /* Names wrap within their column: compare without the layout's spaces
   * and line breaks, each name's first line at least. */
  pieces = g_strsplit_set (all, " \n", -1);
  flat = g_strjoinv ("", pieces);
  for (guint i = 0; i < G_N_ELEMENTS (seed_lines); i++)
    {
      g_autofree char *start = g_utf8_substring (seed_lines[i].name, 0, 8);

      if (strstr (flat, start) == NULL)
        g_error ("“%s” is not in the printout:\n%s", seed_lines[i].name, all);
    }
  /* The total comes after the last line. */
  g_assert_true (strstr (all, "株式会社グラフィアー") < strstr (all, "7,099,480"));
}

static void
test_printout_empty_year (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autofree char *path = NULL;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  TsuBudgetReportOptions options;

  init_options (&options, TSU_DATE_STYLE_GREGORIAN);
  print = tsu_budget_report_new_printout (db, 2030, &options, &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "empty.pdf", NULL);
  g_assert_true (tsu_table_print_write_pdf (print, path, &error));
  g_assert_no_error (error);
  pages = report_test_pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  g_assert_nonnull (strstr (pages[0], "2030年度"));
  g_assert_nonnull (strstr (pages[0], "No budget lines in this fiscal year."));
  g_assert_nonnull (strstr (pages[0], "Total"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/budget/xlsx-fy2023", test_xlsx_fy2023);
  g_test_add_func ("/report/budget/xlsx-wareki", test_xlsx_wareki);
  g_test_add_func ("/report/budget/xlsx-empty-year", test_xlsx_empty_year);
  g_test_add_func ("/report/budget/xlsx-recalculates", test_xlsx_recalculates);
  g_test_add_func ("/report/budget/xlsx-awkward-names", test_xlsx_awkward_names);
  g_test_add_func ("/report/budget/printout", test_printout);
  g_test_add_func ("/report/budget/printout-empty-year", test_printout_empty_year);

  return g_test_run ();
}
