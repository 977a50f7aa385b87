"""Issue 7, deliverable 7: printouts of the large database, reported only.

- the 出席者名簿 (attendee list) PDF of the event with exactly 2,000
  attendees (large.json: big_event_key);
- the budget sheet of the fiscal year with exactly 500 lines (large.json:
  budget_year), as a workbook and as a PDF.

Each is the wall time of the whole `tsunagu` process, start-up included,
as a secretary would wait for it. No baseline: there is nothing else that
writes these documents.
"""


def figures(ctx):
    key = ctx.info["big_event_key"]
    attendees = ctx.info["big_event_attendees"]
    year = ctx.info["budget_year"]
    lines = ctx.info["budget_year_lines"]
    out = ctx.scratch / "print"
    out.mkdir(exist_ok=True)

    def command(*args):
        return lambda: [ctx.tsunagu, "--database", ctx.large_db, *args]

    def removing(path):
        # A run must write its file anew, never find it there.
        return lambda: path.unlink(missing_ok=True)

    attendee_pdf = out / "attendees.pdf"
    budget_xlsx = out / "budget.xlsx"
    budget_pdf = out / "budget.pdf"
    return [
        {
            "name": "Print: attendee list (出席者名簿) PDF, event of {:,} attendees".format(attendees),
            "a": command("print", "attendees", "--event", key, "--output", attendee_pdf),
            "prepare": removing(attendee_pdf),
            "metric": "seconds",
            "target": "",
        },
        {
            "name": "Export: budget sheet .xlsx, fiscal year of {:,} lines".format(lines),
            "a": command("export", "budget", "--fiscal-year", str(year), "--output", budget_xlsx),
            "prepare": removing(budget_xlsx),
            "metric": "seconds",
            "target": "",
        },
        {
            "name": "Print: budget sheet PDF, fiscal year of {:,} lines".format(lines),
            "a": command("print", "budget", "--fiscal-year", str(year), "--output", budget_pdf),
            "prepare": removing(budget_pdf),
            "metric": "seconds",
            "target": "",
        },
    ]
