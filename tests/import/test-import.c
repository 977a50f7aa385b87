/* test-import.c: CSV import of organisations and people, all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tsu-import.h"
#include "tsu-organization.h"
#include "tsu-person.h"

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

  f->dir = g_dir_make_tmp ("tsu-import-XXXXXX", &error);
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
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import", "data", name, NULL);
}

/* Writes @text to a file in the fixture's folder and returns its path. */
static char *
write_csv (Fixture    *f,
           const char *name,
           const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
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

/* Every expected "FILE:LINE: column NAME: " prefix is reported, each by
 * exactly one line, and there are no other lines. */
static void
assert_problems (TsuImportResult    *result,
                 const char         *path,
                 const char * const *expected)
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

          if (g_str_has_prefix (line, prefix) && strlen (line) > strlen (prefix))
            matches++;
        }
      if (matches != 1)
        g_error ("expected one problem starting “%s”, found %u", prefix, matches);
    }
  g_assert_cmpuint (result->problems->len, ==, n);
}

static guint
count_organizations (TsuDatabase *db)
{
  g_autoptr(GPtrArray) all = tsu_organization_load_all (db, NULL);

  g_assert_nonnull (all);
  return all->len;
}

static TsuOrganization *
find (TsuDatabase *db,
      const char  *name)
{
  g_autoptr(GError) error = NULL;
  TsuOrganization *org = tsu_organization_find_by_name (db, name, &error);

  g_assert_no_error (error);
  if (org == NULL)
    g_error ("no organisation “%s”", name);
  return org;
}

static void
test_english_headers (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = data_file ("organizations-en.csv");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(TsuOrganization) houboku = NULL;
  g_autoptr(TsuOrganization) inochi = NULL;
  g_autoptr(TsuOrganization) city = NULL;

  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpuint (result->updated, ==, 0);
  g_assert_cmpuint (count_organizations (f->db), ==, 3);

  /* The legal form was written in the name column and split off. */
  houboku = find (f->db, "抱樸");
  g_assert_cmpstr (tsu_organization_get_legal_form (houboku), ==, "NPO法人");
  g_assert_cmpstr (tsu_organization_get_name (houboku), ==, "抱樸");
  g_assert_cmpstr (tsu_organization_get_reading (houboku), ==, "ほうぼく");
  g_assert_cmpint (tsu_organization_get_kind (houboku), ==, TSU_ORGANIZATION_KIND_MEMBER);
  g_assert_cmpstr (tsu_organization_get_ward (houboku), ==, "八幡東区");
  g_assert_cmpstr (tsu_organization_get_email (houboku), ==, "houboku@example.jp");
  g_assert_cmpstr (tsu_organization_get_website (houboku), ==, "https://example.jp/houboku/");
  g_assert_cmpstr (tsu_organization_get_hours (houboku), ==, "月〜金 9:00〜18:00");
  g_assert_cmpstr (tsu_organization_get_joined_on (houboku), ==, "2022-02-01");
  g_assert_true (tsu_organization_has_field (houboku, "ホームレス支援"));
  g_assert_true (tsu_organization_has_field (houboku, "生活困窮"));
  g_assert_cmpstr (tsu_organization_get_notes (houboku), ==, "Notes with a comma, a \"quote\" and\na second line");

  inochi = find (f->db, "北九州いのちの電話");
  g_assert_cmpstr (tsu_organization_get_legal_form (inochi), ==, "社会福祉法人");
  /* 和暦 dates and "、" between fields. */
  g_assert_cmpstr (tsu_organization_get_joined_on (inochi), ==, "2022-02-01");
  g_assert_cmpuint (g_strv_length ((char **) tsu_organization_get_fields (inochi)), ==, 2);
  g_assert_true (tsu_organization_has_field (inochi, "電話相談"));

  city = find (f->db, "保健福祉局 地域福祉推進課");
  g_assert_cmpint (tsu_organization_get_kind (city), ==, TSU_ORGANIZATION_KIND_GOVERNMENT);
  g_assert_cmpstr (tsu_organization_get_joined_on (city), ==, "2022-02-01");
  g_assert_cmpstr (tsu_organization_get_legal_form (city), ==, "");
}

