#!/usr/bin/python3
"""Runs the benchmarks of tests/bench and writes one Markdown table.

    run-bench.py --build BUILD_DIR --work DIR --out FILE.md
                 [--runs N] [--only SUBSTRING] [--list]

BUILD_DIR is a build configured with -Dbenchmarks=true (build-aux/dev bench
uses build-release, --buildtype=release). DIR keeps the large database, the
organisations-only database and the 100,000-row referrals CSV between runs:
they are generated once by tests/bench/generate-large and made again only
when the generator's version stamp changes.

Every module tests/bench/figures_*.py has a function figures(ctx) that
returns a list of figures (dicts):

    name     row label (English)
    a        callable returning the argv of our side (Tsunagu)
    b        optional: callable returning the argv of the baseline
    prepare  optional: callable run, untimed, before each single run (then
             a() or b() is called for the argv, so it may use what prepare
             made)
    metric   "seconds"  wall time of the process
             "rss"      peak RSS of the process in MiB, through
                        tests/bench/peak-rss (ru_maxrss of wait4 there: one
                        taken here would count this runner's own memory,
                        which Linux keeps in a child's peak across exec)
             "reported" the process prints a line
                        `BENCH value=<number> unit=<s|MiB>`; that value
    target   text for the table ("≤ 1.25×", "≤ 32 MiB", "" to only report)
    check    optional: callable (a_median, b_median) -> True/False/None
    timeout  optional: seconds one run may take (default 900)

ctx has: build, work, source, tsunagu, large_db, orgs_only_db,
referrals_csv (Paths), info (large.json: big_event_key, budget_year,
counts …), env (the environment every run gets: LANG=C.UTF-8,
GSETTINGS_BACKEND=memory, GTK_A11Y=none, GSK_RENDERER=cairo and the DISPLAY
of the one Xvfb this runner starts), scratch (a folder removed at exit) and
fresh_copy(path) (a copy of a file in a folder of its own under scratch, for
benchmarks that write; the previous copy of the same file is removed).

Rounds alternate the sides, A B A B …, so that a slow moment of the machine
falls on both. Targets are only reported: the exit status is 1 when a figure
could not be measured (a run failed), not when a target is missed.

The program takes an automatic backup on the first open of each day; so
that none is timed, every database the benchmarks open (the large one, the
organisations-only one and every fresh copy) has a backup of today beside it
(a hard link to the file, named as the program names its backups).
"""

import argparse
import atexit
import datetime
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]
BENCH_LINE = re.compile(r"^BENCH value=([-+0-9.eE]+) unit=(\S+)\s*$")
UNITS = {"seconds": "s", "rss": "MiB"}


def log(*args):
    print("run-bench:", *args, file=sys.stderr, flush=True)


# ---- the large database --------------------------------------------------

def ensure_data(build, work):
    """Generates the large database and the CSV unless the stamp matches."""
    generator = build / "tests" / "bench" / "generate-large"
    if not generator.exists():
        sys.exit("run-bench: %s is missing: configure the build with -Dbenchmarks=true" % generator)
    stamp = subprocess.run([str(generator), "--version"], check=True,
                           capture_output=True, text=True).stdout.strip()
    stamp_file = work / "large.stamp"
    files = [work / n for n in ("large.db", "orgs-only.db", "referrals.csv", "large.json")]
    if (stamp_file.exists() and stamp_file.read_text().strip() == stamp
            and all(f.exists() for f in files)):
        log("reusing the large database in %s (%s)" % (work, stamp))
    else:
        log("generating the large database in %s (%s) …" % (work, stamp))
        stamp_file.unlink(missing_ok=True)
        shutil.rmtree(work / "backups", ignore_errors=True)
        started = time.monotonic()
        subprocess.run([str(generator), "--output", str(work)], check=True)
        log("generated in %.1f s" % (time.monotonic() - started))
        stamp_file.write_text(stamp + "\n")
    return json.loads((work / "large.json").read_text(encoding="utf-8"))


def mark_backed_up(db):
    """Puts a backup of today beside @db (see the module's docstring)."""
    db = Path(db)
    folder = db.parent / "backups"
    stem = db.stem
    today = datetime.date.today().isoformat()
    if folder.is_dir() and any(p.name.startswith("%s-%sT" % (stem, today)) for p in folder.iterdir()):
        return
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / ("%s-%sT000000.db" % (stem, today))
    try:
        os.link(db, marker)
    except OSError:
        shutil.copyfile(db, marker)


# ---- Xvfb ------------------------------------------------------------------

