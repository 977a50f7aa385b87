/* test-referrals-report.c: the referral statistics workbook read back
 * with openpyxl, the printout through pdftotext, and the referral network
 * in its three formats — and no note or override text anywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report-test-util.h"
#include "tsu-case.h"
#include "tsu-referral-network.h"
#include "tsu-referral.h"
#include "tsu-referrals-report.h"

#define COUNCIL "テスト協議会"
#define NOTE_MARKER "SECRET-NOTE-123"
#define OVERRIDE_MARKER "SECRET-OVERRIDE-456"

#define MOJI_COUNTER "門司区役所"
#define SHAKYO "北九州市社会福祉協議会"
#define HOBOKU "NPO法人 抱樸"

/* Fixture: three cases of FY2023 and one of FY2024.
 *
 *   2023-0001 門司区, foreign resident, poverty + employment, consent
 *     R1 門司区役所 → 抱樸   2023-04-12 connected 2023-04-22 (10 days)
 *     R2 門司区役所 → 社協   2023-05-01 not connected (unreachable)
 *   2023-0002 小倉北区, housing, consent
 *     R3 社協 → 抱樸        2023-06-02 connected 2023-06-22 (20 days)
 *   2023-0003 門司区, received on 31 March 2024, poverty, no consent
 *     R4 門司区役所 → 抱樸   2024-03-31 sent, with an override reason
 *   2024-0001 received 1 April 2024: another year
 *     R5 社協 → 門司区役所   2024-04-02 sent
 *
 * FY2023: 3 cases, 4 referrals (sent 1, connected 2, not connected 1),
 * rate 2/3, median 15 days, 1 foreign resident; 門司区 3 referrals (1
 * connected, 1 not), 小倉北区 1 (1 connected); poverty 2, employment 1,
 * housing 1; April, May, June and March one each. The network: 3 nodes,
 * 3 edges (門司区役所 → 抱樸 twice). */

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
add_case (TsuDatabase *db,
          const char  *code,
          const char  *received_on,
          TsuWard      ward,
          guint        concerns,
          gboolean     foreign_resident,
          TsuConsent   consent)
{
  g_autoptr(TsuCase) referral_case = tsu_case_new ();
  g_autoptr(GError) error = NULL;

  tsu_case_set_code (referral_case, code);
  tsu_case_set_received_on (referral_case, received_on);
  tsu_case_set_entrance (referral_case, MOJI_COUNTER);
  tsu_case_set_ward (referral_case, ward);
  tsu_case_set_age_band (referral_case, TSU_AGE_40S);
  tsu_case_set_concerns (referral_case, concerns);
  tsu_case_set_foreign_resident (referral_case, foreign_resident);
  if (foreign_resident)
    tsu_case_set_language (referral_case, "ベトナム語");
  tsu_case_set_contact (referral_case, TSU_CONTACT_VISIT);
  tsu_case_set_consent (referral_case, consent);
  if (consent == TSU_CONSENT_YES)
    {
      tsu_case_set_consent_on (referral_case, received_on);
      tsu_case_set_consent_how (referral_case, "口頭");
      tsu_case_set_legal_basis (referral_case, TSU_LEGAL_BASIS_CONSENT);
    }
  tsu_case_set_notes (referral_case, "本人の事情 " NOTE_MARKER);
  g_assert_true (tsu_case_save (referral_case, db, &error));
  g_assert_no_error (error);
  return tsu_case_get_id (referral_case);
}

static void
add_referral (TsuDatabase       *db,
              gint64             case_id,
              const char        *from,
              const char        *to,
              const char        *referred_on,
              TsuReferralStatus  status,
              TsuReferralReason  reason,
              const char        *closed_on,
              const char        *override)
{
  g_autoptr(TsuReferral) referral = tsu_referral_new (case_id);
  g_autoptr(GError) error = NULL;

  tsu_referral_set_from (referral, from);
  tsu_referral_set_to (referral, to);
  tsu_referral_set_referred_on (referral, referred_on);
  tsu_referral_set_status (referral, status);
  tsu_referral_set_reason (referral, reason);
  if (closed_on != NULL)
    tsu_referral_set_closed_on (referral, closed_on);
  if (override != NULL)
    tsu_referral_set_override (referral, override);
  g_assert_true (tsu_referral_save (referral, db, &error));
  g_assert_no_error (error);
}

