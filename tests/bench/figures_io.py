"""Issue 7, deliverables 2 and 3: the export and the import of referrals.

Export — `tsunagu export referrals --fiscal-year Y --include-cases`:
- against tests/bench/io/baseline-export, the same cells written straight
  from SQLite with libxlsxwriter in constant_memory mode (target ≤ 1.25×);
- its peak RSS (target ≤ 32 MiB; the baseline's for reference);
- against LibreOffice converting the same rows, as CSV, to .xlsx
  (`soffice --headless --convert-to xlsx`), where it is installed; reported.

The large database spreads its 100,000 referrals over six fiscal years,
and the export is of one fiscal year. So that the figure is of all
100,000, it is measured on a copy (one-year.db, made once per generated
database) whose dates of cases and referrals are squeezed, in order, into
fiscal year ONE_YEAR: every date keeps its place relative to the others,
so the referrals, their order and their statuses are those of the large
database.

Import — `tsunagu import referrals` of the 100,000-row CSV into a fresh
copy of the organisations-only database, with all its checks, history and
audit trail:
- against tests/bench/io/baseline-import, the same case and referral rows
  inserted with one prepared INSERT per table in one transaction into the
  same kind of copy (its audit triggers fire too) (target ≤ 2×);
- against `sqlite3 .import` of the CSV into a plain table; reported.
"""
import csv
import json
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

ONE_YEAR = 2026
# Bump when one-year.db or the CSV made from it change.
DERIVED_VERSION = 1
FIRST_DAY = "2021-04-01"
YEARS_SPANNED = 6


def council_name(source):
    """The schema's default council name, which the program writes beside
    the note under the title (the runner gives it the schema)."""
    schema = (source / "data" / "jp.tsunagu.Tsunagu.gschema.xml").read_text(encoding="utf-8")
    match = re.search(r'<key name="council-name"[^>]*>\s*<default>\'([^\']*)\'</default>', schema)
    return match.group(1) if match else ""


def stamp_of(ctx):
    generated = (ctx.work / "large.stamp").read_text().strip()
    return "%s derived %d" % (generated, DERIVED_VERSION)


def squeeze(column):
    """SQL moving a date of fiscal years 2021–2026 into ONE_YEAR, in order."""
    return ("CASE WHEN {c} IS NULL THEN NULL ELSE date ('{start}-04-01', '+' ||"
            " CAST ((julianday ({c}) - julianday ('{first}')) / {n} AS INTEGER) || ' days') END"
            ).format(c=column, start=ONE_YEAR, first=FIRST_DAY, n=YEARS_SPANNED)


def make_one_year(ctx, path):
    """A copy of the large database with every referral in ONE_YEAR."""
    partial = path.with_suffix(".partial")
    shutil.copyfile(ctx.large_db, partial)
    db = sqlite3.connect(partial, isolation_level=None)
    # The update triggers of the audit trail call the program's functions;
    # the copy is not a change anyone made, so they are set aside.
    triggers = db.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'"
                          " AND tbl_name IN ('cases', 'referrals', 'history') AND name GLOB '*_update'").fetchall()
    db.execute("BEGIN")
    for name, _ in triggers:
        db.execute('DROP TRIGGER "%s"' % name)
    (earliest,) = db.execute("SELECT min (d) FROM (SELECT min (received_on) d FROM cases"
                             " UNION ALL SELECT min (referred_on) FROM referrals)").fetchone()
    if earliest < FIRST_DAY:
        raise RuntimeError("the large database has dates before %s" % FIRST_DAY)
    db.execute("UPDATE cases SET received_on = %s, consent_on = %s, support_meeting_on = %s"
               % (squeeze("received_on"), squeeze("consent_on"), squeeze("support_meeting_on")))
    db.execute("UPDATE referrals SET referred_on = %s, due_on = %s, closed_on = %s"
               % (squeeze("referred_on"), squeeze("due_on"), squeeze("closed_on")))
    for _, sql in triggers:
        db.execute(sql)
    db.execute("COMMIT")
    (outside,) = db.execute("SELECT count (*) FROM referrals WHERE referred_on NOT BETWEEN ? AND ?",
                            ("%d-04-01" % ONE_YEAR, "%d-03-31" % (ONE_YEAR + 1))).fetchone()
    db.execute("PRAGMA wal_checkpoint (TRUNCATE)")
    db.close()
    if outside:
        raise RuntimeError("%d referrals fell outside fiscal year %d" % (outside, ONE_YEAR))
    partial.replace(path)


