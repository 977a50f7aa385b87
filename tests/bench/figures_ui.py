"""Issue 7, deliverables 4, 5 and 6: the window on the large database.

Start-up — from exec to the first painted frame of the main window showing
the referrals view (TSUNAGU_BENCH_VIEW=referrals, TSUNAGU_BENCH_FIRST_FRAME=1,
which prints the seconds and quits), against tests/bench/ui/bare-window, an
empty AdwApplicationWindow of the same size that quits after its first
frame through the same hook (src/gui/tsu-bench.c). Both are started by
tests/bench/ui/exec-timer, which puts the monotonic time just before its
exec in the environment: "since exec" is counted the same way on both
sides, exec and dynamic linking included. Target ≤ 1.3×.

Search — tests/bench/ui/search-bench: the real referrals view on the large
database, the search entry's text set to a part of an organisation's name,
until the list of open referrals has changed; against a GtkFilterListModel
with a GtkStringFilter over the searchable text of all 100,000 referrals,
the same query, in the same kind of window. The entry's 150 ms typing pause
is set to 0 (the baseline has none). Median of five in each process.
Target ≤ 0.5×.

Memory — peak RSS (wait4) of the program with the large database open,
started on the overview and shown each view in turn, each until painted
(TSUNAGU_BENCH_VISIT_ALL=1), against the bare window's. Target ≤ 1.3×.

Floor, for reference: the same start-up and memory figures of the bare
window with --japanese (a header bar, a symbolic icon and one line of
Japanese text), against the bare window. What any Japanese window pays
for fontconfig, Noto Sans CJK and librsvg is in this ratio, and it is
part of Tsunagu's too.
"""


def figures(ctx):
    ui = ctx.build / "tests" / "bench" / "ui"
    timer = ui / "exec-timer"
    bare = ui / "bare-window"

    def tsunagu(*variables):
        # env(1) runs before the timer starts, so it is not counted.
        return lambda: ["env", *variables, timer, ctx.tsunagu, "--database", ctx.large_db]

    def ratio_at_most(limit):
        return lambda a, b: a / b <= limit if b else None

    return [
        {
            "name": "Start-up to first frame, referrals view, large DB",
            "a": tsunagu("TSUNAGU_BENCH_FIRST_FRAME=1", "TSUNAGU_BENCH_VIEW=referrals"),
            "b": lambda: [timer, bare],
            "metric": "reported",
            "target": "≤ 1.3×",
            "check": ratio_at_most(1.3),
            "timeout": 300,
        },
        {
            "name": "Search: keystroke to filtered list, 100,000 referrals",
            "a": lambda: [ui / "search-bench", ctx.large_db],
            "b": lambda: [ui / "search-bench", "--baseline", ctx.large_db],
            "metric": "reported",
            "target": "≤ 0.5×",
            "check": ratio_at_most(0.5),
            "timeout": 600,
        },
        {
            "name": "Memory: peak RSS, large DB, every view shown once",
            "a": lambda: ["env", "TSUNAGU_BENCH_VISIT_ALL=1", ctx.tsunagu, "--database", ctx.large_db],
            "b": lambda: [bare],
            "metric": "rss",
            "target": "≤ 1.3×",
            "check": ratio_at_most(1.3),
            "timeout": 600,
        },
        {
            "name": "Floor (reference): start-up, bare window with Japanese text, header bar and icon",
            "a": lambda: [timer, bare, "--japanese"],
            "b": lambda: [timer, bare],
            "metric": "reported",
            "target": "",
            "timeout": 300,
        },
        {
            "name": "Floor (reference): peak RSS, bare window with Japanese text, header bar and icon",
            "a": lambda: [bare, "--japanese"],
            "b": lambda: [bare],
            "metric": "rss",
            "target": "",
            "timeout": 300,
        },
    ]
