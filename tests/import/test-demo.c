/* test-demo.c: the demo data of the 5th council meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tsu-attendee.h"
#include "tsu-budget-line.h"
#include "tsu-case.h"
#include "tsu-referral.h"
#include "tsu-referral-stats.h"
#include "tsu-demo.h"
#include "tsu-event.h"
#include "tsu-event-session.h"
#include "tsu-minutes.h"
#include "tsu-organization.h"
#include "tsu-payment.h"
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

/* The events of 令和5年度 as seed 000 reports them. */
static const struct
{
  const char     *key;
  TsuEventKind    kind;
  const char     *starts_at;
  const char     *organizer;
  guint           pillars;
  TsuEventStatus  status;
  int             head_counts[7];  /* of the sessions, ended by -2 */
} fy2023[] = {
  { "2023-council-5", TSU_EVENT_KIND_MEETING, "2023-07-19T15:00", "北九州市", 0x8, TSU_EVENT_STATUS_HELD,
    { -2 } },
  { "2023-network", TSU_EVENT_KIND_WORKSHOP, "2023-11-14", "北九州市", 0x5, TSU_EVENT_STATUS_HELD,
    { 84, 75, -2 } },
  { "2023-bus-tour", TSU_EVENT_KIND_TOUR, "2023-12-14", "市社協", 0x8, TSU_EVENT_STATUS_HELD,
    { -1, -1, -1, -1, -1, -2 } },
  { "2023-training-0119", TSU_EVENT_KIND_TRAINING, "2024-01-19", "北九州市", 0x7, TSU_EVENT_STATUS_HELD,
    { 46, -1, -1, -1, -1, -2 } },
  { "2023-training-0205", TSU_EVENT_KIND_TRAINING, "2024-02-05", "市社協", 0x7, TSU_EVENT_STATUS_HELD,
    { 20, 18, 33, 25, 16, 21, -2 } },
  { "2023-case-study", TSU_EVENT_KIND_CASE_STUDY, "2024-03-15", "市社協", 0x8, TSU_EVENT_STATUS_PLANNED,
    { -2 } },
};

static guint
count_attended (TsuDatabase *db,
                TsuEvent    *event)
{
  guint counts[TSU_N_ATTENDEE_STATUSES] = { 0 };

  g_assert_true (tsu_attendee_count_by_status (db, tsu_event_get_id (event), counts, NULL));
  return counts[TSU_ATTENDEE_STATUS_ATTENDED];
}

