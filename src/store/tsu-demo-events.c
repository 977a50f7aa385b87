/* tsu-demo-events.c: the demo's events of 令和5年度 (FY2023), from the
 * council's public documents (shared/seeds/000 and 003).
 *
 * Dates, venues, organisers, programmes, head counts and the agenda of
 * the 5th council meeting are as the documents give them; lecturers are
 * named as the documents name them. Attendees are the demo directory's
 * made-up people, and the remarks of the minutes are summaries whose
 * attribution to member organisations is made up for the demo (the
 * minutes do not say who spoke).
 *
 * Head counts: the sessions of the trainings and the two parts of the
 * network meeting carry the counts the report gives; the bus tour's
 * stops are not counted one by one, its 23 participants are attendees
 * marked attended (the attendance summary counts those when no session
 * was counted). The one-day training counted its 46 participants once,
 * at the reception, which is recorded on its first programme item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tsu-attendee.h"
#include "tsu-demo-events.h"
#include "tsu-event.h"
#include "tsu-event-session.h"
#include "tsu-minutes.h"
#include "tsu-organization.h"
#include "tsu-person.h"

#define UNCOUNTED TSU_HEAD_COUNT_UNKNOWN

typedef struct
{
  const char *title;
  const char *lecturer;
  const char *starts_at;
  const char *ends_at;
  const char *place;
  int         head_count;
} DemoSession;

typedef struct
{
  const char     *key;
  TsuEventKind    kind;
  guint           number;
  const char     *title;
  const char     *starts_at;
  const char     *ends_at;
  const char     *venue;
  const char     *organizer;
  guint           pillars;   /* bit 0 is ① */
  TsuEventStatus  status;
  const char     *budget_line;
  const char     *notes;
  DemoSession     sessions[7]; /* ended by an empty title */
} DemoEvent;

#define PILLAR(n) (1u << ((n) - 1))

#define COUNCIL_5    "2023-council-5"
#define BUS_TOUR     "2023-bus-tour"

