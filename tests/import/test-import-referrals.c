/* test-import-referrals.c: CSV import of referrals with their cases, all
 * or nothing, with every bad row reported by file, line and column and
 * never a note in a message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tsu-case.h"
#include "tsu-import.h"
#include "tsu-referral.h"

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

  f->dir = g_dir_make_tmp ("tsu-import-referrals-XXXXXX", &error);
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


static const char organizations[] =
  "legal_form,name,reading,fields\n"
  "NPO法人,抱樸,ほうぼく,生活困窮;住まい\n"
  ",北九州市社会福祉協議会,きたきゅうしゅうししゃかいふくしきょうぎかい,地域福祉\n";

#define SECRET "秘密のメモ"

static void
import_organizations (Fixture *f)
{
  g_autofree char *path = write_csv (f, "orgs.csv", organizations);
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_NONE);

  assert_clean (result);
}

static TsuCase *
case_of (Fixture    *f,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  TsuCase *c = tsu_case_find_by_code (f->db, code, &error);

  g_assert_no_error (error);
  if (c == NULL)
    g_error ("no case %s", code);
  return c;
}

static GPtrArray *
referrals_of (Fixture *f,
              TsuCase *c)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = tsu_referral_load_for_case (f->db, tsu_case_get_id (c), &error);

  g_assert_no_error (error);
  return all;
}

static guint
count_cases (Fixture *f)
{
  g_autoptr(GPtrArray) all = tsu_case_load_all (f->db, NULL);

  return all->len;
}

/* No message may ever show a note. */
static void
assert_no_notes (TsuImportResult *result)
{
  for (guint i = 0; i < result->problems->len; i++)
    g_assert_null (strstr (g_ptr_array_index (result->problems, i), "秘密"));
  for (guint i = 0; i < result->warnings->len; i++)
    g_assert_null (strstr (g_ptr_array_index (result->warnings, i), "秘密"));
}

static const char referrals_en[] =
  "case,received_on,entrance,ward,age_band,foreign_resident,language,concerns,consent,legal_basis,from,to,referred_on,status,reason,closed_on,notes\r\n"
  "2023-0001,2023-04-01,門司区役所,門司区,40s,no,,poverty;housing,yes,,門司区役所,抱樸,2023-04-03,connected,,2023-04-13," SECRET "\r\n"
  "2023-0001,2023/4/1,門司区役所,門司区,40代,いいえ,,生活困窮、住まい,はい,,門司区役所,北九州市社会福祉協議会,R5.4.5,not-connected,unreachable,2023-05-05," SECRET "\r\n"
  "2023-0002,2024-03-31,NPO法人 抱樸,八幡東区,70s,yes,英語,elderly,pending,support-meeting,抱樸,門司区役所,2024-03-31,accepted,,,\r\n";

/* English names; rows of one case in different spellings of the same
 * values; organisations with or without legal form; ward counters. */