static void
check_japanese_file (Fixture    *f,
                     const char *name)
{
  g_autofree char *path = data_file (name);
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(TsuOrganization) childline = NULL;
  g_autoptr(TsuOrganization) koyou = NULL;
  g_autoptr(TsuOrganization) engawa = NULL;

  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 3);

  childline = find (f->db, "チャイルドライン北九州");
  g_assert_cmpstr (tsu_organization_get_legal_form (childline), ==, "NPO法人");
  g_assert_cmpstr (tsu_organization_get_reading (childline), ==, "チャイルドラインキタキュウシュウ");
  g_assert_cmpstr (tsu_organization_get_phone (childline), ==, "093-555-0161");
  g_assert_true (tsu_organization_has_field (childline, "子ども・若者"));

  koyou = find (f->db, "福岡県協力雇用主会");
  g_assert_cmpstr (tsu_organization_get_joined_on (koyou), ==, "2023-04-01");
  g_assert_cmpstr (tsu_organization_get_legal_form (koyou), ==, "");

  engawa = find (f->db, "まちの縁側ネット");
  g_assert_cmpstr (tsu_organization_get_left_on (engawa), ==, "2023-03-31");
  g_assert_cmpstr (tsu_organization_get_ward (engawa), ==, "若松区");
  g_assert_cmpstr (tsu_organization_get_notes (engawa), ==, "退会①");
  g_assert_false (tsu_organization_is_current (engawa, "2024-01-01"));
}

static void
test_japanese_headers (Fixture       *f,
                       gconstpointer  data)
{
  check_japanese_file (f, "organizations-ja.csv");
}

static void
test_cp932 (Fixture       *f,
            gconstpointer  data)
{
  check_japanese_file (f, "organizations-cp932.csv");
}

static void
test_header_variants (Fixture       *f,
                      gconstpointer  data)
{
  /* Full-width, upper case, padded and hiragana forms of the names. */
  g_autofree char *path = write_csv (f, "variants.csv",
                                     " ＮＡＭＥ ,ふりがな,Kind,ＷＡＲＤ\n抱樸,ほうぼく,partner,八幡東\n");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(TsuOrganization) houboku = NULL;

  assert_clean (result);
  houboku = find (f->db, "抱樸");
  g_assert_cmpint (tsu_organization_get_kind (houboku), ==, TSU_ORGANIZATION_KIND_PARTNER);
  g_assert_cmpstr (tsu_organization_get_ward (houboku), ==, "八幡東区");
}

static void
test_legal_form_column (Fixture       *f,
                        gconstpointer  data)
{
  /* The form in its own column, full-width, and repeated in the name. */
  g_autofree char *path = write_csv (f, "forms.csv",
                                     "legal_form,name,reading\n"
                                     "ＮＰＯ法人,ＮＰＯ法人 抱樸,ほうぼく\n"
                                     "社会福祉法人,北九州いのちの電話,きたきゅうしゅういのちのでんわ\n");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(TsuOrganization) houboku = NULL;
  g_autoptr(TsuOrganization) inochi = NULL;

  assert_clean (result);
  houboku = find (f->db, "抱樸");
  g_assert_cmpstr (tsu_organization_get_legal_form (houboku), ==, "NPO法人");
  g_assert_cmpstr (tsu_organization_get_name (houboku), ==, "抱樸");
  inochi = find (f->db, "北九州いのちの電話");
  g_assert_cmpstr (tsu_organization_get_legal_form (inochi), ==, "社会福祉法人");
  g_assert_cmpstr (tsu_organization_get_name (inochi), ==, "北九州いのちの電話");
}

static void
test_missing_column (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "missing.csv", "name,kind\n抱樸,member\n");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_NONE);

  assert_problems (result, path, (const char *[]) { "1: column reading: ", NULL });
  g_assert_true (tsu_database_is_empty (f->db));
}

static void
test_unknown_column (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "unknown.csv",
                                     "name,reading,colour,団体名\n抱樸,ほうぼく,red,抱樸\n");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_NONE);

  /* An unknown column, and 団体名 is name a second time. */
  assert_problems (result, path, (const char *[]) { "1: column colour: ", "1: column 団体名: ", NULL });
  g_assert_true (tsu_database_is_empty (f->db));
}

static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = data_file ("organizations-bad.csv");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_NONE);

  assert_problems (result, path, (const char *[]) {
    "3: column name: ",       /* empty name */
    "4: column reading: ",    /* reading in kanji */
    "5: column joined_on: ",  /* 2023-13-45 */
    "6: column email: ",      /* not an address */
    "7: column kind: ",       /* "club" */
    "8: column name: ",       /* 抱樸 again, as on line 2 */
    NULL });
  /* Line 2 is fine, yet nothing was imported. */
  g_assert_true (tsu_database_is_empty (f->db));
}