static const DemoEvent events[] = {
  { COUNCIL_5, TSU_EVENT_KIND_MEETING, 5, "北九州市孤独・孤立対策等連携協議会",
    "2023-07-19T15:00", "2023-07-19T16:30", "ホテルクラウンパレス小倉 ３階 ダイヤモンドホール",
    "北九州市", PILLAR (4), TSU_EVENT_STATUS_HELD, NULL,
    "議事：プラットフォーム推進事業、協議会の今後の方向性、重層的支援体制整備事業への移行準備事業。",
    { { NULL } } },

  { "2023-network", TSU_EVENT_KIND_WORKSHOP, 0, "いのちをつなぐネットワーク推進会議",
    "2023-11-14", NULL, NULL, "北九州市", PILLAR (1) | PILLAR (3), TSU_EVENT_STATUS_HELD,
    "いのちをつなぐネットワーク推進会議",
    "孤独・孤立の問題に対する理解促進のため、推進会議の中でワークショップを実施。",
    { { "第一部 市長挨拶・感謝状贈呈式・事例発表・講演「認知症をもっと知ろう！」",
        "保健福祉局 認知症支援・介護予防センター 認知症地域支援推進員 中村 真理子 氏",
        "2023-11-14", NULL, NULL, 84 },
      { "第二部 ワークショップ「社会的孤立をはじめとする地域課題に対してできること」",
        "三菱UFJリサーチ&コンサルティング 副主任研究員 丸川 正吾 氏（全体ファシリテーター）",
        "2023-11-14", NULL, NULL, 75 },
      { NULL } } },

  { BUS_TOUR, TSU_EVENT_KIND_TOUR, 0, "支援現場見学バスツアー",
    "2023-12-14", NULL, NULL, "市社協", PILLAR (4), TSU_EVENT_STATUS_HELD,
    "支援現場見学バスツアー",
    "大型バスで各施設を移動。参加者23名（連携協議会参加団体より参加）。",
    { { "NPO法人抱樸「抱樸館視察」", "NPO法人 抱樸", "2023-12-14", NULL, "抱樸館", UNCOUNTED },
      { "大谷第二地区社会福祉協議会「健康サロン視察」", "大谷第二地区社会福祉協議会", "2023-12-14", NULL,
        "健康サロン", UNCOUNTED },
      { "NPO法人フードバンク北九州ライフアゲイン「ツキダテラス視察」", "NPO法人 フードバンク北九州ライフアゲイン",
        "2023-12-14", NULL, "ツキダテラス", UNCOUNTED },
      { "ウェルとばた内の4団体「各施設視察」",
        "北九州市子ども・若者応援センターＹＥＬＬ、北九州市障害者基幹相談支援センター、"
        "北九州市ひきこもり地域支援センター「すてっぷ」、北九州市社会福祉協議会",
        "2023-12-14", NULL, "ウェルとばた", UNCOUNTED },
      { "超高齢社会体験ゲーム「コミュニティコーピング」", "北九州市社会福祉協議会", "2023-12-14", NULL, NULL,
        UNCOUNTED },
      { NULL } } },

  { "2023-training-0119", TSU_EVENT_KIND_TRAINING, 0, "包括的な支援体制の構築に向けた支援者向け研修会",
    "2024-01-19", NULL, NULL, "北九州市", PILLAR (1) | PILLAR (2) | PILLAR (3), TSU_EVENT_STATUS_HELD,
    "包括的な支援体制の構築に向けた支援者向け研修会",
    "参加者46名（受付で集計）：協議会加盟団体、北九州成年後見センター、就労支援団体、食支援団体、行政 等。",
    { { "オリエンテーション", NULL, "2024-01-19", NULL, NULL, 46 },
      { "包括的な支援体制の構築と重層的支援", "同志社大学 永田教授", "2024-01-19", NULL, NULL, UNCOUNTED },
      { "地域共生社会の実現に向けて～坂井市の取組から～", "坂井市 斉藤主査", "2024-01-19", NULL, NULL, UNCOUNTED },
      { "グループワーク～複雑化・複合化したケースについてケーススタディ～", "同志社大学 永田教授",
        "2024-01-19", NULL, NULL, UNCOUNTED },
      { "質疑応答", NULL, "2024-01-19", NULL, NULL, UNCOUNTED },
      { NULL } } },

  { "2023-training-0205", TSU_EVENT_KIND_TRAINING, 0, "支援者向け能力向上研修会",
    "2024-02-05", "2024-02-06", NULL, "市社協", PILLAR (1) | PILLAR (2) | PILLAR (3), TSU_EVENT_STATUS_HELD,
    "支援者向け能力向上研修会",
    "協議会参加団体に限定せず、北九州成年後見センター、病院・介護職員、就労支援団体等も参加。",
    { { "支援者側のメンタルヘルスについて", NULL, "2024-02-05", NULL, NULL, 20 },
      { "自分自身を見つめながら他者と楽しく関わる研修", NULL, "2024-02-05", NULL, NULL, 18 },
      { "居場所ってなんだろう？", NULL, "2024-02-06", NULL, NULL, 33 },
      { "疑似体験を通して知ろう！知的障害・発達障害のこと", NULL, "2024-02-06", NULL, NULL, 25 },
      { "誰もが安心して暮らせる支え合いの街づくりを目指して", NULL, "2024-02-06", NULL, NULL, 16 },
      { "孤独のない社会を創る！ビル一棟を心の拠り所となる居場所に再生", NULL, "2024-02-06", NULL, NULL, 21 },
      { NULL } } },

  { "2023-case-study", TSU_EVENT_KIND_CASE_STUDY, 0, "人材確保・育成のためのケーススタディ",
    "2024-03-15", NULL, NULL, "市社協", PILLAR (4), TSU_EVENT_STATUS_PLANNED,
    "人材確保・育成のためのケーススタディ",
    "令和6年3月開催予定の協議会で、協議会参加団体の企画・運営により実施（日程は仮）。",
    { { NULL } } },
};

