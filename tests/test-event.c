/* test-event.c: events, their programme, attendees and minutes in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tsu-attendee.h"
#include "tsu-audit.h"
#include "tsu-event-session.h"
#include "tsu-event.h"
#include "tsu-minutes.h"
#include "tsu-kana.h"

static TsuDatabase *
new_database (char **path_out)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-event-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  TsuDatabase *db = tsu_database_open (path, &error);

  g_assert_no_error (error);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return db;
}

static TsuEvent *
add_event (TsuDatabase *db,
           const char  *key,
           const char  *starts_at)
{
  TsuEvent *event = tsu_event_new ();
  g_autoptr(GError) error = NULL;

  tsu_event_set_key (event, key);
  tsu_event_set_title (event, "北九州市孤独・孤立対策等連携協議会");
  tsu_event_set_starts_at (event, starts_at);
  g_assert_true (tsu_event_save (event, db, &error));
  g_assert_no_error (error);
  return event;
}

static void
test_vocabularies (void)
{
  TsuEventKind kind;
  TsuEventStatus status;
  TsuAttendeeStatus attendee_status;
  guint pillars;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tsu_event_kind_from_text ("case-study", &kind));
  g_assert_cmpint (kind, ==, TSU_EVENT_KIND_CASE_STUDY);
  g_assert_true (tsu_event_kind_from_text ("見学会", &kind));
  g_assert_cmpint (kind, ==, TSU_EVENT_KIND_TOUR);
  g_assert_false (tsu_event_kind_from_text ("party", &kind));
  g_assert_true (tsu_event_status_from_text ("実施済", &status));
  g_assert_cmpint (status, ==, TSU_EVENT_STATUS_HELD);
  g_assert_true (tsu_attendee_status_from_text ("欠席", &attendee_status));
  g_assert_cmpint (attendee_status, ==, TSU_ATTENDEE_STATUS_ABSENT);

  g_assert_true (tsu_pillars_parse ("1;4", &pillars, NULL));
  g_assert_cmpuint (pillars, ==, 0x9);
  g_assert_true (tsu_pillars_parse ("①②③", &pillars, NULL));
  g_assert_cmpuint (pillars, ==, 0x7);
  g_assert_true (tsu_pillars_parse ("２、４", &pillars, NULL));
  g_assert_cmpuint (pillars, ==, 0xa);
  g_assert_false (tsu_pillars_parse ("5", &pillars, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  text = tsu_pillars_to_text (0x9);
  g_assert_cmpstr (text, ==, "①④");
}

static void
test_events (void)
{
  g_autoptr(TsuDatabase) db = new_database (NULL);
  g_autoptr(TsuEvent) meeting = add_event (db, "2023-council-5", "2023-07-19T15:00");
  g_autoptr(TsuEvent) training = add_event (db, "2023-training", "2024-02-05");
  g_autoptr(TsuEvent) next_year = add_event (db, "2024-council", "2024-04-01T10:00");
  g_autoptr(TsuEvent) duplicate = tsu_event_new ();
  g_autoptr(TsuEvent) found = NULL;
  g_autoptr(GPtrArray) fy2023 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *two_days = NULL;
  g_autofree char *title = NULL;

  tsu_event_set_number (meeting, 5);
  tsu_event_set_ends_at (meeting, "2023-07-19T16:30");
  tsu_event_set_pillars (meeting, 0x3);
  g_assert_true (tsu_event_save (meeting, db, NULL));
  tsu_event_set_ends_at (training, "2024-02-06");
  g_assert_true (tsu_event_save (training, db, NULL));

  when = tsu_event_dup_when_text (meeting, TSU_DATE_STYLE_WAREKI);
  g_assert_cmpstr (when, ==, "令和5年7月19日 15:00〜16:30");
  two_days = tsu_event_dup_when_text (training, TSU_DATE_STYLE_GREGORIAN);
  g_assert_cmpstr (two_days, ==, "2024年2月5日〜2月6日");
  title = tsu_event_dup_display_title (meeting);
  g_assert_true (g_str_has_suffix (title, "北九州市孤独・孤立対策等連携協議会"));
  g_assert_cmpint (tsu_event_get_fiscal_year (training), ==, 2023);
  g_assert_cmpint (tsu_event_get_fiscal_year (next_year), ==, 2024);

  fy2023 = tsu_event_load_for_fiscal_year (db, 2023, NULL);
  g_assert_cmpuint (fy2023->len, ==, 2);
  g_assert_cmpstr (tsu_event_get_key (g_ptr_array_index (fy2023, 0)), ==, "2023-council-5");

  found = tsu_event_find_by_key (db, " 2023-council-5 ", NULL);
  g_assert_nonnull (found);
  g_assert_cmpuint (tsu_event_get_number (found), ==, 5);
  g_assert_cmpuint (tsu_event_get_pillars (found), ==, 0x3);

  tsu_event_set_key (duplicate, "2023-council-5");
  tsu_event_set_title (duplicate, "x");
  tsu_event_set_starts_at (duplicate, "2023-08-01");
  g_assert_false (tsu_event_save (duplicate, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Ends before it starts. */
  tsu_event_set_key (duplicate, "2023-other");
  tsu_event_set_ends_at (duplicate, "2023-07-31");
  g_assert_false (tsu_event_save (duplicate, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);

  g_assert_true (tsu_event_delete (db, tsu_event_get_id (training), NULL));
  g_clear_pointer (&fy2023, g_ptr_array_unref);
  fy2023 = tsu_event_load_for_fiscal_year (db, 2023, NULL);
  g_assert_cmpuint (fy2023->len, ==, 1);
  g_assert_true (tsu_database_undo_change (db, tsu_database_get_last_change (db), NULL));
  g_clear_pointer (&fy2023, g_ptr_array_unref);
  fy2023 = tsu_event_load_for_fiscal_year (db, 2023, NULL);
  g_assert_cmpuint (fy2023->len, ==, 2);
}

