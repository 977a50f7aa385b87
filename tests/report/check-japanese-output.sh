#!/usr/bin/env bash
# With LANG=ja_JP.UTF-8 the program run from the build folder finds its
# translations there, and every header, title and label of the member
# printout and workbook is Japanese.
set -euo pipefail
tsunagu=${TSUNAGU:?path of the built program}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 LANGUAGE=ja

fail() { echo "not ok: $*"; exit 1; }

"$tsunagu" --database "$work/t.db" demo >/dev/null
"$tsunagu" --database "$work/t.db" print members --kind all --output "$work/m.pdf"
"$tsunagu" --database "$work/t.db" export members --kind all --output "$work/m.xlsx"

text=$(pdftotext -layout "$work/m.pdf" -)
for want in 参加団体・関係者名簿 敬称略・五十音順 団体名 代表者・担当者 活動分野 行政関係者 "1 / 1" "NPO法人 抱樸"; do
  grep -qF -- "$want" <<<"$text" || fail "the printout lacks “$want”"
done
for unwanted in "Member Directory" "Honorifics" "Organization" "Fields of activity"; do
  if grep -qF -- "$unwanted" <<<"$text"; then fail "the printout still says “$unwanted”"; fi
done

/usr/bin/python3 - "$work/m.xlsx" <<'PY' || exit 1
import sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book.worksheets[0]
assert sheet.title == "参加団体名簿", sheet.title
cells = [str(c.value) for row in sheet.iter_rows(max_row=sheet.max_row) for c in row if c.value is not None]
for want in ("団体名", "よみがな", "区分", "活動分野", "加入日", "参加団体", "行政"):
    assert any(want in c for c in cells), "workbook lacks " + want
for unwanted in ("Member", "City department", "Reading", "Joined"):
    assert not any(c == unwanted for c in cells), "workbook still says " + unwanted
print("ok: workbook in Japanese")
PY

# The demo budget sheet of FY2023 (seed 000): Japanese headers, amounts
# as numbers formatted #,##0 and a SUM whose stored value is the seed's
# total.
"$tsunagu" --database "$work/t.db" export budget --fiscal-year R5 --output "$work/b.xlsx"
"$tsunagu" --database "$work/t.db" print budget --fiscal-year 令和5 --output "$work/b.pdf"
/usr/bin/python3 - "$work/b.xlsx" <<'PY' || exit 1
import sys
import openpyxl
formulas = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
values = openpyxl.load_workbook(sys.argv[1], data_only=True).worksheets[0]
rows = [[c.value for c in row] for row in formulas.iter_rows()]
header = next(i for i, r in enumerate(rows) if r[0] == "事業名称")
assert rows[header][:6] == ["事業名称", "事業内容", "目的・期待される効果", "実施時期", "発注先", "予算配分"], rows[header]
assert "令和5年度" in str(rows[0][0]), rows[0]
lines = rows[header + 1:header + 10]
assert [r[4] for r in lines].count("北九州市社会福祉協議会") == 4, lines
amounts = [formulas.cell(row=header + 2 + i, column=6) for i in range(9)]
assert all(isinstance(c.value, int) and c.number_format == "#,##0" for c in amounts), [(c.value, c.number_format) for c in amounts]
assert sum(c.value for c in amounts) == 7099480
total = next(i for i, r in enumerate(rows) if "計" in [str(v) for v in r if v is not None])
assert str(rows[total][5]).startswith("=SUM("), rows[total]
assert values.cell(row=total + 1, column=6).value == 7099480, values.cell(row=total + 1, column=6).value
print("ok: budget sheet")
PY
budget=$(pdftotext -layout "$work/b.pdf" -)
for want in 令和5年度 事業名称 発注先 予算配分 支援現場見学バスツアー 1,158,120 7,099,480 計; do
  grep -qF -- "$want" <<<"$budget" || fail "the budget printout lacks “$want”"
done

# Event printouts.
attendees=$("$tsunagu" --database "$work/t.db" print attendees --event 2023-council-5 --output "$work/a.pdf" && pdftotext -layout "$work/a.pdf" -) || true
"$tsunagu" --database "$work/t.db" print attendees --event 2023-council-5 --output "$work/a.pdf"
attendees=$(pdftotext -layout "$work/a.pdf" -)
for want in 出席者名簿 参加団体 行政関係者 所属 氏名 "NPO法人 抱樸"; do
  grep -qF -- "$want" <<<"$attendees" || fail "the attendee list lacks “$want”"
done
"$tsunagu" --database "$work/t.db" print sign-in --event 2023-council-5 --blank-rows 3 --output "$work/s.pdf"
grep -qF 受付簿 <(pdftotext -layout "$work/s.pdf" -) || fail "the sign-in sheet is not titled 受付簿"

# Messages too.
set +e
message=$("$tsunagu" --database "$work/t.db" demo 2>&1)
status=$?
set -e
[ $status -eq 1 ] || fail "demo into a filled database exited $status"
grep -q 'データ' <<<"$message" || fail "the message is not Japanese: $message"
echo "ok: printouts, workbooks and messages in Japanese"