static void
test_events (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(TsuEvent) council = NULL;
  g_autoptr(TsuEvent) tour = NULL;
  g_autoptr(TsuEvent) training = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) minutes_items = NULL;
  guint members = 0, city = 0;

  g_assert_true (tsu_demo_fill (db, &error));
  g_assert_no_error (error);

  all = tsu_event_load_for_fiscal_year (db, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (fy2023));
  for (guint i = 0; i < G_N_ELEMENTS (fy2023); i++)
    {
      g_autoptr(TsuEvent) event = tsu_event_find_by_key (db, fy2023[i].key, &error);
      g_autoptr(GPtrArray) programme = NULL;
      guint n = 0;

      g_assert_no_error (error);
      g_assert_nonnull (event);
      g_assert_cmpint (tsu_event_get_kind (event), ==, fy2023[i].kind);
      g_assert_cmpstr (tsu_event_get_starts_at (event), ==, fy2023[i].starts_at);
      g_assert_cmpstr (tsu_event_get_organizer (event), ==, fy2023[i].organizer);
      g_assert_cmpuint (tsu_event_get_pillars (event), ==, fy2023[i].pillars);
      g_assert_cmpint (tsu_event_get_status (event), ==, fy2023[i].status);

      programme = tsu_event_session_load_for_event (db, tsu_event_get_id (event), &error);
      g_assert_no_error (error);
      while (fy2023[i].head_counts[n] != -2)
        n++;
      g_assert_cmpuint (programme->len, ==, n);
      for (guint s = 0; s < n; s++)
        {
          TsuEventSession *session = g_ptr_array_index (programme, s);

          g_assert_cmpuint (tsu_event_session_get_position (session), ==, s + 1);
          g_assert_cmpint (tsu_event_session_get_head_count (session), ==, fy2023[i].head_counts[s]);
        }
    }

  /* The two-day training: sessions ①② on the first day, ③–⑥ on the
   * second. */
  training = tsu_event_find_by_key (db, "2023-training-0205", NULL);
  g_assert_cmpstr (tsu_event_get_ends_at (training), ==, "2024-02-06");
  sessions = tsu_event_session_load_for_event (db, tsu_event_get_id (training), NULL);
  for (guint s = 0; s < sessions->len; s++)
    g_assert_cmpstr (tsu_event_session_get_starts_at (g_ptr_array_index (sessions, s)), ==,
                     s < 2 ? "2024-02-05" : "2024-02-06");

  /* The bus tour counts its 23 participants, all from members. */
  tour = tsu_event_find_by_key (db, "2023-bus-tour", NULL);
  g_assert_cmpuint (count_attended (db, tour), ==, 23);
  attendees = tsu_attendee_load_for_event (db, tsu_event_get_id (tour), TRUE, NULL);
  g_assert_cmpuint (attendees->len, ==, 23);
  for (guint a = 0; a < attendees->len; a++)
    g_assert_cmpint (tsu_attendee_get_group (g_ptr_array_index (attendees, a)), ==, TSU_ATTENDEE_GROUP_MEMBER);
  g_clear_pointer (&attendees, g_ptr_array_unref);

  /* The 5th meeting: the eleven members' representatives and the city. */
  council = tsu_event_find_by_key (db, "2023-council-5", NULL);
  g_assert_cmpuint (tsu_event_get_number (council), ==, 5);
  g_assert_cmpstr (tsu_event_get_ends_at (council), ==, "2023-07-19T16:30");
  g_assert_cmpstr (tsu_event_get_venue (council), ==, "ホテルクラウンパレス小倉 ３階 ダイヤモンドホール");
  attendees = tsu_attendee_load_for_event (db, tsu_event_get_id (council), TRUE, NULL);
  for (guint a = 0; a < attendees->len; a++)
    {
      TsuAttendee *attendee = g_ptr_array_index (attendees, a);

      g_assert_cmpint (tsu_attendee_get_status (attendee), ==, TSU_ATTENDEE_STATUS_ATTENDED);
      g_assert_cmpint (tsu_attendee_get_person_id (attendee), >, 0);
      if (tsu_attendee_get_group (attendee) == TSU_ATTENDEE_GROUP_MEMBER)
        {
          /* In the order of the minutes, with the titles they print. */
          g_assert_cmpstr (tsu_attendee_get_title (attendee), ==, minutes[members].title);
          g_assert_nonnull (strstr (tsu_attendee_get_affiliation (attendee), minutes[members].name));
          members++;
        }
      else if (tsu_attendee_get_group (attendee) == TSU_ATTENDEE_GROUP_GOVERNMENT)
        city++;
    }
  g_assert_cmpuint (members, ==, G_N_ELEMENTS (minutes));
  g_assert_cmpuint (city, >=, 6);
  g_assert_cmpuint (attendees->len, ==, members + city);

  /* Its minutes: the three agenda items of seed 003, each with member
   * opinions (◆, with the organisation) and city answers (◇). */
  minutes_items = tsu_minutes_load (db, tsu_event_get_id (council), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (minutes_items->len, ==, 3);
  for (guint i = 0; i < minutes_items->len; i++)
    {
      TsuAgendaItem *item = g_ptr_array_index (minutes_items, i);
      guint member_remarks = 0, city_remarks = 0;

      g_assert_true (g_str_has_prefix (item->title, "行政からの説明"));
      g_assert_nonnull (item->summary);
      for (guint r = 0; r < item->remarks->len; r++)
        {
          TsuRemark *remark = g_ptr_array_index (item->remarks, r);

          if (remark->kind == TSU_REMARK_MEMBER)
            {
              g_assert_nonnull (remark->organization);
              member_remarks++;
            }
          else
            city_remarks++;
        }
      g_assert_cmpuint (member_remarks, >=, 1);
      g_assert_cmpuint (city_remarks, >=, 1);
      g_assert_cmpuint (item->remarks->len, >=, 3);
    }
  g_assert_nonnull (strstr (((TsuAgendaItem *) g_ptr_array_index (minutes_items, 2))->title, "重層的支援体制整備事業"));
}