static void
test_sessions (void)
{
  g_autoptr(TsuDatabase) db = new_database (NULL);
  g_autoptr(TsuEvent) training = add_event (db, "2023-training", "2024-02-05");
  gint64 event_id = tsu_event_get_id (training);
  static const int head_counts[] = { 20, 18, 33, 25, 16, 21 };
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(TsuEventSession) clash = tsu_event_session_new (event_id);
  g_autoptr(GError) error = NULL;
  gint64 first_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (head_counts); i++)
    {
      g_autoptr(TsuEventSession) session = tsu_event_session_new (event_id);
      g_autofree char *title = g_strdup_printf ("講義 %u", i + 1);

      tsu_event_session_set_position (session, i + 1);
      tsu_event_session_set_title (session, title);
      tsu_event_session_set_head_count (session, head_counts[i]);
      g_assert_true (tsu_event_session_save (session, db, NULL));
      if (i == 0)
        first_id = tsu_event_session_get_id (session);
    }

  tsu_event_session_set_position (clash, 3);
  tsu_event_session_set_title (clash, "重複");
  g_assert_false (tsu_event_session_save (clash, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);

  g_assert_true (tsu_event_session_move (db, first_id, +1, NULL));
  sessions = tsu_event_session_load_for_event (db, event_id, NULL);
  g_assert_cmpuint (sessions->len, ==, 6);
  g_assert_cmpstr (tsu_event_session_get_title (g_ptr_array_index (sessions, 0)), ==, "講義 2");
  g_assert_cmpstr (tsu_event_session_get_title (g_ptr_array_index (sessions, 1)), ==, "講義 1");
  g_assert_cmpuint (tsu_event_session_get_position (g_ptr_array_index (sessions, 1)), ==, 2);
  g_assert_cmpint (tsu_event_session_get_head_count (g_ptr_array_index (sessions, 5)), ==, 21);
  /* The first cannot move further up. */
  g_assert_true (tsu_event_session_move (db, tsu_event_session_get_id (g_ptr_array_index (sessions, 0)), -1, NULL));
}