static void
test_bad_rows_japanese (Fixture       *f,
                        gconstpointer  data)
{
  /* Problems name the column as the file does; dates, wards and kinds
   * are checked in any column order. */
  g_autofree char *path = write_csv (f, "bad-ja.csv",
                                     "区,よみ,団体名,加入日,退会日\r\n"
                                     "博多区,ほうぼく,抱樸,,\r\n"
                                     "小倉北区,すてっぷ,すてっぷ,令和5年2月30日,\r\n"
                                     "戸畑区,いぇーる,YELL,2023-04-01,2023-03-01\r\n"
                                     ",ちゃいるどらいん,チャイルドライン北九州,R5.4.1,\r\n");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_NONE);

  assert_problems (result, path, (const char *[]) {
    "2: column 区: ",
    "3: column 加入日: ",
    "4: column 退会日: ",   /* leaves before joining */
    NULL });
  g_assert_true (tsu_database_is_empty (f->db));
}

static void
test_existing_and_update (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *first = data_file ("organizations-en.csv");
  g_autofree char *path = write_csv (f, "update.csv",
                                     "name,reading,phone\n"
                                     "ＮＰＯ法人　抱樸,ほうぼく,093-555-9999\n"
                                     "すてっぷ,すてっぷ,\n");
  g_autoptr(TsuImportResult) setup = import (f, TSU_IMPORT_ORGANIZATIONS, first, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(TsuImportResult) refused = NULL;
  g_autoptr(TsuImportResult) updated = NULL;
  g_autoptr(TsuOrganization) houboku = NULL;

  assert_clean (setup);

  refused = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (refused, path, (const char *[]) { "2: column name: ", NULL });
  g_assert_cmpuint (count_organizations (f->db), ==, 3);
  houboku = find (f->db, "抱樸");
  g_assert_cmpstr (tsu_organization_get_phone (houboku), ==, "093-555-0201");
  g_clear_object (&houboku);

  updated = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_UPDATE);
  assert_clean (updated);
  g_assert_cmpuint (updated->added, ==, 1);
  g_assert_cmpuint (updated->updated, ==, 1);
  g_assert_cmpuint (count_organizations (f->db), ==, 4);
  houboku = find (f->db, "抱樸");
  g_assert_cmpstr (tsu_organization_get_phone (houboku), ==, "093-555-9999");
  /* Columns the file does not have are left as they were. */
  g_assert_cmpstr (tsu_organization_get_legal_form (houboku), ==, "NPO法人");
  g_assert_cmpstr (tsu_organization_get_email (houboku), ==, "houboku@example.jp");
  g_assert_cmpstr (tsu_organization_get_ward (houboku), ==, "八幡東区");
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = data_file ("organizations-en.csv");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_DRY_RUN);
  g_autoptr(TsuImportResult) again = NULL;

  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_true (tsu_database_is_empty (f->db));

  /* A second dry run counts the same: the first left nothing behind. */
  again = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_DRY_RUN);
  assert_clean (again);
  g_assert_cmpuint (again->added, ==, 3);
}

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *orgs = data_file ("organizations-en.csv");
  g_autofree char *path = data_file ("people.csv");
  g_autoptr(TsuImportResult) setup = import (f, TSU_IMPORT_ORGANIZATIONS, orgs, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(TsuImportResult) again = NULL;
  g_autoptr(TsuOrganization) houboku = NULL;
  g_autoptr(TsuOrganization) inochi = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) inochi_people = NULL;

  assert_clean (setup);
  result = import (f, TSU_IMPORT_PEOPLE, path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 3);

  /* "NPO法人 抱樸" and "抱樸" name the same organisation. */
  houboku = find (f->db, "抱樸");
  people = tsu_person_load_for_organization (f->db, tsu_organization_get_id (houboku), NULL);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (tsu_person_get_name (g_ptr_array_index (people, 0)), ==, "前田 誠");
  g_assert_true (tsu_person_get_primary (g_ptr_array_index (people, 0)));
  g_assert_cmpstr (tsu_person_get_title (g_ptr_array_index (people, 0)), ==, "専務理事");
  g_assert_false (tsu_person_get_primary (g_ptr_array_index (people, 1)));

  inochi = find (f->db, "北九州いのちの電話");
  inochi_people = tsu_person_load_for_organization (f->db, tsu_organization_get_id (inochi), NULL);
  g_assert_cmpuint (inochi_people->len, ==, 1);
  g_assert_true (tsu_person_get_primary (g_ptr_array_index (inochi_people, 0)));  /* はい */

  /* The same file again: everyone exists already. */
  again = import (f, TSU_IMPORT_PEOPLE, path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (again, path, (const char *[]) { "2: column name: ", "3: column name: ", "4: column name: ", NULL });
}

