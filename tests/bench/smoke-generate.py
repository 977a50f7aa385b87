#!/usr/bin/python3
"""Smoke test of the large database generator (not timed): a hundredth of
the data, with every count as asked, and its referrals CSV accepted by
`tsunagu import referrals` into the organisations-only database.

Usage: smoke-generate.py GENERATE-LARGE   (TSUNAGU names the program)
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

SCALE = 100
FULL = {
    "organizations": 1000, "people": 20000, "events": 5000, "event_sessions": 20000,
    "attendees": 200000, "budget_lines": 2000, "payments": 10000, "cases": 20000,
    "referrals": 100000,
}


def main():
    generator = sys.argv[1]
    tsunagu = os.environ["TSUNAGU"]
    failures = []

    def expect(what, got, want):
        if got != want:
            failures.append("%s: %r, expected %r" % (what, got, want))

    with tempfile.TemporaryDirectory(prefix="tsu-bench-smoke-") as work:
        subprocess.run([generator, "--output", work, "--scale", str(SCALE)], check=True)
        info = json.load(open(os.path.join(work, "large.json"), encoding="utf-8"))
        for table, full in FULL.items():
            expect(table, info["counts"][table], full // SCALE)
        expect("big event attendees", info["big_event_attendees"], 2000 // SCALE)

        db = sqlite3.connect(os.path.join(work, "large.db"))
        (n,) = db.execute("SELECT count(*) FROM attendees a JOIN events e ON e.id = a.event_id"
                          " WHERE e.key = ?", (info["big_event_key"],)).fetchone()
        expect("attendees of %s" % info["big_event_key"], n, 2000 // SCALE)
        (n,) = db.execute("SELECT count(*) FROM budget_lines WHERE fiscal_year = ?",
                          (info["budget_year"],)).fetchone()
        expect("budget lines of %d" % info["budget_year"], n, 500 // SCALE)
        (n,) = db.execute("SELECT count(*) FROM history").fetchone()
        if n < info["counts"]["referrals"] * 3:
            failures.append("only %d history rows" % n)
        db.close()

        with open(os.path.join(work, "referrals.csv"), encoding="utf-8") as f:
            expect("CSV rows", sum(1 for _ in f) - 1, FULL["referrals"] // SCALE)

        orgs_only = os.path.join(work, "orgs-only.db")
        db = sqlite3.connect(orgs_only)
        expect("organisations in orgs-only.db",
               db.execute("SELECT count(*) FROM organizations").fetchone()[0],
               FULL["organizations"] // SCALE)
        expect("cases in orgs-only.db", db.execute("SELECT count(*) FROM cases").fetchone()[0], 0)
        db.close()
        result = subprocess.run([tsunagu, "--database", orgs_only, "import", "referrals",
                                 os.path.join(work, "referrals.csv")],
                                capture_output=True, text=True)
        if result.returncode != 0:
            failures.append("import referrals exited %d:\n%s" % (result.returncode, result.stderr[-3000:]))
        else:
            db = sqlite3.connect(orgs_only)
            expect("referrals imported", db.execute("SELECT count(*) FROM referrals").fetchone()[0],
                   FULL["referrals"] // SCALE)
            expect("cases imported", db.execute("SELECT count(*) FROM cases").fetchone()[0],
                   FULL["cases"] // SCALE)
            db.close()

    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
