/* tsu-demo-budget.c: the demo's budget of 令和5年度 (FY2023), the table
 * of section 4 of the council's report (shared/seeds/000).
 *
 * Names, descriptions, purposes, timings, contractors and amounts are
 * the table's, in its order, written as the table writes them (a timing
 * of "—" included). The policy pillars come from the report's 基本方針
 * sections: the trial projects between support organisations ④, the
 * trainings ①②③, the awareness work ①③. All of it is paid from the
 * national subsidy (内閣官房 地方版孤独・孤立対策官民連携プラットフォーム
 * 推進事業). The payments are made up: the report gives no dates.
 *
 * The names are those the demo events name as their budget line
 * (tsu-demo-events.c), so that the events belong to their lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tsu-budget-line.h"
#include "tsu-demo-budget.h"
#include "tsu-payment.h"

#define PILLAR(n) (1u << ((n) - 1))
#define YEAR 2023

typedef struct
{
  const char *paid_on;
  gint64      amount;
  const char *memo;
} DemoPayment;

typedef struct
{
  const char  *name;
  const char  *description;
  const char  *purpose;
  const char  *timing;
  const char  *contractor;
  gint64       amount;
  guint        pillars;
  DemoPayment  payments[3]; /* ended by a NULL date */
} DemoLine;

static const DemoLine lines[] = {
  { "北九州市孤独・孤立対策等連携協議会事務局機能の移行に関する検証",
    "孤独・孤立協議会の事務局機能の移行に関する可否や、移行する場合の範囲、方法等について成果をまとめる。",
    "協議会事務局機能の移行",
    "—", "NTTデータ経営研究所", 500000, PILLAR (4),
    { { NULL } } },
  { "支援現場見学バスツアー",
    "実際の支援現場を視察・体験するバスツアーを行い、各団体の取り組みを可視化することで、真の顔の見える関係づくり・信頼づくりを構築し、各団体間での相談者の適切なつなぎや参加団体同士の連携強化を図る。",
    "参加団体の連携強化",
    "2023.12.14", "北九州市社会福祉協議会", 1158120, PILLAR (4),
    { { "2024-01-31", 1158120, "バスツアー委託料（完了払い）" }, { NULL } } },
  { "支援者向け能力向上研修会",
    "孤独・孤立に係る相談支援に当たる人材向けの研修会を実施する。(協議会参加団体に限定しない)",
    "支援者の能力向上",
    "2024.2.5 2024.2.6", "北九州市社会福祉協議会", 844340, PILLAR (1) | PILLAR (2) | PILLAR (3),
    { { "2024-01-15", 400000, "研修会委託料（前金払い）" }, { NULL } } },
  { "支援団体紹介動画作成等",
    "子どもから大人まで、悩みを抱える人が安心して支援団体等とつながることができる環境創出のため、孤独・孤立に関する普及啓発動画を作成する。",
    "参加団体の活動普及",
    "—", "北九州市社会福祉協議会", 1375220, PILLAR (1) | PILLAR (3),
    { { NULL } } },
  { "孤独・孤立ノベルティ作成",
    "孤独・孤立の問題を自分事として捉え、この問題に対する正しい理解の促進を図るため、市民等に配布するノベルティを作成する。",
    "孤独・孤立対策の普及・啓発",
    "—", "株式会社成田屋", 465000, PILLAR (1) | PILLAR (3),
    { { "2023-11-30", 465000, "ノベルティ製作代" }, { NULL } } },
  { "人材確保・育成のためのケーススタディ",
    "協議会参加団体の連携強化、支援の質の向上につなげるため、行政や団体が抱える困難ケースについてケーススタディを開催する。(2023.12は支援現場見学バスツアーとして実施。2024.3は検討中)",
    "参加団体の連携強化、能力向上",
    "2023.12、 2024.3", "北九州市社会福祉協議会", 0, PILLAR (4),
    { { NULL } } },
  { "いのちをつなぐネットワーク推進会議",
    "行政、民間企業・団体等の連携のもと、支援を必要としている市民が社会的に孤立することのないように、地域全体で見守り、必要な行政サービス等につなげていくことを目的とした「北九州市いのちをつなぐネットワーク推進会議」の実施。",
    "孤独・孤立対策の普及・啓発",
    "2023.11.14", "株式会社コムディア", 848200, PILLAR (1) | PILLAR (3),
    { { "2023-12-15", 848200, "推進会議運営委託料" }, { NULL } } },
  { "包括的な支援体制の構築に向けた支援者向け研修会",
    "複雑化・複合化した困難を抱える人を支援するため、属性を問わない包括的な支援体制の構築を行うための研修会の企画・運営。",
    "包括的な支援体制整備",
    "2024.1.19", "株式会社アソウ・ヒューマニーセンター", 908600, PILLAR (1) | PILLAR (2) | PILLAR (3),
    { { NULL } } },
  { "「北九州市版お悩みハンドブック」機能改善",
    "「北九州市版 お悩みハンドブック」の、利用者数などのアクセス分析を行うことができるよう機能の改善を行う。",
    "孤独・孤立対策の普及・啓発",
    "—", "株式会社グラフィアー", 1000000, PILLAR (1) | PILLAR (3),
    { { NULL } } },
};

gboolean
tsu_demo_fill_budget (TsuDatabase  *db,
                      GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      const DemoLine *d = &lines[i];
      g_autoptr(TsuBudgetLine) line = tsu_budget_line_new (YEAR);

      tsu_budget_line_set_position (line, i + 1);
      tsu_budget_line_set_name (line, d->name);
      tsu_budget_line_set_description (line, d->description);
      tsu_budget_line_set_purpose (line, d->purpose);
      tsu_budget_line_set_timing (line, d->timing);
      tsu_budget_line_set_contractor (line, d->contractor);
      tsu_budget_line_set_amount (line, d->amount);
      tsu_budget_line_set_pillars (line, d->pillars);
      tsu_budget_line_set_funding (line, TSU_FUNDING_NATIONAL);
      if (!tsu_budget_line_save (line, db, error))
        return FALSE;

      for (guint p = 0; p < G_N_ELEMENTS (d->payments) && d->payments[p].paid_on != NULL; p++)
        {
          const DemoPayment *dp = &d->payments[p];
          g_autoptr(TsuPayment) payment = tsu_payment_new (tsu_budget_line_get_id (line));

          tsu_payment_set_paid_on (payment, dp->paid_on);
          tsu_payment_set_amount (payment, dp->amount);
          tsu_payment_set_memo (payment, dp->memo);
          if (!tsu_payment_save (payment, db, error))
            return FALSE;
        }
    }
  return TRUE;
}
