/* test-audit-report.c: the audit trail workbook read back with openpyxl —
 * one row per changed field with a real date-time, the house style, and
 * no note or override text anywhere in the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "report-test-util.h"
#include "tsu-audit-report.h"
#include "tsu-audit.h"
#include "tsu-case.h"
#include "tsu-organization.h"
#include "tsu-referral.h"
#include "tsu-xlsx-style.h"

#define COUNCIL "テスト協議会"
#define NOTE_MARKER "SECRET-NOTE-123"
#define NOTE_MARKER_2 "SECRET-NOTE-789"
#define OVERRIDE_MARKER "SECRET-OVERRIDE-456"

enum { COL_WHEN = 1, COL_USER, COL_TABLE, COL_ROW_ID, COL_ACTION, COL_FIELD, COL_OLD, COL_NEW };
#define HEADER_ROW 3

typedef struct
{
  char        *dir;
  TsuDatabase *db;
  gint64       org_id;
  gint64       case_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuOrganization) org = tsu_organization_new ();
  g_autoptr(TsuCase) referral_case = tsu_case_new ();
  g_autoptr(TsuReferral) referral = NULL;

  f->dir = report_test_make_dir ();
  path = g_build_filename (f->dir, "test.db", NULL);
  f->db = tsu_database_open (path, &error);
  g_assert_no_error (error);

  tsu_organization_set_legal_form (org, "NPO法人");
  tsu_organization_set_name (org, "抱樸");
  tsu_organization_set_reading (org, "ほうぼく");
  tsu_organization_set_phone (org, "093-111-1111");
  tsu_organization_set_joined_on (org, "2023-12-14");
  g_assert_true (tsu_organization_save (org, f->db, &error));
  g_assert_no_error (error);
  f->org_id = tsu_organization_get_id (org);
  tsu_organization_set_phone (org, "093-222-2222");
  g_assert_true (tsu_organization_save (org, f->db, &error));
  g_assert_no_error (error);

  /* Notes and an override reason written, then the notes changed: the
   * trail keeps them all, the workbook none. */
  tsu_case_set_code (referral_case, "2023-0001");
  tsu_case_set_received_on (referral_case, "2023-04-10");
  tsu_case_set_entrance (referral_case, "門司区役所");
  tsu_case_set_ward (referral_case, TSU_WARD_MOJI);
  tsu_case_set_notes (referral_case, "本人の事情 " NOTE_MARKER);
  g_assert_true (tsu_case_save (referral_case, f->db, &error));
  g_assert_no_error (error);
  f->case_id = tsu_case_get_id (referral_case);
  tsu_case_set_notes (referral_case, NOTE_MARKER_2 " 追記");
  g_assert_true (tsu_case_save (referral_case, f->db, &error));
  g_assert_no_error (error);

  referral = tsu_referral_new (f->case_id);
  tsu_referral_set_from (referral, "門司区役所");
  tsu_referral_set_to (referral, "NPO法人 抱樸");
  tsu_referral_set_referred_on (referral, "2023-04-12");
  tsu_referral_set_override (referral, "緊急のため " OVERRIDE_MARKER);
  g_assert_true (tsu_referral_save (referral, f->db, &error));
  g_assert_no_error (error);

  g_assert_true (tsu_organization_delete (f->db, f->org_id, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->db);
  g_free (f->dir);
}

/* What read-xlsx-audit.py printed: every line, and the cells by
 * "ROW\tCOL" → the line's fields (0 "cell", 1 row, 2 column, 3 kind,
 * 4 number format, 5 font, 6 wrap, 7 value). */
typedef struct
{
  GStrv       lines;
  GHashTable *cells;
} Facts;

enum { F_ROW = 1, F_COL, F_KIND, F_FORMAT, F_FONT, F_WRAP, F_VALUE };

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
  const char *argv[] = {
    "/usr/bin/python3", READ_XLSX_AUDIT_SCRIPT, xlsx_path,
    NOTE_MARKER, NOTE_MARKER_2, OVERRIDE_MARKER, "SECRET", NULL
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    g_error ("/usr/bin/python3 is missing (build-aux/dev installs it)");
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-xlsx-audit.py failed (is python3-openpyxl installed?):\n%s", err);

  facts->lines = g_strsplit (out, "\n", -1);
  facts->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  for (guint i = 0; facts->lines[i] != NULL; i++)
    if (g_str_has_prefix (facts->lines[i], "cell\t"))
      {
        GStrv fields = g_strsplit (facts->lines[i], "\t", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 8);
        g_hash_table_insert (facts->cells, g_strdup_printf ("%s\t%s", fields[F_ROW], fields[F_COL]), fields);
      }
}