static void
test_english (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(TsuCase) first = NULL;
  g_autoptr(TsuCase) second = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  TsuReferral *r;

  import_organizations (f);
  path = write_csv (f, "referrals.csv", referrals_en);
  result = import (f, TSU_IMPORT_REFERRALS, path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpuint (result->updated, ==, 0);
  g_assert_cmpuint (count_cases (f), ==, 2);

  first = case_of (f, "2023-0001");
  g_assert_cmpstr (tsu_case_get_received_on (first), ==, "2023-04-01");
  g_assert_cmpstr (tsu_case_get_entrance (first), ==, "門司区役所");
  g_assert_cmpint (tsu_case_get_ward (first), ==, TSU_WARD_MOJI);
  g_assert_cmpint (tsu_case_get_age_band (first), ==, TSU_AGE_40S);
  g_assert_false (tsu_case_get_foreign_resident (first));
  g_assert_cmpuint (tsu_case_get_concerns (first), ==, (1u << TSU_CONCERN_POVERTY) | (1u << TSU_CONCERN_HOUSING));
  g_assert_cmpint (tsu_case_get_consent (first), ==, TSU_CONSENT_YES);
  g_assert_cmpint (tsu_case_get_legal_basis (first), ==, TSU_LEGAL_BASIS_CONSENT);
  g_assert_cmpstr (tsu_case_get_notes (first), ==, SECRET);

  refs = referrals_of (f, first);
  g_assert_cmpuint (refs->len, ==, 2);
  for (guint i = 0; i < refs->len; i++)
    {
      r = g_ptr_array_index (refs, i);
      g_assert_cmpstr (tsu_referral_get_from (r), ==, "門司区役所");
      if (strcmp (tsu_referral_get_referred_on (r), "2023-04-03") == 0)
        {
          g_assert_cmpstr (tsu_referral_get_to (r), ==, "NPO法人 抱樸");
          g_assert_cmpint (tsu_referral_get_status (r), ==, TSU_REFERRAL_CONNECTED);
          g_assert_cmpstr (tsu_referral_get_closed_on (r), ==, "2023-04-13");
          /* Due two weeks after the referral by default. */
          g_assert_cmpstr (tsu_referral_get_due_on (r), ==, "2023-04-17");
        }
      else
        {
          g_assert_cmpstr (tsu_referral_get_referred_on (r), ==, "2023-04-05");
          g_assert_cmpstr (tsu_referral_get_to (r), ==, "北九州市社会福祉協議会");
          g_assert_cmpint (tsu_referral_get_status (r), ==, TSU_REFERRAL_NOT_CONNECTED);
          g_assert_cmpint (tsu_referral_get_reason (r), ==, TSU_REASON_UNREACHABLE);
        }
    }

  second = case_of (f, "2023-0002");
  g_assert_cmpstr (tsu_case_get_entrance (second), ==, "NPO法人 抱樸");
  g_assert_true (tsu_case_get_foreign_resident (second));
  g_assert_cmpstr (tsu_case_get_language (second), ==, "英語");
  g_assert_cmpint (tsu_case_get_consent (second), ==, TSU_CONSENT_PENDING);
  g_assert_cmpint (tsu_case_get_legal_basis (second), ==, TSU_LEGAL_BASIS_SUPPORT_MEETING);
  g_clear_pointer (&refs, g_ptr_array_unref);
  refs = referrals_of (f, second);
  g_assert_cmpuint (refs->len, ==, 1);
  r = g_ptr_array_index (refs, 0);
  g_assert_cmpint (tsu_referral_get_status (r), ==, TSU_REFERRAL_ACCEPTED);
  g_assert_cmpstr (tsu_referral_get_override (r), ==, "");
}

static const char referrals_ja[] =
  "ケース番号,受付日,受付団体,区,年代,外国籍等,言語,相談内容,本人同意,根拠,紹介元,紹介先,紹介日,状態,理由,終了日,メモ\r\n"
  "2023-0010,令和5年6月1日,抱樸,小倉北区,80歳以上,いいえ,,高齢、認知症,確認中,孤独・孤立対策地域協議会,抱樸,小倉北区役所,R5.6.2,受入不可,受入枠なし,R5.6.9,ケース会議で検討\r\n"
  "2023-0011,2023-06-01,小倉北区役所,小倉北区,20歳未満,はい,ベトナム語,外国人,はい,本人同意,小倉北区役所,抱樸,2023-06-01,紹介済,,,\r\n";

static void
check_japanese (Fixture *f)
{
  g_autoptr(TsuCase) a = case_of (f, "2023-0010");
  g_autoptr(TsuCase) b = case_of (f, "2023-0011");
  g_autoptr(GPtrArray) refs = referrals_of (f, a);
  TsuReferral *r = g_ptr_array_index (refs, 0);

  g_assert_cmpint (tsu_case_get_age_band (a), ==, TSU_AGE_80_PLUS);
  g_assert_cmpint (tsu_case_get_legal_basis (a), ==, TSU_LEGAL_BASIS_COUNCIL);
  g_assert_cmpuint (tsu_case_get_concerns (a), ==, (1u << TSU_CONCERN_ELDERLY) | (1u << TSU_CONCERN_DEMENTIA));
  g_assert_cmpint (tsu_referral_get_status (r), ==, TSU_REFERRAL_DECLINED);
  g_assert_cmpint (tsu_referral_get_reason (r), ==, TSU_REASON_NO_CAPACITY);
  g_assert_cmpstr (tsu_referral_get_to (r), ==, "小倉北区役所");
  g_assert_cmpstr (tsu_referral_get_closed_on (r), ==, "2023-06-09");
  g_assert_true (tsu_case_get_foreign_resident (b));
  g_assert_cmpstr (tsu_case_get_language (b), ==, "ベトナム語");
  g_assert_cmpint (tsu_case_get_age_band (b), ==, TSU_AGE_UNDER_20);
}

static void
test_japanese_bom (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", referrals_ja, NULL);
  g_autofree char *path = NULL;
  g_autoptr(TsuImportResult) result = NULL;

  import_organizations (f);
  path = write_csv (f, "referrals-ja.csv", text);
  result = import (f, TSU_IMPORT_REFERRALS, path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 2);
  check_japanese (f);
}

static void
test_japanese_cp932 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *bytes = g_convert (referrals_ja, -1, "CP932", "UTF-8", NULL, &length, &error);
  g_autofree char *path = NULL;
  g_autoptr(TsuImportResult) result = NULL;

  g_assert_no_error (error);
  import_organizations (f);
  path = write_file (f, "referrals-cp932.csv", bytes, (gssize) length);
  result = import (f, TSU_IMPORT_REFERRALS, path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  check_japanese (f);
}

/* Every kind of bad row, each on its column; nothing is imported and no
 * note is ever quoted. */
static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  static const char text[] =
    "ケース番号,受付日,受付団体,紹介元,紹介先,紹介日,状態,理由,終了日,本人同意,根拠,メモ\n"
    "2023-0003,2023-05-01,抱樸,抱樸,門司区役所,2023-05-02,done,,,はい,,秘密1\n"           /* 2 status */
    "2023-0004,2023-05-01,抱樸,抱樸,門司区役所,2023-05-02,declined,,2023-05-03,はい,,秘密2\n" /* 3 no reason */
    "2023-0005,2023-05-01,抱樸,抱樸,門司区役所,2023-05-02,declined,lazy,2023-05-03,はい,,秘密3\n" /* 4 reason */
    "2023-0006,2023-05-01,抱樸,抱樸,門司区役所,2023-05-02,sent,,,確認中,,秘密4\n"          /* 5 consent */
    "2023-0007,2023-05-01,抱樸,抱樸,門司区役所,2023-04-02,sent,,,はい,,秘密5\n"            /* 6 backwards */
    "2023-0008,2023-05-01,抱樸,抱樸,門司区役所,2023-05-02,connected,,2023-05-01,はい,,秘密6\n" /* 7 backwards */
    "2023-0009,2023-05-01,抱樸,抱樸,門司区役所,2023-05-02,not-connected,,2023-05-09,はい,,秘密7\n" /* 8 no reason */
    "2023-0012,2023-05-01,抱樸,抱樸,社協,2023-05-02,sent,,,はい,,\n"                        /* 9 unknown org */
    "2023-0013,2023-05-01,抱樸,抱樸,門司区役所,2023-05-02,sent,,,いいえ,本人同意,\n"        /* 10 consent */
    "2023-0014,2023-05-01,抱樸,抱樸,門司区役所,2023-05-02,good,,,はい,,\n";                 /* 11 status */
  static const char * const expected[] = {
    "2: column 状態: ", "3: column 理由: ", "4: column 理由: ", "5: column 本人同意: ",
    "6: column 紹介日: ", "7: column 終了日: ", "8: column 理由: ", "9: column 紹介先: ",
    "10: column 本人同意: ", "11: column 状態: ", NULL
  };
  g_autofree char *path = NULL;
  g_autoptr(TsuImportResult) result = NULL;

  import_organizations (f);
  path = write_csv (f, "bad.csv", text);
  result = import (f, TSU_IMPORT_REFERRALS, path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (result, path, expected, NULL);
  assert_no_notes (result);
  g_assert_cmpuint (count_cases (f), ==, 0);
}

/* Rows of one case must agree on its fields, notes included (without
 * quoting them); the same referral twice is a mistake too. */
static void
test_case_fields_disagree (Fixture       *f,
                           gconstpointer  data)
{
  static const char text[] =
    "case,received_on,entrance,ward,concerns,consent,from,to,referred_on,notes\n"
    "2023-0020,2023-07-01,抱樸,門司区,poverty,yes,抱樸,門司区役所,2023-07-02,秘密A\n"
    "2023-0020,2023-07-01,抱樸,門司区,poverty,yes,抱樸,北九州市社会福祉協議会,2023-07-02,秘密B\n"  /* 3 notes */
    "2023-0020,2023-07-02,抱樸,戸畑区,poverty,yes,抱樸,小倉北区役所,2023-07-03,秘密A\n"           /* 4 date, ward */
    "2023-0020,2023-07-01,抱樸,門司区,poverty;food,yes,抱樸,戸畑区役所,2023-07-03,秘密A\n"         /* 5 concerns */
    "2023-0020,2023-07-01,抱樸,門司区,poverty,yes,抱樸,門司区役所,2023-07-02,秘密A\n";            /* 6 twice */
  static const char * const expected[] = {
    "3: column notes: ", "4: column received_on: ", "4: column ward: ", "5: column concerns: ",
    "6: column to: ", NULL
  };
  g_autofree char *path = NULL;
  g_autoptr(TsuImportResult) result = NULL;

  import_organizations (f);
  path = write_csv (f, "disagree.csv", text);
  result = import (f, TSU_IMPORT_REFERRALS, path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (result, path, expected, NULL);
  assert_no_notes (result);
  g_assert_cmpuint (count_cases (f), ==, 0);
}

/* A case (or referral) already recorded is a bad row unless --update;
 * then the case and the matching referral change and a new referral of
 * the case is added. */
static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  static const char update[] =
    "case,received_on,entrance,ward,age_band,concerns,consent,from,to,referred_on,status,reason,closed_on\n"
    "2023-0001,2023-04-01,門司区役所,門司区,50s,poverty;housing,yes,門司区役所,抱樸,2023-04-03,connected,,2023-04-20\n"
    "2023-0001,2023-04-01,門司区役所,門司区,50s,poverty;housing,yes,門司区役所,戸畑区役所,2023-04-10,sent,,\n";
  static const char * const expected[] = { "2: column case: ", "3: column case: ", NULL };
  g_autofree char *first_path = NULL;
  g_autofree char *update_path = NULL;
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(TsuCase) c = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  guint connected = 0;

  import_organizations (f);
  first_path = write_csv (f, "referrals.csv", referrals_en);
  result = import (f, TSU_IMPORT_REFERRALS, first_path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  g_clear_pointer (&result, tsu_import_result_free);

  /* The same file again: every row names a recorded case. */
  result = import (f, TSU_IMPORT_REFERRALS, first_path, TSU_IMPORT_FLAGS_NONE);
  g_assert_cmpuint (result->problems->len, ==, 3);
  assert_no_notes (result);
  g_clear_pointer (&result, tsu_import_result_free);

  update_path = write_csv (f, "update.csv", update);
  result = import (f, TSU_IMPORT_REFERRALS, update_path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (result, update_path, expected, NULL);
  g_clear_pointer (&result, tsu_import_result_free);

  result = import (f, TSU_IMPORT_REFERRALS, update_path, TSU_IMPORT_FLAGS_UPDATE);
  assert_clean (result);
  g_assert_cmpuint (result->updated, ==, 1);
  g_assert_cmpuint (result->added, ==, 1);

  c = case_of (f, "2023-0001");
  g_assert_cmpint (tsu_case_get_age_band (c), ==, TSU_AGE_50S);
  /* The file has no notes column: the notes are kept. */
  g_assert_cmpstr (tsu_case_get_notes (c), ==, SECRET);
  refs = referrals_of (f, c);
  g_assert_cmpuint (refs->len, ==, 3);
  for (guint i = 0; i < refs->len; i++)
    {
      TsuReferral *r = g_ptr_array_index (refs, i);

      if (g_strcmp0 (tsu_referral_get_to (r), "NPO法人 抱樸") == 0)
        {
          g_assert_cmpstr (tsu_referral_get_closed_on (r), ==, "2023-04-20");
          connected++;
        }
    }
  g_assert_cmpuint (connected, ==, 1);
  g_assert_cmpuint (count_cases (f), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/referrals/english", test_english);
  ADD ("/import/referrals/japanese-bom", test_japanese_bom);
  ADD ("/import/referrals/japanese-cp932", test_japanese_cp932);
  ADD ("/import/referrals/bad-rows", test_bad_rows);
  ADD ("/import/referrals/case-fields-disagree", test_case_fields_disagree);
  ADD ("/import/referrals/update", test_update);
#undef ADD

  return g_test_run ();
}