static TsuDatabase *
new_fixture (char **dir_out)
{
  TsuDatabase *db = new_database (dir_out);
  gint64 c1, c2, c3, c4;

  c1 = add_case (db, "2023-0001", "2023-04-10", TSU_WARD_MOJI,
                 (1u << TSU_CONCERN_POVERTY) | (1u << TSU_CONCERN_EMPLOYMENT), TRUE, TSU_CONSENT_YES);
  c2 = add_case (db, "2023-0002", "2023-06-01", TSU_WARD_KOKURA_KITA,
                 1u << TSU_CONCERN_HOUSING, FALSE, TSU_CONSENT_YES);
  c3 = add_case (db, "2023-0003", "2024-03-31", TSU_WARD_MOJI,
                 1u << TSU_CONCERN_POVERTY, FALSE, TSU_CONSENT_PENDING);
  c4 = add_case (db, "2024-0001", "2024-04-01", TSU_WARD_TOBATA,
                 1u << TSU_CONCERN_FOOD, FALSE, TSU_CONSENT_YES);

  add_referral (db, c1, MOJI_COUNTER, HOBOKU, "2023-04-12", TSU_REFERRAL_CONNECTED,
                TSU_REASON_NONE, "2023-04-22", NULL);
  add_referral (db, c1, MOJI_COUNTER, SHAKYO, "2023-05-01", TSU_REFERRAL_NOT_CONNECTED,
                TSU_REASON_UNREACHABLE, "2023-05-20", NULL);
  add_referral (db, c2, SHAKYO, HOBOKU, "2023-06-02", TSU_REFERRAL_CONNECTED,
                TSU_REASON_NONE, "2023-06-22", NULL);
  add_referral (db, c3, MOJI_COUNTER, HOBOKU, "2024-03-31", TSU_REFERRAL_SENT,
                TSU_REASON_NONE, NULL, "緊急のため " OVERRIDE_MARKER);
  add_referral (db, c4, SHAKYO, MOJI_COUNTER, "2024-04-02", TSU_REFERRAL_SENT,
                TSU_REASON_NONE, NULL, NULL);
  return db;
}

static void
init_options (TsuReferralsReportOptions *options,
              TsuDateStyle               style,
              gboolean                   include_cases)
{
  tsu_referrals_report_options_init (options);
  options->council_name = COUNCIL;
  options->date_style = style;
  options->include_cases = include_cases;
}

static void
assert_no_marker (const char *text)
{
  g_assert_null (strstr (text, NOTE_MARKER));
  g_assert_null (strstr (text, OVERRIDE_MARKER));
  g_assert_null (strstr (text, "SECRET"));
}

/* What read-xlsx-formulas.py printed. */

typedef struct
{
  GStrv       lines;
  GHashTable *cells; /* "SHEET\tROW\tCOL" → the line's fields */
} Facts;

/* Fields of a cell: 0 "cell", 1 sheet, 2 row, 3 column (from 1), 4 kind,
 * 5 value or formula, 6 type of the stored value, 7 stored value. */
enum { F_SHEET = 1, F_ROW, F_COL, F_KIND, F_VALUE, F_STORED_TYPE, F_STORED };

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
  facts->lines = report_test_run_xlsx_script (READ_XLSX_FORMULAS_SCRIPT, xlsx_path);
  facts->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_strfreev);
  for (guint i = 0; facts->lines[i] != NULL; i++)
    {
      GStrv fields;

      if (!g_str_has_prefix (facts->lines[i], "cell\t"))
        continue;
      fields = g_strsplit (facts->lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 8);
      g_hash_table_insert (facts->cells,
                           g_strdup_printf ("%s\t%s\t%s", fields[F_SHEET], fields[F_ROW], fields[F_COL]),
                           fields);
    }
}

static GStrv
find_cell (Facts *facts,
           guint  sheet,
           guint  row,
           guint  column)
{
  g_autofree char *key = g_strdup_printf ("%u\t%u\t%u", sheet, row, column);

  return g_hash_table_lookup (facts->cells, key);
}

