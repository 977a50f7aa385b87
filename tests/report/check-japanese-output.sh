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

# Messages too.
set +e
message=$("$tsunagu" --database "$work/t.db" demo 2>&1)
status=$?
set -e
[ $status -eq 1 ] || fail "demo into a filled database exited $status"
grep -q 'データ' <<<"$message" || fail "the message is not Japanese: $message"
echo "ok: printout, workbook and messages in Japanese"
