#!/usr/bin/python3
# Prints what the report tests check in a workbook, one fact a line:
# KEY<TAB>VALUE..., so the assertions stay in C.
import sys

import openpyxl


def clean(value):
    return str(value).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


wb = openpyxl.load_workbook(sys.argv[1])
print("sheets\t" + "\t".join(wb.sheetnames))
ws = wb.worksheets[0]
print("freeze\t%s" % ws.freeze_panes)
print("autofilter\t%s" % ws.auto_filter.ref)
print("orientation\t%s" % ws.page_setup.orientation)
print("paper\t%s" % ws.page_setup.paperSize)
print("fit_to_page\t%s" % ws.sheet_properties.pageSetUpPr.fitToPage)
# Absent attributes take the default of the file format (ECMA-376
# CT_PageSetup: fitToWidth and fitToHeight are 1), as Excel reads them.
fit_width = ws.page_setup.fitToWidth
fit_height = ws.page_setup.fitToHeight
print("fit_width\t%s" % (1 if fit_width is None else fit_width))
print("fit_height\t%s" % (1 if fit_height is None else fit_height))
print("title_rows\t%s" % ws.print_title_rows)
print("footer\t%s" % clean(ws.oddFooter.center.text))
print("max_row\t%d" % ws.max_row)
print("max_column\t%d" % ws.max_column)
for column in range(1, ws.max_column + 1):
    letter = openpyxl.utils.get_column_letter(column)
    print("width\t%d\t%s" % (column, ws.column_dimensions[letter].width))
for row in ws.iter_rows():
    for cell in row:
        if cell.value is None:
            continue
        if cell.is_date:
            kind, value = "date", cell.value.strftime("%Y-%m-%d")
        else:
            kind, value = type(cell.value).__name__, cell.value
        print("cell\t%d\t%d\t%s\t%s\t%s\t%s\t%s" % (
            cell.row, cell.column, kind, clean(cell.number_format),
            clean(cell.font.name), cell.alignment.wrap_text, clean(value)))