static GStrv
cell (Facts *facts,
      guint  sheet,
      guint  row,
      guint  column)
{
  GStrv fields = find_cell (facts, sheet, row, column);

  if (fields == NULL)
    g_error ("no cell at row %u, column %u of sheet %u", row, column, sheet);
  return fields;
}

/* The rows (from 1) of column A of @sheet holding @text, from @after on. */
static guint
find_row_after (Facts      *facts,
                guint       sheet,
                const char *text,
                guint       after)
{
  guint best = 0;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, facts->cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GStrv fields = value;
      guint row = atoi (fields[F_ROW]);

      if ((guint) atoi (fields[F_SHEET]) == sheet && atoi (fields[F_COL]) == 1
          && row > after && g_strcmp0 (fields[F_VALUE], text) == 0
          && (best == 0 || row < best))
        best = row;
    }
  if (best == 0)
    g_error ("“%s” is not in column A of sheet %u after row %u", text, sheet, after);
  return best;
}

static void
assert_count (Facts *facts,
              guint  sheet,
              guint  row,
              guint  column,
              guint  count)
{
  GStrv fields = cell (facts, sheet, row, column);
  g_autofree char *expected = g_strdup_printf ("%u", count);

  g_assert_cmpstr (fields[F_KIND], ==, "int");
  g_assert_cmpstr (fields[F_VALUE], ==, expected);
}

/* =SUM(Bfirst:Blast) with @value stored. */
static void
assert_sum (Facts *facts,
            guint  sheet,
            guint  row,
            guint  column,
            guint  first,
            guint  last,
            guint  value)
{
  GStrv fields = cell (facts, sheet, row, column);
  char letter = 'A' + column - 1;
  g_autofree char *formula = g_strdup_printf ("=SUM(%c%u:%c%u)", letter, first, letter, last);
  g_autofree char *expected = g_strdup_printf ("%u", value);
  g_autofree char *expected_float = g_strdup_printf ("%u.0", value);

  g_assert_cmpstr (fields[F_KIND], ==, "formula");
  g_assert_cmpstr (fields[F_VALUE], ==, formula);
  if (g_strcmp0 (fields[F_STORED], expected) != 0)
    g_assert_cmpstr (fields[F_STORED], ==, expected_float);
}

static gboolean
has_fact (Facts      *facts,
          const char *line)
{
  return g_strv_contains ((const char * const *) facts->lines, line);
}

static guint
count_sheets (Facts *facts)
{
  guint n = 0;

  for (guint i = 0; facts->lines[i] != NULL; i++)
    if (g_str_has_prefix (facts->lines[i], "sheet\t"))
      n++;
  return n;
}

