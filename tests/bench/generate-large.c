/* generate-large.c: the large database of the benchmarks (issue 7).
 *
 *   generate-large --output DIR [--scale N]
 *   generate-large --version
 *
 * Writes into DIR:
 *   large.db       1,000 organisations, 20,000 people, 5,000 events with
 *                  20,000 sessions and 200,000 attendees, 20,000 cases with
 *                  100,000 referrals and their history, 2,000 budget lines
 *                  with 10,000 payments;
 *   orgs-only.db   the same organisations and nothing else: what the
 *                  100,000-row referrals file is imported into;
 *   referrals.csv  those 100,000 referrals in the `referrals` import format
 *                  of CLI.md, one row each, valid: `tsunagu import referrals`
 *                  accepts every row into orgs-only.db;
 *   large.json     what the benchmarks need to know: the event with exactly
 *                  2,000 attendees, the fiscal year with exactly 500 budget
 *                  lines, the counts, how long generation took.
 * --scale N divides every count by N (the smoke test uses 100).
 *
 * Everything goes through the store's own functions (the headers of src/store), so the
 * rows are what the program itself writes: history rows on case and
 * referral saves and status moves, audit rows from the triggers, sort and
 * search keys. Saves are wrapped in batches of a few thousand (the store
 * nests them as savepoints) so that it is not one fsync per save.
 *
 * The content is made up but plausible for Kitakyushu: names built from
 * lists of place names, themes and family and given names with their
 * readings, the seven wards, concerns weighted as the council's documents
 * talk about them, referrals taken through the workflow with dates. The
 * data stands on 2026-11-24: fiscal years 2021 to 2026, events after that
 * day planned, recent referrals still open. The same seed gives the same
 * content on every machine (GRand is a Mersenne Twister); only the times
 * of the audit trail differ between runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib.h>
#include <malloc.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsu-attendee.h"
#include "tsu-budget-line.h"
#include "tsu-case.h"
#include "tsu-database.h"
#include "tsu-date.h"
#include "tsu-event-session.h"
#include "tsu-event.h"
#include "tsu-organization.h"
#include "tsu-payment.h"
#include "tsu-person.h"
#include "tsu-referral.h"

/* Bump when the content changes, so that run-bench.py generates again. */
#define GENERATOR_VERSION 3
#define SEED 20261124u

/* Saves per transaction. */
#define BATCH 2000

#define FIRST_YEAR 2021
#define N_YEARS 6
/* The day the data stands on; what would happen later has not yet. */
#define DATA_DATE "2026-11-24"
#define FIRST_DAY "2021-04-01"
/* The big event and the big budget year of the print benchmarks. */
#define BIG_EVENT_KEY "2024-forum"
#define BIG_YEAR 2024

/* ---- counts ------------------------------------------------------------ */

typedef struct
{
  guint organizations;
  guint people;
  guint events;
  guint sessions;
  guint attendees;
  guint big_event_attendees;
  guint cases;
  guint referrals;
  guint budget_lines;
  guint big_year_lines;
  guint payments;
} Counts;

static const Counts full_counts = {
  .organizations = 1000,
  .people = 20000,
  .events = 5000,
  .sessions = 20000,
  .attendees = 200000,
  .big_event_attendees = 2000,
  .cases = 20000,
  .referrals = 100000,
  .budget_lines = 2000,
  .big_year_lines = 500,
  .payments = 10000,
};

/* ---- word lists -------------------------------------------------------- */

typedef struct
{
  const char *text;
  const char *reading;
} Word;

typedef struct
{
  const char *text;
  const char *reading;
  TsuWard     ward;
} Place;

/* Districts of Kitakyushu and the ward each lies in. */
static const Place places[] = {
  { "門司", "もじ", TSU_WARD_MOJI }, { "大里", "だいり", TSU_WARD_MOJI },
  { "小森江", "こもりえ", TSU_WARD_MOJI }, { "田野浦", "たのうら", TSU_WARD_MOJI },
  { "新門司", "しんもじ", TSU_WARD_MOJI }, { "小倉", "こくら", TSU_WARD_KOKURA_KITA },
  { "紫川", "むらさきがわ", TSU_WARD_KOKURA_KITA }, { "魚町", "うおまち", TSU_WARD_KOKURA_KITA },
  { "到津", "いとうづ", TSU_WARD_KOKURA_KITA }, { "三萩野", "みはぎの", TSU_WARD_KOKURA_KITA },
  { "井堀", "いぼり", TSU_WARD_KOKURA_KITA }, { "城野", "じょうの", TSU_WARD_KOKURA_MINAMI },
  { "守恒", "もりつね", TSU_WARD_KOKURA_MINAMI }, { "徳力", "とくりき", TSU_WARD_KOKURA_MINAMI },
  { "曽根", "そね", TSU_WARD_KOKURA_MINAMI }, { "葛原", "くずはら", TSU_WARD_KOKURA_MINAMI },
  { "志井", "しい", TSU_WARD_KOKURA_MINAMI }, { "長尾", "ながお", TSU_WARD_KOKURA_MINAMI },
  { "若松", "わかまつ", TSU_WARD_WAKAMATSU }, { "二島", "ふたじま", TSU_WARD_WAKAMATSU },
  { "高須", "たかす", TSU_WARD_WAKAMATSU }, { "青葉台", "あおばだい", TSU_WARD_WAKAMATSU },
  { "響灘", "ひびきなだ", TSU_WARD_WAKAMATSU }, { "八幡", "やはた", TSU_WARD_YAHATA_HIGASHI },
  { "枝光", "えだみつ", TSU_WARD_YAHATA_HIGASHI }, { "大蔵", "おおくら", TSU_WARD_YAHATA_HIGASHI },
  { "高見", "たかみ", TSU_WARD_YAHATA_HIGASHI }, { "祇園", "ぎおん", TSU_WARD_YAHATA_HIGASHI },
  { "黒崎", "くろさき", TSU_WARD_YAHATA_NISHI }, { "折尾", "おりお", TSU_WARD_YAHATA_NISHI },
  { "木屋瀬", "こやのせ", TSU_WARD_YAHATA_NISHI }, { "穴生", "あのお", TSU_WARD_YAHATA_NISHI },
  { "永犬丸", "えいのまる", TSU_WARD_YAHATA_NISHI }, { "陣原", "じんのはる", TSU_WARD_YAHATA_NISHI },
  { "則松", "のりまつ", TSU_WARD_YAHATA_NISHI }, { "戸畑", "とばた", TSU_WARD_TOBATA },
  { "牧山", "まきやま", TSU_WARD_TOBATA }, { "天籟寺", "てんらいじ", TSU_WARD_TOBATA },
  { "中原", "なかばる", TSU_WARD_TOBATA }, { "北九州", "きたきゅうしゅう", TSU_WARD_NONE },
};

/* Fields of activity (活動分野), one per concern, in the order of
 * TsuConcern: a referral goes to an organisation whose fields match. */
static const char * const concern_fields[TSU_N_CONCERNS] = {
  "生活困窮", "就労支援", "住まい支援", "ひきこもり支援", "子ども・子育て", "若者支援",
  "高齢者支援", "認知症", "障害者支援", "外国人支援", "自殺対策", "食の支援",
  "DV・虐待防止", "居場所づくり",
};

typedef struct
{
  const char *text;
  const char *reading;
  TsuConcern  concern;
} Theme;

/* What a member organisation does, and the concern it takes on. */
static const Theme themes[] = {
  { "子ども食堂", "こどもしょくどう", TSU_CONCERN_CHILD },
  { "見守り", "みまもり", TSU_CONCERN_ELDERLY },
  { "居場所", "いばしょ", TSU_CONCERN_OTHER },
  { "ふれあい", "ふれあい", TSU_CONCERN_ELDERLY },
  { "寄り添い", "よりそい", TSU_CONCERN_POVERTY },
  { "つながり", "つながり", TSU_CONCERN_OTHER },
  { "ささえあい", "ささえあい", TSU_CONCERN_ELDERLY },
  { "フードバンク", "ふーどばんく", TSU_CONCERN_FOOD },
  { "学習支援", "がくしゅうしえん", TSU_CONCERN_CHILD },
  { "若者サポート", "わかものさぽーと", TSU_CONCERN_YOUTH },
  { "ひきこもり家族", "ひきこもりかぞく", TSU_CONCERN_HIKIKOMORI },
  { "認知症カフェ", "にんちしょうかふぇ", TSU_CONCERN_DEMENTIA },
  { "傾聴", "けいちょう", TSU_CONCERN_SUICIDE },
  { "多文化共生", "たぶんかきょうせい", TSU_CONCERN_FOREIGN },
  { "就労支援", "しゅうろうしえん", TSU_CONCERN_EMPLOYMENT },
  { "住まい支援", "すまいしえん", TSU_CONCERN_HOUSING },
  { "ひとり親", "ひとりおや", TSU_CONCERN_CHILD },
  { "介護者", "かいごしゃ", TSU_CONCERN_ELDERLY },
  { "障がい者相談", "しょうがいしゃそうだん", TSU_CONCERN_DISABILITY },
  { "いのち", "いのち", TSU_CONCERN_SUICIDE },
  { "夜回り", "よまわり", TSU_CONCERN_HOUSING },
  { "配食", "はいしょく", TSU_CONCERN_FOOD },
  { "子育てひろば", "こそだてひろば", TSU_CONCERN_CHILD },
  { "地域福祉", "ちいきふくし", TSU_CONCERN_POVERTY },
  { "生活相談", "せいかつそうだん", TSU_CONCERN_POVERTY },
  { "不登校", "ふとうこう", TSU_CONCERN_YOUTH },
  { "外国人相談", "がいこくじんそうだん", TSU_CONCERN_FOREIGN },
  { "高齢者サロン", "こうれいしゃさろん", TSU_CONCERN_ELDERLY },
  { "女性相談", "じょせいそうだん", TSU_CONCERN_VIOLENCE },
  { "就労準備", "しゅうろうじゅんび", TSU_CONCERN_EMPLOYMENT },
};