static const char *
fact (Facts      *facts,
      const char *key)
{
  g_autofree char *prefix = g_strconcat (key, "\t", NULL);

  for (guint i = 0; facts->lines[i] != NULL; i++)
    if (g_str_has_prefix (facts->lines[i], prefix))
      return facts->lines[i] + strlen (prefix);
  return NULL;
}

static GStrv
cell (Facts *facts,
      int    row,
      int    col)
{
  g_autofree char *key = g_strdup_printf ("%d\t%d", row, col);

  return g_hash_table_lookup (facts->cells, key);
}

static const char *
value (Facts *facts,
       int    row,
       int    col)
{
  GStrv fields = cell (facts, row, col);

  return fields ? fields[F_VALUE] : NULL;
}

static int
max_row (Facts *facts)
{
  return atoi (fact (facts, "max_row"));
}

/* The data row of @field of @table, 0 when there is none; the first or
 * the last one. */
static int
find_row (Facts      *facts,
          const char *table,
          const char *field,
          gboolean    last)
{
  int found = 0;

  for (int row = HEADER_ROW + 1; row <= max_row (facts); row++)
    if (g_strcmp0 (value (facts, row, COL_TABLE), tsu_audit_table_label (table)) == 0
        && g_strcmp0 (value (facts, row, COL_FIELD), tsu_audit_column_label (table, field)) == 0)
      {
        found = row;
        if (!last)
          break;
      }
  return found;
}

static gboolean
count_row (const TsuAuditEntry  *entry,
           gpointer              user_data,
           GError              **error)
{
  guint *n = user_data;

  *n += MAX (entry->fields->len, 1);
  return TRUE;
}