def make_rows_csv(ctx, one_year, path):
    """The referral rows of the workbook, as CSV, for LibreOffice: the
    baseline writes them and they are read back from its sheet."""
    import openpyxl

    workbook_path = ctx.scratch / "rows-for-csv.xlsx"
    subprocess.run([ctx.build / "tests" / "bench" / "io" / "baseline-export", one_year, str(ONE_YEAR),
                    workbook_path], check=True)
    workbook = openpyxl.load_workbook(workbook_path, read_only=True)
    sheet = workbook["Referrals"]
    partial = path.with_suffix(".partial")
    with open(partial, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        for number, row in enumerate(sheet.iter_rows(values_only=True)):
            if number < 2:
                continue
            writer.writerow(["" if v is None else v.date().isoformat() if hasattr(v, "date") else v
                             for v in row])
    workbook.close()
    workbook_path.unlink()
    partial.replace(path)


def derived_data(ctx):
    """one-year.db, its rows as CSV and how many referrals it holds, made
    again when the large database was."""
    one_year = ctx.work / "one-year.db"
    rows_csv = ctx.work / "one-year-rows.csv"
    info_path = ctx.work / "one-year.json"
    stamp = stamp_of(ctx)
    info = json.loads(info_path.read_text()) if info_path.exists() else {}
    if info.get("stamp") != stamp or not one_year.exists() or not rows_csv.exists():
        info_path.unlink(missing_ok=True)
        make_one_year(ctx, one_year)
        make_rows_csv(ctx, one_year, rows_csv)
        (referrals,) = sqlite3.connect(one_year).execute("SELECT count (*) FROM referrals").fetchone()
        info = {"stamp": stamp, "referrals": referrals}
        info_path.write_text(json.dumps(info))
    ctx.mark_backed_up(one_year)
    return one_year, rows_csv, info["referrals"]


def ratio_at_most(limit):
    return lambda a, b: None if not b else a / b <= limit


def figures(ctx):
    one_year, rows_csv, n_exported = derived_data(ctx)
    with open(ctx.referrals_csv, encoding="utf-8-sig", newline="") as f:
        n_imported = sum(1 for _ in csv.reader(f)) - 1
    council = council_name(ctx.source)
    out = ctx.scratch / "io"
    out.mkdir(exist_ok=True)
    ours_xlsx = out / "referrals.xlsx"
    baseline_xlsx = out / "baseline.xlsx"
    io = ctx.build / "tests" / "bench" / "io"

    def removing(*paths):
        # A run must write its file anew, never find it there.
        def prepare():
            for path in paths:
                path.unlink(missing_ok=True)
        return prepare

    def export():
        return [ctx.tsunagu, "--database", one_year, "export", "referrals", "--fiscal-year", str(ONE_YEAR),
                "--include-cases", "--output", ours_xlsx]

    def baseline_export():
        return [io / "baseline-export", one_year, str(ONE_YEAR), baseline_xlsx, council]

    exported = "{:,} referrals".format(n_exported)
    result = [
        {
            "name": "Export: referrals --include-cases .xlsx ({}) vs libxlsxwriter constant_memory"
                    .format(exported),
            "a": export,
            "b": baseline_export,
            "prepare": removing(ours_xlsx, baseline_xlsx),
            "metric": "seconds",
            "target": "≤ 1.25×",
            "check": ratio_at_most(1.25),
        },
        {
            "name": "Export: referrals --include-cases ({}), peak RSS; baseline for reference".format(exported),
            "a": export,
            "b": baseline_export,
            "prepare": removing(ours_xlsx, baseline_xlsx),
            "metric": "rss",
            "target": "≤ 32 MiB",
            "check": lambda a, b: a <= 32,
        },
    ]

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        profile = ctx.work / "libreoffice-profile"
        converted = out / "lo"
        state = {"warm": profile.exists()}

        def prepare_soffice():
            removing(ours_xlsx)()
            shutil.rmtree(converted, ignore_errors=True)
            if not state["warm"]:
                # Its first start makes the profile: not part of a conversion.
                subprocess.run(soffice_argv(), cwd=ctx.scratch, env=ctx.env, check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                shutil.rmtree(converted, ignore_errors=True)
                state["warm"] = True

        def soffice_argv():
            return [soffice, "-env:UserInstallation=" + profile.as_uri(), "--headless",
                    "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", converted, rows_csv]

        result.append({
            "name": "Export: referrals --include-cases ({}) vs LibreOffice converting the rows as CSV"
                    .format(exported),
            "a": export,
            "b": soffice_argv,
            "prepare": prepare_soffice,
            "metric": "seconds",
            "target": "",
        })

    target = {}

    def fresh_target():
        target["db"] = ctx.fresh_copy(ctx.orgs_only_db)

    def import_referrals():
        return [ctx.tsunagu, "--database", target["db"], "import", "referrals", ctx.referrals_csv]

    def baseline_import():
        return [io / "baseline-import", target["db"], ctx.referrals_csv]

    imported = "{:,} rows".format(n_imported)
    result.append({
        "name": "Import: referrals CSV ({}) vs prepared INSERTs in one transaction".format(imported),
        "a": import_referrals,
        "b": baseline_import,
        "prepare": fresh_target,
        "metric": "seconds",
        "target": "≤ 2×",
        "check": ratio_at_most(2.0),
    })

    sqlite3_cli = shutil.which("sqlite3")
    if sqlite3_cli:
        plain = {}

        def fresh_plain():
            fresh_target()
            plain["db"] = out / "plain.db"
            plain["db"].unlink(missing_ok=True)
            with open(ctx.referrals_csv, encoding="utf-8-sig") as f:
                header = next(csv.reader(f))
            db = sqlite3.connect(plain["db"])
            db.execute("CREATE TABLE referrals (%s)" % ", ".join('"%s" TEXT' % h for h in header))
            db.close()

        def dot_import():
            return [sqlite3_cli, "-cmd", ".mode csv", plain["db"],
                    ".import --skip 1 %s referrals" % ctx.referrals_csv]

        result.append({
            "name": "Import: referrals CSV ({}) vs sqlite3 .import into a plain table".format(imported),
            "a": import_referrals,
            "b": dot_import,
            "prepare": fresh_plain,
            "metric": "seconds",
            "target": "",
        })
    return result