static const Word suffixes[] = {
  { "の会", "のかい" }, { "ネットワーク", "ねっとわーく" }, { "センター", "せんたー" },
  { "協議会", "きょうぎかい" }, { "クラブ", "くらぶ" }, { "ステーション", "すてーしょん" },
  { "応援団", "おうえんだん" }, { "サポートセンター", "さぽーとせんたー" },
  { "ひろば", "ひろば" }, { "連絡会", "れんらくかい" }, { "研究会", "けんきゅうかい" },
  { "プロジェクト", "ぷろじぇくと" },
};

/* Legal forms of member organisations, by weight. */
static const char * const member_legal_forms[] = {
  "NPO法人", "NPO法人", "NPO法人", "NPO法人", "一般社団法人", "一般社団法人",
  "社会福祉法人", "社会福祉法人", "公益財団法人", "", "", "",
};

typedef struct
{
  const char *text;
  const char *reading;
  TsuConcern  concern;
} Section;

static const Word bureaus[] = {
  { "保健福祉局", "ほけんふくしきょく" }, { "子ども家庭局", "こどもかていきょく" },
  { "総務局", "そうむきょく" }, { "市民文化スポーツ局", "しみんぶんかすぽーつきょく" },
  { "産業経済局", "さんぎょうけいざいきょく" }, { "建築都市局", "けんちくとしきょく" },
  { "教育委員会", "きょういくいいんかい" }, { "企画調整局", "きかくちょうせいきょく" },
  { "危機管理室", "ききかんりしつ" }, { "環境局", "かんきょうきょく" },
};

static const Section sections[] = {
  { "地域福祉推進課", "ちいきふくしすいしんか", TSU_CONCERN_OTHER },
  { "生活支援課", "せいかつしえんか", TSU_CONCERN_POVERTY },
  { "障害福祉企画課", "しょうがいふくしきかくか", TSU_CONCERN_DISABILITY },
  { "長寿社会対策課", "ちょうじゅしゃかいたいさくか", TSU_CONCERN_ELDERLY },
  { "子育て支援課", "こそだてしえんか", TSU_CONCERN_CHILD },
  { "青少年課", "せいしょうねんか", TSU_CONCERN_YOUTH },
  { "男女共同参画推進課", "だんじょきょうどうさんかくすいしんか", TSU_CONCERN_VIOLENCE },
  { "国際政策課", "こくさいせいさくか", TSU_CONCERN_FOREIGN },
  { "雇用政策課", "こようせいさくか", TSU_CONCERN_EMPLOYMENT },
  { "住宅計画課", "じゅうたくけいかくか", TSU_CONCERN_HOUSING },
  { "精神保健福祉課", "せいしんほけんふくしか", TSU_CONCERN_SUICIDE },
  { "孤独・孤立対策担当", "こどくこりつたいさくたんとう", TSU_CONCERN_OTHER },
};

typedef struct
{
  const char *text;
  const char *reading;
  const char *legal_form;
  TsuConcern  concern;
} Business;

/* Partners: businesses and schools that work with the council. */
static const Business businesses[] = {
  { "大学", "だいがく", "学校法人", TSU_CONCERN_YOUTH },
  { "信用金庫", "しんようきんこ", "", TSU_CONCERN_POVERTY },
  { "商工会", "しょうこうかい", "", TSU_CONCERN_EMPLOYMENT },
  { "生活協同組合", "せいかつきょうどうくみあい", "", TSU_CONCERN_FOOD },
  { "交通", "こうつう", "株式会社", TSU_CONCERN_ELDERLY },
  { "薬局", "やっきょく", "株式会社", TSU_CONCERN_ELDERLY },
  { "新聞販売所", "しんぶんはんばいじょ", "有限会社", TSU_CONCERN_ELDERLY },
  { "病院", "びょういん", "医療法人", TSU_CONCERN_DEMENTIA },
  { "不動産", "ふどうさん", "株式会社", TSU_CONCERN_HOUSING },
  { "クリニック", "くりにっく", "医療法人", TSU_CONCERN_SUICIDE },
};

typedef struct
{
  const char *text;
  const char *reading;
  const char *romaji;
} Name;

static const Name family_names[] = {
  { "佐藤", "さとう", "sato" }, { "鈴木", "すずき", "suzuki" }, { "高橋", "たかはし", "takahashi" },
  { "田中", "たなか", "tanaka" }, { "伊藤", "いとう", "ito" }, { "渡辺", "わたなべ", "watanabe" },
  { "山本", "やまもと", "yamamoto" }, { "中村", "なかむら", "nakamura" }, { "小林", "こばやし", "kobayashi" },
  { "加藤", "かとう", "kato" }, { "吉田", "よしだ", "yoshida" }, { "山田", "やまだ", "yamada" },
  { "佐々木", "ささき", "sasaki" }, { "山口", "やまぐち", "yamaguchi" }, { "松本", "まつもと", "matsumoto" },
  { "井上", "いのうえ", "inoue" }, { "木村", "きむら", "kimura" }, { "林", "はやし", "hayashi" },
  { "斎藤", "さいとう", "saito" }, { "清水", "しみず", "shimizu" }, { "山崎", "やまさき", "yamasaki" },
  { "森", "もり", "mori" }, { "池田", "いけだ", "ikeda" }, { "橋本", "はしもと", "hashimoto" },
  { "阿部", "あべ", "abe" }, { "石川", "いしかわ", "ishikawa" }, { "山下", "やました", "yamashita" },
  { "中島", "なかしま", "nakashima" }, { "石井", "いしい", "ishii" }, { "小川", "おがわ", "ogawa" },
  { "前田", "まえだ", "maeda" }, { "岡田", "おかだ", "okada" }, { "長谷川", "はせがわ", "hasegawa" },
  { "藤田", "ふじた", "fujita" }, { "後藤", "ごとう", "goto" }, { "近藤", "こんどう", "kondo" },
  { "村上", "むらかみ", "murakami" }, { "遠藤", "えんどう", "endo" }, { "青木", "あおき", "aoki" },
  { "坂本", "さかもと", "sakamoto" }, { "福田", "ふくだ", "fukuda" }, { "太田", "おおた", "ota" },
  { "西村", "にしむら", "nishimura" }, { "藤井", "ふじい", "fujii" }, { "岡本", "おかもと", "okamoto" },
  { "松田", "まつだ", "matsuda" }, { "中川", "なかがわ", "nakagawa" }, { "原田", "はらだ", "harada" },
  { "中野", "なかの", "nakano" }, { "小野", "おの", "ono" }, { "田村", "たむら", "tamura" },
  { "竹内", "たけうち", "takeuchi" }, { "金子", "かねこ", "kaneko" }, { "和田", "わだ", "wada" },
  { "古賀", "こが", "koga" }, { "江口", "えぐち", "eguchi" }, { "野口", "のぐち", "noguchi" },
  { "松尾", "まつお", "matsuo" }, { "末松", "すえまつ", "suematsu" }, { "白石", "しらいし", "shiraishi" },
  { "永田", "ながた", "nagata" }, { "平野", "ひらの", "hirano" }, { "宮崎", "みやざき", "miyazaki" },
  { "久保", "くぼ", "kubo" },
};

static const Name given_names[] = {
  { "太郎", "たろう", "taro" }, { "一郎", "いちろう", "ichiro" }, { "健太", "けんた", "kenta" },
  { "翔太", "しょうた", "shota" }, { "大輔", "だいすけ", "daisuke" }, { "誠", "まこと", "makoto" },
  { "浩", "ひろし", "hiroshi" }, { "修", "おさむ", "osamu" }, { "拓也", "たくや", "takuya" },
  { "直樹", "なおき", "naoki" }, { "和也", "かずや", "kazuya" }, { "隆", "たかし", "takashi" },
  { "剛", "つよし", "tsuyoshi" }, { "亮", "りょう", "ryo" }, { "悠斗", "ゆうと", "yuto" },
  { "陽介", "ようすけ", "yosuke" }, { "健一", "けんいち", "kenichi" }, { "正人", "まさと", "masato" },
  { "達也", "たつや", "tatsuya" }, { "光", "ひかる", "hikaru" }, { "花子", "はなこ", "hanako" },
  { "恵子", "けいこ", "keiko" }, { "由美", "ゆみ", "yumi" }, { "陽子", "ようこ", "yoko" },
  { "裕子", "ゆうこ", "yuko" }, { "直美", "なおみ", "naomi" }, { "美穂", "みほ", "miho" },
  { "真由美", "まゆみ", "mayumi" }, { "香織", "かおり", "kaori" }, { "愛", "あい", "ai" },
  { "彩", "あや", "aya" }, { "美咲", "みさき", "misaki" }, { "結衣", "ゆい", "yui" },
  { "千尋", "ちひろ", "chihiro" }, { "舞", "まい", "mai" }, { "智子", "ともこ", "tomoko" },
  { "久美子", "くみこ", "kumiko" }, { "明美", "あけみ", "akemi" }, { "幸子", "さちこ", "sachiko" },
  { "和子", "かずこ", "kazuko" }, { "典子", "のりこ", "noriko" }, { "純子", "じゅんこ", "junko" },
  { "沙織", "さおり", "saori" }, { "奈々", "なな", "nana" }, { "真理", "まり", "mari" },
  { "綾子", "あやこ", "ayako" }, { "茂", "しげる", "shigeru" }, { "勝", "まさる", "masaru" },
  { "清", "きよし", "kiyoshi" }, { "進", "すすむ", "susumu" }, { "実", "みのる", "minoru" },
  { "豊", "ゆたか", "yutaka" }, { "彩花", "あやか", "ayaka" }, { "翼", "つばさ", "tsubasa" },
  { "蓮", "れん", "ren" }, { "葵", "あおい", "aoi" }, { "聡", "さとし", "satoshi" },
  { "恵", "めぐみ", "megumi" }, { "順子", "じゅんこ", "junko" }, { "大樹", "だいき", "daiki" },
};

