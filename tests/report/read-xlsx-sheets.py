#!/usr/bin/python3
# Prints every sheet of a workbook with its page setup, column widths,
# hidden columns, row heights and cells (number format, wrapping, formula
# and the value stored for it), one fact a line: KEY<TAB>VALUE..., so the
# assertions stay in C. openpyxl never calculates: with data_only=True it
# reads the value the writer stored.
#
#   read-xlsx-sheets.py FILE          print the facts
#   read-xlsx-sheets.py --strip IN OUT
#       write a copy of IN without the stored values of formulas (openpyxl
#       writes formulas only), so that whatever reads OUT must calculate.
import sys

import openpyxl


def clean(value):
    return str(value).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


if sys.argv[1] == "--strip":
    openpyxl.load_workbook(sys.argv[2]).save(sys.argv[3])
    sys.exit(0)

formulas = openpyxl.load_workbook(sys.argv[1])
values = openpyxl.load_workbook(sys.argv[1], data_only=True)
for index, ws in enumerate(formulas.worksheets):
    cached = values.worksheets[index]
    setup = ws.page_setup
    # Absent attributes take the default of the file format (ECMA-376
    # CT_PageSetup: fitToWidth and fitToHeight are 1), as Excel reads them.
    print("sheet\t%d\t%s" % (index, clean(ws.title)))
    print("setup\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s" % (
        index, setup.orientation, setup.paperSize,
        ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
        1 if setup.fitToWidth is None else setup.fitToWidth,
        1 if setup.fitToHeight is None else setup.fitToHeight,
        ws.print_title_rows, clean(ws.oddFooter.center.text)))
    print("freeze\t%d\t%s" % (index, ws.freeze_panes))
    for letter, dim in sorted(ws.column_dimensions.items()):
        # openpyxl groups equal neighbouring columns under the first letter.
        for column in range(dim.min or 0, (dim.max or 0) + 1):
            name = openpyxl.utils.get_column_letter(column)
            print("width\t%d\t%s\t%s" % (index, name, dim.width))
            if dim.hidden:
                print("hidden\t%d\t%s" % (index, name))
    for number, dim in sorted(ws.row_dimensions.items()):
        if dim.height is not None:
            print("height\t%d\t%d\t%s" % (index, number, dim.height))
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
            print("cell\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s" % (
                index, cell.coordinate, kind, clean(cell.number_format),
                cell.alignment.wrap_text, clean(cell.font.name), clean(text),
                clean(value)))
