/* test-members-report.c: the member directory as a workbook and a PDF,
 * read back with openpyxl and pdftotext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "report-test-util.h"
#include "tsu-members-report.h"
#include "tsu-person.h"

#define TODAY "2026-11-24"

/* Fixture. */

static TsuDatabase *
new_database (char **dir_out)
{
  g_autofree char *dir = report_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  TsuDatabase *db = tsu_database_open (path, &error);

  g_assert_no_error (error);
  if (dir_out != NULL)
    *dir_out = g_steal_pointer (&dir);
  return db;
}

static gint64
add_org (TsuDatabase         *db,
         const char          *legal_form,
         const char          *name,
         const char          *reading,
         TsuOrganizationKind  kind,
         const char          *fields,
         const char          *address,
         const char          *joined_on,
         const char          *left_on)
{
  g_autoptr(TsuOrganization) org = tsu_organization_new ();
  g_auto(GStrv) field_list = tsu_organization_parse_fields (fields ? fields : "");
  g_autoptr(GError) error = NULL;

  tsu_organization_set_legal_form (org, legal_form);
  tsu_organization_set_name (org, name);
  tsu_organization_set_reading (org, reading);
  tsu_organization_set_kind (org, kind);
  tsu_organization_set_fields (org, (const char * const *) field_list);
  tsu_organization_set_address (org, address);
  tsu_organization_set_phone (org, "093-000-0000");
  tsu_organization_set_joined_on (org, joined_on);
  tsu_organization_set_left_on (org, left_on);
  g_assert_true (tsu_organization_save (org, db, &error));
  g_assert_no_error (error);
  return tsu_organization_get_id (org);
}

static void
add_person (TsuDatabase *db,
            gint64       org_id,
            const char  *title,
            const char  *name,
            const char  *reading,
            gboolean     primary)
{
  g_autoptr(TsuPerson) person = tsu_person_new (org_id);
  g_autoptr(GError) error = NULL;

  tsu_person_set_title (person, title);
  tsu_person_set_name (person, name);
  tsu_person_set_reading (person, reading);
  tsu_person_set_primary (person, primary);
  g_assert_true (tsu_person_save (person, db, &error));
  g_assert_no_error (error);
}

/* Current members in 五十音順: き (いのちの電話, its legal form not
 * counted), す, ふ, ほ; a former member (あ) that would sort first; a
 * partner and a city department. */
static TsuDatabase *
new_council (char **dir_out)
{
  TsuDatabase *db = new_database (dir_out);
  gint64 id;

  id = add_org (db, "NPO法人", "抱樸", "ほうぼく", TSU_ORGANIZATION_KIND_MEMBER,
                "ホームレス支援;フードバンク", "北九州市八幡東区荒生田2-1-32",
                "2022-02-01", NULL);
  /* The first person by reading is not the primary contact. */
  add_person (db, id, "副理事長", "安部 太郎", "あべ たろう", FALSE);
  add_person (db, id, "理事長", "奥田知志", "おくだ ともし", TRUE);

  id = add_org (db, "社会福祉法人", "北九州いのちの電話",
                "しゃかいふくしほうじん きたきゅうしゅういのちのでんわ",
                TSU_ORGANIZATION_KIND_MEMBER, "自殺予防", "北九州市小倉北区",
                "2022-02-01", NULL);
  add_person (db, id, "事務局長", "北野花子", "きたの はなこ", TRUE);

  add_org (db, "NPO法人", "フードバンク北九州ライフアゲイン", "ふーどばんくきたきゅうしゅうらいふあげいん",
           TSU_ORGANIZATION_KIND_MEMBER, "フードバンク", NULL, "2022-04-01", NULL);
  /* Leaves in the future: still a member today. */
  add_org (db, "一般社団法人", "すまいる", "すまいる", TSU_ORGANIZATION_KIND_MEMBER,
           "子ども・若者", NULL, "2023-05-10", "2099-03-31");
  add_org (db, "任意団体", "あおぞら会", "あおぞらかい", TSU_ORGANIZATION_KIND_MEMBER,
           "高齢者", NULL, "2022-02-01", "2024-03-31");
  add_org (db, "株式会社", "ワークス", "わーくす", TSU_ORGANIZATION_KIND_PARTNER,
           "就労支援", NULL, NULL, NULL);
  id = add_org (db, NULL, "保健福祉局 地域福祉推進課", "ほけんふくしきょく ちいきふくしすいしんか",
                TSU_ORGANIZATION_KIND_GOVERNMENT, NULL, NULL, NULL, NULL);
  add_person (db, id, "課長", "市役所一郎", "しやくしょ いちろう", TRUE);
  return db;
}