static const char * const member_titles[] = {
  "代表", "理事長", "副理事長", "事務局長", "事務局員", "相談員", "相談支援員", "コーディネーター",
  "センター長", "スタッフ", "ボランティア", "理事", "主任相談員", "会長", "副会長",
};

static const char * const government_titles[] = {
  "課長", "係長", "主査", "主任", "担当係長", "職員", "保健師", "社会福祉士",
};

static const char * const outside_affiliations[] = {
  "一般参加", "北九州市立大学", "九州工業大学", "民生委員・児童委員", "自治会", "市民ボランティア",
  "福岡県", "報道",
};

static const char * const languages[] = {
  "ベトナム語", "中国語", "英語", "ネパール語", "韓国語", "タガログ語", "インドネシア語",
};

/* Generic remarks only: how the case was handled, nothing about anyone. */
static const char * const case_notes[] = {
  "", "", "", "", "", "", "ケース会議で検討", "関係機関と情報共有済み", "継続して見守り",
  "家族からの相談", "民生委員からの連絡",
};

static const char * const venues[] = {
  "北九州市役所 本庁舎 5階会議室", "ウェルとばた 中会議室", "ムーブ 小セミナールーム",
  "北九州市総合保健福祉センター 講堂", "黒崎ひびしんホール 会議室", "門司区役所 会議室",
  "小倉南生涯学習センター", "若松市民会館 会議室", "八幡西生涯学習総合センター",
  "オンライン（Zoom）", "戸畑区役所 講堂", "北九州国際会議場 国際会議室",
};

static const char * const training_topics[] = {
  "傾聴", "ゲートキーパー", "認知症サポーター養成", "ひきこもり支援", "多文化共生",
  "生活困窮者支援", "個人情報の取扱い", "アウトリーチ", "ヤングケアラー支援",
  "孤独・孤立の基礎", "重層的支援体制", "つなぎ方",
};

static const char * const workshop_topics[] = {
  "居場所づくり", "つながりマップづくり", "多機関連携", "広報・発信", "ボランティア募集",
  "寄付を集める", "オンライン相談",
};

static const char * const session_titles[] = {
  "開会・趣旨説明", "基調講演", "事例報告", "グループワーク", "意見交換", "質疑応答",
  "施設見学", "活動紹介", "講義", "演習", "振り返り", "閉会",
};

static const char * const rooms[] = {
  "第1会議室", "第2会議室", "大会議室", "研修室A", "研修室B", "ホール", "現地",
};

static const char * const line_kinds[] = {
  "推進事業", "支援事業", "委託事業", "モデル事業", "啓発事業",
};

static const char * const timings[] = {
  "通年", "4月〜3月", "7月〜3月", "10月〜2月", "随時", "6月〜12月", "9月〜3月",
};

/* Rough weights, as in the demo: the largest wards and the concerns the
 * minutes talk about most come up most. */
static const guint ward_weights[TSU_N_WARDS] = { 10, 18, 20, 8, 8, 25, 6 };
static const guint age_weights[TSU_N_AGE_BANDS] = { 6, 9, 9, 12, 12, 10, 12, 9, 4 };
static const guint concern_weights[TSU_N_CONCERNS] = {
  20, 12, 8, 12, 6, 5, 12, 6, 6, 0 /* with a foreign resident */, 4, 6, 3, 2,
};
static const guint contact_weights[TSU_N_CONTACTS] = { 45, 35, 15, 5 };

/* ---- the generator ----------------------------------------------------- */

typedef struct
{
  TsuDatabase  *db;
  GRand        *rng;
  Counts        counts;
  guint         in_batch;
  gint64        started;
  const char   *phase;
  guint         done;
  guint         total;
  gint64        last_progress;

  GPtrArray    *organizations;   /* TsuOrganization, in creation order */
  GPtrArray    *display_names;   /* char *, parallel to organizations */
  GPtrArray    *member_names;    /* display names of members, borrowed */
  GPtrArray    *people;          /* TsuPerson */
  GArray       *person_org;      /* guint: index into organizations */
  GPtrArray    *receivers[TSU_N_CONCERNS]; /* display names, borrowed */
  GPtrArray    *line_names[N_YEARS];       /* char *: budget lines by year */

  FILE         *csv;
  char         *big_event_key;
  guint         big_event_count;
} Gen;

