/* test-demo.c: the demo data of the 5th council meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tsu-demo.h"
#include "tsu-organization.h"
#include "tsu-person.h"

/* The member organisations as the minutes print them (敬称略、五十音順),
 * with the title of each one's representative. */
static const struct
{
  const char *legal_form;
  const char *name;
  const char *title;
} minutes[] = {
  { "社会福祉法人", "北九州いのちの電話", "副理事長・研修委員長" },
  { "公益財団法人", "北九州国際交流協会", "専務理事" },
  { "", "北九州市子ども・若者応援センターＹＥＬＬ", "センター長" },
  { "社会福祉法人", "北九州市社会福祉協議会", "地域福祉部長" },
  { "", "北九州市障害者基幹相談支援センター", "センター長" },
  { "", "北九州市ひきこもり地域支援センター「すてっぷ」", "センター長" },
  { "NPO法人", "チャイルドライン北九州", "理事長" },
  { "", "認知症・草の根ネットワーク", "理事" },
  { "NPO法人", "フードバンク北九州ライフアゲイン", "理事長" },
  { "", "福岡県協力雇用主会", "会長" },
  { "NPO法人", "抱樸", "専務理事" },
};

/* The people named in the minutes: the demo must not hold them. */
static const char * const real_surnames[] = {
  "冨安", "石井", "村上", "平野", "山田", "田中", "河嶋", "田代", "原田", "野口", "森松", NULL
};

static TsuDatabase *
new_database (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TsuDatabase *db;

  *dir = g_dir_make_tmp ("tsu-demo-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "demo.db", NULL);
  db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  return db;
}

static void
test_members (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) current = g_ptr_array_new ();
  guint government = 0, former = 0, later_joins = 0;

  g_assert_true (tsu_demo_fill (db, &error));
  g_assert_no_error (error);
  g_assert_false (tsu_database_is_empty (db));
  g_assert_cmpuint (tsu_organization_count_current_members (db, NULL), ==, 11);

  all = tsu_organization_load_all (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      TsuOrganization *org = g_ptr_array_index (all, i);
      g_autoptr(GPtrArray) problems = tsu_organization_validate (org);

      g_assert_cmpuint (problems->len, ==, 0);
      switch (tsu_organization_get_kind (org))
        {
        case TSU_ORGANIZATION_KIND_MEMBER:
          if (tsu_organization_is_current (org, "2024-01-01"))
            g_ptr_array_add (current, org);
          else
            former++;
          if (g_strcmp0 (tsu_organization_get_joined_on (org), "2022-02-01") > 0)
            later_joins++;
          break;
        case TSU_ORGANIZATION_KIND_GOVERNMENT:
          government++;
          break;
        case TSU_ORGANIZATION_KIND_PARTNER:
        default:
          break;
        }
    }
  g_assert_cmpuint (government, ==, 6);
  g_assert_cmpuint (former, ==, 1);
  g_assert_cmpuint (later_joins, >=, 1);

  /* 五十音順 by reading comes out as the minutes print it. */
  g_assert_cmpuint (current->len, ==, G_N_ELEMENTS (minutes));
  for (guint i = 0; i < current->len; i++)
    {
      TsuOrganization *org = g_ptr_array_index (current, i);
      g_autoptr(GPtrArray) people = tsu_person_load_for_organization (db, tsu_organization_get_id (org), NULL);
      TsuPerson *representative;

      g_assert_cmpstr (tsu_organization_get_name (org), ==, minutes[i].name);
      g_assert_cmpstr (tsu_organization_get_legal_form (org), ==, minutes[i].legal_form);
      g_assert_cmpstr (tsu_organization_get_joined_on (org), !=, "");
      g_assert_cmpstr (tsu_organization_get_ward (org), !=, "");
      g_assert_cmpuint (g_strv_length ((char **) tsu_organization_get_fields (org)), >, 0);

      g_assert_cmpuint (people->len, >=, 1);
      representative = g_ptr_array_index (people, 0);
      g_assert_true (tsu_person_get_primary (representative));
      g_assert_cmpstr (tsu_person_get_title (representative), ==, minutes[i].title);
      for (guint p = 0; p < people->len; p++)
        {
          TsuPerson *person = g_ptr_array_index (people, p);

          for (guint r = 0; real_surnames[r] != NULL; r++)
            g_assert_false (g_str_has_prefix (tsu_person_get_name (person), real_surnames[r]));
          g_assert_true (g_str_has_suffix (tsu_person_get_email (person), "@example.jp"));
          g_assert_true (g_str_has_prefix (tsu_person_get_phone (person), "093-555-"));
        }
    }
  g_assert_cmpuint (tsu_organization_count_current_members (db, NULL), ==, 11);
}

static void
test_not_twice (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_assert_true (tsu_demo_fill (db, &error));
  g_assert_no_error (error);
  before = tsu_organization_load_all (db, NULL);

  g_assert_false (tsu_demo_fill (db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  after = tsu_organization_load_all (db, NULL);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpint (tsu_organization_get_version (g_ptr_array_index (before, i)), ==,
                     tsu_organization_get_version (g_ptr_array_index (after, i)));
}

static void
test_not_into_a_directory (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autoptr(TsuOrganization) org = tsu_organization_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  tsu_organization_set_name (org, "自前の団体");
  tsu_organization_set_reading (org, "じまえのだんたい");
  g_assert_true (tsu_organization_save (org, db, &error));

  g_assert_false (tsu_demo_fill (db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  all = tsu_organization_load_all (db, NULL);
  g_assert_cmpuint (all->len, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/members", test_members);
  g_test_add_func ("/demo/not-twice", test_not_twice);
  g_test_add_func ("/demo/not-into-a-directory", test_not_into_a_directory);

  return g_test_run ();
}