static void
init_options (TsuMembersReportOptions *options)
{
  tsu_members_report_options_init (options);
  /* The default follows the date-style setting (和暦); these checks read
   * Gregorian dates unless a test asks for 和暦. */
  options->date_style = TSU_DATE_STYLE_GREGORIAN;
  options->council_name = "テスト協議会";
  options->today_iso = TODAY;
}

/* Workbook facts. */

typedef struct
{
  GHashTable *facts;  /* key → rest of the line */
  GHashTable *cells;  /* "row,col" → GStrv kind, format, font, wrap, value */
  GHashTable *widths; /* "col" → width */
} Xlsx;

static void
xlsx_free (Xlsx *xlsx)
{
  g_hash_table_unref (xlsx->facts);
  g_hash_table_unref (xlsx->cells);
  g_hash_table_unref (xlsx->widths);
  g_free (xlsx);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Xlsx, xlsx_free)

static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static Xlsx *
read_xlsx (const char *path)
{
  g_auto(GStrv) lines = report_test_read_xlsx (path);
  Xlsx *xlsx = g_new0 (Xlsx, 1);

  xlsx->facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xlsx->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  xlsx->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "\t", -1);

      if (parts[0] == NULL || *parts[0] == '\0')
        continue;
      if (strcmp (parts[0], "cell") == 0)
        {
          GStrv cell;

          g_assert_cmpuint (g_strv_length (parts), ==, 8);
          cell = g_new0 (char *, 6);
          for (guint k = 0; k < 5; k++)
            cell[k] = unescape (parts[3 + k]);
          g_hash_table_insert (xlsx->cells, g_strdup_printf ("%s,%s", parts[1], parts[2]), cell);
        }
      else if (strcmp (parts[0], "width") == 0)
        g_hash_table_insert (xlsx->widths, g_strdup (parts[1]), g_strdup (parts[2]));
      else
        {
          g_autofree char *rest = g_strjoinv ("\t", parts + 1);

          g_hash_table_insert (xlsx->facts, g_strdup (parts[0]), unescape (rest));
        }
    }
  return xlsx;
}

static const char *
fact (Xlsx       *xlsx,
      const char *key)
{
  const char *value = g_hash_table_lookup (xlsx->facts, key);

  g_assert_nonnull (value);
  return value;
}

/* NULL for an empty cell. row and col count from 1, as in Excel. */
static const char * const *
cell (Xlsx *xlsx,
      int   row,
      int   col)
{
  g_autofree char *key = g_strdup_printf ("%d,%d", row, col);

  return g_hash_table_lookup (xlsx->cells, key);
}

static const char *
cell_text (Xlsx *xlsx,
           int   row,
           int   col)
{
  const char * const *c = cell (xlsx, row, col);

  return c ? c[4] : NULL;
}

static double
width (Xlsx *xlsx,
       int   col)
{
  g_autofree char *key = g_strdup_printf ("%d", col);
  const char *value = g_hash_table_lookup (xlsx->widths, key);

  g_assert_nonnull (value);
  return g_ascii_strtod (value, NULL);
}

enum
{
  C_LEGAL_FORM = 1, C_NAME, C_READING, C_KIND, C_FIELDS, C_WARD, C_ADDRESS,
  C_PHONE, C_EMAIL, C_WEBSITE, C_HOURS, C_JOINED, C_LEFT, C_NOTES,
  C_CONTACT, C_CONTACT_TITLE, N_COLS = C_CONTACT_TITLE
};