static char *
export_xlsx (TsuDatabase  *db,
             const char   *dir,
             const char   *name,
             TsuDateStyle  style,
             gboolean      include_cases)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  TsuReferralsReportOptions options;
  g_autoptr(GError) error = NULL;

  init_options (&options, style, include_cases);
  g_assert_true (tsu_referrals_report_export_xlsx (db, 2023, &options, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_xlsx_statistics (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_fixture (&dir);
  g_autofree char *path = export_xlsx (db, dir, "stats.xlsx", TSU_DATE_STYLE_GREGORIAN, FALSE);
  g_auto(Facts) facts = { 0 };
  guint row, first, rate_row;
  GStrv fields;

  read_facts (&facts, path);
  for (guint i = 0; facts.lines[i] != NULL; i++)
    assert_no_marker (facts.lines[i]);

  /* One sheet: no referral rows unless asked for. */
  g_assert_cmpuint (count_sheets (&facts), ==, 1);
  g_assert_true (has_fact (&facts, "orientation\t0\tlandscape"));
  g_assert_true (has_fact (&facts, "paper\t0\t9"));
  g_assert_cmpstr (cell (&facts, 0, 1, 1)[F_VALUE], ==, "2023年度 Referral Statistics");

  /* Summary. */
  row = find_row_after (&facts, 0, "Cases received", 0);
  assert_count (&facts, 0, row, 2, 3);
  row = find_row_after (&facts, 0, "Referrals made", 0);
  assert_count (&facts, 0, row, 2, 4);
  row = find_row_after (&facts, 0, "Cases of foreign residents", 0);
  assert_count (&facts, 0, row, 2, 1);
  row = find_row_after (&facts, 0, "Median days from referral to connection", 0);
  fields = cell (&facts, 0, row, 2);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (fields[F_VALUE], NULL), 15.0, 1e-9);

  /* By status, with its total as a formula. */
  first = find_row_after (&facts, 0, tsu_referral_status_to_label (TSU_REFERRAL_SENT), 0);
  for (guint s = 0; s < TSU_N_REFERRAL_STATUSES; s++)
    g_assert_cmpstr (cell (&facts, 0, first + s, 1)[F_VALUE], ==, tsu_referral_status_to_label (s));
  assert_count (&facts, 0, first + TSU_REFERRAL_SENT, 2, 1);
  assert_count (&facts, 0, first + TSU_REFERRAL_ACCEPTED, 2, 0);
  assert_count (&facts, 0, first + TSU_REFERRAL_CONNECTED, 2, 2);
  assert_count (&facts, 0, first + TSU_REFERRAL_NOT_CONNECTED, 2, 1);
  row = find_row_after (&facts, 0, "Total", first);
  g_assert_cmpuint (row, ==, first + TSU_N_REFERRAL_STATUSES);
  assert_sum (&facts, 0, row, 2, first, row - 1, 4);

  /* The rate over the status table, its value stored. */
  rate_row = find_row_after (&facts, 0, "Connection rate (connected ÷ (connected + not connected))", 0);
  fields = cell (&facts, 0, rate_row, 2);
  g_assert_cmpstr (fields[F_KIND], ==, "formula");
  {
    g_autofree char *connected = g_strdup_printf ("B%u", first + TSU_REFERRAL_CONNECTED);
    g_autofree char *division = g_strdup_printf ("B%u/(B%u+B%u)", first + TSU_REFERRAL_CONNECTED,
                                                 first + TSU_REFERRAL_CONNECTED,
                                                 first + TSU_REFERRAL_NOT_CONNECTED);

    g_assert_nonnull (strstr (fields[F_VALUE], division));
    g_assert_nonnull (strstr (fields[F_VALUE], connected));
  }
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (fields[F_STORED], NULL), 2.0 / 3.0, 1e-9);

  /* By ward: three columns and three totals. */
  first = find_row_after (&facts, 0, "門司区", 0);
  assert_count (&facts, 0, first, 2, 3);
  assert_count (&facts, 0, first, 3, 1);
  assert_count (&facts, 0, first, 4, 1);
  assert_count (&facts, 0, first + 1, 1 + 1, 1);
  g_assert_cmpstr (cell (&facts, 0, first + 1, 1)[F_VALUE], ==, "小倉北区");
  assert_count (&facts, 0, first + 1, 3, 1);
  assert_count (&facts, 0, first + 1, 4, 0);
  row = find_row_after (&facts, 0, "Total", first);
  g_assert_cmpuint (row, ==, first + TSU_N_WARDS);
  assert_sum (&facts, 0, row, 2, first, row - 1, 4);
  assert_sum (&facts, 0, row, 3, first, row - 1, 2);
  assert_sum (&facts, 0, row, 4, first, row - 1, 1);

  /* By concern: cases, each once under each concern. */
  first = find_row_after (&facts, 0, tsu_concern_to_label (TSU_CONCERN_POVERTY), 0);
  assert_count (&facts, 0, first + TSU_CONCERN_POVERTY, 2, 2);
  assert_count (&facts, 0, first + TSU_CONCERN_EMPLOYMENT, 2, 1);
  assert_count (&facts, 0, first + TSU_CONCERN_HOUSING, 2, 1);
  assert_count (&facts, 0, first + TSU_CONCERN_FOOD, 2, 0);
  row = find_row_after (&facts, 0, "Total", first);
  g_assert_cmpuint (row, ==, first + TSU_N_CONCERNS);
  assert_sum (&facts, 0, row, 2, first, row - 1, 4);

  /* By month, April to March. */
  first = find_row_after (&facts, 0, "2023年4月", 0);
  g_assert_cmpstr (cell (&facts, 0, first + 8, 1)[F_VALUE], ==, "2023年12月");
  g_assert_cmpstr (cell (&facts, 0, first + 11, 1)[F_VALUE], ==, "2024年3月");
  assert_count (&facts, 0, first, 2, 1);
  assert_count (&facts, 0, first + 1, 2, 1);
  assert_count (&facts, 0, first + 2, 2, 1);
  assert_count (&facts, 0, first + 3, 2, 0);
  assert_count (&facts, 0, first + 11, 2, 1);
  row = find_row_after (&facts, 0, "Total", first);
  g_assert_cmpuint (row, ==, first + 12);
  assert_sum (&facts, 0, row, 2, first, row - 1, 4);
}