static void G_GNUC_NORETURN
die (const char *what,
     GError     *error)
{
  g_printerr ("generate-large: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    die (what, error);
}

static double
elapsed (Gen *gen)
{
  return (g_get_monotonic_time () - gen->started) / 1e6;
}

static void
phase_start (Gen        *gen,
             const char *phase,
             guint       total)
{
  g_autoptr(GError) error = NULL;

  gen->phase = phase;
  gen->done = 0;
  gen->total = total;
  gen->in_batch = 0;
  gen->last_progress = g_get_monotonic_time ();
  g_printerr ("generate-large: %-13s 0/%u (%.1f s)\n", phase, total, elapsed (gen));
  check (tsu_database_begin (gen->db, &error), error, "begin");
}

/* One record done: every BATCH saves the transaction is committed, and
 * progress is shown every few seconds. */
static void
tick (Gen   *gen,
      guint  saves)
{
  gen->done++;
  gen->in_batch += saves;
  if (gen->in_batch >= BATCH)
    {
      g_autoptr(GError) error = NULL;

      check (tsu_database_commit (gen->db, &error), error, "commit");
      check (tsu_database_begin (gen->db, &error), error, "begin");
      gen->in_batch = 0;
    }
  if (g_get_monotonic_time () - gen->last_progress > 5 * G_USEC_PER_SEC)
    {
      gen->last_progress = g_get_monotonic_time ();
      g_printerr ("generate-large: %-13s %u/%u (%.1f s)\n", gen->phase, gen->done, gen->total, elapsed (gen));
    }
}

static void
phase_end (Gen *gen)
{
  g_autoptr(GError) error = NULL;

  check (tsu_database_commit (gen->db, &error), error, "commit");
  g_printerr ("generate-large: %-13s %u/%u (%.1f s)\n", gen->phase, gen->done, gen->total, elapsed (gen));
}

/* lo … hi */
static int
between (Gen *gen,
         int  lo,
         int  hi)
{
  return g_rand_int_range (gen->rng, lo, hi + 1);
}

static guint
below (Gen   *gen,
       guint  n)
{
  return (guint) g_rand_int_range (gen->rng, 0, (gint32) n);
}

static gboolean
chance (Gen   *gen,
        guint  percent)
{
  return below (gen, 100) < percent;
}

static guint
weighted (Gen         *gen,
          const guint *weights,
          guint        n)
{
  guint total = 0;
  guint pick;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  pick = below (gen, total);
  for (guint i = 0; i < n; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }
  return n - 1;
}

#define PICK(gen, array) ((array)[below ((gen), G_N_ELEMENTS (array))])

/* @n counts between @lo and @hi that add up to @total exactly. */
static guint *
distribute (Gen   *gen,
            guint  total,
            guint  n,
            guint  lo,
            guint  hi)
{
  guint *counts = g_new (guint, MAX (n, 1));
  guint64 sum = 0;

  g_assert (n > 0 && (guint64) lo * n <= total && (guint64) hi * n >= total);
  for (guint i = 0; i < n; i++)
    {
      counts[i] = (guint) between (gen, (int) lo, (int) hi);
      sum += counts[i];
    }
  while (sum != total)
    {
      guint i = below (gen, n);

      if (sum < total && counts[i] < hi)
        {
          counts[i]++;
          sum++;
        }
      else if (sum > total && counts[i] > lo)
        {
          counts[i]--;
          sum--;
        }
    }
  return counts;
}

static char *
day_after (const char *iso,
           int         days)
{
  GDate date;

  if (!tsu_date_from_iso (iso, &date))
    g_error ("bad date %s", iso);
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return tsu_date_to_iso (&date);
}

static int
days_between (const char *from_iso,
              const char *to_iso)
{
  GDate from, to;

  if (!tsu_date_from_iso (from_iso, &from) || !tsu_date_from_iso (to_iso, &to))
    g_error ("bad date");
  return g_date_days_between (&from, &to);
}

static gboolean
before_data_date (const char *iso)
{
  return strcmp (iso, DATA_DATE) < 0;
}

static char *
fiscal_year_start (int year)
{
  return g_strdup_printf ("%04d-04-01", year);
}

/* ---- organisations and people ------------------------------------------ */

static void
add_organization (Gen                 *gen,
                  GHashTable          *taken,
                  TsuOrganizationKind  kind,
                  const char          *legal_form,
                  const char          *name,
                  const char          *reading,
                  TsuWard              ward,
                  guint                concerns)
{
  g_autoptr(TsuOrganization) org = tsu_organization_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autofree char *address = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *website = NULL;
  g_autofree char *joined = NULL;
  guint number = gen->organizations->len + 1;
  TsuWard where = ward != TSU_WARD_NONE ? ward : (TsuWard) weighted (gen, ward_weights, TSU_N_WARDS);

  g_hash_table_add (taken, g_strdup (name));
  for (guint c = 0; c < TSU_N_CONCERNS; c++)
    if (concerns & (1u << c))
      g_ptr_array_add (fields, (gpointer) concern_fields[c]);
  g_ptr_array_add (fields, NULL);

  address = g_strdup_printf ("北九州市%s%s%u丁目%u-%u", tsu_ward_to_name (where),
                             PICK (gen, places).text, (guint) between (gen, 1, 5),
                             (guint) between (gen, 1, 30), (guint) between (gen, 1, 20));
  phone = g_strdup_printf ("093-%03u-%04u", (guint) between (gen, 200, 999), number);
  email = g_strdup_printf ("info@org%04u.example.jp", number);
  website = g_strdup_printf ("https://org%04u.example.jp/", number);

  tsu_organization_set_kind (org, kind);
  tsu_organization_set_legal_form (org, legal_form);
  tsu_organization_set_name (org, name);
  tsu_organization_set_reading (org, reading);
  tsu_organization_set_fields (org, (const char * const *) fields->pdata);
  tsu_organization_set_ward (org, tsu_ward_to_name (where));
  tsu_organization_set_address (org, address);
  tsu_organization_set_phone (org, phone);
  tsu_organization_set_email (org, email);
  tsu_organization_set_website (org, website);
  if (kind != TSU_ORGANIZATION_KIND_GOVERNMENT)
    tsu_organization_set_hours (org, PICK (gen, ((const char * const[]) {
                                  "平日 9:00〜17:00", "月〜金 10:00〜16:00", "火・木 13:00〜18:00",
                                  "土日 10:00〜15:00", "24時間（電話）" })));
  if (kind == TSU_ORGANIZATION_KIND_MEMBER)
    {
      joined = day_after ("2021-06-01", between (gen, 0, 1800));
      if (!before_data_date (joined))
        g_clear_pointer (&joined, g_free);
      tsu_organization_set_joined_on (org, joined);
      /* A few members have left. */
      if (joined != NULL && chance (gen, 4))
        {
          g_autofree char *left = day_after (joined, between (gen, 200, 1200));

          if (before_data_date (left))
            tsu_organization_set_left_on (org, left);
        }
    }
  check (tsu_organization_save (org, gen->db, &error), error, name);

  g_ptr_array_add (gen->display_names, tsu_organization_dup_display_name (org));
  for (guint c = 0; c < TSU_N_CONCERNS; c++)
    if (concerns & (1u << c))
      g_ptr_array_add (gen->receivers[c], g_ptr_array_index (gen->display_names, gen->display_names->len - 1));
  if (kind == TSU_ORGANIZATION_KIND_MEMBER)
    g_ptr_array_add (gen->member_names, g_ptr_array_index (gen->display_names, gen->display_names->len - 1));
  g_ptr_array_add (gen->organizations, g_steal_pointer (&org));
  tick (gen, 1);
}

static void
generate_organizations (Gen *gen)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = gen->counts.organizations;
  guint n_government = MAX (1, n * 8 / 100);
  guint n_partners = MAX (1, n * 7 / 100);

  phase_start (gen, "organizations", n);

  /* The council's hubs, which every list has. */
  add_organization (gen, taken, TSU_ORGANIZATION_KIND_MEMBER, "社会福祉法人", "北九州市社会福祉協議会",
                    "きたきゅうしゅうししゃかいふくしきょうぎかい", TSU_WARD_TOBATA,
                    1u << TSU_CONCERN_POVERTY | 1u << TSU_CONCERN_ELDERLY | 1u << TSU_CONCERN_OTHER);
  add_organization (gen, taken, TSU_ORGANIZATION_KIND_MEMBER, "公益財団法人", "北九州国際交流協会",
                    "きたきゅうしゅうこくさいこうりゅうきょうかい", TSU_WARD_YAHATA_HIGASHI,
                    1u << TSU_CONCERN_FOREIGN);
  add_organization (gen, taken, TSU_ORGANIZATION_KIND_MEMBER, "社会福祉法人", "北九州いのちの電話",
                    "きたきゅうしゅういのちのでんわ", TSU_WARD_KOKURA_KITA,
                    1u << TSU_CONCERN_SUICIDE);

  while (gen->organizations->len < n_government + 3)
    {
      const Word *bureau = &PICK (gen, bureaus);
      const Section *section = &PICK (gen, sections);
      g_autofree char *name = g_strconcat (bureau->text, " ", section->text, NULL);
      g_autofree char *reading = g_strconcat (bureau->reading, " ", section->reading, NULL);

      if (!g_hash_table_contains (taken, name))
        add_organization (gen, taken, TSU_ORGANIZATION_KIND_GOVERNMENT, "", name, reading,
                          TSU_WARD_KOKURA_KITA, 1u << section->concern);
    }
  while (gen->organizations->len < n_government + n_partners + 3)
    {
      const Place *place = &PICK (gen, places);
      const Business *business = &PICK (gen, businesses);
      g_autofree char *name = g_strconcat (place->text, business->text, NULL);
      g_autofree char *reading = g_strconcat (place->reading, business->reading, NULL);

      if (!g_hash_table_contains (taken, name))
        add_organization (gen, taken, TSU_ORGANIZATION_KIND_PARTNER, business->legal_form, name, reading,
                          place->ward, 1u << business->concern);
    }
  while (gen->organizations->len < n)
    {
      const Place *place = &PICK (gen, places);
      const Theme *theme = &PICK (gen, themes);
      const Word *suffix = &PICK (gen, suffixes);
      g_autofree char *name = g_strconcat (place->text, theme->text, suffix->text, NULL);
      g_autofree char *reading = g_strconcat (place->reading, theme->reading, suffix->reading, NULL);
      guint concerns = 1u << theme->concern;

      if (chance (gen, 40))
        concerns |= 1u << weighted (gen, concern_weights, TSU_N_CONCERNS);
      if (!g_hash_table_contains (taken, name))
        add_organization (gen, taken, TSU_ORGANIZATION_KIND_MEMBER, PICK (gen, member_legal_forms),
                          name, reading, place->ward, concerns);
    }
  phase_end (gen);
}

static void
generate_people (Gen *gen)
{
  guint n_orgs = gen->organizations->len;
  g_autofree guint *per_org = distribute (gen, gen->counts.people, n_orgs, 1,
                                          2 * gen->counts.people / n_orgs - 1);

  phase_start (gen, "people", gen->counts.people);
  for (guint o = 0; o < n_orgs; o++)
    {
      TsuOrganization *org = g_ptr_array_index (gen->organizations, o);
      gboolean government = tsu_organization_get_kind (org) == TSU_ORGANIZATION_KIND_GOVERNMENT;
      g_autoptr(GHashTable) names = g_hash_table_new (g_direct_hash, g_direct_equal);

      for (guint p = 0; p < per_org[o]; p++)
        {
          g_autoptr(TsuPerson) person = tsu_person_new (tsu_organization_get_id (org));
          g_autoptr(GError) error = NULL;
          g_autofree char *name = NULL;
          g_autofree char *reading = NULL;
          g_autofree char *email = NULL;
          g_autofree char *phone = NULL;
          guint family, given;

          /* Names are unique within an organisation, so that an event's
           * attendee list never holds the same name twice for one. */
          do
            {
              family = below (gen, G_N_ELEMENTS (family_names));
              given = below (gen, G_N_ELEMENTS (given_names));
            }
          while (g_hash_table_contains (names, GUINT_TO_POINTER (family * 1000 + given + 1)));
          g_hash_table_add (names, GUINT_TO_POINTER (family * 1000 + given + 1));

          name = g_strconcat (family_names[family].text, " ", given_names[given].text, NULL);
          reading = g_strconcat (family_names[family].reading, " ", given_names[given].reading, NULL);
          email = g_strdup_printf ("%c.%s@org%04u.example.jp", given_names[given].romaji[0],
                                   family_names[family].romaji, o + 1);
          phone = g_strdup_printf ("093-%03u-%04u", (guint) between (gen, 200, 999), (guint) between (gen, 0, 9999));
          tsu_person_set_name (person, name);
          tsu_person_set_reading (person, reading);
          tsu_person_set_title (person, government ? PICK (gen, government_titles)
                                                   : p == 0 ? "代表" : PICK (gen, member_titles));
          tsu_person_set_email (person, email);
          tsu_person_set_phone (person, phone);
          tsu_person_set_primary (person, p == 0);
          check (tsu_person_save (person, gen->db, &error), error, name);
          g_ptr_array_add (gen->people, g_steal_pointer (&person));
          g_array_append_val (gen->person_org, o);
          tick (gen, 1);
        }
    }
  phase_end (gen);
}

/* ---- budget ----------------------------------------------------------- */