static char *
export (Fixture      *f,
        TsuDateStyle  style)
{
  TsuAuditReportOptions options;
  g_autofree char *path = g_build_filename (f->dir, style == TSU_DATE_STYLE_WAREKI ? "wareki.xlsx" : "trail.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  tsu_audit_report_options_init (&options);
  options.council_name = COUNCIL;
  options.date_style = style;
  g_assert_true (tsu_audit_report_export_xlsx (f->db, &options, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = export (f, TSU_DATE_STYLE_GREGORIAN);
  g_auto(Facts) facts = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *row_id = g_strdup_printf ("%" G_GINT64_FORMAT, f->org_id);
  guint n_rows = 0;
  int row;

  read_facts (&facts, path);

  /* Title and headers. */
  g_assert_cmpstr (fact (&facts, "sheets"), ==, "Audit Trail");
  g_assert_cmpstr (value (&facts, 1, 1), ==, COUNCIL " — Audit Trail");
  g_assert_cmpstr (value (&facts, HEADER_ROW, COL_WHEN), ==, "Date and Time");
  g_assert_cmpstr (value (&facts, HEADER_ROW, COL_USER), ==, "User");
  g_assert_cmpstr (value (&facts, HEADER_ROW, COL_TABLE), ==, "Record Type");
  g_assert_cmpstr (value (&facts, HEADER_ROW, COL_ROW_ID), ==, "Record ID");
  g_assert_cmpstr (value (&facts, HEADER_ROW, COL_ACTION), ==, "Action");
  g_assert_cmpstr (value (&facts, HEADER_ROW, COL_FIELD), ==, "Field");
  g_assert_cmpstr (value (&facts, HEADER_ROW, COL_OLD), ==, "Before");
  g_assert_cmpstr (value (&facts, HEADER_ROW, COL_NEW), ==, "After");

  /* One row per changed field of every entry. */
  g_assert_true (tsu_audit_foreach (f->db, count_row, &n_rows, NULL));
  g_assert_cmpint (max_row (&facts), ==, HEADER_ROW + (int) n_rows);
  g_assert_nonnull (strstr (value (&facts, 2, 1), "changed fields"));

  /* The phone's change: a date-time cell, the user, the labels. */
  row = find_row (&facts, "organizations", "phone", TRUE);
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (value (&facts, row, COL_OLD), ==, "093-111-1111");
  g_assert_cmpstr (value (&facts, row, COL_NEW), ==, "093-222-2222");
  g_assert_cmpstr (value (&facts, row, COL_ACTION), ==, tsu_audit_action_label (TSU_AUDIT_UPDATE));
  g_assert_cmpstr (value (&facts, row, COL_USER), ==, g_get_user_name ());
  g_assert_cmpstr (value (&facts, row, COL_ROW_ID), ==, row_id);
  g_assert_cmpstr (cell (&facts, row, COL_ROW_ID)[F_KIND], ==, "int");
  g_assert_cmpstr (cell (&facts, row, COL_WHEN)[F_KIND], ==, "date");
  g_assert_true (g_str_has_prefix (value (&facts, row, COL_WHEN), today));
  g_assert_cmpstr (cell (&facts, row, COL_WHEN)[F_FORMAT], ==, "yyyy/mm/dd hh:mm:ss");
  g_assert_cmpstr (cell (&facts, row, COL_FIELD)[F_FONT], ==, "游ゴシック");
  /* One line high: the date-time is a number and does not wrap. */
  {
    g_autofree char *key = g_strdup_printf ("height\t%d", row);

    g_assert_cmpstr (fact (&facts, key), ==, "18.75");
  }

  /* The first row of the organisation is its insert, dates as dates. */
  row = find_row (&facts, "organizations", "joined_on", FALSE);
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (value (&facts, row, COL_ACTION), ==, tsu_audit_action_label (TSU_AUDIT_INSERT));
  g_assert_null (value (&facts, row, COL_OLD));
  g_assert_cmpstr (value (&facts, row, COL_NEW), ==, "2023年12月14日");

  /* Codes as the words people know. */
  row = find_row (&facts, "organizations", "kind", FALSE);
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (value (&facts, row, COL_NEW), ==, tsu_organization_kind_to_label (TSU_ORGANIZATION_KIND_MEMBER));

  /* The delete is there. */
  row = find_row (&facts, "organizations", "deleted_at", TRUE);
  g_assert_cmpint (row, >, 0);

  /* Notes and the override reason: only that there was one. */
  row = find_row (&facts, "cases", "notes", TRUE);
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (value (&facts, row, COL_OLD), ==, TSU_AUDIT_HIDDEN);
  g_assert_cmpstr (value (&facts, row, COL_NEW), ==, TSU_AUDIT_HIDDEN);
  row = find_row (&facts, "referrals", "override", FALSE);
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (value (&facts, row, COL_NEW), ==, TSU_AUDIT_HIDDEN);

  /* Not in any cell, nor anywhere else in the file. */
  {
    GHashTableIter iter;
    gpointer fields;

    g_hash_table_iter_init (&iter, facts.cells);
    while (g_hash_table_iter_next (&iter, NULL, &fields))
      {
        g_assert_null (strstr (((GStrv) fields)[F_VALUE], "SECRET"));
        g_assert_null (strstr (((GStrv) fields)[F_VALUE], "本人の事情"));
        g_assert_null (strstr (((GStrv) fields)[F_VALUE], "緊急のため"));
      }
  }
  g_assert_cmpstr (fact (&facts, "raw\t" NOTE_MARKER), ==, "False");
  g_assert_cmpstr (fact (&facts, "raw\t" NOTE_MARKER_2), ==, "False");
  g_assert_cmpstr (fact (&facts, "raw\t" OVERRIDE_MARKER), ==, "False");
  g_assert_cmpstr (fact (&facts, "raw\tSECRET"), ==, "False");
}

static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = export (f, TSU_DATE_STYLE_GREGORIAN);
  g_auto(Facts) facts = { 0 };
  g_autofree char *filter = NULL;
  static const double caps[] = { 0, 27, 14, 16, 9, 10, 28, 40, 40 };
  int row = 0;

  read_facts (&facts, path);

  /* Headers frozen and filtered, A4 landscape one page wide, the header
   * row on every page. */
  filter = g_strdup_printf ("A3:H%d", max_row (&facts));
  g_assert_cmpstr (fact (&facts, "autofilter"), ==, filter);
  g_assert_cmpstr (fact (&facts, "freeze"), ==, "A4");
  g_assert_cmpstr (fact (&facts, "orientation"), ==, "landscape");
  g_assert_cmpstr (fact (&facts, "paper"), ==, "9");
  g_assert_cmpstr (fact (&facts, "fit_to_page"), ==, "True");
  g_assert_cmpstr (fact (&facts, "fit_width"), ==, "1");
  g_assert_cmpstr (fact (&facts, "fit_height"), ==, "0");
  g_assert_cmpstr (fact (&facts, "title_rows"), ==, "$3:$3");

  /* Streamed: constant_memory writes strings inline, without the shared
   * string table that needs every string in memory until the end. */
  g_assert_null (strstr (fact (&facts, "parts"), "sharedStrings.xml"));

  /* Columns as wide as their widest value, up to a cap where long
   * values wrap. */
  for (int col = COL_WHEN; col <= COL_NEW; col++)
    {
      g_autofree char *key = g_strdup_printf ("width\t%d", col);
      double width = g_ascii_strtod (fact (&facts, key), NULL);
      double widest = 0;

      for (row = HEADER_ROW + 1; row <= max_row (&facts); row++)
        if (value (&facts, row, col) != NULL && col != COL_WHEN)
          widest = MAX (widest, tsu_xlsx_text_width (value (&facts, row, col)));
      g_assert_cmpfloat (width, >=, MIN (widest, caps[col]));
      g_assert_cmpfloat (width, <=, caps[col] + 1);
    }
  /* "2026/11/24 10:03:12" fits. */
  {
    double width = g_ascii_strtod (fact (&facts, "width\t1"), NULL);

    g_assert_cmpfloat (width, >=, tsu_xlsx_text_width ("2026/11/24 10:03:12"));
  }
}

static void
test_wareki (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = export (f, TSU_DATE_STYLE_WAREKI);
  g_auto(Facts) facts = { 0 };
  int row;

  read_facts (&facts, path);
  row = find_row (&facts, "organizations", "phone", TRUE);
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (cell (&facts, row, COL_WHEN)[F_KIND], ==, "date");
  g_assert_true (g_str_has_prefix (cell (&facts, row, COL_WHEN)[F_FORMAT], "[$-411]ggge"));
  row = find_row (&facts, "organizations", "joined_on", FALSE);
  g_assert_cmpstr (value (&facts, row, COL_NEW), ==, "令和5年12月14日");
}

/* A trail of a few thousand changes: every row is there, in order. */
static void
test_long_trail (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TsuOrganization) org = tsu_organization_new ();
  g_autofree char *path = NULL;
  g_auto(Facts) facts = { 0 };
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;
  char previous[32] = "";

  tsu_organization_set_name (org, "長い履歴");
  tsu_organization_set_reading (org, "ながいりれき");
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *phone = g_strdup_printf ("093-000-%04d", i);

      tsu_organization_set_phone (org, phone);
      g_assert_true (tsu_organization_save (org, f->db, &error));
      g_assert_no_error (error);
    }
  path = export (f, TSU_DATE_STYLE_GREGORIAN);
  read_facts (&facts, path);
  g_assert_true (tsu_audit_foreach (f->db, count_row, &n_rows, NULL));
  g_assert_cmpuint (n_rows, >, 1000);
  g_assert_cmpint (max_row (&facts), ==, HEADER_ROW + (int) n_rows);
  g_assert_cmpstr (value (&facts, max_row (&facts), COL_NEW), ==, "093-000-0999");
  /* Oldest first. */
  for (int row = HEADER_ROW + 1; row <= max_row (&facts); row++)
    {
      const char *when = value (&facts, row, COL_WHEN);

      g_assert_cmpstr (when, >=, previous);
      g_strlcpy (previous, when, sizeof previous);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/audit/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/report/audit/layout", Fixture, NULL, fixture_set_up, test_layout, fixture_tear_down);
  g_test_add ("/report/audit/wareki", Fixture, NULL, fixture_set_up, test_wareki, fixture_tear_down);
  g_test_add ("/report/audit/long-trail", Fixture, NULL, fixture_set_up, test_long_trail, fixture_tear_down);

  return g_test_run ();
}