static void
test_xlsx_cases (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_fixture (&dir);
  g_autofree char *path = export_xlsx (db, dir, "cases.xlsx", TSU_DATE_STYLE_WAREKI, TRUE);
  g_auto(Facts) facts = { 0 };
  guint row;
  GStrv fields;

  read_facts (&facts, path);
  /* Neither the notes nor the override reason, in any cell of any sheet. */
  for (guint i = 0; facts.lines[i] != NULL; i++)
    assert_no_marker (facts.lines[i]);

  g_assert_cmpuint (count_sheets (&facts), ==, 2);
  g_assert_true (has_fact (&facts, "freeze\t1\tB4"));
  g_assert_true (has_fact (&facts, "autofilter\t1\tA3:L7"));
  g_assert_true (has_fact (&facts, "orientation\t1\tlandscape"));
  g_assert_true (has_fact (&facts, "title_rows\t1\t$3:$3"));
  g_assert_cmpstr (cell (&facts, 0, 1, 1)[F_VALUE], ==, "令和5年度 Referral Statistics");
  /* 和暦 months on the statistics sheet. */
  row = find_row_after (&facts, 0, "令和5年4月", 0);
  g_assert_cmpstr (cell (&facts, 0, row + 11, 1)[F_VALUE], ==, "令和6年3月");

  /* Headers and one row per referral of the year, by date. */
  g_assert_cmpstr (cell (&facts, 1, 3, 1)[F_VALUE], ==, "Case");
  g_assert_cmpstr (cell (&facts, 1, 3, 12)[F_VALUE], ==, "Reason");
  g_assert_null (find_cell (&facts, 1, 3, 13));
  g_assert_cmpstr (cell (&facts, 1, 4, 1)[F_VALUE], ==, "2023-0001");
  g_assert_cmpstr (cell (&facts, 1, 5, 1)[F_VALUE], ==, "2023-0001");
  g_assert_cmpstr (cell (&facts, 1, 6, 1)[F_VALUE], ==, "2023-0002");
  g_assert_cmpstr (cell (&facts, 1, 7, 1)[F_VALUE], ==, "2023-0003");
  g_assert_null (find_cell (&facts, 1, 8, 1));

  /* The not-connected one: dates as dates, names, ward, concerns, the
   * reason. */
  fields = cell (&facts, 1, 5, 2);
  g_assert_cmpstr (fields[F_KIND], ==, "date");
  g_assert_cmpstr (fields[F_VALUE], ==, "2023-04-10");
  g_assert_cmpstr (cell (&facts, 1, 5, 3)[F_VALUE], ==, "2023-05-01");
  g_assert_cmpstr (cell (&facts, 1, 5, 4)[F_VALUE], ==, "2023-05-20");
  g_assert_cmpstr (cell (&facts, 1, 5, 5)[F_VALUE], ==, MOJI_COUNTER);
  g_assert_cmpstr (cell (&facts, 1, 5, 6)[F_VALUE], ==, SHAKYO);
  g_assert_cmpstr (cell (&facts, 1, 5, 7)[F_VALUE], ==, "門司区");
  g_assert_cmpstr (cell (&facts, 1, 5, 8)[F_VALUE], ==, tsu_age_band_to_label (TSU_AGE_40S));
  {
    g_autofree char *concerns = tsu_concerns_to_text ((1u << TSU_CONCERN_POVERTY) | (1u << TSU_CONCERN_EMPLOYMENT),
                                                      FALSE);

    g_assert_cmpstr (cell (&facts, 1, 5, 9)[F_VALUE], ==, concerns);
  }
  g_assert_cmpstr (cell (&facts, 1, 5, 10)[F_VALUE], ==, "Yes");
  g_assert_cmpstr (cell (&facts, 1, 5, 11)[F_VALUE], ==,
                   tsu_referral_status_to_label (TSU_REFERRAL_NOT_CONNECTED));
  g_assert_cmpstr (cell (&facts, 1, 5, 12)[F_VALUE], ==,
                   tsu_referral_reason_to_label (TSU_REASON_UNREACHABLE));
  /* The open one has no closing date and no reason. */
  g_assert_null (find_cell (&facts, 1, 7, 4));
  g_assert_null (find_cell (&facts, 1, 7, 12));
  g_assert_cmpstr (cell (&facts, 1, 7, 10)[F_VALUE], ==, "No");
}

