/* overview-fixture.h: one small council, written straight in SQL, whose
 * overview figures are worked out by hand in the comments (for
 * tests/test-overview.c and tests/gui/test-overview.c). "Today" is
 * 2024-06-15, in fiscal year 2024.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define OVERVIEW_FIXTURE_TODAY "2024-06-15"
#define OVERVIEW_FIXTURE_YEAR  2024

/* Members (kind member, not deleted):
 *   A, B joined 2022-02-01; C no join date; D 2023-04-10 → left 2024-01-31;
 *   E joins 2024-07-01 (after today: counted today, as the directory does);
 *   F 2023-04-10, leaves 2024-12-31 (after today: still a member).
 *   G is a city department, H a deleted member: neither counts.
 * Steps: 2022-02-01 3 (C + A + B), 2023-04-10 5, 2024-01-31 4,
 *   2024-06-15 5 (E).
 *
 * Events of FY2024 (month 0 = April):
 *   e1 meeting 2024-05-10T15:00, items counted 20 + 25 (+ one uncounted) → 45
 *   e2 training 2024-05-20, no item counted, 3 attended, 1 absent       → 3
 *   e3 meeting 2024-06-20, planned, nothing counted, no sheet printed   → 0
 *   e4 tour 2024-07-10, item counted 12, sheet printed                  → 12
 *   e5 workshop 2024-07-12, cancelled                                   → 0
 *   e6 training 2024-07-16 (31 days ahead)                              → 0
 *   e7 other 2024-07-15T10:00 (30 days ahead)                           → 0
 *   e8 meeting 2024-03-31 is FY2023; e9 2024-06-16 is deleted.
 *   Head counts: May meeting 45, May training 3, July tour 12.
 *   To-do sheets: e3, e7 (e4 printed, e5 cancelled, e6 too far, e9 deleted).
 *
 * Referrals of FY2024 (today 2024-06-15):
 *   r1 04-05 connected; r2 04-20 sent, due 05-04 (overdue);
 *   r3 05-01 not-connected; r4 05-02 accepted, due 06-30;
 *   r5 06-01 accepted, due 06-14 (overdue); r6 06-10 sent, due 06-15 (today:
 *   not overdue); r7 06-11 connected. r8 2024-03-01 sent, due 03-15 is
 *   FY2023 (overdue).
 *   April: connected 1, sent 1; May: not-connected 1, accepted 1;
 *   June: accepted 1, sent 1, connected 1. Rate 2 / 3.
 *   Overdue, longest first: r8, r2, r5.
 *
 * Budget lines of FY2024 (amount / paid):
 *   l1 研修事業 1,000,000 / 950,000 (95 %), l2 見学会 1,000,000 / 900,000
 *   (90 %: not over), l3 予備 0 / 0, l4 印刷 100,000 / 100,000 (100 %),
 *   l5 通信 0 / 5,000 (paid of nothing). FY2023: l6 100 % (other year).
 *   To-do, most spent first: l5, l4, l1.
 */