/* Made-up staff of member organisations, so that the bus tour has its
 * 23 participants from the members. */
typedef struct
{
  const char *organization;
  const char *title;
  const char *name;
  const char *reading;
  const char *phone;
  const char *email;
} DemoExtraPerson;

static const DemoExtraPerson extra_people[] = {
  { "北九州いのちの電話", "相談員", "高橋 里美", "たかはし さとみ",
    "093-555-0103", "s.takahashi@example.jp" },
  { "北九州国際交流協会", "多言語相談員", "山口 花", "やまぐち はな",
    "093-555-0113", "h.yamaguchi@example.jp" },
  { "北九州市子ども・若者応援センターＹＥＬＬ", "相談員", "渡辺 翔太", "わたなべ しょうた",
    "093-555-0122", "s.watanabe@example.jp" },
  { "北九州市障害者基幹相談支援センター", "相談支援専門員", "佐藤 美咲", "さとう みさき",
    "093-555-0142", "m.sato@example.jp" },
  { "北九州市ひきこもり地域支援センター「すてっぷ」", "相談員", "伊藤 大樹", "いとう だいき",
    "093-555-0152", "d.ito@example.jp" },
  { "認知症・草の根ネットワーク", "会員", "小林 節子", "こばやし せつこ",
    "093-555-0172", "s.kobayashi@example.jp" },
};

typedef struct
{
  TsuRemarkKind  kind;
  const char    *organization;
  const char    *text;
} DemoRemark;

typedef struct
{
  const char *title;
  const char *summary;
  DemoRemark  remarks[5]; /* ended by an empty text */
} DemoAgendaItem;

/* Seed 003, section 4, summarised. */
static const DemoAgendaItem agenda[] = {
  { "行政からの説明「2.内閣官房 地方版孤独・孤立対策官民連携プラットフォーム推進事業について」",
    "孤独・孤立対策担当課長が、資料1「北九州市 人々のつながりに関する実態調査 調査結果の概要」に沿って"
    "昨年度の実態調査の結果を説明し、資料2に沿って今年度の事業概要を説明して、引き続きの協力を依頼した。",
    { { TSU_REMARK_MEMBER, "社会福祉法人 北九州いのちの電話",
        "19歳以下の自殺者が少し増えていることが心配である。学校など子どもの居場所との連携はどうなっているのか。" },
      { TSU_REMARK_CITY, NULL,
        "精神保健福祉センターが中心となり、孤独・孤立対策担当や教育の部署も参加する庁内の会議で連携を進めている。"
        "協議会のメンバーについても、児童と大人の両面から引き続き検討したい。" },
      { TSU_REMARK_MEMBER, "NPO法人 チャイルドライン北九州",
        "学校との連携は依然として難しいが、この年代から孤独・孤立を予防しなければ将来のひきこもりが増える。目配りをお願いしたい。" },
      { TSU_REMARK_CITY, NULL,
        "国の調査と異なる点に着目してまとめた。北九州市では40代・80代の孤独感が高く、高齢者の孤独感が全国平均より強い可能性がある。" },
      { 0, NULL, NULL } } },
  { "行政からの説明「3. 北九州市孤独・孤立対策等連携協議会 今後の方向性について」",
    "孤独・孤立対策担当課長が、資料3に沿ってこれまでの議論と今後の方向性を説明し、参加団体の拡大と、"
    "企画運営を北九州市社会福祉協議会とともに実施していくことを説明した。",
    { { TSU_REMARK_MEMBER, "NPO法人 抱樸",
        "孤独・孤立に陥った人が、どこに行き、誰が引き受け、その体制をどう支えるのかという仕組みを、"
        "官民の知恵を出し合って考えることが大切である。" },
      { TSU_REMARK_MEMBER, "社会福祉法人 北九州市社会福祉協議会",
        "今年度の研修やケーススタディの設計を手伝う。研修や会議の運営の経験を生かし、皆さんの意見をいただきながら進めたい。" },
      { TSU_REMARK_CITY, NULL,
        "入り口は1つではなく、皆さんも行政も相談の入り口であり受け手である。入り口と受け手をクロスさせ、線を大きく太くしていきたい。" },
      { 0, NULL, NULL } } },
  { "行政からの説明「4.重層的支援体制整備事業への移行準備事業について」",
    "孤独・孤立対策担当課長が、資料4「重層的支援体制整備事業について」、資料5「区役所における相談の流れ」に沿って"
    "概要と支援の流れを説明し、会議等への協力を依頼した。",
    { { TSU_REMARK_MEMBER, "公益財団法人 北九州国際交流協会",
        "ワンストップインフォメーションでは毎年1,000件程度の相談を受けているが、実態調査では外国人のデータが見えない。配慮をお願いしたい。" },
      { TSU_REMARK_CITY, NULL,
        "重層事業は外国人の方も対象である。実態調査は住民票からの無作為抽出で、外国人の方も含めた結果である。" },
      { TSU_REMARK_MEMBER, "北九州市ひきこもり地域支援センター「すてっぷ」",
        "会議にすぐ呼ばれる団体と電話相談が主な団体とでは関わり方が異なる。ケーススタディでシミュレーションを重ねてほしい。" },
      { TSU_REMARK_CITY, NULL,
        "令和5年度は門司区・八幡東区で実施し、当初は各区10件程度を想定している。本人の同意が得られるかも含め、動きながら確かめていく。" },
      { 0, NULL, NULL } } },
};