static void
test_xlsx_empty_year (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autofree char *path = export_xlsx (db, dir, "empty.xlsx", TSU_DATE_STYLE_GREGORIAN, TRUE);
  g_auto(Facts) facts = { 0 };
  guint row, first;
  GStrv fields;

  read_facts (&facts, path);
  g_assert_cmpuint (count_sheets (&facts), ==, 2);
  /* Nothing closed: the rate formula stores a dash, not a division by 0. */
  row = find_row_after (&facts, 0, "Connection rate (connected ÷ (connected + not connected))", 0);
  fields = cell (&facts, 0, row, 2);
  g_assert_cmpstr (fields[F_KIND], ==, "formula");
  g_assert_cmpstr (fields[F_STORED], ==, "—");
  row = find_row_after (&facts, 0, "Median days from referral to connection", 0);
  g_assert_cmpstr (cell (&facts, 0, row, 2)[F_VALUE], ==, "—");
  first = find_row_after (&facts, 0, "2023年4月", 0);
  row = find_row_after (&facts, 0, "Total", first);
  assert_sum (&facts, 0, row, 2, first, row - 1, 0);
  /* Only the headers on the referral sheet. */
  g_assert_nonnull (find_cell (&facts, 1, 3, 1));
  g_assert_null (find_cell (&facts, 1, 4, 1));
}

static char *
join_pages (GStrv pages)
{
  return g_strjoinv ("\f", pages);
}