static void
generate_budget (Gen *gen)
{
  guint n_other_years = N_YEARS - 1;
  guint big = gen->counts.big_year_lines;
  guint rest = gen->counts.budget_lines - big;
  g_autofree guint *payments = NULL;
  guint line_index = 0;

  payments = distribute (gen, gen->counts.payments, gen->counts.budget_lines, 1, 9);
  phase_start (gen, "budget lines", gen->counts.budget_lines);
  for (int y = 0; y < N_YEARS; y++)
    {
      int year = FIRST_YEAR + y;
      guint other = (guint) (year < BIG_YEAR ? y : y - 1);
      guint n_lines = year == BIG_YEAR ? big : rest / n_other_years + (other < rest % n_other_years);
      g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *start = fiscal_year_start (year);
      /* Payments of the year under way stop at the data date. */
      int last_offset = MIN (360, days_between (start, DATA_DATE) - 1);

      gen->line_names[y] = g_ptr_array_new_with_free_func (g_free);
      for (guint l = 0; l < n_lines; l++, line_index++)
        {
          g_autoptr(TsuBudgetLine) line = tsu_budget_line_new (year);
          g_autoptr(GError) error = NULL;
          g_autofree char *name = NULL;
          g_autofree char *description = NULL;
          const Place *place;
          const Theme *theme;
          g_autofree guint *offsets = NULL;
          gint64 amount = (gint64) between (gen, 20, 500) * 10000;
          gint64 to_pay;
          gint64 paid = 0;
          guint n_payments = payments[line_index];
          const char *contractor;

          do
            {
              place = &PICK (gen, places);
              theme = &PICK (gen, themes);
              g_free (name);
              name = g_strdup_printf ("%s地区%s%s", place->text, theme->text, PICK (gen, line_kinds));
            }
          while (g_hash_table_contains (taken, name));
          g_ptr_array_add (gen->line_names[y], g_strdup (name));
          g_hash_table_add (taken, g_ptr_array_index (gen->line_names[y], gen->line_names[y]->len - 1));

          contractor = chance (gen, 85)
                       ? g_ptr_array_index (gen->display_names, below (gen, gen->display_names->len))
                       : "北九州市（直営）";
          description = g_strdup_printf ("%sにおける%sの取組を実施し、関係団体との連携を進める。",
                                         place->text, theme->text);
          tsu_budget_line_set_name (line, name);
          tsu_budget_line_set_description (line, description);
          tsu_budget_line_set_purpose (line, PICK (gen, ((const char * const[]) {
                                         "孤独・孤立の予防と早期発見", "支援につながっていない人への働きかけ",
                                         "地域の居場所の充実", "相談窓口の周知",
                                         "支援者の資質向上", "多機関の連携強化" })));
          tsu_budget_line_set_timing (line, PICK (gen, timings));
          tsu_budget_line_set_contractor (line, contractor);
          tsu_budget_line_set_amount (line, amount);
          tsu_budget_line_set_pillars (line, (guint) between (gen, 1, TSU_PILLARS_ALL));
          tsu_budget_line_set_funding (line, chance (gen, 55) ? TSU_FUNDING_NATIONAL : TSU_FUNDING_CITY);
          check (tsu_budget_line_save (line, gen->db, &error), error, name);

          /* Paid in instalments, most lines in full by the end of the year,
           * never more than the budget. */
          to_pay = amount * between (gen, 60, 100) / 100;
          offsets = g_new (guint, n_payments);
          for (guint p = 0; p < n_payments; p++)
            offsets[p] = (guint) between (gen, 30, MAX (30, last_offset));
          for (guint p = 1; p < n_payments; p++)
            for (guint q = p; q > 0 && offsets[q - 1] > offsets[q]; q--)
              {
                guint swap = offsets[q];
                offsets[q] = offsets[q - 1];
                offsets[q - 1] = swap;
              }
          for (guint p = 0; p < n_payments; p++)
            {
              g_autoptr(TsuPayment) payment = tsu_payment_new (tsu_budget_line_get_id (line));
              g_autofree char *paid_on = day_after (start, (int) offsets[p]);
              g_autofree char *memo = NULL;
              /* Instalments in thousands of yen; the last settles the rest. */
              gint64 part = p + 1 == n_payments ? to_pay - paid : to_pay / n_payments / 1000 * 1000;

              memo = n_payments == 1 ? g_strdup ("精算払")
                     : p + 1 == n_payments ? g_strdup_printf ("第%u回支払（精算）", p + 1)
                     : g_strdup_printf ("第%u回支払（概算）", p + 1);
              tsu_payment_set_paid_on (payment, paid_on);
              tsu_payment_set_amount (payment, part);
              tsu_payment_set_memo (payment, memo);
              check (tsu_payment_save (payment, gen->db, &error), error, "payment");
              paid += part;
            }
          tick (gen, 1 + n_payments);
        }
    }
  phase_end (gen);
}

/* ---- events ------------------------------------------------------------ */

static void
add_attendees (Gen            *gen,
               TsuEvent       *event,
               guint           count,
               guint           outside_percent,
               gboolean        distinct_people)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 event_id = tsu_event_get_id (event);
  TsuEventStatus event_status = tsu_event_get_status (event);
  guint n_outside = distinct_people ? 0 : count * outside_percent / 100;
  guint n_people = gen->people->len;
  g_autofree guint *order = NULL;

  if (distinct_people)
    {
      /* The first @count of a shuffle: everyone at most once. */
      order = g_new (guint, n_people);
      for (guint i = 0; i < n_people; i++)
        order[i] = i;
      for (guint i = 0; i < count; i++)
        {
          guint j = i + below (gen, n_people - i);
          guint swap = order[i];

          order[i] = order[j];
          order[j] = swap;
        }
    }

  for (guint a = 0; a < count; a++)
    {
      g_autoptr(TsuAttendee) attendee = NULL;
      g_autoptr(GError) error = NULL;
      TsuAttendeeStatus status;
      g_autofree char *key = NULL;

      if (a < n_outside)
        {
          const Name *family = &PICK (gen, family_names);
          const Name *given = &PICK (gen, given_names);
          const char *affiliation = PICK (gen, outside_affiliations);
          g_autofree char *name = g_strconcat (family->text, " ", given->text, NULL);
          g_autofree char *reading = g_strconcat (family->reading, " ", given->reading, NULL);

          key = g_strconcat ("o:", name, "\n", affiliation, NULL);
          if (g_hash_table_contains (taken, key))
            {
              a--;
              continue;
            }
          attendee = tsu_attendee_new (event_id);
          tsu_attendee_set_name (attendee, name);
          tsu_attendee_set_reading (attendee, reading);
          tsu_attendee_set_affiliation (attendee, affiliation);
        }
      else
        {
          guint p = distinct_people ? order[a] : below (gen, n_people);
          TsuPerson *person = g_ptr_array_index (gen->people, p);
          TsuOrganization *org = g_ptr_array_index (gen->organizations,
                                                    g_array_index (gen->person_org, guint, p));

          key = g_strdup_printf ("p:%u", p);
          if (g_hash_table_contains (taken, key))
            {
              a--;
              continue;
            }
          attendee = tsu_attendee_new_for_person (event_id, person, org);
        }
      g_hash_table_add (taken, g_steal_pointer (&key));

      switch (event_status)
        {
        case TSU_EVENT_STATUS_HELD:
          status = (TsuAttendeeStatus) weighted (gen, (const guint[]) { 6, 78, 10, 6 }, TSU_N_ATTENDEE_STATUSES);
          break;
        case TSU_EVENT_STATUS_CANCELLED:
          status = TSU_ATTENDEE_STATUS_CANCELLED;
          break;
        case TSU_EVENT_STATUS_PLANNED:
        case TSU_N_EVENT_STATUSES:
        default:
          status = chance (gen, 95) ? TSU_ATTENDEE_STATUS_REGISTERED : TSU_ATTENDEE_STATUS_CANCELLED;
          break;
        }
      tsu_attendee_set_status (attendee, status);
      tsu_attendee_set_walk_in (attendee, status == TSU_ATTENDEE_STATUS_ATTENDED && chance (gen, 5));
      check (tsu_attendee_save (attendee, gen->db, &error), error, "attendee");
      tick (gen, 1);
    }
}

static void
add_sessions (Gen      *gen,
              TsuEvent *event,
              guint     count)
{
  const char *starts_at = tsu_event_get_starts_at (event);
  gboolean timed = strlen (starts_at) > 10;
  g_autoptr(GDateTime) at = NULL;
  gboolean held = tsu_event_get_status (event) == TSU_EVENT_STATUS_HELD;

  if (timed)
    {
      g_autofree char *iso = g_strconcat (starts_at, ":00", NULL);
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      at = g_date_time_new_from_iso8601 (iso, utc);
      g_assert (at != NULL);
    }
  for (guint s = 0; s < count; s++)
    {
      g_autoptr(TsuEventSession) session = tsu_event_session_new (tsu_event_get_id (event));
      g_autoptr(GError) error = NULL;
      const Name *family = &PICK (gen, family_names);
      const Name *given = &PICK (gen, given_names);
      g_autofree char *lecturer = g_strconcat (family->text, " ", given->text, NULL);
      guint capacity = tsu_event_get_capacity (event);

      tsu_event_session_set_position (session, s + 1);
      tsu_event_session_set_title (session, s == 0 ? "開会・趣旨説明" : PICK (gen, session_titles));
      if (s > 0)
        tsu_event_session_set_lecturer (session, lecturer);
      if (timed)
        {
          g_autoptr(GDateTime) end = g_date_time_add_minutes (at, between (gen, 2, 6) * 10);
          g_autofree char *from = g_date_time_format (at, "%Y-%m-%dT%H:%M");
          g_autofree char *to = g_date_time_format (end, "%Y-%m-%dT%H:%M");

          tsu_event_session_set_starts_at (session, from);
          tsu_event_session_set_ends_at (session, to);
          g_date_time_unref (at);
          at = g_steal_pointer (&end);
        }
      tsu_event_session_set_place (session, PICK (gen, rooms));
      tsu_event_session_set_capacity (session, capacity);
      tsu_event_session_set_head_count (session, held ? between (gen, 5, (int) MAX (capacity, 6))
                                                      : TSU_HEAD_COUNT_UNKNOWN);
      check (tsu_event_session_save (session, gen->db, &error), error, "session");
    }
  gen->in_batch += count;
}