static void
test_bad_people (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *orgs = data_file ("organizations-en.csv");
  g_autofree char *path = write_csv (f, "people-bad.csv",
                                     "団体名,氏名,よみ,代表,メール\n"
                                     "抱樸,前田 誠,まえだ まこと,はい,\n"
                                     "北九州子ども食堂,山川 一郎,やまかわ いちろう,,\n"
                                     "抱樸,前田　誠,まえだ まこと,,\n"
                                     "抱樸,原口 沙織,はらぐち さおり,たぶん,\n"
                                     "抱樸,原口 花子,原口,,hanako@\n"
                                     ",名無し,ななし,,\n"
                                     "抱樸,森 一,もり はじめ,yes,\n");
  g_autoptr(TsuImportResult) setup = import (f, TSU_IMPORT_ORGANIZATIONS, orgs, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(TsuOrganization) houboku = NULL;
  g_autoptr(GPtrArray) people = NULL;

  assert_clean (setup);
  result = import (f, TSU_IMPORT_PEOPLE, path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (result, path, (const char *[]) {
    "3: column 団体名: ",   /* unknown organisation */
    "4: column 氏名: ",     /* the same person as line 2 */
    "5: column 代表: ",     /* neither yes nor no */
    "6: column よみ: ",     /* reading in kanji */
    "6: column メール: ",
    "7: column 団体名: ",   /* empty */
    "8: column 代表: ",     /* a second primary contact */
    NULL });

  houboku = find (f->db, "抱樸");
  people = tsu_person_load_for_organization (f->db, tsu_organization_get_id (houboku), NULL);
  g_assert_cmpuint (people->len, ==, 0);
}

static void
test_people_update (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *orgs = data_file ("organizations-en.csv");
  g_autofree char *path = data_file ("people.csv");
  g_autofree char *change = write_csv (f, "people-update.csv",
                                       "organization,name,reading,title\n"
                                       "抱樸,原口 沙織,はらぐち さおり,事務局長\n");
  g_autoptr(TsuImportResult) setup = import (f, TSU_IMPORT_ORGANIZATIONS, orgs, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(TsuImportResult) people = import (f, TSU_IMPORT_PEOPLE, path, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(TsuOrganization) houboku = NULL;
  g_autoptr(TsuPerson) person = NULL;

  assert_clean (setup);
  assert_clean (people);
  result = import (f, TSU_IMPORT_PEOPLE, change, TSU_IMPORT_FLAGS_UPDATE);
  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 0);
  g_assert_cmpuint (result->updated, ==, 1);

  houboku = find (f->db, "抱樸");
  person = tsu_person_find_by_name (f->db, tsu_organization_get_id (houboku), "原口 沙織", NULL);
  g_assert_nonnull (person);
  g_assert_cmpstr (tsu_person_get_title (person), ==, "事務局長");
}

static void
test_unclosed_quote (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "quote.csv", "name,reading\n抱樸,ほうぼく\n\"すてっぷ,すてっぷ\n");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_NONE);
  g_autofree char *prefix = g_strdup_printf ("%s:3: ", path);

  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->problems, 0), prefix));
  g_assert_true (tsu_database_is_empty (f->db));
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "nothing-here.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuImportResult) result = tsu_import_csv (f->db, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_NONE, &error);

  g_assert_null (result);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *en = data_file ("organizations-en.csv");
  g_autofree char *ja = data_file ("organizations-ja.csv");
  g_autofree char *out = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(TsuImportResult) a = import (f, TSU_IMPORT_ORGANIZATIONS, en, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(TsuImportResult) b = import (f, TSU_IMPORT_ORGANIZATIONS, ja, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(TsuImportResult) back = NULL;
  g_autoptr(TsuDatabase) other = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  assert_clean (a);
  assert_clean (b);
  g_assert_true (tsu_export_organizations_csv (f->db, out, &error));
  g_assert_no_error (error);

  g_file_get_contents (out, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "legal_form,name,reading,kind,fields,ward,phone,email,website,address,hours,joined_on,left_on,notes\r\n"));

  other = tsu_database_open (other_path, &error);
  g_assert_no_error (error);
  {
    TsuImportResult *r = tsu_import_csv (other, TSU_IMPORT_ORGANIZATIONS, out, TSU_IMPORT_FLAGS_NONE, &error);

    g_assert_no_error (error);
    back = r;
  }
  assert_clean (back);
  g_assert_cmpuint (back->added, ==, 6);

  before = tsu_organization_load_all (f->db, NULL);
  after = tsu_organization_load_all (other, NULL);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      TsuOrganization *x = g_ptr_array_index (before, i);
      TsuOrganization *y = g_ptr_array_index (after, i);
      g_autofree char *fx = tsu_organization_dup_fields_text (x);
      g_autofree char *fy = tsu_organization_dup_fields_text (y);

      g_assert_cmpstr (tsu_organization_get_legal_form (x), ==, tsu_organization_get_legal_form (y));
      g_assert_cmpstr (tsu_organization_get_name (x), ==, tsu_organization_get_name (y));
      g_assert_cmpstr (tsu_organization_get_reading (x), ==, tsu_organization_get_reading (y));
      g_assert_cmpint (tsu_organization_get_kind (x), ==, tsu_organization_get_kind (y));
      g_assert_cmpstr (fx, ==, fy);
      g_assert_cmpstr (tsu_organization_get_ward (x), ==, tsu_organization_get_ward (y));
      g_assert_cmpstr (tsu_organization_get_phone (x), ==, tsu_organization_get_phone (y));
      g_assert_cmpstr (tsu_organization_get_email (x), ==, tsu_organization_get_email (y));
      g_assert_cmpstr (tsu_organization_get_website (x), ==, tsu_organization_get_website (y));
      g_assert_cmpstr (tsu_organization_get_address (x), ==, tsu_organization_get_address (y));
      g_assert_cmpstr (tsu_organization_get_hours (x), ==, tsu_organization_get_hours (y));
      g_assert_cmpstr (tsu_organization_get_joined_on (x), ==, tsu_organization_get_joined_on (y));
      g_assert_cmpstr (tsu_organization_get_left_on (x), ==, tsu_organization_get_left_on (y));
      g_assert_cmpstr (tsu_organization_get_notes (x), ==, tsu_organization_get_notes (y));
    }
}