#define OVERVIEW_FIXTURE_SQL \
  "INSERT INTO organizations (id, name, reading, sort_key, search_key, kind, joined_on, left_on, deleted_at) VALUES" \
  " (1, 'A会', 'えーかい', x'01', 'a', 'member', '2022-02-01', NULL, NULL)," \
  " (2, 'B会', 'びーかい', x'02', 'b', 'member', '2022-02-01', NULL, NULL)," \
  " (3, 'C会', 'しーかい', x'03', 'c', 'member', NULL, NULL, NULL)," \
  " (4, 'D会', 'でぃーかい', x'04', 'd', 'member', '2023-04-10', '2024-01-31', NULL)," \
  " (5, 'E会', 'いーかい', x'05', 'e', 'member', '2024-07-01', NULL, NULL)," \
  " (6, 'F会', 'えふかい', x'06', 'f', 'member', '2023-04-10', '2024-12-31', NULL)," \
  " (7, 'G課', 'じーか', x'07', 'g', 'government', '2022-01-01', NULL, NULL)," \
  " (8, 'H会', 'えいちかい', x'08', 'h', 'member', '2021-01-01', NULL, '2024-01-01');" \
  "INSERT INTO events (id, key, kind, number, title, starts_at, status, venue, sign_in_printed_at, deleted_at) VALUES" \
  " (1, 'e1', 'meeting', 7, '連携協議会', '2024-05-10T15:00', 'held', 'ホテル', NULL, NULL)," \
  " (2, 'e2', 'training', 0, '研修会', '2024-05-20', 'held', NULL, NULL, NULL)," \
  " (3, 'e3', 'meeting', 8, '連携協議会', '2024-06-20', 'planned', '市役所', NULL, NULL)," \
  " (4, 'e4', 'tour', 0, '見学会', '2024-07-10', 'planned', NULL, '2024-06-01T09:00:00', NULL)," \
  " (5, 'e5', 'workshop', 0, 'ワークショップ', '2024-07-12', 'cancelled', NULL, NULL, NULL)," \
  " (6, 'e6', 'training', 0, '研修会2', '2024-07-16', 'planned', NULL, NULL, NULL)," \
  " (7, 'e7', 'other', 0, '交流会', '2024-07-15T10:00', 'planned', '会館', NULL, NULL)," \
  " (8, 'e8', 'meeting', 6, '連携協議会', '2024-03-31', 'held', NULL, NULL, NULL)," \
  " (9, 'e9', 'meeting', 0, '削除済', '2024-06-16', 'planned', NULL, NULL, '2024-06-01T00:00:00');" \
  "INSERT INTO event_sessions (event_id, position, title, head_count) VALUES" \
  " (1, 1, '第一部', 20), (1, 2, '第二部', 25), (1, 3, '懇談', NULL), (4, 1, '見学', 12)," \
  " (2, 1, '講義', NULL);" \
  "INSERT INTO attendees (event_id, name, reading, sort_key, search_key, status) VALUES" \
  " (2, '甲', 'こう', x'01', 'k', 'attended'), (2, '乙', 'おつ', x'02', 'o', 'attended')," \
  " (2, '丙', 'へい', x'03', 'h', 'attended'), (2, '丁', 'てい', x'04', 't', 'absent')," \
  " (1, '戊', 'ぼ', x'05', 'b', 'attended');" \
  "INSERT INTO cases (id, code, received_on, entrance) VALUES" \
  " (1, '2024-0001', '2024-04-01', '門司区役所'), (2, '2024-0002', '2024-04-18', 'NPO法人 抱樸')," \
  " (3, '2023-0009', '2024-02-20', '市社協');" \
  "INSERT INTO referrals (id, case_id, from_place, to_place, referred_on, due_on, status, reason, closed_on) VALUES" \
  " (1, 1, '門司区役所', 'フードバンク', '2024-04-05', '2024-04-19', 'connected', NULL, '2024-04-10')," \
  " (2, 2, '抱樸', '就労支援', '2024-04-20', '2024-05-04', 'sent', NULL, NULL)," \
  " (3, 1, '門司区役所', '住まい支援', '2024-05-01', '2024-05-15', 'not-connected', 'refused', '2024-05-20')," \
  " (4, 2, '抱樸', '子ども食堂', '2024-05-02', '2024-06-30', 'accepted', NULL, NULL)," \
  " (5, 1, '門司区役所', '相談窓口', '2024-06-01', '2024-06-14', 'accepted', NULL, NULL)," \
  " (6, 2, '抱樸', '居場所', '2024-06-10', '2024-06-15', 'sent', NULL, NULL)," \
  " (7, 1, '門司区役所', '家計相談', '2024-06-11', '2024-06-20', 'connected', NULL, '2024-06-12')," \
  " (8, 3, '市社協', '地域包括', '2024-03-01', '2024-03-15', 'sent', NULL, NULL);" \
  "INSERT INTO budget_lines (id, fiscal_year, position, name, contractor, amount) VALUES" \
  " (1, 2024, 1, '研修事業', '市社協', 1000000), (2, 2024, 2, '見学会', '市社協', 1000000)," \
  " (3, 2024, 3, '予備', '北九州市', 0), (4, 2024, 4, '印刷', '印刷会社', 100000)," \
  " (5, 2024, 5, '通信', '北九州市', 0), (6, 2023, 1, '前年度事業', '市社協', 500000);" \
  "INSERT INTO payments (budget_line_id, paid_on, amount) VALUES" \
  " (1, '2024-05-01', 500000), (1, '2024-06-01', 450000), (2, '2024-05-01', 900000)," \
  " (4, '2024-06-01', 100000), (5, '2024-06-02', 5000), (6, '2024-01-10', 500000);"