/* The FY2023 table of seed 000, section 4, line by line in its order,
 * contractors as written; 7,099,480 yen with one line of 0 yen. */
static const struct
{
  const char *name;
  const char *contractor;
  gint64      amount;
  guint       pillars;
  const char *timing;
} budget[] = {
  { "北九州市孤独・孤立対策等連携協議会事務局機能の移行に関する検証", "NTTデータ経営研究所", 500000, 0x8, "—" },
  { "支援現場見学バスツアー", "北九州市社会福祉協議会", 1158120, 0x8, "2023.12.14" },
  { "支援者向け能力向上研修会", "北九州市社会福祉協議会", 844340, 0x7, "2024.2.5 2024.2.6" },
  { "支援団体紹介動画作成等", "北九州市社会福祉協議会", 1375220, 0x5, "—" },
  { "孤独・孤立ノベルティ作成", "株式会社成田屋", 465000, 0x5, "—" },
  { "人材確保・育成のためのケーススタディ", "北九州市社会福祉協議会", 0, 0x8, "2023.12、 2024.3" },
  { "いのちをつなぐネットワーク推進会議", "株式会社コムディア", 848200, 0x5, "2023.11.14" },
  { "包括的な支援体制の構築に向けた支援者向け研修会", "株式会社アソウ・ヒューマニーセンター", 908600, 0x7, "2024.1.19" },
  { "「北九州市版お悩みハンドブック」機能改善", "株式会社グラフィアー", 1000000, 0x5, "—" },
};

static void
test_budget (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GArray) years = NULL;
  gint64 total = 0;
  gint64 paid = 0;
  guint linked = 0;

  g_assert_true (tsu_demo_fill (db, &error));
  g_assert_no_error (error);

  years = tsu_budget_line_list_fiscal_years (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2023);

  lines = tsu_budget_line_load_for_fiscal_year (db, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (budget));
  for (guint i = 0; i < lines->len; i++)
    {
      TsuBudgetLine *line = g_ptr_array_index (lines, i);

      g_assert_cmpuint (tsu_budget_line_get_position (line), ==, i + 1);
      g_assert_cmpstr (tsu_budget_line_get_name (line), ==, budget[i].name);
      g_assert_cmpstr (tsu_budget_line_get_contractor (line), ==, budget[i].contractor);
      g_assert_cmpint (tsu_budget_line_get_amount (line), ==, budget[i].amount);
      g_assert_cmpuint (tsu_budget_line_get_pillars (line), ==, budget[i].pillars);
      g_assert_cmpstr (tsu_budget_line_get_timing (line), ==, budget[i].timing);
      g_assert_cmpint (tsu_budget_line_get_funding (line), ==, TSU_FUNDING_NATIONAL);
      g_assert_false (tsu_budget_line_get_draft (line));
      g_assert_cmpstr (tsu_budget_line_get_description (line), !=, "");
      g_assert_cmpstr (tsu_budget_line_get_purpose (line), !=, "");
      /* Nothing is paid past its budget. */
      g_assert_cmpint (tsu_budget_line_get_remaining (line), >=, 0);
      total += tsu_budget_line_get_amount (line);
      paid += tsu_budget_line_get_paid (line);
    }
  g_assert_cmpint (total, ==, 7099480);

  /* A few payments: the bus tour in full on 2024-01-31, the training in
   * part. */
  payments = tsu_payment_load_for_fiscal_year (db, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, >=, 3);
  g_assert_cmpint (tsu_budget_line_get_paid (g_ptr_array_index (lines, 1)), ==, 1158120);
  g_assert_cmpint (tsu_budget_line_get_paid (g_ptr_array_index (lines, 2)), >, 0);
  g_assert_cmpint (tsu_budget_line_get_paid (g_ptr_array_index (lines, 2)), <, 844340);
  g_assert_cmpint (paid, >, 0);
  g_assert_cmpint (paid, <, total);
  for (guint i = 0; i < payments->len; i++)
    {
      TsuPayment *payment = g_ptr_array_index (payments, i);

      if (tsu_payment_get_budget_line_id (payment) == tsu_budget_line_get_id (g_ptr_array_index (lines, 1)))
        g_assert_cmpstr (tsu_payment_get_paid_on (payment), ==, "2024-01-31");
    }

  /* The demo events belong to their lines: their budget_line is a line's
   * name in the same fiscal year. */
  events = tsu_event_load_for_fiscal_year (db, 2023, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      const char *name = tsu_event_get_budget_line (g_ptr_array_index (events, i));
      g_autoptr(TsuBudgetLine) line = NULL;

      if (name == NULL || *name == '\0')
        continue;
      line = tsu_budget_line_find_by_name (db, 2023, name, &error);
      g_assert_no_error (error);
      if (line == NULL)
        g_error ("the demo event “%s” names no budget line (“%s”)",
                 tsu_event_get_title (g_ptr_array_index (events, i)), name);
      linked++;
    }
  g_assert_cmpuint (linked, ==, 5);
}