static TsuEvent *
save_event (Gen            *gen,
            const char     *key,
            TsuEventKind    kind,
            guint           number,
            const char     *title,
            const char     *day,
            guint           budget_year_index)
{
  g_autoptr(TsuEvent) event = tsu_event_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  GPtrArray *lines = gen->line_names[budget_year_index];

  /* Tours take the whole day; the rest have times. */
  if (kind == TSU_EVENT_KIND_TOUR && chance (gen, 50))
    starts_at = g_strdup (day);
  else
    {
      static const char * const starts[] = { "10:00", "13:30", "14:00", "15:00", "18:30" };
      guint which = below (gen, G_N_ELEMENTS (starts));
      guint hour = (guint) atoi (starts[which]);

      starts_at = g_strdup_printf ("%sT%s", day, starts[which]);
      ends_at = g_strdup_printf ("%sT%02u:%s", day, hour + (guint) between (gen, 1, 3),
                                 chance (gen, 50) ? "00" : "30");
    }
  tsu_event_set_key (event, key);
  tsu_event_set_kind (event, kind);
  tsu_event_set_number (event, number);
  tsu_event_set_title (event, title);
  tsu_event_set_starts_at (event, starts_at);
  tsu_event_set_ends_at (event, ends_at);
  tsu_event_set_venue (event, PICK (gen, venues));
  tsu_event_set_organizer (event, chance (gen, 50) ? "北九州市"
                                  : chance (gen, 40) ? "市社協"
                                  : (const char *) g_ptr_array_index (gen->display_names,
                                                                      below (gen, gen->display_names->len)));
  tsu_event_set_pillars (event, (guint) between (gen, 1, TSU_PILLARS_ALL));
  if (!before_data_date (day))
    tsu_event_set_status (event, TSU_EVENT_STATUS_PLANNED);
  else
    tsu_event_set_status (event, chance (gen, 3) ? TSU_EVENT_STATUS_CANCELLED : TSU_EVENT_STATUS_HELD);
  tsu_event_set_capacity (event, (guint) between (gen, 3, 20) * 10);
  if (lines != NULL && lines->len > 0 && chance (gen, 60))
    tsu_event_set_budget_line (event, g_ptr_array_index (lines, below (gen, lines->len)));
  check (tsu_event_save (event, gen->db, &error), error, key);
  return g_steal_pointer (&event);
}

static void
generate_events (Gen *gen)
{
  guint n = gen->counts.events;
  guint big = gen->counts.big_event_attendees;
  g_autofree guint *sessions = distribute (gen, gen->counts.sessions, n, 1, 7);
  g_autofree guint *attendees = NULL;
  guint per_kind[N_YEARS][TSU_N_EVENT_KINDS] = { { 0 } };
  guint big_index = n / 2;
  g_autofree char *first = fiscal_year_start (FIRST_YEAR);
  int span = days_between (first, "2027-03-31");

  attendees = distribute (gen, gen->counts.attendees - big, n - 1,
                          (gen->counts.attendees - big) / (n - 1) / 4,
                          (gen->counts.attendees - big) / (n - 1) * 7 / 4);
  phase_start (gen, "attendees", gen->counts.attendees);
  for (guint e = 0; e < n; e++)
    {
      g_autoptr(TsuEvent) event = NULL;
      g_autofree char *day = day_after (first, (int) ((gint64) e * span / n));
      g_autofree char *key = NULL;
      g_autofree char *title = NULL;
      GDate date;
      int year;
      guint y;
      TsuEventKind kind;
      guint number = 0;

      if (!tsu_date_from_iso (day, &date))
        g_error ("bad date");
      year = tsu_fiscal_year_of (&date);
      y = (guint) (year - FIRST_YEAR);

      if (e == big_index)
        {
          /* The city-wide forum: the attendee list the print benchmark
           * writes. */
          g_autofree char *forum_day = g_strdup_printf ("%04d-11-16", BIG_YEAR);

          g_autofree char *forum_start = g_strconcat (forum_day, "T13:00", NULL);
          g_autofree char *forum_end = g_strconcat (forum_day, "T17:00", NULL);

          event = save_event (gen, BIG_EVENT_KEY, TSU_EVENT_KIND_OTHER, 0,
                              "北九州つながりフォーラム2024 〜孤独・孤立のない地域へ〜", forum_day,
                              BIG_YEAR - FIRST_YEAR);
          /* An afternoon in the big hall, for everyone in the directory. */
          tsu_event_set_starts_at (event, forum_start);
          tsu_event_set_ends_at (event, forum_end);
          tsu_event_set_venue (event, "北九州国際会議場 メインホール");
          tsu_event_set_organizer (event, "北九州市");
          tsu_event_set_capacity (event, big + 500);
          tsu_event_set_status (event, TSU_EVENT_STATUS_HELD);
          {
            g_autoptr(GError) error = NULL;

            check (tsu_event_save (event, gen->db, &error), error, BIG_EVENT_KEY);
          }
          add_sessions (gen, event, sessions[e]);
          add_attendees (gen, event, big, 0, TRUE);
          gen->big_event_key = g_strdup (BIG_EVENT_KEY);
          gen->big_event_count = big;
          continue;
        }

      kind = (TsuEventKind) weighted (gen, (const guint[]) { 30, 12, 25, 15, 12, 6 }, TSU_N_EVENT_KINDS);
      number = ++per_kind[y][kind];
      key = g_strdup_printf ("%d-%s-%u", year, tsu_event_kind_to_code (kind), number);
      switch (kind)
        {
        case TSU_EVENT_KIND_MEETING:
          title = g_strdup (PICK (gen, ((const char * const[]) {
                    "孤独・孤立対策連携協議会", "区域別連絡会", "実務者会議", "代表者会議",
                    "相談支援部会" })));
          break;
        case TSU_EVENT_KIND_TOUR:
          {
            const Place *place = &PICK (gen, places);
            const Theme *theme = &PICK (gen, themes);

            title = g_strdup_printf ("%sの%s見学会", place->text, theme->text);
            number = 0;
          }
          break;
        case TSU_EVENT_KIND_TRAINING:
          title = g_strdup_printf ("%s研修", PICK (gen, training_topics));
          break;
        case TSU_EVENT_KIND_WORKSHOP:
          title = g_strdup_printf ("%sワークショップ", PICK (gen, workshop_topics));
          number = 0;
          break;
        case TSU_EVENT_KIND_CASE_STUDY:
          title = g_strdup_printf ("事例検討会（%s）", tsu_ward_to_name ((TsuWard) below (gen, TSU_N_WARDS)));
          break;
        case TSU_EVENT_KIND_OTHER:
        case TSU_N_EVENT_KINDS:
        default:
          title = g_strdup (PICK (gen, ((const char * const[]) {
                    "市民公開講座", "活動報告会", "交流会", "パネル展示" })));
          number = 0;
          break;
        }
      event = save_event (gen, key, kind, number, title, day, y);
      add_sessions (gen, event, sessions[e]);
      add_attendees (gen, event, attendees[e < big_index ? e : e - 1], 15, FALSE);
    }
  phase_end (gen);
  g_printerr ("generate-large: %u events, %u sessions\n", n, gen->counts.sessions);
}

/* ---- cases and referrals ------------------------------------------------ */

typedef struct
{
  char              *from;
  char              *to;
  char              *referred_on;
  TsuReferralStatus  status;
  TsuReferralReason  reason;
  char              *closed_on;
} ReferralRow;

static void
referral_row_clear (ReferralRow *row)
{
  g_free (row->from);
  g_free (row->to);
  g_free (row->referred_on);
  g_free (row->closed_on);
}

/* Takes a saved referral through the workflow to where it ended, as the
 * demo does: early referrals mostly ended, recent ones often still open. */
static void
move_referral (Gen         *gen,
               TsuReferral *referral)
{
  static const guint early_weights[] = { 2, 4, 10, 14, 66, 4 };
  static const guint late_weights[] = { 30, 16, 6, 8, 36, 4 };
  enum { STAY_SENT, STAY_ACCEPTED, DECLINE, NOT_CONNECT, CONNECT, WITHDRAW };
  static const TsuReferralReason decline_reasons[] = {
    TSU_REASON_NO_CAPACITY, TSU_REASON_NO_CAPACITY, TSU_REASON_INELIGIBLE, TSU_REASON_OTHER,
  };
  static const TsuReferralReason not_connected_reasons[] = {
    TSU_REASON_UNREACHABLE, TSU_REASON_UNREACHABLE, TSU_REASON_REFUSED, TSU_REASON_REFUSED,
    TSU_REASON_NO_LONGER_NEEDED, TSU_REASON_OTHER,
  };
  const char *referred_on = tsu_referral_get_referred_on (referral);
  gboolean late = days_between (referred_on, DATA_DATE) < 90;
  guint outcome = weighted (gen, late ? late_weights : early_weights, G_N_ELEMENTS (early_weights));
  g_autofree char *accepted_on = day_after (referred_on, between (gen, 1, 7));
  g_autofree char *closed_on = NULL;
  g_autoptr(GError) error = NULL;

  switch (outcome)
    {
    case DECLINE:
      closed_on = day_after (referred_on, between (gen, 1, 10));
      break;
    case WITHDRAW:
      closed_on = day_after (referred_on, between (gen, 5, 30));
      break;
    case NOT_CONNECT:
      closed_on = day_after (accepted_on, between (gen, 14, 60));
      break;
    case CONNECT:
      closed_on = day_after (accepted_on, between (gen, 2, 35));
      break;
    default:
      break;
    }
  /* What would end after the data date is still open. */
  if (closed_on != NULL && !before_data_date (closed_on))
    outcome = outcome == DECLINE || outcome == WITHDRAW ? STAY_SENT : STAY_ACCEPTED;
  if (!before_data_date (accepted_on) && outcome == STAY_ACCEPTED)
    outcome = STAY_SENT;

  switch (outcome)
    {
    case STAY_SENT:
      return;
    case DECLINE:
      check (tsu_referral_move (referral, gen->db, TSU_REFERRAL_DECLINED, PICK (gen, decline_reasons),
                                closed_on, &error), error, "decline");
      return;
    case WITHDRAW:
      check (tsu_referral_move (referral, gen->db, TSU_REFERRAL_WITHDRAWN,
                                chance (gen, 50) ? TSU_REASON_NO_LONGER_NEEDED : TSU_REASON_NONE,
                                closed_on, &error), error, "withdraw");
      return;
    default:
      break;
    }
  check (tsu_referral_move (referral, gen->db, TSU_REFERRAL_ACCEPTED, TSU_REASON_NONE, accepted_on, &error),
         error, "accept");
  if (outcome == NOT_CONNECT)
    check (tsu_referral_move (referral, gen->db, TSU_REFERRAL_NOT_CONNECTED, PICK (gen, not_connected_reasons),
                              closed_on, &error), error, "not connected");
  else if (outcome == CONNECT)
    check (tsu_referral_move (referral, gen->db, TSU_REFERRAL_CONNECTED, TSU_REASON_NONE, closed_on, &error),
           error, "connect");
}