static void
test_kind_from_text (void)
{
  TsuImportKind kind = TSU_IMPORT_PEOPLE;

  g_assert_true (tsu_import_kind_from_text ("organizations", &kind));
  g_assert_cmpint (kind, ==, TSU_IMPORT_ORGANIZATIONS);
  g_assert_true (tsu_import_kind_from_text ("people", &kind));
  g_assert_cmpint (kind, ==, TSU_IMPORT_PEOPLE);
  g_assert_true (tsu_import_kind_from_text ("events", &kind));
  g_assert_cmpint (kind, ==, TSU_IMPORT_EVENTS);
  g_assert_true (tsu_import_kind_from_text ("sessions", &kind));
  g_assert_cmpint (kind, ==, TSU_IMPORT_SESSIONS);
  g_assert_true (tsu_import_kind_from_text ("attendees", &kind));
  g_assert_cmpint (kind, ==, TSU_IMPORT_ATTENDEES);
  g_assert_true (tsu_import_kind_from_text ("budget", &kind));
  g_assert_cmpint (kind, ==, TSU_IMPORT_BUDGET);
  g_assert_true (tsu_import_kind_from_text ("payments", &kind));
  g_assert_cmpint (kind, ==, TSU_IMPORT_PAYMENTS);
  g_assert_true (tsu_import_kind_from_text ("referrals", &kind));
  g_assert_cmpint (kind, ==, TSU_IMPORT_REFERRALS);
  g_assert_false (tsu_import_kind_from_text ("referral", &kind));
  g_assert_false (tsu_import_kind_from_text (NULL, &kind));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/import/organizations/english-headers", test_english_headers);
  ADD ("/import/organizations/japanese-headers", test_japanese_headers);
  ADD ("/import/organizations/cp932", test_cp932);
  ADD ("/import/organizations/header-variants", test_header_variants);
  ADD ("/import/organizations/legal-form-column", test_legal_form_column);
  ADD ("/import/organizations/missing-column", test_missing_column);
  ADD ("/import/organizations/unknown-column", test_unknown_column);
  ADD ("/import/organizations/bad-rows", test_bad_rows);
  ADD ("/import/organizations/bad-rows-japanese", test_bad_rows_japanese);
  ADD ("/import/organizations/existing-and-update", test_existing_and_update);
  ADD ("/import/organizations/dry-run", test_dry_run);
  ADD ("/import/organizations/unclosed-quote", test_unclosed_quote);
  ADD ("/import/organizations/missing-file", test_missing_file);
  ADD ("/import/organizations/export-round-trip", test_export_round_trip);
  ADD ("/import/people/good", test_people);
  ADD ("/import/people/bad", test_bad_people);
  ADD ("/import/people/update", test_people_update);
  g_test_add_func ("/import/kind-from-text", test_kind_from_text);

  return g_test_run ();
}
