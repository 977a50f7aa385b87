/* tsu-demo.c: demo data from the council's public documents.
 *
 * The organisations and the titles of their representatives are those of
 * the 5th meeting of the 北九州市孤独・孤立対策等連携協議会 (令和5年7月19日,
 * shared/seeds/003); the people's names, telephone numbers and addresses
 * are made up, so that no real person ends up in a demo or a screenshot.
 * Telephone numbers use 555 and mail goes to example.jp, which nobody
 * can own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-demo.h"
#include "tsu-demo-budget.h"
#include "tsu-demo-events.h"
#include "tsu-demo-referrals.h"
#include "tsu-organization.h"
#include "tsu-person.h"

typedef struct
{
  const char *title;
  const char *name;
  const char *reading;
  const char *phone;
  const char *email;
  gboolean    primary;
} DemoPerson;

typedef struct
{
  TsuOrganizationKind kind;
  const char *legal_form;
  const char *name;
  const char *reading;
  const char *fields;     /* separated by ";" */
  const char *ward;
  const char *address;
  const char *phone;
  const char *email;
  const char *website;
  const char *hours;
  const char *joined_on;
  const char *left_on;
  const char *notes;
  DemoPerson  people[3];  /* ended by an empty name */
} DemoOrganization;

/* The council was founded in 令和4年2月. */
#define FOUNDED "2022-02-01"