/* About sixty made-up cases of FY2023 spread over wards and concerns,
 * with referrals through the workflow: some foreign residents, some not
 * connected (with a reason), some overdue, support meetings only in
 * 門司区 and 八幡東区, and no notes beyond generic remarks. */
static void
test_referrals (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GPtrArray) next_year = NULL;
  TsuReferralStats stats;
  guint wards_used = 0, concerns_used = 0, foreign = 0, meetings = 0, overdue = 0;
  guint not_connected = 0, sent_overdue_early_2024 = 0;

  g_assert_true (tsu_demo_fill (db, &error));
  g_assert_no_error (error);

  cases = tsu_case_load_for_fiscal_year (db, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, >=, 50);
  g_assert_cmpuint (cases->len, <=, 70);
  next_year = tsu_case_load_for_fiscal_year (db, 2024, &error);
  g_assert_cmpuint (next_year->len, ==, 0);

  for (guint i = 0; i < cases->len; i++)
    {
      TsuCase *c = g_ptr_array_index (cases, i);
      TsuWard ward = tsu_case_get_ward (c);
      const char *notes = tsu_case_get_notes (c);
      g_autoptr(GPtrArray) mine = tsu_referral_load_for_case (db, tsu_case_get_id (c), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (tsu_case_get_received_on (c), >=, "2023-04-01");
      g_assert_cmpstr (tsu_case_get_received_on (c), <=, "2024-03-31");
      g_assert_cmpint (ward, <, TSU_N_WARDS);
      wards_used |= 1u << ward;
      concerns_used |= tsu_case_get_concerns (c);
      g_assert_cmpuint (tsu_case_get_concerns (c), !=, 0);
      g_assert_true (tsu_case_may_share (c));
      if (tsu_case_get_foreign_resident (c))
        {
          foreign++;
          g_assert_cmpstr (tsu_case_get_language (c), !=, "");
        }
      if (tsu_case_get_support_meeting (c))
        {
          meetings++;
          g_assert_true (ward == TSU_WARD_MOJI || ward == TSU_WARD_YAHATA_HIGASHI);
          g_assert_cmpstr (tsu_case_get_support_meeting_on (c), >=, tsu_case_get_received_on (c));
        }
      /* Generic remarks only, nothing about a person. */
      g_assert_true (*notes == '\0' || strcmp (notes, "ケース会議で検討") == 0
                     || strcmp (notes, "関係機関と情報共有済み") == 0 || strcmp (notes, "継続して見守り") == 0
                     || strcmp (notes, "重層的支援会議で検討") == 0);
      for (guint s = 0; real_surnames[s] != NULL; s++)
        g_assert_null (strstr (tsu_case_get_entrance (c), real_surnames[s]));

      g_assert_cmpuint (mine->len, >=, 1);
      g_assert_cmpuint (mine->len, <=, 3);
      for (guint r = 0; r < mine->len; r++)
        {
          TsuReferral *referral = g_ptr_array_index (mine, r);
          TsuReferralStatus status = tsu_referral_get_status (referral);
          g_autoptr(GPtrArray) problems = tsu_referral_validate (referral, c);

          g_assert_cmpuint (problems->len, ==, 0);
          g_assert_cmpstr (tsu_referral_get_from (referral), ==, tsu_case_get_entrance (c));
          g_assert_cmpstr (tsu_referral_get_to (referral), !=, tsu_referral_get_from (referral));
          g_assert_cmpstr (tsu_referral_get_referred_on (referral), >=, tsu_case_get_received_on (c));
          g_assert_cmpstr (tsu_referral_get_referred_on (referral), <=, "2024-03-31");
          if (tsu_referral_status_needs_reason (status))
            g_assert_cmpint (tsu_referral_get_reason (referral), !=, TSU_REASON_NONE);
          if (status == TSU_REFERRAL_NOT_CONNECTED)
            not_connected++;
          if (tsu_referral_is_overdue (referral, "2024-03-31"))
            overdue++;
          if (status == TSU_REFERRAL_SENT && strcmp (tsu_referral_get_due_on (referral), "2024-01-01") >= 0
              && strcmp (tsu_referral_get_due_on (referral), "2024-03-01") < 0)
            sent_overdue_early_2024++;
        }
    }
  g_assert_cmpuint (wards_used, ==, (1u << TSU_N_WARDS) - 1);
  g_assert_cmpuint (foreign, >=, 3);
  g_assert_cmpuint (foreign, <, cases->len / 4);
  g_assert_cmpuint (meetings, >=, 3);
  g_assert_cmpuint (meetings, <=, 12);
  g_assert_cmpuint (not_connected, >=, 3);
  g_assert_cmpuint (overdue, >=, 2);
  g_assert_cmpuint (sent_overdue_early_2024, >=, 1);
  /* The main concerns all come up. */
  g_assert_true (concerns_used & (1u << TSU_CONCERN_POVERTY));
  g_assert_true (concerns_used & (1u << TSU_CONCERN_EMPLOYMENT));
  g_assert_true (concerns_used & (1u << TSU_CONCERN_HIKIKOMORI));
  g_assert_true (concerns_used & (1u << TSU_CONCERN_ELDERLY));
  g_assert_true (concerns_used & (1u << TSU_CONCERN_FOREIGN));

  /* Mostly connected. */
  g_assert_true (tsu_referral_stats_compute (db, 2023, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.cases, ==, cases->len);
  g_assert_cmpfloat (stats.connection_rate, >, 0.6);
  g_assert_cmpfloat (stats.connection_rate, <, 0.95);
  g_assert_cmpfloat (stats.median_days_to_connect, >, 0.0);
  referrals = tsu_referral_load_for_fiscal_year (db, 2023, &error);
  g_assert_cmpuint (referrals->len, ==, stats.referrals);
  g_assert_cmpuint (referrals->len, >, cases->len);
}

static void
test_not_twice (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) events_before = NULL;
  g_autoptr(GPtrArray) events_after = NULL;

  g_assert_true (tsu_demo_fill (db, &error));
  g_assert_no_error (error);
  before = tsu_organization_load_all (db, NULL);

  events_before = tsu_event_load_all (db, NULL);
  g_assert_cmpuint (events_before->len, ==, 6);

  g_assert_false (tsu_demo_fill (db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  events_after = tsu_event_load_all (db, NULL);
  g_assert_cmpuint (events_after->len, ==, 6);
  for (guint i = 0; i < events_after->len; i++)
    g_assert_cmpint (tsu_event_get_version (g_ptr_array_index (events_after, i)), ==,
                     tsu_event_get_version (g_ptr_array_index (events_before, i)));
  {
    g_autoptr(GPtrArray) lines = tsu_budget_line_load_for_fiscal_year (db, 2023, NULL);
    g_autoptr(GPtrArray) payments = tsu_payment_load_for_fiscal_year (db, 2023, NULL);
    gint64 total = 0;

    g_assert_cmpuint (lines->len, ==, 9);
    for (guint i = 0; i < lines->len; i++)
      total += tsu_budget_line_get_amount (g_ptr_array_index (lines, i));
    g_assert_cmpint (total, ==, 7099480);
    g_assert_cmpuint (payments->len, ==, 4);
  }
  {
    g_autoptr(GPtrArray) cases = tsu_case_load_all (db, NULL);

    /* The referral cases are not added a second time either. */
    g_assert_cmpuint (cases->len, ==, 60);
  }
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
  g_test_add_func ("/demo/events", test_events);
  g_test_add_func ("/demo/budget", test_budget);
  g_test_add_func ("/demo/referrals", test_referrals);
  g_test_add_func ("/demo/not-twice", test_not_twice);
  g_test_add_func ("/demo/not-into-a-directory", test_not_into_a_directory);

  return g_test_run ();
}
