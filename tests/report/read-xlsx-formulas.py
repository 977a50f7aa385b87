#!/usr/bin/python3
# Prints every sheet of a workbook with formulas and the values stored
# for them, one fact a line: KEY<TAB>VALUE..., so the assertions stay in
# C. openpyxl reads a formula as its text; with data_only=True it reads
# the value the writer stored (it never calculates).
import sys

import openpyxl


def clean(value):
    return str(value).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


formulas = openpyxl.load_workbook(sys.argv[1])
values = openpyxl.load_workbook(sys.argv[1], data_only=True)
for index, ws in enumerate(formulas.worksheets):
    cached = values.worksheets[index]
    print("sheet\t%d\t%s" % (index, clean(ws.title)))
    print("freeze\t%d\t%s" % (index, ws.freeze_panes))
    print("autofilter\t%d\t%s" % (index, ws.auto_filter.ref))
    print("orientation\t%d\t%s" % (index, ws.page_setup.orientation))
    print("paper\t%d\t%s" % (index, ws.page_setup.paperSize))
    print("title_rows\t%d\t%s" % (index, ws.print_title_rows))
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            value = cached.cell(row=cell.row, column=cell.column).value
            if cell.is_date:
                kind, text = "date", cell.value.strftime("%Y-%m-%d")
            elif cell.data_type == "f":
                kind, text = "formula", cell.value
            else:
                kind, text = type(cell.value).__name__, cell.value
            print("cell\t%d\t%d\t%d\t%s\t%s\t%s\t%s" % (
                index, cell.row, cell.column, kind, clean(text),
                type(value).__name__, clean(value)))