class Xvfb:
    def __init__(self):
        self.process = None
        self.display = None

    def start(self):
        for number in range(99, 200):
            if Path("/tmp/.X%d-lock" % number).exists() or Path("/tmp/.X11-unix/X%d" % number).exists():
                continue
            process = subprocess.Popen(["Xvfb", ":%d" % number, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                       start_new_session=True)
            socket = Path("/tmp/.X11-unix/X%d" % number)
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and process.poll() is None and not socket.exists():
                time.sleep(0.05)
            if process.poll() is None and socket.exists():
                self.process = process
                self.display = ":%d" % number
                log("Xvfb on %s (pid %d)" % (self.display, process.pid))
                return self.display
            # Another program took the number meanwhile: try the next one.
            if process.poll() is None:
                process.kill()
            process.wait()
        sys.exit("run-bench: no free display for Xvfb")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


# ---- the context handed to figures() ---------------------------------------

class Context:
    def __init__(self, build, work, info, env, scratch):
        self.build = build
        self.work = work
        self.source = SOURCE
        self.tsunagu = build / "src" / "tsunagu"
        self.large_db = work / "large.db"
        self.orgs_only_db = work / "orgs-only.db"
        self.referrals_csv = work / "referrals.csv"
        self.info = info
        self.env = env
        self.scratch = scratch
        self._copies = {}
        self._count = 0

    def fresh_copy(self, path):
        path = Path(path)
        previous = self._copies.pop(path, None)
        if previous is not None:
            shutil.rmtree(previous.parent, ignore_errors=True)
        self._count += 1
        folder = self.scratch / ("copy-%d" % self._count)
        folder.mkdir()
        copy = folder / path.name
        shutil.copyfile(path, copy)
        if path.suffix == ".db":
            mark_backed_up(copy)
        self._copies[path] = copy
        return copy

    def mark_backed_up(self, path):
        mark_backed_up(path)


# ---- measuring -------------------------------------------------------------

class RunFailed(Exception):
    pass


def run_once(ctx, figure, side):
    if figure.get("prepare"):
        figure["prepare"]()
    argv = [str(a) for a in figure[side]()]
    metric = figure.get("metric", "seconds")
    if metric == "rss":
        argv.insert(0, str(ctx.build / "tests" / "bench" / "peak-rss"))
    timeout = figure.get("timeout", 900)
    mark_backed_up(ctx.large_db)
    mark_backed_up(ctx.orgs_only_db)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, env=ctx.env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                   cwd=ctx.scratch)
        # A blocking wait: polling would take CPU from the process measured.
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode == -signal.SIGKILL and time.perf_counter() - started >= timeout:
            raise RunFailed("%s: timed out after %d s" % (argv[0], timeout))
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise RunFailed("%s exited with %d:\n%s" % (" ".join(argv), process.returncode, (stderr or stdout)[-2000:]))
    if metric == "seconds":
        return seconds, "s"
    if metric in ("rss", "reported"):
        for line in reversed((stdout + "\n" + stderr).splitlines()):
            match = BENCH_LINE.match(line.strip())
            if match:
                return float(match.group(1)), match.group(2)
        raise RunFailed("%s printed no `BENCH value=… unit=…` line" % argv[0])
    raise RunFailed("unknown metric %r" % metric)


def scale_of(value, unit):
    """The unit and factor a value is shown in: ms under a second."""
    if unit == "s" and value < 1:
        return "ms", 1000.0
    return unit, 1.0


def decimals_for(shown):
    return 0 if shown >= 100 else 1 if shown >= 10 else 2


def fmt(value, unit):
    shown_unit, factor = scale_of(value, unit)
    return "%.*f %s" % (decimals_for(value * factor), value * factor, shown_unit)


def summary(values, unit):
    """"812 ms (790–850)": min and max as the median is shown."""
    if not values:
        return ""
    median = statistics.median(values)
    shown_unit, factor = scale_of(median, unit)
    places = decimals_for(median * factor)
    return "%.*f %s (%.*f–%.*f)" % (places, median * factor, shown_unit,
                                    places, min(values) * factor, places, max(values) * factor)


def measure(ctx, figure, runs):
    sides = ["a"] + (["b"] if figure.get("b") else [])
    values = {side: [] for side in sides}
    units = {side: UNITS.get(figure.get("metric", "seconds")) for side in sides}
    for round_number in range(runs):
        shown = []
        for side in sides:
            value, unit = run_once(ctx, figure, side)
            values[side].append(value)
            units[side] = unit
            shown.append("%s %s" % (side.upper(), fmt(value, unit)))
        log("  %d/%d: %s" % (round_number + 1, runs, ", ".join(shown)))
    return values, units


# ---- the report -------------------------------------------------------------