/* A receiver for the case other than @from and those already @taken:
 * mostly an organisation whose fields match one of the concerns, at times
 * the ward counter. */
static const char *
pick_receiver (Gen        *gen,
               guint       concerns,
               TsuWard     ward,
               const char *from,
               GPtrArray  *taken)
{
  for (guint attempt = 0; attempt < 50; attempt++)
    {
      const char *to;

      if (attempt >= 20)
        to = g_ptr_array_index (gen->display_names, below (gen, gen->display_names->len));
      else if (chance (gen, 8))
        {
          g_autofree char *counter = g_strconcat (tsu_ward_to_name (ward), "役所", NULL);

          /* Interned: the case's list of receivers borrows it. */
          to = g_intern_string (counter);
        }
      else
        {
          guint concern = below (gen, TSU_N_CONCERNS);
          GPtrArray *pool;

          while (!(concerns & (1u << concern)))
            concern = (concern + 1) % TSU_N_CONCERNS;
          pool = gen->receivers[concern];
          if (pool->len == 0)
            continue;
          to = g_ptr_array_index (pool, below (gen, pool->len));
        }
      if (strcmp (to, from) != 0 && !g_ptr_array_find_with_equal_func (taken, to, g_str_equal, NULL))
        return to;
    }
  g_error ("no receiver left");
}

static void
csv_cell (GString    *line,
          const char *text,
          gboolean    last)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (line, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append (line, text);
  g_string_append (line, last ? "\r\n" : ",");
}

/* The rows of one case as the secretariat's spreadsheet would give them:
 * the case's fields (as they stand at the end) repeated on each row. */
static void
write_csv_rows (Gen         *gen,
                TsuCase     *c,
                GArray      *rows)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *concerns = tsu_concerns_to_text (tsu_case_get_concerns (c), TRUE);
  TsuWard ward = tsu_case_get_ward (c);
  TsuLegalBasis basis = tsu_case_get_legal_basis (c);

  for (guint r = 0; r < rows->len; r++)
    {
      ReferralRow *row = &g_array_index (rows, ReferralRow, r);

      g_string_truncate (line, 0);
      csv_cell (line, tsu_case_get_code (c), FALSE);
      csv_cell (line, tsu_case_get_received_on (c), FALSE);
      csv_cell (line, tsu_case_get_entrance (c), FALSE);
      csv_cell (line, ward < TSU_N_WARDS ? tsu_ward_to_name (ward) : "", FALSE);
      csv_cell (line, tsu_age_band_to_code (tsu_case_get_age_band (c)), FALSE);
      csv_cell (line, tsu_case_get_foreign_resident (c) ? "yes" : "no", FALSE);
      csv_cell (line, tsu_case_get_language (c), FALSE);
      csv_cell (line, concerns, FALSE);
      csv_cell (line, tsu_consent_to_code (tsu_case_get_consent (c)), FALSE);
      csv_cell (line, basis != TSU_LEGAL_BASIS_NONE ? tsu_legal_basis_to_code (basis) : "", FALSE);
      csv_cell (line, row->from, FALSE);
      csv_cell (line, row->to, FALSE);
      csv_cell (line, row->referred_on, FALSE);
      csv_cell (line, tsu_referral_status_to_code (row->status), FALSE);
      csv_cell (line, row->reason != TSU_REASON_NONE ? tsu_referral_reason_to_code (row->reason) : "", FALSE);
      csv_cell (line, row->closed_on, FALSE);
      csv_cell (line, tsu_case_get_notes (c), TRUE);
      if (fwrite (line->str, 1, line->len, gen->csv) != line->len)
        g_error ("cannot write the CSV: %s", g_strerror (errno));
    }
}

static void
generate_case (Gen        *gen,
               const char *code,
               const char *received_on,
               guint       n_referrals)
{
  /* consent given; pending with a support meeting; pending with the
   * council; refused but a life at risk */
  static const guint basis_weights[] = { 80, 12, 6, 2 };
  g_autoptr(TsuCase) c = tsu_case_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) taken = g_ptr_array_new ();
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (ReferralRow));
  g_autofree char *entrance = NULL;
  g_autofree char *next_on = NULL;
  g_autofree char *last_day = day_after (DATA_DATE, -1);
  TsuWard ward = (TsuWard) weighted (gen, ward_weights, TSU_N_WARDS);
  guint basis = weighted (gen, basis_weights, G_N_ELEMENTS (basis_weights));
  gboolean foreign = chance (gen, 8);
  guint n_concerns = weighted (gen, (const guint[]) { 45, 40, 15 }, 3) + 1;
  guint concerns = 0;
  guint saves = 1;

  g_array_set_clear_func (rows, (GDestroyNotify) referral_row_clear);
  while (n_concerns > 0)
    {
      guint concern = weighted (gen, concern_weights, TSU_N_CONCERNS);

      if (!(concerns & (1u << concern)))
        {
          concerns |= 1u << concern;
          n_concerns--;
        }
    }
  if (foreign)
    concerns |= 1u << TSU_CONCERN_FOREIGN;

  /* Ward counters are the busiest entrance. */
  if (chance (gen, 40))
    entrance = g_strconcat (tsu_ward_to_name (ward), "役所", NULL);
  else
    entrance = g_strdup (g_ptr_array_index (gen->member_names, below (gen, gen->member_names->len)));

  tsu_case_set_code (c, code);
  tsu_case_set_received_on (c, received_on);
  tsu_case_set_entrance (c, entrance);
  tsu_case_set_ward (c, chance (gen, 3) ? TSU_WARD_NONE : ward);
  tsu_case_set_age_band (c, (TsuAgeBand) weighted (gen, age_weights, TSU_N_AGE_BANDS));
  tsu_case_set_foreign_resident (c, foreign);
  tsu_case_set_language (c, foreign ? PICK (gen, languages) : "");
  tsu_case_set_concerns (c, concerns);
  tsu_case_set_contact (c, (TsuContact) weighted (gen, contact_weights, TSU_N_CONTACTS));
  switch (basis)
    {
    case 0:
      tsu_case_set_consent (c, TSU_CONSENT_YES);
      tsu_case_set_consent_on (c, received_on);
      tsu_case_set_consent_how (c, chance (gen, 30) ? "書面" : "口頭");
      tsu_case_set_legal_basis (c, TSU_LEGAL_BASIS_CONSENT);
      break;
    case 1:
      tsu_case_set_consent (c, TSU_CONSENT_PENDING);
      tsu_case_set_legal_basis (c, TSU_LEGAL_BASIS_SUPPORT_MEETING);
      {
        g_autofree char *meeting_on = day_after (received_on, between (gen, 14, 45));

        if (before_data_date (meeting_on))
          {
            tsu_case_set_support_meeting (c, TRUE);
            tsu_case_set_support_meeting_on (c, meeting_on);
          }
      }
      break;
    case 2:
      tsu_case_set_consent (c, TSU_CONSENT_PENDING);
      tsu_case_set_legal_basis (c, TSU_LEGAL_BASIS_COUNCIL);
      break;
    default:
      tsu_case_set_consent (c, TSU_CONSENT_NO);
      tsu_case_set_legal_basis (c, TSU_LEGAL_BASIS_VITAL_INTEREST);
      break;
    }
  tsu_case_set_notes (c, tsu_case_get_support_meeting (c) ? "重層的支援会議で検討" : PICK (gen, case_notes));
  check (tsu_case_save (c, gen->db, &error), error, code);

  next_on = day_after (received_on, between (gen, 0, 4));
  for (guint r = 0; r < n_referrals; r++)
    {
      g_autoptr(TsuReferral) referral = tsu_referral_new (tsu_case_get_id (c));
      ReferralRow row = { 0 };
      const char *from;
      const char *to;

      if (strcmp (next_on, last_day) > 0)
        {
          g_free (next_on);
          next_on = g_strdup (last_day);
        }
      /* Handed on from the entrance, or on from an earlier receiver. */
      if (r == 0 || chance (gen, 60))
        from = entrance;
      else
        from = g_array_index (rows, ReferralRow, below (gen, rows->len)).to;
      to = pick_receiver (gen, concerns, ward, from, taken);
      g_ptr_array_add (taken, (gpointer) to);

      tsu_referral_set_from (referral, from);
      tsu_referral_set_to (referral, to);
      tsu_referral_set_referred_on (referral, next_on);
      check (tsu_referral_save (referral, gen->db, &error), error, code);
      move_referral (gen, referral);
      saves += 2;

      row.from = g_strdup (from);
      row.to = g_strdup (to);
      row.referred_on = g_strdup (next_on);
      row.status = tsu_referral_get_status (referral);
      row.reason = tsu_referral_get_reason (referral);
      row.closed_on = g_strdup (tsu_referral_get_closed_on (referral));
      g_array_append_val (rows, row);

      g_free (next_on);
      next_on = day_after (g_array_index (rows, ReferralRow, rows->len - 1).referred_on, between (gen, 0, 10));
    }

  /* Later changes, for the case's history: consent given after all, or
   * a note on how it goes on. */
  if (chance (gen, 25))
    {
      if (tsu_case_get_consent (c) == TSU_CONSENT_PENDING)
        {
          g_autofree char *consent_on = day_after (received_on, between (gen, 10, 60));

          if (before_data_date (consent_on))
            {
              tsu_case_set_consent (c, TSU_CONSENT_YES);
              tsu_case_set_consent_on (c, consent_on);
              tsu_case_set_consent_how (c, "書面");
            }
        }
      else
        tsu_case_set_notes (c, "継続して見守り");
      check (tsu_case_save (c, gen->db, &error), error, code);
      saves++;
    }

  write_csv_rows (gen, c, rows);
  tick (gen, saves);
}