static Xlsx *
export (TsuDatabase                   *db,
        const char                    *dir,
        const TsuMembersReportOptions *options)
{
  g_autofree char *path = g_build_filename (dir, "members.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (tsu_members_report_export_xlsx (db, options, path, &error));
  g_assert_no_error (error);
  return read_xlsx (path);
}

static void
assert_names (Xlsx               *xlsx,
              const char * const *names)
{
  guint n = g_strv_length ((char **) names);

  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (cell_text (xlsx, 4 + i, C_NAME), ==, names[i]);
  /* Nothing after them. */
  g_assert_null (cell (xlsx, 4 + n, C_NAME));
  g_assert_cmpint (atoi (fact (xlsx, "max_row")), ==, 3 + n);
}

static void
test_xlsx_members (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_council (&dir);
  g_autoptr(Xlsx) xlsx = NULL;
  TsuMembersReportOptions options;
  const char *headers[] = {
    "Legal form", "Name", "Reading", "Kind", "Fields of activity", "Ward",
    "Address", "Phone", "E-mail", "Web site", "Hours", "Joined", "Left",
    "Notes", "Primary contact", "Title",
  };
  const char *names[] = { "北九州いのちの電話", "すまいる", "フードバンク北九州ライフアゲイン", "抱樸", NULL };
  const char * const *joined;

  init_options (&options);
  xlsx = export (db, dir, &options);

  g_assert_cmpstr (fact (xlsx, "sheets"), ==, "Members");
  g_assert_cmpstr (cell_text (xlsx, 1, 1), ==, "テスト協議会 — Member Directory");
  g_assert_nonnull (strstr (cell_text (xlsx, 2, 1), "Honorifics omitted, in kana order"));
  g_assert_nonnull (strstr (cell_text (xlsx, 2, 1), "As of 2026年11月24日"));

  g_assert_cmpint (atoi (fact (xlsx, "max_column")), ==, N_COLS);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    g_assert_cmpstr (cell_text (xlsx, 3, c + 1), ==, headers[c]);

  /* 五十音順 without the legal form; the former member, the partner and
   * the city department are left out. */
  assert_names (xlsx, names);

  /* 抱樸's row: legal form apart, the primary contact (not the first by
   * reading), fields joined. */
  g_assert_cmpstr (cell_text (xlsx, 7, C_LEGAL_FORM), ==, "NPO法人");
  g_assert_cmpstr (cell_text (xlsx, 7, C_READING), ==, "ほうぼく");
  g_assert_cmpstr (cell_text (xlsx, 7, C_KIND), ==, "Member");
  g_assert_cmpstr (cell_text (xlsx, 7, C_FIELDS), ==, "ホームレス支援、フードバンク");
  g_assert_cmpstr (cell_text (xlsx, 7, C_CONTACT), ==, "奥田知志");
  g_assert_cmpstr (cell_text (xlsx, 7, C_CONTACT_TITLE), ==, "理事長");
  g_assert_cmpstr (cell_text (xlsx, 7, C_PHONE), ==, "093-000-0000");
  g_assert_null (cell (xlsx, 5, C_CONTACT));  /* すまいる has nobody */

  /* Dates are date cells, not text. */
  joined = cell (xlsx, 7, C_JOINED);
  g_assert_nonnull (joined);
  g_assert_cmpstr (joined[0], ==, "date");
  g_assert_cmpstr (joined[1], ==, "yyyy/mm/dd");
  g_assert_cmpstr (joined[4], ==, "2022-02-01");
  g_assert_cmpstr (cell (xlsx, 5, C_LEFT)[0], ==, "date");
  g_assert_cmpstr (cell (xlsx, 5, C_LEFT)[4], ==, "2099-03-31");

  /* A Japanese font everywhere. */
  g_assert_cmpstr (cell (xlsx, 1, 1)[2], ==, "游ゴシック");
  g_assert_cmpstr (cell (xlsx, 3, C_NAME)[2], ==, "游ゴシック");
  g_assert_cmpstr (cell (xlsx, 7, C_NAME)[2], ==, "游ゴシック");

  /* Headers frozen (with the name), autofilter over headers and data. */
  g_assert_cmpstr (fact (xlsx, "freeze"), ==, "C4");
  g_assert_cmpstr (fact (xlsx, "autofilter"), ==, "A3:P7");

  /* A4 landscape, one page wide, title and headers on every page. */
  g_assert_cmpstr (fact (xlsx, "orientation"), ==, "landscape");
  g_assert_cmpstr (fact (xlsx, "paper"), ==, "9");
  g_assert_cmpstr (fact (xlsx, "fit_to_page"), ==, "True");
  g_assert_cmpstr (fact (xlsx, "fit_width"), ==, "1");
  g_assert_cmpstr (fact (xlsx, "fit_height"), ==, "0");
  g_assert_cmpstr (fact (xlsx, "title_rows"), ==, "$1:$3");
  g_assert_cmpstr (fact (xlsx, "footer"), ==, "&P / &N");

  /* Widths follow the text: 16 wide characters need 32 units, the short
   * ward column stays narrow, and nothing is wider than the cap. */
  g_assert_cmpfloat (width (xlsx, C_NAME), >=, 32);
  /* The file stores widths with Excel's cell padding (about 0.71). */
  g_assert_cmpfloat (width (xlsx, C_NAME), <=, 41);
  g_assert_cmpfloat (width (xlsx, C_WARD), <, 12);
  g_assert_cmpfloat (width (xlsx, C_JOINED), >=, 10);
  for (int c = 1; c <= N_COLS; c++)
    g_assert_cmpfloat (width (xlsx, c), <=, 41);
}

static void
test_xlsx_former_and_kinds (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_council (&dir);
  TsuMembersReportOptions options;

  init_options (&options);
  options.include_former = TRUE;
  {
    g_autoptr(Xlsx) xlsx = export (db, dir, &options);
    const char *names[] = { "あおぞら会", "北九州いのちの電話", "すまいる",
                            "フードバンク北九州ライフアゲイン", "抱樸", NULL };

    assert_names (xlsx, names);
    g_assert_cmpstr (cell (xlsx, 4, C_LEFT)[0], ==, "date");
    g_assert_cmpstr (cell (xlsx, 4, C_LEFT)[4], ==, "2024-03-31");
    g_assert_cmpstr (fact (xlsx, "autofilter"), ==, "A3:P8");
  }

  /* All kinds: members, then partners, then city departments. */
  init_options (&options);
  options.all_kinds = TRUE;
  {
    g_autoptr(Xlsx) xlsx = export (db, dir, &options);
    const char *names[] = { "北九州いのちの電話", "すまいる", "フードバンク北九州ライフアゲイン",
                            "抱樸", "ワークス", "保健福祉局 地域福祉推進課", NULL };

    assert_names (xlsx, names);
    g_assert_cmpstr (cell_text (xlsx, 1, 1), ==, "テスト協議会 — Directory of Members and Partners");
    g_assert_cmpstr (cell_text (xlsx, 8, C_KIND), ==, "Partner");
    g_assert_cmpstr (cell_text (xlsx, 9, C_KIND), ==, "City department");
    g_assert_cmpstr (cell_text (xlsx, 9, C_CONTACT), ==, "市役所一郎");
    g_assert_cmpstr (cell_text (xlsx, 9, C_CONTACT_TITLE), ==, "課長");
  }

  init_options (&options);
  options.kind = TSU_ORGANIZATION_KIND_GOVERNMENT;
  {
    g_autoptr(Xlsx) xlsx = export (db, dir, &options);
    const char *names[] = { "保健福祉局 地域福祉推進課", NULL };

    assert_names (xlsx, names);
    g_assert_cmpstr (cell_text (xlsx, 1, 1), ==, "テスト協議会 — Directory of City Officials");
  }

  /* Leaving "today" makes an organisation former. */
  init_options (&options);
  options.today_iso = "2099-03-31";
  {
    g_autoptr(Xlsx) xlsx = export (db, dir, &options);
    const char *names[] = { "北九州いのちの電話", "フードバンク北九州ライフアゲイン", "抱樸", NULL };

    assert_names (xlsx, names);
  }
}

static void
test_xlsx_wareki (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_council (&dir);
  g_autoptr(Xlsx) xlsx = NULL;
  TsuMembersReportOptions options;
  const char * const *joined;

  init_options (&options);
  options.date_style = TSU_DATE_STYLE_WAREKI;
  xlsx = export (db, dir, &options);

  joined = cell (xlsx, 7, C_JOINED);
  g_assert_cmpstr (joined[0], ==, "date");
  g_assert_cmpstr (joined[1], ==, "[$-411]ggge\"年\"m\"月\"d\"日\"");
  g_assert_cmpstr (joined[4], ==, "2022-02-01");
  g_assert_nonnull (strstr (cell_text (xlsx, 2, 1), "令和8年11月24日"));
}

static void
test_xlsx_empty (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autoptr(Xlsx) xlsx = NULL;
  TsuMembersReportOptions options;

  init_options (&options);
  xlsx = export (db, dir, &options);
  g_assert_cmpstr (cell_text (xlsx, 3, C_NAME), ==, "Name");
  g_assert_null (cell (xlsx, 4, C_NAME));
  g_assert_cmpstr (fact (xlsx, "autofilter"), ==, "A3:P3");
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_write_errors (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_council (&dir);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "members.xlsx", NULL);
  g_autofree char *folder = g_build_filename (dir, "a-folder.xlsx", NULL);
  g_autofree char *missing_pdf = g_build_filename (dir, "no-such-folder", "members.pdf", NULL);
  g_autofree char *folder_pdf = g_build_filename (dir, "a-folder.pdf", NULL);
  TsuMembersReportOptions options;
  guint n_files;

  init_options (&options);

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (tsu_members_report_export_xlsx (db, &options, missing, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_nonnull (strstr (error->message, "members.xlsx"));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (tsu_members_report_print_pdf (db, &options, missing_pdf, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_nonnull (strstr (error->message, "members.pdf"));
  }

  /* The last step fails (a folder has the name): the error is reported
   * and no temporary file is left behind. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (folder_pdf, 0755), ==, 0);
  n_files = count_files (dir);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (tsu_members_report_export_xlsx (db, &options, folder, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "a-folder.xlsx"));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (tsu_members_report_print_pdf (db, &options, folder_pdf, &error));
    g_assert_nonnull (error);
  }
  g_assert_cmpuint (count_files (dir), ==, n_files);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

/* The printout. */

static GStrv
print_pages (TsuDatabase                   *db,
             const char                    *dir,
             const TsuMembersReportOptions *options)
{
  g_autofree char *path = g_build_filename (dir, "members.pdf", NULL);
  g_autoptr(GError) error = NULL;
  double w, h;

  g_assert_true (tsu_members_report_print_pdf (db, options, path, &error));
  g_assert_no_error (error);
  /* Portrait A4. */
  report_test_pdf_size (path, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.5);
  return report_test_pdf_pages (path);
}

/* Asserts that @needles occur in @text in this order, each once. */
static void
assert_in_order (const char         *text,
                 const char * const *needles)
{
  const char *last = text;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *at = strstr (text, needles[i]);

      if (at == NULL)
        g_error ("“%s” is missing from the printout:\n%s", needles[i], text);
      g_assert_cmpuint (report_test_count (text, needles[i]), ==, 1);
      if (at < last)
        g_error ("“%s” is out of order in the printout:\n%s", needles[i], text);
      last = at;
    }
}

static void
test_pdf_members (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_council (&dir);
  g_auto(GStrv) pages = NULL;
  TsuMembersReportOptions options;
  const char *order[] = {
    "テスト協議会 — Directory of Members and Partners",
    "Honorifics omitted, in kana order",
    "Member organizations",
    "北九州いのちの電話", "すまいる",
    "フードバンク北九州ライフアゲイン", "抱樸",
    "Partner organizations", "ワークス",
    "City officials", "保健福祉局 地域福祉推進課",
    "1 / 1",
    NULL
  };

  init_options (&options);
  options.all_kinds = TRUE;
  pages = print_pages (db, dir, &options);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_in_order (pages[0], order);
  g_assert_nonnull (strstr (pages[0], "As of 2026年11月24日"));
  g_assert_nonnull (strstr (pages[0], "Organization"));
  g_assert_nonnull (strstr (pages[0], "Representative"));
  /* Legal forms print with the names (on a line of their own when the
   * whole does not fit). */
  g_assert_cmpuint (report_test_count (pages[0], "NPO法人"), ==, 2);
  g_assert_cmpuint (report_test_count (pages[0], "社会福祉法人"), ==, 1);
  g_assert_cmpuint (report_test_count (pages[0], "株式会社"), ==, 1);
  /* The primary contact, with the title and no honorific. */
  g_assert_nonnull (strstr (pages[0], "理事長"));
  g_assert_nonnull (strstr (pages[0], "奥田知志"));
  g_assert_null (strstr (pages[0], "安部"));
  g_assert_null (strstr (pages[0], "様"));
  g_assert_nonnull (strstr (pages[0], "ホームレス支援"));
  g_assert_null (strstr (pages[0], "あおぞら会"));

  /* Only members: no section headings, and the former member on demand. */
  g_strfreev (g_steal_pointer (&pages));
  init_options (&options);
  options.include_former = TRUE;
  options.date_style = TSU_DATE_STYLE_WAREKI;
  pages = print_pages (db, dir, &options);
  g_assert_null (strstr (pages[0], "Member organizations"));
  g_assert_null (strstr (pages[0], "ワークス"));
  g_assert_nonnull (strstr (pages[0], "As of 令和8年11月24日"));
  {
    const char *members[] = { "あおぞら会", "北九州いのちの電話", "すまいる", "抱樸", NULL };

    assert_in_order (pages[0], members);
  }
}

static void
test_pdf_many_pages (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_auto(GStrv) pages = NULL;
  TsuMembersReportOptions options;
  guint n_pages;
  int next = 1;

  for (int i = 1; i <= 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("テスト団体%03d", i);
      g_autofree char *reading = g_strdup_printf ("てすとだんたい%03d", i);
      g_autofree char *person = g_strdup_printf ("代表者%03d", i);
      g_autofree char *person_reading = g_strdup_printf ("だいひょうしゃ%03d", i);
      gint64 id;

      /* Addresses long enough to wrap: rows of several heights. */
      id = add_org (db, i % 3 ? "NPO法人" : NULL, name, reading, TSU_ORGANIZATION_KIND_MEMBER,
                    i % 2 ? "ホームレス支援;フードバンク;子ども・若者;ひきこもり" : "自殺予防",
                    i % 4 ? "北九州市小倉北区城内1番1号 北九州市役所本庁舎 15階" : "北九州市",
                    "2022-02-01", NULL);
      add_person (db, id, "理事長", person, person_reading, TRUE);
    }

  init_options (&options);
  pages = print_pages (db, dir, &options);
  n_pages = g_strv_length (pages);
  g_assert_cmpuint (n_pages, >=, 3);

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *page_number = g_strdup_printf ("%u / %u", p + 1, n_pages);
      guint on_page = 0;

      /* Title, date and headers on every page. */
      g_assert_nonnull (strstr (pages[p], "テスト協議会 — Member Directory"));
      g_assert_nonnull (strstr (pages[p], "Honorifics omitted, in kana order"));
      g_assert_nonnull (strstr (pages[p], "As of 2026年11月24日"));
      g_assert_nonnull (strstr (pages[p], "Organization"));
      g_assert_nonnull (strstr (pages[p], "Fields of activity"));
      g_assert_cmpuint (report_test_count (pages[p], page_number), ==, 1);

      /* The rows of this page continue the numbering of the last one, and
       * every row is whole: its name and its representative (the cell's
       * second line) are on the same page. */
      for (;; next++)
        {
          g_autofree char *name = g_strdup_printf ("テスト団体%03d", next);
          g_autofree char *person = g_strdup_printf ("代表者%03d", next);

          if (strstr (pages[p], name) == NULL)
            break;
          g_assert_cmpuint (report_test_count (pages[p], name), ==, 1);
          g_assert_cmpuint (report_test_count (pages[p], person), ==, 1);
          on_page++;
        }
      g_assert_cmpuint (on_page, >, 0);
    }
  /* All 120, each exactly once, none left over. */
  g_assert_cmpint (next, ==, 121);
}

int
main (int   argc,
      char *argv[])
{
  /* English headers: the catalogue is not consulted in the C locale. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/members/xlsx", test_xlsx_members);
  g_test_add_func ("/report/members/xlsx-former-and-kinds", test_xlsx_former_and_kinds);
  g_test_add_func ("/report/members/xlsx-wareki", test_xlsx_wareki);
  g_test_add_func ("/report/members/xlsx-empty", test_xlsx_empty);
  g_test_add_func ("/report/members/write-errors", test_write_errors);
  g_test_add_func ("/report/members/pdf", test_pdf_members);
  g_test_add_func ("/report/members/pdf-many-pages", test_pdf_many_pages);

  return g_test_run ();
}