static TsuOrganization *
add_org (TsuDatabase         *db,
         const char          *legal_form,
         const char          *name,
         const char          *reading,
         TsuOrganizationKind  kind)
{
  TsuOrganization *org = tsu_organization_new ();

  tsu_organization_set_legal_form (org, legal_form);
  tsu_organization_set_name (org, name);
  tsu_organization_set_reading (org, reading);
  tsu_organization_set_kind (org, kind);
  g_assert_true (tsu_organization_save (org, db, NULL));
  return org;
}

static void
register_person (TsuDatabase     *db,
                 gint64           event_id,
                 TsuOrganization *org,
                 const char      *name,
                 const char      *reading)
{
  g_autoptr(TsuPerson) person = tsu_person_new (tsu_organization_get_id (org));
  g_autoptr(TsuAttendee) attendee = NULL;
  g_autoptr(GError) error = NULL;

  tsu_person_set_name (person, name);
  tsu_person_set_reading (person, reading);
  g_assert_true (tsu_person_save (person, db, NULL));
  attendee = tsu_attendee_new_for_person (event_id, person, org);
  g_assert_true (tsu_attendee_save (attendee, db, &error));
  g_assert_no_error (error);
}

static void
test_attendees (void)
{
  g_autoptr(TsuDatabase) db = new_database (NULL);
  g_autoptr(TsuEvent) meeting = add_event (db, "2023-council-5", "2023-07-19T15:00");
  gint64 event_id = tsu_event_get_id (meeting);
  g_autoptr(TsuOrganization) city = add_org (db, NULL, "保健福祉局 地域福祉推進課", "ほけんふくしきょく", TSU_ORGANIZATION_KIND_GOVERNMENT);
  g_autoptr(TsuOrganization) houboku = add_org (db, "NPO法人", "抱樸", "ほうぼく", TSU_ORGANIZATION_KIND_MEMBER);
  g_autoptr(TsuOrganization) inochi = add_org (db, "社会福祉法人", "北九州いのちの電話", "きたきゅうしゅういのちのでんわ", TSU_ORGANIZATION_KIND_MEMBER);
  g_autoptr(TsuAttendee) outsider = tsu_attendee_new (event_id);
  g_autoptr(TsuAttendee) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) with_cancelled = NULL;
  g_autoptr(GArray) sessions = NULL;
  g_autoptr(TsuEventSession) session = tsu_event_session_new (event_id);
  g_autoptr(GError) error = NULL;
  guint counts[TSU_N_ATTENDEE_STATUSES];
  static const char * const expected[] = {
    "青木 一郎", "山田 花子",  /* いのちの電話: あおき < やまだ */
    "森 次郎",                 /* 抱樸 */
    "外部 太郎",               /* others */
    "市 職員",                 /* city departments last */
  };

  register_person (db, event_id, city, "市 職員", "し しょくいん");
  register_person (db, event_id, houboku, "森 次郎", "もり じろう");
  register_person (db, event_id, inochi, "山田 花子", "やまだ はなこ");
  register_person (db, event_id, inochi, "青木 一郎", "あおき いちろう");
  tsu_attendee_set_name (outsider, "外部 太郎");
  tsu_attendee_set_reading (outsider, "がいぶ たろう");
  tsu_attendee_set_affiliation (outsider, "北九州成年後見センター");
  g_assert_true (tsu_attendee_save (outsider, db, NULL));

  list = tsu_attendee_load_for_event (db, event_id, FALSE, NULL);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (tsu_attendee_get_name (g_ptr_array_index (list, i)), ==, expected[i]);
  g_assert_cmpint (tsu_attendee_get_group (g_ptr_array_index (list, 0)), ==, TSU_ATTENDEE_GROUP_MEMBER);
  g_assert_cmpint (tsu_attendee_get_group (g_ptr_array_index (list, 3)), ==, TSU_ATTENDEE_GROUP_OTHER);
  g_assert_cmpint (tsu_attendee_get_group (g_ptr_array_index (list, 4)), ==, TSU_ATTENDEE_GROUP_GOVERNMENT);
  g_assert_cmpstr (tsu_attendee_get_affiliation (g_ptr_array_index (list, 2)), ==, "NPO法人 抱樸");
  g_assert_true (tsu_kana_matches (tsu_attendee_get_search_key (g_ptr_array_index (list, 2)), "ﾓﾘ"));
  /* …and by a few kana of the organisation's reading. */
  g_assert_true (tsu_kana_matches (tsu_attendee_get_search_key (g_ptr_array_index (list, 2)), "ホウボ"));

  /* The same outside person twice is refused. */
  again = tsu_attendee_new (event_id);
  tsu_attendee_set_name (again, "外部　太郎");
  tsu_attendee_set_reading (again, "がいぶ たろう");
  tsu_attendee_set_affiliation (again, "北九州成年後見センター");
  g_assert_false (tsu_attendee_save (again, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);

  /* The reception desk marks one attended; another cancels. */
  g_assert_true (tsu_attendee_set_status_in_db (g_ptr_array_index (list, 0), db, TSU_ATTENDEE_STATUS_ATTENDED, NULL));
  g_assert_true (tsu_attendee_set_status_in_db (g_ptr_array_index (list, 3), db, TSU_ATTENDEE_STATUS_CANCELLED, NULL));
  g_assert_true (tsu_attendee_count_by_status (db, event_id, counts, NULL));
  g_assert_cmpuint (counts[TSU_ATTENDEE_STATUS_ATTENDED], ==, 1);
  g_assert_cmpuint (counts[TSU_ATTENDEE_STATUS_REGISTERED], ==, 3);
  g_assert_cmpuint (counts[TSU_ATTENDEE_STATUS_CANCELLED], ==, 1);
  with_cancelled = tsu_attendee_load_for_event (db, event_id, TRUE, NULL);
  g_assert_cmpuint (with_cancelled->len, ==, 5);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tsu_attendee_load_for_event (db, event_id, FALSE, NULL);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (tsu_attendee_get_status (g_ptr_array_index (list, 0)), ==, TSU_ATTENDEE_STATUS_ATTENDED);

  /* Sessions attended. */
  tsu_event_session_set_position (session, 1);
  tsu_event_session_set_title (session, "第一部");
  g_assert_true (tsu_event_session_save (session, db, NULL));
  {
    gint64 ids[] = { tsu_event_session_get_id (session), 9999 };
    TsuAttendee *first = g_ptr_array_index (list, 0);

    g_assert_true (tsu_attendee_set_session_ids (db, tsu_attendee_get_id (first), ids, 2, NULL));
    sessions = tsu_attendee_load_session_ids (db, tsu_attendee_get_id (first), NULL);
    g_assert_cmpuint (sessions->len, ==, 1);
    g_assert_cmpint (g_array_index (sessions, gint64, 0), ==, ids[0]);
  }

  /* Delete and undo: the same row (same id), with the sessions it had
   * attended, which the delete took along. */
  {
    g_autoptr(TsuAttendee) removed = g_object_ref (g_ptr_array_index (list, 0));
    g_autoptr(GPtrArray) after = NULL;
    g_autoptr(GArray) attended = NULL;

    g_assert_true (tsu_attendee_delete (db, tsu_attendee_get_id (removed), NULL));
    after = tsu_attendee_load_for_event (db, event_id, FALSE, NULL);
    g_assert_cmpuint (after->len, ==, 3);
    attended = tsu_attendee_load_session_ids (db, tsu_attendee_get_id (removed), NULL);
    g_assert_cmpuint (attended->len, ==, 0);
    g_clear_pointer (&attended, g_array_unref);
    g_assert_true (tsu_database_undo_change (db, tsu_database_get_last_change (db), NULL));
    g_clear_pointer (&after, g_ptr_array_unref);
    after = tsu_attendee_load_for_event (db, event_id, FALSE, NULL);
    g_assert_cmpuint (after->len, ==, 4);
    g_assert_cmpint (tsu_attendee_get_id (g_ptr_array_index (after, 0)), ==, tsu_attendee_get_id (removed));
    attended = tsu_attendee_load_session_ids (db, tsu_attendee_get_id (removed), NULL);
    g_assert_cmpuint (attended->len, ==, 1);
    g_assert_cmpint (g_array_index (attended, gint64, 0), ==, tsu_event_session_get_id (session));
  }
}