static const char csv_header[] =
  "case,received_on,entrance,ward,age_band,foreign_resident,language,concerns,consent,"
  "legal_basis,from,to,referred_on,status,reason,closed_on,notes\r\n";

static void
generate_referrals (Gen        *gen,
                    const char *csv_path)
{
  guint n = gen->counts.cases;
  g_autofree guint *per_case = distribute (gen, gen->counts.referrals, n, 1, 9);
  g_autofree char *first = fiscal_year_start (FIRST_YEAR);
  int span = days_between (first, DATA_DATE) - 5;
  int current_year = 0;
  guint number = 0;

  gen->csv = g_fopen (csv_path, "wb");
  if (gen->csv == NULL)
    g_error ("%s: %s", csv_path, g_strerror (errno));
  fputs (csv_header, gen->csv);

  phase_start (gen, "cases", n);
  for (guint i = 0; i < n; i++)
    {
      /* Received evenly over the years, so codes run in date order. */
      g_autofree char *received_on = day_after (first, (int) ((gint64) i * span / n));
      g_autofree char *code = NULL;
      GDate date;
      int year;

      if (!tsu_date_from_iso (received_on, &date))
        g_error ("bad date");
      year = tsu_fiscal_year_of (&date);
      if (year != current_year)
        {
          current_year = year;
          number = 0;
        }
      code = g_strdup_printf ("%04d-%04u", year, ++number);
      g_assert (number <= 9999);
      generate_case (gen, code, received_on, per_case[i]);
    }
  phase_end (gen);

  if (fclose (gen->csv) != 0)
    g_error ("%s: %s", csv_path, g_strerror (errno));
  gen->csv = NULL;
}

/* ---- main -------------------------------------------------------------- */

static gint64
count_rows (Gen        *gen,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = tsu_database_prepare (gen->db, sql, &error);
  gint64 count;

  check (stmt != NULL, error, sql);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s failed", sql);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static void
remove_database (const char *path)
{
  static const char * const suffixes_[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes_); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes_[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_error ("cannot remove %s: %s", file, g_strerror (errno));
    }
}

int
main (int    argc,
      char **argv)
{
  static const char * const tables[] = {
    "organizations", "people", "events", "event_sessions", "attendees", "budget_lines",
    "payments", "cases", "referrals", "history", "audit_log",
  };
  g_autofree char *output = NULL;
  gboolean version = FALSE;
  int scale = 1;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Folder to write into", "DIR" },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, "Divide every count by N (default 1)", "N" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the generator's version stamp", NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- the large database of the benchmarks");
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *orgs_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *partial_csv = NULL;
  g_autofree char *json_path = NULL;
  g_autoptr(GString) json = NULL;
  const Counts *full = &full_counts;
  Gen gen = { 0 };

  /* Every insert and update runs an audit trigger, and SQLite opens an
   * ephemeral table for each: its page cache is allocated and freed at
   * the top of the heap, and glibc gives the memory back to the kernel
   * (brk) after each statement. On this kind of virtual machine each
   * shrink is a TLB shoot-down on every CPU, which made generation five
   * times slower; keeping the memory avoids it. */
  mallopt (M_TRIM_THRESHOLD, 256 * 1024 * 1024);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("generate-large: %s\n", error->message);
      return 2;
    }
  if (version)
    {
      g_print ("generate-large %d schema %d\n", GENERATOR_VERSION, TSU_DATABASE_SCHEMA_VERSION);
      return 0;
    }
  if (output == NULL || scale < 1 || scale > 100)
    {
      g_printerr ("generate-large: usage: generate-large --output DIR [--scale 1…100]\n");
      return 2;
    }

  gen.counts = (Counts) {
    .organizations = full->organizations / (guint) scale,
    .people = full->people / (guint) scale,
    .events = full->events / (guint) scale,
    .sessions = full->sessions / (guint) scale,
    .attendees = full->attendees / (guint) scale,
    .big_event_attendees = full->big_event_attendees / (guint) scale,
    .cases = full->cases / (guint) scale,
    .referrals = full->referrals / (guint) scale,
    .budget_lines = full->budget_lines / (guint) scale,
    .big_year_lines = full->big_year_lines / (guint) scale,
    .payments = full->payments / (guint) scale,
  };

  if (g_mkdir_with_parents (output, 0700) != 0)
    g_error ("cannot create %s: %s", output, g_strerror (errno));
  db_path = g_build_filename (output, "large.db", NULL);
  orgs_path = g_build_filename (output, "orgs-only.db", NULL);
  csv_path = g_build_filename (output, "referrals.csv", NULL);
  partial_csv = g_strconcat (csv_path, ".partial", NULL);
  json_path = g_build_filename (output, "large.json", NULL);
  remove_database (db_path);
  remove_database (orgs_path);
  g_unlink (json_path);

  gen.started = g_get_monotonic_time ();
  gen.rng = g_rand_new_with_seed (SEED);
  gen.db = tsu_database_open_full (db_path, &(TsuOpenOptions) { .no_automatic_backup = TRUE }, &error);
  check (gen.db != NULL, error, db_path);
  /* Each save is a savepoint inside the batch's transaction, and SQLite
   * keeps the pages a savepoint may have to restore in a temporary file:
   * millions of small writes. In memory they cost nothing; the database
   * written is the same. */
  check (tsu_database_exec (gen.db, "PRAGMA temp_store = MEMORY", &error), error, "temp_store");
  gen.organizations = g_ptr_array_new_with_free_func (g_object_unref);
  gen.display_names = g_ptr_array_new_with_free_func (g_free);
  gen.member_names = g_ptr_array_new ();
  gen.people = g_ptr_array_new_with_free_func (g_object_unref);
  gen.person_org = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint c = 0; c < TSU_N_CONCERNS; c++)
    gen.receivers[c] = g_ptr_array_new ();

  generate_organizations (&gen);
  check (tsu_database_backup (gen.db, orgs_path, &error), error, orgs_path);
  g_printerr ("generate-large: wrote %s (%.1f s)\n", orgs_path, elapsed (&gen));
  generate_people (&gen);
  generate_budget (&gen);
  generate_events (&gen);
  generate_referrals (&gen, partial_csv);
  if (g_rename (partial_csv, csv_path) != 0)
    g_error ("cannot rename %s: %s", partial_csv, g_strerror (errno));

  json = g_string_new ("{\n");
  g_string_append_printf (json, "  \"generator_version\": %d,\n  \"schema_version\": %d,\n  \"scale\": %d,\n",
                          GENERATOR_VERSION, TSU_DATABASE_SCHEMA_VERSION, scale);
  g_string_append_printf (json, "  \"data_date\": \"%s\",\n  \"fiscal_years\": [%d, %d],\n",
                          DATA_DATE, FIRST_YEAR, FIRST_YEAR + N_YEARS - 1);
  g_string_append_printf (json, "  \"big_event_key\": \"%s\",\n  \"big_event_attendees\": %u,\n",
                          gen.big_event_key, gen.big_event_count);
  g_string_append_printf (json, "  \"budget_year\": %d,\n  \"budget_year_lines\": %u,\n",
                          BIG_YEAR, gen.counts.big_year_lines);
  g_string_append (json, "  \"counts\": {");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 n = count_rows (&gen, tables[i]);

      g_string_append_printf (json, "%s\"%s\": %" G_GINT64_FORMAT, i ? ", " : "", tables[i], n);
      g_printerr ("generate-large: %-15s %" G_GINT64_FORMAT "\n", tables[i], n);
    }
  g_string_append_printf (json, "},\n  \"seconds\": %.1f\n}\n", elapsed (&gen));

  g_clear_object (&gen.db);
  check (g_file_set_contents (json_path, json->str, (gssize) json->len, &error), error, json_path);
  g_printerr ("generate-large: done in %.1f s\n", elapsed (&gen));

  g_ptr_array_unref (gen.organizations);
  g_ptr_array_unref (gen.display_names);
  g_ptr_array_unref (gen.member_names);
  g_ptr_array_unref (gen.people);
  g_array_unref (gen.person_org);
  for (guint c = 0; c < TSU_N_CONCERNS; c++)
    g_ptr_array_unref (gen.receivers[c]);
  for (guint y = 0; y < N_YEARS; y++)
    g_clear_pointer (&gen.line_names[y], g_ptr_array_unref);
  g_free (gen.big_event_key);
  g_rand_free (gen.rng);
  return 0;
}