static const DemoOrganization organizations[] = {
  /* Member organisations, in the order the minutes list them (五十音順). */
  { TSU_ORGANIZATION_KIND_MEMBER, "社会福祉法人", "北九州いのちの電話", "きたきゅうしゅういのちのでんわ",
    "自殺対策;電話相談", "小倉北区", "北九州市小倉北区", "093-555-0101", "inochi@example.jp", NULL,
    "電話相談 毎日24時間", FOUNDED, NULL, NULL,
    { { "副理事長・研修委員長", "青木 和子", "あおき かずこ", "093-555-0101", "k.aoki@example.jp", TRUE },
      { "事務局長", "松尾 健一", "まつお けんいち", "093-555-0102", "k.matsuo@example.jp", FALSE } } },
  { TSU_ORGANIZATION_KIND_MEMBER, "公益財団法人", "北九州国際交流協会", "きたきゅうしゅうこくさいこうりゅうきょうかい",
    "外国人住民;多言語相談", "小倉北区", "北九州市小倉北区", "093-555-0111", "kokusai@example.jp", "https://example.jp/kokusai/",
    "月〜金 9:00〜18:00（ワンストップインフォメーション）", FOUNDED, NULL, NULL,
    { { "専務理事", "川口 直美", "かわぐち なおみ", "093-555-0111", "n.kawaguchi@example.jp", TRUE },
      { "事業課長", "小島 拓也", "こじま たくや", "093-555-0112", "t.kojima@example.jp", FALSE } } },
  { TSU_ORGANIZATION_KIND_MEMBER, NULL, "北九州市子ども・若者応援センターＹＥＬＬ",
    "きたきゅうしゅうしこども・わかものおうえんせんたーいぇーる",
    "子ども・若者;ひきこもり;就労", "小倉北区", "北九州市小倉北区", "093-555-0121", "yell@example.jp", "https://example.jp/yell/",
    "火〜土 11:00〜19:00", FOUNDED, NULL, NULL,
    { { "センター長", "藤本 修", "ふじもと おさむ", "093-555-0121", "o.fujimoto@example.jp", TRUE } } },
  { TSU_ORGANIZATION_KIND_MEMBER, "社会福祉法人", "北九州市社会福祉協議会", "きたきゅうしゅうししゃかいふくしきょうぎかい",
    "地域福祉;高齢者;生活困窮", "戸畑区", "北九州市戸畑区", "093-555-0131", "shakyo@example.jp", "https://example.jp/shakyo/",
    "月〜金 8:30〜17:15", FOUNDED, NULL, "協議会の研修・ケーススタディの企画運営を市と共同で担う（令和5年度から）。",
    { { "地域福祉部長", "中村 聡", "なかむら さとし", "093-555-0131", "s.nakamura@example.jp", TRUE },
      { "地域福祉課 主査", "井上 真由美", "いのうえ まゆみ", "093-555-0132", "m.inoue@example.jp", FALSE } } },
  { TSU_ORGANIZATION_KIND_MEMBER, NULL, "北九州市障害者基幹相談支援センター",
    "きたきゅうしゅうししょうがいしゃきかんそうだんしえんせんたー",
    "障害", "戸畑区", "北九州市戸畑区", "093-555-0141", "kikan@example.jp", NULL,
    "月〜金 9:00〜17:00", FOUNDED, NULL, NULL,
    { { "センター長", "坂本 隆", "さかもと たかし", "093-555-0141", "t.sakamoto@example.jp", TRUE } } },
  { TSU_ORGANIZATION_KIND_MEMBER, NULL, "北九州市ひきこもり地域支援センター「すてっぷ」",
    "きたきゅうしゅうしひきこもりちいきしえんせんたーすてっぷ",
    "ひきこもり", "戸畑区", "北九州市戸畑区", "093-555-0151", "step@example.jp", NULL,
    "月〜金 10:00〜17:00", FOUNDED, NULL, NULL,
    { { "センター長", "岡田 恵", "おかだ めぐみ", "093-555-0151", "m.okada@example.jp", TRUE } } },
  { TSU_ORGANIZATION_KIND_MEMBER, "NPO法人", "チャイルドライン北九州", "ちゃいるどらいんきたきゅうしゅう",
    "子ども電話相談;子ども・若者", "小倉北区", "北九州市小倉北区", "093-555-0161", "childline@example.jp", NULL,
    "毎日 16:00〜21:00（18歳までの子ども専用電話）", FOUNDED, NULL, NULL,
    { { "理事長", "西村 順子", "にしむら じゅんこ", "093-555-0161", "j.nishimura@example.jp", TRUE },
      { "事務局", "古川 智美", "ふるかわ ともみ", "093-555-0162", "t.furukawa@example.jp", FALSE } } },
  { TSU_ORGANIZATION_KIND_MEMBER, NULL, "認知症・草の根ネットワーク", "にんちしょう・くさのねねっとわーく",
    "認知症;高齢者;家族の会", "八幡西区", "北九州市八幡西区", "093-555-0171", "kusanone@example.jp", NULL,
    "月・水・金 10:00〜16:00", "2022-10-01", NULL, NULL,
    { { "理事", "石田 房江", "いしだ ふさえ", "093-555-0171", "f.ishida@example.jp", TRUE } } },
  { TSU_ORGANIZATION_KIND_MEMBER, "NPO法人", "フードバンク北九州ライフアゲイン",
    "ふーどばんくきたきゅうしゅうらいふあげいん",
    "フードバンク;生活困窮", "小倉南区", "北九州市小倉南区", "093-555-0181", "foodbank@example.jp", "https://example.jp/lifeagain/",
    "月〜土 10:00〜17:00", FOUNDED, NULL, NULL,
    { { "理事長", "吉村 浩二", "よしむら こうじ", "093-555-0181", "k.yoshimura@example.jp", TRUE },
      { "事務局", "松本 彩", "まつもと あや", "093-555-0182", "a.matsumoto@example.jp", FALSE } } },
  { TSU_ORGANIZATION_KIND_MEMBER, NULL, "福岡県協力雇用主会", "ふくおかけんきょうりょくこようぬしかい",
    "刑務所出所者等の就労支援;就労", "小倉北区", "北九州市小倉北区", "093-555-0191", "koyounushi@example.jp", NULL,
    "月〜金 9:00〜17:00", "2023-04-01", NULL, NULL,
    { { "会長", "木村 正", "きむら ただし", "093-555-0191", "t.kimura@example.jp", TRUE } } },
  { TSU_ORGANIZATION_KIND_MEMBER, "NPO法人", "抱樸", "ほうぼく",
    "ホームレス支援;生活困窮;住まい", "八幡東区", "北九州市八幡東区", "093-555-0201", "houboku@example.jp", "https://example.jp/houboku/",
    "月〜金 9:00〜18:00", FOUNDED, NULL, NULL,
    { { "専務理事", "前田 誠", "まえだ まこと", "093-555-0201", "m.maeda@example.jp", TRUE },
      { "相談員", "原口 沙織", "はらぐち さおり", "093-555-0202", "s.haraguchi@example.jp", FALSE } } },

  /* A made-up former member, so that lists of former members and the
   * growth of the council have something to show. */
  { TSU_ORGANIZATION_KIND_MEMBER, "NPO法人", "まちの縁側ネット", "まちのえんがわねっと",
    "地域福祉;居場所づくり", "若松区", "北九州市若松区", "093-555-0211", "engawa@example.jp", NULL,
    "火・木 13:00〜17:00", FOUNDED, "2023-03-31", "デモ用の架空の団体。令和4年度末で退会。",
    { { "代表", "森本 洋子", "もりもと ようこ", "093-555-0211", "y.morimoto@example.jp", TRUE } } },

  /* The city departments at the meeting (行政関係者). */
  { TSU_ORGANIZATION_KIND_GOVERNMENT, NULL, "保健福祉局 地域福祉推進課", "ほけんふくしきょく ちいきふくしすいしんか",
    "地域福祉", NULL, "北九州市小倉北区城内", "093-555-0301", "chiiki-fukushi@example.jp", NULL,
    "月〜金 8:30〜17:15", FOUNDED, NULL, "協議会の事務局。",
    { { "孤独・孤立対策担当課長", "村井 康介", "むらい こうすけ", "093-555-0301", "k.murai@example.jp", TRUE },
      { "孤独・孤立対策担当係長", "大野 由紀", "おおの ゆき", "093-555-0302", "y.ono@example.jp", FALSE } } },
  { TSU_ORGANIZATION_KIND_GOVERNMENT, NULL, "保健福祉局 精神保健福祉センター", "ほけんふくしきょく せいしんほけんふくしせんたー",
    "自殺対策", NULL, NULL, "093-555-0311", NULL, NULL,
    "月〜金 8:30〜17:15", FOUNDED, NULL, NULL,
    { { "所長", "今井 浩", "いまい ひろし", "093-555-0311", NULL, TRUE } } },
  { TSU_ORGANIZATION_KIND_GOVERNMENT, NULL, "保健福祉局 地域リハビリテーション推進課",
    "ほけんふくしきょく ちいきりはびりてーしょんすいしんか",
    "障害;認知症", NULL, NULL, "093-555-0321", NULL, NULL,
    "月〜金 8:30〜17:15", FOUNDED, NULL, NULL,
    { { "課長", "杉山 徹", "すぎやま とおる", "093-555-0321", NULL, TRUE } } },
  { TSU_ORGANIZATION_KIND_GOVERNMENT, NULL, "総務局 女性の輝く社会推進室", "そうむきょく じょせいのかがやくしゃかいすいしんしつ",
    "男女共同参画", NULL, NULL, "093-555-0331", NULL, NULL,
    "月〜金 8:30〜17:15", FOUNDED, NULL, NULL,
    { { "室長", "野村 早苗", "のむら さなえ", "093-555-0331", NULL, TRUE } } },
  { TSU_ORGANIZATION_KIND_GOVERNMENT, NULL, "子ども家庭局 子育て支援課", "こどもかていきょく こそだてしえんか",
    "子ども・若者", NULL, NULL, "093-555-0341", NULL, NULL,
    "月〜金 8:30〜17:15", FOUNDED, NULL, NULL,
    { { "課長", "三浦 大輔", "みうら だいすけ", "093-555-0341", NULL, TRUE } } },
  { TSU_ORGANIZATION_KIND_GOVERNMENT, NULL, "各区役所 保健福祉課 いのちをつなぐネットワーク係",
    "かくくやくしょ ほけんふくしか いのちをつなぐねっとわーくがかり",
    "地域福祉;高齢者", NULL, NULL, "093-555-0351", NULL, NULL,
    "月〜金 8:30〜17:15", FOUNDED, NULL, "7区の保健福祉課にある、地域の見守りと相談の窓口。",
    { { "担当係長（門司区）", "安藤 聡子", "あんどう さとこ", "093-555-0351", NULL, TRUE } } },
};

