#!/usr/bin/env python3
"""check_written.py BOOK.xlsx EXPECTED.json — do openpyxl and python-calamine read what we wrote?

EXPECTED.json (written by Tests/XLSXWriterTests/InteropTests.swift next to the workbook):
    {"sheets": [{"name": ..., "state": "visible|hidden", "cells": {"A1": {"type": "text|number|bool|date|error",
      "value": "...", "format": "#,##0.00"?, "formula": "SUM(B3:B4)"?}}, "merges": ["A1:C1"],
      "widths": {"A": 20.0}, "heights": {"1": 30.0}}]}
Numbers are compared exactly as decimals (the float the reader gives must be the nearest double to
our decimal text). Prints every mismatch and exits 1 if there is any.
"""
import datetime
import decimal
import json
import sys

import openpyxl
import python_calamine

problems = []


def check(ok, what):
    if not ok:
        problems.append(what)


def same_number(expected_text, got):
    if isinstance(got, bool) or not isinstance(got, (int, float)):
        return False
    return float(decimal.Decimal(expected_text)) == float(got)


def iso(v):
    if isinstance(v, datetime.datetime):
        return v.isoformat() if (v.hour, v.minute, v.second, v.microsecond) != (0, 0, 0, 0) else v.date().isoformat()
    if isinstance(v, (datetime.date, datetime.time)):
        return v.isoformat()
    return repr(v)


def check_value(reader, ref, exp, got):
    t, want = exp["type"], exp["value"]
    where = f"{reader} {ref}"
    if t == "text":
        check(got == want, f"{where}: text {got!r} != {want!r}")
    elif t == "number":
        check(same_number(want, got), f"{where}: number {got!r} != {want}")
    elif t == "bool":
        check(got is (want == "TRUE"), f"{where}: bool {got!r} != {want}")
    elif t == "date":
        check(iso(got) == want, f"{where}: date {iso(got)} != {want}")
    elif t == "error":
        # python-calamine's to_python() shows error cells as "" (it does so for Excel's own files too,
        # e.g. corpus xlsxwriter-types07.xlsx); openpyxl gives the code.
        check(got == want or (reader == "calamine" and got == ""), f"{where}: error {got!r} != {want}")


def main():
    book, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path, encoding="utf-8") as fh:
        expected = json.load(fh)
    formulas = openpyxl.load_workbook(book)
    values = openpyxl.load_workbook(book, data_only=True)
    cal = python_calamine.CalamineWorkbook.from_path(book)
    check(formulas.sheetnames == [s["name"] for s in expected["sheets"]],
          f"openpyxl sheet names {formulas.sheetnames}")
    check(cal.sheet_names == [s["name"] for s in expected["sheets"]], f"calamine sheet names {cal.sheet_names}")
    for sheet in expected["sheets"]:
        name = sheet["name"]
        wf, wv = formulas[name], values[name]
        check(wf.sheet_state == sheet["state"], f"{name}: state {wf.sheet_state}")
        grid = cal.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for ref, exp in sheet["cells"].items():
            cell = wv[ref]
            check_value("openpyxl", f"{name}!{ref}", exp, cell.value)
            if "format" in exp:
                check(wf[ref].number_format == exp["format"],
                      f"openpyxl {name}!{ref}: format {wf[ref].number_format!r} != {exp['format']!r}")
            if "formula" in exp:
                check(wf[ref].value == "=" + exp["formula"], f"openpyxl {name}!{ref}: formula {wf[ref].value!r}")
            r, c = cell.row - 1, cell.column - 1
            got = grid[r][c] if r < len(grid) and c < len(grid[r]) else None
            check_value("calamine", f"{name}!{ref}", exp, got)
        merges = sorted(str(m) for m in wf.merged_cells.ranges)
        check(merges == sorted(sheet["merges"]), f"{name}: merges {merges} != {sorted(sheet['merges'])}")
        for letter, width in sheet["widths"].items():
            got = wf.column_dimensions[letter].width
            check(got == width, f"{name}: width of {letter} {got} != {width}")
        for row, height in sheet["heights"].items():
            got = wf.row_dimensions[int(row)].height
            check(got == height, f"{name}: height of row {row} {got} != {height}")
    for p in problems:
        print("MISMATCH", p)
    cells = sum(len(s["cells"]) for s in expected["sheets"])
    print(f"check_written: {len(expected['sheets'])} sheets, {cells} cells, {len(problems)} mismatches")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