static void
test_printout (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_fixture (&dir);
  g_autofree char *path = g_build_filename (dir, "stats.pdf", NULL);
  g_autoptr(TsuTablePrint) print = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  TsuReferralsReportOptions options;

  init_options (&options, TSU_DATE_STYLE_WAREKI, FALSE);
  print = tsu_referrals_report_new_printout (db, 2023, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (print);
  g_assert_cmpuint (tsu_table_print_get_n_columns (print), ==, 4);
  g_assert_true (tsu_table_print_write_pdf (print, path, &error));
  g_assert_no_error (error);

  pages = report_test_pdf_pages (path);
  text = join_pages (pages);
  assert_no_marker (text);
  g_assert_nonnull (strstr (text, "令和5年度 Referral Statistics"));
  g_assert_nonnull (strstr (text, COUNCIL));
  g_assert_nonnull (strstr (text, "Referrals by status"));
  g_assert_nonnull (strstr (text, "Referrals by ward of the case"));
  g_assert_nonnull (strstr (text, "Cases by concern"));
  g_assert_nonnull (strstr (text, "Referrals by month"));
  g_assert_nonnull (strstr (text, "66.7%"));
  g_assert_nonnull (strstr (text, "15.0 days"));
  g_assert_nonnull (strstr (text, "令和6年3月"));
  g_assert_nonnull (strstr (text, "小倉北区"));
  /* Four totals: status, ward, concern, month. */
  g_assert_cmpuint (report_test_count (text, "Total"), ==, 4);
}

/* The network. */

static void
test_network_model (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_fixture (&dir);
  g_autoptr(TsuReferralNetwork) network = NULL;
  g_autoptr(TsuReferralNetwork) next_year = NULL;
  g_autoptr(TsuReferralNetwork) empty = NULL;
  g_autoptr(GError) error = NULL;

  network = tsu_referral_network_new (db, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tsu_referral_network_get_n_nodes (network), ==, 3);
  g_assert_cmpuint (tsu_referral_network_get_n_edges (network), ==, 3);

  /* FY2024: 社協 → 門司区役所 only. */
  next_year = tsu_referral_network_new (db, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tsu_referral_network_get_n_nodes (next_year), ==, 2);
  g_assert_cmpuint (tsu_referral_network_get_n_edges (next_year), ==, 1);

  empty = tsu_referral_network_new (db, 2020, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tsu_referral_network_get_n_nodes (empty), ==, 0);
  g_assert_cmpuint (tsu_referral_network_get_n_edges (empty), ==, 0);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

static guint
pdf_page_count (const char *path)
{
  const char *argv[] = { "/usr/bin/pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *pages;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

static void
test_network_files (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_fixture (&dir);
  g_autoptr(TsuReferralNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (dir, "network.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "network.PNG", NULL);
  g_autofree char *svg = g_build_filename (dir, "network.svg", NULL);
  g_autofree char *bad = g_build_filename (dir, "network.jpg", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  double width, height;
  gsize length;

  network = tsu_referral_network_new (db, 2023, &error);
  g_assert_no_error (error);

  /* PDF: one A4 landscape page whose text holds the title and the names. */
  g_assert_true (tsu_referral_network_write (network, pdf, &error));
  g_assert_no_error (error);
  contents = read_file (pdf, &length);
  g_assert_true (length > 4 && memcmp (contents, "%PDF", 4) == 0);
  g_clear_pointer (&contents, g_free);
  g_assert_cmpuint (pdf_page_count (pdf), ==, 1);
  report_test_pdf_size (pdf, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 841.89, 1.0);
  g_assert_cmpfloat_with_epsilon (height, 595.28, 1.0);
  pages = report_test_pdf_pages (pdf);
  text = join_pages (pages);
  assert_no_marker (text);
  g_assert_nonnull (strstr (text, "Referral Network"));
  g_assert_nonnull (strstr (text, MOJI_COUNTER));
  g_assert_nonnull (strstr (text, SHAKYO));
  g_assert_nonnull (strstr (text, "抱樸"));

  /* PNG, whatever the case of the suffix: the signature and its size. */
  g_assert_true (tsu_referral_network_write (network, png, &error));
  g_assert_no_error (error);
  contents = read_file (png, &length);
  g_assert_cmpuint (length, >, 24);
  g_assert_true (memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 1600);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 1130);
  g_clear_pointer (&contents, g_free);

  /* SVG. */
  g_assert_true (tsu_referral_network_write (network, svg, &error));
  g_assert_no_error (error);
  contents = read_file (svg, &length);
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "</svg>"));
  assert_no_marker (contents);
  g_clear_pointer (&contents, g_free);

  /* Anything else is refused, and nothing is written. */
  g_assert_false (tsu_referral_network_write (network, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A folder that does not exist: an error, not a crash. */
  {
    g_autofree char *missing = g_build_filename (dir, "no-such-folder", "network.pdf", NULL);

    g_assert_false (tsu_referral_network_write (network, missing, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
}

static void
test_network_empty_year (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autoptr(TsuReferralNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (dir, "empty.pdf", NULL);
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;

  network = tsu_referral_network_new (db, 2023, &error);
  g_assert_no_error (error);
  g_assert_true (tsu_referral_network_write (network, pdf, &error));
  g_assert_no_error (error);
  pages = report_test_pdf_pages (pdf);
  text = join_pages (pages);
  g_assert_nonnull (strstr (text, "No referrals in this fiscal year."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  /* The report's default style follows a setting; tests pin theirs. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/referrals/xlsx-statistics", test_xlsx_statistics);
  g_test_add_func ("/report/referrals/xlsx-cases", test_xlsx_cases);
  g_test_add_func ("/report/referrals/xlsx-empty-year", test_xlsx_empty_year);
  g_test_add_func ("/report/referrals/printout", test_printout);
  g_test_add_func ("/report/referrals/network-model", test_network_model);
  g_test_add_func ("/report/referrals/network-files", test_network_files);
  g_test_add_func ("/report/referrals/network-empty-year", test_network_empty_year);

  return g_test_run ();
}