static void
test_minutes (void)
{
  g_autoptr(TsuDatabase) db = new_database (NULL);
  g_autoptr(TsuEvent) meeting = add_event (db, "2023-council-5", "2023-07-19T15:00");
  gint64 event_id = tsu_event_get_id (meeting);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_agenda_item_free);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  TsuAgendaItem *item;
  TsuRemark *remark;

  item = tsu_agenda_item_new ("行政からの説明「今後の方向性について」", "資料3に沿って説明した。");
  g_ptr_array_add (item->remarks, tsu_remark_new (TSU_REMARK_MEMBER, "NPO法人 抱樸", "入口と受け皿が大切。"));
  g_ptr_array_add (item->remarks, tsu_remark_new (TSU_REMARK_CITY, "ignored for the city", "皆さんも入口です。"));
  g_ptr_array_add (items, item);
  g_ptr_array_add (items, tsu_agenda_item_new ("重層的支援体制整備事業について", NULL));
  g_assert_true (tsu_minutes_save (db, event_id, items, &error));
  g_assert_no_error (error);

  loaded = tsu_minutes_load (db, event_id, NULL);
  g_assert_cmpuint (loaded->len, ==, 2);
  item = g_ptr_array_index (loaded, 0);
  g_assert_cmpstr (item->summary, ==, "資料3に沿って説明した。");
  g_assert_cmpuint (item->remarks->len, ==, 2);
  remark = g_ptr_array_index (item->remarks, 0);
  g_assert_cmpstr (tsu_remark_kind_to_mark (remark->kind), ==, "◆");
  g_assert_cmpstr (remark->organization, ==, "NPO法人 抱樸");
  remark = g_ptr_array_index (item->remarks, 1);
  g_assert_cmpint (remark->kind, ==, TSU_REMARK_CITY);
  g_assert_null (remark->organization);
  g_assert_null (((TsuAgendaItem *) g_ptr_array_index (loaded, 1))->summary);

  /* An empty remark is refused and the saved minutes stay. */
  item = g_ptr_array_index (items, 1);
  g_ptr_array_add (item->remarks, tsu_remark_new (TSU_REMARK_MEMBER, NULL, "  "));
  g_assert_false (tsu_minutes_save (db, event_id, items, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = tsu_minutes_load (db, event_id, NULL);
  g_assert_cmpuint (loaded->len, ==, 2);
}

/* A database written before the event planner existed gains its tables. */
static void
test_migration_from_1 (void)
{
  g_autofree char *path = NULL;
  TsuDatabase *db = new_database (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuEvent) event = NULL;

  g_assert_true (tsu_database_exec (db,
    "DROP TABLE audit_log; DROP TABLE history; DROP TABLE referrals; DROP TABLE cases;"
    " DROP TABLE payments; DROP TABLE budget_lines; DROP TABLE contractors;"
    " DROP TABLE remarks; DROP TABLE agenda_items; DROP TABLE attendee_sessions;"
    " DROP TABLE attendees; DROP TABLE event_sessions; DROP TABLE events;"
    " PRAGMA user_version = 1;", &error));
  g_assert_no_error (error);
  g_object_unref (db);

  db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  event = add_event (db, "after-migration", "2024-05-01");
  g_assert_cmpint (tsu_event_get_id (event), >, 0);
  g_object_unref (db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event/vocabularies", test_vocabularies);
  g_test_add_func ("/event/events", test_events);
  g_test_add_func ("/event/sessions", test_sessions);
  g_test_add_func ("/event/attendees", test_attendees);
  g_test_add_func ("/event/minutes", test_minutes);
  g_test_add_func ("/event/migration-from-1", test_migration_from_1);

  return g_test_run ();
}