static TsuEvent *
save_event (TsuDatabase      *db,
            const DemoEvent  *d,
            GError          **error)
{
  g_autoptr(TsuEvent) event = tsu_event_new ();

  tsu_event_set_key (event, d->key);
  tsu_event_set_kind (event, d->kind);
  tsu_event_set_number (event, d->number);
  tsu_event_set_title (event, d->title);
  tsu_event_set_starts_at (event, d->starts_at);
  tsu_event_set_ends_at (event, d->ends_at ? d->ends_at : "");
  tsu_event_set_venue (event, d->venue);
  tsu_event_set_organizer (event, d->organizer);
  tsu_event_set_pillars (event, d->pillars);
  tsu_event_set_status (event, d->status);
  tsu_event_set_budget_line (event, d->budget_line);
  tsu_event_set_notes (event, d->notes);
  if (!tsu_event_save (event, db, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (d->sessions) && d->sessions[i].title != NULL; i++)
    {
      const DemoSession *ds = &d->sessions[i];
      g_autoptr(TsuEventSession) session = tsu_event_session_new (tsu_event_get_id (event));

      tsu_event_session_set_position (session, i + 1);
      tsu_event_session_set_title (session, ds->title);
      tsu_event_session_set_lecturer (session, ds->lecturer);
      tsu_event_session_set_starts_at (session, ds->starts_at ? ds->starts_at : "");
      tsu_event_session_set_ends_at (session, ds->ends_at ? ds->ends_at : "");
      tsu_event_session_set_place (session, ds->place);
      tsu_event_session_set_head_count (session, ds->head_count);
      if (!tsu_event_session_save (session, db, error))
        return NULL;
    }
  return g_steal_pointer (&event);
}

static gboolean
add_extra_people (TsuDatabase  *db,
                  GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (extra_people); i++)
    {
      const DemoExtraPerson *d = &extra_people[i];
      g_autoptr(TsuOrganization) org = tsu_organization_find_by_name (db, d->organization, error);
      g_autoptr(TsuPerson) person = NULL;

      if (org == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                         "demo: no organisation “%s”", d->organization);
          return FALSE;
        }
      person = tsu_person_new (tsu_organization_get_id (org));
      tsu_person_set_title (person, d->title);
      tsu_person_set_name (person, d->name);
      tsu_person_set_reading (person, d->reading);
      tsu_person_set_phone (person, d->phone);
      tsu_person_set_email (person, d->email);
      if (!tsu_person_save (person, db, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_attendee (TsuDatabase      *db,
              TsuEvent         *event,
              TsuPerson        *person,
              TsuOrganization  *org,
              GError          **error)
{
  g_autoptr(TsuAttendee) attendee = tsu_attendee_new_for_person (tsu_event_get_id (event), person, org);

  tsu_attendee_set_status (attendee, TSU_ATTENDEE_STATUS_ATTENDED);
  return tsu_attendee_save (attendee, db, error);
}

/* The 5th meeting: the primary contact of each member of the day, and
 * the people of the city departments. The bus tour: everyone of the
 * members who was a member on the day. */
static gboolean
add_attendees (TsuDatabase  *db,
               TsuEvent     *council,
               TsuEvent     *tour,
               GError      **error)
{
  g_autoptr(GPtrArray) organizations = tsu_organization_load_all (db, error);

  if (organizations == NULL)
    return FALSE;
  for (guint i = 0; i < organizations->len; i++)
    {
      TsuOrganization *org = g_ptr_array_index (organizations, i);
      TsuOrganizationKind kind = tsu_organization_get_kind (org);
      g_autoptr(GPtrArray) people = NULL;

      if (kind == TSU_ORGANIZATION_KIND_PARTNER)
        continue;
      people = tsu_person_load_for_organization (db, tsu_organization_get_id (org), error);
      if (people == NULL)
        return FALSE;
      for (guint p = 0; p < people->len; p++)
        {
          TsuPerson *person = g_ptr_array_index (people, p);

          if (kind == TSU_ORGANIZATION_KIND_GOVERNMENT)
            {
              if (!add_attendee (db, council, person, org, error))
                return FALSE;
              continue;
            }
          if (tsu_organization_is_current (org, tsu_event_get_starts_at (council))
              && tsu_person_get_primary (person)
              && !add_attendee (db, council, person, org, error))
            return FALSE;
          if (tsu_organization_is_current (org, tsu_event_get_starts_at (tour))
              && !add_attendee (db, tour, person, org, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_minutes (TsuDatabase  *db,
             TsuEvent     *council,
             GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_agenda_item_free);

  for (guint i = 0; i < G_N_ELEMENTS (agenda); i++)
    {
      TsuAgendaItem *item = tsu_agenda_item_new (agenda[i].title, agenda[i].summary);

      for (guint r = 0; r < G_N_ELEMENTS (agenda[i].remarks) && agenda[i].remarks[r].text != NULL; r++)
        {
          const DemoRemark *d = &agenda[i].remarks[r];

          g_ptr_array_add (item->remarks, tsu_remark_new (d->kind, d->organization, d->text));
        }
      g_ptr_array_add (items, item);
    }
  return tsu_minutes_save (db, tsu_event_get_id (council), items, error);
}

gboolean
tsu_demo_fill_events (TsuDatabase  *db,
                      GError      **error)
{
  g_autoptr(TsuEvent) council = NULL;
  g_autoptr(TsuEvent) tour = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!add_extra_people (db, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(TsuEvent) event = save_event (db, &events[i], error);

      if (event == NULL)
        return FALSE;
      if (g_strcmp0 (events[i].key, COUNCIL_5) == 0)
        council = g_steal_pointer (&event);
      else if (g_strcmp0 (events[i].key, BUS_TOUR) == 0)
        tour = g_steal_pointer (&event);
    }
  g_assert (council != NULL && tour != NULL);

  return add_attendees (db, council, tour, error)
         && add_minutes (db, council, error);
}
