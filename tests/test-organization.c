/* test-organization.c: organisations and people in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tsu-audit.h"
#include "tsu-organization.h"
#include "tsu-person.h"

static TsuDatabase *
new_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-org-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  TsuDatabase *db = tsu_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

static TsuOrganization *
add (TsuDatabase *db,
     const char  *legal_form,
     const char  *name,
     const char  *reading)
{
  TsuOrganization *org = tsu_organization_new ();
  g_autoptr(GError) error = NULL;

  tsu_organization_set_legal_form (org, legal_form);
  tsu_organization_set_name (org, name);
  tsu_organization_set_reading (org, reading);
  g_assert_true (tsu_organization_save (org, db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tsu_organization_get_id (org), >, 0);
  return org;
}

static void
test_order_and_find (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(TsuOrganization) found = NULL;

  g_object_unref (add (db, "NPO法人", "抱樸", "ほうぼく"));
  g_object_unref (add (db, "NPO法人", "フードバンク北九州ライフアゲイン", "フードバンクキタキュウシュウライフアゲイン"));
  g_object_unref (add (db, NULL, "福岡県協力雇用主会", "ふくおかけんきょうりょくこようぬしかい"));
  g_object_unref (add (db, "社会福祉法人", "北九州いのちの電話", "しゃかいふくしほうじん きたきゅうしゅういのちのでんわ"));

  all = tsu_organization_load_all (db, NULL);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (tsu_organization_get_name (g_ptr_array_index (all, 0)), ==, "北九州いのちの電話");
  g_assert_cmpstr (tsu_organization_get_name (g_ptr_array_index (all, 1)), ==, "フードバンク北九州ライフアゲイン");
  g_assert_cmpstr (tsu_organization_get_name (g_ptr_array_index (all, 2)), ==, "福岡県協力雇用主会");
  g_assert_cmpstr (tsu_organization_get_name (g_ptr_array_index (all, 3)), ==, "抱樸");

  found = tsu_organization_find_by_name (db, "ＮＰＯ法人　抱樸", NULL);
  g_assert_nonnull (found);
  g_assert_cmpstr (tsu_organization_get_reading (found), ==, "ほうぼく");
  g_assert_null (tsu_organization_find_by_name (db, "存在しない団体", NULL));
}

static void
test_validation (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuOrganization) org = tsu_organization_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  tsu_organization_set_name (org, "  ");
  tsu_organization_set_reading (org, "漢字");
  tsu_organization_set_email (org, "not an address");
  tsu_organization_set_joined_on (org, "2022-02-01");
  tsu_organization_set_left_on (org, "2021-01-01");
  problems = tsu_organization_validate (org);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpstr (((TsuFieldProblem *) g_ptr_array_index (problems, 0))->field, ==, "name");
  g_assert_cmpstr (((TsuFieldProblem *) g_ptr_array_index (problems, 1))->field, ==, "reading");
  g_assert_cmpstr (((TsuFieldProblem *) g_ptr_array_index (problems, 2))->field, ==, "email");
  g_assert_cmpstr (((TsuFieldProblem *) g_ptr_array_index (problems, 3))->field, ==, "left-on");

  g_assert_false (tsu_organization_save (org, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_assert_true (tsu_database_is_empty (db));
}

static void
test_conflict (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuOrganization) org = add (db, NULL, "認知症・草の根ネットワーク", "にんちしょう・くさのねねっとわーく");
  g_autoptr(TsuOrganization) mine = tsu_organization_copy (org);
  g_autoptr(TsuOrganization) theirs = tsu_organization_copy (org);
  g_autoptr(GError) error = NULL;

  tsu_organization_set_phone (theirs, "093-000-0000");
  g_assert_true (tsu_organization_save (theirs, db, NULL));

  tsu_organization_set_phone (mine, "093-111-1111");
  g_assert_false (tsu_organization_save (mine, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT);
}

/* Delete marks the organisation and its people; undoing the change
 * brings back both. */
static void
test_delete_undo (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuOrganization) org = add (db, "NPO法人", "チャイルドライン北九州", "ちゃいるどらいんきたきゅうしゅう");
  g_autoptr(TsuPerson) person = tsu_person_new (tsu_organization_get_id (org));
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) all = NULL;

  tsu_person_set_name (person, "山本 花子");
  tsu_person_set_reading (person, "やまもと はなこ");
  tsu_person_set_primary (person, TRUE);
  g_assert_true (tsu_person_save (person, db, NULL));

  g_assert_true (tsu_organization_delete (db, tsu_organization_get_id (org), NULL));
  all = tsu_organization_load_all (db, NULL);
  g_assert_cmpuint (all->len, ==, 0);
  people = tsu_person_load_for_organization (db, tsu_organization_get_id (org), NULL);
  g_assert_cmpuint (people->len, ==, 0);
  g_clear_pointer (&all, g_ptr_array_unref);
  g_clear_pointer (&people, g_ptr_array_unref);

  g_assert_true (tsu_database_undo_change (db, tsu_database_get_last_change (db), NULL));
  all = tsu_organization_load_all (db, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  people = tsu_person_load_for_organization (db, tsu_organization_get_id (org), NULL);
  g_assert_cmpuint (people->len, ==, 1);
}

static void
test_similar_and_count (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuOrganization) a = add (db, "NPO法人", "抱樸", "ほうぼく");
  g_autoptr(TsuOrganization) b = tsu_organization_new ();
  g_autoptr(TsuOrganization) former = add (db, NULL, "旧団体", "きゅうだんたい");
  g_autoptr(GPtrArray) similar = NULL;

  tsu_organization_set_name (b, "ＮＰＯ法人抱樸");
  tsu_organization_set_reading (b, "ホウボク");
  similar = tsu_organization_find_similar (b, db, NULL);
  g_assert_cmpuint (similar->len, ==, 1);

  tsu_organization_set_left_on (former, "2020-03-31");
  g_assert_true (tsu_organization_save (former, db, NULL));
  g_assert_cmpuint (tsu_organization_count_current_members (db, NULL), ==, 1);
}

static void
test_primary_person (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuOrganization) org = add (db, NULL, "福岡県協力雇用主会", "ふくおかけんきょうりょくこようぬしかい");
  gint64 id = tsu_organization_get_id (org);
  g_autoptr(TsuPerson) first = tsu_person_new (id);
  g_autoptr(TsuPerson) second = tsu_person_new (id);
  g_autoptr(GPtrArray) people = NULL;

  tsu_person_set_name (first, "佐藤 一郎");
  tsu_person_set_reading (first, "さとう いちろう");
  tsu_person_set_primary (first, TRUE);
  g_assert_true (tsu_person_save (first, db, NULL));
  tsu_person_set_name (second, "青木 次郎");
  tsu_person_set_reading (second, "あおき じろう");
  tsu_person_set_primary (second, TRUE);
  g_assert_true (tsu_person_save (second, db, NULL));

  people = tsu_person_load_for_organization (db, id, NULL);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (tsu_person_get_name (g_ptr_array_index (people, 0)), ==, "青木 次郎");
  g_assert_true (tsu_person_get_primary (g_ptr_array_index (people, 0)));
  g_assert_false (tsu_person_get_primary (g_ptr_array_index (people, 1)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/organization/order-and-find", test_order_and_find);
  g_test_add_func ("/organization/validation", test_validation);
  g_test_add_func ("/organization/conflict", test_conflict);
  g_test_add_func ("/organization/delete-undo", test_delete_undo);
  g_test_add_func ("/organization/similar-and-count", test_similar_and_count);
  g_test_add_func ("/organization/primary-person", test_primary_person);

  return g_test_run ();
}