def machine_header(ctx, runs):
    cpu = platform.processor() or "?"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal:"):
                ram = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
                break
    except OSError:
        pass
    commit = subprocess.run(["git", "-C", str(SOURCE), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "?"
    dirty = subprocess.run(["git", "-C", str(SOURCE), "diff", "--quiet", "HEAD", "--", "src", "tests", "meson.build"],
                           capture_output=True).returncode != 0
    buildtype = "?"
    try:
        for option in json.loads(subprocess.run(["meson", "introspect", "--buildoptions", str(ctx.build)],
                                                capture_output=True, text=True, check=True).stdout):
            if option["name"] == "buildtype":
                buildtype = option["value"]
    except (OSError, subprocess.CalledProcessError, ValueError):
        pass
    counts = ctx.info.get("counts", {})
    lines = [
        "Machine: %d CPUs (%s), %s RAM, %s. Date: %s. Commit: %s%s. Build: %s. Runs: %d each, A B alternating; "
        "median (min–max)." % (os.cpu_count() or 0, cpu, ram, platform.platform(terse=True),
                                datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), commit,
                                " with local changes" if dirty else "", buildtype, runs),
        "",
        "Large database (tests/bench/generate-large, generated in %.0f s): %s organisations, %s people, "
        "%s events, %s sessions, %s attendees, %s cases, %s referrals, %s history rows, %s budget lines, "
        "%s payments, %s audit rows; %.0f MiB." % (
            ctx.info.get("seconds", 0), *("{:,}".format(counts.get(t, 0)) for t in (
                "organizations", "people", "events", "event_sessions", "attendees", "cases", "referrals",
                "history", "budget_lines", "payments", "audit_log")),
            ctx.large_db.stat().st_size / 1048576),
    ]
    return "\n".join(lines)


def table(rows):
    head = ["Figure", "Tsunagu median (min–max)", "Baseline median (min–max)", "Ratio", "Target", "Met"]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] * len(head)) + "|"]
    for row in rows:
        out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(out)


def load_figures(ctx, only):
    figures = []
    for path in sorted((SOURCE / "tests" / "bench").glob("figures_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        for figure in module.figures(ctx):
            label = "%s: %s" % (path.stem, figure["name"])
            if only and only.lower() not in label.lower():
                continue
            figures.append((path.stem, figure))
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="", help="only figures whose module or name contain this")
    parser.add_argument("--list", action="store_true", help="list the figures and stop")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be 1 or more")

    build = args.build.resolve()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    info = ensure_data(build, work)
    mark_backed_up(work / "large.db")
    mark_backed_up(work / "orgs-only.db")

    scratch = Path(tempfile.mkdtemp(prefix="scratch-", dir=work))
    xvfb = Xvfb()

    def cleanup():
        xvfb.stop()
        shutil.rmtree(scratch, ignore_errors=True)

    atexit.register(cleanup)
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, lambda s, f: sys.exit(128 + s))

    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(work)),
        "LANG": "C.UTF-8",
        "GSETTINGS_BACKEND": "memory",
        "GSETTINGS_SCHEMA_DIR": str(build / "data"),
        "GTK_A11Y": "none",
        "NO_AT_BRIDGE": "1",
        "GSK_RENDERER": "cairo",
        # Nothing of the user's own: no data folder, no cache.
        "XDG_DATA_HOME": str(work / "xdg" / "data"),
        "XDG_CONFIG_HOME": str(work / "xdg" / "config"),
        "XDG_CACHE_HOME": str(work / "xdg" / "cache"),
        "XDG_RUNTIME_DIR": str(scratch),
    }
    ctx = Context(build, work, info, env, scratch)
    figures = load_figures(ctx, args.only)
    if args.list:
        for module, figure in figures:
            print("%s: %s" % (module, figure["name"]))
        return 0
    if not figures:
        sys.exit("run-bench: no figure matches %r" % args.only)
    env["DISPLAY"] = xvfb.start()

    rows = []
    failed = 0
    for module, figure in figures:
        log("%s: %s (%s, %d runs)" % (module, figure["name"], figure.get("metric", "seconds"), args.runs))
        try:
            values, units = measure(ctx, figure, args.runs)
        except (RunFailed, OSError, KeyError, ValueError) as error:
            log("  FAILED: %s" % error)
            failed += 1
            rows.append([figure["name"], "failed", "", "", figure.get("target", ""), "no"])
            continue
        a = statistics.median(values["a"])
        b = statistics.median(values["b"]) if "b" in values else None
        ratio = "%.2f×" % (a / b) if b else ""
        met = ""
        if figure.get("check"):
            verdict = figure["check"](a, b)
            met = "" if verdict is None else ("yes" if verdict else "no")
        rows.append([figure["name"], summary(values["a"], units["a"]),
                     summary(values["b"], units["b"]) if "b" in values else "",
                     ratio, figure.get("target", ""), met])

    report = "%s\n\n%s\n" % (machine_header(ctx, args.runs), table(rows))
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    log("wrote %s" % args.out)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
