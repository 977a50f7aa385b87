#!/usr/bin/python3
# Prints what the audit trail test checks in a workbook, one fact a line:
# KEY<TAB>VALUE..., so the assertions stay in C. Date-time cells are
# printed with their time. Arguments after the workbook are texts to look
# for in every part of the file, not only in cells.
import sys
import zipfile

import openpyxl


def clean(value):
    return str(value).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


path = sys.argv[1]
with zipfile.ZipFile(path) as archive:
    for marker in sys.argv[2:]:
        found = any(marker.encode("utf-8") in archive.read(name) for name in archive.namelist())
        print("raw\t%s\t%s" % (marker, found))
    print("parts\t" + "\t".join(sorted(archive.namelist())))

wb = openpyxl.load_workbook(path)
print("sheets\t" + "\t".join(wb.sheetnames))
ws = wb.worksheets[0]
print("freeze\t%s" % ws.freeze_panes)
print("autofilter\t%s" % ws.auto_filter.ref)
print("orientation\t%s" % ws.page_setup.orientation)
print("paper\t%s" % ws.page_setup.paperSize)
print("fit_to_page\t%s" % ws.sheet_properties.pageSetUpPr.fitToPage)
fit_width = ws.page_setup.fitToWidth
fit_height = ws.page_setup.fitToHeight
print("fit_width\t%s" % (1 if fit_width is None else fit_width))
print("fit_height\t%s" % (1 if fit_height is None else fit_height))
print("title_rows\t%s" % ws.print_title_rows)
print("max_row\t%d" % ws.max_row)
print("max_column\t%d" % ws.max_column)
for column in range(1, ws.max_column + 1):
    letter = openpyxl.utils.get_column_letter(column)
    print("width\t%d\t%s" % (column, ws.column_dimensions[letter].width))
for number in range(1, ws.max_row + 1):
    print("height\t%d\t%s" % (number, ws.row_dimensions[number].height))
for row in ws.iter_rows():
    for cell in row:
        if cell.value is None:
            continue
        if cell.is_date:
            kind, value = "date", cell.value.strftime("%Y-%m-%dT%H:%M:%S")
        else:
            kind, value = type(cell.value).__name__, cell.value
        print("cell\t%d\t%d\t%s\t%s\t%s\t%s\t%s" % (
            cell.row, cell.column, kind, clean(cell.number_format),
            clean(cell.font.name), cell.alignment.wrap_text, clean(value)))