static gboolean
fill_directory (TsuDatabase  *db,
                GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (organizations); i++)
    {
      const DemoOrganization *d = &organizations[i];
      g_autoptr(TsuOrganization) org = tsu_organization_new ();
      g_auto(GStrv) fields = tsu_organization_parse_fields (d->fields);

      tsu_organization_set_kind (org, d->kind);
      tsu_organization_set_legal_form (org, d->legal_form);
      tsu_organization_set_name (org, d->name);
      tsu_organization_set_reading (org, d->reading);
      tsu_organization_set_fields (org, (const char * const *) fields);
      tsu_organization_set_ward (org, d->ward);
      tsu_organization_set_address (org, d->address);
      tsu_organization_set_phone (org, d->phone);
      tsu_organization_set_email (org, d->email);
      tsu_organization_set_website (org, d->website);
      tsu_organization_set_hours (org, d->hours);
      tsu_organization_set_joined_on (org, d->joined_on);
      tsu_organization_set_left_on (org, d->left_on);
      tsu_organization_set_notes (org, d->notes);
      if (!tsu_organization_save (org, db, error))
        return FALSE;

      for (guint p = 0; p < G_N_ELEMENTS (d->people) && d->people[p].name != NULL; p++)
        {
          const DemoPerson *dp = &d->people[p];
          g_autoptr(TsuPerson) person = tsu_person_new (tsu_organization_get_id (org));

          tsu_person_set_title (person, dp->title);
          tsu_person_set_name (person, dp->name);
          tsu_person_set_reading (person, dp->reading);
          tsu_person_set_phone (person, dp->phone);
          tsu_person_set_email (person, dp->email);
          tsu_person_set_primary (person, dp->primary);
          if (!tsu_person_save (person, db, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Each area of the program adds its part here, after the parts it
 * refers to (events name organisations, referrals name both). */
typedef gboolean (*DemoPart) (TsuDatabase  *db,
                              GError      **error);

static const DemoPart parts[] = {
  fill_directory,
  tsu_demo_fill_events,
  tsu_demo_fill_budget,
  tsu_demo_fill_referrals,
};

gboolean
tsu_demo_fill (TsuDatabase  *db,
               GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tsu_database_is_empty (db))
    {
      g_set_error_literal (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                           _("The database already holds records. Demo data can only go into an empty database."));
      return FALSE;
    }

  if (!tsu_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (!parts[i] (db, error))
        {
          tsu_database_rollback (db);
          /* Views heard about each save; tell them it is all undone. */
          tsu_database_emit_changed (db, "organizations");
          tsu_database_emit_changed (db, "people");
          tsu_database_emit_changed (db, "events");
          tsu_database_emit_changed (db, "event_sessions");
          tsu_database_emit_changed (db, "attendees");
          tsu_database_emit_changed (db, "minutes");
          tsu_database_emit_changed (db, "budget_lines");
          tsu_database_emit_changed (db, "payments");
          tsu_database_emit_changed (db, "cases");
          tsu_database_emit_changed (db, "referrals");
          return FALSE;
        }
    }
  return tsu_database_commit (db, error);
}
