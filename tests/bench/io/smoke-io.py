#!/usr/bin/python3
"""Smoke test of the import and export baselines (not timed): on the demo
data they must write what the program writes, or the figures would compare
different work.

- baseline-export: every cell of both sheets (value and number format) the
  same as `tsunagu export referrals --include-cases`; row heights aside.
- baseline-import: the same case and referral rows as
  `tsunagu import referrals` of the same CSV (ids, versions and times aside).

Usage: smoke-io.py BASELINE-EXPORT BASELINE-IMPORT   (TSUNAGU names the
program; LANG=C.UTF-8, since the baseline writes the English labels)
"""
import csv
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

CASE_COLUMNS = ("code, received_on, entrance, ward, age_band, foreign_resident, language,"
                " concerns, consent, legal_basis, notes")
REFERRAL_COLUMNS = ("c.code, r.from_place, r.to_place, r.referred_on, r.due_on, r.status,"
                    " r.reason, r.closed_on")


def council_name():
    """The default of the "council-name" setting, which the program puts
    beside the note under the title (the tests run with the schema)."""
    source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    with open(os.path.join(source, "data", "jp.tsunagu.Tsunagu.gschema.xml"), encoding="utf-8") as f:
        schema = f.read()
    return re.search(r'<key name="council-name"[^>]*>\s*<default>\'([^\']*)\'</default>', schema).group(1)


def cells(path):
    """Sheet title → {coordinate: (value, number format)} of every cell."""
    workbook = openpyxl.load_workbook(path)
    return {sheet.title: {c.coordinate: (c.value, c.number_format)
                          for row in sheet.iter_rows() for c in row
                          if c.value is not None or c.has_style}
            for sheet in workbook.worksheets}


def write_csv(path, places):
    """Six referrals of three new cases; places named with and without
    their legal form, codes and dates as the generator writes them."""
    rows = []
    for case in range(3):
        for n in range(2):
            from_place = places[(case + n) % len(places)]
            to_place = places[(case + n + 1) % len(places)]
            status = ("sent", "connected", "declined")[(case + n) % 3]
            rows.append({
                "case": "2031-%04d" % (case + 1), "received_on": "2025-05-%02d" % (case + 1),
                "entrance": places[case], "ward": ("門司区", "戸畑区", "")[case],
                "age_band": ("20s", "unknown", "80-plus")[case],
                "foreign_resident": ("yes", "no", "no")[case], "language": ("英語", "", "")[case],
                "concerns": ("poverty;housing", "hikikomori", "")[case], "consent": "yes",
                "legal_basis": ("", "council", "")[case],
                "from": from_place, "to": to_place, "referred_on": "2025-06-%02d" % (case + n + 1),
                "status": status, "reason": "refused" if status == "declined" else "",
                "closed_on": "" if status == "sent" else "2025-07-01",
                "notes": ("", "メモ", "")[case],
            })
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def new_rows(path):
    db = sqlite3.connect(path)
    cases = db.execute("SELECT %s FROM cases WHERE code GLOB '2031-*' ORDER BY code" % CASE_COLUMNS).fetchall()
    referrals = db.execute("SELECT %s FROM referrals r JOIN cases c ON c.id = r.case_id"
                           " WHERE c.code GLOB '2031-*' ORDER BY r.id" % REFERRAL_COLUMNS).fetchall()
    db.close()
    return cases, referrals


def main():
    baseline_export, baseline_import = sys.argv[1], sys.argv[2]
    tsunagu = os.environ["TSUNAGU"]
    failures = []

    with tempfile.TemporaryDirectory(prefix="tsu-bench-io-smoke-") as work:
        demo = os.path.join(work, "demo.db")
        subprocess.run([tsunagu, "--database", demo, "demo"], check=True, stdout=subprocess.DEVNULL)
        (year,) = sqlite3.connect(demo).execute(
            "SELECT CAST (substr (referred_on, 1, 4) AS INTEGER)"
            " - (substr (referred_on, 6, 2) < '04') FROM referrals"
            " GROUP BY 1 ORDER BY count (*) DESC LIMIT 1").fetchone()

        ours = os.path.join(work, "ours.xlsx")
        theirs = os.path.join(work, "baseline.xlsx")
        subprocess.run([tsunagu, "--database", demo, "export", "referrals", "--fiscal-year", str(year),
                        "--include-cases", "--output", ours], check=True)
        subprocess.run([baseline_export, demo, str(year), theirs, council_name()], check=True)
        a, b = cells(ours), cells(theirs)
        if list(a) != list(b):
            failures.append("export: sheets %r, baseline %r" % (list(a), list(b)))
        for sheet in a:
            for coordinate in sorted(set(a[sheet]) | set(b.get(sheet, {}))):
                if a[sheet].get(coordinate) != b.get(sheet, {}).get(coordinate):
                    failures.append("export: %s!%s is %r, baseline %r" % (
                        sheet, coordinate, a[sheet].get(coordinate), b.get(sheet, {}).get(coordinate)))
        if len(a.get("Referrals", {})) < 12 * 4:
            failures.append("export: the demo's fiscal year %d has almost no referral rows" % year)

        db = sqlite3.connect(demo)
        places = [name for (name,) in db.execute(
            "SELECT CASE WHEN id % 2 = 0 AND legal_form IS NOT NULL THEN legal_form || ' ' || name"
            " ELSE name END FROM organizations WHERE deleted_at IS NULL ORDER BY id LIMIT 4")]
        db.close()
        csv_path = os.path.join(work, "referrals.csv")
        write_csv(csv_path, places)
        ours_db = os.path.join(work, "ours.db")
        theirs_db = os.path.join(work, "theirs.db")
        shutil.copyfile(demo, ours_db)
        shutil.copyfile(demo, theirs_db)
        subprocess.run([tsunagu, "--database", ours_db, "import", "referrals", csv_path], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([baseline_import, theirs_db, csv_path], check=True, stdout=subprocess.DEVNULL)
        a, b = new_rows(ours_db), new_rows(theirs_db)
        if len(a[0]) != 3 or len(a[1]) != 6:
            failures.append("import: the program added %d cases and %d referrals, not 3 and 6"
                            % (len(a[0]), len(a[1])))
        for what, ours_rows, theirs_rows in (("case", a[0], b[0]), ("referral", a[1], b[1])):
            if ours_rows != theirs_rows:
                failures.append("import: %s rows differ:\n  program  %r\n  baseline %r"
                                % (what, ours_rows, theirs_rows))
        (audited,) = sqlite3.connect(theirs_db).execute(
            "SELECT count (*) FROM audit_log WHERE action = 'insert' AND"
            " ((table_name = 'cases' AND row_id IN (SELECT id FROM cases WHERE code GLOB '2031-*'))"
            " OR (table_name = 'referrals' AND row_id IN (SELECT r.id FROM referrals r"
            " JOIN cases c ON c.id = r.case_id WHERE c.code GLOB '2031-*')))").fetchone()
        if audited < 9:
            failures.append("import: the baseline's rows fired %d audit triggers, not 9" % audited)

    for failure in failures:
        print(failure, file=sys.stderr)
    if failures:
        sys.exit(1)
    print("the baselines write what the program writes")


if __name__ == "__main__":
    main()
